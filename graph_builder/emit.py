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

from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph_builder import ntriples as nt
from graph_builder.model import Document, Fact, Kind, Sentence
from graph_builder.quads import Quads
from graph_builder.values import When
from ontology.namespaces import FUNDING_KIND, LKG, ROLE

KIND_PATH = {"region": "region", "municipality": "municipality", "org": "organisation",
             "programme": "programme", "project": "project", "person": "person",
             "measure": "measure"}
DATE_PREDICATES = {"startDate", "endDate", "completionDate", "decisionDate"}
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
    types: tuple[str, ...] = ()   # further lkg classes ("SpecialResponsibilityArea")


@dataclass(frozen=True)
class Occurrence:
    """An entity named in a document: where first, and by which rule."""

    key: str
    document: Document
    sentence: Sentence
    rule: str
    confidence: float


class Emitter:
    """Writes triples and their evidence, document by document, into :class:`Quads`.

    Terms are N-Triples text (:mod:`graph_builder.ntriples`); each document's
    triples are collected in a set and handed over by :meth:`flush`, so a
    build holds one document's graph at a time besides what ``Quads`` keeps.
    Node IRIs are hashes of the same values as ever, so they stay stable.
    """

    def __init__(self, base: str, quads: Quads | None = None) -> None:
        self.base = str(base)
        self.quads = quads if quads is not None else Quads()
        self._open: dict[str, set[str]] = {}
        self._sentences: set[str] = set()
        self._vocab: dict[str, str] = {}
        self._rules: dict[str, str] = {}
        self._confidences: dict[float, str] = {}

    # --- IRIs (plain strings; ``nt`` gives their N-Triples form) -------------
    def iri(self, key: str) -> str:
        prefix, _, rest = key.partition(":")
        return f"{self.base}{KIND_PATH[prefix]}/{rest}"

    def doc_iri(self, document: Document) -> str:
        return f"{self.base}document/{doc_id(document)}"

    def sentence_iri(self, document: Document, sentence: Sentence) -> str:
        return f"{self.base}sentence/{doc_id(document)}-{sentence.start}-{sentence.end}"

    def lkg(self, name: str) -> str:
        """``<lkg:name>`` in N-Triples form (cached: the vocabulary is small)."""
        term = self._vocab.get(name)
        if term is None:
            term = self._vocab[name] = nt.iri(f"{LKG}{name}")
        return term

    def graph_of(self, document: Document) -> set[str]:
        return self._open.setdefault(nt.iri(self.doc_iri(document)), set())

    def flush(self) -> None:
        """Hand every open graph to ``quads`` (call after each document)."""
        for graph in sorted(self._open):
            self.quads.add_graph(graph, self._open[graph])
        self._open = {}
        self._sentences = set()

    # --- documents and sentences -----------------------------------------
    def document(self, document: Document) -> None:
        g = self.graph_of(document)
        d = nt.iri(self.doc_iri(document))
        g.add(f"{d} {RDF_TYPE} {self.lkg('SourceDocument')} .")
        g.add(f"{d} {self.lkg('sha256')} {nt.literal(document.sha256)} .")
        g.add(f"{d} {self.lkg('mediaType')} {nt.literal(document.media_type)} .")
        g.add(f"{d} {self.lkg('fileName')} {nt.literal(clean_text(document.name))} .")
        g.add(f"{d} {RDFS_LABEL} {nt.literal(clean_text(document.title or document.name))} .")

    def sentence(self, document: Document, sentence: Sentence) -> str:
        node = nt.iri(self.sentence_iri(document, sentence))
        if node not in self._sentences:
            self._sentences.add(node)
            g = self.graph_of(document)
            g.add(f"{node} {RDF_TYPE} {self.lkg('Sentence')} .")
            g.add(f"{node} {self.lkg('inDocument')} {nt.iri(self.doc_iri(document))} .")
            g.add(f"{node} {self.lkg('startOffset')} {nt.typed(str(sentence.start), 'integer')} .")
            g.add(f"{node} {self.lkg('endOffset')} {nt.typed(str(sentence.end), 'integer')} .")
            g.add(f"{node} {self.lkg('line')} {nt.typed(str(sentence.line), 'integer')} .")
            g.add(f"{node} {self.lkg('quote')} {nt.literal(clean_text(sentence.text), 'fi')} .")
        return node

    def stated(self, document: Document, sentence: Sentence, triple: Triple, rule: str,
               confidence: float) -> None:
        """Add a triple to the document's graph with its evidence.

        ``triple`` holds (plain value, N-Triples form) pairs: the plain values
        name the evidence node as they always have (IRI, or a literal's
        lexical form), the forms are what is written.
        """
        (s, s_nt), (p, p_nt), (o, o_nt) = triple
        g = self.graph_of(document)
        g.add(f"{s_nt} {p_nt} {o_nt} .")
        node = (f"<{self.base}evidence/"
                f"{short_hash(s, p, o, doc_id(document), sentence.start)}> ")
        g.update((f"{node}{EVIDENCE_TYPE} .", f"{node}{RDF_SUBJECT} {s_nt} .",
                  f"{node}{RDF_PREDICATE} {p_nt} .", f"{node}{RDF_OBJECT} {o_nt} .",
                  f"{node}{self.lkg('rule')} {self._rule(rule)} .",
                  f"{node}{self.lkg('confidence')} {self._confidence(confidence)} .",
                  f"{node}{self.lkg('sentence')} {self.sentence(document, sentence)} .",
                  f"{node}{PROV_DERIVED} {nt.iri(self.doc_iri(document))} ."))

    def _rule(self, rule: str) -> str:
        term = self._rules.get(rule)
        if term is None:
            term = self._rules[rule] = nt.literal(rule)
        return term

    def _confidence(self, confidence: float) -> str:
        term = self._confidences.get(confidence)
        if term is None:
            lexical = decimal_lexical(Decimal(str(round(confidence, 2))))
            term = self._confidences[confidence] = nt.typed(lexical, "decimal")
        return term

    # --- entities ----------------------------------------------------------
    def entity(self, record: EntityRecord, occurrence: Occurrence) -> None:
        doc, sent = occurrence.document, occurrence.sentence
        g = self.graph_of(doc)
        node = self.iri(record.key)
        node_nt = nt.iri(node)
        cls = f"{LKG}{record.kind.value}"
        self.stated(doc, sent, (_i(node), TYPE_PAIR, _i(cls)),
                    occurrence.rule, occurrence.confidence)
        if record.kind is Kind.MUNICIPALITY:
            g.add(f"{node_nt} {RDF_TYPE} {self.lkg('Organisation')} .")
        for extra in record.types:
            g.add(f"{node_nt} {RDF_TYPE} {self.lkg(extra)} .")
        if record.kind is not Kind.REGION:
            label = clean_text(record.label)
            self.stated(doc, sent, (_i(node), LABEL_PAIR, (label, nt.literal(label, "fi"))),
                        occurrence.rule, occurrence.confidence)
            for alt in record.alt_labels:
                g.add(f"{node_nt} {SKOS_ALT} {nt.literal(clean_text(alt), 'fi')} .")
            for abbr in record.abbreviations:
                g.add(f"{node_nt} {self.lkg('abbreviation')} {nt.literal(clean_text(abbr))} .")
            if record.code:
                g.add(f"{node_nt} {self.lkg('code')} {nt.literal(record.code)} .")
        g.add(f"{node_nt} {self.lkg('mentionedIn')} {nt.iri(self.doc_iri(doc))} .")

    def partner(self, document: Document, key: str) -> None:
        if key.startswith("org:") or key.startswith("municipality:"):
            self.graph_of(document).add(f"{nt.iri(self.iri(key))} {RDF_TYPE} "
                                        f"{self.lkg('Partner')} .")

    # --- facts ---------------------------------------------------------------
    def fact(self, document: Document, sentence: Sentence, fact: Fact) -> None:
        extra = dict(fact.extra)
        subject = self.iri(fact.subject)
        p = fact.predicate
        rule, confidence = fact.rule, fact.confidence
        if p in ("hasFunding", "contributes"):
            self._funding(document, sentence, fact, subject, extra)
            return
        if p == "fundingShare":   # the share of an amount another sentence stated
            node = self._funding_node(subject, str(extra["kind"]), Decimal(str(extra["amount"])))
            self.stated(document, sentence,
                        (_i(node), (f"{LKG}share", self.lkg("share")),
                         _decimal_pair(Decimal(str(fact.obj)))), rule, confidence)
            return
        if p == "participation":
            self._participation(document, sentence, fact, subject, self.iri(str(fact.obj)),
                                extra)
            return
        pred = (f"{LKG}{p}", self.lkg(p))
        if p in DATE_PREDICATES and isinstance(fact.obj, When):
            obj = _date_pair(fact.obj)
        elif p in CONTACT_PREDICATES:
            value = CONTACT_PREDICATES[p] + str(fact.obj)
            obj = (value, nt.safe_iri(value))
        elif p == "homepage":
            obj = (str(fact.obj), nt.safe_iri(str(fact.obj)))
        elif p == "title":
            title = clean_text(str(fact.obj))
            pred = (f"{LKG}jobTitle", self.lkg("jobTitle"))
            obj = (title, nt.literal(title, "fi"))
        else:
            target = self.iri(str(fact.obj))
            self.stated(document, sentence, (_i(subject), pred, _i(target)), rule, confidence)
            if "role" in extra:
                self.partner(document, str(fact.obj))
                self._participation(document, sentence, fact, subject, target, extra)
            return
        self.stated(document, sentence, (_i(subject), pred, obj), rule, confidence)

    def _participation(self, document: Document, sentence: Sentence, fact: Fact,
                       context: str, agent: str, extra: dict) -> None:
        role = str(extra["role"])
        node = f"{self.base}participation/{short_hash(context, agent, role)}"
        node_nt = nt.iri(node)
        g = self.graph_of(document)
        g.add(f"{node_nt} {RDF_TYPE} {self.lkg('Participation')} .")
        g.add(f"{node_nt} {self.lkg('agent')} {nt.iri(agent)} .")
        g.add(f"{node_nt} {self.lkg('role')} {nt.iri(f'{ROLE}{role}')} .")
        g.add(f"{node_nt} {self.lkg('context')} {nt.iri(context)} .")
        if extra.get("title"):
            g.add(f"{node_nt} {self.lkg('jobTitle')} "
                  f"{nt.literal(clean_text(str(extra['title'])), 'fi')} .")
        if str(fact.obj).startswith("person:"):   # a person's offices, read from the person
            g.add(f"{nt.iri(agent)} {self.lkg('hasParticipation')} {node_nt} .")
        for key, pred in (("start", "startDate"), ("end", "endDate")):
            if isinstance(extra.get(key), When):
                g.add(f"{node_nt} {self.lkg(pred)} {_date_pair(extra[key])[1]} .")
        if extra.get("share") is not None:
            g.add(f"{node_nt} {self.lkg('share')} "
                  f"{_decimal_pair(Decimal(str(extra['share'])))[1]} .")
        self.stated(document, sentence,
                    (_i(context), (f"{LKG}participation", self.lkg("participation")), _i(node)),
                    fact.rule, fact.confidence)

    def _funding_node(self, subject: str, kind: str, amount: Decimal) -> str:
        return f"{self.base}funding/{short_hash(subject, kind, amount)}"

    def _funding(self, document: Document, sentence: Sentence, fact: Fact, subject: str,
                 extra: dict) -> None:
        """A Funding node and the edge to it: ``hasFunding`` from the project, or
        ``contributes`` from the organisation that pays it. The node is named after
        the project (``project`` in a contribution's extra, when the text gives one)
        so that both edges meet on one node; else after the organisation."""
        kind = str(extra.get("kind", "funding"))
        amount = Decimal(str(fact.obj))
        project = extra.get("project")
        owner = self.iri(str(project)) if fact.predicate == "contributes" and project \
            else subject
        node = self._funding_node(owner, kind, amount)
        node_nt = nt.iri(node)
        g = self.graph_of(document)
        g.add(f"{node_nt} {RDF_TYPE} {self.lkg('Funding')} .")
        if kind == "state-grant":
            g.add(f"{node_nt} {RDF_TYPE} {self.lkg('Grant')} .")
        g.add(f"{node_nt} {self.lkg('fundingKind')} {nt.iri(f'{FUNDING_KIND}{kind}')} .")
        g.add(f"{node_nt} {self.lkg('currency')} "
              f"{nt.literal(str(extra.get('currency', 'EUR')))} .")
        values = [((f"{LKG}amount", self.lkg("amount")), _decimal_pair(amount))]
        if extra.get("share") is not None:
            values.append(((f"{LKG}share", self.lkg("share")),
                           _decimal_pair(Decimal(str(extra["share"])))))
        for pred, value in values:
            if owner != subject:   # the project's own fact states them, with its evidence
                g.add(f"{node_nt} {pred[1]} {value[1]} .")
            else:
                self.stated(document, sentence, (_i(node), pred, value), fact.rule,
                            fact.confidence)
        if isinstance(extra.get("start"), When):
            g.add(f"{node_nt} {self.lkg('startDate')} {_date_pair(extra['start'])[1]} .")
            g.add(f"{node_nt} {self.lkg('endDate')} {_date_pair(extra['end'])[1]} .")
        predicate = fact.predicate
        self.stated(document, sentence,
                    (_i(subject), (f"{LKG}{predicate}", self.lkg(predicate)), _i(node)),
                    fact.rule, fact.confidence)

    # --- reference data ------------------------------------------------------
    def reference_regions(self, regions: Iterable) -> None:
        g: set[str] = set()
        source = nt.iri(f"{self.base}dataset/regions")
        g.add(f"{source} {RDF_TYPE} {self.lkg('SourceDocument')} .")
        g.add(f"{source} {RDFS_LABEL} "
              f"{nt.literal('Statistics Finland: regions (maakunnat)', 'en')} .")
        g.add(f"{source} {nt.iri(str(DCTERMS.source))} {nt.iri(REFERENCE_SOURCE)} .")
        for r in regions:
            node = nt.iri(f"{self.base}region/{r.code}")
            g.add(f"{node} {RDF_TYPE} {self.lkg('Region')} .")
            g.add(f"{node} {RDFS_LABEL} {nt.literal(r.name_fi, 'fi')} .")
            if r.name_sv:
                g.add(f"{node} {RDFS_LABEL} {nt.literal(r.name_sv, 'sv')} .")
            if r.name_en:
                g.add(f"{node} {RDFS_LABEL} {nt.literal(r.name_en, 'en')} .")
            g.add(f"{node} {self.lkg('code')} {nt.literal(r.code)} .")
            g.add(f"{node} {PROV_DERIVED} {source} .")
        self.quads.add_graph(nt.iri(f"{self.base}dataset/reference"), g)


Pair = tuple[str, str]
Triple = tuple[Pair, Pair, Pair]
RDF_TYPE = nt.iri(str(RDF.type))
RDFS_LABEL = nt.iri(str(RDFS.label))
RDF_SUBJECT = nt.iri(str(RDF.subject))
RDF_PREDICATE = nt.iri(str(RDF.predicate))
RDF_OBJECT = nt.iri(str(RDF.object))
SKOS_ALT = nt.iri(str(SKOS.altLabel))
PROV_DERIVED = nt.iri(str(PROV.wasDerivedFrom))
EVIDENCE_TYPE = f"{RDF_TYPE} {nt.iri(str(LKG.Evidence))}"
TYPE_PAIR: Pair = (str(RDF.type), RDF_TYPE)
LABEL_PAIR: Pair = (str(RDFS.label), RDFS_LABEL)


def _i(value: str) -> Pair:
    """An IRI as (plain, N-Triples)."""
    return value, nt.iri(value)


def _decimal_pair(value: Decimal) -> Pair:
    text = decimal_lexical(value)
    return text, nt.typed(text, "decimal")


def _date_pair(value: When) -> Pair:
    iso, xsd_name = date_form(value)
    return iso, nt.typed(iso, xsd_name)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def clean_text(text: str) -> str:
    """Source text without control characters that some RDF parsers refuse
    (a form feed from a PDF, a stray escape)."""
    return _CONTROL.sub(" ", text)


def decimal_lexical(value: Decimal) -> str:
    """A decimal in one lexical form, the XSD 1.0 canonical one ("899947.0", "0.8").

    The point and a fraction digit are kept so that Turtle's bare decimal
    (`899947.0`) reads back as the same lexical form: an integer-looking
    "899947"^^xsd:decimal would come back from a Turtle round trip as "899947.0"
    and the graphs would no longer be identical."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return text


def decimal_literal(value: Decimal) -> Literal:
    """:func:`decimal_lexical` as an rdflib literal."""
    return Literal(decimal_lexical(value), datatype=XSD.decimal)


def date_form(value: When) -> tuple[str, str]:
    """(lexical form, XSD type name): xsd:date, xsd:gYearMonth or xsd:gYear,
    the precision the text gave."""
    if value.day is not None:
        return value.iso(), "date"
    if value.month is not None:
        return value.iso(), "gYearMonth"
    return value.iso(), "gYear"


def date_literal(value: When) -> Literal:
    """:func:`date_form` as an rdflib literal."""
    iso, name = date_form(value)
    return Literal(iso, datatype=XSD[name])


def refine_dates(facts: list[Fact]) -> list[Fact]:
    """One start and one end per subject and document, as the shapes require.

    A date that a more precise one of the same fact refines goes (2018 vs
    2018-12-31). Of dates that still disagree, the best stated wins: higher
    confidence, then a card's field ("Hankeaika: …") over a period read from
    running text (a purchase "ajalle 3.9.–30.11.2018" in a sentence naming the
    project), then the earlier sentence."""
    by_slot: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.predicate in DATE_PREDICATES and isinstance(f.obj, When):
            by_slot[(f.subject, f.predicate)].append(f)
    drop: set[int] = set()
    for slot in by_slot.values():
        isos = {f.obj.iso() for f in slot}
        kept = [f for f in slot
                if not any(o != f.obj.iso() and o.startswith(f.obj.iso()) for o in isos)]
        drop.update(id(f) for f in slot if f not in kept)
        best = min(kept, key=_date_rank)
        drop.update(id(f) for f in kept if f.obj.iso() != best.obj.iso())
    return [f for f in facts if id(f) not in drop]


def _date_rank(fact: Fact) -> tuple:
    return (-fact.confidence, not fact.rule.startswith("time.card"), fact.sentence, fact.rule)
