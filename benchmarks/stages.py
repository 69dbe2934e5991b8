"""Where a build's time goes: the pipeline's stages timed from outside, and the floor.

Why a copy of ``pipeline.analyse``: the stages are plain functions, but
``analyse`` calls them all in one loop, so the only way to time each one
without editing the pipeline is to call them step by step in the same
order, as :func:`analyse_timed` does. That it still computes the same thing
is a test (``tests/test_benchmarks_quick.py``: same emitted bytes as
``pipeline.build``), so the copy cannot drift silently.

The *floor* is libvoikko alone analysing every word the build analysed, in
a fresh ``Voikko`` with no cache: no build that reads every word with
libvoikko can be faster than that.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from benchmarks.measure import Clock
from graph_builder import cards
from graph_builder.context import DocContext
from graph_builder.emit import doc_id
from graph_builder.errors import EmptyDocumentError, SourceError
from graph_builder.gazetteer import Gazetteer, gazetteer
from graph_builder.measures import measures
from graph_builder.mentions import sentence_mentions
from graph_builder.model import Document, Kind, Mention
from graph_builder.morphology import tokenize
from graph_builder.pipeline import DocResult, _dedupe, emit
from graph_builder.readers import read_document
from graph_builder.relations import relation_facts
from graph_builder.resolve import Entity, resolve_document
from graph_builder.segment import blocks as split_blocks
from graph_builder.segment import sentences as split_sentences
from graph_builder.serialize import serialize
from graph_builder.values import contacts, money, periods

#: In pipeline order; "values" (money, dates, contacts) and "emit" are stages too.
STAGES = ("read", "segment", "morphology", "mentions", "values", "resolution", "relations",
          "emit", "serialise")


def analyse_timed(document: Document, gaz: Gazetteer, clock: Clock) -> DocResult:
    """``pipeline.analyse``, step by step, each step under its stage's clock."""
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
            mentions += cards.structural_mentions(sent, block_list[sent.block], toks, mentions,
                                                  block_list)
            found.extend(sorted(mentions, key=lambda m: m.start))
    with clock("resolution"):
        did = doc_id(document)
        resolution = resolve_document(found, tokens, text, gaz, did)
        ctx = DocContext(document, did, block_list, sentence_list, tokens, resolution,
                         per_periods, per_money, per_contacts)
    with clock("relations"):
        facts = list(relation_facts(ctx))
        found_measures, measure_facts = measures(ctx)
        labels: dict[str, str] = {}
        for m in found_measures:
            ent = resolution.entities.setdefault(m.key, Entity(m.key, Kind.MEASURE))
            ent.add_name(m.label)
            labels[m.key] = m.label
            resolution.mentions.append(Mention(Kind.MEASURE, sentence_list[m.sentence].start,
                                               sentence_list[m.sentence].end, m.label, m.label,
                                               m.rule, m.sentence))
            resolution.keys[len(resolution.mentions) - 1] = m.key
        facts.extend(measure_facts)
        facts = _dedupe(facts)
    return DocResult(document, ctx, facts, labels)


@dataclass
class StagedBuild:
    """A serial build timed per stage, and what it produced."""

    clock: Clock
    results: list[DocResult]
    dataset: Dataset
    output: bytes
    documents: int
    source_bytes: int


def build_timed(paths: list[Path], fmt: str = "turtle") -> StagedBuild:
    """Read, analyse, emit and serialise ``paths`` in this process, each stage timed."""
    clock = Clock()
    gaz = gazetteer()
    results = []
    size = 0
    for path in paths:
        try:
            with clock("read"):
                size += path.stat().st_size
                document = read_document(path)
        except (EmptyDocumentError, SourceError):
            continue
        results.append(analyse_timed(document, gaz, clock))
    with clock("emit"):
        dataset, _, _ = emit(results)
    with clock("serialise"):
        output = serialize(dataset, fmt)
    return StagedBuild(clock, results, dataset, output, len(results), size)


def analysed_words(results: list[DocResult]) -> list[str]:
    """Every word occurrence the tokenizer handed to the analyser (starts with a letter)."""
    return [token.text for result in results for sentence in result.context.tokens.values()
            for token in sentence if token.text[:1].isalpha()]


@dataclass(frozen=True)
class Floor:
    """libvoikko alone over the build's words."""

    words: int
    unique_words: int
    seconds_all: float       # every occurrence: the floor for the same tokens
    seconds_unique: float    # each distinct word once: the floor with a perfect cache


def voikko_floor(words: list[str]) -> Floor:
    """Time a fresh libvoikko ``analyze`` over ``words``, then over each distinct word once."""
    import libvoikko

    voikko = libvoikko.Voikko("fi")
    analyze = voikko.analyze
    start = time.perf_counter()
    for word in words:
        analyze(word)
    every = time.perf_counter() - start
    unique = list(dict.fromkeys(words))
    start = time.perf_counter()
    for word in unique:
        analyze(word)
    once = time.perf_counter() - start
    voikko.terminate()
    return Floor(len(words), len(unique), every, once)
