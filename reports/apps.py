from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo Dân vận khéo"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import roles

        post_migrate.connect(roles.sync_groups_on_migrate, sender=self, dispatch_uid="reports-groups")
        self.connect_page_cache()

    def connect_page_cache(self):
        """The public showcase is page-cached and the province summary kept: any change to what
        they show renews them."""
        from django.db.models.signals import post_delete, post_save

        from articles.signals import bump_content_version

        for name in (
            "CampaignReport",
            "FieldResult",
            "ExemplaryModel",
            "District",
            "Field",
            "ReportingPeriod",
        ):
            model = self.get_model(name)
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{name}")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bumpd-{name}")
