"""Every forbidden access, tried: a learner never sees another learner's hand-in, a teacher of
another class can neither see nor mark one (ids enumerated), parents see only their own
children, anonymous visitors are sent to sign in; CSRF on every POST; bad input is a 400 with
a Vietnamese message, never a 500."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from lms.classroom import services
from lms.classroom.models import Submission, SubmissionFile

from .factories import fake_jpeg_upload, jpeg_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def handed(world):
    """An and Bình both handed in (An with a photo); An's was marked."""
    an = services.submission_hand_in(actor=world["an"], assignment=world["assignment"],
                                     text="Bài của An",
                                     files=[(jpeg_upload("an.jpg"), "image/jpeg")])
    binh = services.submission_hand_in(actor=world["binh"], assignment=world["assignment"],
                                       text="Bài của Bình")
    services.submission_mark(actor=world["teacher"], submission=an, score=Decimal("8.5"),
                             comment="Trình bày đẹp")
    return {"an": an, "binh": binh, "an_file": an.files.get()}


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _urls(world, handed):
    a, unit = world["assignment"], world["class"]
    return {
        "class_assignments": reverse("classroom:class_assignments", args=[unit.pk]),
        "gradebook": reverse("classroom:gradebook", args=[unit.pk]),
        "gradebook_csv": reverse("classroom:gradebook_csv", args=[unit.pk]),
        "gradebook_xlsx": reverse("classroom:gradebook_xlsx", args=[unit.pk]),
        "assignment": reverse("classroom:assignment", args=[a.pk]),
        "assignment_edit": reverse("classroom:assignment_edit", args=[a.pk]),
        "submission_an": reverse("classroom:submission", args=[handed["an"].pk]),
        "submission_binh": reverse("classroom:submission", args=[handed["binh"].pk]),
        "file_an": reverse("classroom:submission_file",
                           args=[handed["an"].pk, handed["an_file"].pk]),
        "child_an": reverse("classroom:child_work", args=[world["an"].pk]),
    }


# who → the pages they must not open (404)
FORBIDDEN = {
    "other_teacher": ["class_assignments", "gradebook", "gradebook_csv", "gradebook_xlsx",
                      "assignment", "assignment_edit", "submission_an", "submission_binh",
                      "file_an", "child_an"],
    "other_learner": ["class_assignments", "gradebook", "assignment", "submission_an",
                      "file_an", "child_an"],
    "binh": ["class_assignments", "gradebook", "gradebook_csv", "assignment_edit",
             "submission_an", "file_an", "child_an"],
    "an": ["class_assignments", "gradebook", "assignment_edit", "submission_binh"],
    "parent": ["class_assignments", "gradebook", "assignment", "assignment_edit",
               "submission_binh"],
}


@pytest.mark.parametrize("who", sorted(FORBIDDEN))
def test_forbidden_pages_answer_404(world, handed, who):
    urls = _urls(world, handed)
    client = _as(world[who])
    for name in FORBIDDEN[who]:
        assert client.get(urls[name]).status_code == 404, (who, name)


def test_allowed_pages_open(world, handed):
    urls = _urls(world, handed)
    teacher, an, parent = _as(world["teacher"]), _as(world["an"]), _as(world["parent"])
    for name in ("class_assignments", "gradebook", "gradebook_csv", "gradebook_xlsx",
                 "assignment", "assignment_edit", "submission_an", "file_an"):
        assert teacher.get(urls[name]).status_code == 200, name
    for name in ("assignment", "submission_an", "file_an"):
        assert an.get(urls[name]).status_code == 200, name
    for name in ("submission_an", "file_an", "child_an"):
        assert parent.get(urls[name]).status_code == 200, name


def test_teacher_of_another_class_enumerating_ids_sees_and_marks_nothing(world, handed):
    client = _as(world["other_teacher"])
    for pk in Submission.objects.values_list("pk", flat=True):
        assert client.get(reverse("classroom:submission", args=[pk])).status_code == 404
        response = client.post(reverse("classroom:submission", args=[pk]),
                               {"score": "10", "comment": "x"})
        assert response.status_code == 404
    for row in SubmissionFile.objects.all():
        url = reverse("classroom:submission_file", args=[row.submission_id, row.pk])
        assert client.get(url).status_code == 404
    assert Submission.objects.get(pk=handed["binh"].pk).score is None
    assert Submission.objects.get(pk=handed["an"].pk).score == Decimal("8.5")


def test_a_learner_enumerating_ids_sees_only_their_own(world, handed):
    client = _as(world["binh"])
    for pk in Submission.objects.values_list("pk", flat=True):
        status = client.get(reverse("classroom:submission", args=[pk])).status_code
        assert status == (200 if pk == handed["binh"].pk else 404)
    page = client.get(reverse("classroom:assignment", args=[world["assignment"].pk]))
    assert "Bài của An" not in page.content.decode() and "Trình bày đẹp" not in \
        page.content.decode()


def test_learner_and_parent_see_the_mark(world, handed):
    url = reverse("classroom:assignment", args=[world["assignment"].pk])
    page = _as(world["an"]).get(url).content.decode()
    assert "8,5" in page and "Trình bày đẹp" in page
    child = _as(world["parent"]).get(reverse("classroom:children")).content.decode()
    assert "8,5" in child and world["an"].full_name in child
    assert world["binh"].full_name not in child


def test_anonymous_is_sent_to_sign_in(world, handed):
    client = Client()
    for url in _urls(world, handed).values():
        response = client.get(url)
        assert response.status_code == 302 and "dang-nhap" in response["Location"], url
    response = client.get(reverse("classroom:my_work"))
    assert response.status_code == 302


def test_every_post_needs_csrf(world, handed):
    a = world["assignment"]
    posts = [(world["an"], reverse("classroom:hand_in", args=[a.pk]), {"text": "x"}),
             (world["teacher"], reverse("classroom:submission", args=[handed["binh"].pk]),
              {"score": "9", "comment": ""}),
             (world["teacher"], reverse("classroom:assignment_new", args=[world["class"].pk]),
              {"title": "x", "due_date": "2030-01-01", "due_time": "17:00"}),
             (world["teacher"], reverse("classroom:assignment_delete", args=[a.pk]), {})]
    for user, url, data in posts:
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        assert client.post(url, data).status_code == 403, url


@pytest.mark.parametrize("score", ["11", "-1", "abc", "8,555", "1e1", ""])
def test_scores_outside_0_10_are_a_form_error(world, handed, score):
    response = _as(world["teacher"]).post(
        reverse("classroom:submission", args=[handed["binh"].pk]), {"score": score})
    assert response.status_code == 400
    assert Submission.objects.get(pk=handed["binh"].pk).score is None


@pytest.mark.parametrize("date, time", [("2030-13-45", "17:00"), ("hôm qua", "25:99"),
                                        ("2001-01-01", "08:00"), ("", "")])
def test_bad_due_dates_are_a_form_error(world, date, time):
    response = _as(world["teacher"]).post(
        reverse("classroom:assignment_new", args=[world["class"].pk]),
        {"title": "Bài mới", "due_date": date, "due_time": time})
    assert response.status_code == 400


def test_wrong_type_and_huge_files_are_refused(world, settings):
    url = reverse("classroom:hand_in", args=[world["assignment"].pk])
    client = _as(world["an"])
    response = client.post(url, {"text": "", "uploads": fake_jpeg_upload()})
    assert response.status_code == 400 and "không được nhận" in response.content.decode()
    settings.HOCMO_CLASSROOM_MAX_UPLOAD_MB = 0
    response = client.post(url, {"text": "x", "uploads": jpeg_upload()})
    assert response.status_code == 400 and "quá lớn" in response.content.decode()
    assert not Submission.objects.filter(learner=world["an"]).exists()


def test_a_scanner_refusing_a_file_is_a_form_error(world, settings):
    settings.HOCMO_CLASSROOM_FILE_SCANNER = "tests.classroom.scanners.refuse_all"
    response = _as(world["an"]).post(reverse("classroom:hand_in",
                                             args=[world["assignment"].pk]),
                                     {"text": "x", "uploads": jpeg_upload()})
    assert response.status_code == 400 and "virus" in response.content.decode()


def test_hand_in_with_a_photo_through_the_page(world):
    client = _as(world["an"])
    response = client.post(reverse("classroom:hand_in", args=[world["assignment"].pk]),
                           {"text": "", "uploads": jpeg_upload("trang-1.jpg")})
    assert response.status_code == 302
    submission = Submission.objects.get(learner=world["an"])
    row = submission.files.get()
    assert row.content_type == "image/jpeg" and row.name == "trang-1.jpg"
    download = client.get(reverse("classroom:submission_file", args=[submission.pk, row.pk]))
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"


def test_unknown_ids_are_404(world):
    client = _as(world["teacher"])
    for url in (reverse("classroom:assignment", args=[999999]),
                reverse("classroom:submission", args=[999999]),
                reverse("classroom:gradebook", args=[999999])):
        assert client.get(url).status_code == 404


def test_the_parent_reading_a_hand_in_is_led_back_to_the_childs_work(world, handed):
    """The crawl found it: a parent's hand-in page linked to the assignment page, which is 404
    for parents. The way back is the child's work page; a learner and the teacher keep the
    assignment."""
    submission_url = reverse("classroom:submission", args=[handed["an"].pk])
    assignment_url = reverse("classroom:assignment", args=[world["assignment"].pk])
    parent = _as(world["parent"])
    page = parent.get(submission_url).content.decode()
    assert f'href="{assignment_url}"' not in page
    child_url = reverse("classroom:child_work", args=[world["an"].pk])
    assert f'href="{child_url}"' in page and parent.get(child_url).status_code == 200
    for viewer in (world["an"], world["teacher"]):
        assert f'href="{assignment_url}"' in _as(viewer).get(submission_url).content.decode()
