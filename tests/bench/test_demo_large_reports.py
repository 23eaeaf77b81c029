"""The benchmark's bulk reports must be real reports to the summary and the showcase."""

from datetime import date

import pytest
from django.urls import reverse

from reports.demo_large import seed_large_reports
from reports.models import CampaignReport, ExemplaryModel, FieldResult, ReportingPeriod, Unit

pytestmark = pytest.mark.django_db


def test_bulk_reports_cover_every_unit_and_period_with_valid_figures():
    assert CampaignReport.objects.count() == 0
    assert seed_large_reports(units=30, periods=3) == 90
    assert CampaignReport.objects.values("unit", "period").distinct().count() == 90
    assert Unit.objects.count() >= 30 and ReportingPeriod.objects.count() >= 3
    # The units that pad the periods before the reform are one pool reporting every period, as a
    # real province's units do, not a new set of units for each period.
    short = [p for p in ReportingPeriod.objects.all() if p.deadline < date(2025, 7, 1)]
    archive = Unit.objects.filter(name__startswith="Đơn vị lưu trữ")
    assert archive.exists() and len(short) >= 2
    assert max(u.reports.count() for u in archive) == len(short)
    assert FieldResult.objects.count() == 90 * FieldResult.objects.values("field").distinct().count()
    for result in FieldResult.objects.all():
        assert result.commended_collective <= result.recognized_collective <= result.registered_collective
        assert result.commended_individual <= result.recognized_individual <= result.registered_individual


def test_bulk_reports_are_not_written_twice():
    seed_large_reports(units=5, periods=2)
    counts = (CampaignReport.objects.count(), FieldResult.objects.count(), ExemplaryModel.objects.count())
    assert seed_large_reports(units=5, periods=2) == 0
    assert counts == (
        CampaignReport.objects.count(),
        FieldResult.objects.count(),
        ExemplaryModel.objects.count(),
    )


def test_bulk_models_of_approved_reports_are_in_the_showcase(client):
    seed_large_reports(units=5, periods=2)
    model = ExemplaryModel.objects.filter(progress__report__status=CampaignReport.Status.APPROVED).first()
    assert model.name in client.get(reverse("reports:showcase")).content.decode()
    assert client.get(model.get_absolute_url()).status_code == 200
