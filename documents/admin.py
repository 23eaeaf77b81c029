from django.contrib import admin
from django.template.defaultfilters import filesizeformat

from articles.admin import SubsiteLimitedAdmin

from .models import Document


@admin.register(Document)
class DocumentAdmin(SubsiteLimitedAdmin, admin.ModelAdmin):
    """Provincial editors and staff manage the library. The file is checked from its content
    (documents.files) and its text extracted for search when it is saved.

    A document belongs to the province (no sub-site) or to a unit's sub-site. An editor given
    sub-sites (`Subsite.editors`) sees, adds, changes and deletes only those sub-sites'
    documents, as with their articles (SubsiteLimitedAdmin: the one rule of a unit's scope).
    """

    list_display = ("number", "kind", "issuer", "subsite", "issued_on", "status_display", "is_published")
    list_filter = (
        "kind",
        # Only the sub-sites of the editor's own rows: a limited editor sees no other unit's name.
        ("subsite", admin.RelatedOnlyFieldListFilter),
        "is_published",
        ("issued_on", admin.DateFieldListFilter),
    )
    list_select_related = ("subsite",)
    search_fields = ("number", "summary", "issuer")
    date_hierarchy = "issued_on"
    autocomplete_fields = ("replaces", "amends")
    filter_horizontal = ("fields",)
    readonly_fields = ("slug", "file_info")
    fieldsets = (
        (
            None,
            {"fields": ("number", "kind", "issuer", "signer", "subsite", "summary", "is_published", "slug")},
        ),
        ("Ngày tháng", {"fields": ("issued_on", "effective_on", "expires_on")}),
        ("Tệp văn bản", {"fields": ("file", "file_info")}),
        ("Liên quan", {"fields": ("fields", "replaces", "amends")}),
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "subsite":
            # A limited editor picks one of their own sub-sites that still works (an archive is
            # read-only); another unit, or the province, is refused on the field.
            kwargs = self.limit_subsite_field(request, kwargs, writable_only=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="hiệu lực")
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description="tệp đã lưu")
    def file_info(self, obj):
        if not obj.file:
            return "Chưa có tệp."
        words = len(obj.text.split())
        size = filesizeformat(obj.file_size) if obj.file_size else "?"
        extracted = (
            f"{words} từ trích được để tìm kiếm" if words else "không trích được chữ (tệp DOC hoặc bản quét)"
        )
        return f"{obj.file_kind.upper()}, {size}; {extracted}."
