"""Where a graph lives and which engine answers a query over it.

The embedded default is a pyoxigraph :class:`~pyoxigraph.Store`, chosen by
measurement (``/work/shared/design/MEASUREMENTS.md``: a star join with a
FILTER over 100k triples took 6.1 s in rdflib's memory store and 0.04 s in
pyoxigraph). Measured here with the named queries: all 19 on the bundled
corpus took 0.04 s in pyoxigraph and 1.8 s in rdflib's engine; on the corpus
copied 50 times (80k quads) programme-overview took 0.08 s against 6.7 s,
and loading 0.3 s against 2.6 s. Whatever the caller hands in (a file, an rdflib
Graph or Dataset, a Store, an endpoint URL, nothing for the bundled corpus)
becomes an *engine* with one method, ``query(text)``, that returns a
:class:`~queries.results.Result` of canonical terms.

Named graphs: a built TriG keeps each document's facts in its own graph,
and queries must see all of them. A Store made here holds the named graphs
as they are *and* their union, each triple once, in its default graph; it is
queried without Oxigraph's ``use_default_graph_as_union``. Why: that option
returns a triple once per graph that states it, so a programme named in 50
documents matches 50 times in each pattern and the duplicates multiply
across joins (measured: project-structure took 125 s on 80k quads with
that option, 0.014 s over the copied union). The copy doubles the store (0.08 s and twice the
memory for 16k quads) and keeps ``GRAPH ?g`` queries working. rdflib's
engine reads a Dataset's union as a set, so both engines see the same graph.
The named queries use DISTINCT as well, for stores whose union is a bag.

:class:`RdflibEngine` runs rdflib's own SPARQL engine. It is not the default
(it is slow on joins); it is here so that tests can show every named query
answers the same on both engines, and for callers who need rdflib's
extension functions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import ConjunctiveGraph
from rdflib.plugins.sparql import prepareQuery

from queries.errors import GraphLoadError, QueryError, QuerySyntaxError
from queries.remote import EndpointEngine
from queries.results import Cell, GraphResult, Result
from queries.terms import canonical, converter

#: File name endings Oxigraph reads, and their formats.
FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


class Engine(Protocol):
    """Anything that answers SPARQL query text with a result."""

    def query(self, text: str) -> Result | GraphResult:
        """Run ``text``; raise :class:`~queries.errors.QueryError` on bad input."""
        ...


@dataclass(frozen=True)
class OxigraphEngine:
    """The embedded default: Oxigraph's engine over a pyoxigraph Store.

    The Store's default graph must hold what queries should see: stores made
    by :func:`open_store` hold the union of their named graphs there. For a
    Store of one's own with data only in named graphs, ``union=True`` uses
    Oxigraph's union instead (a triple counts once per graph).
    """

    store: ox.Store
    union: bool = False

    def query(self, text: str) -> Result | GraphResult:
        try:
            answer = self.store.query(text, use_default_graph_as_union=self.union)
        except SyntaxError as err:
            raise QuerySyntaxError(f"SPARQL does not parse (Oxigraph): {err}") from None
        except OSError as err:
            raise QueryError(f"the query failed in Oxigraph: {err}") from None
        if isinstance(answer, ox.QueryBoolean):
            return Result(columns=(), terms=(), boolean=bool(answer))
        convert = converter()  # each distinct term once: see queries.terms.converter
        if isinstance(answer, ox.QueryTriples):
            return GraphResult(tuple(
                (convert(t.subject), convert(t.predicate), convert(t.object)) for t in answer
            ))
        columns = tuple(variable.value for variable in answer.variables)
        # A solution iterates over its values in the order of ``answer.variables``,
        # None where a variable is unbound.
        keep = _Distinct().__getitem__
        return OxigraphResult(columns, [tuple(map(keep, solution)) for solution in answer])


class _Distinct(dict):
    """Each Oxigraph term read, kept once: equal terms become one object.

    A result holds few distinct terms in many cells; keeping one object per
    distinct term keeps the rows small (and Python's garbage collector idle).
    """

    def __missing__(self, term: object) -> object:
        self[term] = term
        return term


class OxigraphResult(Result):
    """A SELECT answer from Oxigraph whose rdflib terms are made when first used.

    The rows are read from the engine at once, so the query has run and any
    error has been raised when :meth:`OxigraphEngine.query` returns; they are
    kept as Oxigraph terms, and ``terms`` (and so ``rows``, ``records`` and
    ``to``) converts them the first time it is read, each distinct term once
    (:func:`queries.terms.converter`). Making an rdflib term is most of the cost
    of a result beyond the engine's (a ``Literal`` parses its text), and this
    way it is paid once, by whoever uses the terms. Equal to a :class:`Result`
    with the same columns and terms.
    """

    def __init__(self, columns: tuple[str, ...], cells: list[tuple[object, ...]]) -> None:
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "boolean", None)
        object.__setattr__(self, "_cells", cells)

    @functools.cached_property
    def terms(self) -> tuple[tuple[Cell, ...], ...]:  # type: ignore[override]
        convert = converter()
        return tuple(tuple(map(convert, row)) for row in self._cells)

    def __len__(self) -> int:
        return len(self._cells)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.columns, self.terms, self.boolean) == (other.columns, other.terms,
                                                            other.boolean)

    __hash__ = Result.__hash__


@dataclass(frozen=True)
class RdflibEngine:
    """rdflib's SPARQL engine over an rdflib Graph or Dataset (union default graph)."""

    graph: Graph

    def query(self, text: str) -> Result | GraphResult:
        try:
            prepared = prepareQuery(text)
        except Exception as err:  # noqa: BLE001 - pyparsing and rdflib raise several kinds
            raise QuerySyntaxError(f"SPARQL does not parse (rdflib): {err}") from None
        answer = union_view(self.graph).query(prepared)
        if answer.type == "ASK":
            return Result(columns=(), terms=(), boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            return GraphResult(tuple(
                (s, p, canonical(o)) for s, p, o in answer.graph  # type: ignore[union-attr]
            ))
        columns = tuple(str(v) for v in answer.vars or ())
        rows = tuple(
            tuple(None if cell is None else canonical(cell) for cell in row)  # type: ignore[union-attr]
            for row in answer
        )
        return Result(columns=columns, terms=rows)


def union_view(graph: Graph) -> Graph:
    """A Dataset whose default graph is the union of its graphs (no copy).

    rdflib's ``Dataset`` queries only its default graph unless it was made
    with ``default_union=True``; a view over the same store fixes that
    without changing the caller's object.
    """
    if isinstance(graph, Dataset) and not graph.default_union:
        return Dataset(store=graph.store, default_union=True)
    return graph


# --- Opening graphs --------------------------------------------------------------


def load_file(path: Path) -> ox.Store:
    """A new in-memory Store holding the file (format from its name ending)."""
    if not path.is_file():
        raise GraphLoadError(f"{path}: no such file")
    rdf_format = FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise GraphLoadError(
            f"{path}: cannot tell the RDF format from the name; use one of "
            f"{', '.join(sorted(FORMATS))}"
        )
    store = ox.Store()
    try:
        store.bulk_load(path=path, format=rdf_format)
    except (SyntaxError, ValueError) as err:
        raise GraphLoadError(f"{path}: not valid {rdf_format}: {err}") from None
    except OSError as err:
        raise GraphLoadError(f"{path}: cannot be read: {err}") from None
    return add_union_default(store)


def add_union_default(store: ox.Store) -> ox.Store:
    """Copy the triples of every named graph into the default graph, each once."""
    default = ox.DefaultGraph()
    store.bulk_extend(
        ox.Quad(quad.subject, quad.predicate, quad.object, default)
        for quad in store.quads_for_pattern(None, None, None, None)
        if quad.graph_name != default
    )
    return store


def from_rdflib(graph: Graph) -> ox.Store:
    """A Store holding an rdflib Graph or Dataset, named graphs kept.

    The graph is written once as N-Triples/N-Quads bytes and bulk-loaded:
    far faster than adding quads one by one through Python.
    """
    store = ox.Store()
    if isinstance(graph, Dataset | ConjunctiveGraph):
        data, rdf_format = graph.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS
    else:
        data, rdf_format = graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES
    store.bulk_load(input=data, format=rdf_format)
    return add_union_default(store)


def bundled_graph() -> Graph:
    """The graph built from the bundled corpus: ``graph_builder.pipeline.build(None)``.

    Its ``dataset`` (one named graph per document), not its flattened
    ``graph``: ``serve`` and ``push`` keep the named graphs. Imported on first
    use: the query layer does not need the builder to read a graph file.
    """
    try:
        from graph_builder import pipeline
    except ModuleNotFoundError as err:
        if err.name != "graph_builder.pipeline":
            raise
        raise GraphLoadError(
            "the bundled corpus is built by graph_builder.pipeline, which this "
            "installation does not have yet; pass --graph FILE (e.g. from 'lapekg build')"
        ) from None
    return pipeline.build(None).dataset


def open_store(source: object = None) -> ox.Store:
    """A pyoxigraph Store for a file path, an rdflib graph, a Store, or ``None``.

    ``None`` means the bundled corpus. A new Store holds the named graphs and
    their union in the default graph; a Store given is used as it is.
    """
    if source is None:
        return from_rdflib(bundled_graph())
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Graph):
        return from_rdflib(source)
    if isinstance(source, str | Path):
        return load_file(Path(source))
    raise GraphLoadError(f"cannot read a graph from {type(source).__name__}")


def is_endpoint(source: object) -> bool:
    """A string that starts with ``http://`` or ``https://`` names an endpoint.

    A rule, not a guess: graph files are given as paths without a scheme.
    """
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def connect(source: object = None) -> Engine:
    """The engine for ``source``: an endpoint URL, an engine, or a graph to embed."""
    if is_endpoint(source):
        return EndpointEngine(str(source))
    if isinstance(source, OxigraphEngine | RdflibEngine | EndpointEngine):
        return source
    return OxigraphEngine(open_store(source))
