"""``lapekg push``: load a graph into any SPARQL 1.1 store, named graphs kept.

For users who outgrow one laptop: the same graph in Apache Jena Fuseki,
Virtuoso, GraphDB or an Oxigraph server, where ``lapekg query --endpoint``
then runs the library. Two standard ways, one request per named graph or
batch:

* **Graph Store Protocol** (``--graph-store URL``): ``PUT`` (replace) or
  ``POST`` (add) of each graph as N-Triples (sent as ``text/turtle``, of
  which N-Triples is a subset, because every store accepts Turtle). Fast,
  and a repeated push replaces rather than doubles.
* **SPARQL Update** (``--endpoint URL``), for stores without the Graph Store
  Protocol: ``INSERT DATA`` in batches, written by rdflib's
  ``SPARQLUpdateStore`` (a well-kept client; it refuses blank nodes, which
  lapekg graphs do not have). Batches, because one big ``INSERT`` fails on
  Virtuoso ("string session is longer than 10Mb") and costs 2 GB on the
  client at a million triples. Updates add: push into an empty store.

The graph is first read into a pyoxigraph Store, whatever it was given as
(:func:`queries.store.open_store`): each named graph is pushed as it is, and
the default graph carries their union, each triple once. So the library's
queries find everything on any store without a "union default graph"
setting, and without the duplicates a bag union makes (do not switch that
setting on as well: the union would then count each triple twice).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

from queries.errors import EndpointError, QueryError
from queries.remote import send
from queries.store import open_store
from queries.terms import from_oxigraph

DEFAULT_BATCH = 5000


@dataclass(frozen=True)
class Pushed:
    """One graph sent: its name (``None`` for the default graph) and size."""

    graph: str | None
    triples: int
    requests: int


def graphs(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    """The default graph (when it holds triples) and every named graph, sorted."""
    names: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = sorted(
        store.named_graphs(), key=str
    )
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        names.insert(0, ox.DefaultGraph())
    return names


def graph_name(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str | None:
    """The IRI of a named graph, ``None`` for the default graph."""
    if isinstance(graph, ox.DefaultGraph):
        return None
    if isinstance(graph, ox.BlankNode):
        raise QueryError("a graph named by a blank node cannot be pushed; give it an IRI")
    return graph.value


def graph_store_url(base: str, name: str | None) -> str:
    """``base?graph=IRI`` or ``base?default`` (SPARQL 1.1 Graph Store Protocol)."""
    joiner = "&" if "?" in base else "?"
    if name is None:
        return f"{base}{joiner}default"
    return f"{base}{joiner}{urllib.parse.urlencode({'graph': name})}"


def push_graph_store(store: ox.Store, url: str, *, replace: bool = True,
                     timeout: float = 600.0) -> list[Pushed]:
    """Each graph by one ``PUT`` (or ``POST``) to the Graph Store Protocol endpoint."""
    report = []
    for graph in graphs(store):
        name = graph_name(graph)
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        send(graph_store_url(url, name), method="PUT" if replace else "POST", body=body,
             headers={"Content-Type": "text/turtle; charset=utf-8"}, timeout=timeout)
        triples = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
        report.append(Pushed(name, triples, 1))
    return report


def push_update(store: ox.Store, url: str, *, batch: int = DEFAULT_BATCH) -> list[Pushed]:
    """Each graph in ``INSERT DATA`` batches of at most ``batch`` triples."""
    if batch < 1:
        raise QueryError(f"batch size must be at least 1, not {batch}")
    target = SPARQLUpdateStore(query_endpoint=url, update_endpoint=url, autocommit=False)
    report = []
    for graph in graphs(store):
        name = graph_name(graph)
        context = Graph(store=target, identifier=URIRef(name)) if name else None
        triples = requests = 0
        for chunk in chunks(store.quads_for_pattern(None, None, None, graph), batch):
            statements = [(from_oxigraph(q.subject), from_oxigraph(q.predicate),
                         from_oxigraph(q.object)) for q in chunk]
            if context is None:  # one INSERT DATA per triple, sent together
                for triple in statements:
                    target.add(triple)  # type: ignore[arg-type]
            else:  # one INSERT DATA { GRAPH <name> { … } } per batch
                target.addN((s, p, o, context) for s, p, o in statements)  # type: ignore[misc]
            commit(target, url)
            triples += len(chunk)
            requests += 1
        report.append(Pushed(name, triples, requests))
    return report


def commit(target: SPARQLUpdateStore, url: str) -> None:
    """Send the batch; HTTP and connection errors become EndpointErrors naming the URL."""
    try:
        target.commit()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace").strip()[:800]
        target.rollback()
        raise EndpointError(f"{url} answered HTTP {err.code} {err.reason}: {detail}") from None
    except urllib.error.URLError as err:
        target.rollback()
        raise EndpointError(f"could not reach {url}: {err.reason}") from None
    except Exception as err:  # noqa: BLE001 - rdflib refuses blank nodes with a bare Exception
        target.rollback()
        raise QueryError(f"could not push to {url}: {err}") from None


def chunks(items: Iterable[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def push(graph: object = None, *, endpoint: str | None = None, graph_store: str | None = None,
         replace: bool = True, batch: int = DEFAULT_BATCH) -> list[Pushed]:
    """Push ``graph`` (a file, an rdflib graph, a Store; ``None``: the bundled corpus).

    With ``graph_store`` the Graph Store Protocol is used, else SPARQL Update
    at ``endpoint``.
    """
    if not graph_store and not endpoint:
        raise QueryError("give --endpoint URL (SPARQL Update) or --graph-store URL")
    store = open_store(graph)
    if graph_store:
        return push_graph_store(store, graph_store, replace=replace)
    assert endpoint is not None
    return push_update(store, endpoint, batch=batch)
