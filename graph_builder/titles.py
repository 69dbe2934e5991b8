"""A person's job title, as Finnish texts and contact cards write it.

    perhe- ja sosiaalipalvelujen johtaja Arja Kuusisto   (before the name)
    Heidi Rosqvist, perhepalvelujen tulosaluejohtaja, PKSSK   (after, between commas)
    Hankkeen muutosagenttina toimiva Marjo Hirvelä        (essive + "toimiva")
    Marjo Hirvelä toimii hankkeen muutosagenttina         (essive after "toimii")
    Hankepäällikkö                                         (a card: the line above)
    Riikka Aaltonen
    Riikka Aaltonen                                     (or the line below)
    hankepäällikkö

A title word is one that ends in a title head ("-päällikkö", "-johtaja",
lexicon ``TITLE_HEADS``). Before the name, plural genitives and coordinated
stems ("perhe- ja sosiaalipalvelujen") belong to the title; a singular
genitive ("kaupungin", "kunnan") names the employer and does not.
"""

from __future__ import annotations

import re

from graph_builder.lexicon import TITLE_HEADS
from graph_builder.model import Token

_OPENING = re.compile(r"[\s>*•·▪◦●|–-]*")
_PLURAL_GENITIVE = re.compile(r"(jen|den|tten|ten|ien|iden|itten)$")
_AFTER = re.compile(r"\s*,\s*((?:[a-zäöå]+-?\s+(?:ja\s+)?){0,3}[a-zäöå-]+)\s*(?=[,(;.]|$|\n)")
_SERVES = re.compile(r"\s+(?:toimii|toimi|toiminut|työskentelee|työskenteli)\s+"
                     r"((?:[a-zäöå]+\s+){0,2}?)([a-zäöå-]+(?:na|nä))\b")
#: A card's title line: one word, or up to two lower-case words after a capitalised
#: one ("Kouluhyvinvoinnin suunnittelija"); a bracketed aside or a comma may follow.
_LINE_TITLE = re.compile(r"^\s*([A-ZÄÖÅ][a-zäöå-]+(?: [a-zäöå][a-zäöå-]+){0,2})"
                         r"(?:\s*\([^)\n]{0,80}\))?(?:\s*,\s*[^\n]{0,40})?\s*$")


def is_title(word: str) -> bool:
    return word.lower().endswith(TITLE_HEADS)


def title_near(tokens: list[Token], start: int, end: int, text: str) -> str | None:
    """The title written next to the name at ``text[start:end]``, or None."""
    return (_before(tokens, start, text) or _after(text, end) or _essive_before(tokens, start)
            or _serves_as(tokens, text, end) or _line_above(text, start)
            or _column_after(text, end) or _line_below(text, start, end))


_COLUMN = re.compile(r"[ \t]{2,}([a-zäöå][a-zäöå-]+)[ \t]*(?=,|\n|$)")


def _column_after(text: str, end: int) -> str | None:
    """A list in columns (minutes' attendance): "Arola Matti      kunnanjohtaja"."""
    m = _COLUMN.match(text[end:end + 80])
    if not m or not is_title(m.group(1)):
        return None
    return m.group(1)


def _before(tokens: list[Token], start: int, text: str) -> str | None:
    before = [t for t in tokens if t.end <= start]
    if not before or start - before[-1].end > 1:
        return None
    head = before[-1]
    # a title opening its line is written with a capital ("Kehittämispäällikkö Anna
    # Virta, p. …" on the second line of a contact paragraph)
    line_start = text.rfind("\n", 0, head.start) + 1
    first_of_line = len(before) == 1 or _OPENING.fullmatch(text[line_start:head.start])
    if not is_title(head.lemma) or not (head.text[:1].islower() or first_of_line):
        return None
    if first_of_line:
        return head.lemma.lower()
    words = [head.lemma]
    k = len(before) - 2
    while k >= 0 and before[k].text[:1].islower():
        tok = before[k]
        if _genitive_plural(tok):
            words.insert(0, tok.text)
            k -= 1
        elif tok.case == "nimento" and tok.pos in ("laatusana", "nimisana_laatusana") or \
                tok.case == "nimento" and tok.text.endswith(("va", "vä")) and len(words) == 1:
            words.insert(0, tok.text)   # "neuvotteleva virkamies", "johtava asiantuntija"
            k -= 1
        elif tok.case == "omanto" and len(words) == 1 and \
                (k == 0 or not (before[k - 1].text[:1].isupper() and
                                before[k - 1].case == "omanto")):
            words.insert(0, tok.text)   # "perhetyön esimies", "sairaanhoitopiirin johtaja";
            k -= 1                      # but "Kemin kaupungin johtaja": Kemi employs him
            break
        elif tok.text == "ja" and k >= 1 and before[k - 1].text[:1].islower() and (
                before[k - 1].text.endswith("-") or _genitive_plural(before[k - 1])):
            words[:0] = [before[k - 1].text, "ja"]
            k -= 2
        else:
            break
    return " ".join(words)


def _genitive_plural(tok: Token) -> bool:
    return tok.case == "omanto" and bool(_PLURAL_GENITIVE.search(tok.text))


def _after(text: str, end: int) -> str | None:
    m = _AFTER.match(text[end:end + 90])
    if not m:
        return None
    phrase = m.group(1)
    last = phrase.split()[-1]
    if not is_title(last) or last.endswith("-"):
        return None
    return phrase


def _essive_before(tokens: list[Token], start: int) -> str | None:
    """"muutosagenttina toimiva Marjo Hirvelä"."""
    before = [t for t in tokens if t.end <= start]
    if len(before) < 2 or not before[-1].lemma.lower().startswith(("toimiva", "työskentelevä")):
        return None
    essive = before[-2]
    if essive.case == "olento" and is_title(essive.lemma) and essive.text[:1].islower():
        return essive.lemma
    return None


def _serves_as(tokens: list[Token], text: str, end: int) -> str | None:
    """"Marjo Hirvelä toimii hankkeen muutosagenttina"."""
    m = _SERVES.match(text[end:end + 80])
    if not m:
        return None
    at = end + m.start(2)
    tok = next((t for t in tokens if t.start == at), None)
    if tok is not None and tok.case == "olento" and is_title(tok.lemma):
        return tok.lemma
    return None


_LINE_BELOW = re.compile(r"[ \t]*\n[ \t]*((?:[a-zäöå][\w-]*[ \t]+){0,3}[a-zäöå][\w-]*)[ \t]*"
                         r"(?:,[^\n]{0,60})?[ \t]*(?:\n|$)")


def _line_below(text: str, start: int, end: int) -> str | None:
    """A contact card with the title below the name: "Marjo Virta" on a line of its
    own, "projektipäällikkö" (or "kehittämiskoordinaattori, perhekeskus") on the next."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t*-•"):
        return None  # the name does not open its line
    m = _LINE_BELOW.match(text, end)
    if not m or not is_title(m.group(1).split()[-1]):
        return None
    return m.group(1)


_SERVE_VERB = re.compile(r"^(toimii|toimi|toimivat|toimineet|toiminut)$", re.I)


def office_before(tokens: list[Token], start: int) -> Token | None:
    """"Satakunnan muutosagenttina toimii kehittämispäällikkö Mari Virta": the essive
    title before "toimii" names the office the person holds (the title just before the
    name is their job). Returns the essive's token."""
    before = [t for t in tokens if t.end <= start]
    k = len(before) - 1
    while k >= 0 and len(before) - k <= 4 and before[k].text[:1].islower() and \
            not _SERVE_VERB.match(before[k].text):
        k -= 1   # the title phrase between the verb and the name
    if k < 1 or not _SERVE_VERB.match(before[k].text):
        return None
    essive = before[k - 1]
    if essive.case == "olento" and is_title(essive.lemma):
        return essive
    return None


def _line_above(text: str, start: int) -> str | None:
    """A contact card: the title on a short line of its own just above the name."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # the name does not open its line
    prev_end = line_start - 1
    if prev_end < 0:
        return None
    prev_start = text.rfind("\n", 0, prev_end) + 1
    m = _LINE_TITLE.match(text[prev_start:prev_end])
    if not m or not is_title(m.group(1)):
        return None
    return m.group(1).lower()
