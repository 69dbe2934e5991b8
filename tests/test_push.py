"""``lapekg push`` into a real, writable Oxigraph server, then every named query there.

The push-and-compare test of issue 7: what ``--endpoint`` answers must equal
what the embedded store answers, row for row, for every named query.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from server_support import SERVER_TESTS, free_port

import queries
from lapekg.cli import cli
from queries import push, server
from queries.remote import parse_json_results

FIXTURE = Path(__file__).parent / "fixtures" / "queries" / "mini.trig"
EXAMPLES = {
    "provenance": {"entity": "id:project/etela-pohjanmaan-lape-hanke"},
    "find-entity": {"fragment": "Seinäjoen"},
}


pytestmark = SERVER_TESTS


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def writable_server():
    return server.running(None, port=free_port(), read_only=False, log=subprocess.DEVNULL)


def compare_every_query(query_url: str, graph: object, examples: dict) -> None:
    """Each named query through ``lapekg query --endpoint`` equals the embedded rows."""
    store = queries.open_graph(graph)
    for named in queries.list_queries():
        params = [f"{key}={value}" for key, value in examples.get(named.name, {}).items()]
        args = ["query", named.name, "--endpoint", query_url, "--format", "json"]
        for item in params:
            args += ["--param", item]
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        remote = parse_json_results(result.output.encode(), query_url)
        local = queries.run(named.name, store, **examples.get(named.name, {}))
        assert remote.columns == local.columns, named.name
        assert remote.rows == local.rows, named.name


def test_push_by_graph_store_protocol_then_every_query_matches():
    with writable_server() as target:
        result = invoke("push", str(FIXTURE), "--graph-store", target.store_url)
        assert result.exit_code == 0, result.output
        assert "https://w3id.org/lapekg/id/document/9ddbd1025907c520\t192 triples" in result.output
        compare_every_query(target.query_url, FIXTURE, EXAMPLES)


def test_push_by_sparql_update_in_batches_then_every_query_matches():
    with writable_server() as target:
        result = invoke("push", str(FIXTURE), "--endpoint", target.update_url,
                        "--batch-size", "50")
        assert result.exit_code == 0, result.output
        assert "192 triples\t4 requests" in result.output
        compare_every_query(target.query_url, FIXTURE, EXAMPLES)


def test_named_graphs_are_kept():
    with writable_server() as target:
        push.push(FIXTURE, graph_store=target.store_url)
        graphs = queries.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
                                target.query_url)
        assert [str(row[0]).rsplit("/", 2)[-2:] for row in graphs.rows] == [
            ["dataset", "reference"], ["document", "0f0f0f0f0f0f0f0f"],
            ["document", "9ddbd1025907c520"], ["document", "df1e414a8decdcdb"]]


def test_pushing_twice_by_put_replaces_rather_than_adds():
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with writable_server() as target:
        push.push(FIXTURE, graph_store=target.store_url)
        once = queries.sparql(count, target.query_url).rows
        push.push(FIXTURE, graph_store=target.store_url)
        assert queries.sparql(count, target.query_url).rows == once


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_push_the_bundled_corpus_then_every_query_matches():
    pytest.importorskip("graph_builder.pipeline", reason="the builder is not installed")
    examples = {"provenance": {"entity": "id:programme/lape"},
                "find-entity": {"fragment": "LAPE"}}
    with writable_server() as target:
        result = invoke("push", "--graph-store", target.store_url)
        assert result.exit_code == 0, result.output
        compare_every_query(target.query_url, None, examples)


def test_push_to_a_read_only_server_exits_2_with_the_servers_answer():
    with server.running(FIXTURE, port=free_port(), log=subprocess.DEVNULL) as target:
        result = invoke("push", str(FIXTURE), "--graph-store", target.store_url)
    assert result.exit_code == 2
    assert "answered HTTP 403" in result.output and "read-only" in result.output


def test_push_to_nowhere_exits_2_naming_the_url():
    url = f"http://127.0.0.1:{free_port()}/update"
    result = invoke("push", str(FIXTURE), "--endpoint", url)
    assert result.exit_code == 2
    assert f"could not reach {url}" in result.output


def test_push_needs_an_endpoint():
    result = invoke("push", str(FIXTURE))
    assert result.exit_code == 2
    assert "give --endpoint URL (SPARQL Update) or --graph-store URL" in result.output


def test_graph_store_urls():
    assert push.graph_store_url("http://h/store", None) == "http://h/store?default"
    assert push.graph_store_url("http://h/store", "https://w3id.org/lapekg/id/document/a") == (
        "http://h/store?graph=https%3A%2F%2Fw3id.org%2Flapekg%2Fid%2Fdocument%2Fa")
