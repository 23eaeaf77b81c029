import csv
import io
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports.demo import CON_CUONG_2020_FIGURES, KY_SON_TERM
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    FieldResultFactory,
    ReportingPeriodFactory,
    ReturnedReportFactory,
    SubmittedReportFactory,
    UnitFactory,
    figures,
)

pytestmark = pytest.mark.django_db

# Càng Long 2017: 890 models registered (kinh tế 472, văn hóa – xã hội 298, quốc phòng – an ninh 92,
# xây dựng hệ thống chính trị 28), 74 chosen for commendation.
CANG_LONG_2017 = [
    (280, 192, 150, 110, 24, 16),
    (160, 138, 90, 70, 12, 10),
    (52, 40, 30, 20, 4, 4),
    (16, 12, 10, 6, 2, 2),
    (0, 0, 0, 0, 0, 0),
]
# Registered, built, recognized, commended over the three units: Con Cuông built the 53 models it
# registered; the other two give no "xây dựng" figure, so it is their recognized figure.
EXPECTED_TOTALS = (890 + 53 + 156, 486 + 53 + 123, 486 + 38 + 123, 74 + 18 + 101)


@pytest.fixture
def real_period(fields, con_cuong, ky_son):
    """One period with the three real reports, approved."""
    period = ReportingPeriodFactory(name="Kỳ số liệu thật")
    cang_long = UnitFactory(name="Huyện Càng Long")
    cang_long_rows = [figures(*row) for row in CANG_LONG_2017]
    ky_son_rows = [figures(*row) for row in KY_SON_TERM]
    for district, rows in (
        (cang_long, cang_long_rows),
        (con_cuong, CON_CUONG_2020_FIGURES),
        (ky_son, ky_son_rows),
    ):
        report = ApprovedReportFactory(unit=district, period=period)
        for field, row in zip(fields, rows, strict=True):
            FieldResultFactory(report=report, field=field, **row)
    return period


def _url(period, **params):
    url = reverse("reports:summary", args=[period.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_page_totals_match_the_real_figures(province_client, real_period, fields):
    summary = province_client.get(_url(real_period)).context["summary"]
    assert summary.grand_total.values() == EXPECTED_TOTALS
    assert summary.column_totals[0].registered == 472 + 16 + 56
    assert summary.by_field[0].figures["commended_individual"] == 16 + 2 + 18


def test_page_shows_the_grand_totals(province_client, real_period):
    html = province_client.get(_url(real_period)).content.decode()
    assert f'data-total="registered">{EXPECTED_TOTALS[0]}<' in html
    assert f'data-total="built">{EXPECTED_TOTALS[1]}<' in html
    assert f'data-total="commended">{EXPECTED_TOTALS[3]}<' in html


def test_csv_totals_equal_the_page(province_client, real_period):
    response = province_client.get(_url(real_period, format="csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # BOM: Excel reads the marks
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    total = next(r for r in rows if r and r[0] == "Tổng cộng")
    assert tuple(int(v) for v in total[3:7]) == EXPECTED_TOTALS  # after group, unit, status
    assert any(len(r) > 1 and r[1] == "Huyện Con Cuông" for r in rows)


def test_xlsx_totals_equal_the_page_as_numbers(province_client, real_period):
    response = province_client.get(_url(real_period, format="xlsx"))
    assert response["Content-Disposition"] == f'attachment; filename="tong-hop-{real_period.slug}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content))["Theo đơn vị"]
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Tổng cộng")
    assert tuple(total[3:7]) == EXPECTED_TOTALS  # ints, not formulas or text


def test_unknown_export_format_is_404(province_client, real_period):
    assert province_client.get(_url(real_period, format="pdf")).status_code == 404


def test_submitted_reports_count_only_with_the_switch(province_client, fields):
    period = ReportingPeriodFactory()
    FieldResultFactory(report=ApprovedReportFactory(period=period), field=fields[0], **figures(10))
    FieldResultFactory(report=SubmittedReportFactory(period=period), field=fields[0], **figures(5))
    CampaignReportFactory(period=period)  # a draft never counts
    assert province_client.get(_url(period)).context["summary"].grand_total.registered == 10
    with_submitted = province_client.get(_url(period, include_submitted=1)).context["summary"]
    assert with_submitted.grand_total.registered == 15


def test_completeness_lists_who_has_not_submitted_and_who_was_late(
    province_client, con_cuong, xa_con_cuong, xa_muong_xen
):
    period = ReportingPeriodFactory(deadline=timezone.localdate() - timedelta(days=2))
    on_time = UnitFactory(name="Xã Đúng Hạn", kind="commune")
    late = UnitFactory(name="Xã Nộp Muộn", kind="commune")
    SubmittedReportFactory(unit=on_time, period=period, first_submitted_at=timezone.now() - timedelta(days=3))
    ApprovedReportFactory(unit=late, period=period, first_submitted_at=timezone.now())
    CampaignReportFactory(unit=xa_con_cuong, period=period)  # still a draft
    summary = province_client.get(_url(period)).context["summary"]
    assert xa_con_cuong in summary.missing
    assert xa_muong_xen in summary.missing  # no report at all
    assert con_cuong not in summary.missing  # the district ended before this period
    assert on_time not in summary.missing and late not in summary.missing
    assert [r.unit for r in summary.late] == [late]
    assert "Chưa nộp" in province_client.get(_url(period)).content.decode()


def test_missing_units_are_marked_overdue_only_after_the_deadline(province_client):
    past = ReportingPeriodFactory(deadline=timezone.localdate() - timedelta(days=1))
    future = ReportingPeriodFactory(deadline=timezone.localdate() + timedelta(days=1))
    assert "đã quá hạn" in province_client.get(_url(past)).content.decode()
    assert "đã quá hạn" not in province_client.get(_url(future)).content.decode()


def test_a_retired_unit_keeps_its_row_in_its_period(province_client, fields):
    period = ReportingPeriodFactory()
    successor = UnitFactory(name="Thành phố Sau Sáp Nhập")
    retired = UnitFactory(name="Thị xã Đã Sáp Nhập", valid_to=timezone.localdate() - timedelta(days=400))
    successor.predecessors.add(retired)
    FieldResultFactory(
        report=ApprovedReportFactory(unit=retired, period=period), field=fields[0], **figures(4)
    )
    summary = province_client.get(_url(period)).context["summary"]
    row = next(r for r in summary.rows if r.unit == retired)
    assert row.total.registered == 4
    assert retired not in summary.missing


def test_figures_across_years_follow_the_successor(province_client, fields):
    successor = UnitFactory(name="Thành phố Kế Thừa")
    retired = UnitFactory(name="Thị xã Cũ", kind="town", valid_to=timezone.localdate() - timedelta(days=400))
    successor.predecessors.add(retired)
    old = ReportingPeriodFactory(name="Năm 2023", year=2023)
    new = ReportingPeriodFactory(name="Năm 2026", year=2026)
    FieldResultFactory(report=ApprovedReportFactory(unit=retired, period=old), field=fields[0], **figures(7))
    FieldResultFactory(
        report=ApprovedReportFactory(unit=successor, period=new), field=fields[0], **figures(9)
    )
    trend = province_client.get(reverse("reports:summary_index")).context["trend"]
    assert [row.unit for row in trend] == [successor]
    assert [c.registered for c in trend[0].cells if c.registered] == [7, 9]


def test_a_retired_field_keeps_its_column_where_it_has_figures(province_client, fields):
    period = ReportingPeriodFactory()
    fields[4].is_active = False
    fields[4].save()
    FieldResultFactory(report=ApprovedReportFactory(period=period), field=fields[4], **figures(3))
    other = ReportingPeriodFactory()
    assert fields[4] in province_client.get(_url(period)).context["summary"].fields
    assert fields[4] not in province_client.get(_url(other)).context["summary"].fields


def test_chart_has_a_bar_per_stage_and_field(province_client, real_period, fields):
    html = province_client.get(_url(real_period)).content.decode()
    assert html.count('class="bar bar-') == 4 * len(fields)
    assert f"{fields[0].name} — Đăng ký: {472 + 16 + 56}" in html


# Constant in the number of units: session, user, 2 × permissions, the periods (kept: the switch
# and this one), fields, reports, units, the counted figures with their notes, the previous
# period of the same kind and its figures (2), the lineage (units, links, the districts found:
# 3), the quotas, plus the site settings and menu of base.html (2) and the session's own save (3).
SUMMARY_QUERY_BUDGET = 20


@pytest.mark.parametrize("units", [3, 135])
def test_summary_query_count_does_not_grow_with_units(
    province_client, fields, units, django_assert_max_num_queries
):
    ReportingPeriodFactory(name="Cùng kỳ trước", deadline=timezone.localdate() - timedelta(days=365))
    period = ReportingPeriodFactory()
    for _ in range(units):
        report = ApprovedReportFactory(period=period)
        for field in fields:
            FieldResultFactory(report=report, field=field, **figures(3, 2, 1))
    with django_assert_max_num_queries(SUMMARY_QUERY_BUDGET):
        response = province_client.get(_url(period))
    assert response.status_code == 200


@pytest.mark.parametrize("units", [3, 135])
def test_xlsx_query_count_does_not_grow_with_units(
    province_client, fields, units, django_assert_max_num_queries
):
    period = ReportingPeriodFactory()
    for _ in range(units):
        FieldResultFactory(report=ApprovedReportFactory(period=period), field=fields[0], **figures(1))
    with django_assert_max_num_queries(SUMMARY_QUERY_BUDGET):
        assert province_client.get(_url(period, format="xlsx")).status_code == 200


def test_a_kept_summary_is_renewed_by_a_review_and_a_figure_change(province_client, fields, con_cuong):
    period = ReportingPeriodFactory()
    report = SubmittedReportFactory(unit=con_cuong, period=period)
    result = FieldResultFactory(report=report, field=fields[0], **figures(10))
    for _ in range(2):  # built, then kept
        assert 'data-total="registered">0<' in province_client.get(_url(period)).content.decode()

    report.approve(report.submitted_by)
    html = province_client.get(_url(period)).content.decode()
    assert 'data-total="registered">10<' in html

    result.registered_collective = 12
    result.save()
    html = province_client.get(_url(period)).content.decode()
    assert 'data-total="registered">12<' in html


def test_a_kept_workbook_is_renewed_by_a_figure_change(province_client, fields, con_cuong):
    period = ReportingPeriodFactory()
    result = FieldResultFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=period), field=fields[0], **figures(10)
    )

    def registered_total():
        content = province_client.get(_url(period, format="xlsx")).content
        sheet = load_workbook(io.BytesIO(content))["Theo đơn vị"]
        return next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Tổng cộng")[3]

    assert registered_total() == registered_total() == 10  # built, then kept
    result.registered_collective = 12
    result.save()
    assert registered_total() == 12


def test_a_district_never_gets_the_province_summary_kept_for_others(
    province_client, district_user, fields, con_cuong, ky_son
):
    period = ReportingPeriodFactory()
    for district, n in ((con_cuong, 4), (ky_son, 7)):
        FieldResultFactory(
            report=ApprovedReportFactory(unit=district, period=period), field=fields[0], **figures(n)
        )
    assert 'data-total="registered">11<' in province_client.get(_url(period)).content.decode()
    district_client = Client()
    district_client.force_login(district_user)
    html = district_client.get(_url(period)).content.decode()
    assert 'data-total="registered">4<' in html
    assert ky_son.name not in html


def test_a_period_expects_the_units_in_force_on_its_deadline(province_client, fields):
    old = UnitFactory(name="Huyện Đã Giải Thể", kind="district", valid_to=date(2025, 6, 30))
    new = UnitFactory(name="Xã Mới Lập", kind="commune", valid_from=date(2025, 7, 1))
    p2024 = ReportingPeriodFactory(name="Năm 2024 thử", year=2024, deadline=date(2024, 12, 15))
    p2026 = ReportingPeriodFactory(name="Năm 2026 thử", year=2026, deadline=date(2026, 12, 15))
    s2024 = province_client.get(_url(p2024)).context["summary"]
    s2026 = province_client.get(_url(p2026)).context["summary"]
    assert old in s2024.missing and new not in s2024.missing
    assert new in s2026.missing and old not in s2026.missing
    assert old not in [row.unit for row in s2026.rows]


def test_a_returned_report_is_listed_as_returned_not_as_never_submitted(province_client, con_cuong):
    period = ReportingPeriodFactory(deadline=timezone.localdate() - timedelta(days=2))
    ReturnedReportFactory(unit=con_cuong, period=period)
    response = province_client.get(_url(period))
    summary = response.context["summary"]
    assert con_cuong not in summary.missing
    assert [r.unit for r in summary.returned] == [con_cuong]
    html = response.content.decode()
    returned = html[html.index("Bị trả lại — chờ sửa (1)") :].split("</ul>", 1)[0]
    assert con_cuong.name in returned
    not_submitted = html[html.index("Chưa nộp (") :].split("</div>", 1)[0]
    assert con_cuong.name not in not_submitted


# --- 135 units: groups, filters, sorting, "so với cùng kỳ", exports ---------------------------


@pytest.fixture
def reform_periods(fields, con_cuong, ky_son, xa_con_cuong, xa_muong_xen):
    """Năm 2024 filed by the districts, Năm 2026 by communes formed from them."""
    p2024 = ReportingPeriodFactory(name="Năm 2024 thử", year=2024, deadline=date(2024, 12, 10))
    p2026 = ReportingPeriodFactory(name="Năm 2026 thử", year=2026, deadline=date(2026, 12, 10))
    for unit, period, n in (
        (con_cuong, p2024, 5),
        (ky_son, p2024, 7),
        (xa_con_cuong, p2026, 3),
        (xa_muong_xen, p2026, 4),
    ):
        FieldResultFactory(
            report=ApprovedReportFactory(unit=unit, period=period), field=fields[0], **figures(n)
        )
    return p2024, p2026


def test_communes_are_grouped_under_their_former_district_with_a_group_total(province_client, reform_periods):
    summary = province_client.get(_url(reform_periods[1])).context["summary"]
    group = next(g for g in summary.groups if g.label == "Huyện Con Cuông")
    assert {row.unit.name for row in group.rows} == {
        "Xã Con Cuông",
        "Xã Bình Chuẩn",
        "Xã Mậu Thạch",
        "Xã Cam Phục",
        "Xã Châu Khê",
        "Xã Môn Sơn",
    }
    assert group.total.registered == 3
    assert sum(g.total.registered for g in summary.groups) == summary.grand_total.registered == 7
    html = province_client.get(_url(reform_periods[1])).content.decode()
    assert 'data-group="huyen-con-cuong"' in html and 'class="group-toggle' in html


def test_so_voi_cung_ky_maps_new_units_to_former_districts(province_client, reform_periods, fields):
    summary = province_client.get(_url(reform_periods[1])).context["summary"]
    assert summary.previous_period == reform_periods[0]
    by_label = {c.label: c for c in summary.compare_groups}
    assert (
        by_label["Huyện Con Cuông"].current.registered,
        by_label["Huyện Con Cuông"].previous.registered,
    ) == (3, 5)
    assert (by_label["Huyện Kỳ Sơn"].current.registered, by_label["Huyện Kỳ Sơn"].previous.registered) == (
        4,
        7,
    )
    assert summary.compare_fields[0].previous.registered == 12
    assert summary.compare_total.change()[0] == 7 - 12
    assert "So với cùng kỳ: Năm 2024 thử" in province_client.get(_url(reform_periods[1])).content.decode()


def test_filters_by_kind_and_status_and_totals_follow(province_client, reform_periods):
    period = reform_periods[1]
    wards = province_client.get(_url(period, loai="ward")).context["summary"]
    assert wards.rows and {row.unit.kind for row in wards.rows} == {"ward"}
    assert wards.grand_total.registered == 0
    approved = province_client.get(_url(period, **{"tinh-trang": "approved"})).context["summary"]
    assert {row.unit.name for row in approved.rows} == {"Xã Con Cuông", "Xã Mường Xén"}
    assert approved.grand_total.registered == 7
    missing = province_client.get(_url(period, **{"tinh-trang": "missing"})).context["summary"]
    assert len(missing.rows) == 135 - 2  # 130 communes and 5 committees in force, less the two filers


def test_sorting_by_a_column_orders_groups_and_rows(province_client, reform_periods):
    period = reform_periods[1]
    down = province_client.get(_url(period, **{"sap-xep": "total-registered", "chieu": "giam"})).context[
        "summary"
    ]
    assert [g.label for g in down.groups[:2]] == ["Huyện Kỳ Sơn", "Huyện Con Cuông"]
    assert down.groups[1].rows[0].unit.name == "Xã Con Cuông"
    html = province_client.get(_url(period, **{"sap-xep": "name"})).content.decode()
    assert 'aria-sort="ascending"' in html
    # A tampered sort falls back to the units' own order, never an error.
    assert province_client.get(_url(period, **{"sap-xep": "x-y"})).status_code == 200


def test_folded_groups_open_with_their_checkbox_unticked(province_client, reform_periods):
    html = province_client.get(_url(reform_periods[1], **{"thu-gon": "1"})).content.decode()
    assert 'class="group-toggle no-print" checked' not in html
    assert "Mở tất cả các nhóm" in html
    unfolded = province_client.get(_url(reform_periods[1])).content.decode()
    assert 'class="group-toggle no-print" checked' in unfolded


def test_exports_keep_the_grouping_and_the_filtered_totals(province_client, reform_periods):
    period = reform_periods[1]
    response = province_client.get(_url(period, format="csv", **{"tinh-trang": "approved"}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    group = next(r for r in rows if r and r[0] == "Huyện Con Cuông" and r[1].startswith("Cộng"))
    unit = next(r for r in rows if len(r) > 1 and r[1] == "Xã Con Cuông")
    total = next(r for r in rows if r and r[0] == "Tổng cộng")
    assert unit[0] == "Huyện Con Cuông" and int(group[3]) == int(unit[3]) == 3
    assert int(total[3]) == 7
    sheet = load_workbook(io.BytesIO(province_client.get(_url(period, format="xlsx")).content))
    assert "So với cùng kỳ" in sheet.sheetnames
    xlsx_total = next(r for r in sheet["Theo đơn vị"].iter_rows(values_only=True) if r[0] == "Tổng cộng")
    assert xlsx_total[3] == 7


def test_exports_escape_cells_that_a_spreadsheet_would_run(province_client, fields):
    period = ReportingPeriodFactory()
    for name in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"):
        UnitFactory(name=name)
    rows = list(
        csv.reader(io.StringIO(province_client.get(_url(period, format="csv")).content.decode("utf-8-sig")))
    )
    names = {r[1] for r in rows if len(r) > 1}
    assert {'\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)"} <= names
    sheet = load_workbook(io.BytesIO(province_client.get(_url(period, format="xlsx")).content))["Theo đơn vị"]
    cells = {c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)}
    assert '\'=HYPERLINK("http://x")' in cells and '=HYPERLINK("http://x")' not in cells
