"""Charts drawn on the server as inline SVG (no JavaScript, a few hundred bytes). Each chart
has a table alternative on the page; the SVG itself is aria-hidden."""

from dataclasses import dataclass


@dataclass
class Bar:
    label: str
    percent: float
    y: int
    width: float


def bar_chart(rows, threshold_percent: float | None, width: int = 400) -> dict:
    """Horizontal bars (one per child unit) and the threshold line, in a 0–100% scale (no line
    when the unit has no threshold of its own)."""
    bars = [Bar(a.unit.name, a.percent, 4 + i * 22, round(width * min(a.percent, 100) / 100, 1))
            for i, a in enumerate(rows)]
    return {"bars": bars, "width": width, "height": 8 + 22 * len(bars),
            "threshold_x": (None if threshold_percent is None
                            else round(width * min(threshold_percent, 100) / 100, 1))}


def trend_chart(snapshots, width: int = 400, height: int = 120) -> dict | None:
    """A polyline of % trained per weekly snapshot."""
    if len(snapshots) < 2:
        return None
    step = width / (len(snapshots) - 1)
    points = []
    for i, snap in enumerate(snapshots):
        pct = 100 * snap.trained / snap.population if snap.population else 0
        points.append(f"{round(i * step, 1)},{round(height - height * pct / 100, 1)}")
    return {"points": " ".join(points), "width": width, "height": height}
