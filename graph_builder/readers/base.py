"""What a format reader hands back, and how it says it cannot.

Format readers work on bytes or text and know nothing of paths; the
dispatcher (:func:`graph_builder.readers.read_document`) adds the path and
turns :class:`Unreadable` into the user-facing
:class:`~graph_builder.errors.SourceError`. Keeping paths out of the readers
keeps them pure functions that tests can call on literals.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_builder.model import Link


@dataclass(frozen=True)
class Extracted:
    """A reader's result: light-markdown text, a title if the source has one, links."""

    text: str
    title: str | None = None
    links: tuple[Link, ...] = ()


class Unreadable(Exception):
    """The bytes are not a document lapekg can read; ``reason`` says why, plainly."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
