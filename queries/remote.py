"""A SPARQL 1.1 Protocol client on the standard library (``urllib``).

Used to run the library against any SPARQL endpoint (Oxigraph, Fuseki,
Virtuoso, GraphDB) and by :mod:`queries.push` to load graphs. Queries go as
``POST application/sparql-query`` (no URL length limit, nothing cached by
proxies); answers are read from the W3C JSON results format into the same
:class:`~queries.results.Result` the embedded store gives, so a query's rows
can be compared across stores.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from lapekg import __version__
from queries.errors import EndpointError
from queries.results import MEDIA_TYPES, GraphResult, Result
from queries.terms import canonical

USER_AGENT = f"lapekg/{__version__}"
#: What a query asks for: JSON results for SELECT/ASK, a graph for CONSTRUCT.
QUERY_ACCEPT = (
    f"{MEDIA_TYPES['json']}, {MEDIA_TYPES['nt']};q=0.9, {MEDIA_TYPES['turtle']};q=0.8"
)


@dataclass(frozen=True)
class Response:
    """What an HTTP exchange returned."""

    status: int
    content_type: str
    body: bytes


def send(url: str, *, method: str = "GET", body: bytes | None = None,
         headers: dict[str, str] | None = None, timeout: float = 120.0) -> Response:
    """One HTTP request; a refusal or an unreachable server is an :class:`EndpointError`.

    The error quotes the server's own message (its SPARQL parser's, for a
    broken query), cut to a readable length.
    """
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            content_type = answer.headers.get("Content-Type", "")
            return Response(answer.status, content_type.split(";")[0].strip(), answer.read())
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace").strip()[:800]
        raise EndpointError(f"{url} answered HTTP {err.code} {err.reason}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        raise EndpointError(f"could not reach {url}: {reason}") from None


@dataclass(frozen=True)
class EndpointEngine:
    """Runs queries on a SPARQL endpoint over HTTP."""

    url: str
    timeout: float = 120.0

    def query(self, text: str) -> Result | GraphResult:
        answer = send(
            self.url,
            method="POST",
            body=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": QUERY_ACCEPT},
            timeout=self.timeout,
        )
        if answer.content_type in (MEDIA_TYPES["json"], "application/json"):
            return parse_json_results(answer.body, self.url)
        if answer.content_type in (MEDIA_TYPES["nt"], MEDIA_TYPES["turtle"]):
            graph = Graph().parse(data=answer.body, format="nt"
                                  if answer.content_type == MEDIA_TYPES["nt"] else "turtle")
            return GraphResult(tuple((s, p, canonical(o)) for s, p, o in graph))
        raise EndpointError(
            f"{self.url} answered with {answer.content_type or 'no content type'}, "
            "not SPARQL JSON results or RDF"
        )


def parse_json_results(body: bytes, source: str) -> Result:
    """W3C SPARQL 1.1 Query Results JSON into a :class:`Result`."""
    try:
        document = json.loads(body)
        if "boolean" in document:
            return Result(columns=(), terms=(), boolean=bool(document["boolean"]))
        columns = tuple(document["head"]["vars"])
        rows = tuple(
            tuple(_json_term(binding[c]) if c in binding else None for c in columns)
            for binding in document["results"]["bindings"]
        )
    except (ValueError, KeyError, TypeError) as err:
        raise EndpointError(f"{source}: not a SPARQL JSON result ({err})") from None
    return Result(columns=columns, terms=rows)


def _json_term(cell: dict[str, str]) -> Identifier:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in cell:
            return Literal(value, lang=cell["xml:lang"])
        datatype = cell.get("datatype")
        return canonical(Literal(value, datatype=URIRef(datatype) if datatype else None))
    raise ValueError(f"unknown term type {kind!r}")
