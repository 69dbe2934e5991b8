"""What lapekg writes reads back the same in rdflib, in pyoxigraph and in rapper."""

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rt")
    out = {}
    for suffix in (".ttl", ".trig", ".nt", ".jsonld"):
        path = folder / f"lape{suffix}"
        run = subprocess.run(
            [sys.executable, "-m", "lapekg", "build", "--quiet", "--out", str(path)],
            capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        out[suffix] = path
    return out


def triples_rdflib(path: Path, fmt: str) -> Graph:
    if fmt == "trig":
        ds = Dataset()
        ds.parse(path, format="trig")
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return Graph().parse(path, format=fmt)


def test_all_formats_hold_the_same_graph(outputs: dict[str, Path]) -> None:
    turtle = triples_rdflib(outputs[".ttl"], "turtle")
    for suffix, fmt in ((".trig", "trig"), (".nt", "nt"), (".jsonld", "json-ld")):
        assert isomorphic(turtle, triples_rdflib(outputs[suffix], fmt)), suffix


@pytest.mark.parametrize(("suffix", "mime"), [
    (".ttl", "text/turtle"), (".nt", "application/n-triples"), (".trig", "application/trig")])
def test_pyoxigraph_reads_the_same_number_of_triples(outputs, suffix: str, mime: str) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(outputs[suffix]), format=pyoxigraph.RdfFormat.from_media_type(mime))
    distinct = {(q.subject, q.predicate, q.object) for q in store}
    assert len(distinct) == len(triples_rdflib(outputs[".ttl"], "turtle"))


def test_trig_has_a_named_graph_per_document(outputs) -> None:
    ds = Dataset()
    ds.parse(outputs[".trig"], format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert sum("/document/" in n for n in names) == 2


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) not installed")
def test_rapper_accepts_the_turtle(outputs) -> None:
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(outputs[".ttl"])],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "returned" in run.stderr
