"""The pages in a real browser: Debian's Chromium, headless, with no network.

Each page is loaded from file:// in a fresh profile with the context set
offline and every non-file request refused and recorded. The tests read the
drawn network from the page (``window.lapekg``, see assets/viewer.js) and
hover and click like a person would.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from ontology.namespaces import LKG
from visualisations import network, write_html, write_report

CHROMIUM = Path("/usr/bin/chromium")
FIXTURES = Path(__file__).parent / "fixtures" / "viz"
ARTIFACTS = Path(os.environ.get("LAPEKG_TEST_ARTIFACTS",
                                Path(__file__).parent.parent / "out" / "test-artifacts"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-default-browser-check"]
ENTITY_CLASSES = [LKG[c] for c in ("Programme", "Project", "Region", "Municipality",
                                   "Organisation", "Partner", "Person", "Measure")]
ID = "https://w3id.org/lapekg/id/"
EP = ID + "project/etela-pohjanmaan-lape-hanke"
STM = ID + "organisation/sosiaali-ja-terveysministerio"
PNG = b"\x89PNG\r\n\x1a\n"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def drawn_entity_count(graph: Graph, personal: bool = True) -> int:
    """Entities the page must draw, counted straight from RDF: regions only when linked."""
    entities = {s for c in ENTITY_CLASSES for s in graph.subjects(RDF.type, c)}
    if not personal:
        entities -= set(graph.subjects(RDF.type, LKG.Person))
    linked = {n for s, p, o in graph if s in entities and o in entities and s != o
              and str(p).startswith(str(LKG)) for n in (s, o)}
    regions = set(graph.subjects(RDF.type, LKG.Region))
    return len([e for e in entities if e not in regions or e in linked])


@dataclass
class Log:
    """What went wrong while a page loaded and ran."""

    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.failed == []
        assert self.remote == []


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Browser, path: Path, height: int = 900) -> tuple[Page, Log]:
    """Load ``path`` offline and wait until the network is drawn and still."""
    page, log = load(browser, path, height)
    page.wait_for_function("() => window.lapekg && lapekg.drawn && lapekg.stable",
                           timeout=60_000)
    return page, log


def load(browser: Browser, path: Path, height: int = 900) -> tuple[Page, Log]:
    """Load ``path`` in a fresh offline context, recording what goes wrong."""
    log = Log()
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": height})

    def refuse(route) -> None:
        log.remote.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:)"), refuse)
    page = context.new_page()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.errors.append(message.text)

    def failed(request: Request) -> None:
        log.failed.append(f"{request.url}: {request.failure}")

    page.on("console", console)
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("requestfailed", failed)
    page.goto(path.as_uri())
    return page, log


def node_point(page: Page, node: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    return tuple(page.evaluate(
        """(id) => {
            const net = lapekg.network;
            const at = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.querySelector('#lkg-network canvas').getBoundingClientRect();
            return [box.left + at.x, box.top + at.y];
        }""", node))


def hover(page: Page, node: str) -> str:
    """Hover a node and return the tooltip's text."""
    page.mouse.move(5, 5)
    page.mouse.move(*node_point(page, node))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    return tooltip.inner_text()


def coloured_pixels(page: Page) -> int:
    return page.evaluate(
        """() => {
            const canvas = document.querySelector('#lkg-network canvas');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width,
                                                               canvas.height).data;
            let count = 0;
            for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3] > 0 && Math.min(data[i], data[i + 1], data[i + 2]) < 200) count++;
            }
            return count;
        }""")


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == PNG
    return path


def test_the_harness_sees_remote_requests_and_errors(browser, tmp_path):
    path = tmp_path / "bad.html"
    path.write_text('<!DOCTYPE html><meta charset="utf-8"><img src="https://example.invalid/a.png">'
                    "<script>console.error('rikki'); undefinedFunction();</script>",
                    encoding="utf-8")
    page, log = load(browser, path)
    page.wait_for_timeout(300)
    assert log.remote == ["https://example.invalid/a.png"]
    assert log.failed and "rikki" in log.errors
    assert any("undefinedFunction" in error for error in log.errors)
    with pytest.raises(AssertionError):
        log.assert_clean()


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(FIXTURES / "lape_small.ttl")


@pytest.fixture(scope="module")
def small_page(small, tmp_path_factory) -> Path:
    return write_html(network(small), tmp_path_factory.mktemp("viz") / "verkko.html")


def test_page_draws_every_entity_offline(browser, small, small_page):
    page, log = open_page(browser, small_page)
    expected = drawn_entity_count(small)
    assert expected == 18
    assert page.evaluate("lapekg.network.body.data.nodes.length") == expected
    assert page.evaluate("Object.keys(lapekg.network.body.nodes).length") == expected
    assert page.evaluate("lapekg.network.body.data.edges.length") == 23
    assert page.evaluate("lapekg.network.physics.options.enabled") is False  # settled, stopped
    assert coloured_pixels(page) > 2000
    legend = page.locator("#lkg-legend li").all_inner_texts()
    assert legend[0] == "Ohjelma (1)" and len(legend) == 8
    assert page.locator("#lkg-status").inner_text() == "18 / 18 solmua näkyvissä"
    assert screenshot(page, "viz-lape-small.png").stat().st_size > 20_000
    log.assert_clean()


def test_hover_shows_facts_and_source_sentences(browser, small_page):
    page, log = open_page(browser, small_page)
    text = hover(page, EP)
    assert "Etelä-Pohjanmaan LAPE-hanke" in text and "Hanke" in text
    assert "valtionavustus" in text and "899\u00a0947\u00a0€ (80\u00a0%)" in text
    assert "Lähteet" in text and "yhteensä 899 947 euroa (80 %)" in text
    assert "004_7cb3edaf32cd350b.txt, rivi 17" in text
    log.assert_clean()


def test_click_highlights_neighbours_and_shows_details(browser, small_page):
    page, log = open_page(browser, small_page)
    page.mouse.click(*node_point(page, STM))
    assert page.evaluate("lapekg.highlighted") == STM
    colours = page.evaluate("Object.fromEntries(lapekg.nodes.get().map(n => [n.id, n.color]))")
    lit = {n for n, c in colours.items() if not c.startswith("rgba(190")}
    assert lit == {STM, EP, ID + "project/lupa-auttaa"}
    info = page.locator("#lkg-info").inner_text()
    assert "Naapurit" in info and "Lupa auttaa!" in info and "koordinaattori" in info
    page.mouse.click(5, 300)  # empty canvas: everything lit again
    assert page.evaluate("lapekg.highlighted") is None
    log.assert_clean()


def test_filters_by_region_and_class(browser, small_page):
    page, log = open_page(browser, small_page)
    page.select_option("#lkg-region", label="Varsinais-Suomi")
    assert page.evaluate("lapekg.nodesView.length") == 6
    page.locator("#lkg-legend input[data-cls=Partner]").uncheck()
    assert page.evaluate("lapekg.nodesView.getIds().sort()") == sorted(
        [ID + "programme/lape", ID + "project/lupa-auttaa", ID + "region/02"])
    assert page.evaluate("lapekg.network.body.data.edges.length") == 2
    page.click("#lkg-reset")
    assert page.evaluate("lapekg.nodesView.length") == 18
    log.assert_clean()


def test_search_finds_and_highlights(browser, small_page):
    page, log = open_page(browser, small_page)
    page.fill("#lkg-search", "seinäjoen KAUPUNKI")
    page.press("#lkg-search", "Enter")
    assert page.evaluate("lapekg.highlighted") == ID + "municipality/743"
    assert "Seinäjoen kaupunki" in page.locator("#lkg-info").inner_text()
    page.fill("#lkg-search", "ei tällaista")
    page.press("#lkg-search", "Enter")
    assert page.locator("#lkg-status").inner_text() == "Ei osumia näkyvistä solmuista."
    log.assert_clean()


@pytest.fixture(scope="module")
def hostile() -> Graph:
    return Graph().parse(FIXTURES / "hostile.ttl")


def assert_nothing_ran(page: Page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.querySelectorAll('iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # data, vis-network, viewer


def test_markup_in_labels_and_quotes_is_shown_as_text(browser, hostile, tmp_path):
    path = write_html(network(hostile), tmp_path / "hostile.html")
    page, log = open_page(browser, path)
    assert page.evaluate("lapekg.network.body.data.nodes.length") == drawn_entity_count(hostile)
    assert_nothing_ran(page)
    script_node, img_node = ID + "project/script", ID + "organisation/img"
    text = hover(page, script_node)
    assert "<script>window.__pwned=1</script>" in text
    assert "</script><script>window.__pwned=2</script>" in text
    page.mouse.click(*node_point(page, img_node))
    info = page.locator("#lkg-info").inner_text()
    assert '<img src=x onerror="window.__pwned=1">' in info
    assert "<svg onload=window.__pwned=3>" in info
    assert "Hanketta <script>window.__pwned=4</script> hallinnoi" in info
    assert "<iframe src=javascript:window.__pwned=6>.html" in info
    text = hover(page, img_node)
    assert '<img src=x onerror="window.__pwned=1">' in text
    page.fill("#lkg-search", "<img")
    page.press("#lkg-search", "Enter")
    assert page.evaluate("lapekg.highlighted") == img_node
    option_texts = page.evaluate("[...document.querySelectorAll('#lkg-names option')]"
                                 ".map(o => o.value)")
    assert "<script>window.__pwned=1</script>" in option_texts
    assert_nothing_ran(page)
    screenshot(page, "viz-hostile.png")
    log.assert_clean()


def test_report_loads_offline_with_network_tables_and_charts(browser, small, tmp_path):
    path = write_report(small, tmp_path / "raportti.html")
    page, log = open_page(browser, path, height=1000)
    assert page.evaluate("lapekg.network.body.data.nodes.length") == drawn_entity_count(small)
    assert page.locator("svg.lkg-chart").count() == 3
    assert page.locator("#lkg-projects tbody tr").count() == 2
    assert page.locator("#lkg-funding-projects rect").count() == 6
    assert coloured_pixels(page) > 2000
    screenshot(page, "report-lape-small.png")
    log.assert_clean()


def test_report_shows_hostile_text_as_text(browser, hostile, tmp_path):
    path = write_report(hostile, tmp_path / "hostile-report.html")
    page, log = open_page(browser, path)
    assert_nothing_ran(page)
    cells = page.locator("#lkg-projects td").all_inner_texts()
    assert "<script>window.__pwned=1</script>" in cells
    assert '<img src=x onerror="window.__pwned=1">' in cells
    log.assert_clean()


def test_no_personal_page_draws_no_people(browser, small, tmp_path):
    path = write_html(network(small, personal=False), tmp_path / "ei-henkiloita.html")
    page, log = open_page(browser, path)
    assert page.evaluate("lapekg.network.body.data.nodes.length") == drawn_entity_count(
        small, personal=False) == 15
    assert "Henkilö" not in page.locator("#lkg-legend").inner_text()
    log.assert_clean()


def test_large_graph_is_drawn_at_once_without_physics(browser, tmp_path):
    graph = Graph()
    for p in range(60):
        project = URIRef(f"{ID}project/p{p}")
        graph.add((project, RDF.type, LKG.Project))
        for k in range(10):
            org = URIRef(f"{ID}organisation/o{p}-{k}")
            graph.add((org, RDF.type, LKG.Organisation))
            graph.add((project, LKG.hasParticipant, org))
        if p:
            graph.add((project, LKG.cooperatesWith, URIRef(f"{ID}project/p{p - 1}")))
    path = write_html(network(graph), tmp_path / "suuri.html")
    page, log = open_page(browser, path)
    assert page.evaluate("lapekg.network.body.data.nodes.length") == 660
    assert page.evaluate("lapekg.network.physics.options.enabled") is False
    assert coloured_pixels(page) > 2000
    screenshot(page, "viz-large.png")
    log.assert_clean()


def test_bundled_corpus_view_draws_every_entity_with_sources(browser, tmp_path):
    from visualisations.source import bundled_graph

    graph = bundled_graph()
    path = write_html(network(graph), tmp_path / "lape.html")
    page, log = open_page(browser, path)
    expected = drawn_entity_count(graph)
    assert expected > 10
    assert page.evaluate("lapekg.network.body.data.nodes.length") == expected
    assert page.evaluate("lapekg.nodes.get().filter(n => n.tip.sources.length).length") > 0
    assert page.locator("#lkg-legend li").count() >= 4
    screenshot(page, "viz-bundled-corpus.png")
    log.assert_clean()
