"""Sorted N-Triples lines -> Turtle and TriG, streamed, in one pass.

Why not Oxigraph's writer, which lapekg uses for JSON-LD: handing six
million triples to it means building six million Python ``Triple``
objects from text first (``pyoxigraph.parse``), which took seven times as
long as the writing itself (615,337 triples of 1,000 generated pages: 2.3 s
to parse, 0.33 s to write). The lines lapekg writes
are canonical N-Triples, already sorted and unique, and an N-Triples
statement is already Turtle; what is left is to group a subject's
statements (``;``), an object list (``,``), write ``a`` for ``rdf:type``, and
shorten IRIs to prefixed names. That is string work on each line as it
comes, with no parsing.

A prefixed name is used only where its local part is plain ASCII letters,
digits, ``_``, ``-`` and inner dots (a safe subset of Turtle's PN_LOCAL);
anything else stays a full ``<IRI>``. Literals are written as N-Triples
spells them (its escapes are Turtle's), datatypes shortened the same way.
A test checks that the result parses to the very triples of the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
_BATCH = 8192
_CACHE = 200_000   # object names remembered (types, documents, entities recur)


class _Names:
    """IRIs to prefixed names, for the namespaces given."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.by_namespace = {ns: prefix for prefix, ns in prefixes.items()}
        self.header = "".join(f"@prefix {prefix}: <{ns}> .\n"
                              for prefix, ns in sorted(prefixes.items()))
        self._objects: dict[str, str] = {}
        self._predicates: dict[str, str] = {RDF_TYPE: "a"}

    def iri(self, term: str) -> str:
        """``<…>`` as ``prefix:local`` where a namespace fits and the local part is safe."""
        body = term[1:-1]
        cut = max(body.rfind("/"), body.rfind("#")) + 1
        prefix = self.by_namespace.get(body[:cut])
        if prefix is not None and _LOCAL.match(body, cut):
            return f"{prefix}:{body[cut:]}"
        return term

    def object(self, term: str) -> str:
        if term[-1] != ">":   # a plain or language-tagged literal, as it is
            return term
        name = self._objects.get(term)
        if name is None:
            if term[0] == "<":
                name = self.iri(term)
            else:             # a typed literal: "…"^^<datatype>
                at = term.rfind("^^<")
                name = term[:at + 2] + self.iri(term[at + 2:])
            if len(self._objects) > _CACHE:
                self._objects.clear()
            self._objects[term] = name
        return name

    def predicate(self, term: str) -> str:
        name = self._predicates.get(term)
        if name is None:
            name = self._predicates[term] = self.iri(term)
        return name


def write_turtle(lines: Iterable[str], out: IO[bytes], prefixes: dict[str, str],
                 indent: str = "") -> None:
    """Write sorted, unique N-Triples ``lines`` (each ending in `` .``, a newline
    after it or not) as Turtle."""
    names = _Names(prefixes)
    if not indent:
        out.write(names.header.encode("utf-8"))
    _statements(lines, out, names, indent)


def write_trig(pairs: Iterable[tuple[str, str]], out: IO[bytes],
               prefixes: dict[str, str]) -> None:
    """Write ``(graph, triple line)`` pairs, graph-major and sorted, as TriG."""
    names = _Names(prefixes)
    out.write(names.header.encode("utf-8"))
    graph: str | None = None
    block: list[str] = []
    for g, line in pairs:
        if g != graph:
            if graph is not None:
                _block(graph, block, out, names)
            graph, block = g, []
        block.append(line)
    if graph is not None:
        _block(graph, block, out, names)


def _block(graph: str, lines: list[str], out: IO[bytes], names: _Names) -> None:
    out.write(f"\n{names.iri(graph)} {{\n".encode())
    _statements(lines, out, names, "\t")
    out.write(b"}\n")


def _statements(lines: Iterable[str], out: IO[bytes], names: _Names, indent: str) -> None:
    parts: list[str] = []
    subject = predicate = None
    for line in lines:
        s, p, rest = line.split(" ", 2)
        o = names.object(rest.rstrip("\n")[:-2])
        if s == subject:
            if p == predicate:
                parts.append(f" ,\n{indent}\t\t{o}")
            else:
                predicate = p
                parts.append(f" ;\n{indent}\t{names.predicate(p)} {o}")
        else:
            if subject is not None:
                parts.append(" .\n\n")
            subject, predicate = s, p
            parts.append(f"{indent}{names.iri(s)} {names.predicate(p)} {o}")
        if len(parts) >= _BATCH:
            out.write("".join(parts).encode("utf-8"))
            parts = []
    if subject is not None:
        parts.append(" .\n")
    out.write("".join(parts).encode("utf-8"))
