"""Sections: heading levels, parents and the part each opens."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from govreports.metadata import SourceFile, read_sources
from govreports.pipeline import extract_document
from govreports.structure import is_bare_part_heading, part_from_heading

ROOT = Path(__file__).resolve().parent.parent


def sections_of(doc_id):
    [source] = [s for s in read_sources(ROOT / "raw") if s.doc_id == doc_id]
    return extract_document(source).sections


def test_task_group_holds_its_numbered_tasks_as_children():
    sections = sections_of("gongshu-2024")
    [group] = [s for s in sections if s.heading == "强化战略牵引，建设超大城市核心区"]
    assert (group.label, group.level) == ("(四)", 2)
    children = [s.label for s in sections if s.parent_id == group.section_id]
    assert children == ["10.", "11.", "12."]


def test_heading_cut_by_a_page_break_is_read_whole():
    headings = [s.heading for s in sections_of("gongshu-2024")]
    assert "坚持政治引领，担当勤政" in headings


def test_bold_lead_phrases_are_headings_under_their_group():
    sections = sections_of("gongshu-2023")
    by_id = {s.section_id: s for s in sections}
    lead = {s.heading: by_id[s.parent_id].label for s in sections if s.level == 3}
    assert lead["主导产业加速集聚"] == "(一)"
    assert lead["织密社会保障网络"] == "(三)"  # marked with ** in the source


def test_review_heading_decides_the_part_of_everything_under_it():
    sections = sections_of("gongshu-2023")
    assert {s.part for s in sections} == {"review"}
    assert sections[0].heading == "2022年工作回顾" and sections[0].year == 2022


def test_silent_sections_after_the_plan_has_begun_are_plan():
    sections = sections_of("gongshu-2024")
    group = next(s for s in sections if s.label == "(五)")
    assert group.part == "plan"
    conduct = next(s for s in sections if s.label == "三、")
    assert conduct.part == "conduct"
    text = "主要预期目标\n\n生产总值增长6%。\n\n一、稳增长行动\n\n全年完成工业投资120亿元。"
    source = SourceFile(Path("o.txt"), "o", text, "0" * 64, None)
    sections = extract_document(source).sections
    assert [(s.part, s.part_source) for s in sections] == [("plan", "heading"), ("plan", "order")]


def test_silent_sections_before_any_part_heading_take_the_part_of_their_sentences():
    text = "一、稳中求进\n\n过去一年，全区生产总值增长5%。一年来新增就业1万人。\n\n二、奋发有为\n\n今年力争增长6%。"
    source = SourceFile(Path("s.txt"), "s", text, "0" * 64, None)
    sections = extract_document(source).sections
    assert [(s.part, s.part_source) for s in sections] == [("review", "content"), ("plan", "content")]


def test_bare_lines_that_name_a_part_are_headings_and_vocatives_are_not():
    assert is_bare_part_heading("主要预期目标")
    assert is_bare_part_heading("“十四五”时期工作回顾")
    assert is_bare_part_heading("2026年重点工作")
    assert not is_bare_part_heading("十大行动")
    assert not is_bare_part_heading("地区生产总值增长5.5%以上")
    text = "二、2026年工作安排\n\n各位代表！\n\n今年力争增长6%。"
    source = SourceFile(Path("v.txt"), "v", text, "0" * 64, None)
    assert [s.heading for s in extract_document(source).sections] == ["2026年工作安排"]


def test_part_from_heading_words_and_years():
    assert part_from_heading("2025年工作回顾", 2026) == ("review", 2025)
    assert part_from_heading("2026年工作安排", 2026) == ("plan", 2026)
    assert part_from_heading("全面加强政府自身建设", 2026) == ("conduct", None)
    assert part_from_heading("2026年的主要任务", 2026)[0] == "plan"
    assert part_from_heading("强化战略牵引", 2026) == (None, None)
    assert part_from_heading("2026年主要工作", 2026) == ("plan", 2026)
    assert part_from_heading("关于2026年工作", 2026) == ("plan", 2026)
    assert part_from_heading("“十五五”时期主要目标任务", 2026) == ("plan", None)


def test_the_innermost_table_bisected_gives_the_innermost_section():
    """``innermost_table`` read by bisection (as build_facts does for every figure) is
    ``innermost_section`` at every index of the report, before its first section too."""
    import bisect

    from govreports.structure import innermost_section, innermost_table

    text = (
        "某市政府工作报告\n\n一、过去一年工作回顾\n\n（一）经济运行\n\n生产总值增长5%。\n\n"
        "二、今年工作安排\n\n投资增长6%。\n"
    )
    sections = extract_document(SourceFile(Path("t.txt"), "t", text, "0" * 64, None)).sections
    assert len(sections) >= 2
    bounds, answers = innermost_table(sections)
    for index in range(-1, len(text) + 2):
        i = bisect.bisect_right(bounds, index) - 1
        assert (answers[i] if i >= 0 else None) == innermost_section(sections, index)


@given(st.lists(st.sampled_from(["一、", "工作", "回顾", " ", "\u3000", "\t", "\r", "\n", "\n\n", "。"]), max_size=20))
def test_paragraphs_found_by_one_search_are_the_stripped_lines(pieces):
    """Each paragraph is a line without the whitespace around it (full-width spaces and carriage
    returns included), blank lines none, as a strip of every line gave."""
    import re

    from govreports.structure import _paragraph_spans

    text = "".join(pieces)
    stripped = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if body.strip():
            lead = len(body) - len(body.lstrip())
            stripped.append((line.start() + lead, line.start() + len(body.rstrip())))
    assert _paragraph_spans(text) == stripped


def _lead_phrase_end_plainly(text, start, end):
    """``_lead_phrase_end`` as it was: the first full stop searched for anywhere in the paragraph."""
    import re

    from govreports import lexicon

    stop = re.compile(r"[。！？]").search(text, start, end)
    if not stop:
        return None
    phrase = text[start : stop.start()]
    if (
        0 < len(phrase) <= lexicon.MAX_LEAD_PHRASE
        and stop.end() < end
        and not re.search(r"[，,、；：0-9０-９]", phrase)
    ):
        return stop.start()
    return None


@given(
    st.lists(
        st.sampled_from(
            ["区", "产业", "加速集聚", "全区主导产业加速集聚发展势头好", "。", "！", "？", "，", "5", "\n"]
        ),
        max_size=16,
    ),
    st.integers(0, 40),
    st.integers(0, 60),
)
def test_a_lead_phrase_found_by_a_search_stopping_at_its_longest_is_the_one_found_in_the_paragraph(pieces, start, end):
    from govreports.structure import _lead_phrase_end

    text = "".join(pieces)
    start, end = min(start, len(text)), min(end, len(text))
    assert _lead_phrase_end(text, start, end) == _lead_phrase_end_plainly(text, start, end)
    for start in range(len(text)):  # every paragraph start up to the text's end
        assert _lead_phrase_end(text, start, len(text)) == _lead_phrase_end_plainly(text, start, len(text))


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=6),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=6),
    st.booleans(),
    st.lists(st.integers(0, 45), max_size=20),
)
def test_paragraphs_inside_skipped_spans_found_span_by_span_are_those_the_text_says_are_inside(
    duplicates, markers, in_order, starts
):
    """Spans in order or not, overlapping or nested: the starts found span by span are those
    ``in_duplicate`` or ``in_marker`` holds for."""
    from array import array

    from govreports.structure import _starts_inside
    from govreports.text import CleanText

    cleaned = CleanText(raw="", text="", offset_map=array("i"))
    cleaned.duplicate_spans = [(a, a + n) for a, n in duplicates]
    cleaned.marker_spans = sorted((a, a + n) for a, n in markers) if in_order else [(a, a + n) for a, n in markers]
    paragraphs = [(start, start + 1) for start in sorted(set(starts))]
    expected = {start for start, _ in paragraphs if cleaned.in_duplicate(start) or cleaned.in_marker(start)}
    assert _starts_inside(paragraphs, cleaned) == expected
