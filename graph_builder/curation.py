"""A user's corrections to the built graph, applied on every build with provenance.

Rules misread some texts, and some facts are in no text at all. A user must be
able to correct the graph so that the correction survives the next build: a
hand-edited output file would be overwritten. So corrections are data, a YAML
file that ``lapekg build --curation FILE`` applies after emission, and every
fact it adds is as traceable as an extracted one: to the line of the file.

The format (``examples/curation.yaml`` is a commented example)::

    merge:      # several nodes are one entity: the first is kept, the others are
                # rewritten into it everywhere; their labels become skos:altLabel
      - [id:organisation/pshp, Pirkanmaan sairaanhoitopiiri]
      - {entities: [id:project/a, id:project/b], note: "why"}
    rename:     # set the canonical rdfs:label; the old one is kept as skos:altLabel
      - {entity: id:organisation/lape-ryhma, label: "Varsinais-Suomen LAPE-ryhmä"}
    add:        # facts that the texts do not state or the builder missed
      - {subject: "Lupa auttaa!", predicate: lkg:inRegion, object: Varsinais-Suomi,
         note: "why"}
    suppress:   # entities or facts to leave out, with their evidence
      - {entity: "olevien palvelujen sääntökirja"}
      - {subject: "Lupa auttaa!", predicate: lkg:endDate, object: "2018"}

Every section is optional; every entry may have a ``note``.

**Naming an entity.** A string that is ``<...>`` or starts with ``http://``
or ``https://`` is an IRI; ``id:...`` is an IRI relative to the data base
(``--base``); ``prefix:name`` with a lapekg prefix (``role:``, ``fkind:`` ...)
is an ontology term; anything else is an exact label (``rdfs:label``, or
``skos:altLabel`` if no label matches). This is a fixed rule, not a guess,
so the same file means the same thing on every build. A name that matches no
node, or several, is an error naming the file, line and value.

**Predicates** are prefixed names with lapekg's prefixes
(:data:`ontology.namespaces.PREFIXES`) declared in the ontology, plus
``rdf:type`` (object: a class, ``lkg:Programme``) and ``skos:altLabel``.
Labels are set with ``rename``; the terms lapekg writes itself for
provenance and for roles in detail (``lkg:quote``, ``lkg:participation`` ...)
cannot be named.

**Objects** are read as the predicate needs, typed like the builder writes:
an entity name for relations; an ISO date ``2018-12-31`` / ``2018-10`` /
``2018`` for dates (``xsd:date`` / ``gYearMonth`` / ``gYear``, never more
precise than written); a plain number for ``lkg:amount`` and ``lkg:share``
(``xsd:decimal``); an IRI for ``lkg:email`` (``mailto:``), ``lkg:telephone``
(``tel:+358...``) and ``lkg:homepage``; Finnish text for ``lkg:jobTitle`` and
``skos:altLabel``; a string otherwise.

**Order.** Names are resolved against the graph as built, before any change,
so an entry means what the user saw. Then: merge, rename, suppress, add.
Suppress comes before add so that a wrong fact can be replaced by the right
one (suppress the builder's date, add the true one).

**Provenance.** The file is a ``lkg:SourceDocument`` (file name, SHA-256 of
its bytes, ``application/yaml``) in the named graph ``id:curation``. Each
entry that states something is a ``lkg:Sentence``: its line, its character
offsets and its text as the quote. Added facts, new labels and labels a merge
turns into ``skos:altLabel`` get a ``lkg:Evidence`` with the rule
``"curation"``, confidence 1 and the note as ``rdfs:comment``. Adding a role
(``lkg:administeredBy`` ...) adds its ``lkg:Participation`` too, as the
builder does; suppressing it removes that participation. Suppressing an
entity removes every triple naming it, its participations, the fundings
only it had, and all evidence about them.

:func:`load_curation` checks the whole file before any build work;
:func:`apply_curation` returns a new dataset and leaves its input unchanged.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import yaml
from rdflib import Dataset, Graph, Literal, Namespace, Node, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from graph_builder.emit import date_literal, decimal_literal, short_hash
from graph_builder.errors import LapekgError
from graph_builder.relations import ROLE_PREDICATE
from graph_builder.values import When
from ontology import load_ontology
from ontology.namespaces import LKG, PREFIXES, ROLE, bind_prefixes, data_namespace

__all__ = [
    "CURATION_RULE",
    "Curation",
    "CurationError",
    "apply_curation",
    "copy_data",
    "graphs_of",
    "load_curation",
    "remove_nodes",
]

#: The lkg:rule of every evidence a curation file gives.
CURATION_RULE = "curation"
#: Media type of curation files (RFC 9512).
MEDIA_TYPE = "application/yaml"
SECTIONS = ("merge", "rename", "add", "suppress")

#: Terms that lapekg writes itself: provenance, and the roles in detail that
#: follow from the direct role relations. A file naming them could only make
#: the provenance lie, so it may not.
DERIVED = frozenset(LKG[t] for t in (
    "sentence", "inDocument", "mentionedIn", "rule", "confidence", "startOffset",
    "endOffset", "line", "quote", "fileName", "sha256", "mediaType",
    "participation", "agent", "hasParticipation", "role", "context"))
DATES = frozenset({LKG.startDate, LKG.endDate, LKG.completionDate})
DECIMALS = frozenset({LKG.amount, LKG.share})
FINNISH_TEXT = frozenset({LKG.jobTitle, SKOS.altLabel})
#: IRI-valued properties and the patterns of ontology/shapes.ttl for them.
IRI_VALUES = {
    LKG.email: (re.compile(r"^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$"), "mailto:name@example.fi"),
    LKG.telephone: (re.compile(r"^tel:\+[0-9]{6,15}$"), "tel:+358401234567"),
    LKG.homepage: (re.compile(r"^https?://\S+$"), "https://example.fi/"),
}
#: Direct role relation -> its role concept (the inverse of the builder's table).
PREDICATE_ROLE = {LKG[p]: ROLE[r] for r, p in ROLE_PREDICATE.items()}
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CURIE = re.compile(r"^([A-Za-z][\w.-]*):(\S*)$")


class CurationError(LapekgError):
    """A curation file that cannot be applied; ``str()`` is ``file:line: reason``."""

    def __init__(self, path: str, line: int | None, reason: str):
        super().__init__(path, line, reason)
        self.path = path
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


# --- The parsed file ---------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """Where a YAML node stands in the file: the provenance of what it says."""

    line: int       # 1-based
    start: int      # character offsets in the file's text
    end: int
    text: str       # the node's source text


@dataclass(frozen=True)
class Ref:
    """A node named in the file, resolved against the graph when applied.

    ``kind`` is ``"iri"`` (absolute, ``value`` is the IRI), ``"local"``
    (``value`` is relative to the data base) or ``"label"``.
    """

    kind: str
    value: str
    span: Span


Object = Ref | URIRef | Literal


@dataclass(frozen=True)
class Merge:
    entities: tuple[Ref, ...]
    note: str | None
    span: Span


@dataclass(frozen=True)
class Rename:
    entity: Ref
    label: str
    note: str | None
    span: Span


@dataclass(frozen=True)
class FactEntry:
    """A fact to add or to suppress."""

    subject: Ref
    predicate: URIRef
    obj: Object
    note: str | None
    span: Span


@dataclass(frozen=True)
class SuppressEntity:
    entity: Ref
    note: str | None
    span: Span


@dataclass(frozen=True)
class Curation:
    """A checked curation file, ready to apply to any build."""

    path: str                    # as the user gave it, for messages
    file_name: str
    sha256: str                  # of the file's bytes
    merges: tuple[Merge, ...] = ()
    renames: tuple[Rename, ...] = ()
    additions: tuple[FactEntry, ...] = ()
    suppressions: tuple[SuppressEntity | FactEntry, ...] = ()


# --- Loading -----------------------------------------------------------------

@cache
def _ontology() -> Graph:
    return load_ontology()


@cache
def _declared_properties() -> frozenset[Node]:
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    return frozenset(p for k in kinds for p in _ontology().subjects(RDF.type, k))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _span(node: yaml.Node, text: str) -> Span:
    start = node.start_mark.index
    source = text[start:node.end_mark.index].rstrip()
    return Span(_line(node), start, start + len(source), source)


class _Reader:
    """Turns the YAML node tree into entries, checking each value as it goes.

    Works on nodes rather than loaded Python values for two reasons: every
    error can name its line, and scalars keep the text as written (YAML would
    turn ``2018-12-31`` into a date and ``0.10`` into a float).
    """

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text

    def error(self, node: yaml.Node, reason: str) -> CurationError:
        return CurationError(self.path, _line(node), reason)

    def mapping(self, node: yaml.Node, what: str, required: tuple[str, ...],
                optional: tuple[str, ...] = ("note",)) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping with the keys "
                                   f"{', '.join(required + optional)}")
        out: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in required + optional:
                bare = isinstance(value, yaml.ScalarNode) and value.value == ""
                hint = ("; inside {...} a comma ends a value, so put text with commas "
                        "in quotes") if node.flow_style and bare else ""
                raise self.error(key_node, f"unknown key {key!r} in {what}; allowed: "
                                           f"{', '.join(required + optional)}{hint}")
            if key in out:
                raise self.error(key_node, f"key {key!r} given twice in {what}")
            out[key] = value
        missing = [k for k in required if k not in out]
        if missing:
            raise self.error(node, f"{what} needs the key {missing[0]!r}")
        return out

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(node, f"{what} must be a single value, not a list or mapping")
        if node.tag == "tag:yaml.org,2002:null" or not node.value.strip():
            raise self.error(node, f"{what} is empty")
        return node.value.strip()

    def note(self, entry: dict[str, yaml.Node]) -> str | None:
        return self.scalar(entry["note"], "note") if "note" in entry else None

    def ref(self, node: yaml.Node, what: str) -> Ref:
        value = self.scalar(node, what)
        span = _span(node, self.text)
        if value.startswith("<") and value.endswith(">"):
            return Ref("iri", value[1:-1], span)
        if value.startswith(("http://", "https://")):
            return Ref("iri", value, span)
        curie = _CURIE.match(value)
        if curie and curie.group(1) == "id":
            return Ref("local", curie.group(2), span)
        if curie and curie.group(1) in PREFIXES:
            iri = URIRef(PREFIXES[curie.group(1)] + curie.group(2))
            if (iri, None, None) not in _ontology():
                raise self.error(node, f"{value} is not a term of the lapekg ontology")
            return Ref("iri", str(iri), span)
        return Ref("label", value, span)

    def predicate(self, node: yaml.Node) -> URIRef:
        value = self.scalar(node, "predicate")
        curie = _CURIE.match(value)
        if not curie:
            raise self.error(node, f"predicate {value!r} must be a prefixed name such as "
                                   "lkg:administeredBy")
        prefix, local = curie.groups()
        if prefix not in PREFIXES:
            raise self.error(node, f"unknown prefix {prefix!r} in predicate {value!r}; "
                                   f"known: {', '.join(sorted(PREFIXES))}")
        iri = URIRef(PREFIXES[prefix] + local)
        if iri == RDFS.label:
            raise self.error(node, "set a label with rename:, not with rdfs:label")
        if iri in DERIVED:
            raise self.error(node, f"{value} is written by lapekg itself (provenance or "
                                   "roles in detail); a curation file cannot name it")
        if iri not in _declared_properties() and iri not in (RDF.type, SKOS.altLabel):
            raise self.error(node, f"predicate {value} is not declared in the lapekg "
                                   "ontology")
        return iri

    def obj(self, node: yaml.Node, predicate: URIRef) -> Object:
        value = self.scalar(node, "object")
        if predicate == RDF.type:
            ref = self.ref(node, "object")
            if ref.kind != "iri" or (URIRef(ref.value), RDF.type, OWL.Class) not in _ontology():
                raise self.error(node, f"the object of rdf:type must be a class of the "
                                       f"ontology such as lkg:Programme, not {value!r}")
            return URIRef(ref.value)
        if predicate in IRI_VALUES:
            pattern, example = IRI_VALUES[predicate]
            if not pattern.match(value):
                raise self.error(node, f"{value!r} is not a valid object of "
                                       f"{_curie(predicate)}; write it as {example}")
            return URIRef(value)
        if predicate in DATES:
            return self.date(node, value)
        if predicate in DECIMALS:
            return self.decimal(node, value, predicate)
        if predicate in FINNISH_TEXT:
            return Literal(value, lang="fi")
        if (predicate, RDF.type, OWL.DatatypeProperty) in _ontology():
            if predicate == LKG.currency and not re.fullmatch(r"[A-Z]{3}", value):
                raise self.error(node, f"currency {value!r} must be an ISO 4217 code "
                                       "such as EUR")
            return Literal(value)
        return self.ref(node, "object")

    def date(self, node: yaml.Node, value: str) -> Literal:
        match = _ISO_DATE.match(value)
        if not match:
            raise self.error(node, f"date {value!r} must be ISO 8601: 2018-12-31, 2018-12 "
                                   "or 2018")
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError as err:
            raise self.error(node, f"date {value!r} does not exist ({err})") from err
        return date_literal(When(year, month, day))

    def decimal(self, node: yaml.Node, value: str, predicate: URIRef) -> Literal:
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise self.error(node, f"{_curie(predicate)} {value!r} must be a plain number "
                                   "such as 899947 or 0.8 (a point, no spaces)")
        if predicate == LKG.share and not 0 <= number <= 1:
            raise self.error(node, f"lkg:share {value!r} must be a fraction between 0 and 1 "
                                   "(80 % is 0.8)")
        return decimal_literal(number)

    def entries(self, root: yaml.Node, section: str) -> Iterator[yaml.Node]:
        if isinstance(root, yaml.ScalarNode) and root.tag == "tag:yaml.org,2002:null":
            return  # "merge:" with nothing under it: an empty section
        if not isinstance(root, yaml.SequenceNode):
            raise self.error(root, f"{section}: must be a list of entries")
        yield from root.value

    def merge(self, node: yaml.Node) -> Merge:
        note = None
        members = node
        if isinstance(node, yaml.MappingNode):
            entry = self.mapping(node, "a merge entry", ("entities",))
            members, note = entry["entities"], self.note(entry)
        if not isinstance(members, yaml.SequenceNode) or len(members.value) < 2:
            raise self.error(node, "a merge entry must list two or more entities, "
                                   "the one to keep first")
        refs = tuple(self.ref(m, "entity") for m in members.value)
        return Merge(refs, note, _span(node, self.text))

    def rename(self, node: yaml.Node) -> Rename:
        entry = self.mapping(node, "a rename entry", ("entity", "label"))
        return Rename(self.ref(entry["entity"], "entity"), self.scalar(entry["label"], "label"),
                      self.note(entry), _span(node, self.text))

    def fact(self, node: yaml.Node, what: str) -> FactEntry:
        entry = self.mapping(node, what, ("subject", "predicate", "object"))
        predicate = self.predicate(entry["predicate"])
        return FactEntry(self.ref(entry["subject"], "subject"), predicate,
                         self.obj(entry["object"], predicate), self.note(entry),
                         _span(node, self.text))

    def suppress(self, node: yaml.Node) -> SuppressEntity | FactEntry:
        if isinstance(node, yaml.MappingNode) and any(
                isinstance(k, yaml.ScalarNode) and k.value == "entity" for k, _ in node.value):
            entry = self.mapping(node, "a suppress entry", ("entity",))
            return SuppressEntity(self.ref(entry["entity"], "entity"), self.note(entry),
                                  _span(node, self.text))
        return self.fact(node, "a suppress entry (entity:, or subject:, predicate:, object:)")

    def curation(self, root: yaml.Node | None, name: str, sha256: str) -> Curation:
        if root is None:
            return Curation(self.path, name, sha256)
        sections = self.mapping(root, "a curation file", (), SECTIONS)
        return Curation(
            self.path, name, sha256,
            merges=tuple(self.merge(n) for n in self.entries(sections["merge"], "merge"))
            if "merge" in sections else (),
            renames=tuple(self.rename(n) for n in self.entries(sections["rename"], "rename"))
            if "rename" in sections else (),
            additions=tuple(self.fact(n, "an add entry")
                            for n in self.entries(sections["add"], "add"))
            if "add" in sections else (),
            suppressions=tuple(self.suppress(n)
                               for n in self.entries(sections["suppress"], "suppress"))
            if "suppress" in sections else (),
        )


def load_curation(path: str | Path) -> Curation:
    """Read and check a curation file; raises :class:`CurationError` (file:line)."""
    shown = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise CurationError(shown, None, f"cannot read the curation file: "
                                         f"{err.strerror or err}") from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise CurationError(shown, line, "not UTF-8 text") from err
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise CurationError(shown, mark.line + 1 if mark else None,
                            f"not valid YAML: {err.problem or err.context}") from err
    except yaml.YAMLError as err:
        raise CurationError(shown, None, f"not valid YAML: {err}") from err
    return _Reader(shown, text).curation(root, Path(path).name, hashlib.sha256(data).hexdigest())


# --- Graph surgery (shared with graph_builder.privacy) -----------------------

def graphs_of(data: Graph) -> list[Graph]:
    """The graphs that hold ``data``'s triples: each named graph of a dataset."""
    return list(data.graphs()) if isinstance(data, Dataset) else [data]


def copy_data(data: Graph) -> Graph:
    """A copy of a Dataset (named graphs kept) or Graph, prefixes kept."""
    out: Graph = Dataset() if isinstance(data, Dataset) else Graph()
    for prefix, namespace in data.namespaces():
        out.bind(prefix, namespace, override=True, replace=True)
    if isinstance(data, Dataset):
        for graph in data.graphs():
            target = out.graph(graph.identifier)
            target += graph
    else:
        out += data
    return out


def _evidence_of(graph: Graph, triple: tuple[Node, Node, Node]) -> set[Node]:
    s, p, o = triple
    return {ev for ev in graph.subjects(RDF.subject, s)
            if (ev, RDF.predicate, p) in graph and (ev, RDF.object, o) in graph
            and (ev, RDF.type, LKG.Evidence) in graph}


def _drop_subjects(graph: Graph, nodes: Iterable[Node]) -> None:
    for node in list(nodes):
        graph.remove((node, None, None))


def _remove_fact(data: Graph, triple: tuple[Node, Node, Node]) -> None:
    """Remove a triple and every evidence record that reifies it."""
    for graph in graphs_of(data):
        _drop_subjects(graph, _evidence_of(graph, triple))
        graph.remove(triple)


def _dependants(data: Graph, nodes: set[Node]) -> set[Node]:
    """Nodes that exist only for ``nodes``: their participations, and fundings
    that no other node has (a funding without its project means nothing)."""
    out = set()
    for graph in graphs_of(data):
        for part in graph.subjects(RDF.type, LKG.Participation):
            if {graph.value(part, LKG.agent), graph.value(part, LKG.context)} & nodes:
                out.add(part)
    owners: dict[Node, set[Node]] = defaultdict(set)
    for graph in graphs_of(data):
        for predicate in (LKG.hasFunding, LKG.contributes):
            for owner, funding in graph.subject_objects(predicate):
                owners[funding].add(owner)
    out |= {f for f, who in owners.items() if who <= nodes}
    return out - nodes


def remove_nodes(data: Graph, nodes: Iterable[Node]) -> None:
    """Remove ``nodes`` from ``data`` in place: every triple naming them, the
    nodes that exist only for them, and every evidence record about any of these."""
    doomed = set(nodes)
    doomed |= _dependants(data, doomed)
    for graph in graphs_of(data):
        evidence = {ev for ev in graph.subjects(RDF.type, LKG.Evidence)
                    if graph.value(ev, RDF.subject) in doomed
                    or graph.value(ev, RDF.object) in doomed}
        _drop_subjects(graph, evidence | doomed)
        for node in doomed:
            graph.remove((None, None, node))


def _repredicate(data: Graph, triple: tuple[Node, Node, Node], predicate: Node) -> None:
    """Move a triple to another predicate, its evidence with it (label -> altLabel)."""
    s, p, o = triple
    for graph in graphs_of(data):
        for ev in _evidence_of(graph, triple):
            graph.set((ev, RDF.predicate, predicate))
        if triple in graph:
            graph.remove(triple)
            graph.add((s, predicate, o))


# --- Applying ------------------------------------------------------------------

@dataclass(frozen=True)
class _Index:
    """What names can refer to, in the graph as built."""

    typed: frozenset[Node]
    provenance: frozenset[Node]
    labels: dict[str, frozenset[Node]]
    alt_labels: dict[str, frozenset[Node]]


#: Records of where facts come from: a curation file may not name them.
PROVENANCE_CLASSES = (LKG.Evidence, LKG.Sentence, LKG.SourceDocument)


def _index(data: Graph) -> _Index:
    typed, provenance, labels, alts = set(), set(), defaultdict(set), defaultdict(set)
    for graph in graphs_of(data):
        typed.update(graph.subjects(RDF.type, None))
        for cls in PROVENANCE_CLASSES:
            provenance.update(graph.subjects(RDF.type, cls))
        for s, o in graph.subject_objects(RDFS.label):
            labels[str(o)].add(s)
        for s, o in graph.subject_objects(SKOS.altLabel):
            alts[str(o)].add(s)
    return _Index(frozenset(typed), frozenset(provenance),
                  {k: frozenset(v) for k, v in labels.items()},
                  {k: frozenset(v) for k, v in alts.items()})


def _curie(node: Node, ns: Namespace | None = None) -> str:
    text = str(node)
    if ns is not None and text.startswith(str(ns)):
        return "id:" + text[len(str(ns)):]
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return f"<{text}>"


class _Applier:
    """Applies one curation to a copy of a dataset; holds what the steps share."""

    def __init__(self, data: Dataset, curation: Curation, base: str | None):
        self.curation = curation
        self.ns = data_namespace(base)
        self.data = copy_data(data)
        bind_prefixes(self.data, str(self.ns))
        self.index = _index(self.data)
        self.merged: dict[Node, Node] = {}
        self.suppressed: dict[Node, int] = {}
        self.doc_id = curation.sha256[:16]
        self.document = self.ns[f"document/{self.doc_id}"]
        self.graph = self.data.graph(self.ns["curation"])

    def error(self, span: Span, reason: str) -> CurationError:
        return CurationError(self.curation.path, span.line, reason)

    def resolve(self, ref: Ref) -> Node:
        """The node a name refers to in the graph as built, then through merges."""
        if ref.kind == "label":
            node = self._by_label(ref)
        else:
            node = URIRef(ref.value) if ref.kind == "iri" else self.ns[ref.value]
            ontology_term = (node, None, None) in _ontology()
            if node not in self.index.typed and not ontology_term:
                raise self.error(ref.span, f"no node {_curie(node, self.ns)} in the graph "
                                           f"(value {ref.value!r})")
        if node in self.index.provenance:
            raise self.error(ref.span, f"{ref.value!r} names {_curie(node, self.ns)}, a "
                                       "provenance record (document, sentence or evidence), "
                                       "not an entity")
        while node in self.merged:
            node = self.merged[node]
        return node

    def _by_label(self, ref: Ref) -> Node:
        for table, kind in ((self.index.labels, "rdfs:label"),
                            (self.index.alt_labels, "skos:altLabel")):
            found = table.get(ref.value, frozenset())
            if len(found) == 1:
                return next(iter(found))
            if len(found) > 1:
                names = ", ".join(sorted(_curie(n, self.ns) for n in found))
                raise self.error(ref.span, f"{ref.value!r} is the {kind} of {len(found)} "
                                           f"nodes ({names}); name one by its IRI")
        hint = ""
        curie = _CURIE.match(ref.value)
        if curie:
            hint = (f"; {curie.group(1)}: is not a lapekg prefix (known: id, "
                    f"{', '.join(sorted(PREFIXES))})")
        raise self.error(ref.span, f"no node has the label {ref.value!r}{hint}")

    def term(self, obj: Object) -> Node:
        return self.resolve(obj) if isinstance(obj, Ref) else obj

    # --- provenance ------------------------------------------------------------
    def record_source(self) -> None:
        g, doc = self.graph, self.document
        g.add((doc, RDF.type, LKG.SourceDocument))
        g.add((doc, LKG.fileName, Literal(self.curation.file_name)))
        g.add((doc, LKG.sha256, Literal(self.curation.sha256)))
        g.add((doc, LKG.mediaType, Literal(MEDIA_TYPE)))
        g.add((doc, RDFS.label, Literal(self.curation.file_name)))

    def sentence(self, span: Span) -> URIRef:
        node = self.ns[f"sentence/{self.doc_id}-{span.start}-{span.end}"]
        g = self.graph
        g.add((node, RDF.type, LKG.Sentence))
        g.add((node, LKG.inDocument, self.document))
        g.add((node, LKG.startOffset, Literal(span.start)))
        g.add((node, LKG.endOffset, Literal(span.end)))
        g.add((node, LKG.line, Literal(span.line)))
        g.add((node, LKG.quote, Literal(span.text)))
        return node

    def evidence(self, triple: tuple[Node, Node, Node], span: Span, note: str | None) -> None:
        s, p, o = triple
        node = self.ns[f"evidence/{short_hash(s, p, o, self.doc_id, span.start)}"]
        g = self.graph
        g.add((node, RDF.type, LKG.Evidence))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, LKG.rule, Literal(CURATION_RULE)))
        g.add((node, LKG.confidence, decimal_literal(Decimal(1))))
        g.add((node, LKG.sentence, self.sentence(span)))
        g.add((node, PROV.wasDerivedFrom, self.document))
        if note:
            g.add((node, RDFS.comment, Literal(note)))

    def stated(self, triple: tuple[Node, Node, Node], span: Span, note: str | None) -> None:
        self.graph.add(triple)
        self.evidence(triple, span, note)

    # --- operations --------------------------------------------------------------
    def merge(self, entry: Merge, members: list[Node]) -> None:
        keep, others = members[0], members[1:]
        if len(set(members)) < len(members):
            raise self.error(entry.span, "a merge entry names one node twice")
        own = set()
        for graph in graphs_of(self.data):
            own.update(graph.objects(keep, RDFS.label))
        for graph in graphs_of(self.data):
            for other in others:
                for s, p, o in list(graph.triples((other, None, None))):
                    graph.remove((s, p, o))
                    graph.add((keep, p, o))
                for s, p, o in list(graph.triples((None, None, other))):
                    graph.remove((s, p, o))
                    graph.add((s, p, keep))
        for graph in graphs_of(self.data):
            for s, p, o in [t for t in graph if t[0] == t[2]]:
                _remove_fact(self.data, (s, p, o))
        for label in sorted({lab for g in graphs_of(self.data)
                             for lab in g.objects(keep, RDFS.label)} - own):
            _repredicate(self.data, (keep, RDFS.label, label), SKOS.altLabel)
            self.evidence((keep, SKOS.altLabel, label), entry.span, entry.note)
        self.tidy_labels(keep)
        for other in others:
            self.merged[other] = keep

    def rename(self, entry: Rename, node: Node) -> None:
        new = Literal(entry.label, lang="fi")
        for graph in graphs_of(self.data):
            for old in list(graph.objects(node, RDFS.label)):
                if isinstance(old, Literal) and old.language in (None, "fi") and old != new:
                    _repredicate(self.data, (node, RDFS.label, old), SKOS.altLabel)
        self.stated((node, RDFS.label, new), entry.span, entry.note)
        self.tidy_labels(node)

    def tidy_labels(self, node: Node) -> None:
        """A name is the label or an alternative label, never both (SKOS)."""
        labels = {o for g in graphs_of(self.data) for o in g.objects(node, RDFS.label)}
        for label in labels:
            _remove_fact(self.data, (node, SKOS.altLabel, label))

    def suppress_fact(self, entry: FactEntry) -> None:
        s, p, o = self.resolve(entry.subject), entry.predicate, self.term(entry.obj)
        if not any((s, p, o) in g for g in graphs_of(self.data)):
            raise self.error(entry.span, f"no such fact to suppress: {_curie(s, self.ns)} "
                                         f"{_curie(p)} {_show(o, self.ns)}")
        _remove_fact(self.data, (s, p, o))
        if p in PREDICATE_ROLE:
            remove_nodes(self.data, self.participations(s, o, PREDICATE_ROLE[p]))

    def participations(self, context: Node, agent: Node, role: Node) -> set[Node]:
        return {part for g in graphs_of(self.data)
                for part in g.subjects(LKG.agent, agent)
                if (part, LKG.context, context) in g and (part, LKG.role, role) in g}

    def add(self, entry: FactEntry) -> None:
        s, p, o = self.resolve(entry.subject), entry.predicate, self.term(entry.obj)
        for node, ref in ((s, entry.subject), (o, entry.obj)):
            if isinstance(ref, Ref) and node in self.suppressed:
                raise self.error(ref.span, f"{ref.value!r} is suppressed (line "
                                           f"{self.suppressed[node]}); it cannot have facts")
        self.stated((s, p, o), entry.span, entry.note)
        if p in PREDICATE_ROLE and not self.participations(s, o, PREDICATE_ROLE[p]):
            role = PREDICATE_ROLE[p]
            part = self.ns[f"participation/{short_hash(s, o, str(role).rsplit('/', 1)[-1])}"]
            for triple in ((part, RDF.type, LKG.Participation), (part, LKG.agent, o),
                           (part, LKG.role, role), (part, LKG.context, s)):
                self.graph.add(triple)
            self.stated((s, LKG.participation, part), entry.span, entry.note)
            if any((o, RDF.type, LKG.Organisation) in g for g in graphs_of(self.data)):
                self.graph.add((o, RDF.type, LKG.Partner))

    def run(self) -> Dataset:
        c = self.curation
        # Names are looked up in the index of the graph as built (taken before
        # any change); those of merges, renames and suppressed entities first,
        # so that a bad name fails before the work.
        merges = [(m, [self.resolve(r) for r in m.entities]) for m in c.merges]
        renames = [(r, self.resolve(r.entity)) for r in c.renames]
        entities = [(s, self.resolve(s.entity)) for s in c.suppressions
                    if isinstance(s, SuppressEntity)]
        self.record_source()
        for entry, members in merges:
            self.merge(entry, [self.resolve_node(n) for n in members])
        seen: dict[Node, int] = {}
        for entry, node in renames:
            node = self.resolve_node(node)
            if node in seen:
                raise self.error(entry.span, f"{entry.entity.value!r} is renamed twice "
                                             f"(lines {seen[node]} and {entry.span.line})")
            seen[node] = entry.span.line
            self.rename(entry, node)
        for entry in c.suppressions:
            if isinstance(entry, FactEntry):
                self.suppress_fact(entry)
        for entry, node in entities:
            self.suppressed[self.resolve_node(node)] = entry.span.line
        remove_nodes(self.data, self.suppressed)
        for entry in c.additions:
            self.add(entry)
        return self.data

    def resolve_node(self, node: Node) -> Node:
        while node in self.merged:
            node = self.merged[node]
        return node


def _show(node: Node, ns: Namespace) -> str:
    return node.n3() if isinstance(node, Literal) else _curie(node, ns)


def apply_curation(dataset: Dataset, curation: Curation, base: str | None = None) -> Dataset:
    """A new dataset: ``dataset`` with ``curation`` applied (see the module docstring).

    ``base`` must be the data base the dataset was built with, so that
    ``id:`` names and the curation's own nodes fall in the same namespace.
    """
    return _Applier(dataset, curation, base).run()
