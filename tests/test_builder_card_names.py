"""A card's name field with a dash and a longer name, and its short-name field,
name one project; plural municipality heads name no body."""

from __future__ import annotations

from pathlib import Path

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

CARD = (
    "HANKEKORTTI\n\n"
    "Hankkeen nimi: Vahvat verkot – Kainuun lasten ja perheiden palvelujen muutoshanke\n"
    "Lyhenne: VaVe\n"
    "Hallinnoija: Kajaanin kaupunki\n"
    "Hankeaika: 1.3.2017–31.12.2018\n\n"
    "VaVe-hanke kehitti perhekeskusta Itä-Kainuun kunnissa.\n"
)


def _entities(tmp_path: Path, text: str) -> dict:
    source = tmp_path / "card.txt"
    source.write_text(text, encoding="utf-8")
    return analyse(read_document(source)).context.resolution.entities


def test_name_dash_long_name_and_short_name_are_one_project(tmp_path: Path) -> None:
    entities = _entities(tmp_path, CARD)
    projects = [e for e in entities.values() if e.kind.name == "PROJECT"]
    assert len(projects) == 1, [e.names for e in projects]
    names = set(projects[0].names)
    assert {"Vahvat verkot", "VaVe"} <= names, names
    assert any("muutoshanke" in n for n in names), names


def test_plural_municipality_head_is_no_body(tmp_path: Path) -> None:
    entities = _entities(tmp_path, CARD)
    assert not [k for k in entities if "ita-kainuun" in k], sorted(entities)
