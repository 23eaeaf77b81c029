"""/gioi-thieu/ and /en/, the admin's rating results, and the query budgets of the new pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from commission.models import CommissionPage, Department, Leader, Question, Rating, ScheduleItem
from commission.weeks import Week
from tests.factories import image_file, make_user

pytestmark = pytest.mark.django_db

BUDGET = 10  # as an article page's, once the site-wide caches are warm


def structure(leaders=3, departments=4):
    CommissionPage.objects.create(
        functions="<p>Tham mưu <script>alert(1)</script>cho Tỉnh ủy</p>",
        history="<p>Lịch sử hình thành</p>",
        en_functions="<p>Advises the Provincial Party Committee</p>",
    )
    for n in range(departments):
        Department.objects.create(
            name=f"Phòng số {n}", en_name=f"Division {n}", head_name=f"Trưởng phòng {n}", order=n
        )
    for n in range(leaders):
        Leader.objects.create(
            name=f"Lãnh đạo {n}", title="Phó Trưởng ban", duties="Phụ trách", bio="Sinh năm 1975", order=n,
            photo=image_file(f"anh-{n}.png", size=(300, 400), fmt="PNG"),
        )  # fmt: skip
    Leader.objects.create(name="Người đã nghỉ", title="Nguyên Trưởng ban", is_current=False)


def test_about_page_shows_functions_chart_leaders_and_history_sanitized(client):
    structure()
    html = client.get("/gioi-thieu/").content.decode()
    assert "Tham mưu cho Tỉnh ủy" in html and "<script>alert(1)" not in html
    assert html.count('class="org-box"') == 4 and "Trưởng phòng 3" in html
    assert 'id="lanh-dao-' in html and "Nhiệm vụ được phân công" in html and "Sinh năm 1975" in html
    assert "Người đã nghỉ" not in html
    assert "Lịch sử hình thành" in html


def test_a_leaders_photo_is_reencoded_and_shrunk(client):
    leader = Leader.objects.create(
        name="A", title="Trưởng ban", photo=image_file("a.png", size=(1200, 1600), fmt="PNG")
    )
    assert leader.photo.name.endswith(".webp") and leader.photo.width == 600


def test_the_english_page_is_marked_english_with_structure_functions_and_contacts(client):
    from danvan_site.siteconfig.models import SiteSettings

    structure()
    SiteSettings.objects.create(phone="0238 111", email="ban@example.gov.vn")
    html = client.get("/en/").content.decode()
    assert '<div lang="en" class="english-page">' in html
    english = html[html.index('lang="en" class="english-page"') :]
    for text in ("Functions and tasks", "Advises the Provincial Party Committee", "Organisational structure",
                 "Division 2", "Contacts", "0238 111", "ban@example.gov.vn"):  # fmt: skip
        assert text in english


def test_an_edit_in_the_admin_shows_at_once_on_the_kept_page(client):
    structure()
    client.get("/gioi-thieu/")
    Department.objects.create(name="Phòng mới thành lập")
    assert "Phòng mới thành lập" in client.get("/gioi-thieu/").content.decode()


def test_the_admin_shows_the_months_ratings_per_page_and_overall(client):
    today = timezone.localdate()
    for value in (3, 3, 2):
        Rating.objects.create(path="/gioi-thieu/", value=value, day=today)
    Rating.objects.create(path="/", value=1, day=today)
    Rating.objects.create(path="/", value=1, day=today - timedelta(days=40))  # another month
    editor = make_user("editor", groups=["Biên tập viên"], is_staff=True)
    client.force_login(editor)
    html = client.get("/admin/commission/rating/").content.decode()
    assert "Toàn trang: 4 lượt đánh giá" in html
    row = html[html.index('data-page="/gioi-thieu/"') :]
    row = row[: row.index("</tr>")]
    assert '<td class="num" data-value="3">2</td>' in row and '<td class="num" data-value="2">1</td>' in row
    assert "<svg" in html and "<rect" in html
    assert client.get("/admin/commission/rating/?thang=khong-phai-thang").status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_query_budget_of_the_commission_pages(client, django_assert_max_num_queries, warm_site_caches, size):
    structure(leaders=size, departments=size)
    week = Week.of(timezone.localdate())
    for n in range(size):
        ScheduleItem.objects.create(starts_at=timezone.now() + timedelta(hours=n), content=f"Việc {n}")
        q = Question.objects.create(name="A", subject=f"Câu {n}", body="Hỏi", client_hash="h")
        q.status, q.answer, q.answered_at = Question.Status.ANSWERED, "Đáp", timezone.now()
        q.save()
    warm_site_caches()
    for url in ("/gioi-thieu/", "/en/", "/lien-he/", f"/lich-cong-tac/?tuan={week.param}", "/hoi-dap/",
                "/hoi-dap/?q=cau", "/lich-cong-tac.ics"):  # fmt: skip
        with django_assert_max_num_queries(BUDGET, info=url):
            assert client.get(url).status_code == 200
