import hashlib
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import ListView, TemplateView

from danvan_site import caching
from danvan_site.clientaddr import client_hash
from danvan_site.pagination import KeptCountPaginator
from danvan_site.ratelimit import RateLimited, save_within_limit

from . import calendar_feed
from .forms import QuestionForm
from .models import CommissionPage, Department, Leader, Question, Rating, ScheduleItem
from .search import search_questions
from .weeks import Week


class CommissionMixin:
    """The commission's pages: their `{% cache %}` fragments vary on `commission_version`."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(commission_version=caching.version(caching.COMMISSION), **kwargs)


def _structure():
    return {
        "departments": list(Department.objects.all()),
        "leaders": list(Leader.objects.current()),
    }


class AboutView(CommissionMixin, TemplateView):
    """ "Giới thiệu": functions and tasks, the organisation chart, the leaders, the history."""

    template_name = "commission/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=SimpleLazyObject(CommissionPage.load), structure=SimpleLazyObject(_structure), **kwargs
        )


class EnglishView(AboutView):
    template_name = "commission/english.html"


class ScheduleView(CommissionMixin, TemplateView):
    """ "Lịch công tác": one week's published engagements by day (`?tuan=2026-W49`)."""

    template_name = "commission/schedule.html"
    BAD_WEEK = "Tuần «{}» không hợp lệ (ví dụ đúng: {}); đang hiển thị lịch công tác tuần này."

    def get_context_data(self, **kwargs):
        current = Week.of(timezone.localdate())
        raw = self.request.GET.get("tuan")
        week = current if raw is None else Week.parse(raw)
        notice = None
        if week is None:
            week = current
            notice = self.BAD_WEEK.format(raw[:20], current.param)

        def days():
            start, end = week.bounds()
            items = list(ScheduleItem.objects.published().between(start, end))
            return [(day, [i for i in items if timezone.localdate(i.starts_at) == day]) for day in week.days]

        return super().get_context_data(
            week=week,
            is_current_week=week == current,
            notice=notice,
            days=SimpleLazyObject(days),
            **kwargs,
        )


def schedule_ics(request):
    """The published work calendar as iCalendar, for a phone's calendar to subscribe to."""
    host = request.get_host()  # one of ALLOWED_HOSTS: the events' UIDs carry it
    body = caching.get_or_set(caching.COMMISSION, f"ics:{host}", lambda: calendar_feed.build(host))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response


class QuestionListView(CommissionMixin, ListView):
    """ "Hỏi đáp": answered questions, newest answer first, searchable without marks."""

    template_name = "commission/questions.html"
    context_object_name = "questions"
    paginate_by = 10

    def get_queryset(self):
        self.query = " ".join(self.request.GET.get("q", "").split())[:200]
        return search_questions(Question.objects.public(), self.query)

    def get_paginator(self, queryset, per_page, **kwargs):
        # Counted once per version of the commission's pages: a kept page then costs no query.
        key = "questions:" + hashlib.md5(self.query.encode(), usedforsecurity=False).hexdigest()
        return KeptCountPaginator(queryset, per_page, namespace=caching.COMMISSION, key=key, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


class ContactView(CommissionMixin, TemplateView):
    """ "Liên hệ": contacts from the site settings, the map, and the "Góp ý / Hỏi đáp" form.

    A question sent is saved as pending and the reader comes back to the form's place with the
    confirmation (post/redirect/get); a refused one is drawn again as typed, with the reason on
    the field at fault (or above the form for the honeypot and the rate limit).
    """

    template_name = "commission/contact.html"
    SENT_PARAM = "da-gui"
    TOO_MANY = (
        "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau {} phút; "
        "nội dung bạn đã nhập vẫn được giữ bên dưới."
    )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("question_form", None)
        return super().get_context_data(
            sent=self.request.GET.get(self.SENT_PARAM) == "1",
            blank_question_form=SimpleLazyObject(lambda: QuestionForm(defer_captcha=True)),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "new_code" in request.POST:
            # "Lấy mã kiểm tra" without JavaScript: the same text back, a fresh code, nothing saved.
            form = QuestionForm(initial=request.POST.dict())
            return self.render_to_response(self.get_context_data(question_form=form))
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(question_form=form))
        who = client_hash(request, "questions")
        since = timezone.now() - timedelta(minutes=settings.COMMENTS_RATE_WINDOW_MINUTES)

        def save():
            question = form.save(commit=False)
            question.client_hash = who
            question.status = Question.Status.PENDING
            question.save()

        try:
            # The same allowance as comments, counted on questions.
            save_within_limit(
                client_hash=who,
                sent_recently=lambda: Question.objects.from_client_since(who, since).count(),
                limit=settings.COMMENTS_RATE_LIMIT,
                save=save,
            )
        except RateLimited:
            form.add_error(None, self.TOO_MANY.format(settings.COMMENTS_RATE_WINDOW_MINUTES))
            return self.render_to_response(self.get_context_data(question_form=form), status=429)
        return redirect(f"{reverse('commission:contact')}?{self.SENT_PARAM}=1#gop-y")


# --- "Đánh giá mức độ hài lòng" -------------------------------------------------------------
RATING_PARAM = "danh-gia"
RATING_SIGNER = signing.Signer(salt="commission.rating.page")
# Pages that are not the public site: nothing to rate or share there (a password page's address
# carries the account's reset token).
NOT_RATED_PREFIXES = (
    "/admin/",
    "/bao-cao/",
    "/dang-nhap/",
    "/dang-xuat/",
    "/dat-mat-khau/",
    "/bien-tap/",
    "/danh-gia/",
    "/captcha/",
)


def rating_cookie_name(path: str) -> str:
    """One cookie per page path, named after a hash of the path and holding only "1": it says
    "this browser rated this page today" and nothing else — every browser that rated the page
    holds the same cookie, so it cannot tell one reader from another."""
    return "dg-" + hashlib.sha256(path.encode()).hexdigest()[:16]


def is_rated_path(path: str) -> bool:
    """A public page of this site: it resolves against the URLconf and is not a staff page."""
    if not path.startswith("/") or len(path) > Rating.PATH_MAX or path.startswith(NOT_RATED_PREFIXES):
        return False
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def _back(next_url: str, path: str, outcome: str):
    """Back to the page, at the rating box, with the outcome to show there."""
    parts = urlsplit(next_url)
    query = QueryDict(parts.query, mutable=True)
    query[RATING_PARAM] = outcome
    return redirect(f"{path}?{query.urlencode()}#danh-gia", permanent=False)


class RatingView(View):
    """One click: stores the page, the value and the day, then back to the page (no JavaScript).

    The page comes signed from the form the page itself drew, so only a page of this site that
    was actually served can be rated (a 404 page draws no form), and it must still resolve. A
    forged value or page is refused with 400; a second vote from the same browser on the same page
    the same day is not stored, and the reader is told so.
    """

    http_method_names = ["post"]
    REFUSED = "Không ghi nhận được đánh giá: {}."

    def refuse(self, request, reason):
        return render(request, "commission/rating_refused.html", {"reason": reason}, status=400)

    def post(self, request):
        try:
            path = RATING_SIGNER.unsign(request.POST.get("page", ""))
        except signing.BadSignature:
            return self.refuse(request, "trang được đánh giá không hợp lệ")
        if not is_rated_path(path):
            return self.refuse(request, "trang được đánh giá không tồn tại")
        try:
            value = int(request.POST.get("value", ""))
        except ValueError:
            value = None
        if value not in Rating.Value.values:
            return self.refuse(request, "mức độ hài lòng không hợp lệ")
        next_url = request.POST.get("next", "")
        if not (
            url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()})
            and urlsplit(next_url).path == path
        ):
            next_url = path
        cookie = rating_cookie_name(path)
        if request.COOKIES.get(cookie):
            return _back(next_url, path, "da-danh-gia")
        Rating.objects.create(path=path, value=value, day=timezone.localdate())
        response = _back(next_url, path, "cam-on")
        now = timezone.localtime()
        midnight = datetime.combine(now.date() + timedelta(days=1), time.min, tzinfo=now.tzinfo)
        response.set_cookie(
            cookie,
            "1",
            max_age=max(1, int((midnight - now).total_seconds())),
            path=reverse("commission:rate"),  # sent back only here, never with the pages
            secure=settings.CSRF_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
