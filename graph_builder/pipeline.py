"""The build: sources -> documents -> mentions -> entities -> facts -> RDF.

:func:`analyse` reads one document to a :class:`DocResult` (pure: the same
text always gives the same result, so results can be cached by content
hash); :func:`build` analyses every source, joins entities across
documents, and emits :class:`~graph_builder.quads.Quads` with a named
graph per document (an rdflib ``Dataset`` only on request: at scale it
cost 2.5 kB and several microseconds a quad).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from graph_builder import cards
from graph_builder.context import DocContext
from graph_builder.continuation import continued_by
from graph_builder.curation import Curation, apply_curation
from graph_builder.emit import Emitter, EntityRecord, Occurrence, doc_id, refine_dates
from graph_builder.errors import SourceError
from graph_builder.gazetteer import Gazetteer, gazetteer
from graph_builder.measures import measures
from graph_builder.mentions import sentence_mentions
from graph_builder.model import TABLE_PROJECT_RULE, Document, Fact, Kind, Mention
from graph_builder.morphology import is_acronym, tokenize
from graph_builder.privacy import without_personal
from graph_builder.quads import Quads
from graph_builder.relations import ROLE_PREDICATE, relation_facts
from graph_builder.resolve import Entity, Resolution, merge, resolve_document
from graph_builder.segment import blocks as split_blocks
from graph_builder.segment import sentences as split_sentences
from graph_builder.value_facts import value_facts
from graph_builder.values import contacts, money, periods
from ontology import reference
from ontology.namespaces import data_namespace, output_prefixes

if TYPE_CHECKING:  # the cache stores DocResults: import it for types only
    from graph_builder.cache import Cache


@dataclass
class DocResult:
    """What one document yields, before entities are joined across documents."""

    document: Document
    context: DocContext
    facts: list[Fact]
    measure_labels: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildResult:
    quads: Quads
    documents: list[Document]
    warnings: list[SourceError]
    entity_counts: Counter
    fact_count: int
    skipped: list[SourceError] = field(default_factory=list)  # empty files: not failures
    base: str | None = None

    @property
    def dataset(self) -> Dataset:
        """The quads as an rdflib ``Dataset`` (made on each call: for small graphs)."""
        return self.quads.to_dataset(output_prefixes(self.base))

    @property
    def graph(self) -> Graph:
        """Every triple of every named graph, as one rdflib graph (for queries and views)."""
        from graph_builder.serialize import union_graph

        return union_graph(self.quads, self.base)


StageClock = Callable[[str], AbstractContextManager[object]]


def _untimed(stage: str) -> AbstractContextManager[object]:
    return nullcontext()


def analyse(document: Document, gaz: Gazetteer | None = None,
            clock: StageClock = _untimed) -> DocResult:
    """Read one document: structure, names, entities, relations, measures.

    ``clock(stage)`` wraps each stage (segment, morphology, values, mentions,
    resolution, relations), so the benchmarks time this very function.
    """
    gaz = gaz or gazetteer()
    text = document.text
    with clock("segment"):
        block_list = split_blocks(text)
        sentence_list = split_sentences(text, block_list)
    tokens: dict[int, list] = {}
    found: list[Mention] = []
    per_periods, per_money, per_contacts = {}, {}, {}
    for sent in sentence_list:
        with clock("morphology"):
            toks = tokenize(sent.text, sent.start)
        tokens[sent.index] = toks
        with clock("values"):
            cs = contacts(sent.text, sent.start)
            per_contacts[sent.index] = cs
            per_periods[sent.index] = periods(sent.text, sent.start)
            per_money[sent.index] = money(sent.text, sent.start)
        with clock("mentions"):
            blocked = [c.span for c in cs]
            mentions = sentence_mentions(sent, toks, gaz, blocked)
            structural = cards.structural_mentions(sent, block_list[sent.block], toks, mentions,
                                                   block_list)
            rows = [m for m in structural if m.rule == TABLE_PROJECT_RULE]
            mentions = [m for m in mentions if not any(   # the row's project, not a body
                r.start <= m.start and m.end <= r.end and m.kind is Kind.ORGANISATION
                for r in rows)] + structural
            found.extend(sorted(mentions, key=lambda m: m.start))
    with clock("resolution"):
        did = doc_id(document)
        resolution = resolve_document(found, tokens, text, gaz, did)
        ctx = DocContext(document, did, block_list, sentence_list, tokens, resolution,
                         per_periods, per_money, per_contacts)
    with clock("relations"):
        facts = list(relation_facts(ctx))
        found_measures, measure_facts, absorbed = measures(ctx)
        labels: dict[str, str] = {}
        for m in found_measures:
            ent = resolution.entities.setdefault(m.key, Entity(m.key, Kind.MEASURE))
            ent.add_name(m.label)
            labels.setdefault(m.key, m.label)   # the rule that found it names it
            resolution.mentions.append(Mention(Kind.MEASURE, sentence_list[m.sentence].start,
                                               sentence_list[m.sentence].end, m.label, m.label,
                                               m.rule, m.sentence))
            resolution.keys[len(resolution.mentions) - 1] = m.key
        facts = facts + measure_facts + continued_by(ctx, found_measures)
        facts.extend(value_facts(ctx, facts))
        facts = _dedupe(_absorb(resolution, absorbed, facts))
    return DocResult(document, ctx, facts, labels)


#: Predicates whose subject or object only an organisation can be: a name another rule
#: read as a party ("THL toteuttaa yhdessä Kuntaliiton kanssa LAPE-akatemian") that
#: turns out to be a measure takes no part in these.
_PARTY_ONLY = frozenset({"contributes", "memberOf", "cooperatesWith", "participation"})


def _absorb(resolution: Resolution, absorbed: dict[str, str], facts: list[Fact]) -> list[Fact]:
    """Names another rule read as organisations or programmes that are a measure's own
    words ("OT-keskus", a run-in title "LAPE-akatemia."): their mentions and facts go to
    the measure, and the entity goes; a role or party fact about it goes too."""
    if not absorbed:
        return facts
    for i, key in list(resolution.keys.items()):
        if key in absorbed:
            resolution.keys[i] = absorbed[key]
    for key, into in absorbed.items():
        old = resolution.entities.pop(key, None)
        if old is not None and into in resolution.entities:
            resolution.entities[into].names.update(old.names)
    return [Fact(absorbed.get(f.subject, f.subject), f.predicate,
                 absorbed.get(f.obj, f.obj) if isinstance(f.obj, str) else f.obj,
                 f.rule, f.sentence, f.confidence, f.extra) for f in facts
            if not _party_fact(f, absorbed)]


def _party_fact(fact: Fact, absorbed: dict[str, str]) -> bool:
    """Does the fact give an absorbed name a part only an organisation plays?"""
    obj = fact.obj if isinstance(fact.obj, str) else None
    if obj in absorbed and (fact.predicate in ROLE_PREDICATE.values() or
                            "role" in dict(fact.extra) or fact.predicate in _PARTY_ONLY):
        return True
    return fact.subject in absorbed and fact.predicate in _PARTY_ONLY


def _map_extra(extra: tuple[tuple[str, object], ...],
               mapping: dict[str, str]) -> tuple[tuple[str, object], ...]:
    """A fact's extra with the entity key it names (a contribution's ``project``)
    joined like subjects and objects are."""
    return tuple((k, mapping.get(v, v) if k == "project" and isinstance(v, str) else v)
                 for k, v in extra)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.subject, f.predicate, str(f.obj), f.sentence, f.extra)
        if key not in seen and f.subject != f.obj:
            seen.add(key)
            out.append(f)
    return out


def _records(entities: dict[str, Entity], gaz: Gazetteer) -> dict[str, EntityRecord]:
    out = {}
    for key, ent in entities.items():
        label = ent.label
        code = None
        if ent.kind is Kind.MUNICIPALITY and key.startswith("municipality:"):
            code = key.split(":", 1)[1]
            place = next((p for p in gaz.municipalities.values() if p.code == code), None)
            label = place.name if place else label
        abbreviations = {a for a in ent.abbreviations if is_acronym(a) or len(a) <= 8}
        ref = gaz.body_by_key.get(key[4:]) if key.startswith("org:") else None
        if ref is not None:   # a national body: its official name, whatever the text wrote
            label = ref.name
            if ref.abbreviation:
                abbreviations.add(ref.abbreviation)
        alts = sorted({n for n in ent.names if n != label and not _same_name(n, label)})
        alts = sorted(set(alts) | {a for a in abbreviations if a != label})
        types = ("SpecialResponsibilityArea",) if key[4:] in gaz.ervas and \
            key.startswith("org:") else ()
        out[key] = EntityRecord(key, ent.kind, label, tuple(alts), tuple(sorted(abbreviations)),
                                code if ent.kind is Kind.MUNICIPALITY else None, types)
    return out


def _naming_mention(res: Resolution, key: str, mapping: dict[str, str],
                    label: str) -> tuple[int, Mention] | None:
    """The first mention in a document that writes the entity's label as it stands,
    so that the evidence for the label quotes a sentence that contains it."""
    for i, m in enumerate(res.mentions):
        k = res.keys.get(i)
        if k is not None and mapping.get(k, k) == key and _same_name(m.name, label):
            return i, m
    return None


def _same_name(a: str, b: str) -> bool:
    return re.sub(r"\W", "", a.casefold()) == re.sub(r"\W", "", b.casefold())


def emit(results: list[DocResult], base: str | None = None,
         quads: Quads | None = None) -> tuple[Quads, Counter, int]:
    """Join entities across documents and write every fact with its evidence.

    ``quads`` receives the graphs (a fresh in-memory one if None), one
    document at a time.
    """
    gaz = gazetteer()
    mapping, entities = merge([r.context.resolution for r in results])
    records = _records(entities, gaz)
    emitter = Emitter(str(data_namespace(base)), quads)
    emitter.reference_regions(reference.regions())
    counts: Counter = Counter()
    facts_total = 0
    for result in sorted(results, key=lambda r: (r.document.name, r.document.sha256)):
        doc = result.document
        ctx = result.context
        emitter.document(doc)
        res = ctx.resolution
        first: dict[str, tuple[int, Mention]] = {}
        for i, m in enumerate(res.mentions):
            key = res.keys.get(i)
            if key is not None:
                first.setdefault(mapping.get(key, key), (i, m))
        for key in sorted(first):
            _, m = _naming_mention(res, key, mapping, records[key].label) or first[key]
            rule = m.rule if _same_name(m.name, records[key].label) else "resolve.canonical-name"
            emitter.entity(records[key], Occurrence(key, doc, ctx.sentences[m.sentence],
                                                   rule, m.confidence))
        facts = [Fact(mapping.get(f.subject, f.subject), f.predicate,
                      mapping.get(f.obj, f.obj) if isinstance(f.obj, str) else f.obj,
                      f.rule, f.sentence, f.confidence, _map_extra(f.extra, mapping))
                 for f in result.facts]
        facts = refine_dates(facts)
        for f in facts:
            for key in (f.subject, f.obj):
                if isinstance(key, str) and key in records and key not in first:
                    first[key] = (-1, None)
                    emitter.entity(records[key], Occurrence(key, doc, ctx.sentences[f.sentence],
                                                           f.rule, f.confidence))
            emitter.fact(doc, ctx.sentences[f.sentence], f)
        emitter.flush()
        facts_total += len(facts)
    for key in records:
        counts[records[key].kind.value] += 1
    return emitter.quads, counts, facts_total


def build(sources: Sequence[Path] | None = None, *, base: str | None = None,
          strict: bool = False,
          progress: Callable[[int, int, str], None] | None = None,
          curation: Curation | None = None, personal: bool = True,
          jobs: int = 1, cache: Cache | None = None,
          spill_dir: Path | None = None) -> BuildResult:
    """Build the graph of ``sources`` (files or folders); the bundled corpus if None.

    ``jobs`` processes read and analyse the documents; ``cache`` keeps each
    document's result by content hash, so a rebuild reads only what changed.
    Neither changes a byte of the output. ``spill_dir`` is where quads go
    when they outgrow memory (see :mod:`graph_builder.quads`).
    """
    from graph_builder.parallel import analyse_all
    from graph_builder.sources import bundled_corpus, discover

    skipped: list[SourceError] = []
    if sources is None:
        files, warnings = list(bundled_corpus()), []
    else:
        found = discover([Path(s) for s in sources])
        files, warnings = list(found.files), list(found.warnings)
        skipped = [SourceError(p, "not a format lapekg reads (text, Markdown, HTML, PDF)")
                   for p in found.skipped]
        if strict and warnings:
            raise warnings[0]
    analysed = analyse_all(files, jobs, cache, strict=strict, progress=progress)
    results = analysed.results
    quads, counts, facts = emit(results, base, Quads(spill_dir))
    if curation is not None or not personal:
        # Curation and redaction rewrite the graph as a whole, in rdflib: fine
        # for the corpora one curates by hand, not for 10,000 generated pages.
        dataset = quads.to_dataset(output_prefixes(base))
        quads.close()
        if curation is not None:
            dataset = apply_curation(dataset, curation, base)
        if not personal:
            dataset = without_personal(dataset, base)
            counts.pop(Kind.PERSON.value, None)
        quads = Quads.from_dataset(dataset, spill_dir)
    return BuildResult(quads, [r.document for r in results], warnings + analysed.warnings,
                       counts, facts, skipped + analysed.skipped, base)
