"""``python -m benchmarks [--quick] [--out FILE]``.

A full run writes ``benchmarks/RESULTS.md``; a quick run writes
``benchmarks/RESULTS-quick.md``, so it never overwrites the full figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.measure import ROOT

DEFAULT_OUT = ROOT / "benchmarks" / "RESULTS.md"
QUICK_OUT = ROOT / "benchmarks" / "RESULTS-quick.md"


def parser() -> argparse.ArgumentParser:
    from graph_builder.parallel import default_jobs

    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure lapekg against the targets of issue 6 and write RESULTS.md.")
    p.add_argument("--quick", action="store_true",
                   help="10 and 100 documents, small graphs, no browser, no 10,000 (< 1 min)")
    p.add_argument("--out", type=Path, default=None,
                   help=f"where to write the report (default {DEFAULT_OUT.relative_to(ROOT)}, "
                        f"or {QUICK_OUT.relative_to(ROOT)} with --quick)")
    p.add_argument("--jobs", type=int, default=default_jobs(),
                   help="processes for parallel builds (default: every core)")
    p.add_argument("--work", type=Path,
                   help="folder for corpora, outputs and caches (default: a temporary one, "
                        "removed at the end)")
    return p


def main(argv: list[str] | None = None) -> int:
    from benchmarks.runner import run

    args = parser().parse_args(argv)
    if args.jobs < 1:
        parser().error(f"--jobs must be at least 1, not {args.jobs}")
    out = args.out or (QUICK_OUT if args.quick else DEFAULT_OUT)
    run(args.quick, out, args.jobs, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
