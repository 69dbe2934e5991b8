"""Curation files: each operation on a small built graph, provenance of what a
file adds, errors that name the file and line, and graphs that still conform."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from graph_builder.curation import (
    CurationError,
    apply_curation,
    copy_data,
    load_curation,
)
from graph_builder.errors import LapekgError
from graph_builder.pipeline import analyse, build, emit
from graph_builder.readers import read_document
from graph_builder.serialize import serialize, union_graph
from ontology.namespaces import LKG, ROLE, output_prefixes
from ontology.validate import format_report, validate

FIXTURES = Path(__file__).parent / "fixtures" / "curation"
EXAMPLE = Path(__file__).parent.parent / "examples" / "curation.yaml"
ID = Namespace("https://w3id.org/lapekg/id/")
PROJECT = ID["project/perhe-keskioon"]
PSHP = ID["organisation/pirkanmaan-sairaanhoitopiiri"]
TAU = ID["organisation/tampereen-yliopisto"]
TAMPERE = ID["municipality/837"]
PERSON = ID["person/liisa-makinen"]
CURATION_GRAPH = ID["curation"]


def built_graph(base: str | None = None) -> Dataset:
    """The project card of tests/fixtures/curation, built as lapekg builds it."""
    return emit([analyse(read_document(FIXTURES / "perhe-keskioon.txt"))], base)[0].to_dataset(
        output_prefixes(base))


@pytest.fixture(scope="module")
def built() -> Dataset:
    return built_graph()


def write(tmp_path: Path, text: str, name: str = "curation.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def curate(built: Dataset, tmp_path: Path, text: str) -> Dataset:
    return apply_curation(built, load_curation(write(tmp_path, text)))


def quads(data: Dataset) -> set:
    return set(data.quads((None, None, None, None)))


def nodes(data: Dataset) -> set:
    return {t for s, _, o, _ in quads(data) for t in (s, o)}


def evidence(data: Dataset, s, p, o) -> set:
    g = union_graph(data)
    return {ev for ev in g.subjects(RDF.subject, s)
            if (ev, RDF.predicate, p) in g and (ev, RDF.object, o) in g}


def assert_conforms(data: Dataset) -> None:
    """Valid by the shapes, and no evidence is left of a triple that is gone."""
    g = union_graph(data)
    report = validate(g)
    assert report.conforms, format_report(report)
    for ev in g.subjects(RDF.type, LKG.Evidence):
        triple = (g.value(ev, RDF.subject), g.value(ev, RDF.predicate), g.value(ev, RDF.object))
        assert triple in g, f"evidence {ev} of a missing triple {triple}"


# --- the built graph the tests start from ------------------------------------

def test_the_card_builds_the_facts_the_tests_rely_on(built):
    g = union_graph(built)
    for triple in [(PROJECT, LKG.administeredBy, TAMPERE), (PROJECT, LKG.coordinatedBy, PSHP),
                   (PROJECT, LKG.hasDevelopmentPartner, TAU), (PROJECT, LKG.hasContact, PERSON),
                   (PROJECT, LKG.endDate, Literal("2018-12-31", datatype=XSD.date))]:
        assert triple in g
        assert evidence(built, *triple)
    assert_conforms(built)


# --- merge -----------------------------------------------------------------------

def test_merge_rewrites_the_others_into_the_first_everywhere(built, tmp_path):
    out = curate(built, tmp_path, """
        merge:
          - [id:organisation/pirkanmaan-sairaanhoitopiiri, Tampereen yliopisto]
        """)
    assert TAU not in nodes(out)  # evidence's rdf:subject / rdf:object included
    g = union_graph(out)
    assert (PROJECT, LKG.hasDevelopmentPartner, PSHP) in g
    assert evidence(out, PROJECT, LKG.hasDevelopmentPartner, PSHP)
    assert set(g.objects(PSHP, RDFS.label)) == {Literal("Pirkanmaan sairaanhoitopiiri", lang="fi")}
    tau = Literal("Tampereen yliopisto", lang="fi")
    assert (PSHP, SKOS.altLabel, tau) in g
    # the label's evidence from the text moved with it, and the merge has its own
    rules = {str(g.value(ev, LKG.rule)) for ev in evidence(out, PSHP, SKOS.altLabel, tau)}
    assert "curation" in rules and len(rules) == 2
    assert not evidence(out, PSHP, RDFS.label, tau)
    assert_conforms(out)


def test_merge_drops_relations_between_the_merged_nodes(built, tmp_path):
    out = curate(built, tmp_path, """
        merge:
          - {entities: [Perhe keskiöön, Tampereen yliopisto], note: only to test self-loops}
        """)
    g = union_graph(out)
    assert not [t for t in g if t[0] == t[2]]
    assert not evidence(out, PROJECT, LKG.hasDevelopmentPartner, PROJECT)


def test_merge_follows_earlier_merges(built, tmp_path):
    out = curate(built, tmp_path, """
        merge:
          - [id:organisation/pirkanmaan-sairaanhoitopiiri, Tampereen yliopisto]
          - [id:municipality/837, id:organisation/tampereen-yliopisto]
        """)
    assert TAU not in nodes(out) and PSHP not in nodes(out)
    assert (PROJECT, LKG.coordinatedBy, TAMPERE) in union_graph(out)
    assert_conforms(out)


# --- rename -------------------------------------------------------------------------

def test_rename_sets_the_label_and_keeps_the_old_one_as_alternative(built, tmp_path):
    out = curate(built, tmp_path, """
        rename:
          - {entity: Tampere, label: Tampereen kaupunki, note: the body that administers}
        """)
    g = union_graph(out)
    new, old = Literal("Tampereen kaupunki", lang="fi"), Literal("Tampere", lang="fi")
    assert set(g.objects(TAMPERE, RDFS.label)) == {new}
    assert (TAMPERE, SKOS.altLabel, old) in g
    assert (TAMPERE, SKOS.altLabel, new) not in g  # a label is never also an altLabel
    assert (TAMPERE, RDFS.label, new) in out.graph(CURATION_GRAPH)
    (ev,) = evidence(out, TAMPERE, RDFS.label, new)
    assert g.value(ev, RDFS.comment) == Literal("the body that administers")
    assert evidence(out, TAMPERE, SKOS.altLabel, old)  # the text's evidence, moved
    assert_conforms(out)


# --- add --------------------------------------------------------------------------------

ADD = """
    # facts the card does not state
    add:
      - subject: Perhe keskiöön
        predicate: lkg:inRegion
        object: Pirkanmaa
        note: Tampere is in Pirkanmaa.
      - {subject: id:project/perhe-keskioon, predicate: lkg:fundedBy, object: Tampereen yliopisto}
      - {subject: Perhe keskiöön, predicate: lkg:completionDate, object: 2018-10}
      - {subject: Pirkanmaan sairaanhoitopiiri, predicate: lkg:homepage, object: "https://www.pshp.fi/"}
      - {subject: Perhe keskiöön, predicate: rdf:type, object: lkg:Programme}
    """


def test_add_writes_facts_typed_like_the_builder(built, tmp_path):
    out = curate(built, tmp_path, ADD)
    g = out.graph(CURATION_GRAPH)
    assert (PROJECT, LKG.inRegion, ID["region/06"]) in g
    assert (PROJECT, LKG.fundedBy, TAU) in g
    assert (PROJECT, LKG.completionDate, Literal("2018-10", datatype=XSD.gYearMonth)) in g
    assert (PSHP, LKG.homepage, URIRef("https://www.pshp.fi/")) in g
    assert (PROJECT, RDF.type, LKG.Programme) in g
    assert_conforms(out)


def test_an_added_role_gets_its_participation(built, tmp_path):
    out = curate(built, tmp_path, ADD)
    g = union_graph(out)
    parts = [p for p in g.objects(PROJECT, LKG.participation)
             if (p, LKG.agent, TAU) in g and (p, LKG.role, ROLE.funder) in g]
    assert len(parts) == 1
    assert evidence(out, PROJECT, LKG.participation, parts[0])


def test_an_added_fact_is_traced_to_its_line_in_the_file(built, tmp_path):
    path = write(tmp_path, ADD)
    data = path.read_bytes()
    text = data.decode("utf-8")
    out = apply_curation(built, load_curation(path))
    g = out.graph(CURATION_GRAPH)
    (ev,) = evidence(out, PROJECT, LKG.inRegion, ID["region/06"])
    assert g.value(ev, LKG.rule) == Literal("curation")
    confidence = g.value(ev, LKG.confidence)
    assert confidence.datatype == XSD.decimal and confidence.toPython() == 1
    assert g.value(ev, RDFS.comment) == Literal("Tampere is in Pirkanmaa.")
    sentence = g.value(ev, LKG.sentence)
    assert g.value(sentence, LKG.line).toPython() == 3
    start = g.value(sentence, LKG.startOffset).toPython()
    end = g.value(sentence, LKG.endOffset).toPython()
    quote = str(g.value(sentence, LKG.quote))
    assert text[start:end] == quote
    assert quote.startswith("subject: Perhe keskiöön") and quote.endswith("in Pirkanmaa.")
    document = g.value(ev, PROV.wasDerivedFrom)
    assert g.value(sentence, LKG.inDocument) == document
    assert (document, RDF.type, LKG.SourceDocument) in g
    assert g.value(document, LKG.sha256) == Literal(hashlib.sha256(data).hexdigest())
    assert g.value(document, LKG.fileName) == Literal("curation.yaml")
    assert g.value(document, LKG.mediaType) == Literal("application/yaml")


# --- suppress -------------------------------------------------------------------------

def test_suppress_a_fact_removes_it_its_evidence_and_its_participation(built, tmp_path):
    out = curate(built, tmp_path, """
        suppress:
          - {subject: Perhe keskiöön, predicate: lkg:administeredBy, object: Tampere}
        """)
    g = union_graph(out)
    assert (PROJECT, LKG.administeredBy, TAMPERE) not in g
    assert not evidence(out, PROJECT, LKG.administeredBy, TAMPERE)
    assert not [p for p in g.subjects(LKG.agent, TAMPERE) if (p, LKG.role, ROLE.administrator) in g]
    assert (TAMPERE, RDF.type, LKG.Municipality) in g  # the entity itself stays
    assert_conforms(out)


def test_suppress_an_entity_removes_every_triple_naming_it(built, tmp_path):
    out = curate(built, tmp_path, """
        suppress:
          - {entity: Pirkanmaan sairaanhoitopiiri, note: not a partner}
        """)
    assert PSHP not in nodes(out)
    g = union_graph(out)
    assert not [p for p in g.subjects(RDF.type, LKG.Participation) if g.value(p, LKG.agent) is None]
    assert (PROJECT, LKG.administeredBy, TAMPERE) in g
    assert_conforms(out)


def test_suppress_an_entity_takes_the_fundings_only_it_has(built, tmp_path):
    out = curate(built, tmp_path, """
        suppress:
          - {entity: id:project/perhe-keskioon}
        """)
    assert PROJECT not in nodes(out)
    assert not set(union_graph(out).subjects(RDF.type, LKG.Funding))
    assert_conforms(out)


def test_suppress_then_add_replaces_a_fact(built, tmp_path):
    out = curate(built, tmp_path, """
        add:
          - {subject: Perhe keskiöön, predicate: lkg:endDate, object: 2019}
        suppress:
          - {subject: Perhe keskiöön, predicate: lkg:endDate, object: 2018-12-31}
        """)
    g = union_graph(out)
    assert set(g.objects(PROJECT, LKG.endDate)) == {Literal("2019", datatype=XSD.gYear)}
    assert_conforms(out)


# --- all at once, purity, determinism, base --------------------------------------------

ALL = """
    merge:
      - [id:organisation/pirkanmaan-sairaanhoitopiiri, Tampereen yliopisto]
    rename:
      - {entity: Pirkanmaan sairaanhoitopiiri, label: Pirkanmaan sairaanhoitopiirin kuntayhtymä}
    add:
      - {subject: Perhe keskiöön, predicate: lkg:inRegion, object: id:region/06}
      - {subject: Perhe keskiöön, predicate: lkg:supportedBy, object: Tampereen yliopisto}
      - {subject: Liisa Mäkinen, predicate: lkg:memberOf, object: Tampere}
    suppress:
      - {subject: Perhe keskiöön, predicate: lkg:startDate, object: 2017-03-01}
    """


def test_every_operation_together_still_conforms(built, tmp_path):
    out = curate(built, tmp_path, ALL)
    g = union_graph(out)
    assert (PROJECT, LKG.supportedBy, PSHP) in g
    assert (PERSON, LKG.memberOf, TAMPERE) in g
    assert_conforms(out)


def test_apply_leaves_its_input_alone_and_is_deterministic(built, tmp_path):
    before = quads(built)
    curation = load_curation(write(tmp_path, ALL))
    first = serialize(apply_curation(built, curation), "trig")
    second = serialize(apply_curation(built, curation), "trig")
    assert quads(built) == before
    assert first == second


def test_id_names_follow_the_base(tmp_path):
    base = "http://example.org/data/"
    data = built_graph(base)
    out = apply_curation(data, load_curation(write(tmp_path, ALL)), base)
    g = union_graph(out)
    assert (URIRef(base + "project/perhe-keskioon"), LKG.inRegion, URIRef(base + "region/06")) in g
    assert (URIRef(base + "curation"), None, None) not in g
    assert not [t for t in quads(out) if str(t[0]).startswith(str(ID))]
    assert_conforms(out)


def test_an_empty_file_changes_nothing_but_records_itself(built, tmp_path):
    out = apply_curation(built, load_curation(write(tmp_path, "# nothing yet\n")))
    assert {q for q in quads(out) if q[3] != CURATION_GRAPH} == quads(built)
    assert set(out.graph(CURATION_GRAPH).subjects(RDF.type, LKG.SourceDocument))


def test_the_example_file_applies_to_the_bundled_corpus():
    result = build(None)
    out = apply_curation(result.dataset, load_curation(EXAMPLE))
    g = union_graph(out)
    lupa = ID["project/lupa-auttaa"]
    assert (lupa, LKG.inRegion, ID["region/02"]) in g
    assert (ID["organisation/varsinais-suomen-lape-ryhma"], RDFS.label,
            Literal("Varsinais-Suomen maakunnallinen LAPE-ryhmä", lang="fi")) in g
    assert_conforms(out)


# --- errors: checked when the file is loaded -------------------------------------------

LOAD_ERRORS = [
    ("mergee:\n  - [a, b]\n", 1, "unknown key 'mergee'"),
    ("add:\n  - {subject: A, predicate: lgk:partOf, object: B}\n", 2, "unknown prefix 'lgk'"),
    ("add:\n  - {subject: A, predicate: lkg:administredBy, object: B}\n", 2,
     "lkg:administredBy is not declared"),
    ("add:\n  - {subject: A, predicate: partOf, object: B}\n", 2, "'partOf' must be a prefixed"),
    ("add:\n  - {subject: A, predicate: rdfs:label, object: B}\n", 2, "rename:"),
    ("suppress:\n  - {subject: A, predicate: lkg:quote, object: B}\n", 2,
     "lkg:quote is written by lapekg itself"),
    ("add:\n\n  - subject: A\n    predicate: lkg:endDate\n    object: 2018-13-01\n", 5,
     "'2018-13-01' does not exist"),
    ("add:\n  - {subject: A, predicate: lkg:startDate, object: 31.12.2018}\n", 2,
     "'31.12.2018' must be ISO 8601"),
    ("add:\n  - {subject: A, predicate: lkg:amount, object: 1 200 000}\n", 2,
     "'1 200 000' must be a plain number"),
    ("add:\n  - {subject: A, predicate: lkg:share, object: 80}\n", 2, "between 0 and 1"),
    ("add:\n  - {subject: A, predicate: lkg:telephone, object: 040 123 4567}\n", 2,
     "tel:+358401234567"),
    ("add:\n  - {subject: A, predicate: lkg:currency, object: euro}\n", 2, "ISO 4217"),
    ("add:\n  - {subject: A, predicate: rdf:type, object: lkg:Hanke}\n", 2,
     "lkg:Hanke is not a term of the lapekg ontology"),
    ("add:\n  - {subject: A, predicate: rdf:type, object: B}\n", 2, "must be a class"),
    ("add:\n  - {subject: A, predicate: lkg:partOf}\n", 2, "needs the key 'object'"),
    ("add:\n  - {subject: A, predicate: lkg:partOf, object: }\n", 2, "object is empty"),
    ("add:\n  - {subject: A, predicate: lkg:partOf, object: B, why: x}\n", 2, "unknown key 'why'"),
    ("add:\n  - {subject: A, predicate: lkg:partOf, object: B, note: yes, really}\n", 2,
     "put text with commas in quotes"),
    ("merge:\n  - [id:project/a]\n", 2, "two or more entities"),
    ("rename:\n  entity: A\n", 2, "rename: must be a list"),
    ("rename:\n  - {entity: A}\n", 2, "needs the key 'label'"),
    ("rename:\n  - {entity: [A, B], label: C}\n", 2, "entity must be a single value"),
    ("suppress:\n  - {entity: A, entity: B}\n", 2, "key 'entity' given twice"),
    ("- just a list\n", 1, "a curation file must be a mapping"),
    ("add:\n  - {subject: A\n", 3, "not valid YAML"),
]


@pytest.mark.parametrize(("text", "line", "message"), LOAD_ERRORS,
                         ids=[m for _, _, m in LOAD_ERRORS])
def test_load_errors_name_the_file_line_and_value(tmp_path, text, line, message):
    path = tmp_path / "fix.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        load_curation(path)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert message in str(caught.value)
    assert isinstance(caught.value, LapekgError)


def test_a_missing_or_binary_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(CurationError, match="nothing.yaml: cannot read"):
        load_curation(tmp_path / "nothing.yaml")
    path = tmp_path / "latin1.yaml"
    path.write_bytes("rename:\n  - {entity: A, label: P\xe4\xe4}\n".encode("latin-1"))
    with pytest.raises(CurationError, match=r"latin1.yaml:2: not UTF-8"):
        load_curation(path)


# --- errors: found when the file meets the graph ----------------------------------------

APPLY_ERRORS = [
    ("rename:\n  - {entity: Tampereen yliopistoo, label: X}\n", 2,
     "no node has the label 'Tampereen yliopistoo'"),
    ("rename:\n  - {entity: tuni:yliopisto, label: X}\n", 2, "tuni: is not a lapekg prefix"),
    ("suppress:\n  - {entity: id:organisation/ei-ole}\n", 2,
     "no node id:organisation/ei-ole in the graph"),
    ("add:\n  - {subject: Perhe keskiöön, predicate: lkg:partOf,\n"
     "     object: <https://example.org/lape>}\n", 3, "no node <https://example.org/lape>"),
    ("suppress:\n  - {subject: Perhe keskiöön, predicate: lkg:endDate, object: 2019}\n", 2,
     "no such fact to suppress: id:project/perhe-keskioon lkg:endDate"),
    ("add:\n  - {subject: Perhe keskiöön, predicate: lkg:hasContact, object: Liisa Mäkinen}\n"
     "suppress:\n  - {entity: Liisa Mäkinen}\n", 2, "'Liisa Mäkinen' is suppressed (line 4)"),
    ("rename:\n  - {entity: Tampere, label: X}\n  - {entity: id:municipality/837, label: Y}\n",
     3, "renamed twice (lines 2 and 3)"),
    ("merge:\n  - [Tampere, id:municipality/837]\n", 2, "names one node twice"),
    ("suppress:\n  - {entity: perhe-keskioon.txt}\n", 2, "a provenance record"),
    ("merge:\n  - [Tampere, Kaksoisnimi]\n", 2, "'Kaksoisnimi' is the rdfs:label of 2 nodes"),
]


@pytest.mark.parametrize(("text", "line", "message"), APPLY_ERRORS,
                         ids=[m for _, _, m in APPLY_ERRORS])
def test_apply_errors_name_the_file_line_and_value(built, tmp_path, text, line, message):
    data = copy_data(built)
    doc = next(g for g in data.graphs() if "/document/" in str(g.identifier))
    for node in (TAU, PSHP):  # two nodes with one label, for the ambiguity case
        doc.add((node, RDFS.label, Literal("Kaksoisnimi", lang="fi")))
    path = tmp_path / "fix.yaml"
    path.write_text(text, encoding="utf-8")
    curation = load_curation(path)
    with pytest.raises(CurationError) as caught:
        apply_curation(data, curation)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert message in str(caught.value)
