"""Interactive networks, analysis and reports of a lapekg graph.

Build and write are separate steps::

    net = network(graph, focus="Etelä-Pohjanmaan LAPE-hanke", depth=1)
    write_html(net, "verkko.html")
"""

from importlib import import_module

#: Public names and their modules, imported on first use (PEP 562): every
#: ``lapekg`` command imports this package, and networkx and pyvis take a
#: quarter of a second to load.
_EXPORTS = {
    "analyse": "visualisations.analysis", "render_html": "visualisations.html",
    "write_html": "visualisations.html", "build_model": "visualisations.model",
    "LapekgNetwork": "visualisations.network", "network": "visualisations.network",
    "render_report": "visualisations.report", "write_report": "visualisations.report",
    "load_graph": "visualisations.source",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'visualisations' has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "LapekgNetwork", "analyse", "build_model", "load_graph", "network", "render_html",
    "render_report", "write_html", "write_report",
]
