"""The ontology declares the vocabulary of namespaces.py, in two languages,
aligned only to terms that exist, and in a way the evaluation reads right."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ontology import (
    FUNDING_KIND_SCHEME,
    MEASURE_KIND_SCHEME,
    ONTOLOGY_IRI,
    ROLE_SCHEME,
    load_ontology,
    load_shapes,
    ontology_text,
)
from ontology.namespaces import (
    CLASSES,
    CPOV,
    DATATYPE_PROPERTIES,
    FOAF,
    FRAPO,
    FUNDING_KIND,
    FUNDING_KINDS,
    LKG,
    MEASURE_KIND,
    MEASURE_KINDS,
    OA,
    OBJECT_PROPERTIES,
    ORG,
    ROLE,
    ROLES,
    SCHEMA,
)

#: Properties that namespaces.py lists with the datatype properties but whose
#: values are IRIs (mailto:, tel:, http:), so the ontology declares them as
#: object properties, aligned with FOAF's IRI-valued mbox, phone and homepage.
IRI_VALUED = {"email", "telephone", "homepage"}

#: Every outside term the ontology aligns to, each checked against its own
#: vocabulary's published definition when it was added. A new alignment must
#: be checked the same way and added here.
VERIFIED_TERMS = {
    ORG.Organization, ORG.OrganizationalCollaboration, ORG.Membership, ORG.member,
    ORG.hasMembership, ORG.hasMember, ORG.memberOf, ORG.role, ORG.Role, ORG.organization,
    ORG.unitOf,
    PROV.Activity, PROV.Entity, PROV.Organization, PROV.Person, PROV.Plan,
    PROV.wasInfluencedBy, PROV.wasQuotedFrom,
    SCHEMA.Project, SCHEMA.AdministrativeArea, SCHEMA.Person, SCHEMA.MonetaryAmount,
    SCHEMA.MonetaryGrant, SCHEMA.areaServed, SCHEMA.containedInPlace, SCHEMA.funder,
    SCHEMA.startDate, SCHEMA.endDate, SCHEMA.value, SCHEMA.currency, SCHEMA.jobTitle,
    SCHEMA.email, SCHEMA.telephone,
    FRAPO.Funding, FRAPO.Grant, FRAPO.FundingProgramme, FRAPO.isFundedBy,
    FRAPO.collaboratesWith, FRAPO.providesFractionOfTotalFunding,
    FRAPO.funds,  # "links an agent providing funding to something that it funds"
    OA.TextQuoteSelector, OA.TextPositionSelector, OA.start, OA.end, OA.exact,
    CPOV.PublicOrganisation,
    FOAF.Person, FOAF.Document, FOAF.mbox, FOAF.phone, FOAF.homepage,
    DCTERMS.isPartOf, DCTERMS.hasPart, DCTERMS.identifier, DCTERMS.format,
    SKOS.altLabel, SKOS.Concept, RDF.Statement, RDF.langString,
}
KNOWN_NAMESPACES = (str(ORG), str(PROV), str(SCHEMA), str(FRAPO), str(OA), str(CPOV),
                    str(FOAF), str(DCTERMS), str(SKOS), str(RDF), str(RDFS), str(OWL), str(XSD))

#: Class local names that the evaluation (shared/eval/score.py) counts as
#: entities, with every subclass of a class so named.
SCORER_ENTITY_NAMES = {"programme", "program", "project", "subproject", "region", "partner",
                       "organisation", "organization", "agent", "municipality", "person",
                       "measure"}
NON_ENTITY_CLASSES = ("Funding", "Grant", "Participation", "Evidence", "Sentence",
                      "SourceDocument")

#: Finnish cue words a rule may look for: each must be a label of its concept.
CUE_WORDS = [
    (ROLE["administrator"], "hallinnoija"),
    (ROLE["coordinator"], "koordinaattori"),
    (ROLE["coordinator"], "koordinoija"),
    (ROLE["steering-group"], "ohjausryhmä"),
    (ROLE["supporter"], "tukija"),
    (ROLE["consortium-member"], "osatoteuttaja"),
    (ROLE["consortium-member"], "konsortion jäsen"),
    (ROLE["development-partner"], "kehittäjäkumppani"),
    (ROLE["funder"], "rahoittaja"),
    (ROLE["contact"], "yhteyshenkilö"),
    (ROLE["project-manager"], "hankepäällikkö"),
    (ROLE["project-manager"], "projektipäällikkö"),
    (ROLE["change-agent"], "muutosagentti"),
    (MEASURE_KIND["bridging-measure"], "siltaustoimi"),
    (MEASURE_KIND["development-area"], "kehittämisen osa-alue"),
    (MEASURE_KIND["development-area"], "kehittämiskohde"),
    (MEASURE_KIND["plan"], "suunnitelma"),
    (FUNDING_KIND["state-grant"], "valtionavustus"),
    (FUNDING_KIND["total-cost"], "kustannusarvio"),
    (FUNDING_KIND["own-contribution"], "omavastuu"),
]


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def languages(graph, subject, predicate) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def ancestors(graph, cls) -> set:
    seen, todo = set(), [cls]
    while todo:
        for parent in graph.objects(todo.pop(), RDFS.subClassOf):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def local_name(term) -> str:
    return str(term).replace("#", "/").rstrip("/").rsplit("/", 1)[-1]


def test_ontology_parses_and_has_a_versioned_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/0.1.0")
    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert onto.value(ONTOLOGY_IRI, predicate) is not None, predicate


def test_header_writes_down_every_modelling_choice(onto):
    comment = str(onto.value(ONTOLOGY_IRI, RDFS.comment))
    for choice in ("ROLES", "PROVENANCE", "IDENTITY", "TIME", "MONEY", "PERSONAL DATA"):
        assert choice in comment
    for detail in ("lkg:Participation", "rdf:subject", "named graph", "LAPEKG_BASE",
                   "xsd:gYearMonth", "xsd:decimal", "EUR", "--no-personal"):
        assert detail in comment


def test_the_five_classes_of_the_design_card_exist(onto):
    for name in ("Programme", "Project", "Region", "Partner", "Measure"):
        assert (LKG[name], RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("name", CLASSES)
def test_every_class_is_declared_with_fi_and_en_label_and_english_comment(onto, name):
    term = LKG[name]
    assert (term, RDF.type, OWL.Class) in onto
    assert {"fi", "en"} <= languages(onto, term, RDFS.label)
    assert "en" in languages(onto, term, RDFS.comment)


@pytest.mark.parametrize("name", OBJECT_PROPERTIES + DATATYPE_PROPERTIES)
def test_every_property_is_declared_with_fi_and_en_label_and_english_comment(onto, name):
    term = LKG[name]
    expected = (OWL.ObjectProperty if name in OBJECT_PROPERTIES or name in IRI_VALUED
                else OWL.DatatypeProperty)
    assert (term, RDF.type, expected) in onto
    assert {"fi", "en"} <= languages(onto, term, RDFS.label)
    assert "en" in languages(onto, term, RDFS.comment)


def test_ontology_declares_no_lkg_term_that_namespaces_py_does_not_name(onto):
    named = {LKG[n] for n in CLASSES + OBJECT_PROPERTIES + DATATYPE_PROPERTIES}
    declared = {s for s in onto.subjects() if isinstance(s, URIRef) and s.startswith(str(LKG))}
    assert declared == named


@pytest.mark.parametrize("scheme, namespace, names", [
    (ROLE_SCHEME, ROLE, ROLES),
    (MEASURE_KIND_SCHEME, MEASURE_KIND, MEASURE_KINDS),
    (FUNDING_KIND_SCHEME, FUNDING_KIND, FUNDING_KINDS),
])
def test_every_concept_is_in_its_scheme_with_fi_en_labels_and_definition(
        onto, scheme, namespace, names):
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    assert {"fi", "en"} <= languages(onto, scheme, SKOS.prefLabel)
    members = set(onto.subjects(SKOS.inScheme, scheme))
    assert members == {namespace[n] for n in names}
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in onto
        assert languages(onto, concept, SKOS.prefLabel) >= {"fi", "en"}
        assert len([o for o in onto.objects(concept, SKOS.prefLabel) if o.language == "fi"]) == 1
        assert "en" in languages(onto, concept, SKOS.definition)


@pytest.mark.parametrize("concept, word", CUE_WORDS)
def test_finnish_cue_words_are_labels_of_their_concept(onto, concept, word):
    labels = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel)
              for o in onto.objects(concept, p) if o.language == "fi"}
    assert word in labels


def test_alternative_labels_are_finnish(onto):
    assert all(o.language == "fi" for o in onto.objects(None, SKOS.altLabel))


def test_alignments_point_only_to_checked_terms_of_known_vocabularies(onto):
    targets = set()
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass,
                      OWL.equivalentProperty, RDFS.seeAlso, RDFS.domain, RDFS.range):
        for subject, target in onto.subject_objects(predicate):
            if (isinstance(subject, URIRef) and subject.startswith(str(LKG))
                    and isinstance(target, URIRef) and not target.startswith(str(LKG))):
                targets.add(target)
    assert targets
    for target in targets:
        assert str(target).startswith(KNOWN_NAMESPACES), target
        assert target in VERIFIED_TERMS | {XSD.date, XSD.gYearMonth, XSD.gYear,
                                           XSD.decimal, XSD.string, XSD.integer}, target


def test_domains_and_ranges_name_declared_classes(onto):
    for predicate in (RDFS.domain, RDFS.range):
        for _, target in onto.subject_objects(predicate):
            members = list(onto.items(onto.value(target, OWL.unionOf))) \
                if onto.value(target, OWL.unionOf) is not None else [target]
            for member in members:
                if member.startswith(str(LKG)):
                    assert (member, RDF.type, OWL.Class) in onto, member


def test_municipality_is_an_organisation_and_an_area_and_partner_an_organisation(onto):
    assert {LKG.Organisation, SCHEMA.AdministrativeArea} <= ancestors(onto, LKG.Municipality)
    assert LKG.Organisation in ancestors(onto, LKG.Partner)
    assert LKG.Funding in ancestors(onto, LKG.Grant)


@pytest.mark.parametrize("name", NON_ENTITY_CLASSES)
def test_bookkeeping_classes_are_not_entities_to_the_evaluation(onto, name):
    names = {local_name(c).casefold() for c in ancestors(onto, LKG[name]) | {LKG[name]}}
    assert not names & SCORER_ENTITY_NAMES
    assert ORG.Organization not in ancestors(onto, LKG[name])


def test_role_properties_are_sub_properties_of_has_participant(onto):
    for name in ("administeredBy", "coordinatedBy", "steeredBy", "supportedBy",
                 "hasConsortiumMember", "hasDevelopmentPartner"):
        assert (LKG[name], RDFS.subPropertyOf, LKG.hasParticipant) in onto


def test_ontology_is_package_data_not_read_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "owl:Ontology" in ontology_text()
    assert len(load_ontology()) > 500
    assert len(load_shapes()) > 100


def test_shapes_messages_are_english_on_every_property_shape():
    shapes = load_shapes()
    sh = URIRef("http://www.w3.org/ns/shacl#")
    property_shapes = set(shapes.objects(None, URIRef(f"{sh}property")))
    assert property_shapes
    for shape in property_shapes:
        messages = list(shapes.objects(shape, URIRef(f"{sh}message")))
        assert messages and all(m.language == "en" for m in messages), shape
