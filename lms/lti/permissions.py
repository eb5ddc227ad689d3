"""Who may launch a lesson's external LTI tool, and as what (docs/features/interop-lti.md)."""

from courses.services import is_enrolled


def can_launch_as_instructor(user, lesson) -> bool:
    """Editors of the lesson launch as Instructor and may pick the tool's content."""
    return bool(user.is_superuser or lesson.permissions_for_user(user).can_edit())


def can_launch_tool(user, lesson) -> bool:
    """Enrolled learners of the lesson's course, and its editors."""
    return can_launch_as_instructor(user, lesson) or is_enrolled(
        user=user, course_id=lesson.get_parent().pk)
