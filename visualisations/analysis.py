"""Who connects whom: partner centrality, bridging organisations, components.

Computed with networkx on the same entity graph the view draws (see
:mod:`visualisations.model`), with directions and parallel relations
dropped: "connected" means linked by any relation. Regions that nothing
links to are left out, as in the view, or every one of them would be a
component of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from visualisations.select import without_lone_regions

#: Above this many nodes betweenness is estimated from a fixed sample of
#: sources (exact betweenness is O(nodes x edges)).
EXACT_BETWEENNESS_LIMIT = 2000
SAMPLE = 500
ORGANISATION_CLASSES = frozenset({"Organisation", "Partner", "Municipality"})


@dataclass(frozen=True)
class PartnerScore:
    """An organisation's place in the network."""

    iri: str
    label: str
    degree: int             # distinct entities linked to it
    betweenness: float      # normalised, 0..1
    projects: int           # projects it is linked to


@dataclass(frozen=True)
class Bridge:
    """An organisation present in more than one project or region."""

    iri: str
    label: str
    projects: tuple[str, ...]
    regions: tuple[str, ...]


@dataclass(frozen=True)
class Component:
    """A connected part of the network."""

    size: int
    members: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """All results, as the command prints them."""

    partners: list[PartnerScore] = field(default_factory=list)
    bridges: list[Bridge] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)
    betweenness_estimated: bool = False


def simple_graph(model: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per linked pair, no self-loops, lone regions left out."""
    simple = nx.Graph()
    trimmed = without_lone_regions(model)
    simple.add_nodes_from(trimmed.nodes(data=True))
    simple.add_edges_from((u, v) for u, v in trimmed.edges() if u != v)
    return simple


def is_organisation(data: dict) -> bool:
    return bool(ORGANISATION_CLASSES.intersection(data["classes"]))


def linked_projects(graph: nx.Graph, node: str) -> list[str]:
    """Projects linked to ``node`` by any relation."""
    return [n for n in graph.neighbors(node) if "Project" in graph.nodes[n]["classes"]]


def betweenness(graph: nx.Graph) -> tuple[dict[str, float], bool]:
    """Normalised betweenness, exact up to a size, then estimated with a fixed seed."""
    if graph.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(graph, normalized=True), False
    return nx.betweenness_centrality(graph, k=SAMPLE, normalized=True, seed=0), True


def partner_ranking(graph: nx.Graph, scores: dict[str, float]) -> list[PartnerScore]:
    """Organisations by degree, then betweenness, then name."""
    ranked = [
        PartnerScore(iri=n, label=data["label"], degree=graph.degree(n),
                     betweenness=round(scores.get(n, 0.0), 6),
                     projects=len(linked_projects(graph, n)))
        for n, data in graph.nodes(data=True) if is_organisation(data)
    ]
    return sorted(ranked, key=lambda p: (-p.degree, -p.betweenness, p.label, p.iri))


def bridges(graph: nx.Graph, region_labels: dict[str, str]) -> list[Bridge]:
    """Organisations in more than one project or more than one region."""
    found = []
    for node, data in graph.nodes(data=True):
        if not is_organisation(data) or "Region" in data["classes"]:
            continue
        projects = sorted(graph.nodes[p]["label"] for p in linked_projects(graph, node))
        regions = sorted(region_labels.get(r, r) for r in data.get("regions", ()))
        if len(projects) > 1 or len(regions) > 1:
            found.append(Bridge(node, data["label"], tuple(projects), tuple(regions)))
    return sorted(found, key=lambda b: (-len(b.projects), -len(b.regions), b.label, b.iri))


def components(graph: nx.Graph) -> list[Component]:
    """Connected components, largest first, members by name."""
    parts = [
        Component(len(part), tuple(sorted(graph.nodes[n]["label"] for n in part)))
        for part in nx.connected_components(graph)
    ]
    return sorted(parts, key=lambda c: (-c.size, c.members))


def analyse(model: nx.MultiDiGraph) -> Analysis:
    """Partners ranked, bridges and components of the entity graph."""
    graph = simple_graph(model)
    region_labels = {n: d["label"] for n, d in model.nodes(data=True) if d["cls"] == "Region"}
    scores, estimated = betweenness(graph)
    return Analysis(
        partners=partner_ranking(graph, scores),
        bridges=bridges(graph, region_labels),
        components=components(graph),
        betweenness_estimated=estimated,
    )
