"""Where a build's time goes: the pipeline's stages timed one by one, and the floor.

The stages are timed inside ``pipeline.analyse`` itself: it takes a stage
clock, so what is measured is what users run (a test still checks the timed
build emits the same bytes as ``pipeline.build``).

The *floor* is libvoikko alone analysing every word the build analysed, in
a fresh ``Voikko`` with no cache: no build that reads every word with
libvoikko can be faster than that.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import Clock
from graph_builder.errors import EmptyDocumentError, SourceError
from graph_builder.gazetteer import gazetteer
from graph_builder.pipeline import DocResult, analyse, emit
from graph_builder.quads import Quads
from graph_builder.readers import read_document
from graph_builder.serialize import serialize

#: In pipeline order; "values" (money, dates, contacts) and "emit" are stages too.
STAGES = ("read", "segment", "morphology", "mentions", "values", "resolution", "relations",
          "emit", "serialise")


@dataclass
class StagedBuild:
    """A serial build timed per stage, and what it produced."""

    clock: Clock
    results: list[DocResult]
    quads: Quads
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
        results.append(analyse(document, gaz, clock=clock))
    with clock("emit"):
        quads, _, _ = emit(results)
    with clock("serialise"):
        output = serialize(quads, fmt)
    return StagedBuild(clock, results, quads, output, len(results), size)


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
