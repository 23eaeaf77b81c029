"""Accent-insensitive article search.

PostgreSQL: `websearch_to_tsquery` in the `vn_unaccent` text-search configuration (a copy of
`simple` whose words pass through `unaccent`, which also maps đ → d) against the GIN-indexed
`search_vector`, ranked by `ts_rank`. SQLite: every folded word of the query must occur in the
folded `search_text`; matches in the title rank first.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Length, Substr

from danvan_site.text import fold

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    return " ".join((raw or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def search_articles(queryset, query: str):
    """`queryset` narrowed to articles matching `query`, best first."""
    query = clean_query(query)
    if not query:
        return queryset.none()
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config="vn_unaccent")
        return (
            queryset.filter(search_vector=ts_query)
            .annotate(rank=SearchRank(F("search_vector"), ts_query))
            .order_by("-rank", "-published_at")
        )
    words = [w.strip("\"'") for w in fold(query).split() if not w.startswith("-")]
    words = [w for w in words if w] or [fold(query)]
    # search_text begins with the folded title, and folding keeps one letter per letter of an
    # NFC title, so its first len(title) characters are the title: matches there rank first.
    title_head = Substr("search_text", 1, Length("title"))
    queryset = queryset.annotate(title_head=title_head)
    matches, in_title = Q(), Q()
    for word in words:
        matches &= Q(search_text__contains=word)
        in_title &= Q(title_head__contains=word)
    return (
        queryset.filter(matches)
        .annotate(rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField()))
        .order_by("-rank", "-published_at")
    )
