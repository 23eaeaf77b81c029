"""Every public input against the payload corpus and against hypothesis-generated text.

Inputs: search `q`, `page` on every paginated list, category/article/print/tag/feed slugs, the
sitemap's `p`, extra query parameters kept by the pagination links, the login form and the reader
comment form (name, email, title, body).
Invariants: never a 500; what is reflected is escaped (no element appears that the page did not
already have); SQL in the search box is searched for as text, not run.
"""

from urllib.parse import quote

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from articles.models import Article
from articles.search import clean_query
from tests.factories import CategoryFactory, PublishedArticleFactory

from .payloads import PAYLOADS, TAG_MARKERS

pytestmark = pytest.mark.django_db

FUZZ = hsettings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a careless handler chokes on: Vietnamese with combining marks, RTL text and controls, NUL,
# emoji, surrogate-free arbitrary code points.
tricky_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("aăâeêioôơuưyđĐ\u0300\u0301\u0303\u0309\u0323\u202e\u200f\u0000 ")),
    st.text(alphabet=st.characters(categories=["Lo", "Mn", "Cc", "Cf", "So", "Zs"]), max_size=100),
    st.sampled_from(PAYLOADS),
)
numberish = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["last", "first", "", " 1", "1e3", "0x10", "１", "٣", "2\x00"]),
    tricky_text,
)


@pytest.fixture
def site():
    """A category with more than one page of articles, a tag, and text without digits."""
    category = CategoryFactory(name="Dân vận khéo", slug="dan-van-kheo")
    articles = [
        PublishedArticleFactory(
            title=f"Mô hình dân vận khéo {'abcdefghijklmnopqrstuvwxy'[n]}",
            lead="Sapo về mô hình.",
            category=category,
            tags=["Nông thôn mới"],
        )
        for n in range(25)
    ]
    return {"category": category, "article": articles[0]}


def tag_counts(html: str) -> dict[str, int]:
    lower = html.lower()
    return {marker: lower.count(marker) for marker in TAG_MARKERS}


def assert_withstands(client, url_for, baseline_url):
    """GET url_for(payload) for every payload: no 500, no new element on the page."""
    baseline = tag_counts(client.get(baseline_url).content.decode())
    problems = []
    for payload in PAYLOADS:
        url = url_for(payload)
        response = client.get(url)
        if response.status_code >= 500:
            problems.append((payload, response.status_code))
        elif response.status_code == 200 and tag_counts(response.content.decode()) != baseline:
            problems.append((payload, "reflected unescaped"))
    assert not problems


def test_search_query_withstands_the_corpus(client, site):
    assert_withstands(client, lambda p: f"/tim-kiem/?q={quote(p)}", "/tim-kiem/?q=abc")


def test_search_reflects_the_query_escaped(client, site):
    for payload in PAYLOADS:
        html = client.get("/tim-kiem/", {"q": payload}).content.decode()
        shown = clean_query(payload)
        if shown:
            assert f'value="{escape(shown)}"' in html, payload


@pytest.mark.parametrize("payload", ["' OR '1'='1", "' OR 1=1 --", "') OR ('x'='x", '" OR ""="'])
def test_sql_in_the_search_box_finds_nothing_instead_of_everything(client, site, payload):
    response = client.get("/tim-kiem/", {"q": payload})
    assert response.status_code == 200
    assert response.context["paginator"].count == 0


def test_sql_in_the_search_box_leaves_the_articles_alone(client, site):
    client.get("/tim-kiem/", {"q": "1; DROP TABLE articles_article; --"})
    client.get("/tim-kiem/", {"q": "'; DELETE FROM articles_article; --"})
    assert Article.objects.count() == 25


@pytest.mark.parametrize(
    "path", ["/chuyen-muc/dan-van-kheo/", "/the/nong-thon-moi/", "/tim-kiem/?q=mo+hinh&"]
)
def test_page_number_withstands_the_corpus(client, site, path):
    sep = "" if path.endswith("&") else "?"
    assert_withstands(client, lambda p: f"{path}{sep}page={quote(p)}", f"{path}{sep}page=1")


def test_bad_page_number_is_a_404_not_an_error(client, site):
    assert client.get("/chuyen-muc/dan-van-kheo/?page=abc").status_code == 404
    assert client.get("/chuyen-muc/dan-van-kheo/?page=999").status_code == 404


def test_extra_parameters_kept_by_pagination_links_are_escaped(client, site):
    assert_withstands(
        client, lambda p: f"/chuyen-muc/dan-van-kheo/?x={quote(p)}", "/chuyen-muc/dan-van-kheo/?x=1"
    )


@pytest.mark.parametrize(
    "template",
    ["/chuyen-muc/{}/", "/chuyen-muc/{}/rss/", "/tin-tuc/{}/", "/tin-tuc/{}/in/", "/the/{}/"],
)
def test_slug_withstands_the_corpus(client, site, template):
    def url_for(payload):
        return template.format(quote(payload, safe=""))

    assert_withstands(client, url_for, template.format("khong-co"))


def test_unknown_slug_is_a_vietnamese_404(client, site):
    response = client.get("/tin-tuc/%3Cscript%3E/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_sitemap_page_withstands_the_corpus(client, site):
    problems = [p for p in PAYLOADS if client.get("/sitemap.xml", {"p": p}).status_code >= 500]
    assert not problems


def test_login_form_withstands_the_corpus(client, site):
    """Each payload as username and password: refused with the form shown again, never a 500."""
    problems = []
    for payload in PAYLOADS:
        response = client.post("/dang-nhap/", {"username": payload, "password": payload})
        if response.status_code not in (200, 429):
            problems.append((payload, response.status_code))
    assert not problems


def test_login_form_keeps_the_typed_username_escaped(client, site):
    html = client.post("/dang-nhap/", {"username": '"><script>x</script>', "password": "x"}).content.decode()
    assert 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


@FUZZ
@given(q=tricky_text)
def test_search_never_fails_on_any_text(client, site, q):
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 200


@FUZZ
@given(q=tricky_text, page=numberish)
def test_search_pagination_never_fails(client, site, q, page):
    response = client.get("/tim-kiem/", {"q": q, "page": page})
    assert response.status_code in (200, 404)


@FUZZ
@given(page=numberish)
def test_category_pagination_never_fails(client, site, page):
    response = client.get("/chuyen-muc/dan-van-kheo/", {"page": page})
    assert response.status_code in (200, 404)


@FUZZ
@given(slug=tricky_text)
def test_any_slug_is_found_or_404(client, site, slug):
    for template in ("/chuyen-muc/{}/", "/tin-tuc/{}/", "/the/{}/", "/chuyen-muc/{}/rss/"):
        response = client.get(template.format(quote(slug, safe="")))
        assert response.status_code in (200, 301, 404)


@FUZZ
@given(username=tricky_text, password=tricky_text)
def test_login_never_fails_on_any_text(client, site, username, password):
    response = client.post("/dang-nhap/", {"username": username, "password": password})
    assert response.status_code in (200, 429)


# --- Reader comments -----------------------------------------------------------------------------
COMMENT_FIELDS = ("name", "email", "title", "body")


def comment_data(**overrides):
    from captcha.models import CaptchaStore

    data = {
        "name": "Nguyễn Văn Bình",
        "email": "",
        "title": "Ý kiến",
        "body": "Nội dung ý kiến.",
        "captcha_0": CaptchaStore.generate_key(),
        "captcha_1": "passed",  # accepted in test mode only (settings_test.CAPTCHA_TEST_MODE)
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def commentable(site, settings):
    settings.COMMENTS_RATE_LIMIT = 10_000  # the corpus is one client posting many times
    return site["article"]


@pytest.mark.parametrize("field", COMMENT_FIELDS)
def test_comment_field_withstands_the_corpus(client, commentable, field):
    """Each payload in one field: saved or refused on the field, never a 500 or a new element."""
    url = commentable.get_absolute_url()
    # A refused form shows the captcha again: compare with a plainly refused one.
    baseline = tag_counts(client.post(f"{url}y-kien/", comment_data(name="")).content.decode())
    problems = []
    for payload in PAYLOADS:
        response = client.post(f"{url}y-kien/", comment_data(**{field: payload}))
        if response.status_code not in (200, 302):
            problems.append((payload, response.status_code))
        elif response.status_code == 200 and tag_counts(response.content.decode()) != baseline:
            problems.append((payload, "reflected unescaped in the refused form"))
    assert not problems


def test_approved_hostile_comments_are_shown_escaped(client, commentable):
    from articles.models import Comment

    url = commentable.get_absolute_url()
    baseline = tag_counts(client.get(url).content.decode())
    for payload in PAYLOADS:
        client.post(f"{url}y-kien/", comment_data(name=payload[:100], title=payload[:200], body=payload))
    assert Comment.objects.count() > 50
    Comment.objects.all().moderate(Comment.Status.APPROVED, None)  # as the admin action does
    html = client.get(url).content.decode()
    assert escape("<script>alert(1)</script>") in html
    assert tag_counts(html) == baseline


@FUZZ
@given(name=tricky_text, title=tricky_text, body=tricky_text, email=tricky_text)
def test_comment_form_never_fails_on_any_text(client, commentable, name, title, body, email):
    data = comment_data(name=name, title=title, body=body, email=email)
    response = client.post(f"{commentable.get_absolute_url()}y-kien/", data)
    assert response.status_code in (200, 302)
