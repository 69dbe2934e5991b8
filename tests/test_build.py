"""The build on the bundled corpus: parses, validates, is deterministic, has the classes."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from lapekg.cli import cli
from ontology.namespaces import LKG

ROOT = Path(__file__).resolve().parent.parent


def run_build(out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lapekg", "build", *args, "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "lape.ttl"
    run = run_build(out)
    assert run.returncode == 0, run.stderr
    return out


def test_summary_on_stderr(tmp_path: Path) -> None:
    run = run_build(tmp_path / "g.ttl")
    assert "2 document(s) read" in run.stderr
    assert "Project" in run.stderr and "facts" in run.stderr


def test_turtle_parses_and_holds_the_five_classes_from_both_documents(built: Path) -> None:
    graph = Graph().parse(built, format="turtle")
    for cls in ("Programme", "Project", "Region", "Partner", "Measure"):
        assert any(graph.subjects(RDF.type, LKG[cls])), cls
    docs = set(graph.subjects(RDF.type, LKG.SourceDocument))
    assert len({d for d in docs if "/document/" in str(d)}) == 2
    for cls in ("Project", "Measure"):
        per_doc = {doc for node in graph.subjects(RDF.type, LKG[cls])
                   for doc in graph.objects(node, LKG.mentionedIn)}
        assert len(per_doc) == 2, cls


def test_rebuild_is_byte_identical(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.ttl"
    assert run_build(again).returncode == 0
    assert again.read_bytes() == built.read_bytes()


@pytest.mark.parametrize("suffix", [".trig", ".nt", ".jsonld"])
def test_other_formats_are_deterministic(tmp_path: Path, suffix: str) -> None:
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    assert run_build(a, "--quiet").returncode == 0
    assert run_build(b, "--quiet").returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_built_graph_validates(built: Path) -> None:
    from ontology.validate import validate

    report = validate(Graph().parse(built, format="turtle"))
    assert report.conforms, report


def test_unknown_suffix_is_a_usage_error(tmp_path: Path) -> None:
    run = run_build(tmp_path / "g.xyz")
    assert run.returncode == 2
    assert "unknown output format" in run.stderr


def test_every_command_has_help() -> None:
    runner = CliRunner()
    assert set(cli.list_commands(None)) >= {"build", "explain", "validate"}
    for name in cli.list_commands(None):
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output


def test_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.list_commands(None):
        assert f"lapekg {name}" in readme, name


def test_explain_prints_sources(built: Path) -> None:
    result = CliRunner().invoke(cli, ["explain", "Seinäjoki", "--graph", str(built)])
    assert result.exit_code == 0, result.output
    assert "Hankkeen hallinnoija on Seinäjoen kaupunki." in result.output
