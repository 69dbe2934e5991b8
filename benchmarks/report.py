"""Figures as data, and ``RESULTS.md`` written from them.

Why data first: every figure module returns a :class:`Figure` (a table,
how it was measured, and why a target is missed), so the report's layout
lives in one place and a figure can be checked without parsing Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One table row; ``target``/``met`` when the issue sets a target for it."""

    cells: tuple[str, ...]
    target: str = ""
    met: bool | None = None
    summary: str = ""      # the measured value as the summary table shows it

    @property
    def measured(self) -> str:
        return self.summary or " · ".join(self.cells[1:])


@dataclass(frozen=True)
class Figure:
    """A titled table with how it was measured and, where a target is missed, why."""

    title: str
    how: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    why: str = ""

    @property
    def has_targets(self) -> bool:
        return any(row.target for row in self.rows)

    @property
    def missed(self) -> bool:
        return any(row.met is False for row in self.rows)


def verdict(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: ""}[met]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def figure_markdown(figure: Figure) -> str:
    """One figure: heading, method, table (with target and verdict columns), why."""
    header = list(figure.header)
    rows = [list(row.cells) for row in figure.rows]
    if figure.has_targets:
        header += ["target", "met"]
        for cells, row in zip(rows, figure.rows, strict=True):
            cells += [row.target, verdict(row.met)]
    parts = [f"### {figure.title}", "", figure.how, "", table(header, rows)]
    if figure.why:
        parts += ["", f"**Why{' it falls short' if figure.missed else ''}:** {figure.why}"]
    return "\n".join(parts)


def summary_markdown(figures: Sequence[Figure]) -> str:
    """Every target of every figure in one table."""
    rows = [(figure.title, row.cells[0], row.measured, row.target, verdict(row.met))
            for figure in figures for row in figure.rows if row.target]
    return table(("figure", "measure", "measured", "target", "met"), rows)


def render(figures: Sequence[Figure], context: dict[str, dict[str, str]], intro: str) -> str:
    """The whole ``RESULTS.md``: intro, context tables, target summary, each figure."""
    parts = ["# lapekg benchmarks", "", intro, ""]
    for title, values in context.items():
        parts += [f"## {title}", "", table(("", ""), list(values.items())), ""]
    parts += ["## Targets", "", summary_markdown(figures), "", "## Figures", ""]
    for figure in figures:
        parts += [figure_markdown(figure), ""]
    return "\n".join(parts).rstrip() + "\n"


def fmt_s(value: float) -> str:
    """Seconds for people: 0.0123 -> "12.3 ms", 83.2 -> "83.2 s"."""
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.1f} s" if value < 600 else f"{value:.0f} s ({value / 60:.1f} min)"


def num(value: float) -> str:
    """``12345`` -> ``"12 345"``: thousands as Finnish and SI write them, no comma."""
    return f"{value:,.0f}".replace(",", " ")


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×"
