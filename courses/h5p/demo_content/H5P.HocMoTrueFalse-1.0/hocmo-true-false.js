/* HọcMở's tiny true/false content type (MIT). One statement, two buttons; on an answer it
   emits xAPI "answered" with the score and success, then "completed". */
var H5P = H5P || {};
H5P.HocMoTrueFalse = (function ($, EventDispatcher) {
  "use strict";

  function TrueFalse(params, contentId, extras) {
    EventDispatcher.call(this);
    this.params = $.extend(true, {
      question: "",
      correct: true,
      labels: {true: "Đúng", false: "Sai", correct: "Chính xác!", wrong: "Chưa đúng."},
      explanation: ""
    }, params || {});
    this.contentId = contentId;
    this.extras = extras || {};
    this.score = 0;
    this.answered = false;
  }
  TrueFalse.prototype = Object.create(EventDispatcher.prototype);
  TrueFalse.prototype.constructor = TrueFalse;

  TrueFalse.prototype.attach = function ($container) {
    var self = this;
    var p = self.params;
    var root = document.createElement("div");
    root.className = "hocmo-tf";
    var question = document.createElement("p");
    question.className = "hocmo-tf-question";
    question.id = "hocmo-tf-q-" + self.contentId;
    question.textContent = p.question;
    var answers = document.createElement("div");
    answers.className = "hocmo-tf-answers";
    answers.setAttribute("role", "group");
    answers.setAttribute("aria-labelledby", question.id);
    var feedback = document.createElement("p");
    feedback.className = "hocmo-tf-feedback";
    feedback.setAttribute("role", "status");
    [true, false].forEach(function (value) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = p.labels[String(value)];
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        if (self.answered) { return; }
        button.setAttribute("aria-pressed", "true");
        Array.prototype.forEach.call(answers.querySelectorAll("button"), function (b) {
          b.disabled = true;
        });
        self.answer(value, feedback);
      });
      answers.appendChild(button);
    });
    root.appendChild(question);
    root.appendChild(answers);
    root.appendChild(feedback);
    $container.addClass("h5p-hocmo-true-false").empty().append(root);
    self.trigger("resize");
  };

  TrueFalse.prototype.answer = function (value, feedback) {
    var p = this.params;
    var success = value === !!p.correct;
    this.answered = true;
    this.score = success ? 1 : 0;
    feedback.className = "hocmo-tf-feedback " + (success ? "ok" : "no");
    feedback.textContent = (success ? p.labels.correct : p.labels.wrong) +
      (p.explanation ? " " + p.explanation : "");
    this.triggerXAPIScored(this.score, 1, "answered", true, success);
    this.triggerXAPIScored(this.score, 1, "completed", true, success);
    this.trigger("resize");
  };

  TrueFalse.prototype.getScore = function () { return this.score; };
  TrueFalse.prototype.getMaxScore = function () { return 1; };
  TrueFalse.prototype.getAnswerGiven = function () { return this.answered; };

  return TrueFalse;
})(H5P.jQuery, H5P.EventDispatcher);
