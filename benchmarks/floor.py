"""The floor: libvoikko alone on the same words, and the build's ratio to it.

Why this figure: lapekg cannot read Finnish faster than its morphological
analyser can analyse the words, so the ratio says how much the rest of the
builder costs on top of the one thing it cannot avoid. Measured in the
stage-timed build's child (:func:`benchmarks.stages.voikko_floor`).
"""

from __future__ import annotations

from benchmarks.measure import ChildRun
from benchmarks.report import Figure, Row, fmt_ratio, fmt_s, num

TARGET = 3.0


def floor_figure(staged: ChildRun) -> Figure:
    d = staged.data
    f = d["floor"]
    build = d["total"]
    analysis = sum(v for k, v in d["stages"].items() if k not in ("emit", "serialise"))
    ratio = build / f["seconds_all"]
    words = num(f['words'])
    unique = num(f['unique_words'])
    rows = (
        Row((f"libvoikko alone, every word ({words})", fmt_s(f["seconds_all"]), "1.00×")),
        Row((f"libvoikko alone, each distinct word once ({unique})",
             fmt_s(f["seconds_unique"]), fmt_ratio(f["seconds_unique"] / f["seconds_all"]))),
        Row(("analysis only (read … relations)", fmt_s(analysis),
             fmt_ratio(analysis / f["seconds_all"]))),
        Row(("whole build (… emit, serialise)", fmt_s(build), fmt_ratio(ratio)),
            f"≤ {TARGET:.0f}× floor", ratio <= TARGET),
    )
    return Figure(
        f"The libvoikko floor ({num(d['docs'])} documents)",
        "`Voikko('fi').analyze(word)` in a fresh instance (no cache) for every word token "
        "the build's tokenizer handed to the analyser, in the same process after the "
        "stage-timed serial build.",
        ("run", "time", "× floor"), rows,
        why="" if ratio <= TARGET else
        f"The analysis itself is {analysis / f['seconds_all']:.1f}× the floor (the analyser "
        "caches readings, so common words cost one look-up, and the name, value and relation "
        "rules are regular expressions and dictionary look-ups over the same tokens). The "
        "excess is emitting RDF with rdflib and writing Turtle: see the stage table.")
