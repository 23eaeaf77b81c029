"""A note on each field's figures; "Nộp báo cáo" confirmed before the report is locked."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.models import CampaignReport, FieldResult
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    FieldResultFactory,
    SubmittedReportFactory,
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


NOTE = "Có 2 mô hình chuyển từ kỳ trước, chờ công nhận."


def _with_note(data, field, note):
    data[f"fr-{field.pk}-note"] = note
    return data


# --- Notes ----------------------------------------------------------------------------------


def test_unit_staff_add_a_note_to_a_fields_figures(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    data = _with_note(report_form_data(rows={fields[0]: (4, 0, 2, 0, 0, 0)}), fields[0], NOTE)
    district_client.post(report.get_absolute_url(), data)
    assert FieldResult.objects.get(report=report, field=fields[0]).note == NOTE
    assert NOTE in district_client.get(report.get_absolute_url()).content.decode()


def test_a_note_too_long_is_refused_on_the_field_and_kept(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    long_note = "Ghi chú rất dài. " * 80
    data = _with_note(report_form_data(rows={fields[0]: (4, 0, 2, 0, 0, 0)}), fields[0], long_note)
    response = district_client.post(report.get_absolute_url(), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ghi chú dài tối đa 1000 ký tự" in html
    assert long_note.strip() in html
    assert not FieldResult.objects.filter(report=report).exists()


def test_the_province_sees_the_note_beside_the_figures_when_reviewing(province_client, fields):
    report = SubmittedReportFactory()
    FieldResultFactory(report=report, field=fields[1], note=NOTE, **figures(3, 1))
    html = province_client.get(report.get_absolute_url()).content.decode()
    assert f'<td class="note-cell" data-figure-note>{NOTE}</td>' in html


def test_the_notes_are_in_the_csv_and_xlsx_exports(province_client, fields, con_cuong):
    report = ApprovedReportFactory(unit=con_cuong)
    FieldResultFactory(report=report, field=fields[1], note=NOTE, **figures(3, 1))
    url = reverse("reports:summary", args=[report.period.slug])
    rows = list(csv.reader(io.StringIO(province_client.get(url + "?format=csv").content.decode("utf-8-sig"))))
    assert [con_cuong.name, fields[1].name, NOTE] in rows
    sheet = load_workbook(io.BytesIO(province_client.get(url + "?format=xlsx").content))["Ghi chú"]
    assert (con_cuong.name, fields[1].name, NOTE) in list(sheet.iter_rows(values_only=True))


# --- Confirm before locking -----------------------------------------------------------------


def test_the_form_asks_in_a_dialog_before_submitting(district_client, con_cuong):
    report = CampaignReportFactory(unit=con_cuong)
    html = district_client.get(report.get_absolute_url()).content.decode()
    assert 'id="submit-dialog"' in html
    assert "Nộp báo cáo sẽ khóa báo cáo" in html


def test_without_javascript_submit_saves_the_draft_and_asks_on_a_page(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    data = report_form_data(rows={fields[0]: (5, 0, 3, 0, 1, 0)}, action="submit", confirmed=False)
    response = district_client.post(report.get_absolute_url(), data)
    confirm_url = reverse("reports:submit", args=[report.pk])
    assert response.status_code == 302 and response["Location"] == confirm_url
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT
    assert FieldResult.objects.get(report=report, field=fields[0]).registered_collective == 5

    page = district_client.get(confirm_url).content.decode()
    assert "Xác nhận nộp báo cáo" in page
    assert "đăng ký 5, xây dựng 3, công nhận 3, khen thưởng 1" in page

    response = district_client.post(confirm_url)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED


def test_a_new_report_submitted_without_javascript_is_confirmed_too(district_client, fields):
    from tests.factories import ReportingPeriodFactory

    period = ReportingPeriodFactory()
    data = report_form_data(
        rows={fields[0]: (2, 0, 0, 0, 0, 0)}, action="submit", period=period, confirmed=False
    )
    response = district_client.post(reverse("reports:create"), data)
    report = CampaignReport.objects.get(period=period)
    assert response["Location"] == reverse("reports:submit", args=[report.pk])
    assert report.status == CampaignReport.Status.DRAFT


def test_the_confirmation_page_refuses_an_incomplete_draft(district_client, con_cuong):
    report = CampaignReportFactory(unit=con_cuong, summary="")
    url = reverse("reports:submit", args=[report.pk])
    html = district_client.post(url).content.decode()
    assert "Cần nhập đánh giá chung trước khi nộp báo cáo." in html
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT


def test_a_submitted_report_is_not_confirmed_again(district_client, con_cuong):
    report = SubmittedReportFactory(unit=con_cuong)
    response = district_client.get(reverse("reports:submit", args=[report.pk]))
    assert response["Location"] == report.get_absolute_url()
    assert district_client.post(reverse("reports:submit", args=[report.pk])).status_code == 403


def test_another_units_report_cannot_be_submitted(district_client, ky_son):
    report = CampaignReportFactory(unit=ky_son)
    assert district_client.post(reverse("reports:submit", args=[report.pk])).status_code == 404
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT
