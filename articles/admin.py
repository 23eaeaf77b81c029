from django import forms
from django.contrib import admin, messages
from django.db.models import Case, Count, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django_ckeditor_5.widgets import CKEditor5Widget

from .models import Article, Category, Comment, Tag
from .templatetags.articles_tags import vn_time_date


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
    readonly_fields = (
        "view_count",
        "created_by",
        "updated_by",
        "created_at",
        "updated_at",
        "comments_summary",
    )
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "lead", "body")}),
        ("Ảnh đại diện", {"fields": ("cover_image", "cover_caption")}),
        ("Tác giả và nguồn", {"fields": ("author_name", "author_title", "source", "tags")}),
        ("Xuất bản", {"fields": ("status", "published_at", "is_featured")}),
        ("Ý kiến bạn đọc", {"fields": ("comments_enabled", "comments_summary")}),
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

    @admin.display(description="Ý kiến")
    def comments_summary(self, obj):
        """Pending and approved counts, linking to this article's comments in the moderation list."""
        if obj is None or obj.pk is None:
            return "—"
        counts = obj.comments.aggregate(
            pending=Count("pk", filter=Q(status=Comment.Status.PENDING)),
            approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
        )
        url = reverse("admin:articles_comment_changelist")
        return format_html(
            '<a href="{}?article__id__exact={}&amp;status__exact=pending">'
            '<strong class="pending-comments">{} chờ duyệt</strong></a> · '
            '<a href="{}?article__id__exact={}">{} đã duyệt</a>',
            url,
            obj.pk,
            counts["pending"],
            url,
            obj.pk,
            counts["approved"],
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


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Moderation of reader comments: pending ones first; approve or reject, singly or in bulk.

    Approving and rejecting need `articles.moderate_comment` ("Biên tập viên" has it, "Phóng viên"
    does not) and never delete anything; deleting needs `articles.delete_comment`. Comments come
    from readers only, so nobody adds one here, and what a reader wrote is read-only.
    """

    list_display = ("comment", "status", "name", "sent_at", "article_title")
    list_display_links = ("comment",)
    list_filter = ("status", ("article", admin.RelatedOnlyFieldListFilter), "created_at")
    list_select_related = ("article",)
    search_fields = ("name", "email", "title", "body", "article__title")
    date_hierarchy = "created_at"
    actions = ("approve_selected", "reject_selected")
    fields = (
        "article",
        "name",
        "email",
        "title",
        "body",
        "created_at",
        "status",
        "moderated_by",
        "moderated_at",
    )
    readonly_fields = (
        "article",
        "name",
        "email",
        "title",
        "body",
        "created_at",
        "moderated_by",
        "moderated_at",
    )
    list_per_page = 50

    @admin.display(description="Ý kiến", ordering="title")
    def comment(self, obj):
        """Title and the start of the body, so most comments can be judged from the list."""
        return format_html("<strong>{}</strong><br>{}", obj.title, Truncator(obj.body).chars(160))

    @admin.display(description="Gửi lúc", ordering="created_at")
    def sent_at(self, obj):
        return vn_time_date(obj.created_at)

    @admin.display(description="Bài viết", ordering="article__title")
    def article_title(self, obj):
        return Truncator(obj.article.title).chars(50)

    def get_ordering(self, request):
        # Pending comments first, newest first within each group.
        pending_first = Case(When(status=Comment.Status.PENDING, then=Value(0)), default=Value(1))
        return (pending_first.asc(), "-created_at", "-pk")

    def has_add_permission(self, request):
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("articles.moderate_comment")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_moderate_permission(request):
            fields.append("status")
        return fields

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_by = request.user
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="Duyệt các ý kiến đã chọn", permissions=["moderate"])
    def approve_selected(self, request, queryset):
        changed = queryset.moderate(Comment.Status.APPROVED, request.user)
        self.message_user(request, f"Đã duyệt {changed} ý kiến.", messages.SUCCESS)

    @admin.action(description="Từ chối các ý kiến đã chọn", permissions=["moderate"])
    def reject_selected(self, request, queryset):
        changed = queryset.moderate(Comment.Status.REJECTED, request.user)
        self.message_user(
            request, f"Đã từ chối {changed} ý kiến (vẫn được lưu, không hiển thị).", messages.SUCCESS
        )
