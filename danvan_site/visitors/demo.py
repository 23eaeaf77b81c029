"""Demo visit history so the admin charts and the sidebar box have something to show."""

import random
from datetime import timedelta

from django.utils import timezone

from .models import CounterSettings, DailyVisits

DEMO_OFFSET = 234_000  # as if migrated from the old site's counter


def seed_visits(*, users=None, stdout=None, days=400):
    """A year of daily visits (busier on weekdays, a few spikes) for closed days only; idempotent."""
    if DailyVisits.objects.exists():
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    rows = []
    for i in range(days, 0, -1):
        day = today - timedelta(days=i)
        base = 180 if day.weekday() < 5 else 90
        spike = rng.choice([1] * 30 + [4])
        rows.append(DailyVisits(day=day, visits=int(base * spike * rng.uniform(0.7, 1.3))))
    DailyVisits.objects.bulk_create(rows)
    settings, _ = CounterSettings.objects.get_or_create(pk=1)
    settings.total_offset = DEMO_OFFSET
    settings.save()
    if stdout is not None:
        stdout.write(f"Lượt truy cập mẫu: {days} ngày")
