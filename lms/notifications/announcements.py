"""Notices other apps send about their own events, after their change committed: careers
(a new application for the employer, a status change for the learner), recognition (a title
confirmed), clubs (a join request decided), classroom (new work, work due, a mark) and lesson
questions (a new question for the class's teachers, a new answer for the asker). Each
takes the app's object and reads plain attributes, so this module imports none of those apps.
Texts live in texts.py; each dedupe key makes its notice idempotent per person."""

from django.urls import reverse
from django.utils import timezone

from .models import Event
from .services import notification_send


def _label(obj, field: str):
    """The choice's lazy label (not get_FOO_display(), which renders it in the sender's
    language): the text builder renders it in the recipient's."""
    value = getattr(obj, field)
    return dict(obj._meta.get_field(field).flatchoices).get(value, value)


def application_received_notify(application) -> int:
    """Every account of the posting's employer hears of the new application."""
    posting = application.posting
    context = {"posting": posting.title, "learner": application.learner.get_full_name(),
               "url": reverse("careers:posting_applicants", args=[posting.pk])}
    sent = 0
    for member in posting.employer.members.select_related("user"):
        if notification_send(member.user, Event.APPLICATION_RECEIVED, context,
                             dedupe_key=f"application:{application.pk}:received"):
            sent += 1
    return sent


def application_status_notify(application) -> bool:
    """The learner hears each new status of their application once (the label is rendered in
    their language)."""
    context = {"posting": application.posting.title, "status": _label(application, "status"),
               "url": reverse("careers:my_applications")}
    return notification_send(application.learner, Event.APPLICATION_STATUS, context,
                             dedupe_key=f"application:{application.pk}:{application.status}"
                             ) is not None


def recognition_notify(candidate, holder, certificate=None) -> bool:
    context = {"title": _label(candidate, "kind"), "year": candidate.year,
               "name": candidate.display_name,
               "url": certificate.verify_path if certificate is not None else ""}
    return notification_send(holder, Event.RECOGNITION_CONFIRMED, context,
                             dedupe_key=f"recognition:{candidate.pk}") is not None


def club_membership_notify(membership, *, accepted: bool) -> bool:
    """The learner hears the adviser's decision (once a day per decision, so asking again after
    a refusal and being refused again is told again)."""
    club = membership.club
    context = {"club": club.name, "accepted": accepted,
               "url": reverse("clubs:detail", args=[club.slug])}
    state = "accepted" if accepted else "declined"
    today = timezone.localdate()
    return notification_send(membership.user, Event.CLUB_MEMBERSHIP, context,
                             dedupe_key=f"club:{membership.pk}:{state}:{today:%Y%m%d}"
                             ) is not None


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def assignment_new_notify(assignment, learner, url: str) -> bool:
    context = {"title": assignment.title, "class_name": assignment.unit.name,
               "due": _local(assignment.due_at), "url": url}
    return notification_send(learner, Event.ASSIGNMENT_NEW, context,
                             dedupe_key=f"assignment:{assignment.pk}:new") is not None


def assignment_due_notify(assignment, learner, url: str, *, due_at=None) -> bool:
    """Once per assignment and due time (moving the due time later may remind again);
    `due_at`: the learner's own due time when the teacher extended it."""
    due_at = due_at or assignment.due_at
    context = {"title": assignment.title, "due": _local(due_at), "url": url}
    return notification_send(
        learner, Event.ASSIGNMENT_DUE, context,
        dedupe_key=f"assignment:{assignment.pk}:due:{due_at:%Y%m%d%H%M}") is not None


def stream_post_notify(post, learner, url: str, day) -> bool:
    """New posts on a class stream: once per learner, class and day (a busy day's posts
    make one notice)."""
    context = {"class_name": post.unit.name, "text": post.text[:200], "url": url}
    return notification_send(learner, Event.STREAM_POST, context,
                             dedupe_key=f"stream:{post.unit_id}:{day:%Y%m%d}") is not None


def submission_returned_notify(submission, score_text, url: str) -> bool:
    """`score_text(language)`: the score as the recipient reads it ("8,5" or "8.5"). Once per
    mark: marking again with another score tells the learner again."""
    from django.utils import translation

    learner = submission.learner
    with translation.override(getattr(learner, "preferred_language", "vi") or "vi"):
        score = score_text()
    context = {"title": submission.assignment.title, "score": score, "url": url}
    return notification_send(
        learner, Event.SUBMISSION_RETURNED, context,
        dedupe_key=f"submission:{submission.pk}:returned:{submission.score}") is not None


def qa_question_new_notify(question, teacher, url: str, day) -> bool:
    """A class's teacher hears of new questions on a lesson once per lesson, class and day."""
    context = {"lesson": question.lesson.title, "class_name": question.unit.name, "url": url}
    return notification_send(
        teacher, Event.QA_QUESTION_NEW, context,
        dedupe_key=f"qa:lesson:{question.lesson_id}:{question.unit_id}:{day:%Y%m%d}"
    ) is not None


def qa_answer_new_notify(question, url: str, day) -> bool:
    """The asker hears of new answers to their question once per question and day."""
    context = {"lesson": question.lesson.title, "url": url}
    return notification_send(
        question.author, Event.QA_ANSWER_NEW, context,
        dedupe_key=f"qa:question:{question.pk}:answers:{day:%Y%m%d}") is not None
