"""Answering questions in the admin, the reader's e-mail, and /hoi-dap/."""

import pytest
from django.core import mail
from django.utils import timezone

from commission.models import Question
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def question(**kwargs):
    values = {"name": "Trần Thị Mai", "email": "mai@example.com", "subject": "Lịch tiếp công dân",
              "body": "Xin hỏi lịch tiếp công dân?", "client_hash": "h"}  # fmt: skip
    values.update(kwargs)
    return Question.objects.create(**values)


def answered(subject, answer="Đã trả lời.", **kwargs):
    q = question(subject=subject, **kwargs)
    q.status, q.answer, q.answered_at = Question.Status.ANSWERED, answer, timezone.now()
    q.save()
    return q


def _admin_answer(client, user, q, answer="Lịch được đăng hằng tuần."):
    client.force_login(user)
    return client.post(f"/admin/commission/question/{q.pk}/change/", {"status": "answered", "answer": answer})


def test_provincial_staff_answer_in_the_admin_and_the_reader_gets_an_email(
    client, province, django_capture_on_commit_callbacks
):
    q = question()
    with django_capture_on_commit_callbacks(execute=True):
        response = _admin_answer(client, province, q)
    assert response.status_code == 302
    q.refresh_from_db()
    assert q.status == Question.Status.ANSWERED
    assert q.answered_by == province and q.answered_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mai@example.com"]
    assert "Lịch được đăng hằng tuần." in mail.outbox[0].body
    assert "Lịch tiếp công dân" in mail.outbox[0].subject


def test_no_email_is_sent_to_a_reader_who_gave_none(client, province, django_capture_on_commit_callbacks):
    q = question(email="")
    with django_capture_on_commit_callbacks(execute=True):
        _admin_answer(client, province, q)
    assert Question.objects.get().status == Question.Status.ANSWERED
    assert mail.outbox == []


def test_answering_without_an_answer_is_refused_on_the_field(client, province):
    q = question()
    response = _admin_answer(client, province, q, answer="  ")
    assert response.status_code == 200
    assert "Vui lòng nhập nội dung trả lời" in response.content.decode()
    assert Question.objects.get().status == Question.Status.PENDING


def test_an_editor_without_the_answer_permission_cannot_answer(client):
    editor = make_user("editor", groups=["Biên tập viên"], is_staff=True)
    q = question()
    client.force_login(editor)
    assert client.get(f"/admin/commission/question/{q.pk}/change/").status_code == 403


def test_only_answered_questions_show_newest_first_and_the_email_never(client):
    question(subject="Câu hỏi đang chờ")
    answered("Câu cũ")
    newer = answered("Câu mới")
    Question.objects.filter(pk=newer.pk).update(answered_at=timezone.now() + timezone.timedelta(hours=1))
    html = client.get("/hoi-dap/").content.decode()
    assert "Câu hỏi đang chờ" not in html
    assert html.index("Câu mới") < html.index("Câu cũ")
    assert "mai@example.com" not in html


def test_search_ignores_marks(client):
    answered("Hỗ trợ đồng bào tái định cư")
    answered("Thủ tục đăng ký mô hình")
    html = client.get("/hoi-dap/?q=dong bao tai dinh cu").content.decode()
    assert "Hỗ trợ đồng bào tái định cư" in html
    assert "Thủ tục đăng ký mô hình" not in html
    html = client.get("/hoi-dap/?q=đăng ký").content.decode()
    assert "Thủ tục đăng ký mô hình" in html and "tái định cư" not in html


def test_the_list_is_paginated(client):
    for n in range(12):
        answered(f"Câu số {n:02d}")
    first = client.get("/hoi-dap/").content.decode()
    second = client.get("/hoi-dap/?page=2").content.decode()
    assert first.count('class="question"') == 10
    assert second.count('class="question"') == 2
    assert 'rel="next"' in first


def test_a_new_answer_shows_at_once_although_the_list_is_kept(client):
    client.get("/hoi-dap/")
    answered("Câu vừa trả lời")
    assert "Câu vừa trả lời" in client.get("/hoi-dap/").content.decode()


def test_correcting_an_answer_sends_no_second_email_and_keeps_its_date(
    client, province, django_capture_on_commit_callbacks
):
    q = question()
    with django_capture_on_commit_callbacks(execute=True):
        _admin_answer(client, province, q)
    first = Question.objects.get().answered_at
    with django_capture_on_commit_callbacks(execute=True):
        _admin_answer(client, province, q, answer="Lịch được đăng hằng tuần, mục Lịch công tác.")
    q.refresh_from_db()
    assert q.answer.endswith("mục Lịch công tác.") and q.answered_at == first
    assert len(mail.outbox) == 1
