"""Lines under a partner heading: what they must not make partners."""

from pathlib import Path

from graph_builder.pipeline import analyse
from graph_builder.readers import read_document

CASE = Path(__file__).parent / "cases" / "partner_heading_lines" / "input.md"


def _facts() -> set[tuple[str, str, str]]:
    result = analyse(read_document(CASE))
    return {(f.subject, f.predicate, str(f.obj)) for f in result.facts}


def test_places_an_item_goes_on_to_name_are_no_partners() -> None:
    """"X – osatoteuttaja. X järjestää palvelut Porissa, Ulvilassa …": the towns are
    where X works, not partners of the project."""
    facts = _facts()
    project = "project:perhepolku-hanke"
    for town in ("municipality:609", "municipality:886", "municipality:079"):
        assert (project, "hasDevelopmentPartner", town) not in facts


def test_a_role_noun_of_the_item_wins_over_the_heading() -> None:
    facts = _facts()
    shp = "org:satakunnan-sairaanhoitopiiri"
    assert ("project:perhepolku-hanke", "hasConsortiumMember", shp) in facts
    assert ("project:perhepolku-hanke", "hasDevelopmentPartner", shp) not in facts


def test_see_below_is_no_list_of_partners() -> None:
    """"… vastaa myös järjestöosahankkeesta (ks. alla)": the items below are not given
    the sentence's role (coordinator)."""
    case = Path(__file__).parent / "cases" / "partner_page_prose_roles" / "input.md"
    result = analyse(read_document(case))
    facts = {(f.subject, f.predicate, str(f.obj)) for f in result.facts}
    assert ("project:perhepolku-hanke", "coordinatedBy",
            "org:satakunnan-setlementti-ry") not in facts
