"""The benchmark tooling: generator, result cache, parallel analysis, the quick run.

No timings are asserted here (they live in benchmarks/RESULTS.md); these
tests check that speed-ups never change the facts, that the instrumented
copy of the pipeline still computes what the pipeline computes, and that
``python -m benchmarks --quick`` runs and writes its tables.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import GENRES, generate, write_corpus
from graph_builder import parallel
from graph_builder.cache import Cache, document_key
from graph_builder.errors import SourceError
from graph_builder.parallel import analyse_all
from graph_builder.pipeline import analyse, build, emit
from graph_builder.readers import read_document
from graph_builder.serialize import serialize

ROOT = Path(__file__).resolve().parent.parent


def output(dataset) -> tuple[bytes, bytes]:
    """What a user gets: TriG (named graphs) and Turtle."""
    return serialize(dataset, "trig"), serialize(dataset, "turtle")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(10, folder)
    return folder


def paths_of(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


def serial_loop(paths: list[Path]) -> tuple[bytes, bytes]:
    """The reference: ``pipeline.analyse`` on each document in this process, full results
    (no workers, no pickling, no slimming, no cache), then ``emit``."""
    return output(emit([analyse(read_document(p)) for p in paths])[0])


@pytest.fixture(scope="module")
def reference(corpus) -> tuple[bytes, bytes]:
    return serial_loop(paths_of(corpus))


# --- The generator --------------------------------------------------------------------


def test_generator_is_deterministic_and_seeded():
    assert generate(30, seed=7) == generate(30, seed=7)
    assert generate(30, seed=7) != generate(30, seed=8)


def test_generated_pages_cover_every_genre_with_their_marks():
    docs = generate(200)
    assert {d.genre for d in docs} == {g[0] for g in GENRES}
    assert len({d.name for d in docs}) == 200
    text = {d.genre: d.text for d in docs}
    assert "Hankkeen hallinnoija: " in text["card"] and "Valtionavustus: " in text["card"]
    assert " euroa (" in text["card"] and "Hankeaika: " in text["card"]
    assert "siltaustoimet vuodelle 2019" in text["bridging"]
    assert "Rahoitusta myönnettiin" in text["press"]
    assert text["report"].startswith("<!DOCTYPE html>") and "<table>" in text["report"]
    assert text["news"].startswith("# ")


def test_generated_names_are_inflected():
    texts = "\n".join(d.text for d in generate(200))
    assert "kaupungin " in texts and "kuntayhtymän " in texts and " ry:n " in texts


# --- Same facts serial, parallel, cached ---------------------------------------------


def test_one_process_gives_the_serial_loops_bytes(corpus, reference):
    analysed = analyse_all(paths_of(corpus), jobs=1)
    assert output(emit(analysed.results)[0]) == reference


def test_pipeline_build_on_all_cores_with_cache_gives_the_same_bytes(corpus, reference,
                                                                      tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    for _ in range(2):  # cold, then warm
        built = build([corpus], jobs=2, cache=Cache(tmp_path / "cache"))
        assert output(built.dataset) == reference


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_worker_processes_give_the_same_bytes(corpus, reference, monkeypatch, method):
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)  # 10 documents would run serially
    monkeypatch.setattr(parallel, "start_method", lambda: method)
    analysed = analyse_all(paths_of(corpus), jobs=2)
    assert [r.document.path for r in analysed.results] == [str(p) for p in paths_of(corpus)]
    assert output(emit(analysed.results)[0]) == reference


def test_cold_and_warm_cache_give_the_same_bytes(corpus, reference, tmp_path):
    cold = Cache(tmp_path / "cache")
    assert output(emit(analyse_all(paths_of(corpus), 2, cold).results)[0]) == reference
    assert (cold.hits, cold.stored) == (0, 10)
    warm = Cache(tmp_path / "cache")
    assert output(emit(analyse_all(paths_of(corpus), 2, warm).results)[0]) == reference
    assert (warm.hits, warm.misses, warm.stored) == (10, 0, 0)


def test_a_changed_document_is_read_again(corpus, tmp_path):
    copy = tmp_path / "copy"
    write_corpus(10, copy)
    cache = Cache(tmp_path / "cache")
    analyse_all(paths_of(copy), 1, cache)
    changed = paths_of(copy)[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPäivitetty 4.2.2019.\n",
                       encoding="utf-8")
    again = Cache(tmp_path / "cache")
    analysed = analyse_all(paths_of(copy), 1, again)
    assert (again.hits, again.misses, again.stored) == (9, 1, 1)
    assert output(emit(analysed.results)[0]) == serial_loop(paths_of(copy))


def test_cached_results_take_the_path_they_are_found_under(corpus, tmp_path):
    cache = Cache(tmp_path / "cache")
    analyse_all(paths_of(corpus), 1, cache)
    moved = tmp_path / "moved"
    moved.mkdir()
    for path in paths_of(corpus):
        (moved / path.name).write_bytes(path.read_bytes())
    results = analyse_all(paths_of(moved), 1, Cache(tmp_path / "cache")).results
    assert [r.document.path for r in results] == [str(p) for p in paths_of(moved)]
    assert all(r.context.document is r.document for r in results)


def test_damaged_cache_file_is_a_miss(corpus, tmp_path, reference):
    cache = Cache(tmp_path / "cache")
    analyse_all(paths_of(corpus), 1, cache)
    for stored in (tmp_path / "cache").rglob("*.pickle"):
        stored.write_bytes(stored.read_bytes()[:100])
    again = Cache(tmp_path / "cache")
    assert output(emit(analyse_all(paths_of(corpus), 1, again).results)[0]) == reference
    assert again.hits == 0 and again.stored == 10


def test_key_depends_on_version_name_and_bytes():
    key = document_key("a.txt", "00" * 32, "v1")
    assert key != document_key("b.txt", "00" * 32, "v1")
    assert key != document_key("a.txt", "11" * 32, "v1")
    assert key != document_key("a.txt", "00" * 32, "v2")


def test_bad_and_empty_sources_are_named_and_the_rest_is_built(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "mixed"
    write_corpus(10, folder)
    good = paths_of(folder)
    empty, image = folder / "00003_empty.txt", folder / "00006_image.txt"
    empty.write_text("  \n", encoding="utf-8")
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    for jobs in (1, 2):
        found = analyse_all(paths_of(folder), jobs, Cache(tmp_path / f"cache{jobs}"))
        assert [w.path for w in found.warnings] == [str(image)]
        assert [s.path for s in found.skipped] == [str(empty)]
        assert output(emit(found.results)[0]) == serial_loop(good)
        with pytest.raises(SourceError) as raised:
            analyse_all(paths_of(folder), jobs, strict=True)
        assert raised.value.path == str(image)


# --- The instrumented pipeline ---------------------------------------------------------


def test_stage_timed_build_computes_what_the_pipeline_computes(corpus, reference):
    from benchmarks.stages import STAGES, build_timed

    staged = build_timed(paths_of(corpus))
    assert staged.output == reference[1]
    assert set(staged.clock.totals) == set(STAGES)


# --- The quick run ---------------------------------------------------------------------


def test_quick_benchmark_runs_and_writes_its_tables(tmp_path):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Versions", "## Targets", "### Build throughput",
                    "### Time per stage", "### Parallel speed-up", "### The libvoikko floor",
                    "### Rebuild after one changed document", "### Named queries",
                    "### Turtle export", "### The HTML view",
                    "### Same facts serial, parallel and cached"):
        assert heading in text
    assert "| target | met |" in text
    assert "Did not finish" not in text
