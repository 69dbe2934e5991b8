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


def test_a_members_employer_named_before_the_title_does_not_steer(tmp_path: Path) -> None:
    src = tmp_path / "kortti.txt"
    src.write_text("Perheet keskiöön -hanke\n\nHanketta ohjaa Kanta-Hämeen LAPE-ohjausryhmä, "
                   "jonka puheenjohtajana toimii Riihimäen kaupungin perusturvajohtaja "
                   "Kari Nurmela.\n", "utf-8")
    facts = {(f.predicate, f.obj) for f in analyse(read_document(src)).facts
             if f.subject == "project:perheet-keskioon"}
    assert ("steeredBy", "org:kanta-hameen-lape-ohjausryhma") in facts
    assert ("steeredBy", "municipality:694") not in facts
