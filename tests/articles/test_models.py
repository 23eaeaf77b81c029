from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, Category, Tag
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    PublishedArticleFactory,
    ReviewArticleFactory,
    ScheduledArticleFactory,
    image_file,
)

pytestmark = pytest.mark.django_db


def test_published_returns_only_what_the_public_may_see():
    visible = PublishedArticleFactory()
    ArticleFactory()  # draft
    ReviewArticleFactory()
    ScheduledArticleFactory()
    assert list(Article.objects.published()) == [visible]


def test_is_published_agrees_with_the_queryset():
    articles = [
        PublishedArticleFactory(),
        ArticleFactory(),
        ReviewArticleFactory(),
        ScheduledArticleFactory(),
    ]
    published_ids = set(Article.objects.published().values_list("pk", flat=True))
    assert {a.pk for a in articles if a.is_published()} == published_ids


def test_scheduled_article_becomes_visible_when_its_time_comes():
    article = ScheduledArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    with time_machine.travel(timezone.now() + timedelta(hours=2, minutes=1)):
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_slug_made_from_title_with_d_stroke():
    article = ArticleFactory(title="Đổi mới công tác dân vận ở Đảng bộ huyện Mường Nhé")
    assert article.slug == "doi-moi-cong-tac-dan-van-o-dang-bo-huyen-muong-nhe"


def test_slugs_are_unique():
    first = ArticleFactory(title="Hội nghị dân vận")
    second = ArticleFactory(title="Hội nghị dân vận")
    assert first.slug == "hoi-nghi-dan-van"
    assert second.slug == "hoi-nghi-dan-van-2"


def test_slug_never_changes_when_title_is_edited():
    article = PublishedArticleFactory(title="Tiêu đề ban đầu")
    article.title = "Tiêu đề đã sửa"
    article.save()
    article.refresh_from_db()
    assert article.slug == "tieu-de-ban-dau"


def test_category_slug_uses_vietnamese_rule():
    assert CategoryFactory(name="Công tác dân tộc – tôn giáo").slug == "cong-tac-dan-toc-ton-giao"


def test_tag_slug_maps_d_stroke():
    article = PublishedArticleFactory()
    article.tags.add("Đảng bộ")
    assert Tag.objects.get(name="Đảng bộ").slug == "dang-bo"


def test_body_is_sanitized_on_save():
    article = ArticleFactory(body='<p onclick="x()">Nội dung<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Nội dung</p>"


def test_search_text_is_folded():
    article = ArticleFactory(title="Dân vận khéo ở Mường Nhé", lead="Đồng bào", body="<p>Xây dựng</p>")
    assert "dan van kheo o muong nhe" in article.search_text
    assert "dong bao" in article.search_text


def test_cover_image_gets_thumbnail_and_content_renditions_on_save():
    article = ArticleFactory(cover_image=image_file(size=(2400, 1500)))
    article.refresh_from_db()
    assert (article.thumb_width, article.thumb_height) == (320, 200)
    assert article.large_width == 860
    assert article.cover_image.name.endswith(".jpg")


@time_machine.travel("2026-12-15 10:00 +07:00", tick=False)
def test_cover_renditions_are_stored_in_their_own_dated_folders():
    article = ArticleFactory(cover_image=image_file(name="le-hoi.jpg"))
    article.refresh_from_db()
    assert article.cover_image.name == "articles/2026/12/le-hoi.jpg"
    assert article.cover_thumb.name == "articles/thumbs/2026/12/le-hoi.webp"
    assert article.cover_large.name == "articles/large/2026/12/le-hoi.webp"
    assert article.cover_large.url == "/media/articles/large/2026/12/le-hoi.webp"
    assert article.cover_thumb.storage.exists(article.cover_thumb.name)
    assert article.cover_large.storage.exists(article.cover_large.name)


def test_category_allows_only_one_parent_level():
    from django.core.exceptions import ValidationError

    top = CategoryFactory()
    child = CategoryFactory(parent=top)
    grandchild = Category(name="Cháu", parent=child)
    with pytest.raises(ValidationError):
        grandchild.full_clean()


def test_menu_lists_top_level_categories_with_children_in_order():
    second = CategoryFactory(name="Hai", order=2)
    first = CategoryFactory(name="Một", order=1)
    child = CategoryFactory(name="Con", parent=first)
    CategoryFactory(name="Ẩn", in_menu=False)
    menu = Category.menu()
    assert menu == [first, second]
    assert menu[0].menu_children == [child]


def test_body_images_get_alt_lazy_loading_and_their_size(settings):
    from django.core.files.storage import default_storage

    name = default_storage.save("editor/anh.jpg", image_file(size=(860, 540)))
    article = ArticleFactory(
        body=f'<figure class="image"><img src="/media/{name}"><figcaption>Ảnh</figcaption></figure>'
    )
    assert f'<img src="/media/{name}" alt="" loading="lazy" width="860" height="540">' in article.body
    assert "<figcaption>Ảnh</figcaption>" in article.body
