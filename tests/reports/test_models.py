from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from reports.models import (
    CampaignReport,
    ExemplaryModel,
    Field,
    FieldResult,
    Unit,
    WorkflowError,
    former_district_map,
)
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    ExemplaryModelFactory,
    FieldResultFactory,
    ReportingPeriodFactory,
    SubmittedReportFactory,
    UnitFactory,
    figures,
    image_file,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_seed_has_the_province_units_and_five_fields():
    names = set(Unit.objects.values_list("name", flat=True))
    assert {"Huyện Con Cuông", "Huyện Kỳ Sơn", "Thành phố Vinh", "Đảng ủy Khối các cơ quan tỉnh"} <= names
    assert Unit.objects.filter(kind__in=Unit.DISTRICT_LEVEL_KINDS).count() == 21
    commune_level = Unit.objects.filter(kind__in=Unit.COMMUNE_LEVEL_KINDS)
    assert commune_level.filter(kind=Unit.Kind.COMMUNE).count() == 119
    assert commune_level.filter(kind=Unit.Kind.WARD).count() == 11
    # Each new unit names the former district its territory came from.
    assert not commune_level.filter(predecessors__isnull=True).exists()
    assert Unit.objects.get(name="Xã Con Cuông").predecessors.get().name == "Huyện Con Cuông"
    assert list(Field.objects.active().values_list("name", flat=True)) == [
        "Kinh tế",
        "Văn hóa – xã hội",
        "Quốc phòng – an ninh",
        "Xây dựng hệ thống chính trị",
        "Xây dựng nông thôn mới, đô thị văn minh",
    ]


def test_seeded_district_slugs_drop_the_marks():
    assert Unit.objects.get(name="Huyện Đô Lương").slug == "huyen-do-luong"


# --- Scoping --------------------------------------------------------------------------------


def test_province_staff_see_every_report(province_user):
    CampaignReportFactory.create_batch(3)
    assert CampaignReport.objects.visible_to(province_user).count() == 3


def test_district_staff_see_only_their_own_district(district_user, con_cuong, ky_son):
    own = CampaignReportFactory(unit=con_cuong)
    CampaignReportFactory(unit=ky_son)
    assert list(CampaignReport.objects.visible_to(district_user)) == [own]


def test_a_user_without_district_or_group_sees_nothing():
    CampaignReportFactory()
    assert not CampaignReport.objects.visible_to(make_user("nobody")).exists()
    assert not CampaignReport.objects.visible_to(AnonymousUser()).exists()


# --- Workflow -------------------------------------------------------------------------------


def test_submit_records_who_and_when(district_user):
    report = CampaignReportFactory()
    report.submit(district_user)
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.SUBMITTED
    assert report.submitted_by == district_user
    assert report.first_submitted_at == report.submitted_at


def test_approve_records_the_reviewer(province_user):
    report = SubmittedReportFactory()
    report.approve(province_user)
    report.refresh_from_db()
    assert report.status == CampaignReport.Status.APPROVED
    assert report.reviewed_by == province_user
    assert report.reviewed_at is not None


def test_return_needs_a_note(province_user):
    report = SubmittedReportFactory()
    with pytest.raises(WorkflowError):
        report.return_to_unit(province_user, "  ")
    report.return_to_unit(province_user, "Thiếu ảnh mô hình.")
    assert report.status == CampaignReport.Status.RETURNED
    assert report.review_note == "Thiếu ảnh mô hình."


def test_a_draft_cannot_be_approved(province_user):
    with pytest.raises(WorkflowError):
        CampaignReportFactory().approve(province_user)


def test_an_approved_report_cannot_be_submitted_again(district_user):
    with pytest.raises(WorkflowError):
        ApprovedReportFactory().submit(district_user)


def test_resubmitting_a_returned_report_keeps_the_first_submission_time(district_user, province_user):
    report = SubmittedReportFactory(first_submitted_at=timezone.now() - timedelta(days=5))
    first = report.first_submitted_at
    report.return_to_unit(province_user, "Sửa lại.")
    report.submit(district_user)
    assert report.first_submitted_at == first
    assert report.submitted_at > first


def test_late_means_first_submitted_after_the_deadline_day():
    period = ReportingPeriodFactory(deadline=timezone.localdate() - timedelta(days=2))
    on_time = SubmittedReportFactory(period=period, first_submitted_at=timezone.now() - timedelta(days=3))
    late = SubmittedReportFactory(period=period, first_submitted_at=timezone.now())
    assert not on_time.is_late
    assert late.is_late


def test_one_report_per_district_and_period():
    report = CampaignReportFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        CampaignReportFactory(unit=report.unit, period=report.period)


def test_summary_is_sanitized_on_save():
    report = CampaignReportFactory(summary='<p onclick="x()">Tốt</p><script>alert(1)</script>')
    assert report.summary == "<p>Tốt</p>"


# --- Figures --------------------------------------------------------------------------------


def test_built_above_registered_is_refused_on_the_built_figure():
    result = FieldResultFactory.build(**figures(reg_c=3, rec_c=2, built=(5, 0)))
    with pytest.raises(ValidationError) as exc:
        result.clean()
    assert exc.value.message_dict == {"built_collective": ["Số xây dựng không được lớn hơn số đăng ký (3)."]}


def test_recognized_above_built_is_refused_on_the_recognized_figure():
    result = FieldResultFactory.build(**figures(reg_c=9, rec_c=5, built=(3, 0)))
    with pytest.raises(ValidationError) as exc:
        result.clean()
    assert exc.value.message_dict == {
        "recognized_collective": ["Số công nhận không được lớn hơn số xây dựng (3)."]
    }


def test_commended_above_recognized_is_refused_on_the_commended_figure():
    result = FieldResultFactory.build(**figures(reg_i=9, rec_i=4, com_i=6))
    with pytest.raises(ValidationError) as exc:
        result.clean()
    assert list(exc.value.message_dict) == ["commended_individual"]


def test_the_database_refuses_commended_above_recognized_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        FieldResultFactory(**figures(reg_c=5, rec_c=2, com_c=3))


def test_stage_totals_add_collective_and_individual():
    result = FieldResult(**figures(10, 6, 7, 4, 3, 2))
    assert (result.registered, result.recognized, result.commended) == (16, 11, 5)


# --- Units and models -----------------------------------------------------------------------


def test_former_district_follows_district_merges_to_the_last_district():
    today = UnitFactory(name="Thành phố Mới", kind="city")
    middle = UnitFactory(name="Thị xã Giữa", kind="town", valid_to=date(2020, 1, 1))
    old = UnitFactory(name="Thị xã Cũ", kind="town", valid_to=date(2015, 1, 1))
    today.predecessors.add(middle)
    middle.predecessors.add(old)
    groups = former_district_map()
    assert groups[old.pk] == today
    assert groups[today.pk] == today


def test_a_commune_maps_to_the_former_district_its_territory_came_from():
    huyen = UnitFactory(name="Huyện Cũ", kind="district", valid_to=date(2025, 6, 30))
    xa = UnitFactory(name="Xã Mới", kind="commune", valid_from=date(2025, 7, 1))
    committee = UnitFactory(name="Đảng ủy Mới", kind="party_committee", valid_from=date(2025, 7, 1))
    xa.predecessors.add(huyen)
    groups = former_district_map()
    assert groups[xa.pk] == huyen
    assert groups[committee.pk] is None


def test_former_district_map_survives_a_cycle():
    a = UnitFactory(kind="town")
    b = UnitFactory(kind="town")
    a.predecessors.add(b)
    b.predecessors.add(a)
    assert former_district_map()[a.pk] in (a, b)


def test_in_force_counts_the_last_day_and_not_the_day_after():
    unit = UnitFactory(valid_from=date(2020, 1, 1), valid_to=date(2025, 6, 30))
    assert unit in Unit.objects.in_force(date(2025, 6, 30))
    assert unit not in Unit.objects.in_force(date(2025, 7, 1))
    assert unit not in Unit.objects.in_force(date(2019, 12, 31))
    assert unit.is_in_force(date(2025, 6, 30)) and not unit.is_in_force(date(2025, 7, 1))


def test_valid_to_before_valid_from_is_refused_on_the_field():
    unit = UnitFactory.build(name="Xã Thử", valid_from=date(2025, 7, 1), valid_to=date(2025, 6, 30))
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "valid_to" in error.value.message_dict


def test_model_photo_is_reencoded_as_jpeg():
    model = ExemplaryModelFactory(photo=image_file("anh.png", fmt="PNG"))
    assert model.photo.name.endswith(".jpg")
    assert model.photo_width == 640


def test_model_slug_reads_the_name_without_marks():
    model = ExemplaryModelFactory(name="Đổi mới dân vận ở bản Khe Rạn")
    assert model.slug == "doi-moi-dan-van-o-ban-khe-ran"


def test_showcased_keeps_recognized_and_commended_models_of_approved_reports():
    shown = ExemplaryModelFactory(stage=ExemplaryModel.Stage.COMMENDED)
    ExemplaryModelFactory(stage=ExemplaryModel.Stage.REGISTERED)
    ExemplaryModelFactory(report=SubmittedReportFactory(), stage=ExemplaryModel.Stage.COMMENDED)
    assert list(ExemplaryModel.objects.showcased()) == [shown]


def test_quota_warning_when_more_models_than_allowed(con_cuong):
    report = CampaignReportFactory(unit=con_cuong)
    report.period.quotas.create(unit_kind=con_cuong.kind, collective=1, individual=5)
    ExemplaryModelFactory.create_batch(2, report=report, kind=ExemplaryModel.Kind.COLLECTIVE)
    assert report.quota_warnings() == ["Số mô hình tập thể (2) vượt chỉ tiêu 1 của kỳ này cho huyện."]


# --- Demo periods relative to today -----------------------------------------------------------


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2026, 12, 20), date(2027, 3, 1), date(2030, 7, 1)])
def test_demo_periods_have_one_open_period_due_ahead_and_go_back_to_2020(today):
    from reports.demo import demo_periods

    periods = demo_periods(today)
    open_ones = [p for p in periods if p[4]]
    assert len(open_ones) == 1 and open_ones[0][3] > today
    assert any(p[0] == f"Năm {today.year - 1}" and not p[4] for p in periods)  # last year, closed
    assert min(p[1] for p in periods) == 2020
    assert all(p[3] <= open_ones[0][3] for p in periods)  # nothing further ahead than the open one
