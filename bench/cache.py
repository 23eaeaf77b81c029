"""The benchmark's "local" cache: Django's local-memory cache, as in production, that also lists
the keys it holds, so that `X-Bench-Fresh` (bench/middleware.py) can drop a page's own entries
and keep the layout's."""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache


class KeyListingLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self.keys = set()
        self.max_keys = 4 * int(params.get("OPTIONS", {}).get("MAX_ENTRIES", 300))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._listed(key)
        return super().add(key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._listed(key)
        super().set(key, value, timeout, version)

    def clear(self):
        self.keys.clear()
        super().clear()

    def _listed(self, key):
        self.keys.add(key)
        if len(self.keys) > self.max_keys:  # forget the keys the cache itself culled
            self.keys = {k for k in self.keys if self.has_key(k)}
