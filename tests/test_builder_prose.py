"""Relations and names stated in running prose: one short invented text per rule.

Each row: a text, then facts (subject, predicate, object) that must be built from
it, then facts that must not be. Keys are the builder's entity keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

ROWS = [
    pytest.param(
        "Pesäpuu ry koordinoi Lähiverkko-hanketta.",
        [("project:lahiverkko-hanke", "coordinatedBy", "org:pesapuu-ry")], [],
        id="legal-form-name-opens-sentence"),
    pytest.param(
        "Joensuun kaupunki toteuttaa Lähiverkko-hankkeen. Hanketta toteuttavat myös "
        "Kontiolahden kunta ja Itä-Suomen yliopisto.",
        [("project:lahiverkko-hanke", "hasConsortiumMember", "municipality:167"),
         ("project:lahiverkko-hanke", "hasConsortiumMember", "municipality:276"),
         ("project:lahiverkko-hanke", "hasConsortiumMember", "org:ita-suomen-yliopisto")], [],
        id="toteuttaa"),
    pytest.param(
        "Lähiverkko-hanke alkoi 2017. Savonia-ammattikorkeakoulu (Savonia) vastaa hankkeen "
        "arvioinnista. Kela vastaa etuuksista.",
        [("project:lahiverkko-hanke", "hasParticipant", "org:savonia-ammattikorkeakoulu")],
        [("project:lahiverkko-hanke", "hasParticipant", "org:kela")],
        id="vastaa-hankkeen"),
    pytest.param(
        "Lähiverkko-hanke on Kuopion kaupungin ja Itä-Suomen yliopiston yhteinen.",
        [("project:lahiverkko-hanke", "hasConsortiumMember", "municipality:297"),
         ("project:lahiverkko-hanke", "hasConsortiumMember", "org:ita-suomen-yliopisto")], [],
        id="yhteinen"),
    pytest.param(
        "Lähiverkko-hanke tekee yhteistyötä Pelastakaa Lapset ry:n kanssa.",
        [("project:lahiverkko-hanke", "cooperatesWith", "org:pelastakaa-lapset-ry")], [],
        id="tekee-yhteistyota"),
    pytest.param(
        "Kumppanuushanke alkoi 2017. Pesäpuu ry vastaa Kumppanuushankkeen koulutuksista.",
        [("project:kumppanuushanke", "hasParticipant", "org:pesapuu-ry")],
        [("project:kumppanuushanke", "hasDevelopmentPartner", "org:pesapuu-ry")],
        id="cue-word-inside-a-name-is-no-cue"),
]


def _facts(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    return {(f.subject, f.predicate, str(f.obj)) for f in result.facts}


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_prose_relations(tmp_path: Path, text: str, wanted: list, unwanted: list) -> None:
    facts = _facts(tmp_path, text)
    for fact in wanted:
        assert fact in facts, f"missing {fact}; got {sorted(facts)}"
    for fact in unwanted:
        assert fact not in facts, f"unwanted {fact}"


NAMES = [
    pytest.param("Lapin Vahvat juuret -hanke alkoi 2017.", "Vahvat juuret", "region:19",
                 id="region-genitive-before-dash-name"),
    pytest.param("Pohjois-Savon LAPE -hanke alkoi 2017.", "Pohjois-Savon LAPE", "region:11",
                 id="region-genitive-kept-before-abbreviation"),
    pytest.param("Perhe edellä Kemissä -hanke jatkuu.", "Perhe edellä Kemissä", None,
                 id="locative-inside-dash-name"),
    pytest.param("Kaupunki toteuttaa I&O-hanketta vuonna 2018.", "I&O-hanke", None,
                 id="ampersand-glued-name"),
    pytest.param("Kaupunki toteuttaa I&O -hanketta vuonna 2018.", "I&O", None,
                 id="ampersand-glued-dash-name"),
    pytest.param("§ 12\nLiittyminen Etelä-Savon maakunnalliseen LAPE-hankkeeseen\n",
                 "Etelä-Savon maakunnallinen LAPE-hanke", "region:10",
                 id="heading-verb-noun-is-no-part-of-the-name"),
    pytest.param("§ 12\nOsallistuminen Perhe edellä -hankkeeseen ja omarahoituksen "
                 "hyväksyminen\n", "Perhe edellä", None,
                 id="heading-verb-noun-before-dash-name"),
]


@pytest.mark.parametrize(("text", "name", "region"), NAMES)
def test_project_names(tmp_path: Path, text: str, name: str, region: str | None) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    entities = result.context.resolution.entities
    projects = {k: e for k, e in entities.items() if e.kind.value == "Project"}
    assert len(projects) == 1, projects
    (key, entity), = projects.items()
    assert name in entity.names, entity.names
    if region:
        assert (key, "inRegion", region) in {(f.subject, f.predicate, str(f.obj))
                                             for f in result.facts}


def test_copula_joins_two_names_of_one_project(tmp_path: Path) -> None:
    text = "Lähiverkko-hanke on Keski-Suomen LAPE-hanke. Lähiverkko-hanke on osa Kasvun hanketta."
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    entities = analyse(read_document(source)).context.resolution.entities
    projects = [e for e in entities.values() if e.kind.value == "Project"]
    joined = [e for e in projects if "Keski-Suomen LAPE-hanke" in e.names]
    assert joined and "Lähiverkko-hanke" in joined[0].names
    assert not any("Kasvun hanke" in e.names for e in joined)  # "on osa X:ää": not the same


MEASURES = [
    pytest.param("Lähiverkko-hanke alkoi 2017. Eroauttamista kehitetään yhteistyössä "
                 "seurakunnan kanssa.", ["Eroauttaminen"], id="verbal-noun-opens-sentence"),
    pytest.param("Lähiverkko-hanke alkoi 2017. Kotiportti ry järjestää hankkeessa "
                 "vauvaperheiden vertaisryhmiä.", ["Vauvaperheiden vertaisryhmä"],
                 id="provider-verb"),
    pytest.param("Lähiverkko-hanke alkoi 2017. Kotiportti ry kouluttaa työntekijöitä.", [],
                 id="no-provider-verb"),
    pytest.param("Lähiverkko-hanke alkoi 2017. Perheneuvolan konsultaatiomalli vakiintui.",
                 ["Perheneuvolan konsultaatiomalli"], id="model-noun"),
    pytest.param("Lähiverkko-hanke alkoi 2017. Kehitimme kolme toimintamallia.", [],
                 id="generic-model-is-no-measure"),
    pytest.param("Lähiverkko-hanke alkoi 2017. Hankkeessa rakennettiin perhekeskusverkosto.\n\n"
                 "Jatkuvat toimenpiteet:\n\n- Perhekeskusverkosto jatkuu kunnan vastuulla.",
                 ["Perhekeskusverkosto"], id="prose-joins-list-item"),
]


@pytest.mark.parametrize(("text", "labels"), MEASURES)
def test_prose_measures(tmp_path: Path, text: str, labels: list[str]) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    result = analyse(read_document(source))
    assert sorted(result.measure_labels.values()) == sorted(labels)
    for key in result.measure_labels:
        assert ("measureOf", "project:lahiverkko-hanke") in {
            (f.predicate, f.obj) for f in result.facts if f.subject == key}


def test_provider_answers_for_its_measure(tmp_path: Path) -> None:
    source = tmp_path / "input.txt"
    source.write_text("Lähiverkko-hanke alkoi 2017. Puistolinna Oy tuottaa hankkeessa "
                      "kokeiltavaa nuorten lyhytterapiaa.", encoding="utf-8")
    result = analyse(read_document(source))
    assert ("org:puistolinna-oy", "responsibleFor",
            "measure:nuorten-lyhytterapia--lahiverkko-hanke") in {
        (f.subject, f.predicate, f.obj) for f in result.facts}


@pytest.mark.parametrize("text, names", [
    ("Satakunnan ja Vaasan sairaanhoitopiirit osallistuvat.",
     ["Satakunnan sairaanhoitopiiri", "Vaasan sairaanhoitopiiri"]),
    ("Kuopion, Joensuun ja Oulun yliopistot tekevät tutkimusta.",
     ["Kuopion yliopisto", "Joensuun yliopisto", "Oulun yliopisto"]),
    ("Helsingin ja Uudenmaan sairaanhoitopiiri järjestää.",
     ["Helsingin ja Uudenmaan sairaanhoitopiiri"]),   # one body, singular head
    ("Lapin ja Kainuun kunnat osallistuvat.", []),   # weak head: no bodies
])
def test_coordinated_genitives_before_a_plural_head(text, names):
    from graph_builder.gazetteer import gazetteer
    from graph_builder.mentions import sentence_mentions
    from graph_builder.model import Kind, Sentence
    from graph_builder.morphology import tokenize
    found = sentence_mentions(Sentence(0, 0, 0, len(text), text, 1), tokenize(text, 0),
                              gazetteer())
    assert [m.name for m in found if m.kind is Kind.ORGANISATION] == names
