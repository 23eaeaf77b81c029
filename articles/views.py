import hashlib
import logging
from functools import cached_property, partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from danvan_site import caching, images
from danvan_site.clientaddr import client_hash
from danvan_site.pagination import KeptCountPaginator
from danvan_site.visitors import counting
from reports.embeds import has_embeds

from .comments import RateLimited, post_comment
from .forms import CommentForm
from .models import Article, ArticleViews, Category, Subsite, Tag
from .pagination import KeysetPaginator
from .search import SEARCH_LIMIT, clean_query, search_articles

logger = logging.getLogger(__name__)


class PublicArticleMixin:
    """Public lists: `Article.objects.published()` only, paginated."""

    paginate_by = settings.ARTICLES_PER_PAGE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_list()


class HomeBlocks:
    """The home page's lists, each read from the database only when the page is not kept
    (templates/articles/home.html keeps it in a `{% cache %}` fragment)."""

    featured_count = 5
    latest_count = 8
    per_section = 5
    from_units_count = 6
    subsite = None  # the province's home; a sub-site's home sets it (articles.subsites)

    @cached_property
    def menu(self):
        return Category.menu(self.subsite.pk if self.subsite else None)

    @cached_property
    def lists(self):
        """Every list of the page, in two queries (`Article.objects.newest_of_each`)."""
        articles = Article.objects.published()
        site = articles.province() if self.subsite is None else articles.filter(subsite=self.subsite)
        groups = {
            "featured": (site.filter(is_featured=True), self.featured_count),
            # The newest of all, featured or not: `latest` leaves out those shown as featured.
            "latest": (site, self.featured_count + self.latest_count),
            **{cat: (articles.in_category(cat), self.per_section) for cat in self.menu},
        }
        if self.subsite is None:
            groups["from_units"] = (articles.from_subsites(), self.from_units_count)
        return Article.objects.newest_of_each(groups)

    @property
    def featured(self):
        return self.lists["featured"]

    @property
    def latest(self):
        featured = {a.pk for a in self.featured}
        return [a for a in self.lists["latest"] if a.pk not in featured][: self.latest_count]

    @property
    def sections(self):
        """(category, its newest articles) for each menu category that has any."""
        return [(cat, self.lists[cat]) for cat in self.menu if self.lists[cat]]

    @property
    def from_units(self):
        """ "Tin từ cơ sở": the newest articles of every sub-site, each with its sub-site."""
        articles = self.lists["from_units"]
        for a in articles:
            a.site = Subsite.cached(a.subsite_id)
        return articles


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(blocks=HomeBlocks(), **kwargs)


class CategoryView(PublicArticleMixin, ListView):
    template_name = "articles/category.html"
    paginator_class = KeysetPaginator

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # Deep pages seek instead of OFFSET-scanning 15 years of archive (articles.pagination).
        return KeysetPaginator(queryset, per_page, index_key=f"category:{self.category.pk}")

    def get(self, request, *args, **kwargs):
        self.category = self.get_category()
        if self.category.subsite_id:
            # A sub-site's category lives under the sub-site's address.
            return redirect(self.category.get_absolute_url(), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_category(self) -> Category:
        category = Category.by_slug().get(self.kwargs["slug"])
        if category is None:
            raise Http404("Không có chuyên mục này.")
        return category

    def get_queryset(self):
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagView(PublicArticleMixin, ListView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_paginator(self, queryset, per_page, **kwargs):
        return KeptCountPaginator(
            queryset, per_page, namespace=caching.NEWS, key=f"tag:{self.tag.pk}", **kwargs
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SearchView(PublicArticleMixin, ListView):
    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = clean_query(self.request.GET.get("q", ""))
        # `?don-vi=<unit-slug>` narrows the search to one sub-site.
        self.subsite = None
        articles = super().get_queryset()
        if unit := self.request.GET.get("don-vi"):
            self.subsite = Subsite.from_slug(unit)
            if self.subsite is None:
                raise Http404("Không có trang đơn vị này.")
            articles = articles.filter(subsite=self.subsite)
        # One candidate more than shown tells whether there are more results than we rank.
        return search_articles(articles, self.query, limit=SEARCH_LIMIT + 1)

    def paginate_queryset(self, queryset, page_size):
        # The ids of at most SEARCH_LIMIT + 1 matches, best first, found in one query and kept
        # until the news changes: paging through a search then reads only the page's rows.
        ranked = []
        if self.query:
            scoped = f"{self.subsite.pk if self.subsite else ''}:{self.query}"
            key = "search:" + hashlib.md5(scoped.encode(), usedforsecurity=False).hexdigest()
            ranked = caching.get_or_set(
                caching.NEWS, key, lambda: list(queryset.values_list("pk", flat=True))
            )
        self.more_results = len(ranked) > SEARCH_LIMIT
        paginator, page, ids, is_paginated = super().paginate_queryset(ranked[:SEARCH_LIMIT], page_size)
        # Read only when the page's fragment is not kept (templates/articles/search.html).
        return paginator, page, SimpleLazyObject(lambda: self.rows_in_order(ids)), is_paginated

    @staticmethod
    def rows_in_order(ids):
        rows = Article.objects.published().for_list().in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]  # not unpublished since the ids were kept

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(query=self.query, search_limit=SEARCH_LIMIT, **kwargs)
        ctx["more_results"] = self.more_results
        if self.subsite is not None:
            ctx.update(subsite=self.subsite, menu_categories=Category.menu(self.subsite.pk))
        return ctx


class ArticleDetailView(DetailView):
    template_name = "articles/detail.html"
    context_object_name = "article"
    counts_view = True  # "Lượt xem": this page is a view of the article

    def get_queryset(self):
        qs = Article.objects.with_views().select_related("category", "category__parent")
        # Staff who may edit articles get a preview of unpublished ones.
        if self.request.user.has_perm("articles.change_article"):
            return qs
        return qs.published()

    def get_object(self, queryset=None):
        if self.request.user.has_perm("articles.change_article"):
            return super().get_object(queryset)  # a preview shows the article as stored now
        # The public article is kept until the news changes; its view count is read afresh.
        slug = self.kwargs["slug"]
        if len(slug) > Article._meta.get_field("slug").max_length:
            raise Http404("Không có bài viết này.")  # and no cache key that long
        read_now = []

        def read():
            read_now.append(True)
            return DetailView.get_object(self, queryset)

        article = caching.get_or_set(caching.NEWS, f"article:{slug}", read)
        if not read_now:
            views = (
                Article.objects.filter(pk=article.pk)
                .with_views()
                .values_list("view_count", flat=True)
                .first()
            )
            if views is None:  # deleted a moment ago, before the news version changed
                raise Http404("Không có bài viết này.")
            article.view_count = views
        return article

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.counts_view:
            count_view(request, self.object)
        return response

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        article = self.object
        # Read only when the article's kept fragments are missing (templates/articles/detail.html).
        ctx["tags"] = SimpleLazyObject(article.sorted_tags)
        ctx["related"] = SimpleLazyObject(
            lambda: Article.objects.related_to(article, settings.RELATED_ARTICLES)
        )
        ctx["comments"] = caching.get_or_set(
            caching.NEWS, f"comments:{article.pk}", lambda: list(article.comments.public())
        )
        ctx["is_preview"] = not article.is_published()
        # A sub-site's article shows under the sub-site's banner and menu.
        if subsite := Subsite.cached(article.subsite_id):
            ctx.update(subsite=subsite, menu_categories=Category.menu(subsite.pk))
        ctx["comments_open"] = article.comments_open()
        # A body with a period summary in it (reports.embeds) is kept until the reports change too.
        ctx["embeds_version"] = caching.version(caching.REPORTS) if has_embeds(article.body) else 0
        # `comment_form`: a form sent back (refused, or asking for a new code), drawn as typed;
        # otherwise the blank form, built only when its kept HTML is missing.
        ctx["blank_comment_form"] = SimpleLazyObject(lambda: CommentForm(defer_captcha=True))
        return ctx


def count_view(request, article: Article) -> None:
    """Count this page as a view of `article` (SPEC "Counting rules": once per visitor per 30
    minutes, never for a bot or a preview), with the visit's writes once the page is served. The
    page shows the count as it was before the view."""
    if article.is_published():
        counting.add_view(
            request,
            article.pk,
            partial(counting.add_one, ArticleViews, "count", article_id=article.pk),
        )


class CommentCreateView(ArticleDetailView):
    """A reader posts a comment: saved as pending, then back to the article (post/redirect/get).

    A refused comment re-renders the article page with the form as typed and the reason on the
    field at fault (or at the top of the form for the honeypot, a closed article, the rate limit).
    """

    http_method_names = ["post"]
    THANKS = "Cảm ơn bạn, ý kiến sẽ hiển thị sau khi được duyệt."
    SENT_ANCHOR = "comment-sent"  # the thank-you's id on the article page
    CLOSED = "Bài viết này đã đóng ý kiến bạn đọc, ý kiến của bạn chưa được gửi."
    TOO_MANY = (
        "Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau {} phút; "
        "nội dung bạn đã nhập vẫn được giữ bên dưới."
    )

    def get_queryset(self):
        return Article.objects.published().with_views().select_related("category", "category__parent")

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()
        if "new_code" in request.POST:
            # "Đổi mã khác" without JavaScript: the same text back, a fresh code, nothing saved.
            form = CommentForm(initial=request.POST.dict())
            return self.render_to_response(self.get_context_data(comment_form=form))
        form = CommentForm(request.POST)
        valid = form.is_valid()
        if not article.comments_open():
            form.add_error(None, self.CLOSED)
            return self.form_invalid(form, status=403)
        if not valid:
            return self.form_invalid(form)
        try:
            post_comment(article=article, form=form, client_hash=client_hash(request, "comments"))
        except RateLimited:
            form.add_error(None, self.TOO_MANY.format(settings.COMMENTS_RATE_WINDOW_MINUTES))
            return self.form_invalid(form, status=429)
        # Shown above the comment form, where the reader was, not at the top of a long page.
        messages.success(request, self.THANKS, extra_tags=self.SENT_ANCHOR)
        return redirect(f"{article.get_absolute_url()}#{self.SENT_ANCHOR}")

    def form_invalid(self, form, status=200):
        return self.render_to_response(self.get_context_data(comment_form=form), status=status)


class ArticlePrintView(ArticleDetailView):
    template_name = "articles/print.html"
    counts_view = False  # printing is not another view of the article

    def get_context_data(self, **kwargs):
        ctx = DetailView.get_context_data(self, **kwargs)
        ctx["tags"] = self.object.sorted_tags()
        return ctx


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


@require_POST
@login_required
def editor_upload(request):
    """CKEditor 5 image upload: staff only; the image is verified, re-encoded and resized."""
    if not request.user.is_staff:
        raise PermissionDenied
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "Chưa chọn ảnh."}}, status=400)
    try:
        images.validate_image_file(upload)
    except ValidationError as exc:
        return JsonResponse({"error": {"message": exc.messages[0]}}, status=400)
    content = images.content_width(upload, upload.name)
    name = default_storage.save(f"editor/{content.name}", content)
    return JsonResponse({"url": default_storage.url(name)})
