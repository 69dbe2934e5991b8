"""Money in table rows: whose it is, which kind, which year."""

from graph_builder.model import Document
from graph_builder.pipeline import analyse


def _funding(text: str, name: str = "input.md") -> set[tuple[str, str, str]]:
    doc = Document(name, name, text, "0" * 64, "text/markdown")
    return {(f.subject, str(f.obj), dict(f.extra)["kind"]) for f in analyse(doc).facts
            if f.predicate == "hasFunding"}


def test_sub_project_money_is_not_the_main_projects() -> None:
    text = ("# Perheet keskiöön -hanke\n\nPerheet keskiöön -hanketta hallinnoi Porin kaupunki.\n\n"
            "| Osahanke | Osatoteuttaja | Valtionavustus |\n|---|---|---|\n"
            "| Nuorten polku | Harjavallan kaupunki | 37 500 € |\n")
    assert _funding(text) == {("project:nuorten-polku", "37500", "state-grant")}


def test_amounts_of_organisation_rows_belong_to_no_project() -> None:
    text = ("# Perheet keskiöön -hanke\n\nPerheet keskiöön -hanketta hallinnoi Porin kaupunki.\n\n"
            "| Kunta | Omarahoitus 2017 | Omarahoitus 2018 |\n|---|---|---|\n"
            "| Ulvila | 4 200 € | 5 100 € |\n")
    assert _funding(text) == set()


def test_table_row_of_a_year() -> None:
    text = ("# Perheet keskiöön -hanke\n\nPerheet keskiöön -hanketta hallinnoi Porin kaupunki.\n\n"
            "| Vuosi | Valtionavustus | Omarahoitus |\n|---|---|---|\n"
            "| 2017 | 120 000 | 30 000 |\n")
    assert _funding(text) == {("project:perheet-keskioon", "120000", "state-grant"),
                              ("project:perheet-keskioon", "30000", "own-contribution")}
    doc = Document("t.md", "t.md", text, "0" * 64, "text/markdown")
    years = {dict(f.extra)["start"].iso() for f in analyse(doc).facts
             if f.predicate == "hasFunding"}
    assert years == {"2017"}


def test_contact_line_below_an_organisation_is_no_ones() -> None:
    text = ("Lisätietoja\n\nPekka Laine\npuh. 040 111 2233\n\nOulun kaupunki\ninfo@example.fi\n\n"
            "Anna Virtanen ja Pekka Laine\nyhteiset@example.fi\n")
    doc = Document("t.txt", "t.txt", text, "0" * 64, "text/plain")
    contacts = {(f.subject, f.obj) for f in analyse(doc).facts
                if f.predicate in ("email", "telephone")}
    assert contacts == {("person:pekka-laine", "+358401112233")}


SUBPROJECTS = (
    "# Osahankkeet\n\nVahva polku -hanketta hallinnoi Porin kaupunki.\n\n"
    "| Osahanke | Toteuttaja(t) | Kunta / alue | Avustus |\n|---|---|---|---:|\n"
    "| Pohjoisen Satakunnan perhekeskusverkosto | SatAMK | Kankaanpää, Jämijärvi | 61 000 € |\n"
    "| **Yhteensä** | | | **61 000 €** |\n\n"
    "## Lyhenteet\n\n- **SatAMK** – Satakunnan ammattikorkeakoulu\n\n"
    "Lisätietoja: Pohjoisen Satakunnan perhekeskusverkosto.\n"
)


def _facts(text: str) -> set[tuple[str, str, str]]:
    doc = Document("t.md", "t.md", text, "0" * 64, "text/markdown")
    return {(f.subject, f.predicate, str(f.obj)) for f in analyse(doc).facts}


def test_sub_project_row_with_its_places_implementer_by_abbreviation_and_no_sum_row() -> None:
    facts = _facts(SUBPROJECTS)
    row = "project:pohjoisen-satakunnan-perhekeskusverkosto"
    assert (row, "operatesIn", "municipality:214") in facts       # Kankaanpää
    assert (row, "operatesIn", "municipality:181") in facts       # Jämijärvi
    assert any(s == row and o == "org:satakunnan-ammattikorkeakoulu" for s, _, o in facts)
    assert not any("yhteensa" in s for s, _, _ in facts)
    doc = Document("t.md", "t.md", SUBPROJECTS, "0" * 64, "text/markdown")
    entities = analyse(doc).context.resolution.entities
    assert not [k for k in entities if k.startswith("org:pohjoisen-satakunnan")]


def test_contacts_listed_by_project_name() -> None:
    text = SUBPROJECTS + ("\n## Yhteyshenkilöt\n\n- *Pohjoisen Satakunnan perhekeskusverkosto:* "
                          "suunnittelija Anne Hakala, Kankaanpään kaupunki, puh. 044 715 1620\n")
    facts = _facts(text)
    assert ("project:pohjoisen-satakunnan-perhekeskusverkosto", "hasContact",
            "person:anne-hakala") in facts
