"""Reads for quizzes: the lesson's quiz block, what an attempt page shows, learners' results."""

from dataclasses import dataclass, field

from courses.models import LessonPage

from .models import Attempt, AttemptAnswer, QuestionType, QuizResult


@dataclass
class QuizSettings:
    block_id: str
    title: str
    intro: str
    question_count: int
    tags: list[str]
    time_limit_minutes: int
    attempts_allowed: int
    pass_mark: int
    show_answers: bool
    pass_feedback: str
    fail_feedback: str


def quiz_for_lesson(lesson: LessonPage) -> QuizSettings | None:
    """The lesson's (first) quiz block, or None."""
    for child in lesson.body:
        if child.block_type == "quiz":
            v = child.value
            return QuizSettings(
                block_id=child.id or "", title=v.get("title") or "", intro=v.get("intro") or "",
                question_count=int(v.get("question_count") or 1),
                tags=[t.strip() for t in (v.get("tags") or "").split(",") if t.strip()],
                time_limit_minutes=int(v.get("time_limit_minutes") or 0),
                attempts_allowed=int(v.get("attempts_allowed") or 0),
                pass_mark=int(v.get("pass_mark") if v.get("pass_mark") is not None else 70),
                show_answers=bool(v.get("show_answers")),
                pass_feedback=v.get("pass_feedback") or "",
                fail_feedback=v.get("fail_feedback") or "",
            )
    return None


@dataclass
class ShownQuestion:
    position: int
    qtype: str
    text: str
    image: object
    options: list[tuple[int, str]]  # (index, text) in shown order
    matches: list[tuple[int, str]] = field(default_factory=list)
    response: object = None
    is_correct: bool | None = None
    key: list[str] = field(default_factory=list)  # the correct answer, for the result page
    explanation: str = ""
    prefix: str = ""

    def chosen(self, index: int) -> bool:
        if isinstance(self.response, list):
            return index in self.response
        return self.response == index

    def rows(self):
        """Matching / ordering rows: (row index, item text, chosen value)."""
        response = self.response if isinstance(self.response, list) else []
        return [(i, text, response[i] if i < len(response) else None)
                for i, text in self.options]


def attempt_questions(attempt: Attempt, *, with_key: bool = False) -> list[ShownQuestion]:
    """Questions of an attempt as shown: option texts by position only. The key (correct
    answers) is added only when asked for, which views do after submission."""
    answers = (AttemptAnswer.objects.filter(attempt=attempt)
               .select_related("question", "question__image")
               .prefetch_related("question__options"))
    shown = []
    for answer in answers:
        question = answer.question
        by_id = {o.pk: o for o in question.options.all()}
        options = [by_id[i] for i in answer.option_order if i in by_id]
        item = ShownQuestion(
            position=answer.position, qtype=question.qtype, text=question.text,
            image=question.image, options=list(enumerate(o.text for o in options)),
            matches=[(n, by_id[i].match_text) for n, i in enumerate(answer.match_order)
                     if i in by_id],
            response=answer.response, is_correct=answer.is_correct, prefix=f"q{answer.position}",
        )
        if question.qtype == QuestionType.SHORT:
            item.options = []
        if with_key:
            item.key = _key_text(question.qtype, options)
            item.explanation = question.explanation
        shown.append(item)
    return shown


def _key_text(qtype: str, options) -> list[str]:
    if qtype == QuestionType.MATCHING:
        return [f"{o.text} → {o.match_text}" for o in options]
    if qtype == QuestionType.ORDERING:
        return [o.text for o in sorted(options, key=lambda o: (o.sort_order or 0, o.pk))]
    if qtype == QuestionType.SHORT:
        return [o.text for o in options][:1]
    return [o.text for o in options if o.is_correct]


def learner_attempts(user, lesson) -> list[Attempt]:
    return list(Attempt.objects.filter(user=user, lesson=lesson).order_by("number"))


def learner_result(user, lesson) -> QuizResult | None:
    return QuizResult.objects.filter(user=user, lesson=lesson).first()


def open_attempt(user, lesson) -> Attempt | None:
    return Attempt.objects.filter(user=user, lesson=lesson, submitted_at__isnull=True).first()


def quiz_lessons_passed(user, course) -> bool:
    """Whether the learner passed the quiz of every live required lesson that has one."""
    lesson_ids = [lesson.pk for lesson in LessonPage.objects.live().child_of(course)
                  .filter(required=True) if quiz_for_lesson(lesson) is not None]
    if not lesson_ids:
        return True
    passed = QuizResult.objects.filter(user=user, lesson_id__in=lesson_ids,
                                       passed_at__isnull=False).count()
    return passed == len(lesson_ids)
