/* The device's queue of xAPI statements made without a connection (issue 22): "Hoàn thành bài
   học" and H5P results. Loaded by the page (offline.js, player.js) and by the service worker
   (importScripts), so both replay the same queue the same way:
   - one IndexedDB store, keyed by an increasing number: replayed in the order made;
   - each statement has an id made on the device and names the account it was made for; the
     LRS stores an id once (a repeat with the same content is a harmless retry, progress is
     projected only when first stored), so a replay that is interrupted and run again, or run
     by the page and the worker at once, counts once;
   - only one replay at a time per device (Web Locks where the browser has them);
   - a statement leaves the queue only when the server has answered it: 2xx (stored), or a
     4xx refusal (another account's statement, unenrolled, lesson unpublished) which is kept
     as a notice for the learner instead of being dropped silently; 5xx or no network: stop,
     keep the order, try again later. */
(function (scope) {
  "use strict";
  var DB_NAME = "hocmo-offline";
  var QUEUE = "statements";
  var NOTICES = "notices";
  var SYNC_TAG = "hocmo-xapi";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore(QUEUE, { keyPath: "seq", autoIncrement: true });
        db.createObjectStore(NOTICES, { keyPath: "seq", autoIncrement: true });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var result = work(tx.objectStore(store));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function uuid4() {
    if (scope.crypto && scope.crypto.randomUUID) { return scope.crypto.randomUUID(); }
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === "x" ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  function add(statement, account) {
    statement.id = statement.id || uuid4();
    statement.timestamp = statement.timestamp || new Date().toISOString();
    if (account && account.user) {
      statement.actor = { objectType: "Agent",
                          account: { homePage: account.homePage, name: account.user } };
    }
    return run(QUEUE, "readwrite", function (store) {
      return store.add({ statement: statement, made: Date.now() });
    }).then(function () {
      if (scope.registration && scope.registration.sync) { return null; }
      if (scope.navigator && navigator.serviceWorker && navigator.serviceWorker.ready) {
        return navigator.serviceWorker.ready.then(function (reg) {
          return reg.sync ? reg.sync.register(SYNC_TAG) : null;
        }).catch(function () { return null; });
      }
      return null;
    }).then(function () { return statement; });
  }

  function all(store) {
    return run(store || QUEUE, "readonly", function (s) { return s.getAll(); });
  }

  function remove(store, seq) {
    return run(store, "readwrite", function (s) { return s.delete(seq); });
  }

  function notice(text, statement) {
    return run(NOTICES, "readwrite", function (s) {
      return s.add({ text: text, statementId: statement.id, at: Date.now() });
    });
  }

  function takeNotices() {
    return all(NOTICES).then(function (items) {
      return run(NOTICES, "readwrite", function (s) { return s.clear(); })
        .then(function () { return items || []; });
    });
  }

  function whoami() {
    return fetch("/offline/me.json", { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : { user: null }; });
  }

  function post(statement, csrf) {
    return fetch("/xapi/statements", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3",
                 "X-CSRFToken": csrf },
      body: JSON.stringify(statement)
    });
  }

  // Replays the queue in order; resolves to {sent, refused, left}.
  function replayOnce() {
    var outcome = { sent: 0, refused: 0, left: 0, statements: [] };
    return all().then(function (items) {
      if (!items || !items.length) { return outcome; }
      return whoami().then(function (me) {
        if (!me.user) { outcome.left = items.length; return outcome; }  // signed out: wait
        return items.reduce(function (previous, item) {
          return previous.then(function (stop) {
            if (stop) { outcome.left += 1; return true; }
            return post(item.statement, me.csrf).then(function (response) {
              if (response.status >= 500 || response.status === 401) {
                outcome.left += 1; return true;
              }
              if (response.ok) {
                outcome.sent += 1;
                outcome.statements.push(item.statement);
                return remove(QUEUE, item.seq).then(function () { return false; });
              }
              outcome.refused += 1;
              return response.json().catch(function () { return {}; }).then(function (body) {
                return notice(body.detail || ("HTTP " + response.status), item.statement);
              }).then(function () { return remove(QUEUE, item.seq); })
                .then(function () { return false; });
            }, function () { outcome.left += 1; return true; });
          });
        }, Promise.resolve(false)).then(function () { return outcome; });
      });
    });
  }

  function replay() {
    var locks = scope.navigator && navigator.locks;
    if (locks && locks.request) {
      return locks.request("hocmo-xapi-replay", function () { return replayOnce(); });
    }
    return replayOnce();
  }

  scope.HocMoQueue = { add: add, all: all, replay: replay, takeNotices: takeNotices,
                       whoami: whoami, SYNC_TAG: SYNC_TAG };
})(self);
