"""The build's quads: the same bytes in memory, spilled to disk, and without GNU tools.

A build past :data:`graph_builder.quads.SPILL_AFTER` quads sorts on disk with
``sort``/``cut``/``awk``; a small one sorts in Python. Both must write the same
bytes in every format, and the terms must be spelled as Oxigraph spells them,
or sorting lines would not be sorting terms.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph_builder import ntriples
from graph_builder import quads as quads_module
from graph_builder.pipeline import analyse, emit
from graph_builder.quads import Quads
from graph_builder.readers import read_document
from graph_builder.serialize import serialize

ROOT = Path(__file__).resolve().parent
DOCS = sorted((ROOT / "eval_corpus" / "docs").iterdir())
FORMATS = ("turtle", "trig", "nt", "nquads", "json-ld")


@pytest.fixture(scope="module")
def results():
    return [analyse(read_document(p)) for p in DOCS]


@pytest.fixture(scope="module")
def in_memory(results) -> dict[str, bytes]:
    built, _, _ = emit(results)
    assert not built.spilled
    return {fmt: serialize(built, fmt) for fmt in FORMATS}


def test_spilled_build_writes_the_same_bytes(results, in_memory, tmp_path: Path) -> None:
    built, _, _ = emit(results, quads=Quads(tmp_path, spill_after=500))
    assert built.spilled
    for fmt in FORMATS:
        assert serialize(built, fmt) == in_memory[fmt], fmt
    built.close()
    assert not list(tmp_path.iterdir()), "the spill folder is removed"


def test_without_gnu_tools_the_order_is_the_same(results, in_memory, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quads_module.shutil, "which", lambda tool: None)
    built, _, _ = emit(results, quads=Quads(tmp_path, spill_after=500))
    for fmt in FORMATS:
        assert serialize(built, fmt) == in_memory[fmt], fmt


def test_every_format_holds_the_same_triples(in_memory) -> None:
    union = {str(t) for t in ox.parse(in_memory["nt"], format=ox.RdfFormat.N_TRIPLES)}
    assert union == {str(t) for t in ox.parse(in_memory["turtle"], format=ox.RdfFormat.TURTLE)}
    assert union == {str(t) for t in ox.parse(in_memory["json-ld"], format=ox.RdfFormat.JSON_LD)}
    quads = list(ox.parse(in_memory["nquads"], format=ox.RdfFormat.N_QUADS))
    assert {str(q.triple) for q in quads} == union
    assert {str(q) for q in quads} == {
        str(q) for q in ox.parse(in_memory["trig"], format=ox.RdfFormat.TRIG)}


def test_a_graph_added_twice_is_one_graph() -> None:
    q = Quads()
    q.add_graph("<http://x/g>", {'<http://x/s> <http://x/p> "a" .'})
    q.add_graph("<http://x/g>", {'<http://x/s> <http://x/p> "a" .',
                                 '<http://x/s> <http://x/p> "b" .'})
    assert len(q) == 2
    assert [g for g, _ in q.quads()] == ["<http://x/g>", "<http://x/g>"]


@given(st.text(max_size=40), st.sampled_from([None, "fi", "EN"]))
def test_literals_are_spelled_as_oxigraph_spells_them(text: str, lang: str | None) -> None:
    expected = ox.Literal(text, language=lang) if lang else ox.Literal(text)
    assert ntriples.literal(text, lang) == str(expected)


@given(st.text(min_size=1, max_size=30) | st.text(alphabet="#[]%:/ ?@", min_size=1, max_size=8))
def test_iris_from_text_always_parse(tail: str) -> None:
    line = f"<http://x/s> <http://x/p> {ntriples.safe_iri('http://example.fi/' + tail)} .\n"
    assert len(list(ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES))) == 1
