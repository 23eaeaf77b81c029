import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from reports.models import CampaignReport, ExemplaryModel, StaffProfile
from reports.roles import PROVINCE_GROUP, UNIT_GROUP
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    ExemplaryModelFactory,
    ReportingPeriodFactory,
    ReturnedReportFactory,
    SubmittedReportFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

SHOWCASE = reverse("reports:showcase")
Stage = ExemplaryModel.Stage


def test_showcase_lists_only_recognized_and_commended_models_of_approved_reports(client):
    shown = [
        ExemplaryModelFactory(name="Mô hình được công nhận", stage=Stage.RECOGNIZED),
        ExemplaryModelFactory(name="Mô hình được khen thưởng", stage=Stage.COMMENDED),
    ]
    hidden = [
        ExemplaryModelFactory(name="Mô hình mới đăng ký", stage=Stage.REGISTERED),
        ExemplaryModelFactory(name="Mô hình báo cáo nháp", report=CampaignReportFactory()),
        ExemplaryModelFactory(name="Mô hình chờ duyệt", report=SubmittedReportFactory()),
        ExemplaryModelFactory(name="Mô hình bị trả lại", report=ReturnedReportFactory()),
    ]
    html = client.get(SHOWCASE).content.decode()
    for model in shown:
        assert model.name in html
    for model in hidden:
        assert model.name not in html


def test_a_hidden_models_page_is_404(client):
    registered = ExemplaryModelFactory(stage=Stage.REGISTERED)
    unapproved = ExemplaryModelFactory(report=SubmittedReportFactory())
    assert client.get(registered.get_absolute_url()).status_code == 404
    assert client.get(unapproved.get_absolute_url()).status_code == 404


def test_model_page_shows_district_field_holder_results_and_photo(client, con_cuong, fields):
    model = ExemplaryModelFactory(
        report=ApprovedReportFactory(unit=con_cuong),
        field=fields[1],
        holder="Ông Lô Văn Hợi, bản Nưa",
        results="Cả bản bỏ hủ tục.",
        photo=image_file(),
    )
    response = client.get(model.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Huyện Con Cuông",
        "Văn hóa – xã hội",
        "Ông Lô Văn Hợi, bản Nưa",
        "Cả bản bỏ hủ tục.",
        model.photo.url,
    ):
        assert text in html
    assert html.count("<main") == 1


def test_showcase_filters_by_field_district_and_year(client, con_cuong, ky_son, fields):
    p2024 = ReportingPeriodFactory(year=2024)
    p2025 = ReportingPeriodFactory(year=2025)
    target = ExemplaryModelFactory(
        name="Mô hình cần tìm",
        field=fields[0],
        report=ApprovedReportFactory(unit=con_cuong, period=p2024),
    )
    ExemplaryModelFactory(name="Khác lĩnh vực", field=fields[1], report=ApprovedReportFactory(unit=con_cuong))
    ExemplaryModelFactory(
        name="Khác đơn vị", field=fields[0], report=ApprovedReportFactory(unit=ky_son, period=p2024)
    )
    ExemplaryModelFactory(name="Khác năm", field=fields[0], report=ApprovedReportFactory(period=p2025))
    response = client.get(SHOWCASE, {"field": fields[0].pk, "unit": con_cuong.slug, "year": 2024})
    assert [m.name for m in response.context["exemplary_models"]] == [target.name]


def test_showcase_filters_offer_only_what_it_shows(client, con_cuong, ky_son, fields):
    """A unit, field or year with no model shown is not offered: the unit list is not every
    unit there ever was."""
    ExemplaryModelFactory(
        field=fields[0],
        report=ApprovedReportFactory(unit=con_cuong, period=ReportingPeriodFactory(year=2024)),
    )
    ExemplaryModelFactory(
        field=fields[1], report=SubmittedReportFactory(unit=ky_son, period=ReportingPeriodFactory(year=2023))
    )
    html = client.get(SHOWCASE).content.decode()
    assert f'<option value="{con_cuong.slug}">{con_cuong.name}</option>' in html
    assert f'value="{ky_son.slug}"' not in html
    assert f'<option value="{fields[0].pk}">' in html and f'<option value="{fields[1].pk}">' not in html
    assert '<option value="2024">2024</option>' in html and 'value="2023"' not in html
    # A unit that is not offered (a hand-edited address) filters nothing rather than failing.
    response = client.get(SHOWCASE, {"unit": ky_son.slug})
    assert response.status_code == 200 and len(response.context["exemplary_models"]) == 1


def test_each_filter_shows_the_readers_choice_whichever_list_drew_it_first(client, con_cuong, ky_son, fields):
    for unit, year in ((con_cuong, 2024), (ky_son, 2025)):
        ExemplaryModelFactory(
            field=fields[0], report=ApprovedReportFactory(unit=unit, period=ReportingPeriodFactory(year=year))
        )

    def chosen(query):
        html = client.get(SHOWCASE, query).content.decode()
        return sorted(re.findall(r'<option value="([^"]+)" selected>', html))

    assert chosen({"unit": con_cuong.slug}) == [con_cuong.slug]
    assert chosen({"unit": ky_son.slug, "page": 1}) == [ky_son.slug]
    assert chosen({"unit": con_cuong.slug, "year": 2025}) == ["2025", con_cuong.slug]
    assert chosen({"year": 2024}) == ["2024"]
    assert chosen({}) == []


def test_showcase_is_paginated(client):
    report = ApprovedReportFactory()
    ExemplaryModelFactory.create_batch(13, report=report)
    assert len(client.get(SHOWCASE).context["exemplary_models"]) == 12
    assert len(client.get(SHOWCASE, {"page": 2}).context["exemplary_models"]) == 1


@pytest.mark.parametrize("models", [1, 12])
def test_showcase_query_count_does_not_grow_with_models(client, models, django_assert_max_num_queries):
    report = ApprovedReportFactory()
    ExemplaryModelFactory.create_batch(models, report=report)
    client.get(SHOWCASE)  # warm the cached menu and site settings
    # years, count, fields, units, the page of models, the sidebar's visitor figures (days, who is
    # online, the admin's offset: read at most once a second per process in production)
    with django_assert_max_num_queries(8):
        client.get(SHOWCASE)


def test_groups_have_their_permissions():
    from django.contrib.auth.models import Group

    district = set(Group.objects.get(name=UNIT_GROUP).permissions.values_list("codename", flat=True))
    province = set(Group.objects.get(name=PROVINCE_GROUP).permissions.values_list("codename", flat=True))
    assert "change_campaignreport" in district and "review_campaignreport" not in district
    assert "review_campaignreport" in province and "change_campaignreport" not in province


def test_seed_demo_creates_the_report_accounts_and_reports_in_every_status(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=__import__("io").StringIO())
    users = get_user_model().objects
    assert users.get(username="province").groups.filter(name=PROVINCE_GROUP).exists()
    assert StaffProfile.objects.get(user__username="district").unit.name == "Xã Con Cuông"
    assert StaffProfile.objects.get(user__username="district2").unit.name == "Xã Mường Xén"
    assert users.get(username="district").check_password("danvan-demo-2026")
    assert set(CampaignReport.objects.values_list("status", flat=True)) == set(CampaignReport.Status.values)
    con_cuong_2020 = CampaignReport.objects.get(unit__name="Huyện Con Cuông", period__name="Năm 2020")
    assert sum(r.registered for r in con_cuong_2020.field_results.all()) == 53


def test_sitemap_lists_showcased_models_only(client):
    shown = ExemplaryModelFactory(stage=Stage.COMMENDED)
    hidden = ExemplaryModelFactory(stage=Stage.REGISTERED)
    xml = client.get("/sitemap.xml").content.decode()
    assert shown.get_absolute_url() in xml
    assert hidden.get_absolute_url() not in xml


def test_cached_showcase_shows_a_model_as_soon_as_its_report_is_approved(client, django_user_model):
    """The showcase is page-cached for readers; approving a report renews it at once."""
    report = SubmittedReportFactory()
    ExemplaryModelFactory(name="Mô hình chờ công bố", report=report)
    assert "Mô hình chờ công bố" not in client.get(SHOWCASE).content.decode()
    reviewer = django_user_model.objects.create_user("reviewer", password="x-pass-1234")
    report.approve(reviewer)
    assert "Mô hình chờ công bố" in client.get(SHOWCASE).content.decode()


def test_cached_model_page_follows_an_edit(client):
    model = ExemplaryModelFactory(results="Kết quả cũ")
    url = model.get_absolute_url()
    assert "Kết quả cũ" in client.get(url).content.decode()
    model.results = "Kết quả mới"
    model.save()
    assert "Kết quả mới" in client.get(url).content.decode()


def test_showcase_follows_each_models_approved_reports(client, django_user_model):
    """Newest recorded year first, with that year shown; a model leaves when no approved report
    recognizes or commends it any more."""
    reviewer = django_user_model.objects.create_user("reviewer", password="x-pass-1234")
    old = ExemplaryModelFactory(
        name="Mô hình từ 2023", report=ApprovedReportFactory(period=ReportingPeriodFactory(year=2023))
    )
    new = ExemplaryModelFactory(
        name="Mô hình từ 2024", report=ApprovedReportFactory(period=ReportingPeriodFactory(year=2024))
    )

    def shown():
        html = client.get(SHOWCASE).content.decode()
        return re.findall(
            r'<h2 class="item-title"><a href="[^"]+">([^<]+)</a></h2>\s*<p class="meta">[^<]*· (\d{4})</p>',
            html,
        )

    assert shown() == [("Mô hình từ 2024", "2024"), ("Mô hình từ 2023", "2023")]

    # The older model is recorded again in a 2025 report: once approved, it comes first.
    period_2025 = ReportingPeriodFactory(year=2025)
    later = SubmittedReportFactory(unit=old.unit, period=period_2025)
    later.progress.create(model=old, stage=Stage.BUILT)
    assert shown() == [("Mô hình từ 2024", "2024"), ("Mô hình từ 2023", "2023")]
    later.approve(reviewer)
    assert shown() == [("Mô hình từ 2023", "2025"), ("Mô hình từ 2024", "2024")]

    # A period's year corrected in the admin, a model edited: the list follows.
    period_2025.year = 2022
    period_2025.save()
    old.refresh_from_db()
    old.results = "Kết quả mới"
    old.save()
    assert shown() == [("Mô hình từ 2024", "2024"), ("Mô hình từ 2023", "2023")]

    # Its only recognizing report's record of it is removed: it leaves the showcase.
    new.progress.get().delete()
    assert shown() == [("Mô hình từ 2023", "2023")]
    old.progress.get(report__period__year=2023).report.delete()
    assert shown() == []
