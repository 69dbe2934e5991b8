"""Finnish inflection cases, table-driven: the base form of a name."""

import pytest

from graph_builder.morphology import name_base_form, tokenize

NAMES = [
    ("Eskoon sosiaalipalvelujen kuntayhtymän", "Eskoon sosiaalipalvelujen kuntayhtymä"),
    ("MLL Pohjanmaan piirin", "MLL Pohjanmaan piiri"),
    ("Verso Kuntoutus Oy:n", "Verso Kuntoutus Oy"),
    ("SONet BOTNIAn", "SONet BOTNIA"),
    ("LAPE:n", "LAPE"),
    ("LAPEen", "LAPE"),
    ("LAPEssa", "LAPE"),
    ("LAPElta", "LAPE"),
    ("EUhun", "EU"),
    ("THLn", "THL"),
    ("Turkuun", "Turku"),
    ("Varsinais-Suomessa", "Varsinais-Suomi"),
    ("Etelä-Pohjanmaan LAPE-hanketta", "Etelä-Pohjanmaan LAPE-hanke"),
    ("Sosiaali- ja terveysministeriö", "Sosiaali- ja terveysministeriö"),
    ("sote- ja maakuntauudistukseen", "sote- ja maakuntauudistus"),
    ("Seinäjoen kaupungin", "Seinäjoen kaupunki"),
    ("Kuopion yliopistollisen sairaalan", "Kuopion yliopistollinen sairaala"),
    ("Etelä-Pohjanmaan maakunnallisen LAPE-ryhmän", "Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä"),
    ("Lapin ammattikorkeakoulussa", "Lapin ammattikorkeakoulu"),
    ("Verso", "Verso"),
]


@pytest.mark.parametrize(("written", "base"), NAMES)
def test_name_base_form(written: str, base: str) -> None:
    assert name_base_form(tokenize(written)) == base


def test_hyphen_word_is_never_lemmatised() -> None:
    tokens = tokenize("Sosiaali- ja terveysministeriö")
    assert tokens[0].lemma == "Sosiaali-"


def test_capitalised_word_prefers_proper_noun() -> None:
    assert tokenize("Turkuun")[0].pos == "paikannimi"
