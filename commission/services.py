"""Answering a reader's question: recorded with who and when, and the reader told by e-mail."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from danvan_site.siteconfig.models import SiteSettings

from .models import Question

logger = logging.getLogger(__name__)


def question_answer(*, question: Question, answer: str, user, site_url: str) -> None:
    """Publish `answer` to `question` (status "answered"), then — once the answer is committed —
    e-mail the reader if they gave an address. A mail server that is down does not undo the
    answer: the failure is logged for the operator."""
    # The stored status, not the instance's: an admin form has already set the new one on it.
    stored = Question.objects.filter(pk=question.pk).values_list("status", flat=True).first()
    first_answer = stored != Question.Status.ANSWERED
    question.answer = answer
    question.status = Question.Status.ANSWERED
    if first_answer:  # a corrected answer keeps its date and place in /hoi-dap/
        question.answered_by = user
        question.answered_at = timezone.now()
    question.save()
    if first_answer and question.email:
        transaction.on_commit(lambda: _notify(question, site_url))


def _notify(question: Question, site_url: str) -> None:
    site_name = SiteSettings.load().site_name
    link = site_url.rstrip("/") + reverse("commission:questions") + f"#hoi-dap-{question.pk}"
    body = (
        f"Kính gửi {question.name},\n\n"
        f"{site_name} đã trả lời câu hỏi «{question.subject}» bạn gửi ngày "
        f"{timezone.localtime(question.created_at):%d/%m/%Y}.\n\n"
        f"{question.answer}\n\n"
        f"Xem trên trang: {link}\n\n"
        "Thư này được gửi tự động, vui lòng không trả lời thư."
    )
    try:
        send_mail(
            f"[{site_name}] Trả lời câu hỏi: {question.subject}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [question.email],
        )
    except OSError:
        logger.exception("Could not e-mail the answer to question %s", question.pk)
