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


def floor_figure(staged: ChildRun, build: ChildRun | None = None) -> Figure:
    """``build``, if given, is the build of as many documents on every core: the build
    as ``lapekg build`` runs it; the target is judged on it (and on the serial one
    where there is no such build)."""
    d = staged.data
    f = d["floor"]
    serial = d["total"]
    analysis = sum(v for k, v in d["stages"].items() if k not in ("emit", "serialise"))
    floor = f["seconds_all"]
    words = num(f['words'])
    unique = num(f['unique_words'])
    judged = build.data["total"] if build is not None else serial
    ratio = judged / floor
    rows = [
        Row((f"libvoikko alone, every word ({words}), one core", fmt_s(floor), "1.00×")),
        Row((f"libvoikko alone, each distinct word once ({unique})",
             fmt_s(f["seconds_unique"]), fmt_ratio(f["seconds_unique"] / floor))),
        Row(("analysis only (read … relations), one core", fmt_s(analysis),
             fmt_ratio(analysis / floor))),
        Row(("whole build (… emit, serialise), one core", fmt_s(serial),
             fmt_ratio(serial / floor)),
            *((f"≤ {TARGET:.0f}× floor", serial / floor <= TARGET) if build is None else ())),
    ]
    if build is not None:
        rows.append(Row((f"whole build, {build.data['jobs']} processes (`lapekg build`)",
                         fmt_s(judged), fmt_ratio(ratio)), f"≤ {TARGET:.0f}× floor",
                        ratio <= TARGET))
    emit = d["stages"].get("emit", 0.0) + d["stages"].get("serialise", 0.0)
    return Figure(
        f"The libvoikko floor ({num(d['docs'])} documents)",
        "`Voikko('fi').analyze(word)` in a fresh instance (no cache) for every word token "
        "the build's tokenizer handed to the analyser, in the same process after the "
        "stage-timed serial build. The floor is one core's; the build runs its analysis "
        "on every core.",
        ("run", "time", "× floor"), tuple(rows),
        why="" if ratio <= TARGET else
        f"The analysis itself is {analysis / floor:.1f}× the floor on one core (the analyser "
        "caches readings, so common words cost one look-up, and the name, value and relation "
        "rules are regular expressions and dictionary look-ups over the same tokens). "
        f"Emitting and writing the RDF add {fmt_s(emit)} ({emit / floor:.1f}× the floor), "
        "in one process: every fact is written with its evidence record and sentence.")
