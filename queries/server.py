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
* **Loopback by default**: ``--bind 127.0.0.1:PORT``. The server has no
  access control; another host is allowed only when asked for, with a warning.
* **Time limit per query**: ``--timeout-s``. Oxigraph cancels cooperatively:
  measured here, a three-way cross join was cut at the limit, but the server
  had already sent ``200 OK`` and the body ends with "The SPARQL operation
  has been cancelled" (a client sees malformed JSON, not an HTTP error); and
  a query that only multiplies ``VALUES`` blocks was *not* cut (112 s with a
  1 s limit). The limit protects against runaway graph patterns, not against
  every query; keep the server on loopback.
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
    """A started server: its process and its addresses."""

    process: subprocess.Popen[bytes]
    url: str

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
            log: IO[bytes] | int | None = None,
            ready_within: float = 20.0) -> Iterator[RunningServer]:
    """Load ``graph`` and run the server until the ``with`` block ends.

    ``graph`` is a file, an rdflib graph or ``None`` for the bundled corpus; a
    writable server (``read_only=False``, for tests of ``push``) starts empty
    when ``graph`` is ``None``. The server is stopped and its store folder
    removed however the block ends. ``log`` takes the server's own output
    (a file, or ``subprocess.DEVNULL``); by default it goes to ours.
    """
    binary = oxigraph_binary()
    with tempfile.TemporaryDirectory(prefix="lapekg-store-") as folder:
        location = Path(folder) / "store"
        if read_only or graph is not None:
            load(graph, location, binary)
        command = serve_command(binary, location, host=host, port=port,
                                timeout=timeout, read_only=read_only)
        process = subprocess.Popen(command, stdout=log, stderr=log)
        try:
            server = RunningServer(process, f"http://{bind_host(host)}:{port}")
            wait_until_ready(server, ready_within)
            yield server
        finally:
            stop(process)


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
