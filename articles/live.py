"""Live holes of cached pages (danvan_site.pagecache): rendered for each request."""

from django.template import Context, Template
from django.utils.html import escape

from danvan_site.pagecache import live

from .models import Article
from .templatetags.articles_tags import vn_number

# Rendered through the template tag, so the box is whatever `visitor_stats` draws.
_VISITOR_STATS = Template("{% load visitors_tags %}{% visitor_stats %}")


@live("visitor_stats")
def visitor_stats(request):
    return _VISITOR_STATS.render(Context({"request": request}))


@live("article_views")
def article_views(request, pk):
    pk = int(pk)
    # A page rendered just now already read the article: its count is as fresh as a new query.
    views = getattr(request, "fresh_view_counts", {}).get(pk)
    if views is None:
        views = Article.objects.filter(pk=pk).order_by().values_list("view_count", flat=True).first()
    return escape(vn_number(views or 0))
