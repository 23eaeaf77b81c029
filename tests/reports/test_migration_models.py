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


@pytest.mark.django_db(transaction=True)
def test_the_built_figure_is_added_without_changing_any_existing_figure():
    before = [("reports", "0007_models_belong_to_their_unit")]
    after = [("reports", "0008_built_figure")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Unit, Period = old.get_model("reports", "Unit"), old.get_model("reports", "ReportingPeriod")
    Report, Field = old.get_model("reports", "CampaignReport"), old.get_model("reports", "Field")
    Result, Model = old.get_model("reports", "FieldResult"), old.get_model("reports", "ExemplaryModel")
    Progress = old.get_model("reports", "ModelProgress")
    unit = Unit.objects.create(name="Huyện Thử Xây Dựng", slug="huyen-thu-xay-dung")
    field = Field.objects.create(name="Lĩnh vực thử xây dựng")
    period = Period.objects.create(
        name="Kỳ thử xây dựng", slug="ky-thu-xay-dung", year=2024, deadline="2024-12-10"
    )
    report = Report.objects.create(unit=unit, period=period, status="approved")
    old_figures = {
        "registered_collective": 9,
        "registered_individual": 4,
        "recognized_collective": 2,
        "recognized_individual": 1,
        "commended_collective": 1,
        "commended_individual": 0,
    }
    result = Result.objects.create(report=report, field=field, **old_figures)
    # The report names three collective models built or beyond: more than its 2 recognized.
    for i, stage in enumerate(["built", "built", "recognized", "registered"]):
        model = Model.objects.create(
            unit=unit,
            name=f"Mô hình {i}",
            slug=f"mo-hinh-xay-dung-{i}",
            field=field,
            holder="Bản A",
            stage=stage,
        )
        Progress.objects.create(report=report, model=model, stage=stage)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    migrated = new.get_model("reports", "FieldResult").objects.get(pk=result.pk)
    assert {name: getattr(migrated, name) for name in old_figures} == old_figures
    assert (migrated.built_collective, migrated.built_individual) == (3, 1)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the latest state for the next tests
