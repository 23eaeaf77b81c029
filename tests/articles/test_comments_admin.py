"""Moderating reader comments in the admin: who may, what it does, what editors see."""

import re

import pytest
from django.contrib.auth.models import Permission

from articles.models import Comment
from tests.factories import (
    ApprovedCommentFactory,
    CommentFactory,
    PublishedArticleFactory,
    RejectedCommentFactory,
    make_user,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/comment/"


def run_action(client, action, comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in comments], "index": 0},
        follow=True,
    )


def test_an_editor_approves_comments_in_bulk_and_they_appear_on_the_article(client, editor):
    article = PublishedArticleFactory()
    first, second = CommentFactory.create_batch(2, article=article)
    client.force_login(editor)
    response = run_action(client, "approve_selected", [first, second])
    assert "Đã duyệt 2 ý kiến." in response.content.decode()
    first.refresh_from_db()
    assert (first.status, first.moderated_by) == ("approved", editor)
    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert first.title in html and second.title in html


def test_rejecting_hides_a_comment_but_keeps_it(client, editor):
    comment = ApprovedCommentFactory()
    client.force_login(editor)
    run_action(client, "reject_selected", [comment])
    comment.refresh_from_db()
    assert comment.status == "rejected"
    client.logout()
    assert comment.title not in client.get(comment.article.get_absolute_url()).content.decode()


def test_an_editor_changes_the_status_on_the_change_page(client, editor):
    comment = CommentFactory()
    client.force_login(editor)
    response = client.post(f"{CHANGELIST}{comment.pk}/change/", {"status": "approved"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", editor)


def test_a_writer_cannot_see_or_moderate_comments(client, writer):
    comment = CommentFactory()
    client.force_login(writer)
    assert client.get(CHANGELIST).status_code == 403
    response = client.post(CHANGELIST, {"action": "approve_selected", "_selected_action": [comment.pk]})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_without_the_moderate_permission_there_is_no_approve_action(client):
    viewer = make_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    comment = CommentFactory()
    client.force_login(viewer)
    html = client.get(CHANGELIST).content.decode()
    assert comment.title in html
    assert "approve_selected" not in html
    run_action(client, "approve_selected", [comment])
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_deleting_needs_the_delete_permission(client):
    moderator = make_user("moderator", is_staff=True)
    moderator.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_comment", "change_comment", "moderate_comment"])
    )
    comment = CommentFactory()
    client.force_login(moderator)
    assert client.get(f"{CHANGELIST}{comment.pk}/delete/").status_code == 403
    client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"})
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_nobody_adds_a_comment_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(f"{CHANGELIST}add/").status_code == 403


def test_pending_comments_are_listed_first(client, editor):
    approved = ApprovedCommentFactory(title="Đã duyệt mới nhất")
    pending = CommentFactory(title="Đang chờ cũ hơn")
    RejectedCommentFactory(title="Bị từ chối")
    # The pending one is the oldest, yet it comes first.
    Comment.objects.filter(pk=pending.pk).update(created_at=approved.created_at.replace(year=2020))
    client.force_login(editor)
    html = client.get(CHANGELIST).content.decode()
    assert html.index("Đang chờ cũ hơn") < html.index("Đã duyệt mới nhất")
    assert html.index("Đang chờ cũ hơn") < html.index("Bị từ chối")


def test_the_list_filters_by_status_and_searches_the_text(client, editor):
    CommentFactory(title="Về đường giao thông", body="Đề nghị sửa cầu treo bản Đôn")
    ApprovedCommentFactory(title="Về trường học")
    client.force_login(editor)
    found = client.get(CHANGELIST, {"q": "cầu treo"}).content.decode()
    assert "Về đường giao thông" in found and "Về trường học" not in found
    approved = client.get(CHANGELIST, {"status__exact": "approved"}).content.decode()
    assert "Về trường học" in approved and "Về đường giao thông" not in approved


def test_html_in_a_comment_is_text_in_the_admin(client, editor):
    CommentFactory(title='<script>alert("x")</script>', body="<b>đậm</b>")
    client.force_login(editor)
    html = client.get(CHANGELIST).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_the_admin_index_shows_the_pending_count(client, editor):
    CommentFactory.create_batch(3)
    ApprovedCommentFactory()
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert re.search(r'<strong id="pending-comments">3</strong> ý kiến bạn đọc đang chờ duyệt', html)


def test_the_admin_index_shows_no_count_to_a_writer(client, writer):
    CommentFactory()
    client.force_login(writer)
    assert "pending-comments" not in client.get("/admin/").content.decode()


def test_the_article_change_page_shows_its_pending_count(client, editor):
    article = PublishedArticleFactory()
    CommentFactory.create_batch(2, article=article)
    ApprovedCommentFactory(article=article)
    CommentFactory()  # another article's
    client.force_login(editor)
    html = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert '<strong class="pending-comments">2 chờ duyệt</strong>' in html
    assert "1 đã duyệt" in html


def test_an_editor_closes_comments_on_an_article(client, editor):
    article = PublishedArticleFactory()
    client.force_login(editor)
    html = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="comments_enabled"' in html
