import pytest
from django.urls import reverse

from reports.models import CampaignReport
from tests.factories import CampaignReportFactory, ExemplaryModelFactory, UnitFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("boss", is_staff=True, is_superuser=True))
    return client


def test_admin_pages_of_reports_open(admin_client):
    report = CampaignReportFactory()
    model = ExemplaryModelFactory(report=report)
    for url in (
        reverse("admin:reports_campaignreport_changelist"),
        reverse("admin:reports_campaignreport_change", args=[report.pk]),
        reverse("admin:reports_campaignreport_history", args=[report.pk]),
        reverse("admin:reports_exemplarymodel_change", args=[model.pk]),
        reverse("admin:reports_unit_changelist"),
        reverse("admin:reports_reportingperiod_add"),
    ):
        assert admin_client.get(url).status_code == 200, url


def test_the_district_link_is_edited_on_the_user_page(admin_client, district_user):
    html = admin_client.get(reverse("admin:auth_user_change", args=[district_user.pk])).content.decode()
    assert 'name="staff_profile-0-unit"' in html


def test_admin_report_list_is_scoped_like_the_staff_pages(client, district_user, con_cuong, ky_son):
    district_user.is_staff = True
    district_user.save()
    CampaignReportFactory(unit=con_cuong)
    CampaignReportFactory(unit=ky_son)
    client.force_login(district_user)
    response = client.get(reverse("admin:reports_campaignreport_changelist"))
    assert [r.unit for r in response.context["cl"].result_list] == [con_cuong]
    assert CampaignReport.objects.count() == 2


def test_forbidden_page_is_in_vietnamese(province_client):
    response = province_client.get(reverse("reports:create"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


# --- Units over time ------------------------------------------------------------------------


def _unit_post(unit, **changes):
    data = {
        "name": unit.name,
        "kind": unit.kind,
        "order": unit.order,
        "valid_from": "",
        "valid_to": "",
        "predecessors": [p.pk for p in unit.predecessors.all()],
        "source_note": "",
    }
    data.update(changes)
    return data


def test_a_unit_cannot_be_its_own_predecessor(admin_client):
    unit = UnitFactory(name="Xã Tự Kế Thừa")
    url = reverse("admin:reports_unit_change", args=[unit.pk])
    response = admin_client.post(url, _unit_post(unit, predecessors=[unit.pk]))
    assert response.status_code == 200
    assert "Đơn vị không thể là tiền thân của chính nó." in response.content.decode()
    assert not unit.predecessors.exists()


def test_a_cycle_of_predecessors_is_refused(admin_client):
    a, b, c = UnitFactory(name="Huyện A"), UnitFactory(name="Huyện B"), UnitFactory(name="Xã C")
    b.predecessors.add(a)
    c.predecessors.add(b)
    url = reverse("admin:reports_unit_change", args=[a.pk])
    response = admin_client.post(url, _unit_post(a, predecessors=[c.pk]))
    assert response.status_code == 200
    assert "Tạo vòng lặp: Xã C" in response.content.decode()
    assert not a.predecessors.exists()


def test_valid_to_before_valid_from_is_refused_in_the_admin(admin_client):
    unit = UnitFactory(name="Phường Thử")
    url = reverse("admin:reports_unit_change", args=[unit.pk])
    response = admin_client.post(url, _unit_post(unit, valid_from="01/07/2025", valid_to="30/06/2025"))
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu hoạt động." in response.content.decode()


def test_a_merge_with_several_predecessors_is_saved(admin_client):
    a, b = UnitFactory(name="Huyện Một"), UnitFactory(name="Huyện Hai")
    new = UnitFactory(name="Xã Hợp Nhất", kind="commune")
    url = reverse("admin:reports_unit_change", args=[new.pk])
    response = admin_client.post(
        url, _unit_post(new, valid_from="01/07/2025", predecessors=[a.pk, b.pk], is_unverified="on")
    )
    assert response.status_code == 302
    assert set(new.predecessors.all()) == {a, b}
    assert set(a.successors.all()) == {new}
