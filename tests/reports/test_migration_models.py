"""The migration that moves models from one report to their unit keeps every model."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("reports", "0005_reminders_and_figure_notes")]
AFTER = [("reports", "0007_models_belong_to_their_unit")]


@pytest.mark.django_db(transaction=True)
def test_existing_models_keep_their_row_slug_and_stage_in_their_report():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Unit, Period = old.get_model("reports", "Unit"), old.get_model("reports", "ReportingPeriod")
    Report, Field = old.get_model("reports", "CampaignReport"), old.get_model("reports", "Field")
    Model = old.get_model("reports", "ExemplaryModel")
    unit = Unit.objects.create(name="Huyện Thử Di Chuyển", slug="huyen-thu-di-chuyen")
    field = Field.objects.create(name="Lĩnh vực thử di chuyển")
    period = Period.objects.create(
        name="Kỳ thử di chuyển", slug="ky-thu-di-chuyen", year=2024, deadline="2024-12-10"
    )
    report = Report.objects.create(unit=unit, period=period, status="approved")
    for i, stage in enumerate(["registered", "recognized", "commended"]):
        Model.objects.create(
            report=report,
            name=f"Mô hình {i}",
            slug=f"mo-hinh-di-chuyen-{i}",
            field=field,
            holder="Bản A",
            stage=stage,
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Model, Progress = new.get_model("reports", "ExemplaryModel"), new.get_model("reports", "ModelProgress")
    models = Model.objects.filter(slug__startswith="mo-hinh-di-chuyen-").order_by("slug")
    assert [(m.name, m.unit_id, m.stage) for m in models] == [
        ("Mô hình 0", unit.pk, "registered"),
        ("Mô hình 1", unit.pk, "recognized"),
        ("Mô hình 2", unit.pk, "commended"),
    ]
    assert sorted(Progress.objects.filter(report_id=report.pk).values_list("stage", flat=True)) == [
        "commended",
        "recognized",
        "registered",
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the latest state for the next tests
