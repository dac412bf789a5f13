"""Odd input, as users' tools save it: each case builds with the oddity in quality_flags, or is refused
in one line naming the file and the problem; none ends in a traceback, and a figure is never changed."""

import contextlib
import csv
import hashlib
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import build_in_process, run_build

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


# Most cases build in this process (the same build.main); the 5,000-file case and the
# output-safety tests start build.py itself, as a user does.
run = build_in_process


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


# --- The same rule, end to end: build.py in its own process, as a user runs it ------------------

TINY = (
    "某某区政府工作报告\n（2024年1月5日在某某区第一届人民代表大会第三次会议上）\n一、2023年工作回顾\n"
    "地区生产总值增长5.2%，固定资产投资75亿元。\n"
)

#: The same report in traditional characters, as a Hong Kong or Taiwan source prints it.
TINY_TRADITIONAL = (
    "某某區政府工作報告\n（2024年1月5日在某某區第一屆人民代表大會第三次會議上）\n一、2023年工作回顧\n"
    "地區生產總值增長5.2%，固定資產投資75億元。這個區經濟發展實現總產值增長。\n"
)


def make_raw(tmp_path, files, registry=None):
    """A raw folder holding ``files`` (name -> text or bytes) and, when given, a registry."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, content in files.items():
        (raw / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if registry is not None:
        text = registry if isinstance(registry, (str, bytes)) else json.dumps(registry, ensure_ascii=False)
        (raw / "registry.json").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return raw


def sha(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones beside it too) by path, with its sha256."""
    return {
        str(p.relative_to(folder.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.parent.rglob("*"))
        if p.is_file() and p.name != f".{folder.name}.lock" and "raw" not in p.relative_to(folder.parent).parts
    }


def table(out: Path, name: str) -> list[dict]:
    with (out / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def one_line(stderr: str, name: str) -> str:
    """The one stderr line that names ``name``; no traceback anywhere."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if name in line]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A package built once from a good report, copied by each test that needs previous outputs."""
    folder = tmp_path_factory.mktemp("published")
    raw = make_raw(folder, {"good.txt": TINY})
    assert run(raw, folder / "out").returncode == build.EXIT_OK
    return folder / "out"


def previous_outputs(published, tmp_path) -> tuple[Path, dict[str, str]]:
    out = tmp_path / "out"
    shutil.copytree(published, out)
    return out, tree(out)


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (TINY.encode("gbk"), "GB18030"),
        (TINY.replace("某某区", "𠀀某区").encode("gb18030"), "GB18030"),  # a character only GB18030 has
        (TINY_TRADITIONAL.encode("big5"), "BIG5"),
        (TINY.encode("utf-16-le"), "UTF-16-LE"),  # no byte-order mark
        (TINY.encode("utf-16-be"), "UTF-16-BE"),
        (b"\xfe\xff" + TINY.encode("utf-16-be"), "UTF-16"),
        ("增长5%".encode("gbk"), "GB18030"),  # too short for a sure guess: the usual one, never UTF-16
        ("報告".encode("big5"), "iconv -f"),
    ],
)
def test_a_file_in_another_encoding_is_skipped_with_its_likely_encoding_and_the_iconv_line(tmp_path, content, named):
    raw = make_raw(tmp_path, {"good.txt": TINY, "legacy.txt": content})
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_SKIPPED, result.stderr
    line = one_line(result.stderr, "legacy.txt")
    assert line.startswith("skipped ") and "not UTF-8" in line and named in line and "iconv -f" in line
    statuses = {row["doc_id"]: row["status"] for row in table(tmp_path / "out", "documents")}
    assert statuses == {"good": "built", "legacy": "skipped"}


def test_a_utf8_bom_alone_builds_and_is_flagged(tmp_path):
    raw = make_raw(tmp_path, {"bom.txt": b"\xef\xbb\xbf" + TINY.encode("utf-8")})
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_OK and "Traceback" not in result.stderr, result.stderr
    [flag] = table(tmp_path / "out", "quality_flags")
    assert flag["kind"] == "invisible_characters" and "FEFF" in flag["detail"] and flag["char_start"] == "0"
    assert {row["plan_year"] for row in table(tmp_path / "out", "documents")} == {"2024"}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (TINY.replace("\n", "\r"), {"line_endings"}),  # old Mac line ends: a bare CR in every quote's neighbourhood
        (TINY.replace("75亿元", "7\x005\u200b亿元") + "另有\x00\u200d\u2060空白。\n", {"invisible_characters"}),
        (TINY.replace("5.2%", "５．２％").replace("75亿元", "７５亿元，"), set()),
        (
            TINY_TRADITIONAL,
            {"traditional_characters"},
        ),
        (TINY + "投资" + "9" * 400 + "亿元，另有1" + "0" * 30 + "元。\n", {"absurd_number"}),
    ],
    ids=["cr", "nul-zero-width", "full-width", "traditional", "absurd-numbers"],
)
def test_odd_text_builds_end_to_end_with_its_flag_and_every_quote_is_the_raw_text(tmp_path, text, kinds):
    raw = make_raw(tmp_path, {"odd.txt": text})
    out = tmp_path / "out"
    result = run(raw, out)
    assert result.returncode == build.EXIT_OK and "Traceback" not in result.stderr, result.stderr
    assert kinds <= {row["kind"] for row in table(out, "quality_flags")}
    if "traditional_characters" not in kinds:  # the rules read simplified characters (the flag says so)
        assert table(out, "achievements"), "the figures of an odd text are still read"
    for name in ("achievements", "targets", "quality_flags"):
        for row in table(out, name):  # through the CSV writer and reader, byte for byte
            assert row["quote"] == text[int(row["char_start"]) : int(row["char_end"])]
    import pandas as pd

    values = pd.read_parquet(out / "parquet" / "achievements.parquet")["value"]
    assert values.notna().all() and (values.abs() < float("inf")).all()


@pytest.mark.parametrize(
    ("text", "plan_year", "flag"),
    [
        ("某某区政府工作报告\n一、过去一年工作回顾\n地区生产总值增长5.2%。\n", "", "no_year"),
        ("地区生产总值增长5.2%，新增就业1万人。\n", "", "no_year"),  # no heading, no title, no year
        (TINY.replace("2024年1月5日", "二〇二四年一月五日").replace("2023年", "二〇二三年"), "2024", None),
        ("某某区政府工作报告\n一、二〇二三年工作回顾\n地区生产总值增长5.2%。\n", "2024", None),
        (
            "某某區政府工作報告\n一、2023年工作回顧\n地區生產總值增長5.2%。\n",
            "2024",
            None,
        ),  # not 2023 from "2023年工作"
        (
            "某某区政府工作报告\n一、2023年工作回顾\n经济运行总体平稳。\n二、2024年工作安排\n持续深化改革。\n",
            "2024",
            None,
        ),
    ],
    ids=[
        "no-year",
        "no-headings",
        "chinese-numeral-date",
        "chinese-numeral-heading-only",
        "traditional-review-heading",
        "headings-no-numbers",
    ],
)
def test_reports_without_years_numbers_or_headings_build_end_to_end(tmp_path, text, plan_year, flag):
    raw = make_raw(tmp_path, {"plain.txt": text})
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_OK and "Traceback" not in result.stderr, result.stderr
    [document] = table(tmp_path / "out", "documents")
    assert document["plan_year"] == plan_year
    kinds = {row["kind"] for row in table(tmp_path / "out", "quality_flags")}
    assert (flag in kinds) if flag else not kinds & {"no_year", "year_guessed"}
    if flag == "no_year":
        assert {row["year"] for row in table(tmp_path / "out", "achievements")} <= {""}


REGISTRY_OK = [{"file": "good.txt", "doc_id": "good", "sha256": sha(TINY)}]


@pytest.mark.parametrize(
    ("registry", "message"),
    [
        ('{"file": "good.txt"}', "is not of type 'array'"),
        ([{"file": "good.txt", "sha256": sha(TINY)}], "'doc_id' is a required property"),
        ([{"file": "good.txt", "doc_id": "Good Report", "sha256": sha(TINY)}], "doc_id"),
        ([{**REGISTRY_OK[0], "plan_year": "2024"}], "plan_year"),
        (b"\xff\xfe[\x00]\x00", "not valid UTF-8 JSON"),
        ("", "not valid UTF-8 JSON"),
    ],
    ids=["object", "no-doc_id", "bad-doc_id", "year-as-text", "utf-16", "empty"],
)
def test_a_malformed_registry_stops_the_build_in_one_line_and_leaves_the_outputs(
    tmp_path, published, registry, message
):
    out, before = previous_outputs(published, tmp_path)
    raw = make_raw(tmp_path, {"good.txt": TINY}, registry)
    result = run(raw, out)
    assert result.returncode == build.EXIT_FAILED
    line = one_line(result.stderr, "registry.json")
    assert result.stderr.count("\n") == 1 and message in line
    assert tree(out) == before


@pytest.mark.parametrize(
    ("files", "registry", "name", "message", "built"),
    [
        ({}, [{"file": "gone.txt", "doc_id": "gone", "sha256": "0" * 64}], "gone.txt", "no such file", {"good"}),
        ({"a.txt": TINY}, [{"file": "a.txt", "doc_id": "a", "sha256": "1" * 64}], "a.txt", "does not match", {"good"}),
        (
            {"a.txt": TINY, "b.txt": TINY},
            [{"file": n, "doc_id": "same", "sha256": sha(TINY)} for n in ("a.txt", "b.txt")],
            "b.txt",
            "duplicate doc_id 'same' (also a.txt)",
            {"good", "same"},
        ),
        (  # the registry gives good-2.txt the doc_id good.txt has by its name: the second in name order is skipped
            {"good-2.txt": TINY},
            [{"file": "good-2.txt", "doc_id": "good", "sha256": sha(TINY)}],
            "good.txt",
            "duplicate doc_id 'good' (also good-2.txt)",
            {"good"},
        ),
        (
            {"a.txt": TINY},
            [{"file": "a.txt", "doc_id": "a", "sha256": sha(TINY), "delivered_on": "2023-02-30"}],
            "a.txt",
            "2023-02-30",
            {"good"},
        ),
    ],
    ids=["missing-file", "changed-sha256", "duplicate-doc_id", "doc_id-of-another-file", "impossible-date"],
)
def test_a_bad_registry_row_skips_its_report_only_in_one_line(tmp_path, files, registry, name, message, built):
    raw = make_raw(tmp_path, {"good.txt": TINY, **files}, registry)
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_SKIPPED, result.stderr
    line = one_line(result.stderr, f"/{name}")
    assert line.startswith("skipped ") and message in line
    documents = table(tmp_path / "out", "documents")
    assert {row["doc_id"] for row in documents if row["status"] == "built"} == built
    [skipped] = [row for row in documents if row["status"] == "skipped"]
    assert skipped["source_file"] == f"raw/{name}" and message in skipped["problem"]


def test_a_dangling_or_looping_symlink_is_skipped_in_one_line(tmp_path):
    raw = make_raw(tmp_path, {"good.txt": TINY})
    (raw / "dangling.txt").symlink_to(raw / "nowhere.txt")
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_SKIPPED, result.stderr
    assert "cannot be read" in one_line(result.stderr, "dangling.txt")
    assert "cannot be read" in one_line(result.stderr, "loop.txt")


def test_a_pipe_named_txt_is_skipped_not_waited_on(tmp_path):
    raw = make_raw(tmp_path, {"good.txt": TINY})
    os.mkfifo(raw / "pipe.txt")

    def unblock():  # should the build open the pipe, let it read an end of file instead of hanging the tests
        time.sleep(30)
        with contextlib.suppress(OSError):
            os.close(os.open(raw / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))

    threading.Thread(target=unblock, daemon=True).start()
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_SKIPPED, result.stderr
    assert "not a regular file" in one_line(result.stderr, "pipe.txt")


def test_upper_and_lower_case_suffixes_of_one_name_are_both_named(tmp_path):
    raw = make_raw(tmp_path, {"r.txt": TINY, "r.TXT": TINY})
    result = run(raw, tmp_path / "out")
    assert result.returncode == build.EXIT_SKIPPED, result.stderr
    line = one_line(result.stderr, "duplicate doc_id")
    assert "r.txt" in line and "r.TXT" in line


@pytest.mark.slow  # about 15 s on 2 cores; 5,000 reports under 12 ms each is the bound
def test_five_thousand_tiny_files_build_or_skip_one_line_each_in_reasonable_time(tmp_path):
    files = {}
    for i in range(5000):
        if i % 50 == 0:
            files[f"r{i:04d}.txt"] = b""
        elif i % 50 == 1:
            files[f"r{i:04d}.txt"] = f"新增就业{i}人。".encode("gbk")
        else:
            files[f"r{i:04d}.txt"] = f"第{i}号。新增就业{i}人。\n"
    raw = make_raw(tmp_path, files)
    started = time.monotonic()
    result = run_build(raw, tmp_path / "out")
    assert time.monotonic() - started < 60
    assert result.returncode == build.EXIT_SKIPPED and "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 200 and len(result.stderr.splitlines()) == 201
    assert {line.split(": ", 1)[0].removeprefix("skipped ") for line in skipped} == {
        str(raw / name) for name in files if int(name[1:5]) % 50 < 2
    }
    documents = table(tmp_path / "out", "documents")
    assert len(documents) == 5000 and sum(row["status"] == "built" for row in documents) == 4800
