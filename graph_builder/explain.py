"""Explain an entity: each fact about it with the sentence it came from.

Walks the graph through the evidence records (``lkg:Evidence``), so what
it prints is exactly what a SPARQL user would find.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph_builder.errors import LapekgError
from ontology.namespaces import LKG


def load_graph(path: Path | None) -> Graph:
    """A graph file (format by suffix), or the bundled corpus built afresh."""
    if path is None:
        from graph_builder.pipeline import build
        return build(None).graph
    from ontology.graphfile import GraphFileError
    from ontology.graphfile import load_graph as load_file

    try:
        return load_file(path)
    except GraphFileError as err:
        raise LapekgError(str(err)) from None


def label(graph: Graph, node) -> str:
    if isinstance(node, Literal):
        return str(node)
    for prop in (RDFS.label, SKOS.prefLabel):
        values = sorted(graph.objects(node, prop), key=lambda v: (v.language != "fi", str(v)))
        if values:
            return str(values[0])
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def find_entity(graph: Graph, name: str) -> URIRef | None:
    """An entity whose label equals, then contains, ``name`` (case-insensitive)."""
    if name.startswith(("http://", "https://")):
        node = URIRef(name)
        return node if (node, None, None) in graph else None
    wanted = name.casefold()
    exact, partial = [], []
    for prop in (RDFS.label, SKOS.altLabel, LKG.abbreviation):
        for node, value in graph.subject_objects(prop):
            if any((node, RDF.type, c) in graph for c in (LKG.Evidence, LKG.SourceDocument)):
                continue
            text = str(value).casefold()
            if text == wanted:
                exact.append(node)
            elif wanted in text or (len(wanted) > 4 and wanted[:-2] in text):
                partial.append(node)
    for found in (exact, partial):
        if found:
            return sorted(set(found), key=str)[0]
    return None


def explain_entity(graph: Graph, name: str) -> str | None:
    node = find_entity(graph, name)
    if node is None:
        return None
    lines = [f"{label(graph, node)}  <{node}>"]
    types = sorted(label(graph, t) for t in graph.objects(node, RDF.type))
    lines.append("  type: " + ", ".join(types))
    evidence = sorted(set(graph.subjects(RDF.subject, node))
                      | set(graph.subjects(RDF.object, node)),
                      key=str)
    rows = []
    for ev in evidence:
        s = graph.value(ev, RDF.subject)
        p = graph.value(ev, RDF.predicate)
        o = graph.value(ev, RDF.object)
        sentence = graph.value(ev, LKG.sentence)
        quote = graph.value(sentence, LKG.quote) if sentence is not None else None
        doc = graph.value(sentence, LKG.inDocument) if sentence is not None else None
        doc_name = graph.value(doc, LKG.fileName) if doc is not None else None
        line = graph.value(sentence, LKG.line) if sentence is not None else None
        rule = graph.value(ev, LKG.rule)
        fact = f"{label(graph, s)} — {label(graph, p)} — {label(graph, o)}"
        rows.append((str(doc_name), int(line or 0), fact, str(rule), str(quote)))
    for doc_name, line, fact, rule, quote in sorted(rows):
        lines.append(f"  {fact}")
        lines.append(f"      {doc_name}:{line} [{rule}] “{quote}”")
    return "\n".join(lines)
