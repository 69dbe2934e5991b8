"""Finnish money, shares and dates; partial dates never gain a day."""

from __future__ import annotations

from decimal import Decimal

import pytest

from visualisations import fmt

S = "\u00a0"


@pytest.mark.parametrize(
    ("value", "text"),
    [("899947", f"899{S}947{S}€"), ("1153199.00", f"1{S}153{S}199{S}€"),
     ("1200000.5", f"1{S}200{S}000,50{S}€"), ("0", f"0{S}€"), ("-1500", f"-1{S}500{S}€")],
)
def test_money(value, text):
    assert fmt.money(Decimal(value)) == text


def test_other_currencies_keep_their_code():
    assert fmt.money(Decimal("10"), "SEK") == f"10{S}SEK"


@pytest.mark.parametrize(("value", "text"), [("0.8", f"80{S}%"), ("0.125", f"12,50{S}%")])
def test_share(value, text):
    assert fmt.share(Decimal(value)) == text


@pytest.mark.parametrize(
    ("lexical", "text"),
    [("2018-12-31", "31.12.2018"), ("2017-01-01", "1.1.2017"), ("2018-12", "12/2018"),
     ("2018", "2018"), ("pian", "pian")],
)
def test_date(lexical, text):
    assert fmt.date(lexical) == text


def test_period_with_open_ends():
    assert fmt.period("2017", "2018-12-31") == "2017–31.12.2018"
    assert fmt.period("2017", None) == "2017–"
    assert fmt.period(None, "2019") == "–2019"
    assert fmt.period(None, None) == ""
    assert fmt.period("2019", "2019") == "2019"


def test_year_fraction_covers_the_whole_partial_period():
    assert fmt.year_fraction("2017") == 2017.0
    assert fmt.year_fraction("2017", at_end=True) == 2018.0
    assert fmt.year_fraction("2018-12", at_end=True) == 2019.0
    assert fmt.year_fraction("2018-07") == pytest.approx(2018.5)
    assert fmt.year_fraction("x") is None


@pytest.mark.parametrize("text", ["", "abc", "NaN", "Infinity", "12,5"])
def test_non_numbers_are_refused(text):
    assert fmt.decimal_or_none(text) is None
