from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_ckeditor_5.widgets import CKEditor5Widget
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CampaignReport,
    District,
    ExemplaryModel,
    Field,
    FieldResult,
    ModelQuota,
    ReportingPeriod,
    StaffProfile,
)
from .roles import REVIEW_PERMISSION


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "order", "is_active", "successor")
    list_editable = ("order", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
    readonly_fields = ("slug",)
    autocomplete_fields = ("successor",)


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "is_active")
    list_editable = ("order", "is_active")


class ModelQuotaInline(admin.TabularInline):
    model = ModelQuota
    extra = 0


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("name", "year", "kind", "deadline", "is_open")
    list_editable = ("is_open",)
    list_filter = ("kind", "is_open", "year")
    readonly_fields = ("slug",)
    inlines = [ModelQuotaInline]


class CampaignReportAdminForm(forms.ModelForm):
    class Meta:
        model = CampaignReport
        fields = ("summary",)
        widgets = {"summary": CKEditor5Widget(config_name="report")}


class FieldResultInline(admin.TabularInline):
    model = FieldResult
    extra = 0


class ExemplaryModelInline(admin.StackedInline):
    model = ExemplaryModel
    extra = 0
    fields = ("name", "field", "kind", "holder", "stage", "description", "results", "photo")


@admin.register(CampaignReport)
class CampaignReportAdmin(SimpleHistoryAdmin):
    """Corrections by provincial staff; districts file and edit on the staff pages (/bao-cao/).

    The list is scoped by `CampaignReport.objects.visible_to`, like every staff page.
    """

    form = CampaignReportAdminForm
    list_display = ("district", "period", "status", "submitted_at", "reviewed_by", "reviewed_at")
    list_filter = ("status", "period", "district__kind")
    list_select_related = ("district", "period", "reviewed_by")
    search_fields = ("district__name", "period__name")
    readonly_fields = (
        "submitted_by",
        "submitted_at",
        "first_submitted_at",
        "reviewed_by",
        "reviewed_at",
        "created_by",
        "created_at",
        "updated_at",
    )
    fields = ("district", "period", "status", "summary", "review_note", *readonly_fields)
    inlines = [FieldResultInline, ExemplaryModelInline]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(REVIEW_PERMISSION):
            fields += ["district", "status", "review_note"]
        return fields


@admin.register(ExemplaryModel)
class ExemplaryModelAdmin(SimpleHistoryAdmin):
    list_display = ("name", "field", "kind", "stage", "report")
    list_filter = ("stage", "kind", "field", "report__period")
    list_select_related = ("field", "report__district", "report__period")
    search_fields = ("name", "holder")
    readonly_fields = ("slug",)
    raw_id_fields = ("report",)

    def get_queryset(self, request):
        visible = CampaignReport.objects.visible_to(request.user)
        return super().get_queryset(request).filter(report__in=visible)


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name_plural = "đơn vị (cán bộ huyện)"
    fk_name = "user"


User = get_user_model()
admin.site.unregister(User)  # registered by django.contrib.auth, listed before this app


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """The user admin with the district link, so provincial staff can set who belongs where."""

    inlines = [*UserAdmin.inlines, StaffProfileInline]
