"""Finnish word forms for the generated corpus: place names, surnames, organisation heads.

Why this exists: the builder's hard part is inflection ("Kiuruvedellä",
"Rovaniemen kaupungin", "Kuusikko Oy:hyn"), so a benchmark corpus written
only in base forms would measure an easier problem than real pages pose.
The reference data gives each region's genitive and locative; municipalities
and surnames have no stored forms, so they are made here by a few
consonant-gradation rules and *kept only when libvoikko reads the made form
back as the intended name in the intended case*. A wrong guess is dropped,
never written, so the corpus holds no misspelt names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph_builder.morphology import analyser

#: Weak grades of a stem's last consonant cluster (strong -> weak).
_GRADATION = (("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"), ("rt", "rr"),
              ("kk", "k"), ("pp", "p"), ("tt", "t"), ("k", ""), ("p", "v"), ("t", "d"))
#: Last compound parts that take the adessive ("Kiuruvedellä", "Seinäjoella").
_ADESSIVE_PARTS = ("järvi", "vesi", "joki", "koski", "niemi", "mäki", "lampi")
_ADESSIVE_NAMES = frozenset({"Vantaa", "Imatra", "Lapua", "Kuortane", "Tampere"})
_BACK, _FRONT = set("aouAOU"), set("äöyÄÖY")
_CASES = {"genitive": "omanto", "inessive": "sisaolento", "adessive": "ulkoolento"}


def back_vowels(word: str) -> bool:
    """Vowel harmony: the last non-neutral vowel decides ("Pori" back, "Helsinki" front)."""
    for char in reversed(word):
        if char in _BACK:
            return True
        if char in _FRONT:
            return False
    return False


def stem_candidates(word: str) -> list[str]:
    """Oblique stems a nominative may have, most likely first ("Lahti" -> "Lahde", ...).

    Only a guess list: :func:`confirmed` keeps the one libvoikko accepts.
    """
    out: list[str] = []
    if word.endswith("nen"):
        out.append(word[:-3] + "se")
    vowel_stems = [word]
    if word.endswith("i"):
        vowel_stems.insert(0, word[:-1] + "e")
        if word.endswith("si"):
            vowel_stems.insert(0, word[:-2] + "de")
    if word.endswith("e"):
        vowel_stems.insert(0, word + "e")
    if word.endswith("s"):  # "Varkaus" -> "Varkaude", "Muhos" -> "Muhokse"
        out += [word[:-1] + "de", word[:-1] + "kse", word[:-1] + word[-2]]
    for stem in vowel_stems:
        out.append(stem)
        body, last = stem[:-1], stem[-1]
        for strong, weak in _GRADATION:
            if body.endswith(strong) and len(body) > len(strong) + 1:
                out.append(body[: -len(strong)] + weak + last)
                break
    return list(dict.fromkeys(out))


def reads_as(form: str, base: str, case: str) -> bool:
    """Does libvoikko read ``form`` as ``base`` in ``case`` (a SIJAMUOTO value)?"""
    return any(b.casefold() == base.casefold() and c == case
               for b, _, c in analyser().analyse(form))


@cache
def oblique_stem(word: str) -> str | None:
    """The stem that takes case endings ("Rovaniemi" -> "Rovanieme"), or None if unsure."""
    for stem in stem_candidates(word):
        if reads_as(stem + "n", word, _CASES["genitive"]):
            return stem
    return None


@dataclass(frozen=True)
class PlaceForms:
    """A place name with the forms running text needs."""

    name: str
    genitive: str      # "Rovaniemen" (Rovaniemen kaupunki)
    locative: str      # inessive or adessive, as the place customarily takes


@cache
def place_forms(name: str) -> PlaceForms | None:
    """Forms of a municipality name, each checked by libvoikko; None if any fails."""
    stem = oblique_stem(name)
    if stem is None:
        return None
    adessive = name in _ADESSIVE_NAMES or name.lower().endswith(_ADESSIVE_PARTS)
    ending, case = ("ll", "adessive") if adessive else ("ss", "inessive")
    # Harmony follows the last part of a compound ("Rovaniemellä"); let voikko choose.
    vowels = ("a", "ä") if back_vowels(stem) else ("ä", "a")
    for a in vowels:
        if reads_as(stem + ending + a, name, _CASES[case]):
            return PlaceForms(name, stem + "n", stem + ending + a)
    return None


@cache
def surname_genitive(name: str) -> str | None:
    """"Kärkkäinen" -> "Kärkkäisen", "Lehto" -> "Lehdon", or None when unsure."""
    stem = oblique_stem(name)
    return None if stem is None else stem + "n"


# --- Organisation names ---------------------------------------------------------------

#: Head words of organisation names and their case forms (the head alone inflects).
#: Keys are the written ending of the nominative; values: genitive, inessive,
#: allative, adessive, illative, elative.
HEADS: dict[str, tuple[str, str, str, str, str, str]] = {
    "kaupunki": ("kaupungin", "kaupungissa", "kaupungille", "kaupungilla", "kaupunkiin",
                 "kaupungista"),
    "kunta": ("kunnan", "kunnassa", "kunnalle", "kunnalla", "kuntaan", "kunnasta"),
    "kuntayhtymä": ("kuntayhtymän", "kuntayhtymässä", "kuntayhtymälle", "kuntayhtymällä",
                    "kuntayhtymään", "kuntayhtymästä"),
    "yhtymä": ("yhtymän", "yhtymässä", "yhtymälle", "yhtymällä", "yhtymään", "yhtymästä"),
    " ry": (" ry:n", " ry:ssä", " ry:lle", " ry:llä", " ry:hyn", " ry:stä"),
    " Oy": (" Oy:n", " Oy:ssä", " Oy:lle", " Oy:llä", " Oy:hyn", " Oy:stä"),
    "säätiö": ("säätiön", "säätiössä", "säätiölle", "säätiöllä", "säätiöön", "säätiöstä"),
    "korkeakoulu": ("korkeakoulun", "korkeakoulussa", "korkeakoululle", "korkeakoululla",
                    "korkeakouluun", "korkeakoulusta"),
    "liitto": ("liiton", "liitossa", "liitolle", "liitolla", "liittoon", "liitosta"),
    "piiri": ("piirin", "piirissä", "piirille", "piirillä", "piiriin", "piiristä"),
    "liikelaitos": ("liikelaitoksen", "liikelaitoksessa", "liikelaitokselle",
                    "liikelaitoksella", "liikelaitokseen", "liikelaitoksesta"),
    "yliopisto": ("yliopiston", "yliopistossa", "yliopistolle", "yliopistolla",
                  "yliopistoon", "yliopistosta"),
    "seurakuntayhtymä": ("seurakuntayhtymän", "seurakuntayhtymässä", "seurakuntayhtymälle",
                         "seurakuntayhtymällä", "seurakuntayhtymään", "seurakuntayhtymästä"),
}
CASE_INDEX = {"genitive": 0, "inessive": 1, "allative": 2, "adessive": 3, "illative": 4,
              "elative": 5}


def head_of(name: str) -> str:
    """The head ending of an organisation name (longest known ending)."""
    for head in sorted(HEADS, key=len, reverse=True):
        if name.endswith(head):
            return head
    raise ValueError(f"no known head word in organisation name {name!r}")


def inflect_org(name: str, case: str) -> str:
    """"Rovaniemen kaupunki", "genitive" -> "Rovaniemen kaupungin"; only the head changes."""
    if case == "nominative":
        return name
    head = head_of(name)
    return name[: len(name) - len(head)] + HEADS[head][CASE_INDEX[case]]


def inflect_abbreviation(abbr: str, case: str) -> str:
    """"KSSHP", "genitive" -> "KSSHP:n"; a lower-case tail takes the ending directly."""
    endings = {"genitive": "n", "inessive": "ssä", "allative": "lle", "adessive": "llä",
               "illative": "ään", "elative": "stä", "nominative": ""}
    ending = endings[case]
    if not ending:
        return abbr
    if re.search(r"[a-zäö]$", abbr):        # "Eksote" -> "Eksoten", "Eksotessa"
        if back_vowels(abbr):
            ending = ending.replace("ä", "a")
        if case == "illative":
            ending = abbr[-1] + "n"
        return abbr + ending
    return f"{abbr}:{ending if case != 'illative' else 'iin'}"


def ascii_fold(text: str) -> str:
    """"Kärkkäinen" -> "karkkainen": how e-mail addresses and slugs spell names."""
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u",
                           "Ä": "a", "Ö": "o", "Å": "a"})
    return re.sub(r"[^a-z0-9.-]", "", text.translate(table).lower().replace(" ", "-"))
