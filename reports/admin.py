from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_ckeditor_5.widgets import CKEditor5Widget
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CampaignReport,
    ExemplaryModel,
    Field,
    FieldResult,
    ModelQuota,
    ReportingPeriod,
    StaffProfile,
    Unit,
)
from .roles import REVIEW_PERMISSION


class InForceFilter(admin.SimpleListFilter):
    title = "tình trạng"
    parameter_name = "hoat-dong"

    def lookups(self, request, model_admin):
        return [("con", "Đang hoạt động"), ("het", "Đã kết thúc")]

    def queryset(self, request, queryset):
        if self.value() == "con":
            return queryset.in_force()
        if self.value() == "het":
            return queryset.ended()
        return queryset


UNIT_FIELDS = ("kind", "order", "valid_from", "valid_to", "predecessors", "is_unverified", "source_note")


class UnitAdminForm(forms.ModelForm):
    """Refuses a unit made its own predecessor and a cycle of predecessors.

    The check lives in the form because many-to-many links are saved after the unit itself, so
    `Unit.clean()` cannot see the chosen predecessors."""

    class Meta:
        model = Unit
        fields = UNIT_FIELDS

    def clean_predecessors(self):
        chosen = self.cleaned_data.get("predecessors")
        if chosen is None or self.instance.pk is None:
            return chosen
        if any(p.pk == self.instance.pk for p in chosen):
            raise forms.ValidationError("Đơn vị không thể là tiền thân của chính nó.")
        cycle = unit_in_ancestry(self.instance.pk, [p.pk for p in chosen])
        if cycle is not None:
            raise forms.ValidationError(
                f"Tạo vòng lặp: {cycle} đã là đơn vị kế thừa (trực tiếp hoặc gián tiếp) của đơn vị này."
            )
        return chosen


def unit_in_ancestry(unit_pk: int, predecessor_pks: list[int]):
    """The first of `predecessor_pks` that already descends from `unit_pk` (so linking it as a
    predecessor would close a cycle), or None. One query for all links, then a walk in memory."""
    through = Unit.predecessors.through
    successors = {}
    for from_id, to_id in through.objects.values_list("from_unit_id", "to_unit_id"):
        successors.setdefault(to_id, set()).add(from_id)  # to_id is a predecessor of from_id
    seen, stack = set(), [unit_pk]
    while stack:
        current = stack.pop()
        for nxt in successors.get(current, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    for pk in predecessor_pks:
        if pk in seen:
            return Unit.objects.get(pk=pk)
    return None


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    form = UnitAdminForm
    list_display = ("name", "kind", "valid_from", "valid_to", "is_unverified", "order")
    list_editable = ("order",)
    list_filter = ("kind", "is_unverified", InForceFilter)
    search_fields = ("name",)
    readonly_fields = ("slug",)
    filter_horizontal = ("predecessors",)
    fields = ("name", "slug", *UNIT_FIELDS)


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
    """Corrections by provincial staff; units file and edit on the staff pages (/bao-cao/).

    The list is scoped by `CampaignReport.objects.visible_to`, like every staff page.
    """

    form = CampaignReportAdminForm
    list_display = ("unit", "period", "status", "submitted_at", "reviewed_by", "reviewed_at")
    list_filter = ("status", "period", "unit__kind")
    list_select_related = ("unit", "period", "reviewed_by")
    search_fields = ("unit__name", "period__name")
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
    fields = ("unit", "period", "status", "summary", "review_note", *readonly_fields)
    inlines = [FieldResultInline, ExemplaryModelInline]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(REVIEW_PERMISSION):
            fields += ["unit", "status", "review_note"]
        return fields


@admin.register(ExemplaryModel)
class ExemplaryModelAdmin(SimpleHistoryAdmin):
    list_display = ("name", "field", "kind", "stage", "report")
    list_filter = ("stage", "kind", "field", "report__period")
    list_select_related = ("field", "report__unit", "report__period")
    search_fields = ("name", "holder")
    readonly_fields = ("slug",)
    raw_id_fields = ("report",)

    def get_queryset(self, request):
        visible = CampaignReport.objects.visible_to(request.user)
        return super().get_queryset(request).filter(report__in=visible)


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name_plural = "đơn vị (cán bộ đơn vị)"
    fk_name = "user"


User = get_user_model()
admin.site.unregister(User)  # registered by django.contrib.auth, listed before this app


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """The user admin with the unit link, so provincial staff can set who belongs where."""

    inlines = [*UserAdmin.inlines, StaffProfileInline]
