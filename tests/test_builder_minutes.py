"""Council and board minutes (pöytäkirja): attendance lists with surname-first names.

Each row: a text, the people (label, job title or None) that must be built from it,
and labels that must not be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document
from graph_builder.resolve import choose_label

ROWS = [
    pytest.param(
        "Saapuvilla olleet jäsenet\n"
        "                Koskinen Outi            puheenjohtaja\n"
        "                Laaksonen Pekka          jäsen\n\n"
        "Muut saapuvilla olleet\n"
        "                Heikkinen Marja          kunnanjohtaja, esittelijä\n",
        [("Outi Koskinen", "puheenjohtaja"), ("Pekka Laaksonen", None),
         ("Marja Heikkinen", "kunnanjohtaja")], [],
        id="attendance-columns"),
    pytest.param(
        "Läsnä\nKoskinen Outi, puheenjohtaja\n",
        [("Outi Koskinen", "puheenjohtaja")], [],
        id="surname-first-then-comma"),
    pytest.param(
        "Hankkeessa ovat mukana Koskinen Outi ja muut.\n",
        [], ["Outi Koskinen"],
        id="not-at-the-start-of-a-line"),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_surname_first(tmp_path: Path, text: str, wanted: list, unwanted: list) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    people = {choose_label(e): e.key for e in result.context.resolution.entities.values()
              if e.kind.value == "Person"}
    titles = {f.subject: str(f.obj) for f in result.facts if f.predicate == "title"}
    for label, title in wanted:
        assert label in people, people
        assert titles.get(people[label]) == title
    for label in unwanted:
        assert label not in people


DECISIONS = [
    pytest.param("§ 45\nSopimuksen hyväksyminen\n\nKunnanhallitus 12.03.2018 § 45\n",
                 [("org:kunnanhallitus", "2018-03-12")], id="minutes-line"),
    pytest.param("Kunnanhallitus                    12.03.2018                 101\n", [],
                 id="page-header-without-section-is-no-decision"),
    pytest.param("Kunnanhallitus käsitteli asiaa 12.03.2018 § 45 ja päätti jatkaa.\n", [],
                 id="running-text-is-no-minutes-line"),
    pytest.param("Lähiverkko-hanke alkoi 2018. Sosiaali- ja terveysministeriö on 3.5.2018 "
                 "myöntänyt Lähiverkko-hankkeelle valtionavustusta.\n",
                 [("project:lahiverkko-hanke", "2018-05-03")], id="grant-awarded-on-a-day"),
    pytest.param("Lähiverkko-hanke alkoi 2018. Sosiaali- ja terveysministeriö on 3.5.2018 "
                 "tekemällään päätöksellä myöntänyt Lähiverkko-hankkeelle valtionavustusta.\n",
                 [("project:lahiverkko-hanke", "2018-05-03")], id="grant-decision-made-on-a-day"),
    pytest.param("Lähiverkko-hanke alkoi 2018.\n\nOheismateriaali:\n- Hankesuunnitelma\n"
                 "- STM:n avustuspäätös 3.5.2018\n",
                 [("project:lahiverkko-hanke", "2018-05-03")], id="grant-decision-noun-and-day"),
    pytest.param("MUURAMEN KUNTA                    PÖYTÄKIRJA            4/2018\n"
                 "Kunnanhallitus                    12.03.2018            sivu 7\n\n§ 45\n"
                 "SOPIMUKSEN HYVÄKSYMINEN\n",
                 [("org:kunnanhallitus", "2018-03-12")], id="minutes-page-head"),
    pytest.param("Lähiverkko-hanke alkoi 3.5.2018. Sosiaali- ja terveysministeriö myönsi "
                 "Lähiverkko-hankkeelle valtionavustusta.\n", [],
                 id="a-day-away-from-the-verb-is-no-grant-decision"),
]


@pytest.mark.parametrize(("text", "wanted"), DECISIONS)
def test_decision_dates(tmp_path: Path, text: str, wanted: list) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    got = {(f.subject, f.obj.iso()) for f in result.facts if f.predicate == "decisionDate"}
    assert got == set(wanted)
