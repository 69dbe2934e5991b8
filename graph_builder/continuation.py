"""Who carries a measure on: the responsibility lines of a report's measure sections.

A final report reviews its measures one section at a time and closes each with how
it goes on and who answers for it:

    4.1 Perhekeskustoimintamalli
    Maakuntaan rakennettiin perhekeskusverkosto …
    Jatkuvuus: jatkuu. Vastuu: Esimerkin sote-kuntayhtymän perhepalvelut.

    4.4 Eroauttaminen
    Jatkuvuus: Vertaisryhmät jatkuvat X-seurakunnan ja Y ry:n yhteistyönä.

The organisations of a "Vastuu:" line (or of the line under a "Vastuu:" lead-in)
answer for the measure of the section's heading; a line that says a measure goes on
("jatkuu", "jatkuvat") "X:n ja Y:n yhteistyönä" or "X:n vastuulla" makes X and Y carry
on the measure it names, else the section's. A line wrapped onto the next one is read
with it.
"""

from __future__ import annotations

import re

from graph_builder.context import DocContext, Resolved
from graph_builder.measures import MeasureFound
from graph_builder.model import ORG_KINDS, BlockKind, Fact, Kind
from graph_builder.model import fact as _fact

#: "Vastuu: X", "Vastuutaho: X", "Vastuutahot: X ja Y" opening a line.
_RESPONSIBILITY = re.compile(r"^\s*vastuu(taho|tahot|organisaatio)?\s*:\s*", re.I)
#: A lead-in that is only the responsibility label ("Vastuu:" at a line's end).
_RESPONSIBILITY_LEAD = re.compile(r"^\s*vastuu(taho|tahot|organisaatio)?\s*$", re.I)
#: A measure going on in someone's hands: "jatkuvat X:n ja Y:n yhteistyönä", "jatkuu
#: X:n vastuulla".
_GOES_ON = re.compile(r"\bjatku(u|vat)\b.*\b(yhteistyönä|vastuulla|toimesta|ylläpitämänä)\b",
                      re.I | re.S)
_SENTENCE_END = re.compile(r"[.!?]\s*$")


def continued_by(ctx: DocContext, found: list[MeasureFound]) -> list[Fact]:
    """The organisations that answer for or carry on each section's measure."""
    out: list[Fact] = []
    for sent in ctx.sentences:
        s = sent.index
        if ctx.block_of(s).kind is BlockKind.HEADING:
            continue
        label = _RESPONSIBILITY.match(sent.text)
        lead = s > 0 and ctx.block_of(s - 1).kind is BlockKind.HEADING and \
            ctx.block_of(s - 1).label == "lead-in" and \
            bool(_RESPONSIBILITY_LEAD.match(ctx.sentences[s - 1].text))
        text = sent.text + " " + _wrapped(ctx, s)
        goes_on = _GOES_ON.search(text)
        if not (label or lead or goes_on):
            continue
        orgs = _organisations(ctx, s)
        measure = (_named_measure(ctx, s, found) if goes_on else None) or \
            _section_measure(ctx, s, found)
        if measure is None:
            continue
        out.extend(_fact(r.key, "responsibleFor", measure, "measure.responsibility-line", s,
                         0.75) for r in orgs)
    return out


def _wrapped(ctx: DocContext, s: int) -> str:
    """The next sentence's text when a line ran on into it (no full stop, the next one
    opens in lower case): "Vastuu: X yhdessä Y:n" / "kasvatustoimen kanssa."."""
    if s + 1 >= len(ctx.sentences) or _SENTENCE_END.search(ctx.sentences[s].text):
        return ""
    nxt = ctx.sentences[s + 1]
    runs_on = nxt.text[:1].islower() or ctx.blocks[nxt.block].kind is BlockKind.PARAGRAPH
    return nxt.text if runs_on else ""


def _organisations(ctx: DocContext, s: int) -> list[Resolved]:
    """The organisations of a line, and of the line it runs on into; each once."""
    found = ctx.mentions(s, *ORG_KINDS)
    if _wrapped(ctx, s):
        found = found + ctx.mentions(s + 1, *ORG_KINDS)
    seen: set[str] = set()
    out = []
    for r in found:
        if r.key not in seen:
            seen.add(r.key)
            out.append(r)
    return out


def _section_heading(ctx: DocContext, s: int) -> int | None:
    """The sentence of the heading a line stands under: the nearest heading above that is
    not a lead-in nor a running page head (which names the report's project)."""
    for k in range(s - 1, -1, -1):
        block = ctx.block_of(k)
        if block.kind is not BlockKind.HEADING or block.label == "lead-in" or \
                ctx.mentions(k, Kind.PROJECT):
            continue
        return k
    return None


def _section_measure(ctx: DocContext, s: int, found: list[MeasureFound]) -> str | None:
    """The measure the section's heading names."""
    heading = _section_heading(ctx, s)
    keys = [m.key for m in found if heading is not None and m.sentence == heading]
    return keys[0] if keys else None


def _named_measure(ctx: DocContext, s: int, found: list[MeasureFound]) -> str | None:
    """A measure of the section that the line names by the first word of its name
    ("Eroinfo-ryhmät jatkuvat …" names the Eroinfo-ryhmä)."""
    heading = _section_heading(ctx, s)
    words = {w.lower() for w in re.findall(r"[\w-]+", ctx.sentences[s].text)}
    for m in found:
        if heading is None or not heading <= m.sentence <= s:
            continue
        first = m.label.split()[0].lower()
        stem = first[:max(4, len(first) - 2)]
        if any(w.startswith(stem) for w in words):
            return m.key
    return None
