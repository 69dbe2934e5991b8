"""Find names in a sentence: organisations, programmes, projects, people, places.

Every finder is a pure function of one sentence's tokens that returns
candidate :class:`Mention` values, each carrying the stable name of the rule
that found it. :func:`sentence_mentions` runs them all and keeps the best
non-overlapping set (longer and more specific names win).

How a name is found (Finnish inflects only the last word of a name):
a *head* word marks the kind ("-ministeriö", "kuntayhtymä", "Oy" for
organisations; "-muutosohjelma", "-uudistus" for programmes; "-hanke" for
projects), and the name extends left over capitalised words, genitive
attributes and coordinated stems ("Sosiaali- ja terveysministeriö"), and
right over abbreviations and legal forms ("SeAMK Oy"). A name must contain a
capital letter (a proper name or an abbreviation), so "kunnat ja
kuntayhtymät" is not an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from graph_builder.gazetteer import Body, Gazetteer
from graph_builder.lexicon import (
    GROUP_OF_PROJECTS,
    LEGAL_FORMS,
    MUNICIPALITY_BODIES,
    NAME_AFTER_HEADS,
    NON_NAME_WORDS,
    ORGANISATION_HEADS,
    PLURAL_MUNICIPALITY_WORDS,
    PROGRAMME_HEADS,
    PROJECT_HEADS,
    SUB_PROJECT_WORDS,
    TITLE_HEADS,
    WEAK_ORGANISATION_HEADS,
)
from graph_builder.model import (
    ERVA_RULE,
    PARENT_BODY_RULE,
    STEERING_HEADING_RULE,
    SUB_PROJECT_RULE,
    Kind,
    Mention,
    Sentence,
    Token,
)
from graph_builder.morphology import is_acronym, join_words, known_stem, name_base_form
from ontology.reference import ErvaArea

PUNCT = set(",;:()[]{}\"“”«»'’.!?/–—•|")
CONJUNCTIONS = {"ja", "sekä", "tai", "&"}
LOCATIVE = {"sisaolento", "ulkoolento", "sisaeronto", "ulkoeronto", "sisatulento", "ulkotulento"}
#: Heads that are never organisations although they end like one.
NOT_ORGANISATION = ("maakunta", "perhekeskus", "palvelukeskus", "osaamiskeskus")
#: Generic project heads that name no particular project on their own.
GENERIC_PROJECT_WORDS = {"hanke", "projekti", "kehittämishanke", "hankekokonaisuus"}
#: Project words that never end a name ("hallituksen kärkihanke" is a role, not a name).
NEVER_PROJECT_HEADS = ("kärkihanke", "osahanke", "päähanke", "hanketoiminta")
PROPER = ("paikannimi", "etunimi", "sukunimi", "nimi", "lyhenne", "")

Finder = Callable[[Sentence, list[Token], Gazetteer], list[Mention]]


def _is_title(token: Token) -> bool:
    return token.text[:1].islower() and token.lemma.lower().endswith(TITLE_HEADS)


def _action_noun(token: Token) -> bool:
    """A verb noun in the nominative ("Liittyminen", "Osallistuminen"): in a heading
    it governs the name after it ("Liittyminen X-hankkeeseen"), it is not part of it."""
    return token.case in ("nimento", "") and len(token.text) >= 9 \
        and token.pos not in ("sukunimi", "etunimi", "paikannimi", "nimi") \
        and re.search(r"[aeiouyäö]minen$", token.text.lower()) is not None


@lru_cache(maxsize=65536)
def _head_of(lemma: str, heads: tuple[str, ...] | frozenset[str]) -> str | None:
    """The head word ``lemma`` ends in (its last part after a hyphen), the first of
    ``heads`` that fits; cached, as the same words come back sentence after sentence."""
    low = lemma.lower().split("-")[-1]
    for head in heads:
        if low.endswith(head):
            return head
    return None


def _is_place_locative(token: Token, gaz: Gazetteer) -> bool:
    return token.case in LOCATIVE and (gaz.region(token.lemma) is not None
                                       or gaz.municipality(token.lemma) is not None)


def extend_left(tokens: list[Token], head: int, gaz: Gazetteer, nouns: bool = False) -> int:
    """Index of the first token of the name whose last word is ``tokens[head]``.

    With ``nouns``, lower-case nouns in any case belong to the name too, as
    before a legal form: "Kuopion Ensi- ja turvakoti ry"."""
    start = head
    i = head - 1
    while i >= 0:
        tok = tokens[i]
        word = tok.text
        if word == "," and i >= 1 and tokens[i - 1].case == "omanto" \
                and tokens[i - 1].text[:1].islower() and tokens[i + 1].case == "omanto":
            start = i  # "lasten, nuorten ja perheiden palvelujen …"
            i -= 1
            continue
        if nouns and word[:1].islower() and tok.pos == "nimisana" and word not in CONJUNCTIONS:
            start = i
            i -= 1
            continue
        if word in CONJUNCTIONS and i >= 1 and tokens[i - 1].text.endswith("-"):
            start = i - 1
            i -= 2
            continue
        if word in CONJUNCTIONS and i >= 1 and tokens[i - 1].case == "omanto" \
                and tokens[i + 1].case == "omanto" and not _head_of(tokens[i - 1].lemma,
                                                                     ORGANISATION_HEADS):
            start = i  # "lasten ja perheiden palveluiden …", but not "Säkylän kunnan ja …"
            i -= 1
            continue
        if tok.pos == "lukusana" or (i == 0 and not _may_start_name(tok) and not (
                nouns and _may_open_legal_name(tok))):
            break
        if word in PUNCT or word.isdigit() or word.lower() in NON_NAME_WORDS or _is_title(tok):
            break
        if tok.pos == "teonsana" and word[:1].islower():
            break
        if _is_place_locative(tok, gaz):
            break
        if _action_noun(tok) and i + 1 < head:
            break   # "Liittyminen Keski-Suomen LAPE-hankkeeseen": the heading's verb noun
        if tok.pos == "etunimi" and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() \
                and i + 1 < head and tokens[i + 1].case != "omanto":
            start = i + 2  # "Päivi Rosqvist sosiaali- ja …": a person, not part of the name
            break
        if word[:1].isupper() or is_acronym(word):
            start = i
            i -= 1
            continue
        if tok.case == "omanto" or tok.pos in ("laatusana", "nimisana_laatusana"):
            start = i
            i -= 1
            continue
        break
    # a name starts with a capital or an abbreviation: drop leading lower-case words
    while start < head and not (tokens[start].text[:1].isupper() or is_acronym(tokens[start].text)):
        start += 1
    while start < head and tokens[start].text in CONJUNCTIONS:
        start += 1
    return start


def extend_right(tokens: list[Token], end: int) -> int:
    """Index after the name: take abbreviations and legal forms ("SeAMK Oy")."""
    j = end
    while j < len(tokens):
        word = tokens[j].text
        if word in LEGAL_FORMS or tokens[j].lemma in LEGAL_FORMS:
            j += 1
            continue
        if is_acronym(word) and j + 1 < len(tokens) and (
                tokens[j + 1].text in LEGAL_FORMS or tokens[j + 1].lemma in LEGAL_FORMS):
            j += 1
            continue
        break
    return j


def _may_open_legal_name(tok: Token) -> bool:
    """A sentence's first word before a legal form ("Pesäpuu ry koordinoi …"): a
    capitalised noun in the nominative or genitive may be the name's first word."""
    return tok.text[:1].isupper() and tok.text.lower() not in NON_NAME_WORDS and \
        tok.pos in ("nimisana", "nimisana_laatusana", "laatusana") and \
        tok.case in ("nimento", "omanto")


def _may_start_name(tok: Token) -> bool:
    """Can a sentence's capitalised first word begin a name? Proper nouns,
    unknown words and genitive attributes can ("Lasten ja perheiden ..."),
    an adjective or adverb capitalised only by its place cannot ("Tärkeimmille")."""
    return tok.pos in PROPER or tok.case == "omanto" or is_acronym(tok.text)


#: Tokens after which a capital letter may only open a new sentence or cell.
_OPENERS = {"|", ":", "•", "-", "–", "—", ".", "!", "?", "*"}


def _proper_capital(span: list[Token], opens: bool = True) -> bool:
    """Is there a proper name or an abbreviation in the span, not just a capital
    that opens a sentence? ("Sipilän hallitus" yes, "Perhekeskusten verkosto" no).
    ``opens`` is false when the span stands inside a sentence, where any capital
    marks a name ("toteuttavat Oulunkaaren kuntayhtymä")."""
    if not opens and span and span[0].text[:1].isupper():
        return True
    for k, t in enumerate(span):
        parts = t.text.split("-")
        if any(is_acronym(p) for p in parts) or any(p[:1].isupper() for p in parts[1:]):
            return True  # "LAPE-ohjausryhmä", "Etelä-Pohjanmaan"
        if t.text[:1].isupper() and (t.pos in ("paikannimi", "etunimi", "sukunimi", "nimi", "")
                                     or k > 0):
            return True
    return False


def _has_capital(tokens: list[Token]) -> bool:
    return any(t.text[:1].isupper() or is_acronym(t.text) or
               any(p[:1].isupper() for p in t.text.split("-")[1:]) for t in tokens)


def _mention(kind: Kind, tokens: list[Token], sent: Sentence, rule: str, *,
             name: str | None = None, code: str | None = None,
             confidence: float = 0.9) -> Mention:
    start, end = tokens[0].start, tokens[-1].end
    surface = sent.text[start - sent.start:end - sent.start]
    return Mention(kind, start, end, surface, name or name_base_form(tokens), rule,
                   sent.index, code=code, confidence=confidence)


def organisations(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Organisation names by type words and legal forms; municipalities as bodies."""
    out: list[Mention] = []
    for i, tok in enumerate(tokens):
        is_legal = tok.text in LEGAL_FORMS or tok.lemma in LEGAL_FORMS
        head = None if is_legal else _head_of(tok.lemma, ORGANISATION_HEADS)
        if not is_legal and head is None:
            continue
        lemma = tok.lemma.lower()
        if any(lemma.endswith(x) for x in NOT_ORGANISATION) or \
                gaz.region(tok.lemma) or gaz.municipality(tok.lemma):
            continue  # "Satakunta", "Uusikaupunki": places, though they end like bodies
        if not is_legal and lemma not in WEAK_ORGANISATION_HEADS and _plural(tok):
            coordinated = _coordinated_bodies(tokens, i, sent)
            if coordinated:
                out.extend(coordinated)
                continue
        start = extend_left(tokens, i, gaz, nouns=is_legal)
        end = extend_right(tokens, i + 1)
        span = tokens[start:end]
        weak = lemma in WEAK_ORGANISATION_HEADS or is_legal
        if start == i == 0 and _head_of(lemma, WEAK_ORGANISATION_HEADS) and tok.pos == "nimisana":
            continue  # "Ohjausryhmä" opening a heading: a common noun, not a name
        if start == i and not is_legal and _name_after_head(tokens, i, gaz):
            span = tokens[i:i + 2]   # "Peruspalvelukuntayhtymä Kallion": the name follows
            out.append(_mention(Kind.ORGANISATION, span, sent, "org.name-after-head",
                                name=join_words([tok.text, _brand_base(span[1])], span),
                                confidence=0.85))
            continue
        if start == i and (weak or lemma in ORGANISATION_HEADS):
            continue  # "kaupunki", "Säätiöt", "Oy" alone name nothing
        if _head_of(lemma, WEAK_ORGANISATION_HEADS) and not is_legal and (
                tok.text != tok.lemma and tok.text.endswith("t") and tok.case == "nimento"
                or not _proper_capital(span, start == 0 or tokens[start - 1].text in _OPENERS)) \
                and gaz.body(name_base_form(span)) is None:
            continue  # "kunnat" (plural), "Perhekeskusten verkosto" (no proper name);
            # a national body's full name opening a sentence is a name all the same
            # ("Terveyden ja hyvinvoinnin laitos tukee …")
        if head in MUNICIPALITY_BODIES and lemma == head and (
                start == i - 1 and gaz.region(span[0].lemma) is not None or
                tok.text.lower() in PLURAL_MUNICIPALITY_WORDS and
                not any(t.text in CONJUNCTIONS for t in span)):
            continue  # "Uudenmaan kunnat", "Meri-Lapin kunnissa": several, no one body
        if (head in MUNICIPALITY_BODIES and lemma == head or _places_before(span, gaz)) and \
                any(t.text in CONJUNCTIONS for t in span):
            out.extend(_coordinated_municipalities(span, sent, gaz))
            continue  # "Kempeleen ja Limingan lautakunnissa": two towns' boards, no one body
        if not _has_capital(span):
            low = tokens[_lowercase_start(tokens, i):end]
            if gaz.body(name_base_form(low)) is None:
                continue
            span = low  # "sosiaali- ja terveysministeriö": a national body written in lower case
            start = i - len(span) + 1 + (end - i - 1)
        if head in MUNICIPALITY_BODIES and lemma == head and end - start == 2:
            place = gaz.municipality(span[0].lemma)
            if place is not None and place.kind == "municipality":
                out.append(_mention(Kind.MUNICIPALITY, span, sent, "org.municipality-body",
                                    code=place.code, confidence=0.95))
                continue
        name = name_base_form(span) if not is_legal else _legal_name(span)
        out.append(_mention(Kind.ORGANISATION, span, sent,
                            "org.legal-form" if is_legal else "org.type-word", name=name))
    return out


def _name_after_head(tokens: list[Token], i: int, gaz: Gazetteer) -> bool:
    """"Peruspalvelukuntayhtymä Kallio", "Perusturvaliikelaitos Saarikan": a capitalised
    head in the nominative and one capitalised word right after it that is no place, no
    verb and no start of another name ("Kuntayhtymä Oulun kaupunki …" is none)."""
    head, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not head.text[:1].isupper() or head.case != "nimento" or \
            not head.lemma.lower().endswith(NAME_AFTER_HEADS) or \
            not nxt.text[:1].isupper() or nxt.start - head.end != 1 or \
            nxt.pos == "teonsana" or is_acronym(nxt.text):
        return False
    if gaz.region(nxt.lemma) or gaz.municipality(nxt.lemma):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    return after is None or _head_of(after.lemma, ORGANISATION_HEADS) is None


def _brand_base(tok: Token) -> str:
    """The brand after a head in its base form: libvoikko's lemma when it reads the
    word as a name or noun ("Kallion" -> "Kallio"), else the word as written."""
    if tok.lemma and tok.lemma.lower() != tok.text.lower() and tok.pos in PROPER + ("nimisana",):
        return tok.lemma[:1].upper() + tok.lemma[1:]
    return tok.text


def cooperation_partners(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """"yhteistyössä SONet BOTNIAn kanssa": the words between name a partner."""
    out = []
    for i, tok in enumerate(tokens):
        if tok.text.lower() not in ("yhteistyössä", "yhteistyöllä", "yhteistyötä", "yhdessä"):
            continue
        for j in range(i + 1, min(i + 8, len(tokens))):
            if tokens[j].text.lower() == "kanssa":
                for part in _conjuncts(tokens[i + 1:j]):
                    if part and (part[0].text[:1].isupper() or is_acronym(part[0].text)) and \
                            all(t.text not in PUNCT for t in part):
                        out.append(_mention(Kind.ORGANISATION, part, sent,
                                            "org.cooperation-partner", confidence=0.8))
                break
    return out


def _coordinated_municipalities(span: list[Token], sent: Sentence,
                                gaz: Gazetteer) -> list[Mention]:
    """"Lappeenrannan ja Imatran kaupungit": one municipality per genitive."""
    out = []
    for tok in span[:-1]:
        place = gaz.municipality(tok.lemma) if tok.text[:1].isupper() else None
        if place is not None:
            out.append(_mention(Kind.MUNICIPALITY, [tok], sent, "org.municipality-body",
                                name=place.name, code=place.code, confidence=0.9))
    return out


def _places_before(span: list[Token], gaz: Gazetteer) -> bool:
    """Is every word before the head a municipality's genitive, a conjunction or a comma?"""
    words = [t for t in span[:-1] if t.text not in CONJUNCTIONS and t.text != ","]
    return bool(words) and all(t.case == "omanto" and gaz.municipality(t.lemma) is not None
                               for t in words)


def _plural(tok: Token) -> bool:
    """"sairaanhoitopiirit", "yliopistojen": a plural head (nominative or genitive)."""
    text, lemma = tok.text.lower(), tok.lemma.lower()
    return text != lemma and (text.endswith("t") and tok.case == "nimento"
                              or text.endswith(("ien", "jen")) and tok.case == "omanto")


def _coordinated_bodies(tokens: list[Token], i: int, sent: Sentence) -> list[Mention]:
    """"Satakunnan ja Vaasan sairaanhoitopiirit": one body per coordinated genitive
    ("Satakunnan sairaanhoitopiiri", "Vaasan sairaanhoitopiiri"). Only single
    capitalised genitives joined by "ja", "sekä" or commas count."""
    head = tokens[i]
    parts: list[Token] = []
    k = i - 1
    while k >= 0 and tokens[k].text[:1].isupper() and tokens[k].case == "omanto" \
            and tokens[k + 1].start - tokens[k].end <= 1:
        parts.insert(0, tokens[k])
        if k >= 1 and tokens[k - 1].text in ("ja", "sekä", ","):
            k -= 2
        else:
            break
    if len(parts) < 2 or tokens[i - 2].text == ",":
        return []  # "Oulun, Lapin yliopistot": a list needs its "ja" before the last
    out = []
    for n, part in enumerate(parts):
        span = [part, head] if n == len(parts) - 1 else [part]
        out.append(_mention(Kind.ORGANISATION, span, sent, "org.coordinated-heads",
                            name=f"{part.text} {head.lemma.lower()}", confidence=0.85))
    return out


def _conjuncts(span: list[Token]) -> list[list[Token]]:
    """Split "A:n ja B- ja C:n" at the conjunctions that join names, not stems."""
    parts: list[list[Token]] = [[]]
    for k, tok in enumerate(span):
        joins_names = (tok.text in CONJUNCTIONS or tok.text == ",") and k > 0 and \
            not span[k - 1].text.endswith("-") and k + 1 < len(span) and \
            span[k + 1].text[:1].isupper()
        if joins_names:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _legal_name(span: list[Token]) -> str:
    """"Verso Kuntoutus Oy:n" -> "Verso Kuntoutus Oy"."""
    words = [t.text for t in span[:-1]] + [span[-1].lemma]
    return join_words(words, span)


def national_bodies(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Reference bodies by a short name: an abbreviation ("STM", "THL:n"), a name or
    brand of one word ("Kuntaliiton", "Eksoten", "Kelan") or a brand of several
    words with no type word in it ("Siun soten", "Kainuun sotessa")."""
    out = []
    for i, tok in enumerate(tokens):
        body = gaz.abbreviations.get(tok.lemma) or gaz.abbreviations.get(tok.text)
        if body is not None and _defines_other(tokens, i, body, gaz):
            continue   # "Lounais-Suomen aluehallintovirasto (AVI)": this text's own AVI
        if body is not None:
            out.append(_mention(Kind.ORGANISATION, [tok], sent, "org.national-abbreviation",
                                name=body.name, confidence=0.95))
            continue
        if tok.text[:1].isupper():
            word = known_stem(tok.lemma, gaz.one_word) or known_stem(tok.text, gaz.one_word)
            if word is not None:
                out.append(_mention(Kind.ORGANISATION, [tok], sent, "org.reference-name",
                                    name=word, confidence=0.9))
                continue
        out.extend(_reference_phrase(tokens, i, sent, gaz))
    return out


def _defines_other(tokens: list[Token], i: int, body: Body, gaz: Gazetteer) -> bool:
    """Is an abbreviation in brackets right after a body's name other than the one the
    reference data gives it ("Lounais-Suomen aluehallintovirasto (AVI)" is one agency,
    not the agencies together)? Then the text defines it for itself."""
    if i < 2 or i + 1 >= len(tokens) or tokens[i - 1].text != "(" or tokens[i + 1].text != ")":
        return False
    head = tokens[i - 2]
    if _head_of(head.lemma, ORGANISATION_HEADS) is None:
        return False
    spans = [tokens[k:i - 1] for k in range(max(0, i - 6), i - 1)]
    spans = [sp for sp in spans if len(sp) > 1 or sp[0].text[:1].isupper()]   # not a bare noun
    return not any(gaz.body(name_base_form(span)) == body for span in spans)


def _reference_phrase(tokens: list[Token], i: int, sent: Sentence,
                      gaz: Gazetteer) -> list[Mention]:
    """A brand of several words starting at token ``i``, its last word inflected."""
    for words, _ in gaz.phrases.get(tokens[i].text.casefold(), ()):
        n = len(words)
        if i + n > len(tokens) or \
                any(tokens[i + k].text.casefold() != words[k] for k in range(1, n - 1)):
            continue
        last = tokens[i + n - 1].text.casefold()
        if known_stem(last, {words[-1]}) is None:
            continue
        span = tokens[i:i + n]
        name = join_words([t.text for t in span[:-1]] + [span[-1].text[:len(words[-1])]], span)
        return [_mention(Kind.ORGANISATION, span, sent, "org.reference-name", name=name,
                         confidence=0.9)]
    return []




def erva_areas(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Special responsibility areas (reference data): "Kuopion yliopistollisen sairaalan
    erityisvastuualueella", "KYS-erva", "KYS:n erityisvastuualue", and each stem of
    "TAYS-, OYS- ja TYKS-ervat" (the patterns: ``gazetteer.ErvaPatterns``)."""
    text = sent.text
    if "erva" not in text and "erityisvastuu" not in text.lower():
        return []   # every form ends in one of these: most sentences stop here
    found: list[tuple[int, int, ErvaArea, str]] = []
    for pattern, area, name in gaz.erva.named:
        found.extend((m.start(), m.end(), area, name) for m in pattern.finditer(text))
    for pattern in filter(None, (gaz.erva.short, gaz.erva.stems)):
        found.extend((m.start(), m.end(), area, area.name_fi) for m in pattern.finditer(text)
                     if (area := gaz.erva.by_short[m.group(1)]))
    return [Mention(Kind.ORGANISATION, sent.start + a, sent.start + b, text[a:b], name,
                    ERVA_RULE, sent.index, confidence=0.95) for a, b, _, name in found]


def programmes(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Programme names: "-muutosohjelma", "-ohjelma", "-uudistus" heads."""
    out = []
    for i, tok in enumerate(tokens):
        head = _head_of(tok.lemma, PROGRAMME_HEADS)
        if head is None:
            continue
        start = extend_left(tokens, i, gaz)
        lowered_start = _lowercase_start(tokens, i)
        span = tokens[start:i + 1]
        # "… muutosohjelma (LAPE)", "… muutosohjelmaan eli LAPEen": a name, even in lower case
        followed_by_acronym = (i + 2 < len(tokens) and tokens[i + 1].text in ("(", "eli")
                               and is_acronym(tokens[i + 2].lemma))
        lower_name = head == "uudistus" or followed_by_acronym or \
            _descriptive_programme(tokens[lowered_start:i + 1], head)
        if lower_name and lowered_start < start:
            span = tokens[lowered_start:i + 1]
        if len(span) == 1 and tok.lemma.lower() in PROGRAMME_HEADS:
            continue  # "muutosohjelma" alone
        if not _has_capital(span) and not lower_name:
            continue
        if span[0].case == "omanto" and gaz.region(span[0].lemma) is not None and len(span) > 1:
            # "Satakunnan lapsi- ja perhepalvelujen muutosohjelma": a region's project
            out.append(_mention(Kind.PROJECT, span, sent, "project.regional-programme",
                                confidence=0.8))
            continue
        name = name_base_form(span)
        if _descriptive_programme(span, head):   # "lapsi- ja perhepalveluiden muutosohjelma"
            name = name[:1].upper() + name[1:]   # is a name; "sote-uudistus" stays as written
        out.append(_mention(Kind.PROGRAMME, span, sent, "programme.head-word", name=name))
    return out


def _descriptive_programme(span: list[Token], head: str) -> bool:
    """"lapsi- ja perhepalveluiden muutosohjelma", "lasten ja perheiden palvelujen
    muutosohjelma": a change programme named by what it changes, with coordinated
    attributes, is a name even in lower case; "muutosohjelman" alone or "uusi
    muutosohjelma" is not."""
    if head != "muutosohjelma" or len(span) < 3:
        return False
    return any(t.text in CONJUNCTIONS for t in span)


def _lowercase_start(tokens: list[Token], head: int) -> int:
    """Left edge for names that are written in lower case ("sote- ja maakuntauudistus")."""
    start = head
    i = head - 1
    while i >= 0:
        tok = tokens[i]
        if tok.text in CONJUNCTIONS and i >= 1 and tokens[i - 1].text.endswith("-"):
            start, i = i - 1, i - 2
            continue
        if tok.case == "omanto" and tok.text[:1].islower() and tok.pos != "teonsana":
            start, i = i, i - 1
            continue
        if tok.text in CONJUNCTIONS and i >= 1 and tokens[i - 1].case == "omanto" \
                and tokens[i + 1].case == "omanto":
            start, i = i, i - 1
            continue
        break
    return start


def projects(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Project names: "Lupa auttaa! -hanke", "Etelä-Pohjanmaan LAPE-hanke", quoted names."""
    out = []
    for i, tok in enumerate(tokens):
        lemma = tok.lemma.lower()
        # "Lupa auttaa! -hanke": a hyphen standing alone before the head word
        if tok.text == "-" and i + 1 < len(tokens) and tokens[i + 1].start == tok.end \
                and _head_of(tokens[i + 1].lemma, PROJECT_HEADS) \
                and (i == 0 or tokens[i - 1].end < tok.start):
            name_tokens = _name_before(tokens, i, gaz)
            if name_tokens:
                span = name_tokens + [tok, tokens[i + 1]]
                name_tokens = _without_region_genitive(name_tokens, gaz)
                name = join_words([t.text for t in name_tokens], name_tokens).strip("\"“”'")
                m = _mention(Kind.PROJECT, span, sent, "project.dash-hanke", name=name,
                             confidence=0.95)
                out.append(m)
            continue
        head = _head_of(lemma, PROJECT_HEADS)
        if head is None or tok.text.startswith("-") or \
                lemma.split("-")[-1].endswith(NEVER_PROJECT_HEADS):
            continue
        start = extend_left(tokens, i, gaz)
        glued = _glued_start(tokens, start)
        if glued < start:   # "I&O-hanke": words joined by "&" without spaces are one
            start = extend_left(tokens, glued, gaz) if glued > 0 else glued
        span = tokens[start:i + 1]
        if not _has_capital(span):
            continue
        if lemma.split("-")[-1] in GENERIC_PROJECT_WORDS and "-" not in tok.text:
            if start == i:
                continue
            before = tokens[i - 1]
            if before.case != "omanto" and not before.text.endswith("n"):
                continue  # "Eksotessa hankkeen työ": a place, not a name
        if any(_head_of(t.lemma, PROGRAMME_HEADS) for t in span[:-1]):
            continue  # "muutosohjelman maakunnallinen hanke" is a role, not a name
        if GROUP_OF_PROJECTS.search(tok.text.lower()):
            continue  # "Maakuntien LAPE-hankkeet": many projects (see collective), no name
        out.append(_mention(Kind.PROJECT, span, sent, "project.head-word"))
    out.extend(_copula_project(sent, tokens, gaz))
    return out


def _copula_project(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """"LAPE Etelä-Karjala on … maakunnallinen hanke": the subject names a project."""
    on = next((k for k, t in enumerate(tokens[:10]) if t.text in ("on", "oli")), None)
    if on is None or on == 0:
        return []
    if on + 1 < len(tokens) and tokens[on + 1].text in PUNCT:
        return []  # "Varmaa on, että …"
    clause = tokens[on + 1:on + 10]
    if not any(_head_of(t.lemma, PROJECT_HEADS) and not t.lemma.lower().endswith(
            NEVER_PROJECT_HEADS) for t in clause):
        return []
    subject = tokens[:on]
    if any(t.text in PUNCT for t in subject) or not _may_start_name(subject[0]) \
            or not all(t.text[:1].isupper() or is_acronym(t.text) for t in subject):
        return []
    if len(subject) == 1 and (gaz.region(subject[0].lemma) or gaz.municipality(subject[0].lemma)):
        return []
    return [_mention(Kind.PROJECT, subject, sent, "project.copula",
                     name=join_words([t.text for t in subject], subject), confidence=0.8)]


def sub_projects(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """"Oamkin osahanke Digiperhe on rakentanut …": a name set after "osahanke" in the
    nominative, opening with a capital and ending where the verb comes, names the
    sub-project. Only before a verb or the sentence's end, so that a word that goes on
    the sentence ("osahanke Kuopiossa", "osahanke tavoitteena") is never taken."""
    out = []
    for k, tok in enumerate(tokens[:-1]):
        if tok.lemma.lower() not in SUB_PROJECT_WORDS or tok.case != "nimento" or \
                tok.text[:1].isupper():
            continue
        first = tokens[k + 1]
        if not first.text[:1].isupper() or first.text.lower() in NON_NAME_WORDS or \
                _is_place_locative(first, gaz) or is_acronym(first.text):
            continue
        end = k + 2
        while end < len(tokens) and end - k <= 5 and tokens[end].text[:1].isalpha() and \
                tokens[end].pos != "teonsana" and tokens[end].text not in CONJUNCTIONS:
            end += 1
        closes = end == len(tokens) or tokens[end].pos == "teonsana" or \
            tokens[end].text in (".", ",", ";", ":", "(")
        if not closes or end - k > 5:
            continue
        span = tokens[k + 1:end]
        out.append(_mention(Kind.PROJECT, span, sent, SUB_PROJECT_RULE,
                            name=join_words([t.text for t in span], span), confidence=0.8))
    return out


_QUOTES = {'"', "“", "”", "«", "»"}
#: Words for a project that a quoted name may follow: Finnish heads in any case,
#: and the English word of bilingual pages.
_PROJECT_WORDS = PROJECT_HEADS + SUB_PROJECT_WORDS


def quoted_projects(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """"hankkeessa "Lapsen mieli Karjalassa"", "the project "Perhe keskiöön"", "the
    "Perhe keskiöön" project": a capitalised name in quotation marks right after a
    word for a project (or, in English, before it). The span keeps the marks, so that
    the bare name written later is a mention too."""
    out = []
    for k, tok in enumerate(tokens[:-2]):
        if tok.text not in _QUOTES or not tokens[k + 1].text[:1].isupper():
            continue
        close = next((j for j in range(k + 1, min(k + 10, len(tokens)))
                      if tokens[j].text in _QUOTES), None)
        if close is None or close == k + 1:
            continue
        before = tokens[k - 1] if k > 0 else None
        after = tokens[close + 1] if close + 1 < len(tokens) else None
        if not (_project_word(before) or after is not None and after.text.lower() == "project"):
            continue   # '"Perhe keskiöön" -hanke' is the dash finder's
        inner = tokens[k + 1:close]
        out.append(_mention(Kind.PROJECT, tokens[k:close + 1], sent, "project.quoted-name",
                            name=join_words([t.text for t in inner], inner), confidence=0.85))
    return out


def _project_word(tok: Token | None) -> bool:
    """"hankkeessa", "osahanke", English "project": a lower-case word for a project."""
    if tok is None or tok.text[:1].isupper():
        return False
    return tok.lemma.lower().endswith(_PROJECT_WORDS) or tok.text.lower() in ("project",
                                                                             "projects")


def _glued_start(tokens: list[Token], k: int) -> int:
    """Index of the first word glued to ``tokens[k]`` by "&" with no spaces ("I&O")."""
    while k >= 2 and tokens[k - 1].text == "&" and tokens[k - 1].end == tokens[k].start \
            and tokens[k - 2].end == tokens[k - 1].start and tokens[k - 2].text[:1].isalnum():
        k -= 2
    return k


def _without_region_genitive(name: list[Token], gaz: Gazetteer) -> list[Token]:
    """"Lapin Vahvat juuret -hanke" is the project "Vahvat juuret" of Lappi: a region's
    genitive that opens a longer name says where, not what (the region-in-name rule
    still reads it from the mention's span). An abbreviation alone is no name of its own
    ("Pohjois-Savon LAPE -hanke" keeps its region)."""
    if len(name) < 2 or name[0].case != "omanto" or gaz.region(name[0].lemma) is None:
        return name
    rest = name[1:]
    if len(rest) == 1 and is_acronym(rest[0].text):
        return name
    return rest


def _name_before(tokens: list[Token], dash: int, gaz: Gazetteer) -> list[Token]:
    """The words of a name that stands before " -hanke"."""
    j = dash - 1
    if j < 0:
        return []
    if tokens[j].text in "\"”“":
        k = j - 1
        while k >= 0 and tokens[k].text not in "\"”“":
            k -= 1
        return tokens[k + 1:j] if k >= 0 else []
    end = j + 1
    start = None
    while j >= 0:
        tok = tokens[j]
        if tok.text in ",;:()" or tok.text.lower() in NON_NAME_WORDS or _is_title(tok):
            break
        if _is_place_locative(tok, gaz) and start is not None:
            break
        if _action_noun(tok) and start is not None:
            break   # "Osallistuminen Perhe edellä -hankkeeseen"
        next_lower = j + 1 < end and tokens[j + 1].text[:1].islower()
        opens = j > 0 or next_lower or (_may_start_name(tok) and tok.pos != "nimi"
                                        and tok.case == "omanto")
        if (tok.text[:1].isupper() or is_acronym(tok.text)) and opens:
            start = j
        elif tok.text[:1].isupper():
            break
        elif start is not None:
            break
        j -= 1
    if start is not None and start == end - 1 and _is_place_locative(tokens[start], gaz):
        found = _before_locative(tokens, start)
        start = start if found is None else found
    start = _glued_start(tokens, start) if start is not None else None
    return tokens[start:end] if start is not None else []


def _before_locative(tokens: list[Token], k: int) -> int | None:
    """"Perhe edellä Kemissä -hanke": a name that ends in a place's locative goes on
    to the left, over at most three lower-case words, to a capitalised first word."""
    for j in range(k - 1, max(-1, k - 5), -1):
        tok = tokens[j]
        if tok.text in PUNCT or tok.text.lower() in NON_NAME_WORDS or tok.text.isdigit():
            return None
        if tok.text[:1].isupper():
            return j
    return None


def persons(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """People: a first name and a capitalised surname ("Aulikki Kananojan")."""
    out = []
    for i in range(len(tokens) - 1):
        first, last = tokens[i], tokens[i + 1]
        titled = i > 0 and _is_title(tokens[i - 1]) and last.pos == "sukunimi"
        if not (first.pos == "etunimi" or titled or _also_first_name(first)) or \
                not first.text[:1].isupper():
            continue
        if last.start - first.end != 1 or not last.text[:1].isupper() or is_acronym(last.text):
            continue
        if last.text in LEGAL_FORMS or _head_of(last.lemma, ORGANISATION_HEADS) or \
                (last.pos == "paikannimi" and gaz.region(last.lemma) is not None):
            continue
        if i + 2 < len(tokens) and _head_of(tokens[i + 2].lemma, ORGANISATION_HEADS) \
                and tokens[i + 2].text[:1].islower():
            continue  # "Eskoon sosiaalipalvelujen kuntayhtymä" is no person
        surname = last.lemma if last.known and last.lemma[:1].isupper() else last.text
        if last.known and last.lemma[:1].islower():
            surname = last.lemma[:1].upper() + last.lemma[1:]
        if last.text.endswith("nen") or _opens_list_line(sent, tokens, i):
            surname = last.text   # "Koivunen" is nominative as written (its genitive is "-sen")
        out.append(_mention(Kind.PERSON, [first, last], sent, "person.first-last",
                            name=f"{first.text} {surname}", confidence=0.9))
    return out


def _opens_list_line(sent: Sentence, tokens: list[Token], i: int) -> bool:
    """Does the name at tokens ``i``, ``i + 1`` open a line and a comma follow it, as in
    a list of people ("Anna Helin, johtaja, Oulun kaupunki")? Such a name is in the
    nominative: its surname is read as written, never as an inflected word ("Helin"
    is no genitive of "Heli")."""
    before = sent.text[:tokens[i].start - sent.start].rstrip(" \t*•·–-")
    return (not before or before.endswith("\n")) and i + 2 < len(tokens) and \
        tokens[i + 2].text == ","


def _also_first_name(tok: Token) -> bool:
    """A word read first as a surname that is also a first name ("Kari Hirvelä":
    libvoikko's first reading of "Kari" is the surname). (A first name libvoikko knows
    only as a place, "Mari", opens a name after a title: "kehittämispäällikkö Mari
    Aaltonen".)"""
    if tok.pos != "sukunimi":
        return False
    from graph_builder.morphology import analyser

    return any(cls == "etunimi" for _, cls, _ in analyser().analyse(tok.text))


def inflected_municipality(word: str, gaz: Gazetteer):
    """A municipality the analyser does not know, by its name and a case ending
    ("Isokyrössä", "Isokyröön": the text inflects the compound's last part only)."""
    from graph_builder.morphology import CASE_ENDINGS

    low = word.casefold()
    for ending in CASE_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            place = gaz.municipalities.get(low[:-len(ending)])
            if place is not None:
                return place
    if len(low) > 5 and low.endswith("n") and low[-2] == low[-3]:   # illative: -öön, -aan
        return gaz.municipalities.get(low[:-2])
    return None


def places(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Regions and municipalities by the base form of a capitalised word."""
    out = []
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper():
            continue
        region = gaz.region(tok.lemma)
        if region is not None:
            out.append(_mention(Kind.REGION, [tok], sent, "place.region", name=region.name,
                                code=region.code, confidence=0.95))
            continue
        place = gaz.municipality(tok.lemma)
        if place is None and not tok.known and i > 0:
            place = inflected_municipality(tok.text, gaz)   # "Isokyrössä", "Isokyröön"
        if place is None or tok.pos not in ("paikannimi", "") and not (
                tok.pos == "nimisana" and tok.lemma[:1].isupper()):
            continue   # "Kemiönsaari": a compound of a name that libvoikko reads as a noun
        if i == 0 and tok.pos != "paikannimi":
            continue
        out.append(_mention(Kind.MUNICIPALITY, [tok], sent, "place.municipality",
                            name=place.name, code=place.code, confidence=0.85))
    return out


def surname_first(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """Attendance lists of minutes: "Arola Matti      kunnanjohtaja". A known surname
    and a first name that open a line, then a column gap, a comma or the line's end,
    are a person, named first name first."""
    out = []
    for i in range(len(tokens) - 1):
        last, first = tokens[i], tokens[i + 1]
        if last.pos != "sukunimi" or first.pos != "etunimi" or last.case != "nimento" \
                or first.case != "nimento" or first.start - last.end != 1 \
                or not last.text[:1].isupper() or not first.text[:1].isupper():
            continue
        before = sent.text[:last.start - sent.start]
        if before[before.rfind("\n") + 1:].strip():
            continue  # not the first words of a line
        after = sent.text[first.end - sent.start:]
        if not re.match(r"(?:[ \t]{2,}|\t|[ \t]*,|[ \t]*(?:\n|$))", after):
            continue  # "Pelto Anna Maria …" or running text: not a list line
        if gaz.region(last.lemma) is not None or gaz.municipality(last.lemma) is not None:
            continue
        out.append(_mention(Kind.PERSON, [last, first], sent, "person.surname-first",
                            name=f"{first.text} {last.text}", confidence=0.8))
    return out


#: Finders in order of priority: on overlap, an earlier finder's longer name wins.
_GROUP_TITLE = re.compile(r"^(hankkeen |[A-ZÄÖÅ]{2,}-)?ohjausryhmä$", re.I)


def group_headings(sent: Sentence, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    """A heading or field label that is only "Ohjausryhmä" ("5 Ohjausryhmä",
    "Ohjausryhmä: …") names the steering group of the document's project: the
    members listed under it belong to that group, so it is an entity."""
    words = [t for t in tokens if not t.text.isdigit() and t.text not in (".", ":")]
    if not words:
        return []
    head = words[0]
    rest = sent.text[head.end - sent.start:].lstrip()
    alone = head is words[-1] or rest.startswith(":")
    if not alone or head.case != "nimento" or not _GROUP_TITLE.match(head.text):
        return []
    return [_mention(Kind.ORGANISATION, [head], sent, STEERING_HEADING_RULE,
                     name=head.text.lower(), confidence=0.7)]


FINDERS: tuple[Finder, ...] = (erva_areas, organisations, programmes, projects, national_bodies,
                               cooperation_partners, persons, surname_first, places,
                               group_headings, sub_projects, quoted_projects)


def select(candidates: list[tuple[int, Mention]]) -> list[Mention]:
    """Keep the best non-overlapping mentions: longer first, then finder priority."""
    ranked = sorted(candidates, key=lambda pm: (-(pm[1].end - pm[1].start), pm[0], pm[1].start))
    kept: list[Mention] = []
    for _, m in ranked:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _shouting(tokens: list[Token]) -> bool:
    """A line in capitals (minutes' headings): at least three words, all upper-case."""
    words = [t.text for t in tokens if t.text[:1].isalpha() and len(t.text) > 1]
    return len(words) >= 3 and all(w.isupper() for w in words)


def sentence_mentions(sent: Sentence, tokens: list[Token], gaz: Gazetteer,
                      blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """All mentions in one sentence; spans in ``blocked`` (e-mails, URLs) are skipped."""
    if _shouting(tokens):
        return []  # "EURAN KUNNAN OSALLISTUMINEN …": capitals say nothing about names
    usable = [t for t in tokens if all(t.end <= a or t.start >= b for a, b in blocked)]
    candidates = [(p, m) for p, finder in enumerate(FINDERS) for m in finder(sent, usable, gaz)]
    kept = select(candidates)
    return sorted(kept + [p for m in kept if (p := parent_body(m, usable, sent, gaz))],
                  key=lambda m: (m.start, -m.end))


#: Heads of bodies that have units of their own: "Jyväskylän yliopiston Koulutuksen
#: tutkimuslaitos", "Kokkolan kaupungin sivistyskeskus", "THL:n LAPE-tukitiimi".
PARENT_HEADS = ("yliopisto", "ammattikorkeakoulu", "kaupunki", "kunta", "kuntayhtymä",
                "sairaanhoitopiiri", "seurakunta", "seurakuntayhtymä", "ministeriö", "laitos",
                "virasto")


def parent_body(m: Mention, tokens: list[Token], sent: Sentence,
                gaz: Gazetteer) -> Mention | None:
    """The body a unit's name opens with, in the genitive: a mention of its own, so the
    unit can be tied to it (relations.units)."""
    if m.kind is not Kind.ORGANISATION or m.rule == ERVA_RULE:
        return None   # an area named after its host district is no unit of it
    span = [t for t in tokens if m.start <= t.start and t.end <= m.end]
    if span and (span[-1].text in LEGAL_FORMS or span[-1].lemma.lower().endswith("piiri")):
        return None   # "… Lastensuojeluliiton Lapin piiri ry": an association of its own
    for k, tok in enumerate(span[:-1]):
        genitive = tok.case == "omanto" or tok.text.endswith(":n")
        if not genitive:
            continue
        parent = span[:k + 1]
        if tok.text.endswith(":n") and k == 0:
            body = gaz.abbreviations.get(tok.lemma)
            if body is None:
                return None
            return _mention(Kind.ORGANISATION, parent, sent, PARENT_BODY_RULE, name=body.name,
                            confidence=0.85)
        if _head_of(tok.lemma.lower(), PARENT_HEADS) is None or not parent[0].text[:1].isupper() \
                or not tok.text[:1].islower() or k == 0:
            continue   # "Satakunnan", "Kunnan": a place or a word, no body before a unit
        lemma = tok.lemma.lower()
        if lemma in MUNICIPALITY_BODIES and k == 1:
            place = gaz.municipality(parent[0].lemma)
            if place is not None and place.kind == "municipality":
                return _mention(Kind.MUNICIPALITY, parent, sent, PARENT_BODY_RULE,
                                code=place.code, confidence=0.85)
            return None
        return _mention(Kind.ORGANISATION, parent, sent, PARENT_BODY_RULE, confidence=0.85)
    return None
