"""Named methods and models: measures written like project names.

Finnish names a model, tool or group method the way it names a project: a name,
a hyphen, and a head word that says what kind of thing it is ("Eron ensiapu
-ryhmämalli", "Trygg förälder -ryhmät", "LAVA-työkalu", "IPC-menetelmä",
"Perhe-chat"). Such a name is a measure of the project (or programme) the
sentence speaks of; the places in the same sentence are where it is tried
("kokeiltiin Hyvinkään ja Nurmijärven perheneuvoloissa").
"""

from __future__ import annotations

import re

from graph_builder.context import DocContext
from graph_builder.model import Fact, Kind, Token
from graph_builder.morphology import is_acronym, join_words, tokenize

#: Heads that make a dash name a method or model rather than a project or a body.
METHOD_HEADS: tuple[str, ...] = (
    "malli", "toimintamalli", "ryhmämalli", "työmalli", "palvelumalli", "työkalu",
    "menetelmä", "työmenetelmä", "ryhmä", "vertaisryhmä", "ryhmätoiminta", "kokeilu",
    "pilotti", "koulutus", "valmennus", "chat", "palvelu", "sovellus", "verkkopalvelu",
)


def _method_head(tok: Token) -> str | None:
    """The head of a method word, as a base form: "ryhmämallia" -> "ryhmämalli"."""
    word = tok.lemma.lower().rsplit("-", 1)[-1]
    return word if word.endswith(METHOD_HEADS) else None


def _dash_name(tokens: list[Token], i: int) -> list[Token] | None:
    """"Eron ensiapu -ryhmämallia": the capitalised name before a spaced hyphen.
    At most four words, the first capitalised, none a sentence's verb."""
    k = i - 1
    words: list[Token] = []
    while k >= 0 and len(words) < 4 and tokens[k].text[:1].isalpha() \
            and tokens[k].pos != "teonsana":
        words.insert(0, tokens[k])
        if tokens[k].text[:1].isupper():
            break
        k -= 1
    if not words or not words[0].text[:1].isupper():
        return None
    if k == 0 and len(words) == 1 and not is_acronym(words[0].text) and words[0].known:
        return None   # a capital that only opens the sentence: "Ryhmä -…"
    return words


def _glued_name(tok: Token) -> tuple[str, str] | None:
    """"LAVA-työkalu", "IPC-menetelmän", "Perhe-chat": a name glued to its head."""
    if "-" not in tok.text or tok.text.endswith("-"):
        return None
    first, _, rest = tok.text.partition("-")
    if not first[:1].isupper() or not rest[:1].islower():
        return None
    head = _method_head(tok)
    if head is None or head.endswith("ryhmä"):
        return None   # "LAPE-ryhmä", "THL-ohjausryhmä": bodies, not methods
    return first, head


def method_mentions(ctx: DocContext, s: int) -> list[tuple[str, int, int]]:
    """(label, start, end) of each named method in sentence ``s``."""
    tokens = ctx.tokens.get(s, [])
    taken = [(r.start, r.end) for r in ctx.mentions(s) if r.kind is not Kind.MEASURE]
    out = []
    for i, tok in enumerate(tokens):
        label = None
        start = tok.start
        if tok.text == "-" and i + 1 < len(tokens) and tokens[i + 1].start == tok.end \
                and (i == 0 or tokens[i - 1].end < tok.start):
            head = _method_head(tokens[i + 1])
            name = _dash_name(tokens, i) if head else None
            if name:
                label = f"{join_words([t.text for t in name], name)} -{head}"
                start = name[0].start
            end = tokens[i + 1].end if i + 1 < len(tokens) else tok.end
        elif (glued := _glued_name(tok)) is not None:
            label = f"{glued[0]}-{glued[1]}"
            end = tok.end
        if label is None or any(a < end and start < b for a, b in taken):
            continue
        out.append((label, start, end))
    return out


def name_part(label: str) -> str:
    """"Trygg förälder -ryhmä" -> "trygg förälder"; "LAVA-työkalu" -> "lava"."""
    return re.split(r"\s+-|-", label, maxsplit=1)[0].casefold()


def method_key(label: str) -> str:
    """What a measure's name is matched on: a method's name without its head word
    ("LAVA-työkalu", "Trygg förälder -ryhmät" -> "lava", "trygg förälder"), any other
    name whole ("LAPE-akatemia" stays itself, so "LAPE-työkalu" is not it)."""
    parts = re.split(r"\s+-|-", label, maxsplit=1)
    head = (parts[-1].split() or [""])[0].casefold()   # "chat (verkkoneuvonta)" -> "chat"
    method = head.endswith(METHOD_HEADS) or head[:-1].endswith(METHOD_HEADS)   # "ryhmät"
    return name_part(label) if len(parts) == 2 and method else label.casefold()


def _listed_acronym(name: str, known: list) -> str | None:
    """A listed measure that states the method's acronym: "LAVA-työkalu" is the item
    "Lapsivaikutusten arvioinnin (LAVA) käyttöönotto"."""
    if not is_acronym(name.upper()) or len(name) < 3:
        return None
    hits = [m.key for m in known
            if re.search(rf"\({re.escape(name)}\)|\b{re.escape(name)}-", m.label.casefold())]
    return hits[0] if len(set(hits)) == 1 else None


def method_measures(ctx: DocContext, known: list) -> tuple[list, list[Fact]]:
    """Each named method as a measure of the sentence's project (else the page's
    programme), with the places the sentence tries it in. A method is one node
    whatever head word a sentence gives it ("Trygg förälder -ryhmät", "… -vanhemmuus-
    ryhmä"), and the node of a listed measure whose name opens with it."""
    from graph_builder.areas import clause_of
    from graph_builder.measures import MeasureFound, item_relations, measure_key
    from graph_builder.relations import sentence_project

    programmes = [k for k, e in ctx.resolution.entities.items() if e.kind is Kind.PROGRAMME]
    listed = {method_key(m.label): m.key for m in known}
    seen: dict[str, str] = {}
    found: list[MeasureFound] = []
    facts: list[Fact] = []
    for sent in ctx.sentences:
        methods = method_mentions(ctx, sent.index)
        if not methods:
            continue
        owner = sentence_project(ctx, sent.index) or (
            programmes[0] if len(programmes) == 1 else None)
        tokens = ctx.tokens.get(sent.index, [])
        for label, start, end in methods:
            name = method_key(label)
            key = listed.get(name) or seen.get(name) or _listed_acronym(name, known)
            if key is None:
                key = seen[name] = measure_key(name, owner)
                found.append(MeasureFound(key, label, "action", sent.index,
                                          "measure.named-method"))
            if owner:
                facts.append(Fact(key, "measureOf", owner, "measure.named-method", sent.index,
                                  0.75))
            first = next(k for k, t in enumerate(tokens) if t.end > start)
            last = max(k for k, t in enumerate(tokens) if t.start < end)
            facts.extend(item_relations(ctx, key, [sent.index], clause_of(tokens, first, last)))
    return found, facts


#: A table column of measures, and one of who carries them ("Toimenpide | Vastuutaho").
_MEASURE_COLUMN = re.compile(r"^(toimenpiteet|toimenpide|toimintamalli|malli|tulos|tuotos|"
                             r"kehittämiskohde|kehittämistoimi|pilotti)\b", re.I)
_CARRIER_COLUMN = re.compile(r"vastuu|jatkaja|omistaja|ylläpitäjä|ylläpito|toteuttaja|"
                             r"\btaho\b|organisaatio|jatkuu", re.I)


def _bases(label: str) -> list[str]:
    """Base forms of a label's words of four letters or more, lower case."""
    return [t.lemma.lower() for t in tokenize(label) if len(t.text) >= 4 and t.text.isalpha()]


def _same_measure(label: str, known: list) -> str | None:
    """The one listed measure a table row's label names in other words: each of the
    row's words is, or begins, a word of the listed name ("Yhteisöllinen
    opiskeluhuolto" is "Yhteisöllisen opiskeluhuollon malli"; "Perhekeskukset" is
    "Perhekeskustoimintamalli")."""
    mine = _bases(label)
    if not mine:
        return None
    hits = {m.key for m in known
            if all(any(w.startswith(b) for w in _bases(m.label)) for b in mine)}
    return hits.pop() if len(hits) == 1 else None


def table_measures(ctx: DocContext, known: list) -> tuple[list, list[Fact]]:
    """Rows of a table whose first column names measures: each row a measure of the
    page's project, the organisations in a column of who carries it answering for it,
    the places in the row where it works."""
    from graph_builder.measures import MeasureFound, item_relations, measure_key
    from graph_builder.model import BlockKind
    from graph_builder.segment import row_cells, table_header

    found: list[MeasureFound] = []
    facts: list[Fact] = []
    listed = {method_key(m.label): m.key for m in known}
    owner = ctx.resolution.main_project
    for b_index, block in enumerate(ctx.blocks):
        head = table_header(ctx.blocks, b_index)
        if head is None or block.kind is not BlockKind.ROW:
            continue
        header = [c[2] for c in row_cells(ctx.blocks[head])]
        if not header or not _MEASURE_COLUMN.match(header[0].strip()):
            continue
        cells = row_cells(block)
        label = " ".join(cells[0][2].split()) if cells else ""
        sents = [s.index for s in ctx.sentences_in_block(b_index)]
        if len(label) < 3 or not sents:
            continue
        key = listed.get(method_key(label)) or _same_measure(label, known) or \
            measure_key(label, owner)
        if key not in listed.values():
            found.append(MeasureFound(key, label, "action", sents[0], "measure.table-row"))
        if owner:
            facts.append(Fact(key, "measureOf", owner, "measure.table-row", sents[0], 0.75))
        for n, (a, b, _) in enumerate(cells[1:], start=1):
            if n < len(header) and _CARRIER_COLUMN.search(header[n]):
                for s in sents:
                    for r in ctx.mentions(s, Kind.ORGANISATION, Kind.MUNICIPALITY):
                        if a <= r.start < b:
                            facts.append(Fact(r.key, "responsibleFor", key,
                                              "measure.table-carrier", s, 0.75))
        facts.extend(item_relations(ctx, key, sents))
    return found, facts
