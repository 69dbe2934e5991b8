"""The seed evaluation as a test, with the quality bar of the builder issue.

Runs ``../shared/eval/score.py`` (beside the repository in a checkout and in
CI) on a graph built from each seed document alone, against an empty
document's graph as the baseline.
"""

import sys
from pathlib import Path

import pytest
import yaml

from graph_builder.pipeline import analyse, emit
from graph_builder.readers import read_document
from graph_builder.serialize import union_graph

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = ROOT / "graph_builder" / "corpus"

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(),
                                reason="../shared/eval is not beside this checkout")


def graph_of(path: Path):
    dataset, _, _ = emit([analyse(read_document(path))])
    return union_graph(dataset)


@pytest.fixture(scope="module")
def scores() -> list[dict]:
    sys.path.insert(0, str(EVAL))
    from score import score

    dataset, _, _ = emit([])  # what an empty document builds: reference data only
    baseline = union_graph(dataset)
    out = []
    for gold_file in sorted((EVAL / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        out.append(score(gold, graph_of(CORPUS / gold["document"]), baseline, None))
    return out


def mean(scores: list[dict], key: str) -> float:
    return sum(s[key] for s in scores) / len(scores)


def test_entity_f1(scores: list[dict]) -> None:
    assert mean(scores, "entity_f1") >= 0.95, scores


def test_relation_recall(scores: list[dict]) -> None:
    assert mean(scores, "relation_recall") >= 0.95, scores


def test_attribute_recall(scores: list[dict]) -> None:
    assert mean(scores, "attribute_recall") >= 0.95, scores


def test_resolution(scores: list[dict]) -> None:
    assert mean(scores, "resolution") == 1.0, [s["split_entities"] for s in scores]
