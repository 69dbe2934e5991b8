"""PDF to light markdown, with pypdf's text extraction.

Pages are extracted one by one and joined with a blank line. Lines broken
with a hyphen are rejoined when the next line starts in lower case
("kehittä-" + "mistyö" -> "kehittämistyö"), except where the hyphen is part of
the words: after an acronym or a digit ("LAPE-" + "muutosohjelma" ->
"LAPE-muutosohjelma"), between two identical vowels (Finnish "linja-auto"),
and before a conjunction, where it marks a shared compound part
("Sosiaali-" + "ja terveys..." -> "Sosiaali- ja terveys...").

A PDF is untrusted input to a large parser, so every failure of pypdf,
whatever its class, is reported as a damaged PDF rather than a traceback;
pypdf's own log warnings about repairs ("Ignoring wrong pointing object")
are silenced while it reads, since they name no file and would only confuse.
That silencing changes process-wide logging state for the duration of a
read, so PDFs should not be read from several threads at once.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from graph_builder.readers.base import Extracted, Unreadable
from graph_builder.readers.normalise import clean_text, collapse_space, is_blank

NO_TEXT = "no text layer (scanned PDF?)"
ENCRYPTED = "encrypted PDF"

_LINE_END_HYPHEN = re.compile("([-\u00ad\u2010])[ \t]*\n[ \t]*")
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "että", "kuin", "och", "eller", "and", "or"})
_VOWELS = frozenset("aeiouyäöå")
_WORD_SCAN = 40


def read_pdf(data: bytes) -> Extracted:
    """Extract the text of every page; raise :class:`Unreadable` with pypdf's reason."""
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader)
            pages = [_page_text(number, page) for number, page in enumerate(reader.pages, 1)]
            title = _title(reader)
        except Unreadable:
            raise
        except FileNotDecryptedError:
            raise Unreadable(ENCRYPTED) from None
        except DependencyError as err:
            raise Unreadable(f"{ENCRYPTED} that needs an extra package: {err}") from None
        except Exception as err:  # noqa: BLE001 - any parser failure is a damaged file
            raise Unreadable(f"damaged PDF: {_message(err)}") from None
    if not pages:
        raise Unreadable("damaged PDF: it has no pages")
    if all(is_blank(page) for page in pages):
        raise Unreadable(NO_TEXT)
    text = "\n\n".join(page for page in pages if not is_blank(page))
    return Extracted(text=text, title=title)


def rejoin_hyphenated(text: str) -> str:
    """Join words that a line break split at a hyphen; see the module docstring."""
    if "\n" not in text:
        return text
    return _LINE_END_HYPHEN.sub(_rejoin, text)


def _rejoin(match: re.Match[str]) -> str:
    text = match.string
    before = _word_before(text, match.start())
    after = _word_after(text, match.end())
    hyphen = match.group(1)
    if not before or not after or not after[0].islower():
        return match.group(0)
    if after in _CONJUNCTIONS:
        return "- "
    if hyphen == "\u00ad":
        return ""
    if before.isupper() or before[-1].isdigit() \
            or (before[-1].lower() in _VOWELS and before[-1].lower() == after[0]):
        return "-"
    return ""


def _word_before(text: str, end: int) -> str:
    start = end
    while start > max(0, end - _WORD_SCAN) and text[start - 1].isalnum():
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    while end < min(len(text), start + _WORD_SCAN) and text[end].isalpha():
        end += 1
    return text[start:end]


def _unlock(reader: PdfReader) -> None:
    """Open a PDF encrypted with an empty user password (permissions only), or refuse."""
    if not reader.is_encrypted:
        return
    if not reader.decrypt(""):
        raise Unreadable(ENCRYPTED)


def _page_text(number: int, page: object) -> str:
    try:
        raw = page.extract_text()  # type: ignore[attr-defined]
    except (FileNotDecryptedError, DependencyError):
        raise
    except Exception as err:  # noqa: BLE001 - see read_pdf
        raise Unreadable(f"damaged PDF: page {number}: {_message(err)}") from None
    return rejoin_hyphenated(clean_text(raw or "")).strip("\n")


def _title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # noqa: BLE001 - a broken info dictionary only costs the title
        return None
    if not isinstance(title, str):
        return None
    return collapse_space(clean_text(title)) or None


def _message(err: BaseException) -> str:
    text = collapse_space(str(err)) or type(err).__name__
    return text if len(text) <= 200 else text[:197] + "..."


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
