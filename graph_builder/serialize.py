"""Graph -> bytes in the format a file suffix names; deterministic and diff-friendly.

The same dataset always gives the same bytes: rdflib's Turtle and TriG
writers sort subjects, predicates and objects, and every node is an IRI
(no blank-node labels to vary). N-Triples and N-Quads are sorted line by
line. Writing to disk is the caller's (atomic) step.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph

from ontology.graphfile import FORMATS  # one suffix table for reading and writing


class UnknownFormat(ValueError):
    """An output path whose suffix names no RDF format lapekg writes."""


def format_for(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        allowed = ", ".join(sorted(FORMATS))
        raise UnknownFormat(f"{path}: unknown output format {path.suffix!r}; use one of {allowed}")
    return fmt


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one graph, prefixes kept."""
    graph = Graph()
    for prefix, ns in dataset.namespaces():
        graph.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """Serialise ``dataset`` (named graphs kept where the format can hold them)."""
    if fmt == "nquads":
        return _sorted_lines(dataset.serialize(format=fmt, encoding="utf-8"))
    if fmt == "trig":
        return _trig(dataset)
    graph = union_graph(dataset)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8"))
    if fmt == "json-ld":
        text = graph.serialize(format="json-ld", encoding="utf-8").decode("utf-8")
        data = json.loads(text)
        data = _sort_json(data)
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return graph.serialize(format=fmt, encoding="utf-8")


def _sort_json(value: object) -> object:
    """Sort every JSON-LD array (node lists and multi-valued properties)."""
    if isinstance(value, dict):
        return {k: _sort_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _trig(dataset: Dataset) -> bytes:
    """TriG with the named graphs in IRI order, each written by the Turtle writer."""
    prefixes = sorted(dataset.namespaces())
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes)
    parts = [head]
    for context in sorted(dataset.contexts(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        graph = Graph()
        for prefix, ns in prefixes:
            graph.bind(prefix, ns, override=True, replace=True)
        for triple in context:
            graph.add(triple)
        body = graph.serialize(format="turtle")
        lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        inner = "\n".join(("    " + line) if line.strip() else "" for line in lines).strip("\n")
        parts.append(f"\n<{context.identifier}> {{\n{inner}\n}}\n")
    return "".join(parts).encode("utf-8")


def _sorted_lines(data: bytes) -> bytes:
    # split on "\n" only: str.splitlines() would also split inside literals (\x0c, \u2028)
    lines = sorted({line for line in data.decode("utf-8").split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")
