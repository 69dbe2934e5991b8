"""The query library: headers, loading checks, parameter types, binding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

import queries
from queries import binding, library, params
from queries.errors import (
    HeaderError,
    ParameterValueError,
    QuerySyntaxError,
    UnknownParameterError,
    UnknownQueryError,
)

GOOD = """\
#+ title: Projects of a region
#+ description: The projects of one region,
#+   over two lines.
#+ params:
#+ - name: region, type: iri, description: a region, e.g. id:region/14 (leave out for all)
#+ - name: year, type: integer, default: 2019, description: a year, with a comma, here
#+ - name: fragment, type: string, required: true, description: text

PREFIX lkg: <https://w3id.org/lapekg/ontology#>
SELECT ?project WHERE {
  ?project lkg:inRegion ?region .
  FILTER(?year > 0 && CONTAINS(STR(?project), ?fragment))
}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- The bundled library ------------------------------------------------------------


def test_library_has_at_least_fifteen_queries_with_titles_and_descriptions():
    found = queries.list_queries()
    assert len(found) >= 15
    for query in found:
        assert query.title and query.description, query.name
        assert query.source.endswith(f"{query.name}.rq")


@pytest.mark.parametrize("query", queries.list_queries(), ids=lambda q: q.name)
def test_every_bundled_query_parses_with_rdflib_too(query):
    """Loading checks Oxigraph's parser; the rdflib engine needs rdflib's too."""
    library.check(query, with_rdflib=True)


def test_get_returns_the_named_query_and_suggests_near_names():
    assert queries.get("measures").name == "measures"
    with pytest.raises(UnknownQueryError, match="'measure'.*did you mean measures"):
        queries.get("measure")


# --- Headers -------------------------------------------------------------------


def test_header_is_read_into_a_frozen_dataclass(tmp_path):
    query = library.load_file(write(tmp_path, "region-projects.rq", GOOD), with_rdflib=True)
    assert query.name == "region-projects"
    assert query.title == "Projects of a region"
    assert query.description == "The projects of one region, over two lines."
    assert query.params == (
        library.Param("region", "iri", "a region, e.g. id:region/14 (leave out for all)"),
        library.Param("year", "integer", "a year, with a comma, here", default="2019"),
        library.Param("fragment", "string", "text", required=True),
    )
    with pytest.raises(AttributeError):
        query.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("#+ title: Projects of a region\n", ""), "no '#\\+ title:'"),
        (GOOD.replace("type: iri", "type: url"), "type 'url'"),
        (GOOD.replace("name: year", "name: year-x"), "not a SPARQL variable name"),
        (GOOD.replace("default: 2019", "default: soon"), "default of .*not a valid integer"),
        (GOOD.replace("required: true", "required: maybe"), "'required' must be true or false"),
        (GOOD.replace("#+ - name: fragment", "#+ - name: region"), "declared twice"),
        (GOOD.replace("?fragment))", '"x"))'), "'fragment' is not used"),
        (GOOD.replace("#+ params:\n", ""), "outside '#\\+ params:'"),
        (GOOD.replace("#+ title:", "#+ tittle:"), "cannot read header line"),
    ],
)
def test_broken_headers_are_refused_naming_the_file(tmp_path, text, message):
    path = write(tmp_path, "broken.rq", text)
    with pytest.raises((HeaderError, QuerySyntaxError), match=message) as caught:
        library.load_file(path)
    assert "broken.rq" in str(caught.value)


def test_a_construct_query_is_not_a_named_query(tmp_path):
    text = "#+ title: t\n#+ description: d\nCONSTRUCT WHERE { ?s ?p ?o }\n"
    with pytest.raises(HeaderError, match="must be a SELECT query"):
        library.load_file(write(tmp_path, "graph.rq", text))


def test_broken_sparql_is_refused_with_the_parsers_message(tmp_path):
    text = "#+ title: t\n#+ description: d\nSELECT ?x WHERE { ?x ?p }\n"
    with pytest.raises(QuerySyntaxError, match=r"oops\.rq: SPARQL does not parse \(Oxigraph\): "
                                               r"error at \d+:\d+: expected"):
        library.load_file(write(tmp_path, "oops.rq", text))


def test_rdflib_parser_is_asked_when_requested(tmp_path):
    """LATERAL (SPARQL 1.2 draft) parses in Oxigraph 0.5 but not in rdflib 7."""
    text = ("#+ title: t\n#+ description: d\n"
            "SELECT ?s WHERE { ?s ?p ?o LATERAL { SELECT ?o WHERE { ?o ?q ?r } LIMIT 1 } }\n")
    path = write(tmp_path, "lateral.rq", text)
    assert library.load_file(path).name == "lateral"
    with pytest.raises(QuerySyntaxError, match=r"lateral\.rq: SPARQL does not parse \(rdflib\)"):
        library.load_file(path, with_rdflib=True)


def test_a_folder_of_ones_own_queries_adds_to_the_library(tmp_path):
    write(tmp_path, "region-projects.rq", GOOD)
    names = [q.name for q in queries.list_queries([tmp_path])]
    assert "region-projects" in names and "measures" in names


def test_a_folder_query_may_not_take_a_bundled_name(tmp_path):
    write(tmp_path, "measures.rq", GOOD)
    with pytest.raises(HeaderError, match="name 'measures' is taken"):
        queries.list_queries([tmp_path])


# --- Parameters --------------------------------------------------------------------


def test_bindings_fill_defaults_and_check_required_and_unknown(tmp_path):
    query = library.load_file(write(tmp_path, "region-projects.rq", GOOD))
    bound = query.bindings({"fragment": "lape", "region": "id:region/14"})
    assert bound == {
        "region": URIRef("https://w3id.org/lapekg/id/region/14"),
        "year": Literal(2019, datatype=XSD.integer),
        "fragment": Literal("lape"),
    }
    with pytest.raises(ParameterValueError, match="needs parameter 'fragment'"):
        query.bindings({})
    with pytest.raises(UnknownParameterError, match="has no parameter 'yeer'.*region, year"):
        query.bindings({"fragment": "x", "yeer": "2019"})


@pytest.mark.parametrize(
    ("type_", "value", "expected"),
    [
        ("iri", "id:project/x", URIRef("https://w3id.org/lapekg/id/project/x")),
        ("iri", "mkind:bridging-measure",
         URIRef("https://w3id.org/lapekg/ontology/measure-kind/bridging-measure")),
        ("iri", "<https://example.org/a>", URIRef("https://example.org/a")),
        ("iri", "https://example.org/a#b", URIRef("https://example.org/a#b")),
        ("string", "Seinäjoen", Literal("Seinäjoen")),
        ("integer", "2019", Literal(2019, datatype=XSD.integer)),
        ("integer", 2019, Literal(2019, datatype=XSD.integer)),
        ("decimal", "0.8", Literal(Decimal("0.8"), datatype=XSD.decimal)),
        ("decimal", Decimal("899947"), Literal(Decimal("899947"), datatype=XSD.decimal)),
        ("date", "2017-01-01", Literal(dt.date(2017, 1, 1), datatype=XSD.date)),
        ("date", "31.12.2018", Literal(dt.date(2018, 12, 31), datatype=XSD.date)),
    ],
)
def test_values_become_terms_of_their_type(type_, value, expected):
    assert params.coerce(type_, value, name="p") == expected


@pytest.mark.parametrize(
    ("type_", "value", "message"),
    [
        ("iri", "not an iri", "not a valid iri"),
        ("iri", "https://a> } ; DROP ALL ; #", "not a valid iri"),
        ("iri", "relative/path", "not a valid iri"),
        ("integer", "2019.5", "expected digits"),
        ("integer", True, "not a truth value"),
        ("decimal", "12,5", "decimal with a point"),
        ("decimal", "lots", "expected a number"),
        ("date", "2019-02-30", "YYYY-MM-DD or D.M.YYYY"),
        ("date", "tomorrow", "YYYY-MM-DD or D.M.YYYY"),
        ("string", 5, "expected text"),
    ],
)
def test_wrong_values_are_refused_naming_the_parameter(type_, value, message):
    with pytest.raises(ParameterValueError, match=f"parameter 'q.p': .*{message}"):
        params.coerce(type_, value, name="q.p")


def test_id_prefix_follows_the_data_base_setting(monkeypatch):
    monkeypatch.setenv("LAPEKG_BASE", "https://example.org/data/")
    assert params.to_iri("id:project/x") == URIRef("https://example.org/data/project/x")


# --- Binding ---------------------------------------------------------------------


def test_values_clause_is_built_from_escaped_terms():
    clause = binding.values_clause({
        "name": Literal('" } ; DROP ALL ; #\n'),
        "kind": URIRef("https://example.org/k"),
        "year": Literal(2019, datatype=XSD.integer),
    })
    assert clause == (
        'VALUES (?name ?kind ?year) { ("\\" } ; DROP ALL ; #\\n" <https://example.org/k> '
        '"2019"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    )


def test_values_clause_refuses_a_name_that_is_not_a_variable():
    with pytest.raises(ValueError, match="not a SPARQL variable name"):
        binding.values_clause({"a b": Literal("x")})


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?s WHERE { ?s ?p ?o }",
        "# a { comment\nSELECT ?s WHERE { ?s ?p ?o }",
        "PREFIX x: <http://e/#>\nSELECT ?s WHERE { ?s ?p ?o }",
        "SELECT ?s (EXISTS { ?s ?p ?o } AS ?e) WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE\n{ ?s ?p ?o }",
        "SELECT * { ?s ?p ?o }",
    ],
)
def test_insertion_point_is_the_outermost_where_group(text):
    at = binding.insertion_point(text)
    assert text[at - 1] == "{"
    assert text[at:].strip().startswith("?s ?p ?o }")


def test_insertion_point_skips_strings_with_braces():
    text = 'SELECT ("{" AS ?x) WHERE { ?s ?p ?o }'
    # the string is inside parentheses anyway; check a bare string in a comment-free prologue
    assert text[binding.insertion_point(text):].startswith(" ?s ?p ?o }")
    long = "SELECT ?s WHERE { ?s ?p '''{''' }"
    assert long[binding.insertion_point(long):].startswith(" ?s ?p '''{''' }")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_string_value_is_bound_as_one_literal(value):
    """Whatever the text, the bound query parses and returns exactly that value."""
    bound = binding.bind("SELECT ?v WHERE { }", {"v": Literal(value)})
    solutions = list(ox.Store().query(bound))
    assert [s["v"] for s in solutions] == [ox.Literal(value)]
