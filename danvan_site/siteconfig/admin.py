from django.contrib import admin
from django.db import models

from danvan_site.images import ImageUploadField

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    # Uploads are judged from their content, with our own Vietnamese refusals (danvan_site.images).
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}
    fieldsets = (
        (None, {"fields": ("site_name", "tagline", "banner", "footer_lines", "links")}),
        (
            "Liên hệ",
            {
                "fields": (
                    "address",
                    "phone",
                    "email",
                    "contact_name",
                    "contact_title",
                    "contact_phone",
                    "contact_email",
                    "map_image",
                    "map_alt",
                )
            },
        ),
        (
            "Lịch bảo trì",
            {
                "fields": ("maintenance_starts_at", "maintenance_ends_at", "maintenance_message"),
                "description": "Mọi trang hiện thông báo «Hệ thống tạm dừng để bảo trì từ … đến …» "
                "từ 7 ngày trước khi bắt đầu đến khi kết thúc.",
            },
        ),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
