"""Panels other features add to the officer dashboard, below the figures (e.g. start-up clubs,
learning-citizen recognitions). A feature registers its panel from its AppConfig.ready:

    from lms.reports.panels import dashboard_panel_register
    dashboard_panel_register("clubs", club_dashboard_panel, order=10)

so reports never imports the features (the app graph stays one-way: features → reports). A
panel is `render(request, unit) -> str`: HTML from the feature's own autoescaped template, or
"" where it does not apply. The dashboard already checked that the user may see `unit`; the
panel caches its own figures as it sees fit (it runs on every dashboard request). A panel
keyed by cache generations names them (`generations=`): the dashboard reads them together with
its own in one round trip (lms.common.generations.generations_read_together, issue 18)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from lms.units.models import Unit

PanelRender = Callable[[HttpRequest, Unit], str]


@dataclass(frozen=True)
class DashboardPanel:
    name: str
    render: PanelRender
    order: int
    generations: tuple[str, ...] = ()


_panels: dict[str, DashboardPanel] = {}


def dashboard_panel_register(name: str, render: PanelRender, *, order: int = 100,
                             generations: Iterable[str] = ()) -> None:
    """Add (or, under the same name, replace) a panel; lower `order` shows first;
    `generations`: the cache generations the panel reads on each request."""
    _panels[name] = DashboardPanel(name, render, order, tuple(generations))


def dashboard_panel_generations() -> list[str]:
    return sorted({g for panel in _panels.values() for g in panel.generations})


def dashboard_panels() -> list[DashboardPanel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.name))


def dashboard_panels_render(request: HttpRequest, unit: Unit) -> list[SafeString]:
    html = (panel.render(request, unit) for panel in dashboard_panels())
    return [mark_safe(h) for h in html if h]  # noqa: S308 - the features' own templates
