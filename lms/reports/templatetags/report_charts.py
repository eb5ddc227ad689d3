"""Template helpers for the reports' charts and tables (issue 19 item 5): a figure's progress
bar and a part's percentage of a whole, computed from figures already on the page (no SQL)."""

from django import template

from ..charts import target_progress

register = template.Library()


@register.simple_tag
def progress_of(attainment) -> dict:
    """`{% progress_of a as p %}`: the bar, threshold marker and % of target of a figure."""
    return target_progress(attainment)


@register.filter
def percent_of(part, whole) -> float | None:
    """`{{ trained|percent_of:population }}`: one decimal, None when the whole is 0."""
    try:
        part, whole = int(part), int(whole)
    except (TypeError, ValueError):
        return None
    return round(100 * part / whole, 1) if whole else None
