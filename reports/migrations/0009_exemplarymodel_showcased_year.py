from django.db import migrations, models
from django.db.models import Case, Exists, OuterRef, Subquery, When


def fill_showcased_year(apps, schema_editor):
    """The rule of `ExemplaryModelQuerySet.refresh_showcase`, for the models already there."""
    ExemplaryModel = apps.get_model("reports", "ExemplaryModel")
    ModelProgress = apps.get_model("reports", "ModelProgress")
    approved = ModelProgress.objects.filter(model=OuterRef("pk"), report__status="approved")
    shown = approved.filter(stage__in=["recognized", "commended"])
    last = approved.order_by("-report__period__year").values("report__period__year")[:1]
    ExemplaryModel.objects.update(showcased_year=Case(When(Exists(shown), then=Subquery(last)), default=None))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0008_built_figure"),
    ]

    operations = [
        migrations.AddField(
            model_name="exemplarymodel",
            name="showcased_year",
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name="năm ghi nhận gần nhất"),
        ),
        migrations.RunPython(fill_showcased_year, migrations.RunPython.noop),
    ]
