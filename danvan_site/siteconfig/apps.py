from django.apps import AppConfig


class SiteConfigConfig(AppConfig):
    name = "danvan_site.siteconfig"
    label = "siteconfig"
    verbose_name = "Cấu hình trang"
