/* Starts h5p-standalone for each H5P block and sends the learner's xAPI statements to our LRS
   (/xapi/statements) with the session and CSRF token. The server sets the actor. */
(function () {
  "use strict";
  var script = document.currentScript;
  var cfg = script.dataset;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function statusFor(activityId) {
    var blocks = document.querySelectorAll("[data-h5p]");
    for (var i = 0; i < blocks.length; i++) {
      if (location.origin + blocks[i].dataset.activity === activityId) {
        return blocks[i].querySelector(".h5p-status");
      }
    }
    return null;
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

  function dequeue(id) {
    setQueued(queued().filter(function (item) { return item.id !== id; }));
  }

  // Each queued statement leaves the queue only once the LRS has answered (a 4xx will not get
  // better by retrying), so a reload in the middle loses nothing.
  var flushing = false;
  function flush() {
    var items = queued();
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
    return post(statement).then(function (response) {
      if (response.ok) {
        markSaved(statement);
      } else if (response.status >= 500) {
        setQueued(queued().concat([statement]));
        show(en ? "Saved on this device; it will be sent later."
                : "Đã lưu tạm trên máy; sẽ gửi khi có mạng.");
      } else if (!response.ok) {
        show(en ? "Your result could not be saved." : "Chưa lưu được kết quả.");
      }
    }, function () {
      setQueued(queued().concat([statement]));
      show(en ? "Saved on this device; it will be sent later."
              : "Đã lưu tạm trên máy; sẽ gửi khi có mạng.");
    });
  }
  window.addEventListener("online", flush);

  var listening = false;
  function listen() {
    if (listening || !window.H5P || !window.H5P.externalDispatcher) { return; }
    listening = true;
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      if (event && event.data && event.data.statement) { send(event.data.statement); }
    });
  }

  async function start() {
    var blocks = document.querySelectorAll("[data-h5p]");
    for (var i = 0; i < blocks.length; i++) {
      var el = blocks[i];
      var base = el.dataset.h5pPath.replace(/\/$/, "");
      // One player at a time: h5p-standalone shares globals between players.
      await new window.H5PStandalone.H5P(el.querySelector(".h5p-mount"), {
        id: el.dataset.h5pId,
        h5pJsonPath: base,
        librariesPath: base + "/libraries",
        contentJsonPath: base + "/content",
        frameJs: cfg.frameJs,
        frameCss: cfg.frameCss,
        frame: false,
        icon: false,
        xAPIObjectIRI: location.origin + el.dataset.activity
      });
      // The iframe needs an accessible name (axe: frame-title).
      var frame = el.querySelector("iframe");
      if (frame) { frame.setAttribute("title", el.dataset.title || ""); }
      listen();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    flush();
    if (window.H5PStandalone) { start(); }
  });
})();
