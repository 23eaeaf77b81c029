from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo Dân vận khéo"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from danvan_site import caching

        from . import roles

        post_migrate.connect(roles.sync_groups_on_migrate, sender=self, dispatch_uid="reports-groups")

        # The showcase and the province summary are kept until what they show changes.
        def reports_changed(**kwargs):
            caching.bump(caching.REPORTS)

        for name in (
            "CampaignReport",
            "FieldResult",
            "ExemplaryModel",
            "Unit",
            "Field",
            "ReportingPeriod",
        ):
            model = self.get_model(name)
            post_save.connect(reports_changed, sender=model, dispatch_uid=f"reports-{name}", weak=False)
            post_delete.connect(reports_changed, sender=model, dispatch_uid=f"reports-d-{name}", weak=False)
