"""Seats in a group written in prose, and the member towns of a joint authority."""

from __future__ import annotations

from graph_builder.model import Document
from graph_builder.pipeline import analyse


def _facts(text: str) -> set[tuple[str, str, str]]:
    doc = Document("t.txt", "t.txt", text, "0" * 64, "text/plain")
    return {(f.subject, f.predicate, str(f.obj)) for f in analyse(doc).facts}


def test_chair_and_vice_chair_in_prose_sit_in_the_group() -> None:
    facts = _facts("Ohjausryhmä\n\nHanketta ohjasi Kainuun maakunnallinen LAPE-ohjausryhmä. "
                   "Ryhmän puheenjohtajana toimi tulosaluejohtaja Pirjo Kallio ja "
                   "varapuheenjohtajana sivistysjohtaja Timo Vesa.\n")
    members = {s for s, p, o in facts if p == "memberOf" and "ohjausryhma" in o}
    assert members == {"person:pirjo-kallio", "person:timo-vesa"}


def test_member_towns_of_a_joint_authority() -> None:
    facts = _facts("Kehittämiseen osallistuivat kaikki Kainuun soten jäsenkunnat: Hyrynsalmi, "
                   "Kajaani ja Kuhmo.\n")
    sote = "org:kainuun-sosiaali-ja-terveydenhuollon-kuntayhtyma"
    assert {s for s, p, o in facts if p == "memberOf" and o == sote} == {
        "municipality:105", "municipality:205", "municipality:290"}


def test_who_carries_a_measure_on() -> None:
    facts = _facts("Jatkuvat toimenpiteet ja vastuut vuoden 2018 jälkeen\n\n"
                   "- Perhekeskusverkosto jatkuu Soiten perhepalveluiden vastuulla.\n"
                   "- Eroperheiden vertaisryhmät jatkuvat Perheentalo ry:n omana toimintana.\n")
    carried = {(s, o) for s, p, o in facts if p == "responsibleFor"}
    assert any(s.startswith("org:keski-pohjanmaan") and "perhekeskusverkosto" in o
               for s, o in carried), carried
    assert any(s == "org:perheentalo-ry" and "vertaisryhmat" in o for s, o in carried), carried


def test_a_unit_is_part_of_the_body_its_name_opens_with() -> None:
    facts = _facts("Jyväskylän yliopiston Koulutuksen tutkimuslaitos selvittää asiaa. "
                   "Mallin omistajuus siirtyi Kokkolan kaupungin sivistyskeskukselle.\n")
    units = {(s, o) for s, p, o in facts if p == "unitOf"}
    assert ("org:jyvaskylan-yliopiston-koulutuksen-tutkimuslaitos",
            "org:jyvaskylan-yliopisto") in units, units
    assert ("org:kokkolan-kaupungin-sivistyskeskus", "municipality:272") in units, units
