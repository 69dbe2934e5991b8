"""Namespaces and the lapekg vocabulary, in one place.

Every module that writes or reads RDF takes its terms from here, so that the
ontology (``lapekg.ttl``), the builder, the queries and the views cannot drift
apart: a test checks that each term named here is declared in the ontology.

The base IRI of *data* (entities, documents, evidence) is a setting, not a
constant: see :func:`data_namespace`.
"""

from __future__ import annotations

import os

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

#: The ontology's own namespace. Stable: published terms never change meaning.
LKG = Namespace("https://w3id.org/lapekg/ontology#")
#: Default base of data IRIs; override with ``--base`` or ``LAPEKG_BASE``.
DEFAULT_DATA_BASE = "https://w3id.org/lapekg/id/"

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
FRAPO = Namespace("http://purl.org/cerif/frapo/")
OA = Namespace("http://www.w3.org/ns/oa#")
CPOV = Namespace("http://data.europa.eu/m8g/")
SH = Namespace("http://www.w3.org/ns/shacl#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

#: Concept schemes (SKOS) live under the ontology namespace's sibling.
ROLE = Namespace("https://w3id.org/lapekg/ontology/role/")
MEASURE_KIND = Namespace("https://w3id.org/lapekg/ontology/measure-kind/")
FUNDING_KIND = Namespace("https://w3id.org/lapekg/ontology/funding-kind/")

#: Prefixes bound on every graph lapekg writes (rdflib would invent ``ns1:``).
PREFIXES: dict[str, Namespace] = {
    "lkg": LKG,
    "role": ROLE,
    "mkind": MEASURE_KIND,
    "fkind": FUNDING_KIND,
    "org": ORG,
    "schema": SCHEMA,
    "frapo": FRAPO,
    "oa": OA,
    "cpov": CPOV,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "foaf": FOAF,
    "sh": SH,
}

# --- Classes --------------------------------------------------------------
CLASSES = (
    "Programme",        # a government or national change programme (LAPE)
    "Project",          # a regional or other project
    "Region",           # a Finnish region (maakunta), from reference data
    "Municipality",     # a municipality, as an area and as the public body
    "SpecialResponsibilityArea",  # an erva: hospital districts around a university hospital
    "Organisation",     # any organisation named in a text
    "Partner",          # an organisation with a role in a project
    "Person",
    "Measure",          # an action, development area or plan
    "Funding",          # an amount of money of a kind (grant, cost, own share)
    "Grant",            # a Funding that is a grant (state grant)
    "Participation",    # reified role: agent, role, context, period, source
    "SourceDocument",   # a document the builder read
    "Sentence",         # a span of a source document
    "Evidence",         # one extracted fact: statement + sentence + rule
)

# --- Object properties -----------------------------------------------------
OBJECT_PROPERTIES = (
    "partOf",               # Project -> Programme | Project (sub-project)
    "hasSubProject",        # Project -> Project
    "inRegion",             # Project | Organisation | Person -> Region
    "operatesIn",           # Project -> Municipality (works there: "Iissä ja Vaalassa")
    "administeredBy",       # Project -> Organisation (hallinnoija)
    "coordinatedBy",        # Project -> Organisation (koordinoi)
    "steeredBy",            # Project -> Organisation (ohjausryhmä)
    "supportedBy",          # Project -> Organisation (tukena toimi)
    "hasConsortiumMember",  # Project -> Organisation (hankekonsortio, osatoteuttaja)
    "hasDevelopmentPartner",  # Project -> Organisation (kehittäjäkumppani)
    "hasParticipant",       # Project -> Organisation (osallistujat); super-property of the above
    "fundedBy",             # Project | Funding -> Organisation (rahoittaja)
    "hasContact",           # Project -> Person (yhteyshenkilö)
    "cooperatesWith",       # Organisation <-> Organisation | Project (yhteistyössä)
    "keyProjectOf",         # Programme -> Organisation (hallituksen kärkihanke)
    "contributesTo",        # Programme | Project -> Programme
    "measureOf",            # Measure -> Programme | Project
    "targets",              # Measure -> Municipality | Region | Organisation
    "basedOnWorkOf",        # Measure -> Person (selvitystyön pohjalta)
    "evaluates",            # Organisation -> Measure (arvioi)
    "trains",               # Organisation -> Measure (kouluttaa, vastaa koulutuksista)
    "carriedOutWith",       # Measure -> Organisation (yhteistyössä X:n kanssa, X:n tuella)
    "responsibleFor",       # Person | Organisation -> Project | Programme | Measure | Region
    "memberOf",             # Person | Organisation -> Organisation
    "unitOf",               # Organisation -> Organisation (X:n yksikkö)
    "hasFunding",           # Project | Programme | Measure -> Funding
    "contributes",          # Organisation -> Funding it pays (omarahoitusosuus, maksuosuus)
    "fundingKind",          # Funding -> skos:Concept in FUNDING_KIND
    "measureKind",          # Measure -> skos:Concept in MEASURE_KIND
    "participation",        # Project | Programme | Region | Organisation -> Participation
    "agent",                # Participation -> Organisation | Person
    "hasParticipation",     # Person -> Participation (the inverse of agent, for people)
    "role",                 # Participation -> skos:Concept in ROLE
    "context",              # Participation -> Project | Programme | Region | Organisation
    "municipalityRegion",   # Municipality -> Region (reference data)
    "sentence",             # Evidence -> Sentence
    "inDocument",           # Sentence -> SourceDocument
    "mentionedIn",          # any entity -> SourceDocument
    "email",                # Person | Organisation -> mailto: IRI
    "telephone",            # Person | Organisation -> tel: IRI (RFC 3966, E.164)
    "homepage",             # any entity -> web page IRI
)

# --- Datatype properties ---------------------------------------------------
DATATYPE_PROPERTIES = (
    "startDate",        # xsd:date | xsd:gYearMonth | xsd:gYear
    "endDate",
    "completionDate",   # when a plan or measure is to be ready
    "decisionDate",     # Organisation | Project: a decision the text records (§, grant)
    "amount",           # xsd:decimal
    "currency",         # ISO 4217 code, "EUR"
    "share",            # xsd:decimal fraction 0..1 of the total
    "jobTitle",         # a person's title as written (hankepäällikkö); not "title":
                        # evaluators read any *title property as a name
    "code",             # official code (Statistics Finland)
    "abbreviation",     # an abbreviation the text or reference data gives
    "rule",             # Evidence: name of the rule that made the fact
    "confidence",       # Evidence: xsd:decimal 0..1
    "startOffset",      # Sentence: character offset in the document text
    "endOffset",
    "line",             # Sentence: 1-based line number
    "quote",            # Sentence: the sentence as it stands in the text
    "fileName",         # SourceDocument: file name as given
    "sha256",           # SourceDocument: hash of the bytes read
    "mediaType",        # SourceDocument: text/plain, text/html, application/pdf ...
)

ROLES = (
    "administrator", "coordinator", "steering-group", "supporter",
    "consortium-member", "development-partner", "participant", "funder",
    "contact", "cooperation-partner", "project-manager", "change-agent",
    "chair", "vice-chair", "secretary",
)
MEASURE_KINDS = ("bridging-measure", "development-area", "plan", "action")
FUNDING_KINDS = ("state-grant", "total-cost", "own-contribution", "funding")


def data_namespace(base: str | None = None) -> Namespace:
    """Return the namespace of data IRIs.

    Order of precedence: the explicit argument, the ``LAPEKG_BASE``
    environment variable, then :data:`DEFAULT_DATA_BASE`. A base must end in
    ``/`` or ``#`` so that local names append cleanly.
    """
    value = base or os.environ.get("LAPEKG_BASE") or DEFAULT_DATA_BASE
    if not value.endswith(("/", "#")):
        raise ValueError(f"base IRI must end with '/' or '#': {value!r}")
    return Namespace(value)


#: The folders of data IRIs under the data base (``id:``): one per kind of node.
DATA_PATHS = ("region", "municipality", "organisation", "programme", "project", "person",
              "measure", "document", "sentence", "evidence", "participation", "funding",
              "dataset", "curation")
#: The vocabulary prefixes the builder's output uses (others are written in full).
OUTPUT_VOCABULARY = ("lkg", "role", "mkind", "fkind", "prov", "skos", "dcterms", "rdf",
                     "rdfs", "xsd")


def output_prefixes(base: str | None = None) -> dict[str, str]:
    """Prefixes of written graphs: the vocabulary's, ``id:`` and one per data folder
    (``evidence:`` for ``id:evidence/``), so that Turtle names every node as a
    short prefixed name instead of ``id:evidence\\/…``."""
    data = str(data_namespace(base))
    out = {name: str(PREFIXES[name]) for name in OUTPUT_VOCABULARY}
    out["id"] = data
    out.update({path: f"{data}{path}/" for path in DATA_PATHS})
    return out


def bind_prefixes(graph: Graph, base: str | None = None) -> Graph:
    """Bind every lapekg prefix (and ``id:`` for data) on ``graph``."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("id", data_namespace(base), override=True, replace=True)
    return graph
