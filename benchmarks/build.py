"""Build figures: throughput, time per stage, peak memory, scaling, speed-up.

Child side (``child_*``, run in a fresh process by :mod:`benchmarks.child`)
measures; parent side (``*_figure``) turns the JSON answers into
:class:`~benchmarks.report.Figure` tables against the issue's targets.

A *build* here is what ``lapekg build --out FILE`` does once ``pipeline.build``
uses :func:`graph_builder.parallel.analyse_all` (see the report of issue 6):
discover the files, analyse them on ``jobs`` processes with the result cache,
join and emit (one process), serialise, write atomically.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.measure import ChildRun, Clock, max_rss_mb
from benchmarks.report import Figure, Row, fmt_ratio, fmt_s, num

TARGET_10K_SECONDS = 600
TARGET_RSS_MB = 2048
TARGET_SCALING = 11.0


# --- Child side -----------------------------------------------------------------------


def files_of(folder: Path) -> list[Path]:
    from graph_builder.sources import discover

    return list(discover([folder]).files)


def child_staged(folder: Path) -> dict:
    """A serial build timed stage by stage, and libvoikko's floor on its words."""
    from benchmarks.stages import analysed_words, build_timed, voikko_floor

    paths = files_of(folder)
    staged = build_timed(paths)
    floor = voikko_floor(analysed_words(staged.results))
    return {
        "docs": staged.documents, "source_bytes": staged.source_bytes,
        "quads": len(staged.quads), "stages": staged.clock.totals,
        "total": sum(staged.clock.totals.values()), "rss_mb": max_rss_mb(),
        "floor": {"words": floor.words, "unique_words": floor.unique_words,
                  "seconds_all": floor.seconds_all, "seconds_unique": floor.seconds_unique},
    }


def child_analyse(folder: Path, jobs: int) -> dict:
    """Only the analysis phase (read + analyse), on ``jobs`` processes, no cache."""
    from graph_builder.parallel import analyse_all

    paths = files_of(folder)
    start = time.perf_counter()
    analysed = analyse_all(paths, jobs)
    return {"docs": len(analysed.results), "jobs": jobs,
            "seconds": time.perf_counter() - start, "rss_mb": max_rss_mb()}


def child_build(folder: Path, out: Path, jobs: int, cache_dir: Path | None,
                export: bool) -> dict:
    """One build to ``out``, phase by phase; with ``export``, the Turtle export figure too."""
    import resource

    from graph_builder.cache import Cache
    from graph_builder.parallel import analyse_all
    from graph_builder.pipeline import emit
    from graph_builder.quads import Quads
    from graph_builder.serialize import format_for, write
    from lapekg.atomic import atomic_open

    clock = Clock()
    with clock("discover"):
        paths = files_of(folder)
    cache = Cache(cache_dir) if cache_dir else None
    with clock("analyse"):
        analysed = analyse_all(paths, jobs, cache)
    with clock("emit"):
        quads, _, facts = emit(analysed.results, quads=Quads(out.resolve().parent))
    with clock("serialise + write"):
        with atomic_open(out, "wb") as handle:
            write(quads, format_for(out), handle)
    answer = {
        "docs": len(analysed.results), "warnings": len(analysed.warnings), "jobs": jobs,
        "source_bytes": sum(p.stat().st_size for p in paths), "quads": len(quads),
        "spilled": quads.spilled,
        "facts": facts, "output_bytes": out.stat().st_size, "phases": clock.totals,
        "total": sum(clock.totals.values()), "rss_mb": max_rss_mb(),
        "workers_rss_mb": max_rss_mb(resource.RUSAGE_CHILDREN),
        "cache": {"hits": cache.hits, "misses": cache.misses, "stored": cache.stored}
        if cache else None,
    }
    if len(quads) <= 2_000_000:   # the union's size, for sizing the query graph
        with quads.ntriples() as stream:
            answer["triples"] = sum(1 for _ in stream)
    if export:
        from benchmarks.export import child_export

        answer["export"] = child_export(quads, out.with_suffix(".export.ttl"))
    quads.close()
    return answer


# --- Parent side ----------------------------------------------------------------------


def _mb(n: float) -> str:
    return f"{num(n)} MB"


def throughput_row(label: str, run: ChildRun) -> Row:
    d = run.data
    return Row((label, num(d['docs']), fmt_s(d["total"]),
                f"{d['docs'] / d['total']:.1f}", f"{d['source_bytes'] / 2**20 / d['total']:.3f}",
                num(d['quads'])))


def throughput_figure(builds: dict[int, ChildRun], staged: ChildRun) -> Figure:
    """Docs/s and MB/s of the serial staged build and of each full build."""
    rows = [throughput_row("serial, in one process (stage-timed)", staged)]
    rows += [throughput_row(f"{run.data['jobs']} jobs, result cache cold", run)
             for _, run in sorted(builds.items())]
    return Figure(
        "Build throughput",
        "Source files read, analysed, joined, emitted and written as Turtle. MB/s counts "
        "the source files' bytes. Time is the build's own (the process start and imports, "
        "about 1 s, are not counted).",
        ("build", "documents", "time", "docs/s", "MB/s", "quads"), tuple(rows))


def stages_figure(staged: ChildRun) -> Figure:
    """Where the serial build's time goes."""
    from benchmarks.stages import STAGES

    d = staged.data
    total = d["total"]
    rows = [Row((stage, fmt_s(d["stages"].get(stage, 0.0)),
                 f"{d['stages'].get(stage, 0.0) / d['docs'] * 1000:.2f}",
                 f"{d['stages'].get(stage, 0.0) / total * 100:.1f} %"))
            for stage in STAGES]
    rows.append(Row(("total", fmt_s(total), f"{total / d['docs'] * 1000:.2f}", "100 %")))
    analysis = sum(d["stages"].get(s, 0.0) for s in STAGES[:7])
    return Figure(
        f"Time per stage ({num(d['docs'])} documents, serial)",
        "The stage functions of `pipeline.analyse`, called one by one in the same order "
        "(`benchmarks/stages.py`; a test checks it emits the same bytes as `pipeline.build`), "
        "then `pipeline.emit` and `serialize(…, 'turtle')`. `values` is money, dates and "
        "contacts; `relations` includes measures.",
        ("stage", "time", "ms/doc", "share"), tuple(rows),
        why=f"Reading the Finnish (read → relations) takes {fmt_s(analysis)}, "
            f"{analysis / total * 100:.0f} % of the build; joining entities, emitting each "
            "fact with its evidence as N-Triples text and writing sorted Turtle take the "
            "rest.")


def memory_scaling_figure(builds: dict[int, ChildRun], big: int, small: int) -> Figure:
    """The large build against its targets: time, memory, scaling."""
    run, base = builds[big], builds[small]
    d = run.data
    ratio = d["total"] / base.data["total"]
    phases = ", ".join(f"{k} {fmt_s(v)}" for k, v in d["phases"].items())
    peak = max(run.peak_rss_mb, d["rss_mb"])
    together = peak + d["workers_rss_mb"] * d["jobs"]
    full = big >= 10_000
    rows = (
        Row((f"time, {num(big)} documents", fmt_s(d["total"])),
            f"≤ {TARGET_10K_SECONDS} s" if full else "",
            d["total"] <= TARGET_10K_SECONDS if full else None),
        Row(("phases", phases)),
        Row(("peak RSS, build process", _mb(peak)), "≤ 2 048 MB" if full else "",
            peak <= TARGET_RSS_MB if full else None),
        Row(("peak RSS, largest worker", _mb(d["workers_rss_mb"]))),
        Row((f"peak RSS, build + {d['jobs']} workers (upper bound)", _mb(together))),
        Row((f"time({num(big)}) / time({num(small)})", fmt_ratio(ratio)),
            "≤ 11" if full else "", ratio <= TARGET_SCALING if full else None),
    )
    why = ""
    if full and not all(r.met for r in rows if r.met is not None):
        phase_shares = ", ".join(f"{k} {v / d['total'] * 100:.0f} %"
                                 for k, v in d["phases"].items())
        why = (f"Shares of the build: {phase_shares}. The analysis runs on {d['jobs']} "
               "processes; joining entities, emitting and writing run in one. Quads are "
               "N-Triples strings, spilled to disk past 250 000 and sorted by GNU sort "
               f"(spilled here: {'yes' if d.get('spilled') else 'no'}).")
    return Figure(
        f"Large build: time, memory, scaling ({num(big)} documents)",
        f"One build of {num(big)} generated documents on {d['jobs']} processes, result cache "
        "cold (every result is computed and stored), in a fresh child process. Peak RSS from "
        "`os.wait4` (the kernel's rusage of that child); the workers' peak from "
        "`RUSAGE_CHILDREN` inside it.",
        ("measure", "value"), rows, why=why)


def speedup_figure(serial: ChildRun, parallel: ChildRun, build: ChildRun) -> Figure:
    """Analysis on one process against all cores, and what it does to the whole build."""
    s, p = serial.data["seconds"], parallel.data["seconds"]
    rest = sum(v for k, v in build.data["phases"].items() if k not in ("analyse", "discover"))
    rows = (
        Row(("read + analyse, 1 process", fmt_s(s), "1.00×")),
        Row((f"read + analyse, {parallel.data['jobs']} processes", fmt_s(p), fmt_ratio(s / p))),
        Row(("whole build, 1 process (analysis + emit + serialise + write)", fmt_s(s + rest),
             "1.00×")),
        Row((f"whole build, {parallel.data['jobs']} processes", fmt_s(p + rest),
             fmt_ratio((s + rest) / (p + rest)))),
    )
    return Figure(
        f"Parallel speed-up ({num(serial.data['docs'])} documents)",
        "`analyse_all(paths, jobs)` in fresh processes, no cache; the whole-build rows add "
        "the emit, serialise and write times of the build of the same documents, which run "
        "in one process whatever `jobs` is.",
        ("run", "time", "speed-up"), rows, why=speedup_why(s / p, (s + rest) / (p + rest)))


def speedup_why(analysis: float, whole: float) -> str:
    """No target here; say what limits the gain."""
    if analysis < 1.2:
        return ("No target. With this few documents, starting the workers and sending "
                "results back costs about what the second core saves.")
    return (f"No target. The analysis gains {analysis:.2f}×; joining entities across "
            "documents, emitting RDF and writing it stay in one process, so the whole build "
            f"gains only {whole:.2f}× (Amdahl).")
