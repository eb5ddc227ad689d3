"""What courses and lessons contribute to the search index (registered with `search` in
CoursesConfig.ready())."""

from django.utils.html import strip_tags

from search.documents import EntryData, clip, stream_strings
from search.models import Kind


def course_entry(page) -> EntryData:
    return EntryData(page.pk, Kind.COURSE, page.title, page.programme.label,
                     clip(f"{strip_tags(page.intro)} {page.audience}"), "", page.get_url() or "", 0)


def lesson_entry(page) -> EntryData:
    course = page.get_parent()
    body = clip(" ".join(stream_strings(page.body.raw_data)))
    return EntryData(page.pk, Kind.LESSON, page.title, course.title, body, "",
                     page.get_url() or "", 0)


def register() -> None:
    from search.documents import register

    from .models import CoursePage, LessonPage

    register(CoursePage, course_entry)
    register(LessonPage, lesson_entry)
