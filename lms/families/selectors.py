"""Reads for the parent pages: a fixed number of queries per child, whatever the number of
lessons (progress rows are read per child and course set, never per lesson)."""

import datetime as dt
from typing import Any, cast

from django.apps import apps
from django.db.models import Prefetch, Sum
from django.utils import timezone

from courses.models import CourseCompletion, Enrolment, LessonProgress
from courses.selectors import _live_lessons_by_course
from lms.accounts.models import GuardianLink, User

from .models import NewsPhoto, NewsPost
from .permissions import learner_class_units


def children_of(guardian) -> list[GuardianLink]:
    return list(GuardianLink.objects.filter(guardian=guardian, revoked_at__isnull=True)
                .select_related("learner").order_by("learner__name_key", "learner_id"))


def week_start(now=None) -> dt.datetime:
    now = timezone.localtime(now or timezone.now())
    monday = now - dt.timedelta(days=now.weekday())
    return monday.replace(hour=0, minute=0, second=0, microsecond=0)


def child_overview(child: User) -> dict:
    """Courses with per-lesson progress and quiz scores, time this week, completions,
    certificates, what is due (open courses), and the child's classes."""
    enrolments = list(Enrolment.objects.filter(user=child).select_related("course")
                      .order_by("-last_activity_at", "-created_at"))
    course_ids = [e.course_id for e in enrolments]
    lessons_by_course = _live_lessons_by_course(enrolments)
    progress = {p.lesson_id: p for p in LessonProgress.objects.filter(
        user=child, course_id__in=course_ids).only("lesson_id", "percent", "completed_at",
                                                   "time_spent_seconds")}
    completions = {c.course_id: c for c in CourseCompletion.objects.filter(user=child)}
    scores = _best_scores(child, course_ids)
    since = week_start()
    week_seconds = (LessonProgress.objects.filter(user=child, last_activity_at__gte=since)
                    .aggregate(s=Sum("time_spent_seconds"))["s"] or 0)
    week_lessons = LessonProgress.objects.filter(user=child, completed_at__gte=since).count()
    courses = []
    for enrolment in enrolments:
        lessons = lessons_by_course.get(enrolment.course_id, [])
        rows: list[dict[str, Any]] = []
        for lesson in lessons:
            row = progress.get(lesson.pk)
            rows.append({"lesson": lesson, "percent": 100 if row and row.completed_at
                         else (row.percent if row else 0),
                         "completed": bool(row and row.completed_at),
                         "score": scores.get(lesson.pk)})
        required = [r for r in rows if r["lesson"].required] or rows
        done = sum(1 for r in required if r["completed"])
        completion = completions.get(enrolment.course_id)
        courses.append({
            "course": enrolment.course, "lessons": rows, "completion": completion,
            "percent": 100 if completion else (round(100 * done / len(required))
                                               if required else 0),
            "remaining": 0 if completion else len(required) - done,
        })
    return {
        "child": child,
        "courses": courses,
        "week_minutes": week_seconds // 60,
        "week_lessons": week_lessons,
        "completions": [c for c in courses if c["completion"]],
        "due": [c for c in courses if not c["completion"]],
        "certificates": certificates_of(child),
        "classes": learner_class_units(child),
    }


def _best_scores(child, course_ids) -> dict[int, int]:
    if not apps.is_installed("courses.quizzes"):
        return {}
    try:
        from courses.quizzes.models import Attempt
    except ImportError:  # pragma: no cover - optional app
        return {}
    scores: dict[int, int] = {}
    for lesson_id, score in Attempt.objects.filter(
            user=child, course_id__in=course_ids, submitted_at__isnull=False,
            score_percent__isnull=False).values_list("lesson_id", "score_percent"):
        # score_percent__isnull=False above
        scores[lesson_id] = max(cast(int, score), scores.get(lesson_id, 0))
    return scores


def certificates_of(child) -> list:
    """Certificates from courses.certificates when that app has its model (guarded: it is
    another feature's and may not exist yet)."""
    try:
        model = apps.get_model("certificates", "Certificate")
    except LookupError:
        return []
    field = "user" if any(f.name == "user" for f in model._meta.fields) else "learner"
    try:
        return list(model.objects.filter(**{field: child})[:50])
    except Exception:  # noqa: BLE001 - another app's schema; never break the parent page
        return []


def news_for_units(unit_ids, limit: int = 20) -> list[NewsPost]:
    return list(NewsPost.objects.filter(unit_id__in=list(unit_ids), removed_at__isnull=True)
                .select_related("unit", "author")
                .prefetch_related(Prefetch("photos", queryset=NewsPhoto.objects.order_by("pk")))
                .order_by("-created_at")[:limit])


def class_families(unit) -> list[dict]:
    """The class roster with each learner's live guardian links (for the teacher page)."""
    from courses.selectors import class_roster

    roster = class_roster(unit)
    links: dict[int, list[GuardianLink]] = {}
    for link in GuardianLink.objects.filter(learner__in=roster, revoked_at__isnull=True
                                            ).select_related("guardian"):
        links.setdefault(link.learner_id, []).append(link)
    return [{"learner": learner, "links": links.get(learner.pk, [])} for learner in roster]


def managed_classes(user) -> list:
    """Classes a teacher or school admin manages (for links to their families pages)."""
    from lms.units.capabilities import Capability
    from lms.units.permissions import units_visible_to

    if not user.is_authenticated:
        return []
    return list(units_visible_to(user, Capability.TEACH_CLASSES)
                .filter(kind__is_class=True).order_by("path")[:100])


# --- The school admin's linking screen ---------------------------------------------------------


def _administered_schools(user):
    from lms.units.capabilities import Capability
    from lms.units.permissions import units_visible_to

    return units_visible_to(user, Capability.MANAGE_ROSTER).filter(kind__is_school=True)


def administered_schools(user, query: str = "") -> list:
    """Schools where `user` is a school admin or an officer above them (at most 200 shown)."""
    if not user.is_authenticated:
        return []
    schools = _administered_schools(user)
    if query:
        schools = schools.filter(name__icontains=query)
    return list(schools.select_related("kind").order_by("name")[:200])


def administers_a_school(user) -> bool:
    """Whether the parent home shows the link to the linking screen (one EXISTS query)."""
    return user.is_authenticated and _administered_schools(user).exists()


def school_classes(school) -> list:
    """The school's classes with their current number of learners (one query)."""
    from django.db.models import Count, Q

    from lms.units.models import RoleKind, Unit

    current = Q(roles__kind=RoleKind.LEARNER, roles__ended_at__isnull=True)
    return list(Unit.objects.filter(path__startswith=school.path, kind__is_class=True)
                .annotate(learner_count=Count("roles", filter=current, distinct=True))
                .order_by("name"))


def learner_links(learner) -> dict:
    """A learner's live guardian links and the audit history of every link (newest first)."""
    from .models import GuardianLinkEvent

    live = list(GuardianLink.objects.filter(learner=learner, revoked_at__isnull=True)
                .select_related("guardian").order_by("created_at"))
    history = list(GuardianLinkEvent.objects.filter(link__learner=learner)
                   .select_related("actor", "link__guardian")[:50])
    return {"live": live, "history": history}
