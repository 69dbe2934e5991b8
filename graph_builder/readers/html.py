"""HTML to light markdown, with selectolax (lexbor).

lexbor parses like a browser, in C and without recursion, so a page nested
20,000 elements deep parses; the tree is then walked here with an explicit
loop over first-child / next-sibling / parent pointers (never recursion), so
no depth can exhaust Python's stack.

What is kept:

- Only the page's content: when it has a ``<main>`` (or ``role="main"``),
  only what is inside it; else, when it has ``<article>`` elements, only
  those; else the whole ``<body>``. If that choice yields no text, the whole
  body is read instead.
- Never site chrome or code: ``script``, ``style``, ``noscript``,
  ``template``, ``nav``, ``aside``, ``svg``, ``iframe``, ``object``,
  ``embed``, ``canvas``, ``dialog``, form controls, anything ``hidden``,
  ``aria-hidden="true"`` or ``display:none``, elements whose ``role`` is
  navigation/banner/contentinfo/search/dialog, and ``header``/``footer``
  unless they sit inside an ``article``, ``main`` or ``section`` (then they
  belong to the content). A ``<form>`` is dropped unless it holds headings
  or the main content: ASP.NET and SharePoint pages, common in the public
  sector, wrap the whole page in one form.
- ``h1``..``h6`` become ``#``..``######`` lines; ``li`` becomes ``- `` (in
  ``ul``) or ``1. `` (in ``ol``) lines, nested lists flattened; table rows
  become ``| cell | cell |`` lines (a ``|`` inside a cell is written
  ``\\|``); ``dt``/``dd`` pairs become ``term: description`` lines, the
  "Label: value" form project cards use; ``p``, ``div``, ``br`` and other
  blocks end a paragraph; ``pre`` keeps its lines.
- Text only: entities are decoded by the parser and the output is the text
  nodes' content, so ``&lt;script&gt;`` stays the literal text ``<script>``
  and no tag or attribute (``onerror=``) can survive as markup.
- Links: the text of each ``<a href>`` stays inline; its target is collected
  when ``links.py`` allows it (``javascript:`` and the like are dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from graph_builder.model import Link
from graph_builder.readers.base import Extracted
from graph_builder.readers.links import make_link, unique
from graph_builder.readers.normalise import clean_text, collapse_space

DROPPED = frozenset({
    "head", "title", "script", "style", "noscript", "template", "nav", "aside", "svg",
    "iframe", "object", "embed", "canvas", "dialog", "button", "input", "select", "textarea",
    "option", "datalist", "audio", "video", "map", "img", "picture", "frameset", "noframes",
})
DROPPED_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog",
})
# header/footer inside these are part of the content, not the site's chrome.
_SCOPES = frozenset({"article", "main", "section"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "details", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
    "html", "legend", "main", "menu", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "tfoot", "thead", "ul",
})
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


@dataclass
class _Frame:
    """An open element whose text becomes one output line."""

    kind: str                   # paragraph, heading, item, term, detail, row, cell
    marker: str = ""            # "# ", "- ", "1. " ...
    pieces: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)


@dataclass
class _Anchor:
    """An open ``<a>``: where its text starts, to cut it out when it closes."""

    frame: _Frame
    start: int
    href: str | None
    split: bool = False         # a block boundary inside the link emitted part of its text


# Frames into which inner structure is merged as running text.
_MERGING = frozenset({"heading", "row", "cell"})
_LINE_KINDS = frozenset({"item", "row", "pre"})


class _Converter:
    """Receives enter/text/leave events of a walk and writes light markdown."""

    def __init__(self, content: str | None):
        self.content = content          # "main", "article" or None (whole body)
        self.content_depth = 0
        self.scope_depth = 0
        self.pre_depth = 0
        self.frames: list[_Frame] = [_Frame("paragraph")]
        self.blocks: list[tuple[str, str]] = []
        self.links: list[Link] = []
        self.anchors: list[_Anchor] = []
        self.lists: list[int | None] = []   # per open list: next number, None for bullets
        self.term: str | None = None      # the open dt's text, for "term: description"
        self.term_used = False

    # --- walk events ------------------------------------------------------
    def enter(self, node: LexborNode) -> bool:
        """Handle an element's start; False means: skip it and its subtree."""
        tag = node.tag or ""
        attrs = node.attributes
        if self._dropped(node, tag, attrs):
            return False
        if self._is_content(tag, attrs):
            self.content_depth += 1
        if tag in _SCOPES:
            self.scope_depth += 1
        if tag == "br":
            self._break()
            return False
        if tag in _HEADINGS:
            self._open(_Frame("heading", "#" * _HEADINGS[tag] + " "))
        elif tag == "li":
            self._open(_Frame("item", self._item_marker()))
        elif tag == "dt":
            self._open(_Frame("term"))
        elif tag == "dd":
            self._open(_Frame("detail"))
        elif tag == "tr":
            self._open(_Frame("row"))
        elif tag in ("td", "th"):
            self.frames.append(_Frame("cell"))
        elif tag in _BLOCKS:
            self._break()
        if tag in ("ul", "ol", "menu", "dir"):
            self.lists.append(_list_start(attrs) if tag == "ol" else None)
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "a":
            top = self.frames[-1]
            self.anchors.append(_Anchor(top, len(top.pieces), attrs.get("href")))
        return True

    def text(self, value: str) -> None:
        """Handle a text node."""
        if self.content is not None and self.content_depth == 0:
            return
        if self.pre_depth:
            first, *rest = value.split("\n")
            self.frames[-1].pieces.append(first)
            for line in rest:
                self._break(pre=True)
                self.frames[-1].pieces.append(line)
            return
        self.frames[-1].pieces.append(value)

    def leave(self, node: LexborNode) -> None:
        """Handle an element's end (only for elements whose start was accepted)."""
        tag = node.tag or ""
        if tag == "a":
            self._close_anchor(node)
        elif tag in ("ul", "ol", "menu", "dir"):
            self.lists.pop()
            if not self.lists:
                self.blocks.append(("end", ""))   # the next list starts a new block
        elif tag == "pre":
            self._break(pre=True)
            self.pre_depth -= 1
        elif tag == "dl":
            self._emit_term()
        if tag in _HEADINGS or tag in ("li", "dt", "dd", "tr", "td", "th"):
            self._close(self.frames.pop())
        elif tag in _BLOCKS:
            self._break()
        if tag in _SCOPES:
            self.scope_depth -= 1
        if self._is_content(tag, node.attributes):
            self.content_depth -= 1

    # --- result -----------------------------------------------------------
    def result(self) -> str:
        """The light-markdown text: line kinds joined by newlines, blocks by blank lines."""
        self._break()
        self._emit_term()
        out: list[str] = []
        previous = ""
        for kind, line in self.blocks:
            if kind == "end":
                previous = kind
                continue
            if out:
                out.append("\n" if kind == previous and kind in _LINE_KINDS else "\n\n")
            out.append(line)
            previous = kind
        return "".join(out)

    # --- helpers ----------------------------------------------------------
    def _dropped(self, node: LexborNode, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in DROPPED or "hidden" in attrs:
            return True
        if (attrs.get("aria-hidden") or "").strip().lower() == "true":
            return True
        if (attrs.get("role") or "").strip().lower() in DROPPED_ROLES:
            return True
        style = attrs.get("style")
        if style and _HIDDEN_STYLE.search(style):
            return True
        if tag in ("header", "footer"):
            return self.scope_depth == 0
        if tag == "form":
            return node.css_first("main, article, [role=main], h1, h2, h3") is None
        return False

    def _is_content(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if self.content == "main":
            return tag == "main" or (attrs.get("role") or "").strip().lower() == "main"
        return self.content is not None and tag == self.content

    def _item_marker(self) -> str:
        if not self.lists or self.lists[-1] is None:
            return "- "
        number = self.lists[-1]
        self.lists[-1] = number + 1
        return f"{number}. "

    def _open(self, frame: _Frame) -> None:
        """Start a line-making element: end the text before it, unless merging."""
        top = self.frames[-1]
        if top.kind in _MERGING:
            top.pieces.append(" ")
        else:
            self._flush(top)
        self.frames.append(frame)

    def _close(self, frame: _Frame) -> None:
        """End a line-making element: emit its line, or merge it into a cell or heading."""
        text = _row_text(frame) if frame.kind == "row" else collapse_space("".join(frame.pieces))
        top = self.frames[-1]
        if frame.kind == "cell":
            if top.kind == "row":
                top.cells.append(text.replace("|", "\\|"))
            else:
                top.pieces.extend((" ", text, " "))
        elif top.kind in _MERGING:
            plain = " ".join(c.replace("\\|", "|") for c in frame.cells) if frame.kind == "row" \
                else text
            top.pieces.extend((" ", plain, " "))
        else:
            frame.pieces = [text]
            self._flush(frame)

    def _break(self, pre: bool = False) -> None:
        """A block boundary (``p``, ``div``, ``br`` ...): end the paragraph."""
        top = self.frames[-1]
        if top.kind == "paragraph":
            self._flush(top, pre=pre)
        else:
            top.pieces.append(" ")

    def _flush(self, frame: _Frame, pre: bool = False) -> None:
        """Emit the text gathered in ``frame`` as one block and empty it."""
        if frame.kind == "cell" or not frame.pieces:
            return
        raw = "".join(frame.pieces)
        frame.pieces.clear()
        for anchor in self.anchors:
            if anchor.frame is frame:
                anchor.start, anchor.split = 0, True
        text = raw.strip() if pre else collapse_space(raw)
        if not text:
            return
        if frame.kind == "term":
            self._emit_term()
            self.term, self.term_used = text, False
        elif frame.kind == "detail" and self.term is not None:
            separator = " " if self.term.endswith(":") else ": "
            self.blocks.append(("paragraph", f"{self.term}{separator}{text}"))
            self.term_used = True
        elif frame.kind == "row":
            self.blocks.append(("row", text))
        elif frame.kind == "item":
            self.blocks.append(("item", frame.marker + text))
        elif frame.kind == "heading":
            self.blocks.append(("heading", frame.marker + text))
        else:
            self.blocks.append(("pre" if pre else "paragraph", text))

    def _emit_term(self) -> None:
        """A term left without a description is still text: emit it alone."""
        if self.term is not None and not self.term_used:
            self.blocks.append(("paragraph", self.term))
        self.term, self.term_used = None, False

    def _close_anchor(self, node: LexborNode) -> None:
        if not self.anchors:
            return
        anchor = self.anchors.pop()
        if self.content is not None and self.content_depth == 0:
            return
        text = ""
        if anchor.frame is self.frames[-1] and not anchor.split:
            text = "".join(anchor.frame.pieces[anchor.start:])
        if not text.strip():
            # The link wraps a block (a heading, a card): its text went to other lines.
            text = node.text(deep=True, separator=" ")
        link = make_link(text, anchor.href)
        if link is not None:
            self.links.append(link)


def _list_start(attrs: dict[str, str | None]) -> int:
    try:
        return int((attrs.get("start") or "1").strip())
    except ValueError:
        return 1


def _row_text(frame: _Frame) -> str:
    cells = list(frame.cells)
    stray = collapse_space("".join(frame.pieces))
    if stray:
        cells.append(stray)
    if not any(cells):
        return ""
    return "| " + " | ".join(cells) + " |"


def _walk(root: LexborNode, converter: _Converter) -> None:
    """Depth-first walk with enter/leave events, by pointers, without recursion."""
    root_id = root.mem_id
    node: LexborNode | None = root
    while node is not None:
        descend = False
        if node.is_element_node:
            descend = converter.enter(node)
        elif node.is_text_node:
            converter.text(node.text_content or "")
        child = node.first_child if descend else None
        if child is not None:
            node = child
            continue
        # No (accepted) children: close this node and every ancestor that
        # has no next sibling, then move on to the next sibling.
        while True:
            if descend:
                converter.leave(node)
            if node.mem_id == root_id:
                return
            sibling = node.next
            if sibling is not None:
                node = sibling
                break
            node = node.parent
            descend = True
            if node is None:
                return


def _content_kind(tree: LexborHTMLParser) -> str | None:
    if tree.css_first("main, [role=main]") is not None:
        return "main"
    if tree.css_first("article") is not None:
        return "article"
    return None


def _title(tree: LexborHTMLParser, blocks: list[tuple[str, str]]) -> str | None:
    node = tree.css_first("title")
    if node is not None:
        title = collapse_space(clean_text(node.text(deep=True)))
        if title:
            return title
    for kind, line in blocks:
        if kind == "heading" and line.startswith("# "):
            return line[2:]
    return None


def read_html(text: str) -> Extracted:
    """Turn an HTML page into light markdown with its title and links."""
    tree = LexborHTMLParser(text)
    root = tree.root
    if root is None:
        return Extracted(text="")
    content = _content_kind(tree)
    converter = _Converter(content)
    _walk(root, converter)
    body = converter.result()
    if content is not None and not body.strip():
        converter = _Converter(None)
        _walk(root, converter)
        body = converter.result()
    return Extracted(
        text=clean_text(body),
        title=_title(tree, converter.blocks),
        links=unique(converter.links),
    )
