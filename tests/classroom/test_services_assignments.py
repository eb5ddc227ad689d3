"""Assignments and hand-ins through the services: who may set and hand in, handing in again
before the due time, late work, closed after the due time or a mark, scores 0–10."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lms.classroom import services
from lms.classroom.models import Submission, SubmissionStatus
from lms.classroom.scores import average, score_display, score_parse
from lms.classroom.selectors import Status, learner_class_paths, learner_work

from .factories import jpeg_upload, make_assignment

pytestmark = pytest.mark.django_db


def _hand_in(world, learner="an", text="Bài làm", **kwargs):
    return services.submission_hand_in(actor=world[learner], assignment=world["assignment"],
                                       text=text, **kwargs)


def test_teacher_of_another_class_may_not_set_work(world):
    with pytest.raises(PermissionError):
        make_assignment(world["class"], world["other_teacher"])
    with pytest.raises(PermissionError):
        make_assignment(world["class"], world["an"])


def test_hand_in_again_before_due_replaces_text_and_files(world):
    first = _hand_in(world, files=[(jpeg_upload("a.jpg"), "image/jpeg")])
    second = _hand_in(world, text="Bài làm sửa", files=[(jpeg_upload("b.jpg"), "image/jpeg")])
    assert first.pk == second.pk
    second.refresh_from_db()
    assert second.text == "Bài làm sửa" and not second.late
    assert [f.name for f in second.files.all()] == ["b.jpg"]


def test_first_hand_in_after_due_is_late_and_final(world):
    late_time = world["assignment"].due_at + dt.timedelta(minutes=1)
    submission = _hand_in(world, now=late_time)
    assert submission.late
    with pytest.raises(services.HandInClosed):
        _hand_in(world, text="again", now=late_time)


def test_no_hand_in_after_the_work_was_returned(world):
    submission = _hand_in(world)
    services.submission_mark(actor=world["teacher"], submission=submission,
                             score=Decimal("8.5"), comment="Tốt")
    with pytest.raises(services.HandInClosed):
        _hand_in(world, text="sửa sau khi chấm")


def test_only_learners_it_is_set_for_hand_in(world):
    with pytest.raises(PermissionError):
        _hand_in(world, learner="other_learner")
    with pytest.raises(PermissionError):
        _hand_in(world, learner="teacher")
    chosen = make_assignment(world["class"], world["teacher"], learners=[world["binh"]])
    with pytest.raises(PermissionError):
        services.submission_hand_in(actor=world["an"], assignment=chosen, text="x")
    assert services.submission_hand_in(actor=world["binh"], assignment=chosen, text="x")


def test_learners_of_another_class_cannot_be_chosen(world):
    with pytest.raises(ValidationError):
        make_assignment(world["class"], world["teacher"], learners=[world["other_learner"]])


def test_empty_hand_in_is_refused(world):
    with pytest.raises(ValidationError):
        _hand_in(world, text="  ")


def test_marking_needs_the_class(world):
    submission = _hand_in(world)
    for outsider in ("other_teacher", "binh", "parent"):
        with pytest.raises(PermissionError):
            services.submission_mark(actor=world[outsider], submission=submission,
                                     score=Decimal(5), comment="")
    services.submission_mark(actor=world["head_b"], submission=submission, score=Decimal(7),
                             comment="")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED and submission.score == 7


def test_work_states_for_the_learner(world):
    missing = make_assignment(world["class"], world["teacher"], title="Đã quá hạn",
                              due_in=dt.timedelta(days=2))
    _hand_in(world)
    later = timezone.now() + dt.timedelta(days=3)
    states = {item.assignment.title: item.status
              for item in learner_work(world["an"], learner_class_paths(world["an"]),
                                       now=later)}
    assert states == {"Bài tập 1": Status.SUBMITTED, missing.title: Status.MISSING}


@pytest.mark.parametrize("text, value", [("8,5", Decimal("8.5")), ("10", Decimal(10)),
                                         ("0", Decimal(0)), (" 7.25 ", Decimal("7.25"))])
def test_score_parse_accepts(text, value):
    assert score_parse(text) == value


@pytest.mark.parametrize("text", ["10,5", "-1", "abc", "", "NaN", "Infinity", "8,123", "1e1"])
def test_score_parse_refuses(text):
    with pytest.raises(ValueError):
        score_parse(text)


def test_scores_show_a_decimal_comma_in_vietnamese():
    from django.utils import translation

    with translation.override("vi"):
        assert score_display(Decimal("8.50")) == "8,5"
        assert score_display(Decimal("10.00")) == "10"
    with translation.override("en"):
        assert score_display(Decimal("7.25")) == "7.25"
    assert average([Decimal("8"), Decimal("7.5"), Decimal("9")]) == Decimal("8.2")


def test_one_submission_per_learner(world):
    _hand_in(world)
    _hand_in(world, text="again")
    assert Submission.objects.filter(assignment=world["assignment"]).count() == 1
