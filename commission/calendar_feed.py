"""The work calendar as an iCalendar feed (RFC 5545), written with the `icalendar` library, which
escapes commas, semicolons, backslashes and new lines in text and folds long lines."""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from danvan_site.siteconfig.models import SiteSettings

from .models import ScheduleItem

# A subscribed phone needs the recent past and everything ahead, not fifteen years of archive.
PAST_DAYS = 60
LIMIT = 1000


def build(host: str) -> bytes:
    site = SiteSettings.load()
    cal = Calendar()
    cal.add("prodid", f"-//{site.site_name}//Lich cong tac//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Lịch công tác — {site.site_name}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    since = timezone.now() - timedelta(days=PAST_DAYS)
    items = ScheduleItem.objects.published().filter(starts_at__gte=since).order_by("starts_at", "pk")[:LIMIT]
    tz = timezone.get_current_timezone()
    for item in items:
        event = Event()
        event.add("uid", f"lich-cong-tac-{item.pk}@{host}")
        event.add("dtstamp", item.updated_at)
        event.add("last-modified", item.updated_at)
        event.add("dtstart", item.starts_at.astimezone(tz))
        event.add("dtend", (item.ends_at or item.starts_at + timedelta(hours=1)).astimezone(tz))
        event.add("summary", item.content.splitlines()[0][:200] if item.content.strip() else "Lịch công tác")
        details = [item.content]
        if item.chair:
            details.append(f"Chủ trì: {item.chair}")
        if item.participants:
            details.append(f"Thành phần: {item.participants}")
        event.add("description", "\n".join(details))
        if item.location:
            event.add("location", item.location)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
