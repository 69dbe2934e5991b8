"""Values written the Finnish way: money, shares and dates.

A reader in Finnish public administration reads ``899 947 €`` and
``31.12.2018``; the graph holds ``899947`` and ``2018-12-31``. Only the
lexical forms of the graph are read, so that a partial date (``2018``,
``2018-12``) is never shown with a day it does not have.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NBSP = "\u00a0"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def decimal_or_none(text: str) -> Decimal | None:
    """The number in a lexical form, or None if it is not one."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def number(value: Decimal) -> str:
    """Thousands separated by a no-break space, decimal comma, no trailing zeros."""
    quantised = value.quantize(Decimal("0.01"))
    whole = quantised == quantised.to_integral_value()
    text = f"{quantised:,.0f}" if whole else f"{quantised:,.2f}"
    return text.replace(",", NBSP).replace(".", ",")


def money(value: Decimal, currency: str = "EUR") -> str:
    """``899 947 €``; other currencies keep their ISO code."""
    unit = "€" if currency == "EUR" else currency
    return f"{number(value)}{NBSP}{unit}"


def share(value: Decimal) -> str:
    """A fraction 0..1 as a Finnish percentage: ``0.8`` -> ``80 %``."""
    return f"{number(value * 100)}{NBSP}%"


def date(lexical: str) -> str:
    """``2018-12-31`` -> ``31.12.2018``, ``2018-12`` -> ``12/2018``, ``2018`` -> ``2018``."""
    match = _DATE.match(lexical)
    if not match:
        return lexical
    year, month, day = match.groups()
    if day:
        return f"{int(day)}.{int(month)}.{year}"
    if month:
        return f"{int(month)}/{year}"
    return year


def period(start: str | None, end: str | None) -> str:
    """A period with an en dash; an open end stays open; one value once."""
    if start and end and start == end:
        return date(start)
    if start and end:
        return f"{date(start)}–{date(end)}"
    if start:
        return f"{date(start)}–"
    if end:
        return f"–{date(end)}"
    return ""


def year_fraction(lexical: str, at_end: bool = False) -> float | None:
    """A date as a year with a fraction, for timelines.

    A partial date covers its whole month or year: as a start it begins the
    period, as an end (``at_end``) it closes it.
    """
    match = _DATE.match(lexical)
    if not match:
        return None
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return y + (1.0 if at_end else 0.0)
    m = min(max(int(month), 1), 12)
    if day is None:
        return y + (m if at_end else m - 1) / 12
    d = min(max(int(day), 1), 31)
    return y + (m - 1) / 12 + (d if at_end else d - 1) / 365
