"""Shapes, validation report and ``lapekg validate``: sound graphs pass, each
kind of defect fails with its own message, and the exit codes hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from lapekg.cli import cli
from ontology import load_shapes
from ontology.graphfile import GraphFileError, load_graph
from ontology.namespaces import LKG, OBJECT_PROPERTIES
from ontology.validate import ValidationReport, ValidationResult, format_report, validate

FIXTURES = Path(__file__).parent / "fixtures" / "ontology"
ID = Namespace("https://w3id.org/lapekg/id/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The direct relations between entities that must each be backed by evidence.
RELATION_PROPERTIES = {
    "partOf", "hasSubProject", "inRegion", "operatesIn", "administeredBy", "coordinatedBy",
    "steeredBy", "supportedBy", "hasConsortiumMember", "hasDevelopmentPartner", "hasParticipant",
    "fundedBy", "hasContact", "cooperatesWith", "keyProjectOf", "contributesTo", "measureOf",
    "targets", "basedOnWorkOf", "evaluates", "trains", "carriedOutWith", "responsibleFor",
    "memberOf", "unitOf",
}

BAD_FIXTURES = [
    ("bad_project_without_label.ttl", "A project needs exactly one rdfs:label",
     "id:project/nimeton", "rdfs:label"),
    ("bad_amount_as_string.ttl", "lkg:amount must be one xsd:decimal",
     "id:funding/tekstina", "lkg:amount"),
    ("bad_date_month_13.ttl", "lkg:startDate must be one well-formed",
     "id:programme/kuukausivirhe", "lkg:startDate"),
    ("bad_evidence_without_sentence.ttl", "An evidence needs exactly one lkg:sentence",
     "id:evidence/b2", "lkg:sentence"),
    ("bad_telephone_literal.ttl", "lkg:telephone must be a tel: IRI",
     "id:person/matti-esimerkki", "lkg:telephone"),
    ("bad_relation_without_evidence.ttl", "This relation has no lkg:Evidence",
     "id:project/esimerkkihanke", "lkg:partOf"),
]


def graph(name: str) -> Graph:
    return Graph().parse(FIXTURES / name)


@pytest.fixture(scope="module")
def good() -> Graph:
    return graph("good.ttl")


def by_value(data: Graph) -> set:
    """The triples with literals compared by value: rdflib's writers may turn
    "500000"^^xsd:decimal into 500000.0 (no blank nodes in the fixtures)."""
    return {(s, p, (o.datatype, o.language, o.value if o.value is not None else str(o))
             if isinstance(o, Literal) else o) for s, p, o in data}


def violations(report: ValidationReport) -> list[ValidationResult]:
    return [r for r in report.results if r.severity == "Violation"]


# --- the shapes ------------------------------------------------------------

def test_good_graph_conforms_without_any_result(good):
    report = validate(good)
    assert report.conforms
    assert report.results == ()
    assert report.triples == len(good)


@pytest.mark.parametrize("name, message, focus, path", BAD_FIXTURES)
def test_each_bad_fixture_fails_with_its_own_message(name, message, focus, path):
    report = validate(graph(name))
    assert not report.conforms
    found = [r for r in violations(report) if r.message.startswith(message)]
    assert found, [r.message for r in report.results]
    assert {(r.focus_node, r.path) for r in found} == {(focus, path)}
    # the fixture has no other defect than the one it is named after
    assert {r.focus_node for r in violations(report)} == {focus}


def test_a_project_without_programme_is_a_warning_not_a_violation():
    report = validate(graph("warning_project_without_programme.ttl"))
    assert report.conforms
    assert [(r.severity, r.focus_node) for r in report.results] == [
        ("Warning", "id:project/ohjelmaton")]
    assert "not part of any programme" in report.results[0].message


def test_a_programme_reached_through_a_parent_project_is_enough(good):
    data = Graph() + good
    sub = ID["project/osahanke"]
    sentence, document = ID["sentence/0123456789abcdef-0-96"], ID["document/0123456789abcdef"]
    data.add((sub, RDF.type, LKG.Project))
    data.add((sub, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Osahanke")))
    data.add((sub, LKG.partOf, ID["project/perhe-keskioon"]))
    data.add((sub, LKG.mentionedIn, document))
    evidence = ID["evidence/sub"]
    for p, o in ((RDF.type, LKG.Evidence), (RDF.subject, sub), (RDF.predicate, LKG.partOf),
                 (RDF.object, ID["project/perhe-keskioon"]), (LKG.rule, Literal("r")),
                 (LKG.sentence, sentence),
                 (URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), document)):
        data.add((evidence, p, o))
    assert validate(data).results == ()


@pytest.mark.parametrize("mutate, message", [
    (lambda g: g.set((ID["funding/valtionavustus-1"], LKG.currency, Literal("eur"))),
     "lkg:currency must be a three-letter"),
    (lambda g: g.set((ID["funding/valtionavustus-1"], LKG.share, Literal("1.5", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#decimal")))), "lkg:share must be one xsd:decimal"),
    (lambda g: g.set((ID["sentence/0123456789abcdef-0-96"], LKG.startOffset, Literal(500))),
     "A sentence's lkg:startOffset must not be greater"),
    (lambda g: g.set((ID["person/maija-esimerkki"], LKG.email,
                      Literal("maija.esimerkki@example.org"))), "lkg:email must be a mailto:"),
    (lambda g: g.set((ID["participation/hankepaallikko-1"], LKG.role,
                      URIRef("https://w3id.org/lapekg/ontology/funding-kind/funding"))),
     "A participation needs exactly one lkg:role"),
    (lambda g: g.remove((ID["municipality/297"], LKG.mentionedIn, None)),
     "Every entity except a region needs lkg:mentionedIn"),
    (lambda g: g.set((ID["project/perhe-keskioon"], LKG.inRegion, ID["municipality/297"])),
     "lkg:inRegion must point to a lkg:Region"),
])
def test_more_defects_are_caught(good, mutate, message):
    data = Graph() + good
    mutate(data)
    report = validate(data)
    assert not report.conforms
    assert any(r.message.startswith(message) for r in violations(report)), \
        [r.message for r in report.results]


def test_a_municipality_counts_as_an_organisation(good):
    # id:municipality/297 is typed lkg:Municipality (and Partner), never
    # lkg:Organisation: the ontology's subclass axioms make it one.
    assert (ID["municipality/297"], RDF.type, LKG.Organisation) not in good
    assert not [r for r in validate(good).results if r.path == "lkg:administeredBy"]


def test_undeclared_lkg_terms_are_violations(good):
    data = Graph() + good
    data.add((ID["person/maija-esimerkki"], LKG.title, Literal("hankepäällikkö", lang="fi")))
    data.add((ID["thing/x"], RDF.type, LKG.Thing))
    report = validate(data)
    messages = [r.message for r in violations(report)]
    assert any(m.startswith("lkg:title is not a term") for m in messages)
    assert any(m.startswith("lkg:Thing is not a term") for m in messages)


def test_validation_leaves_the_data_untouched(good):
    before = Graph() + good
    validate(good)
    assert isomorphic(before, good)


def test_relation_lists_of_the_traceability_shape_agree():
    shapes = load_shapes()
    shape = URIRef("https://w3id.org/lapekg/shapes#TraceabilityShape")
    queries = [str(shapes.value(node, SH.select))
               for node in (shapes.value(shape, SH.target), shapes.value(shape, SH.sparql))]
    assert len(queries) == 2
    for query in queries:
        assert set(re.findall(r"lkg:(\w+)", query)) - {"Evidence"} == RELATION_PROPERTIES
    assert RELATION_PROPERTIES <= set(OBJECT_PROPERTIES)


# --- the report ------------------------------------------------------------

def test_text_report_groups_problems_and_names_nodes():
    text = format_report(validate(graph("bad_relation_without_evidence.ttl")))
    assert text.startswith("Does not conform: 1 violation")
    assert "[lkgsh:TraceabilityShape, lkg:partOf]" in text
    assert '- id:project/esimerkkihanke "Esimerkkihanke"  value: id:programme/esimerkkiohjelma' \
        in text


def test_text_report_shows_only_the_first_nodes_of_a_large_group():
    result = ValidationResult("Violation", "id:x", None, "lkg:amount", "Bad amount.", None,
                              "lkgsh:AmountShape", "sh:DatatypeConstraintComponent")
    report = ValidationReport(False, tuple(result for _ in range(8)), 10)
    text = format_report(report, limit=3)
    assert "Violation ×8 [lkgsh:AmountShape, lkg:amount]" in text
    assert text.count("- id:x") == 3
    assert "… and 5 more" in text


# --- reading graph files -----------------------------------------------------

@pytest.mark.parametrize("suffix, fmt", [(".nt", "nt"), (".jsonld", "json-ld")])
def test_graph_files_are_read_by_suffix(tmp_path, good, suffix, fmt):
    path = tmp_path / f"graph{suffix}"
    good.serialize(path, format=fmt)
    assert by_value(load_graph(path)) == by_value(good)


@pytest.mark.parametrize("suffix, fmt", [(".trig", "trig"), (".nq", "nquads")])
def test_named_graphs_are_merged(tmp_path, good, suffix, fmt):
    dataset = Dataset()
    evidence = [t for t in good if t[0].startswith(str(ID["evidence/"]))]
    facts = dataset.graph(ID["document/0123456789abcdef"])
    for triple in good:
        (facts if triple in evidence else dataset.graph(ID["dataset/reference"])).add(triple)
    path = tmp_path / f"graph{suffix}"
    dataset.serialize(path, format=fmt)
    assert by_value(load_graph(path)) == by_value(good)


def test_unreadable_files_raise_an_error_naming_the_file(tmp_path):
    with pytest.raises(GraphFileError, match=r"syntax_error\.ttl: not valid TURTLE: at line 3"):
        load_graph(FIXTURES / "syntax_error.ttl")
    with pytest.raises(GraphFileError, match=r"graph\.xml: unknown RDF file suffix '\.xml'"):
        load_graph(tmp_path / "graph.xml")
    with pytest.raises(GraphFileError, match=r"missing\.ttl: cannot read the file"):
        load_graph(tmp_path / "missing.ttl")


# --- the command -------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(cli, ["validate", *args])


def test_validate_is_a_lapekg_command():
    assert "validate" in cli.list_commands(None)
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert ".ttl, .trig, .nt, .nq, .jsonld" in result.output


def test_cli_exit_0_for_a_conforming_graph():
    result = run(str(FIXTURES / "good.ttl"))
    assert result.exit_code == 0, result.output
    assert "Conforms: no problems" in result.output


def test_cli_exit_0_with_warnings_shown():
    result = run(str(FIXTURES / "warning_project_without_programme.ttl"))
    assert result.exit_code == 0
    assert "Warning ×1" in result.output


@pytest.mark.parametrize("name, message, focus, path", BAD_FIXTURES)
def test_cli_exit_1_for_violations(name, message, focus, path):
    result = run(str(FIXTURES / name))
    assert result.exit_code == 1
    assert message in result.output


def test_cli_json_output():
    result = run("--format", "json", str(FIXTURES / "bad_amount_as_string.ttl"))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["conforms"] is False
    assert data["counts"] == {"violation": 1, "warning": 0, "info": 0}
    assert data["results"][0]["path"] == "lkg:amount"
    assert data["results"][0]["value"] == '"500000"'


@pytest.mark.parametrize("name, expected", [
    ("syntax_error.ttl", "syntax_error.ttl: not valid TURTLE: at line 3"),
    ("does-not-exist.ttl", "does-not-exist.ttl: cannot read the file"),
    ("good.rdfxml", "unknown RDF file suffix"),
])
def test_cli_exit_2_when_the_graph_cannot_be_read(name, expected):
    result = run(str(FIXTURES / name))
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
