"""visualisations commands: ``viz``, ``analyse`` and ``report``.

Thin wrappers over :func:`visualisations.network`, :func:`visualisations.write_html`,
:func:`visualisations.analysis.analyse` and :func:`visualisations.report.write_report`.
Exit codes as for every lapekg command: 0 success, 2 bad usage, a graph
that could not be loaded or a page that could not be written (the message
names the file and the reason).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from rdflib import Graph

from graph_builder.errors import OutputError
from ontology.graphfile import GraphFileError
from visualisations.analysis import analyse as analyse_model
from visualisations.analysis_text import to_json, to_table
from visualisations.html import write_html
from visualisations.model import build_model
from visualisations.network import network
from visualisations.report import write_report
from visualisations.select import SelectionError
from visualisations.source import load_graph
from visualisations.style import ENTITY_CLASSES


class InputError(click.ClickException):
    """Input that could not be used: exit code 2, message without a traceback."""

    exit_code = 2


GRAPH_ARGUMENT = click.argument(
    "graph", required=False, type=click.Path(dir_okay=False, path_type=Path),
)
NO_PERSONAL = click.option(
    "--no-personal", "no_personal", is_flag=True,
    help="Leave out people, and e-mail addresses, phone numbers and people's names in all text.",
)


def _load(path: Path | None) -> Graph:
    try:
        return load_graph(path)
    except GraphFileError as error:
        raise InputError(str(error)) from None


def _write(write: Callable[[], object]) -> None:
    """Run a write; a file that cannot be written is reported, the old one kept."""
    try:
        write()
    except OutputError as error:
        raise InputError(str(error)) from None


def _check_out(path: Path) -> None:
    if not path.parent.is_dir():
        raise InputError(f"{path}: folder {path.parent} does not exist")


@click.command("viz")
@GRAPH_ARGUMENT
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (one offline UTF-8 page).")
@click.option("--focus", help="Show only this entity (name or IRI) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(min=0),
              help="How many relations away from --focus to go (default 2).")
@click.option("--classes", multiple=True, metavar="CLASS[,CLASS...]",
              help=f"Keep only these classes: {', '.join(ENTITY_CLASSES)}.")
@NO_PERSONAL
def viz(graph: Path | None, out: Path, focus: str | None, depth: int | None,
        classes: tuple[str, ...], no_personal: bool) -> None:
    """Write an interactive network of GRAPH (default: the bundled corpus) as HTML.

    GRAPH is read by its suffix: .ttl, .trig, .nt, .nq, .jsonld. The page
    works offline: search, filters by class and region, sources on hover.
    """
    _check_out(out)
    try:
        net = network(_load(graph), focus=focus, depth=depth,
                      classes=list(classes) if classes else None, personal=not no_personal)
    except SelectionError as error:
        raise InputError(str(error)) from None
    _write(lambda: write_html(net, out))
    click.echo(f"wrote {out}: {len(net.nodes)} nodes, {len(net.edges)} edges")


@click.command("analyse")
@GRAPH_ARGUMENT
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="Output format.")
@click.option("--limit", type=click.IntRange(min=1), help="Show only the top partners.")
@NO_PERSONAL
def analyse(graph: Path | None, output_format: str, limit: int | None, no_personal: bool) -> None:
    """Rank partners by degree and betweenness, list bridging organisations and components."""
    result = analyse_model(build_model(_load(graph), personal=not no_personal))
    if output_format == "json":
        click.echo(to_json(result), nl=False)
    else:
        click.echo(to_table(result, limit), nl=False)


@click.command("report")
@GRAPH_ARGUMENT
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write.")
@NO_PERSONAL
def report(graph: Path | None, out: Path, no_personal: bool) -> None:
    """Write one offline page: network, tables, funding charts, timeline, analysis."""
    _check_out(out)
    loaded = _load(graph)
    _write(lambda: write_report(loaded, out, personal=not no_personal))
    click.echo(f"wrote {out}")


COMMANDS = [viz, analyse, report]
