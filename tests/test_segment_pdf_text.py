"""Text copied from a PDF: page furniture, words broken at line ends, paragraphs
wrapped at a fixed width, indented lists under a "Label:" line."""

from __future__ import annotations

import pytest

from graph_builder.model import BlockKind
from graph_builder.morphology import tokenize
from graph_builder.segment import blocks, page_furniture


def test_running_heads_page_numbers_and_rules_are_furniture() -> None:
    lines = ["Otsikko", "", "Soite | Hyvä kasvu    2", "____________", "", "teksti",
             "- 2017: 100 €", "- 2018: 200 €", "", "Sivu 3/8", "", "Soite | Hyvä kasvu    3",
             "", "12"]
    assert page_furniture(lines) == {2, 3, 9, 11, 13}


def test_a_line_once_or_inside_text_is_not_furniture() -> None:
    lines = ["Hankeaika 2017", "", "Budjetti 2018", "rivi", "Budjetti 2019", "rivi"]
    assert page_furniture(lines) == set()


@pytest.mark.parametrize(("text", "words"), [
    ("Centria-\nammattikorkeakoulu", ["Centria-ammattikorkeakoulu"]),
    ("perhe-\nkeskus", ["perhekeskus"]),
    ("sosiaali-\nja terveysministeriö", ["sosiaali-", "ja", "terveysministeriö"]),
    ("Centria- ammattikorkeakoulu", ["Centria-", "ammattikorkeakoulu"]),
])
def test_words_broken_at_a_line_end(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text, analyse=False)] == words


def test_wrapped_paragraph_is_not_a_heading_nor_a_field() -> None:
    text = ("1.1 Hallinnointi\n\n"
            "Hanketta hallinnoi Keski-Pohjanmaan sosiaali- ja terveyspalvelukuntayhtymä\n"
            "Soite. Kehittämiseen osallistuivat kuntien sivistystoimet: Kokkolan\n"
            "kaupunki ja Kannuksen kaupunki.\n")
    kinds = [(b.kind, b.text.split()[0]) for b in blocks(text)]
    assert kinds == [(BlockKind.HEADING, "1.1"), (BlockKind.PARAGRAPH, "Hanketta")]


def test_indented_lines_under_a_label_are_items() -> None:
    text = ("Ohjausryhmän jäsenet:\n\n  Anna Virta, johtaja, Soite (pj.)\n"
            "  Pekka Ojala, rehtori, Kokkolan kaupunki\n\nMuuta tekstiä.\n")
    items = [b.text for b in blocks(text) if b.kind is BlockKind.ITEM]
    assert items == ["Anna Virta, johtaja, Soite (pj.)", "Pekka Ojala, rehtori, Kokkolan kaupunki"]


def test_two_column_card_lines_are_fields() -> None:
    text = ("Hankkeen nimi          Lapsen paras\nHallinnoija            Espoon kaupunki\n"
            "Toteutusaika           1.4.2017–31.12.2018\n")
    fields = [(b.kind, b.label) for b in blocks(text)]
    assert fields == [(BlockKind.FIELD, "Hankkeen nimi"), (BlockKind.FIELD, "Hallinnoija"),
                      (BlockKind.FIELD, "Toteutusaika")]


def test_a_table_laid_out_with_spaces_keeps_its_columns() -> None:
    from graph_builder.segment import row_cells
    text = ("                              Budjetti €     Toteutunut €\n"
            "Valtionavustus                1 960 000        1 897 504\n"
            "Omarahoitus (20 %)              490 000          474 376\n"
            "Palautettava avustus                              62 496\n")
    rows = [[c[2] for c in row_cells(b)] for b in blocks(text)]
    assert rows == [["", "Budjetti €", "Toteutunut €"],
                    ["Valtionavustus", "1 960 000", "1 897 504"],
                    ["Omarahoitus (20 %)", "490 000", "474 376"],
                    ["Palautettava avustus", "", "62 496"]]


def test_people_one_per_line_are_items_with_their_wrapped_lines() -> None:
    text = ("6 OHJAUSRYHMÄ\n\nPirjo Laaksonen, johtaja, Espoon kaupunki,\npuheenjohtaja\n"
            "Kirsi Aalto, ylilääkäri, HUS\nAnu Koski, suunnittelija, THL\n")
    items = [b.text for b in blocks(text) if b.kind is BlockKind.ITEM]
    assert items == ["Pirjo Laaksonen, johtaja, Espoon kaupunki,\npuheenjohtaja",
                     "Kirsi Aalto, ylilääkäri, HUS", "Anu Koski, suunnittelija, THL"]


def test_staff_table_gives_titles() -> None:
    from graph_builder.model import Document
    from graph_builder.pipeline import analyse
    text = ("# Hyvä kasvu -hanke\n\nHyvä kasvu -hanketta hallinnoi Kokkolan kaupunki.\n\n"
            "  Tehtävä                               Nimi                 Työaika\n"
            "  Projektipäällikkö                     Tiina Rautio         100 %\n"
            "  Kehittämiskoordinaattori, koulu       Hanna Korpi          100 %\n"
            "  Projektisihteeri                      Leena Mäkelä         30 %\n")
    facts = {(f.subject, f.predicate, str(f.obj))
             for f in analyse(Document("t.md", "t.md", text, "0" * 64, "text/markdown")).facts}
    assert ("person:tiina-rautio", "title", "projektipäällikkö") in facts
    assert ("person:hanna-korpi", "title", "kehittämiskoordinaattori") in facts


@pytest.mark.parametrize(("line", "kind"), [
    ("- Kesto: 1.8.2017–31.12.2018", BlockKind.FIELD),
    ("- Vastuuorganisaatio: Keski-Suomen Ensi Koti ry", BlockKind.FIELD),
    ("* Kunnat: Jyväskylä, Laukaa", BlockKind.FIELD),
    ("- Kohtaamo: perhekeskuksen kehittäminen", BlockKind.ITEM),
    ("- Hyvä koulupäivä: oppilashuolto", BlockKind.ITEM),
])
def test_a_bulleted_card_field_is_a_field(line: str, kind: BlockKind) -> None:
    found = blocks(f"Osahankkeet\n\n{line}\n")
    assert found[-1].kind is kind


_COLUMN = ("Hanke       Perhepolku – Oulun lapsi- ja perhepalvelujen\n"
           "            muutoshanke\n"
           "Hallinnoija Oulun kaupunki\n"
           "\n"
           "Läsnä       Anna Virta, johtaja, Oulun kaupunki, puheenjohtaja\n"
           "            Pekka Ojala, ylilääkäri, Pohjois-Pohjanmaan\n"
           "              sairaanhoitopiiri\n"
           "\n"
           "Poissa      Liisa Koski, yliopettaja, Oulun ammattikorkeakoulu\n")


def test_label_column_fields_and_people() -> None:
    """A label column as a PDF lays it out: a field's wrapped value stays in the field;
    a label that fills the column up to one space is a field when its value starts at
    the others' column; people under a label are a lead-in and an item each, wrapped
    lines included; a label alone in its run counts at the column of the others."""
    got = [(b.kind, b.label, b.text.split("\n")[-1].strip()) for b in blocks(_COLUMN)]
    assert got == [
        (BlockKind.FIELD, "Hanke", "muutoshanke"),
        (BlockKind.FIELD, "Hallinnoija", "Hallinnoija Oulun kaupunki"),
        (BlockKind.HEADING, "lead-in", "Läsnä"),
        (BlockKind.ITEM, None, "Anna Virta, johtaja, Oulun kaupunki, puheenjohtaja"),
        (BlockKind.ITEM, None, "sairaanhoitopiiri"),
        (BlockKind.HEADING, "lead-in", "Poissa"),
        (BlockKind.ITEM, None, "Liisa Koski, yliopettaja, Oulun ammattikorkeakoulu"),
    ]


def test_prose_with_single_spaces_is_no_label_column() -> None:
    text = ("Hanke sijoittui Oulun kaupungin perhepalveluihin ja sen\n"
            "hallinnoija oli Oulun kaupunki, joka palkkasi hankkeelle\n"
            "Kaksi työntekijää vuodeksi 2018 ja yhden vuodeksi 2019.\n")
    assert [b.kind for b in blocks(text)] == [BlockKind.PARAGRAPH]


def test_people_list_with_an_office_in_brackets_on_the_wrapped_line() -> None:
    text = ("Anna Virta, johtaja, Oulun kaupunki (puheenjohtaja)\n"
            "Pekka Ojala, kasvatus- ja opetustoimen johtaja, Kempeleen kunta\n"
            "(varapuheenjohtaja)\n"
            "Liisa Koski, yliopettaja, Oulun ammattikorkeakoulu\n")
    items = [b.text for b in blocks(text) if b.kind is BlockKind.ITEM]
    assert len(items) == 3 and items[1].endswith("(varapuheenjohtaja)")


def test_a_titled_name_with_a_period_is_no_heading() -> None:
    text = ("2.3 Henkilöstö\n\nProjektipäällikkö Anna Virta, 1.4.2017–31.12.2018\n"
            "Muutosagentti Pekka Ojala, 1.3.2017 alkaen\n")
    got = [(b.kind, b.heading) for b in blocks(text)]
    assert got == [(BlockKind.HEADING, None), (BlockKind.PARAGRAPH, 0)]


@pytest.mark.parametrize(("text", "name"), [
    ("Pohjois-\nPohjanmaan liitto", "Pohjois-Pohjanmaan liitto"),
    ("Pohjois-\n  Pohjanmaan liitto", "Pohjois-Pohjanmaan liitto"),
    ("Kasvun polut - Oulu", "Kasvun polut - Oulu"),
])
def test_a_name_broken_at_its_hyphen_before_a_capital_joins(text: str, name: str) -> None:
    from graph_builder.morphology import join_words

    tokens = tokenize(text, analyse=False)
    assert join_words([t.text for t in tokens], tokens) == name
