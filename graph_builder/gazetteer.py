"""Look-ups over the reference data: regions, municipalities, national bodies.

The data itself lives in ``ontology/reference`` (with its sources); this
module only indexes it by the keys the name finders need: base forms of
names, abbreviations, and a spelling-insensitive key so that
"Terveyden- ja hyvinvoinninlaitos" finds "Terveyden ja hyvinvoinnin laitos".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ontology import reference


def loose_key(name: str) -> str:
    """Case-, space-, hyphen- and punctuation-insensitive key of a name."""
    text = unicodedata.normalize("NFC", name).casefold()
    return re.sub(r"[^0-9a-zåäöšžéü]", "", text)


@dataclass(frozen=True)
class Place:
    code: str
    name: str            # Finnish name
    kind: str            # "region" | "municipality"
    region: str | None = None


@dataclass(frozen=True)
class Body:
    key: str
    name: str
    abbreviation: str | None


_ERVA_TAIL = r"(?:-erva|-erityisvastuualue|:n\s+erityisvastuualue)\w*"
_ERVA_JOIN = r"(?:,\s*|\s+(?:ja|sekä|tai)\s+)"


@dataclass(frozen=True)
class ErvaPatterns:
    """How texts write a special responsibility area: its full name or its host
    district's genitive before "erityisvastuualue" (with the name written so),
    "KYS-erva" / "KYS:n erityisvastuualue", and each stem of "TAYS-, OYS- ja TYKS-ervat"."""

    named: tuple[tuple[re.Pattern[str], reference.ErvaArea, str], ...]
    short: re.Pattern[str] | None
    stems: re.Pattern[str] | None
    by_short: dict[str, reference.ErvaArea]


def _erva_patterns(areas: list[reference.ErvaArea]) -> ErvaPatterns:
    named = []
    for e in areas:
        # the host district is the first listed (erva_areas.csv: the hospital's own)
        host = e.hospital_districts[0] + "n" if e.hospital_districts else ""
        for stem in filter(None, (e.name_fi.rsplit(" ", 1)[0], host)):
            pattern = re.compile(rf"\b{re.escape(stem)}\s+erityisvastuualue\w*", re.I)
            named.append((pattern, e, f"{stem} erityisvastuualue"))
    shorts = "|".join(re.escape(e.hospital_abbreviation) for e in areas)
    if not shorts:
        return ErvaPatterns(tuple(named), None, None, {})
    short = re.compile(rf"\b({shorts}){_ERVA_TAIL}")
    stems = re.compile(rf"\b({shorts})-(?={_ERVA_JOIN}(?:(?:{shorts})-{_ERVA_JOIN})*"
                       rf"(?:{shorts}){_ERVA_TAIL})")
    return ErvaPatterns(tuple(named), short, stems,
                        {e.hospital_abbreviation: e for e in areas})


@dataclass(frozen=True)
class Gazetteer:
    regions: dict[str, Place]          # casefolded Finnish/Swedish name -> region
    municipalities: dict[str, Place]   # casefolded Finnish/Swedish name -> municipality
    bodies: dict[str, Body]            # loose key of any name -> body
    abbreviations: dict[str, Body]     # abbreviation as written -> body
    region_genitive: dict[str, str]    # region code -> Finnish genitive
    body_by_key: dict[str, Body]       # reference key ("stm") -> body
    ervas: dict[str, reference.ErvaArea]   # key ("hyks-erva") -> special responsibility area
    #: Names of one word other than abbreviations ("Kuntaliitto", "Eksote"), as written.
    one_word: dict[str, Body]
    #: Names of several words by their casefolded words ("siun", "sote"): brands
    #: with no type word for the name finders to catch.
    phrases: dict[str, list[tuple[tuple[str, ...], Body]]]   # by first word
    erva: ErvaPatterns   # the special responsibility areas' names, compiled once

    def region(self, lemma: str) -> Place | None:
        return self.regions.get(lemma.casefold())

    def municipality(self, lemma: str) -> Place | None:
        return self.municipalities.get(lemma.casefold())

    def body(self, name: str) -> Body | None:
        return self.bodies.get(loose_key(name))


@cache
def gazetteer() -> Gazetteer:
    """Index the reference data once per process."""
    regions: dict[str, Place] = {}
    genitive: dict[str, str] = {}
    for r in reference.regions():
        place = Place(r.code, r.name_fi, "region", r.code)
        for name in (r.name_fi, r.name_sv):
            if name:
                regions[name.casefold()] = place
        genitive[r.code] = r.genitive_fi
    municipalities: dict[str, Place] = {}
    for m in reference.municipalities():
        place = Place(m.code, m.name_fi, "municipality", m.region)
        municipalities.setdefault(m.name_fi.casefold(), place)
        if m.name_sv:
            municipalities.setdefault(m.name_sv.casefold(), place)
    bodies: dict[str, Body] = {}
    abbreviations: dict[str, Body] = {}
    one_word: dict[str, Body] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Body]]] = {}
    listed = [(b, (b.name_fi, b.name_sv, b.name_en, *b.alt_names))
              for b in reference.national_bodies()]
    listed += [(a, (a.name_fi, a.name_sv, *a.alt_names)) for a in reference.joint_authorities()]
    listed += [(h, (h.name_fi, h.name_sv, h.name_en, *h.alt_names))
               for h in reference.higher_education()]
    for b, names in listed:
        body = Body(b.key, b.name_fi, b.abbreviation or None)
        for name in filter(None, names):
            bodies[loose_key(name)] = body
            bodies.setdefault(loose_key(without_legal_form(name)), body)
        for name in b.alt_names:
            words = tuple(w.casefold() for w in name.split())
            if len(words) == 1 and name[:1].isupper():
                one_word[name] = body
            elif len(words) > 1 and not _LEGAL_FORM.search(name):
                phrases.setdefault(words[0], []).append((words, body))
        if b.abbreviation:
            abbreviations[b.abbreviation] = body
            bodies.setdefault(loose_key(b.abbreviation), body)
            if not b.abbreviation.isupper():
                one_word[b.abbreviation] = body   # "Eksote", "Carea": brands written as words
    ervas: dict[str, reference.ErvaArea] = {}
    for e in reference.erva_areas():   # "HYKS-erva", "HYKS:n erityisvastuualue" …
        body = Body(e.key, e.name_fi, e.abbreviation)
        ervas[e.key] = e
        short = e.hospital_abbreviation
        host = f"{e.hospital_districts[0]}n erityisvastuualue" if e.hospital_districts else ""
        for name in (e.name_fi, e.name_en, e.abbreviation, f"{short}-erityisvastuualue",
                     f"{short}:n erityisvastuualue", host):
            if not name:
                continue
            bodies[loose_key(name)] = body
    by_key = {b.key: b for b in bodies.values()}
    return Gazetteer(regions, municipalities, bodies, abbreviations, genitive, by_key, ervas,
                     one_word, phrases, _erva_patterns(list(ervas.values())))


#: A legal form closing a name: "Suomen Kuntaliitto ry" is written "Suomen Kuntaliitto" too.
_LEGAL_FORM = re.compile(r"\s+(ry|rf|r\.y\.|Oy|Oyj|Ab)$")


def without_legal_form(name: str) -> str:
    """"Suomen Kuntaliitto ry" -> "Suomen Kuntaliitto": the same body either way."""
    return _LEGAL_FORM.sub("", name)
