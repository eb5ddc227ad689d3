/* Finds the LMS's SCORM API the way the standards describe (walk window.parent, then
 * window.opener) and hides the 1.2 / 2004 differences behind one small adapter.
 * Written for HọcMở's test packages; the same shape iSpring/Articulate exports use. */
(function (global) {
  "use strict";

  var MAX_PARENTS = 500;

  function lookup(win, name) {
    try {
      return win[name] || null;
    } catch (err) {
      return null; // a cross-origin window: not ours to read
    }
  }

  function scan(win, name) {
    var tries = 0;
    var found = lookup(win, name);
    while (!found && tries < MAX_PARENTS) {
      var parent;
      try {
        parent = win.parent;
      } catch (err) {
        return null;
      }
      if (!parent || parent === win) {
        return null;
      }
      win = parent;
      tries += 1;
      found = lookup(win, name);
    }
    return found;
  }

  function findAPI(name) {
    var api = scan(global, name);
    if (!api) {
      var opener = null;
      try {
        opener = global.opener;
      } catch (err) {
        opener = null;
      }
      if (opener) {
        api = scan(opener, name);
      }
    }
    return api;
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) {
      s = "0" + s;
    }
    return s;
  }

  // 1.2: CMITimespan HHHH:MM:SS.SS; 2004: ISO 8601 duration.
  function timespan12(ms) {
    var cs = Math.round(ms / 10);
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = Math.floor((cs % 6000) / 100);
    return pad(h, 4) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(cs % 100, 2);
  }

  function duration2004(ms) {
    var total = Math.round(ms / 10) / 100;
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = Math.round((total % 60) * 100) / 100;
    return "PT" + h + "H" + m + "M" + s + "S";
  }

  function clock12(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" +
      pad(date.getSeconds(), 2);
  }

  var NAMES = {
    "1.2": {
      location: "cmi.core.lesson_location", entry: "cmi.core.entry",
      learner: "cmi.core.student_name", mastery: "cmi.student_data.mastery_score",
      exit: "cmi.core.exit", sessionTime: "cmi.core.session_time",
      raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
      status: "cmi.core.lesson_status"
    },
    "2004": {
      location: "cmi.location", entry: "cmi.entry", learner: "cmi.learner_name",
      mastery: "cmi.scaled_passing_score", exit: "cmi.exit", sessionTime: "cmi.session_time",
      raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
      status: "cmi.completion_status"
    }
  };

  function connect(version) {
    var is2004 = version === "2004";
    var api = findAPI(is2004 ? "API_1484_11" : "API");
    var names = NAMES[is2004 ? "2004" : "1.2"];
    var started = Date.now();
    var open = false;
    var call = function (method12, method2004, args) {
      if (!api) {
        return "";
      }
      var fn = api[is2004 ? method2004 : method12];
      return typeof fn === "function" ? fn.apply(api, args) : "";
    };
    var sco = {
      version: is2004 ? "2004" : "1.2",
      connected: false,
      names: names,
      initialize: function () {
        var ok = String(call("LMSInitialize", "Initialize", [""])) === "true";
        open = ok;
        sco.connected = ok;
        return ok;
      },
      get: function (name) {
        return open ? String(call("LMSGetValue", "GetValue", [name])) : "";
      },
      set: function (name, value) {
        return open && String(call("LMSSetValue", "SetValue", [name, String(value)])) === "true";
      },
      commit: function () {
        return open && String(call("LMSCommit", "Commit", [""])) === "true";
      },
      lastError: function () {
        return String(call("LMSGetLastError", "GetLastError", []));
      },
      finish: function () {
        if (!open) {
          return false;
        }
        open = false;
        return String(call("LMSFinish", "Terminate", [""])) === "true";
      },
      isOpen: function () {
        return open;
      },
      sessionTime: function () {
        var ms = Date.now() - started;
        return is2004 ? duration2004(ms) : timespan12(ms);
      },
      timestamp: function () {
        var now = new Date();
        return is2004 ? now.toISOString().slice(0, 19) : clock12(now);
      }
    };
    return sco;
  }

  global.HocMoSco = {connect: connect, findAPI: findAPI};
})(window);
