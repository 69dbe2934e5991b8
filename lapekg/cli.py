"""The ``lapekg`` command: a thin layer over plain functions.

Each part of the project owns its commands in its own ``cli`` module
(``graph_builder.cli``, ``ontology.cli``, ``queries.cli``,
``visualisations.cli``); this module
only gathers them into one group, so the parts stay independent.

Exit codes shared by all commands: 0 success, 1 a result that is not clean
(a graph that does not conform, a build with unreadable sources), 2 bad
usage or input that could not be loaded.
"""

from __future__ import annotations

import importlib

import click

from lapekg import __version__

#: Each command and the module that owns it. A module is imported only when
#: one of its commands runs (or ``--help`` lists them all): the views pull in
#: networkx and pyvis, validation pySHACL, and ``lapekg build`` needs none of
#: them. ``tests/test_cli.py`` checks this table against each module's ``COMMANDS``.
COMMAND_MODULES: dict[str, str] = {
    "build": "graph_builder.cli", "explain": "graph_builder.cli",
    "validate": "ontology.cli",
    "query": "queries.cli", "sparql": "queries.cli", "serve": "queries.cli",
    "push": "queries.cli",
    "viz": "visualisations.cli", "analyse": "visualisations.cli",
    "report": "visualisations.cli",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when used (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(name)
        if module is None:
            return None
        commands = {c.name: c for c in importlib.import_module(module).COMMANDS}
        return commands.get(name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lapekg")
def cli() -> None:
    """Build, check, query and show a knowledge graph of programme documents."""


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="lapekg")
