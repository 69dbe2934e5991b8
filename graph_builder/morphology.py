"""Finnish words: tokens, base forms and the base form of a whole name.

libvoikko does the analysis. Its readings are filtered for names: a
capitalised word prefers a proper-noun reading ("Turkuun" -> "Turku", not
the common noun "turku"), a word the analyser does not know keeps its written
form, a word ending in a hyphen ("Sosiaali-") is never lemmatised, and a
clipped abbreviation keeps its letters ("LAPE:n" -> "LAPE", "BOTNIAn" ->
"BOTNIA"). Finnish inflects only the last word of a name, so a name's base
form is its words as written with the last one in base form
("Eskoon sosiaalipalvelujen kuntayhtymän" -> "... kuntayhtymä").
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from graph_builder.lexicon import COLON_CASE
from graph_builder.model import Token

_WORD = re.compile(
    r"[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-žŠšŽž]+(?:[-:'’][0-9A-Za-zÀ-ÖØ-öø-ÿĀ-žŠšŽž]+)*-?"
    r"|[^\sA-Za-zÀ-ÖØ-öø-ÿĀ-ž0-9]")
_PROPER = ("paikannimi", "etunimi", "sukunimi", "nimi")
_CLITICS = ("kaan", "kään", "kin", "han", "hän", "pa", "pä", "ko", "kö")
_POSSESSIVES = ("nsa", "nsä", "mme", "nne", "ni", "si", "an", "än", "en", "in", "on", "un", "yn")
#: Upper-case abbreviation with a lower-case case ending: "BOTNIAn", "LAPEssa",
#: "LAPEen" (illative: the last vowel doubled as "e", then "n"), "EUhun".
_CAPS_INFLECTED = re.compile(r"^([A-ZÄÖÅ]{2,}[A-ZÄÖÅ0-9]*)(n|ssa|ssä|sta|stä|lla|llä|lle|lta|ltä|"
                             r"ksi|a|ä|ta|tä|na|nä|han|hen|hin|hon|hun|hyn|iin|ään|aan|een|"
                             r"en|in|on|un|yn|ineen)$")


class Analyser:
    """A cached libvoikko analyser; one per process (libvoikko is not thread-safe)."""

    def __init__(self) -> None:
        try:
            import libvoikko
        except ImportError as exc:  # pragma: no cover - depends on the machine
            raise RuntimeError(
                "libvoikko is not installed: run scripts/setup.sh, or "
                "`apt-get install libvoikko1 voikko-fi` and `pip install libvoikko`") from exc
        try:
            self._voikko = libvoikko.Voikko("fi")
        except OSError as exc:  # pragma: no cover - depends on the machine
            raise RuntimeError(
                f"libvoikko could not load its Finnish dictionary ({exc}): "
                "install the Debian packages libvoikko1 and voikko-fi") from exc
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)

    def _analyse(self, word: str) -> tuple[tuple[str, str, str], ...]:
        """All readings of ``word`` as (base form, class, case)."""
        return tuple((a.get("BASEFORM", word), a.get("CLASS", ""), a.get("SIJAMUOTO", ""))
                     for a in self._voikko.analyze(word))

    def reading(self, word: str) -> tuple[str, str, str, bool]:
        """The best reading for a name-minded reader: (lemma, class, case, known)."""
        if word.endswith("-") or not word[:1].isalpha():
            return word, "", "", False
        caps = _CAPS_INFLECTED.match(word)
        if caps:
            return caps.group(1), "lyhenne", "", True
        colon = COLON_CASE.search(word)
        if colon:
            return word[:colon.start()], "lyhenne", "", True
        if "-" in word:
            return self._compound(word)
        readings = self.analyse(word)
        if not readings:
            return self._unknown(word)
        capital = word[0].isupper()
        if capital:
            proper = [r for r in readings if r[1] in _PROPER]
            if proper:
                base, cls, case = proper[0]
                return base, cls, case, True
            base, cls, case = readings[0]
            if word.isupper() or cls == "teonsana":
                return word, "", case, False  # "Verso" is a name, not a verb
            return base[:1].upper() + base[1:], cls, case, True
        base, cls, case = readings[0]
        return base, cls, case, True

    def _compound(self, word: str) -> tuple[str, str, str, bool]:
        """"LAPE-hanketta" -> "LAPE-hanke": base form of the last part."""
        whole = self.analyse(word)
        if whole:
            proper = [r for r in whole if r[1] in _PROPER and r[0][:1].isupper()]
            base, cls, case = (proper or list(whole))[0]
            if word[0].isupper() and not base[0].isupper():
                base = word[:1] + base[1:]
            if base.lower().split("-")[0] == word.lower().split("-")[0]:
                head, _, _ = word.rpartition("-")
                tail = base.split("-")[-1]
                return f"{head}-{tail}", cls, case, True
            return base, cls, case, True
        head, _, last = word.rpartition("-")
        lemma, cls, case, known = self.reading(last) if last[:1].islower() else (
            last, "", "", False)
        return f"{head}-{lemma}", cls, case, known

    def _unknown(self, word: str) -> tuple[str, str, str, bool]:
        """An unknown word: strip clitics and possessives, or read its longest known tail."""
        lower = word.lower()
        for clitic in _CLITICS:
            if lower.endswith(clitic) and len(lower) > len(clitic) + 3:
                found = self.analyse(word[: -len(clitic)])
                if found:
                    return found[0][0], found[0][1], found[0][2], True
        for suffix in _POSSESSIVES:
            if lower.endswith(suffix) and len(lower) > len(suffix) + 4:
                stem = word[: -len(suffix)]
                found = self.analyse(stem) or self.analyse(stem + "a") or self.analyse(stem + "ä")
                if found:
                    return found[0][0], found[0][1], found[0][2], True
        if word[:1].islower():
            for cut in range(3, len(word) - 3):
                found = self.analyse(word[cut:])
                if found and found[0][1] not in _PROPER:
                    base, cls, case = found[0]
                    return word[:cut] + base, cls, case, True
        return word, "", "", False


_WORDBASE = re.compile(r"\+([^+(]*)\(([^)]*)\)")


def _bases(an: Analyser, word: str) -> list[str]:
    """Compound parts of a word by their base forms: "perhepalveluiden" -> perhe, palvella."""
    if word.endswith("-"):
        return [word[:-1].lower()]
    readings = an._voikko.analyze(word)
    if not readings:
        return [word.lower()]
    parts = [base for _, base in _WORDBASE.findall(readings[0].get("WORDBASES", ""))
             if base and not base.startswith("+")]
    return [p.lower() for p in parts] or [readings[0].get("BASEFORM", word).lower()]


def content_signature(name: str) -> str | None:
    """The bag of compound parts of a name, order and inflection aside.

    "Lapsi- ja perhepalveluiden muutosohjelma", "Lasten ja perheiden palveluiden
    muutosohjelma" and "Lapsiperhepalvelujen muutosohjelma" share one signature;
    None when a name has too few parts to say anything."""
    an = analyser()
    parts: set[str] = set()
    for word in re.findall(r"[\w-]+", name):
        if word.lower() in ("ja", "sekä", "tai"):
            continue
        for piece in ([word] if word.endswith("-") else [w for w in word.split("-") if w]):
            parts.update(_bases(an, piece))
    return " ".join(sorted(parts)) if len(parts) >= 4 else None


@lru_cache(maxsize=1)
def analyser() -> Analyser:
    """The process's analyser (created on first use, not at import)."""
    return Analyser()


def tokenize(text: str, offset: int = 0, analyse: bool = True) -> list[Token]:
    """Words and punctuation of ``text`` with their readings."""
    tokens: list[Token] = []
    an = analyser() if analyse else None
    matches = list(_WORD.finditer(text))
    skip = False
    for k, match in enumerate(matches):
        if skip:
            skip = False
            continue
        word = match.group()
        start, end = offset + match.start(), offset + match.end()
        joined = _line_break_join(text, match, matches[k + 1] if k + 1 < len(matches) else None)
        if joined is not None:
            word, skip = joined, True
            end = offset + matches[k + 1].end()
        if an is not None and word[:1].isalpha():
            lemma, pos, case, known = an.reading(word)
        else:
            lemma, pos, case, known = word, "", "", False
        tokens.append(Token(word, start, end, lemma, pos, case, known))
    return tokens


#: Words after a hyphen at a line's end that show the hyphen is the first half of
#: a coordination ("sosiaali-\nja terveysministeriö"), not a broken word.
_COORDINATORS = ("ja", "sekä", "tai", "eli")


def _line_break_join(text: str, match: re.Match[str], nxt: re.Match[str] | None) -> str | None:
    """A word broken at a line's end in text copied from a PDF: "Centria-\nammatti-
    korkeakoulu" is "Centria-ammattikorkeakoulu" (a hyphen after a capitalised or
    upper-case part stays), "perhe-\nkeskus" is "perhekeskus" (a soft hyphen goes)."""
    word = match.group()
    if nxt is None or not word.endswith("-") or len(word) < 3:
        return None
    gap = text[match.end():nxt.start()]
    second = nxt.group()
    if "\n" not in gap or gap.count("\n") > 1 or gap.strip() or not second[:1].islower() \
            or second in _COORDINATORS:
        return None
    return word + second if word[:1].isupper() else word[:-1] + second


#: Case endings an unknown word (a brand, an abbreviation written as a word) takes
#: straight after its stem: "Eksoten", "Soitessa", "Careassa", "soteen".
CASE_ENDINGS = ("n", "a", "ä", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
                "lle", "ksi", "na", "nä", "han", "hen", "hin", "hon", "hun", "aan", "ään",
                "een", "iin", "t", "ja", "jä", "ta", "tä", "en", "in")


def known_stem(word: str, known: Container[str]) -> str | None:
    """The word, or its stem before a case ending, if it is in ``known``
    ("Eksoten" -> "Eksote" when "Eksote" is known). Libvoikko does not know
    brands, so their inflected forms come back unanalysed."""
    if word in known:
        return word
    for k in _ENDING_LENGTHS:   # shortest ending first, as the list was tried before
        stem = word[:-k]
        if len(stem) >= 3 and word[-k:] in _ENDINGS and stem in known:
            return stem
    return None


_ENDINGS = frozenset(CASE_ENDINGS)
_ENDING_LENGTHS = sorted({len(e) for e in CASE_ENDINGS})


def is_acronym(word: str) -> bool:
    """"LAPE", "STM", "SeAMK", "KYS": two or more capitals and few small letters."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    return len(letters) >= 2 and capitals >= 2 and capitals >= len(letters) - 2


def name_base_form(tokens: list[Token]) -> str:
    """A multi-word name with its last word in base form and the rest as written."""
    if not tokens:
        return ""
    words = [t.text for t in tokens[:-1]]
    last = tokens[-1]
    lemma = last.lemma if last.lemma else last.text
    if last.text[:1].isupper() and lemma[:1].islower():
        lemma = lemma[:1].upper() + lemma[1:]
    if last.text[:1].islower() and lemma[:1].isupper() and last.pos not in _PROPER:
        lemma = lemma[:1].lower() + lemma[1:]
    words.append(lemma)
    # adjectives agree with the head: "yliopistollisen keskussairaalan" -> "yliopistollinen …"
    k = len(tokens) - 2
    while k >= 0 and last.case and tokens[k].case == last.case and last.case != "nimento" \
            and tokens[k].pos in ("laatusana", "nimisana_laatusana") \
            and tokens[k].text[:1].islower():
        words[k] = tokens[k].lemma
        k -= 1
    return join_words(words, tokens)


def join_words(words: list[str], tokens: list[Token]) -> str:
    """Join words, keeping no space where the text had none ("SeAMK Oy", "Lupa auttaa!"),
    nor where a PDF broke a compound at its hyphen before a capital ("Pohjois-" at a
    line's end, "Savon liitto" on the next: "Pohjois-Savon liitto"; a hyphen and a
    space before a capital word never stand in Finnish, "Pohjois- ja Etelä-Savo"
    goes on in lower case)."""
    out = words[0]
    for i in range(1, len(words)):
        gap = tokens[i].start - tokens[i - 1].end
        prev = words[i - 1]
        broken = len(prev) > 1 and prev.endswith("-") and prev[-2].isalpha() and \
            words[i][:1].isupper()
        out += (" " if gap > 0 and not broken else "") + words[i]
    return out
