"""A project's period stated in running prose, and the days of decisions.

Each row: an invented text, then (subject, predicate, ISO date) facts that must be
built from it, then facts that must not be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

DATES = ("startDate", "endDate", "decisionDate", "completionDate")

ROWS = [
    pytest.param(
        "Itä-Suomen yliopisto on mukana kahdessa hankkeessa.\n\n"
        "Lähiverkko-hanke (Keski-Suomi), 1.3.2017–31.12.2018\n"
        "Hankkeessa yliopisto arvioi perhekeskusten käyttöönottoa.\n",
        [("project:lahiverkko-hanke", "startDate", "2017-03-01"),
         ("project:lahiverkko-hanke", "endDate", "2018-12-31")], [],
        id="period-after-name-and-region-in-brackets"),
    pytest.param(
        "Lähiverkko-hanke on Keski-Suomen LAPE-hanke, jolla muutosohjelmaa viedään "
        "käytäntöön maakunnan kunnissa 1.3.2017–31.12.2018.",
        [("project:lahiverkko-hanke", "startDate", "2017-03-01"),
         ("project:lahiverkko-hanke", "endDate", "2018-12-31")], [],
        id="viedaan-kaytantoon"),
    pytest.param(
        "Lähiverkko-hanke kokoaa maakunnan toimijat. Hanke käynnistyi maaliskuussa 2017 "
        "ja päättyy vuoden 2018 lopussa.",
        [("project:lahiverkko-hanke", "startDate", "2017-03"),
         ("project:lahiverkko-hanke", "endDate", "2018")], [],
        id="second-verb-of-the-opening-subject"),
    pytest.param(
        "Lähiverkko-hanke kokoaa maakunnan toimijat. Hanke käynnistyi maaliskuussa 2017, "
        "kun Kotiportti ry päättyi vuoden 2018 lopussa.",
        [("project:lahiverkko-hanke", "startDate", "2017-03")],
        [("project:lahiverkko-hanke", "endDate", "2018")],
        id="another-clause-is-not-the-opening-subjects"),
    pytest.param(
        "Kasvupolku-hanke on Keski-Suomen LAPE-hanke. Kasvupolku päättyy 31.12.2018, "
        "joten seminaarissa kysytään, mikä jää elämään.",
        [("project:kasvupolku-hanke", "endDate", "2018-12-31")], [],
        id="bare-name-of-a-glued-project-name"),
]


def _facts(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    return {(f.subject, f.predicate, f.obj.iso()) for f in result.facts
            if f.predicate in DATES}


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_prose_dates(tmp_path: Path, text: str, wanted: list, unwanted: list) -> None:
    facts = _facts(tmp_path, text)
    for fact in wanted:
        assert fact in facts, facts
    for fact in unwanted:
        assert fact not in facts, facts


def test_bare_name_joins_the_project_it_is_said_to_be(tmp_path: Path) -> None:
    source = tmp_path / "input.txt"
    source.write_text("Tietoa Kasvupolku-hankkeesta.\n\nKasvupolku on Keski-Suomen "
                      "LAPE-hanke ja osa muutosohjelmaa.", encoding="utf-8")
    entities = analyse(read_document(source)).context.resolution.entities
    projects = [e for e in entities.values() if e.kind.value == "Project"]
    assert len(projects) == 1 and {"Kasvupolku", "Keski-Suomen LAPE-hanke"} <= set(
        projects[0].names)


def test_headline_clause_before_a_dash_is_no_project_name(tmp_path: Path) -> None:
    source = tmp_path / "input.txt"
    source.write_text("Perhekeskukset juurtuvat Keski-Suomeen – LAPE-hankkeen tuloksia "
                      "esiteltiin Jyväskylässä\n\nKeski-Suomen lasten ja perheiden palvelujen "
                      "muutoshanke eli Keski-Suomen LAPE on saanut perhekeskukset käyntiin. "
                      "Hanketta hallinnoi Jyväskylän kaupunki.", encoding="utf-8")
    resolution = analyse(read_document(source)).context.resolution
    names = {n for e in resolution.entities.values() for n in e.names}
    assert "Perhekeskukset juurtuvat Keski-Suomeen" not in names
    assert resolution.main_project == \
        "project:keski-suomen-lasten-ja-perheiden-palvelujen-muutoshanke"
