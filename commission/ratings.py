"""The month's satisfaction ratings for the admin, overall and per page, drawn as SVG bars."""

import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from .models import Rating

_MONTH = re.compile(r"(\d{4})-(\d{2})")
BAR_WIDTH = 300  # px of the longest bar


@dataclass(frozen=True)
class Bar:
    value: int
    label: str
    count: int
    width: float  # px, scaled to the report's largest count
    percent: int  # of the row's total


@dataclass(frozen=True)
class Row:
    path: str
    total: int
    bars: list[Bar]


def parse_month(text: str) -> date | None:
    match = _MONTH.fullmatch(text.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _row(path, counts, scale):
    total = sum(counts.values())
    bars = [
        Bar(
            value,
            label,
            counts.get(value, 0),
            BAR_WIDTH * counts.get(value, 0) / scale if scale else 0,
            round(100 * counts.get(value, 0) / total) if total else 0,
        )
        for value, label in Rating.Value.choices
    ]
    return Row(path, total, bars)


def month_report(month: date) -> dict:
    """The month's votes by value, overall and for each page (most rated first)."""
    rows = (
        Rating.objects.filter(day__gte=month, day__lt=_next_month(month))
        .values("path", "value")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_path: dict[str, dict[int, int]] = {}
    overall: dict[int, int] = {}
    for row in rows:
        by_path.setdefault(row["path"], {})[row["value"]] = row["n"]
        overall[row["value"]] = overall.get(row["value"], 0) + row["n"]
    page_scale = max((n for counts in by_path.values() for n in counts.values()), default=0)
    pages = sorted(
        (_row(path, counts, page_scale) for path, counts in by_path.items()), key=lambda r: (-r.total, r.path)
    )
    previous = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
    return {
        "month": month,
        "previous": f"{previous:%Y-%m}",
        "next": f"{_next_month(month):%Y-%m}",
        "overall": _row("", overall, max(overall.values(), default=0)),
        "pages": pages,
        "bar_width": BAR_WIDTH,
    }
