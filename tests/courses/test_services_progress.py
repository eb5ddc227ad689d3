import pytest

from courses.models import CourseCompletion, Enrolment, LessonProgress
from courses.services import (
    NotEnrolled,
    class_enrol,
    enrolment_create,
    progress_record,
)
from courses.signals import course_completed
from tests.factories import course_with_lessons, learner_in, rewind_clock, staff_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return course_with_lessons(3, optional=(2,))


@pytest.fixture
def learner(school_tree):
    return learner_in(school_tree["class_b"], username="hs.an")


def test_progress_requires_enrolment(course, learner):
    _, lessons = course
    with pytest.raises(NotEnrolled):
        progress_record(user=learner, lesson=lessons[0], percent=50)
    assert LessonProgress.objects.count() == 0


def test_enrolment_is_idempotent(course, learner):
    page, _ = course
    first, created = enrolment_create(user=learner, course=page)
    again, created_again = enrolment_create(user=learner, course=page)
    assert created and not created_again
    assert first.pk == again.pk
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_percent_never_goes_backwards(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    progress_record(user=learner, lesson=lessons[0], percent=70)
    row = progress_record(user=learner, lesson=lessons[0], percent=20)  # a late, stale update
    assert row.percent == 70
    assert row.completed_at is None


def test_completion_is_never_undone_and_time_accumulates(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    rewind_clock(learner, page, 120)
    done = progress_record(user=learner, lesson=lessons[0], completed=True, seconds=120)
    rewind_clock(learner, page, 60)
    later = progress_record(user=learner, lesson=lessons[0], percent=10, seconds=60)
    assert later.percent == 100
    assert later.completed_at == done.completed_at
    assert later.time_spent_seconds == 180


def test_bad_values_are_clamped(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    row = progress_record(user=learner, lesson=lessons[0], percent=250, seconds=-5)
    assert row.percent == 100  # clamped; reaching 100 % completes the lesson
    assert row.completed_at is not None
    assert row.time_spent_seconds == 0
    rewind_clock(learner, page, 2 * 3600)
    capped = progress_record(user=learner, lesson=lessons[1], seconds=10**9)
    assert capped.time_spent_seconds == 30 * 60


def test_course_completes_once_when_required_lessons_done(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    assert not CourseCompletion.objects.exists()
    progress_record(user=learner, lesson=lessons[1], completed=True)  # lesson 3 is optional
    first = CourseCompletion.objects.get(user=learner, course=page)
    progress_record(user=learner, lesson=lessons[1], completed=True)  # repeated
    progress_record(user=learner, lesson=lessons[2], completed=True)  # the optional one
    assert CourseCompletion.objects.get().completed_at == first.completed_at


def test_completion_signal_sent_exactly_once(course, learner, django_capture_on_commit_callbacks):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    received = []
    course_completed.connect(lambda sender, completion, **kw: received.append(completion.pk),
                             weak=False, dispatch_uid="test-once")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            progress_record(user=learner, lesson=lessons[0], completed=True)
            progress_record(user=learner, lesson=lessons[1], completed=True)
            progress_record(user=learner, lesson=lessons[1], completed=True)
    finally:
        course_completed.disconnect(dispatch_uid="test-once")
    assert received == [CourseCompletion.objects.get().pk]


def test_enrolment_records_last_lesson(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    progress_record(user=learner, lesson=lessons[1], percent=30)
    assert Enrolment.objects.get(user=learner).last_lesson_id == lessons[1].pk


def test_teacher_enrols_whole_class_once(school_tree, course):
    page, _ = course
    klass = school_tree["class_b"]
    learners = [learner_in(klass) for _ in range(3)]
    teacher = staff_at(school_tree["school_b"])
    assert class_enrol(actor=teacher, class_unit=klass, course=page) == 3
    assert class_enrol(actor=teacher, class_unit=klass, course=page) == 0
    assert set(Enrolment.objects.values_list("user_id", flat=True)) == {u.pk for u in learners}


def test_teacher_of_another_school_cannot_enrol_the_class(school_tree, course):
    page, _ = course
    learner_in(school_tree["class_b"])
    outsider = staff_at(school_tree["school_a"])
    with pytest.raises(PermissionError):
        class_enrol(actor=outsider, class_unit=school_tree["class_b"], course=page)
    assert not Enrolment.objects.exists()


def test_time_is_credited_once_however_often_it_is_reported(course, learner):
    """Issue 16, defect 7: the same report posted twice, or five 30-minute reports in a row,
    add no more than the time that really passed since the previous activity."""
    page, lessons = course
    enrolment_create(user=learner, course=page)
    rewind_clock(learner, page, 600)
    first = progress_record(user=learner, lesson=lessons[0], percent=10, seconds=600)
    again = progress_record(user=learner, lesson=lessons[0], percent=10, seconds=600)
    assert first.time_spent_seconds == 600
    assert again.time_spent_seconds <= 601
    for lesson in (lessons[0], lessons[1], lessons[1]):  # other lessons share the clock
        progress_record(user=learner, lesson=lesson, seconds=1800)
    total = sum(LessonProgress.objects.filter(user=learner)
                .values_list("time_spent_seconds", flat=True))
    assert total <= 603


def test_a_new_enrolment_has_no_time_to_claim_yet(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    row = progress_record(user=learner, lesson=lessons[0], seconds=1800)
    assert row.time_spent_seconds <= 1


def test_history_loaders_credit_the_seconds_given(course, learner):
    page, lessons = course
    enrolment_create(user=learner, course=page)
    row = progress_record(user=learner, lesson=lessons[0], completed=True, seconds=900,
                          history=True)
    assert row.time_spent_seconds == 900
