from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from danvan_site.images import ImageUploadField

from . import ratings
from .models import CommissionPage, Department, Leader, Question, Rating, ScheduleItem
from .roles import ANSWER_PERMISSION
from .services import question_answer


class CommissionPageForm(forms.ModelForm):
    class Meta:
        model = CommissionPage
        fields = ("functions", "history", "en_name", "en_functions", "en_structure", "en_contacts")
        # Text tools without image upload (the "report" editor); sanitized on save anyway.
        widgets = {name: CKEditor5Widget(config_name="report") for name in CommissionPage.RICH_FIELDS}


@admin.register(CommissionPage)
class CommissionPageAdmin(admin.ModelAdmin):
    form = CommissionPageForm
    fieldsets = (
        ("Trang Giới thiệu", {"fields": ("functions", "history")}),
        ("Trang tiếng Anh (/en/)", {"fields": ("en_name", "en_functions", "en_structure", "en_contacts")}),
    )

    def has_add_permission(self, request):
        return not CommissionPage.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "head_name", "phone", "order")
    list_editable = ("order",)
    fields = ("name", "en_name", "head_name", "head_title", "phone", "tasks", "order")


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    list_display = ("name", "title", "order", "is_current")
    list_editable = ("order", "is_current")
    list_filter = ("is_current",)
    fields = ("name", "title", "photo", "duties", "bio", "order", "is_current")
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}


@admin.register(ScheduleItem)
class ScheduleItemAdmin(admin.ModelAdmin):
    list_display = ("starts_at", "short_content", "chair", "location", "is_published")
    list_filter = ("is_published",)
    date_hierarchy = "starts_at"
    search_fields = ("content", "chair", "location")
    fields = ("starts_at", "ends_at", "content", "chair", "participants", "location", "is_published")
    actions = ("publish", "unpublish")

    @admin.display(description="nội dung")
    def short_content(self, obj):
        return obj.content[:80]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Công khai các lịch đã chọn", permissions=["change"])
    def publish(self, request, queryset):
        for item in queryset:  # one save each: the signal makes the pages stale
            item.is_published = True
            item.save(update_fields=["is_published", "updated_at"])

    @admin.action(description="Thôi công khai các lịch đã chọn", permissions=["change"])
    def unpublish(self, request, queryset):
        for item in queryset:
            item.is_published = False
            item.save(update_fields=["is_published", "updated_at"])


class QuestionAdminForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ("status", "answer")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Question.Status.ANSWERED and not (cleaned.get("answer") or "").strip():
            self.add_error("answer", "Vui lòng nhập nội dung trả lời trước khi đăng.")
        return cleaned


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Readers' questions: provincial staff answer them here. "Đã trả lời" publishes the answer
    on /hoi-dap/ and e-mails the reader if they gave an address."""

    form = QuestionAdminForm
    list_display = ("subject", "name", "status", "created_at", "answered_at")
    list_filter = ("status",)
    search_fields = ("subject", "body", "name")
    date_hierarchy = "created_at"
    readonly_fields = ("name", "email", "subject", "body", "created_at", "answered_by", "answered_at")
    fields = (
        "name",
        "email",
        "subject",
        "body",
        "created_at",
        "status",
        "answer",
        "answered_by",
        "answered_at",
    )

    def has_add_permission(self, request):
        return False  # questions come from readers only

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(ANSWER_PERMISSION):
            fields += ["status", "answer"]
        return fields

    def save_model(self, request, obj, form, change):
        if obj.status == Question.Status.ANSWERED and (
            "status" in form.changed_data or "answer" in form.changed_data
        ):
            question_answer(
                question=obj,
                answer=obj.answer,
                user=request.user,
                site_url=request.build_absolute_uri("/"),
            )
            if obj.email:
                messages.info(request, "Đã gửi thư báo trả lời tới người hỏi.")
            return
        super().save_model(request, obj, form, change)


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    """ "Đánh giá mức độ hài lòng": the month's results, overall and per page, as bar charts.
    Read-only: readers alone write these rows."""

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
        month = ratings.parse_month(request.GET.get("thang", "")) or date(today.year, today.month, 1)
        context = {
            **self.admin_site.each_context(request),
            "title": "Đánh giá mức độ hài lòng",
            "opts": self.model._meta,
            "report": ratings.month_report(month),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/commission/ratings.html", context)
