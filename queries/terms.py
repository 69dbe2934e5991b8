"""RDF terms between Oxigraph, rdflib, and plain Python values.

Results from every store are turned into the same rdflib terms, in one
canonical form, so that the same query gives equal rows whichever store ran
it: Oxigraph writes ``"1367000"^^xsd:decimal`` where rdflib keeps
``"1367000.00"``, and Oxigraph types plain strings ``xsd:string`` where
rdflib leaves them untyped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

#: What a cell of a result row holds for Python callers.
PythonValue = object


def to_oxigraph(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The Oxigraph term for an rdflib term (IRIs are validated on the way)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


_XSD_STRING, _XSD_DECIMAL = str(XSD.string), str(XSD.decimal)
#: A decimal already in the lexical form :func:`canonical` gives (Oxigraph's).
_CANONICAL_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?")


def from_oxigraph(term: object) -> Identifier:
    """The canonical rdflib term for an Oxigraph term.

    The same term as ``canonical(Literal(value, datatype=...))``, made without
    the detour where it is known: a string is a plain literal, and a decimal
    that Oxigraph wrote in canonical form is kept as it is (each ``Literal``
    made parses its text, which is most of the time a result takes).
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        value, datatype = term.value, term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(value)
        if datatype == _XSD_DECIMAL and value != "-0" and _CANONICAL_DECIMAL.fullmatch(value):
            return Literal(value, datatype=XSD.decimal)
        return canonical(Literal(value, datatype=URIRef(datatype)))
    raise TypeError(f"unsupported term in a result: {term!r}")


class _Converted(dict):
    """Oxigraph term -> rdflib term, made on first use: see :func:`converter`."""

    def __missing__(self, term: object) -> Identifier:
        made = self[term] = from_oxigraph(term)
        return made


def converter() -> Callable[[object], Identifier | None]:
    """:func:`from_oxigraph` remembering what it converted, for the cells of one result.

    Making an rdflib term costs far more than reading the Oxigraph one (a
    ``Literal`` parses its text), and a result repeats the same IRIs and labels
    row after row: each distinct term is converted once, and a term seen before
    costs one dictionary lookup. ``None`` (an unbound cell) stays ``None``.
    Meant for one result, not kept: the memory it holds is that of the
    result's distinct terms.
    """
    converted = _Converted()
    converted[None] = None
    return converted.__getitem__


def canonical(term: Identifier) -> Identifier:
    """One lexical form per value where stores differ: decimals and strings."""
    if not isinstance(term, Literal) or term.language:
        return term
    if term.datatype == XSD.string:
        return Literal(str(term))
    if term.datatype == XSD.decimal:
        try:
            value = Decimal(str(term))
        except InvalidOperation:
            return term
        return Literal(decimal_lexical(value), datatype=XSD.decimal)
    return term


def decimal_lexical(value: Decimal) -> str:
    """``1367000.00`` -> ``1367000``, ``0.80`` -> ``0.8``: Oxigraph's form."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    return text


def to_python(term: Identifier | None) -> PythonValue:
    """A cell for Python callers: IRIs stay terms, literals become values.

    Numbers become ``int``/``Decimal``, ``xsd:date`` a ``datetime.date``, a
    language-tagged or plain string a ``str``; a type Python has no value
    for (``xsd:gYear``) stays its lexical text, ``"2019"``.
    """
    if term is None or not isinstance(term, Literal):
        return term
    if term.language or term.datatype is None:
        return str(term)
    value = term.toPython()
    if isinstance(value, Literal):
        return str(value)
    return value
