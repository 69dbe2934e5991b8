"""``lapekg serve``: a real Oxigraph server on loopback, asked through plain urllib.

Each server is started on a free port, waited for with a bounded wait, and
always stopped (a context manager, or SIGTERM to ``lapekg serve``).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.query import Result as RdflibResult
from server_support import SERVER_TESTS, free_port

import queries
from queries import server

FIXTURE = Path(__file__).parent / "fixtures" / "queries" / "mini.trig"
PROGRAMME = URIRef("https://w3id.org/lapekg/id/programme/lape")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SELECT = ("PREFIX lkg: <https://w3id.org/lapekg/ontology#> "
          "SELECT ?p WHERE { ?p a lkg:Programme }")
CONSTRUCT = ("PREFIX lkg: <https://w3id.org/lapekg/ontology#> "
             "CONSTRUCT WHERE { ?p a lkg:Programme }")


pytestmark = SERVER_TESTS


def http(url: str, *, data: bytes | None = None, method: str | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """Status, content type and body; an HTTP error status is returned, not raised."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def get(base: str, query: str, accept: str) -> tuple[int, str, bytes]:
    return http(f"{base}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})


@pytest.fixture(scope="module")
def endpoint():
    with server.running(FIXTURE, port=free_port(), timeout=10, log=subprocess.DEVNULL) as running:
        yield running


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (Linux /proc/net/tcp)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_get_query_as_json(endpoint):
    status, kind, body = get(endpoint.query_url, SELECT, "application/sparql-results+json")
    assert status == 200 and kind.startswith("application/sparql-results+json")
    bindings = json.loads(body)["results"]["bindings"]
    assert bindings == [{"p": {"type": "uri", "value": str(PROGRAMME)}}]


def test_post_query_as_xml(endpoint):
    status, kind, body = http(endpoint.query_url, data=SELECT.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"})
    assert status == 200 and kind.startswith("application/sparql-results+xml")
    parsed = RdflibResult.parse(io.BytesIO(body), format="xml")
    assert [row[0] for row in parsed] == [PROGRAMME]


def test_form_post_query_as_csv(endpoint):
    data = urllib.parse.urlencode({"query": COUNT}).encode()
    status, kind, body = http(endpoint.query_url, data=data, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and kind.startswith("text/csv")
    [(expected,)] = queries.sparql(COUNT, FIXTURE).rows  # the embedded store's count
    assert body.decode() == f"n\r\n{expected}\r\n"


def test_get_query_as_tsv(endpoint):
    status, kind, body = get(endpoint.query_url, SELECT, "text/tab-separated-values")
    assert status == 200 and kind.startswith("text/tab-separated-values")
    assert body.decode().splitlines() == ["?p", f"<{PROGRAMME}>"]


def test_construct_as_turtle(endpoint):
    status, kind, body = get(endpoint.query_url, CONSTRUCT, "text/turtle")
    assert status == 200 and kind.startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert set(graph) == {(PROGRAMME, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                           URIRef("https://w3id.org/lapekg/ontology#Programme"))}


def count(endpoint) -> str:
    return get(endpoint.query_url, COUNT, "text/csv")[2].decode()


@pytest.mark.parametrize(
    ("path", "method", "content_type", "body"),
    [
        ("/update", "POST", "application/sparql-update", b"DROP ALL"),
        ("/update", "POST", "application/x-www-form-urlencoded", b"update=DROP%20ALL"),
        ("/query", "POST", "application/sparql-update", b"DROP ALL"),
        ("/store?default", "PUT", "text/turtle", b"<urn:a> <urn:b> <urn:c> ."),
        ("/store?default", "DELETE", "text/turtle", b""),
    ],
)
def test_updates_are_refused_with_an_http_error(endpoint, path, method, content_type, body):
    before = count(endpoint)
    status, _, _ = http(endpoint.url + path, data=body or None, method=method,
                        headers={"Content-Type": content_type})
    assert 400 <= status < 500
    assert count(endpoint) == before


def test_drop_all_answers_403_read_only(endpoint):
    status, _, body = http(endpoint.update_url, data=b"DROP ALL",
                           headers={"Content-Type": "application/sparql-update"})
    assert (status, body) == (403, b"The server is read-only")


def test_a_broken_query_is_answered_400_with_the_parsers_message(endpoint):
    status, _, body = get(endpoint.query_url, "SELECT WHERE {", "application/sparql-results+json")
    assert status == 400
    assert b"error at 1:15" in body


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="needs Linux /proc/net/tcp")
def test_server_listens_on_loopback_only(endpoint):
    port = int(endpoint.url.rsplit(":", 1)[1])
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, little-endian hex


def test_query_page_loads_its_script_from_the_server_itself(endpoint):
    status, kind, page = http(endpoint.url + "/")
    assert status == 200 and kind.startswith("text/html")
    assert b'src="./yasgui.min.js"' in page
    assert b"<script src=\"http" not in page and b"cdn" not in page.lower()
    status, _, script = http(endpoint.url + "/yasgui.min.js")
    assert status == 200 and len(script) > 100_000


def test_every_named_query_via_the_endpoint_equals_the_embedded_store(endpoint):
    store = queries.open_graph(FIXTURE)
    examples = {"provenance": {"entity": "id:project/etela-pohjanmaan-lape-hanke"},
                "find-entity": {"fragment": "Eksoten"}}
    for query in queries.list_queries():
        params = examples.get(query.name, {})
        remote = queries.run(query.name, endpoint.query_url, **params)
        assert remote.rows == queries.run(query.name, store, **params).rows, query.name


def test_time_limit_answers_503_not_a_truncated_200():
    """Oxigraph alone sends 200 and a body cut by its cancel text; the guard answers 503."""
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with server.running(FIXTURE, port=free_port(), timeout=1, log=subprocess.DEVNULL) as slow:
        started = time.monotonic()
        status, kind, body = get(slow.query_url, runaway, "application/sparql-results+json")
        elapsed = time.monotonic() - started
    assert (status, body) == (503, b"query took longer than 1 s")
    assert kind.startswith("text/plain")
    assert elapsed < 5


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="needs Linux /proc/net/tcp")
def test_oxigraph_behind_the_guard_listens_on_loopback_only(endpoint):
    inner = int(endpoint.upstream_url.rsplit(":", 1)[1])
    assert inner != int(endpoint.url.rsplit(":", 1)[1])
    assert listening_addresses(inner) == {"0100007F"}


def test_serve_command_is_read_only_on_loopback_with_a_time_limit():
    command = server.serve_command("oxigraph", Path("/s"), host="127.0.0.1", port=7878,
                                   timeout=30)
    assert command == ["oxigraph", "serve-read-only", "--location", "/s",
                       "--bind", "127.0.0.1:7878", "--timeout-s", "30"]


def test_lapekg_serve_runs_until_sigterm_and_stops_the_server(tmp_path):
    lapekg = Path(sys.executable).with_name("lapekg")
    command = [str(lapekg) if lapekg.exists() else shutil.which("lapekg"), "serve",
               str(FIXTURE), "--port", str(port := free_port())]
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=log)
    try:
        url = f"http://127.0.0.1:{port}/query"
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, body = get(url, COUNT, "text/csv")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "lapekg serve did not start"
                time.sleep(0.1)
        assert status == 200 and body.startswith(b"n\r\n")
        if os.path.exists("/proc/net/tcp"):
            assert listening_addresses(port) == {"0100007F"}
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, (tmp_path / "serve.log").read_text()
        with pytest.raises(urllib.error.URLError):
            get(url, COUNT, "text/csv")  # the Oxigraph child is gone too
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


def test_serving_a_missing_file_exits_2():
    from click.testing import CliRunner

    from lapekg.cli import cli

    result = CliRunner().invoke(cli, ["serve", "no-such.trig", "--port", str(free_port())])
    assert result.exit_code == 2
    assert "no-such.trig: no such file" in result.output
