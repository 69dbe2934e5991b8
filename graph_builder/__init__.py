"""Reads source documents and builds the lapekg RDF graph."""
