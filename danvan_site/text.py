"""Vietnamese text helpers used everywhere: slugs, accent folding, numbers, rich-text sanitizing."""

import re
import unicodedata
from html.parser import HTMLParser

import nh3
from django.utils.html import strip_tags
from django.utils.text import slugify

# Đ/đ have no Unicode decomposition, so NFKD-based folding (Django's slugify) drops them.
_D_MAP = str.maketrans({"Đ": "D", "đ": "d"})


def fold(text: str) -> str:
    """Lower-case `text` and remove every Vietnamese mark: "Đổi Mới" → "doi moi".

    The same folding is applied to stored search text and to queries, so search ignores marks.
    """
    text = unicodedata.normalize("NFKD", (text or "").translate(_D_MAP))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def vn_number(value):
    """234466 → "234.466" (dots as thousands separators, as Vietnamese readers expect)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


# Every Unicode dash (hyphen, en and em dash, figure dash, minus sign …): SPEC's slugs turn a
# dash of any kind between words or numbers into one hyphen, where Django's slugify would drop
# it ("2020–2025" → "20202025").
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")


def vn_slugify(text: str) -> str:
    """ASCII slug read as the title without marks; Đ/đ become d (unlike Django's slugify), and
    a dash of any kind becomes a hyphen: "Giai đoạn 2020–2025" → "giai-doan-2020-2025"."""
    return slugify(_DASHES.sub("-", fold(text)))


def unique_slug(model, text: str, *, instance_pk=None, field: str = "slug", max_length=None) -> str:
    """`vn_slugify(text)`, suffixed -2, -3 … until no other row of `model` has it."""
    max_length = max_length or model._meta.get_field(field).max_length
    base = vn_slugify(text)[:max_length].strip("-") or "bai-viet"
    candidate, n = base, 2
    others = model.objects.exclude(pk=instance_pk) if instance_pk else model.objects
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return candidate


# What the public may see of rich text. No script, style, event handler, iframe, svg or form can
# pass; links and images keep only http(s)/mailto/relative URLs (nh3 drops javascript: and data:).
ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "span",
    "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "figure": {"class"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    # A period summary placed in an article (reports.embeds renders it when the page is read).
    "div": {"data-summary-period", "data-summary-part"},
}
# What the placeholder's attributes may hold: one period id; "table", "completeness" or
# "field:<id>". Anything else (a script, a list of a thousand periods) is dropped.
EMBED_VALUES = {
    "data-summary-period": re.compile(r"\d{1,9}"),
    "data-summary-part": re.compile(r"table|completeness|field:\d{1,9}"),
}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    pattern = EMBED_VALUES.get(attribute)
    if pattern is not None and not pattern.fullmatch(value):
        return None
    return value


ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Clean editor HTML to the allow-list above; safe to render with `|safe`."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_attribute_filter,
    )


def html_to_text(html: str) -> str:
    """Plain text of sanitized HTML, for search and feeds."""
    return " ".join(strip_tags(html or "").split())


def parse_links(text: str) -> list[tuple[str, str]]:
    """ "Tên | https://…" lines as (name, url) pairs (a "Liên kết" list); a line without a web or
    site address is left out."""
    pairs = []
    for line in text.splitlines():
        name, _, url = line.partition("|")
        if name.strip() and url.strip().startswith(("http://", "https://", "/")):
            pairs.append((name.strip(), url.strip()))
    return pairs


class _Shape(HTMLParser):
    """What HTML means, not how it is spelled: tags with their attributes sorted, and text with
    its runs of white space collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_endtag(self, tag):
        self.parts.append((">", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.parts.append(("t", text))


def _shape(html: str) -> list[tuple]:
    parser = _Shape()
    parser.feed(html or "")
    parser.close()
    return parser.parts


def img_alts(html: str) -> list[str]:
    """The `alt` text of each image in `html`, in order ("" when it has none)."""
    return [dict(part[2]).get("alt", "") for part in _shape(html) if part[:2] == ("<", "img")]


def same_html(a: str, b: str) -> bool:
    """Whether two spellings of HTML mean the same (the editor reorders attributes on each
    save), so a save without a real change keeps the stored text and logs no change."""
    return a == b or _shape(a) == _shape(b)


def html_words(html: str) -> list[str]:
    """The words a reader reads in `html`, each paragraph's apart from the next one's."""
    return " ".join(part[1] for part in _shape(html) if part[0] == "t").split()
