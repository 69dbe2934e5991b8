"""Job titles next to a person's name, table-driven."""

import pytest

TITLES = [
    ("Kuopion kaupungin perhe- ja sosiaalipalvelujen johtaja Arja Niemi.", "Arja Niemi",
     "perhe- ja sosiaalipalvelujen johtaja"),
    ("Oulun kaupungin perusturvajohtaja Arja Niemi.", "Arja Niemi", "perusturvajohtaja"),
    ("Arja Niemi, perhepalvelujen tulosaluejohtaja, Oulun kaupunki", "Arja Niemi",
     "perhepalvelujen tulosaluejohtaja"),
    ("Arja Niemi, hankepäällikkö (31.12.2018 saakka), Oulu", "Arja Niemi", "hankepäällikkö"),
    ("Hankkeen muutosagenttina toimiva Arja Niemi koordinoi työtä.", "Arja Niemi",
     "muutosagentti"),
    ("Arja Niemi toimii hankkeen koordinaattorina.", "Arja Niemi", "koordinaattori"),
    ("Yhteystiedot\nHankepäällikkö\nArja Niemi\npuh. 040 123 4567", "Arja Niemi",
     "hankepäällikkö"),
    ("Erikoissuunnittelija (vaativat palvelut), PSSHP\nArja Niemi", "Arja Niemi",
     "erikoissuunnittelija"),
    ("Lisätietoja antaa neuvotteleva virkamies Arja Niemi.", "Arja Niemi",
     "neuvotteleva virkamies"),
    ("Puhujana perhetyön esimies Arja Niemi.", "Arja Niemi", "perhetyön esimies"),
    ("Esittelijä sairaanhoitopiirin johtaja Arja Niemi.", "Arja Niemi",
     "sairaanhoitopiirin johtaja"),
    ("Kemin kaupungin johtaja Arja Niemi.", "Arja Niemi", "johtaja"),
    ("Arja Niemi, perheneuvoja, Kokkolan seurakunta", "Arja Niemi", "perheneuvoja"),
    ("Tukitiimi, tuki@example.fi\nKehittämispäällikkö Arja Niemi, p. 029 555 6666",
     "Arja Niemi", "kehittämispäällikkö"),
    ("Yhteystiedot\n\nArja Niemi\nprojektipäällikkö\np. 040 123 4567", "Arja Niemi",
     "projektipäällikkö"),
    ("Arja Niemi\nkehittämiskoordinaattori, perhekeskus\n", "Arja Niemi",
     "kehittämiskoordinaattori"),
    ("Arja Niemi\nperhekeskus avataan syksyllä\n", "Arja Niemi", None),
    ("Arja Niemi, Oulun kaupunki", "Arja Niemi", None),
    ("Tekstin kirjoitti Arja Niemi, joka toimii hankkeessa.", "Arja Niemi", None),
    ("Kaupunki\nArja Niemi", "Arja Niemi", None),
]


@pytest.mark.parametrize(("text", "name", "expected"), TITLES)
def test_titles(text: str, name: str, expected: str | None) -> None:
    from graph_builder.morphology import tokenize
    from graph_builder.titles import title_near

    start = text.index(name)
    assert title_near(tokenize(text, 0), start, start + len(name), text) == expected
