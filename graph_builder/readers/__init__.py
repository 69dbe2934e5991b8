"""Read one source file into a :class:`~graph_builder.model.Document`.

:func:`read_document` is the only entry point: it reads the file's bytes
once and within a size limit, hashes them, picks the format by content and
suffix, and hands the bytes or the decoded text to one format module
(``text``, ``markdown``, ``html``, ``pdf``). Whatever goes wrong with the
file becomes a :class:`~graph_builder.errors.SourceError` naming it; an empty
file is the subclass :class:`~graph_builder.errors.EmptyDocumentError`.

How the format is chosen: PDF by its ``%PDF-`` header whatever the suffix
(a ``.pdf`` without that header is refused, it is usually an error page
saved under the PDF's name); then ``.md``/``.markdown`` as Markdown,
``.html``/``.htm``/``.xhtml`` as HTML, ``.txt`` as text; a file with another
suffix or none (named explicitly by the user) is read as HTML when it starts
like an HTML document, else as text.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from graph_builder.errors import EmptyDocumentError, SourceError
from graph_builder.model import Document
from graph_builder.readers.base import Extracted, Unreadable
from graph_builder.readers.encoding import declared_encoding, decode, is_pdf
from graph_builder.readers.html import read_html
from graph_builder.readers.markdown import read_markdown
from graph_builder.readers.normalise import clean_text, is_blank
from graph_builder.readers.pdf import read_pdf
from graph_builder.readers.text import read_text

__all__ = ["DEFAULT_MAX_BYTES", "MEDIA_TYPES", "SUFFIXES", "read_document"]

#: Larger files are refused: no real programme document is this big.
DEFAULT_MAX_BYTES = 200 * 2**20

#: Format of each suffix read from folders (see ``graph_builder.sources``).
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
MEDIA_TYPES: dict[str, str] = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
}
_TEXT_READERS: dict[str, Callable[[str], Extracted]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
}
_CHUNK = 2**20
_HTML_START = ("<!doctype html", "<html", "<?xml")


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` into a Document, or raise :class:`SourceError` saying why not."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise EmptyDocumentError(path)
    suffix = path.suffix.lower()
    encoding = "utf-8"
    try:
        if is_pdf(data):
            fmt = "pdf"
            extracted = read_pdf(data)
        elif suffix == ".pdf":
            raise Unreadable("damaged PDF: no PDF header (a saved web page or an unfinished "
                             "download?)")
        else:
            # Only HTML declares its encoding; in other text it would be a coincidence.
            declared = declared_encoding(data) if SUFFIXES.get(suffix, "html") == "html" else None
            decoded = decode(data, declared)
            del data  # keep one copy of a large file in memory, not two
            fmt = SUFFIXES.get(suffix) or _sniff_format(decoded.text)
            encoding = decoded.encoding
            extracted = _TEXT_READERS[fmt](clean_text(decoded.text))
            del decoded
    except Unreadable as err:
        raise SourceError(path, err.reason) from None
    if is_blank(extracted.text):
        raise EmptyDocumentError(path)
    return Document(
        path=str(path),
        name=path.name,
        text=extracted.text,
        sha256=digest,
        media_type=MEDIA_TYPES[fmt],
        encoding=encoding,
        title=extracted.title,
        links=extracted.links,
    )


def _sniff_format(text: str) -> str:
    """HTML or text, for a file whose suffix does not say."""
    start = text[:1024].lstrip("\ufeff \t\r\n").lower()
    return "html" if start.startswith(_HTML_START) else "text"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, read once and never more than ``max_bytes`` of them."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO would block forever; devices never end.
            raise SourceError(path, "not a regular file (device, pipe or socket)")
        _check_size(path, info.st_size, max_bytes)
        with open(path, "rb") as handle:
            return _read_bounded(path, handle, max_bytes)
    except OSError as err:
        raise SourceError(path, os_reason(err)) from None


def _read_bounded(path: Path, handle: BinaryIO, max_bytes: int) -> bytes:
    """Read the whole file in one allocation; a file that grows past the limit is refused."""
    size = os.fstat(handle.fileno()).st_size
    _check_size(path, size, max_bytes)
    data = handle.read(size) if size else b""
    extra: list[bytes] = []
    total = len(data)
    # Files that report no size (/proc) or grow while read arrive in chunks.
    while chunk := handle.read(min(_CHUNK, max_bytes + 1 - total)):
        extra.append(chunk)
        total += len(chunk)
        _check_size(path, total, max_bytes)
    return data + b"".join(extra) if extra else data


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise SourceError(path, f"too large ({human_size(size)} > {human_size(max_bytes)} limit)")


def human_size(size: int) -> str:
    """``209715200`` -> ``"200 MB"``, ``1536`` -> ``"1.5 kB"``: sizes as users read them."""
    for unit, scale in (("MB", 2**20), ("kB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def os_reason(err: OSError) -> str:
    """A plain reason for an operating-system error, without errno jargon."""
    reasons = {
        errno.ENOENT: "file not found (moved or deleted?)",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a folder, not a file",
        errno.ELOOP: "symbolic link loop",
        errno.ENAMETOOLONG: "file name too long",
    }
    if err.errno in reasons:
        return reasons[err.errno]
    return f"cannot read: {err.strerror or err}"
