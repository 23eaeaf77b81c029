"""Settings of the benchmarks: exactly the production settings, plus two things only a
benchmark needs — the floor page (`bench.urls`) and the fresh-page switch (`bench.middleware`).

    DJANGO_SETTINGS_MODULE=bench.settings  (bench/run.py and bench/counter.py set it)
"""

from danvan_site.settings import *  # noqa: F403 — the production settings, unchanged
from danvan_site.settings import MIDDLEWARE as _PRODUCTION_MIDDLEWARE

ROOT_URLCONF = "bench.urls"
# First: a request that asks for a fresh page drops the page's kept entries before anything reads them.
MIDDLEWARE = ["bench.middleware.FreshPageMiddleware", *_PRODUCTION_MIDDLEWARE]
# The same local-memory cache, listing its keys for the fresh-page switch.
CACHES = {**CACHES, "local": {**CACHES["local"], "BACKEND": "bench.cache.KeyListingLocMemCache"}}  # noqa: F405
