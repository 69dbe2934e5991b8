"""Who pays an amount: the organisation a sentence ties money to.

Finnish ties money to the organisation that pays it in three ways:

* a genitive before a money noun: "Kuhmon kaupungin omarahoitusosuus on 12 400
  euroa", "Sodankylän kunnan omavastuu …", "Lapin yliopiston osuus hankkeen
  kustannuksista on noin 90 000 euroa (15 %)";
* the organisation as the subject of a paying verb: "Säkylän kunta maksaa
  8 000 euroa", "STM on myöntänyt hankkeelle 512 300 euroa";
* a split of that amount by year after it: "…, josta vuodelle 2017 kohdistuu
  5 100 euroa ja vuodelle 2018 7 300 euroa", "Säkylän kunnan osuus 2017:
  8 000 €, 2018: 8 150 €" — each part is the same organisation's, for its year.

A generic "kunnan osuus" names no one and is left alone, as is an amount with
another organisation, another kind of money or a clause break between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.context import DocContext, Resolved, case_at
from graph_builder.model import ORG_KINDS
from graph_builder.values import Money, Period, When, periods

#: A money noun right after a genitive organisation; own-contribution words first.
_OWN_NOUN = r"omarahoitusosuu|omarahoitu|omavastuu|omaosuu|kuntaosuu|kuntarahoitu"
_MONEY_NOUN = re.compile(r"^\s+(?:(" + _OWN_NOUN + r")|(maksuosuu|rahoitusosuu|"
                         r"kustannusosuu|osuu|rahoitu))\w*", re.I)
#: The organisation as the subject of a verb of paying ("maksaa", "on rahoittanut").
_PAY_VERB = re.compile(r"^\s+(?:(?:on|ovat|myös|puolestaan)\s+){0,2}"
                       r"(maksa(?:a|vat|nut|neet)|maksoi(?:vat)?|rahoitta(?:a|vat|nut|neet)|"
                       r"rahoitti(?:vat)?|kustanta(?:a|vat|nut)|kustansi|"
                       r"myöntä(?:ä|nyt|neet)|myönsi)\b", re.I)
#: Words between the money noun (or verb) and the amount that end the tie.
_BREAK = re.compile(r"(?<!\d):\s|;\s|\.\s|valtionavustu|valtionrahoitu|kokonaiskustannu|"
                    r"kokonaisbudjet|kustannusarvi|\bkun\b|\bmutta\b", re.I)
_MAX_GAP = 80


@dataclass(frozen=True)
class Payer:
    """The organisation that pays one amount, by which rule, and for which period."""

    org: str
    rule: str
    confidence: float
    own: bool = False                       # the text calls it an own contribution
    start: When | None = None
    end: When | None = None


def _is_genitive(ctx: DocContext, s: int, r: Resolved) -> bool:
    surface = ctx.document.text[r.start:r.end]
    if re.search(r":n$", surface):
        return True
    return case_at(ctx.tokens.get(s, []), r) == "omanto"


def _one_period(text: str, offset: int) -> Period | None:
    """The one year (or year range) a short stretch of text names, if exactly one."""
    found = [p for p in periods(text, offset) if p.start and p.end and p.start.month is None
             and p.end.month is None]
    return found[0] if len(found) == 1 else None


def payers(ctx: DocContext, s: int, amounts: list[Money]) -> dict[int, Payer]:
    """For each amount of sentence ``s`` (by index) the organisation that pays it."""
    text = ctx.document.text
    sent_end = ctx.sentences[s].end
    orgs = ctx.mentions(s, *ORG_KINDS)
    out: dict[int, Payer] = {}

    def others_between(a: int, b: int, exclude: Resolved) -> bool:
        return any(a <= o.start < b and o.key != exclude.key and
                   not _is_allative(ctx, s, o) for o in orgs)

    for r in orgs:
        after = text[r.end:sent_end]
        noun = _MONEY_NOUN.match(after) if _is_genitive(ctx, s, r) else None
        verb = None if noun else _PAY_VERB.match(after)
        cue = noun or verb
        if cue is None:
            continue
        cue_end = r.end + cue.end()
        first = next((n for n, m in enumerate(amounts) if m.span[0] >= cue_end), None)
        if first is None or first in out:
            continue
        m = amounts[first]
        gap = text[cue_end:m.span[0]]
        if len(gap) > _MAX_GAP or _BREAK.search(gap) or others_between(cue_end, m.span[0], r):
            continue
        if any(cue_end <= a.span[0] < m.span[0] for a in amounts):
            continue
        if noun:
            rule, confidence = "money.payer-genitive", 0.85
        else:
            rule, confidence = "money.payer-verb", 0.8
        own = bool(noun and noun[1])
        year = _one_period(gap[-20:], m.span[0] - min(20, len(gap)))
        out[first] = Payer(r.key, rule, confidence, own,
                           year.start if year else None, year.end if year else None)
        # the parts of that amount by year, each after the one before it
        prev = m
        for n in range(first + 1, len(amounts)):
            nxt = amounts[n]
            between = text[prev.span[1]:nxt.span[0]]
            period = _one_period(between, prev.span[1])
            if period is None or len(between) > 45 or _BREAK.search(between) \
                    or others_between(prev.span[1], nxt.span[0], r) or n in out:
                break
            out[n] = Payer(r.key, "money.payer-year-split", 0.8, own, period.start, period.end)
            prev = nxt
    return out


def _is_allative(ctx: DocContext, s: int, r: Resolved) -> bool:
    """"… maksaa Jyväskylän kaupungille 8 000 euroa": the recipient, not another payer."""
    return case_at(ctx.tokens.get(s, []), r) == "ulkotulento"


def payer_kind(money_kind: str, payer: Payer) -> str:
    """The kind of an amount an organisation pays: its own contribution when the text
    says so; never the project's total cost ("osuus kustannuksista" is a share of it)."""
    if payer.own:
        return "own-contribution"
    return "funding" if money_kind == "total-cost" else money_kind
