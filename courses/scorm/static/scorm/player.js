/* The lesson page's side of each SCORM block (templates/scorm/block.html).

   The package plays in an iframe on the content origin (courses/scorm/static/scorm/frame.js
   hosts the SCORM API there). This page:
   - fetches the learner's saved state from the site (GET data-state-url, with the session),
     and hands it to its own frame once the frame says "ready";
   - takes the frame's commits — only from that frame's window and the content origin — and
     posts them to the site (data-commit-url) with the CSRF token, numbered by `seq`, one at a
     time: while one is in flight, later commits of the same SCO are merged into one (the
     newest cmi wins, initialized/terminated flags are kept);
   - keeps unsent commits in localStorage and retries them when the browser is back online,
     on a timer, and on the next visit; shows what happened in the block's status line;
   - relays the table of contents (choice of a SCO) to the frame.
   The server sets the learner from the session and trusts nothing else the frame says but the
   SCO's data; a replayed seq changes nothing there. */
(function () {
  "use strict";
  var en = document.documentElement.lang === "en";
  var TEXT = {
    saving: en ? "Saving…" : "Đang lưu…",
    saved: en ? "Progress saved." : "Đã lưu tiến độ.",
    completed: en ? "Lecture completed. Your progress is saved."
                  : "Bạn đã hoàn thành bài giảng. Tiến độ đã được lưu.",
    offline: en ? "No connection: saved on this device, it will be sent when you are back online."
                : "Mất kết nối: đã lưu tạm trên máy, sẽ gửi khi có mạng.",
    refused: en ? "Your progress could not be saved: " : "Chưa lưu được tiến độ: ",
    enrol: en ? "Enrol in the course to save your progress."
              : "Hãy đăng ký khóa học để lưu tiến độ.",
    signin: en ? "Sign in to save your progress." : "Hãy đăng nhập để lưu tiến độ.",
    loadFailed: en ? "The lecture could not be opened. Reload the page to try again."
                   : "Chưa mở được bài giảng. Hãy tải lại trang."
  };

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function Player(block) {
    this.block = block;
    this.frame = block.querySelector("iframe.scorm-frame");
    this.status = block.querySelector(".scorm-status");
    this.origin = block.dataset.contentOrigin;
    this.stateUrl = block.dataset.stateUrl;
    this.commitUrl = block.dataset.commitUrl;
    this.storeKey = "hocmo-scorm:" + this.commitUrl;  // + ":" + the learner (storeKeyFor)
    this.state = null;
    this.frameReady = false;
    this.started = false;
    this.pending = [];   // commits not yet accepted by the server, oldest first
    this.inFlight = false;
    this.retryDelay = 0;
    this.retryTimer = null;
    this.seq = 0;
  }

  Player.prototype.say = function (text) {
    if (this.status) { this.status.textContent = text; }
  };

  Player.prototype.load = function () {
    var self = this;
    fetch(this.stateUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) {
        if (response.status === 403 || response.status === 401) {
          self.say(response.status === 401 ? TEXT.signin : TEXT.enrol);
          return response.json().then(function () { return null; }, function () { return null; });
        }
        if (!response.ok) { throw new Error("state " + response.status); }
        return response.json();
      })
      .then(function (state) {
        if (!state) { state = {attempt: 0, seq: 0, scos: {}, learner: {}, readonly: true}; }
        self.state = state;
        self.seq = state.seq || 0;
        self.restoreUnsent();
        self.start();
      }, function () { self.say(TEXT.loadFailed); });
    this.frame.src = this.frame.dataset.src;
  };

  // Commits a previous visit could not send: newer than what the server has, so the SCO
  // starts from them, and they are sent again (with new sequence numbers).
  Player.prototype.restoreUnsent = function () {
    var saved;
    try { saved = JSON.parse(localStorage.getItem(this.storeKeyFor()) || "null"); } catch (e) {}
    // Only this learner's (a shared phone: another pupil may be at the same attempt number).
    if (!saved || saved.attempt !== this.state.attempt || !Array.isArray(saved.pending)
        || saved.owner !== this.owner()) {
      return;
    }
    var self = this;
    saved.pending.forEach(function (item) {
      self.pending.push(item);
      var old = self.state.scos[item.sco] || {};
      self.state.scos[item.sco] = {cmi: item.cmi, total_time: old.total_time,
                                   resume: old.resume || !!item.cmi.suspend_data};
    });
    this.flush();
  };

  // Unsent commits are kept per learner (the state's learner id): on a shared phone another
  // pupil's visit neither sends nor drops them; they wait for their own learner.
  Player.prototype.storeKeyFor = function () {
    return this.storeKey + ":" + this.owner();
  };

  // The learner the state is for ("hocmo-<id>", set by the server from the session).
  Player.prototype.owner = function () {
    return String((this.state && this.state.learner && this.state.learner.id) || "");
  };

  Player.prototype.remember = function () {
    try {
      if (this.pending.length) {
        localStorage.setItem(this.storeKeyFor(), JSON.stringify(
          {attempt: this.state.attempt, owner: this.owner(), pending: this.pending}));
      } else {
        localStorage.removeItem(this.storeKeyFor());
      }
    } catch (e) {}
  };

  Player.prototype.start = function () {
    if (this.started || !this.frameReady || !this.state) { return; }
    this.started = true;
    this.post({type: "start", state: {scos: this.state.scos, learner: this.state.learner,
                                      current: this.state.current}});
  };

  Player.prototype.post = function (message) {
    message.hocmo = "scorm";
    this.frame.contentWindow.postMessage(message, this.origin);
  };

  Player.prototype.receive = function (data) {
    if (data.type === "ready") {
      this.frameReady = true;
      this.start();
    } else if (data.type === "commit" && this.state && !this.state.readonly) {
      if (typeof data.sco !== "string" || !data.cmi || typeof data.cmi !== "object") { return; }
      this.enqueue({sco: data.sco, cmi: data.cmi, initialized: data.initialized === true,
                    terminated: data.terminated === true});
    } else if (data.type === "sco" && typeof data.sco === "string") {
      this.markCurrent(data.sco);
    }
  };

  // One commit per SCO waits at most: a newer one replaces its data, keeping its flags.
  Player.prototype.enqueue = function (item) {
    var last = this.pending[this.pending.length - 1];
    var mergeable = last && !last.sending && last.sco === item.sco;
    if (mergeable) {
      last.cmi = item.cmi;
      last.initialized = last.initialized || item.initialized;
      last.terminated = last.terminated || item.terminated;
    } else {
      this.pending.push(item);
    }
    this.remember();
    this.flush();
  };

  Player.prototype.body = function (item) {
    return JSON.stringify({attempt: this.state.attempt, sco: item.sco, seq: item.seq,
                           cmi: item.cmi, initialized: item.initialized,
                           terminated: item.terminated});
  };

  Player.prototype.flush = function (keepalive) {
    if (this.inFlight || !this.pending.length || !this.state) { return; }
    if (!navigator.onLine && !keepalive) { this.say(TEXT.offline); return; }
    var self = this;
    var item = this.pending[0];
    item.sending = true;
    item.seq = ++this.seq;
    this.inFlight = true;
    this.say(TEXT.saving);
    fetch(this.commitUrl, {
      method: "POST", credentials: "same-origin", keepalive: !!keepalive,
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: this.body(item)
    }).then(function (response) {
      return response.json().then(function (data) { return [response, data]; },
                                  function () { return [response, {}]; });
    }).then(function (pair) {
      var response = pair[0], data = pair[1];
      self.inFlight = false;
      item.sending = false;
      if (response.status >= 500) { self.retry(); return; }
      self.pending.shift();
      self.retryDelay = 0;
      self.remember();
      if (response.ok) {
        if (typeof data.seq === "number" && data.seq > self.seq) { self.seq = data.seq; }
        self.say(data.completed ? TEXT.completed : TEXT.saved);
        self.markDone(data.scos || {});
      } else if (response.status === 403) {
        self.say(TEXT.enrol);
        self.pending = [];
        self.remember();
        return;
      } else {
        var fields = data.fields || {};
        var detail = Object.keys(fields).map(function (k) { return k + ": " + fields[k]; });
        self.say(TEXT.refused + (detail.join("; ") || data.detail || response.status));
      }
      self.flush();
    }, function () {
      self.inFlight = false;
      item.sending = false;
      self.seq -= 1; // never reached the server: the number is free again
      self.retry();
    });
  };

  Player.prototype.retry = function () {
    var self = this;
    this.say(TEXT.offline);
    this.remember();
    this.retryDelay = Math.min(Math.max(this.retryDelay * 2, 5000), 60000);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(function () { self.flush(); }, this.retryDelay);
  };

  Player.prototype.tocButtons = function () {
    return this.block.querySelectorAll(".scorm-toc-item[data-sco]");
  };

  Player.prototype.markCurrent = function (sco) {
    Array.prototype.forEach.call(this.tocButtons(), function (button) {
      if (button.dataset.sco === sco) { button.setAttribute("aria-current", "true"); }
      else { button.removeAttribute("aria-current"); }
    });
  };

  Player.prototype.markDone = function (scos) {
    Array.prototype.forEach.call(this.tocButtons(), function (button) {
      if (scos[button.dataset.sco] === "completed") { button.dataset.done = "1"; }
    });
  };

  var players = [];
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-scorm]"), function (block) {
      var player = new Player(block);
      players.push(player);
      Array.prototype.forEach.call(player.tocButtons(), function (button) {
        button.addEventListener("click", function () {
          if (player.started) { player.post({type: "choice", sco: button.dataset.sco}); }
        });
      });
      player.load();
    });
  });

  // A message counts only when it comes from one of our players' own frame window, from the
  // content origin.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.hocmo !== "scorm") { return; }
    for (var i = 0; i < players.length; i++) {
      var player = players[i];
      if (event.source === player.frame.contentWindow && event.origin === player.origin) {
        player.receive(data);
        return;
      }
    }
  });

  window.addEventListener("online", function () {
    players.forEach(function (player) { player.flush(); });
  });
  // Leaving the page: the frame saves what its SCO has now; what is waiting goes out with
  // keepalive, so it survives the page.
  window.addEventListener("pagehide", function () {
    players.forEach(function (player) {
      if (player.started) { player.post({type: "flush"}); }
      player.flush(true);
    });
  });
})();
