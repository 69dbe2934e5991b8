"""Measures: list items under a measure heading, and plans a text says are being made.

A list under a heading or lead-in that speaks of measures ("LAPE:n
siltaustoimet vuodelle 2019", "Kehittämisen osa-alueet:") makes each item a
measure; the programme or project the heading (or the paragraph between
heading and list) names owns them, and a year there is their period. In
running text, a plan noun ("juurruttamissuunnitelma", "tiekartta") with a
verb of making ("tehdään", "laaditaan", "valmistuu") is a measure of the
project the sentence names; "Tämä suunnitelma valmistuu lokakuun 2018
aikana" in the next sentence gives its completion date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from graph_builder.areas import (
    all_mentions,
    area_measures,
    clause_of,
    span_organisation_facts,
    span_period_facts,
)
from graph_builder.context import DocContext, case_at
from graph_builder.lexicon import (
    DEVELOPING_VERBS,
    GENERAL_SERVICE_WORDS,
    MEASURE_LIST_CUES,
    PART_OF_PROGRAMME_NOUNS,
    PLAN_HEADS,
    PLAN_MAKING,
    QUOTED_TITLE,
    SERVICE_OBJECT_HEADS,
    SPEECH_VERBS,
    TRAINED_ROLE_HEADS,
    names_a_role,
)
from graph_builder.measure_values import measure_value_facts
from graph_builder.methods import method_measures, table_measures
from graph_builder.model import BlockKind, Fact, Kind, Sentence, Token
from graph_builder.slug import slugify
from graph_builder.values import When

#: A report's section number before a heading: "3.1 Perhekeskustoimintamalli".
_SECTION_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})+\.?\s+")
#: A spaced dash between a measure's name and what is said of it.
_DESCRIBED = re.compile(r"\s+[–—]\s+")
_RELATIVE = re.compile(r",\s+(joka|jonka|jota|jossa|mikä|jotka|joiden|kun|mutta)\b")
_BASED_ON = re.compile(r"pohjalta|pohjautu|perusteella|selvity|raport|ehdotu", re.I)
_COMPLETES = re.compile(r"valmistu|valmiina|valmis\b|mennessä", re.I)
_DEMONSTRATIVES = {"tämä", "se", "nämä", "ne", "kyseinen", "sama"}
_ANAPHOR = re.compile(r"^(Tämä|Nämä|Se|Ne)\s+(\w+)", re.I)


@dataclass(frozen=True)
class MeasureFound:
    key: str
    label: str
    kind: str          # MEASURE_KINDS
    sentence: int
    rule: str


def measure_key(label: str, owner: str | None) -> str:
    """A measure is its name within its owner: the same development area on two
    regions' pages is two measures, the programme's measure on two pages one."""
    own = f"--{slugify(owner.split(':', 1)[1])}" if owner else ""
    return f"measure:{slugify(label)}{own}"


def item_label(text: str) -> str:
    """A measure's name from its item: the first sentence, up to a relative clause."""
    first = _RELATIVE.split(_SECTION_NUMBER.sub("", text.strip()), maxsplit=1)[0]
    first = _DESCRIBED.split(first, maxsplit=1)[0]   # "Perheaika-chat – kokeilu päättyi …"
    first = first.rstrip(" .;:")
    if len(first) > 120:
        first = first[:120].rsplit(" ", 1)[0]
    return first


def _without_leading_essive(text: str, tokens: list[Token]) -> str:
    """Drop an opening "as X" adverbial ("Juurruttamistoimena käynnistetään …"):
    it says what kind of measure this is, not which."""
    if len(tokens) > 3 and tokens[0].case == "olento" and tokens[1].text.endswith(("taan", "tään")):
        return text[tokens[2].start - tokens[0].start:]
    return text


def _list_kind(text: str) -> str | None:
    for pattern, kind in MEASURE_LIST_CUES:
        if pattern.search(text):
            return kind
    return None


def _intro(ctx: DocContext, heading: int) -> list[int]:
    """Blocks between a heading and its first list item (the list's lead-in text)."""
    out = [heading]
    for i in range(heading + 1, len(ctx.blocks)):
        block = ctx.blocks[i]
        if block.kind is not BlockKind.PARAGRAPH:
            break
        out.append(i)
    return out


#: Verbs with which an item says that its subject goes on: "X jatkaa toimintaansa",
#: "LAVA vakiintuu pysyväksi käytännöksi", "Y siirtyy kunnan toiminnaksi".
_GOES_ON_VERB = re.compile(r"^(jatka|jatku|vakiintu|vakiinnu|vakinaistu|siirty|juurtu)", re.I)


def _subject_label(ctx: DocContext, s: int) -> str | None:
    """The name of what an item says goes on: the subject before its verb
    ("Perhekeskusten verkosto jatkaa toimintaansa …" -> "Perhekeskusten verkosto"),
    without the person in it ("Muutosagentti Matti Virtanen jatkaa tehtävässään …" ->
    "Muutosagentti"); None when the item is not such a clause."""
    tokens = ctx.tokens.get(s, [])
    verb = next((k for k, t in enumerate(tokens[:7]) if t.pos == "teonsana" and
                 t.text[:1].islower()), None)
    if not verb or not _GOES_ON_VERB.match(tokens[verb].text) or \
            any(not t.text[:1].isalnum() and t.text != "-" for t in tokens[:verb]):
        return None
    people = ctx.mentions(s, Kind.PERSON)
    words = [t for t in tokens[:verb] if not any(p.start <= t.start < p.end for p in people)]
    if not words or words != tokens[:len(words)] or words[-1].case not in ("nimento", ""):
        return None
    common = words[0].pos not in ("paikannimi", "etunimi", "sukunimi") and \
        _lowered(words[0]) is not None and all(t.text[:1].islower() for t in words[1:])
    acronym = len(words) == 1 and words[0].text.isupper() and \
        not ctx.mentions(s, Kind.ORGANISATION, Kind.MUNICIPALITY, Kind.REGION)
    if not (common or acronym):
        return None   # "Kotkan kaupunki jatkaa …": who goes on, not what
    text = ctx.document.text[words[0].start:words[-1].end]
    return text[:1].upper() + text[1:]


def list_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact], dict[str, str]]:
    """Measures from list items under a measure heading, with owner and period; and the
    organisations another rule read from the words an item names its measure with
    ("Perhekeskusten verkosto jatkaa …"), each with the measure it is."""
    found: list[MeasureFound] = []
    facts: list[Fact] = []
    absorbed: dict[str, str] = {}
    for b_index, block in enumerate(ctx.blocks):
        if block.kind is not BlockKind.ITEM or block.heading is None:
            continue
        context_blocks = _intro(ctx, block.heading)
        heading_block = ctx.blocks[block.heading]
        if heading_block.label == "lead-in" and heading_block.heading is not None:
            context_blocks = [heading_block.heading, *context_blocks]
        context_text = " ".join(ctx.blocks[i].text for i in context_blocks)
        kind = _list_kind(ctx.blocks[block.heading].text) or _list_kind(context_text)
        if kind is None or names_a_role(ctx.blocks[block.heading].text):
            continue
        sents = ctx.sentences_in_block(b_index)
        if not sents:
            continue
        first_tokens = ctx.tokens.get(sents[0].index, [])
        subject = _subject_label(ctx, sents[0].index)
        label = subject or item_label(_without_leading_essive(sents[0].text, first_tokens))
        if len(label) < 4:
            continue
        if any(ctx.contacts.get(s.index) for s in sents):
            continue  # "Sanna Virtanen, puh. 040 …": a contact list, not measures
        if any(SPEECH_VERBS.search(s.text) for s in sents):
            continue  # "– Työ on ollut tärkeää, sanoo X.": a quotation, not an item
        first = sents[0].index
        context_sents = [s.index for i in context_blocks for s in ctx.sentences_in_block(i)]
        owner = _owner(ctx, context_sents)
        key = measure_key(label, owner)
        found.append(MeasureFound(key, label, kind, first, f"measure.list.{kind}"))
        if subject:
            absorbed.update((other, key) for other in _named_as(ctx, label) if other != owner)
        if owner:
            facts.append(Fact(key, "measureOf", owner, "measure.owner-from-heading", first, 0.85))
        year = _year(ctx, context_sents)
        if year:
            facts.append(Fact(key, "startDate", year, "measure.period-from-heading", first, 0.85))
            facts.append(Fact(key, "endDate", year, "measure.period-from-heading", first, 0.85))
        facts.extend(item_relations(ctx, key, [s.index for s in sents]))
    return found, facts, absorbed


#: Headings that open another part of a page, not one more measure under a
#: measure heading ("Yhteystiedot", "Rahoitus", "Kumppanit", "Ajankohtaista").
_SECTION_HEADING = re.compile(r"yhteystied|yhteyshenkil|lisätiet|rahoitu|budjet|kumppan|"
                              r"ajankohtai|uutis|julkaisu|materiaal|tapahtum|ohjausryhm",
                              re.I)


def _measure_headings(ctx: DocContext) -> Iterator[tuple[int, str]]:
    """Headings that speak of measures ("Kehittämisen painopisteet", "Siltaustoimet"),
    not of people in a role, with the kind of measure they speak of."""
    for h, head in enumerate(ctx.blocks):
        if head.kind is not BlockKind.HEADING:
            continue
        kind = _list_kind(head.text)
        if kind is not None and not names_a_role(head.text):
            yield h, kind


def section_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """Measures written as sub-headings, each with its paragraph, under a measure heading.

    "Kehittämisen painopisteet" / "Perhekeskustoimintamalli" + paragraph /
    "Erityis- ja vaativan tason palvelut" + paragraph …: pages that describe
    their development areas as short sections rather than as a list. A run
    ends at a heading with no paragraph of its own (a new part of the page) or
    at a heading that names another part ("Yhteystiedot"); two sections at
    least, or it is no list."""
    found: list[MeasureFound] = []
    facts: list[Fact] = []
    blocks = ctx.blocks
    for h, kind in _measure_headings(ctx):
        sections: list[tuple[int, int]] = []   # (sub-heading block, its paragraph block)
        i = h + 1
        while i + 1 < len(blocks) and blocks[i].kind is BlockKind.HEADING \
                and blocks[i + 1].kind is BlockKind.PARAGRAPH \
                and not _SECTION_HEADING.search(blocks[i].text) and len(blocks[i].text) <= 120:
            sections.append((i, i + 1))
            i += 2
            while i < len(blocks) and blocks[i].kind is BlockKind.PARAGRAPH:
                i += 1
        if len(sections) < 2:
            continue
        context = [s.index for s in ctx.sentences_in_block(h)]
        owner = _owner(ctx, context)
        for sub, para in sections:
            heading_sents = ctx.sentences_in_block(sub)
            if not heading_sents:
                continue
            label = item_label(blocks[sub].text)
            if len(label) < 4:
                continue
            first = heading_sents[0].index
            key = measure_key(label, owner)
            found.append(MeasureFound(key, label, kind, first, f"measure.section.{kind}"))
            if owner:
                facts.append(Fact(key, "measureOf", owner, "measure.owner-from-heading", first,
                                  0.8))
            body = [s.index for s in ctx.sentences_in_block(para)]
            facts.extend(item_relations(ctx, key, body))
    return found, facts


#: The longest run-in title, in words: "Perhe ensin – yksi suunnitelma."
_RUN_IN_WORDS = 6


def _run_in_title(ctx: DocContext, b_index: int) -> Sentence | None:
    """A paragraph's run-in title: a first sentence of a few words, capitalised, ended
    by a full stop, with no verb, and more sentences after it ("Kunta-agentit.
    Kuuteen suurimpaan kaupunkiin palkataan …")."""
    sents = ctx.sentences_in_block(b_index)
    if len(sents) < 2:
        return None
    first = sents[0]
    tokens = ctx.tokens.get(first.index, [])
    words = [t for t in tokens if t.text[:1].isalnum()]
    if not 1 <= len(words) <= _RUN_IN_WORDS or not first.text[:1].isupper() or \
            not first.text.rstrip().endswith(".") or ctx.contacts.get(first.index) or \
            any(ch.isdigit() for ch in first.text) or \
            ctx.mentions(first.index, Kind.PERSON, Kind.MUNICIPALITY, Kind.REGION):
        return None   # "Tiedote 8.11.2018.", "Matti Virtanen.", "Oulu.": no measure
    if any(t.pos == "teonsana" and not t.case for t in words):
        return None   # "Hanke päättyi.": a sentence, not a title
    return first


def run_in_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact], dict[str, str]]:
    """Paragraphs that open with a run-in title, right under a heading or lead-in that
    speaks of measures ("Vuodelle 2019 rahoitetaan seuraavat toimet" / "Kunta-agentit.
    Kuuteen suurimpaan kaupunkiin …" / "Perhe ensin – yksi suunnitelma. …"): each is a
    measure named by its title, its paragraph the words about it, like a list item.
    Two such paragraphs at least, or it is no list. A title another rule read as an
    organisation's or programme's name ("LAPE-akatemia.", "Lastensuojelun
    kehittämisohjelma.") is the measure's name: that entity is the measure."""
    found: list[MeasureFound] = []
    facts: list[Fact] = []
    absorbed: dict[str, str] = {}
    blocks = ctx.blocks
    for h, kind in _measure_headings(ctx):
        run: list[tuple[int, Sentence]] = []
        i = h + 1
        while i < len(blocks) and blocks[i].kind is BlockKind.PARAGRAPH and \
                (title := _run_in_title(ctx, i)) is not None:
            run.append((i, title))
            i += 1
        if len(run) < 2:
            continue
        context = [s.index for s in ctx.sentences_in_block(h)]
        owner = _owner(ctx, context)
        year = _year(ctx, context)
        for b_index, title in run:
            label = title.text.strip().rstrip(" .")
            key = measure_key(label, owner)
            found.append(MeasureFound(key, label, kind, title.index, f"measure.run-in.{kind}"))
            absorbed.update((other, key) for other in _named_as(ctx, label) if other != owner)
            if owner:
                facts.append(Fact(key, "measureOf", owner, "measure.owner-from-heading",
                                  title.index, 0.85))
            if year:
                facts.append(Fact(key, "startDate", year, "measure.period-from-heading",
                                  title.index, 0.85))
                facts.append(Fact(key, "endDate", year, "measure.period-from-heading",
                                  title.index, 0.85))
            facts.extend(item_relations(ctx, key, [s.index for s in
                                                   ctx.sentences_in_block(b_index)]))
    return found, facts, absorbed


def _named_as(ctx: DocContext, label: str) -> list[str]:
    """Organisations and programmes of the document with a name that is ``label``."""
    def bare(name: str) -> str:
        return re.sub(r"\W", "", name.casefold())

    return sorted(k for k, e in ctx.resolution.entities.items()
                  if e.kind in (Kind.ORGANISATION, Kind.PROGRAMME) and
                  any(bare(n) == bare(label) for n in e.names))


def _owner(ctx: DocContext, sentences: list[int]) -> str | None:
    """The project or programme a heading names; else the page's project; else the
    programme the page is about (its only one, or the one it names most)."""
    from graph_builder.relations import main_programme

    for s in sentences:
        named = ctx.mentions(s, Kind.PROJECT, Kind.PROGRAMME)
        if named:
            return named[0].key
    if ctx.resolution.main_project:
        return ctx.resolution.main_project
    return main_programme(ctx)


def _year(ctx: DocContext, sentences: list[int]) -> When | None:
    """The year a heading gives its measures ("siltaustoimet vuodelle 2019"); none when
    the year is only what they follow ("Jatkuvat toimenpiteet vuoden 2018 jälkeen")."""
    text = ctx.document.text
    for s in sentences:
        for p in ctx.periods.get(s, []):
            if p.cue in ("year", "bare-year") and p.start and p.start.month is None and \
                    not _AFTER.match(text, p.span[1]):
                return p.start
    return None


#: Words after a year that put the time outside it: "Jatkuvat toimenpiteet vuoden 2018
#: jälkeen".
_AFTER = re.compile(r"\s*(jälkeen|jälkeisiä|jälkeiset|jälkeiseen|jälkeisen)\b", re.I)


#: Words of a measure going on under someone: "jatkuu X:n vastuulla", "siirtyy X:lle",
#: "X:n omana toimintana", "vakinaistettiin X:ssä".
_CARRIED_ON = re.compile(r"jatku|jatka|vastuul|vastuutaho|siirty|siirre|juurrut|vakinaist|"
                         r"ylläpi|omana toimintana|osaksi", re.I)


def item_relations(ctx: DocContext, key: str, sentences: list[int],
                   clause: tuple[int, int] | None = None) -> list[Fact]:
    """Places a measure is aimed at, people whose work it rests on, who carries it on
    ("Perhekeskusverkosto jatkuu Soiten perhepalveluiden vastuulla"), whom it is carried
    out with ("yhdessä X:n kanssa", "X:n tuella"), and when it starts, ends or runs
    ("vakinaistettu 1.1.2019 alkaen", "kokeilu päättyi 31.12.2018").

    ``clause`` (token indices in the one sentence given) limits the words read to the
    clause a prose measure stands in: "kehitetään A, uudistetaan B yhteistyössä X:n
    kanssa" works with X on B only."""
    out = []
    for s in sentences:
        tokens = ctx.tokens.get(s, [])
        lo, hi = clause if clause is not None else (0, len(tokens))
        if hi <= lo:
            continue
        a, b = tokens[lo].start, tokens[hi - 1].end
        text = ctx.sentences[s].text
        for r in ctx.mentions(s, Kind.MUNICIPALITY, Kind.REGION):
            if a <= r.start < b:
                out.append(Fact(key, "targets", r.key, "measure.targets-place", s, 0.75))
        for r in ctx.mentions(s, Kind.ORGANISATION, Kind.MUNICIPALITY):
            if a <= r.start < b and _works_with(ctx, r):
                out.append(Fact(key, "carriedOutWith", r.key, "measure.carried-out-with", s,
                                0.7))
        if clause is not None or s == sentences[0]:
            # the sentence that names the measure; an item's later sentences are read by
            # measure_values, which knows when they speak of something else
            out.extend(span_period_facts(ctx, key, s, lo, hi, "measure.time"))
        out.extend(f for f in span_organisation_facts(ctx, key, s, lo, hi, "measure")
                   if f.predicate != "carriedOutWith")
        carried = _CARRIED_ON.search(text)
        if carried:
            opening = ctx.sentences[s].start + 3    # the measure's own name opens the item
            for r in ctx.mentions(s, Kind.ORGANISATION, Kind.MUNICIPALITY):
                if r.start > opening and r.key.startswith(("org:", "municipality:")):
                    out.append(Fact(r.key, "responsibleFor", key, "measure.carried-on-by", s,
                                    0.7))
        if _BASED_ON.search(text):
            for r in ctx.mentions(s, Kind.PERSON):
                out.append(Fact(key, "basedOnWorkOf", r.key, "measure.based-on-work", s, 0.8))
    return out


def _works_with(ctx: DocContext, r) -> bool:
    """Is the organisation the partner in "(yhdessä/yhteistyössä) X:n kanssa", or the one
    whose support it is ("X:n tuella")?"""
    from graph_builder.relations import _cooperating

    after = ctx.document.text[r.end:r.end + 20]
    return _cooperating(ctx, r) or bool(re.match(r"\s*(tuella|tukemana|tukemina|kanssa)\b",
                                                 after))


def _plan_word(tok: Token) -> str | None:
    """The base form of a plan noun, or None; trusts the written stem when the
    analyser misreads it ("tiekartta" is not a form of "tiekarsi")."""
    if not tok.text[:1].islower() or tok.text.endswith("-"):
        return None
    if tok.lemma.lower().endswith(PLAN_HEADS):
        return tok.lemma
    low = tok.text.lower()
    for head in PLAN_HEADS:
        if low.endswith(head):
            return tok.text
    return None


def _plan_phrase(tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range of a plan noun phrase, joined with a coordinated plan noun."""
    start = i
    while start - 1 >= 0 and tokens[start - 1].case == "omanto" and \
            tokens[start - 1].text[:1].islower() and tokens[start - 1].pos != "teonsana":
        start -= 1
    end = i + 1
    if end + 1 < len(tokens) and tokens[end].text == "ja" and \
            _plan_word(tokens[end + 1]):
        end += 2
    return start, end


def plan_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """Plans being made, named in running text; their owner and completion date."""
    found: list[MeasureFound] = []
    facts: list[Fact] = []
    last: tuple[str, str] | None = None   # (key, head word) of the latest plan
    for sent in ctx.sentences:
        s = sent.index
        block = ctx.blocks[sent.block]
        tokens = ctx.tokens.get(s, [])
        anaphor = _ANAPHOR.match(sent.text)
        if anaphor and last and anaphor.group(2).lower()[:6] in last[1] \
                and _COMPLETES.search(sent.text):
            _completion(ctx, s, last[0], facts, "measure.completion-anaphor")
        if block.kind is BlockKind.ITEM or not PLAN_MAKING.search(sent.text):
            continue
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if _plan_word(tok) and not (i > 0 and tokens[i - 1].lemma.lower() in _DEMONSTRATIVES):
                a, b = _plan_phrase(tokens, i)
                words = [t.text for t in tokens[a:b - 1]] + [_plan_word(tokens[b - 1]) or
                                                             tokens[b - 1].lemma]
                if b - a > 2 and tokens[b - 2].text == "ja":
                    words[b - a - 3] = _plan_word(tokens[b - 3]) or tokens[b - 3].lemma
                label = " ".join(words)
                projects = ctx.mentions(s, Kind.PROJECT)
                if not projects:
                    i = b
                    continue  # a plan of no named project: too loose to be a fact
                key = measure_key(label, projects[0].key)
                found.append(MeasureFound(key, label, "plan", s, "measure.plan-noun"))
                facts.append(Fact(key, "measureOf", projects[0].key, "measure.plan-owner", s, 0.8))
                if _COMPLETES.search(sent.text):
                    _completion(ctx, s, key, facts, "measure.completion")
                heads = " ".join(_head_word(_plan_word(t) or t.lemma) for t in tokens[a:b])
                last = (key, heads)
                i = b
                continue
            i += 1
    return found, facts


def _head_word(lemma: str) -> str:
    low = lemma.lower()
    for head in PLAN_HEADS:
        if low.endswith(head):
            return head
    return low


def _completion(ctx: DocContext, s: int, key: str, facts: list[Fact], rule: str) -> None:
    for p in ctx.periods.get(s, []):
        if p.end:
            facts.append(Fact(key, "completionDate", p.end, rule, s, 0.8))
            return


#: Passive verbs of development work: what they act on is a measure of the project.
_DEVELOPS = re.compile(r"^(kehitetään|kehitettiin|kokeillaan|kokeiltiin|pilotoidaan|pilotoitiin|"
                       r"vahvistetaan|vahvistettiin|kehitimme|kokeilimme|otimme|loimme|"
                       r"rakennetaan|rakennettiin|kootaan|koottiin|luodaan|luotiin|perustetaan|"
                       r"perustettiin|uudistetaan|uudistettiin|otetaan|otettiin|juurrutetaan|"
                       r"käynnistetään|käynnistettiin|laaditaan|laadittiin|järjestetään|"
                       r"järjestettiin|rakensimme|käynnistimme|pilotoimme|kehitetty)$",
                       re.I)


def _object_phrase(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """The partitive or nominative noun phrase next to a passive verb, with its
    genitive and adjective attributes: "matalan kynnyksen lapsiperheiden kotipalvelua".

    After the verb the phrase may start a few words on ("kehitetään nuorille matalan
    kynnyksen mielenterveyspalveluja"); before it, it ends right at the verb."""
    after = _phrase_after(tokens, verb)
    if after:
        return after
    head = verb - 1
    if head == 0 and tokens[0].text[:1].isupper():
        lowered = _lowered(tokens[0])   # "Eroauttamista kehitetään …"
        if lowered is not None and _is_object_head(lowered):
            return 0, 1
    if head >= 0 and _is_object_head(tokens[head]):
        start = head
        while start - 1 >= 0 and _is_attribute(tokens[start - 1], tokens[head]):
            start -= 1
        if start > 0 and tokens[start - 1].case == "omanto" and \
                tokens[start - 1].text[:1].isupper() and start - 1 == 0:
            start -= 1  # "Eroperheiden vertaistukea kehitetään"
        return start, head + 1
    return None


def _lowered(tok: Token) -> Token | None:
    """A sentence's first word read as the common noun it is when written in lower case."""
    from graph_builder.morphology import analyser

    low = tok.text[:1].lower() + tok.text[1:]
    lemma, pos, case, known = analyser().reading(low)
    noun = _as_noun(Token(low, tok.start, tok.end, lemma, pos, case, known))
    return noun if noun.known and noun.pos == "nimisana" else None


def _as_noun(tok: Token) -> Token:
    """A verbal noun in -minen as the noun it is ("eroauttamista" -> "eroauttaminen");
    the analyser reads it as a form of the verb."""
    low = tok.text.lower()
    if tok.pos == "teonsana" and tok.text[:1].islower():
        if low.endswith(("mista", "mistä")) and len(low) > 8:
            return Token(tok.text, tok.start, tok.end, tok.text[:-5] + "minen", "nimisana",
                         "osanto", True)
        if low.endswith("minen") and len(low) > 8:
            return Token(tok.text, tok.start, tok.end, tok.text, "nimisana", "nimento", True)
    return tok


def _is_object_head(tok: Token) -> bool:
    return tok.pos == "nimisana" and tok.case in ("osanto", "nimento") and \
        tok.text[:1].islower() and len(tok.text) > 3


def _is_attribute(tok: Token, head: Token) -> bool:
    return tok.text[:1].islower() and tok.case in {"omanto", head.case} and \
        tok.pos in ("nimisana", "laatusana", "nimisana_laatusana")


def _phrase_after(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    k = verb + 1
    skipped = 0
    while k < len(tokens) and skipped <= 2 and not (
            _is_object_head(tokens[k]) or _is_attribute(tokens[k], tokens[k]) and
            tokens[k].case in ("omanto", "osanto", "nimento")):
        # past words of whom for and how ("nuorille", "etäyhteyksin"); not past "osaksi":
        # "otetaan osaksi päätöksentekoa" has its object before the verb
        if tokens[k].text in ",.;:" or tokens[k].pos == "teonsana" or tokens[k].case == "tulento":
            return None
        k += 1
        skipped += 1
    return _noun_run(tokens, k)


#: Active verbs of development whose subject is the project: "hanke on kehittänyt
#: lastenpsykiatrisen konsultaatiotiimin", "Lähiverkko-hanke rakensi …".
_PROJECT_DEVELOPS = re.compile(
    r"^(kehittänyt|kehittäneet|kehitti|kehittää|rakentanut|rakensi|rakentaa|kokeillut|"
    r"kokeili|kokeilee|pilotoinut|pilotoi|luonut|loi|käynnistänyt|käynnisti|perustanut|"
    r"perusti|laatinut|laati|koonnut|kokosi|uudistanut|uudisti|juurruttanut|juurrutti)$",
    re.I)
#: Words that name the project as a verb's subject without its name.
_PROJECT_WORDS = {"hanke", "hankkeemme", "projekti", "projektimme"}
#: Heads too general to be a measure of their own ("hanke on kehittänyt yhteistyötä").
_TOO_GENERAL = {"yhteistyö", "työ", "toiminta", "asia", "osa", "tulos", "verkosto"}


def _project_subject(ctx: DocContext, s: int, tokens: list[Token], verb: int) -> str | None:
    """The project that is the subject of an active verb: named in the nominative in the
    verb's clause before it, or "hanke" (the project the sentence speaks of)."""
    from graph_builder.relations import sentence_project

    lo, _ = clause_of(tokens, verb, verb)
    start, end = tokens[lo].start, tokens[verb].start
    for r in ctx.mentions(s, Kind.PROJECT):
        if start <= r.start and r.end <= end and case_at(tokens, r) in ("nimento", ""):
            return r.key
    if any(t.text.lower() in _PROJECT_WORDS for t in tokens[lo:verb]):
        return sentence_project(ctx, s)
    return None


def _agrees(attribute: Token, head: Token) -> bool:
    """An adjective in the head's case ("lastenpsykiatrisen konsultaatiotiimin"): its base
    form goes into the label with the head's."""
    return attribute.pos in ("laatusana", "nimisana_laatusana") and \
        attribute.case == head.case and attribute.case != "" and head.case != "nimento"


def _nominal_run(tokens: list[Token], k: int, most: int) -> int:
    """Index after the lower-case nouns and adjectives from ``k`` (at most ``most``) in
    the nominative, genitive or partitive: an object phrase ("perheiden tukimallia")."""
    start = k
    while k < len(tokens) and k - start < most and tokens[k].text[:1].islower() and \
            tokens[k].case in ("omanto", "osanto", "nimento") and \
            tokens[k].pos in ("laatusana", "nimisana", "nimisana_laatusana"):
        k += 1
    return k


def _active_object(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """The object of an active verb of development: past "yhdessä X:n kanssa" and a
    few adverbs, a run of lower-case adjectives and nouns; its last word is the head, in
    the partitive, the nominative or the genitive that Finnish uses for a whole object
    ("kehittänyt lastenpsykiatrisen konsultaatiotiimin, joka …"), so the run must end
    the clause or meet a place."""
    k, n = verb + 1, len(tokens)
    if k < n and tokens[k].text.lower() in ("yhdessä", "yhteistyössä"):
        until = next((j for j in range(k + 1, min(n, k + 10))
                      if tokens[j].text.lower() == "kanssa"), None)
        if until is None:
            return None
        k = until + 1
    while k < n and tokens[k].text.lower() in ("myös", "jo", "nyt", "lisäksi", "hankkeessa"):
        k += 1
    start = k
    k = _nominal_run(tokens, k, 5)
    if k == start:
        return None
    head = tokens[k - 1]
    nxt = tokens[k] if k < n else None
    ends = nxt is None or nxt.text in PUNCT_STOP or nxt.text in ("ja", "sekä") or \
        nxt.case in ("sisaolento", "ulkoolento", "sisatulento", "ulkotulento")
    if not ends or head.pos != "nimisana" or head.lemma.lower() in _TOO_GENERAL:
        return None
    return start, k


def action_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """"KYS:ssä kehitetään konsultaatiomallia": a measure of the project the text is about.

    Only where the project is known (named, or the document's subject), so a
    general remark about "hankkeet" makes no measure."""
    from graph_builder.relations import sentence_project

    found: list[MeasureFound] = []
    facts: list[Fact] = []
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind is not BlockKind.PARAGRAPH:
            continue
        tokens = [_as_noun(t) for t in ctx.tokens.get(sent.index, [])]
        verbs = [k for k, t in enumerate(tokens) if _DEVELOPS.match(t.text)]
        actives = [(k, who) for k, t in enumerate(tokens) if _PROJECT_DEVELOPS.match(t.text)
                   and (who := _project_subject(ctx, sent.index, tokens, k))]
        owner = sentence_project(ctx, sent.index) if verbs else None
        if owner is None and not actives:
            continue
        for k, active_owner, span in [(k, None, _object_phrase(tokens, k)) for k in verbs] + \
                [(k, who, _active_object(tokens, k)) for k, who in actives]:
            if span is None:
                continue
            first_span = span
            for a, b in [span, *_coordinated_objects(tokens, span)]:
                if (a, b) != first_span and tokens[first_span[0] - 1].text == "-":
                    break
                owner = active_owner or owner
                found_here, facts_here = _development_measure(ctx, sent.index, tokens, k, a, b,
                                                              owner)
                found.extend(found_here)
                facts.extend(facts_here)
    return found, facts


def _coordinated_objects(tokens: list[Token], span: tuple[int, int]) -> list[tuple[int, int]]:
    """Objects joined to a verb's first object by "ja" or "sekä": "kehittää yhteisöllistä
    opiskeluhuoltoa ja kiusaamisen ehkäisyä", "kehitetään kodin ja koulun yhteistyötä sekä
    ruotsinkielisiä palveluja"; each is a measure of its own."""
    out: list[tuple[int, int]] = []
    b = span[1]
    while b + 1 < len(tokens) and tokens[b].text in ("ja", "sekä"):
        nxt = _noun_run(tokens, b + 1)
        if nxt is None:
            break
        out.append(nxt)
        b = nxt[1]
    return out


def _noun_run(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """A noun phrase from ``start``: attributes (genitives, adjectives and participles,
    genitives joined by "ja", a first part written with a hyphen: "psykologi- ja
    kuraattoripalvelua") up to a partitive or nominative head."""
    k = start
    while k < len(tokens) and not _is_object_head(tokens[k]):
        tok = tokens[k]
        joined = tok.text in ("ja", "sekä", "tai") and k > start and k + 1 < len(tokens) and (
            tokens[k - 1].text.endswith("-") or
            tokens[k - 1].case == "omanto" and tokens[k + 1].case == "omanto")
        if not (tok.case == "omanto" or tok.pos == "laatusana" or joined or
                tok.text.endswith("-") and tok.text[:1].islower()) or \
                tok.text[:1].isupper() or k - start > 4:
            return None
        k += 1
    if k >= len(tokens) or tokens[k - 1].text in ("ja", "sekä", "tai") and k - 1 == start:
        return None
    return start, k + 1


def _development_measure(ctx: DocContext, s: int, tokens: list[Token], k: int, a: int, b: int,
                         owner: str | None) -> tuple[list[MeasureFound], list[Fact]]:
    """The measure a verb of development (token ``k``) acts on (tokens ``a``..``b``), of
    ``owner``, with its places, partners and times from the verb's clause, and the
    organisation that answers for it."""
    if a > 0 and tokens[a - 1].text == "-":
        return [], []   # "Eron ensiapu -ryhmämallia kokeiltiin": a named method (methods.py)
    phrase = [(_lowered(t) or t) if n == 0 and t.text[:1].isupper() else t
              for n, t in enumerate(tokens[a:b], start=a)]
    if len(phrase) > 1 and phrase[0].lemma.lower() in _DEMONSTRATIVES:
        phrase = phrase[1:]   # "sama palveluohjauksen malli": which, not what
    while len(phrase) > 1 and _PARTICIPLE.search(phrase[0].lemma):
        phrase = phrase[1:]   # "etäyhteyksin toteutettavaa palvelua": how, not what
    words = [t.lemma if _agrees(t, phrase[-1]) else t.text for t in phrase[:-1]] + \
        [phrase[-1].lemma]
    label = " ".join(words)
    if len(label) < 6 or label.lower() in _GENERIC_MODELS:
        return [], []   # "Kehitimme kolme toimintamallia": which ones, the text says later
    label = label[:1].upper() + label[1:]
    key = measure_key(label, owner)
    found = [MeasureFound(key, label, "action", s, "measure.development-verb")]
    facts = [Fact(key, "measureOf", owner, "measure.development-verb", s, 0.7)]
    facts.extend(item_relations(ctx, key, [s], clause_of(tokens, min(k, a), max(k, b - 1))))
    for org in ctx.mentions(s, Kind.ORGANISATION):
        case = case_at(tokens, org)
        if case == "sisaolento" or org.start == ctx.sentences[s].start:
            facts.append(Fact(org.key, "responsibleFor", key, "measure.responsible-org", s, 0.65))
    return found, facts


#: Active verbs of providing or developing: an organisation that opens the clause
#: does the work, what follows is a measure ("X ry järjestää hankkeessa vertaisryhmiä").
_PROVIDES = re.compile(r"^(järjestää|järjestävät|järjesti|järjestivät|tuottaa|tuottavat|tuotti|"
                       r"tuottivat|kehittää|kehittävät|kehitti|kehittivät|pilotoi|pilotoivat|"
                       r"kokeilee|kokeilevat|kokeili|kokeilivat|järjestänyt|järjestäneet|"
                       r"tuottanut|tuottaneet|kehittänyt|kehittäneet|pilotoinut|pilotoineet|"
                       r"kokeillut|kokeilleet|kouluttaa|kouluttavat|koulutti|kouluttivat|"
                       r"kouluttanut|kouluttaneet)$", re.I)
#: Verbs of training: the organisation trains for the measure (lkg:trains).
_TRAINS = re.compile(r"^koulutt", re.I)
#: Verbs of a finished act: "on järjestänyt", "on kouluttanut" report what a partner did.
_PERFECT = re.compile(r"(nyt|neet|nut|lut|llut|lleet)$", re.I)
_AUXILIARIES = {"on", "ovat", "oli", "olivat"}
_ABOUT_PROJECT = re.compile(r"\bhank|\bprojekt", re.I)


def provider_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """"Terapiakeskus Oy tuottaa hankkeessa nuorten lyhytterapiaa": a measure of the
    project, and the organisation answers for it. Only in a sentence that speaks of
    the project, so an organisation's everyday work is no measure."""
    from graph_builder.relations import _clause_subjects, sentence_project

    found: list[MeasureFound] = []
    facts: list[Fact] = []
    partners: dict[str, set[str]] = {}
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            continue
        tokens = [_as_noun(t) for t in ctx.tokens.get(sent.index, [])]
        verbs = [k for k, t in enumerate(tokens) if _PROVIDES.match(t.text) or _developing(t)]
        if not verbs:
            continue
        about = bool(_ABOUT_PROJECT.search(sent.text) or ctx.mentions(sent.index, Kind.PROJECT))
        owner = sentence_project(ctx, sent.index)
        places = frozenset(r.start for r in ctx.mentions(sent.index, Kind.MUNICIPALITY,
                                                         Kind.REGION))
        last: list = []   # the subjects of the clause before: "X tuo A ja kouluttaa B"
        for k in verbs:
            aux = k - 1 if k > 0 and tokens[k - 1].text.lower() in _AUXILIARIES else k
            subjects = _clause_subjects(ctx, sent.index, ctx.tokens[sent.index], aux) or \
                _doers(ctx, sent.index, tokens, aux) or \
                (last if aux > 0 and tokens[aux - 1].text in ("ja", "sekä", ",") else [])
            last = subjects
            span = _service_object(tokens, k, places) if _developing(tokens[k]) else None
            service = span is not None and \
                _names_service(tokens, *span, trains=bool(_TRAINS.match(tokens[k].text)))
            if not service:
                span = _object_after(tokens, k, places) if _PROVIDES.match(tokens[k].text) \
                    else None
            if not subjects or span is None:
                continue
            if owner is None and not service:
                continue
            if not about and not service and not (
                    aux < k and _PERFECT.search(tokens[k].text) and
                    all(o.key in _partners(ctx, owner, partners) for o in subjects)):
                continue   # everyday work, unless a partner of the project is said to have done it
            a, b = span
            label = _service_label(tokens, a, b)
            if len(label) < 6:
                continue
            label = label[:1].upper() + label[1:]
            owner = owner or _owner(ctx, [])
            key = measure_key(label, owner)
            found.append(MeasureFound(key, label, "action", sent.index,
                                      "measure.provider-verb"))
            if owner:
                facts.append(Fact(key, "measureOf", owner, "measure.provider-verb", sent.index,
                                  0.7))
            trains = bool(_TRAINS.match(tokens[k].text))
            for org in subjects:
                facts.append(Fact(org.key, "trains" if trains else "responsibleFor", key,
                                  "measure.provider-trains" if trains else "measure.provider-org",
                                  sent.index, 0.7))
            facts.extend(item_relations(ctx, key, [sent.index],
                                        clause_of(tokens, aux, b - 1)))
    return found, facts


#: Endings of a developing verb's forms that are no active finite verb: the passive
#: ("kehitetään", "kokeiltiin", "rakennettu"), the infinitives and verbal nouns.
_NOT_ACTIVE = re.compile(r"(aan|ään|iin|ttu|tty|ttava|ttävä|essa|essä|maan|mään|malla|"
                         r"mällä|minen|mista|mistä|mia|miä)$", re.I)
_LOCAL_CASES = ("sisaolento", "ulkoolento", "sisatulento", "ulkotulento", "sisaeronto",
                "ulkoeronto")


#: Base forms of participles ("suunnattu", "uudistunut", "toteutettava").
_PARTICIPLE = re.compile(r"(ttu|tty|nut|nyt|ttava|ttävä)$")


def _developing(tok: Token) -> bool:
    """An active form of a verb of developing a way of working ("kokeilee", "rakentaa",
    "tuo", "laajensi"); the passive ("kehitetään") is action_measures' to read."""
    return tok.pos == "teonsana" and tok.lemma.lower() in DEVELOPING_VERBS and \
        tok.text[:1].islower() and not _NOT_ACTIVE.search(tok.text)


def _service_object(tokens: list[Token], verb: int,
                    places: frozenset[int]) -> tuple[int, int] | None:
    """The object of an active developing verb, past adverbials of place and manner
    ("rakentaa perustasolle konsultaatiomallin", "tuo myös perhekahvilat"): lower-case
    nouns and adjectives, the last the head, in the partitive, the nominative or the
    genitive Finnish uses for a whole object; a coordinated first part written with a
    hyphen belongs to it ("tukiperhe- ja tukihenkilötoimintaa")."""
    k, n = verb + 1, len(tokens)
    while k < n and k <= verb + 4:
        tok = tokens[k]
        if _place_word(tok, places) or tok.pos == "seikkasana" or \
                tok.text[:1].islower() and tok.case in _LOCAL_CASES or \
                tok.text in (",", "ja") and k + 1 < n and _place_word(tokens[k + 1], places):
            k += 1
            continue
        break
    start = k
    if k + 2 < n and tokens[k].text.endswith("-") and tokens[k].text[:1].islower() and \
            tokens[k + 1].text in ("ja", "sekä", "tai"):
        k += 2
    first = k
    k = _nominal_run(tokens, k, 4)
    if k == first:
        return None
    nxt = tokens[k] if k < n else None
    ends = nxt is None or nxt.text in PUNCT_STOP or nxt.text in ("ja", "sekä", "tai") or \
        nxt.case in _LOCAL_CASES + ("tulento", "olento") or \
        nxt.pos in ("seikkasana", "suhdesana", "lukusana") or \
        _place_word(nxt, places)
    head = tokens[k - 1]
    while first < k - 1 and _PARTICIPLE.search(tokens[first].lemma):
        first += 1   # "perheille suunnattua verkkopalvelua": whom for, not what
        start = first
    if not ends or head.pos != "nimisana" or \
            any(t.case != "omanto" and not _agrees(t, head) for t in tokens[first:k - 1]):
        return None
    return start, k


def _names_service(tokens: list[Token], a: int, b: int, trains: bool = False) -> bool:
    """Does the phrase name a service or a way of working ("kouluperheohjaajan työ",
    "perhekahvilat", "tukihenkilötoiminta"), or, after a verb of training, people
    trained for a role ("perhekummeja")? A general head ("toimintaa", "palveluja") needs
    a word before it that says which."""
    head = tokens[b - 1].lemma.lower()
    heads = SERVICE_OBJECT_HEADS + (TRAINED_ROLE_HEADS if trains else ())
    if not head.endswith(heads) or head == "yhteistyö":
        return False
    return b - a > 1 or head not in GENERAL_SERVICE_WORDS


def _service_label(tokens: list[Token], a: int, b: int) -> str:
    """A measure's name from its object: the words as written, adjectives that agree
    with the head and the head in their base forms ("uutta toimintamallia" -> "uusi
    toimintamalli", "perhekahvilat" -> "Perhekahvila")."""
    head = tokens[b - 1]
    words = [t.lemma if _agrees(t, head) else t.text for t in tokens[a:b - 1]] + [head.lemma]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


def _doers(ctx: DocContext, s: int, tokens: list[Token], verb: int) -> list:
    """Who does what a verb says when no name stands right before it as its subject:
    the names an entry opens with before a dash ("X ry (XRY) – kehittää …"), or the
    organisation whose unit is the subject ("KHSHP:n lasten- ja nuorisopsykiatria
    rakentaa …")."""
    from graph_builder.model import ORG_KINDS

    if verb == 0:
        return []
    text = ctx.document.text
    begin = ctx.sentences[s].start
    orgs = sorted(ctx.mentions(s, *ORG_KINDS), key=lambda r: r.start)
    if not orgs or orgs[0].start != begin or orgs[0].start >= tokens[verb].start:
        return []
    if tokens[verb - 1].text in ("–", "—"):
        dash = tokens[verb - 1].start
        run = [r for r in orgs if r.end <= dash]
        rest = text[begin:dash]
        for r in reversed(run):
            rest = rest[:r.start - begin] + rest[r.end - begin:]
        if not re.fullmatch(r"[\s(),]*(ja[\s(),]*)?", rest):
            return []
        return list({r.key: r for r in run}.values())
    first = orgs[0]
    after = [t for t in tokens if first.end <= t.start < tokens[verb].start]
    owner_word = next((t for t in tokens if t.start < first.end <= t.end), None)
    genitive = owner_word is not None and (owner_word.text.endswith(":n") or
                                           owner_word.case == "omanto")
    if genitive and 0 < len(after) <= 4 and all(
            t.text[:1].islower() and t.pos != "teonsana" for t in after):
        return [first]
    return []


def _partners(ctx: DocContext, project: str, known: dict[str, set[str]]) -> set[str]:
    """The organisations the document gives a role in the project (read once)."""
    if project not in known:
        from graph_builder.relations import roles

        known[project] = {f.obj for sent in ctx.sentences for f in roles(ctx, sent.index)
                          if f.subject == project and isinstance(f.obj, str)}
    return known[project]


def _object_after(tokens: list[Token], verb: int,
                  places: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The partitive object after an active verb, past a few adverbials ("hankkeessa",
    "yhdessä hankkeen kanssa"): its genitive attributes and its head; adjectives in the
    partitive before them ("kokeiltavaa") describe, and are left out."""
    k, n = verb + 1, len(tokens)
    while k < n and k <= verb + 10:
        tok = tokens[k]
        if _place_word(tok, places) or tok.text == "," and k + 1 < n and \
                _place_word(tokens[k + 1], places):
            k += 1   # "järjestänyt Mustasaaressa ja Vaasassa vertaisryhmiä": where
            continue
        if tok.text in PUNCT_STOP or tok.pos == "teonsana" or tok.text[:1].isupper():
            return None
        if tok.case == "osanto" and tok.pos in ("laatusana", "nimisana_laatusana"):
            k += 1
            continue
        if tok.case in ("omanto", "osanto") and tok.pos in ("nimisana", "nimisana_laatusana",
                                                            "laatusana") \
                and not tok.text.lower().startswith(("hankkee", "projekti")):
            break
        k += 1
    start = k
    while k < n and tokens[k].case == "omanto" and tokens[k].text[:1].islower():
        k += 1
    if k >= n or k - start > 3 or tokens[k].case != "osanto":
        return None
    # an adjective that stands for people ("perhekahviloiden vapaaehtoisia") ends the clause
    nominal = k > start and tokens[k].pos in ("laatusana", "nimisana_laatusana") and \
        (k + 1 >= n or tokens[k + 1].text in PUNCT_STOP)
    if not (_is_object_head(tokens[k]) or nominal):
        return None
    return start, k + 1


def _place_word(tok: Token, places: frozenset[int]) -> bool:
    """A capitalised word in a case of place ("Mustasaaressa", "Laihialle"), or a place
    the analyser does not know ("Isokyröön": ``places`` holds where place names start)."""
    return tok.text[:1].isupper() and (tok.start in places or tok.case in (
        "sisaolento", "ulkoolento", "sisatulento", "ulkotulento"))


PUNCT_STOP = {",", ".", ";", ":", "(", ")", "–", "—"}


#: Heads of model-like measures: "konsultaatiomalli", "perhevalmennuksen pilotti".
MODEL_HEADS = ("malli", "pilotti", "kokeilu")
#: A model is a measure where the text says it was made, tried, goes on, or is what money
#: goes to ("Rahoitus kohdistuu … yhteiseen konsultaatiomalliin").
_MODEL_VERBS = re.compile(
    r"\b(kehitettiin|kehitetään|kehitetty|kehitimme|kehitti|kehittivät|kehittää|kehittävät|"
    r"jatkuu|jatkuvat|jatkui|jatkuivat|vakiintui|vakiintuivat|vakiintunut|vakiintuneet|"
    r"vakinaistettiin|vakinaistetaan|vakinaistettu|käyttöön|syntyi|syntyivät|laadittiin|"
    r"laaditaan|laadittu|kokeiltiin|kokeillaan|kokeiltu|kokeilimme|pilotoitiin|pilotoidaan|"
    r"pilotoitu|pilotoimme|rakennettiin|rakennetaan|rakentavat|rakensi|siirtyy|siirtyvät|"
    r"siirtyi|jää|jäi|jäävät|juurrutettiin|juurrutetaan|päättyi|kohdistuu|kohdistui|"
    r"kohdistetaan|kohdistettiin)\b", re.I)
_GENERIC_MODELS = {"malli", "pilotti", "kokeilu", "toimintamalli", "pilotointi"}


def model_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """"Kouluille laadittiin yhteinen hyvinvointisuunnitelman malli", "Konsultaatiomalli
    vakiintui": a model, pilot or trial that a text says was made or continues is a
    measure of the project the sentence speaks of."""
    from graph_builder.relations import sentence_project

    found: list[MeasureFound] = []
    facts: list[Fact] = []
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM) or \
                not _MODEL_VERBS.search(sent.text):
            continue
        tokens = [_as_noun(t) for t in ctx.tokens.get(sent.index, [])]
        owner = None
        for i, tok in enumerate(tokens):
            word = (_lowered(tok) or tok) if i == 0 and tok.text[:1].isupper() else tok
            lemma = word.lemma.lower()
            if word.pos != "nimisana" or not word.text[:1].islower() or \
                    not lemma.endswith(MODEL_HEADS) or word.text.endswith("-") or \
                    i > 0 and tokens[i - 1].text == "-":
                continue   # "Eron ensiapu -ryhmämalli" is a named method (methods.py)
            start = i
            attributes: list[Token] = []
            while start - 1 >= 0:
                prev = tokens[start - 1]
                if start - 1 == 0 and prev.text[:1].isupper():
                    prev = _lowered(prev) or prev   # "Perheneuvolan konsultaatiomalli …"
                if prev.case != "omanto" or not prev.text[:1].islower() or \
                        prev.pos not in ("nimisana", "nimisana_laatusana"):
                    break
                attributes.insert(0, prev)
                start -= 1
            words = [t.text for t in attributes] + [lemma]
            if start == i and lemma in _GENERIC_MODELS or start > 0 and \
                    tokens[start - 1].text == "-":
                continue   # "… -ryhmämallin kokeilu": the named method's, in methods.py
            owner = owner or sentence_project(ctx, sent.index)
            if owner is None:
                break
            label = " ".join(words)
            label = label[:1].upper() + label[1:]
            key = measure_key(label, owner)
            found.append(MeasureFound(key, label, "action", sent.index, "measure.model-noun"))
            facts.append(Fact(key, "measureOf", owner, "measure.model-noun", sent.index, 0.7))
            facts.extend(item_relations(ctx, key, [sent.index], clause_of(tokens, start, i)))
    return found, facts


def part_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """A part of a programme named by a quoted title after a noun that says it is a part
    ("Muutosohjelman osakokonaisuudesta ”Varhaiskasvatus, koulu ja oppilaitos
    hyvinvointiyhteisönä” vastaa OKM yhdessä STM:n kanssa"): a measure of the programme
    or project the sentence or document speaks of, with who answers for it and with."""
    found: list[MeasureFound] = []
    facts: list[Fact] = []
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            continue
        for quoted in QUOTED_TITLE.finditer(sent.text):
            if not PART_OF_PROGRAMME_NOUNS.search(sent.text[:quoted.start()]):
                continue
            label = quoted.group(1).strip().rstrip(".,")
            if not label[:1].isupper() or len(label.split()) > 12:
                continue
            owner = _owner(ctx, [sent.index])
            key = measure_key(label, owner)
            found.append(MeasureFound(key, label, "development-area", sent.index,
                                      "measure.quoted-part"))
            if owner:
                facts.append(Fact(key, "measureOf", owner, "measure.quoted-part", sent.index,
                                  0.75))
            tokens = ctx.tokens.get(sent.index, [])
            end = sent.start + quoted.end()
            inside = [k for k, t in enumerate(tokens) if sent.start + quoted.start() <= t.start
                      < end]
            if inside:
                lo, hi = clause_of(tokens, inside[0], inside[-1])
                facts.extend(span_organisation_facts(ctx, key, sent.index, lo, hi, "measure"))
    return found, facts


def measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact], dict[str, str]]:
    """Every measure of a document with its facts, and the organisations other rules
    read from a content area's words, each with the measure it is (see areas)."""
    a, fa, listed = list_measures(ctx)
    s, fs = section_measures(ctx)
    r, fr, titled = run_in_measures(ctx)
    titled = {**listed, **titled}
    a, fa = a + s + r, fa + fs + fr
    b, fb = plan_measures(ctx)
    q, fq = part_measures(ctx)
    b, fb = b + q, fb + fq
    c, fc = action_measures(ctx)
    d, fd = provider_measures(ctx)
    e, fe = model_measures(ctx)
    n, fn = service_measures(ctx)
    t, ft = table_measures(ctx, a + b + n)
    m, fm = method_measures(ctx, a + b + n + t)
    named, named_facts = a + b + n + t + m, fa + fb + fn + ft + fm
    found, facts = _join_prose_measures(named, named_facts, c + d + e, fc + fd + fe)
    areas = all_mentions(ctx)   # read by both stages below, found once
    found, facts, absorbed = area_measures(ctx, found, facts + anaphor_relations(ctx, found),
                                           areas)
    found, facts, same = _join_section_measures(ctx, found, facts)
    absorbed = {k: same.get(v, v) for k, v in {**titled, **absorbed}.items()}
    return found, facts + measure_value_facts(ctx, found, areas), absorbed


def _section_body(ctx: DocContext, heading_sentence: int) -> set[int]:
    """The sentences under a section's heading, up to the next heading."""
    out: set[int] = set()
    for b in range(ctx.sentences[heading_sentence].block + 1, len(ctx.blocks)):
        if ctx.blocks[b].kind is BlockKind.HEADING:
            break
        out.update(s.index for s in ctx.sentences_in_block(b))
    return out


def _join_section_measures(ctx: DocContext, found: list[MeasureFound], facts: list[Fact]
                           ) -> tuple[list[MeasureFound], list[Fact], dict[str, str]]:
    """A section written as a measure's heading and a paragraph is about that measure:
    when its paragraph names one measure of the same owner, by a name of its own
    ("Eroauttaminen" / "Eroperheiden tukimallia kehitetään …"; "Toimintakulttuurin
    muutos" / "Lapsivaikutusten arviointi (LAVA) otetaan osaksi päätöksentekoa"), that
    is the section's measure by another name: one node with both names, not two. A
    paragraph that names several measures names the section's parts: they stay."""
    owner_of = {f.subject: f.obj for f in facts if f.predicate == "measureOf"}
    same: dict[str, str] = {}
    for sec in found:
        if not sec.rule.startswith("measure.section.") or sec.key in same:
            continue
        body = _section_body(ctx, sec.sentence)
        inside = {m.key for m in found if m.sentence in body and m.key != sec.key and
                  owner_of.get(m.key) == owner_of.get(sec.key) and
                  not m.rule.startswith("measure.section.")}
        if len(inside) == 1:
            same[inside.pop()] = sec.key
    if not same:
        return found, facts, same
    joined = [replace(m, key=same.get(m.key, m.key)) for m in found]
    facts = [Fact(same.get(f.subject, f.subject), f.predicate,
                  same.get(f.obj, f.obj) if isinstance(f.obj, str) else f.obj,
                  f.rule, f.sentence, f.confidence, f.extra) for f in facts]
    return joined, facts, same


#: Words that may open a sentence before a noun that refers back: "Tämä tiimi …".
_REFERRING = {"tämä", "tämän", "tätä", "tässä", "nämä", "näiden", "näitä", "kyseinen", "uusi"}


def anaphor_relations(ctx: DocContext, found: list[MeasureFound]) -> list[Fact]:
    """"… hanke on kehittänyt lastenpsykiatrisen konsultaatiotiimin. Tiimi on toiminut
    kokeiluna syyskuusta 2018 lähtien Isokyrössä, Vöyrillä ja Maalahdessa.": a sentence
    that opens with the last part of a measure's name, named in one of the two sentences
    before it in the same paragraph, speaks of that measure: its places, partners and
    times are the measure's."""
    out: list[Fact] = []
    for sent in ctx.sentences:
        s = sent.index
        if ctx.blocks[sent.block].kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            continue
        tokens = ctx.tokens.get(s, [])
        k = 1 if len(tokens) > 1 and tokens[0].text.lower() in _REFERRING else 0
        if k >= len(tokens) or not tokens[k].text[:1].isalpha():
            continue
        word = (_lowered(tokens[k]) or tokens[k]) if tokens[k].text[:1].isupper() else tokens[k]
        noun = word.lemma.lower()
        if word.pos != "nimisana" or len(noun) < 4:
            continue
        for back in (s - 1, s - 2):
            if back < 0 or ctx.sentences[back].block != sent.block:
                break
            keys = {m.key for m in found if m.sentence == back and
                    m.label.lower().split()[-1].endswith(noun)}
            if len(keys) == 1:
                out.extend(item_relations(ctx, keys.pop(), [s]))
                break
            if keys:
                break
    return out


def _join_prose_measures(named: list[MeasureFound], named_facts: list[Fact],
                         prose: list[MeasureFound],
                         prose_facts: list[Fact]) -> tuple[list[MeasureFound], list[Fact]]:
    """A measure read from running text is the same as one a list or an earlier sentence
    named when its most telling word is a form of a word of that name, within one owner:
    "rakennettiin perhekeskusverkosto" and the item "Perhekeskusverkosto jatkuu …"."""
    owner_of = {f.subject: f.obj for f in named_facts + prose_facts if f.predicate == "measureOf"}
    kept = list(named)
    same: dict[str, str] = {}
    for m in prose:
        word = max(m.label.lower().split(), key=len)
        match = next((k for k in kept if owner_of.get(k.key) == owner_of.get(m.key) and
                      any(_same_word(word, w) for w in k.label.lower().split())), None)
        if match is None:
            kept.append(m)
        elif match.key != m.key:
            same[m.key] = match.key
    facts = [Fact(same.get(f.subject, f.subject), f.predicate,
                  same.get(f.obj, f.obj) if isinstance(f.obj, str) else f.obj,
                  f.rule, f.sentence, f.confidence, f.extra) for f in named_facts + prose_facts]
    return kept, facts


def _same_word(a: str, b: str) -> bool:
    """Forms of one word: a shared beginning all but a case ending long ("valmennusmalli",
    "valmennusmallin"); short words never match."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(7, max(len(a), len(b)) - 3)


#: Heads of services a project builds and names after a place: "Keski-Karjalan perhekeskus".
SERVICE_HEADS = ("perhekeskus", "kohtaamispaikka")
#: Words that say the project builds, opens or develops the service.
_BUILDS = re.compile(r"\b(rakenn|rakent|avat|avaa|avautu|perust|käynnist|kehit|pilotoi)\w*",
                     re.I)
#: Verbs that say where a service opens or runs: "Kiteellä perhekeskus toimii …".
_RUNS = re.compile(r"\b(avataan|avattiin|avautuu|avautui|avautuvat|toimii|toimivat|"
                   r"aloittaa|aloitti|aloittavat|käynnistyy|käynnistyi)\b", re.I)
_ANSWERS = re.compile(r"\b(vastaa|vastaavat|vastasi|vastasivat)\b", re.I)
_COORDINATES = re.compile(r"\b(koordinoi|koordinoivat|johtaa|vetää|luotsaa)\b", re.I)
_PLACE_CASES = ("sisaolento", "ulkoolento")


def _service_head(tok: Token) -> str | None:
    low = tok.lemma.lower()
    if not tok.text[:1].islower():
        return None
    return next((h for h in SERVICE_HEADS if low.endswith(h)), None)


def service_measures(ctx: DocContext) -> tuple[list[MeasureFound], list[Fact]]:
    """"Keski-Karjalan perhekeskus on ensimmäinen X-hankkeessa rakennetuista
    perhekeskuksista": a service named after a place, in a sentence that says it is
    built, opened or developed, is a measure of the project the sentence speaks of.

    When the text names one such service with a head, the head alone in later
    sentences is that service: "Kiteellä perhekeskus toimii …" is where it runs,
    "Perhekeskuksen palveluista vastaa X" who answers for it, "X koordinoi
    perhekeskusten rakentamista" who coordinates it."""
    from graph_builder.relations import sentence_project

    found: list[MeasureFound] = []
    facts: list[Fact] = []
    by_head: dict[str, list[str]] = {}
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM) or \
                not _BUILDS.search(sent.text):
            continue
        tokens = ctx.tokens.get(sent.index, [])
        for i, tok in enumerate(tokens):
            head = _service_head(tok)
            if head is None or i == 0 or tok.case != "nimento":
                continue
            start = i
            while start - 1 >= 0 and tokens[start - 1].case == "omanto" and \
                    tokens[start - 1].text[:1].isupper() and \
                    tokens[start - 1].pos in ("paikannimi", "nimisana", ""):
                start -= 1
            if start == i or start > 0 and tokens[start - 1].text[:1].isupper() and \
                    tokens[start - 1].text not in PUNCT_STOP:
                continue   # no place before it, or a longer name it is part of
            owner = sentence_project(ctx, sent.index)
            if owner is None:
                continue
            label = " ".join([t.text for t in tokens[start:i]] + [head])
            key = measure_key(label, owner)
            found.append(MeasureFound(key, label, "action", sent.index, "measure.named-service"))
            facts.append(Fact(key, "measureOf", owner, "measure.named-service", sent.index, 0.75))
            if key not in by_head.setdefault(head, []):
                by_head[head].append(key)
    for head, keys in by_head.items():
        if len(keys) != 1:
            continue   # two named services with one head: a bare head names neither
        facts.extend(_service_relations(ctx, head, keys[0]))
    return found, facts


def _service_relations(ctx: DocContext, head: str, key: str) -> list[Fact]:
    out: list[Fact] = []
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            continue
        tokens = ctx.tokens.get(sent.index, [])
        at = [t for n, t in enumerate(tokens)
              if ((_lowered(t) or t) if n == 0 and t.text[:1].isupper() else t).lemma.lower()
              .endswith(head)]
        if not at:
            continue
        text = sent.text
        if _RUNS.search(text):
            for r in ctx.mentions(sent.index, Kind.MUNICIPALITY):
                case = case_at(tokens, r)
                if case in _PLACE_CASES:
                    out.append(Fact(key, "targets", r.key, "measure.service-place",
                                    sent.index, 0.7))
        verb = _ANSWERS.search(text)
        if verb:
            base = ctx.sentences[sent.index].start
            for r in ctx.mentions(sent.index, Kind.ORGANISATION):
                if r.start >= base + verb.end():   # "… palveluista vastaa X"
                    out.append(Fact(r.key, "responsibleFor", key, "measure.service-responsible",
                                    sent.index, 0.75))
                    break
        verb = _COORDINATES.search(text)
        if verb:
            base = ctx.sentences[sent.index].start
            people = [r for r in ctx.mentions(sent.index, Kind.PERSON)
                      if r.end <= base + verb.start()]
            if len(people) == 1 and any(t.start > base + verb.start() for t in at):
                out.append(Fact(people[0].key, "responsibleFor", key,
                                "measure.service-coordinator", sent.index, 0.7))
    return out
