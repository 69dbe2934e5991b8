"""Where the graph to show comes from: a file, or the bundled corpus.

Files are read by :func:`ontology.graphfile.load_graph` (format by suffix,
named graphs merged, errors that name the file), as every lapekg command
reads them. With no file the bundled corpus is built, importing the builder
only then, so that viewing a file never pays for the builder.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from rdflib import Graph

from ontology.graphfile import GraphFileError
from ontology.graphfile import load_graph as load_file


def bundled_graph() -> Graph:
    """The graph of the bundled corpus, built now by the graph builder."""
    try:
        pipeline = importlib.import_module("graph_builder.pipeline")
    except ImportError as error:
        raise GraphFileError(
            f"no graph file given and the bundled corpus cannot be built ({error}); "
            "give a graph file (.ttl, .trig, .nt, .nq, .jsonld)"
        ) from None
    return pipeline.build(None).graph


def load_graph(path: str | Path | None) -> Graph:
    """The graph in ``path``, or the bundled corpus's when ``path`` is None."""
    return bundled_graph() if path is None else load_file(path)
