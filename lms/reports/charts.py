"""Charts drawn on the server as inline SVG (no JavaScript, no chart library, a few KB).

Readable on a 390 px phone (issue 19 item 5): the SVGs are drawn at 340 user units wide and
shown at most at their own size (`max-width:100%`), so 1 unit = 1 CSS px on a phone whose
content column is ≥ 340 px (390 − 2 × 16 px of padding = 358) and the 13-unit labels are 13 CSS
px. Every chart is `role="img"` with a `<title>` and a `<desc>` and has a table beside it (the
text alternative); labels and values are written on the chart itself, not only in a legend.

Coordinates are strings with a dot as the decimal separator (never localised); the values
shown as text are floats the template localises."""

import math
from dataclasses import dataclass

WIDTH = 340
FONT = 13  # user units == CSS px at 390 px


def _n(value: float) -> str:
    """A coordinate: one decimal, a dot, no trailing zeros."""
    return f"{round(value, 1):g}"


@dataclass
class Bar:
    label: str
    percent: float
    trained: int
    population: int
    label_y: str
    bar_y: str
    width: str
    value_x: str
    value_y: str


def bar_chart(rows, threshold_percent: float | None, width: int = WIDTH) -> dict:
    """Horizontal bars, one per child unit: the unit's name on its own line above its bar (so
    long names need no tiny font), the bar on a 0–100% scale and its value after it, and the
    threshold as a dashed line labelled at the top (none when the unit has no threshold of its
    own, e.g. under an absolute target)."""
    track = width - 56  # room for "100%" after a full bar
    top = 22 if threshold_percent is not None else 4
    row_h = 40
    bars = []
    for i, a in enumerate(rows):
        y = top + i * row_h
        bar_w = track * min(a.percent, 100) / 100
        bars.append(Bar(
            label=a.unit.name if len(a.unit.name) <= 44 else a.unit.name[:43] + "…",
            percent=a.percent, trained=a.trained, population=a.population,
            label_y=_n(y + FONT), bar_y=_n(y + 18), width=_n(bar_w),
            value_x=_n(bar_w + 4), value_y=_n(y + 30)))
    threshold_x = (None if threshold_percent is None
                   else _n(track * min(threshold_percent, 100) / 100))
    return {"bars": bars, "width": width, "height": top + row_h * len(bars) + 2,
            "threshold_x": threshold_x, "threshold": threshold_percent,
            "threshold_label_x": (None if threshold_percent is None
                                  else _n(min(track * min(threshold_percent, 100) / 100,
                                              width - 100)))}


@dataclass
class Point:
    x: str
    y: str
    percent: float
    label_y: str
    labelled: bool
    anchor: str


def trend_chart(snapshots, threshold_percent: float | None = None, width: int = WIDTH,
                height: int = 210) -> dict | None:
    """% trained per weekly snapshot with both axes: a y axis 0–100% with gridlines every 25%,
    dates (dd/mm) under the x axis (at most four, first and last always), each point's value
    written above it (every point up to eight, then every k-th and the last), and the
    threshold as a dashed line."""
    if len(snapshots) < 2:
        return None
    left, right, top, bottom = 44, 14, 20, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / (len(snapshots) - 1)

    def y_of(pct: float) -> float:
        return top + plot_h - plot_h * min(pct, 100) / 100

    every = max(1, math.ceil(len(snapshots) / 8))
    points = []
    for i, snap in enumerate(snapshots):
        pct = round(100 * snap.trained / snap.population, 1) if snap.population else 0.0
        y = y_of(pct)
        points.append(Point(x=_n(left + i * step), y=_n(y), percent=pct,
                            label_y=_n(y - 6 if y - 6 > FONT else y + FONT + 4),
                            labelled=(i % every == 0 or i == len(snapshots) - 1),
                            anchor="start" if i == 0 else
                            "end" if i == len(snapshots) - 1 else "middle"))
    date_every = max(1, math.ceil((len(snapshots) - 1) / 3))
    dates = [(_n(left + i * step), snap.taken_on, "start" if i == 0 else
              "end" if i == len(snapshots) - 1 else "middle")
             for i, snap in enumerate(snapshots)
             if i == len(snapshots) - 1 or (i % date_every == 0
                                            and len(snapshots) - 1 - i >= date_every / 2)]
    grid = [(pct, _n(y_of(pct)), _n(y_of(pct) + 4)) for pct in (0, 25, 50, 75, 100)]
    return {"points": points, "polyline": " ".join(f"{p.x},{p.y}" for p in points),
            "width": width, "height": height, "left": left, "right": _n(width - right),
            "axis_y": _n(top + plot_h), "date_y": _n(height - 6), "grid": grid, "dates": dates,
            "threshold": threshold_percent,
            "threshold_y": None if threshold_percent is None else _n(y_of(threshold_percent)),
            "first": snapshots[0], "last": snapshots[-1],
            "first_percent": points[0].percent, "last_percent": points[-1].percent}


def target_progress(a) -> dict:
    """A figure's progress bar (0–100 scale): how far the unit is towards its target.

    - percentage target: the bar is % trained of the population, the marker the threshold;
      `of_target` is trained / required people (100 = met).
    - absolute target at its own unit: the bar is trained / threshold people.
    - a sub-unit's contribution to an absolute target (R5): the bar is its share of the
      target unit's trained people; no target of its own.
    - nobody in scope (R4): no bar."""
    if a.not_applicable:
        return {"bar": None, "marker": None, "of_target": None}
    if a.is_contribution:
        return {"bar": _n(min(a.share, 100)), "marker": None, "of_target": None}
    required = a.required
    of_target = round(100 * a.trained / required, 1) if required else 100.0
    if a.target.threshold_kind == "absolute":
        return {"bar": _n(min(of_target, 100)), "marker": None, "of_target": of_target}
    return {"bar": _n(min(a.percent, 100)), "marker": _n(min(a.threshold_percent or 0, 100)),
            "of_target": of_target}
