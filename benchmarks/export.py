"""Turtle export against the serializer alone.

*Export* is what ``lapekg build --out x.ttl`` does after the graph is made:
``graph_builder.serialize.serialize(dataset, "turtle")`` (which first copies
the named graphs into one union Graph) and an atomic write. *The serializer
alone* is rdflib's Turtle writer on a union Graph that already exists. The
target (≤ 1.2×) says lapekg's own export code may add at most a fifth. For
reference, pyoxigraph's Turtle writer on the same triples.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from benchmarks.measure import ChildRun
from benchmarks.report import Figure, Row, fmt_ratio, fmt_s, num

TARGET = 1.2


def child_export(dataset: object, path: Path) -> dict:
    """Time export, union copy, serializer and write on ``dataset`` (in the build child)."""
    import pyoxigraph as ox

    from graph_builder.serialize import serialize, union_graph
    from lapekg.atomic import atomic_write_bytes

    gc.collect()
    start = time.perf_counter()
    union = union_graph(dataset)
    copy = time.perf_counter() - start
    start = time.perf_counter()
    alone = union.serialize(format="turtle", encoding="utf-8")
    serializer = time.perf_counter() - start
    triples = len(union)
    del union
    gc.collect()
    start = time.perf_counter()
    data = serialize(dataset, "turtle")
    exported = time.perf_counter() - start
    start = time.perf_counter()
    atomic_write_bytes(path, data)
    write = time.perf_counter() - start
    store = ox.Store()
    store.bulk_load(input=alone, format=ox.RdfFormat.TURTLE)
    start = time.perf_counter()
    store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    oxigraph = time.perf_counter() - start
    return {"triples": triples, "bytes": len(data), "identical": data == alone,
            "serialize": exported, "write": write, "union": copy, "serializer": serializer,
            "oxigraph": oxigraph}


def export_figure(run: ChildRun) -> Figure:
    e = run.data["export"]
    export = e["serialize"] + e["write"]
    ratio = export / e["serializer"]
    rows = (
        Row(("export: `serialize(dataset, 'turtle')` + atomic write", fmt_s(export),
             fmt_ratio(ratio)), f"≤ {TARGET}×", ratio <= TARGET),
        Row(("… of which the union copy (measured alone)", fmt_s(e["union"]),
             fmt_ratio(e["union"] / e["serializer"]))),
        Row(("… of which the atomic write", fmt_s(e["write"]),
             fmt_ratio(e["write"] / e["serializer"]))),
        Row(("rdflib Turtle serializer alone", fmt_s(e["serializer"]), "1.00×")),
        Row(("pyoxigraph Turtle serializer, same triples (reference)", fmt_s(e["oxigraph"]),
             fmt_ratio(e["oxigraph"] / e["serializer"]))),
    )
    triples = num(e['triples'])
    same = "the same bytes" if e["identical"] else "different bytes (!)"
    return Figure(
        f"Turtle export ({triples} triples)",
        f"One run each (they take seconds to minutes; garbage collected before each), on "
        f"the graph built for the query "
        f"figure; {e['bytes'] / 2**20:.0f} MB of Turtle. Export and serializer alone wrote "
        f"{same}.",
        ("step", "time", "× serializer"), rows,
        why="" if ratio <= TARGET else
        "`serialize` copies every quad of the Dataset into a new union Graph in Python "
        "before rdflib's writer runs; the copy alone costs "
        f"{e['union'] / e['serializer'] * 100:.0f} % of the writer's time. Serialising a "
        "union *view* (`Dataset(store=…, default_union=True)`) or the Dataset's default "
        "graph directly would avoid it; pyoxigraph's writer is the bigger lever.")
