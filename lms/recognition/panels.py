"""The recognition panel of the officer dashboard (registered with lms.reports.panels in
apps.py): confirmed learning citizens, families, communities and learning units in the unit's
subtree, this year and last — one query, uncached, so a confirmation shows at once."""

from django.template.loader import render_to_string
from django.utils import timezone

from lms.units.models import Unit

from .models import RecognitionKind
from .permissions import can_manage_recognition
from .selectors import recognition_counts_years


def recognition_panel_html(unit: Unit, *, link: bool = True) -> str:
    """`link`: whether to show the link to the detailed counts (only for those who may open
    them for this unit; issue 19)."""
    year = timezone.localdate().year
    counts = recognition_counts_years(unit, [year, year - 1])
    rows = [{"label": label, "this_year": counts[year][kind], "last_year": counts[year - 1][kind]}
            for kind, label in RecognitionKind.choices]
    return render_to_string("recognition/includes/report_panel.html",
                            {"unit": unit, "year": year, "rows": rows, "link": link})


def recognition_dashboard_panel(request, unit: Unit) -> str:
    if unit.kind.is_class or unit.depth <= 1:
        return ""
    return recognition_panel_html(unit, link=can_manage_recognition(request.user, unit))
