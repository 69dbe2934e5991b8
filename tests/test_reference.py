"""Reference data: Finland's regions, municipalities and national bodies."""

from __future__ import annotations

from collections import Counter
from dataclasses import FrozenInstanceError

import pytest

from ontology import reference
from ontology.reference import (
    ReferenceDataError,
    content_areas,
    municipalities,
    national_bodies,
    regions,
)

REGION_CODES = {"01", "02", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
                "15", "16", "17", "18", "19", "21"}

#: Municipalities per region in 2025, as written in ontology/reference/SOURCES.md.
MUNICIPALITIES_PER_REGION = {
    "01": 26, "02": 27, "04": 16, "05": 11, "06": 23, "07": 10, "08": 6, "09": 9, "10": 11,
    "11": 19, "12": 13, "13": 22, "14": 18, "15": 14, "16": 8, "17": 30, "18": 8, "19": 21,
    "21": 16,
}


def by_code(items):
    return {item.code: item for item in items}


def test_nineteen_regions_with_unique_statistics_finland_codes():
    codes = [r.code for r in regions()]
    assert len(codes) == 19
    assert set(codes) == REGION_CODES


@pytest.mark.parametrize("code, fi, sv, en", [
    ("01", "Uusimaa", "Nyland", "Uusimaa"),
    ("02", "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"),
    ("07", "Päijät-Häme", "Päijänne-Tavastland", "Päijät-Häme"),
    ("14", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"),
    ("19", "Lappi", "Lappland", "Lapland"),
    ("21", "Ahvenanmaa", "Åland", "Åland"),
])
def test_region_names(code, fi, sv, en):
    region = by_code(regions())[code]
    assert (region.name_fi, region.name_sv, region.name_en) == (fi, sv, en)


@pytest.mark.parametrize("code, genitive, locative", [
    ("01", "Uudenmaan", "Uudellamaalla"),
    ("02", "Varsinais-Suomen", "Varsinais-Suomessa"),
    ("04", "Satakunnan", "Satakunnassa"),
    ("06", "Pirkanmaan", "Pirkanmaalla"),
    ("07", "Päijät-Hämeen", "Päijät-Hämeessä"),
    ("14", "Etelä-Pohjanmaan", "Etelä-Pohjanmaalla"),
    ("15", "Pohjanmaan", "Pohjanmaalla"),
    ("18", "Kainuun", "Kainuussa"),
    ("19", "Lapin", "Lapissa"),
])
def test_region_finnish_forms(code, genitive, locative):
    region = by_code(regions())[code]
    assert (region.genitive_fi, region.locative_fi) == (genitive, locative)


def test_every_region_has_a_genitive_and_a_locative_form():
    for region in regions():
        assert region.genitive_fi.endswith("n")
        assert region.locative_fi.endswith(("ssa", "ssä", "lla", "llä"))


def test_municipalities_are_all_of_finland_with_unique_three_digit_codes():
    items = municipalities()
    codes = [m.code for m in items]
    assert 300 <= len(codes) <= 320
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 3 and c.isdigit() for c in codes)
    assert len({m.name_fi for m in items}) == len(items)


def test_every_municipality_is_in_a_region_and_every_region_has_municipalities():
    counts = Counter(m.region for m in municipalities())
    assert set(counts) == REGION_CODES
    assert dict(counts) == MUNICIPALITIES_PER_REGION


@pytest.mark.parametrize("code, name, region, city", [
    ("853", "Turku", "02", True),
    ("743", "Seinäjoki", "14", True),
    ("091", "Helsinki", "01", True),
    ("837", "Tampere", "06", True),
    ("564", "Oulu", "17", True),
    ("297", "Kuopio", "11", True),
    ("478", "Maarianhamina", "21", True),
    ("244", "Kempele", "17", False),
    ("090", "Heinävesi", "12", False),  # moved to Pohjois-Karjala in 2021
    ("152", "Isokyrö", "14", False),    # moved to Etelä-Pohjanmaa in 2021
])
def test_known_municipalities(code, name, region, city):
    municipality = by_code(municipalities())[code]
    assert (municipality.name_fi, municipality.region, municipality.city) == (name, region, city)


def test_merged_municipalities_are_gone():
    codes = by_code(municipalities())
    assert "099" not in codes  # Honkajoki, merged into Kankaanpää 2021
    assert "588" not in codes  # Pertunmaa, merged into Mäntyharju 2025


@pytest.mark.parametrize("code, swedish", [
    ("091", "Helsingfors"), ("853", "Åbo"), ("905", "Vasa"), ("599", "Pedersöre"),
    ("478", "Mariehamn"), ("837", None), ("743", None),
])
def test_swedish_names_only_where_official(code, swedish):
    assert by_code(municipalities())[code].name_sv == swedish


def test_city_count_matches_2025():
    assert sum(m.city for m in municipalities()) == 107


def test_national_bodies_have_unique_keys_and_all_twelve_ministries():
    bodies = national_bodies()
    keys = [b.key for b in bodies]
    assert len(set(keys)) == len(keys)
    assert sum(b.type == "ministry" for b in bodies) == 12
    assert all(b.name_fi and b.name_sv and b.name_en for b in bodies)


def test_known_national_bodies():
    bodies = {b.key: b for b in national_bodies()}
    thl = bodies["thl"]
    assert (thl.name_fi, thl.abbreviation, thl.type) == (
        "Terveyden ja hyvinvoinnin laitos", "THL", "agency")
    assert bodies["stm"].name_fi == "Sosiaali- ja terveysministeriö"
    assert bodies["kuntaliitto"].alt_names == ("Kuntaliitto",)
    assert "ELY-keskus" in bodies["ely"].alt_names
    assert bodies["tilastokeskus"].abbreviation is None


def test_loaders_return_cached_tuples_of_frozen_records():
    assert regions() is regions()
    assert isinstance(municipalities(), tuple)
    with pytest.raises(FrozenInstanceError):
        regions()[0].code = "99"  # type: ignore[misc]


def test_reference_data_is_package_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    reference.municipalities.cache_clear()
    assert len(reference.municipalities()) == 308


@pytest.mark.parametrize("row, problem", [
    ({"code": "91", "name_fi": "X", "name_sv": "", "region": "01", "city": "true"},
     "not three digits"),
    ({"code": "091", "name_fi": "X", "name_sv": "", "region": "1", "city": "true"},
     "not two digits"),
    ({"code": "091", "name_fi": "X", "name_sv": "", "region": "01", "city": "yes"},
     "true or false"),
])
def test_a_malformed_row_is_reported_with_file_and_line(row, problem):
    with pytest.raises(ReferenceDataError, match=rf"municipalities\.csv:7: .*{problem}"):
        reference._municipality("municipalities.csv", 7, row)


def test_five_special_responsibility_areas_each_with_its_hospital_districts():
    areas = {a.key: a for a in reference.erva_areas()}
    assert sorted(areas) == ["hyks-erva", "kys-erva", "oys-erva", "tays-erva", "tyks-erva"]
    assert areas["kys-erva"].name_fi == "Kuopion yliopistollisen sairaalan erityisvastuualue"
    assert areas["kys-erva"].abbreviation == "KYS-erva"
    assert "Satakunnan sairaanhoitopiiri" in areas["tyks-erva"].hospital_districts
    districts = [d for a in areas.values() for d in a.hospital_districts]
    assert len(districts) == len(set(districts)) == 20   # each district in one area


def test_joint_authorities_keys_are_the_slugs_of_their_names():
    from graph_builder.slug import slugify
    from ontology.reference import joint_authorities
    bodies = joint_authorities()
    assert [b.key for b in bodies] == [slugify(b.name_fi) for b in bodies]
    assert {b.region for b in bodies} <= {r.code for r in regions()}
    assert len({b.abbreviation for b in bodies if b.abbreviation}) == \
        sum(1 for b in bodies if b.abbreviation)


def test_content_areas_reference_data() -> None:
    areas = content_areas()
    keys = [a.key for a in areas]
    assert len(keys) == len(set(keys))
    assert {a.programme for a in areas} == {"LAPE"}
    assert {a.scope for a in areas} == {"specific", "national", "generic"}
    assert all(a.terms and a.label_fi and a.label_en for a in areas)
    by_key = {a.key: a for a in areas}
    assert ("osaamis-", "ja", "tukikesk") in by_key["ot-keskus"].terms
    assert ("LAVA",) in by_key["lapsivaikutusten-arviointi"].terms


def test_each_erva_lists_its_university_hospital_s_own_district_first():
    # the builder names an area after this district too (SOURCES.md)
    first = {a.key: a.hospital_districts[0] for a in reference.erva_areas()}
    assert first == {
        "hyks-erva": "Helsingin ja Uudenmaan sairaanhoitopiiri",
        "tyks-erva": "Varsinais-Suomen sairaanhoitopiiri",
        "tays-erva": "Pirkanmaan sairaanhoitopiiri",
        "kys-erva": "Pohjois-Savon sairaanhoitopiiri",
        "oys-erva": "Pohjois-Pohjanmaan sairaanhoitopiiri",
    }


def test_higher_education_institutions_keys_are_slugs_and_brands_are_unique() -> None:
    from graph_builder.slug import slugify
    institutions = reference.higher_education()
    assert [i.key for i in institutions] == [slugify(i.name_fi) for i in institutions]
    assert {i.type for i in institutions} == {"university", "uas"}
    short = [n for i in institutions for n in (i.abbreviation, *i.alt_names) if n]
    assert len(short) == len(set(short))
    by_key = {i.key: i for i in institutions}
    assert by_key["savonia-ammattikorkeakoulu"].abbreviation == "Savonia"
    assert "Lapin AMK" in by_key["lapin-ammattikorkeakoulu"].alt_names


def test_a_malformed_institution_row_is_reported_with_file_and_line() -> None:
    row = {"key": "x", "name_fi": "X", "name_sv": "", "name_en": "X", "abbreviation_fi": "",
           "alt_names": "", "type": "college"}
    with pytest.raises(ReferenceDataError, match=r"higher_education\.csv:3: unknown type"):
        reference._institution("higher_education.csv", 3, row)
