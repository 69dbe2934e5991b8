"""Named SPARQL queries over a lapekg graph."""
