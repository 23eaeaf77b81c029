from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import CampaignReport, FieldResult, ReportingPeriod, WorkflowError
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    ExemplaryModelFactory,
    FieldResultFactory,
    ReportingPeriodFactory,
    ReturnedReportFactory,
    SubmittedReportFactory,
    figures,
)
from tests.reports.helpers import report_form_data

pytestmark = pytest.mark.django_db

LIST = reverse("reports:list")
# An extra model row left untouched, as a browser posts it (the selects keep their defaults).
BLANK_MODEL_ROW = {"name": "", "field": "", "kind": "collective", "holder": "", "stage": "registered"}
CREATE = reverse("reports:create")


# --- Access and district isolation ----------------------------------------------------------


def test_staff_pages_send_anonymous_visitors_to_the_login(client):
    report = CampaignReportFactory()
    for url in (
        LIST,
        CREATE,
        report.get_absolute_url(),
        reverse("reports:summary", args=[report.period.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")


def test_list_shows_only_my_districts_reports(district_client, con_cuong, ky_son):
    mine = CampaignReportFactory(unit=con_cuong)
    theirs = CampaignReportFactory(unit=ky_son)
    html = district_client.get(LIST).content.decode()
    assert f'href="{mine.get_absolute_url()}"' in html
    assert f'href="{theirs.get_absolute_url()}"' not in html


def test_province_list_filters_by_status(province_client):
    submitted, draft = SubmittedReportFactory(), CampaignReportFactory()
    html = province_client.get(LIST, {"status": "submitted"}).content.decode()
    assert f'href="{submitted.get_absolute_url()}"' in html
    assert f'href="{draft.get_absolute_url()}"' not in html


def test_another_districts_report_is_404(district_client, ky_son):
    other = CampaignReportFactory(unit=ky_son)
    assert district_client.get(other.get_absolute_url()).status_code == 404


def test_editing_another_districts_report_is_404_and_changes_nothing(district_client, ky_son, fields):
    other = CampaignReportFactory(unit=ky_son, summary="<p>Gốc</p>")
    data = report_form_data(rows={fields[0]: (9, 9, 0, 0, 0, 0)}, summary="<p>Sửa trộm</p>")
    assert district_client.post(other.get_absolute_url(), data).status_code == 404
    other.refresh_from_db()
    assert other.summary == "<p>Gốc</p>"
    assert not other.field_results.exists()


def test_district_export_holds_only_their_own_district(district_client, con_cuong, ky_son, fields):
    period = ReportingPeriodFactory()
    FieldResultFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=period), field=fields[0], **figures(7)
    )
    FieldResultFactory(
        report=ApprovedReportFactory(unit=ky_son, period=period), field=fields[0], **figures(900)
    )
    url = reverse("reports:summary", args=[period.slug])
    csv = district_client.get(url, {"format": "csv"}).content.decode("utf-8-sig")
    assert "Huyện Con Cuông" in csv
    assert "Huyện Kỳ Sơn" not in csv
    assert "900" not in csv


def test_district_staff_cannot_review(district_client, con_cuong):
    report = SubmittedReportFactory(unit=con_cuong)
    response = district_client.post(reverse("reports:review", args=[report.pk]), {"action": "approve"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED


# --- Filing ---------------------------------------------------------------------------------


def test_unit_files_a_draft_for_an_open_period(commune_client, commune_user, xa_con_cuong, fields):
    period = ReportingPeriodFactory()
    data = report_form_data(period=period, rows={fields[0]: (16, 0, 5, 0, 2, 0)})
    response = commune_client.post(CREATE, data)
    report = CampaignReport.objects.get(unit=xa_con_cuong, period=period)
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    assert report.status == CampaignReport.Status.DRAFT
    assert report.created_by == commune_user
    assert report.field_results.get(field=fields[0]).registered_collective == 16
    assert report.field_results.count() == len(fields)


def test_a_closed_period_takes_no_new_report(district_client, con_cuong):
    period = ReportingPeriodFactory(is_open=False)
    response = district_client.post(CREATE, report_form_data(period=period))
    assert response.status_code == 200
    assert "Kỳ này đã đóng hoặc đơn vị đã có báo cáo cho kỳ này." in response.content.decode()
    assert not CampaignReport.objects.filter(period=period).exists()


def test_a_second_report_for_the_same_period_is_refused(district_client, con_cuong):
    existing = CampaignReportFactory(unit=con_cuong)
    response = district_client.post(CREATE, report_form_data(period=existing.period))
    assert "Kỳ này đã đóng hoặc đơn vị đã có báo cáo cho kỳ này." in response.content.decode()
    assert CampaignReport.objects.filter(period=existing.period).count() == 1


def test_province_staff_cannot_file_a_report(province_client):
    assert province_client.get(CREATE).status_code == 403


def test_submitting_locks_the_report(district_client, district_user, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    data = report_form_data(rows={fields[1]: (29, 0, 0, 0, 0, 0)}, action="submit")
    district_client.post(report.get_absolute_url(), data)
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED
    assert report.submitted_by == district_user
    page = district_client.get(report.get_absolute_url()).content.decode()
    assert 'id="report-form"' not in page
    assert district_client.post(report.get_absolute_url(), data).status_code == 403


def test_a_draft_in_a_closed_period_is_kept_but_not_submitted(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong, period=ReportingPeriodFactory(is_open=False))
    page = district_client.get(report.get_absolute_url()).content.decode()
    assert 'id="period-closed"' in page
    assert 'value="submit"' not in page  # no "Nộp báo cáo" button to press

    rows = {fields[0]: (7, 0, 0, 0, 0, 0)}
    response = district_client.post(report.get_absolute_url(), report_form_data(rows=rows, action="submit"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kỳ báo cáo đã khóa sổ, không nhận báo cáo mới" in body
    assert 'value="7"' in body  # what was typed comes back
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT
    assert report.first_submitted_at is None

    district_client.post(report.get_absolute_url(), report_form_data(rows=rows, action="save"))
    assert report.field_results.get(field=fields[0]).registered_collective == 7


def test_a_returned_report_may_come_back_after_the_period_closed(district_client, con_cuong, fields):
    report = ReturnedReportFactory(unit=con_cuong, period=ReportingPeriodFactory(is_open=False))
    data = report_form_data(rows={fields[0]: (4, 0, 0, 0, 0, 0)}, action="submit")
    district_client.post(report.get_absolute_url(), data)
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED


def test_a_period_closed_while_the_form_was_open_refuses_the_submission(con_cuong, district_user):
    report = CampaignReportFactory(unit=con_cuong)
    ReportingPeriod.objects.filter(pk=report.period_id).update(is_open=False)
    report.period.refresh_from_db()
    with pytest.raises(WorkflowError, match="khóa sổ"):
        report.submit(district_user)
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT


def test_submitting_without_summary_is_refused_but_a_draft_is_fine(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong, summary="")
    rows = {fields[0]: (3, 0, 0, 0, 0, 0)}
    response = district_client.post(
        report.get_absolute_url(), report_form_data(rows=rows, summary="", action="submit")
    )
    assert "Cần nhập đánh giá chung trước khi nộp báo cáo." in response.content.decode()
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.DRAFT
    district_client.post(report.get_absolute_url(), report_form_data(rows=rows, summary="", action="save"))
    assert report.field_results.get(field=fields[0]).registered_collective == 3


def test_submitting_without_any_figure_is_refused(district_client, con_cuong):
    report = CampaignReportFactory(unit=con_cuong)
    response = district_client.post(report.get_absolute_url(), report_form_data(action="submit"))
    assert "Cần nhập số liệu ít nhất một lĩnh vực trước khi nộp báo cáo." in response.content.decode()


def test_models_rows_are_added_changed_and_removed(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    keep = ExemplaryModelFactory(report=report, name="Mô hình giữ lại")
    drop = ExemplaryModelFactory(report=report, name="Mô hình bỏ đi")
    new = {
        "name": "Bản du lịch cộng đồng",
        "field": fields[0].pk,
        "kind": "collective",
        "holder": "Bản Khe Rạn",
    }
    new["stage"] = "registered"
    data = report_form_data(
        existing=[(keep, {"name": "Mô hình đã đổi tên"}), (drop, {"DELETE": "on"})],
        models=[new, BLANK_MODEL_ROW],
    )
    response = district_client.post(report.get_absolute_url(), data)
    assert response.status_code == 302
    assert sorted(report.exemplary_models.values_list("name", flat=True)) == [
        "Bản du lịch cộng đồng",
        "Mô hình đã đổi tên",
    ]


# --- Figure validation: message on the wrong figure, nothing typed lost ---------------------


def _post_figures(client, report, fields, row, **extra):
    data = report_form_data(rows={fields[0]: row}, summary="<p>Nội dung đã gõ</p>", **extra)
    return client.post(report.get_absolute_url(), data)


@pytest.mark.parametrize(
    ("row", "bad_field", "message"),
    [
        (("-3", "0", "0", "0", "0", "0"), "registered_collective", "Số liệu không được âm."),
        (("2.5", "0", "0", "0", "0", "0"), "registered_collective", "Nhập số nguyên (0, 1, 2 …)."),
        (("mười", "0", "0", "0", "0", "0"), "registered_collective", "Nhập số nguyên (0, 1, 2 …)."),
        (
            ("4", "0", "6", "0", "0", "0", "0", "0"),
            "built_collective",
            "Số xây dựng không được lớn hơn số đăng ký (4).",
        ),
        (
            ("9", "0", "4", "0", "6", "0", "0", "0"),
            "recognized_collective",
            "Số công nhận không được lớn hơn số xây dựng (4).",
        ),
        (
            ("9", "9", "5", "5", "1", "7"),
            "commended_individual",
            "Số khen thưởng không được lớn hơn số công nhận (5).",
        ),
    ],
)
def test_a_bad_figure_is_refused_on_that_figure(district_client, con_cuong, fields, row, bad_field, message):
    report = CampaignReportFactory(unit=con_cuong)
    response = _post_figures(district_client, report, fields, row)
    assert response.status_code == 200
    form = next(f for f in response.context["filing"].table.forms if f.instance.field == fields[0])
    assert form.errors == {bad_field: [message]}
    assert message in response.content.decode()
    assert not FieldResult.objects.filter(report=report).exists()


def test_after_an_error_everything_typed_is_shown_again(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong, summary="")
    model = {"name": "Mô hình chưa lưu", "field": fields[0].pk, "kind": "individual", "holder": "Ông A"}
    model["stage"] = "registered"
    response = _post_figures(district_client, report, fields, ("12", "-1", "", "", "", ""), models=[model])
    html = response.content.decode()
    assert f'name="fr-{fields[0].pk}-registered_collective" value="12"' in html
    assert f'name="fr-{fields[0].pk}-registered_individual" value="-1"' in html
    assert "Mô hình chưa lưu" in html
    assert "Nội dung đã gõ" in html
    assert not report.exemplary_models.exists()


def test_server_totals_add_up_the_typed_figures(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    rows = {fields[0]: (10, 6, 7, 4, 3, 2), fields[1]: (17, 12, 12, 8, 5, 3)}
    district_client.post(report.get_absolute_url(), report_form_data(rows=rows))
    html = district_client.get(report.get_absolute_url()).content.decode()
    assert '<td class="total" data-col-total="registered">45</td>' in html
    assert '<td class="total" data-col-total="commended">13</td>' in html


# --- Review ---------------------------------------------------------------------------------


def test_province_approves_a_submitted_report(province_client, province_user):
    report = SubmittedReportFactory()
    response = province_client.post(reverse("reports:review", args=[report.pk]), {"action": "approve"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.APPROVED
    assert report.reviewed_by == province_user


def test_returning_without_a_note_asks_for_one(province_client):
    report = SubmittedReportFactory()
    response = province_client.post(
        reverse("reports:review", args=[report.pk]), {"action": "return", "note": ""}
    )
    assert response.status_code == 200
    assert response.context["review_form"].errors == {"note": ["Ghi rõ cần sửa gì khi trả lại báo cáo."]}
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED


def test_the_district_sees_the_note_and_can_fix_and_resubmit(
    district_client, province_user, con_cuong, fields
):
    report = SubmittedReportFactory(unit=con_cuong)
    report.return_to_unit(province_user, "Bổ sung số liệu quốc phòng – an ninh.")
    page = district_client.get(report.get_absolute_url()).content.decode()
    assert "Bổ sung số liệu quốc phòng – an ninh." in page
    assert 'id="report-form"' in page
    data = report_form_data(rows={fields[2]: (2, 0, 1, 0, 0, 0)}, action="submit")
    district_client.post(report.get_absolute_url(), data)
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED


def test_an_approved_report_cannot_be_reviewed_again(province_client):
    report = ApprovedReportFactory()
    response = province_client.post(
        reverse("reports:review", args=[report.pk]), {"action": "return", "note": "x"}
    )
    assert "Báo cáo không ở trạng thái chờ duyệt." in response.content.decode()
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.APPROVED


def test_review_buttons_show_only_on_submitted_reports(province_client):
    submitted, returned = SubmittedReportFactory(), ReturnedReportFactory()
    assert "Duyệt báo cáo" in province_client.get(submitted.get_absolute_url()).content.decode()
    assert "Duyệt báo cáo" not in province_client.get(returned.get_absolute_url()).content.decode()


# --- History --------------------------------------------------------------------------------


def test_history_shows_who_changed_which_figure(district_client, district_user, con_cuong, fields):
    district_user.first_name, district_user.last_name = "Mai", "Lô Thị"
    district_user.save()
    report = CampaignReportFactory(unit=con_cuong)
    district_client.post(report.get_absolute_url(), report_form_data(rows={fields[0]: (5, 0, 0, 0, 0, 0)}))
    district_client.post(report.get_absolute_url(), report_form_data(rows={fields[0]: (8, 0, 0, 0, 0, 0)}))
    history = district_client.get(report.get_absolute_url()).context["history"]
    change = next(e for e in history if e.subject == "Số liệu: Kinh tế" and e.changes)
    assert change.user == district_user
    assert [(c.label, c.old, c.new) for c in change.changes] == [("đăng ký — tập thể", "5", "8")]


def test_history_records_the_review(province_client, province_user):
    report = SubmittedReportFactory()
    province_client.post(
        reverse("reports:review", args=[report.pk]), {"action": "return", "note": "Thiếu ảnh."}
    )
    html = province_client.get(report.get_absolute_url()).content.decode()
    assert "Lịch sử thay đổi" in html
    assert "Trả lại để sửa" in html
    assert report.history.first().history_user == province_user


def test_saving_keeps_a_stored_photo_without_checking_it_again(district_client, con_cuong, fields):
    """An existing photo is not re-uploaded by the browser; saving must not choke on it."""
    from tests.factories import image_file

    report = CampaignReportFactory(unit=con_cuong)
    model = ExemplaryModelFactory(report=report, photo=image_file())
    photo = model.photo.name
    response = district_client.post(report.get_absolute_url(), report_form_data(existing=[(model, {})]))
    assert response.status_code == 302
    model.refresh_from_db()
    assert model.photo.name == photo


def test_a_fake_image_is_refused_on_the_photo(district_client, con_cuong, fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = CampaignReportFactory(unit=con_cuong)
    model = {"name": "Mô hình có ảnh giả", "field": fields[0].pk, "kind": "collective", "holder": "Xã A"}
    model["stage"] = "registered"
    model["photo"] = SimpleUploadedFile("anh.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = district_client.post(report.get_absolute_url(), report_form_data(models=[model]))
    assert response.status_code == 200
    errors = response.context["filing"].models_formset.forms[0].errors
    assert list(errors) == ["photo"]
    assert not report.exemplary_models.exists()


# --- Query budgets --------------------------------------------------------------------------


@pytest.mark.parametrize("reports", [2, 20])
def test_list_query_count_does_not_grow_with_reports(province_client, reports, django_assert_max_num_queries):
    ApprovedReportFactory.create_batch(reports)
    province_client.get(LIST)  # warm the cached menu and site settings
    # session, user, 2 × permissions, count, page, filter choices (periods, units), menu
    with django_assert_max_num_queries(9):
        assert province_client.get(LIST).status_code == 200


@pytest.mark.parametrize("models", [1, 10])
def test_read_only_report_query_count_does_not_grow_with_models(
    province_client, fields, models, django_assert_max_num_queries
):
    report = SubmittedReportFactory()
    for field in fields:
        FieldResultFactory(report=report, field=field, **figures(2, 1))
    ExemplaryModelFactory.create_batch(models, report=report)
    province_client.get(report.get_absolute_url())
    # session, user, 2 × permissions, report, figures, models' stages, 4 × history, quota
    with django_assert_max_num_queries(12):
        assert province_client.get(report.get_absolute_url()).status_code == 200


def test_the_form_shows_the_quota_for_the_units_kind(district_client, con_cuong):
    report = CampaignReportFactory(unit=con_cuong)
    report.period.quotas.create(unit_kind="district", collective=10, individual=15)
    report.period.quotas.create(unit_kind="party_committee", collective=5, individual=7)
    html = district_client.get(report.get_absolute_url()).content.decode()
    assert "tối đa 10 mô hình tập thể, 15 mô hình cá nhân" in html
    assert "tối đa 5 mô hình tập thể" not in html


def test_saving_past_the_quota_warns_but_saves(district_client, con_cuong, fields):
    report = CampaignReportFactory(unit=con_cuong)
    report.period.quotas.create(unit_kind="district", collective=0, individual=15)
    model = {"name": "Mô hình vượt chỉ tiêu", "field": fields[0].pk, "kind": "collective", "holder": "Xã A"}
    model["stage"] = "registered"
    response = district_client.post(report.get_absolute_url(), report_form_data(models=[model]), follow=True)
    assert "Số mô hình tập thể (1) vượt chỉ tiêu 0 của kỳ này cho huyện." in response.content.decode()
    assert report.exemplary_models.count() == 1


def test_a_report_filed_meanwhile_by_a_colleague_gives_a_message_not_a_crash(
    commune_client, xa_con_cuong, monkeypatch
):
    from reports.forms import ReportFiling

    period = ReportingPeriodFactory()
    original = ReportFiling.is_valid

    def valid_then_colleague_files(self, **kwargs):
        result = original(self, **kwargs)
        CampaignReportFactory(unit=xa_con_cuong, period=period)  # the other tab wins the race
        return result

    monkeypatch.setattr(ReportFiling, "is_valid", valid_then_colleague_files)
    response = commune_client.post(CREATE, report_form_data(period=period))
    assert response.status_code == 200
    assert "Đơn vị đã có báo cáo cho kỳ này" in response.content.decode()
    assert CampaignReport.objects.filter(period=period).count() == 1


# --- Units over time ------------------------------------------------------------------------


def test_a_unit_that_ended_cannot_file_for_a_period_after_its_end(district_client, con_cuong):
    con_cuong.valid_to = timezone.localdate() - timedelta(days=1)
    con_cuong.save()
    period = ReportingPeriodFactory(name="Kỳ sau khi kết thúc")
    assert "Kỳ sau khi kết thúc" not in district_client.get(CREATE).content.decode()
    response = district_client.post(CREATE, report_form_data(period=period))
    assert response.status_code == 200
    assert not CampaignReport.objects.filter(unit=con_cuong, period=period).exists()


def test_a_unit_files_for_a_period_whose_deadline_falls_in_its_days(district_client, con_cuong):
    con_cuong.valid_to = timezone.localdate() + timedelta(days=60)
    con_cuong.save()
    ReportingPeriodFactory(name="Kỳ còn trong thời gian hoạt động")
    assert "Kỳ còn trong thời gian hoạt động" in district_client.get(CREATE).content.decode()


def test_filing_with_no_open_period_says_why_and_what_to_do_without_a_form(district_client):
    ReportingPeriodFactory(is_open=False)
    response = district_client.get(CREATE)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="report-form"' not in html and "Nộp báo cáo" not in html
    assert "Hiện chưa có kỳ báo cáo nào đang nhận báo cáo" in html
    assert "liên hệ cán bộ tỉnh" in html


def test_filing_when_every_open_period_has_its_report_links_that_report(district_client, con_cuong):
    report = CampaignReportFactory(unit=con_cuong, period=ReportingPeriodFactory(is_open=True))
    html = district_client.get(CREATE).content.decode()
    assert 'id="report-form"' not in html
    assert "Đơn vị đã lập báo cáo cho mọi kỳ đang nhận báo cáo" in html
    assert f'href="{report.get_absolute_url()}"' in html
