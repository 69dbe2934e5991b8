"""Money an organisation pays (``lkg:contributes``): one short invented text per rule.

Each row: a text, then contributions (organisation key, amount, year or None) that
must be built from it, then (organisation key, amount) pairs that must not be.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph_builder.pipeline import analyse, emit
from graph_builder.readers import read_document
from graph_builder.serialize import union_graph

ROWS = [
    pytest.param(
        "Säkylän kunnan omarahoitusosuus on yhteensä 12 300 euroa, josta vuodelle 2018 "
        "kohdistuu 4 100 euroa ja vuodelle 2019 8 200 euroa.",
        [("municipality:783", "12300", None), ("municipality:783", "4100", "2018"),
         ("municipality:783", "8200", "2019")], [],
        id="genitive-own-share-and-year-split"),
    pytest.param(
        "Säkylän kunnan osuus 2018: 5 000 €, 2019: 5 250 €.",
        [("municipality:783", "5000", "2018"), ("municipality:783", "5250", "2019")], [],
        id="year-before-each-amount"),
    pytest.param(
        "Lahden ammattikorkeakoulun osuus hankkeen kustannuksista on noin 90 000 euroa (15 %).",
        [("org:lahden-ammattikorkeakoulu", "90000", None)], [],
        id="genitive-share-of-costs"),
    pytest.param(
        "Kokemäen kaupunki maksaa Porin kaupungille 7 000 euroa hankkeen kuluihin.",
        [("municipality:271", "7000", None)], [("municipality:609", "7000")],
        id="verb-payer-not-the-recipient"),
    pytest.param(
        "Kunnan omavastuu on 3 000 euroa. Hankkeen kokonaiskustannusarvio on 500 000 euroa.",
        [], [],
        id="generic-kunnan-names-no-one"),
    pytest.param(
        "Porin kaupungin hallinnoiman hankkeen valtionavustus on 400 000 euroa.",
        [], [("municipality:609", "400000")],
        id="genitive-of-an-administrator-pays-nothing"),
    pytest.param(
        "Säkylän kunnan osuus on 20 %, ja valtionavustus on 400 000 euroa.",
        [], [("municipality:783", "400000")],
        id="another-kind-of-money-breaks-the-tie"),
    pytest.param(
        "Säkylän kunnan osuus on 6 000 euroa ja Euran kunnan osuus 9 000 euroa.",
        [("municipality:783", "6000", None), ("municipality:050", "9000", None)],
        [("municipality:783", "9000"), ("municipality:050", "6000")],
        id="two-payers-one-sentence"),
]


def _analyse(tmp_path: Path, text: str):
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    return analyse(read_document(source))


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_contributions(tmp_path: Path, text: str, wanted: list, unwanted: list) -> None:
    result = _analyse(tmp_path, text)
    got = {}
    for f in result.facts:
        if f.predicate == "contributes":
            extra = dict(f.extra)
            year = extra["start"].iso() if "start" in extra else None
            got[(f.subject, format(f.obj.normalize(), "f"))] = year
    for org, amount, year in wanted:
        assert (org, amount) in got, f"missing {org} {amount}: {got}"
        assert got[(org, amount)] == year
    for pair in unwanted:
        assert pair not in got
    if not wanted:
        assert not got


def test_contribution_meets_the_project_on_one_node(tmp_path: Path) -> None:
    """With the project known, the organisation's funding is the project's too."""
    from rdflib.namespace import RDF

    from ontology.namespaces import LKG

    result = _analyse(tmp_path, "Lähiverkko-hanke toteutetaan vuosina 2018–2019. "
                                "Säkylän kunnan omarahoitusosuus Lähiverkko-hankkeessa "
                                "on 12 300 euroa.")
    quads, _, _ = emit([result])
    graph = union_graph(quads)
    paid = set(graph.objects(None, LKG.contributes))
    owned = set(graph.objects(None, LKG.hasFunding))
    assert len(paid) == 1 and paid == owned
    node = next(iter(paid))
    assert (node, RDF.type, LKG.Funding) in graph
    assert str(graph.value(node, LKG.amount)) == "12300.0"
    assert str(graph.value(node, LKG.fundingKind)).endswith("own-contribution")
    # one evidence record a triple and sentence, with one rule: the amount is stated once
    for evidence in graph.subjects(RDF.type, LKG.Evidence):
        assert len(list(graph.objects(evidence, LKG.rule))) == 1


@pytest.mark.parametrize(("text", "own_total"), [
    pytest.param("Hankkeen kuntien omarahoitusosuus on 100 000 euroa. ", Decimal("100000"),
                 id="the-project-total-counts-not-its-parts"),
    pytest.param("", Decimal("12300"), id="the-payer-total-counts-not-its-years"),
])
def test_funding_by_region_counts_no_part_twice(tmp_path: Path, text: str,
                                                 own_total: Decimal) -> None:
    """funding-by-region sums each region's money once: an organisation's share and the
    years of that share are parts of amounts the text also states."""
    import queries
    from queries.store import from_rdflib

    result = _analyse(tmp_path, "Satakunnan Lähiverkko -hanke toteutetaan vuosina 2018–2019. "
                                "Hankkeen kokonaiskustannusarvio on 500 000 euroa. " + text +
                                "Säkylän kunnan omarahoitusosuus on yhteensä 12 300 euroa, "
                                "josta vuodelle 2018 kohdistuu 4 100 euroa ja vuodelle 2019 "
                                "8 200 euroa.")
    quads, _, _ = emit([result])
    found = queries.run("funding-by-region", from_rdflib(union_graph(quads)))
    kind, total = found.columns.index("kindName"), found.columns.index("total")
    rows = {str(r[kind]): Decimal(str(r[total])) for r in found.rows}
    assert rows["own-contribution"] == own_total
    assert rows["total-cost"] == Decimal("500000")
