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
            "ModelProgress",
        ):
            model = self.get_model(name)
            post_save.connect(reports_changed, sender=model, dispatch_uid=f"reports-{name}", weak=False)
            post_delete.connect(reports_changed, sender=model, dispatch_uid=f"reports-d-{name}", weak=False)

        # A model's place in the showcase follows its approved reports (`refresh_showcase`): a
        # report approved or returned, a model's stage in a report, a period's year; and a saved
        # model, which writes back the year it was read with.
        ExemplaryModel = self.get_model("ExemplaryModel")
        models_of = {
            "CampaignReport": lambda report: ExemplaryModel.objects.filter(progress__report=report),
            "ModelProgress": lambda progress: ExemplaryModel.objects.filter(pk=progress.model_id),
            "ReportingPeriod": lambda period: ExemplaryModel.objects.filter(progress__report__period=period),
            "ExemplaryModel": lambda model: ExemplaryModel.objects.filter(pk=model.pk),
        }
        for name, models in models_of.items():

            def showcase_changed(instance, models=models, **kwargs):
                models(instance).refresh_showcase()

            model = self.get_model(name)
            post_save.connect(showcase_changed, sender=model, dispatch_uid=f"showcase-{name}", weak=False)
            post_delete.connect(showcase_changed, sender=model, dispatch_uid=f"showcase-d-{name}", weak=False)
