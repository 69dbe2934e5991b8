"""Reference data true everywhere: Finland's regions, municipalities and
national bodies, and the LAPE programme's content areas, read once from the CSV
files shipped with the package.

The builder uses these to recognise names it was not taught by any document
and to give regions and municipalities IRIs made from official codes. Where
each file comes from is written in ``SOURCES.md`` beside them.

Each loader returns a tuple of frozen dataclasses, parsed on first use and
cached: the data is immutable, so every caller can share it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TypeVar

__all__ = [
    "ContentArea",
    "ErvaArea",
    "HigherEducationInstitution",
    "Municipality",
    "NationalBody",
    "ReferenceDataError",
    "Region",
    "JointAuthority",
    "content_areas",
    "erva_areas",
    "higher_education",
    "joint_authorities",
    "municipalities",
    "national_bodies",
    "regions",
]

T = TypeVar("T")

_REGION_CODE = re.compile(r"^[0-9]{2}$")
_MUNICIPALITY_CODE = re.compile(r"^[0-9]{3}$")
_BODY_TYPES = frozenset({"ministry", "agency", "government", "parliament", "association"})
_AUTHORITY_TYPES = frozenset({"hospital-district", "sote-joint-authority"})
_INSTITUTION_TYPES = frozenset({"university", "uas"})
_AREA_SCOPES = frozenset({"specific", "national", "generic"})


class ReferenceDataError(ValueError):
    """A reference file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Region:
    """A region (maakunta) with its names and the Finnish forms texts use."""

    code: str            # Statistics Finland, two digits: "01" ... "21"
    name_fi: str
    name_sv: str
    name_en: str
    genitive_fi: str     # "Uudenmaan" (Uudenmaan LAPE-hanke)
    locative_fi: str     # "Uudellamaalla" / "Lapissa": inessive or adessive


@dataclass(frozen=True)
class Municipality:
    """A municipality of the current classification."""

    code: str            # Statistics Finland, three digits: "091"
    name_fi: str
    name_sv: str | None  # only where the municipality is bilingual or Swedish
    region: str          # code of its region
    city: bool           # kaupunki


@dataclass(frozen=True)
class NationalBody:
    """A ministry, agency or national association named in programme texts."""

    key: str
    name_fi: str
    name_sv: str
    name_en: str
    abbreviation: str | None
    alt_names: tuple[str, ...]
    type: str            # ministry / agency / government / parliament / association


@dataclass(frozen=True)
class JointAuthority:
    """A hospital district or a joint authority for social and health care
    (kuntayhtymä) of 2017–2022, the bodies that ran most regional LAPE projects.
    Texts call many of them by a brand ("Siun sote", "Eksote") more often than
    by their legal name."""

    key: str             # the slug of the Finnish name, so its IRI is the name's
    name_fi: str
    name_sv: str | None
    abbreviation: str | None   # one word as written: "PSHP", "Eksote"
    alt_names: tuple[str, ...]  # other names, brands of two words: "Siun sote"
    region: str          # code of the region it serves
    type: str            # hospital-district / sote-joint-authority


@dataclass(frozen=True)
class HigherEducationInstitution:
    """A Finnish university or university of applied sciences of 2017–2019.
    Texts name many of them only by a brand ("Savonia", "Diakin", "Novia") or a
    short form ("Lapin AMK") that no type word marks as an organisation."""

    key: str             # the slug of the Finnish name, so its IRI is the name's
    name_fi: str
    name_sv: str | None  # only the Swedish names the institution itself uses
    name_en: str
    abbreviation: str | None   # one word as written: "HAMK", "SeAMK", "Diak"
    alt_names: tuple[str, ...]  # other spellings ("OAMK") and short forms ("Lapin AMK")
    type: str            # university / uas


@dataclass(frozen=True)
class ErvaArea:
    """A special responsibility area (erityisvastuualue, "erva") of specialised
    health care: the hospital districts around one university hospital."""

    key: str             # "hyks-erva"
    name_fi: str         # "Helsingin yliopistollisen keskussairaalan erityisvastuualue"
    name_en: str
    abbreviation: str    # "HYKS-erva"
    hospital_fi: str     # "Helsingin yliopistollinen keskussairaala"
    hospital_abbreviation: str   # "HYKS"
    hospital_districts: tuple[str, ...]   # Finnish names of its hospital districts


@dataclass(frozen=True)
class ContentArea:
    """An official content area (development area) of a programme: what the
    programme set out to develop, and the words texts name it with."""

    key: str             # "perhekeskus", used in IRIs
    label_fi: str        # the canonical Finnish name: "Perhekeskustoimintamalli"
    label_en: str
    programme: str       # the programme's abbreviation: "LAPE"
    programme_fi: str    # its Finnish name: "Lapsi- ja perhepalveluiden muutosohjelma"
    scope: str           # "specific": a term of the programme; "national": one too, for
                         # a measure the programme runs itself ("LAPE-akatemia"), never
                         # a regional project's; "generic": an everyday word
                         # ("lastensuojelu") that names the area only among others
    terms: tuple[tuple[str, ...], ...]   # word patterns, see SOURCES.md


def _rows(filename: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a packaged CSV, checking its header."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise ReferenceDataError(
            f"{filename}: header is {reader.fieldnames}, expected {list(columns)}")
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise ReferenceDataError(f"{filename}:{reader.line_num}: wrong number of fields")
        yield reader.line_num, {key: value.strip() for key, value in row.items()}


def _load(filename: str, columns: tuple[str, ...],
          make: Callable[[str, int, dict[str, str]], T]) -> tuple[T, ...]:
    return tuple(make(filename, line, row) for line, row in _rows(filename, columns))


def _require(filename: str, line: int, ok: bool, what: str) -> None:
    if not ok:
        raise ReferenceDataError(f"{filename}:{line}: {what}")


def _region(filename: str, line: int, row: dict[str, str]) -> Region:
    _require(filename, line, bool(_REGION_CODE.match(row["code"])),
              f"region code {row['code']!r} is not two digits")
    _require(filename, line, all(row.values()), "empty field")
    return Region(row["code"], row["name_fi"], row["name_sv"], row["name_en"],
                  row["genitive_fi"], row["inessive_or_adessive_fi"])


def _municipality(filename: str, line: int, row: dict[str, str]) -> Municipality:
    _require(filename, line, bool(_MUNICIPALITY_CODE.match(row["code"])),
             f"municipality code {row['code']!r} is not three digits")
    _require(filename, line, bool(_REGION_CODE.match(row["region"])),
             f"region code {row['region']!r} is not two digits")
    _require(filename, line, row["city"] in ("true", "false"),
             f"city must be true or false, not {row['city']!r}")
    _require(filename, line, bool(row["name_fi"]), "empty Finnish name")
    return Municipality(row["code"], row["name_fi"], row["name_sv"] or None,
                        row["region"], row["city"] == "true")


def _national_body(filename: str, line: int, row: dict[str, str]) -> NationalBody:
    _require(filename, line, row["type"] in _BODY_TYPES, f"unknown type {row['type']!r}")
    _require(filename, line, all(row[c] for c in ("key", "name_fi", "name_sv", "name_en")),
             "empty key or name")
    alt = tuple(name.strip() for name in row["alt_names"].split(";") if name.strip())
    return NationalBody(row["key"], row["name_fi"], row["name_sv"], row["name_en"],
                        row["abbreviation_fi"] or None, alt, row["type"])


def _joint_authority(filename: str, line: int, row: dict[str, str]) -> JointAuthority:
    _require(filename, line, row["type"] in _AUTHORITY_TYPES, f"unknown type {row['type']!r}")
    _require(filename, line, bool(row["key"] and row["name_fi"]), "empty key or name")
    _require(filename, line, bool(_REGION_CODE.match(row["region"])),
             f"region code {row['region']!r} is not two digits")
    alt = tuple(name.strip() for name in row["alt_names"].split(";") if name.strip())
    return JointAuthority(row["key"], row["name_fi"], row["name_sv"] or None,
                          row["abbreviation_fi"] or None, alt, row["region"], row["type"])


def _institution(filename: str, line: int,
                 row: dict[str, str]) -> HigherEducationInstitution:
    _require(filename, line, row["type"] in _INSTITUTION_TYPES, f"unknown type {row['type']!r}")
    _require(filename, line, all(row[c] for c in ("key", "name_fi", "name_en")),
             "empty key or name")
    alt = tuple(name.strip() for name in row["alt_names"].split(";") if name.strip())
    return HigherEducationInstitution(row["key"], row["name_fi"], row["name_sv"] or None,
                                      row["name_en"], row["abbreviation_fi"] or None, alt,
                                      row["type"])


def _erva(filename: str, line: int, row: dict[str, str]) -> ErvaArea:
    _require(filename, line, all(row.values()), "empty field")
    _require(filename, line, row["abbreviation_fi"] == f"{row['hospital_abbreviation']}-erva",
             "abbreviation must be the hospital's abbreviation with -erva")
    districts = tuple(d.strip() for d in row["hospital_districts_fi"].split(";") if d.strip())
    return ErvaArea(row["key"], row["name_fi"], row["name_en"], row["abbreviation_fi"],
                    row["hospital_fi"], row["hospital_abbreviation"], districts)


def _content_area(filename: str, line: int, row: dict[str, str]) -> ContentArea:
    _require(filename, line, all(row.values()), "empty field")
    _require(filename, line, row["scope"] in _AREA_SCOPES, f"unknown scope {row['scope']!r}")
    terms = tuple(tuple(term.split()) for term in row["terms"].split(";") if term.strip())
    _require(filename, line, bool(terms), "no terms")
    for term in terms:
        for word in term:
            _require(filename, line, word.islower() or word.isupper() or word == "-",
                     f"term word {word!r} must be all lower case, or all upper case "
                     "for an abbreviation")
    return ContentArea(row["key"], row["label_fi"], row["label_en"], row["programme"],
                       row["programme_fi"], row["scope"], terms)


@cache
def regions() -> tuple[Region, ...]:
    """The 19 regions of Finland, in code order."""
    return _load("regions.csv", ("code", "name_fi", "name_sv", "name_en", "genitive_fi",
                                 "inessive_or_adessive_fi"), _region)


@cache
def municipalities() -> tuple[Municipality, ...]:
    """All municipalities of Finland (Statistics Finland, 2025), in code order."""
    return _load("municipalities.csv", ("code", "name_fi", "name_sv", "region", "city"),
                 _municipality)


@cache
def national_bodies() -> tuple[NationalBody, ...]:
    """Ministries, agencies and national associations commonly named in texts."""
    return _load("national_bodies.csv", ("key", "name_fi", "name_sv", "name_en",
                                          "abbreviation_fi", "alt_names", "type"),
                 _national_body)


@cache
def joint_authorities() -> tuple[JointAuthority, ...]:
    """Hospital districts and joint authorities for social and health care (2017–2022)."""
    return _load("joint_authorities.csv", ("key", "name_fi", "name_sv", "abbreviation_fi",
                                            "alt_names", "region", "type"), _joint_authority)


@cache
def higher_education() -> tuple[HigherEducationInstitution, ...]:
    """Finland's universities and universities of applied sciences (2017–2019)."""
    return _load("higher_education.csv", ("key", "name_fi", "name_sv", "name_en",
                                           "abbreviation_fi", "alt_names", "type"),
                 _institution)


@cache
def erva_areas() -> tuple[ErvaArea, ...]:
    """The five special responsibility areas of specialised health care (2011–2022)."""
    return _load("erva_areas.csv", ("key", "name_fi", "name_en", "abbreviation_fi",
                                     "hospital_fi", "hospital_abbreviation",
                                     "hospital_districts_fi"), _erva)


@cache
def content_areas() -> tuple[ContentArea, ...]:
    """The LAPE programme's official content areas and the words that name them."""
    return _load("lape_content_areas.csv", ("key", "label_fi", "label_en", "programme",
                                            "programme_fi", "scope", "terms"), _content_area)
