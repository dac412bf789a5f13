"""Bad input fails loudly with one line naming the file; metadata comes from the text when needed."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        "place": "拱墅区",
        "region_code": "330105",
        "speaker": "冯晶",
        "plan_year": 2023,
        "review_year": 2022,
        "year_source": "congress line",
    }


@pytest.mark.parametrize(
    ("text", "file_name", "plan_year", "source"),
    [
        (
            "下载\n打印\n2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n",
            "",
            2026,
            "congress line",
        ),
        ("政府工作报告\n——二〇二六年一月二十七日在某省十四届人民代表大会第四次会议上\n", "", 2026, "congress line"),
        ("2025年某市政府工作报告\n各位代表：\n到2030年，人口达到100万。", "", 2025, "title"),
        ("一、过去五年和2025年工作回顾\n\n过去一年……", "", 2026, "review heading"),
        ("三、关于2026年工作\n\n今年主要预期目标是……", "", 2026, "plan heading"),
        ("2024年，全县经济稳中有进。\n今年要……", "", 2025, "review opener"),
        ("2027年是建区30周年。今年力争……", "", 2027, "plan opener"),
        ("某区政府工作报告\n时间：2026-01-22\n今年力争……到2035年……", "", 2026, "publication line"),
        ("今年力争新增就业1万人。", "report-2019.txt", 2019, "file name"),
        ("(紧接2版)\n\n确保2024年底前建成投用。到2027年累计改造100个。", "", 2024, "years the text names (a guess)"),
    ],
)
def test_years_come_from_the_strongest_cue_never_the_latest_year_named(text, file_name, plan_year, source):
    meta = infer_metadata(text, file_name)
    assert (meta["plan_year"], meta["year_source"]) == (plan_year, source)


def test_a_text_that_names_no_year_gives_no_year():
    assert "plan_year" not in infer_metadata("今年力争新增就业1万人。")


def test_region_and_its_code_come_from_the_congress_line():
    meta = infer_metadata("政府工作报告\n（2025年5月27日在杭州市上城区第一届人民代表大会第四次会议上）\n")
    assert (meta["region"], meta["region_code"], meta["delivered_on"]) == ("上城区", "330102", "2025-05-27")


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
    [(b"\xff\xfe bad", "not UTF-8"), (b"  \n\n", "empty")],
)
def test_unreadable_reports_are_refused(tmp_path, content, message):
    (tmp_path / "new.txt").write_bytes(content)
    with pytest.raises(InputError, match=rf"new\.txt: .*{message}"):
        read_sources(tmp_path)


def test_registry_naming_a_missing_file_is_refused(tmp_path):
    entry = {"file": "gone.txt", "doc_id": "gone", "sha256": "0" * 64}
    (tmp_path / "registry.json").write_text(json.dumps([entry]), encoding="utf-8")
    with pytest.raises(InputError, match=r"gone\.txt: named in registry\.json, but there is no such file"):
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


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "■",
                "杭州市人民政府",
                "政府",
                "代",
                "区长",
                "市长",
                "主席",
                " ",
                "\u3000",
                "\n",
                "张三",
                "李 四",
                "一、",
                "2025",
                "二〇二五",
                "年",
                "全区",
                "经济社会发展",
                "二〇二五年全区经济社会发展工作回顾",
                "工作回顾",
                "工作总结",
                "。",
                "，",
            ]
        ),
        max_size=24,
    )
)
def test_a_text_without_a_role_and_a_space_or_a_heading_end_has_no_byline_or_review_heading(pieces):
    """infer_metadata searches line by line for a byline or a review heading only in a text holding
    what every one of them holds; a text the quick search passes over has none."""
    from govreports.metadata import _BYLINE, _BYLINE_ROLE, _REVIEW_HEADING, _REVIEW_HEADING_END

    text = "".join(pieces)
    if _BYLINE_ROLE.search(text) is None:
        assert _BYLINE.search(text) is None
    if _REVIEW_HEADING_END.search(text) is None:
        assert _REVIEW_HEADING.search(text) is None
