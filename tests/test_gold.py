"""Extraction quality against the hand-annotated gold sets (thresholds from the issues; never loosened)."""

import csv
from pathlib import Path

import pytest

from govreports.metadata import read_sources
from govreports.pipeline import extract_document
from govreports.scoring import score_folder, totals

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SETS = {
    "reports": (GOLD / "facts.csv", ROOT / "raw", 0.98, 0.97),
    "generalization": (GOLD / "generalization" / "facts.csv", GOLD / "generalization" / "raw", 0.95, 0.95),
    "holdout": (GOLD / "holdout" / "facts.csv", GOLD / "holdout" / "raw", 0.95, 0.95),
    "fullreport": (GOLD / "fullreport" / "facts.csv", GOLD / "fullreport" / "raw", 0.97, 0.97),
}


@pytest.fixture(scope="module", params=[name for name, spec in SETS.items() if spec[0].exists()])
def scored(request):
    gold, raw, floor, field_floor = SETS[request.param]
    return request.param, totals(score_folder(gold, raw)), floor, field_floor


def test_precision_recall_and_field_accuracy_meet_the_floor(scored):
    name, by_table, floor, field_floor = scored
    for table, score in by_table.items():
        assert score.precision >= floor, (name, table, score.precision, score.extras[:5])
        assert score.recall >= floor, (name, table, score.recall, score.misses[:5])
        assert score.field_accuracy >= field_floor, (name, table, score.field_errors[:5])


@pytest.mark.parametrize("spec", [s for s in SETS.values() if s[0].exists()], ids=lambda s: s[0].parent.name)
def test_gold_offsets_point_at_the_annotated_number(spec):
    gold, raw, *_ = spec
    texts = {p.stem: p.read_text(encoding="utf-8") for p in raw.glob("*.txt")}
    with gold.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert texts[row["doc_id"]][int(row["char_start"]) : int(row["char_end"])] == row["number_text"]


def test_every_figure_appears_once_and_none_from_a_duplicated_passage():
    for source in read_sources(ROOT / "raw"):
        extraction = extract_document(source)
        starts = [f.number_start for f in extraction.facts]
        assert len(starts) == len(set(starts))
        duplicates = [(f.char_start, f.char_end) for f in extraction.flags if f.kind == "duplicate_passage"]
        assert duplicates
        assert not [s for s in starts for a, b in duplicates if a <= s < b]
        for fact in extraction.facts:
            assert source.raw[fact.number_start : fact.number_end] == fact.number_text
