"""Reads for course pages, lessons and "My learning". Each page costs a fixed, small number of
queries whatever the number of lessons or learners."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q
from django.utils.dateparse import parse_datetime

from lms.pagecache.versioning import content_version, versioned_get, versioned_set

from .models import CourseCompletion, CoursePage, Enrolment, LessonPage, LessonProgress
from .progress_cache import lesson_state_cached

COURSE_CARDS_TTL_SECONDS = 15 * 60


def course_cards(*, parent=None, programme_code: str | None = None, limit: int | None = None):
    """Live courses with their programme, in one query, kept per content version (a programme
    edit bumps it too): the teacher's class view lists them on every request (issue 18)."""
    key = (f"course-cards:{content_version()}:{parent.pk if parent else 0}:"
           f"{programme_code or ''}:{limit or 0}")
    cards = versioned_get(key)
    if cards is None:
        cards = _course_cards(parent, programme_code, limit)
        versioned_set(key, cards, COURSE_CARDS_TTL_SECONDS)
    return cards


def _course_cards(parent, programme_code: str | None, limit: int | None):
    courses = (CoursePage.objects.live().select_related("programme", "cover_image")
               .prefetch_related("cover_image__renditions"))
    if parent is not None:
        courses = courses.child_of(parent)
    if programme_code:
        courses = courses.filter(programme__code=programme_code)
    courses = courses.order_by("path")
    return list(courses[:limit] if limit else courses)


def course_lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(course).order_by("path")
                .only("id", "title", "slug", "url_path", "path", "depth",
                      "estimated_minutes", "required"))


@dataclass
class LessonRow:
    lesson: LessonPage
    percent: int = 0
    completed: bool = False


def _progress_by_lesson(user, course_id: int) -> dict[int, LessonProgress]:
    rows = LessonProgress.objects.filter(user=user, course_id=course_id).only(
        "lesson_id", "percent", "completed_at")
    return {row.lesson_id: row for row in rows}


def course_outline_for(*, course: CoursePage, user) -> dict:
    lessons = course_lessons(course)
    enrolment = None
    progress: dict[int, LessonProgress] = {}
    completion = None
    if user.is_authenticated:
        enrolment = Enrolment.objects.filter(user=user, course=course).first()
        if enrolment:
            progress = _progress_by_lesson(user, course.pk)
            completion = CourseCompletion.objects.filter(user=user, course=course).first()
    rows = []
    for lesson in lessons:
        row = progress.get(lesson.pk)
        rows.append(LessonRow(lesson, row.percent if row else 0,
                              bool(row and row.completed_at)))
    summary = _summarise(rows)
    first = rows[0].lesson if rows else None
    next_lesson = next((r.lesson for r in rows if not r.completed), first)
    return {
        "lesson_rows": rows,
        "enrolment": enrolment,
        "completion": completion,
        "course_percent": summary,
        "next_lesson": next_lesson,
    }


def _summarise(rows: list[LessonRow]) -> int:
    required = [r for r in rows if r.lesson.required] or rows
    if not required:
        return 0
    return round(sum(100 if r.completed else r.percent for r in required) / len(required))


def lesson_context_for(*, lesson: LessonPage, user, session=None) -> dict:
    """What a lesson page needs beyond its content: the course outline (cached per published
    version by the router), and this learner's own progress (one query; none when the
    request's `session` came with the learner's progress generation and this worker kept the
    state under it: courses/progress_cache.py)."""
    outline = lesson_outline(lesson)
    if session is not None and user.is_authenticated:
        state = lesson_state_cached(
            user_pk=user.pk, course_id=outline.course_id, lesson_id=lesson.pk,
            version=content_version(), session=session,
            load=lambda: learner_lesson_state(user, outline.course_id, lesson.pk))
    else:
        state = learner_lesson_state(user, outline.course_id, lesson.pk)
    return {
        "outline": outline,
        "enrolled": state is not None,
        "progress": state,
        "completed_by_activity": lesson_completed_by_activity(lesson),
        "content_version": content_version(),
    }


# Blocks whose activity (a passed quiz, an H5P result, a finished SCORM package) is what
# completes the lesson, so the learner cannot simply press "Hoàn thành bài học" or post
# completed=true.
ACTIVITY_BLOCK_TYPES = frozenset({"quiz", "h5p", "scorm"})


def lesson_completed_by_activity(lesson: LessonPage) -> bool:
    """Reads the StreamField's raw JSON: no block rendering, no query."""
    return any(block.get("type") in ACTIVITY_BLOCK_TYPES for block in lesson.body.raw_data)


_LESSON_STATE_SQL = """
    SELECT p.percent, p.completed_at
    FROM {enrolment} e
    LEFT JOIN {progress} p ON p.user_id = e.user_id AND p.lesson_id = %s
    WHERE e.user_id = %s AND e.course_id = %s
"""


def learner_lesson_state(user, course_id: int, lesson_id: int) -> dict | None:
    """None when not enrolled, else this lesson's percent and completed_at: one query.
    Raw SQL because it runs on every signed-in lesson view (see bench/course_page.py)."""
    if not user.is_authenticated:
        return None
    sql = _LESSON_STATE_SQL.format(enrolment=Enrolment._meta.db_table,
                                   progress=LessonProgress._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [lesson_id, user.pk, course_id])
        row = cursor.fetchone()
    if row is None:
        return None
    completed_at = row[1]
    if isinstance(completed_at, str):  # SQLite returns text for raw datetime columns
        completed_at = parse_datetime(completed_at)
    return {"percent": row[0] or 0, "completed_at": completed_at}


def my_learning(user) -> list[dict]:
    """The learner's enrolments with progress and where to continue, in four queries
    whatever the number of courses or lessons."""
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course", "course__programme")
        .order_by("-last_activity_at", "-created_at")
    )
    course_ids = [e.course_id for e in enrolments]
    lessons_by_course = _live_lessons_by_course(enrolments)
    completed_lessons = set(
        LessonProgress.objects.filter(user=user, course_id__in=course_ids,
                                      completed_at__isnull=False)
        .values_list("lesson_id", flat=True)
    )
    completed = set(CourseCompletion.objects.filter(user=user, course_id__in=course_ids)
                    .values_list("course_id", flat=True))
    items = []
    for enrolment in enrolments:
        lessons = lessons_by_course.get(enrolment.course_id, [])
        required = [lesson for lesson in lessons if lesson.required] or lessons
        finished = sum(1 for lesson in required if lesson.pk in completed_lessons)
        is_complete = enrolment.course_id in completed
        percent = 100 if is_complete else (round(100 * finished / len(required))
                                           if required else 0)
        items.append({
            "enrolment": enrolment,
            "course": enrolment.course,
            "percent": percent,
            "completed": is_complete,
            "continue_lesson": _continue_lesson(lessons, enrolment.last_lesson_id,
                                                completed_lessons),
        })
    return items


def card_progress(user, courses) -> dict[int, int]:
    """{course id: percent} of the signed-in learner's enrolments among these catalogue cards
    (the same figure as "Học tập của tôi"): one query when they are enrolled in none of them,
    four otherwise. Anonymous visitors: nothing, no query (their pages stay page-cached)."""
    if not getattr(user, "is_authenticated", False) or not courses:
        return {}
    enrolments = list(Enrolment.objects.filter(user=user, course__in=[c.pk for c in courses])
                      .select_related("course").only("course_id", "course__path"))
    if not enrolments:
        return {}
    course_ids = [e.course_id for e in enrolments]
    lessons_by_course = _live_lessons_by_course(enrolments)
    completed_lessons = set(LessonProgress.objects.filter(
        user=user, course_id__in=course_ids, completed_at__isnull=False)
        .values_list("lesson_id", flat=True))
    completed = set(CourseCompletion.objects.filter(user=user, course_id__in=course_ids)
                    .values_list("course_id", flat=True))
    result = {}
    for course_id in course_ids:
        lessons = lessons_by_course.get(course_id, [])
        required = [lesson for lesson in lessons if lesson.required] or lessons
        finished = sum(1 for lesson in required if lesson.pk in completed_lessons)
        result[course_id] = 100 if course_id in completed else (
            round(100 * finished / len(required)) if required else 0)
    return result


def _continue_lesson(lessons, last_lesson_id, completed_lessons):
    """The last lesson opened if unfinished, else the next unfinished one after it, else the
    first unfinished one in the course."""
    position = next((i for i, lesson in enumerate(lessons) if lesson.pk == last_lesson_id), 0)
    for lesson in lessons[position:] + lessons[:position]:
        if lesson.pk not in completed_lessons:
            return lesson
    return None


def _live_lessons_by_course(enrolments) -> dict[int, list[LessonPage]]:
    """Live lessons of the enrolled courses, in order: one query over the courses' subtrees."""
    result: dict[int, list[LessonPage]] = {}
    if not enrolments:
        return result
    by_path = {e.course.path: e.course_id for e in enrolments}
    q = Q(pk__in=[])
    for path in by_path:
        q |= Q(path__startswith=path, depth=len(path) // LessonPage.steplen + 1)
    lessons = (LessonPage.objects.live().filter(q).order_by("path")
               .only("id", "title", "slug", "url_path", "path", "depth", "required"))
    for lesson in lessons:
        course_id = by_path.get(lesson.path[: -LessonPage.steplen])
        if course_id:
            result.setdefault(course_id, []).append(lesson)
    return result


def learners_pending_completion(course_id: int):
    """Enrolled learners of a course who have not completed it."""
    from lms.accounts.models import User

    return (User.objects.filter(enrolments__course_id=course_id)
            .exclude(course_completions__course_id=course_id))


def class_roster_rows(unit) -> list[tuple[str, int]]:
    """(name as get_full_name gives it, number of courses enrolled in) of each current learner
    of a class, in Vietnamese name order: class_roster's one query without building an account
    object per learner (the teacher's class view shows only these two columns; issue 18)."""
    from lms.accounts.models import User
    from lms.units.models import RoleKind

    rows = (User.objects.filter(roles__unit=unit, roles__kind=RoleKind.LEARNER,
                                roles__ended_at__isnull=True)
            .annotate(enrolment_count=Count("enrolments", distinct=True))
            .order_by("name_key", "pk")  # Vietnamese name order (lms/common/names.py)
            .values_list("full_name", "first_name", "last_name", "username", "enrolment_count"))
    return [(full or f"{first} {last}".strip() or username, count)
            for full, first, last, username, count in rows]


def class_roster(unit):
    """Current learners of a class with how many courses each is enrolled in: one query."""
    from lms.accounts.models import User
    from lms.units.models import RoleKind

    # Only what the page shows (get_full_name falls back to first/last name and username):
    # a whole account row per learner cost the teacher's class view more than its query.
    return list(
        User.objects.filter(roles__unit=unit, roles__kind=RoleKind.LEARNER,
                            roles__ended_at__isnull=True)
        .only("pk", "full_name", "first_name", "last_name", "username")
        .annotate(enrolment_count=Count("enrolments", distinct=True))
        .order_by("name_key", "pk")
    )


# --- The course outline around a lesson: shared by every request for one published version
# (never anything per learner); moved here from lms.pagecache, which only gives the version.
OUTLINE_TTL_SECONDS = 15 * 60


@dataclass
class OutlineLesson:
    id: int
    title: str
    url: str
    required: bool
    estimated_minutes: int


@dataclass
class LessonOutline:
    course_id: int
    course_title: str
    course_url: str
    lessons: list[OutlineLesson] = field(default_factory=list)
    position: int = 0

    @property
    def previous(self) -> OutlineLesson | None:
        return self.lessons[self.position - 1] if self.position > 0 else None

    @property
    def next(self) -> OutlineLesson | None:
        nxt = self.position + 1
        return self.lessons[nxt] if nxt < len(self.lessons) else None

    @property
    def count(self) -> int:
        return len(self.lessons)


def lesson_outline(lesson) -> LessonOutline:
    key = f"lesson-outline:{content_version()}:{lesson.pk}"  # new key: the class moved module
    outline = versioned_get(key)
    if outline is None:
        outline = _build_outline(lesson)
        versioned_set(key, outline, OUTLINE_TTL_SECONDS)
    lesson._course_id = outline.course_id
    return outline


def _build_outline(lesson) -> LessonOutline:
    course = lesson.get_parent()
    siblings = list(LessonPage.objects.live().child_of(course).order_by("path"))
    lessons = [OutlineLesson(s.pk, s.title, s.url, s.required, s.estimated_minutes)
               for s in siblings]
    position = next((i for i, s in enumerate(lessons) if s.id == lesson.pk), 0)
    return LessonOutline(course.pk, course.title, course.url, lessons, position)
