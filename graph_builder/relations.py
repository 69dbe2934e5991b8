"""Relations and values from Finnish cues, in running text and in project cards.

Each rule reads one sentence of a :class:`DocContext` and returns
:class:`Fact` values; the rule's name goes into each fact's provenance.
The project a sentence speaks of is the one it names, or else the
document's main project (Finnish texts say "Hankkeen hallinnoija on …" and
leave the project to the heading). Roles come from cue words (lexicon
``ROLE_CUES``): organisations after a cue, up to the next cue, take its
role; with none after it, the nearest ones before it do ("X toimii hankkeen
osatoteuttajana").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal

from graph_builder.affiliation import (
    beside,
    domain_employer,
    employer_above,
    list_title,
    listed,
    opens_line,
    works_for,
)
from graph_builder.cards import REGION_LINE
from graph_builder.context import DocContext, Resolved, case_at
from graph_builder.lexicon import (
    ATTENDANCE_LABEL,
    GRANT_VERBS,
    PLURAL_MUNICIPALITY_WORDS,
    RESIDENTS,
    SERVICE_VERBS,
    STAFF_HEADING,
    SUB_PROJECT_ANAPHOR,
    TITLE_HEADS,
    WEAK_ROLE_CUES,
    office_of,
    role_of,
)
from graph_builder.model import ERVA_RULE, ORG_KINDS, PARENT_BODY_RULE, BlockKind, Fact, Kind, Token
from graph_builder.model import fact as _fact
from graph_builder.resolve import acronym_of
from graph_builder.segment import project_column, row_cells, table_header
from graph_builder.subprojects import sub_project_facts
from graph_builder.titles import is_title, office_before, title_near

ROLE_PREDICATE = {
    "administrator": "administeredBy", "coordinator": "coordinatedBy",
    "steering-group": "steeredBy", "supporter": "supportedBy",
    "consortium-member": "hasConsortiumMember", "development-partner": "hasDevelopmentPartner",
    "participant": "hasParticipant", "funder": "fundedBy",
}
_END_CUE = re.compile(r"\bpäätty|\bloppu|\bpäättyvä|\bpäättyi", re.I)
_START_CUE = re.compile(r"\balko|\balka|\baloitu|\baloitta|\bkäynnisty|\bvoimaan", re.I)
_PART_OF_CUE = re.compile(r"\balainen\b|\balaisen\b|\balaisia\b|\bosana\b|\bosa\b|"
                          r"\brahoittama|\bkuuluva", re.I)
#: Words between a project and a range that make the range its period: verbs of being
#: carried out or running ("toimii", "toteutettiin ajalla") and nouns of a project's
#: period ("Hankkeen toteutusaika oli …").
_ACTIVE = re.compile(r"toteutet|toteutti|toteuttaa|kestää|kesti|käynnissä|toimii|toimi\b|"
                     r"ajalle|ajalla|aikana|vuosina|vuosille|viedään|vietiin|toimeenpan|"
                     r"toteutusaika|hankeaika|hankekausi|kesto", re.I)
#: What may stand between a project's name and its period on a line of its own: a
#: bracketed aside and a comma or colon ("Kasvun polku (Kainuu), 2017–2018").
_NAME_TO_PERIOD = re.compile(r"\s*(\([^()\n]{1,60}\)\s*)?[,:]?\s*\(?\s*")
_KEY_PROJECT = re.compile(r"kärkihanke|kärkihankke|kärkiohjelm", re.I)
_CONTRIBUTES = re.compile(r"sisältöä|valmistelu|tukee|tukea|osaksi|osana", re.I)
_RESPONSIBLE = re.compile(r"\bvastaa\b|\bvastaava\b|\bvastuussa\b|\bvastuuhenkilö", re.I)
_FIELD_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"hankeaika|toteutusaika|kesto|aikataulu|ajanjakso|hankkeen aika", re.I), "period"),
    (re.compile(r"yhteyshenkilö|yhteystied|lisätied", re.I), "contact"),
    (re.compile(r"maakunta|alue\b", re.I), "region"),
    (re.compile(r"ohjelma|rahoitusohjelma", re.I), "programme"),
)

Rule = Callable[[DocContext, int], list[Fact]]


def sentence_project(ctx: DocContext, s: int) -> str | None:
    """The project a sentence speaks of: the one it names; else the one the same
    paragraph named last ("Pirkanmaalla X -hanke … Tampereen kaupungin hallinnoimassa
    hankkeessa …"); else, for a card field or a paragraph that opens "Osahanke …", the
    one its heading names (a sub-project's card or text under "Järjestöjen osahanke
    Kohtaamo"); else the document's main project."""
    named = ctx.mentions(s, Kind.PROJECT)
    if named:
        return named[0].key
    block = ctx.sentences[s].block
    for prev in range(s - 1, -1, -1):
        if ctx.sentences[prev].block != block:
            break
        earlier = ctx.mentions(prev, Kind.PROJECT)
        if earlier:
            return earlier[-1].key
    heading = ctx.blocks[block].heading
    first = ctx.sentences_in_block(block)[0].text if ctx.sentences_in_block(block) else ""
    if heading is not None and (ctx.blocks[block].kind is BlockKind.FIELD or
                                ctx.blocks[block].kind is BlockKind.PARAGRAPH and
                                SUB_PROJECT_ANAPHOR.match(first)):
        for sent in ctx.sentences_in_block(heading):
            named = ctx.mentions(sent.index, Kind.PROJECT)
            if named:
                return named[-1].key
    return ctx.resolution.main_project


def _cues(tokens: list[Token], label: str | None,
          names: list[Resolved] = ()) -> list[tuple[int, str, bool]]:
    """(character offset, role, is a verb) of every role cue; a card field's label first.
    A word inside a name is no cue ("Kumppanuushanke" names a project, not a partner)."""
    found = []
    if label:   # a project's name in a heading is no role ("Kumppanuushanke")
        role = next((r for w in label.split() if (r := role_of(w))
                     and not re.search(r"hank|projekt", w, re.I)), None)
        if role:
            found.append((-1, role, False))
    for tok in tokens:
        role = role_of(tok.text)
        if role and not any(n.start <= tok.start < n.end for n in names):
            found.append((tok.start, role, tok.pos == "teonsana"))
    return found


def _cue_confidence(tokens: list[Token], pos: int) -> float:
    """A role read off a plain verb ("toteuttaa") is weaker than a role noun."""
    if pos < 0:
        return 0.95
    tok = next((t for t in tokens if t.start == pos), None)
    return 0.8 if tok is not None and WEAK_ROLE_CUES.search(tok.text.lower()) else 0.9




#: A state grant's noun: the body in the genitive before it gives it.
_STATE_GRANT = re.compile(r"^valtionavustu", re.I)


def grantor(ctx: DocContext, s: int) -> list[Fact]:
    """"STM on myöntänyt Porin kaupungille valtionavustusta …", "STM:n myöntämällä
    avustuksella", "ministeriön (STM) valtionavustuksen osuus on …": STM funds the
    project."""
    tokens = ctx.tokens.get(s, [])
    project = sentence_project(ctx, s)
    if project is None:
        return []
    granted = next((t for t in tokens if t.text.lower().startswith(("myöntämä", "rahoittama"))),
                   None)
    if granted is not None:   # "ministeriön myöntämällä valtionavustuksella"
        by = [r for r in ctx.mentions(s, *ORG_KINDS) if 0 <= granted.start - r.end <= 1]
        if by:
            return [_fact(project, "fundedBy", by[0].key, "role.funder-granted-by", s, 0.8,
                          role="funder")]
    text = ctx.document.text
    for tok in tokens:   # "sosiaali- ja terveysministeriön (STM) valtionavustuksen osuus"
        if not _STATE_GRANT.match(tok.text):
            continue
        by = [r for r in ctx.mentions(s, *ORG_KINDS) if r.end <= tok.start and
              re.fullmatch(r"\s*(\([^()]*\))?\s*", text[r.end:tok.start])]
        if by and case_at(tokens, by[0]) == "omanto":
            return [_fact(project, "fundedBy", by[0].key, "role.funder-genitive-grant", s, 0.8,
                          role="funder")]
    cue = next((t for t in tokens if GRANT_VERBS.match(t.text)), None)
    if cue is None:
        return []
    subjects = [r for r in ctx.mentions(s, *ORG_KINDS) if r.end <= cue.start]
    if not subjects or subjects[0].start > ctx.sentences[s].start + 5:
        return []
    return [_fact(project, "fundedBy", subjects[0].key, "role.funder-grants", s, 0.8,
                  role="funder")]


#: A sentence that opens with the project noun speaks of the project, whatever
#: programme it goes on to name ("Hanke on osa X-ohjelmaa, ja sen rahoittaa STM").
_OPENING_PROJECT_NOUN = re.compile(r"\s*(hanke|hankkeen|hanketta|hankkeessa|hankkeella|"
                                   r"hankkeelle|projekti|projektin|projektia)\b", re.I)


def roles(ctx: DocContext, s: int) -> list[Fact]:
    """Organisations' roles in the sentence's project (or programme, when it names
    only a programme: "Muutosohjelmaa johtaa sosiaali- ja terveysministeriö", unless
    it opens with the project noun: "Hanke on osa X-ohjelmaa, ja sen rahoittaa STM").
    Such a sentence that names another project only as what the project is part of ("Hanke
    oli osahanke isossa X-hankkeessa, ja hallinnoijana toimi Y") speaks of the page's
    project too."""
    project = sentence_project(ctx, s)
    named = ctx.mentions(s, Kind.PROJECT)
    if named and ctx.resolution.main_project and \
            _OPENING_PROJECT_NOUN.match(ctx.sentences[s].text) and \
            all(case_at(ctx.tokens.get(s, []), r) not in ("nimento", "omanto", "") for r in named):
        project = ctx.resolution.main_project
    if not ctx.mentions(s, Kind.PROJECT) and not (
            project and _OPENING_PROJECT_NOUN.match(ctx.sentences[s].text)):
        programmes = ctx.mentions(s, Kind.PROGRAMME)
        programmes_all = [k for k, e in ctx.resolution.entities.items()
                          if e.kind is Kind.PROGRAMME]
        if programmes:
            project = programmes[0].key
        elif len(programmes_all) == 1 and (project is None or names_programme_generically(
                ctx.tokens.get(s, []))):
            project = programmes_all[0]
    if project is None:
        return []
    tokens = ctx.tokens.get(s, [])
    label = ctx.field_label(s)
    if ctx.mentions(s, Kind.PERSON) and ctx.block_of(s).kind is BlockKind.ITEM and \
            _under_steering_label(ctx, s):
        label = None  # "Nimi, titteli, Organisaatio (pj.)": the person's employer, not a steerer
    block = ctx.block_of(s)
    opening: list[Resolved] = []
    if label and block.kind is BlockKind.ITEM:
        # an item under "Kumppanit": the names that open it are the partners, not the
        # places it goes on to name; a role noun of its own ("– osatoteuttaja") wins
        opening = opening_run(ctx, s, block.start) if ctx.sentences[s].start <= \
            block.start + 2 else []
        if ctx.sentences[s].start > block.start + 2 or _noun_role(tokens, label):
            label = None
    cues = _cues(tokens, label, ctx.mentions(s))
    orgs = [r for r in ctx.mentions(s, *ORG_KINDS)
            if not _cooperating(ctx, r) and not _employer(ctx, s, r)]
    out: list[Fact] = []
    sent_end = ctx.sentences[s].end
    for n, (pos, role, verb) in enumerate(cues):
        nxt = cues[n + 1][0] if n + 1 < len(cues) else sent_end
        if pos >= 0 and _CLOSED_AFTER.match(ctx.document.text, _word_end(tokens, pos)):
            nxt = pos   # "X | osatoteuttaja; OT-keskuksen valmistelu": the role is X's
        after = [r for r in orgs if pos < r.start < nxt]
        if pos < 0 and opening:
            after = [r for r in opening if r in after]
        if after:
            targets = after
        else:
            prev = cues[n - 1][0] if n > 0 else -1
            before = [r for r in orgs if prev < r.start < pos]
            targets = _nearest_run(before, ctx, pos)
            if targets and verb and not _speaks_of_project(ctx, s):
                targets = []  # "Kela tukee perheitä": a subject, but of no project
            if targets and verb and not _antecedent_of_relative(ctx, targets[-1], pos):
                targets = []  # "X myönsi avustuksen hankkeille, jotka toteuttavat …"
        for org in targets:
            if org.key != project:
                out.append(_fact(project, ROLE_PREDICATE[role], org.key, f"role.{role}", s,
                                 _cue_confidence(tokens, pos), role=role))
    return out


def _noun_role(tokens: list[Token], label: str) -> bool:
    """Does a line name a role of its own with a noun ("– osatoteuttaja", "kansallinen
    tuki"), other than the one its label gives?"""
    framed = next((r for w in label.split() if (r := role_of(w))), None)
    return any((r := role_of(t.text)) and r != framed and t.pos != "teonsana" for t in tokens)


#: A role noun closed by a semicolon names the role of what stands before it.
_CLOSED_AFTER = re.compile(r"\s*;")


def _word_end(tokens: list[Token], start: int) -> int:
    return next((t.end for t in tokens if t.start == start), start)


_RELATIVE_BEFORE = re.compile(r",\s*(joka|jotka)\s*$", re.I)


def _antecedent_of_relative(ctx: DocContext, name: Resolved, cue: int) -> bool:
    """Is a name before a verb its subject, when a relative pronoun opens the verb's
    clause? Only if the pronoun follows the name ("Kuopion kaupunki, joka hallinnoi
    …"); "… myönsi avustuksen hankkeille, jotka toteuttavat …" has the projects as
    the doer, not the ministry. With no pronoun just before the verb: yes."""
    gap = ctx.document.text[name.end:cue]
    if not _RELATIVE_BEFORE.search(gap):
        return True
    return bool(re.fullmatch(r"\s*(\([^()]*\))?\s*,\s*(joka|jotka)\s*", gap, re.I))


#: Words that refer to "the programme" without naming it ("Kansallisesti
#: muutosohjelmaa koordinoi …"): in a document with one programme, that one.
GENERIC_PROGRAMME = {"muutosohjelma", "ohjelma", "kärkiohjelma", "kärkihanke"}


def names_programme_generically(tokens: list[Token], sentence_start: bool = False) -> bool:
    """Does a sentence say "muutosohjelma" or "ohjelma" without a name? Capitalised, the
    word is part of a name ("Ohjelma X"), except as the sentence's first word when
    ``sentence_start`` allows it ("Ohjelman kokonaisrahoitus on …")."""
    return any(t.lemma.lower() in GENERIC_PROGRAMME and
               (t.text[:1].islower() or (sentence_start and k == 0))
               for k, t in enumerate(tokens))


_ANSWERS_FOR = re.compile(r"^(vastaa|vastaavat|vastasi|vastasivat|vastaamaan)$", re.I)
_JOINT = re.compile(r"^(yhteinen|yhteisen|yhteisenä|yhteistä|yhteishanke|yhteishankkeen|"
                    r"yhteishankkeena|yhteishanketta)$", re.I)
_CLAUSE_BREAK = re.compile(r"^[,;:–—]$|^(joka|jotka|jonka|joiden|mutta|kun|ja)$", re.I)


def verb_roles(ctx: DocContext, s: int) -> list[Fact]:
    """Roles stated with verbs and adjectives of running text.

    "Saimia vastaa hankkeen arvioinnista": an organisation that answers for a part of
    the project takes part in it. "Hanke on Kuopion kaupungin ja Itä-Suomen yliopiston
    yhteinen": the organisations a project is joint to are its consortium."""
    tokens = ctx.tokens.get(s, [])
    out: list[Fact] = []
    orgs = ctx.mentions(s, *ORG_KINDS)
    if not orgs:
        return out
    text = ctx.document.text
    for k, tok in enumerate(tokens):
        if _ANSWERS_FOR.match(tok.text):
            subjects = _clause_subjects(ctx, s, tokens, k)
            project = _project_after(ctx, s, tokens, k)
            for org in subjects:
                if project and org.key != project:
                    out.append(_fact(project, "hasParticipant", org.key,
                                     "role.answers-for-part", s, 0.75, role="participant"))
        elif _JOINT.match(tok.text):
            before = [r for r in orgs if r.end <= tok.start]
            run = _nearest_run(before, ctx, tok.start)
            if not run or not re.fullmatch(r"\s*", text[run[-1].end:tok.start]):
                continue
            if len(run) < 2 or not all(case_at(tokens, r) == "omanto" for r in run):
                continue
            project = sentence_project(ctx, s)
            for org in run:
                if project and org.key != project:
                    out.append(_fact(project, "hasConsortiumMember", org.key,
                                     "role.joint-project", s, 0.8, role="consortium-member"))
    return out


_STEERING_ANSWER = re.compile(r"\bohjauksesta\s+(vastaa|vastasi|vastaavat|vastasivat)\s+",
                              re.I)
#: Verbs of supporting and the work they support: "THL tuki maakunnan kehittämistyötä".
_SUPPORTS = re.compile(r"^(tuki|tukivat|tukee|tukevat)$", re.I)
_SUPPORTED_WORK = re.compile(r"^(kehittämistyö|työ|muutostyö|hanke|toimeenpano|valmistelu)",
                             re.I)


_GIVES_SUPPORT = re.compile(r"\btuke(a|na)\s+(antaa|antavat|antoi|antoivat|tarjoaa|tarjoavat|"
                           r"tarjosi|tarjosivat)\s+", re.I)


def _run_from(ctx: DocContext, names: list[Resolved]) -> list[Resolved]:
    """The first name and those joined to it by commas, "ja" or "sekä" (a short name in
    brackets after one is the same body)."""
    text = ctx.document.text
    run = [names[0]]
    for r in names[1:]:
        gap = text[run[-1].end:r.start]
        if re.fullmatch(r"\s*(\(\s*)?", gap) or re.fullmatch(
                r"\s*(\)\s*)?(,|ja|sekä)\s*", gap):
            run.append(r)
        else:
            break
    return run


def national_roles(ctx: DocContext, s: int) -> list[Fact]:
    """"Kansallisesta ohjauksesta vastasi STM": the project is steered by the body that
    answers for its steering; "THL tuki maakunnan kehittämistyötä": the project's work
    is supported by the body that opens the clause (a body that supports families or
    services supports no project)."""
    project = sentence_project(ctx, s)
    if project is None:
        return []
    text = ctx.document.text
    sent = ctx.sentences[s]
    tokens = ctx.tokens.get(s, [])
    out: list[Fact] = []
    steer = _STEERING_ANSWER.search(text, sent.start, sent.end)
    if steer:
        after = [r for r in ctx.mentions(s, *ORG_KINDS) if r.start >= steer.end()]
        if after and after[0].start == steer.end():
            out.append(_fact(project, "steeredBy", after[0].key, "role.answers-for-steering", s,
                             0.8, role="steering-group"))
    give = _GIVES_SUPPORT.search(text, sent.start, sent.end)
    if give:   # "STM:n lisäksi kansallista tukea antavat THL ja OKM"
        after = [r for r in ctx.mentions(s, *ORG_KINDS) if r.start >= give.end()]
        if after and after[0].start == give.end():
            out.extend(_fact(project, "supportedBy", r.key, "role.gives-support", s, 0.75,
                             role="supporter")
                       for r in _run_from(ctx, after) if r.key != project)
    for k, tok in enumerate(tokens):
        if not _SUPPORTS.match(tok.text) or tok.pos != "teonsana":
            continue
        work = tokens[k + 1:k + 4]
        if not any(_SUPPORTED_WORK.match(t.lemma) for t in work):
            continue
        out.extend(_fact(project, "supportedBy", r.key, "role.supports-work", s, 0.75,
                         role="supporter")
                   for r in _clause_subjects(ctx, s, tokens, k) if r.key != project)
    return out


def _clause_subjects(ctx: DocContext, s: int, tokens: list[Token], verb: int) -> list[Resolved]:
    """The organisations that open the verb's clause: a run of names in the nominative
    with nothing but the run between the clause's start and the verb."""
    names = [(r.start, r.end) for r in ctx.mentions(s, *ORG_KINDS)]

    def inside(tok: Token) -> bool:   # "Terveyden ja hyvinvoinnin laitos": no break
        return any(a < tok.start and tok.end <= b for a, b in names)

    start = verb
    while start > 0 and (inside(tokens[start - 1]) or (
            not _CLAUSE_BREAK.match(tokens[start - 1].text) and
            not (tokens[start - 1].pos == "teonsana" and tokens[start - 1].text[:1].islower()))):
        start -= 1
    clause_start = tokens[start].start if start < verb else tokens[verb].start
    text = ctx.document.text
    # "Saimaan ammattikorkeakoulu (Saimia) vastaa …": the short name in brackets is the same
    before = [r for r in ctx.mentions(s, *ORG_KINDS)
              if clause_start <= r.start and r.end <= tokens[verb].start
              and not re.search(r"\(\s*$", text[max(clause_start, r.start - 3):r.start])]
    run = _nearest_run(before, ctx, tokens[verb].start)
    if not run or run[0].start != clause_start:
        return []
    gap = text[run[-1].end:tokens[verb].start]
    if not re.fullmatch(r"\s*(\([^()]*\))?\s*(myös\s+|nyt\s+)?", gap):
        return []
    if any(case_at(tokens, r) not in ("nimento", "") for r in run):
        return []
    return run


def _project_after(ctx: DocContext, s: int, tokens: list[Token], verb: int) -> str | None:
    """The project the rest of the verb's clause speaks of: a name, or "hankkeen"."""
    end = len(tokens)
    for k in range(verb + 1, len(tokens)):
        if tokens[k].text in ".;:" or (tokens[k].text == "," and k + 1 < len(tokens)
                                         and _CLAUSE_BREAK.match(tokens[k + 1].text)):
            end = k
            break
    limit = tokens[end - 1].end if end > verb + 1 else tokens[verb].end
    named = [r for r in ctx.mentions(s, Kind.PROJECT)
             if tokens[verb].end <= r.start and r.end <= limit]
    if named:
        return named[0].key
    words = [t.text.lower() for t in tokens[verb + 1:end]]
    if any(w in ("hankkeen", "hankkeesta", "hankkeessa", "projektin", "projektista")
           for w in words):
        return sentence_project(ctx, s)
    return None


def _speaks_of_project(ctx: DocContext, s: int) -> bool:
    """Does the sentence name a project or programme, or say "hanke"?"""
    return bool(ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)) or bool(
        re.search(r"\bhank|\bprojekt|ohjelm", ctx.sentences[s].text, re.I))


def _cooperating(ctx: DocContext, r: Resolved) -> bool:
    """Is the name the partner in "yhteistyössä/yhdessä X:n kanssa"?"""
    text = ctx.document.text
    before = text[max(0, r.start - 40):r.start]
    after = text[r.end:r.end + 60]
    opener = re.search(r"\b(yhteistyössä|yhteistyöllä|yhteistyötä|yhdessä)\s+"
                       r"(?:[^.;:]*?,\s*|[^.;:]*?\bja\s+)?$", before, re.I)
    return bool(opener) and bool(re.match(r"[^.;:]*?\bkanssa\b", after))


def _nearest_run(before: list[Resolved], ctx: DocContext, pos: int) -> list[Resolved]:
    """The list of names that ends nearest to a cue ("A, B ja C toimivat …")."""
    if not before:
        return []
    run = [before[-1]]
    text = ctx.document.text
    for r in reversed(before[:-1]):
        gap = text[r.end:run[0].start]
        if re.fullmatch(r"\s*(,|ja|sekä|tai)\s*", gap):
            run.insert(0, r)
        else:
            break
    return run


def opening_run(ctx: DocContext, s: int, at: int) -> list[Resolved]:
    """The organisations that open a line at ``at``: the first name, if nothing but
    markup stands before it, and those joined to it by "ja", "sekä" or commas
    ("**Harjavallan ja Nakkilan kunnat** – …")."""
    orgs = ctx.mentions(s, *ORG_KINDS)
    text = ctx.document.text
    if not orgs or not re.fullmatch(r"[\s*_]*", text[at:orgs[0].start]):
        return []
    run = [orgs[0]]
    for r in orgs[1:]:
        if re.fullmatch(r"\s*(,|ja|sekä)\s*", text[run[-1].end:r.start]):
            run.append(r)
        else:
            break
    rest = _OPENING_END.match(text, run[-1].end)
    if rest is None or (rest.group(1) and rest.group(1).lower() not in
                        PLURAL_MUNICIPALITY_WORDS):
        return []   # "Tampereen seurakunnat – …": a genitive before a noun is no name
    return run


#: What may follow the names that open a line: a bracketed short name, markup, then a
#: dash, colon, comma or the line's end; or a plural word of municipalities first
#: ("Harjavallan ja Nakkilan kunnat – …").
_OPENING_END = re.compile(r"[ \t*_]*(?:(\w+)[ \t*_]*)?(\([^()\n]*\))?[ \t*_]*([–—:,;.|-]|\n|$)")


#: Place cases: in ("Forssassa", "Ypäjällä") and to ("Kiuruvedelle", "Iisalmeen").
_LOCATIVE = ("sisaolento", "ulkoolento", "sisatulento", "ulkotulento")
#: What stands between a name and the verb of the relative clause that follows it.
_RELATIVE_GAP = re.compile(r"\s*(\([^()]*\))?\s*,\s*(joka|jotka)\s+(myös\s+|nyt\s+)?", re.I)
#: What joins a line's opening name to what the line says of it: "**X (XY)** – …".
_APPOSITION = re.compile(r"[\s*_]*(\([^()]*\))?[\s*_]*[–—-]\s*")


def serves_municipalities(ctx: DocContext, s: int) -> list[Fact]:
    """"FSHKY järjestää sosiaali- ja terveyspalvelut Forssassa, Humppilassa ja Ypäjällä",
    "- **X-kuntayhtymä** – vastaa neuvolatyön kehittämisestä A:ssa, B:llä ja C:ssä", "…
    vastaa Y, joka tarjoaa palvelut myös A:lle ja B:lle": the body that arranges, offers,
    develops or answers for services works in the municipalities named in a place case
    after the verb (one run of them)."""
    tokens = ctx.tokens.get(s, [])
    text = ctx.document.text
    out: list[Fact] = []
    for k, tok in enumerate(tokens):
        if not SERVICE_VERBS.match(tok.text):
            continue
        subjects = _clause_subjects(ctx, s, tokens, k) or [
            r for r in ctx.mentions(s, *ORG_KINDS)
            if _RELATIVE_GAP.fullmatch(text, r.end, tok.start)][-1:]
        block = ctx.block_of(s)
        if not subjects and ctx.sentences[s].start <= block.start + 2:
            run = opening_run(ctx, s, block.start)
            if run and _APPOSITION.fullmatch(text, run[-1].end, tok.start):
                subjects = run
        subjects = [r for r in subjects if r.kind is Kind.ORGANISATION]
        if not subjects:
            continue
        places = _locative_run(ctx, s, tokens, tok.end)
        out.extend(_fact(body.key, "operatesIn", place.key, "relation.serves-municipalities",
                         s, 0.75) for body in subjects for place in places)
    return out


def _locative_run(ctx: DocContext, s: int, tokens: list[Token], after: int) -> list[Resolved]:
    """The first municipality in a place case after ``after`` in its clause, and those
    joined to it by commas and "ja"; else a run of them in the genitive before a word
    for their residents ("palvelee myös A:n ja B:n asukkaita")."""
    text = ctx.document.text
    stop = next((t.start for t in tokens if t.start >= after and t.text in (";", ":")),
                ctx.sentences[s].end)
    found = [r for r in ctx.mentions(s, Kind.MUNICIPALITY) if after <= r.start < stop]
    for cases in (_LOCATIVE, ("omanto",)):
        run: list[Resolved] = []
        for r in found:
            if case_at(tokens, r) not in cases:
                if run:
                    break
                continue
            if run and not re.fullmatch(r"\s*(,|ja|sekä)\s*", text[run[-1].end:r.start]):
                break
            run.append(r)
        if cases == _LOCATIVE and run:
            return run
        if run:   # "A:n, B:n ja C:n asukkaita": the genitives name the residents' places
            words = [t for t in tokens if t.start >= run[-1].end][:3]   # "… ja C:n asukkaita"
            return run if any(RESIDENTS.match(t.text) for t in words) else []
    return []


def cooperation(ctx: DocContext, s: int) -> list[Fact]:
    """"A yhteistyössä B:n kanssa": A cooperates with B (A: the name just before); "A on
    järjestänyt yhdessä hankkeen kanssa …": the project cooperates with A."""
    out = []
    found = ctx.mentions(s)
    text = ctx.document.text
    for i, r in enumerate(found):
        if r.kind not in ORG_KINDS or not _cooperating(ctx, r):
            continue
        partner_of = None
        gap = text[found[i - 1].end:r.start] if i > 0 else ""
        if i > 0 and re.fullmatch(r"\s*(yhteistyö(ssä|llä)|yhdessä)\s*", gap, re.I):
            partner_of = found[i - 1].key
        partner_of = partner_of or sentence_project(ctx, s)
        if partner_of and partner_of != r.key:
            out.append(_fact(partner_of, "cooperatesWith", r.key, "relation.cooperation", s, 0.8))
    with_project = _WITH_THE_PROJECT.search(text, ctx.sentences[s].start, ctx.sentences[s].end)
    project = sentence_project(ctx, s)
    opening = [r for r in found if r.kind in ORG_KINDS and r.start == ctx.sentences[s].start]
    if with_project and project and opening and \
            case_at(ctx.tokens.get(s, []), opening[0]) in ("nimento", ""):
        # "AVI on järjestänyt yhdessä hankkeen kanssa koulutuksia": AVI works with it
        out.append(_fact(project, "cooperatesWith", opening[0].key,
                         "relation.cooperation-with-project", s, 0.75))
    return out


_WITH_THE_PROJECT = re.compile(r"\b(yhdessä|yhteistyössä)\s+(hankkeen|projektin)\s+kanssa\b",
                               re.I)


def project_region(ctx: DocContext, s: int) -> list[Fact]:
    """A region inside a project's name, or in a locative just before it."""
    out = []
    tokens = ctx.tokens.get(s, [])
    regions = ctx.mentions(s, Kind.REGION)
    for proj in ctx.mentions(s, Kind.PROJECT):
        for tok in tokens:
            if proj.start <= tok.start < proj.end and tok.text[:1].isupper():
                code = _region_code(ctx, tok)
                if code:
                    out.append(_fact(proj.key, "inRegion", f"region:{code}",
                                     "relation.region-in-name", s, 0.9))
        label = ctx.field_label(s) if ctx.block_of(s).kind is BlockKind.FIELD else None
        lead = REGION_LINE.match(ctx.sentences[s].text)
        for name in (label, lead.group(1) if lead else None):
            place = gazetteer_region(name) if name else None
            if place is not None:
                out.append(_fact(proj.key, "inRegion", f"region:{place.code}",
                                 "relation.region-label", s, 0.85))
        for reg in regions:   # "Kasvun polku (Kainuu)": the region in brackets
            if re.fullmatch(r"\s*\(\s*", ctx.document.text[proj.end:reg.start]) and \
                    ctx.document.text[reg.end:reg.end + 1] in (")", ","):
                out.append(_fact(proj.key, "inRegion", reg.key, "relation.region-in-brackets",
                                 s, 0.85))
        for reg in regions:
            gap = ctx.document.text[reg.end:proj.start]
            if reg.end <= proj.start and re.fullmatch(r"\s*(?:[a-zäöå-]+\s+){0,2}", gap) \
                    and reg.mention.surface != reg.mention.name:
                out.append(_fact(proj.key, "inRegion", reg.key, "relation.region-before-name",
                                 s, 0.85))
    return out


def gazetteer_region(name: str):
    from graph_builder.gazetteer import gazetteer
    return gazetteer().region(name.strip())


def _region_code(ctx: DocContext, tok: Token) -> str | None:
    from graph_builder.gazetteer import gazetteer
    place = gazetteer().region(tok.lemma)
    return place.code if place else None


def part_of(ctx: DocContext, s: int) -> list[Fact]:
    """Projects that belong to a programme: its abbreviation in their name, or a cue."""
    out = []
    programmes = ctx.mentions(s, Kind.PROGRAMME)
    known = {k for k, e in ctx.resolution.entities.items() if e.kind is Kind.PROGRAMME}
    text = ctx.sentences[s].text
    for proj in ctx.mentions(s, Kind.PROJECT):
        words = proj.mention.name.split() + proj.mention.surface.split()
        for word in words:
            acronym = acronym_of(word)
            if acronym and f"programme:{acronym.lower()}" in known:
                out.append(_fact(proj.key, "partOf", f"programme:{acronym.lower()}",
                                 "relation.programme-abbreviation-in-name", s, 0.9))
                break
        if programmes and (_PART_OF_CUE.search(text) or re.search(
                r"(muutos)?ohjelma\w*\s+(\w+\s+)?(hanke|hankkee|projekti)", text, re.I)):
            out.append(_fact(proj.key, "partOf", programmes[0].key, "relation.part-of-cue", s, 0.8))
    # a sentence about the main project that names a programme with "alainen/osana"
    if not ctx.mentions(s, Kind.PROJECT) and programmes and _PART_OF_CUE.search(text) \
            and re.search(r"\bhanke|\bhankkee", text, re.I) and ctx.resolution.main_project:
        out.append(_fact(ctx.resolution.main_project, "partOf", programmes[0].key,
                         "relation.part-of-cue", s, 0.7))
    return out


def main_programme(ctx: DocContext) -> str | None:
    """The programme a document is about: its only one, or the one it names at least
    twice as often as any other (a news item on LAPE that mentions the sote reform
    once, or a heading the names split off as a programme of its own)."""
    counts: Counter = Counter()
    for i, m in enumerate(ctx.resolution.mentions):
        key = ctx.resolution.keys.get(i)
        if key is not None and m.kind is Kind.PROGRAMME:
            counts[key] += 1
    for key, ent in ctx.resolution.entities.items():
        if ent.kind is Kind.PROGRAMME:
            counts[key] += 0
    if not counts:
        return None
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    if len(ranked) > 1 and counts[ranked[0]] < 2 * counts[ranked[1]]:
        return None
    return ranked[0]


def sole_programme(ctx: DocContext) -> list[Fact]:
    """In a document about one programme, its projects belong to it (low confidence)."""
    programme = main_programme(ctx)
    if programme is None:
        return []
    out = []
    seen = set()
    for sent in ctx.sentences:
        for proj in ctx.mentions(sent.index, Kind.PROJECT):
            if proj.key not in seen:
                seen.add(proj.key)
                out.append(_fact(proj.key, "partOf", programme, "relation.sole-programme",
                                 sent.index, 0.6))
    return out


def programme_relations(ctx: DocContext, s: int) -> list[Fact]:
    """Key project of a government; contribution of one programme to another."""
    out = []
    text = ctx.sentences[s].text
    programmes = ctx.mentions(s, Kind.PROGRAMME)
    if not programmes:
        sole = [k for k, e in ctx.resolution.entities.items() if e.kind is Kind.PROGRAMME]
        if len(sole) == 1 and re.match(r"\s*(muutos)?ohjelma\b", text, re.I) and \
                _KEY_PROJECT.search(text):
            for org in ctx.mentions(s, Kind.ORGANISATION):
                return [_fact(sole[0], "keyProjectOf", org.key, "relation.key-project", s, 0.8)]
        return out
    first = programmes[0]
    key_project = _KEY_PROJECT.search(ctx.document.text, ctx.sentences[s].start,
                                      ctx.sentences[s].end)
    if key_project:
        for org in ctx.mentions(s, Kind.ORGANISATION):
            if 0 <= key_project.start() - org.end <= 4:   # "… Sipilän hallituksen kärkihanke"
                out.append(_fact(first.key, "keyProjectOf", org.key, "relation.key-project", s,
                                 0.85))
                break
    tokens = ctx.tokens.get(s, [])
    for other in programmes[1:]:
        if other.key == first.key:
            continue
        case = next((t.case for t in tokens if t.start < other.end <= t.end), "")
        if case in ("sisatulento", "ulkotulento") or _CONTRIBUTES.search(
                ctx.document.text[first.end:other.start]):
            out.append(_fact(first.key, "contributesTo", other.key, "relation.contributes-to",
                             s, 0.75))
    return out


def _subject_for_time(ctx: DocContext, s: int, cue_start: int) -> str | None:
    """The programme or project a time cue speaks of: named just before the cue
    ("X päättyi", "X:n siirtyessä (… aloitus …)"), or "hanke" for the main project."""
    named = [r for r in ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)
             if r.end <= cue_start and cue_start - r.end <= 30]
    if named:
        return named[-1].key
    before = ctx.document.text[max(ctx.sentences[s].start, cue_start - 15):cue_start]
    if re.search(r"\bhanke\b|\bhankkeen\b|\bhankkeemme\b", before, re.I):
        return ctx.resolution.main_project
    if SUB_PROJECT_ANAPHOR.search(before):   # "Osahanke käynnistyi …" under its name
        return sentence_project(ctx, s)
    return _opening_subject(ctx, s, cue_start)


_OPENING_PROJECT_WORD = re.compile(r"\s*(hanke|hankkeemme|projekti)\b", re.I)


def _opening_subject(ctx: DocContext, s: int, cue_start: int) -> str | None:
    """The project that opens the sentence, as the subject of a later verb of the same
    sentence: "Hanke käynnistyi maaliskuussa 2017 ja päättyy vuoden 2018 lopussa",
    "Lumo alkoi 2017 ja päättyi 31.12.2018". Not when another name stands between
    (the later verb may be its), nor past a relative clause."""
    sent = ctx.sentences[s]
    text = ctx.document.text
    named = ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)
    subject = None
    if named and named[0].start == sent.start and \
            case_at(ctx.tokens.get(s, []), named[0]) in ("nimento", ""):
        subject, after = named[0].key, named[0].end
    elif (word := _OPENING_PROJECT_WORD.match(text, sent.start)) and ctx.resolution.main_project:
        subject, after = ctx.resolution.main_project, word.end()
    if subject is None or after > cue_start:
        return None
    between = text[after:cue_start]
    if re.search(r"\b(joka|jotka|jonka|joiden|kun|koska|mutta)\b|[;:]", between, re.I):
        return None
    if any(after <= r.start < cue_start and r.key != subject for r in ctx.mentions(s)
           if r.kind is not Kind.MUNICIPALITY and r.kind is not Kind.REGION):
        return None
    return subject


def _row_cell(ctx: DocContext, s: int, pos: int) -> tuple[str, str | None] | None:
    """(header of the column, project the row names) for a character in a table row:
    what a cell means, and whose it is ("| Vakka-Suomen perheverkko | … | 1.6.2017–
    31.12.2018 |" under "| Osahanke | … | Kesto |")."""
    b_index = ctx.sentences[s].block
    head = table_header(ctx.blocks, b_index)
    if head is None:
        return None
    header = [c[2] for c in row_cells(ctx.blocks[head])]
    cells = row_cells(ctx.blocks[b_index])
    n = next((n for n, (a, b, _) in enumerate(cells) if a <= pos < b), None)
    if n is None or n >= len(header):
        return None
    col = project_column(header)
    project = None
    if col is not None and col < len(cells):
        a, b, _ = cells[col]
        named = [r for sent in ctx.sentences_in_block(b_index)
                 for r in ctx.mentions(sent.index, Kind.PROJECT) if a <= r.start < b]
        project = named[0].key if named else None
    return header[n], project


def dates(ctx: DocContext, s: int) -> list[Fact]:
    """Periods after a name ("(2017–2018)"), start and end cues, card periods, and the
    period column of a table of projects."""
    out = []
    text = ctx.document.text
    label = ctx.field_label(s) or ""
    opening = ctx.sentences[s].text[:40]
    is_period_field = any(p.search(label) or p.match(opening) for p, kind in _FIELD_CUES
                          if kind == "period")   # "Hankeaika: …" and "Hankeaika on …"
    for period in ctx.periods.get(s, []):
        a, b = period.span
        subject = None
        rule = ""
        named = [r for r in ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)
                 if r.end <= a and _NAME_TO_PERIOD.fullmatch(text, r.end, a)]
        projects = ctx.mentions(s, Kind.PROJECT)
        if named and period.cue == "range":
            subject, rule = named[-1].key, "time.period-after-name"
        elif period.cue == "range" and len({p.key for p in projects}) == 1 and \
                projects[0].start < a and _ACTIVE.search(text[projects[0].end:a]):
            subject, rule = projects[0].key, "time.project-period"
        elif period.cue == "range" and not projects and ctx.resolution.main_project and \
                re.match(r"\s*(hanke|hanketta|hankkeen|sitä|se)\b", ctx.sentences[s].text, re.I) \
                and _ACTIVE.search(text[ctx.sentences[s].start:a]):
            subject, rule = ctx.resolution.main_project, "time.project-period"
        elif is_period_field and period.cue in ("range", "date"):
            subject, rule = sentence_project(ctx, s), "time.card-period"
        elif period.cue == "range" and ctx.block_of(s).kind is BlockKind.ROW and \
                (cell := _row_cell(ctx, s, a)) is not None and cell[1] and \
                any(p.search(cell[0]) for p, kind in _FIELD_CUES if kind == "period"):
            subject, rule = cell[1], "time.table-period"
        if subject and period.start and period.end:
            out.append(_fact(subject, "startDate", period.start, rule, s, 0.9))
            out.append(_fact(subject, "endDate", period.end, rule, s, 0.9))
            continue
        after_text = text[b:b + 40]
        participle = re.match(r"\s+(käynnistynyt|alkanut|aloittanut|käynnistetty|perustettu)\s",
                              after_text, re.I)
        if participle and period.start and period.cue in ("year", "date", "month"):
            follower = [r for r in ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)
                        if 0 <= r.start - (b + participle.end()) <= 3]
            if follower:
                out.append(_fact(follower[0].key, "startDate", period.start,
                                 "time.start-participle", s, 0.85))
                continue
        window_start = max(ctx.sentences[s].start, a - 60)
        window = text[window_start:a]
        end_cue = _last(_END_CUE, window)
        start_cue = _last(_START_CUE, window)
        if end_cue is not None and period.end and period.cue != "range":
            subject = _subject_for_time(ctx, s, window_start + end_cue)
            if subject:
                out.append(_fact(subject, "endDate", period.end, "time.end-cue", s, 0.85))
        elif start_cue is not None and period.start and period.cue in (
                "start-of", "date", "month", "year", "from"):
            subject = _subject_for_time(ctx, s, window_start + start_cue)
            if subject:
                out.append(_fact(subject, "startDate", period.start, "time.start-cue", s, 0.8))
    return out


def _last(pattern: re.Pattern[str], text: str) -> int | None:
    found = [m.start() for m in pattern.finditer(text)]
    return found[-1] if found else None


def funding(ctx: DocContext, s: int) -> list[Fact]:
    """Amounts of money for the sentence's project, with kind, share and period."""
    out = []
    amounts = ctx.money.get(s, [])
    if not amounts or ctx.block_of(s).kind is BlockKind.ROW:
        return out  # a table row's amounts: value_facts.table_money reads its header
    from graph_builder.collective import speaks_of_group
    from graph_builder.contributions import payer_kind, payers
    project = sentence_project(ctx, s)
    if project is not None and speaks_of_group(ctx, s):
        project = None   # "Hankkeille myönnettiin yhteensä …": the group's sum (collective)
    paid = payers(ctx, s, amounts)
    if project is None and not paid:
        return out
    label = ctx.field_label(s) or ""
    ranges = [p for p in ctx.periods.get(s, []) if p.cue == "range"]
    for n, m in enumerate(amounts):
        kind = m.kind
        if label:
            from graph_builder.values import funding_kind
            label_kind = funding_kind(label)
            if label_kind != "funding":
                kind = label_kind
        payer = paid.get(n)
        if payer is not None:
            kind = payer_kind(kind, payer)
        extra: dict[str, object] = {"kind": kind, "currency": m.currency}
        if m.share is not None:
            extra["share"] = m.share
        if payer is not None and payer.start and payer.end:
            extra["start"], extra["end"] = payer.start, payer.end
        elif len(ranges) == 1 and ranges[0].start and ranges[0].end:
            extra["start"], extra["end"] = ranges[0].start, ranges[0].end
        confidence = 0.75 if m.approximate else 0.9
        if project is not None:
            out.append(_fact(project, "hasFunding", m.amount, f"money.{kind}", s,
                             confidence, **extra))
        if payer is not None:
            if project is not None:
                extra["project"] = project
            out.append(_fact(payer.org, "contributes", m.amount, payer.rule, s,
                             min(confidence, payer.confidence), **extra))
    return out


def people(ctx: DocContext, s: int) -> list[Fact]:
    """A person's title, contacts, role in the project and responsibility; and what
    the layout around the name says (see :mod:`graph_builder.affiliation`): the
    organisations and projects set beside it, the region that labels its line, the
    title its list's heading gives, the employer its e-mail domain names."""
    out = []
    persons = ctx.mentions(s, Kind.PERSON)
    if not persons:
        return out
    tokens = ctx.tokens.get(s, [])
    text = ctx.document.text
    label = ctx.field_label(s) or ""
    if not _CONTACT_HEADING.search(label):
        label = _contact_heading(ctx, s) or label
    contacts = ctx.contacts.get(s, [])
    for n, person in enumerate(persons):
        title = title_near(tokens, person.start, person.end, text)
        nxt = persons[n + 1].start if n + 1 < len(persons) else ctx.sentences[s].end
        first, line_label = opens_line(ctx, s, person)
        region = line_label if line_label and line_label.key.startswith("region:") else None
        if title:
            out.append(_fact(person.key, "title", title, "person.title", s, 0.9))
        elif first and listed(ctx, s, person) and (title := list_title(ctx, s)):
            out.append(_fact(person.key, "title", title, "person.title-from-list", s, 0.75))
        for c in contacts:
            owner = _contact_owner(c, persons)
            if owner is person or (owner is None and person.end <= c.span[0] < nxt):
                out.append(_fact(person.key, c.kind, c.value, f"person.{c.kind}", s, 0.95))
                employer = domain_employer(ctx, c.value) if c.kind == "email" else None
                if employer:
                    out.append(_fact(person.key, "memberOf", employer, "person.email-domain",
                                     s, 0.7))
        role = _person_role(title, label)
        office = office_before(tokens, person.start)
        office_role = _person_role(office.lemma.lower(), "") if office else None
        if office_role:   # "X:n muutosagenttina toimii kehittämispäällikkö P"
            holder = [r for r in ctx.mentions(s, Kind.PROJECT, Kind.REGION, Kind.PROGRAMME)
                      if 0 <= office.start - r.end <= 1]
            where = holder[-1].key if holder else sentence_project(ctx, s)
            if where:
                out.append(_fact(where, "participation", person.key,
                                 f"person.role.{office_role}.office", s, 0.8, role=office_role,
                                 title=office.lemma.lower()))
        out.extend(_programme_office(ctx, s, person))
        near = beside(ctx, s, person, nxt)
        projects = [r for r in near if r.kind is Kind.PROJECT]
        if line_label is not None and line_label.key.startswith("project:"):
            projects.insert(0, line_label)
        if region is not None:
            out.append(_fact(person.key, "responsibleFor", region.key, "person.region-line", s,
                             0.75))
            if role:
                out.append(_fact(region.key, "participation", person.key,
                                 f"person.role.{role}", s, 0.8, role=role, title=title or ""))
            out.extend(_fact(p.key, "inRegion", region.key, "relation.region-line", s, 0.75)
                       for p in projects)
        for p in projects:   # "Laura Niemi, Lumo-hanke": works in the project
            out.append(_fact(p.key, "participation", person.key,
                             f"person.role.{role or 'participant'}.beside", s, 0.8,
                             role=role or "participant", title=title or ""))
            if role in ("contact", "project-manager"):
                out.append(_fact(p.key, "hasContact", person.key, "person.contact", s, 0.85))
        context = _person_project(ctx, s, person, persons) or (
            _sole_programme(ctx) if role else None)
        staff = _staff_line(ctx, s, person, nxt) if title and first else None
        if staff is not None and context and context.startswith("project:") and not projects \
                and region is None:
            out.append(_fact(context, "participation", person.key,
                             f"person.role.{role or 'participant'}.staff-line", s, 0.8,
                             role=role or "participant", title=title, **staff))
        if role and context and not projects and region is None:
            out.append(_fact(context, "participation", person.key, f"person.role.{role}", s,
                             0.85, role=role, title=title or ""))
            if role in ("contact", "project-manager") and context.startswith("project:"):
                out.append(_fact(context, "hasContact", person.key, "person.contact", s, 0.85))
        for org in ctx.mentions(s, *ORG_KINDS):
            gap = text[person.end:org.start]
            if org.start >= person.end and (re.fullmatch(r"[\s,]*", gap) or re.fullmatch(
                    r"\s*,[\s\wäöåÄÖÅ-]{0,70},\s*", gap)) and org.start < nxt:
                out.append(_fact(person.key, "memberOf", org.key, "person.member-of", s, 0.8))
                break
        out.extend(_fact(person.key, "memberOf", r.key, "person.member-of-beside", s, 0.8)
                   for r in near if works_for(r))
        out.extend(_fact(person.key, "memberOf", r.key, "person.employer-line-above", s, 0.8)
                   for r in employer_above(ctx, s, person))
        if _RESPONSIBLE.search(ctx.sentences[s].text):
            target = _responsibility(ctx, s, person)
            if target:
                out.append(_fact(person.key, "responsibleFor", target, "person.responsible",
                                 s, 0.8))
    return out


#: Between a programme's genitive and a name: its office, perhaps with a second title
#: ("… ohjelmajohtaja, hallitusneuvos ", "… kansallinen koordinaattori ").
_OFFICE_GAP = re.compile(r"\s+((?:[a-zäöå-]+\s+){0,2}[a-zäöå-]+)"
                         r"(?:\s*,\s*[a-zäöå-]+(?:\s+[a-zäöå-]+)?)?\s+")


def _programme_office(ctx: DocContext, s: int, person: Resolved) -> list[Fact]:
    """"X-muutosohjelman ohjelmajohtaja, hallitusneuvos Anna Virta": an office in a
    programme, named by the programme's genitive before the title, is a part in the
    programme."""
    tokens = ctx.tokens.get(s, [])
    text = ctx.document.text
    for r in ctx.mentions(s, Kind.PROGRAMME):
        gap = _OFFICE_GAP.fullmatch(text, r.end, person.start)
        if gap is None or case_at(tokens, r) != "omanto" or not is_title(gap.group(1)):
            continue
        return [_fact(r.key, "participation", person.key, "person.programme-office", s, 0.8,
                      role="participant", title=gap.group(1).lower())]
    return []


#: "(50 %)": a share of working time in brackets.
_WORK_SHARE = re.compile(r"\(\s*(\d{1,3})\s*%\s*\)")
_FROM = re.compile(r"^\s*(alkaen|lähtien)\b", re.I)
_UNTIL = re.compile(r"^\s*(asti|saakka|päättyen)\b", re.I)


def _staff_line(ctx: DocContext, s: int, person: Resolved, nxt: int) -> dict | None:
    """A staff line of a report: "Projektipäällikkö Anna Virta, 1.4.2017–31.12.2018",
    "Muutosagentti Pekka Ojala, 1.3.2017 alkaen", "Projektisihteeri Liisa Koski (50 %)".
    A titled name opening a line with no verb after it, under a staff heading or with
    a period or a share of working time on its line: the person works in the page's
    project. Returns the period and share the line gives ({} for none), or None."""
    text = ctx.document.text
    end = min(nxt, ctx.sentences[s].end)
    line_end = text.find("\n", person.end, end)
    end = end if line_end < 0 else line_end
    if any(t.pos == "teonsana" and t.text[:1].islower() and not _FROM.match(t.text) and
           not _UNTIL.match(t.text) for t in ctx.tokens.get(s, []) if person.end <= t.start < end):
        return None   # running text: a verb follows the name ("alkaen" says when)
    out: dict[str, object] = {}
    for period in ctx.periods.get(s, []):
        if not (person.end <= period.span[0] and period.span[1] <= end):
            continue
        if period.cue == "date":
            after = text[period.span[1]:end]
            if _FROM.match(after):
                out["start"] = period.start
            elif _UNTIL.match(after):
                out["end"] = period.end
        elif period.start and period.end:
            out["start"], out["end"] = period.start, period.end
        break
    share = _WORK_SHARE.search(text, person.end, end)
    if share and 0 < int(share.group(1)) <= 100:
        out["share"] = Decimal(share.group(1)) / 100
    heading = ctx.block_of(s).heading
    under_staff = heading is not None and bool(STAFF_HEADING.search(ctx.blocks[heading].text))
    return out if out or under_staff else None


def _person_project(ctx: DocContext, s: int, person: Resolved,
                    persons: list[Resolved]) -> str | None:
    """The project a person's role is in: the sentence's, unless the sentence is a list
    of people on lines of their own and names its projects only on other lines
    ("… (Perhepolku)" on the next contact's line is that contact's project): then
    the page's."""
    project = sentence_project(ctx, s)
    named = ctx.mentions(s, Kind.PROJECT)
    if len(persons) < 2 or not named:
        return project
    text = ctx.document.text

    def line(at: int) -> int:
        return text.count("\n", ctx.sentences[s].start, at)

    if len({line(p.start) for p in persons}) < len(persons):
        return project   # several people on one line: running text
    if any(line(r.start) == line(person.start) for r in named):
        return project
    return ctx.resolution.main_project


def _contact_heading(ctx: DocContext, s: int) -> str:
    """The heading of a contact section ("Ota yhteyttä", "Lisätietoja",
    "Yhteyshenkilöt") that a paragraph or list stands under, or under a sub-heading of
    ("Yhteyshenkilöt" > "Osahankkeet"): it makes the people in it contacts, as a card
    label does."""
    block = ctx.block_of(s)
    if block.kind is BlockKind.HEADING:
        return _card_section(ctx, ctx.sentences[s].block)
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
        return ""
    index, depth = block.heading, 0
    while index is not None and depth < 3:
        heading = ctx.blocks[index]
        if _CONTACT_HEADING.search(heading.text):
            return heading.text
        if _is_title_line(heading.text):   # a card's title line over the name, card after card
            return _card_section(ctx, index)
        index, depth = heading.heading or _heading_above(ctx, index), depth + 1
    return ""


def _is_title_line(text: str) -> bool:
    """"Kouluhyvinvoinnin suunnittelija": a short line that is a job title."""
    words = text.split()
    return 0 < len(words) <= 3 and is_title(words[-1])


def _card_section(ctx: DocContext, index: int) -> str:
    """A person's name alone on a line reads as a heading; the contact heading of the
    cards it opens is the nearest heading above it that names no one ("Yhteystiedot"
    over "Marja Virta" / "projektipäällikkö" / "p. …", card after card)."""
    for k in range(index - 1, max(-1, index - 12), -1):
        block = ctx.blocks[k]
        if block.kind is not BlockKind.HEADING:
            continue
        if _CONTACT_HEADING.search(block.text):
            return block.text
        if not any(ctx.mentions(t.index, Kind.PERSON) for t in ctx.sentences_in_block(k)) \
                and not _is_title_line(block.text):
            return ""
    return ""


def _heading_above(ctx: DocContext, index: int) -> int | None:
    """The heading a heading stands under: a Markdown heading of a higher level, or,
    for a plain-text or bold heading, the nearest Markdown heading before it."""
    def level(k: int) -> int:
        block = ctx.blocks[k]
        line = ctx.document.text[ctx.document.text.rfind("\n", 0, block.start) + 1:block.start]
        marked = line.lstrip().startswith("#") and block.label and block.label.isdigit()
        return int(block.label) if marked else 7

    mine = level(index)
    for k in range(index - 1, -1, -1):
        if ctx.blocks[k].kind is BlockKind.HEADING and level(k) < mine:
            return k
    return None


def _sole_programme(ctx: DocContext) -> str | None:
    """The document's one programme, when it names no project to put a contact in
    ("Lisätietoja: erikoistutkija …" on a national page about the programme)."""
    found = [k for k, e in ctx.resolution.entities.items() if e.kind is Kind.PROGRAMME]
    return found[0] if len(found) == 1 else None


def _contact_owner(contact, persons: list[Resolved]) -> Resolved | None:
    """The person whose surname the e-mail address spells, when several are named."""
    if contact.kind != "email" or len(persons) < 2:
        return None
    local = contact.value.split("@")[0]
    from graph_builder.slug import slugify
    for p in persons:
        surname = slugify(p.mention.name.split()[-1]).replace("-", "")
        if surname and surname in local.replace("-", "").replace(".", ""):
            return p
    return None


def _person_role(title: str | None, label: str) -> str | None:
    if title and title.endswith("agentti"):
        return "change-agent"
    if title and re.search(r"(hanke|projekti)päällikkö|hankekoordinaattori", title):
        return "project-manager"
    if _CONTACT_HEADING.search(label):
        return "contact"
    if title and re.search(r"koordinaattori|hanketyöntekijä|projektityöntekijä", title):
        return "contact"
    return None


def _responsibility(ctx: DocContext, s: int, person: Resolved) -> str | None:
    for kinds in ((Kind.PROJECT,), (Kind.MEASURE,), (Kind.REGION,), (Kind.PROGRAMME,)):
        found = [r for r in ctx.mentions(s, *kinds) if r.key != person.key]
        if found:
            return found[0].key
    return None


_CHAIR = re.compile(r",\s*jonka\s+(puheenjohtajana|varapuheenjohtajana|jäsenenä|jäseninä|"
                    r"sihteerinä|johtajana)\s+toimi(i|vat)?\b", re.I)


def _employs(text: str, org: Resolved, person: Resolved) -> bool:
    """"Kemin kaupungin sosiaali- ja terveysjohtaja Paavo Kuusisto": the genitive
    before a title and a name is the person's employer."""
    gap = text[org.end:person.start]
    return org.end <= person.start and bool(re.fullmatch(
        r"\s*(?:[a-zäöå]+-?\s+(?:ja\s+)?){1,3}", gap)) and \
        any(w.rstrip("-").endswith(TITLE_HEADS) for w in gap.split())


def _employer(ctx: DocContext, s: int, org: Resolved) -> bool:
    """Is the organisation named only as a person's employer in the sentence, so that
    no role cue of the sentence is about it ("X:ää ohjaa ryhmä, jonka puheenjohtajana
    toimii Riihimäen kaupungin perusturvajohtaja P")?"""
    return any(_employs(ctx.document.text, org, p) for p in ctx.mentions(s, Kind.PERSON))


#: "Oulun kaupungin palveluksessa": in the employ of the body named in the genitive before.
_IN_SERVICE = re.compile(r"\s+palvelu(?:ksessa|kseen|ksessaan)\b", re.I)


def membership(ctx: DocContext, s: int) -> list[Fact]:
    """"Kemin kaupungin sosiaali- ja terveysjohtaja Paavo Kuusisto" works for Kemi;
    "X, jonka puheenjohtajana toimii P" makes P a member of X; "P (…), Oulun
    kaupungin palveluksessa" works for Oulu (the nearest person before it)."""
    out = []
    text = ctx.document.text
    orgs = ctx.mentions(s, *ORG_KINDS)
    persons = ctx.mentions(s, Kind.PERSON)
    for org in orgs:
        before = [p for p in persons if p.end <= org.start]
        if before and _IN_SERVICE.match(text, org.end) and case_at(ctx.tokens.get(s, []), org) \
                in ("", "omanto"):
            out.append(_fact(before[-1].key, "memberOf", org.key, "person.in-service-of", s, 0.8))
    for person in persons:
        for org in orgs:
            if _employs(text, org, person):
                out.append(_fact(person.key, "memberOf", org.key, "person.title-of-organisation",
                                 s, 0.8))
        chair = [m for m in _CHAIR.finditer(text, ctx.sentences[s].start, person.start)]
        if chair:
            before = [o for o in ctx.mentions(s, Kind.ORGANISATION) if o.end <= chair[-1].start()]
            if before and chair[-1].start() - before[-1].end <= 2:
                out.append(_fact(person.key, "memberOf", before[-1].key, "person.member-of-group",
                                 s, 0.8))
    return out


_COLUMNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"tehtävä|nimike|rooli|asema|titteli", re.I), "title"),
    (re.compile(r"maakunta|alue", re.I), "region"),
    (re.compile(r"työnantaja|organisaatio|hallinnoija|taho|kunta\b", re.I), "organisation"),
    (re.compile(r"agentti|yhteyshenkilö|henkilö|nimi|päällikkö|koordinaattori", re.I), "person"),
)


def table_rows(ctx: DocContext, s: int) -> list[Fact]:
    """A table row relates what its cells name, as the header says: the person of a
    "Muutosagentti" column works for the "Työnantaja" and answers for the "Maakunta";
    a "Tehtävä" column gives the person of the row a title and a part in the page's
    project ("Projektipäällikkö | Liisa Pelto | 100 %"). Read once per row, at its
    first sentence (a table laid out with spaces has a sentence per cell)."""
    block = ctx.block_of(s)
    if block.kind is not BlockKind.ROW:
        return []
    b_index = ctx.sentences[s].block
    sents = ctx.sentences_in_block(b_index)
    head = table_header(ctx.blocks, b_index)
    if head is None or not sents or sents[0].index != s:
        return []
    header = [c[2] for c in row_cells(ctx.blocks[head])]
    kinds = [next((k for p, k in _COLUMNS if p.search(h)), "") for h in header]
    cells = row_cells(block)

    def column(r: Resolved) -> str:
        for n, (a, b, _) in enumerate(cells):
            if a <= r.start < b and n < len(kinds):
                return kinds[n]
        return ""

    found = [r for sent in sents for r in ctx.mentions(sent.index)]
    people = [r for r in found if r.kind is Kind.PERSON]
    out = []
    title_col = next((h for h, k in zip(header, kinds, strict=False) if k == "person"), "")
    contact_col = any(p.search(title_col) for p, kind in _FIELD_CUES if kind == "contact")
    title = title_col.lower() if any(title_col.lower().endswith(t) for t in TITLE_HEADS) \
        and not contact_col else ""   # "Yhteyshenkilö" says what the person is for the row
    for n, (_, _, text) in enumerate(cells):
        if n < len(kinds) and kinds[n] == "title" and text.strip():
            title = text.split(",")[0].strip().lower()   # "Kehittämiskoordinaattori, koulu"
    project = ctx.resolution.main_project
    for person in people:
        cell = _row_cell(ctx, s, person.start) if contact_col else None
        if cell is not None and cell[1] and column(person) == "person":
            out.append(_fact(cell[1], "hasContact", person.key, "table.row-contact", s, 0.8))
        if title:
            out.append(_fact(person.key, "title", title, "table.column-title", s, 0.8))
            role = _person_role(title, "")
            if role and project and "title" in kinds:
                out.append(_fact(project, "participation", person.key, f"table.role.{role}",
                                 s, 0.75, role=role, title=title))
        for r in found:
            col = column(r)
            if col == "organisation" and r.kind in ORG_KINDS:
                out.append(_fact(person.key, "memberOf", r.key, "table.row", s, 0.8))
            elif col == "region" and r.kind is Kind.REGION:
                out.append(_fact(person.key, "responsibleFor", r.key, "table.row", s, 0.75))
    return out


def homepages(ctx: DocContext, s: int) -> list[Fact]:
    """A web address belongs to the name just before it, else to the sentence's project."""
    out = []
    for c in ctx.contacts.get(s, []):
        if c.kind != "homepage":
            continue
        before = [r for r in ctx.mentions(s) if r.end <= c.span[0] and r.kind is not Kind.PERSON
                  and c.span[0] - r.end <= 40]
        owner = before[-1].key if before else sentence_project(ctx, s)
        if owner:
            out.append(_fact(owner, "homepage", c.value, "contact.homepage", s, 0.75))
    return out


def group_members(ctx: DocContext, s: int) -> list[Fact]:
    """People listed under "Ohjausryhmään kuuluvat:" are members of the steering group:
    list items, and lines opened by a name under a heading or lead-in such as "1.2
    Ohjausryhmä" / "Jäsenet:" ("Anna Virta, johtaja, Oulun kaupunki (pj.)"). "Ryhmän
    puheenjohtajana toimi … A ja varapuheenjohtajana … B": A and B are members too.
    In minutes, the people under an attendance label ("Läsnä", "Poissa", "Saapuvilla
    olleet jäsenet") sit in the body whose minutes these are; "Sihteerinä toimi …"
    speaks of that body. An office closing a member's line ("…, puheenjohtaja",
    "(vpj.)") or opening the sentence ("Sihteerinä toimi P") is the person's office
    in the group."""
    if not ctx.mentions(s, Kind.PERSON):
        return []
    groups = _the_group(ctx)
    group = groups[0] if len(groups) == 1 else None
    if _attendance(ctx, s):
        group = _minutes_body(ctx) or group
        steering = group is not None
    else:
        steering = group is not None and _under_steering_label(ctx, s)
    if group is None:
        return []
    office = _GROUP_OFFICE.search(ctx.sentences[s].text)
    if office and not office.group(1) and not steering and not _is_minutes(ctx):
        office = None   # "Sihteerinä toimi …" speaks of a group only under its heading
    if office:
        at = ctx.sentences[s].start + office.start()
        held = office_of(office.group(2))
        out = []
        for p in ctx.mentions(s, Kind.PERSON):
            if p.start > at:
                out.append(_fact(p.key, "memberOf", group, "person.group-office", s, 0.75))
                if held:
                    out.append(_fact(group, "participation", p.key,
                                     f"person.role.{held[0]}.group-office", s, 0.75,
                                     role=held[0], title=held[1]))
        return out
    if not steering:
        return []
    people = ctx.mentions(s, Kind.PERSON)
    if ctx.block_of(s).kind is not BlockKind.ITEM:
        people = [p for p in people if opens_line(ctx, s, p)[0] and listed(ctx, s, p)]
    out = [_fact(p.key, "memberOf", group, "person.group-member", s, 0.75) for p in people]
    for p in people:
        held = _line_office(ctx, s, p)
        if held:
            out.append(_fact(group, "participation", p.key, f"person.role.{held[0]}.group-line",
                             s, 0.75, role=held[0], title=held[1]))
    project = sentence_project(ctx, s)
    if people and project and not ctx.mentions(s, Kind.PROJECT):
        # the group whose members are listed steers the project the page is about
        out.append(_fact(project, "steeredBy", group, "role.steering-group-list", s, 0.7,
                         role="steering-group"))
    return out


#: The office that closes a member's entry: "…, Oulun kaupunki, puheenjohtaja",
#: "… (varapuheenjohtaja)", "… (vpj.)".
_ENTRY_OFFICE = re.compile(r"[,(]\s*((?:\d\.\s*)?[a-zäöå]+\.?)\s*\)?\s*$")


def _line_office(ctx: DocContext, s: int, person: Resolved) -> tuple[str, str] | None:
    """The office named at the end of a member's entry: the list item, or the line
    and a line in brackets under it ("(varapuheenjohtaja)")."""
    text = ctx.document.text
    block = ctx.block_of(s)
    if block.kind is BlockKind.ITEM:
        end = block.end
    else:
        end = text.find("\n", person.end)
        end = len(text) if end < 0 else end
        under = re.match(r"\n[ \t]*\([^()\n]{1,40}\)[ \t]*(?=\n|$)", text[end:])
        if under:
            end += under.end()
    end = min(end, ctx.sentences[s].end) if block.kind is not BlockKind.ITEM else end
    m = _ENTRY_OFFICE.search(text, person.end, end)
    return office_of(m.group(1)) if m else None


def _is_minutes(ctx: DocContext) -> bool:
    """Does the document call itself minutes in its first lines?"""
    return bool(_MINUTES.search(ctx.document.text[:400]))


def _attendance(ctx: DocContext, s: int) -> bool:
    """Is the sentence a line of a meeting's attendance in minutes, under a label such
    as "Läsnä", "Poissa" or "Saapuvilla olleet jäsenet"?"""
    if not _is_minutes(ctx):
        return False
    block = ctx.block_of(s)
    labels = [ctx.field_label(s) or ""]
    if block.heading is not None:
        labels.append(ctx.blocks[block.heading].text)
    return any(ATTENDANCE_LABEL.match(label.strip()) for label in labels)


def _minutes_body(ctx: DocContext) -> str | None:
    """The body whose minutes these are, named in the page's head ("Kaupunginhallitus"
    under "KOTKAN KAUPUNKI  PÖYTÄKIRJA", or a heading right under it); a municipality
    there is the body's owner, not the body."""
    for index, block in enumerate(ctx.blocks):
        if index > 0 and block.kind is not BlockKind.HEADING:
            break
        for sent in ctx.sentences_in_block(index):
            found = ctx.mentions(sent.index, Kind.ORGANISATION)
            if found:
                return found[0].key
    return None


def units(ctx: DocContext, s: int) -> list[Fact]:
    """A unit whose name opens with its organisation in the genitive is part of it
    ("Kokkolan kaupungin sivistyskeskus" is a unit of Kokkola)."""
    bodies = [r for r in ctx.mentions(s, *ORG_KINDS) if r.mention.rule == PARENT_BODY_RULE]
    return [_fact(u.key, "unitOf", p.key, "org.unit-of", s, 0.85)
            for p in bodies for u in ctx.mentions(s, Kind.ORGANISATION)
            if u.start == p.start and u.end > p.end and u.key != p.key]


_MINUTES = re.compile(r"pöytäkirja|muistio", re.I)
#: Labels of the officials in minutes, who work for the body that keeps them.
_OFFICIALS = re.compile(r"muut (?:saapuvilla|läsnä)|läsnä muut|valmistelija|esittelijä|"
                        r"pöytäkirjanpitäjä|lisätiedot|asiantuntija", re.I)


def _frame_line(ctx: DocContext, s: int) -> str:
    """The field label, or the nearest line above that is not indented: what a run
    of indented lines in minutes ("Muut saapuvilla olleet") stands under."""
    label = ctx.field_label(s)
    if label:
        return label
    text = ctx.document.text
    pos = text.rfind("\n", 0, ctx.sentences[s].start)
    while pos > 0:
        prev = text.rfind("\n", 0, pos)
        line = text[prev + 1:pos]
        if line.strip() and not line[:1].isspace():
            return line
        pos = prev
    return ""


def minutes_officials(ctx: DocContext, s: int) -> list[Fact]:
    """Minutes name the officials present, the preparer and the presenter: they work
    for the body whose minutes these are, named in the page head ("KOTKAN KAUPUNKI
    PÖYTÄKIRJA"), unless their line names another employer."""
    text = ctx.document.text
    people = ctx.mentions(s, Kind.PERSON)
    if not people or not _MINUTES.search(text[:400]):
        return []
    if not _OFFICIALS.search(_frame_line(ctx, s)):
        return []
    head = (r for sent in itertools.takewhile(lambda t: t.start < 200, ctx.sentences)
            for r in ctx.mentions(sent.index, *ORG_KINDS))
    body = next((r.key for r in head), None)
    if body is None:
        return []
    others = [r for r in ctx.mentions(s, *ORG_KINDS) if r.key != body]
    if others:
        return []
    return [_fact(p.key, "memberOf", body, "person.minutes-official", s, 0.7) for p in people]


_MEMBER_TOWNS = re.compile(r"\bjäsenkun(ta|nat|tien|tia|nissa|nista|tiin|nille|nilla)\b", re.I)


def member_municipalities(ctx: DocContext, s: int) -> list[Fact]:
    """"Kainuun soten jäsenkunnat: Hyrynsalmi, Kajaani …": the municipalities listed
    after the body whose member towns they are, named in the genitive right before."""
    text = ctx.document.text
    sent = ctx.sentences[s]
    cue = _MEMBER_TOWNS.search(text, sent.start, sent.end)
    if cue is None:
        return []
    owners = [o for o in ctx.mentions(s, *ORG_KINDS) if o.end <= cue.start()
              and re.fullmatch(r"\s*", text[o.end:cue.start()])]
    if not owners:
        return []
    return [_fact(m.key, "memberOf", owners[-1].key, "relation.member-municipality", s, 0.8)
            for m in ctx.mentions(s, Kind.MUNICIPALITY)
            if m.start > cue.end() and m.key != owners[-1].key]


def _the_group(ctx: DocContext) -> list[str]:
    """The document's groups ("Kanta-Hämeen LAPE-ohjausryhmä"); a bare "Ohjausryhmä"
    (a heading) beside a named one is that one, so it does not count."""
    groups = sorted(k for k, e in ctx.resolution.entities.items()
                    if e.kind is Kind.ORGANISATION and re.search(r"ryhm[äa]\b", k))
    named = [k for k in groups
             if any(" " in n or "-" in n for n in ctx.resolution.entities[k].names)]
    return named if len(groups) > 1 and named else groups


#: "Ryhmän puheenjohtajana toimi …", "Ohjausryhmän sihteerinä toimii …": an office in
#: the group the text speaks of.
_GROUP_OFFICE = re.compile(r"(\b(?:ohjaus)?ryhmän\s+|^)((?:puheenjohtaja|varapuheenjohtaja|"
                           r"sihteeri|jäsen)\w*)\s+(?:toimi|jatka)", re.I)
_NUMBERING = re.compile(r"^\d+(\.\d+)*\.?$")


def _under_steering_label(ctx: DocContext, s: int) -> bool:
    """Is a list item or line framed by a steering-group label ("5 Ohjausryhmä",
    "1.2 OHJAUSRYHMÄ", "… Ohjausryhmään kuuluvat:"), by its own lead-in, by the
    heading above it or by the heading above that lead-in? A lead-in that ends a
    paragraph is read by its last sentence."""
    block = ctx.block_of(s)
    labels = [ctx.field_label(s) or ""]
    index, depth = block.heading, 0
    while index is not None and depth < 2:
        labels.append(ctx.blocks[index].text)
        index, depth = ctx.blocks[index].heading, depth + 1
    for label in labels:
        last = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÅ])", label.strip())[-1]
        words = [w for w in last.split() if not _NUMBERING.match(w)]
        if words and role_of(words[0]) == "steering-group":
            return True
    return False


_MUKANA = re.compile(r"\b(mukana|lisäksi|tukena)\b", re.I)


def area_organisations(ctx: DocContext, s: int) -> list[Fact]:
    """"KYS-erva: Pohjois-Savon sairaanhoitopiiri yhdessä Itä-Suomen yliopiston kanssa":
    a line that opens with a special responsibility area and a colon or dash names the
    organisations acting in that area; those after "yhdessä … kanssa" or "mukana" work
    with the first one named."""
    found = ctx.mentions(s)
    if not found or found[0].mention.rule != ERVA_RULE:
        return []
    area = found[0]
    text = ctx.document.text
    rest = [r for r in found[1:] if r.key != area.key]
    sep = re.match(r"\s*(\([^()]*\))?\s*[:–—-]\s", text[area.end:area.end + 40])
    if not rest or sep is None or rest[0].start < area.end + sep.end() - 1:
        return []
    orgs = [r for r in rest if r.kind in ORG_KINDS]
    if not orgs or orgs[0].start != area.end + sep.end():
        return []
    out: list[Fact] = []
    lead = orgs[0]
    for org in orgs:
        gap = text[lead.end:org.start]
        helper = org is not lead and (_cooperating(ctx, org) or _MUKANA.search(gap))
        if helper:
            out.append(_fact(lead.key, "cooperatesWith", org.key, "relation.area-helper", s,
                             0.75))
        else:
            out.append(_fact(area.key, "cooperatesWith", org.key,
                             "relation.area-organisation", s, 0.75))
    return out


_MINUTES_LINE = re.compile(r"\s+(\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})\s+§\s*\d+")
#: The head of a page of minutes: the body, the meeting's day, perhaps the page
#: ("Yhtymähallitus      23.3.2017      sivu 14", "… 1 (14)").
_MINUTES_HEAD = re.compile(r"[ \t]+(\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})"
                           r"(?:[ \t]+(?:sivu|s\.|page)?[ \t]*\d{1,3}(?:[ \t]*\(\d{1,3}\))?)?"
                           r"[ \t]*$", re.I | re.M)
#: Words between a day and a grant verb that say the day is the decision's: "STM on
#: 8.3.2017 tekemällään päätöksellä myöntänyt …".
_DECISION_BETWEEN = re.compile(r"\s*(?:(?:tekemä|antama)llä(?:än)?\s+)?päätöksellä(?:än)?\s*",
                               re.I)
#: A grant decision named by its noun before its day: "STM:n avustuspäätös 16.2.2017".
_GRANT_DECISION_NOUN = re.compile(r"^(valtion)?avustuspäätö|^rahoituspäätö", re.I)


def decisions(ctx: DocContext, s: int) -> list[Fact]:
    """Decision days. Minutes head each matter with the bodies that handled it
    ("Kunnanhallitus 28.08.2017 § 218"): a body, a day and a section, alone on a line.
    A grant is awarded on a day ("STM on 22.6.2017 myöntänyt … valtionavustusta"):
    that is the grant decision of the sentence's project."""
    out = []
    text = ctx.document.text
    sent = ctx.sentences[s]
    dated = [p for p in ctx.periods.get(s, []) if p.cue == "date" and p.start]
    for r in ctx.mentions(s, *ORG_KINDS):
        line_start = text.rfind("\n", 0, r.start) + 1
        m = _MINUTES_LINE.match(text, r.end)
        line_end = text.find("\n", r.end)
        rest = text[m.end():line_end if line_end >= 0 else len(text)] if m else "x"
        rule = "decision.minutes-line"
        if m is None and _minutes_head(ctx, r):
            m, rest, rule = _MINUTES_HEAD.match(text, r.end), "", "decision.minutes-head"
        if m and not text[line_start:r.start].strip() and not rest.strip():
            day = next((p.start for p in dated if p.span[0] == m.start(1)), None)
            if day is not None:
                out.append(_fact(r.key, "decisionDate", day, rule, s, 0.85))
    tokens = ctx.tokens.get(s, [])
    cue = next((t for t in tokens if GRANT_VERBS.match(t.text)), None)
    project = sentence_project(ctx, s)
    if cue is not None and project is not None and \
            re.search(r"valtionavustu|avustu|rahoitu", sent.text, re.I):
        near = [p for p in dated
                if 0 <= cue.start - p.span[1] <= 2 or 0 <= p.span[0] - cue.end <= 2
                or _DECISION_BETWEEN.fullmatch(text, p.span[1], cue.start)]
        if len(near) == 1:
            out.append(_fact(project, "decisionDate", near[0].start, "decision.grant-date", s, 0.8))
    noun = next((t for t in tokens if _GRANT_DECISION_NOUN.match(t.text)), None)
    if noun is not None and project is not None:
        day = [p for p in dated if 0 <= p.span[0] - noun.end <= 2]
        if day:
            out.append(_fact(project, "decisionDate", day[0].start, "decision.grant-decision-noun",
                             s, 0.75))
    return out


def _minutes_head(ctx: DocContext, r: Resolved) -> bool:
    """Is the name the body at the head of a page of minutes: a document that calls
    itself minutes in its first lines and records sections ("§ 64"), the name in its
    first lines or under the line that calls the page minutes again?"""
    text = ctx.document.text
    if not _MINUTES.search(text[:400]) or "§" not in text:
        return False
    if r.start < 400:
        return True
    above = text.rfind("\n", 0, text.rfind("\n", 0, r.start))
    return bool(_MINUTES.search(text[max(0, above - 200):r.start]))


RULES: tuple[Rule, ...] = (area_organisations, roles, verb_roles, cooperation, project_region,
                           part_of, programme_relations, dates, funding, people, group_members,
                           grantor, membership, homepages, table_rows, decisions,
                           sub_project_facts, member_municipalities, serves_municipalities,
                           national_roles,
                           minutes_officials, units)


_FORWARD = re.compile(r"\b(alla|seuraava[at]?|seuraavilla|seuraavissa|seuraavina|"
                      r"alempana|jäljempänä)\b", re.I)
_CONTACT_HEADING = re.compile(r"yhteystie|lisätie|yhteyshenkilö|ota yhteyttä", re.I)
_SEE_BELOW = re.compile(r"\b(ks\.|katso|vrt\.)\s+(alla|jäljempänä|alempana)\b", re.I)


def forward_lists(ctx: DocContext) -> list[Fact]:
    """"Hankkeen kehittäjäkumppaneina toimivat alla esitellyt järjestöt": a role cue that
    points ahead, with no name after it in its sentence, gives its role to the
    organisations that open the paragraphs and items below it (each paragraph presents
    one), up to a contact section or the next such sentence."""
    out: list[Fact] = []
    for sent in ctx.sentences:
        s = sent.index
        if ctx.block_of(s).kind is not BlockKind.PARAGRAPH or not _FORWARD.search(sent.text) \
                or _SEE_BELOW.search(sent.text):
            continue   # "(ks. alla)" points to a section below, not to a list of partners
        tokens = ctx.tokens.get(s, [])
        cues = _cues(tokens, None, ctx.mentions(s))
        forward = _FORWARD.search(sent.text)
        if len(cues) != 1 or not forward:
            continue
        pos, role, _ = cues[0]
        point = sent.start + forward.start()
        if any(r.start > pos for r in ctx.mentions(s, *ORG_KINDS)) or point < pos - 40:
            continue
        project = sentence_project(ctx, s)
        if project is None:
            continue
        for later in ctx.sentences[s + 1:]:
            block = ctx.blocks[later.block]
            if block.kind is BlockKind.HEADING and _CONTACT_HEADING.search(later.text):
                break
            if block.kind is BlockKind.PARAGRAPH and _FORWARD.search(later.text) and \
                    _cues(ctx.tokens.get(later.index, []), None, ctx.mentions(later.index)):
                break
            if later.start != block.start or block.kind not in (BlockKind.PARAGRAPH,
                                                                BlockKind.ITEM):
                continue
            opening = ctx.mentions(later.index)
            if opening and opening[0].start == later.start and opening[0].kind in ORG_KINDS \
                    and opening[0].key != project:
                out.append(_fact(project, ROLE_PREDICATE[role], opening[0].key,
                                 f"role.{role}.list-below", later.index, 0.75, role=role))
    return out


def relation_facts(ctx: DocContext) -> Iterator[Fact]:
    """Every rule over every sentence, in document order; then document-wide rules."""
    yield from _sentence_facts(ctx)
    yield from forward_lists(ctx)
    from graph_builder.collective import programme_members

    members = programme_members(ctx)
    yield from members
    stated = {f.subject for f in members}
    for sent in ctx.sentences:
        stated.update(f.subject for f in part_of(ctx, sent.index))
    yield from (f for f in sole_programme(ctx) if f.subject not in stated)


def _sentence_facts(ctx: DocContext) -> Iterator[Fact]:
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind is BlockKind.HEADING and not ctx.mentions(sent.index):
            continue
        for rule in RULES:
            yield from rule(ctx, sent.index)
