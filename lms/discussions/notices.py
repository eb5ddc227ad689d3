"""What lesson questions tell people, through the one notification service
(lms.notifications.announcements → notification_send), so each person's channels, quiet hours
and language apply. Digest-aware: a burst of posts is one notice a day per thread, not one per
post — the class's teachers hear of new questions once per lesson, class and day; the asker
hears of new answers once per question and day (the dedupe key holds the date). Hidden posts and
the poster themselves are never told."""

from django.urls import reverse
from django.utils import timezone

from lms.notifications.announcements import qa_answer_new_notify, qa_question_new_notify

from .models import Answer, Question
from .selectors import class_teachers


def question_new(question_id: int) -> int:
    question = (Question.objects.select_related("unit", "lesson")
                .filter(pk=question_id, hidden_at__isnull=True).first())
    if question is None:
        return 0
    url = reverse("discussions:lesson", args=[question.lesson_id])
    day = timezone.localdate(question.created_at)
    return sum(qa_question_new_notify(question, teacher, url, day)
               for teacher in class_teachers(question.unit) if teacher.pk != question.author_id)


def answer_new(answer_id: int) -> bool:
    answer = (Answer.objects.select_related("question__author", "question__lesson")
              .filter(pk=answer_id, hidden_at__isnull=True,
                      question__hidden_at__isnull=True).first())
    if answer is None or answer.author_id == answer.question.author_id:
        return False
    question = answer.question
    url = reverse("discussions:question", args=[question.pk])
    return qa_answer_new_notify(question, url, timezone.localdate(answer.created_at))
