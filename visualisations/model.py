"""From RDF to a plain networkx graph of what a person looks at.

Nodes are the entities of ``ontology/GRAPH.md`` (programmes, projects,
regions, municipalities, organisations, people, measures); edges are the
direct relations between them. What the view would otherwise have to chase
through several hops (fundings, reified roles, evidence records) is folded
into the node or edge it describes, as ready-to-read facts and the quoted
sentences they came from. Everything downstream (selection, layout, network,
analysis, report) works on this graph and never on RDF again.

Node attributes: ``label``, ``cls`` (the class it is drawn as), ``classes``
(all its entity classes), ``facts`` (list of ``(name, value)``), ``sources``
(list of ``(about, Source)``), ``regions`` (IRIs of the regions it belongs
to), ``raw`` (unformatted dates, measure kind and money for tables and
charts, see :func:`raw_values`). Edge attributes (key = predicate IRI):
``predicate``, ``label``, ``sources`` (list of Source).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from lapekg.personal import CONTACT_PROPERTIES, name_pattern, redact
from ontology.namespaces import LKG
from visualisations import fmt
from visualisations.evidence import Source, Statement, evidence_index
from visualisations.style import ENTITY_CLASSES, primary_class
from visualisations.terms import display_name, local_name, pick_label, term_label

ENTITY_TYPES: dict[URIRef, str] = {LKG[name]: name for name in ENTITY_CLASSES}

#: Object properties that lead to records folded into nodes, never drawn.
FOLDED = frozenset(
    {
        LKG.participation, LKG.hasFunding, LKG.mentionedIn, LKG.sentence, LKG.inDocument,
        LKG.agent, LKG.role, LKG.context, LKG.fundingKind, LKG.measureKind,
    }
)

#: Values shown in a node's tooltip, in this order.
VALUE_PROPERTIES = (
    LKG.abbreviation, SKOS.altLabel, LKG.code, LKG.jobTitle, LKG.startDate, LKG.endDate,
    LKG.completionDate, LKG.email, LKG.telephone, LKG.homepage,
)
DATE_PROPERTIES = frozenset({LKG.startDate, LKG.endDate, LKG.completionDate})

#: Specific kinds of taking part; ``hasParticipant`` is their super-property
#: and is not drawn again beside one of them.
PARTICIPANT_SUBPROPERTIES = frozenset(
    {
        LKG.administeredBy, LKG.coordinatedBy, LKG.steeredBy, LKG.supportedBy,
        LKG.hasConsortiumMember, LKG.hasDevelopmentPartner, LKG.fundedBy,
    }
)

#: Properties that place an entity in a region directly.
REGION_PROPERTIES = (LKG.inRegion, LKG.municipalityRegion, LKG.targets, LKG.responsibleFor)

Text = Callable[[str], str]


def entity_classes(graph: Graph, personal: bool = True) -> dict[URIRef, tuple[str, ...]]:
    """Every entity IRI with its entity classes; people only when ``personal``."""
    found: dict[URIRef, set[str]] = {}
    for rdf_class, name in ENTITY_TYPES.items():
        for node in graph.subjects(RDF.type, rdf_class):
            if isinstance(node, URIRef):
                found.setdefault(node, set()).add(name)
    return {
        node: tuple(n for n in ENTITY_CLASSES if n in names)
        for node, names in found.items()
        if personal or "Person" not in names
    }


def label_of(graph: Graph, node: Node) -> str:
    """An entity's Finnish name: ``rdfs:label``, then ``skos:prefLabel``, then its IRI's end."""
    for prop in (RDFS.label, SKOS.prefLabel):
        label = pick_label(graph.objects(node, prop))
        if label:
            return label
    return local_name(node)


def value_text(prop: URIRef, value: Node) -> str:
    """A value as a person reads it: dates the Finnish way, no ``mailto:``/``tel:``."""
    text = str(value)
    if prop in DATE_PROPERTIES and isinstance(value, Literal):
        return fmt.date(text)
    for scheme in ("mailto:", "tel:"):
        if text.startswith(scheme):
            return text[len(scheme):]
    return text


def _sources(index: dict[Statement, list[Source]], statements: Iterable[Statement],
             about: str, text: Text) -> list[tuple[str, Source]]:
    found = []
    for statement in statements:
        for source in index.get(statement, ()):
            found.append((about, replace(source, quote=text(source.quote),
                                          document=text(source.document))))
    return found


def _first_value(graph: Graph, node: Node, prop: URIRef) -> Node | None:
    return min(graph.objects(node, prop), key=str, default=None)


def funding_facts(graph: Graph, owner: URIRef, index: dict[Statement, list[Source]],
                  text: Text) -> tuple[list[tuple[str, str]], list[tuple[str, Source]]]:
    """One fact per funding of ``owner``: kind, amount, share, period, funder."""
    facts, sources = [], []
    for funding in sorted(graph.objects(owner, LKG.hasFunding), key=str):
        kind = _first_value(graph, funding, LKG.fundingKind)
        name = term_label(kind) if isinstance(kind, URIRef) else display_name(LKG.Funding)
        amount = _first_value(graph, funding, LKG.amount)
        number = fmt.decimal_or_none(str(amount)) if amount is not None else None
        if number is None:
            continue
        currency = _first_value(graph, funding, LKG.currency)
        value = fmt.money(number, str(currency) if currency is not None else "EUR")
        share = _first_value(graph, funding, LKG.share)
        share_number = fmt.decimal_or_none(str(share)) if share is not None else None
        if share_number is not None:
            value += f" ({fmt.share(share_number)})"
        start = _first_value(graph, funding, LKG.startDate)
        end = _first_value(graph, funding, LKG.endDate)
        when = fmt.period(str(start) if start else None, str(end) if end else None)
        if when:
            value += f", {when}"
        funder = _first_value(graph, funding, LKG.fundedBy)
        if funder is not None:
            value += f", {display_name(LKG.fundedBy)}: {label_of(graph, funder)}"
        facts.append((text(name), text(value)))
        statements = [(owner, LKG.hasFunding, funding)]
        statements += [(funding, p, o) for p, o in graph.predicate_objects(funding)]
        sources += _sources(index, statements, name, text)
    return facts, sources


def role_facts(graph: Graph, agent: URIRef, index: dict[Statement, list[Source]],
               text: Text) -> tuple[list[tuple[str, str]], list[tuple[str, Source]]]:
    """The roles an agent holds (reified ``lkg:Participation``), with title and period."""
    facts, sources = [], []
    name = display_name(LKG.role)
    for participation in sorted(graph.subjects(LKG.agent, agent), key=str):
        role = _first_value(graph, participation, LKG.role)
        if role is None:
            continue
        parts = [term_label(role) if isinstance(role, URIRef) else str(role)]
        context = _first_value(graph, participation, LKG.context)
        if context is not None:
            parts.append(label_of(graph, context))
        title = _first_value(graph, participation, LKG.jobTitle)
        if title is not None:
            parts.append(str(title))
        start = _first_value(graph, participation, LKG.startDate)
        end = _first_value(graph, participation, LKG.endDate)
        when = fmt.period(str(start) if start else None, str(end) if end else None)
        if when:
            parts.append(when)
        facts.append((name, text(" – ".join(parts))))
        statements = [(participation, p, o) for p, o in graph.predicate_objects(participation)]
        statements += [(s, LKG.participation, participation)
                       for s in graph.subjects(LKG.participation, participation)]
        sources += _sources(index, statements, name, text)
    return facts, sources


def node_attributes(graph: Graph, node: URIRef, classes: tuple[str, ...],
                    index: dict[Statement, list[Source]], personal: bool,
                    text: Text) -> dict:
    """Everything the view shows about one entity."""
    facts: list[tuple[str, str]] = []
    sources: list[tuple[str, Source]] = []
    for prop in VALUE_PROPERTIES:
        if not personal and prop in CONTACT_PROPERTIES:
            continue
        name = display_name(prop)
        for value in sorted(graph.objects(node, prop), key=str):
            facts.append((name, text(value_text(prop, value))))
    kind = _first_value(graph, node, LKG.measureKind)
    if isinstance(kind, URIRef):
        facts.append((display_name(LKG.measureKind), term_label(kind)))
    more_facts, more_sources = funding_facts(graph, node, index, text)
    facts += more_facts
    sources += more_sources
    more_facts, more_sources = role_facts(graph, node, index, text)
    facts += more_facts
    sources += more_sources
    for prop, value in graph.predicate_objects(node):
        if not personal and prop in CONTACT_PROPERTIES:
            continue
        if isinstance(value, Literal) or prop == RDF.type or prop in VALUE_PROPERTIES:
            sources += _sources(index, [(node, prop, value)], display_name(prop), text)
    return {
        "raw": raw_values(graph, node),
        "label": text(label_of(graph, node)),
        "cls": primary_class(classes),
        "classes": classes,
        "facts": facts,
        "sources": _unique(sources),
    }


def raw_values(graph: Graph, node: URIRef) -> dict:
    """Values for tables and charts, unformatted: dates as lexical forms, money as Decimal.

    Several fundings of one kind (a grant for each year, say) are added up.
    """
    def lexical(prop: URIRef, pick: Callable = min) -> str | None:
        values = [str(v) for v in graph.objects(node, prop) if isinstance(v, Literal)]
        return pick(values) if values else None

    funding: dict[str, Decimal] = {}
    for item in graph.objects(node, LKG.hasFunding):
        kind = _first_value(graph, item, LKG.fundingKind)
        amount = _first_value(graph, item, LKG.amount)
        number = fmt.decimal_or_none(str(amount)) if amount is not None else None
        if isinstance(kind, URIRef) and number is not None:
            funding[local_name(kind)] = funding.get(local_name(kind), Decimal(0)) + number
    kind = _first_value(graph, node, LKG.measureKind)
    return {
        "start": lexical(LKG.startDate),
        "end": lexical(LKG.endDate, max),
        "completion": lexical(LKG.completionDate, max),
        "kind": term_label(kind) if isinstance(kind, URIRef) else None,
        "funding": funding,
    }


def _unique(sources: list[tuple[str, Source]]) -> list[tuple[str, Source]]:
    """One entry per sentence, naming every fact it supports."""
    merged: dict[Source, list[str]] = {}
    for about, source in sources:
        names = merged.setdefault(source, [])
        if about not in names:
            names.append(about)
    return [(", ".join(names), source) for source, names in sorted(merged.items())]


def relation_edges(graph: Graph, entities: dict[URIRef, tuple[str, ...]]
                   ) -> list[tuple[URIRef, URIRef, URIRef]]:
    """Direct relations between two entities, without redundant ``hasParticipant``."""
    edges = []
    for subject in entities:
        for prop, obj in graph.predicate_objects(subject):
            if not isinstance(prop, URIRef) or not str(prop).startswith(str(LKG)):
                continue
            if prop in FOLDED or obj not in entities or obj == subject:
                continue
            edges.append((subject, prop, obj))
    specific = {(s, o) for s, p, o in edges if p in PARTICIPANT_SUBPROPERTIES}
    return sorted(
        (e for e in edges if not (e[1] == LKG.hasParticipant and (e[0], e[2]) in specific)),
        key=lambda e: (str(e[0]), str(e[1]), str(e[2])),
    )


def region_membership(graph: Graph, model: nx.MultiDiGraph) -> dict[str, frozenset[str]]:
    """The regions each node belongs to, for the region filter.

    A region belongs to itself; an entity to the regions it is placed in
    directly (``inRegion``, ``municipalityRegion``, ``targets``,
    ``responsibleFor``); a project also to its parent project's regions; any
    other entity also to the regions of the projects it is linked with.
    """
    is_region = {n for n, d in model.nodes(data=True) if "Region" in d["classes"]}
    direct: dict[str, set[str]] = {n: set() for n in model.nodes}
    for node in model.nodes:
        if node in is_region:
            direct[node].add(node)
        for prop in REGION_PROPERTIES:
            for obj in graph.objects(URIRef(node), prop):
                if str(obj) in is_region:
                    direct[node].add(str(obj))
    projects = {n for n, d in model.nodes(data=True) if "Project" in d["classes"]}
    of_project = {p: set(direct[p]) for p in projects}
    for project in projects:
        for parent in graph.objects(URIRef(project), LKG.partOf):
            if str(parent) in projects:
                of_project[project] |= direct[str(parent)]
    result = {}
    for node in model.nodes:
        regions = set(of_project.get(node, direct[node]))
        if node not in projects:
            for other in nx.all_neighbors(model, node):
                if other in projects:
                    regions |= of_project[other]
        result[node] = frozenset(regions)
    return result


def build_model(graph: Graph, personal: bool = True) -> nx.MultiDiGraph:
    """The entities of ``graph`` and their direct relations, ready to show.

    With ``personal=False`` people are left out, and so are e-mail addresses,
    phone numbers and people's names anywhere in the text shown (labels,
    values, quoted sentences).
    """
    entities = entity_classes(graph, personal=personal)
    index = evidence_index(graph)
    text = _text_filter(graph, personal)
    model = nx.MultiDiGraph()
    for node, classes in sorted(entities.items(), key=lambda item: str(item[0])):
        model.add_node(str(node), **node_attributes(graph, node, classes, index, personal, text))
    for subject, prop, obj in relation_edges(graph, entities):
        model.add_edge(
            str(subject), str(obj), key=str(prop), predicate=str(prop),
            label=display_name(prop),
            sources=[s for _, s in _sources(index, [(subject, prop, obj)], "", text)],
        )
    for node, regions in region_membership(graph, model).items():
        model.nodes[node]["regions"] = regions
    return model


def _text_filter(graph: Graph, personal: bool) -> Text:
    """Identity with people; else a function that removes personal data from text."""
    if personal:
        return lambda text: text
    people = [label_of(graph, p) for p in graph.subjects(RDF.type, LKG.Person)]
    people += [str(n) for p in graph.subjects(RDF.type, LKG.Person)
               for n in graph.objects(p, SKOS.altLabel)]
    pattern: re.Pattern[str] | None = name_pattern(people)
    return lambda text: redact(text, pattern)
