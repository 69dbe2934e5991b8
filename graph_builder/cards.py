"""Names that the layout gives, not the words: project cards and partner lists.

In a card, "Hankkeen nimi: Perhe keskiöön" names a project although no
"-hanke" follows, and "Osatoteuttajat: A, B ja C" lists organisations
although not every name ends in a type word. The same holds for list items
under a lead-in such as "Kehittäjäkumppanit:". These rules add mentions
only where the sentence finders found none.
"""

from __future__ import annotations

import re

from graph_builder.lexicon import SUB_PROJECT_ANAPHOR, SUB_PROJECT_CUE, TOTAL_ROW, names_a_role
from graph_builder.model import (
    LIST_PROJECT_RULE,
    PROJECT_NAME_RULE,
    SHORT_NAME_RULE,
    TABLE_PROJECT_RULE,
    Block,
    BlockKind,
    Kind,
    Mention,
    Sentence,
    Token,
)
from graph_builder.morphology import join_words, name_base_form
from graph_builder.segment import paragraph_lead, project_column, row_cells, table_header

_NAME_LABEL = re.compile(r"^(hankkeen nimi|hanke|projektin nimi|projekti|nimi)$", re.I)
#: A card's short-name field: "Lyhenne: PoPe", "Hankkeen lyhenne: LASU".
_SHORT_NAME_LABEL = re.compile(r"^((hankkeen|projektin) )?(lyhenne|lyhyt nimi|akronyymi)$", re.I)
#: "Pohjoisen perheet – Lapin … muutoshanke": a name, a spaced dash, a longer name.
_NAME_DASH = re.compile(r"\s+[–—-]\s+")
_SPLIT = re.compile(r"\s*(?:,|;|\bja\b|\bsekä\b)\s*")


#: "Hankkeen nimi on Perheet keskiöön – …", "Hankkeen nimeksi valittiin Lapsen paras."
_NAME_STATEMENT = re.compile(r"\b(?:hankkeen|projektin) (?:nimi on|nimeksi (?:tuli|valittiin|"
                             r"annettiin)|virallinen nimi on)\s+[\"“”]?", re.I)


def _name_statement(sent: Sentence, tokens: list[Token], found: list[Mention]) -> list[Mention]:
    """A project's name stated in prose: the capitalised words after "Hankkeen nimi
    on", up to a dash, a comma or the sentence's end."""
    match = _NAME_STATEMENT.search(sent.text)
    if match is None:
        return []
    rest = sent.text[match.end():]
    name = re.split(r"\s+[–—-]\s+|[,;:(\"“”]|\.\s|\.$", rest, maxsplit=1)[0].strip()
    start = sent.start + match.end()
    if not name[:1].isupper() or len(name.split()) > 8 or not _free(start, start + len(name),
                                                                     found):
        return []
    return [Mention(Kind.PROJECT, start, start + len(name), name, name, PROJECT_NAME_RULE,
                    sent.index, confidence=0.85)]


def _free(start: int, end: int, taken: list[Mention]) -> bool:
    return all(end <= m.start or start >= m.end for m in taken)


def _tokens_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens if start <= t.start and t.end <= end]


#: "Satakunta: …" — a line that opens with a region's name and a colon.
REGION_LINE = re.compile(r"^\s*([A-ZÄÖÅ][\w-]+(?:\s[\w-]+)?)\s*:\s*([^,]+)")


def region_project(sent: Sentence, block: Block, tokens: list[Token],
                   found: list[Mention]) -> list[Mention]:
    """"Satakunta: Satakunnan LAPE – …, hallinnoijana …": a region, then its project."""
    from graph_builder.gazetteer import gazetteer

    if block.kind not in (BlockKind.ITEM, BlockKind.FIELD):
        return []
    text, offset = sent.text, sent.start
    match = REGION_LINE.match(text)
    if not match or gazetteer().region(match.group(1)) is None:
        return []
    name = match.group(2).strip()
    start = offset + match.start(2) + (len(match.group(2)) - len(match.group(2).lstrip()))
    end = start + len(name)
    if not name[:1].isupper() or len(name.split()) > 12:
        return []
    inside = [m for m in found if start <= m.start and m.end <= end and m.kind is not Kind.REGION]
    if any(m.kind is Kind.PROJECT for m in inside) or \
            sum(m.end - m.start for m in inside) * 2 >= end - start:
        return []  # "Pirkanmaa: Tampereen kaupunki" names an organisation, not a project
    clean = re.sub(r"\s*-(hanke|projekti)\w*$", "", name)
    return [Mention(Kind.PROJECT, start, end, name, clean, "card.region-project", sent.index,
                    confidence=0.8)]


#: Heads of a name that a project column may give a sub-project ("Vaativan tason
#: OT-verkosto"), though the organisation finder reads them as bodies elsewhere.
_NETWORK_HEADS = ("verkosto", "ryhmä", "keskus", "palvelut", "malli")


def _network_name(m: Mention) -> bool:
    return m.kind is Kind.ORGANISATION and m.rule == "org.type-word" and \
        m.name.lower().endswith(_NETWORK_HEADS)


def _opens_with_person(sent: Sentence, found: list[Mention]) -> bool:
    """Does a person's name open the sentence (a line of a list of people)?"""
    lead = len(sent.text) - len(sent.text.lstrip(" \t*•-"))
    return any(m.kind is Kind.PERSON and m.start == sent.start + lead for m in found)


def table_project(sent: Sentence, block: Block, tokens: list[Token], found: list[Mention],
                  blocks: list[Block]) -> list[Mention]:
    """"| Osahanke | … |" over "| Hyvinvoiva koulu | … |": the cell under a project
    column names a project, whether or not "-hanke" follows. Places inside the name
    ("Perhekeskus Päijät-Hämeeseen") stay mentions of their own."""
    if block.kind is not BlockKind.ROW:
        return []
    head = table_header(blocks, sent.block)
    if head is None:
        return []
    header = [c[2] for c in row_cells(blocks[head])]
    column = project_column(header)
    cells = row_cells(block)
    if column is None or column >= len(cells):
        return []
    start, end, value = cells[column]
    if not (sent.start <= start and end <= sent.end) or not value[:1].isupper() \
            or len(value.split()) > 10 or TOTAL_ROW.match(value.strip()):
        return []  # "| Yhteensä | … |" sums the sub-projects, it is none of them
    inside = [m for m in found if m.start < end and start < m.end]
    if any(m.kind not in (Kind.REGION, Kind.MUNICIPALITY) and not _network_name(m)
           or m.start < start or m.end > end for m in inside):
        return []  # a named project or an organisation: the finders' reading stands
    if not _tokens_in(tokens, start, end):
        return []
    clean = re.sub(r"\s*-\s*(osa)?(hanke|projekti)\w*$", "", value).strip("\"“” ")
    return [Mention(Kind.PROJECT, start, end, value, clean, TABLE_PROJECT_RULE, sent.index,
                    confidence=0.8)]


#: Where an item's opening name ends: "Kaarin polku (Oulunkaaren kuntayhtymä): …",
#: "Digiperhe: …", "Digiperhe – sähköiset palvelut".
_ITEM_NAME = re.compile(r"([A-ZÄÖÅ0-9\"“][^():;\n]{0,80}?)\s*(?=\(|:|\s[–—-]\s)")


def list_framing(block: Block, blocks: list[Block], index: int) -> str | None:
    """The lead-in or heading a list item stands under, if any."""
    if block.kind is not BlockKind.ITEM:
        return None
    lead = paragraph_lead(blocks, index)
    if lead is not None:
        return lead
    return blocks[block.heading].text if block.heading is not None else None


def list_project(sent: Sentence, block: Block, tokens: list[Token], found: list[Mention],
                 blocks: list[Block]) -> list[Mention]:
    """"Osahankkeet:" over "- Kaarin polku (Oulunkaaren kuntayhtymä): perhekeskus …":
    the name that opens each item of a list of sub-projects names a project, whether
    or not "-hanke" follows; what comes after it in brackets or after the colon
    describes it. Names the finders read as something else stand."""
    frame = list_framing(block, blocks, sent.block)
    if sent.start != block.start or frame is None or not SUB_PROJECT_CUE.search(frame):
        return []
    m = _ITEM_NAME.match(sent.text)
    if not m or len(m.group(1).split()) > 8:
        return []
    start, end = sent.start + m.start(1), sent.start + m.end(1)
    inside = [x for x in found if x.start < end and start < x.end]
    if any(x.kind not in (Kind.REGION, Kind.MUNICIPALITY) or x.start < start or x.end > end
           for x in inside):
        return []  # a project found already, or an organisation's item
    if not _tokens_in(tokens, start, end):
        return []
    value = sent.text[m.start(1):m.end(1)]
    clean = re.sub(r"\s*-\s*(osa)?(hanke|projekti)\w*$", "", value).strip("\"“” ")
    return [Mention(Kind.PROJECT, start, end, value, clean, LIST_PROJECT_RULE, sent.index,
                    confidence=0.8)]


def heading_project(sent: Sentence, block: Block, tokens: list[Token], found: list[Mention],
                    blocks: list[Block]) -> list[Mention]:
    """"## Osahankkeet" > "Loimaan seudun erotuki" > "Osahanke käynnistyi …": a short
    heading under a heading of sub-projects, whose first paragraph speaks of "the
    sub-project", names one, whether or not "-hanke" follows."""
    index = sent.block
    if block.kind is not BlockKind.HEADING or not _under_sub_projects(blocks, index) or \
            index + 1 >= len(blocks) or blocks[index + 1].kind is not BlockKind.PARAGRAPH or \
            not SUB_PROJECT_ANAPHOR.match(blocks[index + 1].text):
        return []
    value = sent.text.strip("*\"“” ")
    start = sent.start + sent.text.find(value)
    end = start + len(value)
    if not value[:1].isupper() or len(value.split()) > 8 or not _free(start, end, [
            m for m in found if m.kind not in (Kind.REGION, Kind.MUNICIPALITY)]):
        return []
    span = _tokens_in(tokens, start, end)
    if not span:
        return []
    return [Mention(Kind.PROJECT, span[0].start, span[-1].end, value, value,
                    LIST_PROJECT_RULE, sent.index, confidence=0.75)]


def _under_sub_projects(blocks: list[Block], index: int) -> bool:
    """Does a heading stand under "Osahankkeet": its own parent heading, or, for a
    plain or bold heading (which links to none), the headings before it back to the
    nearest marked one ("## Osahankkeet" > "Kohtaamo" > "Loimaan seudun erotuki")?"""
    parent = blocks[index].heading
    if parent is not None:
        return bool(SUB_PROJECT_CUE.search(blocks[parent].text))
    for k in range(index - 1, max(-1, index - 30), -1):
        if blocks[k].kind is not BlockKind.HEADING or blocks[k].label == "lead-in":
            continue
        if SUB_PROJECT_CUE.search(blocks[k].text):
            return True
        if blocks[k].label != "1":   # a marked heading of its own level ("## Tulokset")
            return False
    return False


def _value_start(sent: Sentence, block: Block) -> int:
    """Where a card field's value begins ("Hankkeen hallinnoija: |Seinäjoen kaupunki")."""
    if block.kind is BlockKind.FIELD and sent.start == block.start and block.label and \
            sent.text.startswith(block.label):   # "Hallinnoija      Espoon kaupunki"
        rest = sent.text[len(block.label):]
        return sent.start + len(block.label) + len(rest) - len(rest.lstrip(" \t:"))
    if block.kind is BlockKind.FIELD and sent.start == block.start:
        colon = sent.text.find(":")
        if colon >= 0:
            rest = sent.text[colon + 1:]
            return sent.start + colon + 1 + (len(rest) - len(rest.lstrip()))
    return sent.start


#: Words that open a clause, never a name: "– Kun lapsen asioita hoidetaan yhdessä, …".
CLAUSE_OPENERS = {"kun", "jos", "että", "koska", "kuin", "vaikka", "mutta", "jotta", "kunnes",
                  "nyt", "sitten", "siksi"}


def is_clause(span: list[Token]) -> bool:
    """A list part that is a clause, not a name: it opens with a conjunction or holds
    a passive verb (a quote set off with a dash reads like a list item)."""
    if span[0].text.lower() in CLAUSE_OPENERS:
        return True
    return any(t.pos == "teonsana" and t.text.lower().endswith(("taan", "tään"))
               for t in span)


def structural_mentions(sent: Sentence, block: Block, tokens: list[Token],
                        found: list[Mention], blocks: list[Block]) -> list[Mention]:
    """Project names in card fields; organisations in role fields and role lists."""
    out: list[Mention] = region_project(sent, block, tokens, found)
    if out:
        return out
    out = table_project(sent, block, tokens, found, blocks)
    if out:
        return out
    out = list_project(sent, block, tokens, found, blocks)
    if out:
        return out
    out = heading_project(sent, block, tokens, found, blocks)
    if out:
        return out
    out = _name_statement(sent, tokens, found)
    if out:
        return out
    value_start = _value_start(sent, block)
    if block.kind is BlockKind.FIELD and block.label and _SHORT_NAME_LABEL.match(block.label):
        value = sent.text[value_start - sent.start:].strip().rstrip(".")
        span = _tokens_in(tokens, value_start, value_start + len(value))
        if len(span) == 1 and _free(span[0].start, span[0].end, found):
            out.append(Mention(Kind.PROJECT, span[0].start, span[0].end, span[0].text,
                               span[0].text, SHORT_NAME_RULE, sent.index,
                               confidence=0.9))
        return out
    if block.kind is BlockKind.FIELD and block.label and _NAME_LABEL.match(block.label):
        value = sent.text[value_start - sent.start:].strip().rstrip(".")
        dash = _NAME_DASH.search(value)
        if dash and not _free(value_start, value_start + len(value), found):
            value = value[:dash.start()]   # the longer name after the dash is found already
        if value and _free(value_start, value_start + len(value), found):
            span = _tokens_in(tokens, value_start, value_start + len(value))
            if span:
                out.append(Mention(Kind.PROJECT, span[0].start, span[-1].end, value,
                                   value.strip("\"“”"), PROJECT_NAME_RULE, sent.index,
                                   confidence=0.9))
        return out
    field_role = block.kind is BlockKind.FIELD and bool(block.label) and names_a_role(block.label)
    lead = paragraph_lead(blocks, sent.block) if block.kind is BlockKind.ITEM else None
    role_context = field_role or (
        block.kind is BlockKind.ITEM and (names_a_role(lead) if lead is not None else (
            block.heading is not None and names_a_role(blocks[block.heading].text))))
    if not role_context:
        return out
    # "Anna Virta, johtaja, Folkhälsan": a member's line names the employer as written
    as_written = _opens_with_person(sent, found)
    body = sent.text[value_start - sent.start:]
    cursor = 0
    for part in _SPLIT.split(body):
        idx = body.find(part, cursor)
        if idx < 0 or not part:
            continue
        cursor = idx + len(part)
        start = value_start + idx
        part_clean = part.rstrip(" .")
        end = start + len(part_clean)
        if not part_clean[:1].isupper() or not _free(start, end, found + out):
            continue
        span = _tokens_in(tokens, start, end)
        if not span or len(span) > 8 or is_clause(span):
            continue
        name = join_words([t.text for t in span], span) if as_written else name_base_form(span)
        out.append(Mention(Kind.ORGANISATION, start, end, part_clean, name,
                           "card.organisation-list", sent.index, confidence=0.8))
    return out
