"""Domain events → notifications. Receivers are connected in apps.ready(); other apps call the
small API here (e.g. reports: `report_due_notify`, `report_returned_notify`)."""

import datetime as dt

from django.dispatch import receiver
from django.utils import timezone

from courses.signals import certificate_issued, course_completed
from lms.accounts.signals import security_notice

from .models import Event
from .services import notification_send


def _guardians_of(learner):
    from lms.accounts.models import User

    return User.objects.filter(children_links__learner=learner,
                               children_links__revoked_at__isnull=True)


@receiver(course_completed, dispatch_uid="notifications_course_completed")
def _on_course_completed(sender, completion, **kwargs):
    learner, course = completion.user, completion.course
    context = {"learner": learner.get_full_name(), "course": course.title,
               "url": f"/phu-huynh/con/{learner.pk}/"}
    for guardian in _guardians_of(learner):
        notification_send(guardian, Event.COURSE_COMPLETED, context,
                          dedupe_key=f"course_completed:{completion.pk}")
    notification_send(learner, Event.COURSE_COMPLETED, {**context, "url": "/my/"},
                      dedupe_key=f"course_completed:{completion.pk}")


@receiver(certificate_issued, dispatch_uid="notifications_certificate_issued")
def _on_certificate_issued(sender, certificate, **kwargs):
    learner = getattr(certificate, "user", None) or getattr(certificate, "learner", None)
    if learner is None:
        return
    course = getattr(certificate, "course", None)
    context = {"learner": learner.get_full_name(), "course": getattr(course, "title", ""),
               "url": f"/phu-huynh/con/{learner.pk}/"}
    key = f"certificate:{certificate.pk}"
    for guardian in _guardians_of(learner):
        notification_send(guardian, Event.CERTIFICATE_EARNED, context, dedupe_key=key)
    notification_send(learner, Event.CERTIFICATE_EARNED, {**context, "url": "/my/"},
                      dedupe_key=key)


def report_due_notify(user, *, report: str, due: dt.date | str, url: str = "",
                      key: str | None = None):
    """For the reports app: tell an officer a report is due (once per `key`)."""
    return notification_send(user, Event.REPORT_DUE, {"report": report, "due": str(due),
                                                      "url": url}, dedupe_key=key)


def report_returned_notify(user, *, report: str, reason: str = "", url: str = "",
                           key: str | None = None):
    """For the reports app: tell an officer their report was returned, with the reason."""
    return notification_send(user, Event.REPORT_RETURNED, {"report": report, "reason": reason,
                                                           "url": url}, dedupe_key=key)


def reminders_not_started(*, older_than_days: int = 7, now=None) -> int:
    """Learners enrolled by their class (an assigned, required course) more than a week ago
    with no progress at all get one reminder per enrolment."""
    from django.db.models import Exists, OuterRef

    from courses.models import Enrolment, EnrolmentSource, LessonProgress

    now = now or timezone.now()
    started = LessonProgress.objects.filter(user_id=OuterRef("user_id"),
                                            course_id=OuterRef("course_id"))
    enrolments = (Enrolment.objects.filter(source=EnrolmentSource.CLASS,
                                           created_at__lt=now - dt.timedelta(days=older_than_days))
                  .filter(~Exists(started)).select_related("user", "course"))
    sent = 0
    for enrolment in enrolments.iterator(chunk_size=500):
        if notification_send(enrolment.user, Event.COURSE_NOT_STARTED,
                             {"course": enrolment.course.title, "url": "/my/"},
                             dedupe_key=f"not_started:{enrolment.pk}"):
            sent += 1
    return sent


@receiver(security_notice, dispatch_uid="notifications_security_notice")
def _on_security_notice(sender, user, context, channels, **kwargs):
    """A security change on an account (lms.accounts.passwords.security_notify)."""
    notification_send(user, Event.ACCOUNT_SECURITY, context, channels=channels)
