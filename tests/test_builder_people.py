"""People and sub-projects set out by layout: lines of contact lists, speaker columns,
lists of sub-projects. Table tests of the helpers; the facts are in case folders
(person_lines, contact_programme, subproject_list)."""

from pathlib import Path

import pytest

from graph_builder.model import BlockKind, Kind
from graph_builder.pipeline import analyse
from graph_builder.readers import read_document
from graph_builder.segment import blocks


def _analyse(tmp_path: Path, text: str, name: str = "sivu.txt"):
    src = tmp_path / name
    src.write_text(text, "utf-8")
    return analyse(read_document(src))


@pytest.mark.parametrize(("line", "heading"), [
    ("Kehittämispäällikkö Anna Virta, p. 029 555 6666", False),
    ("Tukitiimi, tuki@example.fi", False),
    ("Anna Virta puh. 040 123 4567", False),
    ("Anna Virta, sivistysjohtaja, Oulun kaupunki (pj.)", False),
    ("Muutosagenttien yhteystiedot", True),
    ("Osahankkeet 2017–2018", True),
])
def test_a_contact_line_is_no_heading(line: str, heading: bool) -> None:
    text = f"Ota yhteyttä\n\n{line}\n\nMuuta tekstiä tässä, joka jatkuu pitkään.\n"
    kinds = [b.kind for b in blocks(text) if b.text.startswith(line[:10])]
    assert (kinds[0] is BlockKind.HEADING) is heading


def test_implementer_in_brackets_is_no_other_name_of_the_sub_project(tmp_path: Path) -> None:
    result = _analyse(tmp_path, "Hankkeen osatoteuttaja on Oulun ammattikorkeakoulu (Oamk).\n\n"
                      "Osahankkeet\n\n- Digitupa (Oamk): sähköiset palvelut.\n"
                      "- Kaarin polku (Pohjois-Pohjanmaa): perhekeskustoiminta.\n")
    projects = {k: e for k, e in result.context.resolution.entities.items()
                if e.kind is Kind.PROJECT}
    names = {n for e in projects.values() for n in e.names}
    assert {"Digitupa", "Kaarin polku"} <= names
    assert not names & {"Oamk", "Pohjois-Pohjanmaa"}, names


@pytest.mark.parametrize(("text", "sub"), [
    ("Järjestön osahanke Yhdessä eteenpäin on kokeillut ryhmiä.", "Yhdessä eteenpäin"),
    ("Oamkin osahanke Digitupa rakensi chat-palvelun.", "Digitupa"),
    ("Osahanke Digitupa rakensi chat-palvelun.", None),          # a capital opening a sentence
    ("Järjestön osahanke Kuopiossa kokeili ryhmiä.", None),       # a place, not a name
    ("Järjestön osahanke Yhdessä eteenpäin ja muut hankkeet.", None),  # no verb closes it
])
def test_a_name_after_osahanke(tmp_path: Path, text: str, sub: str | None) -> None:
    result = _analyse(tmp_path, text + "\n")
    found = [r.mention.name for rs in result.context.by_sentence.values() for r in rs
             if r.mention.rule == "project.sub-project-apposition"]
    assert found == ([sub] if sub else [])


@pytest.mark.parametrize(("email", "employer"), [
    ("anna.virta@thl.fi", "org:thl"),
    ("anna.virta@tampere.fi", "municipality:837"),
    ("anna.virta@example.fi", None),
    ("anna.virta@mail.tampere.fi", "municipality:837"),
])
def test_employer_from_the_e_mail_domain(tmp_path: Path, email: str, employer: str | None) -> None:
    from graph_builder.affiliation import domain_employer

    result = _analyse(tmp_path, "Terveyden ja hyvinvoinnin laitos (THL) ja Tampereen kaupunki "
                      "tekevät yhteistyötä.\n")
    assert domain_employer(result.context, email) == employer


def test_region_in_brackets_after_a_project(tmp_path: Path) -> None:
    result = _analyse(tmp_path, "Perhe keskiöön -hanke toimii kahdessa maakunnassa.\n\n"
                      "Perhe keskiöön (Pohjois-Savo), 2017–2018\n")
    facts = {(f.subject, f.predicate, f.obj) for f in result.facts}
    assert ("project:perhe-keskioon", "inRegion", "region:11") in facts, facts
    names = result.context.resolution.entities["project:perhe-keskioon"].names
    assert "Pohjois-Savo" not in names


def test_a_total_row_names_no_sub_project(tmp_path: Path) -> None:
    result = _analyse(tmp_path, "# Osahankkeet\n\n| Osahanke | Avustus |\n|---|---|\n"
                      "| Nuorten polku | 37 500 € |\n| **Yhteensä** | **37 500 €** |\n", "t.md")
    assert "project:yhteensa" not in result.context.resolution.entities
    assert "project:nuorten-polku" in result.context.resolution.entities


@pytest.mark.parametrize(("text", "word", "inside"), [
    ("anu.virta@espoo.fi", "espoo", True),
    ("www.essote.fi/lape", "essote", True),
    ("anu.virta@espoo.fi", "anu", True),
    ("Hanketta hallinnoi Essote.", "Essote", False),
    ("Essote ja Eksote", "Eksote", False),
])
def test_a_word_of_an_address_names_no_one(text: str, word: str, inside: bool) -> None:
    from graph_builder.model import Token
    from graph_builder.resolve import _in_address

    start = text.index(word)
    tok = Token(word, start, start + len(word), word)
    assert _in_address(text, tok) is inside


@pytest.mark.parametrize(("text", "name"), [
    ('Yliopisto on kehittäjäkumppanina hankkeessa "Lapsen mieli Karjalassa".',
     "Lapsen mieli Karjalassa"),
    ('UEF is a partner of the "Perhe keskiöön" project.', "Perhe keskiöön"),
    ('UEF is a partner of the project "Perhe keskiöön".', "Perhe keskiöön"),
    ('Väliraportti "Perhekeskus asiakkaan silmin" julkaistiin kesäkuussa.', None),
])
def test_a_quoted_name_beside_a_word_for_a_project(tmp_path: Path, text: str,
                                                   name: str | None) -> None:
    result = _analyse(tmp_path, text + "\n")
    found = [r.mention.name for rs in result.context.by_sentence.values() for r in rs
             if r.mention.rule == "project.quoted-name"]
    assert found == ([name] if name else [])


def test_a_project_on_another_contacts_line_is_not_mine(tmp_path: Path) -> None:
    result = _analyse(tmp_path, "Perhepolku-hanke\n\nPerhepolku-hanketta hallinnoi Oulun "
                      "kaupunki.\n\nYhteystiedot\n\n"
                      "Suunnittelija Anna Virta, anna.virta@example.fi\n"
                      "Tutkija Pekka Ojala (Koulupolku-hanke)\n")
    contexts = {(f.subject, f.obj) for f in result.facts if f.predicate == "participation"}
    assert ("project:koulupolku-hanke", "person:pekka-ojala") in contexts
    assert ("project:perhepolku-hanke", "person:anna-virta") in contexts
    assert ("project:koulupolku-hanke", "person:anna-virta") not in contexts


def test_an_office_held_before_the_job_title(tmp_path: Path) -> None:
    result = _analyse(tmp_path, "Hanketta ohjaa ryhmä. Satakunnan muutosagenttina toimii "
                      "kehittämispäällikkö Mari Laaksonen.\n")
    facts = {(f.subject, f.predicate, f.obj, dict(f.extra).get("role")) for f in result.facts}
    # "Mari", a first name libvoikko knows only as a place, opens a name after a title
    assert ("person:mari-laaksonen", "title", "kehittämispäällikkö", None) in facts
    assert ("region:04", "participation", "person:mari-laaksonen", "change-agent") in facts


@pytest.mark.parametrize(("names", "expected"), [
    ({"org:kanta-hameen-lape-ohjausryhma": ["Kanta-Hämeen LAPE-ohjausryhmä"],
      "org:ohjausryhma": ["Ohjausryhmä"]}, ["org:kanta-hameen-lape-ohjausryhma"]),
    ({"org:ohjausryhma": ["Ohjausryhmä"]}, ["org:ohjausryhma"]),
    ({"org:a-ryhma": ["A-ryhmä"], "org:b-ryhma": ["B-ryhmä"]},
     ["org:a-ryhma", "org:b-ryhma"]),
])
def test_a_bare_group_heading_is_the_named_group(names: dict, expected: list) -> None:
    from types import SimpleNamespace

    from graph_builder.relations import _the_group
    from graph_builder.resolve import Entity

    entities = {}
    for key, ns in names.items():
        entities[key] = Entity(key, Kind.ORGANISATION)
        for n in ns:
            entities[key].add_name(n)
    ctx = SimpleNamespace(resolution=SimpleNamespace(entities=entities))
    assert _the_group(ctx) == expected
