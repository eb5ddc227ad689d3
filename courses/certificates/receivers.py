"""Issue certificates when a course completes, or when a completed course's quiz is passed
late. Both signals arrive after commit, so the worker sees the rows."""

from django.dispatch import receiver

from courses.quizzes.signals import quiz_passed
from courses.signals import course_completed


@receiver(course_completed, dispatch_uid="certificates_on_course_completed")
def issue_on_completion(sender, completion, **kwargs):
    from .tasks import certificate_issue_task

    certificate_issue_task.delay(completion.user_id, completion.course_id)


@receiver(quiz_passed, dispatch_uid="certificates_on_quiz_passed")
def issue_on_quiz_passed(sender, attempt, **kwargs):
    from courses.models import CourseCompletion

    from .tasks import certificate_issue_task

    if CourseCompletion.objects.filter(user_id=attempt.user_id,
                                       course_id=attempt.course_id).exists():
        certificate_issue_task.delay(attempt.user_id, attempt.course_id)
