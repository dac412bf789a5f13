"""The per-report pipeline's own helpers, pinned to the plain formulations they replaced."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreports import parts as parts_stage
from govreports.pipeline import _heading_cues
from govreports.structure import build_sections, find_headings, innermost_section
from govreports.text import clean_text

#: report-like lines of our own: labelled and bare headings (some naming a year or a period), lead
#: phrases, sentences, page furniture, and invisible characters and bold marks the cleaning drops (so
#: cleaned and raw offsets part)
LINES = [
    "一、2025年工作回顾",
    "二、2026年工作安排",
    "三、“十五五”时期主要目标任务",
    "四、加强政府自身建设",
    "（一）坚持创新驱动。全年新增高新技术企业120家。",
    "（二）推进城乡融合",
    "1.扩大有效投资。今年力争完成投资500亿元。",
    "2.做强县域经济",
    "主要预期目标",
    "五年来工作回顾",
    "产业体系更加完备。去年规上工业增加值增长6%。",
    "过去一年，我们新建学校8所；改造老旧小区30个。",
    "到2030年，常住人口城镇化率达到70%。",
    "今年是开好局的关键一年。",
    "\u200b二、2026年\u200b\u200b工作安排\u200b",
    "（三）\u200b**补齐民生短板。**今年新增学位5000个。\u200b",
    "**产业体系更加完备。**",
    "下载",
    "打印",
    "【字号：加大 还原 减小】",
    "各位代表！",
    "",
]


def _section_cue_walking_up(section, by_id, plan_year):
    """What the headings say in a section, read off every section from it up to the top each time."""
    part, source, period, period_settled = None, "none", None, False
    while section is not None:
        if not period_settled:
            period = parts_stage.named_period(section.heading, plan_year, heading=True)
            period_settled = period is not None or bool(parts_stage.years_named(section.heading))
        if part is None and section.part_source in ("heading", "inherited", "order"):
            if section.part in ("review", "plan"):
                part, source = section.part, "order" if section.part_source == "order" else "heading"
            elif section.part == "conduct":
                part, source = "conduct", "heading"
        section = by_id.get(section.parent_id)
    return parts_stage.HeadingCue(part, source, period)


def _heading_cue(sections, by_id, cleaned, pos, plan_year):
    """What the headings say at one cleaned position, looked up there (as the sentence parts once did)."""
    raw_pos = cleaned.offset_map[pos] if pos < len(cleaned.offset_map) else len(cleaned.raw)
    return _section_cue_walking_up(innermost_section(sections, raw_pos), by_id, plan_year)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=16), st.sampled_from([None, 2026]))
def test_the_heading_cues_handed_out_by_piece_are_the_cue_looked_up_at_each_sentence(lines, plan_year):
    cleaned = clean_text("\n".join(lines), "doc")
    headings = find_headings(cleaned)
    sections = build_sections(cleaned, headings, "doc", plan_year, lambda _start, _end: "other")
    by_id = {s.section_id: s for s in sections}
    starts = [start for start, _ in parts_stage.sentence_spans(cleaned.text)]
    expected = [_heading_cue(sections, by_id, cleaned, start, plan_year) for start in starts]
    assert _heading_cues(sections, by_id, cleaned, starts, plan_year) == expected
    every = list(range(len(cleaned.text)))
    assert _heading_cues(sections, by_id, cleaned, every, plan_year) == [
        _heading_cue(sections, by_id, cleaned, pos, plan_year) for pos in every
    ]


def _text_flags_plainly(cleaned, doc_id):
    """``text_flags`` as it was: the regex over every text, the markers picked out by numpy.isin."""
    import re

    import numpy

    from govreports import lexicon
    from govreports.records import QualityFlag
    from govreports.text import code_points

    flags = []
    for match in re.finditer(r"[0-9]{16,}", cleaned.text):
        start, end = cleaned.raw_span(match.start(), match.end())
        digits = f"a number of {match.end() - match.start()} digits"
        flags.append(QualityFlag(doc_id or "", "absurd_number", start, end, digits, "no figure taken from it"))
    codes = code_points(cleaned.text)
    cjk = int(numpy.count_nonzero((codes >= 0x4E00) & (codes <= 0x9FFF)))
    marker_codes = numpy.array(sorted({ord(c) for c in lexicon.TRADITIONAL_MARKERS}), dtype="<u4")
    markers = codes[numpy.isin(codes, marker_codes)].tobytes().decode("utf-32-le")
    traditional = sum(markers.count(c) for c in lexicon.TRADITIONAL_MARKERS)
    if cjk and traditional / cjk > lexicon.TRADITIONAL_SHARE:
        share = f"{traditional} of {cjk} characters are traditional forms"
        expect = "read as printed; the rules are written for simplified characters, so expect misses"
        flags.append(QualityFlag(doc_id, "traditional_characters", 0, 1, share, expect))
    return flags


def _traditional_markers():
    from govreports import lexicon

    return list(lexicon.TRADITIONAL_MARKERS)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "0",
                    "9",
                    "123456",
                    "1234567890",
                    "8765432109876543",
                    "１２",
                    "/",
                    ":",
                    "年",
                    "发展",
                    "\u4dff",
                    "\u4e00",
                    "\u9fff",
                ]
            ),
            st.sampled_from(["\ua000", "𠀀", "a", "\n", "\u200b", *_traditional_markers()]),
        ),
        max_size=40,
    )
)
def test_text_flags_read_off_tables_are_the_flags_of_the_regex_and_isin(pieces):
    from govreports.pipeline import text_flags

    cleaned = clean_text("".join(pieces), "doc")
    assert text_flags(cleaned, "doc") == _text_flags_plainly(cleaned, "doc")
