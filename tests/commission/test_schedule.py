"""/lich-cong-tac/ and its iCalendar feed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from commission.models import ScheduleItem
from commission.weeks import Week

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return datetime.combine(day, datetime.min.time(), tzinfo=timezone.get_current_timezone()).replace(
        hour=hour, minute=minute
    )


def item(starts_at, content="Giao ban tuần", **kwargs):
    return ScheduleItem.objects.create(starts_at=starts_at, content=content, **kwargs)


def test_the_current_week_by_day_with_local_times(client):
    week = Week.of(timezone.localdate())
    item(at(week.monday, 8, 30), "Giao ban đầu tuần", chair="Trưởng ban", location="Phòng họp")
    # 23:30 UTC on Tuesday is 06:30 on Wednesday in Asia/Ho_Chi_Minh.
    wednesday_utc = datetime.combine(week.monday + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    item(wednesday_utc.replace(hour=23, minute=30), "Đi cơ sở sớm")
    html = client.get("/lich-cong-tac/").content.decode()
    assert f"Tuần {week.number}" in html
    monday = html.index(f"Thứ Hai, {week.monday:%d/%m/%Y}")
    wednesday = html.index(f"Thứ Tư, {week.monday + timedelta(days=2):%d/%m/%Y}")
    assert monday < html.index("Giao ban đầu tuần") < wednesday < html.index("Đi cơ sở sớm")
    assert "08:30" in html and "06:30" in html
    assert "Chủ trì:</span> Trưởng ban" in html


def test_only_published_items_show(client):
    week = Week.of(timezone.localdate())
    item(at(week.monday, 9), "Lịch công khai")
    item(at(week.monday, 10), "Lịch nội bộ", is_published=False)
    html = client.get("/lich-cong-tac/").content.decode()
    assert "Lịch công khai" in html and "Lịch nội bộ" not in html
    ics = client.get("/lich-cong-tac.ics").content.decode()
    assert "Lịch công khai" in ics and "Lịch nội bộ" not in ics


def test_a_chosen_week_and_the_previous_and_next_links(client):
    item(at(Week.parse("2026-W49").monday, 8), "Tuần bốn mươi chín")
    html = client.get("/lich-cong-tac/?tuan=2026-W49").content.decode()
    assert "Tuần bốn mươi chín" in html
    assert "30/11/2026" in html and "06/12/2026" in html
    assert 'href="?tuan=2026-W48"' in html and "Tuần trước" in html
    assert 'href="?tuan=2026-W50"' in html and "Tuần sau" in html
    assert "Tuần bốn mươi chín" not in client.get("/lich-cong-tac/?tuan=2026-W50").content.decode()


@pytest.mark.parametrize("bad", ["2026-W99", "abc", "2026-W00", "2025-W53", "", "2026-W49x"])
def test_a_week_that_is_not_one_shows_the_current_week_with_a_notice(client, bad):
    response = client.get("/lich-cong-tac/", {"tuan": bad})
    assert response.status_code == 200
    html = response.content.decode()
    assert "không hợp lệ" in html and "đang hiển thị lịch công tác tuần này" in html
    assert f"Tuần {Week.of(timezone.localdate()).number}</strong>" in html


def test_the_page_is_printable(client):
    html = client.get("/lich-cong-tac/").content.decode()
    assert 'href="/static/css/commission-print.css" media="print"' in html


def test_the_ics_feed_escapes_commas_semicolons_and_new_lines_and_parses_back(client):
    starts = timezone.now().replace(microsecond=0) + timedelta(days=1)
    content = "Hội nghị, tập huấn; phần 1\nPhần 2: thảo luận"
    item(starts, content, location="Hội trường A, tầng 2; phòng 3", participants="Lãnh đạo Ban;\nCác phòng")
    response = client.get("/lich-cong-tac.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "Hội trường A\\, tầng 2\\; phòng 3" in body
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["location"]) == "Hội trường A, tầng 2; phòng 3"
    assert content in str(event["description"])
    assert "Lãnh đạo Ban;\nCác phòng" in str(event["description"])
    assert event.decoded("dtstart") == starts


def test_an_edited_item_shows_at_once_on_the_kept_page(client):
    week = Week.of(timezone.localdate())
    entry = item(at(week.monday, 8), "Nội dung cũ")
    client.get("/lich-cong-tac/")
    client.get("/lich-cong-tac.ics")
    entry.content = "Nội dung mới"
    entry.save()
    assert "Nội dung mới" in client.get("/lich-cong-tac/").content.decode()
    assert "Nội dung mới" in client.get("/lich-cong-tac.ics").content.decode()
