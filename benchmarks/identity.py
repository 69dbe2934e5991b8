"""Speed never at the cost of the facts: the same bytes serial, parallel and cached.

Each corpus is built five ways and serialised as sorted N-Quads (every quad
of every named graph; TriG and Turtle are written from the same Dataset by
deterministic writers, so equal quads mean equal files): the reference, a
plain loop of ``pipeline.analyse`` over the documents in this process with
full results (no pickling, no slimming, no cache), then ``analyse_all`` on
one process, on every core (parallel even for a handful of documents), with
a cold cache and with the warm cache. Identical bytes mean identical evaluation figures,
whatever the scorer counts.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from benchmarks.measure import ChildRun
from benchmarks.report import Figure, Row

WAYS = ("`analyse` loop", "1 process", "all cores", "cache cold", "cache warm")


def _digest(dataset: object) -> str:
    from graph_builder.serialize import serialize

    return hashlib.sha256(serialize(dataset, "nquads")).hexdigest()


def digests(folder: Path, jobs: int) -> dict[str, str]:
    """The output digest of each way of building ``folder``."""
    from graph_builder import parallel
    from graph_builder.cache import Cache
    from graph_builder.pipeline import analyse, emit
    from graph_builder.readers import read_document
    from graph_builder.sources import discover

    paths = list(discover([folder]).files)
    out = {WAYS[0]: _digest(emit([analyse(read_document(p)) for p in paths])[0])}

    def way(jobs: int, cache: Cache | None = None) -> str:
        return _digest(emit(parallel.analyse_all(paths, jobs, cache).results)[0])

    out["1 process"] = way(1)
    saved, parallel.MIN_PARALLEL = parallel.MIN_PARALLEL, 1
    try:
        out["all cores"] = way(max(2, jobs))
    finally:
        parallel.MIN_PARALLEL = saved
    with tempfile.TemporaryDirectory(prefix="lapekg-bench-cache-") as folder_name:
        out["cache cold"] = way(jobs, Cache(Path(folder_name)))
        out["cache warm"] = way(jobs, Cache(Path(folder_name)))
    return out


def child_identity(folders: list[Path], jobs: int) -> dict:
    return {str(folder): digests(folder, jobs) for folder in folders}


def identity_figure(run: ChildRun, names: dict[str, str]) -> Figure:
    rows = []
    for folder, found in run.data.items():
        same = len(set(found.values())) == 1
        rows.append(Row((names.get(folder, folder), *(v[:12] for v in found.values())),
                        "identical bytes", same, summary="identical" if same else "DIFFERENT"))
    return Figure(
        "Same facts serial, parallel and cached",
        "SHA-256 (first 12 hex digits) of the sorted N-Quads written from each build "
        "(`all cores` forces worker processes even for a few documents).",
        ("corpus", *WAYS), tuple(rows))
