"""Accent-insensitive search of answered questions, as articles.search does it.

PostgreSQL: `websearch_to_tsquery` in the `vn_unaccent` configuration (articles' migration makes
it) over subject, question and answer — computed per query, the table being small. SQLite: every
folded word of the query must occur in the folded `search_text`.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q

from articles.search import clean_query
from danvan_site.text import fold


def search_questions(queryset, query: str):
    query = clean_query(query)
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        vector = SearchVector("subject", "body", "answer", config="vn_unaccent")
        ts_query = SearchQuery(query, search_type="websearch", config="vn_unaccent")
        return queryset.annotate(search=vector).filter(search=ts_query)
    words = [w.strip("\"'") for w in fold(query).split() if not w.startswith("-")]
    matches = Q()
    for word in [w for w in words if w] or [fold(query)]:
        matches &= Q(search_text__contains=word)
    return queryset.filter(matches)
