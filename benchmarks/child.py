"""``python -m benchmarks.child TASK ...``: one measurement in a fresh process.

Prints one JSON line on stdout (see :func:`benchmarks.measure.run_child`).
Each task is a ``child_*`` function of the figure module it belongs to.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.child")
    tasks = p.add_subparsers(dest="task", required=True)
    staged = tasks.add_parser("staged", help="serial build timed per stage, and the floor")
    staged.add_argument("folder", type=Path)
    analyse = tasks.add_parser("analyse", help="read + analyse only, on JOBS processes")
    analyse.add_argument("folder", type=Path)
    analyse.add_argument("--jobs", type=int, required=True)
    build = tasks.add_parser("build", help="a whole build, phase by phase")
    build.add_argument("folder", type=Path)
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--jobs", type=int, required=True)
    build.add_argument("--cache", type=Path)
    build.add_argument("--export", action="store_true", help="the Turtle export figure too")
    query = tasks.add_parser("queries", help="named query medians on three engines")
    query.add_argument("graph", type=Path)
    query.add_argument("--runs", type=int, default=5)
    view = tasks.add_parser("view", help="HTML view sizes, write and draw times")
    view.add_argument("folder", type=Path)
    view.add_argument("--nodes", type=int, nargs="+", required=True)
    view.add_argument("--browser", action="store_true")
    view.add_argument("--out-dir", type=Path, required=True)
    same = tasks.add_parser("identity", help="same bytes serial, parallel and cached")
    same.add_argument("folders", type=Path, nargs="+")
    same.add_argument("--jobs", type=int, required=True)
    return p


def run(args: argparse.Namespace) -> dict:
    if args.task == "staged":
        from benchmarks.build import child_staged

        return child_staged(args.folder)
    if args.task == "analyse":
        from benchmarks.build import child_analyse

        return child_analyse(args.folder, args.jobs)
    if args.task == "build":
        from benchmarks.build import child_build

        return child_build(args.folder, args.out, args.jobs, args.cache, args.export)
    if args.task == "queries":
        from benchmarks.query_times import child_queries

        return child_queries(args.graph, args.runs)
    if args.task == "view":
        from benchmarks.view import child_view

        return child_view(args.folder, args.nodes, args.browser, args.out_dir)
    from benchmarks.identity import child_identity

    return child_identity(args.folders, args.jobs)


#: Set by the runner for build tasks: address-space limit in bytes, so that a
#: build that would need more memory than the machine has fails alone
#: (MemoryError) instead of pushing other processes into swap or the OOM killer.
MEMORY_LIMIT_ENV = "LAPEKG_BENCH_MEMORY_LIMIT"


def limit_memory() -> None:
    limit = os.environ.get(MEMORY_LIMIT_ENV)
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))


def main(argv: list[str] | None = None) -> int:
    limit_memory()
    answer = run(parser().parse_args(argv))
    sys.stdout.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
