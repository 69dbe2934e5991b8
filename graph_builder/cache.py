"""Per-document results, cached on disk by content hash.

Why: :func:`graph_builder.pipeline.analyse` is pure (the same text always
gives the same result) and is where nearly all of a build's time goes, so
when one page of 10,000 changes only that page needs reading again. Joining
entities across documents and writing the graph (``pipeline.emit``) still
run over every result: they are not per document.

The key of a document is the SHA-256 of

* the *builder version*: a hash of every ``.py`` file of ``graph_builder``
  and of the reference data in ``ontology/reference`` (code or data change,
  every key changes), of the libvoikko library and Finnish dictionary in use
  (a new dictionary may read words differently) and of the Python version
  (the pickle format of the stored objects);
* the file's name (it is written into provenance: ``lkg:fileName``, and its
  suffix picks the reader);
* the SHA-256 of the file's bytes.

The path is not in the key, so moving a corpus folder keeps its cache; a
result loaded from the cache is given the path it was found under.

What is stored is a *slim* :class:`~graph_builder.pipeline.DocResult`
(:func:`slim`): what ``emit`` reads (the document, its sentences, the
resolution, the facts), without tokens, blocks and per-sentence values,
which are more than half of the pickle and are not needed once the facts
are made. Files are pickles written atomically (a temporary file renamed
over the target), without fsync: a file cut short by a crash fails to
unpickle and is treated as a miss, so durability would only cost time.

The cache is trusted local data, like ``__pycache__``: pickles can run code
when loaded, so never point ``Cache`` at a folder others can write to.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from graph_builder.context import DocContext
from graph_builder.pipeline import DocResult

#: The folder name used next to a build's output when no folder is given.
DEFAULT_NAME = ".lapekg-cache"
#: Bump when the stored form (:func:`slim`) changes shape.
STORED_FORM = 1
_PACKAGE = Path(__file__).resolve().parent
_REFERENCE = _PACKAGE.parent / "ontology" / "reference"
_VOIKKO_DIRS = ("/usr/lib/voikko", "/usr/share/voikko", "/usr/local/lib/voikko",
                "/usr/local/share/voikko", "/etc/voikko", "~/.voikko")


def default_directory(output: Path) -> Path:
    """``.lapekg-cache/`` beside the output file: one cache per place one builds into."""
    return Path(output).resolve().parent / DEFAULT_NAME


def _tree_digest(digest: hashlib._Hash, root: Path, patterns: tuple[str, ...]) -> None:
    """Feed the relative names and bytes of the matching files, in a stable order."""
    files = sorted({p for pattern in patterns for p in root.rglob(pattern) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def morphology_fingerprint() -> str:
    """libvoikko's version and the dictionaries it can find (index, size, time).

    Stat-only for the dictionary itself (4 MB): enough to see an upgrade.
    """
    parts = []
    try:
        import libvoikko

        parts.append(libvoikko.Voikko.getVersion())
    except (ImportError, OSError):  # the build itself will say libvoikko is missing
        parts.append("no-libvoikko")
    extra = os.environ.get("VOIKKO_DICTIONARY_PATH", "")
    for folder in [*_VOIKKO_DIRS, *filter(None, extra.split(os.pathsep))]:
        base = Path(folder).expanduser()
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file():
                info = path.stat()
                parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


@cache
def builder_version() -> str:
    """A hash that changes whenever anything that decides ``analyse``'s output changes."""
    digest = hashlib.sha256()
    digest.update(f"stored-form {STORED_FORM}; python {sys.version_info[:2]}\n".encode())
    _tree_digest(digest, _PACKAGE, ("*.py",))
    _tree_digest(digest, _REFERENCE, ("*.csv", "*.py"))
    digest.update(morphology_fingerprint().encode())
    return digest.hexdigest()


def document_key(name: str, content_sha256: str, version: str) -> str:
    """The cache key of a file called ``name`` whose bytes hash to ``content_sha256``."""
    return hashlib.sha256(f"{version}\0{name}\0{content_sha256}".encode()).hexdigest()


def slim(result: DocResult) -> DocResult:
    """The part of a result that ``emit`` reads (see the module docstring)."""
    ctx = result.context
    small = DocContext(ctx.document, ctx.doc_id, [], ctx.sentences, {}, ctx.resolution)
    return DocResult(result.document, small, result.facts, result.measure_labels)


def relocate(result: DocResult, path: str) -> DocResult:
    """The same result, its document found at ``path`` (not part of the key)."""
    if result.document.path == path:
        return result
    document = replace(result.document, path=path)
    context = replace(result.context, document=document, by_sentence={})
    return DocResult(document, context, result.facts, result.measure_labels)


@dataclass
class Cache:
    """A folder of pickled results; ``load`` and ``store`` by key (see :func:`document_key`)."""

    directory: Path
    version: str = field(default_factory=builder_version)
    hits: int = 0
    misses: int = 0
    stored: int = 0

    def key(self, name: str, content_sha256: str) -> str:
        return document_key(name, content_sha256, self.version)

    def path(self, key: str) -> Path:
        """Two-level layout: 10,000 files spread over 256 folders list fast."""
        return Path(self.directory) / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> DocResult | None:
        """The stored result, or None (absent, cut short, or not a result)."""
        try:
            blob = self.path(key).read_bytes()
        except OSError:
            blob = None
        result = loads(blob) if blob is not None else None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def store(self, key: str, result: DocResult) -> None:
        """Store the slim form of ``result`` under ``key``."""
        self.store_bytes(key, dumps(result))

    def store_bytes(self, key: str, blob: bytes) -> None:
        """Write an already pickled slim result (as workers return them) atomically.

        A cache that cannot be written (read-only folder, full disk) is not
        an error: the build goes on without it.
        """
        target = self.path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(blob)
                os.replace(temp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError:
            return
        self.stored += 1


def dumps(result: DocResult) -> bytes:
    """The pickle of ``slim(result)``: what the cache stores and workers send back."""
    return pickle.dumps(slim(result), protocol=pickle.HIGHEST_PROTOCOL)


def loads(blob: bytes) -> DocResult | None:
    """A result from :func:`dumps`' bytes; None when they are damaged or not a result."""
    try:
        result = pickle.loads(blob)  # noqa: S301 - trusted local cache, see module docstring
    except Exception:  # noqa: BLE001 - a damaged file of any kind is simply not cached
        return None
    return result if isinstance(result, DocResult) else None
