"""Per-version cached structures that many requests share (never anything per learner)."""

from dataclasses import dataclass, field

from django.core.cache import cache

from .versioning import content_version

TTL_SECONDS = 15 * 60


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
    key = f"outline:{content_version()}:{lesson.pk}"
    outline = cache.get(key)
    if outline is None:
        outline = _build_outline(lesson)
        cache.set(key, outline, TTL_SECONDS)
    lesson._course_id = outline.course_id
    return outline


def _build_outline(lesson) -> LessonOutline:
    from courses.models import LessonPage

    course = lesson.get_parent()
    siblings = list(LessonPage.objects.live().child_of(course).order_by("path"))
    lessons = [OutlineLesson(s.pk, s.title, s.url, s.required, s.estimated_minutes)
               for s in siblings]
    position = next((i for i, s in enumerate(lessons) if s.id == lesson.pk), 0)
    return LessonOutline(course.pk, course.title, course.url, lessons, position)
