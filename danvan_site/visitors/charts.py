"""Server-rendered SVG bar charts of daily visits for the admin statistics page (no JavaScript, no CDN)."""

from dataclasses import dataclass
from datetime import date, timedelta

from .models import DailyVisits


def daily_series(days: int, today: date) -> list[tuple[date, int]]:
    """Visits of each of the last `days` days up to today, days without visits as 0."""
    start = today - timedelta(days=days - 1)
    counts = dict(DailyVisits.objects.filter(day__gte=start, day__lte=today).values_list("day", "visits"))
    return [(start + timedelta(days=i), counts.get(start + timedelta(days=i), 0)) for i in range(days)]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: date
    visits: int


@dataclass(frozen=True)
class BarChart:
    """Geometry of one chart; the template draws it (`admin/visitors/bar_chart.html`)."""

    title: str
    width: int
    height: int
    plot_left: int
    plot_bottom: int
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # (y, value) of the horizontal grid lines
    labels: list[tuple[float, str]]  # (x, "dd/mm") under the axis
    total: int
    peak: int


def bar_chart(
    title: str, series: list[tuple[date, int]], *, width=900, height=260, label_every=None
) -> BarChart:
    left, right, top, bottom = 56, 24, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((n for _, n in series), default=0)
    scale_max = _nice_ceiling(peak)
    slot = plot_w / max(len(series), 1)
    gap = slot * 0.2 if slot >= 4 else 0
    bars = []
    for i, (day, visits) in enumerate(series):
        h = plot_h * visits / scale_max
        bars.append(Bar(left + i * slot + gap / 2, top + plot_h - h, max(slot - gap, 0.5), h, day, visits))
    ticks = [(top + plot_h - plot_h * k / 4, scale_max * k // 4) for k in range(5)]
    label_every = label_every or max(1, len(series) // 6)
    labels = [
        (left + (i + 0.5) * slot, day.strftime("%d/%m"))
        for i, (day, _) in enumerate(series)
        if (len(series) - 1 - i) % label_every == 0
    ]
    return BarChart(
        title=title,
        width=width,
        height=height,
        plot_left=left,
        plot_bottom=top + plot_h,
        bars=bars,
        ticks=ticks,
        labels=labels,
        total=sum(n for _, n in series),
        peak=peak,
    )


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ value and divisible by 4 for the grid."""
    if value <= 4:
        return 4
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        candidate = int(step * magnitude)
        if candidate >= value and candidate % 4 == 0:
            return candidate
    return int(10 * magnitude)
