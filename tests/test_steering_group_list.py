"""A steering group's member list: the members' employers do not steer the project."""
from pathlib import Path

from rdflib import URIRef

from graph_builder.pipeline import analyse, emit
from graph_builder.readers import read_document
from graph_builder.serialize import union_graph
from ontology.namespaces import LKG

CASE = Path(__file__).parent / "cases" / "steering_group_list" / "input.md"
ID = "https://w3id.org/lapekg/id/"


def test_employers_of_members_do_not_steer() -> None:
    quads, _, _ = emit([analyse(read_document(CASE))])
    graph = union_graph(quads)
    steerers = set(graph.objects(URIRef(ID + "project/peke"), LKG.steeredBy))
    assert steerers == {URIRef(ID + "organisation/peke-n-ohjausryhma")}
