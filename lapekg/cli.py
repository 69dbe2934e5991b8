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

#: Modules whose ``COMMANDS`` list is added to the group, in this order.
COMMAND_MODULES = ("graph_builder.cli", "ontology.cli", "queries.cli", "visualisations.cli")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lapekg")
def cli() -> None:
    """Build, check, query and show a knowledge graph of programme documents."""


def _register() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="lapekg")
