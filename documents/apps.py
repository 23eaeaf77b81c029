from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import roles, signals

        signals.connect()
        post_migrate.connect(roles.sync_groups_on_migrate, sender=self, dispatch_uid="documents-groups")
