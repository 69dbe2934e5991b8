"""Plain text: already light markdown, or close enough.

Plain-text pages saved from the web keep their headings as short lines,
their lists as "•" lines and their paragraphs separated by blank lines, which
is what the segmenter expects; so the text is kept as it is. No title is
guessed: the first line of a text file is as often a date or a site name.
"""

from __future__ import annotations

from graph_builder.readers.base import Extracted


def read_text(text: str) -> Extracted:
    """Return the decoded, cleaned text unchanged."""
    return Extracted(text=text)
