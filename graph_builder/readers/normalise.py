"""Clean Unicode text: one newline convention, no invisible controls, NFC.

Every reader's output goes through :func:`clean_text`, so later stages can
rely on the same text contract whatever the source was: offsets count the
same characters a user sees, regular expressions need not fear ``\\r`` or
NUL, and "Seinäjoki" is one string whether the source wrote the ``ä`` as one
code point or as ``a`` plus a combining diaeresis.
"""

from __future__ import annotations

import re
import unicodedata

# Line and page breaks of other conventions; a page break (form feed, as
# pdftotext writes) and U+2029 end a paragraph.
_BREAKS = re.compile("\r\n?|[\x0b\x85\u2028]|[\x0c\u2029]")
# C0 controls except tab and newline, DEL, C1 controls, and invisible format
# characters that only break words apart: soft hyphen (HTML &shy; inside long
# Finnish compounds), zero-width space, a stray byte-order mark, and the
# noncharacters U+FFFE/U+FFFF.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\ufeff\ufffe\uffff]")
# A lone surrogate cannot be written as UTF-8 at all; it becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
# HTML's white space (not NBSP, which is text: "899\u00a0947 €").
_HTML_SPACE = re.compile("[ \t\n\r\f]+")
_NON_SPACE = re.compile(r"\S")


def _break(match: re.Match[str]) -> str:
    return "\n\n" if match.group() in "\x0c\u2029" else "\n"


def clean_text(text: str) -> str:
    """Return ``text`` with ``\\n`` newlines, no controls or lone surrogates, in NFC.

    Each step first checks whether it has anything to do, because sources
    can be large and a no-op must not copy 100 MB of text.
    """
    if _BREAKS.search(text):
        text = _BREAKS.sub(_break, text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def collapse_space(text: str) -> str:
    """Collapse runs of HTML white space to one space and trim, as a browser shows text."""
    return _HTML_SPACE.sub(" ", text).strip()


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing but white space (without copying it)."""
    return _NON_SPACE.search(text) is None
