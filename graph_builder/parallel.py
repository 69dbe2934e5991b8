"""Reading and analysing many documents: on every core, and from the cache.

Why processes and not threads: the analysis is pure Python plus libvoikko
calls, so threads would share one interpreter lock, and libvoikko is not
thread-safe anyway. Each worker process builds its own analyser and
gazetteer on first use (``morphology.analyser()``, ``gazetteer()``), and
sends back a pickled *slim* result (:func:`graph_builder.cache.slim`), which
is also what the cache stores: what ``pipeline.emit`` reads, less than half
of the full result's bytes.

How workers start (:func:`start_method`): by ``fork`` when this process
runs a single thread, as a command-line build does. A forked worker starts
in milliseconds and inherits the analyser if there is one (copy-on-write;
each process then uses its own copy, never concurrently). ``forkserver`` or
``spawn`` would instead import the calling script again in a fresh
interpreter, so a plain script without an ``if __name__ == "__main__":``
guard would start building again there and fail.
When other threads run (a notebook kernel, a browser driver), a fork could
copy a lock some thread holds and deadlock, so then ``forkserver`` is used.

Results come back in input order, as ``pipeline.emit`` must see them: its
join of entities across documents keeps the first kind and code it meets.
A build with one job, or with too few documents left to analyse to pay for
starting workers, runs in this process; either way the emitted graph is the
same, byte for byte (``tests/test_benchmarks_quick.py`` checks it).
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import pickle
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from graph_builder.cache import Cache, dumps, loads, relocate, slim
from graph_builder.errors import EmptyDocumentError, SourceError
from graph_builder.pipeline import DocResult, analyse
from graph_builder.readers import DEFAULT_MAX_BYTES, read_document

_PR_SET_PDEATHSIG = 1   # <linux/prctl.h>
#: Below this many documents to analyse, starting workers costs more than it saves.
MIN_PARALLEL = 16
#: Documents handed to a worker at a time: fewer round trips, still balanced.
MAX_CHUNK = 32


class Analysed(NamedTuple):
    """What :func:`analyse_all` found, in input order."""

    results: list[DocResult]
    warnings: list[SourceError]       # sources that could not be read or analysed
    skipped: list[SourceError]        # empty documents: not failures


@dataclass(frozen=True)
class Outcome:
    """One document's outcome as a worker reports it (all fields pickle)."""

    blob: bytes | None = None         # dumps(result), from a worker process
    result: DocResult | None = None   # slim(result), when analysed in this process
    skipped: SourceError | None = None
    warning: SourceError | None = None
    error: BaseException | None = None  # for --strict: the exception to raise


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """``fork`` for a single-threaded process, else ``forkserver`` (see the module docstring)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def content_hash(path: Path) -> str | None:
    """SHA-256 of a regular file's bytes, or None when it cannot be read.

    None leaves the file to the reader, which reports why (a FIFO is never
    opened here: it would block).
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > DEFAULT_MAX_BYTES:
            return None
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def analyse_path(path: Path, *, pickled: bool = False) -> Outcome:
    """Read and analyse one file; every failure becomes part of the outcome.

    The messages are the ones ``pipeline.build`` gives in its serial loop.
    ``pickled`` returns the result as bytes, for a worker to send back.
    """
    try:
        document = read_document(path)
    except EmptyDocumentError as err:
        return Outcome(skipped=err)
    except SourceError as err:
        return Outcome(warning=err, error=err)
    try:
        result = analyse(document)
    except Exception as err:  # noqa: BLE001 - a rule's bug must not lose the other documents
        warning = SourceError(path, f"internal error while reading: {type(err).__name__}: {err}")
        return Outcome(warning=warning, error=_picklable(err) if pickled else err)
    return Outcome(blob=dumps(result)) if pickled else Outcome(result=slim(result))


def _picklable(err: BaseException) -> BaseException:
    """The exception itself if it survives pickling, else a RuntimeError naming it."""
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(err).__name__}: {err}")


def _analyse_chunk(paths: list[str]) -> list[Outcome]:
    """Worker entry point (module level, so it pickles by name)."""
    return [analyse_path(Path(p), pickled=True) for p in paths]


def die_with_parent() -> None:
    """In a worker: end when the build process ends, however it ends.

    A forked worker holds both ends of the pool's pipes, so when the build is
    killed (SIGKILL, the OOM killer) it never reads end-of-file and would wait
    forever. Linux can signal a child when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere nothing is set, as before.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:   # the parent died before prctl took effect
        os._exit(1)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _outcomes_parallel(paths: list[Path], jobs: int) -> Iterator[Outcome]:
    """Outcomes in input order from a pool of ``jobs`` worker processes."""
    size = max(1, min(MAX_CHUNK, len(paths) // (jobs * 4)))
    context = multiprocessing.get_context(start_method())
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=die_with_parent) as pool:
        chunks = pool.map(_analyse_chunk, _chunks([str(p) for p in paths], size))
        try:
            for chunk in chunks:
                yield from chunk
        finally:  # an early stop (--strict) cancels what has not started
            pool.shutdown(wait=True, cancel_futures=True)


def _outcomes(paths: list[Path], jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(paths) < MIN_PARALLEL:
        return (analyse_path(p) for p in paths)
    return _outcomes_parallel(paths, jobs)


def analyse_all(paths: Sequence[Path], jobs: int = 1, cache: Cache | None = None, *,
                strict: bool = False,
                progress: Callable[[int, int, str], None] | None = None) -> Analysed:
    """Read and analyse ``paths`` with ``jobs`` processes, reusing ``cache`` hits.

    Same contract as the loop in ``pipeline.build``: unreadable sources and
    internal errors become warnings naming the file (or, with ``strict``,
    the first one in input order is raised), empty files are skipped.
    ``progress(n, total, path)`` is called once per file, in order.
    """
    paths = [Path(p) for p in paths]
    keys: list[str | None] = [None] * len(paths)
    cached: dict[int, DocResult] = {}
    if cache is not None:
        for i, path in enumerate(paths):
            digest = content_hash(path)
            if digest is None:
                continue
            keys[i] = cache.key(path.name, digest)
            hit = cache.load(keys[i])
            if hit is not None:
                cached[i] = relocate(hit, str(path))
    todo = [i for i in range(len(paths)) if i not in cached]
    fresh = _outcomes([paths[i] for i in todo], jobs)
    results: list[DocResult] = []
    warnings: list[SourceError] = []
    skipped: list[SourceError] = []
    try:
        for n, path in enumerate(paths, start=1):
            if progress:
                progress(n, len(paths), str(path))
            if n - 1 in cached:
                results.append(cached[n - 1])
                continue
            outcome = next(fresh)
            if outcome.skipped is not None:
                skipped.append(outcome.skipped)
            elif outcome.warning is not None:
                if strict and outcome.error is not None:
                    raise outcome.error
                warnings.append(outcome.warning)
            else:
                results.append(_keep(outcome, path, keys[n - 1], cache))
    finally:  # stops the workers early on --strict or an interrupt
        _close(fresh)
    return Analysed(results, warnings, skipped)


def _keep(outcome: Outcome, path: Path, key: str | None, cache: Cache | None) -> DocResult:
    """The outcome's result, stored in the cache unless the file changed while read."""
    result = outcome.result if outcome.blob is None else loads(outcome.blob)
    if result is None:  # only if pickling itself is broken: say so, do not guess
        raise RuntimeError(f"{path}: a worker's result could not be unpickled")
    if cache is not None and key is not None \
            and cache.key(path.name, result.document.sha256) == key:
        if outcome.blob is not None:
            cache.store_bytes(key, outcome.blob)
        else:
            cache.store(key, result)
    return result


def _close(outcomes: Iterator[Outcome]) -> None:
    close = getattr(outcomes, "close", None)
    if close is not None:
        close()


__all__ = ["Analysed", "MIN_PARALLEL", "analyse_all", "analyse_path", "default_jobs", "slim"]
