from django.db import models


class DailyVisits(models.Model):
    """Visits started on one local day (Asia/Ho_Chi_Minh): one row per day with visits.

    Written only by `counting.add_visit` (`visits = visits + 1`); "Hôm nay", "Trong tuần" and
    "Tất cả" are sums of these rows. The demo seeder writes closed days here directly.
    """

    day = models.DateField("ngày", primary_key=True)
    visits = models.PositiveBigIntegerField("lượt truy cập", default=0)

    class Meta:
        ordering = ("-day",)
        verbose_name = "thống kê truy cập"
        verbose_name_plural = "thống kê truy cập"

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.visits}"


class Presence(models.Model):
    """When a visitor (the random id of the visit cookie) was last seen; "Đang online" counts the
    rows seen in the last 5 minutes. Older rows are pruned as the counter goes."""

    visitor_id = models.CharField(max_length=32, primary_key=True)
    last_seen_at = models.DateTimeField(db_index=True)

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
