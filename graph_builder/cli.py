"""``lapekg build`` and ``lapekg explain``: thin wrappers over the pipeline.

Exit codes of ``build``: 0 every source was read; 1 the graph was written
but some sources could not be read (each named in a warning); 2 nothing was
written (bad usage, ``--strict`` and a bad source, or an output that could
not be written). An existing output is replaced atomically or not at all.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from graph_builder.errors import LapekgError, SourceError
from graph_builder.serialize import UnknownFormat, format_for, write


def _progress_reporter(enabled: bool):
    """A progress callback that draws a bar on stderr for larger corpora."""
    if not enabled:
        return None
    state: dict[str, object] = {}

    def report(n: int, total: int, name: str) -> None:
        if total < 20:
            return
        bar = state.get("bar")
        if bar is None:
            bar = click.progressbar(length=total, label="reading", file=sys.stderr)
            bar.__enter__()
            state["bar"] = bar
        bar.update(1)
        if n == total:
            bar.__exit__(None, None, None)

    return report


def _summary(documents: int, warnings: list[SourceError], counts: Counter, facts: int,
             quads: int, out: Path) -> str:
    lines = [f"lapekg build: {documents} document(s) read, {len(warnings)} warning(s)"]
    for kind in ("Programme", "Project", "Region", "Municipality", "Organisation", "Person",
                 "Measure"):
        lines.append(f"  {kind:<13} {counts.get(kind, 0)}")
    lines.append(f"  facts         {facts}")
    lines.append(f"  quads         {quads}")
    lines.append(f"  written       {out}")
    return "\n".join(lines)


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path),
              help="Output file; the suffix picks the format: .ttl .trig .nt .nq .jsonld")
@click.option("--base", default=None, metavar="IRI",
              help="Base IRI of data nodes (default https://w3id.org/lapekg/id/, "
                   "or $LAPEKG_BASE).")
@click.option("--strict", is_flag=True, help="Stop at the first source that cannot be read.")
@click.option("--quiet", "-q", is_flag=True, help="No summary or progress on stderr.")
@click.option("--curation", "curation_path", type=click.Path(path_type=Path), default=None,
              metavar="FILE",
              help="YAML file of corrections (merge, rename, add, suppress) applied to "
                   "the graph, with provenance; see examples/curation.yaml.")
@click.option("--no-personal", "no_personal", is_flag=True,
              help="Leave out people: Person nodes, e-mails, phone numbers, and their "
                   "names in quotes and labels.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes that read the documents; 0 means one per core.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              metavar="DIR", help="Keep each document's result here by content hash, so a "
                                  "rebuild reads only what changed [default: .lapekg-cache "
                                  "beside --out].")
@click.option("--no-cache", is_flag=True, help="Read every document afresh; keep nothing.")
def build(sources: tuple[Path, ...], out: Path, base: str | None, strict: bool,
          quiet: bool, curation_path: Path | None, no_personal: bool, jobs: int,
          cache_dir: Path | None, no_cache: bool) -> None:
    """Build the knowledge graph of SOURCES (files or folders).

    With no SOURCES, the bundled corpus (two LAPE pages) is built.
    """
    from graph_builder.cache import Cache, default_directory
    from graph_builder.curation import load_curation
    from graph_builder.parallel import default_jobs
    from graph_builder.pipeline import build as run_build
    from lapekg.atomic import atomic_open

    try:
        fmt = format_for(out)
        curation = load_curation(curation_path) if curation_path is not None else None
        cache = None if no_cache else Cache(cache_dir or default_directory(out))
        result = run_build(list(sources) if sources else None, base=base, strict=strict,
                           progress=_progress_reporter(not quiet), curation=curation,
                           personal=not no_personal, jobs=jobs or default_jobs(),
                           cache=cache, spill_dir=out.resolve().parent)
        with atomic_open(out, "wb") as handle:
            write(result.quads, fmt, handle, base)
        quads = len(result.quads)
        result.quads.close()
    except UnknownFormat as err:
        raise click.UsageError(str(err)) from err
    except (LapekgError, ValueError, OSError) as err:
        click.echo(f"lapekg build: error: {err}", err=True)
        sys.exit(2)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"lapekg build: warning: {warning}", err=True)
        for note in result.skipped:
            click.echo(f"lapekg build: skipped: {note}", err=True)
        click.echo(_summary(len(result.documents), result.warnings, result.entity_counts,
                            result.fact_count, quads, out), err=True)
    sys.exit(1 if result.warnings else 0)


@click.command()
@click.argument("name")
@click.option("--graph", "graph_path", type=click.Path(exists=True, path_type=Path),
              help="A graph built by lapekg (default: build the bundled corpus).")
def explain(name: str, graph_path: Path | None) -> None:
    """Print an entity's facts with the sentence each came from.

    NAME is a name or a fragment of one (case-insensitive), or an IRI.
    """
    from graph_builder.explain import explain_entity, load_graph

    try:
        graph = load_graph(graph_path)
    except (LapekgError, ValueError, OSError) as err:
        click.echo(f"lapekg explain: error: {err}", err=True)
        sys.exit(2)
    text = explain_entity(graph, name)
    if text is None:
        click.echo(f"lapekg explain: no entity matches {name!r}", err=True)
        sys.exit(1)
    click.echo(text)


COMMANDS = [build, explain]
