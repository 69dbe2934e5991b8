"""Benchmarks of lapekg: a generated corpus at scale, and figures against targets.

``python -m benchmarks`` (full, the better part of an hour) or ``python -m
benchmarks --quick`` (under a minute) writes ``benchmarks/RESULTS.md``: the
machine, the versions, and one table per figure (build throughput and time
per stage, peak memory, scaling, parallel speed-up, the libvoikko floor,
named query medians on three engines, Turtle export, the HTML view in
Chromium, rebuild with the result cache), each against its target in
issue 6.

Modules: :mod:`benchmarks.corpus` (the generator, with
:mod:`benchmarks.finnish` for inflected names), :mod:`benchmarks.runner`
(the plan), :mod:`benchmarks.child` (one measurement per fresh process),
one module per figure, :mod:`benchmarks.report` (the Markdown).
"""
