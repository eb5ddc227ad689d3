"""Rubrics (parse, score on the 10-point scale, filled snapshot), paper work scored without a
hand-in, per-learner extensions, choosing learners when editing an assignment."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lms.classroom import services
from lms.classroom.gradebook import gradebook
from lms.classroom.models import Submission
from lms.classroom.permissions import may_hand_in
from lms.classroom.rubrics import rubric_fill, rubric_parse, rubric_text
from lms.classroom.selectors import Status, learner_class_paths, learner_work

pytestmark = pytest.mark.django_db

RUBRIC = "Nội dung: Đầy đủ 4; Khá 3; Còn thiếu 1\nTrình bày: Sạch đẹp 3; Chưa gọn 1,5\n"


def test_rubric_parse_and_back():
    rubric = rubric_parse(RUBRIC)
    assert [c["title"] for c in rubric] == ["Nội dung", "Trình bày"]
    assert rubric[1]["levels"][1] == {"label": "Chưa gọn", "points": "1.5"}
    assert rubric_parse(rubric_text(rubric)) == rubric


@pytest.mark.parametrize("text", ["Nội dung 4", "Nội dung: Tốt", "Nội dung: Tốt 4x",
                                  "A: B 0; C 0", ": Tốt 4", "A: 1e3 x 5; Tốt -1"])
def test_rubric_parse_refuses_bad_lines(text):
    with pytest.raises(ValidationError):
        rubric_parse(text)


def test_rubric_score_is_scaled_to_ten_with_one_decimal():
    rubric = rubric_parse(RUBRIC)  # at most 4 + 3 = 7
    score, filled = rubric_fill(rubric, [1, 1])  # 3 + 1.5 = 4.5 → 4.5 / 7 × 10 = 6.428…
    assert score == Decimal("6.4")
    assert filled[0] == {"title": "Nội dung", "level": "Khá", "points": "3", "max": "4"}
    ten = rubric_parse("A: Tốt 6; Đạt 3,5\nB: Tốt 4; Đạt 2")
    assert rubric_fill(ten, [1, 0])[0] == Decimal("7.5")
    with pytest.raises(ValueError):
        rubric_fill(ten, [0])
    with pytest.raises(ValueError):
        rubric_fill(ten, [0, 5])


def test_marking_with_a_rubric_fills_it_and_the_gradebook_reads_the_score(world):
    a, teacher = world["assignment"], world["teacher"]
    services.assignment_rubric_set(actor=teacher, assignment=a, rubric=rubric_parse(RUBRIC))
    submission = services.submission_hand_in(actor=world["an"], assignment=a, text="x")
    services.submission_mark(actor=teacher, submission=submission, comment="Tốt",
                             rubric_levels=[0, 0])
    submission.refresh_from_db()
    assert submission.score == Decimal("10.0") and len(submission.rubric_filled) == 2
    with pytest.raises(ValidationError):
        services.submission_mark(actor=teacher, submission=submission, comment="",
                                 rubric_levels=[0])
    # editing the rubric later keeps the filled snapshot
    services.assignment_rubric_set(actor=teacher, assignment=a,
                                   rubric=rubric_parse("Khác: Tốt 10"))
    submission.refresh_from_db()
    assert submission.rubric_filled[0]["title"] == "Nội dung"
    grid = gradebook(world["class"])
    assert grid.rows[[r.learner for r in grid.rows].index(world["an"])].average == Decimal(10)


def test_rubric_set_by_another_teacher_is_refused(world):
    with pytest.raises(PermissionError):
        services.assignment_rubric_set(actor=world["other_teacher"],
                                       assignment=world["assignment"], rubric=[])


def test_paper_work_is_scored_without_a_hand_in(world):
    a = world["assignment"]
    submission = services.submission_mark_paper(actor=world["teacher"], assignment=a,
                                                learner=world["binh"], score=Decimal("7"),
                                                comment="Bài trên giấy")
    assert submission.on_paper and submission.returned and submission.score == Decimal("7")
    assert not may_hand_in(a, submission)
    items = learner_work(world["binh"], learner_class_paths(world["binh"]))
    assert items[0].status == Status.RETURNED
    with pytest.raises(PermissionError):
        services.submission_mark_paper(actor=world["other_teacher"], assignment=a,
                                       learner=world["an"], score=Decimal("1"), comment="")
    with pytest.raises(ValidationError):  # not a learner of the class
        services.submission_mark_paper(actor=world["teacher"], assignment=a,
                                       learner=world["other_learner"], score=Decimal("1"),
                                       comment="")
    assert not Submission.objects.filter(learner__in=[world["an"],
                                                      world["other_learner"]]).exists()


def test_an_extension_moves_one_learners_due_time(world):
    a, teacher = world["assignment"], world["teacher"]
    later = a.due_at + dt.timedelta(days=3)
    services.assignment_extend(actor=teacher, assignment=a, learner=world["an"], due_at=later)
    a.refresh_from_db()
    assert a.due_for(world["an"].pk) == later and a.due_for(world["binh"].pk) == a.due_at
    after_due = a.due_at + dt.timedelta(hours=1)
    an = services.submission_hand_in(actor=world["an"], assignment=a, text="x", now=after_due)
    binh = services.submission_hand_in(actor=world["binh"], assignment=a, text="y",
                                       now=after_due)
    assert not an.late and binh.late
    assert may_hand_in(a, an, now=after_due) and not may_hand_in(a, binh, now=after_due)
    with pytest.raises(ValidationError):
        services.assignment_extend(actor=teacher, assignment=a, learner=world["an"],
                                   due_at=a.due_at - dt.timedelta(hours=1))
    with pytest.raises(PermissionError):
        services.assignment_extend(actor=world["other_teacher"], assignment=a,
                                   learner=world["an"], due_at=later)
    services.assignment_extend(actor=teacher, assignment=a, learner=world["an"], due_at=None)
    a.refresh_from_db()
    assert a.extensions == {}


def test_extension_reminds_at_the_learners_own_due_time(world):
    from lms.classroom.notices import due_reminders
    from lms.notifications.models import Notification

    a = world["assignment"]  # due in 2 days
    services.assignment_extend(actor=world["teacher"], assignment=a, learner=world["an"],
                               due_at=a.due_at + dt.timedelta(days=5))
    a.refresh_from_db()
    services.submission_hand_in(actor=world["binh"], assignment=a, text="x")
    now = a.due_at - dt.timedelta(hours=2)
    assert due_reminders(now=now) == 0  # Bình handed in, An is not due yet
    assert due_reminders(now=a.due_for(world["an"].pk) - dt.timedelta(hours=2)) == 1
    assert Notification.objects.filter(user=world["an"]).exists()


def test_choosing_learners_when_editing_keeps_those_who_handed_in(world):
    a, teacher = world["assignment"], world["teacher"]
    services.submission_hand_in(actor=world["binh"], assignment=a, text="x")
    services.assignment_update(actor=teacher, assignment=a, title=a.title, instructions="",
                               due_at=a.due_at, learners=[world["an"]])
    a.refresh_from_db()
    assert not a.for_everyone
    assert set(a.assignees.values_list("pk", flat=True)) == {world["an"].pk, world["binh"].pk}
    with pytest.raises(ValidationError):
        services.assignment_update(actor=teacher, assignment=a, title=a.title,
                                   instructions="", due_at=a.due_at,
                                   learners=[world["other_learner"]])
    services.assignment_update(actor=teacher, assignment=a, title=a.title, instructions="",
                               due_at=a.due_at, learners=[])
    a.refresh_from_db()
    assert a.for_everyone and not a.assignees.exists()
    assert timezone.now() < a.due_at
