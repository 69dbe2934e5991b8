"""ontology commands: ``lapekg validate``."""

from __future__ import annotations

import json
import logging

import click

from ontology.graphfile import FORMATS, GraphFileError, load_graph
from ontology.validate import format_report, report_dict, validate

__all__ = ["COMMANDS", "validate_command"]

#: Exit codes shared by lapekg's commands (see lapekg/cli.py).
EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_UNREADABLE = 0, 1, 2


@click.command("validate")
@click.argument("graph", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Report as readable text or as JSON.")
def validate_command(graph: str, output_format: str) -> None:
    """Check GRAPH against lapekg's SHACL shapes.

    GRAPH is a file whose suffix gives its format: {formats}. Named graphs are
    merged. Exit status: 0 the graph conforms (warnings are shown but allowed),
    1 it has violations, 2 it could not be read.
    """
    # rdflib logs a traceback for every ill-typed literal it meets; the report
    # already names such values, so keep the terminal readable.
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    try:
        data = load_graph(graph)
    except GraphFileError as error:
        click.echo(f"lapekg validate: {error}", err=True)
        raise SystemExit(EXIT_UNREADABLE) from None
    report = validate(data)
    if output_format == "json":
        click.echo(json.dumps({"graph": graph, **report_dict(report)}, ensure_ascii=False,
                              indent=2))
    else:
        click.echo(f"{graph}: {format_report(report)}", nl=False)
    raise SystemExit(EXIT_CONFORMS if report.conforms else EXIT_VIOLATIONS)


validate_command.help = (validate_command.help or "").replace("{formats}", ", ".join(FORMATS))

COMMANDS: list[click.Command] = [validate_command]
