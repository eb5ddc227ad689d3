/* One SCO of a HọcMở test package: pages, a two-question quiz, resume from the saved
 * location and suspend_data, score and status, interactions, session time, commit and
 * finish. Configured by data-* attributes on <body> (no inline script: the content origin's
 * CSP forbids it). Stable ids for browser tests: #btn-next, #btn-prev, #btn-submit,
 * #btn-exit, #btn-sco-continue, #btn-sco-previous, #btn-sco-choice, #page-indicator,
 * #quiz-result, #resume-note, #sco-status. */
(function () {
  "use strict";

  var body = document.body;
  var version = body.getAttribute("data-scorm") === "2004" ? "2004" : "1.2";
  var defaultMastery = parseFloat(body.getAttribute("data-mastery") || "0.8");
  var flowNav = body.getAttribute("data-nav") === "flow";
  var pages = Array.prototype.slice.call(document.querySelectorAll(".sco-page"));
  var quiz = document.querySelectorAll("fieldset[data-correct]");
  var sco = window.HocMoSco.connect(version);
  var names = sco.names;
  var state = {page: 1, seen: [1], answers: {}, score: null};
  var current = 1;
  var finished = false;

  function $(id) {
    return document.getElementById(id);
  }

  function say(id, text) {
    var el = $(id);
    if (el) {
      el.textContent = text;
    }
  }

  function completed() {
    var status = sco.get(names.status);
    return status === "completed" || status === "passed" || status === "failed";
  }

  function saveState() {
    sco.set(names.location, String(current));
    sco.set("cmi.suspend_data", JSON.stringify(state));
  }

  function markComplete() {
    if (version === "2004") {
      sco.set("cmi.completion_status", "completed");
    } else if (sco.get(names.status) !== "passed" && sco.get(names.status) !== "failed") {
      sco.set(names.status, "completed");
    }
  }

  function show(page) {
    current = Math.max(1, Math.min(pages.length, page));
    pages.forEach(function (section, index) {
      section.hidden = index + 1 !== current;
    });
    say("page-indicator", "Trang " + current + "/" + pages.length);
    $("btn-prev").disabled = current === 1;
    $("btn-next").disabled = current === pages.length;
    state.page = current;
    if (state.seen.indexOf(current) < 0) {
      state.seen.push(current);
    }
    saveState();
    // A SCO without a quiz is complete once its last page has been seen.
    if (!quiz.length && current === pages.length) {
      markComplete();
    }
    sco.commit();
  }

  function mastery() {
    var fromLms = parseFloat(sco.get(names.mastery));
    if (isNaN(fromLms)) {
      return defaultMastery;
    }
    return version === "2004" ? fromLms : fromLms / 100;
  }

  function recordInteraction(fieldset, chosen, correct) {
    var n = parseInt(sco.get("cmi.interactions._count"), 10) || 0;
    var prefix = "cmi.interactions." + n + ".";
    var id = fieldset.getAttribute("data-interaction");
    sco.set(prefix + "id", id);
    sco.set(prefix + "type", "choice");
    sco.set(prefix + "correct_responses.0.pattern", fieldset.getAttribute("data-correct"));
    if (version === "2004") {
      sco.set(prefix + "timestamp", sco.timestamp());
      sco.set(prefix + "description", fieldset.querySelector("legend").textContent);
      sco.set(prefix + "learner_response", chosen);
      sco.set(prefix + "result", correct ? "correct" : "incorrect");
    } else {
      sco.set(prefix + "time", sco.timestamp());
      sco.set(prefix + "student_response", chosen);
      sco.set(prefix + "result", correct ? "correct" : "wrong");
    }
  }

  function submitQuiz() {
    var right = 0;
    var missing = false;
    Array.prototype.forEach.call(quiz, function (fieldset) {
      var picked = fieldset.querySelector("input:checked");
      if (!picked) {
        missing = true;
      }
    });
    if (missing) {
      say("quiz-result", "Em hãy trả lời tất cả các câu hỏi trước khi nộp bài.");
      return;
    }
    Array.prototype.forEach.call(quiz, function (fieldset) {
      var chosen = fieldset.querySelector("input:checked").value;
      var correct = chosen === fieldset.getAttribute("data-correct");
      right += correct ? 1 : 0;
      state.answers[fieldset.getAttribute("data-interaction")] = chosen;
      recordInteraction(fieldset, chosen, correct);
    });
    var scaled = right / quiz.length;
    var raw = Math.round(scaled * 100);
    var passed = scaled >= mastery();
    state.score = raw;
    sco.set(names.min, "0");
    sco.set(names.max, "100");
    sco.set(names.raw, String(raw));
    sco.set("cmi.objectives.0.id", "kiem-tra");
    sco.set("cmi.objectives.0.score.raw", String(raw));
    if (version === "2004") {
      sco.set("cmi.score.scaled", String(scaled));
      sco.set("cmi.completion_status", "completed");
      sco.set("cmi.success_status", passed ? "passed" : "failed");
      sco.set("cmi.objectives.0.score.scaled", String(scaled));
      sco.set("cmi.objectives.0.success_status", passed ? "passed" : "failed");
      sco.set("cmi.objectives.0.completion_status", "completed");
    } else {
      sco.set(names.status, passed ? "passed" : "failed");
      sco.set("cmi.objectives.0.status", passed ? "passed" : "failed");
    }
    saveState();
    sco.commit();
    say("quiz-result", "Em trả lời đúng " + right + "/" + quiz.length + " câu — " + raw +
      " điểm. " + (passed ? "Đạt!" : "Chưa đạt, em hãy ôn lại và làm lại."));
  }

  // Leaving (the button, closing the page or the LMS unloading the frame): save and finish.
  function finish(navRequest) {
    if (finished) {
      return;
    }
    finished = true;
    saveState();
    sco.set(names.sessionTime, sco.sessionTime());
    if (version === "2004") {
      sco.set("cmi.exit", completed() ? "normal" : "suspend");
      if (navRequest) {
        sco.set("adl.nav.request", navRequest);
      }
    } else {
      sco.set("cmi.core.exit", completed() ? "" : "suspend");
    }
    sco.commit();
    sco.finish();
    say("sco-status", navRequest ? "Đang chuyển phần…" : "Đã lưu. Em có thể đóng bài học.");
  }

  function navAllowed(request) {
    if (version !== "2004") {
      return false;
    }
    return sco.get("adl.nav.request_valid." + request) !== "false";
  }

  function restore() {
    var saved = sco.get("cmi.suspend_data");
    if (saved) {
      try {
        var parsed = JSON.parse(saved);
        if (parsed && typeof parsed === "object" && Array.isArray(parsed.seen)) {
          state = parsed;
          state.answers = state.answers || {};
        }
      } catch (err) {
        state.seen = [1];
      }
    }
    var location = parseInt(sco.get(names.location), 10);
    if (location >= 1 && location <= pages.length) {
      say("resume-note", "Em đang học tiếp từ trang " + location + ".");
      return location;
    }
    return 1;
  }

  function start() {
    if (!sco.initialize()) {
      say("sco-status", "Không kết nối được với hệ thống học tập: kết quả sẽ không được lưu.");
      show(1);
      return;
    }
    var learner = sco.get(names.learner);
    say("sco-status", learner ? "Xin chào " + learner + "!" : "Đã kết nối hệ thống học tập.");
    if (version === "2004") {
      if (sco.get("cmi.completion_status") === "not attempted" ||
          sco.get("cmi.completion_status") === "unknown") {
        sco.set("cmi.completion_status", "incomplete");
      }
    } else if (sco.get(names.status) === "not attempted" || sco.get(names.status) === "") {
      sco.set(names.status, "incomplete");
    }
    show(restore());
  }

  $("btn-next").addEventListener("click", function () { show(current + 1); });
  $("btn-prev").addEventListener("click", function () { show(current - 1); });
  $("btn-exit").addEventListener("click", function () { finish(""); });
  if ($("btn-submit")) {
    $("btn-submit").addEventListener("click", submitQuiz);
  }
  [["btn-sco-continue", "continue"], ["btn-sco-previous", "previous"]].forEach(function (pair) {
    var button = $(pair[0]);
    if (!button) {
      return;
    }
    button.hidden = !flowNav;
    button.addEventListener("click", function () { finish(pair[1]); });
  });
  var choice = $("btn-sco-choice");
  if (choice) {
    choice.addEventListener("click", function () {
      finish("{target=" + choice.getAttribute("data-target") + "}choice");
    });
  }
  window.addEventListener("pagehide", function () { finish(""); });
  window.addEventListener("beforeunload", function () { finish(""); });
  start();
  if (flowNav) {
    var prev = $("btn-sco-previous");
    var next = $("btn-sco-continue");
    if (prev) { prev.disabled = !navAllowed("previous"); }
    if (next) { next.disabled = !navAllowed("continue"); }
  }
})();
