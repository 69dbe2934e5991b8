"""Text -> blocks (headings, paragraphs, list items, card fields) -> sentences.

Works on the light-markdown text every reader returns (see ``model``), and
on plain text pasted from web pages, where a heading is a short line standing
alone without a closing full stop. A heading gives context to the blocks
under it: each block records the index of the heading it stands under, so a
list under "Siltaustoimet vuodelle 2019" knows it is a list of measures for
2019.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph_builder.lexicon import ABBREVIATIONS, CARD_LABEL, TITLE_HEADS
from graph_builder.model import Block, BlockKind, Sentence

_BULLET = re.compile(r"^[ \t]*(?:[-*•·–▪◦●]|\d{1,2}[.)])[ \t]+")
_HEADING_MD = re.compile(r"^[ \t]*(#{1,6})[ \t]+")
_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
#: "Hankkeen hallinnoija: Seinäjoen kaupunki" — a short label, then a value.
_FIELD = re.compile(r"^[ \t]*([A-ZÄÖÅ][\w ./()-]{1,60}?)[ \t]*:[ \t]+(\S.*)$")
#: "Kehittämiskohteet ovat: 1. … 2. … 3. …" — numbered items inside one line.
_INLINE_NUMBERED = re.compile(r"(?:^|(?<=[\s:;]))(\d{1,2})[.)][ \t]+(?=\S)")
#: An e-mail address or a phone number: no heading holds one.
_CONTACT_DETAIL = re.compile(r"\S@\S|\b(?:p|puh|tel|gsm|mob)\.?:?\s*\+?\d", re.I)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’»)]*(?=\s+|$)")


def _line_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, line_number) of each line, without the newline."""
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        yield start, start + len(line), number
        start += len(line) + 1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: A next line that goes on with a plain lower-case word ("kaupunki, Kannuksen …"),
#: not a contact line ("puh. 040 …", "info@…") under a name.
_WRAPPED = re.compile(r"^(?!(?:puh|p|tel|gsm|email|sähköposti|s-posti)\b)[a-zåäö]+[ ,]")


#: "Projektipäällikkö Anna Virta, 1.4.2017–31.12.2018", "Projektisihteeri Liisa Koski
#: (50 %)": a title, a name and what is said of the person: a staff line, no heading.
_TITLED_PERSON = re.compile(r"^[A-ZÄÖÅ][a-zäöå-]*(?:" + "|".join(TITLE_HEADS) + r") "
                            r"[A-ZÄÖÅ][a-zäöå]+(?:-[A-ZÄÖÅ][a-zäöå]+)? [A-ZÄÖÅ][a-zäöå-]+\s*[,(]")


def _looks_like_heading(line: str, prev_blank: bool, next_blank: bool,
                        next_line: str = "") -> bool:
    """A short line alone, starting upper-case, not ending like a sentence, and not
    wrapped onto a next line that goes on in lower case (text copied from a PDF)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 110 or not (prev_blank or next_blank):
        return False
    if not next_blank and (_WRAPPED.match(next_line.strip()) and
                           not next_line.strip().split()[0].strip(",.").endswith(TITLE_HEADS) or
                           len(stripped) >= 60 and len(next_line.strip()) >= 40):
        return False   # a paragraph wrapped at a fixed width
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    if not re.search(r"[^\W\d_]{3,}", stripped):
        return False   # "2017    18 360 €": figures, not a title
    if stripped.endswith((".", ",", ";", "»", "›", "→")) and not stripped.endswith("..."):
        return False  # a sentence, or a link line ("Loppuraportti »")
    if stripped.endswith("?") and len(stripped) > 60:
        return False
    if _CONTACT_DETAIL.search(stripped) or stripped.count(",") >= 2 or \
            _TITLED_PERSON.match(stripped):
        return False  # "Anna Virta, p. 040 …", "Anna Virta, johtaja, Oulun kaupunki": a card
    return len(stripped.split()) <= 14


#: "Hankkeen nimi        Lapsen paras": a label and its value in two columns, as a
#: card laid out in a PDF comes out as text (no colon, a wide gap, one gap only).
_SPACED_FIELD = re.compile(r"^[ \t]*([A-ZÄÖÅ][\w./()-]*(?: [\w./()-]+){0,4})(?: {3,}|\t+)"
                           r"(\S(?:(?! {3,}|\t).)*)$")


def _spaced_field(lines: list[str], i: int) -> re.Match[str] | None:
    """A two-column label line, in a run of at least two such lines."""
    match = _SPACED_FIELD.match(lines[i])
    if match is None or match.group(1).strip().isdigit():
        return None
    after = i + 1 + len(_value_lines(lines, i))   # past the value's wrapped lines
    before = i - 1
    while before >= 0 and _INDENTED.match(lines[before]) and \
            not _SPACED_FIELD.match(lines[before]):
        before -= 1
    near = [j for j in (before, after) if 0 <= j < len(lines)]
    return match if any(_SPACED_FIELD.match(lines[j]) for j in near) else None


def _card_field(line: str) -> re.Match[str] | None:
    """A "Label: value" whose label is one of a project card's ("Vastuuorganisaatio",
    "Kesto"): a list item that is really a card field. Other "Name: text" items stay
    items, as a list of sub-projects reads "- Kohtaamo: perhekeskuksen kehittäminen"."""
    match = _field(line)
    if match is None:
        return None
    words = match.group(1).split()
    return match if len(words) == 1 and CARD_LABEL.match(words[0].casefold()) else None


def _value_lines(lines: list[str], i: int) -> list[int]:
    """The lines a two-column field's value wraps onto: indented, no label of their own
    ("Osatoteuttajat      Salon kaupunki, Turun ammatti-" / "                    korkeakoulu
    Oy")."""
    out = []
    j = i + 1
    while j < len(lines) and _INDENTED.match(lines[j]) and not _SPACED_FIELD.match(lines[j]) \
            and not _BULLET.match(lines[j]):
        out.append(j)
        j += 1
    return out


def _field(line: str) -> re.Match[str] | None:
    match = _FIELD.match(line)
    if not match:
        return None
    label = match.group(1)
    if len(label.split()) > 5 or "http" in label or label.strip().isdigit():
        return None
    return match


_PAGE_NUMBER = re.compile(r"^\s*(?:sivu\s+|s\.\s*)?\d{1,3}(?:\s*(?:/|\(|of)\s*\d{1,3}\)?)?\s*$",
                          re.I)
#: A line whose one number stands at its start or end: "Soite | Hyvä kasvu    4".
_END_NUMBER = re.compile(r"^\s*(?:\d+\D+|\D+\d+)\s*$")
_RULE_LINE = re.compile(r"^\s*([_\-=–—.·*])\1{9,}\s*$")


def page_furniture(lines: list[str]) -> set[int]:
    """Indexes of lines that a PDF's pages add, not its text: page numbers alone
    ("12", "Sivu 3/8"), rules ("_____"), and running heads or feet that come back
    page after page with only their numbers changed ("Soite | Hyvä kasvu    4")."""
    def alone(i: int) -> bool:   # a page's head or foot stands apart from the text
        return all(j < 0 or j >= len(lines) or not lines[j].strip() or
                   _RULE_LINE.match(lines[j]) for j in (i - 1, i + 1))

    shapes: dict[str, set[str]] = {}
    candidates: dict[int, str] = {}
    for i, line in enumerate(lines):
        if _END_NUMBER.match(line) and len(line.strip()) <= 120 and alone(i):
            candidates[i] = re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip()
            shapes.setdefault(candidates[i], set()).add(line.strip())
    out = {i for i, shape in candidates.items() if len(shapes[shape]) >= 2}
    out |= {i for i, line in enumerate(lines) if _RULE_LINE.match(line) or
            _PAGE_NUMBER.match(line) and alone(i)}
    return out


_INDENTED = re.compile(r"^(?: {2,}|\t)\S")


_GAP = re.compile(r"(?: {3,}|\t+)")


def _chunks(line: str) -> list[tuple[int, int]]:
    """Runs of text in a line separated by gaps of three spaces or more."""
    out, pos = [], 0
    for gap in _GAP.finditer(line):
        if line[pos:gap.start()].strip():
            out.append((pos + len(line[pos:gap.start()]) - len(line[pos:gap.start()].lstrip()),
                        gap.start()))
        pos = gap.end()
    if line[pos:].strip():
        rest = line[pos:]
        out.append((pos + len(rest) - len(rest.lstrip()), len(line.rstrip())))
    return out


#: First cells of a two-column table's header ("Toimenpide   Vastuutaho hankkeen jälkeen"),
#: which a run of card lines ("Hallinnoija   Espoon kaupunki") never opens with.
_TABLE_HEAD = re.compile(r"^(toimenpiteet|toimenpide|toimintamalli|malli|tulos|tuotos|tehtävä|"
                         r"nimi|osahanke|osahankkeet|kunta|kunnat|organisaatio|taho|kehittämiskohde)$",
                         re.I)


def _header_line(line: str, chunks: list[tuple[int, int]]) -> bool:
    cells = [line[a:b] for a, b in chunks]
    return len(cells) == 2 and bool(_TABLE_HEAD.match(cells[0].strip())) and \
        len(cells[1].split()) <= 5 and not re.search(r"\d", cells[1])


Cells = tuple[tuple[int, int], ...]


def spaced_rows(lines: list[str], starts: list[int]) -> tuple[dict[int, Cells], set[int]]:
    """Tables laid out with spaces, as PDF tables come out as text: runs of three
    lines or more, each with two text runs or more apart by wide gaps, one of them
    with three columns or more (or a two-column header such as "Toimenpide
    Vastuutaho"). Cells are placed under the columns of the widest line by their
    middle, so a right-aligned number finds its column and an empty cell stays
    empty; an indented line with one run under a later column carries on the cell
    above it. Returns the first line of each row -> cells as document offsets, and
    the lines that carry on a row above them (they belong to it)."""
    runs = [_chunks(line) if "|" not in line else [] for line in lines]
    out: dict[int, Cells] = {}
    carried: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        columns: list[int] = []
        while j < len(lines) and (len(runs[j]) >= 2 or
                                  j > i and _continuation(runs[j], columns)):
            if len(runs[j]) > len(columns):
                columns = [a for a, _ in runs[j]]
            j += 1
        rows = {k for k in range(i, j) if len(runs[k]) >= 2}
        if len(rows) >= 3 and (len(columns) >= 3 or _header_line(lines[i], runs[i])):
            current: int | None = None
            cells: list[tuple[int, int]] = []
            for k in range(i, j):
                if k in rows:
                    if current is not None:
                        out[current] = tuple(cells)
                    current = k
                    cells = [(starts[k] + len(lines[k]), starts[k] + len(lines[k]))] * \
                        len(columns)
                else:
                    carried.add(k)
                for a, b in runs[k]:
                    middle = (a + b) / 2
                    col = max((n for n, st in enumerate(columns) if n == 0 or st - 2 <= middle),
                              default=0)
                    if cells[col][0] < cells[col][1]:   # a second run in one cell: join them
                        cells[col] = (cells[col][0], starts[k] + b)
                    else:
                        cells[col] = (starts[k] + a, starts[k] + b)
            if current is not None:
                out[current] = tuple(cells)
        i = max(j, i + 1)
    return out, carried


def _continuation(chunks: list[tuple[int, int]], columns: list[int]) -> bool:
    """One run of text, indented to a column after the first."""
    return len(chunks) == 1 and len(columns) >= 2 and chunks[0][0] >= columns[1] - 2


#: "Maija Aaltonen, perhe- ja sosiaalipalvelujen johtaja, …": a line that opens
#: with a person's name and a comma.
_PERSON_LINE = re.compile(r"^\s*[A-ZÄÖÅ][a-zäöåéü]+(?:-[A-ZÄÖÅ][a-zäöåéü]+)? "
                          r"(?:[A-ZÄÖÅ][a-zäöåéü]+-?)+,")


def _person_lines(para: list[tuple[int, int, int]], text: str,
                  alone: bool = False) -> list[tuple[tuple, tuple]]:
    """A paragraph that is a list of people without bullets, one "Name, title,
    organisation" per line, a line that goes on in lower case, in brackets
    ("(varapuheenjohtaja)") or indented deeper than the line that opened the item
    belonging to the one above (a PDF's wrapped line): its items as (first line, last
    line) pairs. ``alone`` lets one item stand (a label column's only entry)."""
    if len(para) < 2 and not alone:
        return []
    items: list[list[tuple[int, int, int]]] = []
    opened = 0
    for span in para:
        line = text[span[0]:span[1]]
        col = _column(text, span[0]) + len(line) - len(line.lstrip())
        if _PERSON_LINE.match(line) and not (items and col > opened):
            items.append([span])
            opened = col
        elif items and (line.strip()[:1].islower() or line.strip()[:1] == "(" or col > opened):
            items[-1].append(span)
        else:
            return []
    return [(item[0], item[-1]) for item in items] if len(items) >= 2 or alone and items else []


def _column(text: str, at: int) -> int:
    """The column of offset ``at`` in its line."""
    return at - text.rfind("\n", 0, at) - 1


#: "Läsnä       Anna Virta, …": a short label at the line's start, then its value
#: after a wide gap, as a PDF lays out a label column.
_LABEL_LINE = re.compile(r"^[A-ZÄÖÅ][\w.()-]*(?: [\w.()-]+){0,3}(?: {2,}|\t+)(?=\S)")
#: "Hallinnoija Oulun kaupunki": a label that fills the column, one space before its value.
_FULL_LABEL = re.compile(r"^[A-ZÄÖÅ][\w.()-]*(?: [\w.()-]+){0,1} $")


def label_columns(lines: list[str], skip: set[int]) -> dict[int, tuple[int, int]]:
    """Fields laid out in a label column, as minutes and reports come out of a PDF:
    a label at the line's start and its value at a fixed column, the value's wrapped
    lines indented to that column or further (invented example)::

        Hanke       Perhepolku – Oulun lapsi- ja perhepalvelujen
                    muutoshanke
        Hallinnoija Oulun kaupunki
        Läsnä       Anna Virta, johtaja, Oulun kaupunki, puheenjohtaja
                    Pekka Ojala, ylilääkäri, Pohjois-Pohjanmaan
                      sairaanhoitopiiri

    A label line counts when a line under it is indented to its value's column or
    further, or when another label line of its run (lines between blank ones) puts
    its value at the same column; a label that fills the column up to one space
    ("Hallinnoija Oulun kaupunki") counts only in the second way. A label line alone
    ("Poissa      Pekka Ojala, …") counts when a field found so puts its value at
    the same column. A value that runs into a numbered list under it ("Ehdotus
    Hallitus päättää, että" over "1. …") opens that list and is no field. Returns
    the first line of each field -> (the value's column, the line after the field).
    Lines in ``skip`` (table rows) end a run."""
    def wide(i: int) -> int | None:
        m = _LABEL_LINE.match(lines[i])
        if m is None or i in skip or _BULLET.match(lines[i]) or _FIELD.match(lines[i]) or \
                _GAP.search(lines[i][m.end():].rstrip()):
            return None
        return m.end()

    out: dict[int, tuple[int, int]] = {}
    single: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip() and j not in skip:
            j += 1
        found = {k: c for k in range(i, j) if (c := wide(k)) is not None}
        shared = {c for c in found.values() if list(found.values()).count(c) >= 2}
        for k in range(i, j):   # "Hallinnoija Oulun kaupunki" under "Hanke       …"
            if k not in found and not _BULLET.match(lines[k]) and \
                    (c := next((c for c in found.values() if len(lines[k]) > c and
                                _FULL_LABEL.match(lines[k][:c]) and lines[k][c] != " "),
                               None)) is not None:
                found[k] = c
                shared.add(c)
        for k, col in sorted(found.items()):
            end = k + 1
            while end < j and end not in found and _indent(lines[end]) >= col and \
                    not _BULLET.match(lines[end]):
                end += 1
            if end < j and _BULLET.match(lines[end]):
                continue   # "Ehdotus     Hallitus päättää, että" opens the numbered list below
            if col >= 6 and (col in shared or end > k + 1):
                out[k] = (col, end)
            else:
                single[k] = (col, end)
        i = max(j, i + 1)
    taken = {col for col, _ in out.values()}   # "Poissa      Anna Virta" alone in its run
    out.update({k: v for k, v in single.items() if v[0] in taken})
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip()) if line.strip() else 0


def _continues(para: list[tuple[int, int, int]], raw: list[str], i: int) -> bool:
    """Does line ``i`` carry on a sentence that the paragraph's last line left open
    ("… sivistystoimet: Kokkolan\nkaupunki, …" is prose wrapped, not a card field)?"""
    return bool(para) and not re.search(r"[.!?:;]\s*$", raw[i - 1])


#: A line that goes on with a sentence: opens in lower case or with a bracket.
_GOES_ON = re.compile(r"^\s*[a-zåäö(]")


def _wraps_on(para: list[tuple[int, int, int]], raw: list[str], i: int) -> bool:
    """Is a line that ends with a colon the middle of a wrapped sentence, not a lead-in:
    the line before left the sentence open, this one goes on with it in lower case or a
    bracket, and plain text follows ("Hanketta hallinnoi X\n(Eksote), ja työhön
    osallistuivat kunnat:\nA, B ja C.")? A list below keeps it a lead-in."""
    nxt = raw[i + 1] if i + 1 < len(raw) else ""
    return _continues(para, raw, i) and bool(_GOES_ON.match(raw[i])) and \
        bool(nxt.strip()) and not _BULLET.match(nxt) and not _INDENTED.match(nxt)


def blocks(text: str) -> list[Block]:
    """Split ``text`` into blocks and link each to the heading above it."""
    lines = list(_line_spans(text))
    raw = [text[s:e] for s, e, _ in lines]
    furniture = page_furniture(raw)
    raw = ["" if i in furniture else line for i, line in enumerate(raw)]
    spaced, carried = spaced_rows(raw, [a for a, _, _ in lines])
    columns = label_columns(raw, set(spaced) | carried)
    after_field = 0   # the line after the label-column field being read
    out: list[Block] = []
    heading: int | None = None
    lead_in: int | None = None   # a "Label:" line that opens a list
    wrapped: set[int] = set()    # lines a two-column field's value wraps onto
    para: list[tuple[int, int, int]] = []

    def flush_paragraph() -> None:
        nonlocal para
        people = _person_lines(para, text)
        if people:
            for first, last in people:
                s, e = _strip(text, first[0], last[1])
                out.append(Block(BlockKind.ITEM, s, e, text[s:e], first[2], heading))
            para = []
        if para:
            start, end = _strip(text, para[0][0], para[-1][1])
            if end > start:
                out.append(Block(BlockKind.PARAGRAPH, start, end, text[start:end],
                                 para[0][2], heading))
        para = []

    for i, (start, end, number) in enumerate(lines):
        line = raw[i]
        prev_blank = i == 0 or not raw[i - 1].strip()
        next_blank = i + 1 >= len(raw) or not raw[i + 1].strip()
        if i < after_field:
            continue   # a wrapped line of a label-column field
        if not line.strip():
            flush_paragraph()
            continue
        if i in columns:
            flush_paragraph()
            col, after_field = columns[i]
            out.extend(_column_field(text, lines[i:after_field], col, heading, len(out)))
            lead_in = None
            continue
        if i in wrapped:
            continue   # the wrapped value of the two-column field above
        md = _HEADING_MD.match(line)
        bullet = _BULLET.match(line)
        if md:
            flush_paragraph()
            s, e = _strip(text, start + md.end(), end)
            heading = len(out)
            lead_in = None
            out.append(Block(BlockKind.HEADING, s, e, text[s:e], number, None,
                             label=str(len(md.group(1)))))
        elif bullet and (field := _card_field(line[bullet.end():])) is not None:
            flush_paragraph()   # "- Kesto: 1.8.2017–31.12.2018": a card written as a list
            s, e = _strip(text, start + bullet.end(), end)
            out.append(Block(BlockKind.FIELD, s, e, text[s:e], number, heading,
                             label=field.group(1).strip()))
        elif bullet:
            flush_paragraph()
            s, e = _strip(text, start + bullet.end(), end)
            owner = lead_in if lead_in is not None else heading
            out.append(Block(BlockKind.ITEM, s, e, text[s:e], number, owner))
        elif i in carried:
            continue   # carried on into the row above
        elif i in spaced:
            flush_paragraph()
            cells = spaced[i]
            s, e = _strip(text, start, max(end, max(b for _, b in cells)))
            out.append(Block(BlockKind.ROW, s, e, text[s:e], number, heading, cells=cells))
        elif _ROW.match(line):
            flush_paragraph()
            s, e = _strip(text, start, end)
            cells = text[s:e].strip("|")
            if set(cells.replace("|", "").strip()) <= set("-: "):
                continue  # markdown table rule line
            out.append(Block(BlockKind.ROW, s, e, text[s:e], number, heading))
        elif line.rstrip().endswith(":") and len(line.strip()) <= 80 and \
                not _wraps_on(para, raw, i):
            flush_paragraph()
            s, e = _strip(text, start, end)
            lead_in = len(out)
            out.append(Block(BlockKind.HEADING, s, e - 1, text[s:e - 1], number, heading,
                             label="lead-in"))
        elif ((field := _field(line)) is not None and not _INLINE_NUMBERED.search(line) or
              (field := _spaced_field(raw, i)) is not None) and not _continues(para, raw, i):
            flush_paragraph()
            if _field(line) is None:   # a two-column field: its value may wrap
                wrapped.update(_value_lines(raw, i))
                end = max([end] + [lines[j][1] for j in _value_lines(raw, i)])
            s, e = _strip(text, start, end)  # the label too: it may name things
            out.append(Block(BlockKind.FIELD, s, e, text[s:e], number, heading,
                             label=field.group(1).strip()))
        elif _INLINE_NUMBERED.search(line) and ":" in line and _has_numbered_run(line):
            flush_paragraph()
            out.extend(_inline_items(text, start, end, number, heading, len(out)))
        elif lead_in is not None and _INDENTED.match(line) and \
                (not para or _INDENTED.match(raw[i - 1])):
            flush_paragraph()   # "Jäsenet:" and indented lines: a list without bullets
            s, e = _strip(text, start, end)
            out.append(Block(BlockKind.ITEM, s, e, text[s:e], number, lead_in))
        elif not para and _looks_like_heading(line, prev_blank, next_blank,
                                              raw[i + 1] if i + 1 < len(raw) else ""):
            s, e = _strip(text, start, end)
            heading = len(out)
            lead_in = None
            out.append(Block(BlockKind.HEADING, s, e, text[s:e], number, None, label="1"))
        else:
            lead_in = None
            para.append((start, end, number))
    flush_paragraph()
    return out


def _column_field(text: str, spans: list[tuple[int, int, int]], col: int,
                  heading: int | None, first_index: int) -> list[Block]:
    """A label-column field as blocks: a list of people ("Läsnä   Anna Virta, johtaja,
    …" and a line for each further one) as a lead-in and an item per person, each
    with its wrapped lines; any other value as one field, its wrapped lines too."""
    (start, line_end, number), last = spans[0], spans[-1]
    label = text[start:start + col].strip()
    values = [(start + col, line_end, number)] + spans[1:]
    people = _person_lines(values, text, alone=True)
    if not people:
        s, e = _strip(text, start, last[1])
        return [Block(BlockKind.FIELD, s, e, text[s:e], number, heading, label=label)]
    out = [Block(BlockKind.HEADING, start, start + len(label), label, number, heading,
                 label="lead-in")]
    for first, end in people:
        s, e = _strip(text, first[0], end[1])
        out.append(Block(BlockKind.ITEM, s, e, text[s:e], first[2], first_index))
    return out


def _has_numbered_run(line: str) -> bool:
    numbers = [int(m.group(1)) for m in _INLINE_NUMBERED.finditer(line)]
    return len(numbers) >= 2 and numbers[:2] == [1, 2]


def _inline_items(text: str, start: int, end: int, number: int,
                  heading: int | None, first_index: int) -> list[Block]:
    """Split "Kohteet ovat: 1. A 2. B" into a lead-in and one item per number."""
    line = text[start:end]
    marks = [m for m in _INLINE_NUMBERED.finditer(line)]
    expected, kept = 1, []
    for m in marks:
        if int(m.group(1)) == expected:
            kept.append(m)
            expected += 1
    out: list[Block] = []
    lead_s, lead_e = _strip(text, start, start + kept[0].start())
    lead_index: int | None = heading
    if lead_e > lead_s:
        lead_text = text[lead_s:lead_e].rstrip(":").rstrip()
        lead_index = first_index
        out.append(Block(BlockKind.HEADING, lead_s, lead_s + len(lead_text), lead_text,
                         number, heading, label="lead-in"))
    for j, m in enumerate(kept):
        s = start + m.end()
        e = start + (kept[j + 1].start() if j + 1 < len(kept) else len(line))
        s, e = _strip(text, s, e)
        while e > s and text[e - 1] in ";,":
            e -= 1
        out.append(Block(BlockKind.ITEM, s, e, text[s:e], number, lead_index))
    return out


def _ends_sentence(text: str, end: int) -> bool:
    """Is the full stop before ``end`` a real sentence end (not "mm.", "31.12.")?"""
    word = re.search(r"(\w+)\.+$", text[:end])
    if word is None:
        return True
    token = word.group(1)
    if token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isupper()):
        return False
    if token.isdigit() and len(token) <= 2:
        return False  # "31.12." or "1." inside a date or a numbered list
    return True


def sentences(text: str, block_list: list[Block]) -> list[Sentence]:
    """Split every block into sentences, keeping document offsets."""
    out: list[Sentence] = []
    for b_index, block in enumerate(block_list):
        if block.cells:   # a table laid out with spaces: a cell is a sentence, so no name
            out.extend(_sentence(text, block, b_index, a - block.start, b - block.start,
                                 len(out)) for a, b in block.cells if b > a)
            continue      # runs across the gap between two cells
        body = text[block.start:block.end]
        cursor = 0
        for match in _SENTENCE_END.finditer(body):
            end = match.end()
            after = body[end:end + 3].lstrip()
            if after and not (after[0].isupper() or after[0].isdigit() or after[0] in "\"“”'(–-•"):
                continue
            if match.group().startswith(".") and not _ends_sentence(body, match.start() + 1):
                continue
            if match.group().startswith("!") and after.startswith("-"):
                continue  # "Lupa auttaa! -hanke": the name ends, the sentence goes on
            out.append(_sentence(text, block, b_index, cursor, end, len(out)))
            cursor = end
        if body[cursor:].strip():
            out.append(_sentence(text, block, b_index, cursor, len(body), len(out)))
    kept = [piece for s in out if s is not None for piece in _bounded(text, s)]
    return [Sentence(i, s.block, s.start, s.end, s.text, s.line) for i, s in enumerate(kept)]


#: No real sentence is longer; a longer run (a 10 MB line, a table flattened by a
#: PDF) is cut at spaces, so that the rules, which look at pairs of names within
#: a sentence, stay linear in the size of a document.
MAX_SENTENCE = 1500


def _bounded(text: str, sentence: Sentence) -> list[Sentence]:
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return [sentence]
    pieces = []
    start = sentence.start
    while start < sentence.end:
        end = min(start + MAX_SENTENCE, sentence.end)
        if end < sentence.end:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, end)
            end = cut if cut > start else end
        s, e = _strip(text, start, end)
        if e > s:
            line = sentence.line + text.count("\n", sentence.start, s)
            pieces.append(Sentence(0, sentence.block, s, e, text[s:e], line))
        start = end
    return pieces


def _sentence(text: str, block: Block, b_index: int, rel_start: int, rel_end: int,
              index: int) -> Sentence | None:
    start, end = _strip(text, block.start + rel_start, block.start + rel_end)
    if end <= start:
        return None
    line = block.line + text.count("\n", block.start, start)
    return Sentence(index, b_index, start, end, text[start:end], line)


def paragraph_lead(block_list: list[Block], index: int) -> str | None:
    """The sentence that opens a list from the end of a paragraph ("… Hankkeeseen
    osallistuvat seuraavat kunnat:"), for an item of that list; None otherwise.
    (A short line ending in a colon is a lead-in block of its own.)"""
    k = index
    while k - 1 >= 0 and block_list[k - 1].kind is BlockKind.ITEM:
        k -= 1
    if block_list[index].kind is not BlockKind.ITEM or k == 0:
        return None
    before = block_list[k - 1]
    if before.kind is not BlockKind.PARAGRAPH or not before.text.rstrip().endswith(":"):
        return None
    last = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÅ])", before.text.rstrip())[-1]
    return last.rstrip().rstrip(":").strip()


def row_cells(block: Block) -> list[tuple[int, int, str]]:
    """The cells of a table row as (document start, end, text), outer bars and
    spaces and Markdown emphasis ("**871 648,06**") left out."""
    if block.cells:   # a table laid out with spaces: cells found by columns
        return [(a, b, block.text[a - block.start:b - block.start]) if b > a
                else (block.end, block.end, "") for a, b in block.cells]
    out = []
    pos = block.start
    body = block.text
    bars = [i for i, ch in enumerate(body) if ch == "|"]
    if len(bars) < 2:
        return out
    for a, b in zip(bars, bars[1:], strict=False):
        s, e = a + 1, b
        while s < e and (body[s].isspace() or body[s] == "*"):
            s += 1
        while e > s and (body[e - 1].isspace() or body[e - 1] == "*"):
            e -= 1
        out.append((pos + s, pos + e, body[s:e]))
    return out


#: A table header cell whose column names projects ("Osahanke", "Hanke", "Projektin nimi").
PROJECT_COLUMN = re.compile(r"^(osa)?(hanke|hankkeet|projekti|projektit)\b|^osahanke|"
                            r"^osaprojekti|^hankkeen nimi|^projektin nimi", re.I)


def project_column(header: list[str]) -> int | None:
    """The index of the header cell that names projects, if any."""
    return next((n for n, h in enumerate(header) if PROJECT_COLUMN.match(h)), None)


def table_header(block_list: list[Block], index: int) -> int | None:
    """The index of the first row of the table that row ``index`` belongs to
    (its header), or None when ``index`` is that first row or not a row."""
    if block_list[index].kind is not BlockKind.ROW:
        return None
    k = index
    while k - 1 >= 0 and block_list[k - 1].kind is BlockKind.ROW:
        k -= 1
    return None if k == index else k
