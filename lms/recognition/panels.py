"""The recognition panel of the officer dashboard (registered with lms.reports.panels in
apps.py): confirmed learning citizens, families, communities and learning units in the unit's
subtree, this year and last — one query, cached under two cache generations
(lms/common/generations.py), so a confirmation still shows at once:

- RECOGNITION_GENERATION (generations.py), bumped by every write that can change a confirmed
  count;
- the dashboard's own `reports:dash` generation, which every unit rename, move, merge and
  tree change bumps (lms.reports.receivers): the panel shows the unit's name and counts by path.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from lms.common.generations import generation_tokens
from lms.pagecache.versioning import versioned_get, versioned_set
from lms.reports.dashboard import EVERYTHING
from lms.units.models import Unit

from .generations import RECOGNITION_GENERATION
from .models import RecognitionKind
from .permissions import can_manage_recognition
from .selectors import recognition_counts_years

# A memory bound, not a freshness one: the generations make every entry exact.
PANEL_SECONDS = 6 * 60 * 60


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
    link = can_manage_recognition(request.user, unit)  # the link only for who may open it
    # Tokens first, data second (see lms/common/generations.py). The tokens are in the key, so
    # each worker also keeps the entry in its own memory (versioned_get): a warm panel costs
    # the tokens' one round trip to the shared cache.
    everything, confirmed = generation_tokens([EVERYTHING, RECOGNITION_GENERATION])
    key = (f"recognition:panel:{unit.pk}:{unit.path}:{get_language()}:{int(link)}:"
           f"{timezone.localdate():%Y%m%d}:{everything}:{confirmed}")
    html = versioned_get(key)
    if html is None:
        html = recognition_panel_html(unit, link=link)
        versioned_set(key, html, PANEL_SECONDS)
    return html
