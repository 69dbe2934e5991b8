"""The HTML view at 1,000, 5,000 and 20,000 nodes: build, write, draw in Chromium.

Graphs of a given size are made by replicating a built graph with renamed
IRIs: a generated corpus is built (100 pages in the full run), and copy *k* of it has every data IRI
moved under ``id:c{k}/`` except the 19 regions, which all copies share (so
the copies stay connected, as projects across Finland are through their
regions). So every node keeps real labels, relations, evidence and quoted
sources for its tooltips, which is what makes pages heavy.

The browser part follows ``tests/test_browser_viz.py``: Debian's Chromium
headless through Playwright, a fresh offline context that refuses any
non-file request, and the page's own signal ``lapekg.drawn && lapekg.stable``
(``visualisations/assets/viewer.js``: first frame drawn, physics settled or
off). The time runs from navigation to that signal.
"""

from __future__ import annotations

import math
import re
import time
from pathlib import Path

from benchmarks.measure import ChildRun
from benchmarks.report import Figure, Row, fmt_s, num

TARGET_NODES = 5_000
TARGET_SECONDS = 3.0
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-default-browser-check"]
DRAW_TIMEOUT_MS = 300_000


def replicate(graph: object, copies: int, base: str) -> object:
    """``copies`` copies of ``graph`` with data IRIs renamed per copy (regions shared)."""
    from rdflib import Graph, URIRef

    shared = (base + "region/", base + "dataset/")
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True, replace=True)

    def rename(term: object, k: int) -> object:
        if k and isinstance(term, URIRef) and term.startswith(base) \
                and not term.startswith(shared):
            return URIRef(f"{base}c{k}/{term[len(base):]}")
        return term

    for k in range(copies):
        for s, p, o in graph:
            out.add((rename(s, k), p, rename(o, k)))
    return out


def draw_seconds(browser: object, page_path: Path) -> tuple[float | None, list[str]]:
    """Seconds from navigation until the page says it is drawn and still; errors seen."""
    errors: list[str] = []
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    context.route(re.compile(r"^(?!file:)"), lambda route: (errors.append(route.request.url),
                                                            route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    start = time.perf_counter()
    try:
        page.goto(page_path.as_uri(), wait_until="commit", timeout=DRAW_TIMEOUT_MS)
        page.wait_for_function("() => window.lapekg && lapekg.drawn && lapekg.stable",
                               timeout=DRAW_TIMEOUT_MS, polling="raf")
        elapsed: float | None = time.perf_counter() - start
    except Exception as err:  # noqa: BLE001 - a timeout or crash is a result to report
        errors.append(f"{type(err).__name__}: {str(err).splitlines()[0]}")
        elapsed = None
    context.close()
    return elapsed, errors


def child_view(base_folder: Path, targets: list[int], browser: bool, out_dir: Path) -> dict:
    from graph_builder.pipeline import build
    from ontology.namespaces import data_namespace
    from visualisations import network, write_html

    base_graph = build([base_folder]).graph
    per_copy = len(network(base_graph).nodes)
    base = str(data_namespace(None))
    sizes = []
    chromium = None
    playwright = None
    if browser and CHROMIUM.exists():
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=ARGS)
    try:
        for target in targets:
            copies = max(1, math.ceil(target / per_copy))
            graph = replicate(base_graph, copies, base)
            start = time.perf_counter()
            net = network(graph)
            built = time.perf_counter() - start
            path = out_dir / f"view-{target}.html"
            start = time.perf_counter()
            write_html(net, path)
            written = time.perf_counter() - start
            entry = {"target": target, "nodes": len(net.nodes), "edges": len(net.edges),
                     "triples": len(graph), "network": built, "write": written,
                     "html_bytes": path.stat().st_size, "draw": None, "errors": []}
            del graph, net
            if chromium is not None:
                entry["draw"], entry["errors"] = draw_seconds(chromium, path)
            path.unlink()
            sizes.append(entry)
    finally:
        if chromium is not None:
            chromium.close()
        if playwright is not None:
            playwright.stop()
    return {"per_copy": per_copy, "sizes": sizes, "browser": chromium is not None}


def view_figure(run: ChildRun) -> Figure:
    d = run.data
    rows = []
    for s in d["sizes"]:
        draw = "not run" if s["draw"] is None and not d["browser"] else \
            (fmt_s(s["draw"]) if s["draw"] is not None else "did not finish")
        has_target = d["browser"] and s["target"] == TARGET_NODES
        met = None if not has_target else (s["draw"] is not None and
                                           s["draw"] <= TARGET_SECONDS and not s["errors"])
        rows.append(Row((num(s['nodes']), num(s['edges']),
                         num(s['triples']), fmt_s(s["network"]),
                         fmt_s(s["write"]), f"{s['html_bytes'] / 2**20:.1f} MB", draw,
                         "; ".join(s["errors"])[:120] or "none"),
                        f"≤ {TARGET_SECONDS:.0f} s drawn" if has_target else "", met,
                        summary=f"{draw} to draw and settle"))
    five = next((s for s in d["sizes"] if s["target"] == TARGET_NODES), None)
    why = ""
    if five and d["browser"] and (five["draw"] is None or five["draw"] > TARGET_SECONDS):
        why = ("The page carries every node's tooltip record (facts and quoted source "
               "sentences) inline as JSON, and `viewer.js` builds a vis DataSet and a filtered "
               "DataView over it before the first frame: parsing and copying "
               f"{five['html_bytes'] / 2**20:.0f} MB dominates, not drawing. Loading tooltips "
               "on demand (by node id, from a separate script block parsed on hover) would "
               "cut the first frame to the drawing itself.")
    return Figure(
        "The HTML view",
        f"`network(graph)` then `write_html(net, path)`; graphs made from copies of a "
        f"built graph ({d['per_copy']} nodes a copy), regions shared. "
        + ("Drawn in headless Chromium (offline), timed from navigation to "
           "`lapekg.drawn && lapekg.stable`." if d["browser"] else
           "Browser not run (`--quick`, or Chromium missing)."),
        ("nodes", "edges", "triples", "network()", "write_html()", "page", "draw + settle",
         "page errors"), tuple(rows), why=why)
