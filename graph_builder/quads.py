"""A build's RDF: named graphs of N-Triples lines, in memory or spilled to disk.

Why not an rdflib ``Dataset``: at 10,000 pages a build holds six to seven
million quads, which took 14.6 GB and 91 % of the build's time as rdflib
objects (the benchmark run before this design; see the README, "How the graph
is written"). Here a quad is one ``str`` until the graph is written, graphs
past :data:`SPILL_AFTER` quads go to a temporary file, and sorting for
deterministic output is done by GNU ``sort`` (external merge sort, bounded
memory) instead of in Python.

Order, which makes output byte-identical from the same sources:

* :meth:`Quads.ntriples` — the union of all graphs, each triple once, sorted
  by its N-Triples bytes (what Turtle, N-Triples and JSON-LD are written from);
* :meth:`Quads.quads` — graph by graph in IRI order, each graph's triples
  sorted (TriG and N-Quads).

In memory, Python's ``sorted`` gives the same order as ``LC_ALL=C sort``:
UTF-8 byte order is code point order. A test builds the same corpus both
ways and compares bytes.

Lines are N-Triples statements with their final `` .``: ``"<s> <p> <o> ."``.
A spilled line puts the graph IRI first, then a tab (``"<g>\t<s> <p> <o> ."``):
sorting whole lines is then graph-major, ``cut -f 2`` gives the union's
N-Triples and ``awk`` the N-Quads, with no Python code per line. No line
holds another tab: N-Triples escapes it in literals, IRIs percent-encode it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from graph_builder.errors import OutputError
from graph_builder.ntriples import from_rdflib

#: Quads kept in memory before a build spills them to a temporary file (about
#: 60 MB of strings). Past this size GNU sort, on every core, also orders them
#: faster than Python's sort does (1,000 generated pages: 1.7 s against 2.4 s).
SPILL_AFTER = 250_000
#: Memory GNU sort may use before it merges runs from temporary files.
SORT_MEMORY = "512M"


class Quads:
    """Named graphs of triples, written once each graph is complete.

    ``spill_dir`` is where the temporary file goes when the quads outgrow
    memory (the system's temporary folder if None); ``spill_after`` is the
    number of quads kept in memory before that.
    """

    def __init__(self, spill_dir: Path | None = None, spill_after: int = SPILL_AFTER) -> None:
        self._graphs: dict[str, set[str]] = {}
        self._count = 0
        self._spill_after = spill_after
        self._spill_dir = spill_dir
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._spill: IO[str] | None = None

    # --- adding -----------------------------------------------------------
    def add_graph(self, graph: str, lines: Iterable[str]) -> None:
        """Add ``lines`` (N-Triples statements) to the graph named ``graph`` (``<iri>``)."""
        lines = lines if isinstance(lines, set) else set(lines)
        if not lines:
            return
        if self._spill is not None:
            self._write_spill(graph, lines)
            return
        present = self._graphs.get(graph)
        if present is None:
            self._graphs[graph] = lines
            self._count += len(lines)
        else:
            before = len(present)
            present |= lines
            self._count += len(present) - before
        if self._count > self._spill_after:
            self._start_spill()

    def _start_spill(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="lapekg-quads-", dir=self._spill_dir)
        self._spill = open(Path(self._tmp.name) / "quads.txt", "w", encoding="utf-8",
                           newline="\n")
        graphs, self._graphs = self._graphs, {}
        for graph, lines in graphs.items():
            self._write_spill(graph, lines)

    def _write_spill(self, graph: str, lines: set[str]) -> None:
        assert self._spill is not None
        self._spill.write("".join(f"{graph}\t{line}\n" for line in lines))
        self._count += len(lines)   # an upper bound until sorted: see __len__

    @property
    def spilled(self) -> bool:
        return self._spill is not None

    def __len__(self) -> int:
        """Number of quads (exact in memory; once spilled, a graph added twice counts twice)."""
        return self._count

    # --- reading, in order --------------------------------------------------
    def quads(self) -> Iterator[tuple[str, str]]:
        """``(graph, triple line)`` graph by graph in IRI order, triples sorted."""
        if self._spill is None:
            for graph in sorted(self._graphs):
                for line in sorted(self._graphs[graph]):
                    yield graph, line
            return
        with self._sorted_spill(union=False) as stream:
            for raw in stream:
                graph, line = raw.decode("utf-8").rstrip("\n").split("\t", 1)
                yield graph, line

    @contextlib.contextmanager
    def ntriples(self) -> Iterator[IO[bytes]]:
        """The sorted union as N-Triples text, readable as a binary stream.

        In memory it is one buffer; spilled, it is the output of ``cut | sort``
        read as it comes, so no Python code runs per line.
        """
        if self._spill is None:
            union: set[str] = set()
            for lines in self._graphs.values():
                union |= lines
            yield io.BytesIO(_joined(sorted(union)))
            return
        with self._sorted_spill(union=True) as stream:
            yield stream

    @contextlib.contextmanager
    def nquads(self) -> Iterator[IO[bytes]]:
        """Every quad as N-Quads text, graph by graph in IRI order, as a binary stream."""
        if self._spill is None:
            lines = [f"{line[:-1]}{graph} ." for graph in sorted(self._graphs)
                     for line in sorted(self._graphs[graph])]
            yield io.BytesIO(_joined(lines))
            return
        with self._sorted_spill(union=False, as_nquads=True) as stream:
            yield stream

    @contextlib.contextmanager
    def _sorted_spill(self, union: bool, as_nquads: bool = False) -> Iterator[IO[bytes]]:
        """The spill file sorted by GNU sort: the union's triples (``cut`` drops the
        graph), or graph-major lines (``awk`` turns them into N-Quads if asked)."""
        assert self._spill is not None and self._tmp is not None
        self._spill.flush()
        path = Path(self._tmp.name) / "quads.txt"
        if not all(shutil.which(tool) for tool in ("sort", "cut", "awk")):
            yield io.BytesIO(_sorted_in_python(path, union, as_nquads))
            return
        env = dict(os.environ, LC_ALL="C")
        sort = ["sort", "-u", "-S", SORT_MEMORY, "-T", self._tmp.name]
        if union:
            stages = [["cut", "-f", "2", str(path)], sort]
        else:
            stages = [[*sort, str(path)]]
            if as_nquads:
                stages.append(["awk", "-F", "\t",
                               '{ print substr($2, 1, length($2) - 1) $1 " ." }'])
        procs: list[subprocess.Popen] = []
        try:
            upstream = None
            for argv in stages:
                proc = subprocess.Popen(argv, stdin=upstream, stdout=subprocess.PIPE, env=env)
                if upstream is not None:
                    upstream.close()   # the next stage owns the pipe now
                upstream = proc.stdout
                procs.append(proc)
            assert upstream is not None
            with upstream:
                yield upstream
                if not upstream.closed:
                    upstream.read()   # drain, so that every stage can finish
            for proc in procs:
                if proc.wait() != 0:
                    raise OutputError(f"sorting the build's quads failed: {proc.args[0]} "
                                      f"exited with {proc.returncode}")
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()

    # --- conversions --------------------------------------------------------
    def to_dataset(self, prefixes: dict[str, str] | None = None):
        """The quads as an rdflib ``Dataset`` (for curation, views and tests: small graphs)."""
        from rdflib import Dataset

        dataset = Dataset()
        for prefix, ns in (prefixes or {}).items():
            dataset.bind(prefix, ns, override=True, replace=True)
        with self.nquads() as stream:
            data = stream.read()
        if data:
            dataset.parse(data=data.decode("utf-8"), format="nquads")
        return dataset

    @classmethod
    def from_dataset(cls, dataset, spill_dir: Path | None = None) -> Quads:
        """The quads of an rdflib ``Dataset`` (the default graph is left out: lapekg
        writes every triple into a named graph)."""
        out = cls(spill_dir)
        by_graph: dict[str, set[str]] = {}
        for s, p, o, g in dataset.quads((None, None, None, None)):
            if g is None or str(getattr(g, "identifier", g)) == "urn:x-rdflib:default":
                continue
            name = from_rdflib(getattr(g, "identifier", g))
            by_graph.setdefault(name, set()).add(
                f"{from_rdflib(s)} {from_rdflib(p)} {from_rdflib(o)} .")
        for name in sorted(by_graph):
            out.add_graph(name, by_graph[name])
        return out

    def close(self) -> None:
        """Remove the temporary file, if any."""
        if self._spill is not None:
            self._spill.close()
            self._spill = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:   # interpreter shutdown: the folder goes with the process
            pass


def _joined(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _sorted_in_python(path: Path, union: bool, as_nquads: bool) -> bytes:
    """The fallback where GNU sort, cut or awk is missing: the same order, in memory."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        lines = {line.rstrip("\n") for line in handle}
    if union:
        return _joined(sorted({line.split("\t", 1)[1] for line in lines}))
    ordered = sorted(lines)
    if as_nquads:
        pairs = (line.split("\t", 1) for line in ordered)
        return _joined([f"{line[:-1]}{graph} ." for graph, line in pairs])
    return _joined(ordered)
