"""One exemplary model across periods: carried over, its stage per period, its public history."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports.models import CampaignReport, ExemplaryModel, ModelProgress, ModelQuota, Unit
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    ExemplaryModelFactory,
    FieldResultFactory,
    ReportingPeriodFactory,
    figures,
)
from tests.reports.helpers import report_form_data

pytestmark = pytest.mark.django_db


# Today's periods are filed by the units in force today (SPEC "Units over time"): the demo
# district accounts' communes stand in for the former districts here.
@pytest.fixture
def con_cuong(xa_con_cuong):
    return xa_con_cuong


@pytest.fixture
def ky_son(xa_muong_xen):
    return xa_muong_xen


Stage = ExemplaryModel.Stage


def _periods():
    earlier = ReportingPeriodFactory(name="Năm 2024", year=2024, deadline=date(2024, 12, 10), is_open=False)
    later = ReportingPeriodFactory(name="Năm 2026", year=2026)
    return earlier, later


def _row(model, **changes):
    return (model, changes)


# --- Carry-over and stages --------------------------------------------------------------------


def test_a_new_report_starts_from_the_units_models_in_progress(district_client, con_cuong, ky_son):
    earlier, later = _periods()
    in_progress = ExemplaryModelFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=earlier),
        stage=Stage.REGISTERED,
        name="Bản sạch đẹp",
    )
    ExemplaryModelFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=ReportingPeriodFactory()),
        stage=Stage.COMMENDED,
        name="Đã khen thưởng xong",
    )
    ExemplaryModelFactory(report=ApprovedReportFactory(unit=ky_son, period=earlier), name="Của Kỳ Sơn")
    html = district_client.get(reverse("reports:create") + f"?ky={later.slug}").content.decode()
    assert "Bản sạch đẹp" in html
    assert f'value="{in_progress.pk}"' in html
    assert "Đã khen thưởng xong" not in html
    assert "Của Kỳ Sơn" not in html


def test_updating_a_carried_model_records_its_stage_in_the_new_period(district_client, con_cuong, fields):
    earlier, later = _periods()
    model = ExemplaryModelFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=earlier), stage=Stage.REGISTERED
    )
    data = report_form_data(period=later, existing=[_row(model, stage=Stage.RECOGNIZED)])
    response = district_client.post(reverse("reports:create"), data)
    assert response.status_code == 302
    report = CampaignReport.objects.get(unit=con_cuong, period=later)
    assert ExemplaryModel.objects.filter(unit=con_cuong).count() == 1  # one model, not a copy
    stages = list(model.progress.order_by("report__period__deadline").values_list("stage", flat=True))
    assert stages == [Stage.REGISTERED, Stage.RECOGNIZED]
    model.refresh_from_db()
    assert model.stage == Stage.RECOGNIZED
    assert report.exemplary_models.get() == model


def test_a_stage_that_goes_backwards_is_refused(district_client, con_cuong):
    earlier, later = _periods()
    model = ExemplaryModelFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=earlier), stage=Stage.COMMENDED
    )
    report = CampaignReportFactory(unit=con_cuong, period=later)
    response = district_client.post(
        report.get_absolute_url(), report_form_data(existing=[_row(model, stage=Stage.REGISTERED)])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mô hình đã đạt mức “Được khen thưởng” ở kỳ Năm 2024; mức đạt không được lùi về “Đăng ký”." in html
    assert not ModelProgress.objects.filter(report=report).exists()


def test_another_units_model_cannot_be_moved_into_a_report(district_client, con_cuong, ky_son):
    earlier, later = _periods()
    theirs = ExemplaryModelFactory(
        report=ApprovedReportFactory(unit=ky_son, period=earlier), stage=Stage.REGISTERED
    )
    report = CampaignReportFactory(unit=con_cuong, period=later)
    data = report_form_data(existing=[_row(theirs, stage=Stage.RECOGNIZED)])
    html = district_client.post(report.get_absolute_url(), data).content.decode()
    assert "Mô hình này thuộc đơn vị khác" in html
    assert not ModelProgress.objects.filter(report=report).exists()
    theirs.refresh_from_db()
    assert theirs.unit == ky_son


def test_outside_the_registration_window_new_models_are_refused_with_the_dates(
    district_client, con_cuong, fields
):
    today = timezone.localdate()
    period = ReportingPeriodFactory(
        name="Năm 2026",
        registration_starts=today - timedelta(days=60),
        registration_ends=today - timedelta(days=1),
    )
    report = CampaignReportFactory(unit=con_cuong, period=period)
    new = {
        "name": "Mô hình mới",
        "field": fields[0].pk,
        "kind": "collective",
        "holder": "Xã A",
        "stage": "registered",
    }
    html = district_client.post(report.get_absolute_url(), report_form_data(models=[new])).content.decode()
    starts, ends = period.registration_starts, period.registration_ends
    assert f"nhận đăng ký mô hình mới từ {starts:%d/%m/%Y} đến {ends:%d/%m/%Y}" in html
    assert not ExemplaryModel.objects.filter(name="Mô hình mới").exists()


def test_on_submit_the_figures_must_count_the_models_the_report_names(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    new = [
        {
            "name": f"Mô hình {i}",
            "field": fields[0].pk,
            "kind": "collective",
            "holder": "Xã A",
            "stage": "recognized",
        }
        for i in range(2)
    ]
    rows = {fields[0]: (5, 0, 1, 0, 0, 0)}
    html = district_client.post(
        report.get_absolute_url(), report_form_data(rows=rows, models=new, action="submit")
    ).content.decode()
    assert "Báo cáo nêu tên 2 mô hình tập thể mức công nhận trở lên ở lĩnh vực này" in html
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT
    # A draft may be saved meanwhile.
    assert (
        district_client.post(report.get_absolute_url(), report_form_data(rows=rows, models=new)).status_code
        == 302
    )


def test_on_submit_the_built_figure_must_count_the_models_named_as_built(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    new = [
        {
            "name": "Mô hình đang xây dựng",
            "field": fields[0].pk,
            "kind": "collective",
            "holder": "Xã A",
            "stage": "built",
        }
    ]
    rows = {fields[0]: (3, 0, 0, 0, 0, 0, 0, 0)}  # registered 3, built 0
    response = district_client.post(
        report.get_absolute_url(), report_form_data(rows=rows, models=new, action="submit")
    )
    form = next(f for f in response.context["filing"].table.forms if f.instance.field == fields[0])
    assert form.errors == {
        "built_collective": [
            "Báo cáo nêu tên 1 mô hình tập thể mức xây dựng trở lên ở lĩnh vực này: số xây dựng không được nhỏ hơn 1."
        ]
    }
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT


def test_over_the_quota_the_province_sees_it_in_the_summary(province_client, con_cuong):
    period = ReportingPeriodFactory()
    ModelQuota.objects.create(period=period, unit_kind=con_cuong.kind, collective=1, individual=5)
    report = ApprovedReportFactory(unit=con_cuong, period=period)
    ExemplaryModelFactory.create_batch(2, report=report, kind=ExemplaryModel.Kind.COLLECTIVE)
    html = province_client.get(reverse("reports:summary", args=[period.slug])).content.decode()
    assert 'id="over-quota"' in html
    assert "Xã Con Cuông: 2 mô hình tập thể, chỉ tiêu 1" in html


# --- The figures agree everywhere --------------------------------------------------------------


def test_the_report_page_summary_csv_and_xlsx_show_the_same_totals(
    province_client, con_cuong, ky_son, fields
):
    period = ReportingPeriodFactory()
    reports = [ApprovedReportFactory(unit=unit, period=period) for unit in (con_cuong, ky_son)]
    FieldResultFactory(report=reports[0], field=fields[0], **figures(7, 3, 4, 2, 1, 1, built=(6, 2)))
    FieldResultFactory(report=reports[0], field=fields[2], **figures(2, 0, 1, 0, 0, 0, built=(2, 0)))
    FieldResultFactory(report=reports[1], field=fields[1], **figures(9, 1, 5, 1, 2, 0, built=(8, 1)))
    for report in reports:
        ExemplaryModelFactory(report=report, stage=Stage.RECOGNIZED)
    stages = ("registered", "built", "recognized", "commended")
    expected = (7 + 3 + 2 + 9 + 1, 6 + 2 + 2 + 8 + 1, 4 + 2 + 1 + 5 + 1, 1 + 1 + 2)

    page_totals = (0, 0, 0, 0)
    for report in reports:
        html = province_client.get(report.get_absolute_url()).content.decode()
        values = tuple(int(re.search(rf'data-report-total="{s}">(\d+)<', html).group(1)) for s in stages)
        page_totals = tuple(a + b for a, b in zip(page_totals, values, strict=True))
    url = reverse("reports:summary", args=[period.slug])
    html = province_client.get(url).content.decode()
    summary = tuple(int(re.search(rf'data-total="{s}">(\d+)<', html).group(1)) for s in stages)
    rows = list(csv.reader(io.StringIO(province_client.get(url + "?format=csv").content.decode("utf-8-sig"))))
    # Group, unit, status, then the totals' four figures (as on the page), then each field's.
    csv_total = tuple(int(v) for v in next(r for r in rows if r and r[0] == "Tổng cộng")[3:7])
    sheet = load_workbook(io.BytesIO(province_client.get(url + "?format=xlsx").content))["Theo đơn vị"]
    xlsx_total = tuple(next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Tổng cộng")[3:7])
    assert page_totals == summary == csv_total == xlsx_total == expected


# --- The showcase page: the model's history --------------------------------------------------


def _history(model, units_and_stages):
    for year, (unit, stage) in enumerate(units_and_stages, start=2017):
        period = ReportingPeriodFactory(
            name=f"Năm {year}", year=year, deadline=date(year, 12, 10), is_open=False
        )
        ModelProgress.objects.create(
            report=ApprovedReportFactory(unit=unit, period=period), model=model, stage=stage
        )


def test_the_model_page_shows_its_history_across_the_merger(client):
    con_cuong = Unit.objects.get(name="Huyện Con Cuông")
    commune = Unit.objects.get(name="Xã Môn Sơn")  # seeded: formed from communes of Con Cuông
    model = ExemplaryModelFactory(
        report=None, unit=commune, name="Bản văn hóa Khe Rạn", stage=Stage.COMMENDED
    )
    _history(model, [(con_cuong, Stage.REGISTERED), (con_cuong, Stage.BUILT), (commune, Stage.COMMENDED)])
    html = client.get(model.get_absolute_url()).content.decode()
    rows = re.findall(r"<tr data-history-row>(.*?)</tr>", html, re.S)
    assert len(rows) == 3
    assert "Năm 2017" in rows[0] and "Đăng ký" in rows[0] and "Huyện Con Cuông" in rows[0]
    assert "(nay là Xã Môn Sơn)" in rows[0]
    assert "Xây dựng" in rows[1]
    assert "Năm 2019" in rows[2] and "Được khen thưởng" in rows[2] and "Xã Môn Sơn" in rows[2]


def test_unapproved_stages_stay_out_of_the_public_history(client, con_cuong):
    model = ExemplaryModelFactory(report=ApprovedReportFactory(unit=con_cuong), stage=Stage.RECOGNIZED)
    draft = CampaignReportFactory(unit=con_cuong, period=ReportingPeriodFactory(name="Kỳ đang làm"))
    ModelProgress.objects.create(report=draft, model=model, stage=Stage.COMMENDED)
    html = client.get(model.get_absolute_url()).content.decode()
    assert "Kỳ đang làm" not in html


@pytest.mark.parametrize("length", [1, 6])
def test_the_model_page_query_count_does_not_grow_with_its_history(
    client, con_cuong, length, django_assert_max_num_queries
):
    model = ExemplaryModelFactory(report=None, unit=con_cuong, stage=Stage.RECOGNIZED)
    _history(model, [(con_cuong, Stage.RECOGNIZED)] * length)
    client.get(model.get_absolute_url())  # warm the kept menu and site settings
    # model, history, plus what base.html reads (visitor figures)
    with django_assert_max_num_queries(8):
        assert client.get(model.get_absolute_url()).status_code == 200
