"""The benchmark's floor page: the public base layout rendered with no database query.

`make bench` compares every page to it, so ratios say what our code costs on top of Django's
request cycle and template engine. Mounted at /bench/floor/ by `bench.urls`, never in production.
"""

from datetime import UTC, datetime, timedelta

from django.views.generic import TemplateView

from articles.models import Article, Category
from danvan_site.siteconfig.models import SiteSettings

_BASE = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
# Unsaved objects with the shape the layout expects: same markup, no query.
FLOOR_SETTINGS = SiteSettings(
    site_name="Ban Dân vận Tỉnh ủy Nghệ An",
    tagline="Trang thông tin điện tử",
    footer_lines="Cơ quan chủ quản: Ban Dân vận Tỉnh ủy\nĐịa chỉ: Số 3, đường Trường Thi, TP Vinh",
    links="Cổng thông tin Chính phủ | https://chinhphu.vn",
)
FLOOR_MENU = [Category(pk=n, name=f"Chuyên mục số {n}", slug=f"chuyen-muc-so-{n}") for n in range(1, 8)]
for _cat in FLOOR_MENU:
    _cat.menu_children = []
FLOOR_ARTICLES = [
    Article(
        pk=n,
        title=f"Hội nghị tổng kết công tác dân vận năm {2026 - n}",
        slug=f"hoi-nghi-tong-ket-cong-tac-dan-van-nam-{2026 - n}",
        published_at=_BASE - timedelta(days=n),
    )
    for n in range(6)
]
for _article in FLOOR_ARTICLES:
    _article.view_count = 1000 + _article.pk  # as `Article.objects.with_views()` gives it


class FloorView(TemplateView):
    template_name = "bench/floor.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            site_settings=FLOOR_SETTINGS,
            menu_categories=FLOOR_MENU,
            floor_articles=FLOOR_ARTICLES,
            floor_stats={"online": 12, "today": 345, "week": 6789, "total": 234466},
            **kwargs,
        )
