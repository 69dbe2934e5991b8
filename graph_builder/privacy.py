"""A graph without personal data: what ``lapekg build --no-personal`` writes.

Officials' names, e-mail addresses and phone numbers are public in the
sources, but they are still personal data, and a graph is copied, published
and loaded into stores far from its sources. Leaving people out of the graph
itself (rather than only out of a view of it) means every later use is free
of them without having to remember to filter.

What goes:

- every ``lkg:Person`` node: all triples naming it, its ``lkg:Participation``
  nodes and every evidence record about either;
- ``lkg:email`` and ``lkg:telephone`` (and the schema:/foaf: equivalents) on
  any node, ``mailto:`` and ``tel:`` IRIs anywhere, and their evidence.

What is rewritten:

- text literals (quotes of sentences, labels, titles, file names): e-mail
  addresses become ``[sähköposti]``, phone numbers ``[puhelin]``, and the
  names of the removed people ``[henkilö]``. Names are matched by the stem
  of each part, so Finnish inflected forms are caught too ("Kananojan" for
  "Kananoja"); this errs on the side of one capitalised word too many.
  A sentence stays (it is the evidence of other facts), redacted. One
  function rewrites every literal, so an evidence record's ``rdf:object``
  still equals the literal of the triple it reifies.
- data IRIs whose last segment holds such a name (a measure slugged from
  "... Aulikki Kananojan selvitystyön pohjalta") become opaque:
  ``id:measure/x-{hash}``, everywhere at once, so links still hold.

Typed literals (dates, amounts, offsets) are not text and stay as they are.
The result still conforms to the shapes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, Node, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from graph_builder.curation import copy_data, graphs_of, remove_nodes
from graph_builder.emit import short_hash
from graph_builder.slug import slugify
from lapekg.personal import (
    CONTACT_PROPERTIES,
    EMAIL_TOKEN,
    PERSON_TOKEN,
    PHONE_TOKEN,
    name_pattern,
    name_stems,
    redact,
)
from ontology.namespaces import LKG, data_namespace

__all__ = ["EMAIL_TOKEN", "PERSON_TOKEN", "PHONE_TOKEN", "redact", "without_personal"]

CONTACT_SCHEMES = ("mailto:", "tel:")


def people(data: Graph) -> set[Node]:
    """Every node typed lkg:Person in any graph of ``data``."""
    return {p for g in graphs_of(data) for p in g.subjects(RDF.type, LKG.Person)}


def names_of(data: Graph, nodes: Iterable[Node]) -> list[str]:
    """All names (labels and alternative labels) of ``nodes``, sorted."""
    nodes = set(nodes)
    return sorted({str(o) for g in graphs_of(data) for n in nodes
                   for p in (RDFS.label, SKOS.altLabel) for o in g.objects(n, p)})


def _is_contact(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(CONTACT_SCHEMES)


def _drop_contacts(data: Graph) -> None:
    """Remove contact values on any node, with the evidence that reifies them."""
    for graph in graphs_of(data):
        evidence = {ev for ev in graph.subjects(RDF.type, LKG.Evidence)
                    if graph.value(ev, RDF.predicate) in CONTACT_PROPERTIES
                    or _is_contact(graph.value(ev, RDF.object))}
        for ev in evidence:
            graph.remove((ev, None, None))
        for triple in [t for t in graph if t[1] in CONTACT_PROPERTIES or _is_contact(t[2])]:
            graph.remove(triple)


def _iri_rewriter(stems: list[str], base: str | None) -> Callable[[URIRef], URIRef]:
    """Data IRI -> an opaque one if its last segment holds a person's name."""
    prefix = str(data_namespace(base))
    folded = tuple(s for s in {slugify(stem) for stem in stems} if len(s) >= 3)

    def rewrite(iri: URIRef) -> URIRef:
        text = str(iri)
        if not folded or not text.startswith(prefix):
            return iri
        head, _, last = text.rpartition("/")
        if any(token.startswith(folded) for token in last.split("-")):
            return URIRef(f"{head}/x-{short_hash(text)}")
        return iri

    return rewrite


def _rewrite_terms(data: Graph, text: Callable[[str], str],
                   iri: Callable[[URIRef], URIRef]) -> None:
    """Apply ``text`` to every text literal and ``iri`` to every IRI, in place."""

    def term(node: Node) -> Node:
        if isinstance(node, Literal) and node.datatype in (None, XSD.string):
            new = text(str(node))
            return node if new == str(node) else Literal(new, lang=node.language,
                                                         datatype=node.datatype)
        if isinstance(node, URIRef):
            return iri(node)
        return node

    for graph in graphs_of(data):
        changes = []
        for s, p, o in graph:
            new = (term(s), p, term(o))
            if new != (s, p, o):
                changes.append(((s, p, o), new))
        for old, _ in changes:
            graph.remove(old)
        for _, new in changes:
            graph.add(new)


def without_personal(data: Graph, base: str | None = None) -> Graph:
    """A copy of ``data`` (a Dataset stays a Dataset) without personal data.

    See the module docstring for what goes and what is rewritten. ``base``
    is the data base the graph was built with (for opaque IRIs).
    """
    persons = people(data)
    names = names_of(data, persons)
    pattern = name_pattern(names)
    out = copy_data(data)
    remove_nodes(out, persons)
    _drop_contacts(out)
    _rewrite_terms(out, lambda t: redact(t, pattern), _iri_rewriter(name_stems(names), base))
    return out
