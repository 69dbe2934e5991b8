"""Values in Finnish text: money, shares, dates and periods, e-mails, phones, web addresses.

Each finder is a pure function from a sentence (its text and document
offset) to value matches with their spans, so a fact's provenance can point
at the words. Precision is kept as written: "2018" is a year, "lokakuun
2018" a year and month, "31.12.2018" a day — a day is never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from graph_builder.lexicon import FUNDING_CUES, MONTHS

DASH = r"[-–—‐‑]"


@dataclass(frozen=True)
class When:
    """A point in time at its real precision: year, year-month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Period:
    """A span of text that states a time: a point, or a start and an end."""

    start: When | None
    end: When | None
    span: tuple[int, int]
    cue: str = ""          # "range", "for-year", "during", "start-of", "by" ...


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    span: tuple[int, int]
    kind: str              # FUNDING_KINDS
    share: Decimal | None = None
    approximate: bool = False


@dataclass(frozen=True)
class Contact:
    kind: str              # "email" | "telephone" | "homepage"
    value: str             # normalised: address, E.164 number, URL
    span: tuple[int, int]


_DATE = r"(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})"
_YEAR = r"((?:19|20)\d{2})"
_DATE_RANGE = re.compile(_DATE + r"\s*" + DASH + r"\s*" + _DATE)
_OPEN_DATE_RANGE = re.compile(r"(\d{1,2})\.(\d{1,2})\.?\s*" + DASH + r"\s*" + _DATE)
_MONTH_RANGE = re.compile(r"(?<![\d/])(\d{1,2})/((?:19|20)\d{2})\s*" + DASH +
                          r"\s*(\d{1,2})/((?:19|20)\d{2})(?![\d/])")
_YEAR_RANGE = re.compile(r"(?<![\d.])" + _YEAR + r"\s*" + DASH + r"\s*" + _YEAR + r"(?!\d|\.\d)")
_SINGLE_DATE = re.compile(r"(?<![\d.])" + _DATE + r"(?![\d])")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")(?:n|ssa|ssä|sta|stä|hun|lle)?\s+"
                         + _YEAR + r"\b", re.I)
_YEAR_PHRASE = re.compile(
    r"\b(vuodelle|vuonna|vuoden|vuoteen|vuodesta|vuosille|vuosina|vuosien|v\.)\s+" + _YEAR
    + r"(?:\s+(aikana|alussa|alusta|lopussa|loppuun|lopulla|mennessä|asti|saakka))?", re.I)
_BARE_YEAR = re.compile(r"(?<![\d.,])" + _YEAR + r"(?!\d|[.,]\d|\s*(?:euro|€|%|M€|milj))")

_NUMBER = r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?"
_MONEY = re.compile(
    r"(?:(noin|n\.|yli|lähes|ainakin|enintään|yhteensä)\s+)?(?<![\d,.])" + _NUMBER
    + r"\s*(miljoonaa|miljoonan|miljoonalla|miljoonaan|miljoonasta|milj\.?|M|mrd|miljardia|"
    r"tuhatta|t|k)?\s*"
    r"(euroa|euron|eurolla|eurosta|euroon|euro|€|EUR|e)(?![\w])", re.I)
_SHARE = re.compile(r"^\s*\(\s*(\d{1,3}(?:,\d+)?)\s*%\s*\)")
#: "osuus on 80 % eli 948 800 euroa": the share, then the amount it comes to.
_SHARE_BEFORE = re.compile(r"(?<![\d,])(\d{1,3}(?:,\d+)?)\s*(?:%|prosenttia)\s*(?:eli|,)\s*$")
#: "Valtionavustus kattaa 80 % kustannuksista": a share stated without an amount.
_PERCENT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d+)?)\s*(?:%|prosenttia)")
#: The multiplier words as written: "5,67 miljoonalla eurolla" is an amount too (the
#: adessive says what something is paid with), "miljoonaan" and "miljoonasta" likewise.
_MULTIPLIER = {"miljoonaa": 10**6, "miljoonan": 10**6, "miljoonalla": 10**6,
               "miljoonaan": 10**6, "miljoonasta": 10**6, "milj": 10**6, "milj.": 10**6,
               "m": 10**6, "mrd": 10**9, "miljardia": 10**9, "tuhatta": 10**3,
               "t": 10**3, "k": 10**3}

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
#: "etunimi.sukunimi(at)kunta.fi", "nimi [at] kunta.fi": an address written to fool
#: harvesters; the mark between brackets stands for "@".
_EMAIL_AT = re.compile(r"([A-Za-z0-9._%+-]+)\s?[(\[{<]\s?(?:at|a|ät|miukumauku)\s?[)\]}>]\s?"
                       r"([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})", re.I)
#: "etunimi.sukunimi@laukaa.fi" tells the pattern of a domain's addresses, nobody's address.
_EMAIL_TEMPLATE = re.compile(r"etunimi|sukunimi|firstname|lastname|forename|surname", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.I)
_PHONE = re.compile(r"(?<![\d.,])(?:\+358[\s-]?\(?0?\)?\s?\d{1,3}|\(?0\d{1,3}\)?)"
                    r"(?:[\s-]?\d{2,4}){2,3}"
                    r"(?!\d|[.,]\d|\s*(?:euro|€|%))")


def _valid(year: int, month: int | None = None, day: int | None = None) -> When | None:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return When(year, month, day)


def periods(text: str, offset: int = 0) -> list[Period]:
    """Every time expression in ``text``; longer forms win over the parts they contain."""
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(period: Period | None, s: int, e: int) -> None:
        if period is not None and free(s, e):
            taken.append((s, e))
            found.append(period)

    for m in _DATE_RANGE.finditer(text):
        a = _valid(int(m[3]), int(m[2]), int(m[1]))
        b = _valid(int(m[6]), int(m[5]), int(m[4]))
        add(Period(a, b, (offset + m.start(), offset + m.end()), "range") if a and b else None,
            m.start(), m.end())
    for m in _OPEN_DATE_RANGE.finditer(text):
        b = _valid(int(m[5]), int(m[4]), int(m[3]))
        a = _valid(int(m[5]), int(m[2]), int(m[1])) if b else None
        add(Period(a, b, (offset + m.start(), offset + m.end()), "range") if a and b else None,
            m.start(), m.end())
    for m in _MONTH_RANGE.finditer(text):
        a, b = _valid(int(m[2]), int(m[1])), _valid(int(m[4]), int(m[3]))
        add(Period(a, b, (offset + m.start(), offset + m.end()), "range") if a and b else None,
            m.start(), m.end())
    for m in _YEAR_RANGE.finditer(text):
        a, b = int(m[1]), int(m[2])
        if a <= b <= a + 30:
            add(Period(When(a), When(b), (offset + m.start(), offset + m.end()), "range"),
                m.start(), m.end())
    for m in _SINGLE_DATE.finditer(text):
        d = _valid(int(m[3]), int(m[2]), int(m[1]))
        add(Period(d, d, (offset + m.start(), offset + m.end()), "date") if d else None,
            m.start(), m.end())
    for m in _MONTH_YEAR.finditer(text):
        w = When(int(m[2]), MONTHS[m[1].lower()])
        add(Period(w, w, (offset + m.start(), offset + m.end()), "month"), m.start(), m.end())
    for m in _YEAR_PHRASE.finditer(text):
        w = When(int(m[2]))
        word, tail = m[1].lower(), (m[3] or "").lower()
        cue = ("start-of" if tail in ("alussa", "alusta") else
               "by" if word == "vuoteen" or tail in ("mennessä", "asti", "saakka", "loppuun") else
               "end-of" if tail in ("lopussa", "lopulla") else
               "from" if word == "vuodesta" else "year")
        add(Period(w, w, (offset + m.start(), offset + m.end()), cue), m.start(), m.end())
    for m in _BARE_YEAR.finditer(text):
        w = When(int(m[1]))
        add(Period(w, w, (offset + m.start(), offset + m.end()), "bare-year"), m.start(), m.end())
    return sorted(found, key=lambda p: p.span)


def _amount(number: str, decimals: str | None, multiplier: str | None) -> Decimal | None:
    digits = re.sub(r"[ \u00a0\u202f]", "", number)
    try:
        value = Decimal(digits + ("." + decimals if decimals else ""))
    except InvalidOperation:
        return None
    if multiplier:
        value *= _MULTIPLIER.get(multiplier.lower().rstrip(".") if multiplier.lower() != "milj."
                                 else "milj", 1)
    return value


def funding_kind(before: str) -> str:
    """The kind of an amount from the words before it: the nearest cue wins."""
    best, best_pos, best_end = "funding", -1, -1
    for pattern, kind in FUNDING_CUES:
        for m in pattern.finditer(before):
            if m.start() > best_pos and not m.end() <= best_end:
                best, best_pos, best_end = kind, m.start(), m.end()
    return best


def money(text: str, offset: int = 0) -> list[Money]:
    """Amounts of money with their kind (from cue words) and share ("(80 %)")."""
    out: list[Money] = []
    for m in _MONEY.finditer(text):
        unit = m[5]
        if unit.lower() == "e" and not m[4]:
            continue  # a lone "e" is too weak a currency mark
        value = _amount(m[2], m[3], m[4])
        if value is None or value <= 0:
            continue
        share_match = _SHARE.match(text[m.end():]) or \
            _SHARE_BEFORE.search(text[max(0, m.start() - 30):m.start()])
        share = None
        if share_match:
            share = Decimal(share_match[1].replace(",", ".")) / 100
            if share > 1:
                share = None
        clause_start = max(text.rfind(";", 0, m.start()), text.rfind(". ", 0, m.start()))
        kind = funding_kind(text[clause_start + 1:m.start()])
        approx = bool(m[1]) and m[1].lower() in ("noin", "n.", "lähes", "yli", "ainakin")
        out.append(Money(Decimal(format(value.normalize(), "f")),
                         "EUR", (offset + m.start(), offset + m.end()), kind, share, approx))
    return out


@dataclass(frozen=True)
class Share:
    """"Valtionavustus kattaa 80 % …": the share of one kind of money, without its amount."""

    share: Decimal
    kind: str
    span: tuple[int, int]


def shares(text: str, offset: int = 0) -> list[Share]:
    """Percentages that a cue word before them in the same clause makes the share of
    one kind of money (state grant, own contribution). Percentages that belong to an
    amount (``money``) and those of no named kind ("rahoitus 80 %") are left out."""
    if "%" not in text:
        return []   # most sentences: no need to read their amounts
    amounts = money(text)
    out: list[Share] = []
    for m in _PERCENT.finditer(text):
        if any(a.span[0] - 30 <= m.start() <= a.span[1] + 6 for a in amounts):
            continue
        clause_start = max(text.rfind(";", 0, m.start()), text.rfind(". ", 0, m.start()),
                           text.rfind(",", 0, m.start()))
        before = text[clause_start + 1:m.start()]
        kind = funding_kind(before)
        value = Decimal(m[1].replace(",", ".")) / 100
        if kind in ("state-grant", "own-contribution") and 0 < value <= 1:
            out.append(Share(value, kind, (offset + m.start(), offset + m.end())))
    return out


def e164(number: str) -> str | None:
    """A Finnish phone number in E.164 ("044 797 1411" -> "+358447971411")."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+"):
        if not digits.startswith("358"):
            return None
        rest = digits[3:].lstrip("0")
    elif digits.startswith("0"):
        rest = digits[1:]
    else:
        return None
    if not 6 <= len(rest) <= 11:
        return None
    return "+358" + rest


def contacts(text: str, offset: int = 0) -> list[Contact]:
    """E-mail addresses, phone numbers and web addresses."""
    out: list[Contact] = []
    taken: list[tuple[int, int]] = []
    for m in _EMAIL.finditer(text):
        taken.append((m.start(), m.end()))
        if not _EMAIL_TEMPLATE.search(m.group().split("@")[0]):
            out.append(Contact("email", m.group().lower(), (offset + m.start(), offset + m.end())))
    for m in _EMAIL_AT.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        if not _EMAIL_TEMPLATE.search(m[1]):
            out.append(Contact("email", f"{m[1]}@{m[2]}".lower(),
                               (offset + m.start(), offset + m.end())))
    for m in _URL.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        url = m.group().rstrip(".,;:")
        if url.lower().startswith("www."):
            url = "https://" + url
        out.append(Contact("homepage", url, (offset + m.start(), offset + m.start() + len(url))))
        taken.append((m.start(), m.end()))
    for m in _PHONE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        number = e164(m.group())
        if number:
            out.append(Contact("telephone", number, (offset + m.start(), offset + m.end())))
    return sorted(out, key=lambda c: c.span)
