"""Money, time and contact values in Finnish forms, table-driven."""

from decimal import Decimal

import pytest

from graph_builder.values import contacts, money, periods, shares

MONEY = [
    ("yhteensä 899 947 euroa (80 %)", Decimal("899947"), Decimal("0.8"), "funding"),
    ("valtionavustusta 2,4 M€", Decimal("2400000"), None, "state-grant"),
    ("kokonaiskustannukset 3 miljoonaa euroa", Decimal("3000000"), None, "total-cost"),
    ("omavastuu on noin 450 000 euroa", Decimal("450000"), None, "own-contribution"),
    ("Kustannusarvio 1 153 199 €", Decimal("1153199"), None, "total-cost"),
    # the specific cue inside a longer word wins over the general one it contains
    ("Kuntien omarahoitusosuus on 256 125 euroa (20 %)", Decimal("256125"), Decimal("0.2"),
     "own-contribution"),
    ("valtionrahoitus 90 000 euroa", Decimal("90000"), None, "state-grant"),
    # the share before the amount it comes to
    ("Valtionavustuksen osuus on 80 % eli 948 800 euroa", Decimal("948800"), Decimal("0.8"),
     "state-grant"),
    # a multiplier in another case: what something is paid with
    ("rahoittaa työtä yhteensä 3,25 miljoonalla eurolla", Decimal("3250000"), None, "funding"),
]


@pytest.mark.parametrize(("text", "amount", "share", "kind"), MONEY)
def test_money(text: str, amount: Decimal, share: Decimal | None, kind: str) -> None:
    [found] = money(text)
    assert (found.amount, found.share, found.kind) == (amount, share, kind)


PERIODS = [
    ("Hankeaika: 1.3.2017 - 31.12.2018", ("2017-03-01", "2018-12-31")),
    ("hanke (2017–2018), tuttavallisemmin", ("2017", "2018")),
    ("valmistuu lokakuun 2018 aikana", ("2018-10", "2018-10")),
    ("jatketaan vuodelle 2019", ("2019", "2019")),
    ("aloitus vuoden 2021 alussa", ("2021", "2021")),
    ("päättyi 31.12.2018.", ("2018-12-31", "2018-12-31")),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_periods(text: str, expected: tuple[str, str]) -> None:
    [found] = periods(text)
    assert (found.start.iso(), found.end.iso()) == expected


def test_invalid_date_is_not_a_date() -> None:
    assert all(p.cue != "date" for p in periods("päivämäärä 31.2.2018"))


def test_contacts() -> None:
    found = contacts("Mikko Hulkkonen, mikko.hulkkonen@raisio.fi, 044 797 1411.")
    assert [(c.kind, c.value) for c in found] == [
        ("email", "mikko.hulkkonen@raisio.fi"), ("telephone", "+358447971411")]


def test_amount_is_not_a_phone() -> None:
    assert not [c for c in contacts("yhteensä 1 153 199 euroa") if c.kind == "telephone"]


SHARES = [
    ("Valtionavustus kattaa 80 % hankkeen hyväksyttävistä kustannuksista.",
     [(Decimal("0.8"), "state-grant")]),
    ("Kuntien omarahoitusosuus on 20 % kustannuksista.", [(Decimal("0.2"), "own-contribution")]),
    ("Rahoitus kattaa 80 % kustannuksista.", []),               # no named kind
    ("valtionavustus 1 000 euroa, ja 75 % lapsista", []),        # the clause speaks of children
    ("Valtionavustus on 80 000 euroa (80 %).", []),               # the amount's own share
]


@pytest.mark.parametrize(("text", "expected"), SHARES)
def test_shares(text: str, expected: list) -> None:
    assert [(s.share, s.kind) for s in shares(text)] == expected


EMAILS = [
    ("riikka.lappalainen(at)kuopio.fi", ["riikka.lappalainen@kuopio.fi"]),
    ("aino.kallio [at] example.fi", ["aino.kallio@example.fi"]),
    ("etunimi.sukunimi@laukaa.fi", []),           # a pattern of addresses, nobody's
    ("etunimi.sukunimi(at)laukaa.fi", []),
    ("Kysy (a) tästä ja kirjoita", []),
]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_obfuscated_and_template_emails(text: str, expected: list) -> None:
    assert [c.value for c in contacts(text) if c.kind == "email"] == expected
