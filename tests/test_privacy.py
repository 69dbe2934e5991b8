"""``without_personal``: no person, no contact value and no person's name is left
anywhere in the graph, the other facts stay, and the graph still conforms."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graph_builder.curation import apply_curation, copy_data, load_curation
from graph_builder.emit import decimal_literal
from graph_builder.pipeline import analyse, build, emit
from graph_builder.privacy import (
    EMAIL_TOKEN,
    PERSON_TOKEN,
    PHONE_TOKEN,
    redact,
    without_personal,
)
from graph_builder.readers import read_document
from graph_builder.serialize import serialize, union_graph
from lapekg.personal import name_pattern
from ontology.namespaces import LKG, output_prefixes
from ontology.validate import format_report, validate

FIXTURES = Path(__file__).parent / "fixtures" / "curation"
EXAMPLE = Path(__file__).parent.parent / "examples" / "curation.yaml"
ID = Namespace("https://w3id.org/lapekg/id/")
PROJECT = ID["project/perhe-keskioon"]
TAU = ID["organisation/tampereen-yliopisto"]
#: What the card says about its contact person, in the forms the text uses.
PERSONAL = ("Liisa", "Mäkinen", "Mäkisen", "liisa.makinen", "example.fi", "kirjaamo@tuni.fi",
            "040 123 4567", "358401234567")


@pytest.fixture(scope="module")
def built() -> Dataset:
    return emit([analyse(read_document(FIXTURES / "perhe-keskioon.txt"))])[0].to_dataset(
        output_prefixes())


@pytest.fixture(scope="module")
def private(built) -> Dataset:
    return without_personal(built)


def terms(data: Graph) -> set:
    return {t for s, p, o, *_ in (data.quads((None, None, None, None))
                                 if isinstance(data, Dataset) else data)
            for t in (s, p, o)}


def literals(data: Graph) -> list[str]:
    return [str(t) for t in terms(data) if isinstance(t, Literal)]


def assert_no_personal_data(data: Graph) -> None:
    g = union_graph(data) if isinstance(data, Dataset) else data
    assert not set(g.subjects(RDF.type, LKG.Person))
    assert not [t for t in terms(data) if isinstance(t, URIRef)
                and (str(t).startswith(("mailto:", "tel:")) or "/person/" in str(t))]
    assert not [p for p in (LKG.email, LKG.telephone) if (None, p, None) in g]
    for text in literals(data):
        for personal in PERSONAL:
            assert personal not in text, f"{personal!r} left in {text!r}"


def test_the_card_has_personal_data_to_remove(built):
    g = union_graph(built)
    assert set(g.subjects(RDF.type, LKG.Person))
    assert any("Mäkisen" in text for text in literals(built))
    assert any(str(t).startswith("mailto:") for t in terms(built))


def test_no_person_contact_or_name_is_left(private):
    assert_no_personal_data(private)


def test_participations_and_evidence_of_people_go(private):
    g = union_graph(private)
    for part in g.subjects(RDF.type, LKG.Participation):
        assert g.value(part, LKG.agent) is not None
    for ev in g.subjects(RDF.type, LKG.Evidence):  # no evidence of a removed fact
        triple = (g.value(ev, RDF.subject), g.value(ev, RDF.predicate), g.value(ev, RDF.object))
        assert triple in g, triple
    assert (PROJECT, LKG.hasContact, None) not in g


def test_quotes_stay_with_names_emails_and_phones_replaced(private):
    quotes = [str(q) for q in union_graph(private).objects(None, LKG.quote)]
    coordinator = next(q for q in quotes if q.startswith("Hanketta koordinoi"))
    assert coordinator == ("Hanketta koordinoi Pirkanmaan sairaanhoitopiiri, jonka "
                           f"yhteyshenkilönä toimii {PERSON_TOKEN} (puh. {PHONE_TOKEN}).")
    partner = next(q for q in quotes if q.startswith("Hankkeen kehittäjäkumppanina"))
    assert f"ohjaa {PERSON_TOKEN} työryhmä ({EMAIL_TOKEN})" in partner


def test_other_facts_and_their_evidence_stay(built, private):
    g = union_graph(private)
    for triple in [(PROJECT, LKG.hasDevelopmentPartner, TAU),
                   (PROJECT, LKG.endDate, Literal("2018-12-31", datatype=XSD.date))]:
        assert triple in g
        assert set(g.subjects(RDF.subject, PROJECT)) & set(g.subjects(RDF.object, triple[2]))
    amounts = set(g.objects(None, LKG.amount))
    assert amounts == {decimal_literal(Decimal(1200000))}
    assert len(private) > len(built) * 0.6


def test_the_result_conforms(private):
    report = validate(union_graph(private))
    assert report.conforms, format_report(report)


def test_the_input_is_left_alone_and_the_output_is_deterministic(built):
    before = set(built.quads((None, None, None, None)))
    first = serialize(without_personal(built), "trig")
    assert set(built.quads((None, None, None, None))) == before
    assert serialize(without_personal(built), "trig") == first


def test_a_graph_gives_a_graph(built):
    out = without_personal(union_graph(built))
    assert type(out) is Graph
    assert_no_personal_data(out)


def test_contact_values_of_organisations_go_too(built):
    data = copy_data(built)
    doc = next(g for g in data.graphs() if "/document/" in str(g.identifier))
    doc.add((TAU, LKG.email, URIRef("mailto:kirjaamo@tuni.fi")))
    doc.add((TAU, LKG.telephone, URIRef("tel:+358294520000")))
    out = union_graph(without_personal(data))
    assert (TAU, LKG.email, None) not in out and (TAU, LKG.telephone, None) not in out
    assert (TAU, RDF.type, LKG.Organisation) in out


def test_names_in_iris_become_opaque_and_links_hold():
    """The bundled corpus has a measure slugged from "Aulikki Kananojan selvitystyön"."""
    out = without_personal(build(None).dataset)
    g = union_graph(out)
    assert not [t for t in terms(out) if "kananoja" in str(t).lower()]
    measure = next(m for m in g.subjects(RDF.type, LKG.Measure)
                   if "selvitystyön" in str(g.value(m, RDFS.label)))
    assert re.search(r"/measure/x-[0-9a-f]{16}$", str(measure))
    assert PERSON_TOKEN in str(g.value(measure, RDFS.label))
    assert (measure, LKG.measureOf, ID["programme/lape"]) in g
    assert set(g.subjects(RDF.subject, measure))
    report = validate(g)
    assert report.conforms, format_report(report)


def test_curated_then_private_still_conforms():
    out = without_personal(apply_curation(build(None).dataset, load_curation(EXAMPLE)))
    assert not set(union_graph(out).subjects(RDF.type, LKG.Person))
    report = validate(union_graph(out))
    assert report.conforms, format_report(report)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yhteyshenkilö: Liisa Mäkinen, p. 040 123 4567", f"Yhteyshenkilö: {PERSON_TOKEN}, p. "
         f"{PHONE_TOKEN}"),
        ("Mäkisen työryhmä", f"{PERSON_TOKEN} työryhmä"),
        ("liisa.makinen@example.fi tai +358 40 123 4567", f"{EMAIL_TOKEN} tai {PHONE_TOKEN}"),
        ("Valtionavustus 1 200 000 euroa (80 %) vuonna 2018",
         "Valtionavustus 1 200 000 euroa (80 %) vuonna 2018"),
        ("Tampereen yliopisto", "Tampereen yliopisto"),
    ],
)
def test_redact(text, expected):
    assert redact(text, name_pattern(["Liisa Mäkinen"])) == expected
