"""``lapekg query`` and ``lapekg sparql``: output, and errors that name their cause (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import queries
from lapekg.cli import cli

FIXTURE = str(Path(__file__).parent / "fixtures" / "queries" / "mini.trig")


def invoke(*args: str, input: str | None = None):  # noqa: A002 - click's name
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_list_shows_name_and_title_one_a_line():
    result = invoke("query", "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) >= 15
    assert "measures\tMeasures with kind, period, owner and targets" in lines
    assert [line.split("\t")[0] for line in lines] == sorted(q.name for q in queries.list_queries())


def test_query_as_w3c_json(tmp_path):
    result = invoke("query", "projects-by-region", "--graph", FIXTURE, "-p", "region=id:region/14",
                    "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["head"]["vars"][:4] == ["region", "regionLabel", "project", "projectLabel"]
    [row] = document["results"]["bindings"]
    assert row["stateGrant"] == {"type": "literal", "value": "899947",
                                 "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert row["regionLabel"] == {"type": "literal", "value": "Etelä-Pohjanmaa", "xml:lang": "fi"}


def test_query_as_csv_and_table_and_markdown():
    csv = invoke("query", "shared-organisations", "-g", FIXTURE, "-f", "csv").output
    assert csv.splitlines()[0] == "organisation,organisationLabel,projects,regions"
    assert ("https://w3id.org/lapekg/id/organisation/sosiaali-ja-terveysministerio,"
            "Sosiaali- ja terveysministeriö,2,2") in csv
    table = invoke("query", "shared-organisations", "-g", FIXTURE).output
    assert "id:organisation/terveyden-ja-hyvinvoinnin-laitos" in table
    assert table.rstrip().endswith("(2 rows)")
    markdown = invoke("query", "shared-organisations", "-g", FIXTURE, "-f", "md").output
    assert markdown.startswith("| organisation | organisationLabel | projects | regions |")


def test_show_prints_parameters_and_sparql():
    result = invoke("query", "measures", "--show")
    assert result.exit_code == 0
    assert "year (integer, optional): a year, e.g. 2019" in result.output
    assert "SELECT DISTINCT ?measure" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no-such-query", "-g", FIXTURE], "no query named 'no-such-query'"),
        (["query", "measures", "-g", FIXTURE, "-p", "yeer=2019"],
         "query 'measures' has no parameter 'yeer'"),
        (["query", "measures", "-g", FIXTURE, "-p", "year=twenty"],
         "parameter 'measures.year': 'twenty' is not a valid integer"),
        (["query", "measures", "-g", FIXTURE, "-p", "owner=not an iri"],
         "parameter 'measures.owner': 'not an iri' is not a valid iri"),
        (["query", "provenance", "-g", FIXTURE], "query 'provenance' needs parameter 'entity'"),
        (["query", "measures", "-g", FIXTURE, "-p", "year"], "--param expects KEY=VALUE"),
        (["query", "measures", "-g", FIXTURE, "-p", "year=1", "-p", "year=2"], "given twice"),
        (["query", "measures", "-g", "no-such.trig"], "no-such.trig: no such file"),
        (["query", "measures", "-g", FIXTURE, "--endpoint", "http://127.0.0.1:9/query"],
         "give --graph or --endpoint, not both"),
        (["query", "measures", "--endpoint", "ftp://example.org/"], "must be an http(s) URL"),
        (["query"], "give a query NAME"),
        (["sparql", "SELECT WHERE {", "-g", FIXTURE],
         "SPARQL does not parse (Oxigraph): error at 1:15"),
        (["sparql", "-g", FIXTURE], "give the query as TEXT or with --file PATH"),
        (["sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "-g", FIXTURE, "-f", "csv"],
         "a CONSTRUCT/DESCRIBE result is written as turtle or nt, not csv"),
        (["sparql", "SELECT * WHERE { ?s ?p ?o }", "-g", FIXTURE, "-f", "turtle"],
         "a SELECT/ASK result is written as one of"),
    ],
)
def test_errors_exit_2_and_name_the_cause(args, message):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_a_graph_file_that_does_not_parse_is_named(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = invoke("query", "sources", "-g", str(bad))
    assert result.exit_code == 2
    assert "bad.ttl: not valid" in result.output


def test_a_broken_query_file_in_a_library_folder_is_named(tmp_path):
    (tmp_path / "broken.rq").write_text(
        "#+ title: Broken\n#+ description: d\nSELECT ?x WHERE { ?x }\n", encoding="utf-8")
    result = invoke("query", "--library", str(tmp_path), "--list")
    assert result.exit_code == 2
    assert "broken.rq: SPARQL does not parse (Oxigraph)" in result.output


def test_a_query_of_ones_own_runs_from_a_library_folder(tmp_path):
    (tmp_path / "programmes.rq").write_text(
        "#+ title: Programmes\n#+ description: All programmes.\n"
        "PREFIX lkg: <https://w3id.org/lapekg/ontology#>\n"
        "SELECT DISTINCT ?p WHERE { ?p a lkg:Programme }\n", encoding="utf-8")
    result = invoke("query", "--library", str(tmp_path), "programmes", "-g", FIXTURE, "-f", "tsv")
    assert result.output == "?p\n<https://w3id.org/lapekg/id/programme/lape>\n"


def test_sparql_from_text_from_file_and_from_stdin(tmp_path):
    text = "PREFIX lkg: <https://w3id.org/lapekg/ontology#>\nASK { ?p a lkg:Programme }"
    assert invoke("sparql", text, "-g", FIXTURE, "-f", "json").output == (
        '{"head": {}, "boolean": true}\n')
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    assert "true" in invoke("sparql", "--file", str(path), "-g", FIXTURE).output
    assert "true" in invoke("sparql", "--file", "-", "-g", FIXTURE, input=text).output


def test_sparql_text_is_never_taken_for_a_file_name(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("ASK {}", encoding="utf-8")
    result = invoke("sparql", str(path), "-g", FIXTURE)
    assert result.exit_code == 2
    assert "SPARQL does not parse" in result.output


def test_sparql_construct_is_written_as_turtle():
    result = invoke("sparql", "PREFIX lkg: <https://w3id.org/lapekg/ontology#>\n"
                              "CONSTRUCT WHERE { ?p a lkg:Programme }", "-g", FIXTURE)
    assert result.exit_code == 0
    assert "<https://w3id.org/lapekg/id/programme/lape> a lkg:Programme ." in result.output


def test_sparql_counts_each_triple_once_across_document_graphs():
    """The programme's label is stated in two document graphs; the default graph
    is their union as a set."""
    result = invoke("sparql", "SELECT (COUNT(*) AS ?n) WHERE { "
                              "<https://w3id.org/lapekg/id/programme/lape> "
                              "<http://www.w3.org/2000/01/rdf-schema#label> ?l }",
                    "-g", FIXTURE, "-f", "csv")
    assert result.stdout_bytes == b"n\r\n1\r\n"  # W3C CSV: CRLF line ends


def test_sparql_still_sees_the_named_graphs():
    result = invoke("sparql", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                    "-g", FIXTURE, "-f", "csv")
    assert result.stdout_bytes == b"n\r\n4\r\n"


# --- The bundled corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    pytest.importorskip("graph_builder.pipeline", reason="the builder is not installed")
    return queries.open_graph(None)


def test_every_query_runs_on_the_bundled_corpus_and_most_return_rows(corpus):
    examples = {"provenance": {"entity": "id:programme/lape"}, "find-entity": {"fragment": "LAPE"}}
    counts = {q.name: len(queries.run(q.name, corpus, **examples.get(q.name, {})))
              for q in queries.list_queries()}
    with_rows = [name for name, count in counts.items() if count]
    assert len(with_rows) > len(counts) * 3 // 4, counts


def test_the_bundled_corpus_covers_two_of_nineteen_regions(corpus):
    assert len(queries.run("regions-without-project", corpus)) == 17


def test_query_without_graph_uses_the_bundled_corpus(corpus):
    result = invoke("query", "graph-summary", "-f", "csv")
    assert result.exit_code == 0
    assert "https://w3id.org/lapekg/ontology#Region,Region,19" in result.output
