"""Markdown to light markdown: keep the structure lines, drop the markup.

Light markdown *is* a subset of Markdown, so this reader mostly removes what
is not in the subset. What it does, line by line:

- ``#`` headings are kept (closing ``#``s dropped); setext headings
  (a line underlined with ``===`` or ``---``) become ``#``/``##`` lines.
- List items start the line with ``- `` or ``1. `` (``*``, ``+`` and ``1)``
  are rewritten, nesting is flattened, task boxes ``[ ]`` dropped).
- Table rows start and end with ``|``; the ``|---|`` delimiter row is dropped.
- ``>`` quote markers, thematic breaks, YAML front matter (its ``title:`` is
  kept as the title), HTML comments and ``<script>``/``<style>``-like
  elements with their content are dropped; other HTML tags are removed and
  their text kept; HTML entities are decoded.
- ``[text](url)``, ``[text][ref]``, ``[ref]`` and ``<url>`` become their
  text, and their targets are collected as links (see ``links.py`` for which
  targets are kept). Images are dropped whole.
- ``**``, ``__``, ``*``, ``_``, ``~~`` and backtick markers are removed,
  backslash escapes resolved (except ``\\|``, which keeps table cells apart).
- Fenced code keeps its text verbatim; only the fence lines go.

Every pattern bounds its repetitions and excludes its own delimiter, so a
10 MB line of ``[[[[`` or ``**`` costs linear time, not quadratic.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from graph_builder.model import Link
from graph_builder.readers.base import Extracted
from graph_builder.readers.links import make_link, unique
from graph_builder.readers.normalise import collapse_space

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FRONT_TITLE = re.compile(r"""^title:[ \t]*["']?(.*?)["']?[ \t]*$""", re.M)
# Front matter is only front matter if every line of it reads like YAML.
_YAML_LINE = re.compile(r"(?:[A-Za-z_][\w-]*[ \t]*:|[ \t]|-[ \t]|#|$)")
_REF_DEF = re.compile(
    r"""^ {0,3}\[([^\[\]\n]{1,999})\]:[ \t]*<?([^\s<>]{1,2000})>?(?:[ \t]+.*)?$""")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_CLOSING_HASHES = re.compile(r"[ \t]#+$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_ITEM = re.compile(r"^[ \t]*(?:([-*+•])|(\d{1,9})[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_DELIMITER_CELL = re.compile(r":?-+:?")

_RAW_ELEMENT = re.compile(r"<(script|style|noscript|template|iframe|svg|object|textarea)\b", re.I)
_TAGS = (
    "a|abbr|address|article|aside|audio|b|bdi|bdo|big|blockquote|body|br|button|caption|center|"
    "cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|"
    "form|h[1-6]|head|header|hr|html|i|img|input|ins|kbd|label|legend|li|link|main|mark|meta|"
    "nav|ol|option|p|picture|pre|q|s|samp|section|select|small|source|span|strike|strong|sub|"
    "summary|sup|table|tbody|td|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr"
)
_TAG = re.compile(rf"</?(?:{_TAGS})(?:\s[^<>\n]{{0,1000}}?)?/?>", re.I)
_SPACING_TAG = re.compile(r"</?(?:br|p|div|li|td|th|tr|h[1-6]|hr|dd|dt)\b", re.I)

_URL = r"(?:[^()\s]|\([^()\s]{0,200}\)){0,2000}"
_TITLE = r"""(?:[ \t]+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?"""
_CODE_SPAN = re.compile(r"(`{1,3})([^`\n]{1,1000}?)\1")
_IMAGE = re.compile(
    rf"(?<!\\)!\[[^\[\]\n]{{0,1000}}\](?:\(<?{_URL}>?{_TITLE}[ \t]*\)|\[[^\[\]\n]{{0,999}}\])")
_INLINE_LINK = re.compile(
    rf"(?<![\\!])\[([^\[\]\n]{{0,1000}})\]"
    rf"\((?:<([^<>\n]{{0,2000}})>|({_URL})){_TITLE}[ \t]*\)")
_REF_LINK = re.compile(r"(?<![\\!])\[([^\[\]\n]{1,1000})\](?:\[([^\[\]\n]{0,999})\])?(?![(:])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^<>\s]{1,2000}|[^<>\s@]{1,200}@[^<>\s@]{1,200})>")
_EMPHASIS = (  # (marker, pattern): strong before em, so "**" is not read as two "*"
    ("**", re.compile(r"(?<!\\)\*\*(?=\S)([^*\n]{1,1000}?)(?<=[^\s\\])\*\*")),
    ("__", re.compile(r"(?<![\w\\])__(?=\S)([^_\n]{1,1000}?)(?<=[^\s\\])__(?!\w)")),
    ("~~", re.compile(r"(?<!\\)~~(?=\S)([^~\n]{1,1000}?)(?<=[^\s\\])~~")),
    ("*", re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]{1,1000}?)(?<=[^\s\\])\*(?![\w*])")),
    ("_", re.compile(r"(?<![\w\\])_(?=\S)([^_\n]{1,1000}?)(?<=[^\s\\])_(?!\w)")),
)
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{}~])")


def read_markdown(text: str) -> Extracted:
    """Turn Markdown into light markdown; see the module docstring for the rules."""
    text, title = _front_matter(text)
    text = _drop_comments(text)
    text = _drop_raw_elements(text)
    refs = _reference_definitions(_fenced(_lines(text)))
    links: list[Link] = []
    out: list[str] = []
    in_table = False
    for is_code, line in _fenced(_lines(text)):
        if is_code:
            out.append(line)
            continue
        if _REF_DEF.match(line):
            continue
        before = len(out)
        in_table = _block(line, out, in_table, links, refs)
        if len(out) > before:
            _tidy_last(out)
    while out and not out[-1]:
        out.pop()
    first = next((i for i, line in enumerate(out) if line), len(out))
    body = "\n".join(out[first:] if first else out)  # no strip(): a big text is not copied again
    return Extracted(text=body, title=title or _first_heading(out), links=unique(links))


def _tidy_last(out: list[str]) -> None:
    """Trim the line just added; keep one blank line between blocks, however many were dropped."""
    out[-1] = out[-1].rstrip()
    if not out[-1] and len(out) > 1 and not out[-2]:
        out.pop()


def _front_matter(text: str) -> tuple[str, str | None]:
    """Drop a leading YAML block between ``---`` lines; return its ``title:``."""
    if not text.startswith("---\n"):
        return text, None
    end = _FRONT_MATTER_END.search(text, 4)
    if end is None:
        return text, None
    if not all(_YAML_LINE.match(line) for line in text[4:end.start()].split("\n")):
        return text, None
    title = _FRONT_TITLE.search(text, 4, end.start())
    rest = text[end.end():].lstrip("\n")
    return rest, (collapse_space(title.group(1)) or None) if title else None


def _drop_comments(text: str) -> str:
    """Remove closed ``<!-- -->`` comments; an unclosed one stays as text."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        parts.append(text[pos:start])
        pos = end + 3
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _drop_raw_elements(text: str) -> str:
    """Remove ``<script>``-like elements with their content (closed ones only).

    Once an element name has no closing tag after some opening, no later
    opening of it can have one either: remembering that keeps a file full of
    unclosed ``<script`` to one scan.
    """
    parts: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    for match in _RAW_ELEMENT.finditer(text):
        name = match.group(1).lower()
        if match.start() < pos or name in unclosed:
            continue
        close = re.compile(rf"</{name}\s*>", re.I).search(text, match.end())
        if close is None:
            unclosed.add(name)
            continue
        parts.append(text[pos:match.start()])
        pos = close.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time: a list of them all would double a big file."""
    start = 0
    while (end := text.find("\n", start)) != -1:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _fenced(lines: Iterable[str]) -> Iterator[tuple[bool, str]]:
    """Yield (is_code, line), leaving out the fence lines themselves."""
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            continue
        if fence is not None and match and match.group(1)[0] == fence[0] \
                and len(match.group(1)) >= len(fence) and not line.strip().strip(fence[0]):
            fence = None
            continue
        yield fence is not None, line


def _reference_definitions(lines: Iterable[tuple[bool, str]]) -> dict[str, str]:
    """Collect ``[label]: url`` definitions, labels case-folded as CommonMark does."""
    refs: dict[str, str] = {}
    for is_code, line in lines:
        match = None if is_code else _REF_DEF.match(line)
        if match:
            refs.setdefault(_label(match.group(1)), match.group(2))
    return refs


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _block(line: str, out: list[str], in_table: bool,
           links: list[Link], refs: dict[str, str]) -> bool:
    """Append the light-markdown form of one line to ``out``; return the table state."""
    while (quote := _QUOTE.match(line)) is not None:
        line = line[quote.end():]
    if not line.strip():
        out.append("")
        return False
    if _SETEXT.match(line) and out and _is_paragraph_line(out[-1]) and not in_table:
        marks = "#" if line.strip()[0] == "=" else "##"
        out[-1] = f"{marks} {out[-1].strip()}"
        return False
    if _is_delimiter_row(line):
        if out and "|" in out[-1]:
            out[-1] = _table_row(out[-1])
        return True
    if _BREAK.match(line):
        return in_table
    if (heading := _HEADING.match(line)) is not None:
        content = _inline(_CLOSING_HASHES.sub("", line[heading.end():].strip()).strip(),
                          links, refs)
        if content:
            out.append(f"{heading.group(1)} {content}")
        return False
    if (item := _ITEM.match(line)) is not None:
        marker = "- " if item.group(1) else f"{item.group(2)}. "
        out.append(marker + _inline(line[item.end():], links, refs))
        return in_table
    text = _inline(line, links, refs)
    if in_table and "|" in line:
        text = _table_row(text)
    out.append(text)
    return in_table


def _is_delimiter_row(line: str) -> bool:
    """``|---|:--:|``: the line under a table's header. Checked cell by cell, in linear time."""
    stripped = line.strip()
    if "|" not in stripped or "-" not in stripped:
        return False
    cells = stripped.removeprefix("|").removesuffix("|").split("|")
    return all(_DELIMITER_CELL.fullmatch(cell.strip()) for cell in cells)


def _is_paragraph_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("#", "- ", "|")) \
        and not re.match(r"\d{1,9}\. ", stripped)


def _table_row(line: str) -> str:
    """A table line with its outer pipes, as light markdown wants rows."""
    row = line.strip()
    if not row.startswith("|"):
        row = "| " + row
    if not row.endswith("|") or row.endswith("\\|"):
        row = row + " |"
    return row


def _inline(text: str, links: list[Link], refs: dict[str, str]) -> str:
    """Remove inline markup from one line; code spans are kept verbatim."""
    pieces: list[str] = []
    pos = 0
    for code in _CODE_SPAN.finditer(text):
        pieces.append(_markup(text[pos:code.start()], links, refs))
        pieces.append(code.group(2))
        pos = code.end()
    pieces.append(_markup(text[pos:], links, refs))
    return "".join(pieces)


def _markup(text: str, links: list[Link], refs: dict[str, str]) -> str:
    """Images out, links to their text, tags out, emphasis off, escapes and entities resolved."""
    if not text:
        return text
    text = _IMAGE.sub("", text)

    def inline_link(match: re.Match[str]) -> str:
        label = _emphasis(match.group(1))
        _keep(links, label, match.group(2) if match.group(2) is not None else match.group(3))
        return label

    def ref_link(match: re.Match[str]) -> str:
        key = _label(match.group(2) or match.group(1))
        if key not in refs:
            return match.group(0)
        label = _emphasis(match.group(1))
        _keep(links, label, refs[key])
        return label

    def autolink(match: re.Match[str]) -> str:
        target = match.group(1)
        href = target if ":" in target.split("@")[0] else f"mailto:{target}"
        _keep(links, target, href)
        return target

    text = _INLINE_LINK.sub(inline_link, text)
    if refs and "[" in text:
        text = _REF_LINK.sub(ref_link, text)
    if "<" in text:
        text = _AUTOLINK.sub(autolink, text)
        text = _TAG.sub(lambda m: " " if _SPACING_TAG.match(m.group()) else "", text)
    text = _emphasis(text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: m.group(0) if m.group(1) == "|" else m.group(1), text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _emphasis(text: str) -> str:
    for marker, pattern in _EMPHASIS:
        if marker in text:
            text = pattern.sub(r"\1", text)
    return text


def _keep(links: list[Link], text: str, href: str | None) -> None:
    link = make_link(html.unescape(text), href.strip() if href else href)
    if link is not None:
        links.append(link)


def _first_heading(lines: list[str]) -> str | None:
    """The text of the first level-1 heading, else of the first heading."""
    headings = [line for line in lines if line.startswith("#")]
    for line in headings:
        if line.startswith("# "):
            return line[2:].strip() or None
    if not headings:
        return None
    return headings[0].lstrip("#").strip() or None
