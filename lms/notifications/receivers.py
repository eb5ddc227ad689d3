"""Domain events → notifications: completions, certificates and account security notices
(connected in apps.ready())."""

from django.dispatch import receiver
from django.urls import reverse

from courses.certificates.signals import certificate_issued
from courses.signals import course_completed
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
               "url": reverse("families:child", args=[learner.pk])}
    for guardian in _guardians_of(learner):
        notification_send(guardian, Event.COURSE_COMPLETED, context,
                          dedupe_key=f"course_completed:{completion.pk}")
    mine = {**context, "url": reverse("courses:my_learning")}
    notification_send(learner, Event.COURSE_COMPLETED, mine,
                      dedupe_key=f"course_completed:{completion.pk}")


@receiver(certificate_issued, dispatch_uid="notifications_certificate_issued")
def _on_certificate_issued(sender, certificate, **kwargs):
    learner = getattr(certificate, "user", None) or getattr(certificate, "learner", None)
    if learner is None:
        return
    course = getattr(certificate, "course", None)
    context = {"learner": learner.get_full_name(), "course": getattr(course, "title", ""),
               "url": reverse("families:child", args=[learner.pk])}
    key = f"certificate:{certificate.pk}"
    for guardian in _guardians_of(learner):
        notification_send(guardian, Event.CERTIFICATE_EARNED, context, dedupe_key=key)
    mine = {**context, "url": reverse("courses:my_learning")}
    notification_send(learner, Event.CERTIFICATE_EARNED, mine,
                      dedupe_key=key)


@receiver(security_notice, dispatch_uid="notifications_security_notice")
def _on_security_notice(sender, user, context, channels, **kwargs):
    """A security change on an account (lms.accounts.services.passwords.security_notify)."""
    notification_send(user, Event.ACCOUNT_SECURITY, context, channels=channels)
