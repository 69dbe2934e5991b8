"""One start and one end per subject and document: which date is kept."""

from __future__ import annotations

import pytest

from graph_builder.emit import refine_dates
from graph_builder.model import Fact
from graph_builder.values import When


def fact(when: When, rule: str, sentence: int, confidence: float = 0.9) -> Fact:
    return Fact("project:x", "startDate", when, rule, sentence, confidence)


@pytest.mark.parametrize(
    ("facts", "kept"),
    [
        # a more precise date refines a year
        ([fact(When(2017), "time.project-period", 1),
          fact(When(2017, 3, 1), "time.card-period", 2)],
         ["2017-03-01"]),
        # a card's field wins over a period read from running text, at equal confidence
        ([fact(When(2018, 9, 3), "time.project-period", 1),
          fact(When(2017, 3, 1), "time.card-period", 5)], ["2017-03-01"]),
        # higher confidence wins first
        ([fact(When(2018, 9, 3), "time.project-period", 1, 0.95),
          fact(When(2017, 3, 1), "time.card-period", 5, 0.8)], ["2018-09-03"]),
        # otherwise the earlier sentence; the same date stated twice stays (two evidences)
        ([fact(When(2017, 3, 1), "time.project-period", 2),
          fact(When(2016, 1, 1), "time.project-period", 7),
          fact(When(2017, 3, 1), "time.project-period", 9)], ["2017-03-01", "2017-03-01"]),
    ],
)
def test_one_date_per_slot(facts: list[Fact], kept: list[str]) -> None:
    assert [f.obj.iso() for f in refine_dates(facts)] == kept


def test_other_facts_pass_untouched() -> None:
    other = Fact("project:x", "administeredBy", "org:y", "role.administrator", 1, 0.9)
    assert refine_dates([other]) == [other]
