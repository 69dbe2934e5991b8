"""Turtle export against the serializer alone.

*Export* is what ``lapekg build --out x.ttl`` does once the graph is made:
``graph_builder.serialize.write(quads, "turtle", …)`` into an atomically
replaced file (temporary file, fsync, rename). *The serializer alone* is the
same writer into memory: sorting the union of the graphs and writing it as
Turtle, without the file. The target (≤ 1.2×) says that what export adds
around the serializer may cost at most a fifth.

For reference the figure also splits the serializer into its two steps
(putting the union in sorted order; turning sorted N-Triples into Turtle)
and times pyoxigraph's Turtle writer on the same triples already parsed
into ``pyoxigraph.Triple`` objects in memory: the cost of writing alone,
with neither sorting nor the text-to-objects step a real export needs.
"""

from __future__ import annotations

import gc
import io
import time
from pathlib import Path

from benchmarks.measure import ChildRun
from benchmarks.report import Figure, Row, fmt_ratio, fmt_s, num

TARGET = 1.2


def child_export(quads: object, path: Path) -> dict:
    """Time export, the serializer alone and its parts on ``quads`` (in the build child)."""
    import pyoxigraph as ox

    from graph_builder.serialize import write
    from graph_builder.turtle import write_turtle
    from lapekg.atomic import atomic_open
    from ontology.namespaces import output_prefixes

    gc.collect()
    start = time.perf_counter()
    buffer = io.BytesIO()
    write(quads, "turtle", buffer)
    serializer = time.perf_counter() - start
    alone = buffer.getvalue()
    del buffer
    gc.collect()
    start = time.perf_counter()
    with atomic_open(path, "wb") as handle:
        write(quads, "turtle", handle)
    exported = time.perf_counter() - start
    identical = path.read_bytes() == alone
    start = time.perf_counter()
    with quads.ntriples() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    ordering = time.perf_counter() - start
    start = time.perf_counter()
    write_turtle(lines, io.BytesIO(), output_prefixes())
    writer = time.perf_counter() - start
    triples = list(ox.parse("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES))
    del lines
    gc.collect()
    start = time.perf_counter()
    ox.serialize(triples, io.BytesIO(), ox.RdfFormat.TURTLE, prefixes=output_prefixes())
    oxigraph = time.perf_counter() - start
    return {"triples": len(triples), "bytes": len(alone), "identical": identical,
            "export": exported, "serializer": serializer, "ordering": ordering,
            "writer": writer, "oxigraph": oxigraph}


def export_figure(run: ChildRun) -> Figure:
    e = run.data["export"]
    ratio = e["export"] / e["serializer"]
    alone = e["serializer"]
    rows = (
        Row(("export: `write(quads, 'turtle')` into an atomic file", fmt_s(e["export"]),
             fmt_ratio(ratio)), f"≤ {TARGET}×", ratio <= TARGET),
        Row(("serializer alone: the same `write` into memory", fmt_s(alone), "1.00×")),
        Row(("… its first step: the union in sorted order (measured alone)",
             fmt_s(e["ordering"]), fmt_ratio(e["ordering"] / alone))),
        Row(("… its second step: sorted N-Triples to Turtle (measured alone)",
             fmt_s(e["writer"]), fmt_ratio(e["writer"] / alone))),
        Row(("pyoxigraph's Turtle writer on parsed Triple objects (reference)",
             fmt_s(e["oxigraph"]), fmt_ratio(e["oxigraph"] / alone))),
    )
    triples = num(e['triples'])
    same = "the same bytes" if e["identical"] else "different bytes (!)"
    return Figure(
        f"Turtle export ({triples} triples)",
        f"One run each (garbage collected before each), on the graph built for the query "
        f"figure; {e['bytes'] / 2**20:.0f} MB of Turtle. Export and the serializer alone "
        f"wrote {same}.",
        ("step", "time", "× serializer"), rows,
        why="" if ratio <= TARGET else
        "The file costs more than a fifth of the writing: the atomic write syncs the "
        "whole file to disk before it renames it.")
