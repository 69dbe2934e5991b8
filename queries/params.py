"""Parameter values: from what a user typed (or passed in Python) to RDF terms.

A parameter has one of five types. A value is checked against its type here,
before any query runs, so that a wrong value is an error that names the
parameter and the value instead of a query that silently returns nothing.
The result is always an rdflib term; :mod:`queries.binding` turns terms into
SPARQL, so no user text ever reaches a query unchecked.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ontology.namespaces import PREFIXES, data_namespace
from queries.errors import ParameterValueError

#: The types a ``#+ params:`` line may declare.
PARAM_TYPES = ("iri", "string", "integer", "decimal", "date")

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_FINNISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_CURIE = re.compile(r"([A-Za-z][\w-]*):(.*)", re.DOTALL)


def prefixes() -> dict[str, str]:
    """Prefixes accepted in IRI values: lapekg's own plus ``id:`` for data.

    ``id:`` follows the data base setting (``LAPEKG_BASE``), so that
    ``id:project/x`` names the same node the builder wrote.
    """
    table = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    table["id"] = str(data_namespace())
    return table


def coerce(type_: str, value: object, *, name: str) -> Identifier:
    """Return ``value`` as an RDF term of ``type_``, or raise naming ``name``."""
    converters = {
        "iri": to_iri,
        "string": to_string,
        "integer": to_integer,
        "decimal": to_decimal,
        "date": to_date,
    }
    if type_ not in converters:
        raise ParameterValueError(
            f"parameter {name!r} has unknown type {type_!r}; known: {', '.join(PARAM_TYPES)}"
        )
    try:
        return converters[type_](value)
    except ValueError as err:
        raise ParameterValueError(
            f"parameter {name!r}: {value!r} is not a valid {type_}: {err}"
        ) from None


def to_iri(value: object) -> URIRef:
    """An absolute IRI, ``<IRI>``, or a prefixed name such as ``id:project/x``.

    The IRI is checked by Oxigraph's parser: characters such as ``>`` or a
    space cannot hide in it and end up in query text.
    """
    if isinstance(value, Literal) or not isinstance(value, str):
        raise ValueError("expected an IRI")
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    else:
        match = _CURIE.fullmatch(text)
        known = prefixes()
        if match and match.group(1) in known:
            text = known[match.group(1)] + match.group(2)
    try:
        ox.NamedNode(text)
    except ValueError as err:
        raise ValueError(f"{err} (give an absolute IRI or one of the prefixes "
                         f"{', '.join(sorted(prefixes()))})") from None
    return URIRef(text)


def to_string(value: object) -> Literal:
    """A plain string literal (no language tag: queries compare with ``STR``)."""
    if isinstance(value, Literal):
        return Literal(str(value))
    if not isinstance(value, str):
        raise ValueError("expected text")
    return Literal(value)


def to_integer(value: object) -> Literal:
    """An ``xsd:integer``; ``1.5`` or ``"12 000"`` are refused, not rounded."""
    if isinstance(value, bool):
        raise ValueError("expected an integer, not a truth value")
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    text = str(value).strip()
    if not _INTEGER.fullmatch(text):
        raise ValueError("expected digits, e.g. 2019")
    return Literal(int(text), datatype=XSD.integer)


def to_decimal(value: object) -> Literal:
    """An ``xsd:decimal`` written with a decimal point.

    A Finnish decimal comma is refused rather than guessed: ``1,000`` could be
    one or a thousand.
    """
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        text = str(value).strip()
        if "," in text:
            raise ValueError("write the decimal with a point, e.g. 0.8")
        if not _DECIMAL.fullmatch(text):
            raise ValueError("expected a number, e.g. 899947 or 0.8")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError("expected a number") from None
    return Literal(number, datatype=XSD.decimal)


def to_date(value: object) -> Literal:
    """An ``xsd:date``: ``2017-01-01`` or the Finnish ``1.1.2017``."""
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date without a time")
    if isinstance(value, dt.date):
        return Literal(value, datatype=XSD.date)
    text = str(value).strip()
    finnish = _FINNISH_DATE.fullmatch(text)
    try:
        if finnish:
            day, month, year = (int(part) for part in finnish.groups())
            date = dt.date(year, month, day)
        else:
            date = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("expected YYYY-MM-DD or D.M.YYYY") from None
    return Literal(date, datatype=XSD.date)
