"""The ``lapekg`` group: every command reachable, each module imported only when used."""

from __future__ import annotations

import importlib
import subprocess
import sys

from click.testing import CliRunner

from lapekg.cli import COMMAND_MODULES, cli


def test_the_table_names_exactly_the_commands_each_module_owns() -> None:
    owned = {command.name: module for module in set(COMMAND_MODULES.values())
             for command in importlib.import_module(module).COMMANDS}
    assert owned == COMMAND_MODULES


def test_help_lists_every_command() -> None:
    out = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMAND_MODULES:
        assert f"  {name} " in out or f"  {name}\n" in out


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["bulid"])
    assert result.exit_code == 2 and "No such command" in result.output


def test_build_does_not_load_the_views_or_shacl() -> None:
    code = ("import sys; from lapekg.cli import cli; cli.get_command(None, 'build'); "
            "print(sorted(m for m in ('pyvis', 'networkx', 'pyshacl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
