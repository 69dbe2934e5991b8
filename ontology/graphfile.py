"""Read an RDF file whose format is given by its suffix.

``lapekg validate`` (and anything else that takes a built graph as input)
must say which file could not be read and why, with the parser's line number
when it gives one, instead of a traceback. Named graphs (TriG, N-Quads) are
merged into one graph: shapes apply to the union of a build's documents.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from ontology.namespaces import bind_prefixes

__all__ = ["FORMATS", "GraphFileError", "load_graph"]

#: File suffix -> rdflib parser name.
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
}
_QUAD_FORMATS = frozenset({"trig", "nquads"})


class GraphFileError(Exception):
    """An RDF file could not be read; the message names the file."""


def _parser_message(error: Exception) -> str:
    """The parser's own explanation, on one line, keeping its line number."""
    if isinstance(error, BadSyntax):
        lines = str(error).splitlines()
        head = " ".join(line.strip() for line in lines[:2])
        return head.replace(" of <>:", ":").removesuffix(" at ^ in:")
    return " ".join(str(error).split()) or type(error).__name__


def load_graph(path: str | Path) -> Graph:
    """Parse ``path`` into a graph, choosing the parser by the file suffix.

    Raises :class:`GraphFileError` for an unknown suffix, a file that cannot
    be read, or a syntax error.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(FORMATS)
        raise GraphFileError(
            f"{path}: unknown RDF file suffix {path.suffix or '(none)'!r}; use one of {known}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GraphFileError(f"{path}: cannot read the file: {error.strerror or error}") from None
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset(default_union=True)
            dataset.parse(data=data, format=fmt)
            graph = bind_prefixes(Graph())
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        return bind_prefixes(Graph()).parse(data=data, format=fmt)
    # ValueError covers JSON and Unicode errors; OSError a JSON-LD @context
    # that cannot be fetched (lapekg runs offline).
    except (BadSyntax, ParserError, ValueError, OSError) as error:
        raise GraphFileError(
            f"{path}: not valid {fmt.upper()}: {_parser_message(error)}") from None
