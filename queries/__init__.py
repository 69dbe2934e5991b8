"""Named SPARQL queries over a lapekg graph: the Python API.

The same functions serve the ``lapekg query`` / ``lapekg sparql`` commands
and notebooks::

    import queries
    for q in queries.list_queries():
        print(q.name, q.title)
    result = queries.run("projects-by-region", "out/lape.trig", region="id:region/14")
    result.rows            # tuples of Python values (IRIs stay rdflib URIRefs)
    print(result.to("md"))

``graph`` may be ``None`` (the bundled corpus, built on the fly), a path to
an RDF file, an rdflib Graph or Dataset, a pyoxigraph Store, an engine from
:mod:`queries.store`, or the URL of a SPARQL endpoint (a string starting with
``http://`` or ``https://``). To run several queries over one file, open it
once with :func:`open_graph` and pass the Store: it holds the named graphs
and, in its default graph, their union (each triple once), which is what
the queries read. A Store of one's own is queried as it is.

Parameter values are checked against their declared type and bound as RDF
terms (see :mod:`queries.binding`); a wrong name, value or query text raises
a :class:`QueryError` that names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from queries.errors import (
    EndpointError,
    GraphLoadError,
    HeaderError,
    ParameterValueError,
    QueryError,
    QuerySyntaxError,
    UnknownParameterError,
    UnknownQueryError,
)
from queries.library import NamedQuery, Param, catalogue, find
from queries.results import GraphResult, Result
from queries.store import connect, open_store

__all__ = [
    "EndpointError",
    "GraphLoadError",
    "GraphResult",
    "HeaderError",
    "NamedQuery",
    "Param",
    "ParameterValueError",
    "QueryError",
    "QuerySyntaxError",
    "Result",
    "UnknownParameterError",
    "UnknownQueryError",
    "execute",
    "get",
    "list_queries",
    "open_graph",
    "run",
    "sparql",
]


def list_queries(library: Iterable[Path] = ()) -> list[NamedQuery]:
    """Every named query, sorted by name; ``library`` adds folders of one's own ``.rq`` files."""
    return sorted(catalogue(library).values(), key=lambda q: q.name)


def get(name: str, library: Iterable[Path] = ()) -> NamedQuery:
    """The named query ``name`` (an :class:`UnknownQueryError` suggests near names)."""
    return find(name, catalogue(library))


def run(name: str, graph: object = None, **params: object) -> Result:
    """Run the named query ``name`` over ``graph`` with ``params`` bound."""
    return execute(get(name), graph, params)


def execute(query: NamedQuery, graph: object = None,
            params: Mapping[str, object] | None = None) -> Result:
    """Run an already loaded :class:`NamedQuery` (e.g. from a folder of one's own)."""
    text = query.bound(params or {})
    result = connect(graph).query(text)
    if not isinstance(result, Result):  # named queries are SELECT; checked on load
        raise QueryError(f"query {query.name!r} did not return a table")
    return result


def sparql(text: str, graph: object = None) -> Result | GraphResult:
    """Run SPARQL query text of one's own (SELECT, ASK, CONSTRUCT or DESCRIBE)."""
    return connect(graph).query(text)


def open_graph(source: object = None) -> ox.Store:
    """Load a graph once into a pyoxigraph Store, to run many queries over it."""
    return open_store(source)
