"""Document numbers ("số, ký hiệu"): one normalized key however a number is typed.

"177-KH/HU", "177/KH-HU", "177 KH HU" and "177–kh/hu" are the same document: the key keeps the
digit groups (without leading zeros) and the letter groups (without marks, upper case), in order,
space separated, padded with one space at each end: " 177 KH HU ". A key is matched by whole
groups (`" KH "` is in it, `" K "` is not), so a search for "kh 177" finds it too.
"""

import re

from danvan_site.text import fold

# Hyphens and dashes an editor may type between groups (ASCII, Unicode hyphen, en and em dash …).
_SEP = r"[-/\u2010-\u2015]"
# A cited number in running text: digits, an optional "/year", then one or more letter groups
# joined by "-" or "/" ("16/CT-TTg", "224/2026/NĐ-CP", "01/CTr-BCĐ", "36/2025/QH15"). A group
# starts with a letter; it may end in digits (QH15). Digits alone ("2020-2025") are never a number.
CITATION_RE = re.compile(
    rf"(?<![\w/\u2010-\u2015-])\d{{1,5}}(?:{_SEP}\d{{2,4}})?(?:\s?{_SEP}\s?[^\W\d_]+\d*)+(?![\w])"
)
_GROUPS = re.compile(r"\d+|[^\W\d_]+")


def groups(text: str) -> list[str]:
    """The digit and letter groups of `text`, folded: "177/KH-HU" → ["177", "KH", "HU"]."""
    found = []
    for group in _GROUPS.findall(fold(text)):
        found.append(str(int(group)) if group.isdigit() else group.upper())
    return found


def number_key(number: str) -> str:
    """The key of a document number; "" when it has no digit or no letter group."""
    parts = groups(number)
    if not any(p.isdigit() for p in parts) or not any(not p.isdigit() for p in parts):
        return ""
    return f" {' '.join(parts)} "


def looks_like_number(query: str) -> list[str]:
    """The groups of a search that may be a document number ("kh 177", "177-KH/HU"), else [].

    A number has a digit group and only short groups: letter groups of a document number are
    abbreviations (KH, CTr, NĐ, TTg, BCĐ), never words of a sentence.
    """
    parts = groups(query)
    if not parts or len(parts) > 8 or not any(p.isdigit() for p in parts):
        return []
    if any(not p.isdigit() and len(p) > 6 for p in parts):
        return []
    return parts


def cited_keys(text: str) -> set[str]:
    """Keys of every number cited in plain `text`."""
    return {key for match in CITATION_RE.finditer(text or "") if (key := number_key(match.group()))}
