"""Binding parameter values into a query: one ``VALUES`` block built from terms.

Why one mechanism for every store, and why this one:

* pyoxigraph's ``substitutions=`` refuses a variable that is not in the
  SELECT projection and leaves ``BOUND(?x)`` false for a substituted
  variable (measured, pyoxigraph 0.5.13); rdflib's ``initBindings`` binds
  the variable everywhere. The same query would answer differently.
* A remote endpoint gets only query text; the SPARQL 1.1 Protocol has no
  way to send bindings apart from it.

A ``VALUES`` block placed first in the outermost ``WHERE`` group is standard
SPARQL, means the same on every store (the values are joined with the rest
of the group, FILTERs in the group see them) and works over HTTP. The block
is made only from RDF terms serialised by Oxigraph (which validates IRIs and
escapes literals) and from variable names the ``.rq`` header declared, so no
text a user typed is ever pasted into a query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib.term import Identifier

from queries.errors import QuerySyntaxError
from queries.terms import to_oxigraph

#: A variable name as the SPARQL grammar allows it (ASCII subset we declare).
VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")


def values_clause(bindings: Mapping[str, Identifier]) -> str:
    """``VALUES (?a ?b) { (term term) }`` for the given bindings (may be empty)."""
    if not bindings:
        return ""
    names = list(bindings)
    for name in names:
        if not VARIABLE_NAME.fullmatch(name):
            raise ValueError(f"not a SPARQL variable name: {name!r}")
    variables = " ".join(f"?{name}" for name in names)
    terms = " ".join(str(to_oxigraph(bindings[name])) for name in names)
    return f"VALUES ({variables}) {{ ({terms}) }}"


def insertion_point(text: str) -> int:
    """Offset just after the ``{`` that opens the outermost ``WHERE`` group.

    Scans the query as SPARQL's lexer would for the few things that matter:
    comments, strings and IRIs are skipped, and a brace inside parentheses
    (``(EXISTS { … } AS ?x)`` in a projection) does not count. Meant for
    SELECT and ASK queries, whose first group is the ``WHERE`` clause.
    """
    i, depth, size = 0, 0, len(text)
    while i < size:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = size if end < 0 else end + 1
            continue
        if char in "\"'":
            i = _skip_string(text, i)
            continue
        if char == "<":
            match = _IRIREF.match(text, i)
            if match:
                i = match.end()
                continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "{" and depth == 0:
            return i + 1
        i += 1
    raise QuerySyntaxError("no WHERE group found to bind parameters into")


def bind(text: str, bindings: Mapping[str, Identifier]) -> str:
    """Return ``text`` with a ``VALUES`` block for ``bindings`` opening its WHERE group."""
    if not bindings:
        return text
    at = insertion_point(text)
    return f"{text[:at]}\n  {values_clause(bindings)}\n{text[at:]}"


def _skip_string(text: str, start: int) -> int:
    """Offset after the string literal that starts at ``start``."""
    quote = text[start]
    long = text.startswith(quote * 3, start)
    i = start + (3 if long else 1)
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if long and text.startswith(quote * 3, i):
            return i + 3
        if not long and char == quote:
            return i + 1
        if not long and char == "\n":
            return i
        i += 1
    return i
