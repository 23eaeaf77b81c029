"""Cited numbers become links, at render time.

`link_citations(html)` wraps every number of sanitized HTML that is in the library in
`<a href="/van-ban/<slug>/">`. It runs when a page is rendered, not when an article is saved, so
a document added later links the articles that cited it before; pages that use it keep their
fragments under the documents version too. The HTML is parsed (html.parser): only text is
touched, never a tag or an attribute, and never text already inside a link. A number that is
not in the library stays plain text.

The articles that cite a document are found from `Citation` rows (number keys found in each
article's body text), written when an article is saved: an index lookup on the document page,
and a document added later finds earlier articles because the rows hold numbers, not documents.
"""

from html import escape
from html.parser import HTMLParser

from danvan_site import caching
from danvan_site.text import html_to_text

from .numbers import CITATION_RE, cited_keys, number_key


def library() -> dict[str, str]:
    """Number key → slug of every public document (kept until a document changes). When two
    issuers share a number, the newest document gets the link."""

    def build():
        from .models import Document

        rows = Document.objects.public().order_by("issued_on", "pk").values_list("number_key", "slug")
        return dict(rows)

    return caching.get_or_set(caching.DOCUMENTS, "library", build)


def _link_text(text: str, known: dict[str, str]) -> str:
    out, last = [], 0
    for match in CITATION_RE.finditer(text):
        slug = known.get(number_key(match.group()))
        if slug is None:
            continue
        out.append(text[last : match.start()])
        out.append(f'<a href="/van-ban/{escape(slug)}/" class="citation">{match.group()}</a>')
        last = match.end()
    out.append(text[last:])
    return "".join(out)


class _Linker(HTMLParser):
    """Copies HTML as it came, tag by tag, linking numbers in text outside `<a>` only."""

    def __init__(self, known):
        super().__init__(convert_charrefs=False)
        self.known, self.out, self.link_depth = known, [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.link_depth += 1
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "a" and self.link_depth:
            self.link_depth -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data if self.link_depth else _link_text(data, self.known))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")


def link_citations(html: str) -> str:
    """`html` (already sanitized) with every cited number of the library linked."""
    if not html:
        return ""
    if not CITATION_RE.search(html):
        return html  # nothing that looks like a number: the library is not even read
    known = library()
    if not known:
        return html
    parser = _Linker(known)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def refresh_article_citations(article) -> None:
    """Rewrite the `Citation` rows of `article` from its body."""
    from .models import Citation

    keys = cited_keys(html_to_text(article.body))
    existing = set(Citation.objects.filter(article=article).values_list("number_key", flat=True))
    if existing - keys:
        Citation.objects.filter(article=article, number_key__in=existing - keys).delete()
    if keys - existing:
        Citation.objects.bulk_create(
            [Citation(article=article, number_key=key) for key in keys - existing], ignore_conflicts=True
        )
