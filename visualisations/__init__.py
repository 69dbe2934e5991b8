"""Interactive networks, analysis and reports of a lapekg graph.

Build and write are separate steps::

    net = network(graph, focus="Etelä-Pohjanmaan LAPE-hanke", depth=1)
    write_html(net, "verkko.html")
"""

from visualisations.analysis import analyse
from visualisations.html import render_html, write_html
from visualisations.model import build_model
from visualisations.network import LapekgNetwork, network
from visualisations.report import render_report, write_report
from visualisations.source import load_graph

__all__ = [
    "LapekgNetwork", "analyse", "build_model", "load_graph", "network", "render_html",
    "render_report", "write_html", "write_report",
]
