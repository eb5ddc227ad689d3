"""`{% load recognition_tags %}{% recognition_report_panel unit %}`: confirmed learning citizens,
families, communities and learning units in the unit's subtree, this year and last — for the
reports dashboard, which already checked the user may see `unit`."""

from django import template
from django.utils import timezone

from ..models import RecognitionKind
from ..selectors import recognition_counts

register = template.Library()


@register.inclusion_tag("recognition/_report_panel.html")
def recognition_report_panel(unit):
    year = timezone.localdate().year
    counts = {y: recognition_counts(unit, y) for y in (year, year - 1)}
    rows = [{"label": label, "this_year": counts[year][kind], "last_year": counts[year - 1][kind]}
            for kind, label in RecognitionKind.choices]
    return {"unit": unit, "year": year, "rows": rows}
