"""Panels other features add to the officer dashboard, below the figures (e.g. start-up clubs,
learning-citizen recognitions). A feature registers its panel from its AppConfig.ready:

    from lms.reports.panels import dashboard_panel_register
    dashboard_panel_register("clubs", club_dashboard_panel, order=10)

so reports never imports the features (the app graph stays one-way: features → reports). A
panel is `render(request, unit) -> str`: HTML from the feature's own autoescaped template, or
"" where it does not apply. The dashboard already checked that the user may see `unit`; the
panel caches its own figures as it sees fit (it runs on every dashboard request)."""

from collections.abc import Callable
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


_panels: dict[str, DashboardPanel] = {}


def dashboard_panel_register(name: str, render: PanelRender, *, order: int = 100) -> None:
    """Add (or, under the same name, replace) a panel; lower `order` shows first."""
    _panels[name] = DashboardPanel(name, render, order)


def dashboard_panels() -> list[DashboardPanel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.name))


def dashboard_panels_render(request: HttpRequest, unit: Unit) -> list[SafeString]:
    html = (panel.render(request, unit) for panel in dashboard_panels())
    return [mark_safe(h) for h in html if h]  # noqa: S308 - the features' own templates
