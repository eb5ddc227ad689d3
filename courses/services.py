"""Enrolment and progress: the one straight data path from a learner's action to completion."""

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from lms.units.capabilities import Capability
from lms.units.generations import classes_touch_for_users
from lms.units.models import Role, RoleKind, Unit
from lms.units.permissions import can_manage_unit

from .models import (
    CourseCompletion,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    LessonProgress,
)
from .progress_cache import learner_progress_bump
from .signals import course_completed, lesson_completed

# A single progress report cannot claim more than this much study time (guards bad clients).
MAX_SECONDS_PER_REPORT = 30 * 60


class NotEnrolled(PermissionError):
    """The learner is not enrolled in the lesson's course."""


def enrolment_create(*, user, course: CoursePage, source: str = EnrolmentSource.SELF,
                     enrolled_by=None, via_unit: Unit | None = None) -> tuple[Enrolment, bool]:
    """Enrol `user`; repeating it is harmless and keeps the first enrolment."""
    try:
        with transaction.atomic():
            return Enrolment.objects.get_or_create(
                user=user, course=course,
                defaults={"source": source, "enrolled_by": enrolled_by, "via_unit": via_unit},
            )
    except IntegrityError:  # a concurrent request enrolled the same learner first
        return Enrolment.objects.get(user=user, course=course), False


def class_enrol(*, actor, class_unit: Unit, course: CoursePage) -> int:
    """A teacher enrols every current learner of a class. Returns how many were newly enrolled."""
    if not can_manage_unit(actor, class_unit, Capability.ENROL_LEARNERS):
        raise PermissionError("Bạn không có quyền ghi danh lớp này.")
    learner_ids = Role.objects.filter(unit=class_unit, kind=RoleKind.LEARNER,
                                      ended_at__isnull=True).values_list("user_id", flat=True)
    existing = set(Enrolment.objects.filter(course=course, user_id__in=learner_ids)
                   .values_list("user_id", flat=True))
    new = [
        Enrolment(user_id=uid, course=course, source=EnrolmentSource.CLASS, enrolled_by=actor,
                  via_unit=class_unit)
        for uid in learner_ids if uid not in existing
    ]
    Enrolment.objects.bulk_create(new, ignore_conflicts=True)
    # bulk_create sends no post_save: the class, and any other class of these learners; the
    # lesson page's kept state of the newly enrolled.
    classes_touch_for_users([*learner_ids, *existing])
    learner_progress_bump(e.user_id for e in new)
    return len(new)


def is_enrolled(*, user, course_id: int) -> bool:
    return user.is_authenticated and Enrolment.objects.filter(user=user,
                                                              course_id=course_id).exists()


def _course_id_of(lesson: LessonPage) -> int:
    course_id = getattr(lesson, "_course_id", None)
    if course_id is None:
        course_id = lesson.get_parent().pk
        lesson._course_id = course_id
    return course_id


def progress_record(*, user, lesson: LessonPage, percent: int = 0, completed: bool = False,
                    seconds: int = 0, source: str = "page",
                    history: bool = False) -> LessonProgress:
    """Record what a learner did in a lesson. Monotonic: percent keeps its maximum, a completion
    is never undone, so a late, repeated or concurrent update can never move progress back.
    Raises NotEnrolled when the learner is not enrolled in the lesson's course.

    `seconds` is the study time the client reports since its previous report. Time passes once:
    no more is credited than has passed on the server's clock since the learner's previous
    activity in the course (or their enrolment), nor more than MAX_SECONDS_PER_REPORT, so a
    report posted twice, or five in a row, or from two tabs, adds no more than the real time.
    `history=True` is for loaders of past records (the demo): the seconds are taken as given."""
    course_id = _course_id_of(lesson)
    percent = 100 if completed else max(0, min(int(percent), 100))
    seconds = max(0, min(int(seconds), MAX_SECONDS_PER_REPORT))
    with transaction.atomic():
        # The enrolment row is the learner's clock in this course: locked, so concurrent
        # reports are credited one after the other against each other's time.
        enrolment = (Enrolment.objects.select_for_update().filter(user=user, course_id=course_id)
                     .only("created_at", "last_activity_at").first()
                     if user.is_authenticated else None)
        if enrolment is None:
            raise NotEnrolled(lesson.pk)
        now = timezone.now()
        if not history:
            since = enrolment.last_activity_at or enrolment.created_at
            elapsed = (now - since).total_seconds()
            seconds = max(0, min(seconds, int(elapsed)))  # whole seconds, rounded down
        newly_completed = _progress_apply(user, lesson, course_id, percent, seconds, source, now)
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson,
                                                         last_activity_at=now)
        # The learner's class grids show this progress from the next request (issue 18), and
        # QuerySet.update sends no post_save: the lesson page's kept state is stale now.
        classes_touch_for_users([user.pk])
        learner_progress_bump([user.pk])
    if newly_completed:
        lesson_completed.send(sender=LessonProgress, user_id=user.pk, lesson_id=lesson.pk,
                              course_id=course_id)
        course_completion_check(user=user, course_id=course_id)
    return LessonProgress.objects.get(user=user, lesson=lesson)


def _progress_apply(user, lesson, course_id, percent, seconds, source, now) -> bool:
    """Upsert the row and apply the report; True when this call completed the lesson."""
    try:
        with transaction.atomic():
            LessonProgress.objects.get_or_create(user=user, lesson=lesson,
                                                 defaults={"course_id": course_id,
                                                           "source": source})
    except IntegrityError:  # created concurrently; the row exists now
        pass
    rows = LessonProgress.objects.filter(user=user, lesson=lesson)
    # One UPDATE computed from the row's current values: GREATEST keeps the maximum.
    rows.update(
        percent=Greatest(F("percent"), Value(percent)),
        time_spent_seconds=F("time_spent_seconds") + seconds,
        last_activity_at=now,
    )
    # Only the call that flips completed_at from NULL sees rowcount 1.
    return percent >= 100 and rows.filter(completed_at__isnull=True).update(completed_at=now) == 1


def course_completion_check(*, user, course_id: int) -> CourseCompletion | None:
    """Create the CourseCompletion once every required live lesson is complete."""
    course = CoursePage.objects.get(pk=course_id)
    required_ids = set(
        LessonPage.objects.live().child_of(course).filter(required=True)
        .values_list("pk", flat=True)
    )
    if not required_ids:
        return None
    done = LessonProgress.objects.filter(user=user, lesson_id__in=required_ids,
                                         completed_at__isnull=False).count()
    if done < len(required_ids):
        return None
    return course_complete(user=user, course=course)


def course_complete(*, user, course: CoursePage) -> CourseCompletion:
    """Create the completion once (unique constraint) and announce it exactly once."""
    try:
        with transaction.atomic():
            completion = CourseCompletion.objects.create(user=user, course=course,
                                                         completed_at=timezone.now())
    except IntegrityError:
        return CourseCompletion.objects.get(user=user, course=course)
    completion._created = True  # type: ignore[attr-defined]
    transaction.on_commit(
        lambda: course_completed.send(sender=CourseCompletion, completion=completion)
    )
    return completion


__all__ = [
    "NotEnrolled",
    "class_enrol",
    "course_complete",
    "course_completion_check",
    "enrolment_create",
    "is_enrolled",
    "progress_record",
]
