"""Query results, the same whichever store answered, and their formats.

A :class:`Result` keeps RDF terms (so nothing is lost: language tags,
datatypes) and gives Python values on demand (``rows``). ``to(format)``
writes it as a terminal table, Markdown, or one of the W3C SPARQL 1.1 result
formats (JSON, XML, CSV, TSV), so a file written here opens in any SPARQL
tool. CONSTRUCT and DESCRIBE answers are a :class:`GraphResult`, written as
Turtle or N-Triples.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from ontology.namespaces import bind_prefixes
from queries.errors import QueryError
from queries.params import prefixes
from queries.terms import PythonValue, to_oxigraph, to_python

#: Formats of SELECT and ASK results.
TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
#: Formats of CONSTRUCT and DESCRIBE results.
GRAPH_FORMATS = ("turtle", "nt")
#: Media types of the W3C formats, for HTTP ``Accept`` and file names.
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
}
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

Cell = Identifier | None


@dataclass(frozen=True)
class Result:
    """Answer to a SELECT (``columns`` and ``terms``) or an ASK (``boolean``)."""

    columns: tuple[str, ...]
    terms: tuple[tuple[Cell, ...], ...]
    boolean: bool | None = None

    @property
    def rows(self) -> list[tuple[PythonValue, ...]]:
        """Rows of Python values: IRIs as ``URIRef``, literals as values."""
        return [tuple(to_python(cell) for cell in row) for row in self.terms]

    def records(self) -> list[dict[str, PythonValue]]:
        """Rows as dictionaries keyed by column, for notebooks and pandas."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[tuple[PythonValue, ...]]:
        return iter(self.rows)

    def to(self, format: str) -> str:  # noqa: A002 - the word users know
        """The result written in ``format`` (one of :data:`TABLE_FORMATS`)."""
        writers = {
            "table": to_table,
            "md": to_markdown,
            "csv": to_csv,
            "tsv": to_tsv,
            "json": to_json,
            "xml": to_xml,
        }
        if format not in writers:
            raise QueryError(
                f"unknown result format {format!r}; choose one of {', '.join(TABLE_FORMATS)}"
            )
        return writers[format](self)


@dataclass(frozen=True)
class GraphResult:
    """Answer to a CONSTRUCT or DESCRIBE: triples of rdflib terms."""

    triples: tuple[tuple[Identifier, Identifier, Identifier], ...]

    def __len__(self) -> int:
        return len(self.triples)

    def to(self, format: str) -> str:  # noqa: A002
        """The triples as Turtle (prefixes bound) or N-Triples."""
        if format not in GRAPH_FORMATS:
            raise QueryError(
                f"unknown graph format {format!r}; choose one of {', '.join(GRAPH_FORMATS)}"
            )
        graph = bind_prefixes(Graph())
        for triple in self.triples:
            graph.add(triple)
        return graph.serialize(format="turtle" if format == "turtle" else "nt")


# --- W3C formats -----------------------------------------------------------


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, ensure_ascii=False) + "\n"
    bindings = [
        {name: _json_term(cell) for name, cell in zip(result.columns, row, strict=True)
         if cell is not None}
        for row in result.terms
    ]
    document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_xml(result: Result) -> str:
    """SPARQL Query Results XML Format (second edition)."""
    ET.register_namespace("", SPARQL_RESULTS_NS)
    ns = "{" + SPARQL_RESULTS_NS + "}"
    root = ET.Element(ns + "sparql")
    head = ET.SubElement(root, ns + "head")
    if result.boolean is not None:
        ET.SubElement(root, ns + "boolean").text = "true" if result.boolean else "false"
    else:
        for name in result.columns:
            ET.SubElement(head, ns + "variable", name=name)
        results = ET.SubElement(root, ns + "results")
        for row in result.terms:
            element = ET.SubElement(results, ns + "result")
            for name, cell in zip(result.columns, row, strict=True):
                if cell is not None:
                    binding = ET.SubElement(element, ns + "binding", name=name)
                    _xml_term(binding, cell, ns)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _xml_term(parent: ET.Element, term: Identifier, ns: str) -> None:
    if isinstance(term, URIRef):
        ET.SubElement(parent, ns + "uri").text = str(term)
    elif isinstance(term, BNode):
        ET.SubElement(parent, ns + "bnode").text = str(term)
    else:
        assert isinstance(term, Literal)
        literal = ET.SubElement(parent, ns + "literal")
        literal.text = str(term)
        if term.language:
            literal.set("{http://www.w3.org/XML/1998/namespace}lang", term.language)
        elif term.datatype:
            literal.set("datatype", str(term.datatype))


def to_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV: values only, RFC 4180, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(result.columns)
    for row in result.terms:
        writer.writerow(["" if cell is None else _csv_value(cell) for cell in row])
    return buffer.getvalue()


def _csv_value(term: Identifier) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: terms in Turtle/N-Triples syntax."""
    if result.boolean is not None:
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{name}" for name in result.columns)]
    for row in result.terms:
        lines.append("\t".join("" if cell is None else str(to_oxigraph(cell)) for cell in row))
    return "\n".join(lines) + "\n"


# --- For people ---------------------------------------------------------------


def display(term: Cell, table: dict[str, str] | None = None) -> str:
    """A cell as a person reads it: IRIs shortened to ``id:`` etc., literals as text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term), table or prefixes())
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def compact(iri: str, table: dict[str, str]) -> str:
    """``https://w3id.org/lapekg/id/project/x`` -> ``id:project/x`` (longest namespace)."""
    best = ""
    for prefix, namespace in table.items():
        if iri.startswith(namespace) and len(namespace) > len(table.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(table[best]):]}" if best else iri


def _display_rows(result: Result) -> tuple[list[str], list[list[str]]]:
    if result.boolean is not None:
        return ["boolean"], [["true" if result.boolean else "false"]]
    table = prefixes()
    return list(result.columns), [[display(cell, table) for cell in row] for row in result.terms]


def to_table(result: Result) -> str:
    """Columns aligned for a terminal; one line per row, newlines shown as ``⏎``."""
    header, rows = _display_rows(result)
    rows = [[cell.replace("\n", "⏎") for cell in row] for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def to_markdown(result: Result) -> str:
    """A GitHub-flavoured Markdown table, for reports and issues."""
    header, rows = _display_rows(result)

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
