"""Property tests: whatever bytes a file holds, reading it fails cleanly or gives clean text."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_builder.errors import SourceError
from graph_builder.readers import read_document

SUFFIXES = (".txt", ".html", ".md")
_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")

# Bytes that look like the inputs readers meet: markup, Finnish text in
# several encodings, control bytes, BOMs and magic numbers.
_fragments = st.sampled_from([
    b"<p>", b"</p>", b"<h1>", b"<li>", b"<table><tr><td>", b"<a href='javascript:x'>", b"</a>",
    b"<script>", b"</script>", b"<!--", b"-->", b"&lt;", b"&#0;", b"&#xD800;", b"&amp",
    b"# ", b"- ", b"| a | b |\n", b"|---|---|\n", b"[t](u)", b"![i](j)", b"**", b"```\n",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\r\n", b"\n\n", b"%PDF-1.4\n",
    "Seinäjoen kaupunki 899 947 €. ".encode(), "Määrä ".encode("cp1252"),
    "Hanke ".encode("utf-16-le"), b"\x89PNG\r\n\x1a\n", b"PK\x03\x04",
])
_contents = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(_fragments, st.binary(max_size=20)), max_size=60).map(b"".join),
    st.text(max_size=500).map(lambda s: s.encode("utf-8", "surrogatepass")),
)


def _read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"syote{suffix}"
        path.write_bytes(data)
        try:
            document = read_document(path)
        except SourceError as err:
            assert err.path == str(path)
            assert err.reason and "\n" not in err.reason
            return
    assert not _FORBIDDEN.search(document.text)
    assert document.text.strip()
    assert not _FORBIDDEN.search(document.title or "")
    for link in document.links:
        assert not _FORBIDDEN.search(link.text + link.href)
        assert not link.href.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))
    document.text.encode("utf-8")  # valid Unicode all the way through


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_contents, suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_read_cleanly_or_fail_with_source_error(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@settings(max_examples=150, deadline=None)
@given(text=st.text(min_size=1, max_size=300), suffix=st.sampled_from(SUFFIXES))
def test_any_unicode_text_in_utf8_never_gives_nul_or_surrogates(text: str, suffix: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"), suffix)
