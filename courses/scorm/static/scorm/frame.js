/* The SCORM player frame, on the content origin (templates/scorm/frame.html).

   Design (docs/features/scorm.md, "Design"): this document hosts scorm-again's Scorm12API /
   Scorm2004API as window.API / window.API_1484_11, and loads the SCO in a nested iframe of the
   SAME origin, so the SCO finds the API the way every SCO does — by walking window.parent —
   and calls it synchronously. The alternative (CrossFrameAPI inside each SCO, answering
   GetValue from a cache filled by messages) can hand a SCO an empty cmi.suspend_data when it
   asks right after Initialize; here the saved state is loaded into the API before the SCO is
   even requested, so resume cannot race.

   This frame knows nothing of the learner until the lesson page (the site origin, our parent)
   sends {type: "start"} with the learner's saved state; it sends back every commit of every SCO
   session, and the lesson page posts them to the site with the session and CSRF token. The
   frame itself has no cookie, no session and no network access beyond its own origin. */
(function () {
  "use strict";
  var script = document.currentScript;
  var cfg = script.dataset;
  var PARENT = cfg.parentOrigin;
  var boot = JSON.parse(document.getElementById("scorm-boot").textContent);
  var is2004 = boot.version === "2004";
  var scoFrame = document.getElementById("scorm-sco");
  var waiting = document.getElementById("scorm-waiting");

  var state = null;        // {scos: {id: {cmi, total_time, resume}}, learner, current}
  var api = null;          // the API object of the SCO session in progress
  var current = null;      // the SCO item being played
  var initialized = false; // the current SCO has called Initialize / LMSInitialize
  var finished = false;    // … and Terminate / LMSFinish
  var navRequest = null;   // what the SCO asked for when it terminated (2004 adl.nav.request)
  var dirtyTimer = null;

  function send(message) {
    message.hocmo = "scorm";
    window.parent.postMessage(message, PARENT);
  }

  function scoById(id) {
    for (var i = 0; i < boot.scos.length; i++) {
      if (boot.scos[i].identifier === id) { return i; }
    }
    return -1;
  }

  // The saved cmi carries the last session's own values (exit, session_time, entry): they
  // are not this session's, so only what persists across sessions is loaded back.
  var KEEP_12 = ["suspend_data", "comments", "objectives", "student_preference"];
  var KEEP_12_CORE = ["lesson_location", "lesson_status", "score"];
  var KEEP_2004 = ["location", "completion_status", "success_status", "score",
                   "progress_measure", "suspend_data", "objectives", "interactions",
                   "comments_from_learner", "learner_preference"];

  function pick(source, keys) {
    var out = {};
    keys.forEach(function (key) {
      if (source && source[key] !== undefined && source[key] !== null && source[key] !== "") {
        out[key] = source[key];
      }
    });
    return out;
  }

  function startingCmi(item, saved) {
    var cmi = (saved && saved.cmi) || {};
    var fresh = !saved;
    var entry = saved && saved.resume ? "resume" : (fresh ? "ab-initio" : "");
    var learner = state.learner || {};
    var out;
    if (is2004) {
      out = pick(cmi, KEEP_2004);
      out.learner_id = learner.id || "";
      out.learner_name = learner.name || "";
      out.entry = entry;
      out.credit = "credit";
      out.mode = "normal";
      if (saved && saved.total_time) { out.total_time = saved.total_time; }
      if (item.data_from_lms) { out.launch_data = item.data_from_lms; }
      if (item.scaled_passing_score !== null && item.scaled_passing_score !== undefined) {
        out.scaled_passing_score = String(item.scaled_passing_score);
      }
      if (item.completion_threshold !== null && item.completion_threshold !== undefined) {
        out.completion_threshold = String(item.completion_threshold);
      }
    } else {
      out = pick(cmi, KEEP_12);
      out.core = pick(cmi.core || {}, KEEP_12_CORE);
      out.core.student_id = learner.id || "";
      out.core.student_name = learner.name || "";
      out.core.entry = entry;
      out.core.credit = "credit";
      out.core.lesson_mode = "normal";
      if (saved && saved.total_time) { out.core.total_time = saved.total_time; }
      if (item.data_from_lms) { out.launch_data = item.data_from_lms; }
      if (item.masteryscore !== null && item.masteryscore !== undefined) {
        out.student_data = {mastery_score: String(item.masteryscore)};
      }
    }
    return out;
  }

  // scorm-again renders {cmi: {...}}; the server stores the inner object.
  function snapshot() {
    try {
      var rendered = JSON.parse(JSON.stringify(api.renderCMIToJSONObject()));
      return rendered && rendered.cmi && typeof rendered.cmi === "object" ? rendered.cmi
        : rendered;
    } catch (e) {
      return null;
    }
  }

  // Every commit goes to the lesson page, which numbers, batches and posts them.
  function commit(flags) {
    if (!api || !current) { return; }
    var cmi = snapshot();
    if (!cmi) { return; }
    clearTimeout(dirtyTimer);
    // Kept here too: returning to this SCO in the same visit resumes from it.
    var resume = is2004 ? cmi.exit === "suspend" : (cmi.core && cmi.core.exit === "suspend")
      || !!cmi.suspend_data;
    state.scos[current.identifier] = {cmi: cmi, resume: resume,
      total_time: state.scos[current.identifier] && state.scos[current.identifier].total_time};
    send({type: "commit", sco: current.identifier, cmi: cmi,
          initialized: !!flags.initialized, terminated: !!flags.terminated});
  }

  function makeApi(item) {
    var Api = is2004 ? window.Scorm2004API : window.Scorm12API;
    var instance = new Api({
      lmsCommitUrl: false, // commits leave through the lesson page (postMessage), not fetch
      autocommit: false,
      logLevel: 5,
      scoItemIds: boot.scos.map(function (s) { return s.identifier; }),
    });
    instance.loadFromJSON(startingCmi(item, state.scos[item.identifier]), "cmi");
    var names = is2004
      ? {init: "Initialize", commit: "Commit", finish: "Terminate", set: "SetValue.cmi.*"}
      : {init: "LMSInitialize", commit: "LMSCommit", finish: "LMSFinish",
         set: "LMSSetValue.cmi.*"};
    instance.on(names.init, function () {
      initialized = true;
      commit({initialized: true});
    });
    instance.on(names.commit, function () { commit({}); });
    // A SCO that sets values and never commits still gets saved: 10 s after its last change.
    instance.on(names.set, function () {
      clearTimeout(dirtyTimer);
      dirtyTimer = setTimeout(function () { commit({}); }, 10000);
    });
    instance.on(names.finish, function () {
      finished = true;
      commit({terminated: true});
      setTimeout(afterTerminate, 0); // after scorm-again's own navigation events
    });
    if (is2004) {
      ["SequenceNext", "SequencePrevious", "SequenceChoice", "SequenceJump", "SequenceExit",
       "SequenceExitAll", "SequenceAbandon", "SequenceAbandonAll"].forEach(function (name) {
        // scorm-again calls Sequence* listeners with the target only (choice / jump).
        instance.on(name, function (target) {
          navRequest = {name: name, target: typeof target === "string" ? target : ""};
        });
      });
    }
    return instance;
  }

  function launch(index) {
    if (index < 0 || index >= boot.scos.length) { return; }
    var item = boot.scos[index];
    current = item;
    initialized = finished = false;
    navRequest = null;
    api = makeApi(item);
    // The SCO looks for these by walking window.parent.
    if (is2004) { window.API_1484_11 = api; } else { window.API = api; }
    waiting.hidden = true;
    scoFrame.hidden = false;
    scoFrame.src = cfg.packagePath + item.href;
    send({type: "sco", sco: item.identifier});
  }

  // What adl.nav.request asked for (SCORM 2004), or nothing: the learner uses the contents.
  function afterTerminate() {
    var request = navRequest;
    if (!request && is2004 && api && api.adl && api.adl.nav) {
      var raw = String(api.adl.nav.request || "_none_");
      var choice = raw.match(/^\{target=([^}]+)\}(choice|jump)$/);
      request = raw === "continue" ? {name: "SequenceNext"}
        : raw === "previous" ? {name: "SequencePrevious"}
        : choice ? {name: "SequenceChoice", target: choice[1]}
        : /^(exit|exitAll|suspendAll|abandon|abandonAll)$/.test(raw) ? {name: "SequenceExit"}
        : null;
    }
    navRequest = null;
    if (!request || !current) { return; }
    var index = scoById(current.identifier);
    if (request.name === "SequenceNext") {
      if (index + 1 < boot.scos.length) { launch(index + 1); } else { ended(); }
    } else if (request.name === "SequencePrevious") {
      launch(Math.max(0, index - 1));
    } else if (request.name === "SequenceChoice" || request.name === "SequenceJump") {
      launch(scoById(request.target));
    } else {
      ended();
    }
  }

  function ended() {
    current = null;
    api = null;
    scoFrame.src = "about:blank";
    scoFrame.hidden = true;
    waiting.hidden = false;
    waiting.textContent = document.documentElement.lang === "en"
      ? "You have left this lecture. Choose a part in the contents to continue."
      : "Bạn đã thoát bài giảng. Chọn một phần trong mục lục để học tiếp.";
    send({type: "ended"});
  }

  // Leaving a SCO that has not terminated itself (the learner chose another part): unload it
  // first (most SCOs call LMSFinish / Terminate on unload), then save what it left.
  function leaveCurrent(then) {
    if (!current || !initialized || finished) { then(); return; }
    var leaving = api;
    scoFrame.addEventListener("load", function once() {
      scoFrame.removeEventListener("load", once);
      if (!finished && leaving === api) {
        finished = true;
        commit({terminated: true});
      }
      then();
    });
    scoFrame.src = "about:blank";
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    // Only the lesson page that embeds us, from the site's origin.
    if (event.source !== window.parent || event.origin !== PARENT || !data
        || data.hocmo !== "scorm") { return; }
    if (data.type === "start" && !state && data.state && typeof data.state === "object") {
      state = {scos: data.state.scos || {}, learner: data.state.learner || {}};
      var first = scoById(String(data.state.current || ""));
      launch(first >= 0 ? first : 0);
    } else if (data.type === "choice" && state) {
      var target = scoById(String(data.sco || ""));
      if (target >= 0) {
        leaveCurrent(function () { launch(target); });
      }
    } else if (data.type === "flush" && api && initialized && !finished) {
      commit({}); // the lesson page is being hidden: save what the SCO has now
    }
  });

  window.addEventListener("pagehide", function () {
    if (api && initialized && !finished) { commit({}); }
  });

  send({type: "ready"});
})();
