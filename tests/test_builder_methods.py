"""Named methods ("Eron ensiapu -ryhmämalli", "LAVA-työkalu") and tables of measures
with who carries them on."""

from __future__ import annotations

import pytest

from graph_builder.model import Document
from graph_builder.pipeline import analyse

PILOTS = ("Pilotit\n\nLapsen paras -hankkeen aikana Eron ensiapu -ryhmämallia kokeiltiin "
          "Hyvinkään ja Nurmijärven perheneuvoloissa. LAVA-työkalua kokeiltiin "
          "Järvenpäässä. Eron ensiapu -ryhmämallin kokeilu päättyi. Hanketta ohjasi "
          "LAPE-ryhmä.\n")


def _result(text: str, name: str = "t.txt"):
    return analyse(Document(name, name, text, "0" * 64, "text/plain"))


def test_named_methods_are_measures_of_the_project_with_their_places() -> None:
    result = _result(PILOTS)
    measures = {k: e for k, e in result.context.resolution.entities.items()
                if e.kind.name == "MEASURE"}
    labels = {n for e in measures.values() for n in e.names}
    assert {"Eron ensiapu -ryhmämalli", "LAVA-työkalu"} <= labels, labels
    assert len(measures) == 2, labels   # LAVA-työkalu may carry the content area's name too
    facts = {(f.subject, f.predicate, str(f.obj)) for f in result.facts}
    ero = next(k for k, e in measures.items() if any(n.startswith("Eron") for n in e.names))
    assert (ero, "measureOf", "project:lapsen-paras") in facts
    assert (ero, "targets", "municipality:106") in facts     # Hyvinkää
    assert (ero, "targets", "municipality:543") in facts     # Nurmijärvi


def test_a_table_of_measures_and_who_carries_them() -> None:
    text = ("# Lapsen paras -hanke\n\nLapsen paras -hanketta hallinnoi Espoon kaupunki.\n\n"
            "## Jatkuvat toimenpiteet\n\n"
            "Toimenpide                      Vastuutaho hankkeen jälkeen\n"
            "Perhekeskusten verkostomalli    Vantaan kaupunki;\n"
            "                                koordinaatio Uudenmaan liitolle\n"
            "Perhe-chat                      Helsingin kaupunki\n"
            "Trygg förälder -ryhmät          Folkhälsan ry omalla rahoituksellaan\n")
    result = _result(text, "t.md")
    facts = {(f.subject, f.predicate, str(f.obj)) for f in result.facts}
    carried = {(s, o) for s, p, o in facts if p == "responsibleFor"}
    assert ("municipality:091", "measure:perhe-chat--lapsen-paras") in carried, carried
    assert any(s == "municipality:092" and "verkostomalli" in o for s, o in carried), carried
    assert any(s == "org:uudenmaan-liitto" and "verkostomalli" in o for s, o in carried)


@pytest.mark.parametrize(("label", "key"), [
    ("LAVA-työkalu", "lava"),
    ("Trygg förälder -ryhmät", "trygg förälder"),
    ("Perheaika-chat (vanhempien verkkoneuvonta)", "perheaika"),
    ("LAPE-akatemia", "lape-akatemia"),          # no method: not joined to "LAPE-työkalu"
    ("Perhekeskusten verkostomalli", "perhekeskusten verkostomalli"),
])
def test_a_measure_is_matched_on_a_method_s_name_only(label: str, key: str) -> None:
    from graph_builder.methods import method_key
    assert method_key(label) == key
