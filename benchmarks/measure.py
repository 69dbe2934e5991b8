"""Clocks, medians, child processes and the machine: what every figure needs.

Why child processes: peak memory is only meaningful for a process that did
one thing, and caches (libvoikko's, the gazetteer's, the analyser's LRU)
must start cold for a build time to mean what a user sees. Each measured
run is ``python -m benchmarks.child TASK ...`` and prints one JSON line;
its peak RSS comes from ``os.wait4``, the kernel's ``getrusage`` record for
exactly that child (``RUSAGE_CHILDREN`` would report the largest child ever
waited for, not this one). A child that uses worker processes reports its
workers' peak itself (``RUSAGE_CHILDREN`` inside the child).
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Clock:
    """Seconds spent per stage, summed over every call."""

    totals: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.totals[stage] = self.totals.get(stage, 0.0) + time.perf_counter() - start


def seconds(fn: Callable[[], object]) -> tuple[object, float]:
    """``fn()``'s value and how long it took."""
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def median_seconds(fn: Callable[[], object], runs: int,
                   slow: float = 2.0) -> tuple[float, int]:
    """Median of ``runs`` timed calls after one warm-up call, and how many were timed.

    A warm-up slower than ``slow`` seconds is the only run: a query that
    takes 20 s is far from any target either way, and the whole benchmark
    must finish within the hour.
    """
    _, first = seconds(fn)
    if first > slow:
        return first, 1
    return statistics.median(seconds(fn)[1] for _ in range(runs)), runs


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or its reaped children), in MB (Linux: kB)."""
    return resource.getrusage(who).ru_maxrss / 1024


@dataclass(frozen=True)
class ChildRun:
    """A finished child: its JSON answer, peak RSS and wall time."""

    data: dict
    peak_rss_mb: float
    seconds: float


class ChildFailed(RuntimeError):
    """A measuring child exited with an error; the message names the task."""


def run_child(task: str, *args: str, root: Path = ROOT,
              env: dict[str, str] | None = None) -> ChildRun:
    """Run ``python -m benchmarks.child TASK ARGS`` in ``root`` and read its JSON line.

    ``root`` holds the code measured (a snapshot, see ``benchmarks.runner``);
    its packages come first on the child's path. The child's stderr goes to
    ours (progress notes); its stdout must end with the JSON.
    """
    command = [sys.executable, "-m", "benchmarks.child", task, *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise ChildFailed(f"benchmark task {task!r} failed with exit code "
                          f"{process.returncode}: {' '.join(args)}")
    lines = [line for line in out.decode().splitlines() if line.strip()]
    return ChildRun(json.loads(lines[-1]), usage.ru_maxrss / 1024, elapsed)


def free_port() -> int:
    """A loopback TCP port nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- The machine ----------------------------------------------------------------------


def _first(pattern: str, path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "unknown"
    found = re.search(pattern, text, re.MULTILINE)
    return found.group(1).strip() if found else "unknown"


def _command_version(command: list[str]) -> str:
    if shutil.which(command[0]) is None and not Path(command[0]).exists():
        return "not installed"
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 \
        else "unknown"


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, str]:
    """CPU, cores, memory and operating system, as ``RESULTS.md`` states them."""
    mem_kb = _first(r"^MemTotal:\s+(\d+)", "/proc/meminfo")
    system = _first(r'^PRETTY_NAME="?([^"\n]+)', "/etc/os-release")
    memory = f"{int(mem_kb) / 1024 ** 2:.1f} GB" if mem_kb.isdigit() else "unknown"
    return {
        "CPU": _first(r"^model name\s*:\s*(.+)$", "/proc/cpuinfo"),
        "cores": f"{os.cpu_count()} (usable by this process: {len(os.sched_getaffinity(0))})",
        "RAM": memory,
        "OS": f"{system}, Linux {platform.release()}",
    }


def versions() -> dict[str, str]:
    """The software whose speed is measured."""
    try:
        import libvoikko

        voikko = f"{_package('libvoikko')} (library {libvoikko.Voikko.getVersion()})"
    except (ImportError, OSError):
        voikko = "not installed"
    oxigraph = Path(sys.executable).with_name("oxigraph")
    return {
        "Python": platform.python_version(),
        "rdflib": _package("rdflib"),
        "pyoxigraph": _package("pyoxigraph"),
        "Oxigraph server": _command_version([str(oxigraph), "--version"]),
        "libvoikko": voikko,
        "networkx": _package("networkx"),
        "pyvis": _package("pyvis"),
        "playwright": _package("playwright"),
        "Chromium": _command_version(["/usr/bin/chromium", "--version"]),
    }
