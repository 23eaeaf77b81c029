"""Document search: by number however it is typed, and by summary and text without marks.

The same stack as articles.search: on PostgreSQL `websearch_to_tsquery` in the `vn_unaccent`
configuration against the GIN-indexed `search_vector`, ranked by `ts_rank` among the newest
SEARCH_LIMIT matches; on SQLite every folded word must occur in the folded `search_text`. A
query that looks like a number ("kh 177", "177/KH-HU") also matches `number_key` group by group,
and those documents come first. The result is a list of ids, best first: small enough to keep
(documents.views) until a document changes.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from articles.search import clean_query
from danvan_site.text import fold

from .numbers import looks_like_number

SEARCH_LIMIT = 500
# Documents that share every group of a number query: a handful in any real library.
NUMBER_LIMIT = 100


def ranked_ids(queryset, query: str) -> list[int]:
    """Ids of the documents of `queryset` matching `query`, best first, at most SEARCH_LIMIT."""
    query = clean_query(query)
    if not query:
        return []
    newest = ("-issued_on", "-pk")
    parts = looks_like_number(query)
    by_number = []
    if parts:
        by_number = list(
            queryset.matching_number(parts).order_by(*newest).values_list("pk", flat=True)[:NUMBER_LIMIT]
        )
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config="vn_unaccent")
        candidates = queryset.filter(search_vector=ts_query).order_by(*newest).values("pk")[:SEARCH_LIMIT]
        by_text = (
            queryset.filter(pk__in=candidates)
            .annotate(rank=SearchRank(F("search_vector"), ts_query))
            .order_by("-rank", *newest)
            .values_list("pk", flat=True)
        )
    else:
        words = [w.strip("\"'") for w in fold(query).split() if not w.startswith("-")]
        words = [w for w in words if w] or [fold(query)]
        match = Q()
        for word in words:
            match &= Q(search_text__contains=word)
        by_text = queryset.filter(match).order_by(*newest).values_list("pk", flat=True)[:SEARCH_LIMIT]
    first = set(by_number)
    return (by_number + [pk for pk in by_text if pk not in first])[:SEARCH_LIMIT]
