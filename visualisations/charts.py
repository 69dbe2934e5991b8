"""Charts as inline SVG made in Python: no chart library, no CDN, nothing to run.

Two kinds: paired horizontal bars (state grant against total cost, by
project or by region) and a timeline of periods. Every text is escaped;
each bar carries a ``<title>`` so that hovering shows its exact value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from visualisations import fmt

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
LABEL_WIDTH = 300
PLOT_WIDTH = 460
ROW = 34
TOP = 38
BOTTOM = 30


@dataclass(frozen=True)
class Series:
    """One kind of bar: its name and colour."""

    name: str
    colour: str


@dataclass(frozen=True)
class BarRow:
    """One category (a project, a region) with a value per series (None = unknown)."""

    label: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Span:
    """One period on the timeline, in years with fractions."""

    label: str
    group: str          # series name, picks the colour
    start: float
    end: float
    text: str           # the period as written, for the tooltip


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) covering ``maximum``."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12,
          weight: str = "normal", fill: str = "#222") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>')


def _clip(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _legend(series: list[Series], y: float) -> list[str]:
    parts, x = [], LABEL_WIDTH
    for item in series:
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{item.colour}"/>')
        parts.append(_text(x + 16, y, item.name))
        x += 30 + 8 * len(item.name)
    return parts


def bar_chart(title: str, series: list[Series], rows: list[BarRow], chart_id: str) -> str:
    """Paired horizontal bars with a euro axis; unknown values are left out."""
    known = [float(v) for row in rows for v in row.values if v is not None]
    step = nice_step(max(known, default=0.0))
    top_value = step * math.ceil(max(known, default=0.0) / step) if known else step
    height = TOP + ROW * max(len(rows), 1) + BOTTOM
    width = LABEL_WIDTH + PLOT_WIDTH + 110
    scale = PLOT_WIDTH / top_value
    bar = (ROW - 10) / max(len(series), 1)
    parts = [
        f'<svg class="lkg-chart" id="{escape(chart_id)}" '
        f'role="img" aria-label="{escape(title, quote=True)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        *_legend(series, 16),
    ]
    axis_y = TOP + ROW * max(len(rows), 1)
    ticks = int(round(top_value / step))
    for i in range(ticks + 1):
        x = LABEL_WIDTH + i * step * scale
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{axis_y}" '
                     'stroke="#e3e3e3"/>')
        parts.append(_text(x, axis_y + 16, fmt.money(Decimal(str(i * step))), "middle", 11,
                           fill="#555"))
    for r, row in enumerate(rows):
        y = TOP + r * ROW
        parts.append(_text(LABEL_WIDTH - 8, y + ROW / 2 + 4, _clip(row.label), "end"))
        for s, (item, value) in enumerate(zip(series, row.values, strict=True)):
            if value is None:
                continue
            length = max(float(value) * scale, 1.0)
            by = y + 5 + s * bar
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{by:.1f}" width="{length:.1f}" height="{bar - 2:.1f}" '
                f'fill="{item.colour}"><title>{escape(row.label)}: {escape(item.name)} '
                f"{escape(fmt.money(value))}</title></rect>"
            )
            parts.append(_text(LABEL_WIDTH + length + 4, by + bar - 4, fmt.money(value), size=10,
                               fill="#444"))
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{TOP - 4}" x2="{LABEL_WIDTH}" y2="{axis_y}" '
                 'stroke="#888"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def timeline(title: str, series: list[Series], spans: list[Span], chart_id: str) -> str:
    """Periods as bars on a year axis, one row each, in the order given."""
    colours = {item.name: item.colour for item in series}
    first = math.floor(min((s.start for s in spans), default=2016))
    last = math.ceil(max((s.end for s in spans), default=first + 1))
    last = max(last, first + 1)
    scale = PLOT_WIDTH / (last - first)
    height = TOP + ROW * max(len(spans), 1) + BOTTOM
    width = LABEL_WIDTH + PLOT_WIDTH + 40
    parts = [
        f'<svg class="lkg-chart" id="{escape(chart_id)}" '
        f'role="img" aria-label="{escape(title, quote=True)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        *_legend(series, 16),
    ]
    axis_y = TOP + ROW * max(len(spans), 1)
    for year in range(first, last + 1):
        x = LABEL_WIDTH + (year - first) * scale
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{axis_y}" '
                     'stroke="#e3e3e3"/>')
        parts.append(_text(x, axis_y + 16, str(year), "middle", 11, fill="#555"))
    for r, span in enumerate(spans):
        y = TOP + r * ROW
        x = LABEL_WIDTH + (span.start - first) * scale
        length = max((span.end - span.start) * scale, 3.0)
        parts.append(_text(LABEL_WIDTH - 8, y + ROW / 2 + 4, _clip(span.label), "end"))
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 7}" width="{length:.1f}" height="{ROW - 14}" rx="3" '
            f'fill="{colours.get(span.group, "#888")}"><title>{escape(span.label)}: '
            f"{escape(span.text)}</title></rect>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
