from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Tin bài"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import history, roles, signals  # noqa: F401

        signals.connect()
        post_migrate.connect(roles.sync_groups_on_migrate, sender=self, dispatch_uid="articles-groups")
