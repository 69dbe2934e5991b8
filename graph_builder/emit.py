"""Entities and facts -> RDF, each triple with its evidence.

Every node is an IRI made from content (entity keys, official codes,
hashes of what a node stands for), never a blank node, so a rebuild of the
same sources gives the same graph and stores that refuse blank nodes accept
it. Each document's facts go into the named graph of that document; the
reference data (regions) into ``id:dataset/reference``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph_builder.model import Document, Fact, Kind, Sentence
from graph_builder.values import When
from ontology.namespaces import FUNDING_KIND, LKG, ROLE, bind_prefixes

KIND_PATH = {"region": "region", "municipality": "municipality", "org": "organisation",
             "programme": "programme", "project": "project", "person": "person",
             "measure": "measure"}
DATE_PREDICATES = {"startDate", "endDate", "completionDate"}
CONTACT_PREDICATES = {"email": "mailto:", "telephone": "tel:"}
REFERENCE_SOURCE = "https://stat.fi/en/luokitukset/maakunta/"


def short_hash(*parts: object, length: int = 16) -> str:
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def doc_id(document: Document) -> str:
    return document.sha256[:16]


@dataclass(frozen=True)
class EntityRecord:
    """What the graph says about one entity, corpus-wide."""

    key: str
    kind: Kind
    label: str
    alt_labels: tuple[str, ...]
    abbreviations: tuple[str, ...]
    code: str | None


@dataclass(frozen=True)
class Occurrence:
    """An entity named in a document: where first, and by which rule."""

    key: str
    document: Document
    sentence: Sentence
    rule: str
    confidence: float


class Emitter:
    """Writes triples and their evidence into a Dataset."""

    def __init__(self, base: Namespace) -> None:
        self.ns = base
        self.dataset = Dataset()
        bind_prefixes(self.dataset, str(base))

    # --- IRIs -------------------------------------------------------------
    def iri(self, key: str) -> URIRef:
        prefix, _, rest = key.partition(":")
        return self.ns[f"{KIND_PATH[prefix]}/{rest}"]

    def doc_iri(self, document: Document) -> URIRef:
        return self.ns[f"document/{doc_id(document)}"]

    def sentence_iri(self, document: Document, sentence: Sentence) -> URIRef:
        return self.ns[f"sentence/{doc_id(document)}-{sentence.start}-{sentence.end}"]

    def graph_of(self, document: Document) -> Graph:
        return self.dataset.graph(self.doc_iri(document))

    # --- documents and sentences -----------------------------------------
    def document(self, document: Document) -> None:
        g = self.graph_of(document)
        d = self.doc_iri(document)
        g.add((d, RDF.type, LKG.SourceDocument))
        g.add((d, LKG.sha256, Literal(document.sha256)))
        g.add((d, LKG.mediaType, Literal(document.media_type)))
        g.add((d, LKG.fileName, text_literal(document.name, None)))
        g.add((d, RDFS.label, text_literal(document.title or document.name, None)))

    def sentence(self, document: Document, sentence: Sentence) -> URIRef:
        g = self.graph_of(document)
        node = self.sentence_iri(document, sentence)
        if (node, RDF.type, LKG.Sentence) not in g:
            g.add((node, RDF.type, LKG.Sentence))
            g.add((node, LKG.inDocument, self.doc_iri(document)))
            g.add((node, LKG.startOffset, Literal(sentence.start)))
            g.add((node, LKG.endOffset, Literal(sentence.end)))
            g.add((node, LKG.line, Literal(sentence.line)))
            g.add((node, LKG.quote, text_literal(sentence.text)))
        return node

    def evidence(self, g: Graph, document: Document, sentence: Sentence,
                 triple: tuple, rule: str, confidence: float) -> None:
        s, p, o = triple
        node = self.ns[f"evidence/{short_hash(s, p, o, doc_id(document), sentence.start)}"]
        g.add((node, RDF.type, LKG.Evidence))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, LKG.rule, Literal(rule)))
        g.add((node, LKG.confidence, Literal(Decimal(str(round(confidence, 2))),
                                             datatype=XSD.decimal)))
        g.add((node, LKG.sentence, self.sentence(document, sentence)))
        g.add((node, PROV.wasDerivedFrom, self.doc_iri(document)))

    def stated(self, document: Document, sentence: Sentence, triple: tuple, rule: str,
               confidence: float) -> None:
        """Add a triple to the document's graph with its evidence."""
        g = self.graph_of(document)
        g.add(triple)
        self.evidence(g, document, sentence, triple, rule, confidence)

    # --- entities ----------------------------------------------------------
    def entity(self, record: EntityRecord, occurrence: Occurrence) -> None:
        g = self.graph_of(occurrence.document)
        node = self.iri(record.key)
        cls = LKG[record.kind.value]
        self.stated(occurrence.document, occurrence.sentence, (node, RDF.type, cls),
                    occurrence.rule, occurrence.confidence)
        if record.kind is Kind.MUNICIPALITY:
            g.add((node, RDF.type, LKG.Organisation))
        if record.kind is not Kind.REGION:
            self.stated(occurrence.document, occurrence.sentence,
                        (node, RDFS.label, text_literal(record.label)),
                        occurrence.rule, occurrence.confidence)
            for alt in record.alt_labels:
                g.add((node, SKOS.altLabel, text_literal(alt)))
            for abbr in record.abbreviations:
                g.add((node, LKG.abbreviation, text_literal(abbr, None)))
            if record.code:
                g.add((node, LKG.code, Literal(record.code)))
        g.add((node, LKG.mentionedIn, self.doc_iri(occurrence.document)))

    def partner(self, document: Document, key: str) -> None:
        node = self.iri(key)
        g = self.graph_of(document)
        if key.startswith("org:") or key.startswith("municipality:"):
            g.add((node, RDF.type, LKG.Partner))

    # --- facts ---------------------------------------------------------------
    def fact(self, document: Document, sentence: Sentence, fact: Fact) -> None:
        extra = dict(fact.extra)
        subject = self.iri(fact.subject)
        p = fact.predicate
        if p == "hasFunding":
            self._funding(document, sentence, fact, subject, extra)
        elif p == "participation":
            self._participation(document, sentence, fact, subject, self.iri(str(fact.obj)),
                                extra)
        elif p in DATE_PREDICATES and isinstance(fact.obj, When):
            self.stated(document, sentence, (subject, LKG[p], date_literal(fact.obj)),
                        fact.rule, fact.confidence)
        elif p in CONTACT_PREDICATES:
            self.stated(document, sentence,
                        (subject, LKG[p], URIRef(CONTACT_PREDICATES[p] + str(fact.obj))),
                        fact.rule, fact.confidence)
        elif p == "homepage":
            self.stated(document, sentence, (subject, LKG.homepage, URIRef(str(fact.obj))),
                        fact.rule, fact.confidence)
        elif p == "title":
            self.stated(document, sentence, (subject, LKG.jobTitle, text_literal(str(fact.obj))),
                        fact.rule, fact.confidence)
        else:
            obj = self.iri(str(fact.obj))
            self.stated(document, sentence, (subject, LKG[p], obj), fact.rule, fact.confidence)
            if "role" in extra:
                self.partner(document, str(fact.obj))
                self._participation(document, sentence, fact, subject, obj, extra)

    def _participation(self, document: Document, sentence: Sentence, fact: Fact,
                       context: URIRef, agent: URIRef, extra: dict) -> None:
        role = str(extra["role"])
        node = self.ns[f"participation/{short_hash(context, agent, role)}"]
        g = self.graph_of(document)
        g.add((node, RDF.type, LKG.Participation))
        g.add((node, LKG.agent, agent))
        g.add((node, LKG.role, ROLE[role]))
        g.add((node, LKG.context, context))
        if extra.get("title"):
            g.add((node, LKG.jobTitle, text_literal(str(extra["title"]))))
        self.stated(document, sentence, (context, LKG.participation, node), fact.rule,
                    fact.confidence)

    def _funding(self, document: Document, sentence: Sentence, fact: Fact, subject: URIRef,
                 extra: dict) -> None:
        kind = str(extra.get("kind", "funding"))
        amount = Decimal(str(fact.obj))
        node = self.ns[f"funding/{short_hash(subject, kind, amount)}"]
        g = self.graph_of(document)
        g.add((node, RDF.type, LKG.Funding))
        if kind == "state-grant":
            g.add((node, RDF.type, LKG.Grant))
        g.add((node, LKG.fundingKind, FUNDING_KIND[kind]))
        g.add((node, LKG.currency, Literal(str(extra.get("currency", "EUR")))))
        self.stated(document, sentence, (node, LKG.amount, decimal_literal(amount)),
                    fact.rule, fact.confidence)
        if extra.get("share") is not None:
            self.stated(document, sentence,
                        (node, LKG.share, decimal_literal(Decimal(str(extra["share"])))),
                        fact.rule, fact.confidence)
        if isinstance(extra.get("start"), When):
            g.add((node, LKG.startDate, date_literal(extra["start"])))
            g.add((node, LKG.endDate, date_literal(extra["end"])))
        self.stated(document, sentence, (subject, LKG.hasFunding, node), fact.rule,
                    fact.confidence)

    # --- reference data ------------------------------------------------------
    def reference_regions(self, regions: Iterable) -> None:
        g = self.dataset.graph(self.ns["dataset/reference"])
        source = self.ns["dataset/regions"]
        g.add((source, RDF.type, LKG.SourceDocument))
        g.add((source, RDFS.label, Literal("Statistics Finland: regions (maakunnat)", lang="en")))
        g.add((source, DCTERMS.source, URIRef(REFERENCE_SOURCE)))
        for r in regions:
            node = self.ns[f"region/{r.code}"]
            g.add((node, RDF.type, LKG.Region))
            g.add((node, RDFS.label, Literal(r.name_fi, lang="fi")))
            if r.name_sv:
                g.add((node, RDFS.label, Literal(r.name_sv, lang="sv")))
            if r.name_en:
                g.add((node, RDFS.label, Literal(r.name_en, lang="en")))
            g.add((node, LKG.code, Literal(r.code)))
            g.add((node, PROV.wasDerivedFrom, source))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def text_literal(text: str, lang: str | None = "fi") -> Literal:
    """A literal from source text, without control characters that some RDF
    parsers refuse (a form feed from a PDF, a stray escape)."""
    return Literal(_CONTROL.sub(" ", text), lang=lang)


def decimal_literal(value: Decimal) -> Literal:
    """A decimal in one lexical form, the XSD 1.0 canonical one ("899947.0", "0.8").

    The point and a fraction digit are kept so that Turtle's bare decimal
    (`899947.0`) reads back as the same lexical form: an integer-looking
    "899947"^^xsd:decimal would come back from a Turtle round trip as "899947.0"
    and the graphs would no longer be identical."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def date_literal(value: When) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear: the precision the text gave."""
    if value.day is not None:
        return Literal(value.iso(), datatype=XSD.date)
    if value.month is not None:
        return Literal(value.iso(), datatype=XSD.gYearMonth)
    return Literal(value.iso(), datatype=XSD.gYear)


def refine_dates(facts: list[Fact]) -> list[Fact]:
    """Drop a date that a more precise one of the same fact refines (2018 vs 2018-12-31)."""
    by_slot: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in facts:
        if f.predicate in DATE_PREDICATES and isinstance(f.obj, When):
            by_slot[(f.subject, f.predicate)].add(f.obj.iso())
    kept = []
    for f in facts:
        if f.predicate in DATE_PREDICATES and isinstance(f.obj, When):
            iso = f.obj.iso()
            if any(o != iso and o.startswith(iso) for o in by_slot[(f.subject, f.predicate)]):
                continue
        kept.append(f)
    return kept
