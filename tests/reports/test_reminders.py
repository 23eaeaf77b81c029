"""Deadline reminders: the notice unit staff see, and `send_report_reminders`."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from reports.models import ReportReminder
from tests.factories import (
    CampaignReportFactory,
    ReportingPeriodFactory,
    ReturnedReportFactory,
    SubmittedReportFactory,
    make_unit_user,
)

pytestmark = pytest.mark.django_db


# Today's periods are filed by the units in force today (SPEC "Units over time"): the demo
# district accounts' communes stand in for the former districts here.
@pytest.fixture
def con_cuong(xa_con_cuong):
    return xa_con_cuong


@pytest.fixture
def ky_son(xa_muong_xen):
    return xa_muong_xen


LIST = reverse("reports:list")


def _period(days_to_deadline, **kwargs):
    return ReportingPeriodFactory(
        name="Năm 2026", deadline=timezone.localdate() + timedelta(days=days_to_deadline), **kwargs
    )


# --- The notice on unit staff pages ---------------------------------------------------------


def test_unit_staff_see_the_days_left_from_two_weeks_before_the_deadline(district_client):
    _period(10)
    html = district_client.get(LIST).content.decode()
    assert "Còn 10 ngày đến hạn nộp báo cáo Năm 2026" in html


def test_no_notice_earlier_than_two_weeks_before(district_client):
    _period(15)
    assert "data-deadline-notice" not in district_client.get(LIST).content.decode()


def test_unit_staff_see_how_late_they_are_after_the_deadline(district_client, con_cuong):
    period = _period(-3)
    CampaignReportFactory(unit=con_cuong, period=period)  # a draft is not submitted
    html = district_client.get(LIST).content.decode()
    assert "Đã quá hạn 3 ngày nộp báo cáo Năm 2026" in html


def test_another_units_submission_does_not_hide_the_notice(district_client, con_cuong, ky_son):
    period = _period(-3)
    SubmittedReportFactory(unit=ky_son, period=period)
    CampaignReportFactory(unit=con_cuong, period=period)
    assert "Đã quá hạn 3 ngày nộp báo cáo Năm 2026" in district_client.get(LIST).content.decode()


def test_the_notice_shows_on_the_report_form_too(district_client, con_cuong):
    report = CampaignReportFactory(unit=con_cuong, period=_period(2))
    assert "Còn 2 ngày đến hạn" in district_client.get(report.get_absolute_url()).content.decode()


def test_a_unit_that_submitted_sees_no_notice(district_client, con_cuong):
    ReturnedReportFactory(unit=con_cuong, period=_period(-2))  # submitted once, on time
    assert "data-deadline-notice" not in district_client.get(LIST).content.decode()


def test_provincial_staff_see_no_notice(province_client):
    _period(3)
    assert "data-deadline-notice" not in province_client.get(LIST).content.decode()


# --- send_report_reminders ------------------------------------------------------------------


@pytest.fixture
def con_cuong_staff(con_cuong):
    return make_unit_user("nhac-concuong", con_cuong, email="concuong@example.gov.vn")


@pytest.fixture
def ky_son_staff(ky_son):
    return make_unit_user("nhac-kyson", ky_son, email="kyson@example.gov.vn")


@override_settings(SITE_URL="https://danvan.example.gov.vn")
def test_a_week_before_units_that_have_not_submitted_get_one_email(con_cuong_staff, ky_son_staff, ky_son):
    period = _period(7)
    SubmittedReportFactory(unit=ky_son, period=period)
    call_command("send_report_reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["concuong@example.gov.vn"]
    assert message.subject.endswith("Nhắc nộp báo cáo Năm 2026")
    assert "còn 7 ngày nữa là đến hạn nộp" in message.body
    assert f"https://danvan.example.gov.vn{reverse('reports:create')}?ky={period.slug}" in message.body


def test_each_reminder_goes_once_however_often_the_command_runs(con_cuong_staff):
    _period(1)
    for _ in range(3):
        call_command("send_report_reminders")
    assert len(mail.outbox) == 1
    assert ReportReminder.objects.get().kind == ReportReminder.Kind.DAY_BEFORE


def test_the_day_after_the_deadline_the_email_links_the_draft(con_cuong_staff, con_cuong):
    report = CampaignReportFactory(unit=con_cuong, period=_period(-1))
    call_command("send_report_reminders")
    assert "đã quá hạn nộp 1 ngày" in mail.outbox[0].body
    assert report.get_absolute_url() in mail.outbox[0].body


def test_no_email_between_the_reminder_days(con_cuong_staff):
    _period(12)
    call_command("send_report_reminders")
    assert mail.outbox == []


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="")
def test_without_an_smtp_server_the_command_fails_clearly_and_records_nothing(con_cuong_staff):
    _period(7)
    with pytest.raises(CommandError, match="EMAIL_HOST"):
        call_command("send_report_reminders")
    assert not ReportReminder.objects.exists()


class DownAfterOneBackend(BaseEmailBackend):
    """An SMTP server that takes one message and then goes away."""

    sent: list = []

    def send_messages(self, messages):
        if len(self.sent) >= 1:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        self.sent.extend(messages)
        return len(messages)


def test_a_server_that_fails_half_way_gets_only_the_rest_next_time(con_cuong_staff, ky_son_staff):
    _period(7)
    DownAfterOneBackend.sent = []
    with override_settings(EMAIL_BACKEND="tests.reports.test_reminders.DownAfterOneBackend"):
        with pytest.raises(CommandError, match="lần chạy sau chỉ gửi những lời nhắc còn thiếu"):
            call_command("send_report_reminders")
    assert len(DownAfterOneBackend.sent) == 1
    assert ReportReminder.objects.count() == 1
    first = DownAfterOneBackend.sent[0].to

    call_command("send_report_reminders")  # the server is back (locmem)
    assert [m.to for m in mail.outbox] != [first]
    assert len(mail.outbox) == 1
    assert ReportReminder.objects.count() == 2
