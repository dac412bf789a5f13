"""Bad input fails loudly with one line naming the file; metadata comes from the text when needed."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from govreports.metadata import InputError, infer_metadata, read_sources

ROOT = Path(__file__).resolve().parent.parent


def test_metadata_is_read_off_the_text():
    raw = (ROOT / "raw" / "gongshu-2023.txt").read_text(encoding="utf-8")
    meta = infer_metadata(raw)
    assert meta == {
        "title": "政府工作报告",
        "delivered_on": "2023-01-07",
        "meeting": "拱墅区第一届人民代表大会第二次会议",
        "region": "拱墅区",
        "speaker": "冯晶",
        "plan_year": 2023,
        "review_year": 2022,
    }


def test_years_without_a_date_line_come_from_headings_or_mentions():
    assert infer_metadata("一、2025年工作回顾\n\n过去一年……")["plan_year"] == 2026
    assert infer_metadata("(紧接2版)\n\n确保2024年底前建成投用。到2027年累计改造100个。")["plan_year"] == 2024


def copy_raw(tmp_path):
    target = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", target)
    return target


def test_changed_raw_file_is_refused(tmp_path):
    raw = copy_raw(tmp_path)
    (raw / "gongshu-2024.txt").write_text("篡改", encoding="utf-8")
    with pytest.raises(InputError, match=r"gongshu-2024\.txt: sha256 .* does not match"):
        read_sources(raw)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe bad", "not UTF-8"), (b"  \n\n", "empty"), ("\ufeff报告".encode(), "byte-order mark")],
)
def test_unreadable_reports_are_refused(tmp_path, content, message):
    (tmp_path / "new.txt").write_bytes(content)
    with pytest.raises(InputError, match=rf"new\.txt: .*{message}"):
        read_sources(tmp_path)


def test_registry_naming_a_missing_file_is_refused(tmp_path):
    entry = {"file": "gone.txt", "doc_id": "gone", "sha256": "0" * 64}
    (tmp_path / "registry.json").write_text(json.dumps([entry]), encoding="utf-8")
    with pytest.raises(InputError, match=r"registry names gone\.txt"):
        read_sources(tmp_path)


def test_registry_that_breaks_its_schema_is_refused(tmp_path):
    (tmp_path / "registry.json").write_text(json.dumps([{"file": "a.txt"}]), encoding="utf-8")
    with pytest.raises(InputError, match="registry does not match"):
        read_sources(tmp_path)


def test_duplicate_doc_id_is_refused(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("政府工作报告\n\n今年新增就业1万人。", encoding="utf-8")
    digest = hashlib.sha256("政府工作报告\n\n今年新增就业1万人。".encode()).hexdigest()
    registry = [{"file": n, "doc_id": "same", "sha256": digest} for n in ("a.txt", "b.txt")]
    (tmp_path / "registry.json").write_text(json.dumps(registry), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate doc_id 'same'"):
        read_sources(tmp_path)
