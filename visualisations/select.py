"""Choosing what to show: a focus and its neighbourhood, some classes, no lone regions.

Each function takes the model (see :mod:`visualisations.model`) and returns a
new, smaller one, so that they compose in any order and can be tested alone.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from visualisations.style import ENTITY_CLASSES

DEFAULT_DEPTH = 2


class SelectionError(ValueError):
    """A focus or class that does not fit the graph; the message says why and what fits."""


def find_focus(model: nx.MultiDiGraph, name: str) -> str:
    """The node that ``name`` means: its IRI, its label, or the one label containing it.

    Case does not matter. A name that matches several labels or none is an
    error that lists the candidates, never a guess.
    """
    if name in model:
        return name
    wanted = name.casefold().strip()
    labels = {node: data["label"] for node, data in model.nodes(data=True)}
    exact = sorted(n for n, label in labels.items() if label.casefold() == wanted)
    if len(exact) == 1:
        return exact[0]
    partial = exact or sorted(n for n, label in labels.items() if wanted in label.casefold())
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(sorted(labels[n] for n in partial)[:10])
        raise SelectionError(f"focus {name!r} matches {len(partial)} entities: {names}")
    close = difflib.get_close_matches(name, sorted(set(labels.values())), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    raise SelectionError(f"focus {name!r} matches no entity{hint}")


def neighbourhood(model: nx.MultiDiGraph, focus: str, depth: int = DEFAULT_DEPTH
                  ) -> nx.MultiDiGraph:
    """The focus and everything within ``depth`` relations of it, either direction."""
    if depth < 0:
        raise SelectionError(f"depth must be 0 or more, not {depth}")
    lengths = nx.single_source_shortest_path_length(model.to_undirected(as_view=True),
                                                    focus, cutoff=depth)
    return model.subgraph(lengths).copy()


def parse_classes(names: Iterable[str]) -> frozenset[str]:
    """Class names as given (any case, commas allowed) -> ontology local names."""
    known = {name.casefold(): name for name in ENTITY_CLASSES}
    chosen = set()
    for item in names:
        for part in item.split(","):
            part = part.strip()
            if not part:
                continue
            if part.casefold() not in known:
                raise SelectionError(
                    f"unknown class {part!r}; choose from: {', '.join(ENTITY_CLASSES)}"
                )
            chosen.add(known[part.casefold()])
    if not chosen:
        raise SelectionError(f"no class given; choose from: {', '.join(ENTITY_CLASSES)}")
    return frozenset(chosen)


def only_classes(model: nx.MultiDiGraph, classes: Iterable[str]) -> nx.MultiDiGraph:
    """Nodes having any of ``classes`` (a Partner is an Organisation too)."""
    wanted = frozenset(classes)
    return model.subgraph(
        n for n, data in model.nodes(data=True) if wanted.intersection(data["classes"])
    ).copy()


def without_lone_regions(model: nx.MultiDiGraph, keep: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Drop regions linked to nothing shown: all 19 are reference data, few matter."""
    kept = set(keep)
    lone = [
        n for n, data in model.nodes(data=True)
        if data["cls"] == "Region" and model.degree(n) == 0 and n not in kept
    ]
    trimmed = model.copy()
    trimmed.remove_nodes_from(lone)
    return trimmed


def select(model: nx.MultiDiGraph, focus: str | None = None, depth: int | None = None,
           classes: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Focus (with depth), then classes, then no lone regions: the view's selection.

    The neighbourhood is taken on the whole graph, so a path may run through
    a class that is filtered out afterwards.
    """
    if depth is not None and focus is None:
        raise SelectionError("--depth needs --focus")
    chosen = model
    keep: list[str] = []
    if focus is not None:
        centre = find_focus(model, focus)
        keep.append(centre)
        chosen = neighbourhood(chosen, centre, DEFAULT_DEPTH if depth is None else depth)
    if classes is not None:
        chosen = only_classes(chosen, parse_classes(classes))
    return without_lone_regions(chosen, keep)
