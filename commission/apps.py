from django.apps import AppConfig


class CommissionConfig(AppConfig):
    name = "commission"
    verbose_name = "Giới thiệu, lịch công tác, hỏi đáp"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from danvan_site import caching

        from . import roles

        post_migrate.connect(roles.sync_groups_on_migrate, sender=self, dispatch_uid="commission-groups")

        # The commission's pages are kept until what they show changes.
        def commission_changed(sender, instance=None, created=False, **kwargs):
            Question = self.get_model("Question")
            if sender is Question and created and instance.status == Question.Status.PENDING:
                return  # a reader's new question shows nowhere until it is answered
            caching.bump(caching.COMMISSION)

        for name in ("CommissionPage", "Department", "Leader", "ScheduleItem", "Question"):
            model = self.get_model(name)
            post_save.connect(commission_changed, sender=model, dispatch_uid=f"commission-{name}", weak=False)
            post_delete.connect(
                commission_changed, sender=model, dispatch_uid=f"commission-d-{name}", weak=False
            )
