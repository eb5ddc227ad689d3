"""The clubs panel of the officer dashboard (registered with lms.reports.panels in apps.py): the
unit's start-up club figures this term, per direct child, for schools, districts and provinces
(not classes, not the ministry's whole country)."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from lms.pagecache.versioning import versioned_get, versioned_set
from lms.units.models import Unit

from .permissions import can_view_report
from .reports import club_report
from .terms import Term, current_term

# The figures scan the subtree's clubs, members and activities: cached a few minutes (club
# figures are not counters and have no generation to key on).
PANEL_SECONDS = 300


def club_panel_html(unit: Unit, term: Term | None = None, *, link: bool = True) -> str:
    """`link`: whether to show the link to the detailed club report (only for those who may
    open it for this unit: a teacher sees the dashboard, not the club report; issue 19)."""
    term = term or current_term()
    return render_to_string("clubs/includes/report_panel.html",
                            {"club_report": club_report(unit, term), "link": link})


def club_dashboard_panel(request, unit: Unit) -> str:
    if unit.kind.is_class or unit.depth <= 1:
        return ""
    link = can_view_report(request.user, unit)
    key = f"clubs:dashboard-panel:{unit.pk}:{unit.path}:{get_language()}:{int(link)}"
    # Each worker keeps the entry in its own memory too (no round trip on a warm dashboard,
    # issue 18): like the shared entry, PANEL_SECONDS old at most (a minute more when another
    # worker filled the shared one).
    html = versioned_get(key)
    if html is None:
        html = club_panel_html(unit, link=link)
        versioned_set(key, html, PANEL_SECONDS)
    return html
