"""Awards: certificates without a course (contest prizes, "learning citizen" titles) share the
code, PDF and public verification of course certificates, are issued once per learner and key,
and never count as course training in reports."""

import io

import pytest
from pypdf import PdfReader

from courses.certificates import selectors, services
from tests.factories import learner_in

pytestmark = pytest.mark.django_db


def test_award_is_issued_once_per_key_and_verifies(school_tree, client):
    learner = learner_in(school_tree["class_a"], first_name="An", last_name="Nguyễn Văn")
    award, created = services.award_issue(
        user=learner, award_key="contest:1:prize", title="Giải Nhất — Ý tưởng khởi nghiệp",
        citation="đã đạt", issuing_unit=school_tree["school_a"])
    again, created_again = services.award_issue(
        user=learner, award_key="contest:1:prize", title="khác", citation="khác",
        issuing_unit=None)
    assert created and not created_again and again.pk == award.pk
    assert award.is_award and award.course_title == "Giải Nhất — Ý tưởng khởi nghiệp"
    text = PdfReader(io.BytesIO(award.pdf.read())).pages[0].extract_text()
    assert "đã đạt" in text and "Giải Nhất" in text and "đã hoàn thành khóa học" not in text
    page = client.get(award.verify_path).content.decode()
    assert "Danh hiệu" in page and "Giải Nhất" in page
    assert learner.pk not in set(selectors.certified_learner_ids())


def test_award_needs_a_key(school_tree):
    learner = learner_in(school_tree["class_a"])
    with pytest.raises(ValueError):
        services.award_issue(user=learner, award_key="", title="x", citation="y",
                             issuing_unit=None)
