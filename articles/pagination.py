"""Paginators for the public lists.

`KeysetPaginator`: random access without OFFSET, so page 1,000 costs what page 1 costs. `OFFSET
19980` makes the database walk and throw away 19,980 rows; instead one query numbers the list
(a window function over the index) and keeps the first key — (published_at, id) — of every page
plus the exact count, until the news changes (danvan_site.caching). Page 1 needs no numbering,
only the count. Page N is then a seek on the
(category, status, published_at, id) index: `WHERE (published_at, id) <= key[N] ORDER BY
published_at DESC, id DESC LIMIT 20`, and the pager ("1 2 3 … 1000") is exact.
"""

from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Window
from django.db.models.functions import Mod, RowNumber

from danvan_site import caching


class KeysetPaginator(Paginator):
    """A Paginator over a queryset ordered by ("-published_at", "-pk"), seeking by page keys.

    `index_key` names the list among the kept page keys (e.g. "category:12").
    """

    def __init__(self, object_list, per_page, *, index_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.index_key = index_key

    @cached_property
    def page_keys(self) -> tuple[int, list]:
        """The count and the first (published_at, pk) of every page, for pages after the first."""
        return caching.get_or_set(caching.NEWS, f"pages:{self.index_key}:{self.per_page}", self.number_pages)

    def number_pages(self) -> tuple[int, list]:
        order = [F("published_at").desc(), F("pk").desc()]
        rows = list(
            self.object_list.order_by()
            .annotate(row=Window(RowNumber(), order_by=order), total=Window(Count("pk")))
            .annotate(slot=Mod(F("row") - 1, self.per_page))
            .filter(slot=0)
            .order_by("row")
            .values_list("published_at", "pk", "total")
        )
        return (rows[0][2] if rows else 0, [(published_at, pk) for published_at, pk, _ in rows])

    @cached_property
    def count(self):
        # Page 1, the one read after every save, needs the count but no numbering.
        return caching.get_or_set(caching.NEWS, f"count:{self.index_key}", self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        if number == 1:
            return Page(self.object_list.order_by("-published_at", "-pk")[: self.per_page], 1, self)
        keys = self.page_keys[1]
        if not keys:
            return Page(self.object_list.none(), number, self)
        published_at, pk = keys[number - 1]
        items = (
            self.object_list.filter(published_at__lte=published_at)
            .exclude(published_at=published_at, pk__gt=pk)
            .order_by("-published_at", "-pk")[: self.per_page]
        )
        return Page(items, number, self)
