"""Everything known about one document once its names are resolved.

Relation and measure rules read a :class:`DocContext`; they never change it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph_builder.model import Block, BlockKind, Document, Kind, Mention, Sentence, Token
from graph_builder.resolve import Resolution
from graph_builder.values import Contact, Money, Period


@dataclass(frozen=True)
class Resolved:
    """A mention with the key of the entity it names."""

    mention: Mention
    key: str

    @property
    def kind(self) -> Kind:
        return self.mention.kind

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


def case_at(tokens: list[Token], r: Resolved) -> str:
    """The grammatical case of a name, read from its last word ("" when unknown):
    Finnish inflects the last word of a name only."""
    return next((t.case for t in tokens if t.start < r.end <= t.end), "")


@dataclass
class DocContext:
    document: Document
    doc_id: str
    blocks: list[Block]
    sentences: list[Sentence]
    tokens: dict[int, list[Token]]
    resolution: Resolution
    periods: dict[int, list[Period]] = field(default_factory=dict)
    money: dict[int, list[Money]] = field(default_factory=dict)
    contacts: dict[int, list[Contact]] = field(default_factory=dict)
    by_sentence: dict[int, list[Resolved]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        res = self.resolution
        for i, m in enumerate(res.mentions):
            key = res.keys.get(i)
            if key is not None:
                self.by_sentence.setdefault(m.sentence, []).append(Resolved(m, key))
        for items in self.by_sentence.values():
            items.sort(key=lambda r: r.start)

    def mentions(self, sentence: int, *kinds: Kind) -> list[Resolved]:
        found = self.by_sentence.get(sentence, [])
        return [r for r in found if not kinds or r.kind in kinds]

    def block_of(self, sentence: int) -> Block:
        return self.blocks[self.sentences[sentence].block]

    def field_label(self, sentence: int) -> str | None:
        """The label that frames a sentence: a card field's label, or the heading or
        lead-in above a list item ("Kehittäjäkumppanit:")."""
        from graph_builder.segment import paragraph_lead

        block = self.block_of(sentence)
        if block.kind is BlockKind.FIELD:
            return block.label
        lead = paragraph_lead(self.blocks, self.sentences[sentence].block)
        if lead is not None:
            return lead
        if block.kind is BlockKind.ITEM and block.heading is not None:
            return self.blocks[block.heading].text
        return None

    def sentences_in_block(self, block_index: int) -> list[Sentence]:
        return [s for s in self.sentences if s.block == block_index]
