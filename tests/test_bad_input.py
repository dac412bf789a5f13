"""Odd input, as users' tools save it: each case builds with the oddity in quality_flags, or is refused
in one line naming the file and the problem; none ends in a traceback, and a figure is never changed."""

import json
from pathlib import Path

import pytest
from conftest import run_build

import build
from govreports.metadata import SourceFile, scan_sources
from govreports.pipeline import extract_document

ROOT = Path(__file__).resolve().parent.parent
REPORT = (
    "某区政府工作报告\n（2024年1月5日在某区第一届人民代表大会第三次会议上）\n一、2023年工作回顾\n"
    "全区生产总值增长5.2%，固定资产投资75亿元，新增就业1.2万人。\n"
)


def extract(text):
    return extract_document(SourceFile(Path("odd.txt"), "odd", text, "0" * 64, None))


def figures(text):
    return sorted((f.value, f.unit) for f in extract(text).facts)


EXPECTED = figures(REPORT)


@pytest.mark.parametrize(
    ("insert", "kind"),
    [
        ("\u00a0", "invisible_characters"),  # a no-break space
        ("\u200b", "invisible_characters"),
        ("\x00", "invisible_characters"),
        ("\u200e", "invisible_characters"),
        ("\u0301", "invisible_characters"),
    ],
)
def test_invisible_characters_inside_figures_change_no_figure(insert, kind):
    text = REPORT.replace("75亿元", f"7{insert}5{insert}亿元").replace("5.2%", f"5{insert}.2%")
    extraction = extract(text)
    assert sorted((f.value, f.unit) for f in extraction.facts) == EXPECTED
    if kind:
        assert kind in {f.kind for f in extraction.flags}
    for fact in extraction.facts:
        assert text[fact.char_start : fact.char_end] == fact.quote


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_read_as_line_ends(line_end):
    extraction = extract(REPORT.replace("\n", line_end))
    assert sorted((f.value, f.unit) for f in extraction.facts) == EXPECTED
    assert "line_endings" in {f.kind for f in extraction.flags}
    assert [s.heading for s in extraction.sections] == ["2023年工作回顾"]


@pytest.mark.parametrize(
    ("printed", "value"), [("增长-2.1%", -2.1), ("增长－5.6%", -5.6), ("增长−3.4%", -3.4), ("为负1.5%", -1.5)]
)
def test_a_printed_minus_sign_gives_a_negative_value(printed, value):
    [fact] = [f for f in extract(REPORT.replace("增长5.2%", printed)).facts if f.unit == "%"]
    assert fact.value == value


def test_a_bullet_dash_and_a_range_are_no_minus_signs():
    facts = extract(REPORT + "-5个重点项目开工，增长4.5-5%，减负700亿元。\n").facts
    values = {f.number_text: f.value for f in facts}
    assert (values["5"], values["4.5-5"], values["700"]) == (5, 4.5, 700)


def test_full_width_digits_and_punctuation_are_read():
    facts = extract(REPORT.replace("5.2%", "５．２％"))
    assert (5.2, "％") in [(f.value, f.unit) for f in facts.facts]


def test_an_absurd_number_is_flagged_never_infinite():
    extraction = extract(REPORT + "投资" + "9" * 400 + "亿元，另有1" + "0" * 30 + "元。\n")
    assert all(abs(f.value) != float("inf") for f in extraction.facts)
    assert "absurd_number" in {f.kind for f in extraction.flags}


def test_traditional_characters_are_flagged():
    text = REPORT.replace("全区生产总值增长", "這個區經濟發展實現總產值增長")
    assert "traditional_characters" in {f.kind for f in extract(text + "這個們來時會經濟發區縣\n").flags}


run = run_build


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gbk.txt", REPORT.encode("gb18030"), "not UTF-8"),
        ("big5.txt", "政府工作報告，經濟增長百分之五。".encode("big5") * 20, "not UTF-8"),
        ("utf16.txt", REPORT.encode("utf-16"), "UTF-16"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", " \n\t\r\n\u3000".encode(), "empty"),
        ("binary.txt", bytes(range(256)) * 4, "not UTF-8"),
    ],
)
def test_files_that_cannot_be_read_are_skipped_in_one_line(tmp_path, name, content, message):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(REPORT, encoding="utf-8")
    (raw / name).write_bytes(content)
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_SKIPPED, result.stderr
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if name in line]
    assert message in line


def test_a_bom_crlf_report_builds_with_flags(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bom.txt").write_bytes(b"\xef\xbb\xbf" + REPORT.replace("\n", "\r\n").encode())
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_OK, result.stderr
    flags = (tmp_path / "out" / "csv" / "quality_flags.csv").read_text(encoding="utf-8")
    assert "invisible_characters" in flags and "line_endings" in flags


def test_odd_file_names_and_other_files(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("with space.txt", "中文名.txt", "-dash.txt", "UPPER.TXT"):
        (raw / name).write_text(REPORT, encoding="utf-8")
    (raw / "notes.md").write_text("not a report", encoding="utf-8")
    (raw / "sub").mkdir()
    (raw / "link.txt").symlink_to(raw / "中文名.txt")
    raw_bytes = bytes(raw) + b"/bad\xff.txt"
    with open(raw_bytes, "wb") as handle:
        handle.write(REPORT.encode())
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_OK, result.stderr
    assert "Traceback" not in result.stderr
    assert "notes.md: not a .txt report" in result.stderr and "sub: not a .txt report" in result.stderr
    scan = scan_sources(raw)
    assert {s.doc_id for s in scan.sources} == {"with space", "中文名", "-dash", "UPPER", "link", "bad\\xff"}


ZEROS = "0" * 64
TWICE = json.dumps([{"file": "a.txt", "doc_id": d, "sha256": ZEROS} for d in ("a", "b")])


@pytest.mark.parametrize(
    ("registry", "message"),
    [
        ("[{not json", "not valid UTF-8 JSON"),
        (TWICE, "lists a.txt twice"),
    ],
)
def test_a_registry_that_cannot_be_trusted_stops_the_build_in_one_line(tmp_path, registry, message):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(REPORT, encoding="utf-8")
    (raw / "registry.json").write_text(registry, encoding="utf-8")
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_FAILED
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_a_registry_path_outside_the_folder_is_refused_in_one_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(REPORT, encoding="utf-8")
    entry = f'[{{"file": "../../etc/passwd", "doc_id": "p", "sha256": "{"0" * 64}"}}]'
    (raw / "registry.json").write_text(entry, encoding="utf-8")
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_FAILED and result.stderr.count("\n") == 1
    assert "etc/passwd" in result.stderr and not (tmp_path / "out").exists()


def test_registry_metadata_the_text_contradicts_is_flagged():
    source = SourceFile(Path("r.txt"), "r", REPORT, "0" * 64, {"file": "r.txt", "plan_year": 2030, "review_year": 2029})
    extraction = extract_document(source)
    assert extraction.document.plan_year == 2030
    assert "registry_conflict" in {f.kind for f in extraction.flags}


def test_reports_with_no_numbers_or_no_headings_build():
    assert extract("某区政府工作报告\n一、2023年工作回顾\n二、2024年工作安排\n").facts == []
    assert figures("今年新增就业1万人。去年完成投资5亿元。") == [(1, "万人"), (5, "亿元")]
