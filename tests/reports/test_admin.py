import pytest
from django.urls import reverse

from reports.models import CampaignReport
from tests.factories import CampaignReportFactory, ExemplaryModelFactory, make_user

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
        reverse("admin:reports_district_changelist"),
        reverse("admin:reports_reportingperiod_add"),
    ):
        assert admin_client.get(url).status_code == 200, url


def test_the_district_link_is_edited_on_the_user_page(admin_client, district_user):
    html = admin_client.get(reverse("admin:auth_user_change", args=[district_user.pk])).content.decode()
    assert 'name="staff_profile-0-district"' in html


def test_admin_report_list_is_scoped_like_the_staff_pages(client, district_user, con_cuong, ky_son):
    district_user.is_staff = True
    district_user.save()
    CampaignReportFactory(district=con_cuong)
    CampaignReportFactory(district=ky_son)
    client.force_login(district_user)
    response = client.get(reverse("admin:reports_campaignreport_changelist"))
    assert [r.district for r in response.context["cl"].result_list] == [con_cuong]
    assert CampaignReport.objects.count() == 2


def test_forbidden_page_is_in_vietnamese(province_client):
    response = province_client.get(reverse("reports:create"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
