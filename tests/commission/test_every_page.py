"""What every public page carries: the satisfaction rating, share links, the maintenance notice,
and links to the commission's pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from commission.models import Rating
from commission.views import RATING_SIGNER
from danvan_site.siteconfig.models import SiteSettings
from tests.factories import PublishedArticleFactory

pytestmark = pytest.mark.django_db


def rating_form(html):
    form = re.search(r'<form id="danh-gia".*?</form>', html, re.S).group(0)
    return {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1),
        "page": re.search(r'name="page" value="([^"]+)"', form).group(1),
        "next": re.search(r'name="next" value="([^"]+)"', form).group(1),
    }


@pytest.fixture
def csrf_client(client):
    client.handler.enforce_csrf_checks = True
    return client


def test_one_click_stores_the_page_the_value_and_the_day_only(csrf_client):
    article = PublishedArticleFactory()
    html = csrf_client.get(article.get_absolute_url()).content.decode()
    response = csrf_client.post("/danh-gia/", {**rating_form(html), "value": "3"})
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}?danh-gia=cam-on#danh-gia"
    rating = Rating.objects.get()
    assert (rating.path, rating.value, rating.day) == (article.get_absolute_url(), 3, timezone.localdate())
    assert {f.name for f in Rating._meta.get_fields()} == {"id", "path", "value", "day"}
    # The cookie says only "rated today", is sent back only to the rating address, and ends at midnight.
    cookie = next(c for c in response.cookies.values() if c.key.startswith("dg-"))
    assert cookie.value == "1" and cookie["path"] == "/danh-gia/" and cookie["httponly"]
    assert 0 < int(cookie["max-age"]) <= 24 * 3600
    thanks = csrf_client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã đánh giá trang này." in thanks[thanks.index('id="danh-gia"') :]


def test_a_second_vote_from_the_same_browser_on_the_same_page_the_same_day_is_refused(csrf_client):
    html = csrf_client.get("/gioi-thieu/").content.decode()
    data = {**rating_form(html), "value": "2"}
    csrf_client.post("/danh-gia/", data)
    response = csrf_client.post("/danh-gia/", {**data, "value": "1"})
    assert response["Location"].endswith("?danh-gia=da-danh-gia#danh-gia")
    assert Rating.objects.count() == 1
    page = csrf_client.get(response["Location"]).content.decode()
    assert "Bạn đã đánh giá trang này hôm nay." in page
    # Another page is another vote.
    other = csrf_client.get("/lich-cong-tac/").content.decode()
    csrf_client.post("/danh-gia/", {**rating_form(other), "value": "3"})
    assert Rating.objects.count() == 2


def test_the_rating_works_without_a_token_refused_by_csrf(csrf_client):
    html = csrf_client.get("/").content.decode()
    data = {**rating_form(html), "value": "3"}
    del data["csrfmiddlewaretoken"]
    assert csrf_client.post("/danh-gia/", data).status_code == 403
    assert Rating.objects.count() == 0


@pytest.mark.parametrize("value", ["4", "0", "-1", "abc", "", "3.0", "99999999999999999999"])
def test_a_forged_value_is_refused_without_a_500(client, value):
    response = client.post("/danh-gia/", {"page": RATING_SIGNER.sign("/"), "value": value, "next": "/"})
    assert response.status_code == 400
    assert "mức độ hài lòng không hợp lệ" in response.content.decode()
    assert Rating.objects.count() == 0


@pytest.mark.parametrize(
    "page",
    [
        "/khong-co-trang-nay/",  # unsigned
        RATING_SIGNER.sign("/khong-co-trang-nay/"),  # signed but resolves nowhere
        RATING_SIGNER.sign("/admin/"),  # not a public page
        RATING_SIGNER.sign("https://evil.example/"),
        RATING_SIGNER.sign("/" + "a" * 400),
        "",
    ],
)
def test_a_rating_for_a_page_that_does_not_exist_is_refused_without_a_500(client, page):
    response = client.post("/danh-gia/", {"page": page, "value": "3", "next": "/"})
    assert response.status_code == 400
    assert "Không ghi nhận được đánh giá" in response.content.decode()
    assert Rating.objects.count() == 0


def test_the_return_address_cannot_leave_the_rated_page(client):
    response = client.post(
        "/danh-gia/",
        {"page": RATING_SIGNER.sign("/hoi-dap/"), "value": "3", "next": "https://evil.example/hoi-dap/"},
    )
    assert response["Location"] == "/hoi-dap/?danh-gia=cam-on#danh-gia"


def test_the_return_keeps_the_pages_query(client):
    response = client.post(
        "/danh-gia/",
        {"page": RATING_SIGNER.sign("/hoi-dap/"), "value": "3", "next": "/hoi-dap/?q=dan+toc&page=2"},
    )
    assert response["Location"] == "/hoi-dap/?q=dan+toc&page=2&danh-gia=cam-on#danh-gia"


def test_a_password_page_offers_no_rating_and_no_share_link(client, django_user_model):
    """Its address carries the account's reset token: it is never shared or stored."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = django_user_model.objects.create_user("canbo", "canbo@example.vn", "x")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = f"/dat-mat-khau/{uid}/{default_token_generator.make_token(user)}/"
    for response in (client.get(path, follow=True), client.get(f"/dat-mat-khau/{uid}/sai-ma/")):
        html = response.content.decode()
        assert response.status_code == 200 and "<form" in html
        assert 'id="danh-gia"' not in html and "zalo.me" not in html and "facebook.com" not in html


def test_a_404_page_draws_no_rating_form(client):
    html = client.get("/tin-tuc/khong-co-bai-nay/").content.decode()
    assert 'id="danh-gia"' not in html


def test_every_public_page_has_the_rating_share_links_and_the_commission_links(client):
    article = PublishedArticleFactory()
    for path in ("/", article.get_absolute_url(), "/gioi-thieu/", "/lien-he/", "/hoi-dap/", "/en/"):
        html = client.get(path).content.decode()
        assert "Đánh giá mức độ hài lòng" in html, path
        for label in ("Hài lòng", "Bình thường", "Chưa hài lòng"):
            assert f">{label}</button>" in html
        assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in html
        assert "https://zalo.me/share?url=http%3A%2F%2Ftestserver" in html
        for url in ("/gioi-thieu/", "/lich-cong-tac/", "/hoi-dap/", "/lien-he/"):
            assert f'href="{url}"' in html
        assert re.search(r'<a class="lang-link" href="/en/" lang="en"', html)


def test_the_page_tools_need_no_script_and_change_no_csp(client):
    response = client.get("/")
    html = response.content.decode()
    tools = html[html.index('class="page-tools') :]
    tools = tools[: tools.index("</section>")]
    assert "<script" not in tools
    assert (
        "zalo" not in response["Content-Security-Policy"]
        and "facebook" not in response["Content-Security-Policy"]
    )


def _maintenance(starts_in, hours=4, message="Nâng cấp máy chủ."):
    starts = timezone.now() + starts_in
    site = SiteSettings.objects.filter(pk=1).first() or SiteSettings(pk=1)
    site.maintenance_starts_at, site.maintenance_ends_at = starts, starts + timedelta(hours=hours)
    site.maintenance_message = message
    site.save()
    return site


@pytest.mark.parametrize(
    ("starts_in", "shown"),
    [
        (timedelta(days=8), False),
        (timedelta(days=6, hours=23), True),
        (timedelta(hours=-1), True),  # under way
        (timedelta(hours=-5), False),  # over
    ],
)
def test_maintenance_is_announced_from_seven_days_before_until_it_ends(client, starts_in, shown):
    site = _maintenance(starts_in)
    html = client.get("/").content.decode()
    starts = timezone.localtime(site.maintenance_starts_at)
    text = f"Hệ thống tạm dừng để bảo trì từ {starts:%H:%M} ngày {starts:%d/%m/%Y} đến"
    assert (text in html) is shown
    assert ("Nâng cấp máy chủ." in html) is shown


def test_a_maintenance_saved_in_the_admin_shows_at_once_on_kept_pages(client):
    client.get("/")
    _maintenance(timedelta(days=1))
    assert 'id="maintenance-notice"' in client.get("/").content.decode()
    assert 'id="maintenance-notice"' in client.get("/lien-he/").content.decode()


def test_the_maintenance_window_must_end_after_it_starts(admin_client):
    now = timezone.localtime()
    response = admin_client.post(
        "/admin/siteconfig/sitesettings/add/",
        {
            "site_name": "Ban",
            "maintenance_starts_at_0": f"{now:%d/%m/%Y}",
            "maintenance_starts_at_1": "22:00",
            "maintenance_ends_at_0": f"{now:%d/%m/%Y}",
            "maintenance_ends_at_1": "21:00",
        },
    )
    assert response.status_code == 200
    assert "Thời gian kết thúc phải sau thời gian bắt đầu." in response.content.decode()


def test_the_sitemap_lists_the_commission_pages(client):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/gioi-thieu/", "/lien-he/", "/lich-cong-tac/", "/hoi-dap/", "/en/"):
        assert f"http://testserver{path}</loc>" in xml
