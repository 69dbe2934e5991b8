"""Quads -> a file in the format a suffix names; deterministic and diff-friendly.

The same quads always give the same bytes: :class:`~graph_builder.quads.Quads`
hands triples and quads over in sorted order, and Oxigraph's writers
(Rust, streaming) write them in that order, grouping a subject's triples.
Every node is an IRI (no blank-node labels to vary).

* Turtle, N-Triples, JSON-LD: the union of all graphs, each triple once.
* TriG, N-Quads: a named graph per document, graphs in IRI order.

Writing is streamed into an open binary file, so a graph of millions of
triples is never held as one ``bytes``; the caller opens it atomically.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph_builder.quads import Quads
from ontology.graphfile import FORMATS  # one suffix table for reading and writing
from ontology.namespaces import output_prefixes

_OXIGRAPH = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
             "json-ld": ox.RdfFormat.JSON_LD}


class UnknownFormat(ValueError):
    """An output path whose suffix names no RDF format lapekg writes."""


def format_for(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        allowed = ", ".join(sorted(FORMATS))
        raise UnknownFormat(f"{path}: unknown output format {path.suffix!r}; use one of {allowed}")
    return fmt


def write(quads: Quads, fmt: str, out: IO[bytes], base: str | None = None) -> None:
    """Write ``quads`` to the binary file ``out`` as ``fmt`` (a value of ``FORMATS``).

    ``base`` is the data base the quads were built with: it names the
    ``id:``-style prefixes of Turtle, TriG and JSON-LD.
    """
    if fmt not in _OXIGRAPH and fmt not in ("nt", "nquads"):
        raise UnknownFormat(f"lapekg does not write {fmt!r}")
    union = fmt in ("nt", "turtle", "json-ld")
    with (quads.ntriples() if union else quads.nquads()) as stream:
        if fmt in ("nt", "nquads"):
            shutil.copyfileobj(stream, out, 1 << 20)
            return
        parsed = ox.parse(stream, format=ox.RdfFormat.N_TRIPLES if union
                          else ox.RdfFormat.N_QUADS)
        ox.serialize(parsed, out, _OXIGRAPH[fmt], prefixes=output_prefixes(base))


def serialize(data: Quads | Dataset, fmt: str, base: str | None = None) -> bytes:
    """:func:`write` into memory (for tests and small graphs); an rdflib
    ``Dataset`` (from curation or redaction) is written the same way."""
    quads = data if isinstance(data, Quads) else Quads.from_dataset(data)
    buffer = io.BytesIO()
    write(quads, fmt, buffer, base)
    return buffer.getvalue()


def union_graph(data: Quads | Dataset, base: str | None = None) -> Graph:
    """Every triple of every named graph as one rdflib ``Graph``, prefixes bound."""
    graph = Graph()
    for prefix, ns in output_prefixes(base).items():
        graph.bind(prefix, ns, override=True, replace=True)
    if isinstance(data, Quads):
        text = "\n".join(data.triples())
        if text:
            graph.parse(data=text + "\n", format="nt")
        return graph
    for prefix, ns in data.namespaces():
        graph.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in data.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
