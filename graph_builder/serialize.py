"""Quads -> a file in the format a suffix names; deterministic and diff-friendly.

The same quads always give the same bytes: :class:`~graph_builder.quads.Quads`
hands triples and quads over in sorted order, and the writers keep it:
:mod:`graph_builder.turtle` for Turtle and TriG (string work on sorted
canonical N-Triples), Oxigraph's writer for JSON-LD, the lines themselves
for N-Triples and N-Quads. Every node is an IRI (no blank-node labels to vary).

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
from graph_builder.turtle import write_trig, write_turtle
from ontology.graphfile import FORMATS  # one suffix table for reading and writing
from ontology.namespaces import output_prefixes


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
    prefixes = output_prefixes(base)
    if fmt == "nt":
        with quads.ntriples() as stream:
            shutil.copyfileobj(stream, out, 1 << 20)
    elif fmt == "nquads":
        with quads.nquads() as stream:
            shutil.copyfileobj(stream, out, 1 << 20)
    elif fmt == "turtle":
        with quads.ntriples() as stream:
            text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
            try:
                write_turtle(text, out, prefixes)
            finally:
                text.detach()   # the stream is closed by its owner, not by the wrapper
    elif fmt == "trig":
        write_trig(quads.quads(), out, prefixes)
    elif fmt == "json-ld":
        with quads.ntriples() as stream:
            triples = ox.parse(stream, format=ox.RdfFormat.N_TRIPLES)
            ox.serialize(triples, out, ox.RdfFormat.JSON_LD, prefixes=prefixes)
    else:
        raise UnknownFormat(f"lapekg does not write {fmt!r}")


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
        with data.ntriples() as stream:
            text = stream.read().decode("utf-8")
        if text:
            graph.parse(data=text, format="nt")
        return graph
    for prefix, ns in data.namespaces():
        graph.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in data.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
