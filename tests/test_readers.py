"""Readers: every format, every encoding, and the files users should not have given us.

Binary and large inputs are made here at run time (in ``tmp_path``); only
small text fixtures are committed, under ``tests/fixtures/readers``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import pickle
import random
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError

from graph_builder import readers
from graph_builder.errors import EmptyDocumentError, LapekgError, OutputError, SourceError
from graph_builder.model import Link
from graph_builder.readers import read_document
from graph_builder.readers.encoding import decode
from graph_builder.readers.html import read_html
from graph_builder.readers.markdown import read_markdown
from graph_builder.readers.normalise import clean_text
from graph_builder.readers.pdf import rejoin_hyphenated
from graph_builder.sources import discover

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SENTENCE = "Hankkeen hallinnoija on Seinäjoen kaupunki. Määrä 899 947 €."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason_of(path: Path, **kwargs: int) -> str:
    with pytest.raises(SourceError) as caught:
        read_document(path, **kwargs)
    assert caught.value.path == str(path)
    return caught.value.reason


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal PDF whose pages show ``pages``' lines in Helvetica (WinAnsi).

    pypdf cannot lay out text, so the content streams are written by hand;
    the cross-reference table is computed, so strict parsers accept it.
    """
    out = io.BytesIO()
    offsets: dict[int, int] = {}

    def obj(number: int, body: bytes) -> None:
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")

    def literal(text: str) -> bytes:
        raw = text.encode("cp1252")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    obj(3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"] + [literal(line) + b" Tj T*" for line in lines]
        content = b"\n".join(ops + [b"ET"])
        obj(4 + 2 * i, (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                        f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
            .encode())
        obj(5 + 2 * i, f"<< /Length {len(content)} >>\nstream\n".encode() + content
            + b"\nendstream")
    count = 4 + 2 * len(pages)
    info = ""
    if title is not None:
        obj(count, b"<< /Title " + literal(title) + b" >>")
        info = f" /Info {count} 0 R"
        count += 1
    xref = out.tell()
    out.write(f"xref\n0 {count}\n0000000000 65535 f \n".encode())
    for number in range(1, count):
        out.write(f"{offsets[number]:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {count} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def encrypted(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="omistaja", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- errors ----------------------------------------------------------------

def test_source_error_names_file_reason_and_line() -> None:
    err = SourceError("path/to/file.html", "cannot read: invalid PDF", line=3)
    assert str(err) == "path/to/file.html: cannot read: invalid PDF (line 3)"
    assert str(SourceError(Path("a/b.txt"), "empty document")) == "a/b.txt: empty document"


def test_errors_share_a_user_facing_base_and_survive_pickling() -> None:
    empty = EmptyDocumentError("x.txt")
    assert isinstance(empty, SourceError) and isinstance(empty, LapekgError)
    assert isinstance(OutputError("o.ttl", "disk full"), LapekgError)
    copy = pickle.loads(pickle.dumps(SourceError("a.pdf", "encrypted PDF", 7)))
    assert (copy.path, copy.reason, copy.line, str(copy)) == ("a.pdf", "encrypted PDF", 7,
                                                              "a.pdf: encrypted PDF (line 7)")
    assert str(pickle.loads(pickle.dumps(empty))) == "x.txt: empty document"


# --- encodings ---------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected", "encoding"), [
    (SENTENCE.encode("utf-8"), SENTENCE, "utf-8"),
    (SENTENCE.encode("utf-8-sig"), SENTENCE, "utf-8-sig"),
    (SENTENCE.encode("utf-16"), SENTENCE, "utf-16-le"),          # Python writes a LE BOM
    (b"\xfe\xff" + SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16-be"),
    (SENTENCE.encode("utf-16-le"), SENTENCE, "utf-16-le"),       # no BOM: NUL pattern
    (SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16-be"),
    (SENTENCE.encode("cp1252"), SENTENCE, "cp1252"),
    ("Määrä 899 947 €.".encode("cp1252"), "Määrä 899 947 €.", "cp1252"),  # short, many ä
    # latin-1 has no €; its bytes are cp1252's, so it is read (and reported) as cp1252.
    (SENTENCE.replace("€", "euroa").encode("latin-1"), SENTENCE.replace("€", "euroa"), "cp1252"),
    (SENTENCE.encode("utf-8") + " Lisää tietoa.".encode("cp1252"),
     SENTENCE + " Lisää tietoa.", "utf-8+cp1252"),
    ("Привет, это тестовое предложение на русском языке. Ещё одно предложение."
     .encode("cp1251"),
     "Привет, это тестовое предложение на русском языке. Ещё одно предложение.", "cp1251"),
], ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-nobom", "utf-16-be-nobom",
        "cp1252", "cp1252-short", "latin-1", "utf-8-with-stray-cp1252", "cp1251"])
def test_encodings_come_back_as_the_same_text(tmp_path: Path, data: bytes, expected: str,
                                             encoding: str) -> None:
    document = read_document(write(tmp_path, "lause.txt", data))
    assert document.text == expected
    assert document.encoding == encoding


def test_finnish_page_in_cp1252_keeps_its_letters(tmp_path: Path) -> None:
    corpus = next(Path(__file__).parents[1].glob("graph_builder/corpus/004_*.txt"))
    text = corpus.read_text(encoding="utf-8")
    document = read_document(write(tmp_path, "sivu.txt", text.encode("cp1252", "replace")))
    assert document.encoding == "cp1252"
    assert "Etelä-Pohjanmaa" in document.text or "Pohjanmaa" in document.text
    assert "ä" in document.text and "Ã" not in document.text


def test_html_meta_charset_is_honoured_when_bytes_are_not_utf8(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{SENTENCE}</p></body></html>'
    document = read_document(write(tmp_path, "sivu.html", page.encode("cp1252")))
    assert document.text == SENTENCE
    assert document.encoding == "cp1252"


def test_utf8_wins_over_a_wrong_declaration(tmp_path: Path) -> None:
    page = f'<meta charset="iso-8859-1"><p>{SENTENCE}</p>'
    assert read_document(write(tmp_path, "sivu.html", page)).text == SENTENCE


@pytest.mark.parametrize(("raw", "clean"), [
    ("rivi\r\ntoinen\rkolmas", "rivi\ntoinen\nkolmas"),
    ("sivu 1\x0csivu 2", "sivu 1\n\nsivu 2"),
    ("Seina\u0308joki", "Seinäjoki"),                 # decomposed ä -> NFC
    ("a\x00b\x01c\x1bd\x7fe\x9ff", "abcdef"),         # C0, DEL, C1 controls
    ("sarkain\tjää", "sarkain\tjää"),                 # tab and newline stay
    ("kehittämis\u00adtyö", "kehittämistyö"),         # soft hyphen
    ("\ufeffalku", "alku"),
    ("rikki \ud800 merkki", "rikki \ufffd merkki"),  # lone surrogate
])
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_text_file_controls_and_newlines_are_cleaned(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Otsikko\r\n\r\nTeksti\x07 jatkuu.\r\n")
    assert read_document(path).text == "Otsikko\n\nTeksti jatkuu.\n"


# --- plain text --------------------------------------------------------------

def test_bundled_text_is_kept_as_is(tmp_path: Path) -> None:
    corpus = next(Path(__file__).parents[1].glob("graph_builder/corpus/000_*.txt"))
    document = read_document(corpus)
    assert document.text == corpus.read_text(encoding="utf-8")
    assert document.media_type == "text/plain"
    assert document.title is None


def test_document_identity_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = SENTENCE.encode("utf-8")
    write(tmp_path, "kortti.txt", data)
    monkeypatch.chdir(tmp_path)
    document = read_document(Path("kortti.txt"))
    assert document.path == "kortti.txt"
    assert document.name == "kortti.txt"
    assert document.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(("name", "content", "media_type"), [
    ("a.txt", "Teksti.", "text/plain"),
    ("a.TXT", "Teksti.", "text/plain"),
    ("a.md", "# Otsikko", "text/markdown"),
    ("a.markdown", "# Otsikko", "text/markdown"),
    ("a.html", "<p>Teksti.</p>", "text/html"),
    ("a.htm", "<p>Teksti.</p>", "text/html"),
    ("a.xhtml", "<p>Teksti.</p>", "text/html"),
    ("LUEMINUT", "Teksti.", "text/plain"),
    ("sivu", "<!DOCTYPE html><p>Teksti.</p>", "text/html"),
    ("raportti.docx.txt", "Teksti.", "text/plain"),
])
def test_media_type_follows_suffix_or_content(tmp_path: Path, name: str, content: str,
                                              media_type: str) -> None:
    assert read_document(write(tmp_path, name, content)).media_type == media_type


# --- markdown ----------------------------------------------------------------

def test_markdown_fixture() -> None:
    document = read_document(FIXTURES / "press_release.md")
    expected = (FIXTURES / "press_release.expected.md").read_text(encoding="utf-8")
    assert document.text == expected.strip("\n")
    assert document.title == "LAPE-muutosohjelmalle jatkoa"
    assert document.links == (
        Link("tiedote", "https://stm.fi/tiedote"),
        Link("taustaa", "https://stm.fi/lape"),
        Link("etunimi.sukunimi@stm.fi", "mailto:etunimi.sukunimi@stm.fi"),
    )


@pytest.mark.parametrize(("source", "text"), [
    ("# Otsikko #", "# Otsikko"),
    ("Otsikko\n---", "## Otsikko"),
    ("- a\n  - b\n* c\n+ d", "- a\n- b\n- c\n- d"),
    ("1) yksi\n2. kaksi", "1. yksi\n2. kaksi"),
    ("- [x] tehty", "- tehty"),
    ("a | b\n--|--\n1 | 2", "| a | b |\n| 1 | 2 |"),
    ("Teksti ![kuva](k.png \"otsikko\") jatkuu", "Teksti  jatkuu"),
    ("ennen<!-- piilo\nrivit -->jälkeen", "ennenjälkeen"),
    ("a <script>alert(1)</script> b", "a  b"),
    ("<b>lihava</b> ja <span class=\"x\">väli</span>", "lihava ja väli"),
    ("&lt;script&gt; &amp; &auml;", "<script> & ä"),
    ("\\*ei korostus\\*", "*ei korostus*"),
    ("***\n\nteksti", "teksti"),
    ("---\nEi etukappale vaan teksti.\n---\nloppu", "## Ei etukappale vaan teksti.\nloppu"),
    ("#hashtag ei ole otsikko", "#hashtag ei ole otsikko"),
    ("```python\nx = '[a](b)'\n```", "x = '[a](b)'"),
    ("Käytä <Ctrl> ja a < b > c", "Käytä <Ctrl> ja a < b > c"),
    ("Laske 2 * 3 * 4 ja snake_case_nimi", "Laske 2 * 3 * 4 ja snake_case_nimi"),
])
def test_markdown_lines(source: str, text: str) -> None:
    assert read_markdown(source).text == text


@pytest.mark.parametrize(("source", "links"), [
    ("[STM](https://stm.fi)", (Link("STM", "https://stm.fi"),)),
    ("[klik](javascript:alert(1))", ()),
    ("[paikallinen](../hanke.html) [alku](#alku)", (Link("paikallinen", "../hanke.html"),)),
    ("[puhelin](tel:+358401234567)", (Link("puhelin", "tel:+358401234567"),)),
    ("[data](data:text/html,<script>alert(1)</script>)", ()),
    ("[a][x] [b][x]\n\n[x]: https://x.fi", (Link("a", "https://x.fi"), Link("b", "https://x.fi"))),
    ("[**Lihava** linkki](https://x.fi)", (Link("Lihava linkki", "https://x.fi"),)),
])
def test_markdown_links(source: str, links: tuple[Link, ...]) -> None:
    assert read_markdown(source).links == links


def test_markdown_javascript_link_keeps_its_text() -> None:
    assert read_markdown("Paina [tästä](javascript:alert(1)).").text == "Paina tästä."


@pytest.mark.parametrize("line", [
    "[" * 200_000, "**a " * 50_000, "<!--" * 50_000, "<script" * 50_000, "](" * 100_000,
    "![" * 100_000, "_a " * 60_000, "a`" * 100_000, "# a" + " " * 200_000 + "b",
    "|" + " " * 200_000 + "x|", "- " + " -" * 100_000 + " x", "[a]" + " " * 200_000 + "(x)",
])
def test_markdown_pathological_lines_are_read(line: str) -> None:
    # Each of these is quadratic for an unbounded regex; here each must finish
    # and keep its length about right (no text lost, none invented).
    text = read_markdown(line).text
    assert 0 < len(text) <= len(line)


# --- HTML --------------------------------------------------------------------

def test_html_fixture_drops_chrome_and_keeps_structure() -> None:
    document = read_document(FIXTURES / "project_card.html")
    expected = (FIXTURES / "project_card.expected.md").read_text(encoding="utf-8")
    assert document.text == expected.strip("\n")
    assert document.title == "Hankekortti: Lupa auttaa! | Esimerkkimaakunta"
    assert document.links == (
        Link("STM:n sivuilta", "https://stm.fi/lape"),
        Link("maija.meikalainen@example.fi", "mailto:maija.meikalainen@example.fi"),
    )
    for chrome in ("Hankkeet", "Uutiset", "evästeitä", "Hyväksy", "Lue myös", "©", "tracker"):
        assert chrome not in document.text


@pytest.mark.parametrize(("body", "text"), [
    ("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>",
     "# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F"),
    ("<ul><li>yksi</li><li>kaksi</li></ul><p>väli</p><ol start=\"3\"><li>c</li><li>d</li></ol>",
     "- yksi\n- kaksi\n\nväli\n\n3. c\n4. d"),
    ("<ul><li>ylä<ul><li>ala</li></ul></li></ul>", "- ylä\n- ala"),
    ("<table><tr><th>A</th><th>B</th></tr><tr><td>x|y</td><td><p>1</p><p>2</p></td></tr>"
     "<tr><td></td><td></td></tr></table>", "| A | B |\n| x\\|y | 1 2 |"),
    ("<p>rivi<br>toinen</p><div>lohko</div>", "rivi\n\ntoinen\n\nlohko"),
    ("<pre>a  b\nc</pre>", "a  b\nc"),
    ("<dl><dt>Rahoittaja</dt><dd>STM</dd><dt>Yksin</dt></dl>", "Rahoittaja: STM\n\nYksin"),
    ("<p>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;</p>",
     "Tom & Jerry <script>alert(1)</script> \"x\""),
    ("<p>ennen<script>alert(1)</script><style>p{}</style><noscript>ns</noscript>"
     "<template><p>t</p></template>jälkeen</p>", "ennenjälkeen"),
    ("<p>kuva<img src=x onerror=\"alert(1)\">tässä</p>", "kuvatässä"),
    ("<p>näkyy</p><p hidden>piilo</p><p aria-hidden=\"true\">piilo</p>"
     "<p style=\"display: none\">piilo</p><div role=\"navigation\">valikko</div>", "näkyy"),
    ("<p>a<svg><text>kuvio</text></svg><iframe src=x>if</iframe><select><option>o</option>"
     "</select>b</p>", "ab"),
    # &#0; and a surrogate reference are U+FFFD by the HTML standard; &shy; is removed.
    ("<p>vä&shy;li&#0;lyönti&#xD800;</p>", "väli\ufffdlyönti\ufffd"),
    ("<p>  monta   välilyöntiä\n ja\trivinvaihto </p>", "monta välilyöntiä ja rivinvaihto"),
    ("<p>sitova&nbsp;väli</p>", "sitova\u00a0väli"),
])
def test_html_structure_and_text(body: str, text: str) -> None:
    assert read_html(f"<!DOCTYPE html><html><body>{body}</body></html>").text == text


@pytest.mark.parametrize(("page", "text"), [
    ("<header>Sivusto</header><main><header><h1>Artikkeli</h1></header><p>sisältö</p></main>"
     "<footer>alatunniste</footer>", "# Artikkeli\n\nsisältö"),
    ("<p>sivupalkki</p><article><p>yksi</p></article><div>väli</div><article><p>kaksi</p>"
     "</article>", "yksi\n\nkaksi"),
    ("<div role=\"main\"><p>sisältö</p></div><p>muu</p>", "sisältö"),
    ("<main><script>x</script></main><p>kaikki muu</p>", "kaikki muu"),
    ("<form id=\"aspnetForm\"><h1>Otsikko</h1><p>Koko sivu lomakkeessa.</p></form>",
     "# Otsikko\n\nKoko sivu lomakkeessa."),
    ("<form><label>Hae</label><input name=q></form><p>sisältö</p>", "sisältö"),
])
def test_html_content_root(page: str, text: str) -> None:
    assert read_html(f"<html><body>{page}</body></html>").text == text


@pytest.mark.parametrize(("anchor", "links"), [
    ('<a href="https://stm.fi">STM</a>', (Link("STM", "https://stm.fi"),)),
    ('<a href="mailto:a@b.fi">posti</a>', (Link("posti", "mailto:a@b.fi"),)),
    ('<a href="tel:+3586123">puh</a>', (Link("puh", "tel:+3586123"),)),
    ('<a href="/hankkeet/lupa">suhteellinen</a>', (Link("suhteellinen", "/hankkeet/lupa"),)),
    ('<a href="javascript:alert(1)">js</a>', ()),
    ('<a href="JaVa&#09;ScRiPt:alert(1)">js</a>', ()),
    ('<a href=" javascript:alert(1)">js</a>', ()),
    ('<a href="data:text/html,x">data</a>', ()),
    ('<a href="vbscript:x">vb</a>', ()),
    ('<a href="#alku">alkuun</a>', ()),
    ('<a>ei kohdetta</a>', ()),
    ('<a href="https://x.fi/?a=1&amp;b=2">A &amp; <b>B</b></a>',
     (Link("A & B", "https://x.fi/?a=1&b=2"),)),
])
def test_html_links(anchor: str, links: tuple[Link, ...]) -> None:
    extracted = read_html(f"<html><body><p>{anchor}</p></body></html>")
    assert extracted.links == links
    assert "javascript" not in extracted.text.lower()


def test_html_link_around_blocks_keeps_their_text() -> None:
    extracted = read_html('<main><a href="/hanke"><h2>Lupa auttaa!</h2><p>Kuvaus</p></a></main>')
    assert extracted.text == "## Lupa auttaa!\n\nKuvaus"
    assert extracted.links == (Link("Lupa auttaa! Kuvaus", "/hanke"),)


def test_html_link_text_stays_inline() -> None:
    extracted = read_html('<p>Lue <a href="javascript:x()">lisää</a> tästä.</p>')
    assert extracted.text == "Lue lisää tästä."


@pytest.mark.parametrize(("page", "title"), [
    ("<title> Sivun   otsikko </title><h1>Pää</h1>", "Sivun otsikko"),
    ("<h2>Ala</h2><h1>Pää &amp; muu</h1>", "Pää & muu"),
    ("<p>ei otsikkoa</p>", None),
])
def test_html_title(page: str, title: str | None) -> None:
    assert read_html(f"<html><head></head><body>{page}</body></html>").title == title


@pytest.mark.parametrize("tag", ["div", "span", "b", "section", "blockquote"])
def test_html_nested_20000_deep(tag: str) -> None:
    depth = 20_000
    page = f"<html><body>{f'<{tag}>' * depth}syvällä{f'</{tag}>' * depth}<p>pinnalla</p>"
    text = read_html(page).text
    assert "syvällä" in text and "pinnalla" in text


def test_html_nested_lists_and_tables_20000_deep() -> None:
    depth = 20_000
    lists = "<ul><li>" * depth + "lehti" + "</li></ul>" * depth
    tables = "<table><tr><td>" * 2_000 + "solu" + "</td></tr></table>" * 2_000
    text = read_html(f"<body>{lists}{tables}</body>").text
    assert "- lehti" in text and "solu" in text


def test_html_unclosed_deep_tags(tmp_path: Path) -> None:
    page = "<div><p><span><a href='https://x.fi'>" * 10_000 + "loppu"
    document = read_document(write(tmp_path, "rikki.html", page))
    assert "loppu" in document.text


# --- PDF ---------------------------------------------------------------------

def test_pdf_text_pages_and_hyphenation(tmp_path: Path) -> None:
    pdf = make_pdf([
        ["Hankkeen hallinnoija on Seinäjoen kaupunki.",
         "Hanke tukee kehittä-", "mistyötä ja Sosiaali-", "ja terveysministeriö (STM) rahoittaa."],
        ["Toinen sivu: 899 947 €."],
    ], title="Loppuraportti")
    document = read_document(write(tmp_path, "raportti.pdf", pdf))
    assert document.media_type == "application/pdf"
    assert document.title == "Loppuraportti"
    assert document.text == (
        "Hankkeen hallinnoija on Seinäjoen kaupunki.\n"
        "Hanke tukee kehittämistyötä ja Sosiaali- ja terveysministeriö (STM) rahoittaa."
        "\n\nToinen sivu: 899 947 €."
    )


@pytest.mark.parametrize(("raw", "joined"), [
    ("kehittä-\nmistyö", "kehittämistyö"),
    ("Sosiaali-\nja terveys", "Sosiaali- ja terveys"),
    ("Sosiaali- ja terveys", "Sosiaali- ja terveys"),
    ("LAPE-\nmuutosohjelma", "LAPE-muutosohjelma"),
    ("linja-\nauto", "linja-auto"),
    ("2017-\n2018", "2017-\n2018"),
    ("Etelä-\nPohjanmaa", "Etelä-\nPohjanmaa"),
    ("lista:\n- kohta", "lista:\n- kohta"),
    ("väli- \n  viiva", "väliviiva"),
])
def test_rejoin_hyphenated(raw: str, joined: str) -> None:
    assert rejoin_hyphenated(raw) == joined


def test_pdf_by_magic_whatever_the_suffix(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "liite.txt", make_pdf([["Piilotettu PDF."]])))
    assert document.media_type == "application/pdf"
    assert document.text == "Piilotettu PDF."


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "salattu.pdf", encrypted(make_pdf([["Salaista."]]), "salasana"))
    assert reason_of(path) == "encrypted PDF"


def test_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "rajattu.pdf", encrypted(make_pdf([["Avoin teksti."]]), ""))
    assert read_document(path).text == "Avoin teksti."


def test_pdf_needing_a_crypto_package_says_so(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def needs_cryptography(self: PdfReader, password: str) -> int:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs_cryptography)
    path = write(tmp_path, "aes.pdf", encrypted(make_pdf([["x"]]), ""))
    assert reason_of(path) == ("encrypted PDF that needs an extra package: "
                               "cryptography>=3.1 is required for AES algorithm")


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\nthis is not a PDF at all",
    b"%PDF-",
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>",
])
def test_damaged_pdf(tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    reason = reason_of(write(tmp_path, "rikki.pdf", data))
    assert reason.startswith("damaged PDF: ")
    assert capsys.readouterr().err == ""  # pypdf's repair chatter is silenced


def test_truncated_pdf(tmp_path: Path) -> None:
    pdf = make_pdf([["Ensimmäinen sivu."], ["Toinen sivu."]])
    path = write(tmp_path, "katkennut.pdf", pdf[: len(pdf) // 3])
    reason = reason_of(path)
    assert reason.startswith("damaged PDF") or reason == "no text layer (scanned PDF?)"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert reason_of(write(tmp_path, "skannattu.pdf", out.getvalue())) == (
        "no text layer (scanned PDF?)")


def test_pdf_suffix_on_a_web_page(tmp_path: Path) -> None:
    path = write(tmp_path, "raportti.pdf", "<html><body>403 Forbidden</body></html>")
    assert reason_of(path).startswith("damaged PDF: no PDF header")


# --- hostile files -------------------------------------------------------------

def _zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.txt", "sisältö")
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("kuva.txt", PNG, "binary file, not text (PNG image)"),
    ("kuva.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary file, not text (JPEG image)"),
    ("kuva.md", b"GIF89a\x01\x00\x01\x00\x00\x00\x00", "binary file, not text (GIF image)"),
    ("paketti", _zip_bytes(), "binary file, not text (ZIP archive or office document)"),
    ("paketti.txt", gzip.compress(b"teksti"), "binary file, not text (gzip archive)"),
    ("ohjelma", b"\x7fELF\x02\x01\x01\x00", "binary file, not text (program)"),
    ("nul.txt", b"teksti\x00\x00\x00\x00binaaria", "binary file, not text"),
    ("satunnainen.txt", bytes(b for b in random.Random(5).randbytes(4000) if b),
     "binary file, not text"),
    ("korkeat.txt", bytes(random.Random(6).randrange(0x80, 0x100) for _ in range(4000)),
     "binary file, not text"),
    ("ohjausmerkit.txt", bytes(range(1, 32)) * 50, "binary file, not text"),
    ("bom-roskaa.txt", b"\xef\xbb\xbf" + bytes(range(0x80, 0xc0)) * 20, "binary file, not text"),
])
def test_binary_files_are_refused(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    assert reason_of(write(tmp_path, name, data)) == reason


@pytest.mark.parametrize(("name", "data"), [
    ("tyhja.txt", b""),
    ("tyhja.pdf", b""),
    ("valit.txt", b" \n\t\r\n  "),
    ("valit.md", b"\n\n<!-- vain kommentti -->\n"),
    ("bom.txt", b"\xef\xbb\xbf\n"),
    ("utf16-valit.txt", "  \n ".encode("utf-16")),
    ("tyhja.html", b"<html><head><title>Otsikko</title></head><body><script>x()</script></body>"),
])
def test_empty_documents(tmp_path: Path, name: str, data: bytes) -> None:
    with pytest.raises(EmptyDocumentError) as caught:
        read_document(write(tmp_path, name, data))
    assert caught.value.reason == "empty document"


def test_stray_nul_after_the_head_is_removed(tmp_path: Path) -> None:
    # NUL in the first 8 KiB means binary (git's rule); a stray one later is cleaned away.
    data = b"Seinajoki.\n" * 1000 + b"Loppu\x00."
    assert read_document(write(tmp_path, "nul.txt", data)).text.endswith("Loppu.")


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "iso.txt", b"a" * 3 * 2**20)
    assert reason_of(path, max_bytes=2 * 2**20) == "too large (3 MB > 2 MB limit)"
    assert reason_of(path, max_bytes=1536) == "too large (3 MB > 1.5 kB limit)"


def test_file_growing_past_the_limit_while_read(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "kasvaa.txt", b"a" * 100)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:  # the size seen before the file grew
        result = real_fstat(fd)
        return os.stat_result((*result[:6], 10, *result[7:]))

    monkeypatch.setattr(readers.os, "fstat", stale_fstat)
    assert reason_of(path, max_bytes=50).startswith("too large")
    assert read_document(path, max_bytes=500).text == "a" * 100


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    line = ("Seinäjoen kaupunki hallinnoi hanketta " * 300_000)[: 10 * 2**20]
    for name, data in [("rivi.txt", line), ("rivi.md", line), ("rivi.html", f"<p>{line}</p>")]:
        document = read_document(write(tmp_path, name, data))
        assert document.text.startswith("Seinäjoen kaupunki") and "\n" not in document.text


def test_twenty_megabyte_file_reads_with_bounded_memory(
        tmp_path: Path, record_property: object) -> None:
    line = "Hankkeen hallinnoija on Seinäjoen kaupunki ja rahoittaja STM, 899 947 €.\n"
    data = (line * (20 * 2**20 // len(line.encode()) + 1)).encode()
    path = write(tmp_path, "suuri.txt", data)
    del data
    tracemalloc.start()
    try:
        document = read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert document.text.startswith(line)
    size = path.stat().st_size
    record_property("file_mb", round(size / 2**20, 1))  # type: ignore[operator]
    record_property("peak_mb", round(peak / 2**20, 1))  # type: ignore[operator]
    print(f"\n20 MB read: file {size / 2**20:.1f} MB, tracemalloc peak {peak / 2**20:.1f} MB")


def test_folder_fifo_and_missing_file(tmp_path: Path) -> None:
    assert reason_of(tmp_path) == "is a folder, not a file"
    assert reason_of(tmp_path / "ei-ole.txt") == "file not found (moved or deleted?)"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "putki.txt")
        assert reason_of(tmp_path / "putki.txt") == "not a regular file (device, pipe or socket)"


def test_symlink_loop_named_directly(tmp_path: Path) -> None:
    loop = tmp_path / "silmukka.txt"
    loop.symlink_to(loop)
    assert reason_of(loop) == "symbolic link loop"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root (or Windows) can read a file without read permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "suljettu.txt", SENTENCE)
    path.chmod(0)
    try:
        assert reason_of(path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Also meaningful as root, which chmod 000 cannot stop.
    path = write(tmp_path, "suljettu.txt", SENTENCE)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(readers, "open", denied, raising=False)
    assert reason_of(path) == "permission denied"


def test_file_vanishing_between_stat_and_open(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "katoava.txt", SENTENCE)
    real_open = open

    def vanish_then_open(file: Path, *args: object, **kwargs: object) -> object:
        os.unlink(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(readers, "open", vanish_then_open, raising=False)
    assert reason_of(path) == "file not found (moved or deleted?)"


def test_other_os_errors_have_a_plain_reason(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "levy.txt", SENTENCE)

    def io_error(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(readers, "open", io_error, raising=False)
    assert reason_of(path) == "cannot read: Input/output error"


def test_decode_never_returns_binary_as_text() -> None:
    # cp1252 maps every byte but five; the plausibility check is what refuses this.
    data = bytes(b for b in random.Random(9).randbytes(20_000) if b)
    with pytest.raises(readers.Unreadable):
        decode(data[8192:])


def test_folder_of_bad_sources_names_each_bad_file_once(tmp_path: Path) -> None:
    # Issue 5's folder: every bad source gets one error naming it; the good ones read.
    good = {
        "hyva.txt": "Hankkeen hallinnoija on Seinäjoen kaupunki.",
        "cp1252.txt": "Määrä 899 947 €.".encode("cp1252"),
        "utf16.txt": "Seinäjoen kaupunki.".encode("utf-16"),
        "skripti.html": "<p>Teksti<script>alert(1)</script><img src=x onerror=alert(2)>"
                        "<a href='javascript:alert(3)'>linkki</a></p>",
        "syva.html": "<div>" * 20_000 + "syvä" + "</div>" * 20_000,
        "raportti.pdf": make_pdf([["Loppuraportti."]]),
        "a/sama.txt": "Ensimmäinen.",
        "b/sama.txt": "Toinen.",
    }
    bad = {
        "tyhja.txt": b"",
        "valit.md": b"  \n\t\n",
        "kuva.txt": PNG,
        "paketti.html": b"PK\x03\x04\x14\x00\x00\x00",
        "roskaa.txt": bytes(b for b in bytes(range(1, 256)) * 20),
        "rikki.pdf": b"%PDF-1.4\nrikki",
        "salattu.pdf": encrypted(make_pdf([["Salainen."]]), "salasana"),
    }
    for name, content in {**good, **bad}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path, name, content)
    if sys.platform != "win32":
        (tmp_path / "silmukka").symlink_to(tmp_path, target_is_directory=True)
    found = discover([tmp_path])
    errors: dict[str, str] = {}
    texts: dict[str, str] = {}
    for path in found.files:
        key = path.relative_to(tmp_path).as_posix()
        try:
            texts[key] = read_document(path).text
        except SourceError as err:
            assert key not in errors
            assert str(err).startswith(f"{path}: ")
            errors[key] = err.reason
    assert sorted(errors) == sorted(bad)
    assert sorted(texts) == sorted(good)
    assert texts["b/sama.txt"] == "Toinen." and texts["a/sama.txt"] == "Ensimmäinen."
    assert "alert" not in texts["skripti.html"]
    if sys.platform != "win32":
        assert [w.path for w in found.warnings] == [str(tmp_path / "silmukka")]
