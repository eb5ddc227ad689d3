"""Catalogue card helpers (issue 19 item 12)."""

from django import template

register = template.Library()


@register.filter
def progress_for(progress: dict | None, course) -> int | None:
    """`{{ card_progress|progress_for:course }}`: the learner's percent, None if not enrolled."""
    return (progress or {}).get(getattr(course, "pk", None))
