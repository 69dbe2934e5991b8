"""graph -> pyvis Network: counts, labels, selection, privacy, scale."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyvis.network import Network
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ontology.namespaces import LKG
from visualisations import network
from visualisations.network import LARGE
from visualisations.select import SelectionError

FIXTURES = Path(__file__).parent / "fixtures" / "viz"
ID = "https://w3id.org/lapekg/id/"
EP = ID + "project/etela-pohjanmaan-lape-hanke"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURES / "lape_small.ttl")


def labels(net: Network) -> set[str]:
    return {node["label"] for node in net.nodes}


def test_returns_a_pyvis_network_of_every_linked_entity(graph):
    net = network(graph)
    assert isinstance(net, Network)
    assert net.num_nodes() == 18 and len(net.nodes) == 18
    assert len(net.edges) == 23
    assert "Uusimaa" not in labels(net) and "Ahvenanmaa" not in labels(net)  # lone regions
    assert {"Etelä-Pohjanmaa", "Varsinais-Suomi", "Lappi"} <= labels(net)


def test_edges_carry_the_finnish_property_label_and_sources(graph):
    net = network(graph)
    by_ends = {(e["from"], e["to"]): e for e in net.edges}
    edge = by_ends[(EP, ID + "municipality/743")]
    assert edge["label"] == "hallinnoija"
    assert edge["tip"]["type"] == "hallinnoija"
    assert edge["tip"]["sources"][0]["quote"] == "Hankkeen hallinnoija on Seinäjoen kaupunki."


def test_nodes_have_style_tooltip_data_and_regions(graph):
    node = network(graph).get_node(EP)
    assert node["shape"] == "square" and node["color"] == "#0072B2"
    assert node["tip"]["type"] == "Hanke"
    assert ["valtionavustus", "899\u00a0947\u00a0€ (80\u00a0%), rahoittaja: "
            "Sosiaali- ja terveysministeriö"] in node["tip"]["facts"]
    assert node["regions"] == [ID + "region/14"]
    assert "title" not in node  # tooltips are built as DOM in the page, never HTML strings


def test_legend_counts_the_classes_shown(graph):
    legend = {entry["cls"]: entry["count"] for entry in network(graph).legend}
    assert legend == {"Programme": 1, "Project": 2, "Measure": 2, "Person": 2, "Region": 3,
                      "Municipality": 1, "Partner": 5, "Organisation": 2}


def test_region_filter_lists_the_regions_in_use_by_name(graph):
    assert [r["label"] for r in network(graph).regions] == [
        "Etelä-Pohjanmaa", "Lappi", "Varsinais-Suomi"]


def test_focus_and_depth(graph):
    one = network(graph, focus="Lupa auttaa!", depth=1)
    assert labels(one) == {"Lupa auttaa!", "LAPE-muutosohjelma", "Varsinais-Suomi",
                           "Sosiaali- ja terveysministeriö", "Terveyden ja hyvinvoinnin laitos",
                           "Varsinais-Suomen sairaanhoitopiiri"}
    zero = network(graph, focus="lupa auttaa", depth=0)
    assert labels(zero) == {"Lupa auttaa!"}
    two = network(graph, focus=ID + "project/lupa-auttaa")  # default depth 2
    assert "Etelä-Pohjanmaan LAPE-hanke" in labels(two)
    assert "Matti Meikäläinen" not in labels(two)


def test_focus_that_is_ambiguous_or_unknown_is_an_error_naming_candidates(graph):
    with pytest.raises(SelectionError, match="matches 2 entities"):
        network(graph, focus="LAPE-muutosohjelm")
    with pytest.raises(SelectionError, match="did you mean: Lupa auttaa!"):
        network(graph, focus="Lupa autaa")
    with pytest.raises(SelectionError, match="--depth needs --focus"):
        network(graph, depth=1)


def test_focus_prefers_an_exact_label_over_partial_ones(graph):
    assert labels(network(graph, focus="lape-muutosohjelma", depth=0)) == {"LAPE-muutosohjelma"}


def test_classes_filter_keeps_nodes_having_any_of_them(graph):
    net = network(graph, classes=["Project", "partner"])
    assert {n["cls"] for n in net.nodes} == {"Project", "Partner", "Municipality"}
    assert len(net.nodes) == 8
    only_regions = network(graph, classes=["Region"])
    assert only_regions.nodes == []  # regions linked to nothing shown are left out
    with pytest.raises(SelectionError, match="unknown class 'Hanke'"):
        network(graph, classes=["Hanke"])


def test_no_personal_leaves_out_people_and_contact_values(graph):
    net = network(graph, personal=False)
    assert len(net.nodes) == 15  # Lappi was linked only through a person
    assert "Lappi" not in labels(net)
    assert not any(n["cls"] == "Person" for n in net.nodes)
    text = repr(net.nodes) + repr(net.edges)
    for personal in ("Matti", "Meikäl", "Liisa", "Virta", "example.fi", "+358", "040 123",
                     "hankepäällikkö"):
        assert personal not in text


def test_small_graphs_settle_with_physics(graph):
    net = network(graph)
    assert net.options["physics"]["enabled"] is True
    assert net.options["physics"]["stabilization"]["enabled"] is True
    assert net.large is False


def synthetic(projects: int, partners_each: int) -> Graph:
    """Projects in a chain of shared partners: one component, many nodes."""
    graph = Graph()
    for p in range(projects):
        project = URIRef(f"{ID}project/p{p}")
        graph.add((project, RDF.type, LKG.Project))
        graph.add((project, RDFS.label, Literal(f"Hanke {p}", lang="fi")))
        for k in range(partners_each):
            org = URIRef(f"{ID}organisation/o{p * partners_each + k}")
            graph.add((org, RDF.type, LKG.Organisation))
            graph.add((org, RDFS.label, Literal(f"Organisaatio {p}-{k}", lang="fi")))
            graph.add((project, LKG.hasParticipant, org))
        if p:
            graph.add((project, LKG.hasParticipant, URIRef(f"{ID}organisation/o{p - 1}")))
    return graph


def test_large_graphs_get_positions_from_python_and_no_physics():
    net = network(synthetic(projects=50, partners_each=9))
    assert len(net.nodes) == 500 > LARGE
    assert net.options["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in net.nodes}
    assert len(positions) == len(net.nodes)  # every node placed, none on top of another
    assert all("label" not in e for e in net.edges)  # edge names only in tooltips


def test_the_network_writes_lapekgs_page_not_pyviss(graph, tmp_path):
    net = network(graph)
    out = tmp_path / "net.html"
    net.write_html(str(out))  # pyvis's method name, lapekg's offline page
    text = out.read_text(encoding="utf-8")
    assert 'id="lkg-data"' in text and "cdn.jsdelivr" not in text and "<link" not in text
    assert not (tmp_path / "lib").exists()


def test_a_notebook_shows_the_offline_page_inline(graph):
    shown = network(graph, focus="Lupa auttaa!", depth=0)._repr_html_()
    assert shown.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert "&lt;script&gt;" in shown and "<script" not in shown
