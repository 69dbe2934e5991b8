"""One offline page about a graph: the network, the main tables, funding, a timeline.

Building the page (:func:`render_report`) is separate from writing it
(:func:`write_report`). All text from the graph is escaped; the charts are
inline SVG made in :mod:`visualisations.charts`; the network is the same
viewer as ``lapekg viz``, inlined, so the page needs no network.
"""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from html import escape
from pathlib import Path

import networkx as nx
from rdflib import Graph

from lapekg.atomic import atomic_write_text
from ontology.namespaces import FUNDING_KIND
from visualisations import charts, fmt, html, records
from visualisations.analysis import Analysis, analyse
from visualisations.model import build_model
from visualisations.network import to_network
from visualisations.select import without_lone_regions
from visualisations.style import BY_NAME, ENTITY_CLASSES, class_label
from visualisations.terms import term_label

TITLE = "LAPE-raportti"
TOP_PARTNERS = 20


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cell(value: object) -> str:
    if value is None or value == "" or value == ():
        return "<td>–</td>"
    if isinstance(value, tuple):
        return f"<td>{escape(', '.join(value))}</td>"
    return f"<td>{escape(str(value))}</td>"


def _num_cell(text: str) -> str:
    return f'<td class="num">{escape(text) if text else "–"}</td>'


def table(caption: str, headers: list[str], rows: list[str], table_id: str) -> str:
    """A table with a caption; ``rows`` are ready ``<tr>`` strings (cells escaped)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "\n".join(rows) if rows else (
        f'<tr><td colspan="{len(headers)}" class="empty">Ei rivejä.</td></tr>')
    return (f'<table id="{table_id}"><caption>{escape(caption)}</caption>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>")


def _money(value: Decimal | None) -> str:
    return fmt.money(value) if value is not None else ""


def projects_table(rows: list[records.ProjectRow]) -> str:
    headers = ["Hanke", "Maakunta", "Hallinnoija", "Aika",
               _cap(term_label(FUNDING_KIND["state-grant"])),
               _cap(term_label(FUNDING_KIND["total-cost"]))]
    body = [
        "<tr>" + _cell(r.label) + _cell(r.regions) + _cell(r.administrators) + _cell(r.period)
        + _num_cell(_money(r.state_grant)) + _num_cell(_money(r.total_cost)) + "</tr>"
        for r in rows
    ]
    return table("Hankkeet", headers, body, "lkg-projects")


def roles_table(rows: list[records.RoleRow]) -> str:
    body = ["<tr>" + _cell(r.organisation) + _cell(r.project) + _cell(r.roles) + "</tr>"
            for r in rows]
    return table("Kumppanit ja roolit", ["Organisaatio", "Hanke", "Rooli"], body, "lkg-roles")


def measures_table(rows: list[records.MeasureRow]) -> str:
    body = ["<tr>" + _cell(r.year) + _cell(r.label) + _cell(r.kind) + _cell(r.of)
            + _cell(r.period) + "</tr>" for r in rows]
    return table("Toimenpiteet vuosittain", ["Vuosi", "Toimenpide", "Laji", "Ohjelma tai hanke",
                                              "Aika"], body, "lkg-measures")


def analysis_tables(result: Analysis) -> str:
    note = " (arvioitu otoksesta)" if result.betweenness_estimated else ""
    partners = [
        "<tr>" + _cell(i) + _cell(p.label) + _num_cell(str(p.degree))
        + _num_cell(f"{p.betweenness:.4f}") + _num_cell(str(p.projects)) + "</tr>"
        for i, p in enumerate(result.partners[:TOP_PARTNERS], 1)
    ]
    bridges = ["<tr>" + _cell(b.label) + _cell(b.projects) + _cell(b.regions) + "</tr>"
               for b in result.bridges]
    parts = [
        "<tr>" + _num_cell(str(c.size)) + _cell(c.members) + "</tr>"
        for c in result.components
    ]
    return "\n".join([
        table(f"Kumppanit yhteyksien ja välittävyyden mukaan{note}",
              ["#", "Organisaatio", "Yhteyksiä", "Välittävyys", "Hankkeita"], partners,
              "lkg-partners"),
        table("Useassa hankkeessa tai maakunnassa toimivat organisaatiot",
              ["Organisaatio", "Hankkeet", "Maakunnat"], bridges, "lkg-bridges"),
        table("Yhtenäiset osat", ["Koko", "Jäsenet"], parts, "lkg-components"),
    ])


def funding_charts(projects: list[records.ProjectRow]) -> str:
    grant = _cap(term_label(FUNDING_KIND["state-grant"]))
    total = _cap(term_label(FUNDING_KIND["total-cost"]))
    series = [charts.Series(grant, BY_NAME["Project"].colour),
              charts.Series(total, BY_NAME["Partner"].colour)]
    return "\n".join([
        charts.bar_chart("Rahoitus hankkeittain", series, records.funding_by_project(projects),
                         "lkg-funding-projects"),
        charts.bar_chart("Rahoitus maakunnittain", series, records.funding_by_region(projects),
                         "lkg-funding-regions"),
    ])


def timeline_chart(model: nx.MultiDiGraph) -> str:
    project, measure = class_label("Project"), class_label("Measure")
    series = [charts.Series(project, BY_NAME["Project"].colour),
              charts.Series(measure, BY_NAME["Measure"].colour)]
    spans = records.timeline_spans(model, project, measure)
    return charts.timeline("Hankkeiden ja toimenpiteiden aikajana", series, spans, "lkg-timeline")


def summary(model: nx.MultiDiGraph) -> str:
    counts = Counter(d["cls"] for _, d in model.nodes(data=True))
    items = "".join(f"<li>{escape(class_label(c))}: {counts[c]}</li>"
                    for c in ENTITY_CLASSES if counts[c])
    return f'<ul class="lkg-summary">{items}</ul>'


def render_report(graph: Graph, personal: bool = True, title: str = TITLE) -> str:
    """The whole report page for ``graph``."""
    model = without_lone_regions(build_model(graph, personal=personal))
    region_labels = {n: d["label"] for n, d in model.nodes(data=True) if d["cls"] == "Region"}
    projects = records.project_rows(model, region_labels)
    net = to_network(model, heading=title, region_labels=region_labels)
    sections = [
        ("verkko", "Verkko", html.network_block(net)),
        ("hankkeet", "Hankkeet", projects_table(projects)),
        ("kumppanit", "Kumppanit ja roolit", roles_table(records.role_rows(model))),
        ("toimenpiteet", "Toimenpiteet", measures_table(records.measure_rows(model))),
        ("rahoitus", "Rahoitus", funding_charts(projects)),
        ("aikajana", "Aikajana", timeline_chart(model)),
        ("analyysi", "Verkostoanalyysi", analysis_tables(analyse(model))),
    ]
    nav = "".join(f'<a href="#{key}">{escape(name)}</a>' for key, name, _ in sections)
    body = "\n".join(
        [f'<header><h1>{escape(title)}</h1>{summary(model)}<nav>{nav}</nav></header>']
        + [f'<section id="{key}"><h2>{escape(name)}</h2>\n{content}\n</section>'
           for key, name, content in sections]
    )
    styles = [*html.viewer_styles(), html.assets().report_css]
    return html.page(title, f'<main class="lkg-report">\n{body}\n</main>',
                     html.viewer_scripts(), styles)


def write_report(graph: Graph, path: str | os.PathLike[str], personal: bool = True) -> Path:
    """Write the report to ``path`` as UTF-8, atomically."""
    atomic_write_text(path, render_report(graph, personal=personal))
    return Path(path)

