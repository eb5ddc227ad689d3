"""The officer dashboard's body (figures, children, splits, trend, prepared reports), rendered
once and cached under cache generations (lms/common/generations.py), so a warm dashboard costs
no SQL of its own and invalidation is exact:

- `reports:dash:<unit path>` — the unit's counters. Every counter write bumps the path of each
  unit whose counter rows it changed (services/attainment.py: counters_add, _counters_shift).
  A child's change always writes the parent's row of the same target too, so the unit's own
  token covers its children's table.
- `reports:dash` — everything else the body shows and that changes rarely: targets (and their
  courses and cooperating units), unit names and the tree, weekly snapshots, prepared reports,
  rebuilds and recounts (reports/handlers.py, services/rebuild.py, services/snapshots.py).
- absolute targets set above the unit: a sub-unit's share is of the target unit's trained
  count, so the body also depends on that unit's token (kept in `deps`, checked on each hit).

The day is in the key (a status compares with today's point on the period), and so are the
language, whether the viewer may edit targets (edit links, prepared reports), the selected
target and the sort. What depends on the viewer (breadcrumbs, the export form's CSRF token,
the reorganise link) is rendered per request by the view around the body."""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from lms.common.generations import generation_tokens, generations_bump
from lms.pagecache.versioning import versioned_get, versioned_set
from lms.units.generations import UNITS, unit_kept_path
from lms.units.models import Unit

from . import selectors
from .charts import bar_chart, trend_chart
from .models import ThresholdKind
from .panels import dashboard_panel_generations

EVERYTHING = "reports:dash"
# A memory bound, not a freshness one: the generations make every entry exact.
BODY_SECONDS = 6 * 60 * 60
SORTS = ("gap", "percent", "name")


def unit_generation(path: str) -> str:
    return f"{EVERYTHING}:{path}"


def counters_touched(paths) -> None:
    """Counter rows of the units at `paths` changed (call inside the writing transaction)."""
    generations_bump(unit_generation(p) for p in paths)


def dashboard_generations(unit_id: int) -> list[str]:
    """The generations a warm dashboard reads: the unit tree's (its unit row), the bodies' and
    its unit's own (the path of this worker's copy: a guess, checked against the unit read
    under UNITS, dashboard_body reads again when it was wrong), and the panels'."""
    guess = unit_kept_path(int(unit_id))
    return [UNITS, EVERYTHING, *([unit_generation(guess)] if guess else []),
            *dashboard_panel_generations()]


def dashboards_touch_all() -> None:
    """Targets, units, snapshots or whole targets' counters changed: every body is stale."""
    generations_bump([EVERYTHING])


class Crumb(NamedTuple):
    """A breadcrumb unit, small enough to cache (the dashboard and the class grid)."""

    pk: int
    name: str
    path: str


@dataclass
class DashboardBody:
    html: str
    has_figures: bool
    selected_id: int | None
    ancestors: list[Crumb]
    deps: dict[str, str] = field(default_factory=dict)  # generation → token rendered under


def dashboard_body(unit: Unit, *, target: str, sort: str, can_edit: bool) -> DashboardBody:
    """The cached body for `unit` (`target` and `sort` as the query string gave them)."""
    target = target if target.isdigit() and len(target) <= 12 else ""
    sort = sort if sort in SORTS else "name"  # unknown sorts show the children by name
    # Tokens first, data second (see lms/common/generations.py).
    everything, own = generation_tokens([EVERYTHING, unit_generation(unit.path)])
    key = (f"reports:dash:v1:{unit.pk}:{unit.path}:{everything}:{own}:{get_language()}:"
           f"{timezone.localdate():%Y%m%d}:{int(can_edit)}:{target}:{sort}")
    # The tokens are in the key, so each worker also keeps the body in its own memory
    # (versioned_get, read-only): a warm dashboard pays no round trip for it (issue 18).
    body = versioned_get(key)
    if body is None or (body.deps and generation_tokens(list(body.deps))
                        != list(body.deps.values())):
        body = _render(unit, target, sort, can_edit)
        versioned_set(key, body, BODY_SECONDS)
    return body


def _render(unit: Unit, target_id: str, sort: str, can_edit: bool) -> DashboardBody:
    targets = list(selectors.targets_for_unit(unit))
    names = sorted({unit_generation(t.unit.path) for t in targets
                    if t.threshold_kind == ThresholdKind.ABSOLUTE and t.unit_id != unit.pk})
    deps = dict(zip(names, generation_tokens(names), strict=True))
    figures = selectors.unit_attainments(unit, targets)
    selected = next((a for a in figures if str(a.target.pk) == target_id),
                    figures[0] if figures else None)
    context = {"unit": unit, "figures": figures, "selected": selected, "can_edit": can_edit,
               "prepared": selectors.prepared_reports(unit) if can_edit else []}
    if selected is not None:
        children = selectors.children_attainment(unit, selected.target, sort)
        snapshots = selectors.trend(unit, selected.target)
        context.update({
            "children": children, "met": selectors.met_summary(children),
            "splits": selectors.unit_splits(unit, selected.target),
            "cooperating": list(selected.target.cooperating_units.order_by("name")),
            # No threshold line over an absolute target's sub-units: they only contribute (R5).
            "bars": bar_chart(children, None if selected.target.threshold_kind == "absolute"
                              else selected.threshold_percent),
            "trend": trend_chart(snapshots, None if selected.target.threshold_kind == "absolute"
                                 else selected.threshold_percent),
            "snapshots": snapshots,
        })
    ancestors = [Crumb(u.pk, u.name, u.path) for u in
                 Unit.objects.filter(path__in=unit.ancestor_paths()).order_by("depth")]
    return DashboardBody(html=render_to_string("reports/includes/dashboard_body.html", context),
                         has_figures=bool(figures),
                         selected_id=selected.target.pk if selected else None,
                         ancestors=ancestors, deps=deps)
