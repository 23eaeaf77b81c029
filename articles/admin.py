from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django_ckeditor_5.widgets import CKEditor5Widget

from danvan_site.images import ImageUploadField

from .models import Article, Category, Tag


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ("lead", "body")  # the admin adds the rest from its fieldsets
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 3}),
        }


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "order", "in_menu")
    list_editable = ("order", "in_menu")
    list_filter = ("in_menu", "parent")
    search_fields = ("name",)
    prepopulated_fields = {}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    readonly_fields = ("slug",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Writers ("Phóng viên") write and send for review; editors ("Biên tập viên") publish.

    Publishing needs the `articles.publish_article` permission; without it the status can only
    be draft or review, and a writer edits only their own unpublished articles.
    """

    form = ArticleAdminForm
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}
    list_display = (
        "title",
        "category",
        "status",
        "is_featured",
        "published_at",
        "view_count",
        "preview_link",
    )
    list_filter = ("status", "category", "is_featured", "published_at")
    list_select_related = ("category",)
    search_fields = ("title", "lead", "author_name")
    date_hierarchy = "published_at"
    autocomplete_fields = ()
    readonly_fields = ("view_count", "created_by", "updated_by", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "lead", "body")}),
        ("Ảnh đại diện", {"fields": ("cover_image", "cover_caption")}),
        ("Tác giả và nguồn", {"fields": ("author_name", "author_title", "source", "tags")}),
        ("Xuất bản", {"fields": ("status", "published_at", "is_featured")}),
        (
            "Thông tin",
            {
                "classes": ("collapse",),
                "fields": ("view_count", "created_by", "created_at", "updated_by", "updated_at"),
            },
        ),
    )

    @admin.display(description="Xem")
    def preview_link(self, obj):
        label = "Xem" if obj.is_published() else "Xem trước"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label
        )

    def can_publish(self, request):
        return request.user.has_perm("articles.publish_article")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if self.can_publish(request):
            return qs
        return qs.filter(created_by=request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or self.can_publish(request):
            return allowed
        return allowed and obj.created_by_id == request.user.pk and obj.status != Article.Status.PUBLISHED

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            fields.append("slug")  # a slug never changes once published
        if not self.can_publish(request):
            fields.append("is_featured")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.can_publish(request):
            kwargs["choices"] = [
                (v, label) for v, label in Article.Status.choices if v != Article.Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not self.can_publish(request) and obj.status == Article.Status.PUBLISHED:
            obj.status = Article.Status.REVIEW
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
