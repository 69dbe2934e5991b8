"""One offline HTML page: vis-network, the viewer and the data, inlined.

The page must draw with no network at all, on any platform: vis-network's
script and style are read from the pyvis package (``pyvis/lib/vis-9.1.2``)
and inlined, the viewer (``assets/viewer.js``, ``assets/viewer.css``) too;
nothing is referenced over http(s). A Content-Security-Policy allows only
these inline scripts (by hash) and data: images, so even markup that slipped
into the page could neither run nor fetch anything. The data travel as JSON
in a non-executed ``<script type="application/json">`` with ``<``, ``>`` and
``&`` escaped, and the viewer builds every text with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from lapekg.atomic import atomic_write_text

if TYPE_CHECKING:
    from visualisations.network import LapekgNetwork

VIS_DIR = "lib/vis-9.1.2"


@dataclass(frozen=True)
class Assets:
    """The scripts and styles every page inlines."""

    vis_js: str
    vis_css: str
    viewer_js: str
    viewer_css: str
    page_css: str
    report_css: str


def _text(package: str, path: str) -> str:
    return resources.files(package).joinpath(path).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def assets() -> Assets:
    """Read once: vis-network from the installed pyvis, the viewer from lapekg."""
    return Assets(
        vis_js=_text("pyvis", f"{VIS_DIR}/vis-network.min.js"),
        vis_css=_text("pyvis", f"{VIS_DIR}/vis-network.css"),
        viewer_js=_text("visualisations", "assets/viewer.js"),
        viewer_css=_text("visualisations", "assets/viewer.css"),
        page_css=_text("visualisations", "assets/page.css"),
        report_css=_text("visualisations", "assets/report.css"),
    )


def script_json(value: object) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_policy(scripts: list[str]) -> str:
    """Nothing from anywhere; only these inline scripts; styles and data: images."""
    hashes = " ".join(_hash(s) for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


def page(title: str, body: str, scripts: list[str], styles: list[str]) -> str:
    """A whole page: UTF-8, Finnish, the given inline styles and scripts (in order)."""
    for code in (*scripts, *styles):
        if re.search(r"</(script|style)", code, re.IGNORECASE):
            raise ValueError("an inline script or style would end its own element early")
    style_tags = "".join(f"<style>{css}</style>\n" for css in styles)
    script_tags = "".join(f"<script>{js}</script>\n" for js in scripts)
    policy = escape(content_policy(scripts), quote=False).replace('"', "&quot;")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{style_tags}</head>\n"
        f"<body>\n{body}\n{script_tags}</body>\n</html>\n"
    )


def network_data(net: LapekgNetwork) -> dict:
    """Everything the viewer needs, as one JSON-able value."""
    return {"nodes": net.nodes, "edges": net.edges, "options": net.options,
            "legend": net.legend, "regions": net.regions, "large": net.large}


def network_block(net: LapekgNetwork) -> str:
    """The viewer's markup (controls, legend, canvas, info panel) and its data."""
    return f"""<div class="lkg-viz" id="lkg-viz">
<div class="lkg-bar">
<input type="search" id="lkg-search" list="lkg-names" placeholder="Hae nimellä…"
 aria-label="Hae nimellä">
<datalist id="lkg-names"></datalist>
<select id="lkg-region" aria-label="Maakunta"><option value="">Kaikki maakunnat</option></select>
<button type="button" id="lkg-reset">Näytä kaikki</button>
<span id="lkg-status" class="lkg-status" role="status"></span>
</div>
<div class="lkg-main">
<div id="lkg-network" class="lkg-canvas"></div>
<aside class="lkg-side">
<div class="lkg-legend-box"><h2>Selite</h2><ul id="lkg-legend" class="lkg-legend"></ul></div>
<div id="lkg-info" class="lkg-info"><p class="lkg-hint">Vie osoitin solmun tai yhteyden päälle
nähdäksesi tiedot ja lähdelauseet; napsauta solmua korostaaksesi sen naapurit.</p></div>
</aside>
</div>
</div>
<script type="application/json" id="lkg-data">{script_json(network_data(net))}</script>"""


def viewer_scripts() -> list[str]:
    """vis-network, then the viewer that reads ``#lkg-data``."""
    return [assets().vis_js, assets().viewer_js]


def viewer_styles() -> list[str]:
    """vis-network's style and the viewer's."""
    return [assets().vis_css, assets().viewer_css]


def render_html(net: LapekgNetwork) -> str:
    """The network as one offline page."""
    title = net.heading or "lapekg"
    body = f'<h1 class="lkg-title">{escape(title)}</h1>\n{network_block(net)}'
    return page(title, body, viewer_scripts(), [*viewer_styles(), assets().page_css])


def write_html(net: LapekgNetwork, path: str | os.PathLike[str]) -> Path:
    """Write the page to ``path`` as UTF-8, atomically; never opens a browser."""
    atomic_write_text(path, render_html(net))
    return Path(path)
