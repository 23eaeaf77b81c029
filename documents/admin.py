from django.contrib import admin
from django.template.defaultfilters import filesizeformat

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Provincial editors and staff manage the library. The file is checked from its content
    (documents.files) and its text extracted for search when it is saved."""

    list_display = ("number", "kind", "issuer", "issued_on", "status_display", "is_published")
    list_filter = ("kind", "is_published", ("issued_on", admin.DateFieldListFilter))
    search_fields = ("number", "summary", "issuer")
    date_hierarchy = "issued_on"
    autocomplete_fields = ("replaces", "amends")
    filter_horizontal = ("fields",)
    readonly_fields = ("slug", "file_info")
    fieldsets = (
        (None, {"fields": ("number", "kind", "issuer", "signer", "summary", "is_published", "slug")}),
        ("Ngày tháng", {"fields": ("issued_on", "effective_on", "expires_on")}),
        ("Tệp văn bản", {"fields": ("file", "file_info")}),
        ("Liên quan", {"fields": ("fields", "replaces", "amends")}),
    )

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
