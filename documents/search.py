"""Document search: by number however it is typed, and by summary and text without marks.

The same stack as articles.search: on PostgreSQL `websearch_to_tsquery` in the `vn_unaccent`
configuration against the GIN-indexed `search_vector`, ranked by `ts_rank`; on SQLite every
folded word must occur in the folded `search_text`. A query that looks like a number ("kh 177",
"177/KH-HU") also matches `number_key` group by group, and those documents come first.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When

from articles.search import clean_query
from danvan_site.text import fold

from .numbers import looks_like_number

SEARCH_LIMIT = 500
# Documents that share every group of a number query: a handful in any real library.
NUMBER_LIMIT = 200


def search_documents(queryset, query: str):
    query = clean_query(query)
    if not query:
        return queryset.none()
    parts = looks_like_number(query)
    by_number = []
    if parts:
        by_number = list(queryset.matching_number(parts).values_list("pk", flat=True)[:NUMBER_LIMIT])
    first = Case(When(pk__in=by_number, then=Value(1)), default=Value(0), output_field=IntegerField())
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config="vn_unaccent")
        matches = queryset.filter(Q(search_vector=ts_query) | Q(pk__in=by_number))
        newest = matches.order_by("-issued_on", "-pk").values("pk")[:SEARCH_LIMIT]
        return (
            queryset.filter(pk__in=newest)
            .annotate(number_first=first, rank=SearchRank(F("search_vector"), ts_query))
            .order_by("-number_first", "-rank", "-issued_on", "-pk")
        )
    words = [w.strip("\"'") for w in fold(query).split() if not w.startswith("-")]
    words = [w for w in words if w] or [fold(query)]
    text_match = Q()
    for word in words:
        text_match &= Q(search_text__contains=word)
    matches = queryset.filter(text_match | Q(pk__in=by_number))
    newest = matches.order_by("-issued_on", "-pk").values("pk")[:SEARCH_LIMIT]
    return (
        queryset.filter(pk__in=newest)
        .annotate(number_first=first, rank=Value(0.0, output_field=FloatField()))
        .order_by("-number_first", "-issued_on", "-pk")
    )
