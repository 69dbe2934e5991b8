"""``lapekg viz``, ``lapekg analyse``, ``lapekg report``: output, errors, exit codes."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from visualisations.cli import COMMANDS, analyse, report, viz

FIXTURES = Path(__file__).parent / "fixtures" / "viz"
SMALL = str(FIXTURES / "lape_small.ttl")


def run(command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def test_commands_are_the_three_of_this_part():
    assert [c.name for c in COMMANDS] == ["viz", "analyse", "report"]
    for command in COMMANDS:
        assert run(command, "--help").exit_code == 0


def test_viz_writes_one_page(tmp_path):
    out = tmp_path / "verkko.html"
    result = run(viz, SMALL, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: 18 nodes, 23 edges\n"
    assert 'id="lkg-data"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix,fmt", [(".trig", "trig"), (".nt", "nt"), (".jsonld", "json-ld")])
def test_viz_reads_the_format_its_suffix_names(tmp_path, suffix, fmt):
    source = tmp_path / f"graph{suffix}"
    Graph().parse(SMALL).serialize(source, format=fmt, encoding="utf-8")
    result = run(viz, str(source), "--out", str(tmp_path / "v.html"))
    assert result.exit_code == 0 and "18 nodes" in result.output


def test_viz_options_select(tmp_path):
    out = str(tmp_path / "v.html")
    assert "6 nodes" in run(viz, SMALL, "--out", out, "--focus", "Lupa auttaa!",
                            "--depth", "1").output
    assert "8 nodes" in run(viz, SMALL, "--out", out, "--classes", "Project",
                            "--classes", "partner").output
    assert "8 nodes" in run(viz, SMALL, "--out", out, "--classes", "project,Partner").output


def test_viz_no_personal(tmp_path):
    out = tmp_path / "v.html"
    result = run(viz, SMALL, "--out", str(out), "--no-personal")
    assert "15 nodes" in result.output
    text = out.read_text(encoding="utf-8")
    for personal in ("Matti", "Meikäl", "Liisa", "example.fi", "+358"):
        assert personal not in text


@pytest.mark.parametrize(
    "args,message",
    [
        (["--classes", "Hanke"], "unknown class 'Hanke'; choose from: Programme"),
        (["--focus", "Ei ole"], "focus 'Ei ole' matches no entity"),
        (["--depth", "1"], "--depth needs --focus"),
    ],
)
def test_viz_bad_selection_exits_2_with_the_reason(tmp_path, args, message):
    result = run(viz, SMALL, "--out", str(tmp_path / "v.html"), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "v.html").exists()


def test_unreadable_graphs_exit_2_naming_the_file(tmp_path):
    bad = tmp_path / "rikki.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    result = run(viz, str(bad), "--out", str(tmp_path / "v.html"))
    assert result.exit_code == 2 and f"{bad}: not valid TURTLE" in result.output
    odd = tmp_path / "graph.xyz"
    odd.write_text("", encoding="utf-8")
    result = run(analyse, str(odd))
    assert result.exit_code == 2 and "unknown RDF file suffix '.xyz'" in result.output
    result = run(report, str(tmp_path / "missing.ttl"), "--out", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "missing.ttl: cannot read the file" in result.output
    result = run(viz, SMALL, "--out", str(tmp_path / "no" / "v.html"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_page_that_cannot_be_written_exits_2_and_keeps_the_old_one(tmp_path, monkeypatch):
    out = tmp_path / "v.html"
    out.write_text("vanha", encoding="utf-8")

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("lapekg.atomic.os.replace", full_disk)
    result = run(viz, SMALL, "--out", str(out))
    assert result.exit_code == 2
    assert f"{out}: cannot write: No space left on device" in result.output
    assert out.read_text(encoding="utf-8") == "vanha"
    assert [p.name for p in tmp_path.iterdir()] == ["v.html"]


def test_without_a_graph_the_bundled_corpus_is_built(tmp_path, monkeypatch):
    built = []

    def build(sources):
        built.append(sources)
        return types.SimpleNamespace(graph=Graph().parse(SMALL))

    monkeypatch.setitem(sys.modules, "graph_builder.pipeline",
                        types.SimpleNamespace(build=build))
    result = run(viz, "--out", str(tmp_path / "v.html"))
    assert result.exit_code == 0 and "18 nodes" in result.output
    assert built == [None]


def test_analyse_json_and_table():
    data = json.loads(run(analyse, SMALL, "--format", "json").output)
    assert [c["size"] for c in data["components"]] == [16, 2]
    table = run(analyse, SMALL, "--limit", "1").output
    assert "1  Terveyden ja hyvinvoinnin laitos" in table and "2  Seinäjoen" not in table


def test_report_writes_the_page(tmp_path):
    out = tmp_path / "raportti.html"
    result = run(report, SMALL, "--out", str(out), "--no-personal")
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.count('<svg class="lkg-chart"') == 3 and "Matti" not in text
