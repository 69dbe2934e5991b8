"""A plural project noun speaks of many projects ("Maakuntien LAPE-hankkeet"):
no project of that name is made; a singular one with the same words is a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document


@pytest.mark.parametrize(("text", "named"), [
    ("Maakuntien LAPE-hankkeet päättyvät vuodenvaihteessa.\n", False),
    ("Kuntien hankkeiden tulokset kootaan raporttiin.\n", False),
    ("Pohjanmaan LAPE-hanke päättyy vuodenvaihteessa.\n", True),
])
def test_plural_project_noun_is_no_name(tmp_path: Path, text: str, named: bool) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    entities = analyse(read_document(source)).context.resolution.entities
    assert any(k.startswith("project:") for k in entities) is named, sorted(entities)
