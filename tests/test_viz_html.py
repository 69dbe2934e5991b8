"""The written page: one offline UTF-8 file, nothing remote, text kept as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from visualisations import network, write_html
from visualisations.html import page as make_page
from visualisations.html import render_html, script_json, viewer_scripts

FIXTURES = Path(__file__).parent / "fixtures" / "viz"
REMOTE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(network(Graph().parse(FIXTURES / "lape_small.ttl")))


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html(network(Graph().parse(FIXTURES / "hostile.ttl")))


def data_of(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="lkg-data">(.*?)</script>', page,
                      re.DOTALL)
    assert match
    return json.loads(match.group(1))


def test_references_nothing_remote(page):
    assert REMOTE.search(page) is None
    assert "<link" not in page and "<iframe" not in page.lower()
    assert re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE) is None


def test_remote_pattern_would_catch_what_pyvis_writes():
    assert REMOTE.search('<script src="https://cdn.jsdelivr.net/npm/x.js"></script>')
    assert REMOTE.search("<link href='//cdnjs.cloudflare.com/a.css'>")
    assert REMOTE.search("a{background:url( https://x/y.png)}")


def test_inlines_vis_network_and_the_viewer(page):
    vis, viewer = viewer_scripts()
    assert "@version 9.1.2" in vis and "lapekg viewer" in viewer
    assert f"<script>{vis}</script>" in page and f"<script>{viewer}</script>" in page


def test_declares_utf8_and_a_policy_that_forbids_fetching(page):
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page[:200]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_written_as_utf8_bytes_whatever_the_locale(page, tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("PYTHONIOENCODING", "latin-1")
    out = write_html(network(Graph().parse(FIXTURES / "lape_small.ttl")), tmp_path / "v.html")
    raw = out.read_bytes()
    assert "Seinäjoen kaupunki".encode() in raw
    assert raw.decode("utf-8") == page


def test_json_in_the_page_cannot_close_its_script(hostile_page):
    body = hostile_page.split('id="lkg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "\u2028" not in body
    data = data_of(hostile_page)
    assert "<script>window.__pwned=1</script>" in {n["label"] for n in data["nodes"]}


def test_hostile_text_appears_nowhere_as_markup(hostile_page):
    outside_data = re.sub(r'<script type="application/json".*?</script>', "", hostile_page,
                          flags=re.DOTALL)
    for script in viewer_scripts():
        outside_data = outside_data.replace(script, "")
    for markup in ("__pwned", "<img", "onerror", "<svg onload", "<iframe"):
        assert markup not in outside_data


def test_script_json_escapes_what_html_would_read():
    assert script_json({"a": "</script><!--&"}) == (
        '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}')
    assert json.loads(script_json({"a": "</script>\u2028"})) == {"a": "</script>\u2028"}


def test_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "verkko.html"
    target.write_text("vanha", encoding="utf-8")
    net = network(Graph().parse(FIXTURES / "hostile.ttl"))
    assert write_html(net, target) == target
    assert [p.name for p in tmp_path.iterdir()] == ["verkko.html"]
    assert target.read_text(encoding="utf-8") == render_html(net)


def test_an_inline_asset_that_would_close_its_element_is_refused():
    with pytest.raises(ValueError, match="end its own element"):
        make_page("t", "", ["var a = '</SCRIPT>';"], [])
    with pytest.raises(ValueError, match="end its own element"):
        make_page("t", "", [], ["a::after { content: '</style>' }"])
