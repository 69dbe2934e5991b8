"""``lapekg serve``: the graph over the SPARQL 1.1 Protocol, by the Oxigraph server.

Why Oxigraph's server and not one of our own: measured at one million
triples it starts in 0.03 s, holds the graph in 400 MB and answers the test
queries in 0.6 s, where rdflib-endpoint needed 32 s, 1.2 GB and 16–68 s
(``/work/shared/design/MEASUREMENTS.md``). It is a well-kept program that
does the protocol right: GET and POST queries, content negotiation (SPARQL
JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML for graphs).

What this module adds is the safe way to run it (``oxigraph 0.5.13`` options,
checked with ``oxigraph serve-read-only --help``):

* **Read-only**: the graph is loaded into a fresh store folder with
  ``oxigraph load``, then served with ``serve-read-only``, which answers any
  update (``/update``, or a Graph Store ``PUT``/``POST``/``DELETE``) with
  HTTP 403 "The server is read-only".
* **Loopback by default**: the guard binds 127.0.0.1:PORT. The server has no
  access control; another host is allowed only when asked for, with a warning.
* **A guard in front** (:mod:`queries.guard`): Oxigraph listens on a free
  port of 127.0.0.1 only; the public address is taken by a small werkzeug
  app that reads each query first. Measured on 0.5.13, ``serve-read-only``
  *executes* ``SERVICE <http://other-host/…>`` (it sent a POST to a listener
  on loopback; ``HTTP_PROXY`` does not stop it, and it has no option to turn
  federation off), so the guard answers HTTP 400 to any query with a
  ``SERVICE`` clause, ``LOAD`` or an update keyword, and forwards nothing.
* **Time limit per query**: ``--timeout-s`` for Oxigraph, plus the guard's
  own. Oxigraph cancels cooperatively: a three-way cross join was cut at the
  limit, but it had already sent ``200 OK`` and the body ends in "The SPARQL
  operation has been cancelled"; a query that only multiplies ``VALUES`` was
  *not* cut (112 s with a 1 s limit). The guard reads the whole answer
  before it sends anything, so a late answer or one that ends in that text
  becomes HTTP 503 "query took longer than N s" in at most N s. (A query
  Oxigraph does not cut keeps one of its threads busy after the 503.)
  Because it holds the answer, the guard caps its size too
  (:data:`queries.guard.MAX_ANSWER`, 256 MB): a larger one is HTTP 507 with
  advice to narrow the query, not a guard that runs out of memory.
* **Union in the default graph**: the store is loaded the way the embedded
  one is (:func:`queries.store.open_store`): named graphs as built plus their
  union, each triple once, in the default graph. Not ``--union-default-graph``,
  which counts a triple once per graph and multiplies duplicates in joins.
* **Query page offline**: the page at ``/`` is YASGUI, served by the
  Oxigraph binary itself (``/yasgui.min.js``, ``/yasgui.min.css``; no CDN).
  Only its prefix autocompletion asks ``prefix.cc`` for a list; offline that
  request fails and the page works without it.

The store folder is temporary and removed when the server stops.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from queries import guard as guard_module
from queries.errors import GraphLoadError, QueryError
from queries.store import open_store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: next to this Python first (the venv), then PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise QueryError(
            "the Oxigraph server is not installed; install it with "
            "\"pip install 'lapekg[server]'\" (the PyPI package 'oxigraph')"
        )
    return found


def load_command(binary: str, location: Path, file: Path) -> list[str]:
    """``oxigraph load``: the file into the store folder (format from its name)."""
    return [binary, "load", "--location", str(location), "--file", str(file)]


def serve_command(binary: str, location: Path, *, host: str, port: int,
                  timeout: int | None, read_only: bool = True) -> list[str]:
    """The server command line; see the module docstring for each option."""
    command = [binary, "serve-read-only" if read_only else "serve",
               "--location", str(location), "--bind", f"{bind_host(host)}:{port}"]
    if timeout:
        command += ["--timeout-s", str(timeout)]
    return command


def bind_host(host: str) -> str:
    """An IPv6 address goes in brackets in ``HOST:PORT``."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``."""
    return host.strip("[]") in LOOPBACK


def graph_file(graph: object, folder: Path) -> Path:
    """The graph as an N-Quads file for ``oxigraph load``: named graphs and their union.

    Read through :func:`queries.store.open_store`, so that the server holds
    exactly what the embedded store holds (and a bad file fails here, with
    the same message).
    """
    path = folder / "graph.nq"
    open_store(graph).dump(path, format=ox.RdfFormat.N_QUADS)
    return path


def load(graph: object, location: Path, binary: str) -> None:
    """Fill the store folder with ``graph`` (refused input is a GraphLoadError)."""
    with tempfile.TemporaryDirectory(prefix="lapekg-graph-") as scratch:
        file = graph_file(graph, Path(scratch))
        done = subprocess.run(load_command(binary, location, file),
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise GraphLoadError(f"oxigraph load failed: {done.stderr.strip()}")


@dataclass(frozen=True)
class RunningServer:
    """A started server: its process and its addresses.

    ``url`` is the public address: the guard's when there is one, else
    Oxigraph's own. ``upstream_url`` is always Oxigraph's (loopback only
    behind a guard).
    """

    process: subprocess.Popen[bytes]
    url: str
    upstream_url: str = ""

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint (GET and POST)."""
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        """The SPARQL update endpoint (refused when read-only)."""
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint."""
        return f"{self.url}/store"


@contextmanager
def running(graph: object = None, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
            timeout: int | None = DEFAULT_TIMEOUT, read_only: bool = True,
            log: IO[bytes] | int | None = None, ready_within: float = 20.0,
            guard: bool | None = None) -> Iterator[RunningServer]:
    """Load ``graph`` and run the server until the ``with`` block ends.

    ``graph`` is a file, an rdflib graph or ``None`` for the bundled corpus; a
    writable server (``read_only=False``, for tests of ``push``) starts empty
    when ``graph`` is ``None``. ``guard`` (default: when read-only) puts
    :mod:`queries.guard` on ``host:port`` and Oxigraph on a free loopback
    port; without it Oxigraph itself listens on ``host:port``. The server is
    stopped and its store folder removed however the block ends. ``log``
    takes the server's own output (a file, or ``subprocess.DEVNULL``, which
    also silences the guard's request log); by default it goes to ours.
    """
    guarded = read_only if guard is None else guard
    binary = oxigraph_binary()
    with tempfile.TemporaryDirectory(prefix="lapekg-store-") as folder:
        location = Path(folder) / "store"
        if read_only or graph is not None:
            load(graph, location, binary)
        inner_host, inner_port = (DEFAULT_HOST, free_loopback_port()) if guarded else (host, port)
        # Bound first, so that a taken port fails before Oxigraph starts; it
        # answers once Oxigraph is ready (clients wait in the backlog until then).
        front = (bind_guard(host, port, inner_port, timeout, quiet=log == subprocess.DEVNULL)
                 if guarded else None)
        try:
            command = serve_command(binary, location, host=inner_host, port=inner_port,
                                    timeout=timeout, read_only=read_only)
            process = subprocess.Popen(command, stdout=log, stderr=log)
            try:
                upstream_url = f"http://{bind_host(inner_host)}:{inner_port}"
                wait_until_ready(RunningServer(process, upstream_url, upstream_url),
                                 ready_within)
                if front is not None:
                    front.serve()
                yield RunningServer(process, f"http://{bind_host(host)}:{port}", upstream_url)
            finally:
                stop(process)
        finally:
            if front is not None:
                front.stop()


def bind_guard(host: str, port: int, inner_port: int, timeout: int | None, *,
               quiet: bool) -> guard_module.Guard:
    """The guard bound to ``host:port`` for Oxigraph on ``127.0.0.1:inner_port``."""
    upstream = guard_module.Upstream(DEFAULT_HOST, inner_port, float(timeout) if timeout else None)
    try:
        return guard_module.bind(host, port, upstream, quiet=quiet)
    except OSError as err:
        raise QueryError(f"cannot listen on {bind_host(host)}:{port}: {err.strerror or err}; "
                         "is the port in use?") from err


def free_loopback_port() -> int:
    """A port of 127.0.0.1 free right now, for the Oxigraph behind the guard."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((DEFAULT_HOST, 0))
        return probe.getsockname()[1]


def wait_until_ready(server: RunningServer, within: float) -> None:
    """Poll the query page until it answers; fail if the process ends or time runs out."""
    deadline = time.monotonic() + within
    while True:
        if server.process.poll() is not None:
            raise QueryError(
                f"the Oxigraph server stopped at start (exit {server.process.returncode}); "
                "is the port in use?"
            )
        try:
            with urllib.request.urlopen(server.url + "/", timeout=1) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise QueryError(f"the Oxigraph server did not answer at {server.url} in {within} s")
        time.sleep(0.05)


def stop(process: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Ask the server to stop; kill it if it does not within ``grace`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
