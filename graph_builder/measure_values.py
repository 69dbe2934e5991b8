"""The money and the dates a text gives for a measure.

Ministry releases, programme pages and final reports say of each measure what it
costs and when it runs, in the words about that measure:

    Muutosagenttien työtä jatketaan vuoden 2019 loppuun; siihen varataan 2,7
    miljoonaa euroa.
    Kunta-agentit aloittavat työnsä vuoden 2019 alussa (0,72 milj. €).
    LAPE-akatemia. … Akatemiaan on varattu 1 100 000 euroa, ja ensimmäinen
    valmennusjakso alkaa helmikuussa 2019.
    Perheaika-chat – kokeilu päättyi 31.10.2018.

The words about a measure are the clauses that name it (a content area, also by its
head word alone, "Akatemian budjetti on …" after "LAPE-akatemia"; a named method), a
clause that points back to it ("…, jonka on tarkoitus alkaa …", "…; siihen varataan
…"), and every clause of its own list item, section or run-in paragraph that names no
other measure. Not a clause about a project's money ("Perhekeskuksia kehittävä hanke
sai …"), nor a date whose verb has a project for its subject ("Hanke alkoi …"). In
them:

- an amount with a word of allotting or spending ("varataan", "myönnetään",
  "käytetään", "tuetaan … eurolla", "budjetti"), or in brackets, is the measure's
  money (``hasFunding``; its kind from the words before it, as for a project);
- a time with a verb of starting ("alkaa", "aloittavat", "käynnistyy") is its start;
  with a verb of ending ("päättyi") its end; "jatketaan … loppuun / saakka" its end;
  with a verb of trying ("kokeiltiin lukuvuonna 2017–2018", "oli kokeilussa syksyllä
  2018") the time it ran; "jatkuu vuonna 2019" a year it goes on to (its end, at
  year precision); with a verb of deciding ("hallitus linjasi syyskuussa 2018
  seuraavista siltaustoimista") the day it was decided on; with one of making it
  permanent or taking it into use ("vakinaistettu 1.1.2019 alkaen", "siirtyi vuoden
  2019 alussa", "otetaan käyttöön lukuvuoden 2019–2020 alusta") the start of that;
  with "valmistui" in the clause that names it, its completion. The nearest verb to the
  time decides. Precision stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.areas import term_matches
from graph_builder.context import DocContext
from graph_builder.lexicon import (
    AREA_CONTINUES,
    AREA_UNTIL,
    MEASURE_BACK_REFERENCE,
    MEASURE_COMPLETED,
    MEASURE_DECIDED,
    MEASURE_ENDS,
    MEASURE_GOES_ON,
    MEASURE_INTRODUCED,
    MEASURE_MONEY,
    MEASURE_STARTS,
    MEASURE_TRIED,
    NON_FINITE_ENDINGS,
)
from graph_builder.methods import method_key, method_mentions
from graph_builder.model import BlockKind, Fact, Kind, Token
from graph_builder.values import Money, Period, funding_kind

#: Rules whose measure is a block of its own: a list item, a section, a run-in paragraph.
_BLOCK_RULES = ("measure.list.", "measure.section.", "measure.run-in.")
#: Breaks between the clauses of a sentence.
_CLAUSE_MARKS = {";", ":", "–", "—", "|"}
_CLAUSE_WORDS = re.compile(r"^(joka|jotka|jonka|joiden|jota|joita|jossa|joissa|josta|joista|"
                           r"johon|joihin|jolla|joilla|jolle|joille|mutta|kun|ja|eikä|vaan|"
                           r"koska|jotta|kunnes|vaikka|sillä|että)$", re.I)
_POINT_CUES = ("start-of", "date", "month", "year", "bare-year", "from", "end-of", "by")
#: Cases of where something goes: illative and allative ("siltaustoimiin", "akatemialle").
_DIRECTED = ("sisatulento", "ulkotulento")
#: A noun of trying says when something ran in these cases: "oli kokeilussa syksyllä
#: 2018", "avataan kokeiluna" (not "Kokeilun tuloksia esiteltiin syksyllä 2018"); and
#: "otetaan käyttöön" in the illative.
_TRYING_CASES = ("sisaolento", "olento", "sisatulento")
_PROJECT_WORD = re.compile(r"^(hank|projekt)", re.I)
#: Endings of verb forms that are no statement of their own: "päättyessä" (when … ends),
#: "alkaen" (from), "aloittaen".
#: How far (characters) a verb may stand from the time it speaks of.
_CUE_REACH = 60
#: "keväästä 2018", "1.1.2019 alkaen": a time something runs from.
_FROM_BEFORE = re.compile(r"\b(keväästä|kesästä|syksystä|talvesta|alusta)\s*$", re.I)
_FROM_AFTER = re.compile(r"^\s*(alkaen|lähtien|alusta)\b", re.I)


@dataclass(frozen=True)
class _Anchor:
    """Words that name a measure in a sentence (document offsets)."""

    key: str
    start: int
    end: int
    directed: bool = False   # in a case of where money goes: "siltaustoimiin", "akatemialle"


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of a sentence's clauses: broken at a semicolon, a colon or a spaced
    dash, and at a comma before a relative word or a conjunction ("…, ja niihin
    käytetään …")."""
    out, lo = [], 0
    for k, tok in enumerate(tokens):
        spaced = 0 < k < len(tokens) - 1 and tokens[k - 1].end < tok.start and \
            tok.end < tokens[k + 1].start   # "2019–2020" is one time, not two clauses
        if tok.text in _CLAUSE_MARKS and (spaced or tok.text not in "–—") or \
                tok.text == "," and k + 1 < len(tokens) and \
                _CLAUSE_WORDS.match(tokens[k + 1].text):
            if k > lo:
                out.append((lo, k))
            lo = k + 1
    if lo < len(tokens):
        out.append((lo, len(tokens)))
    return out


def _block_sentences(ctx: DocContext, s: int, rule: str) -> list[int]:
    """The sentences of a list item, run-in paragraph, or a section's heading and the
    paragraphs under it."""
    block = ctx.sentences[s].block
    blocks = [block]
    if rule.startswith("measure.section."):
        k = block + 1
        while k < len(ctx.blocks) and ctx.blocks[k].kind is BlockKind.PARAGRAPH:
            blocks.append(k)
            k += 1
    return [x.index for b in blocks for x in ctx.sentences_in_block(b)]


def _anchors(ctx: DocContext, found: list, mentions: dict
             ) -> tuple[dict[int, list[_Anchor]], dict[int, str]]:
    """Per sentence: the measures its words name, and the measure whose block (item,
    section, run-in paragraph) the sentence is in."""
    by_area: dict[str, str] = {}
    by_method: dict[str, str] = {}
    blocks: dict[int, str] = {}
    for mf in found:
        by_method.setdefault(method_key(mf.label), mf.key)
        if mf.rule == "measure.content-area":
            by_area.setdefault(mf.label, mf.key)
        elif mf.rule.startswith(_BLOCK_RULES):
            for s in _block_sentences(ctx, mf.sentence, mf.rule):
                blocks.setdefault(s, mf.key)
    named: dict[int, list[_Anchor]] = {}
    for sent in ctx.sentences:
        s = sent.index
        tokens = ctx.tokens.get(s, [])
        names = [r for r in ctx.mentions(s) if r.kind is not Kind.MEASURE]
        spans = [(m.area, m.start, m.head) for m in mentions.get(s, [])]
        spans += [(area, first, last) for area, first, last in term_matches(tokens)
                  if tokens[last].case != "omanto" and   # "… perhekeskuksen versio"
                  not any(r.start <= tokens[first].start < r.end for r in names)]
        for area, first, last in spans:   # a term in any case: "… seuraavista siltaustoimista"
            key = by_area.get(area.label_fi)
            if key:
                named.setdefault(s, []).append(_Anchor(key, tokens[first].start,
                                                       tokens[last].end,
                                                       _directed(tokens[last])))
        for label, start, end in method_mentions(ctx, s) if by_method else ():
            if method_key(label) in by_method:   # "Perhe-chat" of a table's row too
                last = next((t for t in tokens if t.start < end <= t.end), None)
                named.setdefault(s, []).append(_Anchor(
                    by_method[method_key(label)], start, end,
                    last is not None and _directed(last)))
    return named, blocks


def _directed(tok: Token) -> bool:
    """Is the word in the illative or allative, where money goes? A word the analyser does
    not know by its ending ("siltaustoimiin")."""
    if tok.case:
        return tok.case in _DIRECTED
    return re.search(r"(iin|seen|siin|lle)$", tok.text, re.I) is not None


def _is_cue(tok: Token, pattern: re.Pattern[str], nouns: bool = False) -> bool:
    """Is the word a verb of the kind: a finite form or a participle in the nominative
    ("aloittavat", "päättyi", "on pilotoitu"), a noun of trying when ``nouns``
    ("oli kokeilussa"); not a verbal noun ("ennen maakuntien aloittamista"), a temporal
    or manner form ("hankkeiden päättyessä", "1.1.2019 alkaen"), nor another noun
    ("maakuntien aloitus")."""
    if not pattern.match(tok.text):
        return False
    if pattern is MEASURE_DECIDED:
        return True    # whole words; the analyser reads "linjasi" as "his line"
    if tok.pos == "teonsana":
        return not tok.case and not tok.text.lower().endswith(NON_FINITE_ENDINGS)
    if tok.pos == "laatusana":
        return tok.case == "nimento"
    return nouns and tok.pos == "nimisana" and tok.case in _TRYING_CASES


def _cue_at(tokens: list[Token], a: int, b: int) -> tuple[str, int] | None:
    """The kind of the nearest verb to a time at offsets a..b among a clause's words, and
    where it stands (token index): "start", "end", "decided", "introduced", "completed",
    or else "tried" (a verb or noun of trying), else "goes-on"."""
    def nearest(pattern: re.Pattern[str], nouns: bool = False) -> tuple[int, int] | None:
        gaps = [(a - t.end if t.end <= a else t.start - b, k) for k, t in enumerate(tokens)
                if _is_cue(t, pattern, nouns)]
        gaps = [g for g in gaps if 0 <= g[0] <= _CUE_REACH]
        return min(gaps) if gaps else None

    near = [(gap, kind) for pattern, kind, nouns in (
                (MEASURE_STARTS, "start", False), (MEASURE_ENDS, "end", False),
                (MEASURE_DECIDED, "decided", False), (MEASURE_INTRODUCED, "introduced", True),
                (MEASURE_COMPLETED, "completed", False))
            if (gap := nearest(pattern, nouns)) is not None]
    if near:
        (_, at), kind = min(near)
        return kind, at
    for pattern, kind in ((MEASURE_TRIED, "tried"), (AREA_CONTINUES, "goes-on")):
        if (gap := nearest(pattern, nouns=kind == "tried")) is not None:
            return kind, gap[1]
    return None


def _another_subject(ctx: DocContext, s: int, words: list[Token], verb: int,
                     anchor: int) -> bool:
    """Is a project the subject of the verb rather than the measure: named in the
    nominative nearer the verb than the measure's name ("Hanke alkoi 1.3.2017 ja
    perhekeskukset avattiin …"), or the project's something ("hankkeen rahoitus
    päättyi 2018")? ``verb`` and ``anchor`` are indices into ``words``."""
    subjects = [k for k, t in enumerate(words)
                if _PROJECT_WORD.match(t.text) and t.case == "nimento"]
    subjects += [k + 1 for k, t in enumerate(words[:-1])   # "hankkeen rahoitus päättyi"
                 if _PROJECT_WORD.match(t.text) and t.case == "omanto" and
                 words[k + 1].case == "nimento" and words[k + 1].pos == "nimisana"]
    for r in ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME):
        k = next((k for k, t in enumerate(words) if t.start < r.end <= t.end), None)
        if k is not None and words[k].case in ("nimento", ""):
            subjects.append(k)
    return any(abs(k - verb) < abs(anchor - verb) for k in subjects)


def _date_facts(ctx: DocContext, s: int, key: str, lo: int, hi: int,
                named: bool, anchor: int) -> list[Fact]:
    """Start and end of a measure from the times in one clause (offsets lo..hi);
    ``named``: the clause names the measure (not only stands in its item), so that
    "valmistuu" is its completion and not that of some part of it; ``anchor``: where
    its name stands (the clause's start for an item's clause that does not name it)."""
    text = ctx.document.text
    tokens = ctx.tokens.get(s, [])
    out: list[Fact] = []
    done: set[str] = set()
    words = [t for t in tokens if lo <= t.start < hi]
    for p in ctx.periods.get(s, []):
        a, b = p.span
        if not lo <= a < hi or p.start is None or p.end is None or _after_name(ctx, s, p):
            continue
        clause, at, to = text[lo:hi], a - lo, b - lo
        found = _cue_at(words, a, b)
        cue = found[0] if found else None
        if found and _another_subject(ctx, s, words, found[1], next(
                (k for k, t in enumerate(words) if t.start >= anchor), 0)):
            continue
        until = p.cue == "by" or AREA_UNTIL.match(clause[to:])
        since = p.cue == "from" or _FROM_BEFORE.search(clause[:at]) or \
            _FROM_AFTER.match(clause[to:])
        point = p.cue in _POINT_CUES
        if until and (MEASURE_GOES_ON.search(clause) or cue == "end"):
            facts = [("endDate", p.end, "measure.value-until", 0.9)]
        elif cue == "end" and point and not since:
            facts = [("endDate", p.end, "measure.value-end", 0.9)]
        elif cue in ("start", "tried", "introduced") and since:
            facts = [("startDate", p.start, "measure.value-since", 0.9)]
        elif cue == "introduced" and point and p.cue not in ("end-of", "by"):
            facts = [("startDate", p.start, "measure.value-introduced", 0.9)]
        elif cue == "completed" and point and named and not since:
            facts = [("completionDate", p.end, "measure.value-completed", 0.8)]
        elif cue == "decided" and point and not since:
            facts = [("decisionDate", p.start, "measure.value-decided", 0.8)]
        elif cue == "start" and point and p.cue not in ("end-of", "by"):
            facts = [("startDate", p.start, "measure.value-start", 0.9)]
        elif cue == "tried" and (p.cue == "range" or point and p.cue != "by"):
            facts = [("startDate", p.start, "measure.value-tried", 0.85),
                     ("endDate", p.end, "measure.value-tried", 0.85)]
        elif cue == "goes-on" and p.cue in ("year", "bare-year") and p.end.month is None \
                and not since:
            facts = [("endDate", p.end, "measure.value-goes-on", 0.7)]
        else:
            continue
        for predicate, value, rule, confidence in facts:
            if predicate not in done:
                done.add(predicate)
                out.append(Fact(key, predicate, value, rule, s, confidence))
    return out


def _money_facts(ctx: DocContext, s: int, key: str, lo: int, hi: int,
                 directed: bool) -> list[Fact]:
    """Amounts of one clause with a word of allotting or spending, or in brackets. Not
    in a clause that speaks of a project ("Perhekeskuksia kehittävä hanke sai
    valtionavustusta …": the project's money), unless the measure stands where money
    goes (``directed``: "LAPE:n siltaustoimiin varataan …")."""
    text = ctx.document.text
    out: list[Fact] = []
    if not directed and _speaks_of_project(ctx, s, lo, hi):
        return out
    for m in ctx.money.get(s, []):
        a, b = m.span
        if not lo <= a < hi:
            continue
        before = text[lo:a]
        bracketed = before.rstrip().endswith("(")
        if not (MEASURE_MONEY.search(before) or bracketed or _paid_with(text[a:b])):
            continue
        out.append(_funding(key, m, funding_kind(before), s))
    return out


def _speaks_of_project(ctx: DocContext, s: int, lo: int, hi: int) -> bool:
    """Does a clause name a project or programme, or speak of "hanke"?"""
    return any(lo <= r.start < hi for r in ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)) or \
        any(lo <= t.start < hi and _PROJECT_WORD.match(t.text) for t in ctx.tokens.get(s, []))


def _paid_with(amount: str) -> bool:
    """"… tuetaan 400 000 eurolla": an amount in the adessive is what something is paid
    with."""
    return bool(re.search(r"eurolla$", amount, re.I))


def _funding(key: str, m: Money, kind: str, s: int) -> Fact:
    extra: dict[str, object] = {"kind": kind, "currency": m.currency}
    if m.share is not None:
        extra["share"] = m.share
    return Fact(key, "hasFunding", m.amount, "measure.value-money", s,
                0.7 if m.approximate else 0.8, tuple(sorted(extra.items())))


def _points_back(tokens: list[Token], lo: int, hi: int, antecedent: bool) -> bool:
    """Does a clause speak of the measure the clause before it named: it opens with a
    relative word right after the measure's name (``antecedent``: "…
    kunta-agenttitoimintaa, jonka on tarkoitus alkaa …"), or with "it" in a case of
    what is given to it ("…; siihen varataan …", "…, ja niihin käytetään …")?"""
    if lo >= hi:
        return False
    if antecedent and tokens[lo].text[:2].lower() == "jo" and _CLAUSE_WORDS.match(tokens[lo].text):
        return True
    first = lo + (tokens[lo].text.lower() == "ja")
    return first < hi and MEASURE_BACK_REFERENCE.match(tokens[first].text) is not None


def _after_name(ctx: DocContext, s: int, p: Period) -> bool:
    """A time right after a project's or programme's name is that one's ("X (2017–2018)")."""
    return any(0 <= p.span[0] - r.end <= 2 for r in ctx.mentions(s, Kind.PROJECT,
                                                                  Kind.PROGRAMME))


def measure_value_facts(ctx: DocContext, found: list, mentions: dict) -> list[Fact]:
    """The money and dates of every measure a document names (see the module);
    ``mentions`` are the document's content-area mentions (``areas.all_mentions``)."""
    named, blocks = _anchors(ctx, found, mentions)
    out: list[Fact] = []
    for sent in ctx.sentences:
        s = sent.index
        if ctx.blocks[sent.block].kind is BlockKind.ROW or ctx.contacts.get(s):
            continue
        if not (ctx.money.get(s) or ctx.periods.get(s)):
            continue
        tokens = ctx.tokens.get(s, [])
        own = named.get(s, [])
        previous: list[str] = []
        antecedent = False     # the clause before ends with a measure's name
        opening = s in blocks and s == min(k for k, v in blocks.items() if v == blocks[s])
        for n, (lo, hi) in enumerate(_clauses(tokens)):
            a, b = tokens[lo].start, tokens[hi - 1].end
            keys = sorted({x.key for x in own if a <= x.start < b})
            named_here = bool(keys) or opening and n == 0   # an item opens with its name
            if not keys and previous and _points_back(tokens, lo, hi, antecedent):
                keys = previous
            antecedent = any(a <= x.start < b and x.end >= tokens[max(hi - 2, lo)].start
                             for x in own)
            if not keys and s in blocks:
                keys = [blocks[s]]
            directed = any(x.directed for x in own if a <= x.start < b)
            for key in keys:
                at = min((x.start for x in own if x.key == key and a <= x.start < b), default=a)
                out.extend(_money_facts(ctx, s, key, a, b, directed))
                out.extend(_date_facts(ctx, s, key, a, b, named_here, at))
            previous = keys or previous
    return out
