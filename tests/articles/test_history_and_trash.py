"""Nothing lost: every version of an article or category is kept and restorable, and deleting an
article moves it to a trash editors restore from."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Category
from articles.tagging import tags_to_string
from tests.factories import CategoryFactory, PublishedArticleFactory, make_user, set_views, views_of

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


@pytest.fixture
def article():
    return PublishedArticleFactory(title="Bài sẽ bị xóa nhầm", slug="bai-se-bi-xoa-nham")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def trash(client, article):
    return client.post(f"{CHANGELIST}{article.pk}/delete/", {"post": "yes"})


def action(client, name, *articles, trash_view=False):
    url = CHANGELIST + ("?trash=1" if trash_view else "")
    data = {"action": name, "_selected_action": [a.pk for a in articles]}
    return client.post(url, data, follow=True)


class TestTrash:
    def test_trashed_article_is_not_published(self, article, editor):
        article.move_to_trash(editor)
        assert not Article.objects.published().filter(pk=article.pk).exists()
        assert not article.is_published()

    def test_trashed_article_page_is_404_for_the_public(self, client, article, editor):
        article.move_to_trash(editor)
        assert client.get(article.get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("url", ["/", "/rss/", "/sitemap.xml", "/tim-kiem/?q=xoa+nham"])
    def test_trashed_article_is_gone_from_public_lists(self, client, article, editor, url):
        assert article.title in client.get(url).content.decode() or url == "/sitemap.xml"
        article.move_to_trash(editor)
        html = client.get(url).content.decode()
        assert article.title not in html and article.slug not in html

    def test_admin_delete_keeps_the_article_in_the_trash(self, editor_client, article, editor):
        response = trash(editor_client, article)
        article.refresh_from_db()
        assert response.status_code == 302
        assert article.deleted_at is not None
        assert article.deleted_by == editor

    def test_admin_delete_says_where_the_article_went(self, editor_client, article):
        response = editor_client.post(f"{CHANGELIST}{article.pk}/delete/", {"post": "yes"}, follow=True)
        assert "vào thùng rác" in response.content.decode()

    def test_delete_confirmation_lists_only_the_article(self, editor_client, article):
        html = editor_client.get(f"{CHANGELIST}{article.pk}/delete/").content.decode()
        assert "Bài sẽ bị xóa nhầm" in html
        assert "Tagged" not in html

    def test_editor_list_hides_trashed_articles(self, editor_client, article, editor):
        article.move_to_trash(editor)
        response = editor_client.get(CHANGELIST)
        assert article not in response.context["cl"].result_list

    def test_trash_filter_lists_trashed_articles(self, editor_client, article, editor):
        kept = PublishedArticleFactory()
        article.move_to_trash(editor)
        response = editor_client.get(CHANGELIST + "?trash=1")
        assert list(response.context["cl"].result_list) == [article]
        assert kept not in response.context["cl"].result_list

    def test_restore_action_brings_the_article_back_to_the_public(
        self, editor_client, client, article, editor
    ):
        article.move_to_trash(editor)
        action(editor_client, "restore_from_trash", article, trash_view=True)
        article.refresh_from_db()
        assert article.deleted_at is None
        assert client.get(article.get_absolute_url()).status_code == 200

    def test_bulk_move_to_trash_action(self, editor_client, article):
        other = PublishedArticleFactory()
        action(editor_client, "move_to_trash", article, other)
        assert Article.objects.in_trash().count() == 2

    def test_writer_cannot_restore_from_the_trash(self, client, writer, editor):
        own = PublishedArticleFactory(created_by=writer)
        own.move_to_trash(editor)
        client.force_login(writer)
        action(client, "restore_from_trash", own, trash_view=True)
        own.refresh_from_db()
        assert own.in_trash

    def test_editor_cannot_purge_the_trash(self, editor_client, article, editor):
        article.move_to_trash(editor)
        action(editor_client, "purge_from_trash", article, trash_view=True)
        assert Article.objects.filter(pk=article.pk).exists()

    def test_superuser_can_purge_the_trash(self, client, article, editor):
        article.move_to_trash(editor)
        client.force_login(make_user("root", is_staff=True, is_superuser=True))
        action(client, "purge_from_trash", article, trash_view=True)
        assert not Article.objects.filter(pk=article.pk).exists()

    def test_purge_never_touches_articles_in_use(self, client, article):
        client.force_login(make_user("root", is_staff=True, is_superuser=True))
        action(client, "purge_from_trash", article, trash_view=True)
        assert Article.objects.filter(pk=article.pk).exists()


class TestHistory:
    def edit_title(self, client, article, title):
        response = client.get(f"{CHANGELIST}{article.pk}/change/")
        form = response.context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        data.update(
            {
                "title": title,
                "category": article.category_id,
                "tags": "",
                "published_at_0": article.published_at.strftime("%Y-%m-%d"),
                "published_at_1": article.published_at.strftime("%H:%M:%S"),
            }
        )
        data.pop("cover_image", None)
        data.pop("published_at", None)
        return client.post(f"{CHANGELIST}{article.pk}/change/", data)

    def test_every_save_is_a_version_with_its_author(self, editor_client, article, editor):
        response = self.edit_title(editor_client, article, "Tiêu đề đã sửa")
        assert response.status_code == 302
        latest = article.history.first()
        assert latest.title == "Tiêu đề đã sửa"
        assert latest.history_user == editor
        assert article.history.count() == 2

    def test_history_page_lists_versions_in_vietnamese(self, editor_client, article):
        self.edit_title(editor_client, article, "Tiêu đề đã sửa")
        html = editor_client.get(f"{CHANGELIST}{article.pk}/history/").content.decode()
        assert "Lịch sử thay đổi" in html
        assert "Người thực hiện" in html
        assert "Tạo mới" in html and "Sửa" in html

    def test_restore_this_version_brings_back_the_old_text(self, editor_client, article):
        original = article.history.last()
        self.edit_title(editor_client, article, "Tiêu đề sai")
        page = editor_client.get(f"{CHANGELIST}{article.pk}/history/{original.history_id}/")
        assert "Khôi phục phiên bản này" in page.content.decode()
        form = page.context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        data.update(
            {
                "tags": "",
                "category": article.category_id,
                "published_at_0": article.published_at.strftime("%Y-%m-%d"),
                "published_at_1": article.published_at.strftime("%H:%M:%S"),
                "_save": "Khôi phục phiên bản này",
            }
        )
        data.pop("cover_image", None)
        data.pop("published_at", None)
        response = editor_client.post(f"{CHANGELIST}{article.pk}/history/{original.history_id}/", data)
        article.refresh_from_db()
        assert response.status_code == 302
        assert article.title == "Bài sẽ bị xóa nhầm"

    def test_restoring_a_version_keeps_todays_view_count(self, editor_client, article):
        original = article.history.last()
        set_views(article, 57)
        page = editor_client.get(f"{CHANGELIST}{article.pk}/history/{original.history_id}/")
        form = page.context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        data.update(
            {
                "tags": "",
                "category": article.category_id,
                "published_at_0": article.published_at.strftime("%Y-%m-%d"),
                "published_at_1": article.published_at.strftime("%H:%M:%S"),
            }
        )
        data.pop("cover_image", None)
        data.pop("published_at", None)
        response = editor_client.post(f"{CHANGELIST}{article.pk}/history/{original.history_id}/", data)
        assert response.status_code == 302
        assert views_of(article) == 57

    def post_form(self, client, url, article, **changes):
        """Post the admin form at `url` (the article, or one of its versions) as shown, with changes."""
        form = client.get(url).context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        tags = data.get("tags", "")
        data["tags"] = tags if isinstance(tags, str) else tags_to_string(tags)
        data.update(
            {
                "category": article.category_id,
                "published_at_0": article.published_at.strftime("%Y-%m-%d"),
                "published_at_1": article.published_at.strftime("%H:%M:%S"),
                **changes,
            }
        )
        data.pop("cover_image", None)
        data.pop("published_at", None)
        return client.post(url, data)

    def test_each_version_keeps_its_tags_and_restoring_one_brings_them_back(self, editor_client, article):
        article.tags.set(["Dân vận khéo", "Nông thôn mới"])
        original = article.history.first()
        assert original.tag_names == "Dân vận khéo, Nông thôn mới"

        response = self.post_form(
            editor_client, f"{CHANGELIST}{article.pk}/change/", article, tags="Chuyển đổi số"
        )
        assert response.status_code == 302
        assert [t.name for t in article.tags.all()] == ["Chuyển đổi số"]
        assert article.history.first().tag_names == "Chuyển đổi số"
        history = editor_client.get(f"{CHANGELIST}{article.pk}/history/").content.decode()
        assert "Chuyển đổi số" in history and "Nông thôn mới" in history  # who changed the tags, when
        assert ">Thẻ<" in history and ">Trạng thái<" in history

        version = f"{CHANGELIST}{article.pk}/history/{original.history_id}/"
        shown = editor_client.get(version).context["adminform"].form.initial["tags"]
        assert [t.name for t in shown] == ["Dân vận khéo", "Nông thôn mới"]
        assert self.post_form(editor_client, version, article).status_code == 302
        assert sorted(t.name for t in article.tags.all()) == ["Dân vận khéo", "Nông thôn mới"]
        assert article.history.first().tag_names == "Dân vận khéo, Nông thôn mới"

    def test_trash_and_restore_are_in_the_history(self, article, editor):
        article.move_to_trash(editor)
        article.restore_from_trash()
        reasons = list(article.history.values_list("history_change_reason", flat=True)[:2])
        assert reasons == ["Khôi phục từ thùng rác", "Chuyển vào thùng rác"]

    def test_category_changes_are_kept(self, editor_client):
        category = CategoryFactory(name="Tin tức")
        category.name = "Tin tức – Sự kiện"
        category.save()
        assert [h.name for h in category.history.all()] == ["Tin tức – Sự kiện", "Tin tức"]

    def test_category_version_can_be_restored(self, editor_client):
        category = CategoryFactory(name="Tin tức")
        original = category.history.last()
        Category.objects.filter(pk=category.pk).update(name="Sai tên")
        page = editor_client.get(f"/admin/articles/category/{category.pk}/history/{original.history_id}/")
        form = page.context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        data["in_menu"] = "on"
        response = editor_client.post(
            f"/admin/articles/category/{category.pk}/history/{original.history_id}/", data
        )
        category.refresh_from_db()
        assert response.status_code == 302
        assert category.name == "Tin tức"


class TestHistoryReadsAsText:
    """The "Thay đổi" column says what changed in words a person reads."""

    BODY = '<p>Phong trào thi đua được triển khai sâu rộng.</p><p><img src="/media/a.jpg" alt="Hội nghị" width="10" height="8"></p>'

    @pytest.fixture
    def article(self):
        # To the second, as the admin's form writes it.
        published_at = timezone.now().replace(microsecond=0) - timedelta(hours=1)
        return PublishedArticleFactory(title="Bài có lịch sử", body=self.BODY, published_at=published_at)

    def save_body(self, client, article, body):
        response = client.get(f"{CHANGELIST}{article.pk}/change/")
        form = response.context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        published_at = timezone.localtime(article.published_at)
        data.update(
            {
                "body": body,
                "category": article.category_id,
                "tags": "",
                "published_at_0": published_at.strftime("%Y-%m-%d"),
                "published_at_1": published_at.strftime("%H:%M:%S"),
            }
        )
        data.pop("cover_image", None)
        data.pop("published_at", None)
        assert client.post(f"{CHANGELIST}{article.pk}/change/", data).status_code == 302

    def changes_column(self, client, article):
        html = client.get(f"{CHANGELIST}{article.pk}/history/").content.decode()
        return re.findall(r'<td class="history-changes-col">(.*?)</td>', html, re.S)

    def test_the_same_text_with_attributes_in_another_order_records_no_change(self, editor_client, article):
        versions = article.history.count()
        reordered = self.BODY.replace(
            '<img src="/media/a.jpg" alt="Hội nghị" width="10" height="8">',
            '<img height="8" width="10" alt="Hội nghị" src="/media/a.jpg">',
        )
        self.save_body(editor_client, article, reordered)
        assert article.history.count() == versions
        assert "Nội dung" not in " ".join(self.changes_column(editor_client, article))

    def test_a_body_change_is_shown_as_the_words_removed_and_added(self, editor_client, article):
        self.save_body(editor_client, article, self.BODY.replace("triển khai", "nhân rộng"))
        newest = self.changes_column(editor_client, article)[0]
        assert "<strong>Nội dung:</strong>" in newest
        assert "<del>triển khai</del> <ins>nhân rộng</ins>" in newest
        assert "Thời gian xuất bản" not in newest  # only what changed
        assert "&lt;p&gt;" not in newest and "chars]" not in newest  # no cut HTML

    def test_a_change_of_markup_only_says_so(self, editor_client, article):
        self.save_body(editor_client, article, self.BODY.replace("triển khai", "<strong>triển khai</strong>"))
        newest = self.changes_column(editor_client, article)[0]
        assert "<strong>Nội dung:</strong>" in newest and "chỉ đổi định dạng hoặc ảnh" in newest
