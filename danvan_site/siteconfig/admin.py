from django.contrib import admin
from django.db import models

from danvan_site.images import ImageUploadField

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fields = ("site_name", "tagline", "banner", "footer_lines", "links")
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
