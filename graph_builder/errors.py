"""Errors that lapekg shows to its users.

Users point lapekg at folders of whatever they downloaded, so a bad input is
an expected event, not a bug: it is reported as one line naming the file and
the reason, never as a traceback. Every error meant for the user derives from
:class:`LapekgError`, so the command line can catch exactly these and let real
bugs surface.
"""

from __future__ import annotations

import os


class LapekgError(Exception):
    """Base of every error whose message is written for the user."""


class SourceError(LapekgError):
    """A source file (or folder) that could not be found, listed or read.

    ``str()`` reads ``"path/to/file.html: reason (line 3)"``: the path as the
    user gave it, so they can find the file, and a plain reason such as
    ``"binary file, not text (PNG image)"`` or ``"encrypted PDF"``.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, line: int | None = None):
        # The arguments go to Exception too, so the error pickles (for worker
        # processes) and compares by its fields in tests.
        super().__init__(str(path), reason, line)
        self.path = str(path)
        self.reason = reason
        self.line = line

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.path}: {self.reason}{where}"


class EmptyDocumentError(SourceError):
    """A file that holds no text at all (empty, or only whitespace).

    A separate class because it is a warning rather than a failure: a build
    may skip such files quietly, where it must report a file it cannot read.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str = "empty document",
                 line: int | None = None):
        super().__init__(path, reason, line)


class OutputError(LapekgError):
    """An output file that could not be written; the previous one is intact."""

    def __init__(self, path: str | os.PathLike[str], reason: str):
        super().__init__(str(path), reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: cannot write: {self.reason}"
