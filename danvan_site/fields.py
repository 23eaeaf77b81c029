"""Model helpers shared by the apps."""

from django.conf import settings
from django.db import models


def acting_user(verbose_name: str, *, editable: bool = False) -> models.ForeignKey:
    """A foreign key recording which user did something (created, moderated, reviewed …).

    Optional, never reversed from the user, and kept as NULL if the account is deleted, so the
    record it stamps survives its author.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        editable=editable,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class TimeStamped(models.Model):
    """When a row was created and last changed."""

    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        abstract = True
