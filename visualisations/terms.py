"""Finnish names of ontology terms, for everything a person reads.

Edges, tooltip keys, roles and kinds are named by the ontology's own
``rdfs:label``/``skos:prefLabel`` in Finnish, so the view and the ontology
cannot disagree. The ontology is package data (``ontology/lapekg.ttl``) read
with :mod:`importlib.resources`; a graph may also carry labels itself. Where
no label exists yet, the term's local name is shown rather than nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

ONTOLOGY_PACKAGE = "ontology"
ONTOLOGY_FILE = "lapekg.ttl"
LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology shipped with lapekg, or an empty graph if it is not there."""
    ref = resources.files(ONTOLOGY_PACKAGE).joinpath(ONTOLOGY_FILE)
    graph = Graph()
    if ref.is_file():
        graph.parse(data=ref.read_text(encoding="utf-8"), format="turtle")
    return graph


def local_name(term: URIRef | str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    text = str(term)
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[cut + 1 :] if cut >= 0 and cut + 1 < len(text) else text


def pick_label(labels: Iterable[Literal], lang: str = "fi") -> str | None:
    """Choose one label: ``lang`` first, then one without a language, then any.

    Sorted within each rank so that the choice is the same on every run.
    """
    ranked: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for label in labels:
        if not isinstance(label, Literal):
            continue
        rank = 0 if label.language == lang else 1 if label.language is None else 2
        ranked[rank].append(str(label))
    for rank in (0, 1, 2):
        if ranked[rank]:
            return sorted(ranked[rank])[0]
    return None


def term_label(term: URIRef, *graphs: Graph, lang: str = "fi") -> str:
    """A term's label from the first graph that has one, else its local name."""
    for graph in (*graphs, ontology_graph()):
        for prop in LABEL_PROPERTIES:
            label = pick_label(graph.objects(term, prop), lang)
            if label:
                return label
    return local_name(term)


#: Names of terms that are not lapekg's own, for tooltips.
OTHER_TERMS: dict[URIRef, str] = {
    URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"): "tyyppi",
    RDFS.label: "nimi",
    SKOS.altLabel: "muu nimi",
}


def display_name(term: URIRef, *graphs: Graph) -> str:
    """What a tooltip calls a property: its Finnish label, else a fixed name."""
    if term in OTHER_TERMS:
        return OTHER_TERMS[term]
    return term_label(term, *graphs)
