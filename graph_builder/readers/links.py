"""Which hyperlinks a document may keep.

Links end up in the graph and in HTML views, so only targets that are safe to
show and useful to follow are kept: web pages, e-mail addresses, phone
numbers and relative paths. ``javascript:``, ``data:``, ``vbscript:``,
``file:`` and any other scheme are dropped (their text stays in the
document), as are empty and same-page ``#fragment`` links, which name
nothing outside the page.
"""

from __future__ import annotations

import re

from graph_builder.model import Link
from graph_builder.readers.normalise import clean_text, collapse_space

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Browsers ignore tabs and newlines anywhere in a URL and C0 controls and
# spaces at its ends, so "java\tscript:" is javascript: and must be seen as such.
_IGNORED_IN_URL = re.compile("[\t\n\r]")
_URL_EDGE = "".join(map(chr, range(0x21)))  # C0 controls and space
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def safe_href(raw: str | None) -> str | None:
    """Return the link target to keep, or None when the link must be dropped."""
    if raw is None:
        return None
    href = _IGNORED_IN_URL.sub("", clean_text(raw)).strip(_URL_EDGE)
    if not href or href.startswith("#"):
        return None
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    return href


def make_link(text: str, raw_href: str | None) -> Link | None:
    """A :class:`Link` with clean text, or None when its target is not allowed."""
    href = safe_href(raw_href)
    if href is None:
        return None
    return Link(text=collapse_space(clean_text(text)), href=href)


def unique(links: list[Link]) -> tuple[Link, ...]:
    """The links in first-seen order, each (text, target) pair once."""
    return tuple(dict.fromkeys(links))
