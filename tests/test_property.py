"""Random report-like text through the whole build: every row satisfies its schema and proves itself.

The text is recombined from our own texts (our two reports, the generalization and full-report
sets), page furniture, vocatives and odd punctuation, never from anyone else's report.
"""

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import build
from govreports import columnar
from govreports.metadata import SourceFile
from govreports.package import corpus_metadata
from govreports.tables import merge_tables
from govreports.writer import write_package

ROOT = Path(__file__).resolve().parent.parent
OWN_TEXTS = [
    *(ROOT / "raw").glob("*.txt"),
    *(ROOT / "tests" / "gold" / "generalization" / "raw").glob("*.txt"),
    *(ROOT / "tests" / "gold" / "fullreport" / "raw").glob("*.txt"),
]
LINES = sorted({line for path in OWN_TEXTS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
FURNITURE = [
    "下载",
    "打印",
    "【字号：加大 还原 减小】",
    "时间：2026-01-22",
    "来源：某日报",
    "相关报道：",
    "首页",
    ">",
    "各位代表！",
]
ODD = [
    "，，",
    "。。",
    "%",
    "——",
    "\r",
    "\u3000",
    "（",
    "）",
    "12.5.3",
    "第",
    "至",
    "-",
    "１２．５％",
    "**",
    "\n\n",
    "“",
    "”",
]
SOUP = st.text(
    alphabet="一二两三十百千万亿元%年月日第个项家人，。；：、0123456789.-—增长下降以上左右力争预计今年去年", max_size=30
)
PIECES = st.lists(
    st.one_of(st.sampled_from(LINES), st.sampled_from(FURNITURE), st.sampled_from(ODD), SOUP), min_size=1, max_size=14
)
QUOTED = ("targets", "achievements", "projects", "events", "quality_flags")


def tables_of(text: str) -> columnar.Tables:
    tables, problem = build.document_tables(SourceFile(Path("random.txt"), "random", text, "0" * 64, None))
    assert problem is None, problem
    return tables


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PIECES)
def test_random_report_like_text_gives_rows_valid_by_construction(pieces):
    text = "\n".join(pieces)
    assume(text.strip())  # an empty file is refused before extraction
    tables = tables_of(text)
    assert columnar.problems(tables) == []
    rows = columnar.as_rows(tables)
    for table in QUOTED:
        for row in rows[table]:
            assert text[row["char_start"] : row["char_end"]] == row["quote"]
    for table in ("targets", "achievements"):
        for row in rows[table]:
            assert text[row["number_start"] : row["number_end"]] == row["number_text"]
            assert len(row["quote"]) <= 200


def test_a_recombined_report_writes_a_package_that_validates(tmp_path):
    text = "\n".join(FURNITURE + LINES[::7] + ODD)
    tables = merge_tables([tables_of(text)])
    out = tmp_path / "out"
    meta = corpus_metadata(tables["documents"].to_pylist())
    write_package(tables, out, out / "datapackage.json", out / "docs", meta)
    assert (tmp_path / "out" / "csv" / "targets.csv").exists()


def _innermost_by_walking_back(sections, raw_index):
    """The deepest section holding the index, found by looking at every section (the last of equals)."""
    best = None
    for section in sections:
        if section.char_start <= raw_index < section.char_end and (best is None or section.level >= best.level):
            best = section
    return best


def test_the_innermost_section_table_agrees_with_looking_at_every_section():
    from govreports.metadata import scan_sources
    from govreports.pipeline import extract_document
    from govreports.structure import innermost_section

    for path in (ROOT / "raw", ROOT / "tests" / "gold" / "fullreport" / "raw"):
        for source in scan_sources(path).sources[:3]:
            sections = extract_document(source).sections
            for raw_index in range(-1, len(source.raw) + 2, 7):
                assert innermost_section(sections, raw_index) is _innermost_by_walking_back(sections, raw_index)
