from django.db import models


class DailyVisits(models.Model):
    """Visits started on one closed local day (Asia/Ho_Chi_Minh): one row per day.

    A visit is first counted in its minute (`VisitMinute`); once the day is over, housekeeping moves
    that day's minute rows here (`counter.roll_up_minutes`, adding: `visits = visits + excluded.visits`).
    `week` and `total` are sums of these rows and of the minute rows not rolled up yet (see
    `counter.current_figures`), so there is no single hot "total" row. The demo seeder writes
    closed days here directly.
    """

    day = models.DateField("ngày", primary_key=True)
    visits = models.PositiveBigIntegerField("lượt truy cập", default=0)

    class Meta:
        ordering = ("-day",)
        verbose_name = "thống kê truy cập"
        verbose_name_plural = "thống kê truy cập"

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.visits}"


class VisitMinute(models.Model):
    """Visits started in one minute (UTC start of the minute): one row per minute with visits.

    Written only by `counter.record_hit` with `INSERT … ON CONFLICT DO UPDATE SET visits = visits + 1`,
    so concurrent new visitors never lose an update. A new visit is also "online" through its
    minute: "Đang online" adds the visits of the last 5 minutes' rows to the last-seen rows
    (`Presence`), which is why a new visit needs no last-seen write. Minute rows of closed days are
    rolled up into `DailyVisits` by housekeeping.
    """

    minute = models.DateTimeField("phút", primary_key=True)
    visits = models.PositiveBigIntegerField("lượt truy cập", default=0)

    class Meta:
        ordering = ("-minute",)
        verbose_name = "lượt truy cập theo phút"
        verbose_name_plural = "lượt truy cập theo phút"

    def __str__(self):
        return f"{self.minute:%d/%m/%Y %H:%M}: {self.visits}"


class Presence(models.Model):
    """When a visitor (the random id of the visit cookie) was last seen; "Đang online" counts the
    rows seen in the last 5 minutes. Rows older than that are pruned as the counter goes.

    `overlap_until`: while the visitor's new-visit minute still counts them as online (until that
    minute + 5 minutes), the row is not counted, so nobody is counted twice.
    """

    visitor_id = models.CharField(max_length=32, primary_key=True)
    last_seen_at = models.DateTimeField(db_index=True)
    overlap_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "khách đang online"
        verbose_name_plural = "khách đang online"

    def __str__(self):
        return self.visitor_id


class CounterSettings(models.Model):
    """The one record of counter settings: the starting offset of "Tất cả" for a site migrated
    from an older counter."""

    total_offset = models.PositiveBigIntegerField(
        "số lượt truy cập ban đầu",
        default=0,
        help_text="Cộng vào “Tất cả”: số lượt truy cập đã đếm ở trang cũ trước khi chuyển sang trang này.",
    )
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        verbose_name = "cấu hình bộ đếm"
        verbose_name_plural = "cấu hình bộ đếm"

    def __str__(self):
        return "Cấu hình bộ đếm truy cập"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
