"""Reference bodies named by a brand or a short name, in any case form: each
row is a text and the names (as written, in base form) that must all be one
entity with the body's legal name as its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

ROWS = [
    pytest.param("Perhekeskuksia kehitetään Siun soten alueella. Siun sote vastaa työstä.\n",
                 "org:pohjois-karjalan-sosiaali-ja-terveyspalvelujen-kuntayhtyma",
                 {"Siun sote"}, id="two-word-brand-inflected"),
    pytest.param("Hanke toimii Kainuun sotessa.\n",
                 "org:kainuun-sosiaali-ja-terveydenhuollon-kuntayhtyma",
                 {"Kainuun sote"}, id="two-word-brand-inessive"),
    pytest.param("Työtä tehdään Eksoten ja Soiten kanssa.\n",
                 "org:etela-karjalan-sosiaali-ja-terveyspiiri", {"Eksote"},
                 id="one-word-brand-genitive"),
    pytest.param("Kuntaliiton kanssa valmistellaan uutta mallia. Suomen Kuntaliitto tukee.\n",
                 "org:kuntaliitto", {"Kuntaliitto", "Suomen Kuntaliitto"},
                 id="name-at-sentence-start-and-without-legal-form"),
    pytest.param("Hankkeen hallinnoi Pirkanmaan sairaanhoitopiiri (PSHP). PSHP:n väki.\n",
                 "org:pirkanmaan-sairaanhoitopiiri", {"Pirkanmaan sairaanhoitopiiri"},
                 id="full-name-and-abbreviation"),
    pytest.param("Koulutukset järjesti Diak. Diakin opiskelijat tekivät opinnäytetöitä.\n",
                 "org:diakonia-ammattikorkeakoulu", {"Diak"},
                 id="university-of-applied-sciences-by-brand-inflected"),
    pytest.param("Arvioinnin toteutti Lapin AMK. Lapin AMK:n raportti valmistui.\n",
                 "org:lapin-ammattikorkeakoulu", {"Lapin AMK"},
                 id="university-of-applied-sciences-short-form"),
    pytest.param("Koulutukset järjesti Novian henkilöstö ruotsiksi.\n",
                 "org:yrkeshogskolan-novia", {"Novia"}, id="swedish-language-uas-brand"),
    pytest.param("Folkhälsanin perhetyö jatkuu. Saamelaiskäräjät osallistui suunnitteluun.\n",
                 "org:folkhalsan", {"Folkhälsan"}, id="association-by-its-short-name"),
]


@pytest.mark.parametrize(("text", "key", "names"), ROWS)
def test_reference_names(tmp_path: Path, text: str, key: str, names: set[str]) -> None:
    source = tmp_path / "input.md"
    source.write_text(text, encoding="utf-8")
    entities = analyse(read_document(source)).context.resolution.entities
    assert key in entities, sorted(entities)
    assert names <= set(entities[key].names), entities[key].names


def test_a_brand_word_inside_a_name_is_not_the_brand(tmp_path: Path) -> None:
    source = tmp_path / "input.md"
    source.write_text("Sote-uudistus etenee. Soteen liittyvä työ jatkuu.\n", encoding="utf-8")
    entities = analyse(read_document(source)).context.resolution.entities
    assert not [k for k in entities if "kainuun" in k or "pohjois-karjalan" in k]


def test_a_text_that_defines_a_reference_abbreviation_for_another_body(tmp_path: Path) -> None:
    """"Lounais-Suomen aluehallintovirasto (AVI)": one agency of the text's own, not the
    agencies the reference data calls AVI; "Opetushallitus (OPH)" stays the reference's."""
    source = tmp_path / "input.md"
    source.write_text("Lounais-Suomen aluehallintovirasto (AVI) järjesti koulutuksia. "
                      "Rahoittajana toimi Opetushallitus (OPH).\n", encoding="utf-8")
    entities = analyse(read_document(source)).context.resolution.entities
    assert "org:avi" not in entities, sorted(entities)
    assert "org:oph" in entities, sorted(entities)
