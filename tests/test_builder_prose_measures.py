"""Where a measure is carried out, by whom, with whom and when, stated in prose.

Each row: an invented text, a measure's label, then (predicate, object) facts about that
measure that must be built (an organisation's facts about it are read the other way:
("trains", "org:…") is "org:… trains the measure"), then facts that must not be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

_FROM_ORG = {"trains", "evaluates", "responsibleFor"}

ROWS = [
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hanke on kehittänyt yhdessä Keski-Suomen "
        "sairaanhoitopiirin kanssa lastenpsykiatrisen konsultaatiotiimin, joka jalkautuu "
        "kuntiin. Tiimi on toiminut kokeiluna syyskuusta 2018 lähtien Jämsässä ja "
        "Äänekoskella.",
        "Lastenpsykiatrinen konsultaatiotiimi",
        [("measureOf", "project:lahiverkko-hanke"),
         ("carriedOutWith", "org:keski-suomen-sairaanhoitopiiri"),
         ("targets", "municipality:182"), ("targets", "municipality:992"),
         ("startDate", "2018-09")], [],
        id="project-developed-it-and-a-later-sentence-names-it-by-its-head"),
    pytest.param(
        "Lähiverkko-hankkeessa ovat mukana Jyväskylän kaupunki ja Kotiportti ry. "
        "Järjestöjen osuus näkyy vertaistuessa. Kotiportti ry on kouluttanut Jämsään ja "
        "Äänekoskelle perhekahviloiden vapaaehtoisia.",
        "Perhekahviloiden vapaaehtoinen",
        [("trains", "org:kotiportti-ry"), ("targets", "municipality:182"),
         ("targets", "municipality:992")], [],
        id="a-partner-has-trained-for-it-in-places"),
    pytest.param(
        "Lähiverkko-hankkeessa kehitetään perhekeskustoimintamallia, uudistetaan erityis- ja "
        "vaativan tason palveluja yhteistyössä Keski-Suomen sairaanhoitopiirin kanssa sekä "
        "vahvistetaan koulujen tukea.",
        "Erityis- ja vaativan tason palvelut",
        [("carriedOutWith", "org:keski-suomen-sairaanhoitopiiri")], [],
        id="partner-of-its-own-clause"),
    pytest.param(
        "Lähiverkko-hankkeessa kehitetään perhekeskustoimintamallia, uudistetaan erityis- ja "
        "vaativan tason palveluja yhteistyössä Keski-Suomen sairaanhoitopiirin kanssa sekä "
        "vahvistetaan koulujen tukea.",
        "Perhekeskustoimintamalli", [],
        [("carriedOutWith", "org:keski-suomen-sairaanhoitopiiri")],
        id="not-the-partner-of-another-clause"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hankkeessa kokeillaan lapsiperheiden kotipalvelua, "
        "joka käynnistyy ensimmäisenä Jämsässä. Kotipalvelun kokeilu päättyi 31.12.2018.",
        "Lapsiperheiden kotipalvelu",
        [("targets", "municipality:182")], [],
        id="relative-clause-of-the-measure"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Eron ensiapu -ryhmämallin kokeilu päättyi 31.12.2018. "
        "Perhe-chat, perheiden neuvontapalvelu, oli kokeilussa Jämsässä syksyllä 2018.",
        "Eron ensiapu -ryhmämalli", [("endDate", "2018-12-31")], [],
        id="trial-ended-on-a-day"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Eron ensiapu -ryhmämallin kokeilu päättyi 31.12.2018. "
        "Perhe-chat, perheiden neuvontapalvelu, oli kokeilussa Jämsässä syksyllä 2018.",
        "Perhe-chat",
        [("startDate", "2018"), ("endDate", "2018"), ("targets", "municipality:182")], [],
        id="on-trial-in-a-year-past-an-apposition"),
    pytest.param(
        "# Lähiverkko-hanke\n\nJatkuvat toimenpiteet:\n\n- Perhekeskusverkosto jatkuu "
        "kaupungin vastuulla. Verkoston koordinointi on vakinaistettu 1.1.2019 alkaen.\n",
        "Perhekeskusverkosto", [("startDate", "2019-01-01")], [],
        id="a-day-from-which-it-goes-on"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hankkeessa kokeiltiin perhekahviloita Isokyrössä.",
        "Perhekahvila", [("targets", "municipality:152")], [],
        id="place-the-analyser-does-not-know"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017.\n\n| Klo | Aihe |\n|---|---|\n"
        "| 10.15 | Perhekeskus arjessa: Jämsän ja Äänekosken pilottien opit |\n",
        "Perhekeskustoimintamalli",
        [("targets", "municipality:182"), ("targets", "municipality:992")], [],
        id="table-cell-titled-by-the-area"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Jämsä on lupautunut perhekeskustoimintamallin "
        "pilottikunnaksi.",
        "Perhekeskustoimintamalli", [("targets", "municipality:182")], [],
        id="pilot-town-of-the-area"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Kuntiin koulutettiin lapsivaikutusten arvioinnin "
        "osaajia, ja arviointi kokeiltiin Jämsän valtuuston talousarviovalmistelussa. "
        "Lapsivaikutusten arviointi kirjattiin Äänekosken hallintosääntöön.",
        "Lapsivaikutusten arviointi (LAVA)", [("targets", "municipality:182")], [],
        id="one-word-refers-back-to-the-area"),
    pytest.param(
        "# Lähiverkko-hanke\n\nJatkuvat toimenpiteet vuoden 2018 jälkeen:\n\n"
        "- Konsultaatiotiimi siirtyi vuoden 2019 alussa sairaanhoitopiirin toiminnaksi.\n"
        "- Kotipalvelun myöntämisperusteet valmistuivat lokakuun 2018 aikana.\n",
        "Konsultaatiotiimi",
        [("startDate", "2019")], [("startDate", "2018"), ("endDate", "2018")],
        id="a-new-start-and-no-year-it-only-follows"),
    pytest.param(
        "# Lähiverkko-hanke\n\nJatkuvat toimenpiteet vuoden 2018 jälkeen:\n\n"
        "- Konsultaatiotiimi siirtyi vuoden 2019 alussa sairaanhoitopiirin toiminnaksi.\n"
        "- Kotipalvelun myöntämisperusteet valmistuivat lokakuun 2018 aikana.\n",
        "Kotipalvelun myöntämisperusteet valmistuivat lokakuun 2018 aikana",
        [("completionDate", "2018-10")], [], id="finished-in-a-month"),
    pytest.param(
        "# Lähiverkko-hanke\n\nKehittämisen osa-alueet:\n\n"
        "1. Eroauttamisen toimintamalli, jonka toteutti Kotiportti ry.\n"
        "2. Lapsivaikutusten arvioinnin käyttöönotto; kouluttajina Jyväskylän yliopiston "
        "tutkijat.\n",
        "Eroauttamisen toimintamalli",
        [("responsibleFor", "org:kotiportti-ry")], [], id="an-item-says-who-carried-it-out"),
    pytest.param(
        "# Lähiverkko-hanke\n\nKehittämisen osa-alueet:\n\n"
        "1. Eroauttamisen toimintamalli, jonka toteutti Kotiportti ry.\n"
        "2. Lapsivaikutusten arvioinnin käyttöönotto; kouluttajina Jyväskylän yliopiston "
        "tutkijat.\n",
        "Lapsivaikutusten arviointi (LAVA)",
        [("trains", "org:jyvaskylan-yliopisto")], [], id="trainers-are-a-bodys-staff"),
    pytest.param(
        "Lähiverkko-hanke kokoaa lapsiperheiden palvelut. Hankkeessa perhekeskukset "
        "avattiin Jyväskylään, Jämsään ja Äänekoskelle syksyllä 2017.",
        "Perhekeskustoimintamalli",
        [("targets", "municipality:179"), ("targets", "municipality:182"),
         ("targets", "municipality:992"), ("startDate", "2017")], [],
        id="opened-in-places-in-a-season"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Eroperheiden vertaistukea kehitettiin Keski-Suomen "
        "sairaanhoitopiirin kanssa.",
        "Eroperheiden vertaistuki",
        [("carriedOutWith", "org:keski-suomen-sairaanhoitopiiri")], [],
        id="developed-with-a-body"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hanke kehittää yhteisöllistä oppilashuoltoa ja "
        "koulukiusaamisen ehkäisyä yhdessä Jyväskylän yliopiston kanssa.",
        "Koulukiusaamisen ehkäisy",
        [("measureOf", "project:lahiverkko-hanke"),
         ("carriedOutWith", "org:jyvaskylan-yliopisto")], [],
        id="second-of-two-coordinated-objects"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hankkeessa kokeillaan etäyhteyksin toteutettavaa "
        "puheterapia- ja psykologipalvelua, ensimmäisenä Jämsässä ja Äänekoskella.",
        "Puheterapia- ja psykologipalvelu",
        [("measureOf", "project:lahiverkko-hanke"), ("targets", "municipality:182"),
         ("targets", "municipality:992")], [],
        id="past-a-word-of-manner-and-a-participle-with-a-hyphenated-first-part"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hankkeessa kehitetään kodin ja päiväkodin yhteistyötä "
        "sekä saamenkielisiä palveluja.",
        "Kodin ja päiväkodin yhteistyö", [("measureOf", "project:lahiverkko-hanke")], [],
        id="coordinated-genitives"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Hankkeessa kehitetään kodin ja päiväkodin yhteistyötä "
        "sekä saamenkielisiä palveluja.",
        "Saamenkielinen palvelu", [("measureOf", "project:lahiverkko-hanke")], [],
        id="object-after-seka"),
    pytest.param(
        "Keski-Suomessa Lähiverkko-hanke sai 100 000 euroa. Hankkeessa kokeillaan "
        "perheohjausta Jämsässä.\n\nPohjois-Savossa Perhe ensin -hanke sai 200 000 euroa. "
        "Rahoitus kohdistuu neuvoloiden ja päiväkotien yhteiseen konsultaatiomalliin.",
        "Konsultaatiomalli", [("measureOf", "project:perhe-ensin")],
        [("measureOf", "project:lahiverkko-hanke")],
        id="what-a-projects-money-goes-to-in-its-paragraph-of-a-release"),
    pytest.param(
        "Avustus on osa Lapsi- ja perhepalveluiden muutosohjelmaa (LAPE). Muutosohjelman "
        "osakokonaisuudesta ”Perhekeskukset ja kohtaamispaikat” vastaa STM yhdessä THL:n "
        "kanssa.",
        "Perhekeskukset ja kohtaamispaikat",
        [("measureOf", "programme:lapsi-ja-perhepalveluiden-muutosohjelma"),
         ("responsibleFor", "org:stm")], [],
        id="a-programmes-part-named-by-a-quoted-title"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Keski-Suomen sairaanhoitopiiri vastaa erityis- ja "
        "vaativan tason palvelujen osakokonaisuudesta.",
        "Erityis- ja vaativan tason palvelut",
        [("measureOf", "project:lahiverkko-hanke")], [],
        id="a-content-area-named-as-a-part"),
]


def _value(obj: object) -> str:
    return obj.iso() if hasattr(obj, "iso") else str(obj)


@pytest.mark.parametrize(("text", "label", "wanted", "unwanted"), ROWS)
def test_measure_relations(tmp_path: Path, text: str, label: str, wanted: list,
                           unwanted: list) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    names = result.context.resolution.entities
    keys = [k for k, e in names.items() if e.kind.value == "Measure" and label in e.names]
    assert len(keys) == 1, {k: sorted(e.names) for k, e in names.items()
                            if e.kind.value == "Measure"}
    key = keys[0]
    facts = {(f.predicate, _value(f.obj)) for f in result.facts if f.subject == key}
    facts |= {(f.predicate, f.subject) for f in result.facts
              if f.obj == key and f.predicate in _FROM_ORG}
    for fact in wanted:
        assert fact in facts, sorted(facts)
    for fact in unwanted:
        assert fact not in facts, sorted(facts)


_CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize(("case", "absent"), [
    pytest.param("measures_going_on", "org:perhekeskusten-verkosto",
                 id="a-going-on-items-subject-is-its-measure-not-an-organisation"),
    pytest.param("partner_development_verbs", "measure:sosiaalipalvelu--pohjoisen-perheet",
                 id="everyday-services-a-partner-provides-are-no-measure"),
    pytest.param("section_measure_other_name", "measure:eroperheiden-tukimalli--perheiden-savo",
                 id="a-sections-measure-by-another-name-is-no-second-node"),
])
def test_no_second_entity(case: str, absent: str) -> None:
    source = next(p for p in sorted((_CASES / case).iterdir()) if p.stem == "input")
    result = analyse(read_document(source))
    assert absent not in result.context.resolution.entities
    assert all(absent not in (f.subject, f.obj) for f in result.facts)


def test_a_quotation_is_no_list_item() -> None:
    """"– Työ on ollut tärkeää, …, sanoo X." under a heading that says work goes on is
    what someone said, not a measure of the list the heading would head."""
    source = _CASES / "release_national_measures" / "input.txt"
    result = analyse(read_document(source))
    names = [n for e in result.context.resolution.entities.values()
             if e.kind.value == "Measure" for n in e.names]
    assert names and not any("tärkeää" in n for n in names), names
