"""The whole package: validation, provenance, determinism, --check, Parquet = CSV, failing safely."""

import contextlib
import csv
import dataclasses
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import build
from govreports import columnar, pipeline, writer
from govreports.tables import TABLES, columns

ROOT = Path(__file__).resolve().parent.parent
QUOTED = ("targets", "achievements", "projects", "events", "quality_flags")


def run_build(raw: Path, out: Path, *extra: str) -> int:
    return build.main(["--raw", str(raw), "--out", str(out), *extra])


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    assert run_build(ROOT / "raw", out) == 0
    return out


def raw_texts(raw: Path = ROOT / "raw") -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in raw.glob("*.txt")}


def test_package_validates_with_foreign_keys(built):
    writer.validate(built / "datapackage.json")
    descriptor = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    for resource in descriptor["resources"]:
        assert resource["hash"].startswith("sha256:") and resource["parquet"]["hash"].startswith("sha256:")


def test_a_broken_foreign_key_fails_validation(built, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    target = copy / "csv" / "targets.csv"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("gongshu-2024,", "no-such-doc,", 1)
    target.write_text("".join(lines), encoding="utf-8")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:  # only the foreign key should fail, not the hash
        resource.pop("hash"), resource.pop("bytes")
    (copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(writer.ValidationError, match="foreign-key"):
        writer.validate(copy / "datapackage.json")


@pytest.mark.parametrize("table", QUOTED)
def test_every_row_quote_is_its_raw_slice(built, table):
    raws = raw_texts()
    for row in read_csv(built / "csv" / f"{table}.csv"):
        assert row["quote"] == raws[row["doc_id"]][int(row["char_start"]) : int(row["char_end"])], row["id"]


def test_number_and_name_offsets_point_at_the_printed_text(built):
    raws = raw_texts()
    for table in ("targets", "achievements"):
        for row in read_csv(built / "csv" / f"{table}.csv"):
            assert raws[row["doc_id"]][int(row["number_start"]) : int(row["number_end"])] == row["number_text"]
    for table in ("projects", "events"):
        for row in read_csv(built / "csv" / f"{table}.csv"):
            assert raws[row["doc_id"]][int(row["name_start"]) : int(row["name_end"])] == row["name"]


def test_sections_start_at_their_printed_heading(built):
    raws = raw_texts()
    for row in read_csv(built / "csv" / "sections.csv"):
        raw = raws[row["doc_id"]][int(row["char_start"]) : int(row["char_end"])]
        assert raw.replace("\n", "").replace("*", "").startswith(row["label"]), row
        assert row["heading"][:4] in raw.replace("\n", "")


def test_quality_flags_hold_page_breaks_and_both_duplicated_passages(built):
    flags = read_csv(built / "csv" / "quality_flags.csv")
    kinds = [(f["doc_id"], f["kind"]) for f in flags]
    assert kinds.count(("gongshu-2023", "page_break_split")) == 5
    assert kinds.count(("gongshu-2024", "page_break_split")) == 3
    assert kinds.count(("gongshu-2023", "duplicate_passage")) == 1
    assert kinds.count(("gongshu-2024", "duplicate_passage")) == 1
    assert ("gongshu-2023", "stray_markup") in kinds and ("gongshu-2023", "foreign_token") in kinds
    assert ("gongshu-2024", "truncated") in kinds


def test_two_builds_are_byte_identical(built, tmp_path):
    assert run_build(ROOT / "raw", tmp_path / "again") == 0
    assert tree(tmp_path / "again") == tree(built)


@pytest.mark.xdist_group("repository-data")  # reads the committed data/
def test_committed_data_is_current():
    assert build.main(["--check"]) == 0


def test_check_catches_a_hand_edited_csv(built, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    path = copy / "csv" / "achievements.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",734,", ",735,", 1), encoding="utf-8")
    assert run_build(ROOT / "raw", copy, "--check") == 1
    assert "achievements.csv" in capsys.readouterr().err


@pytest.mark.parametrize("table", TABLES)
def test_parquet_and_csv_hold_the_same_rows(built, table):
    parquet = pq.read_table(built / "parquet" / f"{table}.parquet").to_pylist()
    rows = read_csv(built / "csv" / f"{table}.csv")
    assert list(pq.read_schema(built / "parquet" / f"{table}.parquet").names) == columns(table)
    assert len(parquet) == len(rows)
    for from_parquet, from_csv in zip(parquet, rows, strict=True):
        assert {
            k: columnar.format_cell(v) if not hasattr(v, "isoformat") else v.isoformat()
            for k, v in from_parquet.items()
        } == from_csv


def test_pandas_reads_every_table(built):
    import pandas as pd

    for table in TABLES:
        frame = pd.read_csv(built / "csv" / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == columns(table)


def test_a_bad_report_is_skipped_and_the_others_are_published(built, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("gongshu-2023.txt", "gongshu-2024.txt"):
        shutil.copy(ROOT / "raw" / name, raw / name)
    (raw / "broken.txt").write_bytes(b"\xff\xfe\x00")
    (raw / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == build.EXIT_SKIPPED
    assert "broken.txt: not UTF-8" in result.stderr and "empty.txt: empty" in result.stderr
    assert "Traceback" not in result.stderr
    documents = {row["doc_id"]: row for row in read_csv(out / "csv" / "documents.csv")}
    assert (documents["broken"]["status"], documents["empty"]["status"]) == ("skipped", "skipped")
    assert documents["broken"]["problem"].startswith("not UTF-8")
    assert documents["gongshu-2024"]["status"] == "built"
    assert read_csv(out / "csv" / "targets.csv") == read_csv(built / "csv" / "targets.csv")


def test_strict_mode_stops_at_a_bad_report_and_leaves_previous_outputs_untouched(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = tree(out)
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / "broken.txt").write_bytes(b"\xff\xfe\x00")
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out), "--strict"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == build.EXIT_FAILED
    assert result.stderr.count("\n") == 1 and "broken.txt: not UTF-8" in result.stderr
    assert tree(out) == before


def test_a_report_whose_processing_fails_costs_no_other_report(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "gongshu-2024.txt", raw / "good.txt")
    (raw / "odd.txt").write_text("政府工作报告\n\n今年新增就业1万人。", encoding="utf-8")
    real_extract = pipeline.extract_document

    def fail_on_odd(source):
        if source.doc_id == "odd":
            raise RuntimeError("boom")
        return real_extract(source)

    monkeypatch.setattr(pipeline, "extract_document", fail_on_odd)
    assert run_build(raw, tmp_path / "out") == build.EXIT_SKIPPED
    documents = {row["doc_id"]: row for row in read_csv(tmp_path / "out" / "csv" / "documents.csv")}
    assert documents["odd"]["problem"] == "could not be processed (RuntimeError: boom)"
    assert documents["good"]["status"] == "built"


def test_invalid_package_is_not_swapped_in(built, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = tree(out)

    def refuse(*_args):
        raise writer.ValidationError("refused for the test")

    monkeypatch.setattr(writer, "validate", refuse)
    assert run_build(ROOT / "raw", out) == 1
    assert tree(out) == before
    assert not list(tmp_path.glob(".build-*"))


def test_a_report_with_no_registry_entry_builds(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "gongshu-2024.txt", raw / "another-report.txt")
    assert run_build(raw, tmp_path / "out") == 0
    [document] = read_csv(tmp_path / "out" / "csv" / "documents.csv")
    assert document["doc_id"] == "another-report"
    assert (document["delivered_on"], document["plan_year"], document["region_code"]) == (
        "2024-02-21",
        "2024",
        "330105",
    )
    assert document["metadata_source"].startswith("from text")
    assert len(read_csv(tmp_path / "out" / "csv" / "targets.csv")) > 50


@pytest.mark.xdist_group("repository-data")  # reads the committed data/
def test_readme_counts_and_sample_rows_match_the_data():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        stated = re.search(rf"\| `{table}` \| (\d+) \|", readme)
        assert stated and int(stated.group(1)) == len(read_csv(ROOT / "data" / "csv" / f"{table}.csv")), table
    targets = {row["id"]: row for row in read_csv(ROOT / "data" / "csv" / "targets.csv")}
    sample = re.findall(
        r"^\| (gongshu-\d{4}-F\d{6}) \| (\d{4}) \| ([^|]+) \| ([^|]+) \| [^|]+ \| ([^|]+) \| ([^|]+) \| ([^|]+) \|",
        readme,
        flags=re.M,
    )
    assert len(sample) == 5
    for row_id, year, indicator, category, comparator, value, unit in sample:
        row = targets[row_id]
        assert (row["year"], row["indicator"], row["category"], row["comparator"], row["value"], row["unit"]) == (
            year,
            indicator.strip(),
            category.strip(),
            comparator.strip(),
            value.strip(),
            unit.strip(),
        )


def test_a_report_whose_rows_break_a_schema_is_skipped_and_the_others_are_built(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "gongshu-2024.txt", raw / "good.txt")
    shutil.copy(ROOT / "raw" / "gongshu-2023.txt", raw / "odd.txt")
    real_extract = pipeline.extract_document

    def negative_offsets_in_odd(source):
        extraction = real_extract(source)
        if source.doc_id == "odd":
            extraction.facts[0] = dataclasses.replace(extraction.facts[0], char_start=-5)
        return extraction

    monkeypatch.setattr(pipeline, "extract_document", negative_offsets_in_odd)
    assert run_build(raw, tmp_path / "out") == build.EXIT_SKIPPED
    documents = {row["doc_id"]: row for row in read_csv(tmp_path / "out" / "csv" / "documents.csv")}
    assert documents["odd"]["status"] == "skipped"
    assert "char_start is below 0" in documents["odd"]["problem"]
    assert documents["good"]["status"] == "built"
    assert {row["doc_id"] for row in read_csv(tmp_path / "out" / "csv" / "targets.csv")} == {"good"}
    # the database of the largest tables, begun before the check blamed "odd", was begun again
    (database,) = (tmp_path / "out").glob("*.sqlite")
    with contextlib.closing(sqlite3.connect(database)) as connection:
        for table in ("targets", "achievements"):
            rows = read_csv(tmp_path / "out" / "csv" / f"{table}.csv")
            assert connection.execute(f"SELECT id FROM {table} ORDER BY id").fetchall() == [(r["id"],) for r in rows]


def test_worker_processes_start_however_the_build_was_started(tmp_path):
    """Under a profiler ``__main__`` is the profiler: a worker function defined in build.py could not
    be found by its name there, and the build hung instead of ending."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in (1, 2):
        (raw / f"r{n}.txt").write_text(f"2024年政府工作报告\n\n今年新增就业{n}万人。", encoding="utf-8")
    command = [sys.executable, "-m", "cProfile", "-o", str(tmp_path / "profile"), str(ROOT / "build.py")]
    command += ["--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == build.EXIT_OK, done.stderr
    assert len(read_csv(tmp_path / "out" / "csv" / "documents.csv")) == 2


def test_worker_processes_build_the_same_bytes_as_one_process(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for source in [*(ROOT / "raw").glob("*.txt"), *(ROOT / "tests" / "gold").glob("*/raw/*.txt")]:
        shutil.copy(source, raw / source.name)
    assert run_build(raw, tmp_path / "one", "--jobs", "1") == build.EXIT_OK
    assert run_build(raw, tmp_path / "two", "--jobs", "2") == build.EXIT_OK
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(read_csv(tmp_path / "two" / "csv" / "documents.csv")) > 4
