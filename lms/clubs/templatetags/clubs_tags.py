"""`{% load clubs_tags %}{% club_report_panel unit %}` renders the club figures panel for a unit
(this term) — for the reports dashboard, which already checked the user may see `unit`."""

from django import template

from ..reports import club_report
from ..terms import current_term, term_parse

register = template.Library()


@register.inclusion_tag("clubs/_report_panel.html")
def club_report_panel(unit, term_code: str = ""):
    term = term_parse(term_code) or current_term()
    return {"club_report": club_report(unit, term)}
