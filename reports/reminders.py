"""Deadline reminders (SPEC "Units over time"): the notice on unit staff pages and the daily
e-mails of `manage.py send_report_reminders`.

A unit "has submitted" once its report for the period was first submitted (`first_submitted_at`):
a report returned for fixes was on time and gets no reminder, like the lateness rule.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from .models import CampaignReport, ReportingPeriod, ReportReminder, StaffProfile, Unit

logger = logging.getLogger(__name__)

# Unit staff see the notice from this many days before the deadline.
NOTICE_DAYS = 14

# Each reminder and the days (relative to the deadline) it is due on: from its day until the
# next one's, so a run missed by cron or by a down SMTP server still sends it a day later, and
# never a stale one once the next is due. The last stops after a week: a unit months late is
# the province's call, not a robot's.
SCHEDULE = (
    (ReportReminder.Kind.WEEK_BEFORE, -7, -2),
    (ReportReminder.Kind.DAY_BEFORE, -1, 0),
    (ReportReminder.Kind.DAY_AFTER, 1, 7),
)


class SmtpNotConfigured(Exception):
    """The SMTP backend is selected but no server is named."""


def deadline_notice(period: ReportingPeriod, today: date) -> str | None:
    """'Còn N ngày…' from NOTICE_DAYS before the deadline, 'Đã quá hạn N ngày' after it."""
    days = (period.deadline - today).days
    if days < 0:
        return f"Đã quá hạn {-days} ngày nộp báo cáo {period.name} (hạn {period.deadline:%d/%m/%Y})."
    if days == 0:
        return f"Hôm nay là hạn cuối nộp báo cáo {period.name}."
    if days <= NOTICE_DAYS:
        return f"Còn {days} ngày đến hạn nộp báo cáo {period.name} (hạn {period.deadline:%d/%m/%Y})."
    return None


def submitted_unit_ids(period: ReportingPeriod) -> set[int]:
    return set(
        CampaignReport.objects.filter(period=period, first_submitted_at__isnull=False).values_list(
            "unit_id", flat=True
        )
    )


def submitted_periods(unit: Unit):
    """The periods `unit` has submitted a report for (a subquery: an `exclude()` across the
    reports relation would also drop a period where only *another* unit submitted)."""
    return CampaignReport.objects.filter(unit=unit, first_submitted_at__isnull=False).values("period_id")


def notices_for_unit(unit: Unit, today: date | None = None) -> list[dict]:
    """The notices a unit's staff see: one per open period that expects a report from the unit
    (SPEC "Units over time") and that the unit has not submitted yet."""
    today = today or timezone.localdate()
    periods = (
        ReportingPeriod.objects.open()
        .expecting(unit)
        .filter(deadline__lte=today + timedelta(days=NOTICE_DAYS))
        .exclude(pk__in=submitted_periods(unit))
    )
    reports = dict(
        CampaignReport.objects.filter(unit=unit, period__in=periods).values_list("period_id", "pk")
    )
    notices = []
    for period in periods.order_by("deadline"):
        text = deadline_notice(period, today)
        if text:
            notices.append(
                {
                    "text": text,
                    "is_overdue": period.deadline < today,
                    "url": report_path(period, reports.get(period.pk)),
                }
            )
    return notices


def report_path(period: ReportingPeriod, report_id: int | None) -> str:
    """The unit's report for the period, or the form that files it."""
    if report_id:
        return reverse("reports:detail", kwargs={"pk": report_id})
    return reverse("reports:create") + f"?ky={period.slug}"


def due_kind(period: ReportingPeriod, today: date):
    """The reminder due today for `period`, or None (before the first one)."""
    days = (today - period.deadline).days
    for kind, first, last in SCHEDULE:
        if first <= days <= last:
            return kind
    return None


def check_smtp() -> None:
    """Refuse to run when the SMTP backend is selected without a server to talk to."""
    if settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend" and not settings.EMAIL_HOST:
        raise SmtpNotConfigured(
            "Chưa cấu hình máy chủ gửi thư: đặt EMAIL_HOST (và EMAIL_PORT, EMAIL_HOST_USER, "
            "EMAIL_HOST_PASSWORD, EMAIL_USE_TLS nếu cần) trong môi trường hoặc tệp .env. "
            "Chưa gửi lời nhắc nào."
        )


def compose(period: ReportingPeriod, unit: Unit, kind, report_id, recipients, site_name, today):
    days = (period.deadline - today).days
    if days > 0:
        when = f"còn {days} ngày nữa là đến hạn nộp (ngày {period.deadline:%d/%m/%Y})"
    elif days == 0:
        when = f"hôm nay ({period.deadline:%d/%m/%Y}) là hạn cuối nộp"
    else:
        when = f"đã quá hạn nộp {-days} ngày (hạn {period.deadline:%d/%m/%Y})"
    url = settings.SITE_URL.rstrip("/") + report_path(period, report_id)
    subject = f"[{site_name}] Nhắc nộp báo cáo {period.name}"
    body = (
        f"Kính gửi {unit.name},\n\n"
        f'Báo cáo kết quả phong trào "Dân vận khéo" {period.name} của đơn vị chưa được nộp: {when}.\n\n'
        f"Lập hoặc hoàn thiện và nộp báo cáo tại:\n{url}\n\n"
        "Nếu đơn vị đã nộp sau khi thư này được gửi, xin bỏ qua thư.\n\n"
        f"{site_name}\n"
        "(Thư gửi tự động, xin không trả lời thư này.)\n"
    )
    return EmailMessage(subject, body, to=recipients)


def send_due_reminders(today: date | None = None, *, stdout=None) -> dict:
    """Send every reminder due today that was not sent before; returns counts.

    Stops at the first mail the server refuses or cannot take (SMTP down): what was sent is
    recorded, what was not will be sent by the next run.
    """
    from danvan_site.siteconfig.models import SiteSettings

    check_smtp()
    today = today or timezone.localdate()
    site_name = SiteSettings.load().site_name
    counts = {"sent": 0, "skipped_no_email": 0}
    connection = get_connection(fail_silently=False)
    for period in ReportingPeriod.objects.open().order_by("deadline"):
        kind = due_kind(period, today)
        if kind is None:
            continue
        done = submitted_unit_ids(period) | set(
            ReportReminder.objects.filter(period=period, kind=kind).values_list("unit_id", flat=True)
        )
        units = period.expected_units().exclude(pk__in=done)
        reports = dict(
            CampaignReport.objects.filter(period=period, unit__in=units).values_list("unit_id", "pk")
        )
        emails = {}
        for unit_id, email in StaffProfile.objects.filter(
            unit__in=units, user__is_active=True, user__email__gt=""
        ).values_list("unit_id", "user__email"):
            emails.setdefault(unit_id, []).append(email)
        for unit in units:
            recipients = sorted(set(emails.get(unit.pk, [])))
            if not recipients:
                counts["skipped_no_email"] += 1
                logger.warning("No staff e-mail for unit %s: reminder %s not sent", unit.pk, kind)
                continue
            message = compose(period, unit, kind, reports.get(unit.pk), recipients, site_name, today)
            message.connection = connection
            message.send()  # raises when the server does not take it: nothing is recorded
            try:
                ReportReminder.objects.create(
                    period=period, unit=unit, kind=kind, recipients=", ".join(recipients)
                )
            except IntegrityError:
                # A concurrent run sent it too; the record it wrote is enough.
                pass
            counts["sent"] += 1
            if stdout is not None:
                stdout.write(f"Đã gửi: {unit.name} — {period.name} ({kind.label})")
    return counts
