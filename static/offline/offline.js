/* The page's side of learning offline (issue 22, docs/features/offline.md): registers the
   service worker, keeps the device's caches to the learner signed in, replays the statement
   queue (queue.js) when the connection returns, completes lessons offline, downloads and
   removes courses, marks downloaded courses on My learning, tells that graded quizzes need the
   connection, and in low-data mode loads lesson images only on tap. */
(function () {
  "use strict";
  var en = document.documentElement.lang === "en";
  function t(vi, english) { return en ? english : vi; }
  var USER_KEY = "hocmo-offline-user";
  var DOWNLOADS_KEY = "hocmo-downloads";
  var COURSE_PREFIX = "hocmo-course-";

  function downloads() {
    try { return JSON.parse(localStorage.getItem(DOWNLOADS_KEY) || "{}"); } catch (e) { return {}; }
  }
  function setDownloads(value) {
    try { localStorage.setItem(DOWNLOADS_KEY, JSON.stringify(value)); } catch (e) {}
  }

  function say(text, kind) {
    var box = document.getElementById("offline-messages");
    if (!box) {
      box = document.createElement("div");
      box.id = "offline-messages";
      box.className = "messages";
      box.setAttribute("role", "status");
      var main = document.getElementById("main");
      if (!main) { return; }
      main.parentNode.insertBefore(box, main);
    }
    var p = document.createElement("p");
    p.className = "msg " + (kind || "info");
    p.textContent = text;
    box.appendChild(p);
  }

  function clearPersonalCaches() {
    setDownloads({});
    if (!window.caches) { return Promise.resolve(); }
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name === "hocmo-pages" || name.indexOf(COURSE_PREFIX) === 0;
      }).map(function (name) { return caches.delete(name); }));
    });
  }

  // The account this device's caches belong to. Another person signed in (or nobody): the
  // pages kept for the previous one are removed before anything else happens.
  var me = null;
  function checkIdentity() {
    if (!navigator.onLine || !window.HocMoQueue) { return Promise.resolve(null); }
    return HocMoQueue.whoami().then(function (who) {
      me = who;
      var previous = localStorage.getItem(USER_KEY) || "";
      var current = who.user || "";
      var done = Promise.resolve();
      if (previous && previous !== current) { done = clearPersonalCaches(); }
      try { localStorage.setItem(USER_KEY, current); } catch (e) {}
      return done.then(function () { return who; });
    }, function () { return null; });
  }

  function showNotices() {
    return HocMoQueue.takeNotices().then(function (items) {
      items.forEach(function (item) {
        say(t("Không ghi được một kết quả học ngoại tuyến: ", "An offline result was not recorded: ")
            + item.text, "error");
      });
    });
  }

  // Whoever replayed (this page, or the worker on Background Sync), the learner is told.
  function replayed(outcome) {
    // Each sent statement is announced, so the H5P block that made it says "saved".
    ((outcome && outcome.statements) || []).forEach(function (statement) {
      window.dispatchEvent(new CustomEvent("hocmo-statement-sent", { detail: statement }));
    });
    if (outcome && outcome.sent) {
      say(t("Đã gửi " + outcome.sent + " kết quả học ngoại tuyến lên máy chủ.",
            outcome.sent + " offline result(s) sent to the server."), "success");
      var before = Number(document.documentElement.dataset.offlineSynced || 0);
      document.documentElement.dataset.offlineSynced = String(before + outcome.sent);
    }
    return showNotices();
  }

  function replay() {
    if (!window.HocMoQueue || !navigator.onLine) { return Promise.resolve(); }
    return HocMoQueue.replay().then(replayed).catch(function () {});
  }

  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "hocmo-replayed") { replayed(event.data.outcome); }
    });
  }

  // "Hoàn thành bài học" without a connection: kept as a statement, sent later.
  function completeOffline(form) {
    var lessonId = form.dataset.offlineComplete;
    var statement = {
      verb: { id: "http://adlnet.gov/expapi/verbs/completed",
              display: { "vi-VN": "đã hoàn thành", "en-US": "completed" } },
      object: { objectType: "Activity", id: location.origin + form.dataset.activityPath }
    };
    var account = (me && me.user) ? me : cachedAccount();
    HocMoQueue.add(statement, account).then(function () {
      var p = document.createElement("p");
      p.className = "done";
      p.setAttribute("role", "status");
      p.textContent = t("✓ Đã lưu trên máy: bài học sẽ được ghi hoàn thành khi có mạng.",
                        "✓ Saved on this device: the lesson will be recorded as completed when you are back online.");
      form.replaceWith(p);
      document.documentElement.dataset.offlineQueued = lessonId;
    });
  }

  function cachedAccount() {
    try { return JSON.parse(localStorage.getItem(USER_KEY + "-account") || "null"); } catch (e) { return null; }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.offlineComplete && !navigator.onLine && window.HocMoQueue) {
      event.preventDefault();
      completeOffline(form);
    }
  });

  function formatBytes(bytes) {
    var mb = bytes / (1024 * 1024);
    return mb >= 1 ? mb.toFixed(1).replace(".", en ? "." : ",") + " MB"
                   : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  // "Tải về để học ngoại tuyến" on a course page.
  function setUpDownload(box) {
    var courseId = box.dataset.course;
    var size = box.querySelector("[data-size]");
    var button = box.querySelector("[data-download]");
    var remove = box.querySelector("[data-remove]");
    var bar = box.querySelector("progress");
    var status = box.querySelector("[data-status]");
    var list = null;
    box.hidden = false;
    function refresh() {
      var record = downloads()[courseId];
      remove.hidden = !record;
      button.textContent = record ? t("Tải lại bản mới", "Download again")
                                  : t("Tải về để học ngoại tuyến", "Download for offline learning");
      if (record) {
        status.textContent = t("Đã tải về " + formatBytes(record.bytes) + ": học được khi không có mạng.",
                               "Downloaded (" + formatBytes(record.bytes) + "): available offline.");
      }
    }
    refresh();
    if (!window.caches || !navigator.serviceWorker) {
      button.disabled = true;
      status.textContent = t("Trình duyệt này không lưu được khóa học để học ngoại tuyến.",
                             "This browser cannot keep courses for offline learning.");
      return;
    }
    fetch(box.dataset.files, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (body) {
      list = body;
      size.textContent = t("Dung lượng tải về: khoảng " + formatBytes(body.total_bytes)
                           + " (" + body.files.length + " tệp)",
                           "Download size: about " + formatBytes(body.total_bytes)
                           + " (" + body.files.length + " files)");
      if (body.optional.length) {
        size.textContent += t(". Video (" + formatBytes(body.optional_bytes) + ") không tải về; xem khi có mạng.",
                              ". Videos (" + formatBytes(body.optional_bytes) + ") are not downloaded; watch them online.");
      }
      box.dataset.totalBytes = body.total_bytes;
    }).catch(function () {
      size.textContent = t("Cần có mạng để biết dung lượng tải về.", "Go online to see the download size.");
    });

    button.addEventListener("click", function () {
      if (!list) { return; }
      var estimate = navigator.storage && navigator.storage.estimate
        ? navigator.storage.estimate() : Promise.resolve(null);
      estimate.then(function (quota) {
        var free = quota && quota.quota ? quota.quota - quota.usage : Infinity;
        if (free < list.total_bytes * 1.1) {
          status.textContent = t("Không đủ chỗ trên máy: cần khoảng " + formatBytes(list.total_bytes)
                                 + ", còn trống " + formatBytes(Math.max(free, 0))
                                 + ". Hãy xoá bớt khóa học đã tải hoặc giải phóng bộ nhớ máy.",
                                 "Not enough space on this device: about " + formatBytes(list.total_bytes)
                                 + " needed, " + formatBytes(Math.max(free, 0))
                                 + " free. Remove a downloaded course or free some storage.");
          box.dataset.state = "quota";
          return;
        }
        download();
      });
    });

    function download() {
      var files = list.files.filter(function (f) {
        return new URL(f.url, location.href).origin === location.origin;
      });
      var skipped = list.files.length - files.length;
      var done = 0, bytes = 0;
      bar.hidden = false; bar.max = files.length; bar.value = 0;
      button.disabled = true;
      status.textContent = t("Đang tải về…", "Downloading…");
      var started = Date.now();
      caches.open(COURSE_PREFIX + courseId).then(function (cache) {
        return files.reduce(function (previous, file) {
          return previous.then(function () {
            return fetch(file.url, { credentials: "same-origin" }).then(function (response) {
              if (!response.ok) { throw new Error(file.url + " " + response.status); }
              return response.clone().blob().then(function (blob) {
                bytes += blob.size;
                return cache.put(file.url, response);
              });
            }).then(function () { done += 1; bar.value = done; });
          });
        }, Promise.resolve());
      }).then(function () {
        var all = downloads();
        all[courseId] = { bytes: bytes, files: done, title: list.title, at: Date.now(),
                          ms: Date.now() - started };
        setDownloads(all);
        button.disabled = false;
        refresh();
        if (skipped) {
          status.textContent += t(" Bài tập tương tác (H5P) và bài giảng SCORM chưa mở từ máy được: mở chúng một lần khi có mạng.",
                                  " Interactive (H5P) exercises and SCORM lectures cannot open from the device yet: open them once while online.");
        }
        box.dataset.state = "done";
      }).catch(function (error) {
        button.disabled = false;
        box.dataset.state = "error";
        var quota = error && error.name === "QuotaExceededError";
        status.textContent = quota
          ? t("Máy đã hết chỗ trong khi tải; phần đã tải được xoá.", "The device ran out of space; the partial download was removed.")
          : t("Tải về bị gián đoạn; hãy thử lại khi có mạng.", "The download was interrupted; try again when online.");
        if (quota) { caches.delete(COURSE_PREFIX + courseId); }
      });
    }

    remove.addEventListener("click", function () {
      caches.delete(COURSE_PREFIX + courseId).then(function () {
        var all = downloads();
        delete all[courseId];
        setDownloads(all);
        bar.hidden = true;
        status.textContent = t("Đã xoá bản tải về.", "The download was removed.");
        box.dataset.state = "removed";
        refresh();
      });
    });
  }

  function markDownloaded() {
    var all = downloads();
    document.querySelectorAll("[data-offline-course]").forEach(function (card) {
      var record = all[card.dataset.offlineCourse];
      var mark = card.querySelector("[data-offline-mark]");
      if (record && mark) {
        mark.hidden = false;
        mark.textContent = t("Đã tải về · " + formatBytes(record.bytes),
                             "Downloaded · " + formatBytes(record.bytes));
      }
    });
  }

  function showConnectionNotes() {
    document.querySelectorAll("[data-offline-note]").forEach(function (note) {
      note.hidden = navigator.onLine;
    });
  }

  // Low-data mode: lesson images wait for a tap (the video never preloads: preload="none").
  function lowData() {
    var saveData = navigator.connection && navigator.connection.saveData;
    if (!saveData && document.documentElement.dataset.saveData !== "1") { return; }
    document.querySelectorAll(".lesson-body img").forEach(function (img) {
      if (img.complete && img.naturalWidth) { return; }
      var src = img.getAttribute("src");
      img.removeAttribute("src");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn";
      button.textContent = t("Chạm để tải ảnh", "Tap to load the image");
      button.addEventListener("click", function () { img.src = src; button.remove(); });
      img.parentNode.insertBefore(button, img);
    });
  }

  // Low-data mode chosen by the server (Save-Data: on): images come as links; a tap shows the
  // image in place of its link (without JavaScript the link opens it).
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-tap-image]") : null;
    if (!link) { return; }
    event.preventDefault();
    var img = document.createElement("img");
    img.src = link.getAttribute("href");
    img.alt = link.dataset.alt || "";
    if (link.dataset.width) { img.width = Number(link.dataset.width); }
    if (link.dataset.height) { img.height = Number(link.dataset.height); }
    link.replaceWith(img);
  });

  lowData();
  showConnectionNotes();
  markDownloaded();
  window.addEventListener("online", function () { showConnectionNotes(); replay(); });
  window.addEventListener("offline", showConnectionNotes);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  checkIdentity().then(function (who) {
    if (who && who.user) {
      // Who to stamp on statements made offline later (never the CSRF token).
      var account = { user: who.user, homePage: who.homePage };
      try { localStorage.setItem(USER_KEY + "-account", JSON.stringify(account)); } catch (e) {}
    }
    document.querySelectorAll("[data-offline-download]").forEach(setUpDownload);
    return replay();
  });
})();
