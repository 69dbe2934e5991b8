"""Network analysis: partner ranking, bridging organisations, components."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ontology.namespaces import LKG
from visualisations.analysis import analyse
from visualisations.analysis_text import to_json, to_table
from visualisations.model import build_model

FIXTURES = Path(__file__).parent / "fixtures" / "viz"
ID = "https://w3id.org/lapekg/id/"


@pytest.fixture(scope="module")
def result():
    return analyse(build_model(Graph().parse(FIXTURES / "lape_small.ttl")))


def path_graph() -> Graph:
    """Y - A - X - B: projects A and B share organisation X; Y works only in A."""
    graph = Graph()
    for name, cls in (("A", LKG.Project), ("B", LKG.Project), ("X", LKG.Organisation),
                      ("Y", LKG.Organisation)):
        graph.add((URIRef(ID + name), RDF.type, cls))
        graph.add((URIRef(ID + name), RDFS.label, Literal(name, lang="fi")))
    graph.add((URIRef(ID + "A"), LKG.coordinatedBy, URIRef(ID + "X")))
    graph.add((URIRef(ID + "B"), LKG.hasParticipant, URIRef(ID + "X")))
    graph.add((URIRef(ID + "A"), LKG.supportedBy, URIRef(ID + "Y")))
    return graph


def test_betweenness_and_degree_on_a_path():
    partners = analyse(build_model(path_graph())).partners
    assert [(p.label, p.degree, p.betweenness, p.projects) for p in partners] == [
        ("X", 2, pytest.approx(2 / 3, abs=1e-6), 2),  # on 2 of the 3 pairs' shortest paths
        ("Y", 1, 0.0, 1),
    ]


def test_partners_ranked_by_degree_then_betweenness(result):
    top = [(p.label, p.degree, p.projects) for p in result.partners[:3]]
    assert top == [("Terveyden ja hyvinvoinnin laitos", 3, 2), ("Seinäjoen kaupunki", 3, 1),
                   ("Sosiaali- ja terveysministeriö", 2, 2)]
    assert len(result.partners) == 8  # organisations only: no projects, regions, people
    assert result.partners[0].betweenness > result.partners[1].betweenness > 0
    assert result.betweenness_estimated is False


def test_bridges_are_organisations_in_several_projects_or_regions(result):
    assert [(b.label, b.projects, b.regions) for b in result.bridges] == [
        ("Sosiaali- ja terveysministeriö", ("Etelä-Pohjanmaan LAPE-hanke", "Lupa auttaa!"),
         ("Etelä-Pohjanmaa", "Varsinais-Suomi")),
        ("Terveyden ja hyvinvoinnin laitos", ("Etelä-Pohjanmaan LAPE-hanke", "Lupa auttaa!"),
         ("Etelä-Pohjanmaa", "Varsinais-Suomi")),
    ]


def test_components_largest_first_without_lone_regions(result):
    assert [c.size for c in result.components] == [16, 2]
    assert result.components[1].members == ("SONet BOTNIA", "Seinäjoen Ammattikorkeakoulu SeAMK Oy")
    assert "Uusimaa" not in result.components[0].members


def test_without_people_the_components_shrink():
    result = analyse(build_model(Graph().parse(FIXTURES / "lape_small.ttl"), personal=False))
    assert [c.size for c in result.components] == [13, 2]


def test_json_output_has_all_three_parts(result):
    data = json.loads(to_json(result))
    assert set(data) == {"partners", "bridges", "components", "betweenness_estimated"}
    assert data["partners"][0]["label"] == "Terveyden ja hyvinvoinnin laitos"
    assert data["components"][0]["size"] == 16


def test_table_output_lists_partners_bridges_and_components(result):
    text = to_table(result, limit=2)
    lines = text.splitlines()
    assert lines[0] == "Partners by degree and betweenness"
    assert "1  Terveyden ja hyvinvoinnin laitos  3       0.0662" in text
    assert not any(line.startswith("3  ") for line in lines)  # cut by the limit
    assert "Organisations in more than one project or region" in text
    assert any(line.startswith("2  2     SONet BOTNIA") for line in lines)
