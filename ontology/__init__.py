"""The lapekg ontology and SHACL shapes, shipped as package data.

``lapekg.ttl`` declares every term of :mod:`ontology.namespaces`; ``shapes.ttl``
says what a sound graph holds. Both are read through :mod:`importlib.resources`
so that they are found wherever the package is installed, never from the
current directory.

Each loader parses afresh and returns a new graph, because callers (pySHACL,
the builder) may add to the graph they get; parsing takes milliseconds.
"""

from __future__ import annotations

from importlib import resources

from rdflib import Graph, URIRef

from ontology.namespaces import FUNDING_KIND, MEASURE_KIND, ROLE, bind_prefixes

__all__ = [
    "FUNDING_KIND_SCHEME",
    "MEASURE_KIND_SCHEME",
    "ONTOLOGY_IRI",
    "ROLE_SCHEME",
    "load_ontology",
    "load_shapes",
    "ontology_text",
    "shapes_text",
]

#: The ontology's own IRI (its ``owl:Ontology`` node).
ONTOLOGY_IRI = URIRef("https://w3id.org/lapekg/ontology")
#: SKOS concept schemes: the namespace of their concepts without the final ``/``.
ROLE_SCHEME = URIRef(str(ROLE).rstrip("/"))
MEASURE_KIND_SCHEME = URIRef(str(MEASURE_KIND).rstrip("/"))
FUNDING_KIND_SCHEME = URIRef(str(FUNDING_KIND).rstrip("/"))


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def ontology_text() -> str:
    """The ontology as Turtle text, as shipped (comments included)."""
    return _read("lapekg.ttl")


def shapes_text() -> str:
    """The SHACL shapes as Turtle text, as shipped."""
    return _read("shapes.ttl")


def load_ontology() -> Graph:
    """The ontology as a new graph with lapekg's prefixes bound."""
    return bind_prefixes(Graph()).parse(data=ontology_text(), format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes graph as a new graph."""
    return bind_prefixes(Graph()).parse(data=shapes_text(), format="turtle")
