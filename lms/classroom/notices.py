"""What the classroom tells learners, through the one notification service
(lms.notifications.announcements → notification_send): each person's channels, quiet hours
and language apply, and each notice has a dedupe key, so a task run twice tells nobody twice.
Parents are not sent a message per assignment: they read due, missing and marked work on
their child's page (views.child_work), next to the weekly digest."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from lms.notifications.announcements import (
    assignment_due_notify,
    assignment_new_notify,
    stream_post_notify,
    submission_returned_notify,
)

from .models import Assignment, StreamPost, Submission
from .scores import score_display
from .selectors import class_learners, due_between, pending_learners, set_for

DUE_WITHIN = dt.timedelta(hours=24)


def _url(assignment_id: int) -> str:
    return reverse("classroom:assignment", args=[assignment_id])


def assignment_new(assignment_id: int) -> int:
    assignment = Assignment.objects.select_related("unit").filter(pk=assignment_id).first()
    if assignment is None:
        return 0
    url = _url(assignment.pk)
    return sum(assignment_new_notify(assignment, learner, url)
               for learner in set_for(assignment))


def submission_returned(submission_id: int) -> bool:
    submission = (Submission.objects.select_related("assignment", "learner")
                  .filter(pk=submission_id, returned_at__isnull=False).first())
    if submission is None:
        return False
    return submission_returned_notify(submission, lambda: score_display(submission.score),
                                      _url(submission.assignment_id))


def due_reminders(*, now=None) -> int:
    now = now or timezone.now()
    sent = 0
    end = now + DUE_WITHIN
    for assignment in due_between(now, end):
        url = _url(assignment.pk)
        sent += sum(assignment_due_notify(assignment, learner, url,
                                          due_at=assignment.due_for(learner.pk))
                    for learner in pending_learners(assignment)
                    if now < assignment.due_for(learner.pk) <= end)
    return sent


def stream_post_new(post_id: int) -> int:
    """The class's learners hear of new posts on the class stream at most once a day per
    class (the day's key folds a busy day's posts into one notice; the stream shows them
    all). Parents hear of posts meant for them through the class news."""
    post = StreamPost.objects.select_related("unit").filter(pk=post_id).first()
    if post is None:
        return 0
    url = reverse("classroom:stream", args=[post.unit_id])
    day = timezone.localdate(post.created_at)
    return sum(stream_post_notify(post, learner, url, day)
               for learner in class_learners(post.unit) if learner.pk != post.author_id)
