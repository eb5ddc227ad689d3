/* The lesson page's side of each H5P block. The player itself runs in an iframe on the content
   origin, sandboxed without allow-same-origin (courses/h5p/static/h5p/frame.js): its script can
   reach neither this page nor the learner's session. It tells this page its height and the xAPI
   statements its content emits, by postMessage. A message counts only when it comes from one of
   our player iframes (its window, with the opaque origin "null" a sandboxed frame has); a
   statement counts only when it is about that block's activity (or its sub-content). This page
   sends it to our LRS (/xapi/statements) with the session and CSRF token; the server writes the
   signed-in learner as the actor, whatever the content said. */
(function () {
  "use strict";
  var script = document.currentScript;
  var cfg = script.dataset;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function blockFor(activityId) {
    var blocks = document.querySelectorAll("[data-h5p]");
    for (var i = 0; i < blocks.length; i++) {
      var own = blocks[i].dataset.activity;
      if (activityId === own || activityId.indexOf(own + "?subContentId=") === 0) {
        return blocks[i];
      }
    }
    return null;
  }

  function statusFor(activityId) {
    var block = blockFor(activityId);
    return block ? block.querySelector(".h5p-status") : null;
  }

  // Statements that could not be sent (offline on a phone) wait in localStorage and are
  // re-sent when the browser is back online or on the next page load. Each has an id, so a
  // repeat is harmless for the LRS (same id, same content).
  var QUEUE_KEY = "hocmo-xapi-queue";
  function queued() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch (e) { return []; }
  }
  function setQueued(items) {
    try { localStorage.setItem(QUEUE_KEY, JSON.stringify(items.slice(-200))); } catch (e) {}
  }
  function uuid4() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === "x" ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  function post(statement) {
    return fetch(cfg.statements, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3",
        "X-CSRFToken": csrfToken()
      },
      body: JSON.stringify(statement)
    });
  }

  // One queue for the whole device (issue 22): with offline.js's IndexedDB queue on the page
  // (static/offline/queue.js), a statement that could not be sent waits there, stamped with the
  // learner's account, and is replayed in order with the lessons completed offline (Background
  // Sync, the online event or the next page load). The localStorage queue stays only for a
  // page without it, and anything left in it moves over.
  function account() {
    try { return JSON.parse(localStorage.getItem("hocmo-offline-user-account") || "null"); }
    catch (e) { return null; }
  }
  function enqueue(statement) {
    if (window.HocMoQueue) { return window.HocMoQueue.add(statement, account()); }
    setQueued(queued().concat([statement]));
    return Promise.resolve(statement);
  }

  function dequeue(id) {
    setQueued(queued().filter(function (item) { return item.id !== id; }));
  }

  // Each queued statement leaves the queue only once the LRS has answered (a 4xx will not get
  // better by retrying), so a reload in the middle loses nothing.
  var flushing = false;
  function flush() {
    var items = queued();
    if (window.HocMoQueue && items.length) {
      setQueued([]);
      items.reduce(function (previous, statement) {
        return previous.then(function () { return window.HocMoQueue.add(statement, account()); });
      }, Promise.resolve());
      return;
    }
    if (flushing || !items.length || !navigator.onLine) { return; }
    flushing = true;
    items.reduce(function (previous, statement) {
      return previous.then(function () {
        return post(statement).then(function (response) {
          if (response.status < 500) { dequeue(statement.id); }
          if (response.ok) { markSaved(statement); }
        }, function () {});
      });
    }, Promise.resolve()).then(function () { flushing = false; });
  }

  function markSaved(statement) {
    var verb = statement.verb && statement.verb.id || "";
    var status = statusFor(statement.object && statement.object.id || "");
    if (status && /\/(completed|answered)$/.test(verb)) {
      status.textContent = document.documentElement.lang === "en"
        ? "Your result has been saved." : "Đã lưu kết quả của bạn.";
      status.dataset.saved = "1";
    }
  }

  // Statements go one at a time, in order (answered, then completed).
  var chain = Promise.resolve();
  function send(statement) {
    chain = chain.then(function () { return sendNow(statement); });
    return chain;
  }

  function sendNow(statement) {
    var objectId = statement.object && statement.object.id || "";
    var en = document.documentElement.lang === "en";
    statement.id = statement.id || uuid4();
    function show(text) {
      var status = statusFor(objectId);
      if (status) { status.textContent = text; }
      return status;
    }
    var later = en ? "Saved on this device; it will be sent later."
                   : "Đã lưu tạm trên máy; sẽ gửi khi có mạng.";
    if (!navigator.onLine) {
      return enqueue(statement).then(function () { show(later); });
    }
    return post(statement).then(function (response) {
      if (response.ok) {
        markSaved(statement);
      } else if (response.status >= 500) {
        enqueue(statement);
        show(later);
      } else if (!response.ok) {
        show(en ? "Your result could not be saved." : "Chưa lưu được kết quả.");
      }
    }, function () {
      enqueue(statement);
      show(later);
    });
  }
  window.addEventListener("online", flush);
  // The device's queue (offline.js) sent a statement this page had queued: say it is saved.
  window.addEventListener("hocmo-statement-sent", function (event) { markSaved(event.detail); });

  function blockOfWindow(source) {
    var frames = document.querySelectorAll("[data-h5p] iframe.h5p-frame");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) { return frames[i].closest("[data-h5p]"); }
    }
    return null;
  }

  // What the content may say about itself: an activity of its own block, never who the
  // learner is (the LRS sets the actor) nor a statement about another statement.
  function acceptable(statement, block) {
    if (!statement || typeof statement !== "object" || !statement.verb || !statement.object) {
      return null;
    }
    var object = statement.object;
    if (object.objectType && object.objectType !== "Activity") { return null; }
    if (typeof object.id !== "string" || blockFor(object.id) !== block) { return null; }
    var clean = {};
    ["id", "verb", "object", "result", "context", "timestamp"].forEach(function (key) {
      if (statement[key] !== undefined) { clean[key] = statement[key]; }
    });
    return clean;
  }

  var MAX_HEIGHT = 20000;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== "null" || !data || data.hocmo !== "h5p") { return; }
    var block = blockOfWindow(event.source);
    if (!block) { return; }
    if (data.type === "resize" && typeof data.height === "number") {
      var frame = block.querySelector("iframe.h5p-frame");
      frame.style.height = Math.min(Math.max(Math.ceil(data.height), 64), MAX_HEIGHT) + "px";
    } else if (data.type === "xapi") {
      var statement = acceptable(data.statement, block);
      if (statement) { send(statement); }
    }
  });

  // Opened without a connection (a lesson page kept on the device, issue 22): the player frame
  // lives on the content origin, which no service worker can serve to a sandboxed frame
  // (docs/features/offline.md, "H5P and SCORM offline"), so say so, and load it again when the
  // connection returns. An exercise opened online keeps working offline (the queue above).
  var OFFLINE_TEXT = document.documentElement.lang === "en"
    ? "You are offline: this interactive exercise needs the connection to open. It will load when you are back online."
    : "Bạn đang ngoại tuyến: bài tập tương tác này cần có mạng để mở. Bài tập sẽ tự mở lại khi có mạng.";
  function markOfflineFrames() {
    if (navigator.onLine) { return; }
    document.querySelectorAll("[data-h5p]").forEach(function (block) {
      var status = block.querySelector(".h5p-status");
      block.dataset.openedOffline = "1";
      if (status && !status.textContent) { status.textContent = OFFLINE_TEXT; }
    });
  }
  window.addEventListener("online", function () {
    document.querySelectorAll("[data-h5p][data-opened-offline]").forEach(function (block) {
      var frame = block.querySelector("iframe.h5p-frame");
      var status = block.querySelector(".h5p-status");
      delete block.dataset.openedOffline;
      if (status && status.textContent === OFFLINE_TEXT) { status.textContent = ""; }
      if (frame) { frame.src = frame.src; }  // loads it again, now from the network
    });
  });

  document.addEventListener("DOMContentLoaded", function () { markOfflineFrames(); flush(); });
})();
