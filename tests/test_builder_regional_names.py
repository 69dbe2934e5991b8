"""A project called by its region's generic name too ("Pohjois-Karjalan LAPE-hanke")
is the document's one named project of that region; several projects never join.

Each row: a text, groups of names that must name one entity, and pairs of names
that must name two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

ROWS = [
    pytest.param(
        "# Pohjois-Karjalan LAPE-hankkeen loppuraportti\n\n"
        "Pohjois-Karjalan Perheiden polku -hanke toimi vuosina 2017–2018. Perheiden polku "
        "-hankkeen hallinnoija oli Joensuun kaupunki. Perheiden polku -hanke kehitti "
        "perhekeskuksia.\n",
        [{"Perheiden polku", "Pohjois-Karjalan LAPE-hanke"}], [],
        id="title-names-the-region-project"),
    pytest.param(
        "Kainuun Kasvun tuki -hanke alkoi 2017. Hankkeen hallinnoija oli Kajaanin kaupunki.\n\n"
        "Kainuun maakunnallinen hanke päättyi 2018. Kasvun tuki -hanke jatkuu kunnissa.\n",
        [{"Kasvun tuki", "Kainuun maakunnallinen hanke"}], [],
        id="maakunnallinen-hanke"),
    pytest.param(
        "Pohjois-Karjalan Perheiden polku -hanke toimi vuosina 2017–2018. Perheiden polku "
        "-hanke kehitti perhekeskuksia yhdessä Kanta-Hämeen LAPE-hankkeen kanssa. "
        "Perheiden polku -hankkeen hallinnoija oli Joensuun kaupunki.\n",
        [], [("Perheiden polku", "Kanta-Hämeen LAPE-hanke")],
        id="another-region-stays-apart"),
    pytest.param(
        "Pirkanmaan Hyvä alku -hanke ja Lapin Vahvat juuret -hanke saivat rahoitusta. "
        "Pirkanmaan LAPE-hanke kehittää perhekeskuksia. Lapin LAPE-hanke kehittää "
        "koulujen oppilashuoltoa.\n",
        [], [("Hyvä alku", "Pirkanmaan LAPE-hanke"), ("Vahvat juuret", "Lapin LAPE-hanke")],
        id="several-projects-stay-apart"),
    pytest.param(
        "Kanta-Hämeen Hyvä alku -hanke ja Kanta-Hämeen Vahvat juuret -hanke alkoivat 2017. "
        "Hyvä alku -hanke kehittää perhekeskuksia. Hyvä alku -hanke kouluttaa. Hyvä alku "
        "-hanke päättyi 2018. Kanta-Hämeen LAPE-hanke tukee molempia.\n",
        [], [("Hyvä alku", "Kanta-Hämeen LAPE-hanke"),
             ("Vahvat juuret", "Kanta-Hämeen LAPE-hanke")],
        id="two-named-projects-of-one-region-stay-apart"),
]


def _entities(tmp_path: Path, text: str) -> dict[str, set[str]]:
    source = tmp_path / "input.md"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    return {k: set(e.names) for k, e in result.context.resolution.entities.items()}


def _key_of(entities: dict[str, set[str]], name: str) -> str:
    keys = [k for k, names in entities.items() if name in names]
    assert len(keys) == 1, f"{name!r} is in {keys}: {entities}"
    return keys[0]


@pytest.mark.parametrize(("text", "together", "apart"), ROWS)
def test_regional_names(tmp_path: Path, text: str, together: list, apart: list) -> None:
    entities = _entities(tmp_path, text)
    for group in together:
        assert len({_key_of(entities, n) for n in group}) == 1, (group, entities)
    for a, b in apart:
        assert _key_of(entities, a) != _key_of(entities, b), (a, b, entities)
