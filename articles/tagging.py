"""How editors type tags: "Dân vận khéo, Nông thôn mới" — separated by commas only.

taggit's default reads an entry without commas as words separated by spaces, so a Vietnamese tag
typed alone ("Dân vận khéo") would become three tags. Wired in with TAGGIT_TAGS_FROM_STRING and
TAGGIT_STRING_FROM_TAGS (settings.py).
"""

from danvan_site.text import fold


def parse_tags(text: str) -> list[str]:
    """Names from what was typed: split at commas, quotes dropped, spaces squeezed, the same
    name twice (ignoring case) kept once, in Vietnamese alphabetical order."""
    names: dict[str, str] = {}
    for part in (text or "").split(","):
        name = " ".join(part.replace('"', " ").split())
        if name:
            names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=lambda name: (fold(name), name))


def tags_to_string(tags) -> str:
    """Tags (objects or names) as the editor's field shows them, the inverse of `parse_tags`."""
    return ", ".join(parse_tags(", ".join(getattr(tag, "name", tag) for tag in tags)))
