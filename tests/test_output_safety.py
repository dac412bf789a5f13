"""An output folder is the build's own: it never deletes what it did not write, one build writes it
at a time, and a build killed at any instant leaves the old or the new package."""

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_build

import build
from govreports import writer

ROOT = Path(__file__).resolve().parent.parent


run = run_build


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", folder)
    return folder


def package_is_complete(out: Path) -> bool:
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        data = (out / resource["path"]).read_bytes()
        if f"sha256:{hashlib.sha256(data).hexdigest()}" != resource["hash"]:
            return False
    return True


def test_the_raw_folder_or_a_folder_holding_it_is_refused_and_nothing_is_deleted(raw, tmp_path):
    before = sorted(p.name for p in raw.iterdir())
    for out in (raw, tmp_path):
        result = run(raw, out)
        assert result.returncode == build.EXIT_FAILED and "raw folder" in result.stderr
    assert sorted(p.name for p in raw.iterdir()) == before


def test_a_folder_with_other_files_is_refused_unless_forced_and_the_files_stay(raw, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    result = run(raw, out)
    assert result.returncode == build.EXIT_FAILED and "my-notes.txt" in result.stderr
    assert result.stderr.count("\n") == 1
    assert run(raw, out, "--force").returncode == build.EXIT_OK
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert package_is_complete(out)


def test_an_output_that_is_a_file_is_refused(raw, tmp_path):
    out = tmp_path / "out"
    out.write_text("a file", encoding="utf-8")
    result = run(raw, out)
    assert result.returncode == build.EXIT_FAILED and "is a file" in result.stderr
    assert out.read_text(encoding="utf-8") == "a file"


def test_a_second_build_into_the_same_folder_stops_in_one_line(raw, tmp_path):
    out = tmp_path / "out"
    with writer.build_lock(out):
        result = run(raw, out)
    assert result.returncode == build.EXIT_FAILED and "another build" in result.stderr


def test_a_killed_swap_is_finished_or_undone_by_the_next_run(raw, tmp_path):
    out = tmp_path / "out"
    assert run(raw, out).returncode == build.EXIT_OK
    backup = out.with_name(".out.previous")
    out.rename(backup)  # killed between putting the old package aside and moving the new one in
    (tmp_path / ".build-out-x1").mkdir()  # and a half-written staging folder
    writer.recover(out)
    assert package_is_complete(out) and not backup.exists() and not (tmp_path / ".build-out-x1").exists()


@pytest.mark.parametrize("after", [0.3, 1.0, 2.0, 3.0])
def test_a_build_killed_at_any_point_leaves_a_complete_package(raw, tmp_path, after):
    out = tmp_path / "out"
    assert run(raw, out).returncode == build.EXIT_OK
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    writer.recover(out)
    assert package_is_complete(out)
