"""Values that the layout attaches to an entity: money in tables, shares stated apart.

A table says with its header what each cell is. In

    | | euroa |
    | Myönnetty valtionavustus (80 %) | 742 000,00 |

the number is an amount in euros because its column says so, a state grant
because its row says so, and 80 % is that grant's share. In

    | Osahanke | Osatoteuttaja(t) | Valtionavustus |
    | Hyvinvoiva koulu | Lahden kaupunki, LAMK | 148 500 € |

the amount belongs to the row's sub-project, not to the page's project, and
the organisations of the "Osatoteuttaja" column implement that sub-project.
A table whose rows are organisations ("| Kunta | 2017 | 2018 |") gives
amounts of no project: they are left out rather than pinned on the wrong one.

"Valtionavustus kattaa 80 % kustannuksista" states a share without an
amount: it goes to the nearest amount of that kind of the same project.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from graph_builder.context import DocContext, Resolved
from graph_builder.lexicon import SUB_PROJECT_CUE, role_of
from graph_builder.model import Block, BlockKind, Fact, Kind
from graph_builder.segment import project_column, row_cells, table_header
from graph_builder.values import When, funding_kind, money, periods, shares

#: A header cell that makes its column's bare numbers amounts of money.
_MONEY_COLUMN = re.compile(r"euro|€|\beur\b|\bsumma|rahoitu|avustu|kustannu|omarahoitu|budjet|"
                           r"omavastuu|kuntaosuu", re.I)
#: A cell that is only an amount: "742 000,00", "**871 648,06**", "312 000 €".
_AMOUNT_CELL = re.compile(r"^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d{1,2}))?"
                          r"\s*(?:€|euroa|eur)?$", re.I)
#: A first column of organisations or places: its amounts are theirs, not a project's.
_PARTY_COLUMN = re.compile(r"^(kunta|kunnat|organisaatio|toteuttaja|osatoteuttaja|taho|"
                           r"kumppani|jäsen|kuntayhtymä|maakunta|alue)", re.I)
#: A header cell whose column gives each row's region ("Maakunta", "Alue").
_REGION_COLUMN = re.compile(r"^(maakunta|alue)\b", re.I)
#: A column of the places a row's project works in: "Kunta / alue", "Kunnat", "Toiminta-alue".
_PLACE_COLUMN = re.compile(r"^(kunta|kunnat|alue|toiminta-alue|paikkakunta|paikkakunnat|"
                           r"toimintakunnat|kohdekunnat)\b", re.I)
_ROW_SHARE = re.compile(r"\(\s*(\d{1,3}(?:,\d+)?)\s*%\s*\)")


def _fact(subject: str, predicate: str, obj: object, rule: str, s: int, confidence: float,
          **extra: object) -> Fact:
    return Fact(subject, predicate, obj, rule, s, confidence, tuple(sorted(extra.items())))


def _cell_amount(text: str) -> Decimal | None:
    m = _AMOUNT_CELL.match(text.strip())
    if not m:
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", m[1])
    if len(digits) == 4 and digits[:2] in ("19", "20") and not m[2]:
        return None  # a year, not an amount
    try:
        value = Decimal(digits + ("." + m[2] if m[2] else ""))
    except InvalidOperation:
        return None
    return Decimal(format(value.normalize(), "f")) if value > 0 else None


def _year_of(text: str) -> When | None:
    """The year a label cell or header is about: "2017", "Vuosi 2018", "v. 2019"."""
    found = [p for p in periods(text) if p.start and p.start.month is None
             and p.cue in ("year", "bare-year")]
    if len(found) != 1 or len(re.sub(r"\W", "", text)) > 12:
        return None
    return found[0].start


def table_money(ctx: DocContext) -> list[Fact]:
    """Amounts in table rows, for the project the row (or the page) is about."""
    from graph_builder.relations import ROLE_PREDICATE, sentence_project

    out: list[Fact] = []
    for b_index, block in enumerate(ctx.blocks):
        head = table_header(ctx.blocks, b_index)
        if head is None:
            continue
        header = [c[2] for c in row_cells(ctx.blocks[head])]
        cells = row_cells(block)
        sents = ctx.sentences_in_block(b_index)
        if not cells or not sents or not header:
            continue
        project_col = project_column(header)
        if project_col is None and _PARTY_COLUMN.match(header[0]):
            continue
        s_of = {c: next((s.index for s in sents if s.start <= c[0] < s.end or
                         s.start <= c[0] <= s.end), sents[0].index) for c in cells}
        found = [r for s in sents for r in ctx.mentions(s.index)]
        subject: str | None = None
        rule = "table.money"
        label_col = 0
        if project_col is not None:
            if project_col >= len(cells):
                continue
            a, b, _ = cells[project_col]
            named = [r for r in found if r.kind is Kind.PROJECT and a <= r.start < b]
            if not named:
                continue
            subject, rule, label_col = named[0].key, "table.row-project-money", project_col
            out.extend(_row_project_relations(ctx, named[0], header, cells, found,
                                              s_of[cells[project_col]], ROLE_PREDICATE, head))
        else:
            in_label = [r for r in found if r.kind is Kind.PROJECT
                        and cells[0][0] <= r.start < cells[0][1]]
            subject = in_label[0].key if in_label else sentence_project(ctx, sents[0].index)
        if subject is None:
            continue
        label = cells[label_col][2] if label_col < len(cells) else ""
        label_kind = funding_kind(label)
        row_year = _year_of(label)
        share_m = _ROW_SHARE.search(label)
        for n, (a, b, text) in enumerate(cells):
            if n == label_col:
                continue
            head_text = header[n] if n < len(header) else ""
            amounts = [(m.amount, m.share, m.approximate) for m in money(text)]
            if not amounts and _MONEY_COLUMN.search(head_text):
                value = _cell_amount(text)
                amounts = [(value, None, False)] if value is not None else []
            if len(amounts) != 1:
                continue
            amount, share, approx = amounts[0]
            kind = label_kind if label_kind != "funding" else funding_kind(head_text)
            if share is None and share_m and label_kind != "funding":
                share = Decimal(share_m[1].replace(",", ".")) / 100
            extra: dict[str, object] = {"kind": kind, "currency": "EUR"}
            if share is not None and share <= 1:
                extra["share"] = share
            year = row_year or _year_of(head_text)
            if year is not None:
                extra["start"], extra["end"] = year, year
            out.append(_fact(subject, "hasFunding", amount, rule, s_of[(a, b, text)],
                             0.7 if approx else 0.8, **extra))
    return out


def _row_project_relations(ctx: DocContext, project: Resolved, header: list[str],
                           cells: list[tuple[int, int, str]], found: list[Resolved], s: int,
                           role_predicate: dict[str, str], head: int) -> list[Fact]:
    """A project row's organisations in role columns, its region in a "Maakunta" column;
    a sub-project of the page's project when the header or the heading above the table
    says "osahanke"."""
    out: list[Fact] = []
    for n, (a, b, _) in enumerate(cells):
        words = header[n].replace("(", " ").split() if n < len(header) else []
        if n < len(header) and _REGION_COLUMN.match(header[n]):
            out.extend(_fact(project.key, "inRegion", r.key, "table.row-region", s, 0.85)
                       for r in found if a <= r.start < b and r.kind is Kind.REGION)
            continue
        role = next((r for w in words if (r := role_of(w))), None)
        if role is None and n < len(header) and _PLACE_COLUMN.match(header[n]):
            out.extend(_row_places(project, found, a, b, s))
        if role is None:
            continue
        for r in found:
            if a <= r.start < b and r.kind in (Kind.ORGANISATION, Kind.MUNICIPALITY) \
                    and not _cooperation_partner(ctx, r, b):
                out.append(_fact(project.key, role_predicate[role], r.key, f"table.row-{role}",
                                 s, 0.8, role=role))
    main = ctx.resolution.main_project
    heading = ctx.blocks[head].heading
    context = " ".join(header) + (" " + ctx.blocks[heading].text if heading is not None else "")
    if main and main != project.key and SUB_PROJECT_CUE.search(context):
        out.append(_fact(main, "hasSubProject", project.key, "table.sub-project-row", s, 0.8))
    return out


def _row_places(project: Resolved, found: list[Resolved], a: int, b: int,
                s: int) -> list[Fact]:
    """"| Seutukunnan perhekeskus | … | Loimaa, Oripää |" under "Kunta / alue": the
    row's project works in those municipalities (in that region)."""
    out = []
    for r in found:
        if a <= r.start < b and r.kind is Kind.MUNICIPALITY:
            out.append(_fact(project.key, "operatesIn", r.key, "table.row-place", s, 0.75))
        elif a <= r.start < b and r.kind is Kind.REGION:
            out.append(_fact(project.key, "inRegion", r.key, "table.row-place", s, 0.75))
    return out


def _cooperation_partner(ctx: DocContext, r: Resolved, cell_end: int) -> bool:
    """"PHLU ry yhdessä Heinolan kaupungin kanssa": the second name is a partner of
    the first, not an implementer of its own."""
    before = ctx.document.text[max(0, r.start - 30):r.start]
    after = ctx.document.text[r.end:cell_end]
    return bool(re.search(r"\b(yhdessä|yhteistyössä)\s+$", before)) and "kanssa" in after


def share_facts(ctx: DocContext, facts: list[Fact]) -> list[Fact]:
    """"Valtionavustus kattaa 80 % …": the share of the nearest amount of that kind
    (up to three sentences before, one after) of the same project, if it has none."""
    from graph_builder.relations import sentence_project

    out: list[Fact] = []
    funding = [f for f in facts if f.predicate == "hasFunding"]
    for sent in ctx.sentences:
        if ctx.blocks[sent.block].kind is BlockKind.ROW:
            continue
        for sh in shares(sent.text, sent.start):
            project = sentence_project(ctx, sent.index)
            near = [f for f in funding if f.subject == project and dict(f.extra).get("kind") ==
                    sh.kind and -3 <= f.sentence - sent.index <= 1]
            if not near:
                continue
            best = min(near, key=lambda f: (abs(f.sentence - sent.index), f.sentence))
            if dict(best.extra).get("share") is not None:
                continue
            if any(g.subject == best.subject and dict(g.extra).get("kind") == sh.kind
                   and g.obj == best.obj for g in out):
                continue
            out.append(_fact(project, "fundingShare", sh.share, "money.share-of-kind",
                             sent.index, 0.8, kind=sh.kind, amount=best.obj))
    return out


_CONTACT_ONLY = re.compile(r"^[\s,;:.()]*$")
#: A card's title line, first in its block: "projektipäällikkö", "koordinaattori, perhekeskus".
_TITLE_LINE = re.compile(r"^[ \t]*((?:[a-zäöå][\w-]*[ \t]+){0,3}[a-zäöå][\w-]*)"
                         r"(?:,[^\n]{0,60})?[ \t]*\n")


def _without_title_line(text: str) -> str:
    """The text without a first line that is a job title alone."""
    from graph_builder.titles import is_title

    m = _TITLE_LINE.match(text)
    return text[m.end():] if m and is_title(m.group(1).split()[-1]) else text
_CONTACT_WORDS = re.compile(r"\b(puh|puhelin|p|gsm|tel|email|e-mail|sähköposti|s-posti)\b\.?:?",
                            re.I)


def contact_lines(ctx: DocContext) -> list[Fact]:
    """A line of e-mail or phone alone, just below a line that names one person
    (a contact card the segmenter cut into blocks): the contact is that person's. The
    card may give a title on the line below the name before the contacts
    ("projektipäällikkö", "kehittämiskoordinaattori, perhekeskustoiminta"), and an
    employer after the title ("kehittämispäällikkö, THL")."""
    out: list[Fact] = []
    text = ctx.document.text
    for sent in ctx.sentences:
        found = ctx.contacts.get(sent.index, [])
        if not found:
            continue
        rest = _without_title_line(sent.text) if sent.start == ctx.blocks[sent.block].start \
            else sent.text
        shift = len(sent.text) - len(rest)
        named = ctx.mentions(sent.index)
        if any(r.start >= sent.start + shift or r.kind not in (Kind.ORGANISATION,
                                                                Kind.MUNICIPALITY)
               for r in named):
            continue  # only an employer may be named, on the title line
        for c in sorted(found, key=lambda c: -c.span[0]):
            a, b = c.span[0] - sent.start - shift, c.span[1] - sent.start - shift
            rest = rest[:a] + rest[b:]
        if not _CONTACT_ONLY.match(_CONTACT_WORDS.sub("", rest)):
            continue  # more than contacts on the line
        prev = sent.index - 1
        while prev >= 0 and not ctx.mentions(prev) and ctx.contacts.get(prev) and \
                sent.index - prev < 3:
            prev -= 1
        if prev < 0:
            continue
        people = {r.key for r in ctx.mentions(prev, Kind.PERSON)}
        gaps = [text[ctx.sentences[k].end:ctx.sentences[k + 1].start]
                for k in range(prev, sent.index)]
        if len(people) != 1 or any(g.count("\n") > 1 for g in gaps):
            continue  # no one, several, or a blank line between
        person = next(iter(people))
        for c in found:
            if c.kind in ("email", "telephone"):
                out.append(_fact(person, c.kind, c.value, f"contact.{c.kind}-line-below-name",
                                 sent.index, 0.85))
        for r in named:   # "kehittämispäällikkö, THL": the employer on the title line
            out.append(_fact(person, "memberOf", r.key, "contact.employer-line-below-name",
                             sent.index, 0.8))
    return out


def _level(label: str | None) -> int | None:
    return int(label) if label and label.isdigit() else None


def grouped_list_roles(ctx: DocContext) -> list[Fact]:
    """Organisations listed under a heading that names a role, or under a sub-heading
    of one ("## Kumppanit" / "### Kunnat" / "- Lahden kaupunki"), take that role in
    the project the heading names, or else the page's project (not a sub-project the
    line goes on to name: "- X ry – toteuttaa osahankkeen Y"). A line is a list item
    under a sub-heading (an item right under the role heading is read by the role
    rules), a paragraph that opens with a name and a dash ("**Lahden kaupunki** – …")
    or a table row that opens with a name. The names that open the line all take the role
    ("Harjavallan ja Nakkilan kunnat"), unless the line gives them a role of its own with
    a noun ("– hallinnoija", "– osatoteuttaja"), which the role rules read."""
    from graph_builder.lexicon import names_a_role
    from graph_builder.relations import ROLE_PREDICATE, opening_run, sentence_project

    out: list[Fact] = []
    for b_index, block in enumerate(ctx.blocks):
        if block.heading is None or not _listing_line(ctx, b_index):
            continue
        sub = ctx.blocks[block.heading]
        level = _level(sub.label)
        if level is None:
            continue
        role_at: int | None = None
        if names_a_role(sub.text):
            if block.kind is BlockKind.ITEM or len(sub.text.split()) > 4:
                continue   # an item right under the role heading: the role rules read it
            role_at = block.heading
        elif level >= 2:
            role_at = next((k for k in range(block.heading - 1, -1, -1)
                            if ctx.blocks[k].kind is BlockKind.HEADING
                            and (lv := _level(ctx.blocks[k].label)) is not None
                            and lv < level), None)
        parent = ctx.blocks[role_at] if role_at is not None else None
        if parent is None or len(parent.text.split()) > 4:
            continue
        role = next((r for w in parent.text.split() if (r := role_of(w))), None)
        sents = ctx.sentences_in_block(b_index)
        if role is None or not sents:
            continue
        first = sents[0].index
        named = opening_run(ctx, first, _line_start(block))
        if not named or _own_role(ctx, first, role) or (
                block.kind is BlockKind.PARAGRAPH and
                not _NAME_THEN_DASH.match(ctx.document.text, named[-1].end)):
            continue
        heading_projects = [r.key for sent in ctx.sentences_in_block(role_at)
                            for r in ctx.mentions(sent.index, Kind.PROJECT)]
        project = (heading_projects[0] if heading_projects else
                   ctx.resolution.main_project or sentence_project(ctx, first))
        if project:
            out.extend(_fact(project, ROLE_PREDICATE[role], r.key,
                             f"list.{role}-from-parent-heading", first, 0.75, role=role)
                       for r in named if r.key != project)
    return out


#: A name that opens a line and a dash or colon after it: "Lahden kaupunki – …".
_NAME_THEN_DASH = re.compile(r"[\s*_]*(\([^()\n]*\))?[\s*_]*[–—:-]\s")


def _listing_line(ctx: DocContext, b_index: int) -> bool:
    """Is a block a line of a listing: a list item, a paragraph (a name and a dash:
    "**Lahden kaupunki** – …", its bold gone in the text), or a table row below its
    header?"""
    block = ctx.blocks[b_index]
    if block.kind in (BlockKind.ITEM, BlockKind.PARAGRAPH):
        return True
    return block.kind is BlockKind.ROW and table_header(ctx.blocks, b_index) is not None


def _line_start(block: Block) -> int:
    """Where a line's first name may start: a row's first cell, else the block's start."""
    if block.kind is BlockKind.ROW:
        cells = row_cells(block)
        return cells[0][0] if cells else block.start
    return block.start


def _own_role(ctx: DocContext, s: int, heading_role: str) -> bool:
    """Does a list item name another role with a noun ("– hallinnoija", "–
    osatoteuttaja", "kansallinen tuki")? A verb ("toteuttaa osahankkeen …") says what
    the organisation does, not its role in the page's project."""
    return any((r := role_of(t.text)) and r != heading_role and t.pos != "teonsana"
               for t in ctx.tokens.get(s, []))


def value_facts(ctx: DocContext, facts: list[Fact]) -> list[Fact]:
    """The layout's values, given the facts the sentence rules found."""
    from graph_builder.collective import group_facts

    found = table_money(ctx) + contact_lines(ctx) + grouped_list_roles(ctx)
    found += group_facts(ctx, facts + found)
    return found + share_facts(ctx, facts + found)
