"""The report page: tables, both funding charts, timeline, network, all text escaped."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from visualisations import charts
from visualisations.html import viewer_scripts
from visualisations.report import render_report, write_report

FIXTURES = Path(__file__).parent / "fixtures" / "viz"


@pytest.fixture(scope="module")
def report() -> str:
    return render_report(Graph().parse(FIXTURES / "lape_small.ttl"))


def section(page: str, key: str) -> str:
    match = re.search(rf'<section id="{key}">(.*?)</section>', page, re.DOTALL)
    assert match, key
    return match.group(1)


def rows(table_html: str) -> list[list[str]]:
    body = table_html.split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_projects_table(report):
    table = section(report, "hankkeet")
    assert "<th scope=\"col\">Valtionavustus</th>" in table
    assert rows(table) == [
        ["Etelä-Pohjanmaan LAPE-hanke", "Etelä-Pohjanmaa", "Seinäjoen kaupunki",
         "1.1.2017–31.12.2018", "899\u00a0947\u00a0€", "1\u00a0153\u00a0199\u00a0€"],
        ["Lupa auttaa!", "Varsinais-Suomi", "Varsinais-Suomen sairaanhoitopiiri", "2017–12/2018",
         "1\u00a0200\u00a0000,50\u00a0€", "1\u00a0500\u00a0000\u00a0€"],
    ]


def test_partner_roles_table(report):
    table = rows(section(report, "kumppanit"))
    assert ["Sosiaali- ja terveysministeriö", "Lupa auttaa!", "koordinoija"] in table
    assert ["Terveyden ja hyvinvoinnin laitos", "Lupa auttaa!", "kehittäjäkumppani"] in table
    assert len(table) == 8


def test_measures_by_year(report):
    assert rows(section(report, "toimenpiteet")) == [
        ["2017", "Perhekeskustoimintamallin kehittäminen ja käyttöönotto",
         "kehittämisen osa-alue", "Etelä-Pohjanmaan LAPE-hanke", "2017–2018"],
        ["2019", "LAPE-muutosohjelman siltaustoimet 2019", "siltaustoimi", "LAPE-muutosohjelma",
         "valmis 6/2019"],
    ]


def test_both_funding_charts_are_inline_svg(report):
    funding = section(report, "rahoitus")
    assert funding.count("<svg") == 2
    assert 'id="lkg-funding-projects"' in funding and 'id="lkg-funding-regions"' in funding
    by_project = funding.split('id="lkg-funding-regions"')[0]
    assert by_project.count("<rect") == 2 + 4  # legend swatches + two bars per project
    assert "Lupa auttaa!: Valtionavustus 1\u00a0200\u00a0000,50\u00a0€" in by_project


def test_timeline_has_a_bar_per_dated_project_and_measure(report):
    timeline = section(report, "aikajana")
    assert timeline.count("<svg") == 1
    assert len(re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" rx="3"',
                          timeline)) == 4


def test_report_embeds_the_network_and_analysis(report):
    assert 'id="lkg-data"' in section(report, "verkko")
    for script in viewer_scripts():
        assert f"<script>{script}</script>" in report
    assert "Sosiaali- ja terveysministeriö" in section(report, "analyysi")


def test_report_escapes_hostile_text():
    page = render_report(Graph().parse(FIXTURES / "hostile.ttl"))
    tables = section(page, "hankkeet") + section(page, "aikajana") + section(page, "rahoitus")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in tables
    assert "<script>window" not in tables and "<img" not in tables and "<b>" not in tables
    assert "&amp;amp; &lt;b&gt;lihavoitu&lt;/b&gt;" in tables


def test_no_personal_report_names_nobody(tmp_path):
    out = write_report(Graph().parse(FIXTURES / "lape_small.ttl"), tmp_path / "r.html",
                       personal=False)
    text = out.read_text(encoding="utf-8")
    for personal in ("Matti", "Meikäl", "Liisa", "Virtanen", "example.fi", "+358"):
        assert personal not in text


def test_bar_chart_axis_uses_round_steps():
    assert charts.nice_step(1_153_199) == 500_000
    assert charts.nice_step(0) == 1.0
    svg = charts.bar_chart("t", [charts.Series("a", "#000")],
                           [charts.BarRow("x", (Decimal(10),)), charts.BarRow("y", (None,))], "c")
    assert svg.count("<rect") == 2  # legend + one bar; the unknown value is not drawn as 0
