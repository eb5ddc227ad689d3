"""The documented XLSX layout round-trips; bad cells are reported by row and column and
nothing is saved; re-importing adds nothing; only course authors may import."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from courses.quizzes import services, xlsx
from courses.quizzes.models import Question, QuestionType
from tests.factories import UserFactory, course_with_lessons

from .helpers import one_of_each

pytestmark = pytest.mark.django_db


def _sheet(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = xlsx.SHEET
    ws.append(xlsx.HEADERS)
    for row in rows:
        ws.append(row)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def test_round_trip_every_type():
    source, _ = course_with_lessons(1)
    one_of_each(source)
    data = xlsx.questions_export(source)
    target, _ = course_with_lessons(1, slug="khoa-khac")
    assert services.questions_import(target, data) == {"created": 6, "skipped": 0}
    assert services.questions_import(target, data) == {"created": 0, "skipped": 6}
    matching = Question.objects.get(course=target, qtype=QuestionType.MATCHING)
    assert [(o.text, o.match_text) for o in matching.options.order_by("sort_order")][0] == \
        ("Doanh thu", "Tiền thu được")
    multiple = Question.objects.get(course=target, qtype=QuestionType.MULTIPLE)
    assert [o.is_correct for o in multiple.options.order_by("sort_order")] == [True, True, False]


def test_errors_name_row_and_column_and_save_nothing():
    course, _ = course_with_lessons(1)
    data = _sheet([
        ["single", "Câu tốt", "", 1, 1, "", "1", "A", "B"],
        ["tu-luan", "Loại sai", "", 2, 1, "", "", "A"],
        ["single", "Thiếu đáp án", "", 2, 1, "", "", "A", "B"],
        ["matching", "Ghép sai", "", 5, 1, "", "", "Không có dấu bằng"],
    ])
    with pytest.raises(xlsx.ImportError_) as exc:
        services.questions_import(course, data)
    errors = exc.value.errors
    assert any(e.startswith("Dòng 3, cột loai") for e in errors)
    assert any(e.startswith("Dòng 4, cột dap_an") for e in errors)
    assert any(e.startswith("Dòng 5, cột do_kho") for e in errors)
    assert any(e.startswith("Dòng 5, cột pa1") for e in errors)
    assert not Question.objects.exists()


def test_import_view_requires_author_and_checks_content(client):
    course, _ = course_with_lessons(1)
    url = reverse("quizzes:bank_import", args=[course.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.get(reverse("quizzes:bank_export", args=[course.pk])).status_code == 404
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)
    fake = SimpleUploadedFile("cau-hoi.xlsx", b"khong phai xlsx")
    response = client.post(url, {"file": fake})
    assert response.status_code == 400 and "không phải bảng tính" in response.content.decode()
    good = SimpleUploadedFile("cau-hoi.xlsx", _sheet([["true_false", "Trời xanh", "", 1, 1, "",
                                                        "1", "Đúng", "Sai"]]))
    assert client.post(url, {"file": good}).status_code == 302
    assert Question.objects.filter(course=course).count() == 1
    export = client.get(reverse("quizzes:bank_export", args=[course.pk]))
    assert export.content.startswith(b"PK")


def test_moodle_xml_export_has_every_type(client):
    import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own output in a test

    course, _ = course_with_lessons(1)
    one_of_each(course)
    url = reverse("quizzes:bank_export_moodle", args=[course.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(username="quantri2", is_superuser=True, is_staff=True))
    root = ET.fromstring(client.get(url).content)  # noqa: S314
    types = [q.get("type") for q in root.findall("question")]
    assert types == ["category", "multichoice", "multichoice", "truefalse", "shortanswer",
                     "matching", "ordering"]
    truefalse = root.findall("question")[3]
    assert [a.get("fraction") for a in truefalse.findall("answer")] == ["0", "100"]
    matching = root.findall("question")[5]
    assert matching.find("subquestion/answer/text").text == "Tiền thu được"
