"""``lapekg query``, ``sparql``, ``serve`` and ``push``: thin commands over the API.

Every error a user can cause (unknown query or parameter, a value of the
wrong type, SPARQL that does not parse, a graph or endpoint that cannot be
read) is printed as one line naming it, with exit code 2.
"""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

import queries
from queries import push as push_module
from queries import server
from queries.errors import QueryError
from queries.library import catalogue, find
from queries.results import GRAPH_FORMATS, TABLE_FORMATS, GraphResult

USAGE_ERROR = 2


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a :class:`QueryError` into ``Error: …`` on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except QueryError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(USAGE_ERROR)

    return wrapper


def graph_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--graph FILE`` and ``--endpoint URL``, shared by query and sparql."""
    command = click.option(
        "--endpoint", metavar="URL",
        help="Run on this SPARQL endpoint (e.g. http://127.0.0.1:7878/query) instead.",
    )(command)
    return click.option(
        "-g", "--graph", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
        help="Graph file to query (.trig .ttl .nt .nq .jsonld .rdf). "
             "Default: the bundled corpus, built on the fly.",
    )(command)


def source(graph: Path | None, endpoint: str | None) -> object:
    """What to query: a file, an endpoint, or ``None`` for the bundled corpus."""
    if graph is not None and endpoint is not None:
        raise click.UsageError("give --graph or --endpoint, not both")
    if endpoint is not None:
        if not endpoint.lower().startswith(("http://", "https://")):
            raise click.UsageError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
        return endpoint
    return graph


def parse_params(items: tuple[str, ...]) -> dict[str, str]:
    """``KEY=VALUE`` items into a dictionary (the value may contain ``=``)."""
    values: dict[str, str] = {}
    for item in items:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise click.UsageError(f"--param expects KEY=VALUE, not {item!r}")
        if key.strip() in values:
            raise click.UsageError(f"--param {key.strip()!r} given twice")
        values[key.strip()] = value
    return values


def describe(query: queries.NamedQuery) -> str:
    """A query's header and text, for ``--show``."""
    lines = [f"{query.name}: {query.title}", "", query.description, ""]
    if query.params:
        lines.append("Parameters:")
        for p in query.params:
            extra = "required" if p.required else (
                f"default {p.default}" if p.default else "optional")
            lines.append(f"  {p.name} ({p.type}, {extra}): {p.description}")
        lines.append("")
    lines += [f"Source: {query.source}", "", query.text.rstrip()]
    return "\n".join(lines) + "\n"


@click.command("query")
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the named queries, name and title.")
@click.option("--show", is_flag=True, help="Show the query's parameters and SPARQL; do not run.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter value, e.g. region=id:region/14 or year=2019. IRIs may use "
                   "the prefixes id: lkg: role: mkind: fkind: and others. Repeatable.")
@graph_options
@click.option("-f", "--format", "format_", type=click.Choice(TABLE_FORMATS), default="table",
              show_default=True,
              help="table and md for reading; json, xml, csv, tsv are the W3C SPARQL "
                   "result formats.")
@click.option("--library", "library", multiple=True,
              type=click.Path(file_okay=False, exists=True, path_type=Path), metavar="DIR",
              help="Also use the .rq files in DIR (same header format). Repeatable.")
@reports_errors
def query(name: str | None, list_: bool, show: bool, params: tuple[str, ...],
          graph: Path | None, endpoint: str | None, format_: str,
          library: tuple[Path, ...]) -> None:
    """Run the named query NAME over a graph.

    \b
    lapekg query --list
    lapekg query projects-by-region --param region=id:region/14
    lapekg query measures -p year=2019 -p kind=mkind:bridging-measure --format csv
    lapekg query find-entity -p fragment=Seinäjoen --graph out/lape.trig
    lapekg query sources --endpoint http://127.0.0.1:7878/query

    The default graph is the union of the named graphs, each triple once.
    """
    table = catalogue(library)
    if list_:
        for item in sorted(table.values(), key=lambda q: q.name):
            click.echo(f"{item.name}\t{item.title}")
        return
    if not name:
        raise click.UsageError("give a query NAME, or --list to see them")
    named = find(name, table)
    if show:
        click.echo(describe(named), nl=False)
        return
    values = parse_params(params)
    named.bindings(values)  # check names and values before loading any graph
    result = queries.execute(named, source(graph, endpoint), values)
    click.echo(result.to(format_), nl=False)


@click.command("sparql")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.File("r", encoding="utf-8"), metavar="PATH",
              help="Read the query from PATH ('-' for standard input) instead of TEXT.")
@graph_options
@click.option("-f", "--format", "format_", type=click.Choice(TABLE_FORMATS + GRAPH_FORMATS),
              help="SELECT/ASK: table (default), md, json, xml, csv, tsv. "
                   "CONSTRUCT/DESCRIBE: turtle (default), nt.")
@reports_errors
def sparql(text: str | None, file: Any, graph: Path | None, endpoint: str | None,
           format_: str | None) -> None:
    """Run a SPARQL query of one's own: TEXT on the command line, or --file PATH.

    TEXT is always query text, never a file name; use --file to read one.

    \b
    lapekg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    lapekg sparql --file my-query.rq --graph out/lape.trig --format csv

    The default graph is the union of the named graphs, each triple once;
    GRAPH ?g still reaches each document's own graph.
    """
    if (text is None) == (file is None):
        raise click.UsageError("give the query as TEXT or with --file PATH (one of them)")
    query_text = text if text is not None else file.read()
    result = queries.sparql(query_text, source(graph, endpoint))
    if isinstance(result, GraphResult):
        fmt = format_ or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise click.UsageError(f"a CONSTRUCT/DESCRIBE result is written as "
                                   f"{' or '.join(GRAPH_FORMATS)}, not {fmt}")
    else:
        fmt = format_ or "table"
        if fmt not in TABLE_FORMATS:
            raise click.UsageError(f"a SELECT/ASK result is written as one of "
                                   f"{', '.join(TABLE_FORMATS)}, not {fmt}")
    click.echo(result.to(fmt), nl=False)


@click.command("serve")
@click.argument("graph", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default=server.DEFAULT_HOST, show_default=True,
              help="Address to listen on. Anything but loopback exposes the graph to the "
                   "network without access control.")
@click.option("--port", default=server.DEFAULT_PORT, show_default=True,
              type=click.IntRange(1, 65535))
@click.option("--timeout", default=server.DEFAULT_TIMEOUT, show_default=True,
              type=click.IntRange(0), metavar="SECONDS",
              help="Time limit per query (0: none). A query not answered in time gets "
                   "HTTP 503; see 'Limits' below.")
@reports_errors
def serve(graph: Path | None, host: str, port: int, timeout: int) -> None:
    """Serve GRAPH (default: the bundled corpus) read-only over the SPARQL 1.1 Protocol.

    Runs the Oxigraph server ('oxigraph serve-read-only') on a fresh store,
    on a free port of 127.0.0.1, behind a guard that takes HOST:PORT:

    \b
      http://HOST:PORT/        query page (YASGUI, served by Oxigraph itself)
      http://HOST:PORT/query   SPARQL endpoint, GET or POST; answers in SPARQL
                               JSON, XML, CSV, TSV, or Turtle/N-Triples for graphs

    Updates and writes are refused with HTTP 403. A query with SERVICE (a call
    to another host), LOAD or an update keyword is refused with HTTP 400 before
    it reaches Oxigraph. The default graph holds the union of the named graphs
    (each triple once). Ctrl-C stops the server and removes its store.

    \b
    Limits: a query not answered within --timeout gets HTTP 503 "query took
    longer than N s", never a cut-off 200. Oxigraph cancels cooperatively, so
    a query that only multiplies VALUES may keep one of its threads busy
    after the 503. The whole answer is held in memory before it is sent.
    The query page works offline except prefix autocompletion (prefix.cc).
    """
    if not server.is_loopback(host):
        click.echo(f"Warning: serving on {host}: anyone who can reach port {port} can query "
                   "the graph, including any personal data in it.", err=True)
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with server.running(graph, host=host, port=port, timeout=timeout or None) as running:
            click.echo(f"Serving {graph or 'the bundled corpus'} read-only at {running.url}/ "
                       f"(SPARQL endpoint {running.query_url}); Ctrl-C stops.", err=True)
            code = running.process.wait()
            raise click.ClickException(f"the Oxigraph server stopped by itself (exit {code})")
    except KeyboardInterrupt:  # the server is stopped and its store removed on the way out
        click.echo("Stopped.", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM ends ``serve`` like Ctrl-C: the server is stopped, its store removed."""
    raise KeyboardInterrupt


@click.command("push")
@click.argument("graph", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--endpoint", metavar="URL",
              help="SPARQL Update endpoint (Oxigraph: http://HOST:7878/update; "
                   "Fuseki: http://HOST:3030/DATASET/update; Virtuoso: http://HOST:8890/sparql; "
                   "GraphDB: http://HOST:7200/repositories/ID/statements).")
@click.option("--graph-store", metavar="URL",
              help="Graph Store Protocol endpoint, used instead of --endpoint when given "
                   "(Oxigraph: http://HOST:7878/store; Fuseki: http://HOST:3030/DATASET/data; "
                   "GraphDB: http://HOST:7200/repositories/ID/rdf-graphs/service; "
                   "Virtuoso: http://HOST:8890/sparql-graph-crud).")
@click.option("--append", is_flag=True,
              help="Graph Store Protocol: POST (add to each graph) instead of PUT (replace it).")
@click.option("--batch-size", default=push_module.DEFAULT_BATCH, show_default=True,
              type=click.IntRange(1), help="SPARQL Update: triples per request.")
@reports_errors
def push(graph: Path | None, endpoint: str | None, graph_store: str | None, append: bool,
         batch_size: int) -> None:
    """Load GRAPH (default: the bundled corpus) into a SPARQL 1.1 store, named graphs kept.

    Each named graph (one per document) is sent as it is, and the default
    graph receives their union, each triple once: the library then runs there
    with 'lapekg query NAME --endpoint QUERY-URL' on any store. Leave the
    store's "union default graph" setting off (Fuseki: unionDefaultGraph;
    Oxigraph: --union-default-graph), or each triple counts twice.
    """
    for url in (endpoint, graph_store):
        if url is not None and not url.lower().startswith(("http://", "https://")):
            raise click.UsageError(f"an endpoint must be an http(s) URL, not {url!r}")
    report = push_module.push(graph, endpoint=endpoint, graph_store=graph_store,
                              replace=not append, batch=batch_size)
    for item in report:
        click.echo(f"{item.graph or '(default graph)'}\t{item.triples} triples\t"
                   f"{item.requests} request{'s' if item.requests != 1 else ''}")
    total = sum(item.triples for item in report)
    click.echo(f"Pushed {total} triples in {len(report)} graphs.", err=True)


COMMANDS = [query, sparql, serve, push]
