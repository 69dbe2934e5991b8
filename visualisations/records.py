"""Rows for the report's tables and charts, read from the entity graph.

Read from the model (not from RDF), so that the tables show exactly what the
network shows, with the same names and the same privacy choice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import networkx as nx

from ontology.namespaces import LKG
from visualisations import fmt
from visualisations.charts import BarRow, Span

#: Relations from a project to an organisation that give it a role in the project.
ROLE_PREDICATES = frozenset(
    str(p) for p in (
        LKG.administeredBy, LKG.coordinatedBy, LKG.steeredBy, LKG.supportedBy,
        LKG.hasConsortiumMember, LKG.hasDevelopmentPartner, LKG.hasParticipant, LKG.fundedBy,
        LKG.cooperatesWith,
    )
)
NO_REGION = "(ei maakuntaa)"


@dataclass(frozen=True)
class ProjectRow:
    label: str
    regions: tuple[str, ...]
    administrators: tuple[str, ...]
    start: str | None
    end: str | None
    state_grant: Decimal | None
    total_cost: Decimal | None

    @property
    def period(self) -> str:
        return fmt.period(self.start, self.end)


@dataclass(frozen=True)
class RoleRow:
    organisation: str
    project: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class MeasureRow:
    year: int | None
    label: str
    kind: str
    of: tuple[str, ...]
    period: str


def _has(model: nx.MultiDiGraph, node: str, cls: str) -> bool:
    return cls in model.nodes[node]["classes"]


def _targets(model: nx.MultiDiGraph, node: str, predicate: str) -> tuple[str, ...]:
    return tuple(sorted({model.nodes[v]["label"] for _, v, k in model.out_edges(node, keys=True)
                         if k == predicate}))


def project_rows(model: nx.MultiDiGraph, region_labels: dict[str, str]) -> list[ProjectRow]:
    """Every project with region, administrator, period and money, by name."""
    rows = []
    for node, data in model.nodes(data=True):
        if "Project" not in data["classes"]:
            continue
        regions = _targets(model, node, str(LKG.inRegion)) or tuple(
            sorted(region_labels.get(r, r) for r in data.get("regions", ())))
        money = data["raw"]["funding"]
        rows.append(ProjectRow(
            label=data["label"], regions=regions,
            administrators=_targets(model, node, str(LKG.administeredBy)),
            start=data["raw"]["start"], end=data["raw"]["end"],
            state_grant=money.get("state-grant"), total_cost=money.get("total-cost"),
        ))
    return sorted(rows, key=lambda r: (r.label.casefold(), r.label))


def role_rows(model: nx.MultiDiGraph) -> list[RoleRow]:
    """Each organisation's roles in each project, named by the relation's label."""
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u, v, key, data in model.edges(keys=True, data=True):
        if key not in ROLE_PREDICATES:
            continue
        for project, other in ((u, v), (v, u)):
            if _has(model, project, "Project") and not _has(model, other, "Project") \
                    and not _has(model, other, "Person"):
                roles[(model.nodes[other]["label"], model.nodes[project]["label"])].add(
                    data["label"])
    return sorted((RoleRow(org, project, tuple(sorted(names)))
                   for (org, project), names in roles.items()),
                  key=lambda r: (r.organisation.casefold(), r.project.casefold()))


def _year(*lexicals: str | None) -> int | None:
    for value in lexicals:
        if value and value[:4].isdigit():
            return int(value[:4])
    return None


def measure_rows(model: nx.MultiDiGraph) -> list[MeasureRow]:
    """Measures by year (start, else completion, else end), then name; undated last."""
    rows = []
    for node, data in model.nodes(data=True):
        if "Measure" not in data["classes"]:
            continue
        raw = data["raw"]
        period = fmt.period(raw["start"], raw["end"])
        if raw["completion"]:
            period = (period + ", " if period else "") + f"valmis {fmt.date(raw['completion'])}"
        rows.append(MeasureRow(
            year=_year(raw["start"], raw["completion"], raw["end"]), label=data["label"],
            kind=raw["kind"] or "", of=_targets(model, node, str(LKG.measureOf)), period=period,
        ))
    return sorted(rows, key=lambda r: (r.year is None, r.year or 0, r.label.casefold()))


def funding_by_project(projects: list[ProjectRow]) -> list[BarRow]:
    """State grant and total cost of each project that has either."""
    return [BarRow(p.label, (p.state_grant, p.total_cost)) for p in projects
            if p.state_grant is not None or p.total_cost is not None]


def funding_by_region(projects: list[ProjectRow]) -> list[BarRow]:
    """Sums per region; a project in several regions counts in each."""
    grant: dict[str, Decimal] = defaultdict(Decimal)
    total: dict[str, Decimal] = defaultdict(Decimal)
    seen: set[str] = set()
    for project in projects:
        for region in project.regions or (NO_REGION,):
            if project.state_grant is not None:
                grant[region] += project.state_grant
                seen.add(region)
            if project.total_cost is not None:
                total[region] += project.total_cost
                seen.add(region)
    return [BarRow(r, (grant.get(r), total.get(r))) for r in sorted(seen)]


def _span(label: str, group: str, start: str | None, end: str | None) -> Span | None:
    first = fmt.year_fraction(start) if start else None
    last = fmt.year_fraction(end, at_end=True) if end else None
    if first is None and last is None:
        return None
    if first is None:
        first = fmt.year_fraction(end) if end else None
    if last is None:
        last = fmt.year_fraction(start, at_end=True) if start else None
    assert first is not None and last is not None
    return Span(label, group, first, max(last, first), fmt.period(start, end))


def timeline_spans(model: nx.MultiDiGraph, project_group: str, measure_group: str) -> list[Span]:
    """Dated projects, then dated measures, each by start."""
    spans = []
    for cls, group in (("Project", project_group), ("Measure", measure_group)):
        found = []
        for _, data in model.nodes(data=True):
            if cls not in data["classes"]:
                continue
            raw = data["raw"]
            span = _span(data["label"], group, raw["start"], raw["end"] or raw["completion"])
            if span is not None:
                found.append(span)
        spans += sorted(found, key=lambda s: (s.start, s.end, s.label))
    return spans
