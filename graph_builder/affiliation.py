"""Where a person works, as the layout around the name says it.

Contact lists, seminar programmes and sign-offs set a person's organisation,
project and region beside the name with commas, brackets, slashes and dashes,
not with verbs (invented examples):

    Pirkanmaa – Anna Virta, Tampereen kaupunki (Perhepolku-hanke), p. 040 …
    | 10.15 | Perhekeskus arjessa | projektikoordinaattori Laura Niemi, Lumo-hanke |
    Tutkija Ville Koski (Esimerkin yliopisto)
    - Kainuu: muutosagentti Pekka Ojala, Kainuun kuntayhtymä

- The names set *beside* the person, up to the next person, the end of the line or
  of a table cell, with nothing but punctuation or a title between them, are the
  organisations and projects the person works in.
- A region that *labels the line* ("Pirkanmaa – …", "Kainuu: …") is the region the
  person answers for; a project that labels it ("Koulupolku: lehtori …"), one they
  work in.
- A list under a heading that names a title in the plural ("Muutosagentit
  maakunnissa", "Muutosagenttien yhteystiedot") gives that title to each person
  who opens a line of it and has none of their own.
- An e-mail address at the domain of an organisation the text names
  ("…@thl.fi" beside THL, "…@tampere.fi" beside Tampere) says where its owner works.
"""

from __future__ import annotations

import re
from functools import cache

from graph_builder.context import DocContext, Resolved
from graph_builder.model import BlockKind, Kind, Token
from graph_builder.slug import slugify
from graph_builder.titles import is_title

#: What may stand between a person and the names set beside them.
_APPOSITION = re.compile(r"[\s,;/()\[\]*–—\"“”«»'-]*")
#: The same with a title phrase in it: ", vastuullinen johtaja, …".
_TITLE_GAP = re.compile(r"[\s,;/(*]*((?:[a-zäöå-]+\s+){0,3}[a-zäöå-]+)[\s,;/()*–—\"“”«»'-]*")
#: A bracketed aside that names nothing ("ylilääkäri (lastenpsykiatria), …",
#: "Anna Virta (perhekeskus), Oulun kaupunki"): it stands between a person and their
#: employer like a title does.
_ASIDE = re.compile(r"\([^()\n]{1,60}\)")
#: Between a region that labels a line and what follows it: "Pirkanmaa – ", "**Kainuu**: ".
_LABEL_MARK = re.compile(r"\**\s*[:–—-]\s*\**\s*")
#: What may open a line before its label or name: list bullets, emphasis, a quote mark.
_LINE_OPENING = re.compile(r"[\s>*•·▪◦●–-]*")
_PLURAL_GENITIVE = re.compile(r"(jen|den|tten|ten|ien|iden|itten)$")


def _stretch_end(ctx: DocContext, s: int, at: int, nxt: int) -> int:
    """Where what is said beside a name ends: at the next person, the line's end (a list
    item's end: its wrapped lines are its own), a table cell's bar or the sentence's
    end."""
    text = ctx.document.text
    ends = [nxt, ctx.sentences[s].end]
    marks = ("|",) if ctx.block_of(s).kind is BlockKind.ITEM else ("\n", "|")
    for mark in marks:
        k = text.find(mark, at, ctx.sentences[s].end)
        if k >= 0:
            ends.append(k)
    return min(ends)


def _line_start(ctx: DocContext, s: int, at: int) -> int:
    """The start of the line or table cell that holds offset ``at``."""
    text = ctx.document.text
    return max(text.rfind("\n", 0, at), text.rfind("|", 0, at), -1) + 1


def beside(ctx: DocContext, s: int, person: Resolved, nxt: int) -> list[Resolved]:
    """The names set beside a person, in order: each follows the person or the name
    before it with only punctuation or a title phrase between ("Anna Virta,
    hankepäällikkö, Tampereen kaupunki (Perhepolku-hanke)")."""
    text = ctx.document.text
    limit = _stretch_end(ctx, s, person.end, nxt)
    out: list[Resolved] = []
    cursor = person.end
    for r in ctx.mentions(s):
        if r.start < person.end or r.kind is Kind.PERSON:
            continue
        if r.end > limit:
            break
        gap = _ASIDE.sub(" ", text[cursor:r.start])
        if not (_APPOSITION.fullmatch(gap) or _title_gap(gap)):
            break
        out.append(r)
        cursor = r.end
    return out


def _title_gap(gap: str) -> bool:
    m = _TITLE_GAP.fullmatch(gap)
    return bool(m) and is_title(m.group(1).split()[-1])


def works_for(r: Resolved) -> bool:
    """Can a name set beside a person be their employer? An organisation, or a
    municipality written as a body ("Tampereen kaupunki"); a bare place name
    ("…, Joensuu)") says where, not for whom."""
    if r.kind is Kind.ORGANISATION:
        return True
    return r.kind is Kind.MUNICIPALITY and r.mention.surface.strip() != r.mention.name.strip() \
        and len(r.mention.surface.split()) > 1


def _lead_tokens(ctx: DocContext, s: int, start: int, end: int) -> list[Token]:
    return [t for t in ctx.tokens.get(s, []) if start <= t.start and t.end <= end]


def opens_line(ctx: DocContext, s: int, person: Resolved) -> tuple[bool, Resolved | None]:
    """Does the person open their line (after a bullet, a label and a title)? And which
    region or project labels the line ("Pirkanmaa – Anna Virta", "Kainuu: muutosagentti
    Pekka Ojala", "Kasvupolku: lehtori Kaisa Arola"), if any?"""
    text = ctx.document.text
    start = _line_start(ctx, s, person.start)
    lead_end = _title_start(ctx, s, start, person)
    lead = text[start:lead_end]
    if _LINE_OPENING.fullmatch(lead):
        return True, None
    for r in ctx.mentions(s):
        if r.kind is not Kind.REGION and not r.key.startswith("project:"):
            continue   # a table row's "-verkosto" name is read as a body's, joined to its project
        if start <= r.start and r.end <= lead_end and \
                _LINE_OPENING.fullmatch(text[start:r.start]) and \
                _LABEL_MARK.fullmatch(text[r.end:lead_end]):
            return True, r
    return False, None


def _title_start(ctx: DocContext, s: int, line_start: int, person: Resolved) -> int:
    """The start of the title phrase just before the name, or the name's start."""
    before = _lead_tokens(ctx, s, line_start, person.start)
    if not before or not is_title(before[-1].lemma) or person.start - before[-1].end > 1:
        return person.start
    k = len(before) - 1
    while k > 0 and len(before) - k < 4 and before[k - 1].text[:1].islower() and \
            before[k - 1].text[:1].isalpha():
        k -= 1
    return before[k].start


def employer_above(ctx: DocContext, s: int, person: Resolved) -> list[Resolved]:
    """A contact card with the title on the line above the name and the employer after
    it: "Erikoissuunnittelija (vaativat palvelut), PSSHP" over "Anna Virta"."""
    text = ctx.document.text
    line_start = text.rfind("\n", 0, person.start) + 1
    if text[line_start:person.start].strip() or line_start == 0:
        return []
    above = text.rfind("\n", 0, line_start - 1) + 1
    line = text[above:line_start - 1]
    first = re.match(r"\s*([A-ZÄÖÅ][a-zäöå-]+)", line)
    if not first or not is_title(first.group(1)) or "," not in line or len(line) > 120:
        return []
    comma = above + line.index(",")
    for sent in ctx.sentences[max(0, s - 3):s + 1]:
        if sent.start <= comma < sent.end:
            return [r for r in ctx.mentions(sent.index, Kind.ORGANISATION, Kind.MUNICIPALITY)
                    if comma < r.start and r.end <= line_start and works_for(r)]
    return []


def list_title(ctx: DocContext, s: int) -> str | None:
    """The title a list's heading gives to each person it lists: "Muutosagentit
    maakunnissa" and "Muutosagenttien yhteystiedot" -> "muutosagentti". A title noun
    in the plural says the list is of people who hold it; "yhteyshenkilöt" names a
    role, not a title, and gives none."""
    block = ctx.block_of(s)
    index, depth = block.heading, 0
    while index is not None and depth < 2:
        for sent in ctx.sentences_in_block(index):
            for tok in ctx.tokens.get(sent.index, []):
                if _plural_title(tok):
                    return tok.lemma.lower()
        index, depth = ctx.blocks[index].heading, depth + 1
    return None


def _plural_title(tok: Token) -> bool:
    low, lemma = tok.text.lower(), tok.lemma.lower()
    if not is_title(lemma) or low == lemma or "henkilö" in lemma:
        return False
    return low.endswith("t") or bool(_PLURAL_GENITIVE.search(low))


def listed(ctx: DocContext, s: int, person: Resolved) -> bool:
    """Is the person's line a list entry rather than running text: a list item, card
    field or table row, or a line of a paragraph with no verb after the name?"""
    if ctx.block_of(s).kind in (BlockKind.ITEM, BlockKind.FIELD, BlockKind.ROW):
        return True
    end = _stretch_end(ctx, s, person.end, ctx.sentences[s].end)
    return not any(t.pos == "teonsana" and t.text[:1].islower()
                   for t in ctx.tokens.get(s, []) if person.end <= t.start < end)


@cache
def _municipality_names() -> dict[str, str]:
    from graph_builder.gazetteer import gazetteer

    return {p.code: p.name for p in gazetteer().municipalities.values()}


def _official_names(key: str) -> set[str]:
    """A municipality's name in the reference data ("Tampere" for "Tampereen
    kaupunki"), and a national body's name and abbreviation."""
    from graph_builder.gazetteer import gazetteer

    gaz = gazetteer()
    kind, _, code = key.partition(":")
    if kind == "municipality":
        name = _municipality_names().get(code)
        return {name} if name else set()
    body = gaz.body_by_key.get(code) if kind == "org" else None
    return {body.name} | ({body.abbreviation} if body.abbreviation else set()) if body else set()


def domain_employer(ctx: DocContext, email: str) -> str | None:
    """The organisation an e-mail address's domain names, if the text names it too:
    "…@thl.fi" -> THL, "…@tampere.fi" -> Tampere, "…@essote.fi" -> Essote. The
    domain's own label (left of the top-level domain) must equal an abbreviation
    or a name of the organisation, spaces and hyphens left out."""
    host = email.rsplit("@", 1)[-1].lower().split(".")
    if len(host) < 2:
        return None
    label = host[-2]
    if len(label) < 2:
        return None
    found = []
    for key, ent in ctx.resolution.entities.items():
        if ent.kind not in (Kind.ORGANISATION, Kind.MUNICIPALITY):
            continue
        names = set(ent.names) | _official_names(key)
        forms = {slugify(n).replace("-", "") for n in names}
        forms |= {a.lower() for a in ent.abbreviations}
        if label in forms:
            found.append(key)
    return found[0] if len(found) == 1 else None
