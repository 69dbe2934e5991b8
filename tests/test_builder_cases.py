"""Builder cases: a short Finnish text and the facts expected from it.

Each folder under ``tests/cases`` holds ``input.*`` (any format lapekg reads) and
``expected.ttl``.
The expected graph must be contained in the built graph's *facts* (the graph
without provenance records), compared as graphs with ``rdflib.compare``.
"""

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import to_isomorphic

from graph_builder.pipeline import analyse, emit
from graph_builder.readers import read_document
from graph_builder.serialize import union_graph

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def facts_only(graph: Graph) -> Graph:
    """The built graph without evidence, sentences and documents."""
    from rdflib.namespace import RDF

    from ontology.namespaces import LKG

    skip = {LKG.Evidence, LKG.Sentence, LKG.SourceDocument}
    drop = {s for s, o in graph.subject_objects(RDF.type) if o in skip}
    out = Graph()
    for t in graph:
        if t[0] not in drop:
            out.add(t)
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path) -> None:
    source = next(p for p in sorted(case.iterdir()) if p.stem == "input")
    result = analyse(read_document(source))
    quads, _, _ = emit([result])
    built = union_graph(quads)
    expected = Graph().parse(case / "expected.ttl", format="turtle")
    got = facts_only(built)
    missing = [t for t in expected if t not in got]
    assert not missing, f"{case.name}: missing {missing}"
    # and as graphs: the expected facts, taken from the built graph, are the expected graph
    taken = Graph()
    for t in got:
        if t in expected:
            taken.add(t)
    assert to_isomorphic(taken) == to_isomorphic(expected)
