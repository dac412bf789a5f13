"""The real reports in ../shared/real (nobody on the project wrote them): every one builds, alone and
together, and the extraction meets the issue's floors there. Skipped when the folder is absent."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build
from govreports import columnar

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
pytestmark = pytest.mark.skipif(not (REAL / "raw").is_dir(), reason="../shared/real is not here")


def test_every_real_report_builds_in_one_run_without_a_skip(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(REAL / "raw"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == build.EXIT_OK, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("report", sorted(p.name for p in (REAL / "raw").glob("*.txt")) if REAL.is_dir() else [])
def test_each_real_report_builds_alone(tmp_path, report):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REAL / "raw" / report, raw / report)
    tables, skipped = build.build_tables(raw, strict=True)
    rows = columnar.as_rows(tables)
    assert not skipped
    assert [row["status"] for row in rows["documents"]] == ["built"]
    assert all(row["plan_year"] for row in rows["documents"])


def test_real_scores_meet_the_floors():
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "score_real.sh"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
