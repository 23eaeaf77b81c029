"""A commune carries on its former district's models still in progress, only when staff tick them."""

from datetime import date

import pytest
from django.urls import reverse

from reports.models import CampaignReport, ExemplaryModel, ModelProgress, Unit, WorkflowError
from reports.takeover import take_over
from tests.factories import (
    ApprovedReportFactory,
    CampaignReportFactory,
    ExemplaryModelFactory,
    ReportingPeriodFactory,
    make_unit_user,
)
from tests.reports.helpers import report_form_data

pytestmark = pytest.mark.django_db

Stage = ExemplaryModel.Stage


@pytest.fixture
def earlier():
    return ReportingPeriodFactory(name="Năm 2024", year=2024, deadline=date(2024, 12, 10), is_open=False)


@pytest.fixture
def later():
    return ReportingPeriodFactory(name="Năm 2026", year=2026)


@pytest.fixture
def district_models(con_cuong, ky_son, earlier):
    """Huyện Con Cuông's 2024 models (two in progress, one commended) and one of Huyện Kỳ Sơn."""
    report = ApprovedReportFactory(unit=con_cuong, period=earlier)
    return {
        "built": ExemplaryModelFactory(report=report, name="Đường hoa bản Nưa", stage=Stage.BUILT),
        "recognized": ExemplaryModelFactory(
            report=report, name="Tổ hòa giải Chi Khê", stage=Stage.RECOGNIZED
        ),
        "commended": ExemplaryModelFactory(report=report, name="Bản du lịch Khe Rạn", stage=Stage.COMMENDED),
        "other": ExemplaryModelFactory(
            report=ApprovedReportFactory(unit=ky_son, period=earlier), name="Gừng Na Ngoi", stage=Stage.BUILT
        ),
    }


@pytest.fixture
def chau_khe_client(client):
    """Staff of Xã Châu Khê, formed (like Xã Con Cuông) from communes of Huyện Con Cuông."""
    client.force_login(make_unit_user("canbo-chaukhe", Unit.objects.get(name="Xã Châu Khê")))
    return client


def _take(data, *models):
    data["takeover-models"] = [str(getattr(m, "pk", m)) for m in models]
    return data


def test_a_communes_first_report_offers_its_former_districts_models_in_progress(
    commune_client, district_models, later
):
    html = commune_client.get(reverse("reports:create") + f"?ky={later.slug}").content.decode()
    assert 'id="takeover"' in html
    for key in ("built", "recognized"):
        assert f'name="takeover-models" value="{district_models[key].pk}"' in html
    assert "Bản du lịch Khe Rạn" not in html  # commended: its cycle is over
    assert "Gừng Na Ngoi" not in html  # Huyện Kỳ Sơn is not a predecessor
    assert " checked" not in html.split('id="takeover"')[1].split("</fieldset>")[0]  # none pre-ticked


def test_a_ticked_model_becomes_the_communes_and_keeps_its_history(
    commune_client, xa_con_cuong, con_cuong, district_models, later
):
    model = district_models["built"]
    data = _take(report_form_data(period=later), model)
    response = commune_client.post(reverse("reports:create"), data, follow=True)
    assert "tiếp tục theo dõi 1 mô hình của đơn vị tiền thân" in response.content.decode()
    report = CampaignReport.objects.get(unit=xa_con_cuong, period=later)
    model.refresh_from_db()
    assert model.unit == xa_con_cuong
    history = model.progress.order_by("report__period__deadline")
    assert [(p.report.unit, p.stage) for p in history] == [
        (con_cuong, Stage.BUILT),
        (xa_con_cuong, Stage.BUILT),
    ]
    assert report.exemplary_models.get() == model
    # The unticked model stays with the district, for another commune to take.
    assert ExemplaryModel.objects.get(pk=district_models["recognized"].pk).unit == con_cuong
    # Its stage in the commune's report is then updated like any of the commune's models.
    assert f'value="{model.pk}"' in commune_client.get(report.get_absolute_url()).content.decode()


def test_nothing_is_taken_over_without_a_tick(commune_client, con_cuong, district_models, later):
    commune_client.post(reverse("reports:create"), report_form_data(period=later))
    assert ExemplaryModel.objects.filter(unit=con_cuong).count() == 3


def test_a_predecessors_model_posted_as_a_row_is_refused(
    commune_client, xa_con_cuong, district_models, later
):
    """The take-over list is the one way in: a forged model row does not move the model."""
    model = district_models["built"]
    report = CampaignReportFactory(unit=xa_con_cuong, period=later)
    data = report_form_data(existing=[(model, {"stage": Stage.RECOGNIZED})])
    html = commune_client.post(report.get_absolute_url(), data).content.decode()
    assert "Mô hình này thuộc đơn vị khác" in html
    model.refresh_from_db()
    assert model.unit.name == "Huyện Con Cuông"
    assert not ModelProgress.objects.filter(report=report).exists()


def test_a_model_another_commune_took_is_refused_with_its_name(
    commune_client, chau_khe_client, xa_con_cuong, district_models, later
):
    model = district_models["recognized"]
    take_over(CampaignReportFactory(unit=xa_con_cuong, period=later), [model])
    report = CampaignReportFactory(unit=Unit.objects.get(name="Xã Châu Khê"), period=later)
    data = _take(report_form_data(summary="<p>Đã gõ dở</p>"), model)
    response = chau_khe_client.post(report.get_absolute_url(), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mô hình “Tổ hòa giải Chi Khê” đã được Xã Con Cuông nhận tiếp tục theo dõi" in html
    assert "Đã gõ dở" in html  # nothing typed is lost
    model.refresh_from_db()
    assert model.unit == xa_con_cuong
    assert not ModelProgress.objects.filter(report=report).exists()


def test_two_communes_saving_at_once_cannot_both_take_a_model(xa_con_cuong, district_models, later):
    """The second save, checked before the first one moved the model, is refused at the write."""
    model = district_models["built"]
    chau_khe = Unit.objects.get(name="Xã Châu Khê")
    take_over(CampaignReportFactory(unit=xa_con_cuong, period=later), [model])
    second = CampaignReportFactory(unit=chau_khe, period=later)
    stale = ExemplaryModel.objects.get(pk=model.pk)
    with pytest.raises(WorkflowError, match="vừa được đơn vị khác nhận"):
        take_over(second, [stale])
    assert ExemplaryModel.objects.get(pk=model.pk).unit == xa_con_cuong
    assert not ModelProgress.objects.filter(report=second).exists()


def test_another_units_model_is_refused(commune_client, xa_con_cuong, district_models, later):
    data = _take(report_form_data(period=later), district_models["other"])
    html = commune_client.post(reverse("reports:create"), data).content.decode()
    assert "Mô hình “Gừng Na Ngoi” thuộc Huyện Kỳ Sơn, không phải đơn vị tiền thân của Xã Con Cuông" in html
    assert not CampaignReport.objects.filter(unit=xa_con_cuong, period=later).exists()
    assert ExemplaryModel.objects.get(pk=district_models["other"].pk).unit.name == "Huyện Kỳ Sơn"


def test_a_commended_model_is_not_carried_on(commune_client, district_models, later):
    data = _take(report_form_data(period=later), district_models["commended"])
    html = commune_client.post(reverse("reports:create"), data).content.decode()
    assert "đã được khen thưởng, kết thúc chu kỳ" in html


@pytest.mark.parametrize("forged", ["999999", "abc", "1 OR 1=1"])
def test_a_forged_id_is_refused(commune_client, xa_con_cuong, district_models, later, forged):
    data = _take(report_form_data(period=later), district_models["built"], forged)
    response = commune_client.post(reverse("reports:create"), data)
    assert response.status_code == 200
    assert "Không tìm thấy mô hình mã" in response.content.decode()
    assert not CampaignReport.objects.filter(unit=xa_con_cuong, period=later).exists()
    assert ExemplaryModel.objects.get(pk=district_models["built"].pk).unit.name == "Huyện Con Cuông"


def test_on_submit_the_figures_must_count_the_models_taken_over(
    commune_client, district_models, later, fields
):
    model = district_models["recognized"]  # a collective model of the first field
    data = _take(report_form_data(period=later, rows={fields[0]: (1, 0, 0, 0, 0, 0)}, action="submit"), model)
    html = commune_client.post(reverse("reports:create"), data).content.decode()
    assert "Báo cáo nêu tên 1 mô hình tập thể mức công nhận trở lên ở lĩnh vực này" in html
    assert not CampaignReport.objects.filter(period=later).exists()
