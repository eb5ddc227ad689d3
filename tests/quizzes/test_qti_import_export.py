"""QTI 3.0 package: export → import gives the same questions; QTI 2.1 items are read; hostile
input (bad XML, XXE, a zip bomb, a huge upload) is a clear error, never a 500, and saves
nothing."""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.quizzes import qti, services
from courses.quizzes.models import Question, QuestionType
from tests.factories import UserFactory, course_with_lessons

from .helpers import add_question, one_of_each

pytestmark = pytest.mark.django_db


def _shape(course) -> list:
    return sorted(
        (q.qtype, q.text, q.explanation,
         tuple((o.text, o.is_correct, o.match_text) for o in q.options.order_by("sort_order")))
        for q in Question.objects.filter(course=course))


def test_round_trip_every_type_with_feedback():
    source, _ = course_with_lessons(1)
    one_of_each(source)
    add_question(source, QuestionType.SINGLE, "Lãi là gì?", [("Thu trừ chi", True),
                                                              ("Thu cộng chi", False)],
                 explanation="Lãi = doanh thu − chi phí.")
    package = qti.questions_qti_package(source)
    with zipfile.ZipFile(BytesIO(package)) as archive:
        assert "imsmanifest.xml" in archive.namelist()
        assert len([n for n in archive.namelist() if n.startswith("items/")]) == 7
        assert b"qti-choice-interaction" in archive.read(archive.namelist()[0])
    target, _ = course_with_lessons(1, slug="khoa-qti")
    assert services.questions_import_qti(target, package) == {"created": 7, "skipped": 0}
    assert _shape(target) == _shape(source)
    assert services.questions_import_qti(target, package) == {"created": 0, "skipped": 7}


QTI21_NUMERIC = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="n1"
  title="So" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">
    <correctResponse><value>3.5</value></correctResponse>
  </responseDeclaration>
  <itemBody><p>Nửa của 7 là bao nhiêu?</p>
    <p><textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="F" showHide="show">7 : 2</modalFeedback>
</assessmentItem>""".encode()


def test_qti21_numeric_item_imports_as_short_answer():
    course, _ = course_with_lessons(1)
    assert services.questions_import_qti(course, QTI21_NUMERIC)["created"] == 1
    q = Question.objects.get(course=course)
    assert (q.qtype, q.text, q.explanation) == (QuestionType.SHORT, "Nửa của 7 là bao nhiêu?",
                                                "7 : 2")
    assert [o.text for o in q.options.all()] == ["3.5"]


def _zip(members: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


MANIFEST = (b'<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"><resources>'
            b'<resource identifier="a" type="imsqti_item_xmlv3p0" href="a.xml"/></resources>'
            b'</manifest>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
       b'<qti-assessment-item><qti-item-body><p>&e;</p></qti-item-body></qti-assessment-item>')


@pytest.mark.parametrize(("data", "expected"), [
    (b"<qti-assessment-item><unclosed>", "không phải XML hợp lệ"),
    (XXE, "DTD hoặc thực thể"),
    (_zip({"a.xml": b"<x/>"}), "thiếu imsmanifest.xml"),
    (_zip({"imsmanifest.xml": MANIFEST}), "không tìm thấy tệp"),
    (_zip({"imsmanifest.xml": MANIFEST, "a.xml": XXE}), "a.xml: tệp XML có DTD"),
    (_zip({"imsmanifest.xml": MANIFEST, "a.xml": b" " * (qti.MAX_MEMBER_BYTES + 1)}),
     "tệp quá lớn"),
    (b"PK\x03\x04 not really a zip", "không phải gói QTI"),
    ("<qti-assessment-item><qti-item-body><p>Viết luận</p><qti-extended-text-interaction/>"
     "</qti-item-body></qti-assessment-item>".encode(), "chưa hỗ trợ"),
])
def test_hostile_or_bad_input_is_a_clear_error_and_saves_nothing(data, expected):
    course, _ = course_with_lessons(1)
    with pytest.raises(qti.QtiError) as exc:
        services.questions_import_qti(course, data)
    assert expected in "\n".join(exc.value.errors)
    assert not Question.objects.filter(course=course).exists()


def test_one_bad_item_of_many_saves_nothing():
    source, _ = course_with_lessons(1)
    one_of_each(source)
    with zipfile.ZipFile(BytesIO(qti.questions_qti_package(source))) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    first_item = next(n for n in members if n.startswith("items/"))
    members[first_item] = b"<qti-assessment-item>"
    target, _ = course_with_lessons(1, slug="khoa-loi")
    with pytest.raises(qti.QtiError) as exc:
        services.questions_import_qti(target, _zip(members))
    assert exc.value.errors[0].startswith(first_item)
    assert not Question.objects.filter(course=target).exists()


def test_views_export_and_import_for_author_only(client):
    course, _ = course_with_lessons(1)
    one_of_each(course)
    author = UserFactory(username="tacgia.qti", is_superuser=True, is_staff=True)
    client.force_login(author)
    export = client.get(reverse("quizzes:bank_export_qti", args=[course.pk]))
    assert export.status_code == 200 and export["Content-Type"] == "application/zip"
    target, _ = course_with_lessons(1, slug="khoa-nhan")
    url = reverse("quizzes:bank_import", args=[target.pk])
    ok = client.post(url, {"file": SimpleUploadedFile("bank.zip", export.content)})
    assert ok.status_code == 302 and Question.objects.filter(course=target).count() == 6
    bad = client.post(url, {"file": SimpleUploadedFile("x.xml", XXE)})
    assert bad.status_code == 400 and "DTD" in bad.content.decode()
    junk = client.post(url, {"file": SimpleUploadedFile("x.bin", b"\x00\x01binary")})
    assert junk.status_code == 400
    client.force_login(UserFactory(username="nguoila.qti"))
    assert client.get(reverse("quizzes:bank_export_qti", args=[course.pk])).status_code == 404


def test_zip_bomb_and_oversized_upload_are_refused_before_reading(client):
    course, _ = course_with_lessons(1)
    bomb = _zip({"imsmanifest.xml": MANIFEST, "a.xml": b"\0" * (qti.MAX_TOTAL_BYTES + 1)})
    assert len(bomb) < 200_000  # tiny on the wire, huge once inflated
    with pytest.raises(qti.QtiError) as exc:
        services.questions_import_qti(course, bomb)
    assert "quá lớn" in exc.value.errors[0]
    client.force_login(UserFactory(username="tacgia.lon", is_superuser=True, is_staff=True))
    huge = SimpleUploadedFile("big.zip", b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024))
    response = client.post(reverse("quizzes:bank_import", args=[course.pk]), {"file": huge})
    assert response.status_code == 400 and "5 MB" in response.content.decode()
    assert not Question.objects.filter(course=course).exists()
