"""lapekg: documents about public programmes -> an RDF knowledge graph."""

__version__ = "0.1.0"
