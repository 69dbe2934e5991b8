"""Which files a build reads: the paths a user gives, and the bundled corpus.

Users point lapekg at folders of whatever they downloaded, so discovery is
forgiving inside folders and strict about what the user typed:

- A path that does not exist is an error (a typo should stop the build).
- A file named explicitly is always attempted, whatever its suffix: the
  reader then says plainly why it cannot be read.
- Folders are walked recursively. Hidden files and folders (``.name``) are
  skipped; so are files whose suffix is not one lapekg reads, quietly (they
  are listed in :attr:`Discovery.skipped`). A file without a suffix (or
  with something that is not a suffix, as in ``LAPE v. 2018 raportti``) is
  read when its first bytes are text or a PDF: downloads often lose their
  suffix.
- Symbolic links are followed, except into a folder that is already being
  walked above them (a loop): that is a warning naming the link. Broken
  links and folders that cannot be listed are warnings too.
- The same real file reached twice (named twice, or through a link) is read
  once; two different files with the same name in different folders are
  both read.
- The order is sorted by path, so the same sources give the same build
  whatever order the operating system lists them in.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graph_builder.errors import SourceError
from graph_builder.readers import SUFFIXES, os_reason
from graph_builder.readers.encoding import is_pdf, looks_like_text

#: Files of the bundled corpus package that describe it rather than belong to it.
CORPUS_METADATA = frozenset({"SOURCES.md", "README.md", "__init__.py"})

_SNIFF_BYTES = 8192
# A "suffix" with white space is part of a name, as in "LAPE v. 2018 raportti".
_NOT_A_SUFFIX = re.compile(r"\s")


@dataclass(frozen=True)
class Discovery:
    """The files to read, in order, and what went wrong finding them."""

    files: tuple[Path, ...]
    warnings: tuple[SourceError, ...]
    skipped: tuple[Path, ...] = ()   # files in folders with suffixes lapekg does not read


@dataclass(frozen=True)
class _Found:
    path: Path
    real: str


def discover(paths: Sequence[Path]) -> Discovery:
    """Expand files and folders into the sorted, de-duplicated files to read.

    Raises :class:`SourceError` for a path that does not exist; problems met
    inside folders are returned as warnings instead.
    """
    found: list[_Found] = []
    warnings: list[SourceError] = []
    skipped: list[Path] = []
    for given in paths:
        path = Path(given)
        _require_exists(path)
        if path.is_dir():
            _walk(path, found, warnings, skipped)
        else:
            found.append(_Found(path, os.path.realpath(path)))
    return Discovery(
        files=_unique_sorted(found),
        warnings=tuple(sorted(warnings, key=lambda w: _sort_key(Path(w.path)))),
        skipped=tuple(sorted(set(skipped), key=_sort_key)),
    )


def bundled_corpus() -> list[Path]:
    """The documents shipped in ``graph_builder.corpus``, sorted by name."""
    package = resources.files("graph_builder.corpus")
    files = [
        Path(str(entry)) for entry in package.iterdir()
        if entry.is_file() and entry.name not in CORPUS_METADATA
        and not entry.name.startswith(".") and Path(entry.name).suffix.lower() in SUFFIXES
    ]
    return sorted(files, key=lambda p: p.name)


def has_readable_suffix(path: Path) -> bool:
    """True when the suffix is one lapekg reads from folders (case does not matter)."""
    return path.suffix.lower() in SUFFIXES


def _require_exists(path: Path) -> None:
    try:
        os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        raise SourceError(path, reason) from None
    except OSError as err:
        raise SourceError(path, os_reason(err)) from None


def _walk(top: Path, found: list[_Found], warnings: list[SourceError],
          skipped: list[Path]) -> None:
    """Walk ``top`` without recursion, following links but not loops.

    Linked folders are walked after all real ones, so a file reachable both
    ways is found under its real path.
    """
    walked: set[str] = set()
    stack: list[Path] = [top]
    linked: list[Path] = []
    while stack or linked:
        folder = stack.pop() if stack else linked.pop(0)
        real = os.path.realpath(folder)
        if real in walked:
            if folder.is_symlink() and _is_within(os.path.realpath(folder.parent), real):
                warnings.append(SourceError(folder, "symbolic link loop (not followed)"))
            continue
        walked.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            warnings.append(SourceError(folder, f"cannot list folder: {os_reason(err)}"))
            continue
        subfolders: list[Path] = []
        links: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            kind = _kind(entry)
            if isinstance(kind, SourceError):
                warnings.append(kind)
            elif kind == "dir":
                (links if entry.is_symlink() else subfolders).append(path)
            elif kind == "file":
                if _wanted(path):
                    found.append(_Found(path, os.path.realpath(path)))
                else:
                    skipped.append(path)
        stack.extend(reversed(subfolders))
        linked.extend(links)


def _kind(entry: os.DirEntry[str]) -> str | SourceError:
    """"dir", "file", "other" (pipes, devices: never read from folders) or a warning."""
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        if entry.is_symlink():
            os.stat(entry.path)  # raises for a broken link or a loop
        return "other"
    except OSError as err:
        if entry.is_symlink():
            reason = "symbolic link loop" if _is_loop(err) else "broken symbolic link"
            return SourceError(entry.path, reason)
        return SourceError(entry.path, os_reason(err))


def _is_loop(err: OSError) -> bool:
    return err.errno == errno.ELOOP


def _is_within(inner: str, outer: str) -> bool:
    try:
        return os.path.commonpath([inner, outer]) == outer
    except ValueError:  # different drives on Windows
        return False


def _wanted(path: Path) -> bool:
    """Read this file from a folder? Known suffix, or no suffix and text/PDF content."""
    suffix = path.suffix
    if suffix and not _NOT_A_SUFFIX.search(suffix):
        return has_readable_suffix(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True  # let the reader report why it cannot be read
    return is_pdf(head) or looks_like_text(head)


def _sort_key(path: Path) -> tuple[str, ...]:
    return path.parts


def _unique_sorted(found: Iterable[_Found]) -> tuple[Path, ...]:
    """Sorted paths, each real file once, under its shortest path (then the first sorted)."""
    best: dict[str, Path] = {}
    for item in found:
        current = best.get(item.real)
        if current is None or _preference(item.path) < _preference(current):
            best[item.real] = item.path
    return tuple(sorted(best.values(), key=_sort_key))


def _preference(path: Path) -> tuple[int, tuple[str, ...]]:
    return len(path.parts), _sort_key(path)
