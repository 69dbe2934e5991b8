"""News prose: a quote set off with a dash is no list of organisations."""

import pytest

from graph_builder.cards import is_clause
from graph_builder.model import Kind, Token
from graph_builder.pipeline import analyse
from graph_builder.readers import read_document


def _tok(text: str, pos: str = "nimisana") -> Token:
    return Token(text, 0, len(text), text, pos, "nimento", True)


@pytest.mark.parametrize(("words", "clause"), [
    ([("Kun", "sidesana"), ("lapsen", "nimisana"), ("asioita", "nimisana"),
      ("hoidetaan", "teonsana"), ("yhdessä", "seikkasana")], True),
    ([("Jos", "sidesana"), ("perhe", "nimisana")], True),
    ([("Palvelut", "nimisana"), ("tuotetaan", "teonsana")], True),
    ([("Ensi-", "nimisana"), ("ja", "sidesana"), ("turvakotien", "nimisana"),
      ("liitto", "nimisana")], False),
    ([("Pesäpuu", "nimisana"), ("ry", "lyhenne")], False),
])
def test_is_clause(words: list[tuple[str, str]], clause: bool) -> None:
    assert is_clause([_tok(w, p) for w, p in words]) is clause


def test_dash_quote_under_role_heading_is_no_organisation(tmp_path) -> None:
    src = tmp_path / "uutinen.txt"
    src.write_text("Järjestöt mukana arjessa\n\n"
                   "– Kun perheen asioita hoidetaan yhdessä, kukaan ei jää yksin.\n", "utf-8")
    result = analyse(read_document(src))
    names = [r.mention.surface for rs in result.context.by_sentence.values() for r in rs
             if r.kind is Kind.ORGANISATION]
    assert not any(n.startswith("Kun") for n in names), names


@pytest.mark.parametrize(("abbr", "words", "expected"), [
    ("MLL", ["Mannerheimin", "Lastensuojeluliiton"], True),
    ("SPR", ["Suomen", "Punaisen", "Ristin"], True),
    ("MLL", ["Suomen", "Lastensuojeluliiton"], False),
    ("SPR", ["Suomen", "Ristin"], False),
    ("ABC", ["Mannerheimin", "Lastensuojeluliiton"], False),
])
def test_abbreviates(abbr: str, words: list[str], expected: bool) -> None:
    from graph_builder.resolve import abbreviates

    assert abbreviates(abbr, words) is expected


def test_acronym_and_full_name_with_one_ending_are_one_organisation(tmp_path) -> None:
    src = tmp_path / "uutinen.txt"
    src.write_text("Perhekahvila avautuu\n\n"
                   "Suomen Punaisen Ristin Hämeen piiri on mukana hankkeessa. "
                   "Toiminnasta kertoo SPR:n Hämeen piirin suunnittelija Liisa Laine.\n", "utf-8")
    result = analyse(read_document(src))
    keys = {r.key for rs in result.context.by_sentence.values() for r in rs
            if r.kind is Kind.ORGANISATION}
    assert len(keys) == 1, keys
