"""The analysis as a person reads it in a terminal, or as JSON for other tools."""

from __future__ import annotations

import json
from dataclasses import asdict

from visualisations.analysis import Analysis

MEMBERS_SHOWN = 8


def to_json(result: Analysis) -> str:
    """All results, UTF-8 text, stable key order."""
    return json.dumps(asdict(result), ensure_ascii=False, indent=2) + "\n"


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A plain text table, columns padded to the widest cell."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]
    return out


def _shorten(names: tuple[str, ...], limit: int = MEMBERS_SHOWN) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" … (+{len(names) - limit})" if len(names) > limit else "")


def to_table(result: Analysis, limit: int | None = None) -> str:
    """Three tables: partners (top ``limit``), bridges, components."""
    partners = result.partners[:limit] if limit else result.partners
    note = " (estimated from a sample)" if result.betweenness_estimated else ""
    lines = [f"Partners by degree and betweenness{note}", ""]
    lines += table(
        ["#", "organisation", "degree", "betweenness", "projects"],
        [[str(i), p.label, str(p.degree), f"{p.betweenness:.4f}", str(p.projects)]
         for i, p in enumerate(partners, 1)],
    )
    lines += ["", "Organisations in more than one project or region", ""]
    lines += table(
        ["organisation", "projects", "regions"],
        [[b.label, _shorten(b.projects), _shorten(b.regions)] for b in result.bridges],
    ) if result.bridges else ["(none)"]
    lines += ["", "Connected components", ""]
    lines += table(
        ["#", "size", "members"],
        [[str(i), str(c.size), _shorten(c.members)] for i, c in enumerate(result.components, 1)],
    )
    return "\n".join(lines) + "\n"
