"""Check a graph against the shapes and report in words people can act on.

pySHACL does the checking, with the ontology mixed in so that class
hierarchy (a municipality is an organisation) and concept schemes are known.
Its report is a graph of blank nodes; this module turns it into plain
records that carry the focus node's name, so that a report can be read
without the data at hand, and into text grouped by problem.

Inference: ``none``, for two reasons. Speed: on a graph of 2,041 triples
(tests/fixtures/ontology/good.ttl thirteen times over, 2 cores) validation
took 0.31 s without inference and 2.1 s with RDFS inference. Meaning: RDFS
entailment adds the super-properties of every relation (an
``lkg:administeredBy`` triple entails an ``lkg:hasParticipant`` triple), and
those entailed triples have no evidence of their own, so the traceability
shape would fail on them. The shapes only need ``rdfs:subClassOf``, which
pySHACL follows in the data graph; the ontology is therefore added to (a copy
of) the data before validation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import cache

from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.namespace import SH as SHACL

from ontology import load_ontology, load_shapes
from ontology.namespaces import LKG, bind_prefixes

__all__ = [
    "ShapesError",
    "ValidationReport",
    "ValidationResult",
    "format_report",
    "report_dict",
    "validate",
]

#: Namespace of the shapes in shapes.ttl (prefix ``lkgsh:`` in reports).
SHAPES_NAMESPACE = "https://w3id.org/lapekg/shapes#"
#: Severities in the order a reader needs them.
SEVERITIES = ("Violation", "Warning", "Info")


class ShapesError(RuntimeError):
    """The shipped shapes could not be run: a defect of lapekg, not of the data."""


@dataclass(frozen=True)
class ValidationResult:
    """One problem found: where, what, and which shape says so."""

    severity: str            # "Violation", "Warning" or "Info"
    focus_node: str          # prefixed name or <IRI> of the node with the problem
    focus_label: str | None  # its rdfs:label (or skos:prefLabel), if it has one
    path: str | None         # the property (path) concerned, prefixed
    message: str
    value: str | None        # the offending value in Turtle notation, if any
    shape: str               # the node shape whose constraint failed
    component: str           # the SHACL constraint component, e.g. sh:MinCountConstraintComponent


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: conforms unless there is a violation."""

    conforms: bool
    results: tuple[ValidationResult, ...] = field(default=())
    triples: int = 0

    def count(self, severity: str) -> int:
        """How many results have this severity."""
        return sum(1 for r in self.results if r.severity == severity)


@cache
def _ontology() -> Graph:
    return load_ontology()


@cache
def _shapes() -> Graph:
    return load_shapes()


@cache
def _prefixes() -> Graph:
    """An empty graph with lapekg's prefixes, used to write literals (xsd:...)."""
    return bind_prefixes(Graph())


def _namespaces(data: Graph) -> dict[str, str]:
    """namespace -> prefix: the data's, overridden by lapekg's and the shapes'."""
    names: dict[str, str] = {}
    for prefix, namespace in data.namespaces():
        if prefix:
            names[str(namespace)] = prefix
    for prefix, namespace in _prefixes().namespaces():
        names[str(namespace)] = prefix
    names[SHAPES_NAMESPACE] = "lkgsh"
    return names


@cache
def _parent_shapes() -> dict[Node, Node]:
    """Property shape -> the node shape that declares it (for readable names)."""
    shapes = _shapes()
    return {prop: node for node, prop in shapes.subject_objects(SHACL.property)}


def _name(names: dict[str, str], term: Node) -> str:
    """A term as a reader wants it: prefixed name, <IRI> or Turtle literal.

    ``names`` maps namespace -> prefix. The longest matching namespace wins
    and the rest is kept as is, so data IRIs read like ``id:project/x``
    (the notation of GRAPH.md; for display, not valid Turtle).
    """
    if isinstance(term, URIRef):
        text = str(term)
        best = max((ns for ns in names if text.startswith(ns) and len(text) > len(ns)),
                   key=len, default=None)
        return f"{names[best]}:{text[len(best):]}" if best else f"<{text}>"
    if isinstance(term, Literal):
        return term.n3(_prefixes().namespace_manager)
    return f"_:{term}"


def _path(shapes: Graph, names: dict[str, str], path: Node) -> str:
    """A SHACL property path in the SPARQL property-path notation."""
    if not isinstance(path, BNode):
        return _name(names, path)
    if (path, RDF.first, None) in shapes:
        return " / ".join(_path(shapes, names, p) for p in Collection(shapes, path))
    for predicate, suffix in ((SHACL.oneOrMorePath, "+"), (SHACL.zeroOrMorePath, "*"),
                              (SHACL.zeroOrOnePath, "?")):
        inner = shapes.value(path, predicate)
        if inner is not None:
            return f"({_path(shapes, names, inner)}){suffix}"
    inner = shapes.value(path, SHACL.inversePath)
    if inner is not None:
        return f"^{_path(shapes, names, inner)}"
    alternatives = shapes.value(path, SHACL.alternativePath)
    if alternatives is not None:
        return " | ".join(_path(shapes, names, p) for p in Collection(shapes, alternatives))
    return "(path)"


def _label(data: Graph, node: Node) -> str | None:
    labels = [o for p in (RDFS.label, SKOS.prefLabel) for o in data.objects(node, p)
              if isinstance(o, Literal)]
    if not labels:
        return None
    fi = [lab for lab in labels if lab.language == "fi"]
    return str(sorted(fi or labels)[0])


def _results(data: Graph, report: Graph) -> list[ValidationResult]:
    shapes = _shapes()
    parents = _parent_shapes()
    names = _namespaces(data)
    out: dict[tuple, ValidationResult] = {}
    # Only the report's own results: nested ones (sh:detail, from sh:node)
    # repeat what their parent result already says.
    top = {r for rep in report.subjects(RDF.type, SHACL.ValidationReport)
           for r in report.objects(rep, SHACL.result)}
    for result in top:
        focus = report.value(result, SHACL.focusNode)
        path = report.value(result, SHACL.resultPath)
        value = report.value(result, SHACL.value)
        source = report.value(result, SHACL.sourceShape)
        severity = report.value(result, SHACL.resultSeverity)
        messages = sorted(str(m) for m in report.objects(result, SHACL.resultMessage))
        node_shape = parents.get(source, source)
        shape = _name(names, node_shape) if isinstance(node_shape, URIRef) else "(anonymous)"
        item = ValidationResult(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus_node=_name(names, focus),
            focus_label=_label(data, focus),
            path=_path(shapes, names, path) if path is not None else None,
            message=messages[0] if messages else "(no message)",
            value=_name(names, value) if value is not None else None,
            shape=shape,
            component=_name(names, report.value(result, SHACL.sourceConstraintComponent)),
        )
        # Two constraints of one property shape (say sh:nodeKind and
        # sh:pattern) failing on one value are one problem to the reader.
        key = (item.severity, item.focus_node, item.path, item.value, item.message, item.shape)
        if key not in out or item.component < out[key].component:
            out[key] = item
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(out.values(), key=lambda r: (order.get(r.severity, 9), r.shape, r.message,
                                               r.focus_node, r.value or ""))


@cache
def _declared_terms() -> frozenset[Node]:
    ontology = _ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return frozenset(t for kind in kinds for t in ontology.subjects(RDF.type, kind))


def _undeclared_terms(data: Graph) -> list[ValidationResult]:
    """One violation per lkg: class or property that the ontology does not
    declare (a typo, or a term renamed in namespaces.py but not everywhere).

    Done in Python rather than SHACL: a SPARQL scan over every triple took
    seconds in rdflib, while the set of predicates and types is found in one
    pass over the graph.
    """
    names = _namespaces(data)
    declared = _declared_terms()
    used: dict[Node, list[Node]] = defaultdict(list)
    for s, p, o in data:
        if str(p).startswith(str(LKG)) and p not in declared:
            used[p].append(s)
        elif p == RDF.type and str(o).startswith(str(LKG)) and o not in declared:
            used[o].append(s)
    out = []
    for term, subjects in sorted(used.items()):
        first = min(subjects)
        out.append(ValidationResult(
            severity="Violation",
            focus_node=_name(names, first),
            focus_label=_label(data, first),
            path=_name(names, term),
            message=(f"{_name(names, term)} is not a term of the lapekg ontology "
                     f"(used by {_plural(len(subjects), 'triple')}); "
                     "use a term declared in ontology/namespaces.py."),
            value=None,
            shape="lapekg ontology",
            component="undeclared term",
        ))
    return out


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against lapekg's shapes; ``data`` is not changed.

    The report conforms when no result has severity Violation: warnings
    point at what a text may simply not say and do not fail a graph.
    """
    mixed = Graph()
    mixed += data
    mixed += _ontology()
    from pyshacl import validate as shacl_validate  # 0.2 s to import: only when used

    _, report_graph, text = shacl_validate(
        mixed,
        shacl_graph=_shapes(),
        inference="none",
        advanced=True,  # the traceability shape uses a SPARQL-based target
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    if not isinstance(report_graph, Graph):
        raise ShapesError(f"pySHACL could not run lapekg's shapes: {text}")
    results = tuple(_undeclared_terms(data) + _results(data, report_graph))
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=results, triples=len(data))


def report_dict(report: ValidationReport) -> dict:
    """The report as plain data, for JSON output."""
    return {
        "conforms": report.conforms,
        "triples": report.triples,
        "counts": {s.lower(): report.count(s) for s in SEVERITIES},
        "results": [asdict(r) for r in report.results],
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_report(report: ValidationReport, limit: int = 5) -> str:
    """The report as text: a verdict, then each problem with its count and
    the first ``limit`` nodes that have it (name in quotes when known)."""
    counts = [_plural(report.count(s), s.lower()) for s in SEVERITIES if report.count(s)]
    verdict = "Conforms" if report.conforms else "Does not conform"
    lines = [f"{verdict}: {', '.join(counts) if counts else 'no problems'} "
             f"({_plural(report.triples, 'triple')} checked)."]
    groups: dict[tuple[str, str, str, str | None], list[ValidationResult]] = defaultdict(list)
    for r in report.results:
        groups[(r.severity, r.shape, r.message, r.path)].append(r)
    for (severity, shape, message, path), results in groups.items():
        where = f"{shape}, {path}" if path else shape
        lines.append("")
        lines.append(f"{severity} ×{len(results)} [{where}]")
        lines.append(f"  {message}")
        for r in results[:limit]:
            name = f' "{r.focus_label}"' if r.focus_label else ""
            value = f"  value: {r.value}" if r.value is not None and r.value != r.focus_node else ""
            lines.append(f"  - {r.focus_node}{name}{value}")
        if len(results) > limit:
            lines.append(f"  … and {len(results) - limit} more")
    return "\n".join(lines).rstrip() + "\n"
