"""Editors limited to sub-sites (`Subsite.editors`): in the admin they see and change only their
sub-sites' articles, categories and comments; provincial editors see everything."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article, Category, Subsite
from tests.articles.test_admin import article_form
from tests.factories import (
    CategoryFactory,
    CommentFactory,
    PublishedArticleFactory,
    SubsiteFactory,
    UnitFactory,
    image_file,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites():
    mine = SubsiteFactory(name="Trang xã Của Tôi", unit=UnitFactory(kind="commune"))
    other = SubsiteFactory(name="Trang xã Khác", unit=UnitFactory(kind="commune"))
    return mine, other, CategoryFactory(subsite=mine), CategoryFactory(subsite=other), CategoryFactory()


@pytest.fixture
def limited(sites):
    user = make_user("coso", groups=["Biên tập viên trang thành phần"], is_staff=True)
    sites[0].editors.add(user)
    return user


def form_errors(response):
    return response.context["adminform"].form.errors


def test_limited_editor_lists_only_their_subsites_articles(client, sites, limited):
    mine, other, my_cat, other_cat, province_cat = sites
    PublishedArticleFactory(title="Bài của xã tôi", subsite=mine, category=my_cat)
    PublishedArticleFactory(title="Bài của xã khác", subsite=other, category=other_cat)
    PublishedArticleFactory(title="Bài của tỉnh", category=province_cat)
    client.force_login(limited)
    page = client.get("/admin/articles/article/").content.decode()
    assert "Bài của xã tôi" in page
    assert "Bài của xã khác" not in page and "Bài của tỉnh" not in page


def test_provincial_editor_lists_everything(client, sites, editor):
    mine, other, my_cat, other_cat, province_cat = sites
    PublishedArticleFactory(title="Bài của xã tôi", subsite=mine, category=my_cat)
    PublishedArticleFactory(title="Bài của tỉnh", category=province_cat)
    client.force_login(editor)
    page = client.get("/admin/articles/article/").content.decode()
    assert "Bài của xã tôi" in page and "Bài của tỉnh" in page


def test_limited_editor_publishes_on_their_subsite(client, sites, limited):
    mine, my_cat = sites[0], sites[2]
    client.force_login(limited)
    response = client.post("/admin/articles/article/add/", article_form(my_cat, subsite=mine.pk))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.subsite == mine and article.status == Article.Status.PUBLISHED


@pytest.mark.parametrize("where", ["province", "other"])
def test_limited_editor_is_refused_elsewhere_with_nothing_lost(client, sites, limited, where):
    mine, other, my_cat, other_cat, province_cat = sites
    data = (
        article_form(province_cat, subsite="")
        if where == "province"
        else article_form(other_cat, subsite=other.pk)
    )
    client.force_login(limited)
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "subsite" in errors
    assert "Trang xã Của Tôi" in errors["subsite"][0]  # names where they may write
    assert 'value="Bài mới của phóng viên"' in response.content.decode()  # the title as typed
    assert not Article.objects.exists()


def test_limited_editor_cannot_open_another_sites_article_or_its_history(client, sites, limited):
    other, other_cat = sites[1], sites[3]
    article = PublishedArticleFactory(subsite=other, category=other_cat)
    client.force_login(limited)
    assert client.get(f"/admin/articles/article/{article.pk}/change/").status_code == 302
    assert client.get(f"/admin/articles/article/{article.pk}/history/").status_code in (302, 403)


def test_category_must_belong_to_the_articles_site(client, sites, editor):
    mine, province_cat = sites[0], sites[4]
    client.force_login(editor)
    response = client.post("/admin/articles/article/add/", article_form(province_cat, subsite=mine.pk))
    assert response.status_code == 200
    assert "thuộc trang tỉnh" in form_errors(response)["category"][0]


def test_archived_subsite_takes_no_new_article(client, sites, editor):
    archive = SubsiteFactory(name="Trang huyện cũ", is_archived=True)
    cat = CategoryFactory(subsite=archive)
    client.force_login(editor)
    response = client.post("/admin/articles/article/add/", article_form(cat, subsite=archive.pk))
    assert response.status_code == 200
    assert "đã lưu trữ" in form_errors(response)["subsite"][0]
    assert not Article.objects.exists()


def test_history_and_trash_work_for_subsite_articles(client, sites, limited):
    mine, my_cat = sites[0], sites[2]
    article = PublishedArticleFactory(title="Bài của xã tôi", subsite=mine, category=my_cat)
    client.force_login(limited)
    assert client.get(f"/admin/articles/article/{article.pk}/history/").status_code == 200
    response = client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.in_trash
    trash = client.get("/admin/articles/article/?trash=1").content.decode()
    assert "Bài của xã tôi" in trash


def test_limited_editor_moderates_only_their_subsites_comments(client, sites, limited):
    mine, other, my_cat, other_cat, province_cat = sites
    CommentFactory(title="Ý kiến ở xã tôi", article=PublishedArticleFactory(subsite=mine, category=my_cat))
    CommentFactory(
        title="Ý kiến ở xã khác", article=PublishedArticleFactory(subsite=other, category=other_cat)
    )
    CommentFactory(title="Ý kiến ở tỉnh", article=PublishedArticleFactory(category=province_cat))
    client.force_login(limited)
    page = client.get("/admin/articles/comment/").content.decode()
    assert "Ý kiến ở xã tôi" in page
    assert "Ý kiến ở xã khác" not in page and "Ý kiến ở tỉnh" not in page


def test_limited_editor_sees_and_adds_only_their_categories(client, sites, limited):
    mine, other, my_cat, other_cat, province_cat = sites
    client.force_login(limited)
    page = client.get("/admin/articles/category/").content.decode()
    assert my_cat.name in page and other_cat.name not in page and province_cat.name not in page
    data = {"name": "Chuyên mục mới", "slug": "", "description": "", "order": 0, "in_menu": "on"}
    refused = client.post("/admin/articles/category/add/", {**data, "subsite": ""})
    assert refused.status_code == 200 and "subsite" in form_errors(refused)
    assert client.post("/admin/articles/category/add/", {**data, "subsite": mine.pk}).status_code == 302
    assert Category.objects.get(name="Chuyên mục mới").subsite == mine


def subsite_form(unit, **overrides):
    data = {"unit": unit.pk, "name": "Trang mới", "slug": "", "intro": "", "links": "", "editors": []}
    data.update(overrides)
    return data


def test_banner_that_is_not_an_image_is_refused_on_the_field(client, editor):
    unit = UnitFactory(kind="commune")
    client.force_login(editor)
    fake = SimpleUploadedFile("banner.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = client.post("/admin/articles/subsite/add/", subsite_form(unit, banner=fake))
    assert response.status_code == 200
    assert "không phải là ảnh" in form_errors(response)["banner"][0]
    assert 'value="Trang mới"' in response.content.decode()
    assert not Subsite.objects.exists()


def test_banner_upload_is_reencoded(client, editor):
    unit = UnitFactory(kind="commune")
    client.force_login(editor)
    png = image_file("banner.png", size=(1200, 160), fmt="PNG")
    assert client.post("/admin/articles/subsite/add/", subsite_form(unit, banner=png)).status_code == 302
    subsite = Subsite.objects.get()
    assert subsite.banner.name.endswith(".webp") and subsite.banner_width == 1200
    assert subsite.slug == unit.slug


def test_limited_editor_edits_their_subsite_but_not_who_owns_it(client, sites, limited):
    mine, other = sites[0], sites[1]
    client.force_login(limited)
    page = client.get(f"/admin/articles/subsite/{mine.pk}/change/").content.decode()
    assert 'name="intro"' in page and 'name="unit"' not in page and 'name="editors"' not in page
    assert client.get(f"/admin/articles/subsite/{other.pk}/change/").status_code == 302
    assert client.get("/admin/articles/subsite/add/").status_code == 403


def test_subsite_editor_cannot_touch_the_province_settings(client, limited):
    client.force_login(limited)
    assert client.get("/admin/siteconfig/sitesettings/").status_code == 403
