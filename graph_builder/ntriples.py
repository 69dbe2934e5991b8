"""RDF terms as canonical N-Triples text: what the emitter writes.

Why text and not rdflib terms: a build of 10,000 pages makes about six
million quads. As rdflib objects in a ``Dataset`` they took 2.5 kB each and
most of the build's time (the benchmark run before this design); as one ``str`` per triple
they take a tenth of that, can be spilled to disk, sorted by a stable byte
order and handed to Oxigraph's writers, which read N-Triples natively.

The forms are those of canonical N-Triples (RDF 1.1 N-Triples §4), as
Oxigraph writes them, so that one fact always has one spelling and sorting
and de-duplicating lines is the same as doing it on terms:

* IRIs between ``<`` and ``>``; characters IRIREF forbids (space, ``<>"{}|^`\\``
  and controls) percent-encoded where an IRI comes from source text;
* literals with ``\\"``, ``\\\\``, ``\\n``, ``\\r``, ``\\t``, ``\\b``, ``\\f`` escaped, other
  controls as ``\\uXXXX``; plain strings without ``^^xsd:string``; language
  tags lower-cased.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from pyoxigraph import NamedNode
from rdflib.namespace import XSD as XSD_NAMESPACE

XSD = str(XSD_NAMESPACE)

_LITERAL_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_LITERAL_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n",
                         ord("\r"): "\\r", ord("\t"): "\\t", 0x08: "\\b", 0x0C: "\\f"})
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_URI_KEEP = ":/?#@!$&'()*+,;=-._~"


def iri(value: str) -> str:
    """``<value>``, for IRIs lapekg makes itself (slugs, hashes, vocabulary)."""
    return f"<{value}>"


def safe_iri(value: str) -> str:
    """``<value>``, percent-encoded where it would not be a valid IRI.

    For IRIs read from source text (web addresses, ``mailto:``), which may
    hold a space, a brace or a stray ``%`` that a strict parser refuses.
    Oxigraph's own IRI check decides; the few IRIs that fail it are encoded
    to ASCII, keeping the characters URIs reserve.
    """
    candidates = ([value] if not _IRI_FORBIDDEN.search(value) else [])
    candidates += [quote(value, safe=_URI_KEEP), quote(value, safe=":/")]
    for candidate in candidates:
        try:
            NamedNode(candidate)
        except ValueError:
            continue
        return f"<{candidate}>"
    raise ValueError(f"not an IRI even when percent-encoded: {value!r}")


def escape(text: str) -> str:
    """The body of a quoted N-Triples literal."""
    if _NEEDS_ESCAPE.search(text):
        return text.translate(_LITERAL_ESCAPES)
    return text


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal: plain, language-tagged or typed (``datatype`` a full IRI)."""
    body = escape(text)
    if lang:
        return f'"{body}"@{lang.lower()}'
    if datatype and datatype != XSD + "string":
        return f'"{body}"^^<{datatype}>'
    return f'"{body}"'


def typed(text: str, xsd_name: str) -> str:
    """A literal of an XSD datatype named by its local name (``"gYear"``)."""
    return literal(text, datatype=f"{XSD}{xsd_name}")


def from_rdflib(term: object) -> str:
    """The N-Triples form of an rdflib URIRef or Literal (blank nodes are refused:
    lapekg's graphs name every node)."""
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return safe_iri(str(term))
    if isinstance(term, Literal):
        return literal(str(term), term.language,
                       str(term.datatype) if term.datatype is not None else None)
    raise TypeError(f"lapekg graphs have no blank nodes; cannot write {term!r}")
