"""A paginator whose count is kept (danvan_site.caching) until what it counts changes."""

from functools import cached_property

from django.core.paginator import Paginator

from danvan_site import caching


class KeptCountPaginator(Paginator):
    """Django's Paginator, counting `object_list` once per version of `namespace`: a kept list
    page then costs no query at all (its rows are read only when its fragment is missing)."""

    def __init__(self, object_list, per_page, *, namespace: str, key: str, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.namespace, self.key = namespace, key

    @cached_property
    def count(self):
        return caching.get_or_set(self.namespace, f"count:{self.key}", self.object_list.count)
