"""The sentences each fact came from, read from ``lkg:Evidence``.

Every extracted triple ``S P O`` has one ``lkg:Evidence`` per sentence that
states it (``ontology/GRAPH.md``). The view shows those sentences next to the
fact, so a reader can check the picture against the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from ontology.namespaces import LKG

Statement = tuple[Node, Node, Node]


@dataclass(frozen=True, order=True)
class Source:
    """One sentence that states a fact, and where it stands."""

    document: str       # the document's label or file name
    line: int | None
    quote: str
    rule: str = ""


def _first_literal(graph: Graph, node: Node, *props: Node) -> str | None:
    for prop in props:
        for value in graph.objects(node, prop):
            if isinstance(value, Literal):
                return str(value)
    return None


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def source_of(graph: Graph, evidence: Node) -> Source | None:
    """The sentence an evidence record points to, or None if it has no quote."""
    sentence = graph.value(evidence, LKG.sentence)
    if sentence is None:
        return None
    quote = _first_literal(graph, sentence, LKG.quote)
    if quote is None:
        return None
    document = graph.value(sentence, LKG.inDocument)
    name = ""
    if document is not None:
        name = _first_literal(graph, document, LKG.fileName, RDFS.label) or str(document)
    return Source(
        document=name,
        line=_int_or_none(_first_literal(graph, sentence, LKG.line)),
        quote=quote,
        rule=_first_literal(graph, evidence, LKG.rule) or "",
    )


def evidence_index(graph: Graph) -> dict[Statement, list[Source]]:
    """Map each statement to its sources, sorted by document and line, no repeats."""
    found: dict[Statement, set[Source]] = defaultdict(set)
    for evidence in graph.subjects(RDF.type, LKG.Evidence):
        s = graph.value(evidence, RDF.subject)
        p = graph.value(evidence, RDF.predicate)
        o = graph.value(evidence, RDF.object)
        if s is None or p is None or o is None:
            continue
        source = source_of(graph, evidence)
        if source is not None:
            found[(s, p, o)].add(source)
    return {key: sorted(value, key=_order) for key, value in found.items()}


def _order(source: Source) -> tuple[str, int, str]:
    return (source.document, source.line if source.line is not None else -1, source.quote)
