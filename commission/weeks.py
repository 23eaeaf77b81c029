"""ISO weeks of the work calendar ("?tuan=2026-W49"), in the site's time zone."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")


@dataclass(frozen=True)
class Week:
    monday: date

    @classmethod
    def of(cls, day: date) -> "Week":
        return cls(day - timedelta(days=day.weekday()))

    @classmethod
    def parse(cls, text: str) -> "Week | None":
        """ "2026-W49" → that week; None for anything that is not an existing ISO week."""
        match = _WEEK.fullmatch((text or "").strip())
        if not match:
            return None
        try:
            return cls(date.fromisocalendar(int(match[1]), int(match[2]), 1))
        except ValueError:  # week 0, week 53 of a 52-week year, year 0 …
            return None

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def param(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]

    def previous(self) -> "Week":
        return Week(self.monday - timedelta(days=7))

    def next(self) -> "Week":
        return Week(self.monday + timedelta(days=7))

    def bounds(self) -> tuple[datetime, datetime]:
        """Monday 00:00 to the next Monday 00:00, local time, as aware datetimes."""
        tz = timezone.get_current_timezone()
        start = datetime.combine(self.monday, time.min, tzinfo=tz)
        return start, datetime.combine(self.monday + timedelta(days=7), time.min, tzinfo=tz)
