"""Finnish words the rules look for: reference data true of any text.

Nothing here is a fact of a particular document. These are the closed
classes of administrative Finnish: organisation type words and legal-form
suffixes (as in the Finnish Trade Register and the Local Government Act),
month names, common abbreviations that end in a full stop, job-title heads,
and the cue words with which programme texts state roles, money and time.
Each list says what it is for; base forms (lemmas) unless noted.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Heads (last compound part, lower case) that make a noun phrase an
#: organisation name, e.g. "terveysministeriö", "kuntayhtymä", "Autismisäätiö".
ORGANISATION_HEADS: tuple[str, ...] = (
    "ministeriö", "laitos", "virasto", "säätiö", "kuntayhtymä", "yhtymä",
    "sairaanhoitopiiri", "piiri", "liitto", "keskusliitto", "ammattikorkeakoulu",
    "yliopisto", "korkeakoulu", "seurakunta", "seurakuntayhtymä", "yhdistys",
    "osuuskunta", "kaupunki", "kunta", "hallitus", "valtioneuvosto", "eduskunta",
    "keskus", "hallintovirasto", "lautakunta", "yhteisö", "opisto", "akatemia",
    "ryhmä", "verkosto", "hyvinvointialue", "kirkko", "järjestö", "neuvosto",
    "toimikunta", "instituutti", "rahasto", "palvelut", "konserni", "sairaala",
    "setlementti", "klinikka",
)
#: Heads written before a body's own name: "Peruspalvelukuntayhtymä Kallio",
#: "Perusturvaliikelaitos Saarikka" (the name after the head is the body's brand).
NAME_AFTER_HEADS: tuple[str, ...] = ("kuntayhtymä", "liikelaitos")
#: Heads that name an organisation only with a proper name before them
#: ("MLL Pohjanmaan piiri", "Seinäjoen kaupunki"), never alone.
WEAK_ORGANISATION_HEADS: frozenset[str] = frozenset({
    "piiri", "kaupunki", "kunta", "hallitus", "keskus", "ryhmä", "verkosto",
    "yhteisö", "lautakunta", "palvelut", "konserni", "akatemia", "opisto",
    "järjestö", "neuvosto", "toimikunta", "kirkko", "rahasto", "yhtymä",
    "laitos", "liitto", "yhdistys", "seurakunta", "hyvinvointialue",
})
#: Legal-form suffixes written after a company or association name.
LEGAL_FORMS: frozenset[str] = frozenset({
    "Oy", "Oyj", "Ab", "Abp", "ry", "r.y.", "Ry", "RY", "sr", "Ky", "Ay", "Tmi",
    "Ltd", "Oy:n", "ry:n",
})
#: Head words of a municipality acting as a body: "Seinäjoen kaupunki".
MUNICIPALITY_BODIES: frozenset[str] = frozenset({"kaupunki", "kunta"})
#: Plural forms of those heads: "Meri-Lapin kunnissa", "Pohjois-Savon kaupungeissa"
#: speak of several municipalities, never of one body (Finnish plural inflection).
PLURAL_MUNICIPALITY_WORDS: frozenset[str] = frozenset({
    "kunnat", "kuntien", "kuntain", "kuntia", "kunnissa", "kunnista", "kuntiin", "kunnilla",
    "kunnilta", "kunnille", "kuntina", "kunniksi", "kunnitta",
    "kaupungit", "kaupunkien", "kaupunkeja", "kaupungeissa", "kaupungeista", "kaupunkeihin",
    "kaupungeilla", "kaupungeilta", "kaupungeille", "kaupunkeina", "kaupungeiksi",
})

#: Heads of programme names: "LAPE-muutosohjelma", "sote-uudistus".
PROGRAMME_HEADS: tuple[str, ...] = ("muutosohjelma", "ohjelma", "uudistus", "kärkiohjelma")
#: Heads of project names: "LAPE-hanke", "kehittämishanke".
PROJECT_HEADS: tuple[str, ...] = ("hanke", "projekti")
#: A project noun in the plural, as its word ends: "hankkeet", "LAPE-hankkeille",
#: "projektien". Such a noun with no name speaks of a group of projects together.
GROUP_OF_PROJECTS = re.compile(r"(hankkeet|hankkei\w*|projektit|projektien|projekte\w*)$")
#: Stems of project nouns whose plural is no group of projects: a government's key
#: projects ("kärkihankkeista") are programmes; sub-projects ("osahankkeisiin") are
#: parts of the page's project, and their money is its money.
NOT_A_PROJECT_GROUP: tuple[str, ...] = ("kärkihank", "kärkiprojekt", "osahank", "osaprojekt",
                                        "alahank")
#: Words that say "each" before "omalla hankkeella": "kaikissa maakunnissa omalla
#: hankkeella" is one project per region, a group.
GROUP_DISTRIBUTIVE = re.compile(r"^(kaik(ki|issa|illa|kiin|ista|ille)|jokai(nen|sessa|sella|"
                                r"seen|sesta|selle))$", re.I)
#: Words for a part of a project with a name of its own: "osahanke", "osaprojekti".
SUB_PROJECT_WORDS: tuple[str, ...] = ("osahanke", "osaprojekti")
#: A heading or lead-in over a list of sub-projects: "Osahankkeet lyhyesti".
SUB_PROJECT_CUE = re.compile(r"osahank|osaprojekt", re.I)
#: A paragraph opening that speaks of the sub-project its heading names ("Osahanke
#: käynnistyi …", "Osahankkeen budjetti on …").
SUB_PROJECT_ANAPHOR = re.compile(r"(osahanke|osaprojekti|osahankkeen|osahanketta|"
                                 r"osahankkeessa)\b", re.I)
#: A table row's label that sums the rows above it ("**Yhteensä**", "Yht.", "Kaikki
#: yhteensä:", "Total"): no name.
TOTAL_ROW = re.compile(r"^(kaikki\s+|hankkeet\s+|osahankkeet\s+)?(yhteensä|yht\.?|summa|total)"
                       r"\s*:?$", re.I)
#: Heads of plan-like measures: "juurruttamissuunnitelma", "tiekartta".
PLAN_HEADS: tuple[str, ...] = ("suunnitelma", "tiekartta", "käsikirja", "sääntökirja")
#: Verbs that say a plan is being made, so a plan noun is a measure.
PLAN_MAKING = re.compile(
    r"\b(tehdään|tehty|laaditaan|laadittu|laatiminen|laatimista|valmistellaan|"
    r"valmistuu|valmistui|luonnos|luodaan|aloitettu|käynnistetään)\b", re.I)

#: Heading or lead-in words that make each list item under them a measure,
#: mapped to the measure kind.
MEASURE_LIST_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"siltaus|sillata|sillataan", re.I), "bridging-measure"),
    (re.compile(r"osa-alue|kehittämiskohte|kehittämiskokonaisuu|painopiste|"
                r"kehittämisalue|teema", re.I), "development-area"),
    (re.compile(r"toimenpite|toimet\b|toimista\b|jatkotoim|juurrut|"
                r"jatketaan|jatkuvat|\bjatkuu\b|toimintamall|\bmallit\b|\bmalleja\b|\bmallia\b|"
                r"pilotit|pilotteja|pilotoin|kokeilut|kokeiluja|vakiintu|vakinaist", re.I),
     "action"),
)

#: Job-title heads; a word ending in one is a title ("hankepäällikkö").
TITLE_HEADS: tuple[str, ...] = (
    "päällikkö", "johtaja", "koordinaattori", "agentti", "suunnittelija",
    "asiantuntija", "sihteeri", "puheenjohtaja", "lääkäri", "ministeri",
    "professori", "tutkija", "työntekijä", "kehittäjä", "esimies", "vastaava",
    "neuvos", "ohjaaja", "yhdyshenkilö", "yhteyshenkilö", "kuraattori",
    "psykologi", "sosiaalityöntekijä", "hoitaja", "valmentaja", "manageri",
    "opettaja", "rehtori", "lehtori", "terapeutti", "neuvoja", "virkamies", "avustaja",
)

#: Offices in a group ("puheenjohtaja", "vpj.", "sihteerinä"): pattern over the
#: lower-cased word -> (role concept, the office's name). Vice-chair before chair.
GROUP_OFFICES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^(\d\.\s*)?(varapuheenjohtaja|vpj\.?$)"), "vice-chair", "varapuheenjohtaja"),
    (re.compile(r"^(puheenjohtaja|pj\.?$)"), "chair", "puheenjohtaja"),
    (re.compile(r"^(sihteeri|siht\.?$)"), "secretary", "sihteeri"),
)


def office_of(word: str) -> tuple[str, str] | None:
    """The office a word names in a group ("vpj." -> vice-chair, varapuheenjohtaja)."""
    low = word.lower().strip()
    return next(((role, name) for pattern, role, name in GROUP_OFFICES if pattern.search(low)),
                None)


#: Headings of a report's staff section ("2.3 Henkilöstö", "Hankkeen työntekijät"):
#: "Title Name" lines under them are the project's staff.
STAFF_HEADING = re.compile(r"henkilöstö|työntekijä|henkilökunta|hankehenkilö", re.I)


#: Labels of the attendance of a meeting in minutes ("Läsnä", "Poissa", "Saapuvilla
#: olleet jäsenet"): the people under them sit in the body whose minutes these are.
#: ("Muut läsnä", "Muut saapuvilla olleet" are officials and guests, not members.)
ATTENDANCE_LABEL = re.compile(r"^(?!muut\b)(läsnä|paikalla|poissa|saapuvilla|"
                              r"kokoukseen osallistu|osallistujat|jäsenet)", re.I)


#: Role cues: pattern over the lower-cased word -> role concept.
#: Order matters: the first that matches a word wins.
ROLE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^hallinnoi"), "administrator"),
    (re.compile(r"^(päätoteuttaja|vastuutaho|vastuuorganisaatio)"), "administrator"),
    (re.compile(r"^koordinoi|^koordinaattori(na)?$|^johtaa$|^johti$|^johtavat$"), "coordinator"),
    (re.compile(r"^(ohjasi|ohjaa|ohjannut|ohjaavat|ohjanneet|ohjausryhmä)"), "steering-group"),
    (re.compile(r"^tukena$|^tukenaan$|^tukivat$|^tukee$|^tukevat$"), "supporter"),
    (re.compile(r"konsortio|^osatoteuttaj"), "consortium-member"),
    (re.compile(r"kehittäjäkumppan|^kumppan|^yhteistyökumppan"), "development-partner"),
    (re.compile(r"^osallistu|^mukana$"), "participant"),
    (re.compile(r"^rahoitta|^rahoitti|^rahoittivat|^rahoittajana"), "funder"),
    (re.compile(r"^toteuttaj|^toteuttaa$|^toteuttavat$|^toteutti$|^toteuttivat$|"
                r"^toteuttama(n|ssa|t|ssaan)?$"), "consortium-member"),
)
#: Role cues that read a role off a plain verb of running text ("X toteuttaa hankkeen"):
#: weaker evidence than a role noun or a card label, so their facts get a lower confidence.
WEAK_ROLE_CUES = re.compile(r"^toteuttaa$|^toteuttavat$|^toteutti$|^toteuttivat$|^toteuttama")

#: Labels of a project card's fields ("Vastuuorganisaatio:", "Kesto:", "Budjetti:"), over
#: the label's first word lower-cased: a bulleted "- Kesto: 1.8.2017–31.12.2018" is such
#: a field, not a list item named "Kesto".
CARD_LABEL = re.compile(
    r"^(hallinnoija|vastuu(organisaatio|taho|henkilö)|päätoteuttaja|toteuttaja|osatoteuttaja|"
    r"kumppani|yhteistyökumppani|rahoittaja|rahoitus|valtionavustus|omarahoitus|budjetti|"
    r"kokonaisbudjetti|kustannusarvio|kustannukset|kesto|hankeaika|toteutusaika|aikataulu|"
    r"ajankohta|toiminta-alue|kunnat|kunta|paikkakunnat|yhteyshenkilö|yhteystiedot|"
    r"kohderyhmä)(t|n)?$")


@lru_cache(maxsize=65536)
def role_of(word: str) -> str | None:
    """The role a cue word gives ("hallinnoija" -> administrator), or None. Cached:
    every word of every sentence is asked, and a word's role is its letters'."""
    low = word.lower()
    for pattern, role in ROLE_CUES:
        if pattern.search(low):
            return role
    return None


def names_a_role(text: str) -> bool:
    """Does a label or heading speak of roles ("Osatoteuttajat", "Ohjausryhmä")?"""
    return any(role_of(w) for w in text.split())


#: Verbs with which a body arranges, produces, develops or answers for services in
#: places: "X järjestää sosiaali- ja terveyspalvelut Forssassa ja Ypäjällä", "X vastaa
#: neuvolatyön kehittämisestä Riihimäellä", "X, joka tarjoaa palvelut myös Kiuruvedelle",
#: "X palvelee myös A:n ja B:n asukkaita": the municipalities in a place case after it,
#: or whose residents it serves, are where the body works.
SERVICE_VERBS = re.compile(r"^(järjestää|järjestävät|järjesti|järjestivät|tuottaa|tuottavat|"
                           r"tuotti|tuottivat|tarjoaa|tarjoavat|tarjosi|tarjosivat|palvelee|"
                           r"palvelevat|palveli|palvelivat|kehittää|"
                           r"kehittävät|kehitti|kehittivät|vastaa|vastaavat|vastasi|"
                           r"vastasivat)$", re.I)

#: Words for the people of a place: "A:n ja B:n asukkaita", "C:n kuntalaisille".
RESIDENTS = re.compile(r"^(asukka|asukkai|kuntalai|väestö|väestön|perhei|perheit|lapsiperhei)",
                       re.I)

#: Verbs of granting money ("STM on myöntänyt …"): the organisation before them funds.
GRANT_VERBS = re.compile(r"^(myönsi|myöntänyt|myöntää|myönsivät|myöntäneet|myönnettiin)$", re.I)

#: Money: kinds of amount by the cue word before the number.
FUNDING_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"valtionavustu|valtionavu|valtionrahoitu|avustu|myönnet|myönsi", re.I),
     "state-grant"),
    (re.compile(r"kokonaiskustannu|kustannusarvi|kokonaisbudjet|budjet|kokonaisrahoitu|"
                r"kustannukset", re.I), "total-cost"),
    (re.compile(r"omavastuu|omarahoitu|oma rahoitus|kuntaosuu|kuntien osuu|omaosuu", re.I),
     "own-contribution"),
    (re.compile(r"rahoitu|rahoitti|rahoittaa|rahaa", re.I), "funding"),
)

#: Finnish month names (genitive stems "lokakuun" and base forms), month number.
MONTHS: dict[str, int] = {
    "tammikuu": 1, "helmikuu": 2, "maaliskuu": 3, "huhtikuu": 4, "toukokuu": 5,
    "kesäkuu": 6, "heinäkuu": 7, "elokuu": 8, "syyskuu": 9, "lokakuu": 10,
    "marraskuu": 11, "joulukuu": 12,
}

#: Abbreviations written with a full stop that do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset({
    "mm", "ns", "esim", "n", "ym", "yms", "jne", "ks", "vrt", "os", "o", "s",
    "puh", "p", "klo", "nro", "no", "tms", "eli", "ts", "em", "jms", "yht",
    "milj", "mrd", "t", "v", "vs", "ao", "kk", "hlö", "as", "tk",
    "prof", "dos", "toht", "maist", "fil", "yo", "ma", "ti", "ke", "to", "pe",
    "la", "su", "tri", "tiet", "r", "y", "lk", "kpl",
})

#: Words that introduce an alias of the name before them.
ALIAS_CUES: frozenset[str] = frozenset({"eli", "tuttavallisemmin", "lyhyemmin", "lyhyesti",
                                        "toiselta nimeltään", "aiemmin"})

#: Finnish words that are never part of a name even when capitalised at the
#: start of a sentence (pronouns, conjunctions, adverbs that open sentences).
NON_NAME_WORDS: frozenset[str] = frozenset({
    "joka", "jossa", "jonka", "jotka", "kuten", "myös", "lisäksi", "tämä", "tämän",
    "näin", "se", "sen", "ne", "niiden", "hankkeen", "hanke", "hankkeessa",
    "hankkeeseen", "hanketta", "hankkeella", "osana", "miksi", "tällä", "tässä", "kun",
    "mutta", "sekä", "ja", "tai", "eikä", "että", "koska", "jos", "vaikka",
    "nyt", "jo", "vielä", "on", "ovat", "oli", "olivat", "toimi", "toimii",
})

#: Case suffixes written after a colon on abbreviations: "LAPE:n", "Oy:ssä".
COLON_CASE = re.compile(
    r":(n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|na|nä|a|ä|ta|tä|aan|ään|iin|"
    r"han|hen|hin|hon|hun|hyn|hön|ään|een|in|ien|ille|illa|illä|issa|issä|ia|iä|t|ja|jä)$")

#: Nouns of development work that an official content area may stand before in the
#: genitive and still be what is developed: "perhekeskusten käyttöönotto", "OT-keskusten
#: valmistelu", "muutosagenttien työ" (base forms; verbal nouns in -minen count too).
#: Any other noun makes the area a mere attribute: "perhekeskusten työntekijät".
AREA_PROCESS_HEADS: frozenset[str] = frozenset({
    "käyttöönotto", "valmistelu", "suunnittelu", "arviointi", "koulutus", "kokeilu",
    "pilotointi", "pilotti", "toiminta", "toimintamalli", "malli", "tiimimalli", "muutos",
    "työ", "kehittämistyö", "muutostyö", "palveluketju", "palveluverkosto", "koordinointi",
    "juurrutus", "toimeenpano", "työkalu", "menetelmä", "uudistus", "kehitys",
    "palvelupolku", "osakokonaisuus", "kokonaisuus", "osa-alue",
})
#: Of those, nouns of a part of a programme: an area before one in the genitive is named
#: as the part it is ("X vastaa erityis- ja vaativan tason palvelujen osakokonaisuudesta").
AREA_PART_HEADS: frozenset[str] = frozenset({"osakokonaisuus", "kokonaisuus", "osa-alue"})
#: Words that say a text develops, tries, introduces, trains, evaluates or continues
#: something (stems, matched at a word's start): a content area named in the same
#: sentence is a measure, not a passing word.
AREA_DEVELOPMENT = re.compile(
    r"\b(kehit|kokeil|pilot|käyttöön|rakenn|rakent|vahvist|uudist|koulutu|koulutta|koulutet|"
    r"arvioi|arvioin|juurru|juurtu|jatk|valmistel|levit|laajen|viedään|vietiin|toimeenpan|"
    r"käynnist|perustet|perustami|kuvattiin|kuvataan|luodaan|luotiin|luomi|tiivist|kootaan|"
    r"koottiin|koottu|kokoami|palkat|palkka|avataan|avattiin|avannut|avanneet|otetaan|otettiin|"
    r"suunnittel|vakinaist|vakiintu|siirty|ylläpi)\w*", re.I)
#: Headings over an enumeration of what a programme or project develops: "Keskeiset
#: sisällöt", "Kehittämisen painopisteet", "Kehittämiskohteet".
AREA_CONTENT_HEADINGS = re.compile(r"sisältö|sisällö|osa-alue|kehittämiskohte|painopiste|"
                                   r"kehittämisalue|kehittämiskokonaisuu|teema", re.I)
#: Verbs with which an organisation evaluates, trains for, answers for (coordinates,
#: maintains, carries on, organises, carries out) a content area:
#: "Jyväskylän yliopisto arvioi perhekeskusten käyttöönottoa", "Systeemisen lastensuojelun
#: toimintamallin koulutuksista vastaa Lastensuojelun Keskusliitto".
AREA_EVALUATES = re.compile(r"^(arvioi|arvioivat|arvioinut|arvioineet|arvioimaan|arvioijana|"
                            r"arvioijina)$", re.I)
AREA_TRAINS = re.compile(r"^(kouluttaa|kouluttavat|koulutti|kouluttivat|kouluttanut|"
                         r"kouluttaneet|kouluttajana|kouluttajina)$", re.I)
AREA_ANSWERS = re.compile(r"^(vastaa|vastaavat|vastasi|vastasivat|vastaamaan|vastuu|vastuussa|"
                          r"koordinoi|koordinoivat|koordinoinut|koordinoineet|koordinoimaan|"
                          r"ylläpitää|ylläpitävät|ylläpiti|jatkaa|jatkavat|jatkoi|jatkoivat|"
                          r"toteutti|toteuttivat|toteuttaa|toteuttavat|toteuttanut|toteuttaneet|"
                          r"toteuttajana|toteuttajina|vastuutahona|vastuutahoina|"
                          r"järjestää|järjestävät|järjesti|järjestivät)$", re.I)
#: Nouns of a pilot or trial a place may stand before in the genitive: "Kemin pilotti".
AREA_PILOT = re.compile(r"^(pilot|kokeilu)", re.I)
#: A training the organisation that answers for it gives: "koulutuksista vastaa X".
AREA_TRAINING_NOUN = re.compile(r"^koulutu", re.I)
#: Words that say an area goes on (and how far), or starts: "jatketaan vuoden 2019
#: loppuun", "alkaa syksyllä 2017", "on pilotoitu keväästä 2018".
AREA_CONTINUES = re.compile(r"\bjatk", re.I)
AREA_STARTS = re.compile(r"^(alka|alko|aloit|käynnisty|avataan|avattiin|avautu)\w*", re.I)
AREA_FROM = re.compile(r"\b(keväästä|kesästä|syksystä|talvesta|alusta)\s*$", re.I)
#: Words before a year that make it the time a measure runs: "palkataan vuodeksi 2019".
AREA_FOR_YEAR = re.compile(r"\b(vuodeksi|vuosiksi|lukuvuodeksi)\s*$", re.I)
AREA_UNTIL = re.compile(r"^\s*(loppuun|asti|saakka|mennessä)\b", re.I)
#: Words after a time that make it a start: "1.1.2019 alkaen", "syyskuusta 2018
#: lähtien", "lukuvuoden 2019–2020 alusta".
AREA_SINCE = re.compile(r"^\s*(alkaen|lähtien|lukien|alusta)\b", re.I)
#: Verbs of ending just before a time: "kokeilu päättyi 31.12.2018".
AREA_ENDS = re.compile(r"^(päättyi|päättyy|päättyivät|päättyvät|loppui|loppuu|loppuivat|"
                       r"lakkautettiin|lopetettiin)$", re.I)
#: Words that say a measure was on trial when a time is given: "oli kokeilussa
#: syksyllä 2018", "pilotoitiin 2018": the time is its period.
AREA_TRIAL = re.compile(r"\b(kokeilussa|kokeiltiin|kokeillaan|pilotissa|pilotoitiin|"
                        r"pilotoidaan|kokeilujaksolla|pilottijaksolla)\b", re.I)

#: Words about a measure's money and time (measure_values): an amount with a word of
#: allotting or spending is the measure's money ("siihen varataan 2,7 miljoonaa euroa",
#: "niihin käytetään 720 000 euroa", "Agenttien palkkaukseen myönnetään …", "Akatemian
#: budjetti on …"); stems, at a word's start.
MEASURE_MONEY = re.compile(
    r"\b(varat|varataan|varattu|varattiin|varannut|myönn|myönsi|myöntä|rahoit|käytet|"
    r"käyttää|käytti|käyttävät|tuet|osoitet|osoitti|osoittaa|budjet|määrärah|kustannu|"
    r"avustu|valtionavustu)\w*", re.I)
#: Verbs of a measure starting, ending, being tried (matched at a word's start; going
#: on: AREA_CONTINUES): the nearest to a time says what the time is ("aloittavat vuoden
#: 2019 alussa", "päättyi 31.10.2018", "kokeiltiin lukuvuonna 2017–2018", "jatkuu vuonna
#: 2019"). "Päätettiin" (was decided) is no end.
MEASURE_STARTS = re.compile(r"^(alka|alko|aloit|käynnisty|käynnistä|käynnistet|avataan|"
                            r"avattiin|avautu)", re.I)
MEASURE_ENDS = re.compile(r"^(päätty|loppui|loppuu|loppuvat|lopetet|lopetti|lakkautet)", re.I)
MEASURE_TRIED = re.compile(r"^(kokeil|pilotoi|pilotoin)", re.I)
#: Words of making a measure permanent or taking it into use: "vakinaistettu 1.1.2019
#: alkaen", "siirtyi vuoden 2019 alussa … vakinaiseksi toiminnaksi", "otetaan käyttöön".
MEASURE_INTRODUCED = re.compile(r"^(vakinaist|siirtyi|siirtyy|siirtyvät|siirtyivät|käyttöön$)",
                                re.I)
#: Verbs of a measure being completed: "myöntämisperusteet valmistuivat lokakuun 2018 aikana".
MEASURE_COMPLETED = re.compile(r"^valmistu", re.I)
#: Verbs of deciding on a measure: "hallitus linjasi syyskuussa 2018 seuraavista
#: siltaustoimista", "Siltaustoimista päätettiin … 6.11.2018" (whole words).
MEASURE_DECIDED = re.compile(r"^(päätti|päättivät|päätettiin|päättänyt|päättäneet|linjasi|"
                             r"linjasivat|linjattiin|linjannut|linjanneet)$", re.I)
#: Verbs with which a measure goes on up to a time: "jatkavat työtään 31.12.2019 saakka",
#: "toimii vuoden 2019 loppuun" (and not "Haku on auki 30.11.2018 asti").
MEASURE_GOES_ON = re.compile(r"\b(jatk|toimi|kestä|voimassa)\w*", re.I)
#: Words with which a clause opens on the thing the clause before it named, in a case of
#: what is given to it or done with it: "…; siihen varataan …", "…, ja niihin käytetään
#: …" (not "se", "ne": a subject may be anything said before).
MEASURE_BACK_REFERENCE = re.compile(r"^(siihen|siinä|siitä|sille|sillä|niihin|niissä|niistä|"
                                    r"niille|niillä|tähän|näihin|tälle|näille)$", re.I)

#: Endings of verb forms that state no act of their own ("siirtyessä", "päättyessä",
#: "aloittaen"): a time after them is not when the clause's measure starts or ends.
NON_FINITE_ENDINGS: tuple[str, ...] = ("essa", "essä", "essaan", "essään", "en")

#: Verbs of developing or spreading a way of working, base forms: an organisation that is
#: their subject does development work, and what they act on may be a measure
#: ("X kokeilee kouluperheohjaajan työtä", "Y laajentaa ankkuritoimintaa Forssaan").
DEVELOPING_VERBS: frozenset[str] = frozenset({
    "kokeilla", "pilotoida", "rakentaa", "kehittää", "laajentaa", "tuoda", "kouluttaa",
    "käynnistää", "juurruttaa", "levittää", "perustaa", "vakiinnuttaa", "uudistaa",
})
#: Heads (last compound part of the base form) of nouns that name a service or a way of
#: working: such an object of a developing verb is a measure even where the sentence
#: does not name the project ("perhekahvilat", "tukihenkilötoimintaa", "konsultaatiomallin").
SERVICE_OBJECT_HEADS: tuple[str, ...] = (
    "toiminta", "malli", "työ", "ryhmä", "kahvila", "palvelu", "kerho", "valmennus",
    "ohjaus", "neuvonta", "vastaanotto", "tiimi", "klinikka", "kohtaamispaikka",
    "perhekeskus", "konsultaatio", "pilotti", "kokeilu", "chat", "päivystys",
)
#: Service heads too general to name a measure alone, without a word that says which
#: ("kehittää toimintaa", "tuo palvelut"), and words that are never a measure.
GENERAL_SERVICE_WORDS: frozenset[str] = frozenset({
    "toiminta", "malli", "työ", "ryhmä", "palvelu", "yhteistyö", "toimintamalli",
    "kehittämistyö", "verkostotyö", "perustyö",
})
#: Heads of people trained for a role: "kouluttaa perhekummeja", "kouluttaa
#: vertaisohjaajia": training them is the measure.
TRAINED_ROLE_HEADS: tuple[str, ...] = ("kummi", "ohjaaja", "kouluttaja", "vapaaehtoinen",
                                       "tukihenkilö", "vertaistukija", "mentori", "lähettiläs")

#: Verbs that tell who said the words before them: "…, sanoo ohjelmapäällikkö X". A
#: dash-led line with one is a quotation in a press release, not a list item.
SPEECH_VERBS = re.compile(r",\s+(sanoo|sanoi|kertoo|kertoi|toteaa|totesi|korostaa|korosti|"
                          r"muistuttaa|muistutti|painottaa|painotti|arvioi)\b", re.I)

#: Nouns for a part of a programme or project that a quoted title names: "Muutosohjelman
#: osakokonaisuudesta ”Varhaiskasvatus, koulu ja oppilaitos hyvinvointiyhteisönä” vastaa
#: OKM" (stems; the quoted words are the part's name, a measure of the whole).
PART_OF_PROGRAMME_NOUNS = re.compile(r"\b(osakokonaisuu|kokonaisuu|osa-alue|painopistealue|"
                                     r"kehittämiskokonaisuu|teema|osio)\w*\s*$", re.I)
#: A quoted title: Finnish right quotes (”…”), straight quotes, guillemets.
QUOTED_TITLE = re.compile(r"[”\"«»]([^”\"«»]{4,120})[”\"«»]")
