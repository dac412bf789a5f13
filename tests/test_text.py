"""Cleaning: page-break joins, stray markup, duplicated passages, and the offset map."""

from hypothesis import given
from hypothesis import strategies as st

from govreports.text import (
    clean_text,
    find_duplicate_passages,
    first_mark_from,
    is_page_break_split,
    is_page_furniture,
    last_mark_before,
    normalised,
)


def test_word_split_by_page_break_is_joined_and_flagged():
    raw = "石祥路以北23公里滨水空间建设全面启动。开\n\n展全区新一轮制造业攻坚行动。"
    cleaned = clean_text(raw, "d")
    assert "启动。开展全区" in cleaned.text
    [flag] = [f for f in cleaned.flags if f.kind == "page_break_split"]
    assert raw[flag.char_start : flag.char_end] == "开\n\n展"


def test_figure_split_by_page_break_maps_back_to_raw_newlines():
    raw = "申请中长期贷款额度10.43亿\n\n元。新增中国专利奖创新主体3家。"
    cleaned = clean_text(raw, "d")
    start = cleaned.text.index("10.43亿元")
    quote, a, b = cleaned.raw_quote(start, start + len("10.43亿元"))
    assert quote == "10.43亿\n\n元" == raw[a:b]


def test_paragraph_ending_in_full_stop_is_not_joined():
    assert not is_page_break_split("新建沿河生态廊道15条。", "全域Ⅳ类及以上水质占比97%以上。")


def test_title_byline_and_heading_lines_are_not_joined():
    assert not is_page_break_split("政府工作报告", "(2023年1月7日在某区第一届人民代表大会第二次会议上)")
    assert not is_page_break_split("■ 某区人民政府区长 张 三", "各位代表：")
    assert not is_page_break_split("(四) 强化战略牵引，建设超大城市核心区", "10. 拉开大城北建设格局。")


def test_heading_cut_by_page_break_is_joined_when_a_stub_closes_it():
    assert is_page_break_split("(一) 坚持政治引领，担当", "勤政。旗帜鲜明讲政治，不断巩固拓展学习成果。")


def test_bold_markers_are_dropped_and_flagged():
    raw = "居全市首位。**织密社会保障网络。**就业形势保持稳定。"
    cleaned = clean_text(raw, "d")
    assert "**" not in cleaned.text
    [flag] = [f for f in cleaned.flags if f.kind == "stray_markup"]
    assert raw[flag.char_start : flag.char_end] == "**织密社会保障网络。**"


def test_stray_english_word_is_flagged():
    cleaned = clean_text("获国家人社部 and 省委主要领导充分肯定。", "d")
    assert [f.kind for f in cleaned.flags] == ["foreign_token"]


def test_continuation_marker_flags_a_truncated_excerpt():
    cleaned = clean_text("政府工作报告\n\n(紧接6版)\n\n改革再提升，开展试点。", "d")
    assert [f.kind for f in cleaned.flags] == ["truncated"]


def test_passage_printed_twice_is_found_at_its_full_length():
    passage = (
        "编制全域旅游发展规划，顺利通过省级全域旅游示范区验收。建成品质文化生活圈50个。"
        "新开放城市书房8家、文化驿站12个，举办群众文化活动300余场，公共文化服务满意度持续提升。"
    )
    text = (
        "非遗指数位列全省第一。" + passage + "创历史最佳。大关西苑获评最佳案例并全省第一。" + passage + "居全市首位。"
    )
    [(first, second, length)] = find_duplicate_passages(text)
    assert text[second : second + length].startswith("全省第一。编制")
    assert text[first : first + length] == text[second : second + length]


def test_a_formula_repeated_on_purpose_is_not_a_duplicate_but_a_repeated_figure_is():
    formula = "在推动高质量发展上勇于争先，奋力谱写中国式现代化建设的崭新篇章，不断开创新局面"
    text = "一年来，我们" + formula + "。今年，我们要继续" + formula + "，新增就业1万人。"
    assert [f.kind for f in clean_text(text, "f").flags] == []
    passage = "教育短板加快补齐，新建改扩建中小学和幼儿园7所，新增学位4320个"
    text = "社会事业全面进步。" + passage + "。民生福祉持续增进。" + passage + "，医院迁建。"
    assert [f.kind for f in clean_text(text, "p").flags] == ["duplicate_passage"]


def test_short_repeats_are_not_duplicates():
    assert find_duplicate_passages("推进文旅融合。持续推进文旅融合。") == []


PIECES = [
    "推进",
    "10.43亿",
    "元",
    "。",
    "\n\n",
    "**",
    "，",
    "全省第一",
    " and ",
    "\r\n",
    "\r",
    "\u200b",
    "\u00a0",
    "\x00",
]


@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_every_cleaned_character_is_the_raw_character_it_maps_to(pieces):
    raw = "".join(pieces)
    cleaned = clean_text(raw, "d")
    assert len(cleaned.offset_map) == len(cleaned.text)
    read = normalised(raw)  # line ends read as line ends; every other kept character as printed
    assert all(read[i] == ch for i, ch in zip(cleaned.offset_map, cleaned.text, strict=True))
    assert list(cleaned.offset_map) == sorted(set(cleaned.offset_map))
    for flag in cleaned.flags:
        assert 0 <= flag.char_start <= flag.char_end <= len(raw)


PAGE = (
    "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n"
    "2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n"
    "来源：某省日报\n时间：2026-01-28\n省长 某某\n各位代表：\n"
    "一、2025年工作回顾\n全省生产总值增长5.2%。\n"
    "相关报道：\n"
)


def test_page_furniture_is_flagged_once_per_block_and_yields_nothing():
    from pathlib import Path

    from govreports.metadata import SourceFile
    from govreports.pipeline import extract_document

    extraction = extract_document(SourceFile(Path("p.txt"), "p", PAGE, "0" * 64, None))
    furniture = [f for f in extraction.flags if f.kind == "page_furniture"]
    first_lines = [PAGE[f.char_start : f.char_end].split("\n")[0] for f in furniture]
    assert first_lines == ["下载", "来源：某省日报", "相关报道："]
    assert [s.heading for s in extraction.sections] == ["2025年工作回顾"]
    assert [(f.number_text, f.table, f.year) for f in extraction.facts] == [("5.2", "achievements", 2025)]
    assert extraction.document.published_on == "2026-01-28"


def test_furniture_lines_are_whole_short_lines_only():
    assert is_page_furniture("【字号：加大 还原 减小】")
    assert is_page_furniture("发布时间:2019-01-28 18:06    打印     阅读次数:")
    assert is_page_furniture("新华社记者 张三 摄")
    assert not is_page_furniture("时间是最好的见证者，全省生产总值增长5.2%。")
    assert not is_page_furniture("来源于群众的十件实事全部完成")


def test_a_paragraph_without_its_full_stop_is_not_joined_to_a_new_one():
    assert not is_page_break_split("全年实现社会消费品零售总额753亿元，增长10.3%", "一年来的主要工作情况如下：")
    assert is_page_break_split("全年实现社会消费品零售总额753亿元，增长10.3%，其中", "网络零售额增长12%。")


def _duplicates_one_character_at_a_time(text: str, min_length: int = 30) -> list[tuple[int, int, int]]:
    """The plain reading of the rule: every run looked up, every duplicate extended character by character."""
    first_seen: dict[str, int] = {}
    found = []
    i = 0
    while i <= len(text) - min_length:
        gram = text[i : i + min_length]
        j = first_seen.get(gram)
        if j is not None and j + min_length <= i and gram.strip():
            length = min_length
            while i + length < len(text) and j + length < i and text[i + length] == text[j + length]:
                length += 1
            found.append((j, i, length))
            i += length
            continue
        first_seen.setdefault(gram, i)
        i += 1
    return found


@given(st.lists(st.sampled_from([*PIECES, "推进文旅融合。" * 9, "。" * 40, " " * 35]), max_size=40))
def test_duplicate_passages_are_the_plain_reading_of_the_rule(pieces):
    text = "".join(pieces)
    assert find_duplicate_passages(text) == _duplicates_one_character_at_a_time(text)
    assert find_duplicate_passages(text, 5) == _duplicates_one_character_at_a_time(text, 5)


@given(st.text(alphabet="ab。，\n", max_size=60), st.integers(0, 70))
def test_marks_before_and_after_a_position_are_those_rfind_and_find_give(text, pos):
    marks = "。，\n"
    assert last_mark_before(text, pos, marks) == max(text.rfind(m, 0, pos) for m in marks)
    if pos <= len(text):
        following = [i for i in (text.find(m, pos) for m in marks) if i >= 0]
        assert first_mark_from(text, pos, marks) == min(following, default=len(text))


@given(st.text(alphabet="一二三，。ab\n", max_size=60), st.integers(min_value=1, max_value=20))
def test_run_hashes_built_by_doubling_equal_the_hash_of_each_run(text, length):
    import numpy

    from govreports.text import _run_hashes

    codes = [ord(c) for c in text]
    expected = [
        sum(code * pow(1_000_003, length - 1 - k, 2**64) for k, code in enumerate(codes[i : i + length])) % 2**64
        for i in range(len(codes) - length + 1)
    ]
    if expected:
        assert _run_hashes(numpy.array(codes, dtype=numpy.uint64), length).tolist() == expected


@given(
    st.text(alphabet="ab中。，；\n？！\uff0d\uffff😀", max_size=40),
    st.sampled_from(["。，\n", "。！？!?\n", "，。；：！？\n", "\n", "😀。"]),
)
def test_mark_positions_looked_up_in_a_table_are_the_characters_of_the_marks(text, marks):
    """``mark_positions`` looks every code point up in a table up to the highest mark (higher ones,
    astral included, clipped to its last entry): the positions of exactly the marks' characters."""
    from govreports.text import _MARK_INDEX, mark_positions

    _MARK_INDEX.clear()
    assert mark_positions(text, marks) == [i for i, c in enumerate(text) if c in marks]


@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_a_raw_quote_is_the_raw_text_of_the_raw_span(pieces):
    """``raw_quote`` reads the offsets in place: the raw text between the offsets ``raw_span`` gives."""
    cleaned = clean_text("".join(pieces), "d")
    size = len(cleaned.text)
    for start in range(size + 2):
        for end in range(start - 1, size + 1):
            raw_start, raw_end = cleaned.raw_span(start, end)
            assert cleaned.raw_quote(start, end) == (cleaned.raw[raw_start:raw_end], raw_start, raw_end)


def _paragraphs_stripped_three_times(raw):
    """``_paragraph_spans`` as it was: the text between runs of line breaks, stripped to test it,
    then on each side."""
    import re

    spans, pos, gap_newlines = [], 0, 0
    for match in re.finditer(r"\n+[ \t\u3000]*", raw):
        text = raw[pos : match.start()]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            spans.append((pos + lead, pos + len(text.rstrip()), gap_newlines))
            gap_newlines = 0
        gap_newlines += match.group().count("\n")
        pos = match.end()
    text = raw[pos:]
    if text.strip():
        lead = len(text) - len(text.lstrip())
        spans.append((pos + lead, pos + len(text.rstrip()), gap_newlines))
    return spans


@given(st.text(alphabet="ab中。\n \u3000\t\u00a0\u2003\x0b\x85\u2028\r", max_size=40))
def test_paragraph_spans_are_the_paragraphs_between_the_line_breaks_stripped(raw):
    """``_paragraph_spans`` splits at the line ends and strips each line: the same spans and gaps as
    the paragraphs between the runs of line breaks (with the spaces after them), each stripped whole
    to test it, then on each side."""
    from govreports.text import _paragraph_spans

    assert _paragraph_spans(raw) == _paragraphs_stripped_three_times(raw)


@given(st.text(alphabet="（(）)接上下转第一1版 ", max_size=12))
def test_a_continuation_marker_opens_with_a_bracket(text):
    """``clean_text`` tries the continuation marker only on a paragraph opening with a bracket:
    the pattern matches nothing else."""
    from govreports.text import _CONTINUATION

    if _CONTINUATION.match(text):
        assert text[0] in "（("


@given(st.lists(st.sampled_from(["一二三", "四五", "，", "。", "ab", "推进文旅融合"]), max_size=40), st.integers(1, 12))
def test_repeated_positions_are_those_whose_run_hash_another_position_shares(pieces, length):
    """``_repeated_positions`` first keeps the positions whose hash bucket holds another: the same
    positions as those whose hash occurs twice or more, in order."""
    from collections import Counter

    import numpy

    from govreports.text import _repeated_positions, _run_hashes, code_points

    text = "".join(pieces)
    if len(text) < length:
        assert _repeated_positions(text, length) == []
        return
    hashes = _run_hashes(code_points(text).astype(numpy.uint64), length).tolist()
    times = Counter(hashes)
    assert _repeated_positions(text, length) == [i for i, h in enumerate(hashes) if times[h] > 1]


@given(st.text(alphabet="ab中。\n\u00ad\u200b\u200d\u2060\ufeff\u0301\u20d0\u00a0\u2003\u3000\x00😀", max_size=30))
def test_invisible_runs_are_the_matches_of_the_invisible_pattern(raw):
    """``invisible_runs`` looks the code points up in a table of the plane and joins the neighbours
    into runs: the spans the pattern's scan finds (by the scan itself past the plane)."""
    from govreports import lexicon
    from govreports.text import invisible_runs

    assert invisible_runs(raw) == [m.span() for m in lexicon.INVISIBLE.finditer(raw)]


def test_the_invisible_table_holds_exactly_the_characters_of_the_pattern():
    """The table ``invisible_runs`` makes from the pattern's matches in a string of the whole plane
    holds a character exactly when the pattern matches it alone."""
    from govreports import lexicon
    from govreports.text import _INVISIBLE_TABLE, invisible_runs

    invisible_runs("a")
    table = _INVISIBLE_TABLE[0]
    for code in range(0x10000):
        assert bool(table[code]) == bool(lexicon.INVISIBLE.fullmatch(chr(code)))
