"""Demo: certificates for the demo learners who already completed a course (they finished
before the start-up quiz existed, so the quiz requirement is not applied). PDFs are rendered on
first download. Idempotent: one certificate per learner and course."""

from courses.models import CourseCompletion

from .services import certificate_issue

DEMO_ORDER = 120


def build_demo(context) -> None:
    issued = 0
    completions = CourseCompletion.objects.select_related("user", "course").order_by("pk")
    for completion in completions:
        _certificate, created = certificate_issue(user=completion.user, course=completion.course,
                                                  require_quizzes=False, render=False)
        issued += created
    if issued:
        context.stdout.write(f"Chứng chỉ: đã cấp {issued} chứng chỉ cho học sinh đã hoàn thành.")
