"""One node per real entity: aliases, abbreviations, inflected and generic references.

Within a document, mentions join when the text says they are the same
("Lasten ja perheiden palveluiden muutosohjelma (LAPE)", "… eli LAPE",
"…, tuttavallisemmin Etelä-Pohjanmaan LAPE-hanke"), when one is an
abbreviation compound of another ("LAPE-muutosohjelma" is LAPE), when a
coordinated name contains another ("sote- ja maakuntauudistus" contains
"sote-uudistus"), and when a later word is an inflected form of a stated
abbreviation ("Eksoten" of "Eksote"). Generic references ("hanke",
"Maakunnallinen LAPE-hanke") resolve to the document's main project.
Across documents, entities join when they share any alias key.

Keys are strings such as ``region:14``, ``org:stm``, ``programme:lape`` or
``project:<loose name>``; IRIs are made from keys, so they are stable
between builds of the same sources.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph_builder.gazetteer import Gazetteer, loose_key, without_legal_form
from graph_builder.lexicon import ALIAS_CUES, PROGRAMME_HEADS, PROJECT_HEADS
from graph_builder.model import (
    PART_RULES,
    PROJECT_NAME_RULE,
    SHORT_NAME_RULE,
    STEERING_HEADING_RULE,
    TABLE_PROJECT_RULE,
    Kind,
    Mention,
    Token,
)
from graph_builder.morphology import content_signature, is_acronym, known_stem
from graph_builder.slug import slugify

_ACRONYM_COMPOUND = re.compile(r"^([A-ZÄÖÅ][A-ZÄÖÅ0-9]{1,9})-(\w+)$")
_COORDINATED = re.compile(r"^(?P<a>\w+)- (?:ja|sekä|tai) (?P<b>\w+)$", re.I)
#: Kinds that may be linked by a stated alias.
_ALIASABLE = {Kind.PROGRAMME, Kind.PROJECT, Kind.ORGANISATION, Kind.MUNICIPALITY}


@dataclass
class Entity:
    """An entity of one document (or of the corpus, after :func:`merge`)."""

    key: str
    kind: Kind
    names: Counter = field(default_factory=Counter)   # name -> how often
    abbreviations: set[str] = field(default_factory=set)
    code: str | None = None
    generic: bool = False
    label: str = ""

    def add_name(self, name: str) -> None:
        self.names[name] += 1


class UnionFind:
    """Disjoint sets of keys; the representative is the smallest key, for stability."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def acronym_of(name: str) -> str | None:
    """"LAPE-muutosohjelma" -> "LAPE"; "LAPE-hanke" -> "LAPE"."""
    match = _ACRONYM_COMPOUND.match(name)
    return match.group(1) if match else None


def coordinated_parts(name: str, heads: tuple[str, ...]) -> list[str]:
    """"sote- ja maakuntauudistus" -> ["sote-uudistus", "maakuntauudistus"]."""
    match = _COORDINATED.match(name)
    if not match:
        return []
    b = match.group("b")
    for head in heads:
        if b.lower().endswith(head) and len(b) > len(head):
            return [f"{match.group('a')}-{b[-len(head):]}", b]
    return []


def base_key(mention: Mention, gaz: Gazetteer) -> str:
    """The key a mention gets before aliases are joined."""
    if mention.kind is Kind.REGION:
        return f"region:{mention.code}"
    if mention.kind is Kind.MUNICIPALITY and mention.code:
        return f"municipality:{mention.code}"
    if mention.kind is Kind.ORGANISATION:
        body = gaz.body(mention.name)
        if body is not None:
            return f"org:{body.key}"
    if mention.kind is Kind.PROGRAMME:
        acronym = acronym_of(mention.name)
        if acronym and mention.name.split("-", 1)[1].lower().endswith(PROGRAMME_HEADS):
            return f"programme:{acronym.lower()}"
    prefix = {Kind.ORGANISATION: "org", Kind.PROGRAMME: "programme", Kind.PROJECT: "project",
              Kind.PERSON: "person", Kind.MEASURE: "measure",
              Kind.MUNICIPALITY: "municipality"}[mention.kind]
    return f"{prefix}:{slugify(mention.name)}"


def name_key(prefix: str, name: str) -> str:
    """A joining key (never an entity's own key: it sorts after every slug).

    For projects a closing "-hanke" does not count: "Pohjois-Savon LAPE" and
    "Pohjois-Savon LAPE-hanke" are one name."""
    key = loose_key(name)
    if prefix == "project":
        key = re.sub(r"(hanke|projekti)$", "", key) or key
    if prefix == "org":
        key = re.sub(r"(oy|oyj|ry|ab|abp|sr|ky)$", "", key) or key
    return f"{prefix}:~{key}"


def is_generic_project(name: str, programme_acronyms: set[str]) -> bool:
    """"LAPE-hanke", "Maakunnallinen LAPE-hanke", "hanke": no name of its own."""
    words = [w for w in re.split(r"\s+", name) if w]
    specific = []
    for word in words:
        acronym = acronym_of(word)
        if acronym and (acronym in programme_acronyms or word.lower().endswith(PROJECT_HEADS)):
            continue
        if word[:1].islower() or word.lower() in ("maakunnallinen", "alueellinen", "kansallinen"):
            continue
        specific.append(word)
    return not specific


@dataclass
class Resolution:
    """The result of resolving one document: mention keys and entities."""

    keys: dict[int, str]            # mention index -> entity key
    entities: dict[str, Entity]
    mentions: list[Mention]
    main_project: str | None
    main_region: str | None


#: A list of abbreviations and what they stand for: "- **TaY** – Tampereen yliopisto".
_DEFINED_AS = re.compile(r"^\s*(?:[-*•]\s+)?\**([A-ZÄÖÅ][\wÄÖÅäöå]{1,15})\**\s+[–—-]\s+$")


def _stated_aliases(mentions: list[Mention], tokens: list[Token],
                    text: str) -> list[tuple[int, int | str]]:
    """Pairs (mention, other mention index or abbreviation string) the text states are one."""
    pairs: list[tuple[int, int | str]] = []
    by_start = {m.start: i for i, m in enumerate(mentions)}
    token_at = {t.start: k for k, t in enumerate(tokens)}
    others = _bracketed_others(mentions, text)
    for i, m in enumerate(mentions):
        if m.kind not in _ALIASABLE:
            continue
        after = text[m.end:m.end + 120]
        paren = re.match(r"\s*\(([^()]{1,40})\)", after)
        if paren:
            inner = paren.group(1).strip()
            words = inner.split()
            at = m.end + paren.start(1) + len(paren.group(1)) - len(paren.group(1).lstrip())
            if m.kind is Kind.PROJECT and (inner in others or (
                    at in by_start and mentions[by_start[at]].kind is not m.kind)):
                words = []  # "Digitupa (Lamk)", "Kasvun polku (Kainuu)": who, where
            if words and len(words) <= 3 and not re.search(r"\d", inner) and \
                    (any(is_acronym(w) for w in words) or
                     (words[0][:1].isupper() and len(words) <= 2 and len(inner) <= 15)):
                pairs.append((i, inner))
            after_paren = after[paren.end():]
        else:
            after_paren = after
        cue = re.match(r"\s*,?\s*(" + "|".join(sorted(ALIAS_CUES, key=len, reverse=True))
                       + r")\s+", after_paren, re.I)
        if cue:
            target = m.end + (len(after) - len(after_paren)) + cue.end()
            j = by_start.get(target)
            if j is not None and mentions[j].kind in (m.kind, Kind.ORGANISATION, Kind.PROJECT):
                pairs.append((i, j))
            else:
                k = token_at.get(target)
                if k is not None and is_acronym(tokens[k].lemma):
                    pairs.append((i, tokens[k].lemma))
                elif k is not None:
                    name = _capitalised_run(tokens, k)
                    if name:
                        pairs.append((i, name))
        line_start = text.rfind("\n", 0, m.start) + 1
        defined = _DEFINED_AS.match(text[line_start:m.start])
        if defined and m.kind is Kind.ORGANISATION:
            pairs.append((i, defined.group(1)))   # "- **TaY** – Tampereen yliopisto, …"
        if m.kind is Kind.PROJECT:
            pairs.extend((i, name) for name in _appositions(m, text))
            j = _copula_name(i, mentions, by_start, text)
            if j is not None:
                pairs.append((i, j))
    return pairs


def _join_copula_aliases(mentions: list[Mention], keys: list[str], first_extra: int,
                         text: str, uf: UnionFind) -> None:
    """"Lumo on Pohjois-Pohjanmaan LAPE-hanke": the copula joins a project's bare name,
    found only once its full name was known, as it joins any two names."""
    by_start = {m.start: i for i, m in enumerate(mentions)}
    for i in range(first_extra, len(mentions)):
        if mentions[i].kind is Kind.PROJECT:
            j = _copula_name(i, mentions, by_start, text)
            if j is not None:
                uf.union(keys[i], keys[j])


def _bracketed_others(mentions: list[Mention], text: str) -> set[str]:
    """Short names the text states in brackets for what is not a project ("Oulun
    ammattikorkeakoulu (Oamk)"): the same short name in brackets after a project
    names who carries it out, not another name of the project."""
    out = set()
    for m in mentions:
        if m.kind is not Kind.PROJECT:
            paren = re.match(r"\s*\(([^()]{1,40})\)", text[m.end:m.end + 60])
            if paren:
                out.add(paren.group(1).strip())
    return out


_COPULA = re.compile(r"\s+(?:on|oli)\s+(?:[a-zäöå]+\s+){0,2}")


def _copula_name(i: int, mentions: list[Mention], by_start: dict[int, int],
                 text: str) -> int | None:
    """"Kompassi on Kanta-Hämeen LAPE-hanke": a project named at the start of a
    sentence and again, in the nominative, right after "on" is one project (a
    partitive "on osa X-hanketta" or a genitive "X:n osahanke" is not)."""
    m = mentions[i]
    opening = text[max(0, m.start - 3):m.start]
    if m.start > 0 and not re.search(r"(^|[.!?\n]\s*|^\s*)$", opening):
        return None
    cop = _COPULA.match(text, m.end)
    if cop is None:
        return None
    j = by_start.get(cop.end())
    if j is None or mentions[j].kind is not Kind.PROJECT or mentions[j].sentence != m.sentence:
        return None
    other = mentions[j]
    last = other.surface.split()[-1].lower()
    nominative = other.surface == other.name or last.endswith(("hanke", "projekti"))
    return j if nominative else None


_DASH_BEFORE = re.compile(r"([A-ZÄÖÅ][\w-]*(?: [\w-]+){0,3}) [–—-] $")
_DASH_AFTER = re.compile(r"^ [–—-] ([A-ZÄÖÅ][\w-]*(?: [\w-]+){0,3})\s*$")
_NAME_AFTER = re.compile(r"^ ([A-ZÄÖÅ][\w-]*(?: [a-zäöå][\w-]*){0,3})(?=,| joka\b| jonka\b)")


def _appositions(m: Mention, text: str) -> list[str]:
    """Names set beside a project's: "Kompassi – Kanta-Hämeen LAPE-hanke" (a title),
    "… LAPE-hanketta Tuki ajoissa, joka …"."""
    line_start = max(text.rfind("\n", 0, m.start) + 1, m.start - 200)
    line_end = text.find("\n", m.end, m.end + 200)
    line_end = min(len(text), m.end + 200) if line_end < 0 else line_end
    found = []
    before = _DASH_BEFORE.search(text[line_start:m.start])
    if before and before.start() == 0 and not _has_finite_verb(text[m.end:line_end]):
        found.append(before.group(1))
    after = _DASH_AFTER.match(text[m.end:line_end])
    if after:
        found.append(after.group(1))
    named = _NAME_AFTER.match(text[m.end:line_end])
    if named and acronym_of(m.name.split()[-1]):
        found.append(named.group(1))
    return found


def _has_finite_verb(text: str) -> bool:
    """Does the text hold a word that can only be a finite verb ("esiteltiin")? Then a
    line "Perhekeskukset juurtuvat – LAPE-hankkeen tuloksia esiteltiin" is a headline
    of two clauses, and what stands before its dash is no name of the project."""
    from graph_builder.morphology import analyser

    for word in re.findall(r"\b[a-zäöå]{3,}\b", text):
        readings = analyser().analyse(word)
        if readings and all(cls == "teonsana" and not case for _, cls, case in readings):
            return True
    return False


def _join_stated_acronyms(abbreviations: dict[str, str], uf: UnionFind) -> None:
    """"X-hanke (YLKA)" … "YLKA oli …": a mention that is the stated acronym itself is
    the named project or organisation, even when another rule found it first (the
    abbreviation rule only reads words no mention covers). Joining documents does
    this by shared names; one document must too, or its main project is split."""
    for abbr, key in abbreviations.items():
        prefix = key.split(":", 1)[0]
        if prefix in ("project", "org") and is_acronym(abbr):
            uf.union(key, name_key(prefix, abbr))


_DASH_BETWEEN = re.compile(r"^\s+[–—-]\s+$")


def _join_card_names(mentions: list[Mention], keys: list[str], text: str,
                     uf: UnionFind, gaz: Gazetteer) -> None:
    """A card's project name is one project with the longer name after its dash
    ("Hankkeen nimi: Pohjoisen perheet – Lapin … muutoshanke") and with its short-name
    field ("Lyhenne: PoPe"), whichever the finders read first."""
    names = [i for i, m in enumerate(mentions) if m.rule == PROJECT_NAME_RULE]
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.kind is Kind.PROJECT:
            by_sentence.setdefault(m.sentence, []).append(i)
    for projects in by_sentence.values():
        for i in projects:
            for j in projects:
                # in prose too: "Hankkeen nimi on Perheet keskiöön – Kymenlaakson … muutoshanke"
                if _DASH_BETWEEN.match(text[mentions[i].end:mentions[j].start]) and (
                        mentions[i].rule == PROJECT_NAME_RULE or
                        _name_region(mentions[j].name, gaz) is not None):
                    uf.union(keys[i], keys[j])
    for j, m in enumerate(mentions):
        if m.rule == SHORT_NAME_RULE:
            before = [i for i in names if mentions[i].start < m.start]
            if before:
                uf.union(keys[before[-1]], keys[j])


def _join_name_suffixes(mentions: list[Mention], keys: list[str], uf: UnionFind) -> None:
    """"Perheentupa ry" is "Etelä-Karjalan Perheentupa ry" when one document names both."""
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.kind is Kind.ORGANISATION:
            first.setdefault(m.name, i)
    names = [(i, name.split()) for name, i in first.items()]
    for i, short in names:
        if len(short) < 2:
            continue
        for j, long in names:
            if len(long) > len(short) and long[-len(short):] == short:
                uf.union(keys[i], keys[j])


def _capitalised_run(tokens: list[Token], k: int) -> str | None:
    """"Pohjois-Savon LAPE on …" -> "Pohjois-Savon LAPE": capitalised words after an alias cue."""
    words = []
    while k < len(tokens) and (tokens[k].text[:1].isupper() or is_acronym(tokens[k].text)) \
            and len(words) < 6:
        words.append(tokens[k])
        k += 1
    if not words:
        return None
    text = words[0].text
    for prev, tok in zip(words, words[1:], strict=False):
        text += (" " if tok.start > prev.end else "") + tok.text
    return text


def _inflected_alias(word: str, aliases: dict[str, str]) -> str | None:
    """"Eksoten" -> key of "Eksote" when "Eksote" is a known alias."""
    stem = known_stem(word, aliases)
    return aliases[stem] if stem is not None else None


def _repeated_names(mentions: list[Mention], tokens_by_sentence: dict[int, list[Token]],
                    text: str) -> list[Mention]:
    """A project named with its head word once ("Perhe keskiöön -hanke") and later
    bare ("Perhe keskiöön on Kymenlaakson LAPE-hanke"): the bare name, written
    exactly so, is a mention of it. Names of two words or more only (one word is
    left to the inflected-alias step); never inside another mention."""
    names = {m.name for m in mentions if m.kind is Kind.PROJECT and " " in m.name
             and len(m.name) >= 8 and (m.surface != m.name or m.rule == TABLE_PROJECT_RULE)
             and m.name[:1].isupper()}
    if not names:
        return []
    # places inside a name stay mentions of their own ("Perhekeskus Tampereen seudulle")
    taken = [(m.start, m.end) for m in mentions
             if m.kind not in (Kind.MUNICIPALITY, Kind.REGION) or m.rule.startswith("org.")]
    starts = {t.start: s for s, toks in tokens_by_sentence.items() for t in toks}
    ends = {t.end for toks in tokens_by_sentence.values() for t in toks}
    out = []
    for name in sorted(names):
        for hit in re.finditer(re.escape(name), text):
            a, b = hit.span()
            if a not in starts or b not in ends or any(x < b and a < y for x, y in taken):
                continue
            tail = text[b:b + 2]
            if tail[:1] == "-" or tail.startswith(" -") or tail.startswith(" –"):
                continue   # "Perhe keskiöön -hanke" itself, found already
            out.append(Mention(Kind.PROJECT, a, b, name, name, "alias.repeated-name",
                               starts[a], confidence=0.85))
            taken.append((a, b))
    return out


def abbreviates(abbr: str, words: list[str]) -> bool:
    """Is ``abbr`` ("MLL") made of the letters of ``words`` ("Mannerheimin
    Lastensuojeluliiton"): every word's first letter, in order, and the rest of its
    letters from within the words (a compound's later parts)?"""
    abbr = abbr.lower()
    words = [w.lower() for w in words]

    def match(a: int, w: int, c: int) -> bool:
        if a == len(abbr):
            return w == len(words) - 1 and c > 0 or w == len(words)
        if w == len(words):
            return False
        word = words[w]
        if c == 0:   # a word's first letter must be used
            return word[:1] == abbr[a] and match(a + 1, w, 1)
        nxt = word.find(abbr[a], c)
        return (nxt > 0 and match(a + 1, w, nxt + 1)) or match(a, w + 1, 0)

    return len(abbr) >= 2 and len(words) >= 1 and match(0, 0, 0)


def _join_abbreviated_heads(mentions: list[Mention], keys: list[str], uf: UnionFind) -> None:
    """"MLL:n Itä-Suomen piiri" is "Mannerheimin Lastensuojeluliiton Itä-Suomen piiri"
    when one document names both: the same ending after an acronym of the first words."""
    names = {without_legal_form(m.name): i for i, m in enumerate(mentions)
             if m.kind is Kind.ORGANISATION}
    for short, i in names.items():
        words = short.split()
        first = re.sub(r":\w+$", "", words[0])
        if len(words) < 2 or not is_acronym(first):
            continue
        tail = words[1:]
        for long, j in names.items():
            lw = long.split()
            if len(lw) > len(tail) and lw[-len(tail):] == tail and \
                    abbreviates(first, lw[:-len(tail)]):
                uf.union(keys[i], keys[j])


_GLUED_PROJECT = re.compile(r"^([A-ZÄÖÅ][a-zäöå]{3,})-(hanke|projekti)$")


def _bare_project_name(name: str, gaz: Gazetteer) -> str | None:
    """The name of a project written glued to its head ("Lumo-hanke"), which texts also
    use alone ("Lumo päättyy 31.12.2018", "Kaksi vuotta Lumoa"): one capitalised word
    that is no abbreviation and no place ("Kainuu-hanke" names its region)."""
    m = _GLUED_PROJECT.match(name)
    if m is None or gaz.region(m.group(1)) or gaz.municipality(m.group(1)):
        return None
    return m.group(1)


def _in_address(text: str, tok: Token) -> bool:
    """Is the word part of an e-mail or web address ("anu.virta@espoo.fi")? Then it
    names no one, though it spells a name."""
    before = text[tok.start - 1:tok.start] if tok.start else ""
    after = text[tok.end:tok.end + 2]
    return before in ("@", ".", "/") or after[:1] == "@" or (
        after[:1] == "." and after[1:2].isalnum())


def resolve_document(mentions: list[Mention], tokens_by_sentence: dict[int, list[Token]],
                     text: str, gaz: Gazetteer, doc_id: str) -> Resolution:
    """Join a document's mentions into entities; add mentions of stated abbreviations."""
    all_tokens = [t for s in sorted(tokens_by_sentence) for t in tokens_by_sentence[s]]
    mentions = mentions + _repeated_names(mentions, tokens_by_sentence, text)
    mentions.sort(key=lambda m: (m.start, -m.end))
    uf = UnionFind()
    keys = [base_key(m, gaz) for m in mentions]
    abbreviations: dict[str, str] = {}   # abbreviation as written -> key
    for i, m in enumerate(mentions):
        uf.find(keys[i])
        if m.kind in _ALIASABLE:
            uf.union(keys[i], name_key(keys[i].split(":")[0], m.name))
        if m.kind is Kind.PROGRAMME and (sig := content_signature(m.name)):
            uf.union(keys[i], f"programme:~sig {sig}")
        acronym = acronym_of(m.name) if m.kind is Kind.PROGRAMME else None
        if acronym and keys[i].startswith("programme:"):
            abbreviations.setdefault(acronym, keys[i])
        for part in coordinated_parts(m.name, PROGRAMME_HEADS + PROJECT_HEADS):
            uf.union(keys[i], name_key(keys[i].split(":")[0], part))
    _join_name_suffixes(mentions, keys, uf)
    _join_abbreviated_heads(mentions, keys, uf)
    _join_card_names(mentions, keys, text, uf, gaz)
    stated_names: dict[str, set[str]] = {}
    for i, m in enumerate(mentions):
        single = m.name
        if m.kind in (Kind.PROJECT, Kind.ORGANISATION) and " " not in single and \
                "-" not in single and len(single) >= 5 and single[:1].isupper() and \
                not is_acronym(single):
            abbreviations.setdefault(single, keys[i])   # "Autismisäätiö" -> "Autismisäätiön"
        elif m.kind is Kind.PROJECT and (bare := _bare_project_name(single, gaz)):
            abbreviations.setdefault(bare, keys[i])     # "Lumo-hanke" -> "Lumo päättyy …"
    for i, other in _stated_aliases(mentions, all_tokens, text):
        if isinstance(other, int):
            uf.union(keys[i], keys[other])
        elif " " in other or not is_acronym(other):
            stated_names.setdefault(keys[i], set()).add(other)
            uf.union(keys[i], name_key(keys[i].split(":")[0], other))
            if " " not in other and len(other) >= 4:
                abbreviations.setdefault(other, keys[i])  # "Kompassi" -> "Kompassin"
        else:
            if mentions[i].kind is Kind.PROGRAMME:
                uf.union(keys[i], f"programme:{other.lower()}")
            abbreviations.setdefault(other, keys[i])
    _join_stated_acronyms(abbreviations, uf)
    # programme acronyms seen anywhere ("LAPE-muutosohjelma") name the programme alone too
    extra: list[Mention] = []
    covered: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        covered.setdefault(m.sentence, []).append((m.start, m.end))
    for sent_index, tokens in sorted(tokens_by_sentence.items()):
        spans = covered.get(sent_index, [])
        for tok in tokens:
            if any(a <= tok.start < b for a, b in spans) or _in_address(text, tok):
                continue
            key = _inflected_alias(tok.lemma, abbreviations) or _inflected_alias(
                tok.text, abbreviations)
            if key is None:
                continue
            kind = Kind(_kind_of_key(key, mentions, keys))
            extra.append(Mention(kind, tok.start, tok.end, tok.text, tok.lemma,
                                 "alias.abbreviation", sent_index, confidence=0.85))
            keys.append(key)
    mentions = mentions + extra
    _join_copula_aliases(mentions, keys, len(mentions) - len(extra), text, uf)
    final = _representatives(uf, keys)
    programme_acronyms = {a for a, k in abbreviations.items() if k.startswith("programme:")}
    programme_acronyms |= {k.split(":", 1)[1].upper() for k in final if k.startswith("programme:")}
    entities: dict[str, Entity] = {}
    for m, key in zip(mentions, final, strict=True):
        ent = entities.setdefault(key, Entity(key, m.kind, code=m.code))
        ent.add_name(m.name)
        if m.rule == "alias.abbreviation":
            ent.abbreviations.add(m.name)
    representative = dict(zip(keys, final, strict=True))
    for key, names in stated_names.items():
        root = representative.get(key, key)
        if root in entities:
            for name in names:
                entities[root].names[name] += 1
    for abbr, key in abbreviations.items():
        root = representative.get(key, key)
        if root in entities:
            entities[root].abbreviations.add(abbr)
    for ent in entities.values():
        if ent.kind is Kind.PROJECT:
            ent.generic = all(is_generic_project(n, programme_acronyms) for n in ent.names)
    _join_regional_names(mentions, final, entities, tokens_by_sentence, gaz, programme_acronyms)
    main_project = _main_project(mentions, final, entities)
    keys_out = dict(enumerate(final))
    if main_project:
        for i, key in keys_out.items():
            if entities[key].generic:
                keys_out[i] = main_project
                entities[main_project].names.update({n: 0 for n in entities[key].names})
    for key in [k for k, e in entities.items() if e.generic]:
        del entities[key]
    for i in [i for i, k in keys_out.items() if k not in entities]:
        del keys_out[i]
    _join_heading_group(mentions, keys_out, entities)
    _join_bare_organs(keys_out, entities)
    _join_named_rows(mentions, keys_out, entities)
    main_region = _main_region(mentions, keys_out, entities)
    if main_region is not None:
        _qualify_groups(entities, keys_out, gaz.region_genitive.get(main_region.split(":")[1]))
    elif main_project is not None:
        acronyms = sorted(a for a in entities[main_project].abbreviations if is_acronym(a))
        if acronyms:  # "YLKA:n ohjausryhmä": a group of the one project the text is about
            _qualify_groups(entities, keys_out, f"{acronyms[0]}:n")
    return Resolution(keys_out, entities, mentions, main_project, main_region)


_GROUP = re.compile(r"^(maakunnallinen |alueellinen )?([A-ZÄÖÅ]{2,}-)?(ohjaus|johto|työ)?ryhmä$",
                    re.I)


def _join_heading_group(mentions: list[Mention], keys: dict[int, str],
                        entities: dict[str, Entity]) -> None:
    """A bare "Ohjausryhmä" heading in a text that names one steering group
    ("maakunnallinen LAPE-ohjausryhmä") is that group."""
    heading = {keys[i] for i, m in enumerate(mentions)
               if i in keys and m.rule == STEERING_HEADING_RULE}
    others = {keys[i] for i, m in enumerate(mentions)
              if i in keys and m.rule != STEERING_HEADING_RULE}
    alone = heading - others
    named = [k for k in others if entities[k].kind is Kind.ORGANISATION
             and any(n.lower().endswith("ohjausryhmä") for n in entities[k].names)]
    if len(alone) != 1 or len(named) != 1:
        return
    old, new = alone.pop(), named[0]
    entities[new].names.update({n: 0 for n in entities[old].names})
    del entities[old]
    for i, k in keys.items():
        if k == old:
            keys[i] = new


#: Organs every municipality or joint authority has: bare, they are the one the
#: document names in full ("Kaupunginhallitus" under "Kotkan kaupunginhallitus").
_ORGANS = ("kaupunginhallitus", "kunnanhallitus", "kaupunginvaltuusto", "kunnanvaltuusto",
           "yhtymähallitus", "yhtymävaltuusto", "ohjausryhmä", "johtoryhmä", "lautakunta")


def _join_bare_organs(keys: dict[int, str], entities: dict[str, Entity]) -> None:
    """A bare organ name joins the one entity the document names with that organ as
    its last word; with none or several, it stays apart."""
    for key, ent in list(entities.items()):
        if ent.kind is not Kind.ORGANISATION or key not in entities:
            continue
        bare = {n.lower() for n in ent.names}
        if len(bare) != 1 or next(iter(bare)) not in _ORGANS:
            continue
        organ = next(iter(bare))
        full = [k for k, e in entities.items() if k != key and e.kind is Kind.ORGANISATION
                and any(n.lower().endswith(" " + organ) for n in e.names)]
        if len(full) != 1:
            continue
        entities[full[0]].names.update({n: 0 for n in ent.names})
        del entities[key]
        for i, k in keys.items():
            if k == key:
                keys[i] = full[0]


def _join_named_rows(mentions: list[Mention], keys: dict[int, str],
                     entities: dict[str, Entity]) -> None:
    """A name a table's project column gives a project ("Pohjoisen Pirkanmaan
    perhekeskusverkosto") is that project wherever else the page writes it, though the
    organisation finder reads its head word ("-verkosto") as a body's."""
    rows = {loose_key(m.name): keys[i] for i, m in enumerate(mentions)
            if i in keys and m.rule == TABLE_PROJECT_RULE}
    for key, ent in list(entities.items()):
        if ent.kind is not Kind.ORGANISATION or key not in entities:
            continue
        targets = {rows.get(loose_key(n)) for n in ent.names}
        if len(targets) != 1 or None in targets:
            continue
        target = targets.pop()
        if target not in entities or target == key:
            continue
        entities[target].names.update({n: 0 for n in ent.names})
        del entities[key]
        for i, k in keys.items():
            if k == key:
                keys[i] = target


def _qualify_groups(entities: dict[str, Entity], keys: dict[int, str],
                    genitive: str | None) -> None:
    """"maakunnallinen LAPE-ryhmä" in a text about one region is that region's group:
    every region has one, so the bare name must not join them across documents."""
    if not genitive:
        return
    for key, ent in list(entities.items()):
        if ent.kind is not Kind.ORGANISATION or not all(_GROUP.match(n) for n in ent.names):
            continue
        base = max(ent.names, key=lambda n: (ent.names[n], len(n), n))
        qualified = f"{genitive} {base}"
        new_key = f"org:{slugify(qualified)}"
        ent.names[qualified] += max(ent.names.values()) + 1
        ent.key = new_key
        entities[new_key] = entities.pop(key)
        for i, k in keys.items():
            if k == key:
                keys[i] = new_key


def _representatives(uf: UnionFind, keys: list[str]) -> list[str]:
    """Map each key to its component's best real key: code, body or acronym keys first."""
    best: dict[str, str] = {}
    for key in keys:
        root = uf.find(key)
        current = best.get(root)
        if current is None or _preference(key) < _preference(current):
            best[root] = key
    return [best[uf.find(k)] for k in keys]


def _preference(key: str) -> tuple:
    prefix, _, rest = key.partition(":")
    strong = prefix in ("region", "municipality") or (prefix == "org" and "-" not in rest) \
        or (prefix == "programme" and rest.isalnum() and len(rest) <= 10)
    return (not strong, len(rest), rest)


def _kind_of_key(key: str, mentions: list[Mention], keys: list[str]) -> str:
    for m, k in zip(mentions, keys, strict=False):
        if k == key:
            return m.kind.value
    return {"programme": "Programme", "project": "Project"}.get(key.split(":")[0], "Organisation")


def _name_region(name: str, gaz: Gazetteer) -> str | None:
    """The region whose genitive opens a name ("Kanta-Hämeen LAPE-hanke" -> "05")."""
    first = name.split(" ", 1)[0].casefold()
    return next((code for code, gen in gaz.region_genitive.items() if gen.casefold() == first),
                None)


def _regional_generic(name: str, gaz: Gazetteer, programme_acronyms: set[str]) -> str | None:
    """"Kanta-Hämeen LAPE-hanke", "Kanta-Hämeen maakunnallinen hanke": a region's genitive
    and otherwise no name of its own; the region's code, or None."""
    code = _name_region(name, gaz)
    rest = name.split(" ", 1)[1] if " " in name else ""
    if code is None or not rest or not is_generic_project(rest, programme_acronyms):
        return None
    return code


def _project_regions(key: str, mentions: list[Mention], keys: list[str], entity: Entity,
                     tokens_by_sentence: dict[int, list[Token]], gaz: Gazetteer) -> set[str]:
    """Regions a project's own names carry: a genitive opening a name, or a region's
    word inside one of its mentions ("Lapin Vahvat juuret -hanke")."""
    out = {c for n in entity.names if (c := _name_region(n, gaz)) is not None}
    for m, k in zip(mentions, keys, strict=True):
        if k != key:
            continue
        for tok in tokens_by_sentence.get(m.sentence, []):
            if m.start <= tok.start < m.end and tok.text[:1].isupper() and \
                    (place := gaz.region(tok.lemma)) is not None:
                out.add(place.code)
    return out


def _join_regional_names(mentions: list[Mention], keys: list[str], entities: dict[str, Entity],
                         tokens_by_sentence: dict[int, list[Token]], gaz: Gazetteer,
                         programme_acronyms: set[str]) -> None:
    """A document about one project calls it by its name and by its region's generic
    name too (title "… – Kanta-Hämeen LAPE-hankkeen loppuraportti", text "Kanta-Hämeen
    maakunnallinen hanke"). Such a project joins the one named project of the same
    region, if that project is then the document's main project; with two named
    projects of the region, or a document about several projects, nothing joins."""
    projects = {k: e for k, e in entities.items() if e.kind is Kind.PROJECT and not e.generic}
    regional: dict[str, str] = {}
    for key, ent in projects.items():
        codes = {_regional_generic(n, gaz, programme_acronyms) for n in ent.names}
        if len(codes) == 1 and None not in codes:
            regional[key] = codes.pop()
    if not regional:
        return
    named = {k: _project_regions(k, mentions, keys, e, tokens_by_sentence, gaz)
             for k, e in projects.items() if k not in regional}
    moves: dict[str, str] = {}
    for key, code in regional.items():
        targets = [k for k, codes in named.items() if code in codes]
        if len(targets) == 1:
            moves[key] = targets[0]
    if not moves:
        return
    moved = [moves.get(k, k) for k in keys]
    main = _main_project(mentions, moved, {k: e for k, e in entities.items() if k not in moves})
    moves = {k: t for k, t in moves.items() if t == main}
    for key, target in moves.items():
        entities[target].names.update(entities.pop(key).names)
    for i, k in enumerate(keys):
        keys[i] = moves.get(k, k)


#: Rules that find the parts of a project: a table of sub-projects, a list of them,
#: "osahanke X".


def _main_project(mentions: list[Mention], keys: list[str],
                  entities: dict[str, Entity]) -> str | None:
    """The project a document is about: the one it names most, at least twice as often
    as any other. When none does, a project the page also lists as a part (a row of its
    sub-project table, an item of its list of them) drops out: "… toteuttaa osahankkeen
    X" names a part again, not what the page is about; what is left must be named
    before the list of parts, as a page introduces its project and then its parts."""
    found = _most_named(mentions, keys, entities, set())
    parts = {key for m, key in zip(mentions, keys, strict=True) if m.rule in PART_RULES}
    if found is not None or not parts:
        return found
    left = _most_named(mentions, keys, entities, parts)
    list_start = min(m.start for m in mentions if m.rule in PART_RULES)
    if left is not None and any(k == left and m.start < list_start
                                for m, k in zip(mentions, keys, strict=True)):
        return left
    return None


def _most_named(mentions: list[Mention], keys: list[str], entities: dict[str, Entity],
                leave_out: set[str]) -> str | None:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m, key in zip(mentions, keys, strict=True):
        ent = entities.get(key)
        if m.rule in PART_RULES or key in leave_out:
            continue  # the sub-projects a page lists are not what the page is about
        if ent is not None and ent.kind is Kind.PROJECT and not ent.generic:
            counts[key] += 1
            first.setdefault(key, m.start)
    if not counts:
        return None
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
    if len(ranked) > 1 and counts[ranked[0]] < 2 * counts[ranked[1]]:
        return None  # several projects, none the document's subject
    return ranked[0]


def _main_region(mentions: list[Mention], keys: dict[int, str],
                 entities: dict[str, Entity]) -> str | None:
    counts: Counter = Counter()
    for key in keys.values():
        if entities[key].kind is Kind.REGION:
            counts[key] += 1
    if not counts:
        return None
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # no one region dominates
    return ranked[0][0]


def choose_label(entity: Entity) -> str:
    """The canonical name: official for places, else the fullest name the texts use."""
    names = [n for n, c in entity.names.items() if c > 0] or list(entity.names)
    if not names:
        return entity.key.split(":", 1)[1]
    if entity.kind is Kind.PROGRAMME:
        full = [n for n in names if not acronym_of(n) and not is_acronym(n)]
        if full:
            names = full
    def rank(name: str) -> tuple:
        return (-entity.names[name], -len(name), name)
    if entity.kind in (Kind.PROJECT,):
        # prefer the name the texts use most, then the shortest readable one
        return min(names, key=lambda n: (-entity.names[n], len(n), n))
    return min(names, key=rank)


def merge(resolutions: list[Resolution]) -> tuple[dict[str, str], dict[str, Entity]]:
    """Join entities across documents by shared alias keys; return key map and entities."""
    uf = UnionFind()
    for res in resolutions:
        for key, ent in res.entities.items():
            uf.find(key)
            prefix = key.split(":", 1)[0]
            if ent.kind in (Kind.REGION, Kind.MUNICIPALITY, Kind.PERSON, Kind.MEASURE):
                continue
            for name in ent.names:
                uf.union(key, name_key(prefix, name))
                if ent.kind is Kind.PROGRAMME and (sig := content_signature(name)):
                    uf.union(key, f"programme:~sig {sig}")
            for abbr in ent.abbreviations:
                if ent.kind is not Kind.PROJECT:
                    uf.union(key, name_key(prefix, "abbr " + abbr))
    real = sorted({k for res in resolutions for k in res.entities})
    best = dict(zip(real, _representatives(uf, real), strict=True))
    mapping: dict[str, str] = {}
    merged: dict[str, Entity] = {}
    for res in resolutions:
        for key, ent in res.entities.items():
            root = best[key]
            mapping[key] = root
            target = merged.setdefault(root, Entity(root, ent.kind, code=ent.code))
            target.names.update(ent.names)
            target.abbreviations |= ent.abbreviations
    for ent in merged.values():
        ent.label = choose_label(ent)
    return mapping, merged
