"""The money and dates texts give for measures, national measures of a programme, and
measures written as run-in paragraphs. Invented texts, one point each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph_builder.model import Document, Kind
from graph_builder.pipeline import analyse

#: A project page whose list of measures each test fills with one item.
PAGE = ("# Perhetalo-hanke\n\nPerhetalo-hanke (2017–2018) kehitti Keuruun perhepalveluja.\n\n"
        "## Toimenpiteet\n\n- {item}\n")


def _result(text: str):
    return analyse(Document("t.txt", "t.txt", text, "0" * 64, "text/plain"))


def _measures(result) -> dict[str, set[str]]:
    return {k: e.names for k, e in result.context.resolution.entities.items()
            if e.kind is Kind.MEASURE}


def _values(result, key: str) -> set[tuple[str, str]]:
    return {(f.predicate, f.obj.iso() if hasattr(f.obj, "iso") else str(f.obj))
            for f in result.facts if f.subject == key and
            f.predicate in ("startDate", "endDate", "decisionDate", "completionDate",
                            "hasFunding")}


def _item_values(item: str) -> set[tuple[str, str]]:
    result = _result(PAGE.format(item=item))
    keys = [k for k, names in _measures(result).items()
            if any(n.startswith(item.split()[0]) for n in names)]
    assert len(keys) == 1, _measures(result)
    return _values(result, keys[0])


@pytest.mark.parametrize(("item", "expected"), [
    pytest.param("Perhekahvilat avattiin keväällä 2018.", {("startDate", "2018")},
                 id="start-verb"),
    pytest.param("Nuorten chat-kokeilu päättyi 31.10.2018.", {("endDate", "2018-10-31")},
                 id="end-verb-day"),
    pytest.param("Etävastaanottoa kokeiltiin lukuvuonna 2017–2018.",
                 {("startDate", "2017"), ("endDate", "2018")}, id="tried-range"),
    pytest.param("Vertaisryhmät olivat kokeilussa syksyllä 2018.",
                 {("startDate", "2018"), ("endDate", "2018")}, id="tried-point"),
    pytest.param("Vanhempainryhmien toimintaa jatketaan joulukuun 2019 loppuun.",
                 {("endDate", "2019-12")}, id="goes-on-until"),
    pytest.param("Vanhempainryhmien toiminta jatkuu vuonna 2019.", {("endDate", "2019")},
                 id="goes-on-in-a-year"),
    pytest.param("Perhevalmennukseen varataan 40 000 euroa.", {("hasFunding", "40000")},
                 id="money-set-aside"),
    pytest.param("Isäryhmiä tuetaan 12 000 eurolla.", {("hasFunding", "12000")},
                 id="money-paid-with"),
    pytest.param("Kotipalvelun kokeilu alkaa vuoden 2019 alussa (0,12 milj. €).",
                 {("startDate", "2019"), ("hasFunding", "120000")}, id="money-in-brackets"),
    pytest.param("Perheohjauksesta päätettiin kunnanhallituksessa 6.11.2018.",
                 {("decisionDate", "2018-11-06")}, id="decided"),
    pytest.param("Verkoston koordinointi vakinaistettiin 1.1.2019 alkaen.",
                 {("startDate", "2019-01-01")}, id="made-permanent-from"),
    pytest.param("Konsultaatiotiimi siirtyi vuoden 2019 alussa sairaalan toiminnaksi.",
                 {("startDate", "2019")}, id="taken-over"),
    pytest.param("Myöntämisperusteet valmistuivat lokakuun 2018 aikana.",
                 {("completionDate", "2018-10")}, id="completed"),
    pytest.param("Hyvinvointimalli otetaan käyttöön kouluissa lukuvuoden 2019–2020 alusta.",
                 {("startDate", "2019")}, id="taken-into-use-from-a-school-year"),
])
def test_the_words_of_a_measure_give_its_money_and_dates(item: str,
                                                         expected: set) -> None:
    assert _item_values(item) == expected


@pytest.mark.parametrize("item", [
    pytest.param("Ryhmien haku on auki 30.11.2018 asti.", id="a-deadline-is-no-end"),
    pytest.param("Perheohjaus jatkuu vuodesta 2019 kunnan omana toimintana.",
                 id="going-on-from-is-no-start"),
    pytest.param("Jotta työ ei valu hukkaan ennen maakuntien aloittamista, kunta kertoi "
                 "syyskuussa 2018 perheohjauksesta.", id="verbal-noun-is-no-start"),
    pytest.param("Perheohjauksessa on mukana 40 perhettä.", id="a-count-is-no-money"),
    pytest.param("Perhevalmennus jatkuu. Sen pohjaksi tehtävä selvitys valmistuu lokakuun "
                 "2019 aikana.", id="a-part-completed-is-not-the-measure"),
    pytest.param("Isäryhmät jatkuvat. Kokeilun tuloksia esiteltiin syksyllä 2018.",
                 id="a-trial-spoken-of-is-no-trial-period"),
    pytest.param("Perheohjauksen hanke sai valtionavustusta 90 000 euroa.",
                 id="a-project-s-money-is-not-its-measure-s"),
    pytest.param("Perhekeskusverkosto: hankkeen rahoitus päättyi 2018, toiminta jatkuu.",
                 id="the-project-s-funding-ended-not-the-measure"),
])
def test_words_that_give_no_date_or_money(item: str) -> None:
    assert _item_values(item) == set()


def test_a_heading_year_that_the_list_comes_after_is_not_the_list_s_year() -> None:
    """"Jatkuvat toimenpiteet vuoden 2018 jälkeen": the items go on after 2018; the
    item's own "1.1.2019 alkaen" is its start."""
    text = PAGE.replace("## Toimenpiteet", "## Jatkuvat toimenpiteet vuoden 2018 jälkeen")
    result = _result(text.format(item="Kotipalvelu vakinaistettiin 1.1.2019 alkaen."))
    key = next(k for k, names in _measures(result).items()
               if any(n.startswith("Kotipalvelu") for n in names))
    assert _values(result, key) == {("startDate", "2019-01-01")}


def test_the_clause_that_points_back_and_the_one_that_names_another_measure() -> None:
    """"…, ja niihin käytetään …" is about the measure before it; a clause that names
    another measure is about that one."""
    text = ("# Lapsi- ja perhepalveluiden muutosohjelma\n\n"
            "Lapsi- ja perhepalveluiden muutosohjelman (LAPE) työ jatkuu.\n\n"
            "LAPE:n muutosagenttien työtä jatketaan vuoden 2020 loppuun; siihen varataan "
            "1,5 miljoonaa euroa.\n")
    result = _result(text)
    agents = next(k for k, names in _measures(result).items() if "Muutosagentit" in names)
    assert _values(result, agents) == {("endDate", "2020"), ("hasFunding", "1500000")}


RELEASE = """Sosiaali- ja terveysministeriö

Tiedote 3.2.2020

Lapsi- ja perhepalveluiden muutosohjelman (LAPE) työ jatkuu. Lapsi- ja perhepalveluiden \
muutosohjelma on hallituksen kärkihanke.

Vuodelle 2020 rahoitetaan seuraavat toimet:

Perheneuvonnan verkosto. Verkoston työtä jatketaan 30.6.2020 saakka, ja siihen varataan \
300 000 euroa.

Isyysvalmennus. Valmennus alkaa maaliskuussa 2020 Oulussa ja Kemissä. Sen kehittämistä \
tuetaan 150 000 eurolla.

Perhetyön kehittämisohjelma. Ohjelmaan käytetään 200 000 euroa.

Verkosto ja valmennus raportoivat ministeriölle.
"""


def test_run_in_paragraphs_under_a_lead_in_of_measures() -> None:
    """Each paragraph with a run-in title under "seuraavat toimet" is a measure of the
    page's programme, with its money, dates and places; a title read as a programme's
    name is the measure's, and no programme of its own."""
    result = _result(RELEASE)
    measures = _measures(result)
    by_name = {n: k for k, names in measures.items() for n in names}
    assert {"Perheneuvonnan verkosto", "Isyysvalmennus",
            "Perhetyön kehittämisohjelma"} <= set(by_name), measures
    assert not any("raportoivat" in n for n in by_name)   # no title: no measure
    programme = "programme:lapsi-ja-perhepalveluiden-muutosohjelma"
    facts = {(f.subject, f.predicate, f.obj) for f in result.facts}
    for name in ("Perheneuvonnan verkosto", "Isyysvalmennus", "Perhetyön kehittämisohjelma"):
        assert (by_name[name], "measureOf", programme) in facts
    assert ("hasFunding", "300000") in _values(result, by_name["Perheneuvonnan verkosto"])
    assert ("endDate", "2020-06-30") in _values(result, by_name["Perheneuvonnan verkosto"])
    assert {("startDate", "2020-03"), ("hasFunding", "150000")} <= \
        _values(result, by_name["Isyysvalmennus"])
    assert (by_name["Isyysvalmennus"], "targets", "municipality:564") in facts   # Oulu
    assert ("hasFunding", "200000") in _values(result, by_name["Perhetyön kehittämisohjelma"])
    programmes = [k for k, e in result.context.resolution.entities.items()
                  if e.kind is Kind.PROGRAMME]
    assert programmes == [programme]


NATIONAL = """LAPE-akatemia kokoaa johdon

Lapsi- ja perhepalveluiden muutosohjelman (LAPE) LAPE-akatemia käynnistyy syyskuussa 2020.
Akatemiaa järjestää Terveyden ja hyvinvoinnin laitos. Akatemian budjetti on 300 000 euroa, \
ja akatemia päättyy joulukuussa 2020.

Pohjois-Savon Lapsen hyvä arki -hankkeen väki osallistui LAPE-akatemiaan.

Terveyden ja hyvinvoinnin laitos toteuttaa LAPE-akatemian yhdessä Suomen Kuntaliiton kanssa.
"""


def test_a_national_measure_and_its_head_word() -> None:
    """"LAPE-akatemia" is the programme's own measure, even in a sentence that names a
    project; named once, "akatemia" alone is it too: who organises it, its budget, its
    end. It is no organisation."""
    result = _result(NATIONAL)
    measures = _measures(result)
    key = next(k for k, names in measures.items() if "LAPE-akatemia" in names)
    facts = {(f.subject, f.predicate, f.obj) for f in result.facts}
    assert {o for s, p, o in facts if s == key and p == "measureOf"} == \
        {"programme:lapsi-ja-perhepalveluiden-muutosohjelma"}
    assert ("org:thl", "responsibleFor", key) in facts
    values = _values(result, key)
    assert {("startDate", "2020-09"), ("endDate", "2020-12"), ("hasFunding", "300000")} \
        <= values
    funding = next(f for f in result.facts if f.subject == key and f.predicate == "hasFunding")
    assert dict(funding.extra)["kind"] == "total-cost" and funding.obj == Decimal(300000)
    assert not [k for k, e in result.context.resolution.entities.items()
                if e.kind is Kind.ORGANISATION and "akatemia" in k]
    # "X toteuttaa LAPE-akatemian": the rule of roles read a consortium member; a measure
    # is none
    assert not [f for f in result.facts if key in (f.subject, f.obj) and
                (dict(f.extra).get("role") or f.predicate.startswith("has"))
                and f.predicate != "hasFunding"]


def test_words_of_a_project_and_of_something_else_are_not_the_measure_s() -> None:
    """A content area in a clause about a project's grant, or as an attribute of another
    thing ("sähköisen perhekeskuksen versio"), gives the area's measure nothing."""
    text = ("# Perhetalo-hanke\n\nPerhetalo-hankkeessa kehitetään perhekeskustoimintaa "
            "Keuruulla. Perhekeskuksia kehittävä hanke sai valtionavustusta 900 000 euroa. "
            "Sähköisen perhekeskuksen ensimmäinen versio avattiin syksyllä 2018.\n")
    result = _result(text)
    key = next(k for k, names in _measures(result).items() if "Perhekeskustoimintamalli" in names)
    assert _values(result, key) == set()


def test_a_project_that_is_the_verb_s_subject_takes_its_date() -> None:
    """"Hanke alkoi 1.3.2017 ja perhekeskukset avattiin vuoden 2018 alussa": the
    project started on 1.3.2017, the family centres in 2018."""
    text = ("# Perhetalo-hanke\n\nPerhetalo-hankkeessa kehitetään perhekeskustoimintaa "
            "Keuruulla. Hanke alkoi 1.3.2017 ja perhekeskukset avattiin vuoden 2018 alussa.\n")
    result = _result(text)
    key = next(k for k, names in _measures(result).items() if "Perhekeskustoimintamalli" in names)
    assert _values(result, key) == {("startDate", "2018")}
