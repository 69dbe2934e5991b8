"""Facts stated once for a group of projects.

A ministry's press release or a programme's summary speaks of "the projects"
together and names them elsewhere, in a table, a list or the next sentences:

    Ministeriö on myöntänyt valtionavustukset kolmelle maakunnalliselle hankkeelle,
    jotka toteuttavat X-muutosohjelmaa. Avustuksia jaetaan yhteensä 1,2 miljoonaa euroa.
    Hankkeiden toteutusaika on 1.3.2017–31.10.2018.

    | Maakunta | Hanke | Avustus (euroa) |
    | Kainuu | Pikkuväen polku | 410 000 |
    | …  |
    | Yhteensä | | 1 230 000 |

A *group* is a sentence whose subject or object is a group of projects and that
names none of them: a plural project noun ("Hankkeiden", "maakunnallisille
hankkeille", "LAPE-hankkeet"), a project noun counted ("viidelle … hankkeelle"),
or one per region ("kaikissa maakunnissa omalla hankkeella"). It covers the
projects its section names (a heading and what stands under it), or, when the
section names none, every project of the document. What it states holds for each
of them: the period (unless a project states its own), the funder that grants
the money, the programme the projects carry out. An amount it states, and a
"Yhteensä" row of a table of the projects, is the sum for the whole group: a
value of the programme, not of any one project.

On a project's own page, "hankkeet" are usually all the programme's projects, of
which the page's is one: its own period wins over the group's, and a sum stated for
the group is not its money (nor the money of the project a press release happens to
name most often).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.context import DocContext, case_at
from graph_builder.contributions import payers
from graph_builder.lexicon import (
    GRANT_VERBS,
    GROUP_DISTRIBUTIVE,
    GROUP_OF_PROJECTS,
    NOT_A_PROJECT_GROUP,
    PROJECT_HEADS,
    TOTAL_ROW,
    role_of,
)
from graph_builder.model import ORG_KINDS, BlockKind, Fact, Kind, Token
from graph_builder.model import fact as _fact
from graph_builder.relations import (
    GENERIC_PROGRAMME,
    main_programme,
    names_programme_generically,
    sentence_project,
)
from graph_builder.resolve import acronym_of
from graph_builder.segment import project_column, row_cells, table_header
from graph_builder.value_facts import _MONEY_COLUMN, _cell_amount
from graph_builder.values import funding_kind

#: Words that make the range of a group sentence the projects' period.
_PERIOD_WORDS = re.compile(r"toteutusaika|hankeaika|hankekausi|kesto|ajanjakso|toteutetaan|"
                           r"toteutettiin|toteutettu|tehty|tehtiin|kestävät|kestivät|käynnissä|"
                           r"vuosina|ajalla|aikana", re.I)
_END_CUE = re.compile(r"\bpäätty|\bloppu(vat|ivat)\b", re.I)
_START_CUE = re.compile(r"\balkoivat|\balkavat|\bkäynnisty|\baloittivat|\baloittavat", re.I)
#: The last two words before a time: where its start or end verb stands.
_CUE_WINDOW = re.compile(r"(\S+\s+){1,2}$")
#: An amount that continues the sentence before it: "Avustuksia jaetaan yhteensä …",
#: "Tästä noin 29 miljoonaa euroa …".
#: The time a grant may be used ("avustuskausi on 1.1.–31.12.2019"): of every project
#: of the group the grant went to.
_GRANT_PERIOD = re.compile(r"avustuskau|avustusai|käyttöai|rahoituskau", re.I)
_CONTINUES = re.compile(r"\byhteensä\b|^\s*(tästä|siitä|näistä|niistä)\b", re.I)
#: A project noun in any form, for words the analyser does not know ("maakuntahankkeille").
_PROJECT_NOUN = re.compile(r"(hanke|hankkee\w*|hanketta|hankkei\w*|projekt\w*)$")
#: Words that join a group of projects to the programme they carry out.
_CARRY_OUT = re.compile(r"\b(toteutta\w*|toimeenpan\w*|alai\w+|osana|kuuluv\w*|"
                        r"rahoittam\w*)", re.I)
#: "each": an amount of a group sentence that every project of the group gets.
_EACH = re.compile(r"\b(kukin|kullekin|kunkin|kumpikin|kummallekin|kumpaisellekin)\b|"
                   r"\bhanketta kohden\b|\bper hanke\b", re.I)
#: Verbs of receiving money: the organisation before them gets it.
_RECEIVES = re.compile(r"\b(sai|saivat|saa|saavat|saanut|saaneet|vastaanotti)\b", re.I)
_ADDITIONAL = re.compile(r"\blisäksi\b|\bmuuhun\b|\bmuihin\b", re.I)


@dataclass(frozen=True)
class Group:
    """A sentence that speaks of several projects at once, and what it covers."""

    sentence: int
    word: Token                  # the project noun that names the group
    projects: tuple[str, ...]    # the projects it covers, in document order
    programme: str | None        # the programme the sentence ties them to


def group_word(tokens: list[Token]) -> Token | None:
    """The word that makes a sentence speak of a group of projects, if any.

    "hankkeiden", "LAPE-hankkeille" (plural); "viidelle maakunnalliselle hankkeelle"
    (counted: Finnish puts the noun after a numeral in the singular); "kaikissa
    maakunnissa omalla hankkeella" (one each). A government's key project
    ("kärkihankkeista") is a programme, not a group of projects."""
    for k, tok in enumerate(tokens):
        low = tok.text.lower()
        lemma = tok.lemma.lower()
        if not (lemma.endswith(PROJECT_HEADS) or _PROJECT_NOUN.search(low)) or \
                any(n in lemma or n in low for n in NOT_A_PROJECT_GROUP):
            continue
        if GROUP_OF_PROJECTS.search(low):
            return tok
        before = tokens[max(0, k - 2):k]
        if any(_counts(t) for t in before):
            return tok
        if k > 0 and tokens[k - 1].lemma.lower() == "oma" and \
                any(GROUP_DISTRIBUTIVE.match(t.text) for t in tokens[:k - 1]):
            return tok
    return None


def _counts(tok: Token) -> bool:
    """A numeral above one: "viidelle", "18" (a year is no count)."""
    if tok.text.isdecimal() and tok.text.isascii():   # "²".isdigit() is true, int("²") fails
        return 1 < int(tok.text) < 1000
    return tok.pos == "lukusana" and tok.lemma.lower() not in ("yksi", "ensimmäinen")


def _sections(ctx: DocContext) -> list[tuple[int, ...]]:
    """For each block, the numbered headings it stands under, outermost first: a
    heading's section runs to the next heading of its level or higher, sub-sections
    included."""
    out: list[tuple[int, ...]] = []
    stack: list[tuple[int, int]] = []   # (level, block index)
    text = ctx.document.text
    for b, block in enumerate(ctx.blocks):
        if block.kind is BlockKind.HEADING and block.label and block.label.isdigit():
            line = text[text.rfind("\n", 0, block.start) + 1:block.start]
            # a plain line standing as a heading (a table's caption, a lead-in) is a
            # sub-heading of the marked headings around it, not a new top section
            level = int(block.label) if line.lstrip().startswith("#") else 7
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, b))
        out.append(tuple(b for _, b in stack))
    return out


def _scope(ctx: DocContext, s: int, sections: list[tuple[int, ...]]) -> tuple[str, ...]:
    """The projects a group sentence covers: those its section names (the nearest
    heading above it, with what stands under that heading's sub-headings); if none,
    and the sentence is running text, all the document's projects."""
    under = sections[ctx.sentences[s].block]
    mine = under[-1] if under else None
    in_section: list[str] = []
    everywhere: list[str] = []
    for sent in ctx.sentences:
        for r in ctx.mentions(sent.index, Kind.PROJECT):
            if r.key not in everywhere:
                everywhere.append(r.key)
            if (mine is None or mine in sections[sent.block]) and r.key not in in_section:
                in_section.append(r.key)
    if in_section or ctx.block_of(s).kind is not BlockKind.PARAGRAPH:
        return tuple(in_section)
    return tuple(everywhere)


def _programme_of(ctx: DocContext, s: int, word: Token) -> str | None:
    """The programme a group sentence says its projects carry out: the one whose
    abbreviation opens the project noun ("LAPE-hankkeet"), one in the genitive just
    before it ("X-muutosohjelman maakunnallisille hankkeille"), or one a verb of
    carrying out joins to it ("hankkeille, jotka toteuttavat X-muutosohjelmaa").
    "muutosohjelma" without a name is the document's programme. A programme named
    otherwise ("Hankkeiden tulokset siirretään sote-uudistukseen") is not theirs."""
    acronym = acronym_of(word.text)
    if acronym and f"programme:{acronym.lower()}" in ctx.resolution.entities:
        return f"programme:{acronym.lower()}"
    tokens = ctx.tokens.get(s, [])
    named = [(r.start, r.end, case_at(tokens, r), r.key) for r in ctx.mentions(s, Kind.PROGRAMME)]
    generic = [(t.start, t.end, t.case, None) for k, t in enumerate(tokens)
               if t.lemma.lower() in GENERIC_PROGRAMME and (t.text[:1].islower() or k == 0)
               and not any(a <= t.start < b for a, b, _, _ in named)]
    text = ctx.document.text
    tied: set[str | None] = set()
    for start, end, case, key in named + generic:
        between = text[min(end, word.end):max(start, word.start)]
        if (end <= word.start and case == "omanto" and len(between.split()) <= 2) or \
                _CARRY_OUT.search(between):
            tied.add(key if key is not None else main_programme(ctx))
    return tied.pop() if len(tied) == 1 else None


def speaks_of_group(ctx: DocContext, s: int) -> bool:
    """Does a sentence state something of a group of projects rather than of one: a
    group noun and no project's name, or an amount that continues such a sentence
    ("… hankkeelle. Avustuksia jaetaan yhteensä 1,6 miljoonaa euroa.")? Its money is
    then the group's, not the page's project's."""
    if ctx.mentions(s, Kind.PROJECT) or ctx.block_of(s).kind in (BlockKind.HEADING,
                                                                  BlockKind.ROW):
        return False
    if group_word(ctx.tokens.get(s, [])) is not None:
        return True
    prev = s - 1
    return prev >= 0 and ctx.sentences[prev].block == ctx.sentences[s].block and \
        bool(_CONTINUES.search(ctx.sentences[s].text)) and not ctx.mentions(s) and \
        not _ADDITIONAL.search(ctx.sentences[s].text) and \
        not ctx.mentions(prev, Kind.PROJECT) and group_word(ctx.tokens.get(prev, [])) is not None


def groups(ctx: DocContext) -> dict[int, Group]:
    """The group sentences of a document, by sentence index."""
    sections: list[tuple[int, ...]] | None = None
    out: dict[int, Group] = {}
    for sent in ctx.sentences:
        s = sent.index
        if ctx.block_of(s).kind in (BlockKind.HEADING, BlockKind.ROW) or \
                ctx.mentions(s, Kind.PROJECT):
            continue
        word = group_word(ctx.tokens.get(s, []))
        if word is None:
            continue
        sections = sections if sections is not None else _sections(ctx)
        projects = _scope(ctx, s, sections)
        if projects:
            out[s] = Group(s, word, projects, _programme_of(ctx, s, word))
    return out


def programme_members(ctx: DocContext) -> list[Fact]:
    """"… viidelle maakunnalliselle hankkeelle, jotka toteuttavat X-muutosohjelmaa":
    each project the group covers is part of the programme the sentence names."""
    out: list[Fact] = []
    for g in groups(ctx).values():
        if g.programme is None:
            continue
        for project in g.projects:
            out.append(_fact(project, "partOf", g.programme, "relation.programme-group",
                             g.sentence, 0.8))
    return out


def group_periods(ctx: DocContext, found: dict[int, Group], facts: list[Fact]) -> list[Fact]:
    """"Hankkeiden toteutusaika on 1.4.2017–31.12.2018", "Hankkeet toteutetaan vuosina
    2017–2018", "Maakunnalliset hankkeet päättyivät 31.12.2018": the start and end of
    each project covered, at the text's precision, unless it states its own."""
    own = {(f.subject, f.predicate) for f in facts if f.predicate in ("startDate", "endDate")}
    text = ctx.document.text
    out: list[Fact] = []
    for s, g in found.items():
        if ctx.money.get(s):
            continue   # "… 2 M€ vuosille 2017–2018": the money's period, not the projects'
        sent = ctx.sentences[s]
        spans = [r.end for r in ctx.mentions(s, Kind.PROGRAMME)]   # "X-ohjelma (2016–2019)"
        ranges = [p for p in ctx.periods.get(s, []) if p.cue == "range" and p.start and p.end
                  and not any(0 <= p.span[0] - b <= 3 for b in spans)]
        slots: list[tuple[str, object, str]] = []
        if len(ranges) == 1 and _PERIOD_WORDS.search(sent.text):
            slots = [("startDate", ranges[0].start, "time.group-period"),
                     ("endDate", ranges[0].end, "time.group-period")]
        elif not ranges:
            for p in ctx.periods.get(s, []):
                # the verb just before the time, after the group noun: "… hankkeet
                # päättyivät 31.12.2018", not "… päättyessä 2018 … käyttöön vuonna 2021"
                before = _CUE_WINDOW.search(text[max(sent.start, g.word.end):p.span[0]])
                before = before.group(0) if before else ""
                if p.end and _END_CUE.search(before):
                    slots.append(("endDate", p.end, "time.group-end"))
                elif p.start and p.cue in ("start-of", "date", "month", "year", "from") and \
                        _START_CUE.search(before):
                    slots.append(("startDate", p.start, "time.group-start"))
        for predicate, when, rule in slots:
            for project in g.projects:
                if (project, predicate) not in own:
                    out.append(_fact(project, predicate, when, rule, s, 0.75))
    return out


def grant_periods(ctx: DocContext, found: dict[int, Group], facts: list[Fact]) -> list[Fact]:
    """"Avustuksia myönnettiin …, ja avustuskausi on 1.1.–31.12.2019" after a grant to a
    group of projects ("… myöntänyt kuudelle maakunnalliselle hankkeelle …"): the
    grant's period is each project's, unless it states its own."""
    own = {(f.subject, f.predicate) for f in facts if f.predicate in ("startDate", "endDate")}
    granted = [g for g in found.values() if _grant_to_group(ctx, g.sentence)]
    out: list[Fact] = []
    for sent in ctx.sentences:
        if sent.index in found or ctx.mentions(sent.index, Kind.PROJECT) or \
                not _GRANT_PERIOD.search(sent.text):
            continue
        ranges = [p for p in ctx.periods.get(sent.index, []) if p.cue == "range"
                  and p.start and p.end]
        if len(ranges) != 1:
            continue
        for g in granted:
            for project in g.projects:
                for predicate, when in (("startDate", ranges[0].start),
                                        ("endDate", ranges[0].end)):
                    if (project, predicate) not in own:
                        out.append(_fact(project, predicate, when, "time.group-grant-period",
                                         sent.index, 0.7))
    return out


def _grant_to_group(ctx: DocContext, s: int) -> bool:
    """Does a group sentence grant money ("on myöntänyt … hankkeelle")?"""
    return any(GRANT_VERBS.match(t.text) for t in ctx.tokens.get(s, []))


def group_funders(ctx: DocContext, found: dict[int, Group]) -> list[Fact]:
    """"Ministeriö on myöntänyt valtionavustukset viidelle … hankkeelle": the
    organisation that grants to the group funds each project of it; so does one a
    funder cue names ("Hankkeita rahoittaa ministeriö")."""
    out: list[Fact] = []
    text = ctx.document.text
    for s, g in found.items():
        tokens = ctx.tokens.get(s, [])
        orgs = ctx.mentions(s, *ORG_KINDS)
        funders: list[str] = []
        grant = next((t for t in tokens if GRANT_VERBS.match(t.text)), None)
        if grant is not None and g.word.start > grant.start and g.word.case == "ulkotulento":
            opening = [r for r in orgs if r.end <= grant.start]
            if opening and not text[ctx.sentences[s].start:opening[0].start].strip():
                funders.append(opening[0].key)
        cue = next((t for t in tokens if role_of(t.text) == "funder"), None)
        if cue is not None and not funders:
            after = [r for r in orgs if r.start > cue.end]
            funders.extend(r.key for r in after[:1])
        for org in funders:
            for project in g.projects:
                out.append(_fact(project, "fundedBy", org, "role.funder-of-group", s, 0.75,
                                 role="funder"))
    return out


def programme_money(ctx: DocContext, found: dict[int, Group]) -> list[Fact]:
    """Amounts of a group of projects, or of the programme as a whole.

    "Avustuksia jaetaan yhteensä noin 4,8 miljoonaa euroa" after a group sentence,
    "Tästä 29 miljoonaa euroa on jaettu maakunnallisille hankkeille", "Ohjelman
    kokonaisrahoitus vuosille 2016–2018 on 40 miljoonaa euroa", "Hallitus on osoittanut
    muutosohjelmalle 40 miljoonaa euroa": the group's sum, or the programme's own
    money. "Hankkeet saavat kukin 100 000 euroa": each project's. An amount that an
    organisation pays or receives is left to the rules of contributions and grants."""
    out: list[Fact] = []
    tied: dict[int, str] = {}   # sentence -> the programme its money or group belongs to
    for sent in ctx.sentences:
        s = sent.index
        g = found.get(s)
        programme = _money_programme(ctx, s, g, tied)
        if programme is not None:
            tied[s] = programme
        amounts = ctx.money.get(s, [])
        if not amounts or ctx.block_of(s).kind in (BlockKind.HEADING, BlockKind.ROW) or \
                _received_by_organisation(ctx, s):
            continue
        if sentence_project(ctx, s) is not None and not speaks_of_group(ctx, s):
            continue   # the money of the project the sentence (or its page) is about
        if g is not None and _EACH.search(sent.text):   # "Hankkeet saavat kukin 100 000 euroa"
            out.extend(_fact(project, "hasFunding", m.amount, "money.each-of-group", s, 0.75,
                             kind=m.kind, currency=m.currency)
                       for m in amounts for project in g.projects)
            continue
        if programme is None:
            continue
        paid = payers(ctx, s, amounts)
        ranges = [p for p in ctx.periods.get(s, []) if p.cue == "range" and p.start and p.end]
        for n, m in enumerate(amounts):
            if n in paid:
                continue
            kind = m.kind
            if kind == "funding":   # "… on jaettu valtionavustuksina": the kind after it
                kind = funding_kind(re.split(r"[,;]", ctx.document.text[m.span[1]:sent.end])[0])
            extra: dict[str, object] = {"kind": kind, "currency": m.currency}
            if m.share is not None:
                extra["share"] = m.share
            if len(ranges) == 1:
                extra["start"], extra["end"] = ranges[0].start, ranges[0].end
            out.append(_fact(programme, "hasFunding", m.amount, "money.programme-total", s,
                             0.7 if m.approximate else 0.8, **extra))
    return out


def _money_programme(ctx: DocContext, s: int, g: Group | None,
                     tied: dict[int, str]) -> str | None:
    """The programme whose money a sentence states: its group's, the one it names (or
    names as "muutosohjelma"), or, for "yhteensä …" and "Tästä …", the one of the
    sentence before it in the paragraph."""
    named = {r.key for r in ctx.mentions(s, Kind.PROGRAMME)}
    text = ctx.sentences[s].text
    if g is not None:
        return g.programme or main_programme(ctx)
    if named:
        return next(iter(named)) if len(named) == 1 else None
    if names_programme_generically(ctx.tokens.get(s, []), sentence_start=True):
        return main_programme(ctx)
    if s - 1 in tied and ctx.sentences[s - 1].block == ctx.sentences[s].block and \
            _CONTINUES.search(text) and not _ADDITIONAL.search(text) and not ctx.mentions(s):
        return tied[s - 1]
    return None


def _received_by_organisation(ctx: DocContext, s: int) -> bool:
    """Does an organisation receive the sentence's money ("Kainuun sotelle myönnettiin
    …", "Kainuun sote sai …")? Then it is that organisation's grant, not the programme's
    sum."""
    tokens = ctx.tokens.get(s, [])
    orgs = ctx.mentions(s, *ORG_KINDS)
    return any(case_at(tokens, r) == "ulkotulento" for r in orgs) or \
        bool(orgs and _RECEIVES.search(ctx.sentences[s].text))


def total_rows(ctx: DocContext, facts: list[Fact]) -> list[Fact]:
    """A "Yhteensä" row of a table of projects: the sum of the projects' amounts, a
    value of the programme they are part of (the one programme their partOf facts
    name, else the document's)."""
    out: list[Fact] = []
    for b_index, block in enumerate(ctx.blocks):
        head = table_header(ctx.blocks, b_index)
        if head is None:
            continue
        cells = row_cells(block)
        header = [c[2] for c in row_cells(ctx.blocks[head])]
        if not cells or project_column(header) is None or \
                not TOTAL_ROW.match(cells[0][2].strip()):
            continue
        sents = ctx.sentences_in_block(b_index)
        money_cols = [n for n, h in enumerate(header) if _MONEY_COLUMN.search(h)]
        amount = _cell_amount(cells[-1][2]) if money_cols and len(cells) > 1 else None
        if amount is None or not sents:
            continue
        rows = [b for b in range(head + 1, b_index)]
        projects = {r.key for b in rows for sent in ctx.sentences_in_block(b)
                    for r in ctx.mentions(sent.index, Kind.PROJECT)}
        programmes = {f.obj for f in facts if f.predicate == "partOf" and f.subject in projects
                      and str(f.obj).startswith("programme:")}
        programme = next(iter(programmes)) if len(programmes) == 1 else main_programme(ctx)
        if programme is None:
            continue
        kind = funding_kind(header[money_cols[-1]])
        out.append(_fact(programme, "hasFunding", amount, "table.group-total", sents[0].index,
                         0.8, kind=kind, currency="EUR"))
    return out


def group_facts(ctx: DocContext, facts: list[Fact]) -> list[Fact]:
    """Periods, funders and sums stated once for a group of projects, given the facts
    the other rules found (a project's own period wins over its group's)."""
    found = groups(ctx)
    return (group_periods(ctx, found, facts) + grant_periods(ctx, found, facts)
            + group_funders(ctx, found)
            + programme_money(ctx, found) + total_rows(ctx, facts))
