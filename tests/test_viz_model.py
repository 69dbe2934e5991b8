"""The entity graph behind the view: nodes, edges, labels, facts, sources, privacy."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from lapekg.personal import EMAIL_TOKEN, PERSON_TOKEN, PHONE_TOKEN, name_stem, redact
from visualisations.model import build_model

FIXTURES = Path(__file__).parent / "fixtures" / "viz"
ID = "https://w3id.org/lapekg/id/"
EP = ID + "project/etela-pohjanmaan-lape-hanke"
STM = ID + "organisation/sosiaali-ja-terveysministerio"
MATTI = ID + "person/matti-meikalainen"
PERSONAL_TEXT = ("Matti", "Meikäl", "Liisa", "Virta", "example.fi", "+358", "040 123")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURES / "lape_small.ttl")


@pytest.fixture(scope="module")
def model(graph):
    return build_model(graph)


def test_every_entity_is_a_node_with_its_finnish_label(model):
    labels = {d["label"] for _, d in model.nodes(data=True)}
    assert model.number_of_nodes() == 20  # 18 linked + 2 lone regions, dropped later
    assert {"Seinäjoen kaupunki", "Lupa auttaa!", "Uusimaa", "Matti Meikäläinen"} <= labels
    assert "Nyland" not in labels  # the Swedish label is not the one shown


def test_a_node_is_drawn_as_its_most_specific_class(model):
    assert model.nodes[ID + "municipality/743"]["cls"] == "Municipality"
    assert set(model.nodes[ID + "municipality/743"]["classes"]) == {
        "Municipality", "Partner", "Organisation"}
    assert model.nodes[STM]["cls"] == "Partner"
    assert model.nodes[ID + "organisation/seamk"]["cls"] == "Organisation"


def test_edges_are_direct_relations_labelled_from_the_ontology(model):
    edge = model.get_edge_data(EP, STM)
    assert list(edge) == ["https://w3id.org/lapekg/ontology#coordinatedBy"]
    assert edge["https://w3id.org/lapekg/ontology#coordinatedBy"]["label"] == "koordinoija"
    assert model.number_of_edges() == 23
    # records that are folded, not drawn
    assert not any("funding/" in n or "participation/" in n or "evidence/" in n
                   for n in model.nodes)


def test_edge_sources_are_the_sentences_that_state_it(model):
    sources = model.get_edge_data(EP, STM)["https://w3id.org/lapekg/ontology#coordinatedBy"][
        "sources"]
    assert [s.quote for s in sources] == [
        "Etelä-Pohjanmaan LAPE-hanketta koordinoi Sosiaali- ja terveysministeriö ja ohjasi "
        "Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä."]
    assert sources[0].document == "004_7cb3edaf32cd350b.txt"
    assert sources[0].line == 13


def test_funding_is_folded_into_the_project_with_its_source(model):
    facts = dict(model.nodes[EP]["facts"])
    assert facts["valtionavustus"].startswith("899\u00a0947\u00a0€ (80\u00a0%)")
    assert facts["kustannusarvio"] == "1\u00a0153\u00a0199\u00a0€"
    assert facts["alkamispäivä"] == "1.1.2017"
    quotes = {s.quote for _, s in model.nodes[EP]["sources"]}
    assert any("899 947 euroa" in q for q in quotes)
    assert model.nodes[EP]["raw"]["funding"]["state-grant"] == 899947


def test_roles_from_participations_show_on_the_agent(model):
    assert ("rooli", "koordinaattori – Etelä-Pohjanmaan LAPE-hanke") in model.nodes[STM]["facts"]


def test_partial_dates_keep_their_precision(model):
    facts = dict(model.nodes[ID + "project/lupa-auttaa"]["facts"])
    assert facts["alkamispäivä"] == "2017"
    assert facts["päättymispäivä"] == "12/2018"


def test_region_membership_follows_projects(model):
    assert model.nodes[STM]["regions"] == {ID + "region/14", ID + "region/02"}
    assert model.nodes[ID + "organisation/seamk"]["regions"] == frozenset()
    assert model.nodes[ID + "measure/perhekeskustoimintamalli"]["regions"] == {ID + "region/14"}


def test_people_and_contact_values_are_there_by_default(model):
    facts = dict(model.nodes[MATTI]["facts"])
    assert facts["sähköposti"] == "matti.meikalainen@example.fi"
    assert facts["puhelin"] == "+358401234567"


def test_no_personal_leaves_out_people_and_their_names_everywhere(graph):
    model = build_model(graph, personal=False)
    assert not any("Person" in d["classes"] for _, d in model.nodes(data=True))
    assert model.number_of_nodes() == 18
    text = repr(list(model.nodes(data=True))) + repr(list(model.edges(data=True)))
    for personal in PERSONAL_TEXT:
        assert personal not in text
    measure = model.nodes[ID + "measure/siltaustoimet-2019"]
    tokens = (PERSON_TOKEN, EMAIL_TOKEN, PHONE_TOKEN)
    assert any(t in s.quote for _, s in measure["sources"] for t in tokens)


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Virtanen", "Virta"), ("Meikäläinen", "Meikäläi"), ("Matti", "Mat"), ("Pekka", "Pek"),
     ("Liisa", "Lii"), ("Esko", "Esk"), ("Aho", "Aho")],
)
def test_name_stems_catch_inflected_forms(name, stem):
    assert name_stem(name) == stem


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Soita 040 123 4567 tai +358 40 123 4567.", "Soita [puhelin] tai [puhelin]."),
        ("Kustannukset 1 153 199 euroa vuonna 2018 (80 %).",
         "Kustannukset 1 153 199 euroa vuonna 2018 (80 %)."),
        ("Posti: etu.suku@example.fi", "Posti: [sähköposti]"),
    ],
)
def test_redact_removes_contact_data_but_not_amounts(text, kept):
    assert redact(text) == kept
