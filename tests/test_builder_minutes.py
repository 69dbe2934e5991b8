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
