"""Sub-projects named in lists and in prose: their parent, implementer and places.

A page about a project lists its parts (invented examples):

    Osahankkeet
    - Kaarin polku (Oulunkaaren kuntayhtymä): perhekeskustoiminta Iissä ja Vaalassa.
    - Digiperhe (Oamk): sähköiset palvelut perhekeskuksen tueksi.

or names one in passing: "Järjestön osahanke Yhdessä eteenpäin on kokeillut
vertaisryhmiä Ylivieskassa ja Nivalassa." (:mod:`graph_builder.cards` and
:mod:`graph_builder.mentions` find the names.) Each such sub-project

- is a part of the project the list's heading or lead-in names, else of the page's
  main project;
- is implemented by the organisation in brackets after its name, or by the one whose
  genitive stands before "osahanke";
- works in the municipalities its item or sentence names in the inessive or adessive
  ("Iissä", "Pudasjärvellä"): where something is done, not whom it is for.
"""

from __future__ import annotations

import re

from graph_builder.context import DocContext, Resolved, case_at
from graph_builder.model import (
    ORG_KINDS,
    PART_RULES,
    SUB_PROJECT_RULE,
    TABLE_PROJECT_RULE,
    Fact,
    Kind,
)
from graph_builder.model import fact as _fact

#: "Missä": where something is done.
_WHERE = ("sisaolento", "ulkoolento")
_BRACKET = re.compile(r"\s*\(\s*")
_SUB_WORD = re.compile(r"\s+osa(hanke|projekti)\s+$")
#: "… osahanke "Kohtaamo"", "perhekeskusosahanke Kohtaamo": a name right after the word.
_CALLED_SUB = re.compile(r"osa(hanke|projekti)\s*[\"“”«»]?\s*$", re.I)


def _parent(ctx: DocContext, s: int, sub: Resolved) -> str | None:
    """The project a sub-project belongs to: one named in the heading or lead-in over
    its list, else the page's main project."""
    block = ctx.block_of(s)
    index = block.heading
    while index is not None:
        for sent in ctx.sentences_in_block(index):
            named = [r for r in ctx.mentions(sent.index, Kind.PROJECT) if r.key != sub.key]
            if named:
                return named[0].key
        index = ctx.blocks[index].heading
    main = ctx.resolution.main_project
    return main if main != sub.key else None


def _implementers(ctx: DocContext, s: int, sub: Resolved) -> list[Resolved]:
    """"Kaarin polku (Oulunkaaren kuntayhtymä)": the organisations in brackets right
    after the name; "Oamkin osahanke Digiperhe": the genitive before "osahanke"."""
    text = ctx.document.text
    orgs = ctx.mentions(s, *ORG_KINDS)
    if sub.mention.rule == SUB_PROJECT_RULE:
        return [o for o in orgs if o.end <= sub.start and
                _SUB_WORD.fullmatch(text[o.end:sub.start])][:1]
    after = text[sub.end:]
    m = _BRACKET.match(after)
    if m is None:
        return []
    close = after.find(")", m.end())
    if close < 0:
        return []
    return [o for o in orgs if sub.end + m.end() <= o.start and o.end <= sub.end + close]


def _places(ctx: DocContext, s: int, sub: Resolved) -> list[Resolved]:
    """Municipalities the item or sentence names after the sub-project, in the
    inessive or adessive ("… Iissä, Pudasjärvellä ja Vaalassa")."""
    tokens = ctx.tokens.get(s, [])
    return [r for r in ctx.mentions(s, Kind.MUNICIPALITY)
            if r.start >= sub.end and case_at(tokens, r) in _WHERE]


def sub_project_facts(ctx: DocContext, s: int) -> list[Fact]:
    """Parent, implementer and places of the sub-projects a sentence names as such."""
    out: list[Fact] = []
    text = ctx.document.text
    for sub in ctx.mentions(s, Kind.PROJECT):
        if sub.mention.rule not in PART_RULES - {TABLE_PROJECT_RULE} and \
                not _CALLED_SUB.search(text[max(0, sub.start - 40):sub.start]):
            continue
        parent = _parent(ctx, s, sub)
        if parent:
            out.append(_fact(parent, "hasSubProject", sub.key, "subproject.named", s, 0.8))
        for org in _implementers(ctx, s, sub):
            out.append(_fact(sub.key, "administeredBy", org.key, "subproject.implementer", s,
                             0.75, role="administrator"))
        for place in _places(ctx, s, sub):
            out.append(_fact(sub.key, "operatesIn", place.key, "subproject.place", s, 0.7))
    return out
