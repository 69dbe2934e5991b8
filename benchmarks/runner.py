"""The whole benchmark: corpora, measuring children, figures, ``RESULTS.md``.

Why a code snapshot: a full run takes the better part of an hour and others
keep editing the tree. The packages are copied into the work folder at the
start and every child runs that copy, so all figures describe one state of
the code, and a cache filled by the first large build is still valid for
the rebuild (its key includes a hash of the builder's source files).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.build import (
    memory_scaling_figure,
    speedup_figure,
    stages_figure,
    throughput_figure,
)
from benchmarks.child import MEMORY_LIMIT_ENV
from benchmarks.corpus import DEFAULT_SEED, write_corpus
from benchmarks.export import export_figure
from benchmarks.floor import floor_figure
from benchmarks.identity import identity_figure
from benchmarks.measure import ROOT, ChildFailed, ChildRun, machine, run_child, versions
from benchmarks.query_times import query_figure
from benchmarks.rebuild import change_one, rebuild_figure
from benchmarks.report import Figure, render
from benchmarks.view import view_figure

PACKAGES = ("lapekg", "ontology", "graph_builder", "queries", "visualisations", "benchmarks")
EVAL_DOCS = ROOT / "tests" / "eval_corpus" / "docs"
QUERY_TRIPLES = 1_000_000


@dataclass(frozen=True)
class Plan:
    """What one run measures; :func:`plan` gives the full and the quick one."""

    quick: bool
    jobs: int
    stage_docs: int
    speedup_docs: int
    scaling: tuple[int, int]       # (small, big): time(big) / time(small)
    query_docs: int | None         # None: enough documents for QUERY_TRIPLES
    query_runs: int
    identity_docs: int             # generated documents in the same-facts check
    view_base: int                 # documents of the graph the views copy
    view_nodes: tuple[int, ...]
    browser: bool


def plan(quick: bool, jobs: int) -> Plan:
    if quick:
        return Plan(True, jobs, stage_docs=100, speedup_docs=100, scaling=(10, 100),
                    query_docs=10, query_runs=3, identity_docs=10, view_base=10,
                    view_nodes=(300,), browser=False)
    return Plan(False, jobs, stage_docs=1_000, speedup_docs=1_000, scaling=(1_000, 10_000),
                query_docs=None, query_runs=5, identity_docs=100, view_base=100,
                view_nodes=(1_000, 5_000, 20_000), browser=True)


def note(message: str) -> None:
    print(f"[benchmarks {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def snapshot(work: Path) -> Path:
    """Copy the measured packages into ``work/code`` (see the module docstring)."""
    code = work / "code"
    for package in PACKAGES:
        shutil.copytree(ROOT / package, code / package,
                        ignore=shutil.ignore_patterns("__pycache__", "RESULTS.md"))
    return code


def code_state() -> str:
    """The commit and how many files differ from it (read-only git)."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = [line for line in git("status", "--porcelain").splitlines()
               if not line[3:].startswith("benchmarks/")]
    return f"commit {commit}" + (f" with {len(changed)} uncommitted changes outside "
                                 "benchmarks/" if changed else "")


def memory_limit() -> int:
    """Bytes a build child may map: 85 % of the memory available now."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(int(line.split()[1]) * 1024 * 0.85)
    return 16 * 2**30


class Runner:
    """Runs the plan's children in order and keeps their answers."""

    def __init__(self, plan: Plan, work: Path) -> None:
        self.plan = plan
        self.work = work
        self.state = code_state()   # before the snapshot: what the figures describe
        self.code = snapshot(work)
        self.figures: list[Figure] = []
        self.corpora: dict[int, Path] = {}
        self.failures: list[str] = []

    def corpus(self, n: int) -> Path:
        if n not in self.corpora:
            folder = self.work / f"corpus-{n}"
            note(f"writing {n} generated documents")
            write_corpus(n, folder, DEFAULT_SEED)
            self.corpora[n] = folder
        return self.corpora[n]

    def child(self, task: str, *args: str, limit: bool = False) -> ChildRun:
        note(f"{task} {' '.join(args)}")
        env = {MEMORY_LIMIT_ENV: str(memory_limit())} if limit else None
        run = run_child(task, *args, root=self.code, env=env)
        note(f"{task} done in {run.seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")
        return run

    def build(self, n: int, name: str, *, cache: bool = True, export: bool = False,
              suffix: str = ".ttl") -> ChildRun:
        args = [str(self.corpus(n)), "--out", str(self.work / f"{name}{suffix}"),
                "--jobs", str(self.plan.jobs)]
        if cache:
            args += ["--cache", str(self.work / f"cache-{name}")]
        if export:
            args.append("--export")
        return self.child("build", *args, limit=True)

    def step(self, title: str, make: Callable[[], list[Figure]]) -> None:
        """Run one figure's measurements; a failure becomes a figure saying so."""
        try:
            self.figures += make()
        except (ChildFailed, OSError, ValueError, KeyError) as err:
            note(f"{title} failed: {err}")
            self.failures.append(title)
            self.figures.append(Figure(title, f"**Did not finish:** {err}", ("",), ()))

    # --- the figures, in report order ---------------------------------------------

    def identity(self) -> list[Figure]:
        n = self.plan.identity_docs
        small = self.corpus(n)
        run = self.child("identity", str(EVAL_DOCS), str(small), "--jobs", str(self.plan.jobs))
        return [identity_figure(run, {str(EVAL_DOCS): "tests/eval_corpus (8 pages)",
                                      str(small): f"generated, {n} pages"})]

    def builds(self) -> list[Figure]:
        p = self.plan
        staged = self.child("staged", str(self.corpus(p.stage_docs)))
        small, big = p.scaling
        builds = {small: self.build(small, f"build-{small}"),
                  big: self.build(big, f"build-{big}")}
        self.big_build = builds[big]
        serial = self.child("analyse", str(self.corpus(p.speedup_docs)), "--jobs", "1")
        parallel = self.child("analyse", str(self.corpus(p.speedup_docs)), "--jobs", str(p.jobs))
        same = builds.get(p.speedup_docs) or self.build(p.speedup_docs, "build-speedup")
        small_run = builds[small].data
        self.triples_per_doc = small_run.get("triples", small_run["quads"]) / small_run["docs"]
        return [throughput_figure(builds, staged), stages_figure(staged),
                memory_scaling_figure(builds, big, small), speedup_figure(serial, parallel, same),
                floor_figure(staged, builds.get(p.stage_docs))]

    def rebuild(self) -> list[Figure]:
        big = self.plan.scaling[1]
        folder = self.corpus(big)
        changed = change_one(sorted(folder.iterdir()))
        note(f"changed {changed.name}")
        run = self.build(big, f"build-{big}")
        return [rebuild_figure(run, self.big_build)]

    def queries(self) -> list[Figure]:
        p = self.plan
        docs = p.query_docs or max(100, round(QUERY_TRIPLES / self.triples_per_doc))
        built = self.build(docs, f"query-graph-{docs}", cache=False, export=True, suffix=".nq")
        graph = self.work / f"query-graph-{docs}.nq"
        run = self.child("queries", str(graph), "--runs", str(p.query_runs))
        return [query_figure(run), export_figure(built)]

    def view(self) -> list[Figure]:
        p = self.plan
        args = [str(self.corpus(p.view_base)), "--nodes", *map(str, p.view_nodes),
                "--out-dir", str(self.work)]
        if p.browser:
            args.append("--browser")
        return [view_figure(self.child("view", *args))]

    def run(self) -> list[Figure]:
        self.triples_per_doc = 640.0
        self.step("Same facts serial, parallel and cached", self.identity)
        self.step("Builds", self.builds)
        if hasattr(self, "big_build"):
            self.step("Rebuild after one changed document", self.rebuild)
        self.step("Named queries", self.queries)
        self.step("The HTML view", self.view)
        return self.figures


def intro(plan: Plan, started: datetime, seconds: float, state: str,
          failures: list[str]) -> str:
    mode = "`python -m benchmarks --quick` (small sizes, no browser)" if plan.quick else \
        "`python -m benchmarks` (full run)"
    lines = [
        f"Written by {mode} on {started:%Y-%m-%d %H:%M} UTC in {seconds / 60:.1f} min, "
        f"measuring {state} (the tree as it was at the start). Every figure comes from a "
        "fresh child process "
        "(`benchmarks/child.py`) running a snapshot of the code taken at the start. Corpora "
        f"are generated by `benchmarks/corpus.py` (seed {DEFAULT_SEED}): project cards, "
        "partner lists, press releases, news pages (Markdown), report pages (HTML), "
        "minutes and bridging-measure lists, about 1.4 kB of text each.",
        "",
        "Targets are those of issue 6; a **no** is explained under its figure.",
    ]
    if failures:
        lines += ["", "**Did not finish:** " + ", ".join(failures) + "."]
    return "\n".join(lines)


def run(quick: bool, out: Path, jobs: int, work: Path | None = None,
        keep: bool = False) -> Path:
    """Measure everything in ``plan(quick, jobs)`` and write the report to ``out``."""
    started = datetime.now(UTC)
    start = time.perf_counter()
    folder = work or Path(tempfile.mkdtemp(prefix="lapekg-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        the_plan = plan(quick, jobs)
        runner = Runner(the_plan, folder)
        figures = runner.run()
        context = {"Machine": machine(), "Versions": versions()}
        text = render(figures, context,
                      intro(the_plan, started, time.perf_counter() - start, runner.state,
                            runner.failures))
    finally:
        if not keep and work is None:
            shutil.rmtree(folder, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    note(f"wrote {out}")
    return out
