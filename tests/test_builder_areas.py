"""LAPE's content areas named in running text: which mentions are measures, the phrase
each gives, and what comes with them. Invented sentences, one per point."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.areas import area_mentions, document_areas
from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

#: Opens every text: a project of the programme, so that an area has an owner.
LEAD = "Lähiverkko-hanke on osa lapsi- ja perhepalveluiden muutosohjelmaa (LAPE). "


def _analyse(tmp_path: Path, text: str):
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    return analyse(read_document(source))


def _areas(tmp_path: Path, text: str) -> dict[str, list[str | None]]:
    ctx = _analyse(tmp_path, text).context
    return {a.area.key: [m.phrase for m in a.mentions] for a in document_areas(ctx)}


@pytest.mark.parametrize(("text", "area", "phrase"), [
    pytest.param("Lähiverkko-hankkeessa kokeillaan perhekeskustoimintaa Kuopiossa.",
                 "perhekeskus", "Perhekeskustoiminta", id="tried"),
    pytest.param("Tampereen yliopisto arvioi perhekeskusten käyttöönottoa.",
                 "perhekeskus", "Perhekeskusten käyttöönotto", id="genitive-of-process"),
    pytest.param("Lastensuojelun systeemistä toimintamallia pilotoitiin Kuopiossa.",
                 "systeeminen-lastensuojelu", "Lastensuojelun systeeminen toimintamalli",
                 id="adjective-agrees-with-head"),
    pytest.param("Kainuussa rakennetaan kattavaa sähköistä perhekeskusta.",
                 "perhekeskus", "Kattava sähköinen perhekeskus", id="adjective-second-reading"),
    pytest.param("Osaamis- ja tukikeskusten (OT-keskusten) valmistelua jatketaan.",
                 "ot-keskus", "Osaamis- ja tukikeskusten valmistelu", id="aside-left-out"),
    pytest.param("Ero lapsiperheessä -toimintamallia kokeillaan Oulussa.",
                 "eropalvelut", "Ero lapsiperheessä -toimintamalli", id="dash-compound"),
    pytest.param("Osaamis- ja tukikeskukset", "ot-keskus", "Osaamis- ja tukikeskukset",
                 id="heading"),
    pytest.param("Maakuntien LAPE-muutosagentit jatkavat työtään.", "muutosagentit",
                 "Maakuntien LAPE-muutosagentit", id="continued"),
    pytest.param("Kunta rakentaa perhekeskuksen, joka kokoaa palvelut.", "perhekeskus",
                 "Perhekeskus", id="object-before-its-relative-clause"),
    pytest.param("Maija Virtanen esitteli perhekeskusten käyttöönottoa.", "perhekeskus",
                 "Perhekeskusten käyttöönotto", id="a-person-with-a-verb-is-no-title"),
    pytest.param("Syksyllä THL käynnistää LAPE-akatemian, joka valmentaa johtoa.",
                 "lape-akatemia", "LAPE-akatemia", id="national-measure"),
])
def test_a_mention_that_is_a_measure_and_its_phrase(tmp_path: Path, text: str, area: str,
                                                    phrase: str) -> None:
    found = _areas(tmp_path, LEAD + "\n\n" + text)
    assert phrase in found.get(area, [])


@pytest.mark.parametrize("text", [
    pytest.param("Lastensuojelun sosiaalityöntekijä Maija Virtanen kehittää työtä.",
                 id="title-of-a-person"),
    pytest.param("Varhaiskasvatuksen johtajat kehittävät työtä yhdessä.", id="title-of-people"),
    pytest.param("Perhekeskusten työntekijöille järjestetään koulutusta.",
                 id="area-as-attribute"),
    pytest.param("Neuvolan palveluja kehitetään Kuopion perhekeskuksessa.",
                 id="area-as-a-place"),
    pytest.param("Perhekeskuskoordinaattori kehittää yhteistyötä.", id="compound-title"),
    pytest.param("Mannerheimin Lastensuojeluliitto kehittää vertaistukea.",
                 id="name-of-a-body"),
    pytest.param("Järjestöjen perhekeskusosahanke kehittää vertaistukea.",
                 id="name-of-a-project"),
    pytest.param("Hankkeen muutosagenttina toimiva Liisa Korhonen kehittää työtä.",
                 id="person-as-change-agent"),
    pytest.param("Lasten asiat kuuluvat muutosagentti Liisa Korhoselle.",
                 id="title-before-a-name"),
    pytest.param("Hankkeessa kehitetään lastensuojelua.", id="everyday-word-alone"),
    pytest.param("Perhekeskus on avoinna arkisin ja palvelee kaikkia perheitä hyvin.",
                 id="no-cue"),
])
def test_a_passing_word_is_no_measure(tmp_path: Path, text: str) -> None:
    assert _areas(tmp_path, LEAD + "\n\n" + text) == {}


def test_everyday_words_count_in_an_enumeration(tmp_path: Path) -> None:
    found = _areas(tmp_path, LEAD + "\n\nHankkeen painopisteinä ovat perhekeskusten "
                   "käynnistäminen sekä koulujen oppilashuollon vahvistaminen.")
    assert found == {"perhekeskus": ["Perhekeskusten käynnistäminen"],
                     "varhaiskasvatus-koulu": ["Koulujen oppilashuollon vahvistaminen"]}


def test_coordinated_areas_each_keep_their_own_phrase(tmp_path: Path) -> None:
    result = _analyse(tmp_path, LEAD + "\n\nTHL tukee hanketta perhekeskusten ja "
                      "erityispalvelujen kehittämisessä.")
    ctx = result.context
    phrases = {m.area.key: m.phrase for s in ctx.sentences for m in area_mentions(ctx, s.index)}
    assert phrases == {"perhekeskus": "Perhekeskusten kehittäminen",
                       "erityispalvelut": "Erityispalvelujen kehittäminen"}


def _facts(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj)) for f in _analyse(tmp_path, text).facts}


KEY = "measure:perhekeskustoimintamalli--lahiverkko-hanke"
BUDGET = "measure:lapsibudjetointi--lahiverkko-hanke"


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Lapsibudjetointia on pilotoitu Iisalmen ja Varkauden kouluissa.",
                 (BUDGET, "targets", "municipality:915"), id="genitive-place-of-a-building"),
    pytest.param("Lapsibudjetointia on pilotoitu Iisalmessa.",
                 (BUDGET, "targets", "municipality:140"), id="inessive-place"),
    pytest.param("Perhekeskustoiminta laajenee Varkauteen.",
                 (KEY, "targets", "municipality:915"), id="illative-place"),
    pytest.param("Perhekeskusten käyttöönottoa arvioi Savonia-ammattikorkeakoulu.",
                 ("org:savonia-ammattikorkeakoulu", "evaluates", KEY), id="evaluates"),
    pytest.param("Perhekeskusten kehittäminen jatkuu Kuntaliiton tuella.",
                 (KEY, "carriedOutWith", "org:kuntaliitto"), id="with-support-of"),
    pytest.param("Perhekeskustoimintamalli – vastuu kunnilla: Kuopion kaupunki.",
                 ("municipality:297", "responsibleFor", KEY), id="term-and-description"),
])
def test_what_comes_with_an_area(tmp_path: Path, text: str, fact: tuple) -> None:
    assert fact in _facts(tmp_path, LEAD + "\n\n" + text)


def test_an_area_read_as_an_organisation_is_the_measure(tmp_path: Path) -> None:
    result = _analyse(tmp_path, LEAD + "\n\nOT-keskuksen valmistelua jatketaan "
                      "yhdessä yliopistosairaalan kanssa.")
    entities = result.context.resolution.entities
    assert "org:ot-keskus" not in entities
    assert "measure:osaamis-ja-tukikeskukset-ot-keskukset--lahiverkko-hanke" in entities


def test_an_area_of_no_project_or_programme_is_left_out(tmp_path: Path) -> None:
    result = _analyse(tmp_path, "Kunnassa kokeillaan perhekeskustoimintaa Iisalmessa.")
    assert not any(k.startswith("measure:") for k in result.context.resolution.entities)
