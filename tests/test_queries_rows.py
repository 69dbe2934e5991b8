"""Expected rows of every named query, on the fixture graph and on two engines.

``tests/fixtures/queries/mini.trig`` follows ontology/GRAPH.md: two projects
in two regions, a sub-project, partners with roles, funding, measures with
years, people, evidence with sentences and documents, the 19 regions as
reference data. Every row in :data:`EXPECTED` was checked by hand against
the fixture. The fixture states some facts in several document graphs on
purpose, so a query that forgets DISTINCT shows up as extra rows.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Namespace, URIRef

import queries
from queries.results import Result
from queries.store import OxigraphEngine, OxigraphResult, RdflibEngine

FIXTURE = Path(__file__).parent / "fixtures" / "queries" / "mini.trig"
ID = Namespace("https://w3id.org/lapekg/id/")
LKG = Namespace("https://w3id.org/lapekg/ontology#")
ROLE = Namespace("https://w3id.org/lapekg/ontology/role/")
MKIND = Namespace("https://w3id.org/lapekg/ontology/measure-kind/")
FKIND = Namespace("https://w3id.org/lapekg/ontology/funding-kind/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")

#: Values for the parameters some queries require.
PARAMS: dict[str, dict[str, str]] = {
    "provenance": {"entity": "id:project/etela-pohjanmaan-lape-hanke"},
    "find-entity": {"fragment": "Seinäjoen"},
}
NAMES = [q.name for q in queries.list_queries()]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return queries.open_graph(FIXTURE)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    graph = Dataset()
    graph.parse(FIXTURE, format="trig")
    return graph


def test_every_query_has_expected_rows():
    assert sorted(EXPECTED) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_rows_of_each_query_on_the_fixture(store, name):
    result = queries.run(name, store, **PARAMS.get(name, {}))
    columns, rows = EXPECTED[name]
    assert result.columns == columns
    assert result.rows == rows


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_engine_gives_the_same_rows(store, dataset, name):
    """Same rows (as a multiset: ties in ORDER BY may fall either way)."""
    oxigraph = queries.run(name, OxigraphEngine(store), **PARAMS.get(name, {}))
    rdflib = queries.run(name, RdflibEngine(dataset), **PARAMS.get(name, {}))
    assert rdflib.columns == oxigraph.columns
    assert Counter(rdflib.rows) == Counter(oxigraph.rows)
    assert rdflib.rows, f"{name} returned no rows on the fixture"


@pytest.mark.parametrize("name", NAMES)
def test_same_rows_over_a_union_that_counts_a_triple_once_per_graph(store, name):
    """Stores such as Oxigraph with --union-default-graph (or Virtuoso) see a fact
    stated in two documents twice; the named queries must not count it twice."""
    named_graphs_only = ox.Store()
    named_graphs_only.bulk_load(path=FIXTURE, format=ox.RdfFormat.TRIG)
    bag = queries.run(name, OxigraphEngine(named_graphs_only, union=True),
                      **PARAMS.get(name, {}))
    assert bag.rows == queries.run(name, store, **PARAMS.get(name, {})).rows


@pytest.mark.parametrize("name", NAMES)
def test_graph_given_as_file_path_or_rdflib_graph_gives_the_same_rows(store, dataset, name):
    expected = queries.run(name, store, **PARAMS.get(name, {})).rows
    assert queries.run(name, str(FIXTURE), **PARAMS.get(name, {})).rows == expected
    assert queries.run(name, dataset, **PARAMS.get(name, {})).rows == expected


def test_oxigraph_terms_are_made_when_first_read_and_equal_a_result_made_at_once(store):
    result = queries.run("timeline", store)
    assert isinstance(result, OxigraphResult)
    assert "terms" not in vars(result)  # rows read from the engine, no rdflib term made yet
    assert len(result) == len(EXPECTED["timeline"][1])
    assert "terms" not in vars(result)
    made = Result(columns=result.columns, terms=result.terms)
    assert result == made
    assert made == result
    assert hash(result) == hash(made)
    assert result.rows == EXPECTED["timeline"][1]


def test_a_query_oxigraph_refuses_fails_when_run_not_when_read(store):
    with pytest.raises(queries.QueryError):
        OxigraphEngine(store).query("SELECT ?x WHERE { ?x ?p }")


# --- Parameters narrow the answer ------------------------------------------------------


def column(result: queries.Result, name: str) -> list[object]:
    index = result.columns.index(name)
    return [row[index] for row in result.rows]


def test_projects_by_region_for_one_region(store):
    result = queries.run("projects-by-region", store, region="id:region/02")
    assert column(result, "project") == [ID["project/lupa-auttaa-hanke"]]


def test_projects_by_region_for_a_programme_with_none(store):
    result = queries.run("projects-by-region", store, programme="id:programme/none")
    assert result.rows == []


def test_project_partners_of_one_partner(store):
    result = queries.run("project-partners", store,
                         partner="id:organisation/terveyden-ja-hyvinvoinnin-laitos")
    assert column(result, "project") == [ID["project/etela-pohjanmaan-lape-hanke"],
                                         ID["project/lupa-auttaa-hanke"]]
    assert set(column(result, "roleName")) == {"supporter"}


@pytest.mark.parametrize(
    ("params", "measures"),
    [
        ({"year": "2019", "kind": "mkind:bridging-measure"},
         {"kunta-agentti", "lastensuojelun-kehittaminen", "muutosagenttien-toiminta",
          "yksi-lapsi-yhteinen-suunnitelma"}),
        ({"year": "2018"}, {"lupa-auttaa-juurruttamissuunnitelma"}),
        ({"year": "2017"}, set()),
        ({"kind": "mkind:plan"}, {"lupa-auttaa-juurruttamissuunnitelma"}),
        ({"owner": "id:project/etela-pohjanmaan-lape-hanke"},
         {"perhekeskustoimintamallin-kehittaminen"}),
        ({"owner": "id:programme/lape", "year": "2019"},
         {"kunta-agentti", "lastensuojelun-kehittaminen", "muutosagenttien-toiminta"}),
    ],
)
def test_measures_by_year_kind_and_owner(store, params, measures):
    result = queries.run("measures", store, **params)
    assert {str(m).rsplit("/", 1)[1] for m in column(result, "measure")} == measures


def test_timeline_of_one_year(store):
    result = queries.run("timeline", store, year=2016)
    assert result.rows == [("2016", "start", ID["programme/lape"], "LAPE-muutosohjelma",
                            None, None)]


def test_people_of_one_person(store):
    result = queries.run("people", store, person="id:person/aulikki-kananoja")
    assert column(result, "relation") == ["work-basis-of"]


def test_document_facts_of_one_document(store):
    result = queries.run("document-facts", store, document="id:document/0f0f0f0f0f0f0f0f")
    assert column(result, "quote") == ["Eksote teki yhteistyötä THL:n kanssa."]


def test_provenance_of_reference_data_names_its_data_set(store):
    result = queries.run("provenance", store, entity="id:region/14")
    assert [(row[2], row[3]) for row in result.rows] == [
        (URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), ID["dataset/regions"]),
    ]


def test_collaborations_of_one_organisation_lists_all_its_partners(store):
    result = queries.run("collaborations", store,
                         organisation="id:organisation/terveyden-ja-hyvinvoinnin-laitos")
    assert set(column(result, "first")) == {ID["organisation/terveyden-ja-hyvinvoinnin-laitos"]}
    assert len(result) == 8  # 6 in Etelä-Pohjanmaa, the Varsinais-Suomi group, Eksote


def test_regions_without_a_project_of_an_unknown_programme_are_all_regions(store):
    result = queries.run("regions-without-project", store, programme="id:programme/none")
    assert len(result) == 19


def test_project_structure_below_one_parent(store):
    result = queries.run("project-structure", store,
                         parent="id:project/etela-pohjanmaan-lape-hanke")
    assert column(result, "child") == [ID["project/autismisaation-osahanke"]]


def test_organisations_of_one_region(store):
    result = queries.run("organisations", store, region="id:region/02")
    assert set(column(result, "organisation")) == {
        ID["municipality/853"], ID["organisation/varsinais-suomen-maakunnallinen-lape-ryhma"]}


@pytest.mark.parametrize(
    ("fragment", "entity", "score"),
    [
        ("Seinäjoen", ID["municipality/743"], 3),        # "Seinäjoen kaupunki" (altLabel)
        ("seinajoella", ID["municipality/743"], 1),     # no ä typed, adessive ending
        ("Eksoten", ID["organisation/etela-karjalan-sosiaali-ja-terveyspiiri"], 2),
        ("EKSOTE", ID["organisation/etela-karjalan-sosiaali-ja-terveyspiiri"], 4),
        ("Turkuun", ID["municipality/853"], 2),
        ("Hulkkosen", ID["person/mikko-hulkkonen"], 1),
        ("Kananojan", ID["person/aulikki-kananoja"], 2),
        ("lupa auttaa", ID["project/lupa-auttaa-hanke"], 3),  # "Lupa auttaa!"
    ],
)
def test_find_entity_tolerates_case_and_finnish_endings(store, fragment, entity, score):
    result = queries.run("find-entity", store, fragment=fragment)
    found = dict(zip(column(result, "entity"), column(result, "score"), strict=True))
    assert found.get(entity) == score
    assert column(result, "score") == sorted(column(result, "score"), reverse=True)


def test_find_entity_does_not_find_what_is_not_there(store):
    assert queries.run("find-entity", store, fragment="Helsingin").rows == []


# --- Injection -------------------------------------------------------------------------

INJECTIONS = [
    '" } ; DROP ALL ; #',
    "' } ; DROP ALL ; #",
    '"} UNION { ?entity ?p ?o } #',
    '\\" ) } DELETE WHERE { ?s ?p ?o } #',
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_string_parameter_cannot_change_the_query_or_the_graph(value):
    store = queries.open_graph(FIXTURE)
    before = set(store)
    result = queries.run("find-entity", store, fragment=value)
    assert result.rows == []
    assert set(store) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_string_parameter_cannot_change_the_rdflib_graph(dataset, value):
    before = len(list(dataset.quads()))
    assert queries.run("find-entity", RdflibEngine(dataset), fragment=value).rows == []
    assert len(list(dataset.quads())) == before


def test_an_iri_parameter_with_query_text_is_refused():
    with pytest.raises(queries.ParameterValueError, match="not a valid iri"):
        queries.run("provenance", FIXTURE, entity="<x:a> } ; DROP ALL ; #")


def test_a_wrong_value_fails_before_any_graph_is_read():
    with pytest.raises(queries.ParameterValueError, match="'measures.year'"):
        queries.run("measures", "no-such-file.trig", year="2019.5")


def test_a_missing_graph_file_is_named():
    with pytest.raises(queries.GraphLoadError, match="no-such-file.trig: no such file"):
        queries.run("sources", "no-such-file.trig")


#: query name -> (columns, rows in the query's order)
EXPECTED: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {
    "collaborations": (
        ('first', 'firstLabel', 'second', 'secondLabel', 'sharedProjects', 'cooperation'),
        [
            (
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                2,
                False,
            ),
            (
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                1,
                False,
            ),
            (
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                1,
                False,
            ),
            (
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                1,
                False,
            ),
            (
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                1,
                False,
            ),
            (
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                1,
                False,
            ),
            (
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                1,
                False,
            ),
            (
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                1,
                False,
            ),
            (
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                1,
                False,
            ),
            (
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                1,
                False,
            ),
            (
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                1,
                False,
            ),
            (
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                1,
                False,
            ),
            (
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                1,
                False,
            ),
            (
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                1,
                False,
            ),
            (
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                1,
                False,
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                1,
                False,
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                1,
                False,
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                1,
                False,
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                1,
                False,
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                1,
                False,
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                1,
                False,
            ),
            (
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                ID["organisation/varsinais-suomen-maakunnallinen-lape-ryhma"],
                'Varsinais-Suomen maakunnallinen LAPE-ryhmä',
                1,
                False,
            ),
            (
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                ID["organisation/varsinais-suomen-maakunnallinen-lape-ryhma"],
                'Varsinais-Suomen maakunnallinen LAPE-ryhmä',
                1,
                False,
            ),
            (
                ID["organisation/etela-karjalan-sosiaali-ja-terveyspiiri"],
                'Etelä-Karjalan sosiaali- ja terveyspiiri',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                0,
                True,
            ),
            (
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                ID["organisation/sonet-botnia"],
                'SONet BOTNIA',
                0,
                True,
            ),
        ],
    ),
    "document-facts": (
        (
            'document',
            'fileName',
            'line',
            'start',
            'end',
            'subject',
            'subjectLabel',
            'predicate',
            'object',
            'objectLabel',
            'rule',
            'quote',
        ),
        [
            (
                ID["document/df1e414a8decdcdb"],
                '000_13d60ea811860b4e.txt',
                7,
                447,
                551,
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                LKG["inRegion"],
                ID["region/02"],
                'Varsinais-Suomi',
                'relation.region',
                ('Joka maakunnassa on oma LAPE-muutosohjelman alainen hanke, kuten '
                 'Varsinais-Suomessa Lupa auttaa! -hanke.'),
            ),
            (
                ID["document/df1e414a8decdcdb"],
                '000_13d60ea811860b4e.txt',
                7,
                447,
                551,
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                LKG["partOf"],
                ID["programme/lape"],
                'LAPE-muutosohjelma',
                'relation.part-of',
                ('Joka maakunnassa on oma LAPE-muutosohjelman alainen hanke, kuten '
                 'Varsinais-Suomessa Lupa auttaa! -hanke.'),
            ),
            (
                ID["document/df1e414a8decdcdb"],
                '000_13d60ea811860b4e.txt',
                16,
                1087,
                1270,
                ID["measure/kunta-agentti"],
                'Kunta-agentti viiteen suurimpaan kaupunkiin',
                LKG["targets"],
                ID["municipality/853"],
                'Turku',
                'relation.target',
                ('Viiteen suurimpaan kaupunkiin (mm. Turkuun) tulee ns. kunta-agentti, '
                 'joka huolehtii kuntaan jäävien palvelujen sekä sote-palvelujen '
                 'yhdyspintojen toimivuudesta ja jatkokehittämisestä.'),
            ),
            (
                ID["document/df1e414a8decdcdb"],
                '000_13d60ea811860b4e.txt',
                32,
                2452,
                2578,
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                LKG["email"],
                URIRef("mailto:mikko.hulkkonen@raisio.fi"),
                None,
                'contact.email',
                ('Varsinais-Suomen LAPE-siltauksen suunnittelusta vastaa muutosagentti '
                 'Mikko Hulkkonen, mikko.hulkkonen@raisio.fi, 044 797 1411.'),
            ),
            (
                ID["document/df1e414a8decdcdb"],
                '000_13d60ea811860b4e.txt',
                32,
                2452,
                2578,
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                LKG["hasContact"],
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                'relation.contact',
                ('Varsinais-Suomen LAPE-siltauksen suunnittelusta vastaa muutosagentti '
                 'Mikko Hulkkonen, mikko.hulkkonen@raisio.fi, 044 797 1411.'),
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                9,
                538,
                660,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                RDF["type"],
                LKG["Project"],
                None,
                'entity.project',
                ('Etelä-Pohjanmaan lasten ja perheiden palveluiden kehittämishanke '
                 '(2017–2018), tuttavallisemmin Etelä-Pohjanmaan LAPE-hanke'),
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                808,
                933,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["coordinatedBy"],
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                'relation.coordinator',
                ('Etelä-Pohjanmaan LAPE-hanketta koordinoi Sosiaali- ja '
                 'terveysministeriö ja ohjasi Etelä-Pohjanmaan maakunnallinen '
                 'LAPE-ryhmä.'),
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                808,
                933,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["steeredBy"],
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                'relation.steering-group',
                ('Etelä-Pohjanmaan LAPE-hanketta koordinoi Sosiaali- ja '
                 'terveysministeriö ja ohjasi Etelä-Pohjanmaan maakunnallinen '
                 'LAPE-ryhmä.'),
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                934,
                1052,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["supportedBy"],
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                'relation.supporter',
                ('Toimeenpanon tukena toimi tiiviissä yhteistyössä Terveyden- ja '
                 'hyvinvoinninlaitos sekä Opetus- ja kulttuuriministeriö.'),
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                1053,
                1096,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["administeredBy"],
                ID["municipality/743"],
                'Seinäjoki',
                'relation.administrator',
                'Hankkeen hallinnoija on Seinäjoen kaupunki.',
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                17,
                1828,
                1999,
                ID["funding/ep-state-grant"],
                None,
                LKG["amount"],
                Decimal("899947"),
                None,
                'funding.amount',
                ('Etelä-Pohjanmaa on sai valtionavustusta LAPE-muutosohjelman '
                 'toteuttamiseen maakunnassa vuosille 2017–2018 kärkihankkeeseen ja '
                 'osahankkeisiin yhteensä 899 947 euroa (80 %).'),
            ),
            (
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                17,
                1828,
                1999,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["hasFunding"],
                ID["funding/ep-state-grant"],
                None,
                'funding.state-grant',
                ('Etelä-Pohjanmaa on sai valtionavustusta LAPE-muutosohjelman '
                 'toteuttamiseen maakunnassa vuosille 2017–2018 kärkihankkeeseen ja '
                 'osahankkeisiin yhteensä 899 947 euroa (80 %).'),
            ),
            (
                ID["document/0f0f0f0f0f0f0f0f"],
                'fixture_eksote.txt',
                1,
                0,
                37,
                ID["organisation/etela-karjalan-sosiaali-ja-terveyspiiri"],
                'Etelä-Karjalan sosiaali- ja terveyspiiri',
                LKG["cooperatesWith"],
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                'relation.cooperation',
                'Eksote teki yhteistyötä THL:n kanssa.',
            ),
        ],
    ),
    "find-entity": (
        ('entity', 'label', 'kind', 'score'),
        [
            (
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                'Organisation',
                3,
            ),
            (ID["municipality/743"], 'Seinäjoki', 'Municipality', 3),
        ],
    ),
    "funding-by-programme": (
        ('programme', 'programmeLabel', 'kind', 'kindName', 'total', 'currency', 'projects'),
        [
            (
                ID["programme/lape"],
                'LAPE-muutosohjelma',
                FKIND["state-grant"],
                'state-grant',
                Decimal("1549947.5"),
                'EUR',
                2,
            ),
            (
                ID["programme/lape"],
                'LAPE-muutosohjelma',
                FKIND["total-cost"],
                'total-cost',
                Decimal("1153199"),
                'EUR',
                1,
            ),
        ],
    ),
    "funding-by-region": (
        ('region', 'regionLabel', 'kind', 'kindName', 'total', 'currency', 'projects'),
        [
            (
                ID["region/14"],
                'Etelä-Pohjanmaa',
                FKIND["state-grant"],
                'state-grant',
                Decimal("899947"),
                'EUR',
                1,
            ),
            (
                ID["region/14"],
                'Etelä-Pohjanmaa',
                FKIND["total-cost"],
                'total-cost',
                Decimal("1153199"),
                'EUR',
                1,
            ),
            (
                ID["region/02"],
                'Varsinais-Suomi',
                FKIND["state-grant"],
                'state-grant',
                Decimal("650000.5"),
                'EUR',
                1,
            ),
        ],
    ),
    "graph-summary": (
        ('class', 'className', 'count'),
        [
            (LKG["Evidence"], 'Evidence', 13),
            (LKG["Funding"], 'Funding', 3),
            (LKG["Grant"], 'Grant', 2),
            (LKG["Measure"], 'Measure', 6),
            (LKG["Municipality"], 'Municipality', 2),
            (LKG["Organisation"], 'Organisation', 11),
            (LKG["Participation"], 'Participation', 4),
            (LKG["Partner"], 'Partner', 8),
            (LKG["Person"], 'Person', 2),
            (LKG["Programme"], 'Programme', 1),
            (LKG["Project"], 'Project', 3),
            (LKG["Region"], 'Region', 19),
            (LKG["Sentence"], 'Sentence', 9),
            (LKG["SourceDocument"], 'SourceDocument', 5),
        ],
    ),
    "measures": (
        (
            'measure',
            'measureLabel',
            'kind',
            'kindName',
            'start',
            'end',
            'completion',
            'owner',
            'ownerLabel',
            'target',
            'targetLabel',
            'basedOnWorkOf',
            'basedOnWorkOfLabel',
        ),
        [
            (
                ID["measure/perhekeskustoimintamallin-kehittaminen"],
                'Perhekeskustoimintamallin kehittäminen ja käyttöönotto',
                MKIND["development-area"],
                'development-area',
                None,
                None,
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                None,
                None,
                None,
                None,
            ),
            (
                ID["measure/lupa-auttaa-juurruttamissuunnitelma"],
                'Lupa auttaa! -hankkeen juurruttamissuunnitelma',
                MKIND["plan"],
                'plan',
                None,
                None,
                '2018-10',
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                None,
                None,
                None,
                None,
            ),
            (
                ID["measure/kunta-agentti"],
                'Kunta-agentti viiteen suurimpaan kaupunkiin',
                MKIND["bridging-measure"],
                'bridging-measure',
                '2019',
                '2019',
                None,
                ID["programme/lape"],
                'LAPE-muutosohjelma',
                ID["municipality/853"],
                'Turku',
                None,
                None,
            ),
            (
                ID["measure/lastensuojelun-kehittaminen"],
                'Lastensuojelun kehittäminen',
                MKIND["bridging-measure"],
                'bridging-measure',
                '2019',
                '2019',
                None,
                ID["programme/lape"],
                'LAPE-muutosohjelma',
                None,
                None,
                ID["person/aulikki-kananoja"],
                'Aulikki Kananoja',
            ),
            (
                ID["measure/muutosagenttien-toiminta"],
                'Maakuntien LAPE-muutosagenttien toiminta',
                MKIND["bridging-measure"],
                'bridging-measure',
                '2019',
                '2019',
                None,
                ID["programme/lape"],
                'LAPE-muutosohjelma',
                None,
                None,
                None,
                None,
            ),
            (
                ID["measure/yksi-lapsi-yhteinen-suunnitelma"],
                'Yksi lapsi, yhteinen suunnitelma',
                MKIND["bridging-measure"],
                'bridging-measure',
                '2019',
                '2019',
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            ),
        ],
    ),
    "missing-facts": (
        ('entity', 'entityLabel', 'class', 'missing'),
        [
            (
                ID["measure/yksi-lapsi-yhteinen-suunnitelma"],
                'Yksi lapsi, yhteinen suunnitelma',
                'Measure',
                'owner',
            ),
            (
                ID["project/autismisaation-osahanke"],
                'Autismisäätiön osahanke',
                'Project',
                'administrator',
            ),
            (
                ID["project/autismisaation-osahanke"],
                'Autismisäätiön osahanke',
                'Project',
                'end date',
            ),
            (ID["project/autismisaation-osahanke"], 'Autismisäätiön osahanke', 'Project', 'region'),
            (
                ID["project/autismisaation-osahanke"],
                'Autismisäätiön osahanke',
                'Project',
                'start date',
            ),
            (ID["project/lupa-auttaa-hanke"], 'Lupa auttaa! -hanke', 'Project', 'administrator'),
            (ID["project/lupa-auttaa-hanke"], 'Lupa auttaa! -hanke', 'Project', 'start date'),
        ],
    ),
    "organisations": (
        (
            'organisation',
            'organisationLabel',
            'abbreviation',
            'region',
            'regionLabel',
            'project',
            'projectLabel',
            'roleName',
        ),
        [
            (
                ID["organisation/etela-karjalan-sosiaali-ja-terveyspiiri"],
                'Etelä-Karjalan sosiaali- ja terveyspiiri',
                'Eksote',
                ID["region/09"],
                'Etelä-Karjala',
                None,
                None,
                None,
            ),
            (
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                None,
                ID["region/14"],
                'Etelä-Pohjanmaa',
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'steering-group',
            ),
            (
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                None,
                None,
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'consortium-member',
            ),
            (
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                None,
                None,
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'supporter',
            ),
            (ID["organisation/sonet-botnia"], 'SONet BOTNIA', None, None, None, None, None, None),
            (
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                'SeAMK',
                None,
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'consortium-member',
            ),
            (
                ID["municipality/743"],
                'Seinäjoki',
                None,
                ID["region/14"],
                'Etelä-Pohjanmaa',
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'administrator',
            ),
            (
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                'STM',
                None,
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'coordinator',
            ),
            (
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                'STM',
                None,
                None,
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                'coordinator',
            ),
            (
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                'THL',
                None,
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'supporter',
            ),
            (
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                'THL',
                None,
                None,
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                'supporter',
            ),
            (
                ID["municipality/853"],
                'Turku',
                None,
                ID["region/02"],
                'Varsinais-Suomi',
                None,
                None,
                None,
            ),
            (
                ID["organisation/varsinais-suomen-maakunnallinen-lape-ryhma"],
                'Varsinais-Suomen maakunnallinen LAPE-ryhmä',
                None,
                ID["region/02"],
                'Varsinais-Suomi',
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                'steering-group',
            ),
        ],
    ),
    "people": (
        (
            'person',
            'personLabel',
            'title',
            'email',
            'telephone',
            'relation',
            'context',
            'contextLabel',
        ),
        [
            (
                ID["person/aulikki-kananoja"],
                'Aulikki Kananoja',
                None,
                None,
                None,
                'work-basis-of',
                ID["measure/lastensuojelun-kehittaminen"],
                'Lastensuojelun kehittäminen',
            ),
            (
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                'muutosagentti',
                URIRef("mailto:mikko.hulkkonen@raisio.fi"),
                URIRef("tel:+358447971411"),
                'change-agent',
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
            ),
            (
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                'muutosagentti',
                URIRef("mailto:mikko.hulkkonen@raisio.fi"),
                URIRef("tel:+358447971411"),
                'contact',
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
            ),
            (
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                'muutosagentti',
                URIRef("mailto:mikko.hulkkonen@raisio.fi"),
                URIRef("tel:+358447971411"),
                'responsible-for',
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
            ),
        ],
    ),
    "programme-overview": (
        (
            'programme',
            'programmeLabel',
            'projects',
            'subProjects',
            'regions',
            'partners',
            'stateGrant',
        ),
        [
            (ID["programme/lape"], 'LAPE-muutosohjelma', 2, 1, 2, 8, Decimal("1549947.5")),
        ],
    ),
    "project-partners": (
        ('project', 'projectLabel', 'partner', 'partnerLabel', 'role', 'roleName', 'title'),
        [
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["municipality/743"],
                'Seinäjoki',
                ROLE["administrator"],
                'administrator',
                None,
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["organisation/mll-pohjanmaan-piiri"],
                'MLL Pohjanmaan piiri',
                ROLE["consortium-member"],
                'consortium-member',
                None,
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["organisation/seinajoen-ammattikorkeakoulu"],
                'Seinäjoen ammattikorkeakoulu',
                ROLE["consortium-member"],
                'consortium-member',
                None,
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                ROLE["coordinator"],
                'coordinator',
                None,
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                ROLE["steering-group"],
                'steering-group',
                None,
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["organisation/opetus-ja-kulttuuriministerio"],
                'Opetus- ja kulttuuriministeriö',
                ROLE["supporter"],
                'supporter',
                None,
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                ROLE["supporter"],
                'supporter',
                None,
            ),
            (
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                ROLE["change-agent"],
                'change-agent',
                'muutosagentti',
            ),
            (
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                ID["person/mikko-hulkkonen"],
                'Mikko Hulkkonen',
                ROLE["contact"],
                'contact',
                None,
            ),
            (
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                ROLE["coordinator"],
                'coordinator',
                None,
            ),
            (
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                ID["organisation/varsinais-suomen-maakunnallinen-lape-ryhma"],
                'Varsinais-Suomen maakunnallinen LAPE-ryhmä',
                ROLE["steering-group"],
                'steering-group',
                None,
            ),
            (
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                ROLE["supporter"],
                'supporter',
                None,
            ),
        ],
    ),
    "project-structure": (
        ('child', 'childLabel', 'childType', 'relation', 'parent', 'parentLabel'),
        [
            (
                ID["project/autismisaation-osahanke"],
                'Autismisäätiön osahanke',
                'Project',
                'partOf',
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                'Project',
                'partOf',
                ID["programme/lape"],
                'LAPE-muutosohjelma',
            ),
            (
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                'Project',
                'partOf',
                ID["programme/lape"],
                'LAPE-muutosohjelma',
            ),
        ],
    ),
    "projects-by-region": (
        (
            'region',
            'regionLabel',
            'project',
            'projectLabel',
            'administrator',
            'administratorLabel',
            'start',
            'end',
            'stateGrant',
            'share',
            'totalCost',
        ),
        [
            (
                ID["region/14"],
                'Etelä-Pohjanmaa',
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                ID["municipality/743"],
                'Seinäjoki',
                '2017',
                date(2018, 12, 31),
                Decimal("899947"),
                Decimal("0.8"),
                Decimal("1153199"),
            ),
            (
                ID["region/02"],
                'Varsinais-Suomi',
                ID["project/lupa-auttaa-hanke"],
                'Lupa auttaa! -hanke',
                None,
                None,
                None,
                '2018',
                Decimal("650000.5"),
                None,
                None,
            ),
        ],
    ),
    "provenance": (
        (
            'subject',
            'subjectLabel',
            'predicate',
            'object',
            'objectLabel',
            'rule',
            'confidence',
            'document',
            'fileName',
            'line',
            'start',
            'end',
            'quote',
        ),
        [
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                RDF["type"],
                LKG["Project"],
                None,
                'entity.project',
                Decimal("0.9"),
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                9,
                538,
                660,
                ('Etelä-Pohjanmaan lasten ja perheiden palveluiden kehittämishanke '
                 '(2017–2018), tuttavallisemmin Etelä-Pohjanmaan LAPE-hanke'),
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["coordinatedBy"],
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                'relation.coordinator',
                Decimal("0.9"),
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                808,
                933,
                ('Etelä-Pohjanmaan LAPE-hanketta koordinoi Sosiaali- ja '
                 'terveysministeriö ja ohjasi Etelä-Pohjanmaan maakunnallinen '
                 'LAPE-ryhmä.'),
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["steeredBy"],
                ID["organisation/etela-pohjanmaan-maakunnallinen-lape-ryhma"],
                'Etelä-Pohjanmaan maakunnallinen LAPE-ryhmä',
                'relation.steering-group',
                Decimal("0.8"),
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                808,
                933,
                ('Etelä-Pohjanmaan LAPE-hanketta koordinoi Sosiaali- ja '
                 'terveysministeriö ja ohjasi Etelä-Pohjanmaan maakunnallinen '
                 'LAPE-ryhmä.'),
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["supportedBy"],
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                'relation.supporter',
                Decimal("0.8"),
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                934,
                1052,
                ('Toimeenpanon tukena toimi tiiviissä yhteistyössä Terveyden- ja '
                 'hyvinvoinninlaitos sekä Opetus- ja kulttuuriministeriö.'),
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["administeredBy"],
                ID["municipality/743"],
                'Seinäjoki',
                'relation.administrator',
                Decimal("0.95"),
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                13,
                1053,
                1096,
                'Hankkeen hallinnoija on Seinäjoen kaupunki.',
            ),
            (
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                LKG["hasFunding"],
                ID["funding/ep-state-grant"],
                None,
                'funding.state-grant',
                Decimal("0.9"),
                ID["document/9ddbd1025907c520"],
                '004_7cb3edaf32cd350b.txt',
                17,
                1828,
                1999,
                ('Etelä-Pohjanmaa on sai valtionavustusta LAPE-muutosohjelman '
                 'toteuttamiseen maakunnassa vuosille 2017–2018 kärkihankkeeseen ja '
                 'osahankkeisiin yhteensä 899 947 euroa (80 %).'),
            ),
        ],
    ),
    "regions-without-project": (
        ('region', 'regionLabel', 'code'),
        [
            (ID["region/01"], 'Uusimaa', '01'),
            (ID["region/04"], 'Satakunta', '04'),
            (ID["region/05"], 'Kanta-Häme', '05'),
            (ID["region/06"], 'Pirkanmaa', '06'),
            (ID["region/07"], 'Päijät-Häme', '07'),
            (ID["region/08"], 'Kymenlaakso', '08'),
            (ID["region/09"], 'Etelä-Karjala', '09'),
            (ID["region/10"], 'Etelä-Savo', '10'),
            (ID["region/11"], 'Pohjois-Savo', '11'),
            (ID["region/12"], 'Pohjois-Karjala', '12'),
            (ID["region/13"], 'Keski-Suomi', '13'),
            (ID["region/15"], 'Pohjanmaa', '15'),
            (ID["region/16"], 'Keski-Pohjanmaa', '16'),
            (ID["region/17"], 'Pohjois-Pohjanmaa', '17'),
            (ID["region/18"], 'Kainuu', '18'),
            (ID["region/19"], 'Lappi', '19'),
            (ID["region/21"], 'Ahvenanmaa', '21'),
        ],
    ),
    "shared-organisations": (
        ('organisation', 'organisationLabel', 'projects', 'regions'),
        [
            (
                ID["organisation/sosiaali-ja-terveysministerio"],
                'Sosiaali- ja terveysministeriö',
                2,
                2,
            ),
            (
                ID["organisation/terveyden-ja-hyvinvoinnin-laitos"],
                'Terveyden ja hyvinvoinnin laitos',
                2,
                2,
            ),
        ],
    ),
    "sources": (
        (
            'document',
            'documentLabel',
            'fileName',
            'mediaType',
            'source',
            'facts',
            'entities',
            'derived',
        ),
        [
            (
                ID["dataset/municipalities"],
                'Kunnat (Tilastokeskus)',
                None,
                None,
                URIRef("https://www.stat.fi/fi/luokitukset/kunta/"),
                0,
                0,
                2,
            ),
            (
                ID["dataset/regions"],
                'Maakunnat (Tilastokeskus)',
                None,
                None,
                URIRef("https://www.stat.fi/fi/luokitukset/maakunta/"),
                0,
                0,
                19,
            ),
            (
                ID["document/df1e414a8decdcdb"],
                'LAPE-muutosohjelmalle luvassa jatkoa',
                '000_13d60ea811860b4e.txt',
                'text/plain',
                None,
                5,
                13,
                0,
            ),
            (
                ID["document/9ddbd1025907c520"],
                'Maakunnallinen LAPE-hanke',
                '004_7cb3edaf32cd350b.txt',
                'text/plain',
                None,
                7,
                12,
                0,
            ),
            (
                ID["document/0f0f0f0f0f0f0f0f"],
                'Yhteistyö Eksoten kanssa',
                'fixture_eksote.txt',
                'text/plain',
                None,
                1,
                2,
                0,
            ),
        ],
    ),
    "timeline": (
        ('date', 'event', 'entity', 'entityLabel', 'about', 'aboutLabel'),
        [
            ('2016', 'start', ID["programme/lape"], 'LAPE-muutosohjelma', None, None),
            (
                '2017',
                'start',
                ID["funding/ep-state-grant"],
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
            ),
            (
                '2017',
                'start',
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                None,
                None,
            ),
            (
                '2018',
                'end',
                ID["funding/ep-state-grant"],
                None,
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
            ),
            ('2018', 'end', ID["programme/lape"], 'LAPE-muutosohjelma', None, None),
            ('2018', 'end', ID["project/lupa-auttaa-hanke"], 'Lupa auttaa! -hanke', None, None),
            (
                '2018-10',
                'completion',
                ID["measure/lupa-auttaa-juurruttamissuunnitelma"],
                'Lupa auttaa! -hankkeen juurruttamissuunnitelma',
                None,
                None,
            ),
            (
                date(2018, 12, 31),
                'end',
                ID["project/etela-pohjanmaan-lape-hanke"],
                'Etelä-Pohjanmaan LAPE-hanke',
                None,
                None,
            ),
            (
                '2019',
                'start',
                ID["measure/kunta-agentti"],
                'Kunta-agentti viiteen suurimpaan kaupunkiin',
                None,
                None,
            ),
            (
                '2019',
                'start',
                ID["measure/lastensuojelun-kehittaminen"],
                'Lastensuojelun kehittäminen',
                None,
                None,
            ),
            (
                '2019',
                'start',
                ID["measure/muutosagenttien-toiminta"],
                'Maakuntien LAPE-muutosagenttien toiminta',
                None,
                None,
            ),
            (
                '2019',
                'start',
                ID["measure/yksi-lapsi-yhteinen-suunnitelma"],
                'Yksi lapsi, yhteinen suunnitelma',
                None,
                None,
            ),
            (
                '2019',
                'end',
                ID["measure/kunta-agentti"],
                'Kunta-agentti viiteen suurimpaan kaupunkiin',
                None,
                None,
            ),
            (
                '2019',
                'end',
                ID["measure/lastensuojelun-kehittaminen"],
                'Lastensuojelun kehittäminen',
                None,
                None,
            ),
            (
                '2019',
                'end',
                ID["measure/muutosagenttien-toiminta"],
                'Maakuntien LAPE-muutosagenttien toiminta',
                None,
                None,
            ),
            (
                '2019',
                'end',
                ID["measure/yksi-lapsi-yhteinen-suunnitelma"],
                'Yksi lapsi, yhteinen suunnitelma',
                None,
                None,
            ),
        ],
    ),
}


def test_people_shows_the_titles_the_builder_writes() -> None:
    """The builder writes lkg:jobTitle; the query must read that property, not another."""
    import queries
    from graph_builder.pipeline import build

    rows = queries.run("people", build(None).graph).records()
    assert any(str(r.get("title") or "") == "muutosagentti" for r in rows)
