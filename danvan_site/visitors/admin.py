from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from . import charts, counting
from .models import CounterSettings, DailyVisits


@admin.register(DailyVisits)
class DailyVisitsAdmin(admin.ModelAdmin):
    """ "Thống kê truy cập" in admin: the four figures, daily visits over 30 and 365 days as SVG
    charts, and the most-read articles (a table the articles app draws). Read-only: the counter alone writes these rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        context = {
            **self.admin_site.each_context(request),
            "title": "Thống kê truy cập",
            "opts": self.model._meta,
            "figures": counting.current_figures(),
            "charts": [
                charts.bar_chart("Lượt truy cập 30 ngày qua", charts.daily_series(30, today), label_every=5),
                charts.bar_chart(
                    "Lượt truy cập 365 ngày qua", charts.daily_series(365, today), label_every=30
                ),
            ],
            "can_edit_offset": request.user.has_perm("visitors.change_countersettings"),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/visitors/stats.html", context)


@admin.register(CounterSettings)
class CounterSettingsAdmin(admin.ModelAdmin):
    fields = ("total_offset",)

    def has_add_permission(self, request):
        return not CounterSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
