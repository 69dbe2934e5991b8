"""Positions computed in Python: every node placed, none on another, same every time."""

from __future__ import annotations

import math

import networkx as nx

from visualisations.layout import positions


def star_forest() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for hub in range(5):
        for leaf in range(hub * 10 + 1):
            graph.add_edge(f"h{hub}", f"h{hub}-l{leaf}")
    graph.add_node("alone")
    graph.add_edge("a", "b")
    graph.add_edge("b", "a")  # both directions and a parallel edge count once
    graph.add_edge("a", "b")
    return graph


def test_every_node_gets_a_distinct_position():
    graph = star_forest()
    placed = positions(graph)
    assert set(placed) == set(graph.nodes)
    assert len(set(placed.values())) == graph.number_of_nodes()


def test_neighbours_are_closer_than_components_are_apart():
    placed = positions(star_forest())
    hub, leaf = placed["h4"], placed["h4-l0"]
    assert math.dist(hub, leaf) < math.dist(hub, placed["h0"])


def test_positions_are_deterministic():
    assert positions(star_forest()) == positions(star_forest())


def test_long_chains_need_no_recursion():
    chain = nx.MultiDiGraph()
    nx.add_path(chain, range(5000))
    chain = nx.relabel_nodes(chain, str)
    assert len(positions(chain)) == 5000
