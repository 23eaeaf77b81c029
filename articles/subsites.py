"""The sub-sites' public pages ("trang thành phần", SPEC "Sub-sites"): `/don-vi/` and, per unit,
its home, its category pages and (articles.feeds) its feed. They read through the same kept
lists and fragments as the province's pages, under the news version."""

from functools import cached_property

from django.http import Http404
from django.views.generic import TemplateView

from danvan_site import caching
from danvan_site.text import fold

from .models import Category, Subsite
from .views import CategoryView, HomeBlocks

MODELS_ON_HOME = 6
DOCUMENTS_ON_HOME = 5


class SubsiteMixin:
    """Finds the sub-site of `<unit>` (404 in Vietnamese when no sub-site has that address) and
    puts it and its menu in the context: the banner and menu of base.html follow them."""

    def dispatch(self, request, *args, **kwargs):
        self.subsite = Subsite.from_slug(kwargs["unit"])
        if self.subsite is None:
            raise Http404("Không có trang đơn vị này.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subsite=self.subsite, menu_categories=Category.menu(self.subsite.pk), **kwargs
        )


class SubsiteBlocks(HomeBlocks):
    """A sub-site's home lists: its own featured, latest and per-category news, its unit's
    exemplary models from the showcase and its documents from the library; each read only when
    the kept fragment is missing."""

    def __init__(self, subsite):
        self.subsite = subsite

    @cached_property
    def exemplary_models(self):
        from reports.models import ExemplaryModel

        return list(
            ExemplaryModel.objects.showcased()
            .for_list()
            .filter(unit_id=self.subsite.unit_id)
            .order_by("-showcased_year", "-pk")[:MODELS_ON_HOME]
        )

    @cached_property
    def documents(self):
        """The unit's latest public documents from the library (/van-ban/?don-vi=<unit>)."""
        from documents.models import Document

        return list(
            Document.objects.public().for_list().of_subsite(self.subsite.pk).newest()[:DOCUMENTS_ON_HOME]
        )


class SubsiteHomeView(SubsiteMixin, TemplateView):
    template_name = "articles/subsite_home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(blocks=SubsiteBlocks(self.subsite), **kwargs)


class SubsiteCategoryView(SubsiteMixin, CategoryView):
    """`/don-vi/<unit>/chuyen-muc/<slug>/`: paginated like the province's category pages."""

    template_name = "articles/category.html"

    def get(self, request, *args, **kwargs):
        self.category = self.get_category()
        if self.category.subsite_id != self.subsite.pk:
            raise Http404("Không có chuyên mục này.")
        return super(CategoryView, self).get(request, *args, **kwargs)


class SubsiteListView(TemplateView):
    """`/don-vi/`: the units that have a sub-site, grouped as readers think of them."""

    template_name = "articles/subsite_list.html"
    GROUPS = (
        ("communes", "Xã, phường"),
        ("committees", "Đảng ủy trực thuộc Tỉnh ủy"),
        ("archives", "Đơn vị cấp huyện trước 01/07/2025 (lưu trữ)"),
    )

    @classmethod
    def group_of(cls, subsite) -> str:
        unit = subsite.unit
        if subsite.is_archived or unit.kind in unit.DISTRICT_LEVEL_KINDS:
            return "archives"  # no district-level unit has existed since 01/07/2025
        if unit.kind in unit.COMMUNE_LEVEL_KINDS:
            return "communes"
        return "committees"

    def groups(self):
        def build():
            members = {key: [] for key, _ in self.GROUPS}
            for site in sorted(Subsite.all_cached().values(), key=lambda s: (fold(s.name), s.name)):
                members[self.group_of(site)].append(site)
            return [(key, title, members[key]) for key, title in self.GROUPS if members[key]]

        return caching.get_or_set(caching.NEWS, "subsite-groups", build)

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=self.groups(), **kwargs)
