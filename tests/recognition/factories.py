"""Recognition test data: moments in Vietnam time, course completions at a given moment."""

import datetime
from zoneinfo import ZoneInfo

from courses.models import CourseCompletion

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args) -> datetime.datetime:
    """A moment in Vietnam time."""
    return datetime.datetime(*args, tzinfo=VN)


def complete(user, course, when):
    return CourseCompletion.objects.create(user=user, course=course, completed_at=when)
