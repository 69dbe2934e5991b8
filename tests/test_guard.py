"""The guard in front of Oxigraph (queries/guard.py): no SERVICE, no LOAD, 503 when late.

The keyword checks run without a server; the rest start a real Oxigraph on
loopback behind the guard, each with bounded waits, always stopped.
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from server_support import free_port, oxigraph_missing
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from queries import guard, server

FIXTURE = Path(__file__).parent / "fixtures" / "queries" / "mini.trig"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://evil.example/> { ?s ?p ?o } }",
    "SELECT * WHERE {SERVICE<http://evil.example/>{?s ?p ?o}}",
    "SELECT * WHERE { ?s ?p ?o . SeRvIcE ?x { ?a ?b ?c } VALUES ?x { <http://e/> } }",
    "SELECT * WHERE { \\u0053ERVICE <http://evil.example/> { ?s ?p ?o } }",
    # Oxigraph reads '<' as "less than" here and parses the SERVICE after it:
    "SELECT * WHERE { ?a ?b ?c FILTER(?a<?b)SERVICE?x#>\n{ ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p 'a' } # ok\nSERVICE",
    # Oxigraph runs these as SERVICE calls to the IRI ':x' / 'a:x' (measured):
    "PREFIX : <http://evil.example/> SELECT * WHERE { SERVICE:x { ?s ?p ?o } }",
    "PREFIX a: <http://evil.example/> SELECT * WHERE { SERVICEa:x { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o.SERVICE<http://evil.example/>{} }",
    "SELECT * WHERE { ?s ?p 1SERVICE<http://evil.example/>{} }",
    "LOAD <http://evil.example/data.ttl>",
    "DROP ALL",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "CLEAR DEFAULT",
])
def test_forbidden_keywords_are_found(query):
    assert guard.forbidden_keyword(query) is not None


@pytest.mark.parametrize("query", [
    'SELECT ?l WHERE { ?s ?p ?l FILTER(CONTAINS(LCASE(?l), "service")) }',
    "SELECT * WHERE { BIND('''a LOAD of\nSERVICE''' AS ?x) }",
    'SELECT * WHERE { BIND("say \\"SERVICE\\" here" AS ?x) }',
    "SELECT * WHERE { ?s <http://example.org/service> ?o } # SERVICE in a comment",
    "PREFIX ex: <http://example.org/> SELECT ?service WHERE { ?service a ex:service ; ex:load ?x }",
    'SELECT * WHERE { ?s ?p "x"@add , "y"@en-service , _:service }',
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:a.service ex:customer-service }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
])
def test_harmless_mentions_are_not_keywords(query):
    assert guard.forbidden_keyword(query) is None


# --- against a real Oxigraph behind the guard --------------------------------------------------


def http(url: str, *, data: bytes | None = None, method: str | None = None,
         headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def get(base: str, query: str, accept: str = "application/sparql-results+json",
        timeout: float = 30) -> tuple[int, str, bytes]:
    return http(f"{base}?{urllib.parse.urlencode({'query': query})}",
                headers={"Accept": accept}, timeout=timeout)


@pytest.fixture(scope="module")
def endpoint():
    if oxigraph_missing():
        pytest.skip("the 'oxigraph' server binary is not installed")
    with server.running(FIXTURE, port=free_port(), timeout=10, log=subprocess.DEVNULL) as running:
        yield running


class Listener:
    """A TCP listener on loopback that records every connection it gets."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.received: list[bytes] = []
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    self.received.append(connection.recv(4096))
                except TimeoutError:
                    self.received.append(b"")

    def close(self) -> None:
        self.running = False
        self.thread.join(5)
        self.socket.close()


@contextmanager
def listener() -> Iterator[Listener]:
    ear = Listener()
    try:
        yield ear
    finally:
        ear.close()


@pytest.mark.server
def test_service_to_a_local_listener_is_refused_and_nothing_is_sent(endpoint):
    with listener() as ear:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{ear.port}/sparql> {{ ?s ?p ?o }} }}"
        for status, kind, body in (
            get(endpoint.query_url, query),
            http(endpoint.query_url, data=query.encode(),
                 headers={"Content-Type": "application/sparql-query"}),
            http(endpoint.query_url, data=urllib.parse.urlencode({"query": query}).encode(),
                 headers={"Content-Type": "application/x-www-form-urlencoded"}),
        ):
            assert status == 400 and kind.startswith("text/plain")
            assert b"SERVICE is not allowed" in body
        time.sleep(0.5)
        assert ear.received == []


@pytest.mark.server
def test_oxigraph_alone_would_call_the_listener(endpoint):
    """The control: the same query sent past the guard reaches the listener (why it exists)."""
    with listener() as ear:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{ear.port}/sparql> {{ ?s ?p ?o }} }}"
        get(endpoint.upstream_url + "/query", query, timeout=10)
        deadline = time.monotonic() + 5
        while not ear.received and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ear.received and ear.received[0].startswith(b"POST ")


@pytest.mark.server
@pytest.mark.parametrize("query", ["LOAD <http://127.0.0.1:9/data.ttl>",
                                   "LOAD SILENT <http://127.0.0.1:9/x> INTO GRAPH <urn:g>",
                                   "DROP ALL"])
def test_load_and_updates_at_the_query_endpoint_are_refused(endpoint, query):
    status, _, body = http(endpoint.query_url, data=query.encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert status == 400 and b"is not allowed" in body


@pytest.mark.server
def test_a_label_containing_service_is_still_queryable(endpoint):
    query = ('SELECT ?x WHERE { BIND("customer service; LOAD of <SERVICE>" AS ?x) '
             "?s ?p ?o FILTER(!CONTAINS(STR(?o), 'service')) } LIMIT 1 # SERVICE")
    status, kind, body = get(endpoint.query_url, query)
    assert status == 200 and kind.startswith("application/sparql-results+json")
    [row] = json.loads(body)["results"]["bindings"]
    assert row["x"]["value"] == "customer service; LOAD of <SERVICE>"


@pytest.mark.server
@pytest.mark.parametrize(("method", "path"), [
    ("PUT", "/store?default"), ("DELETE", "/store?default"), ("PATCH", "/query"),
    ("POST", "/store?default"), ("POST", "/update"), ("GET", "/update?update=DROP%20ALL"),
])
def test_writes_and_other_methods_are_403(endpoint, method, path):
    status, _, body = http(endpoint.url + path, data=b"<urn:a> <urn:b> <urn:c> .",
                           method=method, headers={"Content-Type": "text/turtle"})
    assert (status, body) == (403, b"The server is read-only")


@pytest.mark.server
def test_a_query_in_an_unknown_content_type_is_415(endpoint):
    status, _, _ = http(endpoint.query_url, data=b"SELECT * {}",
                        headers={"Content-Type": "text/plain"})
    assert status == 415


@pytest.mark.server
def test_graph_store_reads_are_relayed(endpoint):
    status, kind, body = http(endpoint.url + "/store?default", headers={"Accept": "text/turtle"})
    assert status == 200 and kind.startswith("text/turtle") and body


@pytest.mark.server
def test_a_slow_query_on_the_bundled_corpus_answers_503_within_bounds():
    if oxigraph_missing():
        pytest.skip("the 'oxigraph' server binary is not installed")
    runaway = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with server.running(None, port=free_port(), timeout=1, log=subprocess.DEVNULL) as slow:
        started = time.monotonic()
        status, _, body = get(slow.query_url, runaway, timeout=20)
        elapsed = time.monotonic() - started
        assert get(slow.query_url, "ASK {}")[0] == 200  # the guard still answers
    assert (status, body) == (503, b"query took longer than 1 s")
    assert elapsed < 5


def test_an_answer_that_ends_in_oxigraphs_cancel_text_becomes_503():
    """Oxigraph cut it before the guard's own deadline: a 200 with a broken body."""
    @Request.application
    def cut(request: Request) -> Response:
        return Response(b'{"head":{"vars":["n"]},"results":{"bindings":[{'
                        + guard.CANCELLED, content_type="application/sparql-results+json")

    fake = make_server("127.0.0.1", 0, cut, threaded=True)
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    front = guard.start("127.0.0.1", port := free_port(),
                        guard.Upstream("127.0.0.1", fake.server_port, 30.0), quiet=True)
    try:
        status, _, body = get(f"http://127.0.0.1:{port}/query", "SELECT * {}")
    finally:
        front.stop()
        fake.shutdown()
        fake.server_close()
        thread.join(5)
    assert (status, body) == (503, b"query took longer than 30 s")


def test_an_answer_larger_than_the_cap_is_refused_with_507():
    """The guard holds a whole answer to check it; past its cap it says so instead."""
    @Request.application
    def big(request: Request) -> Response:
        return Response(b"x" * 5000, content_type="application/sparql-results+json")

    fake = make_server("127.0.0.1", 0, big, threaded=True)
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    upstream = guard.Upstream("127.0.0.1", fake.server_port, 30.0, max_bytes=4096)
    front = guard.start("127.0.0.1", port := free_port(), upstream, quiet=True)
    try:
        status, _, body = get(f"http://127.0.0.1:{port}/query", "SELECT * {}")
        small = guard.Upstream("127.0.0.1", fake.server_port, 30.0, max_bytes=5000)
        assert guard.fetch(small, "GET", "/").body == b"x" * 5000   # at the cap: relayed
    finally:
        front.stop()
        fake.shutdown()
        fake.server_close()
        thread.join(5)
    assert status == 507 and b"larger than" in body
