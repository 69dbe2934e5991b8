"""A lapekg graph as a pyvis ``Network``: nodes, edges, legend and region list.

Building is separate from writing (:mod:`visualisations.html`): a notebook
can take the returned network and show it inline, a script can write it.
Nodes and edges are put into ``net.nodes``/``net.edges`` directly, because
pyvis's ``add_node``/``add_edge`` check for duplicates over lists and take
seconds at 10,000 nodes (MEASUREMENTS.md).

Tooltips are not HTML strings: each node and edge carries a ``tip`` record
(heading, type, facts, quoted sources) that the page turns into DOM elements
with ``textContent``, so text from sources can never become markup.
"""

from __future__ import annotations

import math
from collections import Counter
from html import escape

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from visualisations import html, layout
from visualisations.evidence import Source
from visualisations.model import build_model
from visualisations.select import select
from visualisations.style import BY_NAME, ENTITY_CLASSES, class_label

#: Above this many nodes, positions come from Python and physics stays off.
LARGE = 400

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


class LapekgNetwork(Network):
    """A pyvis Network that knows its legend and regions and writes lapekg's page.

    pyvis's own ``generate_html``/``write_html`` would load scripts from CDNs
    and write in the platform's encoding; here they produce the offline UTF-8
    page, so ``show()`` in a notebook works offline too.
    """

    def __init__(self, heading: str = "", legend: list[dict] | None = None,
                 regions: list[dict] | None = None, large: bool = False) -> None:
        super().__init__(height="100%", width="100%", directed=True, heading=heading,
                         cdn_resources="in_line")
        self.legend = legend or []
        self.regions = regions or []
        self.large = large

    def generate_html(self, name: str = "index.html", local: bool = True,
                      notebook: bool = False) -> str:
        self.html = html.render_html(self)
        return self.html

    def write_html(self, name: str, local: bool = True, notebook: bool = False,
                   open_browser: bool = False) -> None:
        html.write_html(self, name)

    def _repr_html_(self) -> str:
        """Inline display in a notebook: the whole page in a sandbox-free iframe."""
        page = escape(html.render_html(self), quote=True)
        return f'<iframe srcdoc="{page}" style="width:100%;height:640px;border:0"></iframe>'


def source_record(source: Source, about: str = "") -> dict:
    """A quoted sentence as the page shows it."""
    return {"quote": source.quote, "document": source.document, "line": source.line,
            "about": about}


def node_record(node: str, data: dict, degree: int, position: tuple[float, float] | None
                ) -> dict:
    """One vis-network node: look from the class style, data for tooltip and filters."""
    style = BY_NAME[data["cls"]]
    record = {
        "id": node,
        "label": data["label"],
        "shape": style.shape,
        "color": style.colour,
        "size": round(12 + 4 * math.sqrt(degree), 1),
        "cls": data["cls"],
        "regions": sorted(data.get("regions", ())),
        "tip": {
            "heading": data["label"],
            "type": class_label(data["cls"]),
            "facts": [list(fact) for fact in data["facts"]],
            "sources": [source_record(s, about) for about, s in data["sources"]],
        },
    }
    if position is not None:
        record["x"], record["y"] = position
    return record


def edge_record(number: int, source: str, target: str, data: dict, labels: dict[str, str],
                large: bool) -> dict:
    """One vis-network edge, labelled with its property's Finnish name."""
    record = {
        "id": f"e{number}",
        "from": source,
        "to": target,
        "predicate": data["predicate"],
        "tip": {
            "heading": f"{labels[source]} → {labels[target]}",
            "type": data["label"],
            "facts": [],
            "sources": [source_record(s) for s in data["sources"]],
        },
    }
    if not large:
        record["label"] = data["label"]
    return record


def legend(model: nx.MultiDiGraph) -> list[dict]:
    """The classes present, in legend order, with their look and count."""
    counts = Counter(data["cls"] for _, data in model.nodes(data=True))
    return [
        {"cls": name, "label": class_label(name), "color": BY_NAME[name].colour,
         "shape": BY_NAME[name].shape, "count": counts[name]}
        for name in ENTITY_CLASSES if counts[name]
    ]


def region_list(model: nx.MultiDiGraph, labels: dict[str, str]) -> list[dict]:
    """The regions the shown nodes belong to, by name, for the region filter."""
    used = {r for _, data in model.nodes(data=True) for r in data.get("regions", ())}
    return sorted(({"id": r, "label": labels.get(r, r)} for r in used),
                  key=lambda item: item["label"])


def physics_options(large: bool) -> dict:
    """Physics that settles and then stops; none at all for large graphs."""
    if large:
        return {"enabled": False}
    return {
        "enabled": True,
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000, "springLength": 150,
                      "springConstant": 0.03, "damping": 0.3, "avoidOverlap": 0.3},
        "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 25,
                          "fit": True},
    }


def options(large: bool) -> dict:
    """vis-network options; the page switches physics off once it has settled."""
    return {
        "physics": physics_options(large),
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "multiselect": False},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": FONT, "color": "#222222",
                                             "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
            "font": {"size": 10, "face": FONT, "color": "#555555", "align": "middle",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": {"enabled": not large, "type": "continuous"},
            "width": 1,
        },
    }


def to_network(model: nx.MultiDiGraph, heading: str = "",
               region_labels: dict[str, str] | None = None) -> LapekgNetwork:
    """The selected model as a network: positions, look, tooltips, legend, regions."""
    large = model.number_of_nodes() > LARGE
    places = layout.positions(model)
    labels = {n: data["label"] for n, data in model.nodes(data=True)}
    net = LapekgNetwork(heading=heading, legend=legend(model),
                        regions=region_list(model, region_labels or labels), large=large)
    degrees = nx.Graph(model).degree()
    net.nodes = [node_record(n, data, degrees[n], places.get(n))
                 for n, data in model.nodes(data=True)]
    net.node_ids = [record["id"] for record in net.nodes]
    net.node_map = {record["id"]: record for record in net.nodes}
    net.edges = [edge_record(i, u, v, data, labels, large)
                 for i, (u, v, data) in enumerate(model.edges(data=True))]
    net.options = options(large)
    return net


def network(graph: Graph, focus: str | None = None, depth: int | None = None,
            classes: list[str] | None = None, personal: bool = True,
            heading: str = "LAPE-tietoverkko") -> LapekgNetwork:
    """The interactive network of a lapekg graph, ready to write or show.

    ``focus`` names an entity (label or IRI) to centre on, ``depth`` how many
    relations away to go (default 2), ``classes`` which entity classes to
    keep, ``personal=False`` leaves people and their contact data out.
    Regions appear only when linked to something shown.
    """
    model = build_model(graph, personal=personal)
    region_labels = {n: d["label"] for n, d in model.nodes(data=True) if d["cls"] == "Region"}
    chosen = select(model, focus=focus, depth=depth, classes=classes)
    return to_network(chosen, heading=heading, region_labels=region_labels)
