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
# The stored search vector: title (A), lead (B) and the folded text (C) in the unaccent config.
# Written by `Article.update_search_vector()` for one row and by the bulk archive seeder for many.
SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('vn_unaccent', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('vn_unaccent', coalesce(lead, '')), 'B') || "
    "setweight(to_tsvector('vn_unaccent', coalesce(search_text, '')), 'C')"
)
# Results considered per query: the newest matches, then ranked. A phrase found in nearly every
# article ("dân vận") would otherwise rank the whole archive — 350 ms on 50,000 articles, a
# cheap way to take the site down with uncached queries. Readers are told when there are more.
SEARCH_LIMIT = 500


def clean_query(raw: str) -> str:
    return " ".join((raw or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def search_articles(queryset, query: str, limit: int | None = None):
    """`queryset` narrowed to articles matching `query`, best first.

    With `limit`, only the newest `limit` matches are ranked: the candidates come from the GIN
    index for a rare word, or from walking the date index newest first for a common one.
    """
    query = clean_query(query)
    if not query:
        return queryset.none()
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config="vn_unaccent")
        matches = queryset.filter(search_vector=ts_query)
        if limit is not None:
            newest = matches.order_by("-published_at", "-pk").values("pk")[:limit]
            matches = queryset.filter(pk__in=newest)
        return matches.annotate(rank=SearchRank(F("search_vector"), ts_query)).order_by(
            "-rank", "-published_at"
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
    matches = queryset.filter(matches)
    if limit is not None:
        matches = queryset.filter(pk__in=matches.order_by("-published_at", "-pk").values("pk")[:limit])
    return matches.annotate(
        rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-rank", "-published_at")
