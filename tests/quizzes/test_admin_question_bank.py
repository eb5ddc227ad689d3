"""The question bank is editable in the Wagtail admin (snippet with inline options)."""

import pytest

from courses.quizzes.models import Question
from tests.factories import UserFactory, course_with_lessons

from .helpers import one_of_each

pytestmark = pytest.mark.django_db


def test_admin_lists_and_adds_questions(client):
    course, _ = course_with_lessons(1)
    one_of_each(course)
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get("/admin/snippets/quizzes/question/")
    assert listing.status_code == 200 and "Ghép khái niệm" in listing.content.decode()
    add_url = "/admin/snippets/quizzes/question/add/"
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, {
        "course": course.pk, "qtype": "true_false", "text": "Nước sôi ở 100 °C.",
        "tags": "", "difficulty": 1, "accent_insensitive": "on", "explanation": "",
        "options-TOTAL_FORMS": 2, "options-INITIAL_FORMS": 0, "options-MIN_NUM_FORMS": 1,
        "options-MAX_NUM_FORMS": 1000,
        "options-0-text": "Đúng", "options-0-is_correct": "on", "options-0-match_text": "",
        "options-0-ORDER": 1, "options-0-DELETE": "", "options-0-id": "",
        "options-1-text": "Sai", "options-1-match_text": "", "options-1-ORDER": 2,
        "options-1-DELETE": "", "options-1-id": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Question.objects.get(text="Nước sôi ở 100 °C.")
    assert [o.text for o in created.options.all()] == ["Đúng", "Sai"]


def test_bank_is_not_open_to_learners(client):
    client.force_login(UserFactory())
    assert client.get("/admin/snippets/quizzes/question/").status_code in (302, 403)
