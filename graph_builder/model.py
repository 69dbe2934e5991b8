"""The data that flows through the builder, one stage to the next.

sources -> :class:`Document` -> :class:`Block` / :class:`Sentence` ->
:class:`Token` -> :class:`Mention` -> :class:`Entity` -> :class:`Fact` -> triples.

All of these are frozen dataclasses: a stage reads the previous stage's
values and returns new ones, never changes them, so stages can be tested
alone and a document's results can be cached by its content hash.

Text contract: every reader returns the document's text in lapekg's *light
markdown*: a heading is a line that starts with ``#`` marks, a list item a
line that starts with ``- `` (or ``• ``, ``* ``, ``1. ``), a table row a line
that starts and ends with ``|``; everything else is running text, with a blank
line between paragraphs. Plain-text files already look like this, or close
enough for the segmenter's heuristics. Character offsets in provenance refer
to this text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Link:
    """A hyperlink kept from an HTML or Markdown source."""

    text: str
    href: str


@dataclass(frozen=True)
class Document:
    """One source document as read: its text and where it came from."""

    path: str           # as given on the command line (or the bundled name)
    name: str           # file name, shown in messages and provenance
    text: str           # light-markdown text, see the module docstring
    sha256: str         # hash of the bytes read (identity of the document)
    media_type: str     # text/plain, text/markdown, text/html, application/pdf
    encoding: str = "utf-8"
    title: str | None = None
    links: tuple[Link, ...] = ()


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    ROW = "row"
    FIELD = "field"       # a "Label: value" line of a project card


#: Names of rules whose mentions later stages treat apart (one spelling, in one place).
TABLE_PROJECT_RULE = "card.table-project"      # a project named in a table's project column
PROJECT_NAME_RULE = "card.project-name"        # a card's name field, or "Hankkeen nimi on …"
STEERING_HEADING_RULE = "org.steering-group-heading"   # a bare "Ohjausryhmä" heading
ERVA_RULE = "org.erva-area"                    # a special responsibility area
LIST_PROJECT_RULE = "card.list-project"        # a sub-project named as a list item
SHORT_NAME_RULE = "card.project-short-name"    # a card's "Lyhenne:" field
SUB_PROJECT_RULE = "project.sub-project-apposition"   # "X:n osahanke Y"
PARENT_BODY_RULE = "org.parent-body"           # the body a unit's name opens with
#: Rules that name a part of the page's project (a sub-project), never the page's own.
PART_RULES = frozenset({TABLE_PROJECT_RULE, LIST_PROJECT_RULE, SUB_PROJECT_RULE})


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item, table row or card field."""

    kind: BlockKind
    start: int          # offset of the block's content (markers excluded)
    end: int
    text: str
    line: int           # 1-based line of ``start``
    heading: int | None = None   # index of the heading this block stands under
    label: str | None = None     # for FIELD: the label before the colon
    #: for a ROW laid out with spaces (a PDF's table): each cell's (start, end)
    cells: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence: the unit of provenance."""

    index: int
    block: int          # index of its Block
    start: int
    end: int
    text: str
    line: int


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its morphology."""

    text: str
    start: int
    end: int
    lemma: str          # base form; the written form where it is unsafe to guess
    pos: str = ""       # voikko CLASS: nimisana, paikannimi, etunimi, sukunimi ...
    case: str = ""      # voikko SIJAMUOTO: nimento, omanto, sisaolento ...
    known: bool = False  # did the analyser know the word at all


class Kind(StrEnum):
    """Entity kinds; each maps to one ontology class."""

    PROGRAMME = "Programme"
    PROJECT = "Project"
    REGION = "Region"
    MUNICIPALITY = "Municipality"
    ORGANISATION = "Organisation"
    PERSON = "Person"
    MEASURE = "Measure"


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity, as a rule found it."""

    kind: Kind
    start: int
    end: int
    surface: str        # as written
    name: str           # normalised base form (head lemmatised, rest kept)
    rule: str           # stable name of the rule, recorded in provenance
    sentence: int
    code: str | None = None      # official code (region, municipality)
    confidence: float = 0.9


@dataclass(frozen=True)
class Fact:
    """One statement the builder makes, with the evidence for it.

    ``subject`` and ``obj`` are entity keys (see resolve) or, for values,
    the value itself; ``predicate`` is an ontology local name.
    """

    subject: str
    predicate: str
    obj: object
    rule: str
    sentence: int
    confidence: float = 0.9
    extra: tuple[tuple[str, object], ...] = field(default=())


def fact(subject: str, predicate: str, obj: object, rule: str, s: int,
         confidence: float = 0.85, **extra: object) -> Fact:
    """A Fact with its extra details given as keywords ("role=…"), in a fixed order."""
    return Fact(subject, predicate, obj, rule, s, confidence, tuple(sorted(extra.items())))


#: The kinds an organisation's mention may have: a municipality acts as a body too.
ORG_KINDS = (Kind.ORGANISATION, Kind.MUNICIPALITY)
