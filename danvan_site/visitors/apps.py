from django.apps import AppConfig


class VisitorsConfig(AppConfig):
    name = "danvan_site.visitors"
    label = "visitors"
    verbose_name = "Thống kê truy cập"
