"""An output folder is the build's own: it never deletes what it did not write, one build writes it
at a time, and a build killed at any instant leaves the old or the new package."""

import hashlib
import json
import os
import resource as rlimits
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


# --- Failures while writing: one line, the previous package unchanged, nothing left behind ------

TINY = (
    "某某区政府工作报告\n（2024年1月5日在某某区第一届人民代表大会第三次会议上）\n一、2023年工作回顾\n"
    "地区生产总值增长5.2%，固定资产投资75亿元。\n"
)


@pytest.fixture
def published(tmp_path):
    """A tiny raw folder and the package a first build published from it: (raw, out, snapshot)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "report.txt").write_text(TINY, encoding="utf-8")
    out = tmp_path / "site" / "out"
    out.parent.mkdir()
    assert run(folder, out).returncode == build.EXIT_OK
    return folder, out, snapshot(out)


def snapshot(out: Path) -> dict[str, str]:
    """Every file of the output folder by path, with its sha256."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    """Staging folders or a put-aside package a build left beside its output folder."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith((".build-", f".{out.name}.previous")))


def the_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("previous", [True, False], ids=["over-a-package", "new-folder"])
def test_an_output_folder_whose_parent_is_not_writable_fails_in_one_line(published, tmp_path, previous):
    raw, out, before = published
    if not previous:
        out = out.parent / "fresh"
    out.parent.chmod(0o555)
    try:
        probe = out.parent / ".can-i-write"
        try:
            probe.touch()
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 0o555 does not stop writes")
        result = run(raw, out)
    finally:
        out.parent.chmod(0o755)
    assert result.returncode == build.EXIT_FAILED
    line = the_line(result.stderr)
    assert str(out.parent) in line and "ermission denied" in line
    assert (snapshot(out) == before) if previous else not out.exists()
    assert leftovers(out) == []


def limit_file_size(limit: int):
    """For preexec_fn: a disk that takes no file larger than ``limit`` bytes (writes fail with EFBIG)."""

    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        rlimits.setrlimit(rlimits.RLIMIT_FSIZE, (limit, limit))

    return apply


def build_on_a_full_disk(published, tmp_path):
    raw, out, before = published
    temp = tmp_path / "tmp"  # the build's own temporary files too, to see that none stays
    temp.mkdir()
    result = run(raw, out, preexec_fn=limit_file_size(4096), env={**os.environ, "TMPDIR": str(temp)})
    return result, out, before, temp


def test_a_full_disk_fails_in_one_line_and_leaves_the_old_package(published, tmp_path):
    result, out, before, temp = build_on_a_full_disk(published, tmp_path)
    assert result.returncode == build.EXIT_FAILED
    line = the_line(result.stderr)
    assert line.startswith("error") and "nothing was replaced" in line
    assert snapshot(out) == before
    assert leftovers(out) == [] and list(temp.iterdir()) == []


def test_a_full_disk_is_named_with_the_output_folder(published, tmp_path):
    result, out, _, _ = build_on_a_full_disk(published, tmp_path)
    line = the_line(result.stderr)
    assert str(out) in line and ("too large" in line or "full" in line)


@pytest.mark.parametrize("damage", ["truncated", "emptied", "a-folder", "unreadable"])
def test_check_names_a_damaged_parquet_file_in_one_line(published, damage):
    raw, out, _ = published
    target = out / "parquet" / "targets.parquet"
    data = target.read_bytes()
    if damage == "truncated":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "emptied":
        target.write_bytes(b"")
    elif damage == "a-folder":
        target.unlink()
        target.mkdir()
    damaged = snapshot(out)
    if damage == "unreadable":
        target.chmod(0)
        if os.access(target, os.R_OK):
            pytest.skip("running as root: chmod 0 does not stop reads")
    try:
        result = run(raw, out, "--check")
    finally:
        target.chmod(0o755 if target.is_dir() else 0o644)
    assert result.returncode == build.EXIT_FAILED
    line = the_line(result.stderr)
    assert str(target) in line and ("differ" in line or "cannot be read" in line or "ermission" in line)
    assert snapshot(out) == damaged  # --check writes nothing


def start_build(raw: Path, out: Path) -> subprocess.Popen:
    """build.py as a user starts it, to be interrupted."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_ctrl_c_while_the_package_is_written_exits_130_and_leaves_the_old_package(published):
    raw, out, before = published
    process = start_build(raw, out)
    deadline = time.monotonic() + 120
    while not list(out.parent.glob(".build-*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "the build ended before it staged its package"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == build.EXIT_INTERRUPTED
    assert "interrupted" in the_line(stderr)
    assert snapshot(out) == before and leftovers(out) == []


def test_ctrl_c_right_after_the_start_exits_130_in_one_line(published):
    raw, out, before = published
    process = start_build(raw, out)
    time.sleep(0.15)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert snapshot(out) == before
    assert process.returncode == build.EXIT_INTERRUPTED
    assert "interrupted" in the_line(stderr)


def test_a_claim_left_by_an_error_stops_its_database_and_leaves_nothing_behind(tmp_path):
    out = tmp_path / "out"
    tables = build.build_tables(ROOT / "raw")[0]
    with pytest.raises(RuntimeError), writer.Claim(out) as claim:
        claim.begin_database(tables)
        database = claim.database
        raise RuntimeError("the check failed")
    assert claim.database is None and not database.worker.is_alive()
    assert leftovers(out) == [] and not out.exists()


def without_fork(monkeypatch) -> None:
    """The writers run as threads, as where there is no fork."""
    monkeypatch.setattr(writer.multiprocessing, "get_all_start_methods", lambda: ["spawn"])


def test_writers_run_as_threads_where_there_is_no_fork_write_the_same_package(published, monkeypatch):
    from conftest import build_in_process

    raw, out, before = published
    without_fork(monkeypatch)
    assert build_in_process(raw, out).returncode == build.EXIT_OK
    assert snapshot(out) == before


@pytest.mark.parametrize("mode", ["fork", "threads"])
@pytest.mark.parametrize("failing", ["largest", "rest"])
def test_a_database_writer_that_fails_is_named_in_one_line_and_nothing_is_replaced(
    published, monkeypatch, failing, mode
):
    """The writer of the largest tables is waited for by the other writer, which copies its part in:
    a failure of either reaches the build once, in one line, and the old package stays."""
    from conftest import build_in_process

    from govreports import formats

    raw, out, before = published
    if mode == "threads":
        without_fork(monkeypatch)
    write_sqlite = formats.write_sqlite

    def broken(tables, path, stop=None, only=formats.TABLES, **kwargs):
        if (failing == "largest") == (tuple(only) == formats.SQLITE_SPLIT):
            raise RuntimeError("the disk says no")
        return write_sqlite(tables, path, stop, only, **kwargs)

    monkeypatch.setattr(formats, "write_sqlite", broken)  # forked writers inherit it
    result = build_in_process(raw, out)
    assert result.returncode == build.EXIT_FAILED
    line = the_line(result.stderr)
    assert line.count("could not write the database") == 1 and "RuntimeError: the disk says no" in line, line
    assert snapshot(out) == before and leftovers(out) == []


def test_a_writer_started_as_ctrl_c_strikes_is_stopped_and_leaves_nothing(published, monkeypatch):
    """A Ctrl-C that lands after a writer's process started but before the build held it: the writer
    is stopped anyway, before its folder is removed."""
    from conftest import build_in_process

    raw, out, before = published
    started = []
    start = writer._Background.__init__

    def interrupted(self, function, *args):
        start(self, function, *args)
        started.append(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(writer._Background, "__init__", interrupted)
    result = build_in_process(raw, out)
    assert result.returncode == build.EXIT_INTERRUPTED
    assert started and not any(w.worker.is_alive() for w in started)
    assert snapshot(out) == before and leftovers(out) == []


def test_ctrl_c_as_a_build_makes_its_private_folder_leaves_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    make = writer.tempfile.mkdtemp

    def interrupted(*args, **kwargs):
        made = make(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # held until the build has kept the folder's name
        return made

    monkeypatch.setattr(writer.tempfile, "mkdtemp", interrupted)
    with pytest.raises(KeyboardInterrupt), writer.Claim(out):
        pass
    assert leftovers(out) == []
