"""A programme's official content areas, named in running text, as measures.

LAPE set out to develop a fixed set of areas (``ontology/reference``,
``content_areas()``): the family centre model, systemic child protection,
child impact assessment, change agents … Texts name them in prose and in
headings rather than in lists: "Jyväskylän yliopisto arvioi perhekeskusten
käyttöönottoa", "Lastensuojelun systeemistä toimintamallia pilotoitiin
Lahdessa", "Osaamis- ja tukikeskukset". Such a mention is a measure when
the area is what the sentence develops, tries, introduces, trains, evaluates or
continues (a cue word), when it stands as a title (a heading, a table cell, a
short line with no verb), or when it is one of an enumeration under a heading of
development content ("Keskeiset sisällöt"). Everyday words that name an area
("lastensuojelu", "varhaiskasvatus") count only among other areas.

An area is a measure once per document: the node of a list or section item that
names it (the list rules found it first; a measure a prose rule read from the
area's words joins it), else a node of its own, owned by the document's project,
or by the programme on a national page ("measure of an area per owner": the key is
the area's canonical name and the owner). Its labels are the area's canonical name
and the text's own phrase in base form, so a reader who keys either finds it. An
organisation another rule read from an area's words ("OT-keskus") is that measure.
For free come the places it is tried in ("pilotoitiin Lahdessa",
"laajenee Loimaalle", "Kemin ja Tornion pilotit"), its period ("jatketaan
vuoden 2019 loppuun"), and the organisations that evaluate it (``lkg:evaluates``),
train for it (``lkg:trains``), answer for it (``lkg:responsibleFor``) or carry it
out with the owner (``lkg:carriedOutWith``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from graph_builder.context import DocContext, Resolved, case_at
from graph_builder.lexicon import (
    AREA_ANSWERS,
    AREA_CONTENT_HEADINGS,
    AREA_CONTINUES,
    AREA_DEVELOPMENT,
    AREA_ENDS,
    AREA_EVALUATES,
    AREA_FOR_YEAR,
    AREA_FROM,
    AREA_PART_HEADS,
    AREA_PILOT,
    AREA_PROCESS_HEADS,
    AREA_SINCE,
    AREA_STARTS,
    AREA_TRAINING_NOUN,
    AREA_TRAINS,
    AREA_TRIAL,
    AREA_UNTIL,
    MEASURE_LIST_CUES,
    NON_FINITE_ENDINGS,
    ORGANISATION_HEADS,
    PROGRAMME_HEADS,
    PROJECT_HEADS,
    TITLE_HEADS,
)
from graph_builder.model import BlockKind, Fact, Kind, Token
from graph_builder.morphology import analyser, content_signature, name_base_form
from ontology.reference import ContentArea, content_areas

if TYPE_CHECKING:  # measures imports this module
    from graph_builder.measures import MeasureFound

_NOUNS = ("nimisana", "nimisana_laatusana", "")
_ADJECTIVES = ("laatusana", "nimisana_laatusana", "lukusana")
_COORDINATORS = {"ja", "sekä", "tai", ","}
#: Relative pronouns that open a clause about the word before the comma.
_RELATIVE = re.compile(r"^(joka|jonka|jota|jossa|josta|johon|jolla|jolle|jotka|joiden|joita|"
                       r"joissa|joista|joihin|joilla|joille)$", re.I)
_CLAUSE_END = {".", ";", ":", "–", "—", "|", "?", "!"}
#: An area whose name is a bridging measure's ("Siltaustoimet"), by the list cue's words.
_BRIDGING = next(p for p, kind in MEASURE_LIST_CUES if kind == "bridging-measure")
_NAME_KINDS = (Kind.PROJECT, Kind.PROGRAMME, Kind.PERSON, Kind.ORGANISATION,
               Kind.MUNICIPALITY, Kind.REGION)
_PLACE_CASES = ("sisaolento", "ulkoolento", "sisatulento", "ulkotulento")
_LOCATIVES = ("sisaolento", "sisaeronto", "sisatulento", "ulkoolento", "ulkoeronto",
              "ulkotulento")
#: Compound tails that make a word about an area something else: a title
#: ("perhekeskuskoordinaattori"), people ("perhekeskustoimijat"), a body
#: ("lastensuojeluliitto"), a project ("perhekeskusosahanke"), a page.
_FOREIGN_TAILS = TITLE_HEADS + ORGANISATION_HEADS + PROJECT_HEADS + (
    "toimija", "henkilöstö", "asiakas", "sivu", "sivusto")   # "perhekeskusosahanke": a project
#: Genitive words before an area that belong to the sentence, not to the area's name.
_NOT_ATTRIBUTES = re.compile(r"^(hank|projekt|ohjelm|muutosohjelm|tämän|sen|niiden)", re.I)


@dataclass(frozen=True)
class AreaMention:
    """A content area named in a sentence: the noun phrase it stands in."""

    area: ContentArea
    sentence: int
    first: int          # token index of the area's first word
    last: int           # token index of the area's last word
    start: int          # token index where the phrase starts
    head: int           # token index of the phrase's head noun
    phrase: str | None  # the phrase in base form: "Perhekeskusten käyttöönotto"
    absorbs: str | None = None   # an organisation another rule read from the same words
    anaphor: bool = False        # a bare head word naming a national measure named before


@dataclass(frozen=True)
class _Term:
    area: ContentArea
    words: tuple[str, ...]


@cache
def _terms() -> tuple[_Term, ...]:
    """Every term of every area, longest first, so "systeeminen" wins over nothing
    and "osaamis- ja tukikeskus" is read before a shorter one."""
    terms = [_Term(a, t) for a in content_areas() for t in a.terms]
    return tuple(sorted(terms, key=lambda t: (-len(t.words), -len("".join(t.words)))))


@cache
def _patterns() -> tuple[str, ...]:
    """Every word pattern of every term, each once."""
    return tuple(sorted({w for t in _terms() for w in t.words}))


@cache
def _first_words() -> re.Pattern[str]:
    """Any term's first word at a word's start, for a quick look whether a sentence
    can name an area at all."""
    words = {t.words[0] for t in _terms()}
    lower = "|".join(sorted(re.escape(w) for w in words if not w.isupper()))
    upper = "|".join(sorted(re.escape(w) for w in words if w.isupper()))
    alternatives = f"(?i:{lower})" + (f"|{upper}" if upper else "")
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})")


def _any_term(text: str) -> bool:
    return _first_words().search(text) is not None


def _word_at(pattern: str, tok: Token) -> int | None:
    """Where ``pattern`` starts in a word, or None: at its start or after a hyphen
    ("LAPE-muutosagentit"); an upper-case pattern is an abbreviation written so."""
    if pattern.isupper():
        return 0 if re.match(re.escape(pattern) + r"(?![A-Za-zÄÖÅäöå])", tok.text) else None
    low = tok.text.lower()
    if low.startswith(pattern):
        return 0
    if pattern.endswith("-"):
        return None
    for m in re.finditer("-", low):
        if low.startswith(pattern, m.end()):
            return m.end()
    return None


def _foreign_tail(pattern: str, at: int, tok: Token) -> bool:
    """Does the word go on past the area into a title or a body's name?"""
    for word in {tok.text.lower(), (tok.lemma or tok.text).lower()}:
        end = at + len(pattern)
        for tail in _FOREIGN_TAILS:
            if word.endswith(tail) and len(word) - len(tail) >= end:
                return True
    return False


@lru_cache(maxsize=65536)
def _spots(text: str) -> dict[str, int]:
    """Every term pattern a word holds, and where in the word it starts (a word's
    spots depend on its letters only, so each distinct word is looked at once)."""
    if not text[:1].isalpha():
        return {}
    tok = Token(text, 0, len(text), text)
    return {p: at for p in _patterns() if (at := _word_at(p, tok)) is not None}


def term_matches(tokens: list[Token]) -> list[tuple[ContentArea, int, int]]:
    """(area, first, last token) of every term in a sentence, leftmost, longest first."""
    if not _any_term(" ".join(t.text for t in tokens)):
        return []   # no term's first word anywhere: most sentences stop here
    spots = [_spots(tok.text) for tok in tokens]   # token -> {pattern: where it starts}
    out: list[tuple[ContentArea, int, int]] = []
    taken: set[int] = set()
    for i in range(len(tokens)):
        if i in taken or not spots[i]:
            continue
        for term in _terms():
            n = len(term.words)
            if i + n > len(tokens) or any(i + j in taken for j in range(n)) or \
                    any(w not in spots[i + j] for j, w in enumerate(term.words)):
                continue
            last = term.words[-1]
            if not last.isupper() and _foreign_tail(last, spots[i + n - 1][last],
                                                    tokens[i + n - 1]):
                continue
            out.append((term.area, i, i + n - 1))
            taken.update(range(i, i + n))
            break
    return out


def verbal_noun(tok: Token) -> str | None:
    """The -minen noun of an inflected verbal noun ("rakentamiseen" -> "rakentaminen");
    the analyser reads these as forms of the verb."""
    low = tok.text.lower()
    verb = tok.pos == "teonsana" or (not tok.known and tok.text[:1].isupper() and any(
        cls == "teonsana" for _, cls, _ in analyser().analyse(low)))   # "Eroauttamista"
    if verb:
        m = re.match(r"^(\w{3,}?m)i(nen|s\w*)$", low)
        if m:
            return m.group(1) + "inen"
    return None


def is_process(tok: Token) -> bool:
    """Is the word a noun of development work ("käyttöönotto", "kehittäminen")?"""
    if verbal_noun(tok):
        return True
    lemma = (tok.lemma or tok.text).lower()
    return lemma in AREA_PROCESS_HEADS or lemma.split("-")[-1] in AREA_PROCESS_HEADS or \
        any(lemma.endswith(h) for h in ("toimintamalli", "kehittämistyö", "työkalu"))


def _in_name(ctx: DocContext, s: int, tok: Token) -> Resolved | None:
    return next((r for r in ctx.mentions(s, *_NAME_KINDS) if r.start <= tok.start < r.end), None)


def _skip_brackets(tokens: list[Token], j: int) -> int:
    """The index after a bracketed aside that starts at ``j`` ("(OT-keskusten)")."""
    if j < len(tokens) and tokens[j].text == "(":
        k = j + 1
        while k < len(tokens) and tokens[k].text != ")" and k - j < 8:
            k += 1
        if k < len(tokens) and tokens[k].text == ")":
            return k + 1
    return j


def _head(tokens: list[Token], last: int) -> int | None:
    """The head noun of the phrase an area's last word stands in, or None when the area
    is only an attribute of another thing ("perhekeskusten työntekijät").

    An adjective ("systeeminen") qualifies the noun after it; a genitive qualifies
    the next noun that is not a genitive, which must be a noun of development work."""
    k = last
    if k + 2 < len(tokens) and tokens[k + 1].text == "-" and \
            tokens[k + 1].end == tokens[k + 2].start and tokens[k + 2].text[:1].islower():
        return k + 2   # "Ero lapsiperheessä -toimintamalli": the compound's head
    tok = tokens[k]
    if tok.pos in _ADJECTIVES and tok.case and tok.pos != "nimisana_laatusana":
        j = k + 1
        while j < len(tokens) and j <= k + 2 and tokens[j].pos in _ADJECTIVES \
                and tokens[j].case == tok.case:
            j += 1
        if j < len(tokens) and tokens[j].pos in _NOUNS and tokens[j].case == tok.case \
                and tokens[j].text[:1].islower():
            k = j
    if tokens[k].case != "omanto":
        return k
    if k + 2 < len(tokens) and tokens[k + 1].text == "," and \
            _RELATIVE.match(tokens[k + 2].text):
        return k    # "käynnistää LAPE-akatemian, joka …": an object, its relative clause
    j = _skip_brackets(tokens, k + 1)
    steps = attributes = 0
    while j < len(tokens) and steps < 6:
        t = tokens[j]
        if t.text in _COORDINATORS or t.text.endswith("-"):
            pass
        elif t.case == "omanto" and t.text[:1].islower() and t.pos != "teonsana":
            # a genitive after "ja" is another item of the list ("oppilashuollon ja
            # sosiaalityön"); any other qualifies the head, and one such is the most
            # an area may stand behind ("lastensuojelun sijaishuollon uudistaminen",
            # not "perhekeskusten avoimien kerhojen toiminta")
            if tokens[j - 1].text not in _COORDINATORS:
                attributes += 1
                if attributes > 1:
                    return None
        else:
            break
        j = _skip_brackets(tokens, j + 1)
        steps += 1
    if j >= len(tokens) or tokens[j].text in _CLAUSE_END or tokens[j].text == ")":
        return k    # nothing follows: a title that ends in the genitive, or an aside
    if tokens[j].text[:1].islower() and (is_process(tokens[j]) or AREA_PILOT.match(tokens[j].text)):
        return j   # "perhekeskusten käyttöönotto", "perhekeskusmallin pilottikunnaksi"
    return None


def _agreeing(tok: Token, case: str) -> Token | None:
    """The word read as an adjective in ``case``, if it can be one: the analyser's first
    reading may be another ("sähköistä" is also the elative of "sähkö")."""
    if tok.pos in ("laatusana", "nimisana_laatusana") and tok.case == case:
        return tok
    for lemma, cls, reading_case in analyser().analyse(tok.text):
        if cls in ("laatusana", "nimisana_laatusana") and reading_case == case:
            return Token(tok.text, tok.start, tok.end, lemma, cls, case, True)
    return None


def _start(ctx: DocContext, s: int, tokens: list[Token], first: int,
           spans: dict[int, int]) -> tuple[int, dict[int, Token]]:
    """Where the phrase starts: genitive or agreeing attributes before the area's first
    word ("koulujen oppilashuolto", "uutta sähköistä perhekeskusta"), and a
    coordinated stem ("Lapsi- ja perhelähtöinen"); two words at most, or another
    area's words in the genitive ("vaativan tason palvelujen osaamis- ja
    tukikeskus"; ``spans`` maps the last token of each area term to its first). With
    the adjective readings it took, by token index."""
    start = first
    taken = 0
    readings: dict[int, Token] = {}
    while start > 0 and taken < 2:
        prev = tokens[start - 1]
        if prev.text == "ja" and start >= 2 and tokens[start - 2].text.endswith("-"):
            start -= 2
            taken += 1
            continue
        if _in_name(ctx, s, prev) or _NOT_ATTRIBUTES.match(prev.text) or \
                not (prev.text[:1].islower() or start - 1 == 0) or \
                prev.pos not in _NOUNS + _ADJECTIVES or prev.pos == "lukusana" or \
                not prev.known:
            break
        if start - 1 in spans and prev.case == "omanto":
            start = spans[start - 1]
            taken += 1
            continue
        if start >= 3 and tokens[start - 2].text in _COORDINATORS and \
                tokens[start - 3].case == prev.case:
            break   # "lasten, nuorten ja perheiden": the last of a list, not an attribute
        adjective = _agreeing(prev, tokens[first].case) if tokens[first].case else None
        if adjective is not None:
            readings[start - 1] = adjective
        elif prev.case != "omanto":
            break
        start -= 1
        taken += 1
    return start, readings


def _phrase(tokens: list[Token], start: int, last: int, head: int,
            between_other: bool) -> str | None:
    """The phrase in base form; past another area between this one and a shared head,
    only this area's words and the head ("perhekeskusten [ja erityispalvelujen]
    kehittäminen" -> "perhekeskusten kehittäminen"). None for a head the analyser does
    not know ("siltaustoimiin"): no base form to give."""
    own = list(range(start, last + 1))
    if head > last:
        own += [head] if between_other else list(range(last + 1, head + 1))
    depth = 0
    picked = []
    for i in own:
        depth += tokens[i].text == "("
        if depth == 0:
            picked.append(tokens[i])
        depth -= tokens[i].text == ")" and depth > 0
    head_tok = tokens[head]
    if not head_tok.known:
        return None   # "siltaustoimiin": no base form to give
    noun = verbal_noun(head_tok)
    if noun:
        head_tok = Token(head_tok.text, head_tok.start, head_tok.end, noun, "nimisana",
                         head_tok.case, True)
    elif head_tok.case == "nimento":   # as written: "Vaativimmat erityispalvelut"
        head_tok = Token(head_tok.text, head_tok.start, head_tok.end, head_tok.text,
                         head_tok.pos, head_tok.case, head_tok.known)
    picked[-1] = head_tok
    text = name_base_form(picked)
    return text[:1].upper() + text[1:]


def area_mentions(ctx: DocContext, s: int) -> list[AreaMention]:
    """The content areas a sentence names as the thing its phrase is about."""
    tokens = ctx.tokens.get(s, [])
    found = term_matches(tokens)
    out: list[AreaMention] = []
    for n, (area, first, last) in enumerate(found):
        head = _head(tokens, last)
        if head is None:
            continue
        if head == last and tokens[head].case in _LOCATIVES:
            continue   # "Kempeleen perhekeskuksessa": a place, not what is developed
        start, readings = _start(ctx, s, tokens, first, {b: a for _, a, b in found})
        name = _in_name(ctx, s, tokens[first])
        absorbs = None
        if name is not None:
            if not _names_the_area(name, tokens, start, head):
                continue   # "Mannerheimin Lastensuojeluliitto", "Perhekeskus Päijät-Hämeeseen"
            absorbs = name.key
        others = [f for f in found[n + 1:] if last < f[1] <= head]
        between = any(_coordinated(tokens, last, f) for _, f, _ in others)
        phrase = _phrase([readings.get(i, t) for i, t in enumerate(tokens)], start, last,
                         head, between)
        out.append(AreaMention(area, s, first, last, start, head, phrase, absorbs))
    # a generic word inside a specific area's phrase ("systeemisen lastensuojelun
    # toimintamalli") is part of it, not an area of its own; a coordinated one is
    return [m for m in out if m.area.scope != "generic" or not any(
        x.area.scope != "generic" and x.start <= m.first <= x.head and
        not _coordinated(tokens, x.last, m.first) and not _coordinated(tokens, m.last, x.first)
        for x in out if x is not m)]


def _coordinated(tokens: list[Token], last: int, other_first: int) -> bool:
    return any(tokens[k].text in _COORDINATORS for k in range(last + 1, other_first))


def _names_the_area(name: Resolved, tokens: list[Token], start: int, head: int) -> bool:
    """A name another rule found that is only the area's phrase ("OT-keskus",
    "Eroauttamisen palveluverkosto" read as organisations): the area, not a body."""
    return name.kind is Kind.ORGANISATION and \
        tokens[start].start <= name.start and name.end <= tokens[head].end


# --- when a mention is a measure -------------------------------------------------------

def _cell(ctx: DocContext, s: int, tok: Token) -> tuple[int, int]:
    """Character range of the table cell (or the whole sentence) a word stands in."""
    sent = ctx.sentences[s]
    if ctx.blocks[sent.block].kind is not BlockKind.ROW:
        return sent.start, sent.end
    text = sent.text
    rel = tok.start - sent.start
    left = text.rfind("|", 0, rel)
    right = text.find("|", rel)
    return sent.start + left + 1, sent.start + (right if right >= 0 else len(text))


def _finite_verb(tokens: Iterable[Token]) -> bool:
    """Is there a finite verb, one that cannot be read as a noun ("vuosi", "tuki")?"""
    an = analyser()
    return any(t.pos == "teonsana" and not t.case and t.text[:1].islower() and
               not any(cls == "nimisana" for _, cls, _ in an.analyse(t.text)) for t in tokens)


def _title_like(ctx: DocContext, s: int, tokens: list[Token]) -> bool:
    """A heading, a table cell or a short line with no verb: a title names its topic."""
    kind = ctx.blocks[ctx.sentences[s].block].kind
    if kind is BlockKind.HEADING:
        return True
    words = [t for t in tokens if t.text[:1].isalnum()]
    if kind in (BlockKind.ROW, BlockKind.ITEM) or len(words) <= 8:
        return not _finite_verb(tokens) and len(words) <= 14
    return False


def _under_content_heading(ctx: DocContext, s: int) -> bool:
    """An item or line under a heading of development content ("Keskeiset sisällöt")."""
    block = ctx.blocks[ctx.sentences[s].block]
    if block.kind not in (BlockKind.ITEM, BlockKind.HEADING, BlockKind.ROW):
        return False
    label = ctx.field_label(s)
    heading = ctx.blocks[block.heading].text if block.heading is not None else ""
    return bool(AREA_CONTENT_HEADINGS.search(f"{label or ''} {heading}"))


def _person_near(ctx: DocContext, s: int, tokens: list[Token], m: AreaMention) -> bool:
    """"muutosagentti Liisa Korhonen", "Liisa Korhonen, muutosagentti": a title (not when
    a verb stands between them: the person does something to the area)."""
    lo = tokens[max(m.start - 3, 0)].start
    hi = tokens[min(m.head + 2, len(tokens) - 1)].end
    a, b = tokens[m.start].start, tokens[m.head].end

    def verb_between(x: int, y: int) -> bool:   # "Juho Salmi esitteli … lapsistrategian"
        return any(t.pos == "teonsana" and not t.case and x <= t.start and t.end <= y
                   for t in tokens)

    return any((lo <= r.start <= hi or lo <= r.end <= hi) and
               not verb_between(min(r.end, b), max(r.start, a))
               for r in ctx.mentions(s, Kind.PERSON))


def _contact_title(ctx: DocContext, s: int) -> bool:
    """A line followed by a person's name or contact details ("Muutosagentti" /
    "Liisa Korhonen, puh. …"): the person's title, not a measure."""
    nxt = s + 1
    if nxt >= len(ctx.sentences) or ctx.sentences[nxt].block == ctx.sentences[s].block:
        return False
    people = ctx.mentions(nxt, Kind.PERSON)
    return bool(ctx.contacts.get(nxt)) or any(
        r.start - ctx.sentences[nxt].start <= 2 for r in people)


def qualifies(ctx: DocContext, m: AreaMention, siblings: list[AreaMention]) -> bool:
    """Is the mention a measure: the area is being developed, stands as a title, or is
    one of an enumeration of development content, or named as a part of a programme
    ("… palvelujen osakokonaisuudesta")? Not a title of a person
    ("muutosagenttina toimiva", "muutosagentti Liisa Korhonen", a heading over a
    contact's name)."""
    tokens = ctx.tokens.get(m.sentence, [])
    if tokens[m.last].case == "olento" or _person_near(ctx, m.sentence, tokens, m) or \
            _contact_title(ctx, m.sentence):
        return False
    lo, hi = _cell(ctx, m.sentence, tokens[m.first])
    part = [t for t in tokens if lo <= t.start < hi]
    text = ctx.document.text[lo:hi]
    process = m.head != m.last and is_process(tokens[m.head])
    cue = process or bool(AREA_DEVELOPMENT.search(text))
    content = _under_content_heading(ctx, m.sentence)
    if m.area.scope != "generic":
        return cue or content or _title_like(ctx, m.sentence, part)
    attached = process or (cue and tokens[m.head].case in ("nimento", "osanto"))
    part = m.head != m.last and tokens[m.head].lemma.lower() in AREA_PART_HEADS
    return content or part or (attached and any(_listed_with(tokens, m, x) for x in siblings
                                        if x.area.key != m.area.key))


def _listed_with(tokens: list[Token], a: AreaMention, b: AreaMention) -> bool:
    """Are two areas items of one enumeration: a few words apart, joined by "ja",
    "sekä" or a comma, no clause break between ("perhekeskusten
    rakentamiseen … sekä oppilashuollon vahvistamiseen")?"""
    left, right = (a, b) if a.first < b.first else (b, a)
    gap = tokens[max(left.head, left.last) + 1:right.start]
    return len(gap) <= 10 and any(t.text in _COORDINATORS for t in gap) and \
        not any(t.text in _CLAUSE_END for t in gap)


# --- measures --------------------------------------------------------------------------

@dataclass(frozen=True)
class AreaFound:
    """A content area a document treats as a measure: every mention that qualifies."""

    area: ContentArea
    mentions: tuple[AreaMention, ...]


def all_mentions(ctx: DocContext) -> dict[int, list[AreaMention]]:
    """The area mentions of every sentence that has any, by sentence index."""
    out: dict[int, list[AreaMention]] = {}
    for sent in ctx.sentences:
        if _any_term(sent.text):
            found = area_mentions(ctx, sent.index)
            if found:
                out[sent.index] = found
    for s, m in _anaphors(ctx, out):
        out.setdefault(s, []).append(m)
    return out


def _label_head(label: str) -> str | None:
    """The head of a hyphenated name, lower case: "LAPE-akatemia" -> "akatemia"."""
    if "-" not in label or " " in label.strip():
        return None
    head = label.rsplit("-", 1)[-1].lower()
    return head if len(head) >= 5 and head.isalpha() else None


def _anaphors(ctx: DocContext,
              found: dict[int, list[AreaMention]]) -> list[tuple[int, AreaMention]]:
    """A national measure, once named, named again by its head word alone: "LAPE-akatemia
    … Akatemiaa järjestävät THL ja STM …", "… ja akatemia päättyy marraskuussa 2019".
    Not a head another area's name holds too ("Kunta-agentit" beside "Muutosagentit"),
    nor a word inside a name ("Suomen Akatemia")."""
    first: dict[str, tuple[int, ContentArea]] = {}
    for s in sorted(found):
        for m in found[s]:
            if m.area.scope == "national" and not m.anaphor:
                first.setdefault(m.area.key, (s, m.area))
    heads: dict[str, tuple[int, ContentArea]] = {}
    for since, area in first.values():
        head = _label_head(area.label_fi)
        if head and not any(head[:-1] in other.label_fi.lower() for other in content_areas()
                            if other.key != area.key):
            heads[head] = (since, area)
    out: list[tuple[int, AreaMention]] = []
    if not heads:
        return out
    for sent in ctx.sentences:
        for i, tok in enumerate(ctx.tokens.get(sent.index, [])):
            hit = heads.get((tok.lemma or tok.text).lower())
            if hit is None or sent.index <= hit[0] or "-" in tok.text or \
                    _in_name(ctx, sent.index, tok):
                continue
            out.append((sent.index, AreaMention(hit[1], sent.index, i, i, i, i, None,
                                                anaphor=True)))
    return out


def document_areas(ctx: DocContext,
                   mentions: dict[int, list[AreaMention]] | None = None) -> list[AreaFound]:
    """The content areas a document names as measures, in order of first mention."""
    mentions = all_mentions(ctx) if mentions is None else mentions
    by_area: dict[str, list[AreaMention]] = {}
    order: list[ContentArea] = []
    for s in sorted(mentions):
        sent = ctx.sentences[s]
        if ctx.blocks[sent.block].kind is BlockKind.FIELD and not AREA_DEVELOPMENT.search(
                sent.text):
            continue
        found = mentions[s]
        for m in found:
            if m.anaphor and m.area.key in by_area or not m.anaphor and qualifies(ctx, m, found):
                if m.area.key not in by_area:
                    order.append(m.area)
                by_area.setdefault(m.area.key, []).append(m)
    return [AreaFound(a, tuple(by_area[a.key])) for a in order]


def named_owner(ctx: DocContext, s: int, area: ContentArea) -> str | None:
    """The project a sentence names ("X-hankkeessa … kokeillaan"), else the
    area's programme if it names that ("LAPE:n siltaustoimet")."""
    projects = ctx.mentions(s, Kind.PROJECT)
    if projects:
        return projects[0].key
    programme = programme_of(ctx, area)
    if programme and any(r.key == programme for r in ctx.mentions(s, Kind.PROGRAMME)):
        return programme
    return None


def owner_at(ctx: DocContext, s: int, area: ContentArea) -> str | None:
    """Whose measure an area named in a sentence is: the project or programme the
    sentence names; else the project its paragraph or document speaks of; the last
    project named before it when it says only "hanke" ("Kunnassa hankkeen
    painopisteinä ovat …"); else the programme the area belongs to. A national
    measure ("LAPE-akatemia") is its programme's wherever it is named."""
    from graph_builder.relations import sentence_project

    if area.scope == "national" and (programme := programme_of(ctx, area)):
        return programme   # a national measure: the programme's, whatever project is near
    owner = named_owner(ctx, s, area) or sentence_project(ctx, s)
    if owner:
        return owner
    if re.search(r"\bhank", ctx.sentences[s].text, re.I):
        for prev in range(s - 1, -1, -1):
            named = ctx.mentions(prev, Kind.PROJECT)
            if named:
                return named[-1].key
    return programme_of(ctx, area)


def programme_of(ctx: DocContext, area: ContentArea) -> str | None:
    """The programme an area belongs to, as this document names it ("LAPE",
    "LAPE-muutosohjelma", "Lasten ja perheiden palveluiden muutosohjelma": the same
    compound parts); else the document's only programme."""
    programmes = sorted(k for k, e in ctx.resolution.entities.items()
                        if e.kind is Kind.PROGRAMME)
    wanted = area.programme.casefold()
    signature = content_signature(area.programme_fi)
    def names(key: str) -> set[str]:
        ent = ctx.resolution.entities[key]
        return set(ent.names) | set(ent.abbreviations)

    for key in programmes:   # its name or abbreviation as such first
        if any(n.casefold() == wanted or content_signature(n) == signature for n in names(key)):
            return key
    for key in programmes:   # then a compound of it: "LAPE-muutosohjelma", not "LAPE-työ …"
        if any(n.casefold().startswith(wanted + "-") and " " not in n.strip() and
               n.casefold().endswith(PROGRAMME_HEADS) for n in names(key)):
            return key
    return programmes[0] if len(programmes) == 1 else None


def place_facts(ctx: DocContext, key: str, m: AreaMention, rule: str) -> list[Fact]:
    """"… pilotoitiin Lahdessa", "kokeillaan Kemissä ja Torniossa", "malli
    laajenee Loimaalle", "Kemin ja Tornion pilotit": the municipalities of the
    mention's clause in a case of place (in, at, into, onto), or in the genitive before
    a pilot or trial, when the clause says the area is tried, introduced or developed
    there (or is a title: "Systeeminen lastensuojelu Oulussa")."""
    tokens = ctx.tokens.get(m.sentence, [])
    lo, hi = _scope(tokens, m)
    text = ctx.document.text[tokens[lo].start:tokens[hi - 1].end] if hi > lo else ""
    if not AREA_DEVELOPMENT.search(text) and not _title_like(ctx, m.sentence, tokens[lo:hi]):
        return []
    out = []
    pilot_town = _PILOT_TOWN.match(tokens[m.head].text) is not None
    for r in ctx.mentions(m.sentence, Kind.MUNICIPALITY):
        if not tokens[lo].start <= r.start < tokens[hi - 1].end:
            continue
        case = case_at(tokens, r)
        if case in _PLACE_CASES or (case == "omanto" and _names_a_place_of(tokens, r)) or \
                (pilot_town and case in ("nimento", "")):
            out.append(Fact(key, "targets", r.key, rule, m.sentence, 0.7))
    return out


#: A pilot town of an area: "Kotka on lupautunut perhekeskusmallin pilottikunnaksi".
_PILOT_TOWN = re.compile(r"^(pilotti|kokeilu)(kun|kaupun|paikkakun)", re.I)


def _names_a_place_of(tokens: list[Token], r: Resolved) -> bool:
    """A genitive place before a pilot or trial ("Kemin ja Tornion pilottien"), or
    before a body or building it works in ("Salon kaupunginhallituksessa",
    "Kemin ja Tornion kouluissa")."""
    after = [t for t in tokens if t.start >= r.end][:4]
    for t in after:
        if AREA_PILOT.match(t.text) or (t.case in _PLACE_CASES[:2] and t.text[:1].islower()):
            return True
        if not (t.text in _COORDINATORS or t.case == "omanto"):
            return False
    return False


def period_facts(ctx: DocContext, key: str, m: AreaMention) -> list[Fact]:
    """When the words about the area say it starts, runs or goes on (see
    :func:`span_period_facts`)."""
    tokens = ctx.tokens.get(m.sentence, [])
    lo, hi = _scope(tokens, m)
    return span_period_facts(ctx, key, m.sentence, lo, hi, "measure.content-area",
                             _title_like(ctx, m.sentence, tokens[lo:hi]))


def span_period_facts(ctx: DocContext, key: str, s: int, lo: int, hi: int, rule: str,
                      title: bool = False) -> list[Fact]:
    """When the words ``lo``..``hi`` of sentence ``s`` about a measure say it starts,
    runs, goes on or ends: "jatketaan joulukuun 2019 loppuun" (its end), "pilotoitu …
    keväästä 2018", "alkaa syksyllä 2017", "avataan kokeiluna syksyllä 2017",
    "vuodesta 2019" (unless it goes on from then: "jatkuu vuodesta 2019" started before),
    "on vakinaistettu 1.1.2019 alkaen", "syyskuusta 2018 lähtien" (its start), "kokeilu
    päättyi 31.12.2018" (its end), "oli kokeilussa syksyllä 2018",
    "kokeillaan 1.9.–31.12.2018" (its period), a title "Siltaustoimet vuodelle 2019" (its
    period). ``rule`` names the facts' rule ("measure.content-area" -> "…-start")."""
    tokens = ctx.tokens.get(s, [])
    if hi <= lo:
        return []
    a, b = tokens[lo].start, tokens[hi - 1].end
    text = ctx.document.text
    words = text[a:b]
    out: list[Fact] = []
    for p in ctx.periods.get(s, []):
        if not a <= p.span[0] < b or p.start is None or p.end is None:
            continue
        if _project_subject(ctx, s, tokens, lo, p.span[0]):
            continue   # "hankkeen rahoitus päättyi 2018", "Hanke alkoi 1.3.2017 ja …"
        after, before = text[p.span[1]:b], text[a:p.span[0]]
        one = p.cue in ("month", "year", "bare-year")
        point = one or p.cue in ("date", "start-of", "end-of")
        if (p.cue == "by" or one and AREA_UNTIL.match(after)) and AREA_CONTINUES.search(words):
            out.append(Fact(key, "endDate", p.end, f"{rule}-end", s, 0.7))
        elif (p.cue == "from" or one and AREA_FROM.search(before)) and \
                not AREA_CONTINUES.search(words) or \
                point and _start_verb_before(tokens, p.span[0]) or \
                (point or p.cue == "range") and AREA_SINCE.match(after):
            out.append(Fact(key, "startDate", p.start, f"{rule}-start", s, 0.7))
        elif point and _verb_before(tokens, p.span[0], AREA_ENDS):
            out.append(Fact(key, "endDate", p.end, f"{rule}-end", s, 0.7))
        elif point and _verb_before(tokens, p.span[0], _COMPLETES):
            out.append(Fact(key, "completionDate", p.end, f"{rule}-completion", s, 0.7))
        elif p.cue == "start-of" and _verb_before(tokens, p.span[0], _ANY_VERB):
            # "siirtyi vuoden 2019 alussa … vakinaiseksi toiminnaksi": it starts anew then
            out.append(Fact(key, "startDate", p.start, f"{rule}-start", s, 0.7))
        elif (p.cue in ("year", "bare-year") and p.start.month is None and title) or \
                (one or p.cue == "range") and AREA_TRIAL.search(words):
            out.append(Fact(key, "startDate", p.start, f"{rule}-period", s, 0.7))
            out.append(Fact(key, "endDate", p.end, f"{rule}-period", s, 0.7))
        elif one and p.start.month is None and AREA_FOR_YEAR.search(before):
            # "palkataan vuodeksi 2019 kunta-agentit": the year it runs
            out.append(Fact(key, "startDate", p.start, f"{rule}-period", s, 0.7))
            out.append(Fact(key, "endDate", p.end, f"{rule}-period", s, 0.7))
        elif p.cue == "range" and AREA_CONTINUES.search(words):
            # "Muutosagentit jatkavat tehtävissään 1.1.–31.12.2019": the time it goes on
            out.append(Fact(key, "startDate", p.start, f"{rule}-period", s, 0.7))
            out.append(Fact(key, "endDate", p.end, f"{rule}-period", s, 0.7))
    return out


_PROJECT_WORD = re.compile(r"^(hanke|hankkeen|projekti|projektin)$", re.I)


def _project_subject(ctx: DocContext, s: int, tokens: list[Token], lo: int, at: int) -> bool:
    """Is the nearest verb before a time (at offset ``at``) said of a project, not of
    the measure: a project word or name in the nominative, or a project's something
    ("hankkeen rahoitus"), before the verb in the same clause (no "ja" or comma
    between)?"""
    before = [k for k in range(lo, len(tokens)) if tokens[k].end <= at]
    verbs = [k for k in before if tokens[k].pos == "teonsana"]
    if not verbs:
        return False
    verb = verbs[-1]
    names = {k for r in ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)
             for k in before if tokens[k].start < r.end <= tokens[k].end}
    subjects = [k for k in before if k < verb and (
        _PROJECT_WORD.match(tokens[k].text) and tokens[k].case == "nimento" or
        _PROJECT_WORD.match(tokens[k].text) and tokens[k].case == "omanto" and
        k + 1 < verb and tokens[k + 1].case == "nimento" and tokens[k + 1].pos == "nimisana" or
        k in names and tokens[k].case in ("nimento", ""))]
    if not subjects:
        return False
    between = tokens[max(subjects) + 1:verb]   # "Hanke alkoi …" yes; "Hanke …, ja X avattiin" no
    return not any(t.text in ("ja", "sekä", ",", "mutta", "kun") for t in between)


_ANY_VERB = re.compile(r"\w")
#: Verbs of being finished just before a time: "valmistuivat lokakuun 2018 aikana".
_COMPLETES = re.compile(r"^valmistu", re.I)


def _start_verb_before(tokens: list[Token], at: int) -> bool:
    """A verb of starting just before a time ("alkaa syksyllä 2017")."""
    return _verb_before(tokens, at, AREA_STARTS)


def _verb_before(tokens: list[Token], at: int, verbs: re.Pattern[str]) -> bool:
    """One of ``verbs`` among the three words before a time ("päättyi 31.12.2018"), or
    the clause's nearest verb before it, past the places between ("avattiin
    Jyväskylään, Jämsään ja Äänekoskelle syksyllä 2017")."""
    before = [t for t in tokens if t.end <= at]
    if any(_finite_verb_word(t) and verbs.match(t.text) for t in before[-3:]):
        return True
    for t in reversed(before[-10:]):
        if t.text in _CLAUSE_END or t.text == "(":
            return False   # "(maakuntien aloitus vuoden 2021 alussa)": an aside's time
        if _finite_verb_word(t) and t.text[:1].islower():
            return bool(verbs.match(t.text))
    return False


def _finite_verb_word(t: Token) -> bool:
    """A verb that states an act: not "siirtyessä", "päättyessä" (when … moves, ends)."""
    return t.pos == "teonsana" and not t.text.lower().endswith(NON_FINITE_ENDINGS)


def _clause(tokens: list[Token], m: AreaMention) -> tuple[int, int]:
    return clause_of(tokens, m.start, m.head)


def _finite(tok: Token) -> bool:
    """A verb in a finite form as written: "uudistetaan", "avattiin", "on"."""
    return tok.pos == "teonsana" and not tok.case and tok.text[:1].islower()



def _inserted_dashes(tokens: list[Token]) -> set[int]:
    """Pairs of dashes around words with no verb of their own, inside a clause:
    "kuuteen suurimpaan kaupunkiin – Helsinkiin, Espooseen ja Turkuun – palkataan …"
    names the places of the clause, and breaks nothing."""
    dashes = [k for k, t in enumerate(tokens) if t.text in ("–", "—")]
    out: set[int] = set()
    for i, j in zip(dashes, dashes[1:], strict=False):
        if i in out or j - i < 2 or any(_finite(t) for t in tokens[i + 1:j]) or \
                any(t.text in (";", ":", ".") for t in tokens[i + 1:j]):
            continue
        out.update((i, j))
    return out


def clause_of(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Token range of the clause that tokens ``first``..``last`` stand in, with the
    relative clauses that follow it ("… kotipalvelua, joka käynnistyy Iisalmessa"):
    between sentence-level breaks, which are a semicolon, a colon, a dash, a comma
    before "ja", "mutta", "kun" or a relative word, and a comma, "ja" or "sekä" before a
    finite verb once the clause has a verb of its own ("kehitetään A, uudistetaan B
    yhteistyössä X:n kanssa sekä vahvistetaan C" is three clauses; "Perhe-chat,
    perheiden neuvontapalvelu, oli kokeilussa …" one). A comma between places
    ("Vaasaan, Mustasaareen ja Laihialle") is no break."""
    breaks: dict[int, bool] = {}     # token index of a break -> opens a relative clause
    verb = False
    inserted = _inserted_dashes(tokens)
    for k, tok in enumerate(tokens):
        t = tok.text
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if k in inserted:
            continue
        if t in (";", ":", "–", "—", "|"):
            breaks[k], verb = False, False
        elif t == "," and nxt is not None and _RELATIVE.match(nxt.text):
            breaks[k], verb = True, False
        elif t == "," and nxt is not None and re.match(r"^(mutta|kun|ja|sekä)$", nxt.text, re.I):
            breaks[k], verb = False, False
        elif t in (",", "ja", "sekä") and nxt is not None and _finite(nxt) and verb:
            breaks[k], verb = False, False
        elif _finite(tok):
            verb = True
    lo = first
    while lo > 0 and lo - 1 not in breaks:
        lo -= 1
    hi = last + 1
    while hi < len(tokens) and (hi not in breaks or breaks[hi]):
        hi += 1
    return lo, hi


def _scope(tokens: list[Token], m: AreaMention) -> tuple[int, int]:
    """The words that speak of the area: its clause; the whole line when the line opens
    with the area and a dash or colon, a term and its description ("Eroauttamisen
    palveluketju – jatkaa X yhdessä Y:n kanssa", "Perhekeskustoimintamalli – vastuu
    kunnilla: A, B ja C")."""
    lo, hi = _clause(tokens, m)
    cell = max((k for k in range(m.start) if tokens[k].text == "|"), default=-1) + 1
    opens = all(not t.text[:1].isalnum() or t.text.isdigit() or len(t.text) == 1
                for t in tokens[cell:m.start])
    after = m.head + 1
    if opens and cell == 0 and after < len(tokens) and tokens[after].text in ("–", "—", ":"):
        return lo, len(tokens)
    end = next((k for k in range(after, len(tokens)) if tokens[k].text == "|"), len(tokens))
    if opens and not _finite_verb(tokens[cell:end]):
        return cell, end   # a title that opens with the area: "Perhekeskus arjessa: Raahen …"
    return lo, hi


def organisation_facts(ctx: DocContext, key: str, m: AreaMention) -> list[Fact]:
    """Organisations that evaluate, train for, answer for or work with the area, in
    the words that speak of it: "Jyväskylän yliopisto arvioi perhekeskusten
    käyttöönottoa" (evaluates), "Systeemisen lastensuojelun toimintamallin
    koulutuksista vastaa Lastensuojelun Keskusliitto yhdessä Pesäpuu ry:n kanssa" (trains, both), "X
    koordinoi / ylläpitää / jatkaa …" (responsibleFor), "… laajenee yhteistyössä X:n
    kanssa", "… Kuntaliiton tuella" (carriedOutWith)."""
    tokens = ctx.tokens.get(m.sentence, [])
    lo, hi = _scope(tokens, m)
    return span_organisation_facts(ctx, key, m.sentence, lo, hi, "area")


def span_organisation_facts(ctx: DocContext, key: str, s: int, lo: int, hi: int,
                            rule: str) -> list[Fact]:
    """Organisations that evaluate, train for, answer for or work with a measure, in
    the words ``lo``..``hi`` of sentence ``s`` that speak of it (see
    :func:`organisation_facts`); also a list item's "…, jonka toteutti X", "kouluttajina
    X:n tutkijat". ``rule`` opens the facts' rule names."""
    tokens = ctx.tokens.get(s, [])
    if hi <= lo:
        return []
    m_sentence = s
    predicate = None
    for k in range(lo, hi):
        word = tokens[k].text
        if AREA_EVALUATES.match(word):
            predicate = "evaluates"
        elif AREA_TRAINS.match(word):
            predicate = "trains"
        elif AREA_ANSWERS.match(word):
            training = any(AREA_TRAINING_NOUN.match(tokens[j].text) for j in range(lo, hi))
            predicate = "trains" if training else "responsibleFor"
        if predicate:
            break
    out: list[Fact] = []
    for org, acting in _actors(ctx, m_sentence, tokens, lo, hi):
        if acting and predicate:
            out.append(Fact(org.key, predicate, key, f"{rule}.{predicate}", m_sentence, 0.7))
        elif not acting:
            out.append(Fact(key, "carriedOutWith", org.key, f"{rule}.carried-out-with",
                            m_sentence, 0.7))
    return out


def _actors(ctx: DocContext, s: int, tokens: list[Token], lo: int,
            hi: int) -> list[tuple[Resolved, bool]]:
    """The organisations the words name as doing the work (in the nominative), and
    those they name working with it ("yhdessä/yhteistyössä X:n kanssa", "X:n
    tuella"): each with whether it acts (with a verb's subject, "yhdessä X:n kanssa"
    shares the verb)."""
    start, end = tokens[lo].start, tokens[hi - 1].end
    text = ctx.document.text
    found = [r for r in ctx.mentions(s, Kind.ORGANISATION, Kind.MUNICIPALITY)
             if start <= r.start < end]
    subjects = [r for r in found if case_at(tokens, r) in ("nimento", "") or _staff_of(tokens, r)]
    out: list[tuple[Resolved, bool]] = [(r, True) for r in subjects]
    for r in found:
        if r in subjects:
            continue
        before = text[max(start, r.start - 40):r.start]
        after = text[r.end:min(end, r.end + 40)]
        together = re.search(r"\b(yhdessä|yhteistyössä)\b[^.;:]*$", before, re.I) and \
            re.match(r"[^.;:]*?\bkanssa\b", after)
        backed = re.match(r"\s*(tuella|tukemana|tukemina)\b", after)
        if together or backed:
            shares = bool(together) and bool(subjects) and re.search(r"\byhdessä\b", before)
            out.append((r, bool(shares)))
    return out


#: Nouns of people working for a body, after its genitive: "Lapin yliopiston tutkijat".
_STAFF = TITLE_HEADS + ("opiskelija", "henkilöstö", "henkilökunta")


def _staff_of(tokens: list[Token], r: Resolved) -> bool:
    """Is the genitive name followed by the people who work for it, in the nominative
    ("kouluttajina Lapin yliopiston tutkijat")? Then the body acts through them."""
    nxt = next((t for t in tokens if t.start >= r.end), None)
    return nxt is not None and case_at(tokens, r) == "omanto" and nxt.case == "nimento" and \
        nxt.text[:1].islower() and (nxt.lemma or nxt.text).lower().endswith(_STAFF)


def _head_word_in(label: str, tokens: list[Token], m: AreaMention) -> bool:
    """Is the mention's head word (as written or in base form) a word of the label?"""
    words = {w.casefold() for w in re.findall(r"[\w-]+", label)}
    head = tokens[m.head]
    forms = {head.text.casefold(), (head.lemma or head.text).casefold()}
    noun = verbal_noun(head)
    if noun:
        forms.add(noun)
    return bool(words & forms)


def _opening_areas(ctx: DocContext, s: int) -> set[str]:
    """Areas named in a list item's opening noun phrase, before its verb: "Muutosagenttien
    työsuhteita jatketaan …" continues the change agents' work."""
    tokens = ctx.tokens.get(s, [])
    verb = next((k for k, t in enumerate(tokens) if t.text in _CLAUSE_END or t.text == ","
                 or (t.pos == "teonsana" and not t.case and t.text[:1].islower())), len(tokens))
    out = set()
    for area, first, _ in term_matches(tokens):
        name = _in_name(ctx, s, tokens[first])
        if first < min(verb, 4) and (name is None or name.kind is Kind.ORGANISATION):
            out.add(area.key)
    return out


_LIST_RULES = ("measure.list.", "measure.section.", "measure.run-in.")


def _referred_area(tokens: list[Token], label: str) -> str | None:
    """The area a one-word measure refers back to: the last word of an area's term
    earlier in its sentence ("Kuntiin koulutettiin lapsivaikutusten arvioinnin
    osaajia, ja arviointi kokeiltiin …": the assessment is the child impact
    assessment)."""
    if " " in label.strip():
        return None
    word = label.casefold()
    for area, _, last in term_matches(tokens):
        forms = {tokens[last].text.casefold(), (tokens[last].lemma or "").casefold(),
                 verbal_noun(tokens[last]) or ""}
        if word in forms:
            return area.key
    return None


def _list_of(ctx: DocContext, measure: MeasureFound) -> int | None:
    """The heading a list, section or run-in measure stands under. Two items of one list
    that name one area are two measures of it; items of two lists that name it (the
    development areas, then "Mikä jatkuu vuonna 2019?") speak of one measure."""
    return ctx.blocks[ctx.sentences[measure.sentence].block].heading


def area_measures(ctx: DocContext, found: list[MeasureFound], facts: list[Fact],
                  mentions: dict[int, list[AreaMention]]
                  ) -> tuple[list[MeasureFound], list[Fact], dict[str, str]]:
    """The content areas of a document as measures, joined with the measures the list,
    section and prose rules already made of them (one node per area, not two).

    ``found``/``facts`` are those rules' results; returned with the areas added: one
    entry per label (the area's canonical name and each phrase, on the node of a list
    item that names the area or on a new one), measures that prose rules read from an
    area's words joined into that node, and the organisations other rules read from
    an area's words ("OT-keskus"), each with the measure it is. ``mentions`` are the
    document's area mentions (``all_mentions``), which measure_values reads too."""
    from graph_builder.measures import MeasureFound as measure_found
    from graph_builder.measures import measure_key as key_of

    areas = document_areas(ctx, mentions)
    if not areas:
        return found, facts, {}
    tagged: dict[str, list[MeasureFound]] = {}      # area key -> measures that name it
    referring: dict[str, list[MeasureFound]] = {}   # area key -> measures that refer to it
    for mf in sorted(found, key=lambda f: not f.rule.startswith(_LIST_RULES)):
        tokens = ctx.tokens.get(mf.sentence, [])
        keys = {m.area.key for m in mentions.get(mf.sentence, ())
                if _head_word_in(mf.label, tokens, m)}
        if mf.rule.startswith(_LIST_RULES):
            keys |= _opening_areas(ctx, mf.sentence)
        for area_key in sorted(keys):
            if mf not in tagged.setdefault(area_key, []):
                tagged[area_key].append(mf)
        if not keys and not mf.rule.startswith(_LIST_RULES):
            area_key = _referred_area(tokens, mf.label)
            if area_key:
                referring.setdefault(area_key, []).append(mf)
    absorbable: dict[str, set[str]] = {}
    for found_here in mentions.values():
        for m in found_here:
            if m.absorbs:
                absorbable.setdefault(m.area.key, set()).add(m.absorbs)
    owner_of = {f.subject: f.obj for f in facts if f.predicate == "measureOf"}
    joined: dict[str, str] = {}      # a prose rule's measure -> the area's node
    new_found: list[MeasureFound] = []
    new_facts: list[Fact] = []
    absorbed: dict[str, str] = {}
    for af in areas:
        area = af.area
        first = af.mentions[0].sentence
        named = tagged.get(area.key, [])
        if not named:
            owners = [owner_at(ctx, m.sentence, area) for m in af.mentions]
            main = ctx.resolution.main_project
            owner = main if main in owners else next((o for o in owners if o), None)
            if owner is None:
                continue   # an area of no named project or programme: too loose
            key = key_of(area.label_fi, owner)
            kind = "bridging-measure" if _BRIDGING.search(area.label_fi) else "development-area"
            new_facts.append(Fact(key, "measureOf", owner, "measure.content-area-owner",
                                  first, 0.7))
            owner_of[key] = owner
        else:
            key, kind = named[0].key, named[0].kind
            for other in named[1:]:
                if other.key != key and (not other.rule.startswith(_LIST_RULES) or
                                         _list_of(ctx, other) != _list_of(ctx, named[0])):
                    joined.setdefault(other.key, key)   # "rakennetaan perhekeskukset"
            if key not in owner_of and (owner := owner_at(ctx, first, area)):
                new_facts.append(Fact(key, "measureOf", owner, "measure.content-area-owner",
                                      first, 0.7))
                owner_of[key] = owner
        for other in referring.get(area.key, ()):
            if other.key != key:
                joined.setdefault(other.key, key)   # "… arvioinnin osaajia, ja arviointi …"
        # each mention names the area by its canonical name too: on a node of its own that
        # name is the label; on a list item's node the item's words stay the label
        naming = af.mentions if not named else af.mentions[:1]
        for m in naming:
            new_found.append(measure_found(key, area.label_fi, kind, m.sentence,
                                           "measure.content-area"))
        for org in sorted(absorbable.get(area.key, ())):
            absorbed[org] = key
        phrases: list[str] = []
        for m in af.mentions:
            if m.phrase and m.phrase not in phrases and \
                    m.phrase.casefold() != area.label_fi.casefold():
                phrases.append(m.phrase)
                new_found.append(measure_found(key, m.phrase, kind, m.sentence,
                                               "measure.content-area-phrase"))
            explicit = named_owner(ctx, m.sentence, area) if area.scope != "national" else None
            if explicit and explicit != owner_of.get(key):   # "X-hankkeessa … kokeillaan"
                new_facts.append(Fact(key, "measureOf", explicit,
                                      "measure.content-area-project", m.sentence, 0.7))
            new_facts.extend(place_facts(ctx, key, m, "measure.content-area-place"))
            new_facts.extend(organisation_facts(ctx, key, m))
            new_facts.extend(period_facts(ctx, key, m))
    if joined:
        found = [replace(f, key=joined.get(f.key, f.key)) for f in found]
        facts = [replace(f, subject=joined.get(f.subject, f.subject),
                         obj=joined.get(f.obj, f.obj) if isinstance(f.obj, str) else f.obj)
                 for f in facts]
    return found + new_found, facts + new_facts, absorbed
