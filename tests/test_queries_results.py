"""Result formats: the W3C ones read back by rdflib's parsers, and the human ones."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result as RdflibResult

from queries.errors import QueryError
from queries.results import GraphResult, Result
from queries.terms import (
    canonical,
    converter,
    decimal_lexical,
    from_oxigraph,
    to_oxigraph,
    to_python,
)

ROWS = Result(
    columns=("project", "label", "grant", "start", "note", "node"),
    terms=(
        (URIRef("https://w3id.org/lapekg/id/project/a"), Literal("Etelä-Pohjanmaan LAPE-hanke",
                                                                 lang="fi"),
         Literal("899947", datatype=XSD.decimal), Literal("2017", datatype=XSD.gYear),
         Literal('say "hi",\tthen\nleave'), BNode("b1")),
        (URIRef("https://w3id.org/lapekg/id/project/b"), None, None, None, None, None),
    ),
)


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_w3c_formats_read_back_to_the_same_terms(fmt):
    parsed = RdflibResult.parse(io.BytesIO(ROWS.to(fmt).encode("utf-8")), format=fmt)
    assert [str(v) for v in parsed.vars] == list(ROWS.columns)
    back = [tuple(row) for row in parsed]
    expected = [tuple(BNode("b1") if isinstance(t, BNode) else t for t in row)
                for row in ROWS.terms]
    if fmt != "xml":  # the parsers keep blank node labels only in XML; compare the rest
        back = [row[:-1] for row in back]
        expected = [row[:-1] for row in expected]
    assert back == expected


def test_csv_is_values_only_with_crlf_and_quoting():
    text = ROWS.to("csv")
    assert text.startswith("project,label,grant,start,note,node\r\n")
    assert '"say ""hi"",\tthen\nleave"' in text
    assert text.endswith("https://w3id.org/lapekg/id/project/b,,,,,\r\n")
    parsed = RdflibResult.parse(io.BytesIO(text.encode("utf-8")), format="csv")
    assert [str(cell) for cell in next(iter(parsed))][:4] == [
        "https://w3id.org/lapekg/id/project/a", "Etelä-Pohjanmaan LAPE-hanke", "899947", "2017"]


def test_ask_results_in_json_and_xml():
    answer = Result(columns=(), terms=(), boolean=True)
    for fmt in ("json", "xml"):
        parsed = RdflibResult.parse(io.BytesIO(answer.to(fmt).encode()), format=fmt)
        assert parsed.askAnswer is True


def test_table_shortens_iris_and_counts_rows():
    text = ROWS.to("table")
    lines = text.splitlines()
    assert lines[0].split() == list(ROWS.columns)
    assert "id:project/a" in lines[2] and "say \"hi\",\tthen⏎leave" in lines[2]
    assert lines[-1] == "(2 rows)"


def test_markdown_escapes_pipes_and_newlines():
    result = Result(columns=("a",), terms=((Literal("x|y\nz"),),))
    assert result.to("md") == "| a |\n|---|\n| x\\|y<br>z |\n"


def test_unknown_format_names_the_choices():
    with pytest.raises(QueryError, match="unknown result format 'yaml'.*table, csv"):
        ROWS.to("yaml")


def test_rows_are_python_values():
    assert ROWS.rows[0] == (URIRef("https://w3id.org/lapekg/id/project/a"),
                            "Etelä-Pohjanmaan LAPE-hanke", Decimal("899947"), "2017",
                            'say "hi",\tthen\nleave', BNode("b1"))
    assert ROWS.records()[1]["label"] is None


def test_graph_result_as_turtle_and_ntriples():
    graph = GraphResult(((URIRef("https://w3id.org/lapekg/id/programme/lape"),
                          URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          URIRef("https://w3id.org/lapekg/ontology#Programme")),))
    assert "<https://w3id.org/lapekg/id/programme/lape> a lkg:Programme" in graph.to("turtle")
    assert graph.to("nt").strip() == (
        "<https://w3id.org/lapekg/id/programme/lape> "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/lapekg/ontology#Programme> .")


@pytest.mark.parametrize(
    ("lexical", "canonical_form"),
    [("1367000.00", "1367000"), ("0.80", "0.8"), ("-0.0", "0"), ("12", "12"), ("1E+3", "1000")],
)
def test_decimals_have_one_lexical_form(lexical, canonical_form):
    assert decimal_lexical(Decimal(lexical)) == canonical_form
    assert str(canonical(Literal(lexical, datatype=XSD.decimal))) == canonical_form


@pytest.mark.parametrize(
    "term",
    [URIRef("https://example.org/a"), Literal("a", lang="fi"), Literal("a"),
     Literal("2017", datatype=XSD.gYear), Literal("0.8", datatype=XSD.decimal)],
)
def test_terms_survive_the_trip_through_oxigraph(term):
    assert from_oxigraph(to_oxigraph(term)) == term


@pytest.mark.parametrize(
    "lexical", ["0", "-0", "0.0", "10", "1000", "1367000.00", "0.80", "0.8", "-0.5", "007", "1.50"],
)
def test_decimals_from_oxigraph_are_canonical_whatever_form_they_come_in(lexical):
    term = Literal(lexical, datatype=XSD.decimal)
    made = from_oxigraph(to_oxigraph(term))
    assert made == canonical(term)
    assert str(made) == str(canonical(term))


def test_strings_from_oxigraph_are_plain_literals():
    made = from_oxigraph(to_oxigraph(Literal("EUR", datatype=XSD.string)))
    assert made == Literal("EUR")
    assert made.datatype is None


def test_the_converter_of_a_result_gives_what_from_oxigraph_gives_once_per_term():
    terms = [to_oxigraph(t) for t in (URIRef("https://example.org/a"), Literal("a", lang="fi"),
                                      Literal("1367000.00", datatype=XSD.decimal),
                                      Literal("1367000", datatype=XSD.decimal), Literal("a"))]
    convert = converter()
    first = [convert(t) for t in terms]
    assert first == [from_oxigraph(t) for t in terms]
    assert all(convert(t) is made for t, made in zip(terms, first, strict=True))
    assert convert(None) is None


def test_xsd_string_is_a_plain_literal():
    assert canonical(Literal("a", datatype=XSD.string)) == Literal("a")
    assert to_python(Literal("a", datatype=XSD.string)) == "a"
