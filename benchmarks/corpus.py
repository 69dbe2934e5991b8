"""A deterministic corpus of Finnish programme pages, at any size, for benchmarks.

Why generated: the benchmark must show how lapekg behaves at 10,000 pages,
and nobody may publish 10,000 real ones in this repository. The pages are
made to read like ``tests/eval_corpus/docs``: project cards ("Hankkeen
hallinnoija: …"), partner lists, ministry press releases with grant lists,
regional news pages in Markdown, final-report pages in HTML with boilerplate,
municipal board minutes and bridging-measure lists ("… siltaustoimet vuodelle
2019"). They use the real regions and municipalities of
:mod:`ontology.reference`, invented but realistic organisations (kuntayhtymä,
ry, Oy, säätiö, ammattikorkeakoulu), people, amounts and dates, with names
inflected as running text inflects them.

First a *world* is drawn (projects, their administrators, partners, money,
people), then each page describes one project (or, for press releases,
several) in one genre, so the same entities recur across pages under
different forms, as they do on real sites. Everything comes from one seeded
:class:`random.Random`: the same ``(n, seed)`` always gives the same texts.

    docs = generate(1000)                 # in memory
    paths = write_corpus(1000, Path("c"))  # on disk
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from benchmarks.finnish import (
    ascii_fold,
    inflect_abbreviation,
    inflect_org,
    place_forms,
    surname_genitive,
)
from ontology import reference

SIZES = (10, 100, 1_000, 10_000)
DEFAULT_SEED = 2016
DOCS_PER_PROJECT = 3       # pages per project on average: cards, news, lists

# --- Vocabulary -----------------------------------------------------------------------

FIRST_NAMES = ("Anna", "Riikka", "Heidi", "Tiina", "Outi", "Mervi", "Päivi", "Minna", "Kirsi",
               "Sari", "Katja", "Marjo", "Tuula", "Hanna", "Johanna", "Satu", "Elina", "Laura",
               "Jukka", "Juho", "Pertti", "Antti", "Jarmo", "Heikki", "Tapio", "Mikko",
               "Timo", "Markku", "Janne", "Ville", "Petri", "Sami", "Kari", "Matti", "Eija",
               "Leena", "Pirjo", "Anu", "Maarit", "Susanna")
SURNAMES = ("Kärkkäinen", "Lehto", "Salo", "Virtanen", "Honkanen", "Laukkanen", "Nurmi",
            "Virta", "Saarela", "Haapakoski", "Ylitalo", "Karvonen", "Aaltonen", "Leppänen",
            "Mäkelä", "Heikkinen", "Koskinen", "Järvinen", "Niemi", "Kallio", "Hämäläinen",
            "Laine", "Korhonen", "Tuominen", "Rantanen", "Lehtonen", "Hiltunen", "Kinnunen",
            "Pesonen", "Partanen", "Miettinen", "Hyvärinen", "Salonen", "Jokinen", "Huttunen",
            "Seppälä", "Turunen", "Savolainen", "Lahtinen", "Vesterinen", "Ojala", "Mattila")
TITLES = ("hankepäällikkö", "hankekoordinaattori", "projektipäällikkö", "muutosagentti",
          "kehittämiskoordinaattori", "projektikoordinaattori")
CHAIR_TITLES = ("perusturvajohtaja", "sosiaali- ja terveysjohtaja", "sivistysjohtaja",
                "perhe- ja sosiaalipalvelujen johtaja", "hyvinvointijohtaja", "ylilääkäri")
BRANDS = ("Saarikka", "Kuusikko", "Kaarna", "Tyrsky", "Kataja", "Vaahtera", "Lehmus", "Pihlaja",
          "Kanerva", "Kielo", "Usva", "Kaste", "Louhi", "Aallokko", "Tuulikki", "Virvatuli",
          "Sarastus", "Kajo", "Utu", "Lumikki")
THEMES = ("Perhe edellä", "Lapsen polku", "Yhdessä kasvaen", "Hyvä arki", "Perhe voimaksi",
          "Lapsen ääni kuuluviin", "Kasvun tuki", "Arjen tuki", "Vahvat vanhemmat",
          "Nuoret keskiöön", "Perhe keskiöön", "Lapsi edellä", "Yhteinen polku",
          "Arjen voimaa", "Perheiden kylä", "Lapsen hyvä arki", "Kasvun kumppanit",
          "Perhekeskus lähellä", "Ovet auki", "Yhdessä lapsen hyväksi", "Kotoa kouluun",
          "Harrastamisen polku", "Mielen hyvinvointi", "Vanhemmuuden tuki",
          "Oikea apu oikeaan aikaan", "Voimaa arkeen", "Huomisen perheet", "Kasvurauha",
          "Turvallinen kasvu", "Kaikki mukaan", "Lähellä lasta", "Perheen parhaaksi")
AREAS = ("perhekeskustoimintamallin rakentaminen", "varhaiskasvatuksen ja koulun "
         "hyvinvointia tukevan toimintakulttuurin vahvistaminen", "erityis- ja vaativan "
         "tason palvelujen uudistaminen", "lastensuojelun avohuollon kehittäminen",
         "eroauttamisen palveluverkoston kokoaminen", "lapsiperheiden kotipalvelun "
         "yhteisten myöntämisperusteiden laatiminen", "nuorten mielenterveyspalvelujen "
         "saatavuuden parantaminen", "sijaishuollon laatukriteerien laatiminen",
         "lapsivaikutusten arvioinnin käyttöönotto", "sähköisen perhekeskuksen kehittäminen",
         "vertaistuen ja järjestöyhteistyön vahvistaminen", "oppilashuollon ja "
         "sosiaalityön yhteistyön tiivistäminen")
MEASURES = (
    "{org} jatkaa maakunnallisen perhekeskusverkoston koordinointia.",
    "Sijaishuollon yhteiset laatukriteerit laaditaan {person_gen} selvityksen pohjalta.",
    "Eroauttamisen palveluverkosto laajenee koko maakuntaan yhteistyössä {org_gen} kanssa.",
    "Lapsivaikutusten arviointi otetaan käyttöön {org_gen} päätöksenteossa.",
    "{place_loc} aloittaa kunta-agentti, joka vastaa varhaiskasvatuksen ja "
    "perusopetuksen yhteistyöstä.",
    "Lasten ja nuorten mielenterveyden konsultaatiotiimi siirtyy {org_gen} "
    "vakinaiseksi toiminnaksi.",
    "Lapsiperheiden kotipalvelun myöntämisperusteet päivitetään, ja päivittämisestä "
    "vastaa {org}.",
    "Vaativan tason palvelujen osaamis- ja tukikeskuksen suunnittelua jatketaan yhdessä "
    "{org_gen} kanssa.",
    "Perhekeskusten avoimia kohtaamispaikkoja pidetään yllä {place_loc} yhdessä järjestöjen "
    "kanssa.",
    "Koulukuraattorin ja perhetyöntekijän työparimalli jää {org_gen} omaksi toiminnaksi.",
)


@dataclass(frozen=True)
class Org:
    """An organisation: its name (head word last, as Finnish names go) and abbreviation."""

    name: str
    abbreviation: str | None = None
    domain: str = ""

    def form(self, case: str) -> str:
        return inflect_org(self.name, case)

    def short(self, case: str) -> str:
        """The abbreviation in ``case`` when there is one, else the full name."""
        if self.abbreviation:
            return inflect_abbreviation(self.abbreviation, case)
        return self.form(case)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    title: str
    org: Org

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def genitive(self) -> str:
        return f"{self.first} {surname_genitive(self.last)}"

    @property
    def email(self) -> str:
        return f"{ascii_fold(self.first)}.{ascii_fold(self.last)}@{self.org.domain}"


@dataclass(frozen=True)
class Programme:
    name: str
    genitive: str
    partitive: str
    abbreviation: str


@dataclass(frozen=True)
class Place:
    """A municipality with the forms text needs; ``region`` is a reference Region."""

    name: str
    genitive: str
    locative: str
    region: reference.Region
    city: bool


@dataclass(frozen=True)
class Project:
    name: str            # "Perhe edellä Kemissä"
    place: Place
    programme: Programme
    admin: Org
    implementers: tuple[Org, ...]
    partners: tuple[Org, ...]
    start: date
    end: date
    grant: int
    share: int           # per cent of the total cost
    contact: Person
    chair: Person
    steering: tuple[Person, ...]
    areas: tuple[str, ...]

    @property
    def total(self) -> int:
        return round(self.grant * 100 / self.share / 50) * 50

    @property
    def own(self) -> int:
        return self.total - self.grant


@dataclass(frozen=True)
class GeneratedDoc:
    """One page: its file name (suffix gives the format) and text."""

    name: str
    text: str
    genre: str


PROGRAMMES = (
    Programme("Lapsi- ja perhepalveluiden muutosohjelma",
              "Lapsi- ja perhepalveluiden muutosohjelman",
              "Lapsi- ja perhepalveluiden muutosohjelmaa", "LAPE"),
    Programme("Ikäihmisten kotihoidon kehittämisen kärkihanke",
              "Ikäihmisten kotihoidon kehittämisen kärkihankkeen",
              "Ikäihmisten kotihoidon kehittämisen kärkihanketta", "I&O"),
)
STM = Org("Sosiaali- ja terveysministeriö", "STM")

# --- Reference data with forms ---------------------------------------------------------


@cache
def places() -> tuple[Place, ...]:
    """Municipalities whose forms libvoikko confirms, in code order (Åland left out)."""
    regions = {r.code: r for r in reference.regions()}
    out = []
    for m in reference.municipalities():
        forms = place_forms(m.name_fi)
        if forms and m.region != "21":
            out.append(Place(m.name_fi, forms.genitive, forms.locative, regions[m.region],
                             m.city))
    return tuple(out)


@cache
def surnames() -> tuple[str, ...]:
    """Surnames whose genitive libvoikko confirms."""
    return tuple(s for s in SURNAMES if surname_genitive(s))


def municipality_org(place: Place) -> Org:
    kind = "kaupunki" if place.city else "kunta"
    return Org(f"{place.genitive} {kind}", None, f"{ascii_fold(place.name)}.fi")


def hospital_district(region: reference.Region) -> Org:
    initials = "".join(part[0] for part in region.name_fi.split("-"))
    return Org(f"{region.genitive_fi} sairaanhoitopiirin kuntayhtymä", f"{initials}SHP",
               f"{ascii_fold(region.name_fi)}shp.fi")


def third_sector(rng: random.Random, place: Place) -> Org:
    """An association, foundation, company or parish union of the place."""
    brand = rng.choice(BRANDS)
    region = place.region
    options = (
        Org(f"{place.genitive} Ensi- ja turvakoti ry", None, "ensijaturvakoti.fi"),
        Org(f"{place.genitive} Setlementti {brand} ry", None, f"{ascii_fold(brand)}.fi"),
        Org(f"{region.genitive_fi} Nuorisoseurat ry", None, "nuorisoseurat.fi"),
        Org(f"{place.genitive} Perheentupa ry", None, "perheentupa.fi"),
        Org(f"MLL {region.genitive_fi} piiri", None, "mll.fi"),
        Org(f"{place.genitive} Lapsisäätiö", None, "lapsisaatio.fi"),
        Org(f"{brand}-säätiö", None, f"{ascii_fold(brand)}saatio.fi"),
        Org(f"Terapiakeskus {brand} Oy", None, f"terapia{ascii_fold(brand)}.fi"),
        Org(f"Perhepalvelu {brand} Oy", None, f"perhepalvelu{ascii_fold(brand)}.fi"),
        Org(f"{place.genitive} seurakuntayhtymä", None, "evl.fi"),
        Org(f"{region.genitive_fi} ammattikorkeakoulu", f"{region.genitive_fi} AMK", "amk.fi"),
    )
    return rng.choice(options)


# --- The world ------------------------------------------------------------------------


def person(rng: random.Random, org: Org, titles: Sequence[str]) -> Person:
    return Person(rng.choice(FIRST_NAMES), rng.choice(surnames()), rng.choice(titles), org)


def project_name(rng: random.Random, place: Place, taken: set[str]) -> str:
    """A unique name: a theme and the place ("Voimaa arkeen Kemissä").

    When a place has used up the themes (huge corpora), the name gets a
    phase number, as second phases of real projects do ("… Kemissä 2").
    """
    name = ""
    for _ in range(4 * len(THEMES)):
        name = f"{rng.choice(THEMES)} {place.locative}"
        if name not in taken:
            taken.add(name)
            return name
    phase = 2
    while f"{name} {phase}" in taken:
        phase += 1
    taken.add(f"{name} {phase}")
    return f"{name} {phase}"


def make_project(rng: random.Random, place: Place, taken: set[str]) -> Project:
    """One project with its organisations, people, period and money."""
    pool = [p for p in places() if p.region.code == place.region.code and p != place]
    admin = municipality_org(place)
    implementers = [hospital_district(place.region)]
    implementers += [municipality_org(p) for p in rng.sample(pool, min(len(pool),
                                                                      rng.randint(1, 3)))]
    partners = list(dict.fromkeys(third_sector(rng, rng.choice([place, *pool]))
                                  for _ in range(rng.randint(2, 5))))
    start = date(2017, rng.choice((1, 2, 3, 4)), 1)
    end = date(rng.choice((2018, 2018, 2019)), 12, 31)
    steering = tuple(person(rng, rng.choice([admin, *implementers, *partners]), CHAIR_TITLES)
                     for _ in range(rng.randint(2, 4)))
    return Project(
        name=project_name(rng, place, taken), place=place,
        programme=PROGRAMMES[0] if rng.random() < 0.85 else PROGRAMMES[1],
        admin=admin, implementers=tuple(implementers), partners=tuple(partners),
        start=start, end=end, grant=rng.randrange(80_000, 3_000_000, 50),
        share=rng.choice((80, 80, 80, 75, 70, 90)),
        contact=person(rng, admin, TITLES), chair=steering[0], steering=steering,
        areas=tuple(rng.sample(AREAS, rng.randint(2, 4))))


def make_world(rng: random.Random, n_projects: int) -> list[Project]:
    """``n_projects`` projects, the place of each drawn over all municipalities."""
    taken: set[str] = set()
    return [make_project(rng, rng.choice(places()), taken) for _ in range(n_projects)]


# --- Formatting -----------------------------------------------------------------------


def euros(amount: int) -> str:
    """``1284600`` -> ``"1 284 600"`` (Finnish thousands separator)."""
    return f"{amount:,}".replace(",", " ")


def amount_phrase(rng: random.Random, amount: int) -> str:
    """An amount as press releases write it: exact, rounded, "M€" or "miljoonaa"."""
    style = rng.randrange(4)
    if style == 0 and amount >= 1_000_000:
        return f"{amount / 1_000_000:.1f}".replace(".", ",") + " M€"
    if style == 1:
        return f"noin {euros(round(amount, -4))} euroa"
    if style == 2 and amount >= 1_000_000 and amount % 1_000_000 < 50_000:
        return f"{amount // 1_000_000} miljoonaa euroa"
    return f"{euros(amount)} euroa"


def day(d: date) -> str:
    return f"{d.day}.{d.month}.{d.year}"


def phone(rng: random.Random) -> str:
    return f"{rng.choice(('040', '044', '050'))} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def joined(items: Sequence[str]) -> str:
    """"a, b ja c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " ja " + items[-1]


def hanke(project: Project, case: str = "nominative") -> str:
    """"Perhe edellä Kemissä -hanke" in a case: only "hanke" inflects."""
    forms = {"nominative": "hanke", "genitive": "hankkeen", "inessive": "hankkeessa",
             "partitive": "hanketta", "illative": "hankkeeseen"}
    return f"{project.name} -{forms[case]}"


WHY = ("Pitkien etäisyyksien vuoksi hankkeessa kokeillaan etä- ja mobiilipalveluja.",
       "Tavoitteena on, ettei perheen tarvitse itse etsiä oikeaa ovea.",
       "Apua pitää saada oikeaan aikaan, eikä perheen pidä joutua kiertämään luukulta toiselle.",
       "Hankkeessa kootaan hajanaiset palvelut lapsen ja perheen tarpeiden mukaisiksi "
       "kokonaisuuksiksi.")


def named(org: Org) -> str:
    """First mention: the name, with its abbreviation in brackets when it has one."""
    return f"{org.name} ({org.abbreviation})" if org.abbreviation else org.name


def contact_line(rng: random.Random, who: Person) -> str:
    return f"{who.name}, {who.title}, {who.org.name}, {who.email}, puh. {phone(rng)}"


# --- Genres ---------------------------------------------------------------------------


def card(rng: random.Random, p: Project) -> str:
    """A project card: "Label: value" fields, then a description."""
    c = p.contact
    areas = ", ".join(f"{i}. {a}" for i, a in enumerate(p.areas[:-1], start=1))
    areas += f" ja {len(p.areas)}. {p.areas[-1]}"
    partner = p.partners[0]
    lines = [
        f"{p.place.genitive} {p.programme.abbreviation}-hanke", "",
        f"Hankkeen nimi: {p.name} – lasten, nuorten ja perheiden palvelujen kehittämishanke",
        f"Hankkeen hallinnoija: {p.admin.name}",
        f"Osatoteuttajat: {', '.join(o.name for o in p.implementers)}",
        f"Hankeaika: {day(p.start)} - {day(p.end)}",
        f"Rahoittaja: {STM.name}",
        f"Valtionavustus: {euros(p.grant)} euroa ({p.share} %)",
        f"Kokonaiskustannusarvio: {euros(p.total)} euroa",
        f"Omavastuu: {euros(p.own)} euroa",
        f"Yhteyshenkilö: {c.name}, {c.title}, {c.email}, {phone(rng)}", "",
        "Hankkeen kuvaus", "",
        f"{p.name} on {p.programme.genitive} ({p.programme.abbreviation}) alueellinen hanke. "
        f"Kehittämistyötä tehdään {p.place.locative} ja naapurikunnissa yhdessä "
        f"{p.implementers[0].form('genitive')} kanssa.", "",
        f"{rng.choice(WHY)} Hankkeeseen osallistuvat myös muut "
        f"{p.place.region.genitive_fi} kunnat, ja kehittämistyötä tehdään sekä kuntien omissa "
        "työryhmissä että seutukunnittain.", "",
        f"Hanketta ohjaa ohjausryhmä, jonka puheenjohtajana toimii "
        f"{p.chair.org.form('genitive')} {p.chair.title} {p.chair.name}.", "",
        f"Kehittämiskohteet ovat: {areas}.", "",
        f"{named(partner)} vastaa hankkeen arvioinnista. "
        f"{partner.short('genitive')} opiskelijat kokoavat kuntien kokemukset. "
        f"{p.partners[-1].form('genitive')} osahankkeessa kehitetään perhetyötä ja "
        "vertaistukea.", "",
        f"Lisätietoja hankkeesta antaa {c.title} {c.name}.",
    ]
    return "\n".join(lines) + "\n"


def partner_list(rng: random.Random, p: Project) -> str:
    """A partner page: administrator, implementers, partners in inflected forms."""
    impl = p.implementers
    parts = [
        f"{hanke(p)} – yhteistyökumppanit", "",
        f"{hanke(p)} on {p.programme.genitive} hanke, jota toteutetaan "
        f"{day(p.start)}–{day(p.end)}. Hankkeen hallinnoijana toimii {p.admin.name}. "
        f"Hankkeen osatoteuttajina toimivat {joined([o.name for o in impl])}.", "",
        f"{p.admin.form('inessive')} hankkeen työ on sijoitettu lasten, nuorten ja perheiden "
        f"palvelujen vastuualueelle. Hankkeen kehittäjäkumppaneina toimivat alla esitellyt "
        "järjestöt, säätiöt, yritykset ja oppilaitokset.", "",
        "Kumppanit", "",
    ]
    verbs = ("järjestää yhdessä hankkeen kanssa vertaisryhmiä vanhemmille.",
             "tukee hanketta rahoittamalla perheiden lomaviikkoja.",
             "tuottaa hankkeessa kokeiltavaa nuorten lyhytterapiaa.",
             "vastaa hankkeen arvioinnista.",
             "ylläpitää lapsiperheiden avointa kohtaamispaikkaa.")
    for org in p.partners:
        parts += [f"{org.name} {rng.choice(verbs)} {p.admin.form('nominative')} ohjaa "
                  f"kokeiluun perheitä, ja {org.form('genitive')} työntekijät kirjaavat "
                  f"käynnit {p.admin.form('genitive')} järjestelmään.", ""]
    parts += ["Yhteystiedot", "",
              f"Hankkeen yhteyshenkilönä toimii {p.contact.title} {p.contact.name}, "
              f"{p.admin.name}, {p.contact.email}, puh. {phone(rng)}."]
    return "\n".join(parts) + "\n"


def press_release(rng: random.Random, projects: Sequence[Project], number: int) -> str:
    """A ministry press release with a list of grants."""
    when = date(2017, rng.randint(3, 9), rng.randint(1, 28))
    total = sum(p.grant for p in projects)
    lead = person(rng, STM, ("hankejohtaja", "erityisasiantuntija", "neuvotteleva virkamies"))
    lines = [STM.name, f"Tiedote {number}/2017", f"Julkaistu {day(when)}", "",
             f"Maakunnille {amount_phrase(rng, total)} lasten ja perheiden palvelujen "
             "uudistamiseen", "",
             f"{STM.name} ({STM.abbreviation}) on myöntänyt valtionavustusta "
             f"{projects[0].programme.genitive} alueellisille hankkeille. Hankkeet toteutetaan "
             "vuosina 2017–2018. Valtionavustus kattaa enintään 80 prosenttia hankkeen "
             "hyväksyttävistä kustannuksista.", "",
             "Rahoitusta myönnettiin muun muassa seuraaville hankkeille:", ""]
    for p in projects:
        lines.append(f"- {p.place.region.name_fi}: {hanke(p)}, hallinnoijana {p.admin.name}, "
                     f"{amount_phrase(rng, p.grant)}")
    lines += ["", f"Muutosohjelmaa johtaa {STM.name.lower()}, ja sen toimeenpanoa tukee "
              "Terveyden ja hyvinvoinnin laitos (THL).", "", "Lisätietoja:",
              f"{lead.title} {lead.name}, p. 0295 {rng.randint(100, 999)} "
              f"{rng.randint(100, 999)}, {ascii_fold(lead.first)}.{ascii_fold(lead.last)}@stm.fi"]
    return "\n".join(lines) + "\n"


def measure_text(rng: random.Random, p: Project) -> str:
    org = rng.choice((p.admin, *p.implementers, *p.partners))
    return rng.choice(MEASURES).format(
        org=org.name, org_gen=org.form("genitive"), place_loc=p.place.locative,
        person_gen=p.steering[-1].genitive)


def bridging(rng: random.Random, p: Project) -> str:
    """Bridging measures for 2019 under a "… siltaustoimet vuodelle 2019" heading."""
    items = list(dict.fromkeys(measure_text(rng, p) for _ in range(rng.randint(3, 6))))
    lines = [f"{p.place.genitive} {p.programme.abbreviation}-työ jatkuu siltaustoimin", "",
             f"{hanke(p)} päättyi vuoden 2018 lopussa, mutta hankkeessa aloitettu palvelujen "
             f"uudistaminen jatkuu. Hankkeen hallinnoijana toimi {p.admin.name}.", "",
             f"{STM.name} myönsi {p.admin.form('allative')} valtionavustusta siltaustoimiin "
             f"yhteensä {euros(p.grant // 4 // 1000 * 1000)} euroa.", "",
             f"{p.place.genitive} siltaustoimet vuodelle 2019", ""]
    lines += [f"  • {item}" for item in items]
    lines += ["", "Lisätietoja:", f"{p.contact.name}, {p.contact.title}, {p.admin.name}",
              p.contact.email, f"puh. {phone(rng)}"]
    return "\n".join(lines) + "\n"


def news_page(rng: random.Random, p: Project) -> str:
    """A regional news page in Markdown: headings, steering group, partners, contacts."""
    published = date(p.start.year, p.start.month + 1, rng.randint(1, 28))
    lines = [f"# {hanke(p)} käynnistyi – perhekeskusta rakennetaan yhdessä kuntien kanssa",
             "", f"*Julkaistu {day(published)}*", "",
             f"**{p.name}** on aloittanut toimintansa. Hanke on osa valtakunnallista "
             f"{p.programme.abbreviation}-muutosohjelmaa, ja sitä toteutetaan "
             f"{day(p.start)}–{day(p.end)}. Hankkeen hallinnoijana toimii {p.admin.name}.", "",
             f"Hanketta koordinoi {p.contact.name}, joka siirtyi tehtävään "
             f"{p.admin.form('elative')}.", "", "## Ohjausryhmä", "",
             "Hanketta ohjaa ohjausryhmä. Ohjausryhmään kuuluvat:", ""]
    for i, member in enumerate(p.steering):
        chair = " (puheenjohtaja)" if i == 0 else ""
        lines.append(f"- {member.name}, {member.title}, {member.org.name}{chair}")
    lines += ["", "## Kehittäjäkumppanit", "", "Hankkeen kehittäjäkumppaneina toimivat:", ""]
    lines += [f"- {org.name}" for org in p.partners]
    lines += ["", "## Mitä hankkeessa tehdään?", "",
              f"{p.partners[0].form('genitive')} työntekijät osallistuvat asiakasraatien "
              f"järjestämiseen. {named(p.implementers[0])} on mukana erityispalvelujen "
              f"kehittämisessä: {p.implementers[0].short('inessive')} kehitetään "
              "konsultaatiomallia neuvoloiden ja koulujen tueksi.", "",
              f"– {rng.choice(WHY)} Silloin apu löytyy läheltä ja ajoissa, "
              f"{p.contact.last} sanoo.",
              "",
              "## Yhteystiedot", "", contact_line(rng, p.contact)]
    return "\n".join(lines) + "\n"


def report_html(rng: random.Random, p: Project) -> str:
    """A final-report page in HTML with navigation, script and footer boilerplate."""
    rows = [f"<tr><td>{p.admin.name}</td><td>Hallinnoija</td><td>Hankehallinto</td></tr>"]
    rows += [f"<tr><td>{o.name}</td><td>Osatoteuttaja</td><td>Palvelujen kehittäminen</td></tr>"
             for o in p.implementers]
    rows += [f"<tr><td>{o.name}</td><td>Kehittäjäkumppani</td><td>Arviointi</td></tr>"
             for o in p.partners]
    items = "\n".join(f"  <li>{measure_text(rng, p)}</li>" for _ in range(3))
    title = f"Loppuraportin tiivistelmä – {p.name}"
    return f"""<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>body {{ font-family: Arial, sans-serif; }} td {{ padding: 4px; }}</style>
<script>window.dataLayer = window.dataLayer || []; var sivusto = {{ versio: "2.3" }};</script>
</head>
<body>
<header><a class="logo" href="/">{p.name}</a>
<nav><ul><li><a href="/">Etusivu</a></li><li><a href="/ajankohtaista">Ajankohtaista</a></li>
<li><a href="/muut">Muiden maakuntien hankkeet</a></li></ul></nav></header>
<main>
<h1>{hanke(p, 'genitive')} loppuraportin tiivistelmä</h1>
<p>{hanke(p)} toteutettiin {day(p.start)}–{day(p.end)} osana {p.programme.partitive}.
Hankkeen hallinnoijana toimi {p.admin.name}. Hankkeen kokonaiskustannukset olivat
{euros(p.total)} euroa, josta valtionavustuksen osuus oli {euros(p.grant)} euroa ({p.share} %).</p>
<h2>Hankkeen toteuttajat</h2>
<table>
<thead><tr><th>Organisaatio</th><th>Rooli</th><th>Vastuualue</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h2>Mikä jatkuu hankkeen jälkeen?</h2>
<ul>
{items}
</ul>
</main>
<footer><p>© 2019 {p.admin.name} · Sivuston toteutus: Verkkopaja {rng.choice(BRANDS)} Oy</p>
</footer>
</body>
</html>
"""


def minutes(rng: random.Random, p: Project, number: int) -> str:
    """Municipal board minutes: a decision to join the project as an implementer."""
    member = p.implementers[-1]
    when = date(p.start.year, p.start.month + 2, rng.randint(1, 28))
    share = rng.randrange(2_000, 40_000, 10)
    official = person(rng, member, ("perusturvajohtaja", "sivistysjohtaja"))
    lines = [f"{member.name.upper()}    PÖYTÄKIRJA {number % 30 + 1}/{when.year}",
             "Kunnanhallitus" if member.name.endswith("kunta") else "Kaupunginhallitus", "",
             f"Kokousaika        {day(when)} klo 17.00–19.10", "", "",
             f"§ {100 + number % 200}",
             f"OSALLISTUMINEN {hanke(p, 'illative').upper()}", "",
             f"Valmistelija: {official.title} {official.name}, puh. {phone(rng)}, "
             f"{official.email}", "",
             f"{STM.name} on myöntänyt {p.admin.form('allative')} valtionavustusta "
             f"{hanke(p, 'genitive')} toteuttamiseen ajalle {day(p.start)}–{day(p.end)}. "
             f"Hankkeen hallinnoijana toimii {p.admin.name}.", "",
             f"Valtionavustus kattaa {p.share} % hankkeen hyväksyttävistä "
             f"kokonaiskustannuksista. {member.form('genitive')} omavastuu on koko hankeajalta "
             f"yhteensä {euros(share)} euroa.", "",
             "Ehdotus:", "Kunnanhallitus päättää, että",
             f"1. {member.name} osallistuu {hanke(p, 'illative')} osatoteuttajana "
             f"{day(p.start)}–{day(p.end)} ja",
             f"2. yhteyshenkilöksi nimetään {official.title} {official.name}.", "",
             "Päätös:", "Ehdotus hyväksyttiin yksimielisesti."]
    return "\n".join(lines) + "\n"


#: Genre, weight, file suffix.
GENRES = (("card", 4, ".txt"), ("partners", 2, ".txt"), ("news", 2, ".md"),
          ("report", 1, ".html"), ("bridging", 2, ".txt"), ("minutes", 1, ".txt"),
          ("press", 1, ".txt"))


def page(rng: random.Random, genre: str, project: Project, world: Sequence[Project],
         number: int) -> str:
    """The text of one page of ``genre`` about ``project``."""
    if genre == "press":
        others = rng.sample(list(world), min(len(world), rng.randint(4, 8)))
        return press_release(rng, list(dict.fromkeys([project, *others])), number)
    if genre == "minutes":
        return minutes(rng, project, number)
    writer = {"card": card, "partners": partner_list, "news": news_page,
              "report": report_html, "bridging": bridging}[genre]
    return writer(rng, project)


def generate(n: int, seed: int = DEFAULT_SEED) -> list[GeneratedDoc]:
    """``n`` pages, deterministic from ``seed``; about three pages per project."""
    rng = random.Random(seed)
    world = make_world(rng, max(1, n // DOCS_PER_PROJECT))
    names, weights = [g[0] for g in GENRES], [g[1] for g in GENRES]
    suffix = {g[0]: g[2] for g in GENRES}
    docs = []
    for i in range(n):
        project = world[i % len(world)]
        genre = rng.choices(names, weights)[0]
        text = page(rng, genre, project, world, i)
        name = f"{i:05d}_{genre}_{ascii_fold(project.place.name)}{suffix[genre]}"
        docs.append(GeneratedDoc(name, text, genre))
    return docs


def write_corpus(n: int, directory: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write ``generate(n, seed)`` into ``directory`` (created); return the paths in order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in generate(n, seed):
        path = directory / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths
