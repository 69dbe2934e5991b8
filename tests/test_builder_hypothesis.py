"""Property-based tests of the builder: arbitrary text never crashes it, and the
graph it writes is always valid RDF."""

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph_builder.model import Document
from graph_builder.pipeline import analyse, emit
from graph_builder.serialize import serialize

FINNISH = st.sampled_from([
    "Hankkeen hallinnoija on Seinäjoen kaupunki.", "Lupa auttaa! -hanke", "(80 %)",
    "899 947 euroa", "1.1.2017–31.12.2018", "LAPE:n", "Sosiaali- ja terveysministeriö (STM)",
    "Hankeaika: ", "- ", "# ", "| a | b |", "eli", "tuttavallisemmin", "<script>", "\n\n",
    "Turkuun", "muutosagentti Mikko Hulkkonen, mikko@example.fi, 044 797 1411",
    "Kehittämiskohteet ovat: 1. A 2. B", "ohjasi", "koordinoi", "\"", "–", "•", "31.2.2018",
])
TEXT = st.lists(st.one_of(FINNISH, st.text(max_size=40)), max_size=25).map(" ".join)


def document(text: str) -> Document:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document("x.txt", "x.txt", text, digest, "text/plain")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_builds_valid_rdf(text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    dataset, _, _ = emit([analyse(document(text))])
    data = serialize(dataset, "turtle")
    Graph().parse(data=data.decode("utf-8"), format="turtle")
    nt = serialize(dataset, "nt")
    Graph().parse(data=nt.decode("utf-8"), format="nt")
