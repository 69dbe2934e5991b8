"""Facts stated once for a group of projects (graph_builder.collective)."""

from decimal import Decimal
from pathlib import Path

import pytest

from graph_builder.collective import group_word
from graph_builder.morphology import tokenize
from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

CASES = Path(__file__).parent / "cases"


def _facts(tmp_path: Path, text: str, name: str = "tiedote.txt") -> list:
    src = tmp_path / name
    src.write_text(text, "utf-8")
    return analyse(read_document(src)).facts


@pytest.mark.parametrize(("sentence", "word"), [
    ("Hankkeiden toteutusaika on 1.4.2017–31.12.2018.", "Hankkeiden"),
    ("Ministeriö myönsi avustukset viidelle maakunnalliselle hankkeelle.", "hankkeelle"),
    ("Muutosta on tehty kaikissa maakunnissa omalla LAPE-hankkeella.", "LAPE-hankkeella"),
    ("Maakunnalliset projektit päättyivät vuonna 2018.", "projektit"),
    ("Muutosohjelma on yksi hallituksen kärkihankkeista.", None),   # programmes
    ("Avustus kohdistuu kärkihankkeeseen ja osahankkeisiin.", None),  # the page's parts
    ("Hankkeen toteutusaika on 1.4.2017–31.12.2018.", None),         # one project
    ("Ministeriö myönsi avustuksen yhdelle hankkeelle.", None),
    ("Hanke toimii omalla rahoituksella.", None),
])
def test_group_word(sentence: str, word: str | None) -> None:
    found = group_word(tokenize(sentence, 0))
    assert (found.text if found else None) == word


def test_group_sum_is_not_the_most_mentioned_projects_money() -> None:
    """The press release names one project twice, which makes it the page's main
    project; the sum for the group still is no amount of that project."""
    facts = analyse(read_document(CASES / "group_of_projects" / "input.md")).facts
    amounts = {(f.subject, f.obj) for f in facts if f.predicate == "hasFunding"}
    assert ("project:pikkuvaen-polku", Decimal("1600000")) not in amounts
    assert ("project:pikkuvaen-polku", Decimal("410000")) in amounts


def test_money_set_aside_for_something_else_is_not_the_programmes() -> None:
    facts = analyse(read_document(CASES / "programme_summary_projects" / "input.txt")).facts
    amounts = {f.obj for f in facts if f.predicate == "hasFunding"}
    assert Decimal("2000000") not in amounts, amounts


def test_relative_clause_of_the_projects_gives_the_grantor_no_role(tmp_path) -> None:
    """"STM on myöntänyt avustukset hankkeille, jotka toteuttavat X-muutosohjelmaa":
    the projects carry the programme out, not the ministry."""
    facts = _facts(tmp_path, "Avustuksia maakuntiin\n\n"
                             "Sosiaali- ja terveysministeriö on myöntänyt avustukset kolmelle "
                             "hankkeelle, jotka toteuttavat LAPE-muutosohjelmaa.\n")
    assert not [f for f in facts if f.predicate == "hasConsortiumMember"], facts


def test_programme_named_otherwise_is_not_the_groups(tmp_path) -> None:
    """The projects' results go into the sote reform: they are not part of it."""
    facts = _facts(tmp_path, "Katsaus\n\n"
                             "Pikkuväen polku -hanke ja Perhesatama-hanke kehittivät "
                             "perhekeskuksia.\n\n"
                             "Hankkeiden tulokset siirretään sote-uudistukseen.\n")
    assert not [f for f in facts if f.predicate == "partOf"
                and f.rule == "relation.programme-group"], facts


def test_money_an_organisation_receives_is_not_the_programmes(tmp_path) -> None:
    facts = _facts(tmp_path, "Katsaus\n\n"
                             "LAPE-muutosohjelma uudistaa palveluja. LAPE-muutosohjelma "
                             "on kärkihanke.\n\n"
                             "Kainuun sosiaali- ja terveydenhuollon kuntayhtymälle "
                             "myönnettiin LAPE-muutosohjelmasta 600 000 euroa.\n")
    assert not [f for f in facts if f.predicate == "hasFunding"
                and f.subject.startswith("programme:")], facts


def test_each_project_of_the_group_gets_an_amount_stated_for_each(tmp_path) -> None:
    facts = _facts(tmp_path, "Avustukset\n\n"
                             "Kainuussa toimii Pikkuväen polku -hanke ja Satakunnassa "
                             "Perhesatama-hanke.\n\n"
                             "Hankkeet saavat kukin 100 000 euroa.\n")
    got = {(f.subject, f.obj) for f in facts if f.predicate == "hasFunding"}
    assert got == {("project:pikkuvaen-polku", Decimal("100000")),
                   ("project:perhesatama-hanke", Decimal("100000"))}, got


def test_projects_of_a_page_about_one_programme_mostly(tmp_path) -> None:
    """A news item on one programme that names another once: its projects are the
    first one's (low confidence), as on a page that names one programme only."""
    facts = _facts(tmp_path, "LAPE-muutosohjelma etenee\n\n"
                             "LAPE-muutosohjelma on edennyt puoliväliin. LAPE-muutosohjelma "
                             "tuottaa sisältöä sote-uudistukseen.\n\n"
                             "Kainuussa Pikkuväen polku -hanke avasi perhekeskuksen.\n")
    part = {(f.subject, f.obj) for f in facts if f.predicate == "partOf"}
    assert ("project:pikkuvaen-polku", "programme:lape") in part, part


def test_programme_funding_query_counts_a_group_sum_once() -> None:
    """funding-by-programme adds the programme's own amounts to its projects'; a sum
    stated for the projects (the "Yhteensä" row, "yhteensä noin 1,6 miljoonaa") is
    not counted again beside them."""
    import queries
    from graph_builder.pipeline import emit
    from graph_builder.serialize import union_graph

    result = analyse(read_document(CASES / "group_of_projects" / "input.md"))
    graph = union_graph(emit([result])[0])
    rows = [r for r in queries.run("funding-by-programme", graph)
            if str(r[3]) == "state-grant"]
    assert [Decimal(str(r[4])) for r in rows] == [Decimal("1585500")], rows
