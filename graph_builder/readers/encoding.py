"""Bytes to text: is a file text at all, and in which encoding?

The order of the checks is the policy, from most to least certain:

1. A byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32); it wins.
2. Magic numbers of images, archives and programs: not text.
3. UTF-16 without a BOM, seen in the pattern of NUL bytes (every other byte
   is NUL in Latin-script UTF-16).
4. Any other NUL byte in the first 8 KiB: not text (git's rule).
5. Strict UTF-8. Valid UTF-8 with non-ASCII bytes is practically never
   anything else, so it wins over a ``<meta charset>`` that says otherwise.
6. The encoding an HTML page declares, if it decodes strictly.
7. charset-normalizer, but only believed when it finds a non-Latin script
   (Cyrillic, Greek, CJK ...). Among Latin single-byte code pages it guesses
   badly on Finnish: cp1252 "Seinäjoen" comes back as mac_latin2 "Seinšjoen".
8. Otherwise Windows-1252, as browsers do for every "latin-1" label: it is
   ISO-8859-1 plus € and typographic quotes in 0x80-0x9F. A file that is
   mostly UTF-8 (at least as many bytes in valid UTF-8 sequences as stray
   ones) is read as UTF-8 with the stray bytes taken as cp1252 (reported as
   ``utf-8+cp1252``): files edited with two editors look like that.

Last, the decoded text must look like text, checked on its first 64 Ki
characters: if more than 5 % of the visible characters are control
characters, replacement characters or private-use code points, or, when
Windows-1252 was the fallback and there are at least 64 visible characters
to judge by, more than 30 % are not ASCII (Finnish prose has under 10 %,
random bytes half or more; a short "Määrä 899 947 €." has 31 %), it is
binary data that a single-byte code page happened to decode: cp1252 decodes
almost any bytes.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from graph_builder.readers.base import Unreadable

BINARY = "binary file, not text"

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "program"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"{\\rtf", "RTF document"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_PDF = re.compile(rb"[ \t\r\n\f\x00]*%PDF-")

_HEAD = 8192
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.05
_MAX_NON_ASCII_SHARE = 0.30
_MIN_VISIBLE_TO_JUDGE = 64
_NON_ASCII = re.compile("[^\x00-\x7f]")
_HIGH_BYTES = bytes(range(0x80, 0x100))

# Characters that do not occur in text: C0/C1 controls other than white
# space, U+FFFD (what a decoder puts for bad bytes), private use, surrogates.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
# A UTF-8 multi-byte sequence; cp1252 text practically never contains one.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)

#: Codecs believed from charset-normalizer: scripts cp1252 cannot be mistaken for.
OTHER_SCRIPTS = frozenset({
    "cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5", "cp866", "cp855",
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "cp874", "tis_620", "cp932", "shift_jis", "euc_jp", "iso2022_jp",
    "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "cp949", "euc_kr",
})
_MIN_COHERENCE = 0.2

# Windows-1252 as browsers decode it: the five bytes cp1252 leaves undefined
# map to the C1 controls of the same value (later removed as controls).
_WINDOWS_1252 = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)
_FALLBACK_HANDLER = "lapekg-cp1252"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file's bytes, with the encoding that was used."""

    text: str
    encoding: str


class NotText(Unreadable):
    """The bytes are binary data (an image, an archive, a program ...)."""


def binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with (PDF aside), or None."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if _BZIP2.match(data):
        return "bzip2 archive"
    return None


def is_pdf(data: bytes) -> bool:
    """True when ``data`` starts (after white space) with the PDF header."""
    return _PDF.match(data[:1024]) is not None


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML file declares in its first 4 KiB, as a codec name.

    ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean Windows-1252, as in
    browsers (the WHATWG Encoding standard); UTF-16 declarations are ignored,
    since a document that says so but has no BOM is not UTF-16.
    """
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return None
    return name


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a file's bytes following the module's policy; raise :class:`NotText`."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom):].decode(codec, errors="replace"), name)
    kind = binary_kind(data)
    if kind is not None:
        raise NotText(f"{BINARY} ({kind})")
    utf16 = _utf16_without_bom(data[:_HEAD])
    if utf16 is not None:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            raise NotText(BINARY) from None
    if b"\x00" in data[:_HEAD]:
        raise NotText(BINARY)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    sample = _sample(data, first_bad)
    for codec in (declared, _other_script(sample)):
        if codec is not None and codec not in ("utf-8", "utf_8"):
            try:
                return _checked(data.decode(codec), codec)
            except (UnicodeDecodeError, LookupError):
                pass
    if _mostly_utf8(sample):
        _register_fallback()
        return _checked(data.decode("utf-8", errors=_FALLBACK_HANDLER), "utf-8+cp1252")
    text = codecs.charmap_decode(data, "strict", _WINDOWS_1252)[0]
    return _checked(text, "cp1252", max_non_ascii=_MAX_NON_ASCII_SHARE)


def looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file look like text (for files without a suffix)."""
    if not head.strip():
        return False
    try:
        decode(head)
    except NotText:
        return False
    return True


def _checked(text: str, encoding: str, max_non_ascii: float = 1.0) -> Decoded:
    """Refuse decoded text that is really binary data; see the module docstring."""
    sample = text[:_SAMPLE]
    visible = len(sample) - sum(len(run) for run in _SPACE.findall(sample))
    if visible and len(_NOT_TEXT.findall(sample)) > _MAX_CONTROL_SHARE * visible:
        raise NotText(BINARY)
    if visible >= _MIN_VISIBLE_TO_JUDGE \
            and len(_NON_ASCII.findall(sample)) > max_non_ascii * visible:
        raise NotText(BINARY)
    return Decoded(text, encoding)


def _utf16_without_bom(head: bytes) -> str | None:
    """Recognise BOM-less UTF-16 of Latin-script text by where its NULs fall."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd > 0.5 * pairs and even < 0.1 * pairs:
        return "utf-16-le"
    if even > 0.5 * pairs and odd < 0.1 * pairs:
        return "utf-16-be"
    return None


def _sample(data: bytes, first_bad: int) -> bytes:
    """The head of the file plus the stretch around its first non-UTF-8 byte."""
    head = data[:_SAMPLE // 2]
    if first_bad < len(head):
        return data[:_SAMPLE]
    return head + b"\n" + data[first_bad - _SAMPLE // 4 : first_bad + _SAMPLE // 4]


def _other_script(sample: bytes) -> str | None:
    """charset-normalizer's guess, when it is a non-Latin script it is sure of."""
    best = from_bytes(sample).best()
    if best is None or best.encoding not in OTHER_SCRIPTS or best.coherence < _MIN_COHERENCE:
        return None
    return best.encoding


def _mostly_utf8(sample: bytes) -> bool:
    """At least as many non-ASCII bytes in valid UTF-8 sequences as outside them."""
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    valid = sum(len(seq) for seq in _UTF8_SEQUENCE.findall(sample))
    return valid > 0 and valid >= high - valid


def _cp1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the bytes UTF-8 rejected as Windows-1252."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return codecs.charmap_decode(bad, "strict", _WINDOWS_1252)[0], err.end


@functools.cache
def _register_fallback() -> None:
    # Registered on first use, not at import: importing must not change codecs.
    codecs.register_error(_FALLBACK_HANDLER, _cp1252_bytes)
