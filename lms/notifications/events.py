"""The small API other apps call to notify (e.g. reports: `report_due_notify`,
`report_returned_notify`) and the not-started reminders; the signal receivers are in
receivers.py."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from .models import Event
from .services import notification_send


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
                             {"course": enrolment.course.title,
                              "url": reverse("courses:my_learning")},
                             dedupe_key=f"not_started:{enrolment.pk}"):
            sent += 1
    return sent
