from types import SimpleNamespace

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Case, Count, Q, Value, When
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django_ckeditor_5.widgets import CKEditor5Widget
from simple_history.admin import SimpleHistoryAdmin

from danvan_site.images import ImageUploadField
from danvan_site.text import img_alts, same_html, vn_number

from .history import ArticleHistoryHelper
from .models import Article, Category, Comment, Subsite, Tag
from .roles import limited_subsite_ids
from .tagging import parse_tags
from .templatetags.articles_tags import vn_time_date

ONLY_YOUR_SUBSITES = "Bạn chỉ được làm việc với trang thành phần được giao: {}."
CHOOSE_YOUR_SUBSITE = (
    "Bạn được giao trang thành phần, không đăng trên trang tỉnh: hãy chọn một trang được giao ({})."
)


def subsite_field_messages(allowed) -> dict:
    """The refusals of a limited editor's sub-site field, naming the sub-sites they may use."""
    names = ", ".join(s.name for s in allowed) or "chưa có trang nào"
    return {"required": CHOOSE_YOUR_SUBSITE.format(names), "invalid_choice": ONLY_YOUR_SUBSITES.format(names)}


class SiteLabelChoiceField(forms.ModelChoiceField):
    """A sub-site's categories labelled with their sub-site, so an editor sees where each
    belongs (the province's keep their plain names)."""

    def label_from_instance(self, obj):
        site = Subsite.cached(obj.subsite_id)
        return f"{obj} — {site.name}" if site else str(obj)


class ArticleAdminForm(forms.ModelForm):
    MISSING_ALT = (
        "Ảnh thứ {} trong nội dung chưa có mô tả (văn bản thay thế) cho người khiếm thị. Bấm vào "
        "ảnh, chọn nút “Thay đổi văn bản thay thế” trên thanh công cụ nhỏ của ảnh và nhập một câu "
        "ngắn tả ảnh."
    )

    class Meta:
        model = Article
        fields = ("title", "lead", "body")  # the admin adds the rest from its fieldsets
        widgets = {
            "title": forms.TextInput(attrs={"class": "vTextField article-title-input"}),
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 3}),
        }

    ARCHIVED = "Trang “{}” đã lưu trữ (đơn vị đã kết thúc hoạt động): không đăng bài mới trên trang này."
    WRONG_SITE = "Chuyên mục “{}” thuộc {}, còn bài viết đặt ở {}: chọn chuyên mục của cùng trang."

    def clean(self):
        cleaned = super().clean()
        category, subsite = cleaned.get("category"), cleaned.get("subsite")
        if category is not None and "subsite" in self.fields and "subsite" not in self.errors:
            if category.subsite_id != getattr(subsite, "pk", None):
                where = f"trang “{subsite.name}”" if subsite else "trang tỉnh"
                own = Subsite.cached(category.subsite_id)
                self.add_error(
                    "category",
                    self.WRONG_SITE.format(
                        category.name, f"trang “{own.name}”" if own else "trang tỉnh", where
                    ),
                )
        if subsite is not None and subsite.is_archived:
            # An archive is read-only: an article already published there may be corrected.
            was_published = self.instance.pk and self.initial.get("status") == Article.Status.PUBLISHED
            if not was_published:
                self.add_error("subsite", self.ARCHIVED.format(subsite.name))
        return cleaned

    def clean_body(self):
        """Every image of the body says what it shows (`alt`): CKEditor inserts an uploaded image
        with an empty one and never asks, so the form asks before the article is saved."""
        body = self.cleaned_data["body"]
        for number, alt in enumerate(img_alts(body), start=1):
            if not alt.strip():
                raise forms.ValidationError(self.MISSING_ALT.format(number))
        return body


class VietnameseHistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin with its page titles in Vietnamese (it ships no vi locale)."""

    def history_view_title(self, request, obj):
        return f"Lịch sử thay đổi: {obj}"

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return f"Xem phiên bản: {obj}"
        return f"Khôi phục phiên bản: {obj}"


class TrashFilter(admin.SimpleListFilter):
    """Articles in use by default; "Thùng rác" lists the deleted ones, to restore."""

    title = "thùng rác"
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("1", "Bài trong thùng rác")]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "Bài đang dùng",
        }
        yield {
            "selected": self.value() == "1",
            "query_string": changelist.get_query_string({self.parameter_name: "1"}),
            "display": "Bài trong thùng rác",
        }

    def queryset(self, request, queryset):
        return queryset.in_trash() if self.value() == "1" else queryset.alive()


class SubsiteLimitedAdmin:
    """What a writer or editor limited to some sub-sites (`Subsite.editors`) may see and touch:
    the rows of those sub-sites only. `subsite_path` leads from the admin's model to its
    sub-site. Provincial staff (no sub-site given) see everything."""

    subsite_path = "subsite"

    def row_subsite_id(self, obj):
        for name in self.subsite_path.split("__")[:-1]:
            obj = getattr(obj, name)
        return getattr(obj, f"{self.subsite_path.split('__')[-1]}_id")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        allowed = limited_subsite_ids(request.user)
        if allowed is None:
            return qs
        return qs.filter(**{f"{self.subsite_path}__in": allowed})

    def allows(self, request, obj) -> bool:
        allowed = limited_subsite_ids(request.user)
        return obj is None or allowed is None or self.row_subsite_id(obj) in allowed

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.allows(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.allows(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.allows(request, obj)

    def limit_subsite_field(self, request, kwargs, *, writable_only=False):
        """Form field arguments for the `subsite` foreign key: a limited user picks among their
        own sub-sites (the province's site is not a choice), a provincial one among all."""
        allowed = limited_subsite_ids(request.user)
        if allowed is None:
            kwargs["empty_label"] = "— Trang tỉnh —"
            return kwargs
        choices = Subsite.objects.filter(pk__in=allowed)
        if writable_only:
            choices = choices.current()
        kwargs.update(
            queryset=choices,
            required=True,
            empty_label=None,
            error_messages=subsite_field_messages(list(choices)),
        )
        return kwargs


class ArchiveFilter(admin.SimpleListFilter):
    """Archives (units that have ended) or current sub-sites, by the rule of `Subsite.is_archived`."""

    title = "lưu trữ"
    parameter_name = "luu-tru"

    def lookups(self, request, model_admin):
        return [("1", "Lưu trữ (đơn vị đã kết thúc)"), ("0", "Đang hoạt động")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.archived()
        if self.value() == "0":
            return queryset.current()
        return queryset


@admin.register(Category)
class CategoryAdmin(SubsiteLimitedAdmin, VietnameseHistoryAdmin):
    list_display = ("name", "parent", "subsite", "order", "in_menu")
    list_editable = ("order", "in_menu")
    # Filters list only what the editor's rows use: a limited editor sees no other site's names.
    list_filter = (
        "in_menu",
        ("subsite", admin.RelatedOnlyFieldListFilter),
        ("parent", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("parent", "subsite")
    search_fields = ("name",)
    prepopulated_fields = {}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = limited_subsite_ids(request.user)
        if db_field.name == "subsite":
            kwargs = self.limit_subsite_field(request, kwargs)
        elif db_field.name == "parent" and allowed is not None:
            kwargs["queryset"] = Category.objects.filter(parent__isnull=True, subsite_id__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Subsite)
class SubsiteAdmin(SubsiteLimitedAdmin, admin.ModelAdmin):
    """Sub-sites are made by provincial editors; an editor given a sub-site may change its name,
    banner, intro and links, not whom it belongs to or who edits it."""

    subsite_path = "pk"
    list_display = ("name", "unit", "archive_state", "slug")
    list_filter = (ArchiveFilter,)
    list_select_related = ("unit",)
    search_fields = ("name", "unit__name")
    fields = ("unit", "name", "slug", "banner", "intro", "links", "archive_state", "editors")
    readonly_fields = ("archive_state",)
    filter_horizontal = ("editors",)
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}

    def row_subsite_id(self, obj):
        return obj.pk

    def has_add_permission(self, request):
        return super().has_add_permission(request) and limited_subsite_ids(request.user) is None

    def has_delete_permission(self, request, obj=None):
        # Articles and categories hold on to their sub-site (PROTECT): deleting one with content
        # is refused by the admin's own confirmation page.
        return super().has_delete_permission(request, obj) and limited_subsite_ids(request.user) is None

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("slug")  # the address never changes, so old links keep working
        if limited_subsite_ids(request.user) is not None:
            fields += ["unit", "editors"]
        return fields

    @admin.display(description="lưu trữ")
    def archive_state(self, obj):
        """Read-only: an archive follows its unit's end date (`Subsite.is_archived`), which is
        changed on the unit."""
        if obj is None or obj.pk is None or obj.unit_id is None:
            return "Theo ngày kết thúc hoạt động của đơn vị."
        if obj.is_archived:
            return f"Lưu trữ: đơn vị đã kết thúc hoạt động từ {obj.ended_on:%d/%m/%Y}."
        if obj.unit.valid_to:
            return f"Đang hoạt động; đơn vị kết thúc hoạt động từ {obj.ended_on:%d/%m/%Y}."
        return "Đang hoạt động."

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    readonly_fields = ("slug",)


@admin.register(Article)
class ArticleAdmin(SubsiteLimitedAdmin, VietnameseHistoryAdmin):
    """Writers ("Phóng viên") write and send for review; editors ("Biên tập viên") publish.

    Publishing needs the `articles.publish_article` permission; without it the status can only
    be draft or review, and a writer edits only their own unpublished articles.

    A writer or editor given sub-sites (`Subsite.editors`) works on those sub-sites' articles
    only (SubsiteLimitedAdmin); an archived sub-site takes no new article.

    Nothing an editor does loses work: every save is a version in the history ("Lịch sử"), any
    version can be restored, and "delete" moves the article to the trash, from which editors
    (who hold `delete_article`) restore it. Only a superuser empties the trash.
    """

    actions = ["move_to_trash", "restore_from_trash", "purge_from_trash"]

    class Media:
        # Warns before leaving with unsaved changes (CKEditor content included); articles.css
        # fits the list's columns and the wide title field at 1280 px.
        js = ["js/admin/unsaved-changes.js", "js/admin/summary-embed.js"]
        css = {"all": ["css/admin/unsaved-changes.css", "css/admin/articles.css"]}

    # Values that belong to the article's life, not to a version of its text: restoring an
    # old version keeps today's trash state and authorship (and its views, kept apart in
    # `ArticleViews`).
    kept_on_restore = ("deleted_at", "deleted_by_id", "created_by_id", "created_at")
    history_list_display = ("status", "tag_names")

    form = ArticleAdminForm
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}
    list_display = (
        "title",
        "category_name",
        "subsite",
        "status_label",
        "featured",
        "published_label",
        "view_count",
        "preview_link",
    )
    list_filter = (
        TrashFilter,
        "status",
        ("subsite", admin.RelatedOnlyFieldListFilter),
        ("category", admin.RelatedOnlyFieldListFilter),
        "is_featured",
        "published_at",
    )
    list_select_related = ("category", "subsite")
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
        (None, {"fields": ("title", "slug", "subsite", "category", "lead", "body")}),
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

    @admin.display(description="Chuyên mục", ordering="category__name")
    def category_name(self, obj):
        return obj.category.name

    @admin.display(description="Trạng thái", ordering="status")
    def status_label(self, obj):
        """ "Hẹn giờ 08:00 05/12/2026" for a published article whose time has not come yet:
        the public does not see it until then."""
        if obj.status == Article.Status.PUBLISHED and obj.published_at > timezone.now():
            return format_html('<span class="scheduled">Hẹn giờ {}</span>', vn_time_date(obj.published_at))
        return obj.get_status_display()

    @admin.display(description="Nổi bật", boolean=True, ordering="is_featured")
    def featured(self, obj):
        return obj.is_featured

    @admin.display(description="Xuất bản", ordering="published_at")
    def published_label(self, obj):
        return vn_time_date(obj.published_at)

    @admin.display(description="Lượt xem", ordering="view_count")
    def view_count(self, obj):
        return vn_number(getattr(obj, "view_count", 0))

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

    def get_historical_record_context_helper(self, request, historical_record):
        return ArticleHistoryHelper(self.model, historical_record)

    # What a version is: these change on every save or by themselves, so they never make one.
    not_a_change = ("updated_at", "updated_by", "search_text", "search_vector")

    def is_unchanged(self, obj, form) -> bool:
        """Nothing an editor changed: the stored row holds the same values (the body compared
        by meaning, see `same_html`) and the tags are the same."""
        if "tags" in form.changed_data:
            return False
        names = [f.attname for f in Article._meta.concrete_fields if f.name not in self.not_a_change]
        stored = Article.objects.filter(pk=obj.pk).values(*names).first()
        if stored is None:
            return False
        for name in names:
            value = getattr(obj, name)
            value = getattr(value, "name", value)  # a file: its stored name
            if name == "body" and same_html(stored[name] or "", obj.cleaned_body()):
                continue
            if (stored[name] or "") != (value or ""):
                return False
        return True

    def get_queryset(self, request):
        qs = super().get_queryset(request).with_views()
        if self.can_publish(request):
            return qs
        return qs.filter(created_by=request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or self.can_publish(request):
            return allowed
        return allowed and obj.created_by_id == request.user.pk and obj.status != Article.Status.PUBLISHED

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "subsite":
            kwargs = self.limit_subsite_field(request, kwargs, writable_only=True)
        elif db_field.name == "category":
            allowed = limited_subsite_ids(request.user)
            categories = Category.objects.select_related("parent")
            if allowed is not None:
                categories = categories.filter(subsite_id__in=allowed)
            kwargs.update(queryset=categories, form_class=SiteLabelChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
        else:
            current = (
                Article.objects.filter(pk=obj.pk).values(*self.kept_on_restore, "slug", "status").first()
            )
            if current:
                for name in self.kept_on_restore:
                    setattr(obj, name, current[name])
                if current["status"] == Article.Status.PUBLISHED:
                    obj.slug = current["slug"]  # a published slug never changes, restore or not
        obj.updated_by = request.user
        if change and self.is_unchanged(obj, form):
            obj.skip_history_when_saving = True  # django-simple-history: no empty version
        super().save_model(request, obj, form, change)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        version = getattr(obj, "_history", None)  # set when the admin shows an old version
        if version is None or "tags" not in form.base_fields:
            return form

        class VersionForm(form):
            """The change form of an old version, with that version's tags."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                # As the tag field expects its initial value: objects with a name.
                self.initial["tags"] = [SimpleNamespace(name=n) for n in parse_tags(version.tag_names)]

        return VersionForm

    def get_list_display(self, request):
        if request.GET.get(TrashFilter.parameter_name) == "1":
            return ("title", "category", "status", "deleted_at", "deleted_by")
        return super().get_list_display(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        in_trash = request.GET.get(TrashFilter.parameter_name) == "1"
        for name in ("move_to_trash",) if in_trash else ("restore_from_trash", "purge_from_trash"):
            actions.pop(name, None)
        if not request.user.is_superuser:
            actions.pop("purge_from_trash", None)
        actions.pop("delete_selected", None)  # replaced by "move_to_trash"
        return actions

    # --- Trash: "delete" is reversible ---------------------------------------------------------
    def delete_model(self, request, obj):
        obj.move_to_trash(request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article.move_to_trash(request.user)

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(
            request,
            f"Đã chuyển bài viết “{obj_display}” vào thùng rác. Biên tập viên có thể khôi phục trong "
            "bộ lọc “Thùng rác”.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def get_deleted_objects(self, objs, request):
        """The confirmation lists only the articles: nothing related is deleted with them."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        return [str(o) for o in objs], {"bài viết": len(objs)}, perms_needed, protected

    @admin.action(description="Chuyển các bài đã chọn vào thùng rác", permissions=["delete"])
    def move_to_trash(self, request, queryset):
        trashed = list(queryset.alive())
        self.delete_queryset(request, trashed)
        self.message_user(request, f"Đã chuyển {len(trashed)} bài viết vào thùng rác.", messages.SUCCESS)

    @admin.action(description="Khôi phục các bài đã chọn từ thùng rác", permissions=["delete"])
    def restore_from_trash(self, request, queryset):
        restored = list(queryset.in_trash())
        for article in restored:
            article.restore_from_trash()
        self.message_user(request, f"Đã khôi phục {len(restored)} bài viết.", messages.SUCCESS)

    @admin.action(description="Xóa vĩnh viễn các bài đã chọn (không thể hoàn tác)", permissions=["delete"])
    def purge_from_trash(self, request, queryset):
        if not request.user.is_superuser:
            return
        doomed = queryset.in_trash()
        count = doomed.count()
        doomed.delete()
        self.message_user(request, f"Đã xóa vĩnh viễn {count} bài viết.", messages.WARNING)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if request.method == "GET" and article is not None and article.in_trash:
            self.message_user(
                request,
                "Bài viết này đang ở trong thùng rác: công chúng không xem được. Dùng thao tác "
                "“Khôi phục” trong danh sách bài viết (bộ lọc “Thùng rác”) để khôi phục.",
                messages.WARNING,
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Comment)
class CommentAdmin(SubsiteLimitedAdmin, admin.ModelAdmin):
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
    # Everything but the moderation decision is what the reader sent: never edited.
    readonly_fields = tuple(f for f in fields if f != "status")
    list_per_page = 50
    subsite_path = "article__subsite"

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
