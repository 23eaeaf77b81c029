"""`manage.py send_report_reminders`: run daily by cron (README "Operations")."""

import smtplib

from django.core.management.base import BaseCommand, CommandError

from reports.reminders import SmtpNotConfigured, send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mails units that have not submitted: 7 days and 1 day before a period's deadline and the "
        "day after it. Each unit gets each reminder once, however often this runs."
    )

    def handle(self, *args, **options):
        try:
            counts = send_due_reminders(stdout=self.stdout)
        except SmtpNotConfigured as exc:
            raise CommandError(str(exc)) from exc
        except (TimeoutError, smtplib.SMTPException, OSError) as exc:
            # What went out before the failure is recorded; the next run sends only the rest.
            raise CommandError(
                f"Máy chủ gửi thư không nhận thư ({exc}). Các lời nhắc đã gửi được ghi lại; "
                "lần chạy sau chỉ gửi những lời nhắc còn thiếu."
            ) from exc
        self.stdout.write(
            f"Đã gửi {counts['sent']} lời nhắc; {counts['skipped_no_email']} đơn vị chưa có e-mail cán bộ."
        )
