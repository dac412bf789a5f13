"""Review or plan, sentence by sentence, where headings are silent."""

from hypothesis import given, settings
from hypothesis import strategies as st

from govreports.parts import (
    HeadingCue,
    classify_sentences,
    five_year_plan,
    majority_part,
    majority_parts,
    named_period,
    sentence_spans,
    strong_part,
)

SILENT = HeadingCue(None, "none")


def parts_of(text, review_year=2022, plan_year=2023):
    spans = sentence_spans(text)
    return [p.part for p in classify_sentences(text, spans, lambda _pos: SILENT, review_year, plan_year)]


def test_year_named_against_the_report_years():
    assert strong_part("2022年，全市生产总值增长3.8%。", 2023)[0] == "review"
    assert strong_part("2023年全市主要预期目标是：增长6%左右。", 2023)[0] == "plan"


def test_a_horizon_year_does_not_make_a_sentence_about_that_year():
    assert strong_part("到2027年，累计改造老旧小区100个以上。", 2023) == (None, "none")


def test_strong_cue_words():
    assert strong_part("今年力争新增就业4.5万人。", 2023)[0] == "plan"
    assert strong_part("过去一年，全区新增就业5.1万人。", 2023)[0] == "review"
    assert strong_part("固定资产投资同比增长12%。", 2023)[0] == "review"


def test_review_summary_then_goals_in_one_passage():
    text = "过去一年，全区生产总值增长5%；新增就业1万人。今年，力争生产总值增长6%；新增就业1.2万人。"
    assert parts_of(text) == ["review", "review", "plan", "plan"]


def test_weak_cues_do_not_flip_a_plan_passage():
    text = "今年要办好十件实事。新建中小学4所，新增学位5400个；完成老旧小区改造30个。"
    assert parts_of(text) == ["plan", "plan", "plan"]


def test_excerpt_starting_mid_plan_defaults_to_plan():
    text = "链主企业的牵引作用，推动产业链协同攻关。新建口袋公园12个、绿道18公里。"
    assert parts_of(text) == ["plan", "plan"]


def test_five_year_plans_by_their_printed_names():
    assert five_year_plan("十四") == (2021, 2025)
    assert five_year_plan("十五") == (2026, 2030)
    assert five_year_plan("十一") == (2006, 2010)


def test_periods_a_sentence_names():
    assert named_period("“十四五”时期，全省生产总值年均增长5.9%。", 2026).scope == "past_period"
    assert named_period("五年来，城镇新增就业300万人。", 2026).first_year == 2021
    goal = named_period("到2030年，常住人口城镇化率达到70%。", 2026)
    assert (goal.scope, goal.first_year, goal.last_year) == ("new_period", 2026, 2030)
    assert named_period("今年是“十五五”开局之年，生产总值增长5%左右。", 2026) is None


def test_every_period_cue_holds_five_as_named_period_assumes():
    """named_period searches a text for period cues only when it holds 五 (五年来, 今后五年)."""
    from govreports import lexicon

    assert all("五" in cue for cue in lexicon.PAST_PERIOD_CUES + lexicon.NEW_PERIOD_CUES)
    assert named_period("今后五年，全市将新建学校30所。", 2026).scope == "new_period"
    assert named_period("这五年，城镇新增就业300万人。", 2026).last_year == 2025


def scopes_of(text, heading=SILENT):
    spans = sentence_spans(text)
    return [
        (p.part, p.scope, p.year, p.year_start) for p in classify_sentences(text, spans, lambda _p: heading, 2025, 2026)
    ]


def test_a_period_paragraph_keeps_its_scope_until_the_paragraph_ends():
    text = "五年来，地区生产总值年均增长6%。城镇新增就业300万人。\n过去一年，新增就业60万人。"
    assert scopes_of(text) == [
        ("review", "past_period", 2025, 2021),
        ("review", "past_period", 2025, 2021),
        ("review", "reviewed_year", 2025, None),
    ]


def test_goals_under_a_new_period_heading_are_targets_of_its_last_year():
    heading = HeadingCue("plan", "heading", named_period("“十五五”时期的主要目标任务", 2026))
    assert scopes_of("经济总量迈上新台阶，人均收入达到10万元。", heading) == [("plan", "new_period", 2030, 2026)]


def test_text_before_the_first_plan_heading_is_review_unless_it_names_the_plan():
    text = "一般公共预算收入2693亿元。争取专项债居全省第1。今年力争增长5%。"
    spans = sentence_spans(text)
    found = classify_sentences(text, spans, lambda _p: SILENT, 2025, 2026, review_until=len(text))
    assert [(p.part, p.source) for p in found] == [("review", "order"), ("review", "order"), ("plan", "cue")]


@given(
    st.lists(
        st.sampled_from(["今年要确保增长5%", "去年完成投资42亿元", "过去一年", "推进改革", "。", "；", "\n", "，"]),
        max_size=30,
    ),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_votes_summed_over_a_span_are_the_votes_of_its_own_sentences(pieces, start, end):
    text = "".join(pieces)
    start, end = min(start, len(text)), min(end, len(text))
    assert majority_parts(text, 2026)(start, end) == majority_part(text, start, end, 2026)


@given(
    st.lists(
        st.sampled_from(["去年", "今年", "一年来", "年来", "力争", "确保", "五年", "投资", "增长", "，"]), max_size=8
    )
)
def test_the_last_cue_found_backwards_is_where_the_last_cue_ends(pieces):
    """One search of the text read backwards gives where the cue printed last ends, as an rfind for
    each cue did (cues inside longer ones, 年来 in 一年来, included)."""
    from govreports import lexicon
    from govreports.parts import _last_cue

    text = "".join(pieces)
    for cues in (lexicon.REVIEW_CUES_STRONG, lexicon.PLAN_CUES_STRONG, ("年来", "一年来", "来")):
        naive = max((text.rfind(cue) + len(cue) for cue in cues if cue in text), default=-1)
        assert _last_cue(text, cues) == naive


@given(
    st.lists(st.sampled_from(["年年", "年", "将", "将要", "要", "加快", "快", "完成", "。", "投资"]), max_size=10),
    st.lists(st.sampled_from(["年年", "年", "将", "将要", "要", "加快", "完成", "成"]), min_size=1, max_size=6),
)
def test_cues_counted_from_where_they_start_are_the_sum_of_their_counts(pieces, cues):
    """The cue count read from the positions holding cues is ``sum(sentence.count(cue))``: a cue
    inside a longer one counts, a cue overlapping itself (年年 in 年年年) counts as count() does,
    and a cue listed twice counts twice."""
    from govreports import lexicon
    from govreports.parts import _count

    sentence = "".join(pieces)
    for word_list in (tuple(cues), lexicon.PLAN_CUES_WEAK, lexicon.REVIEW_CUES_STRONG):
        assert _count(sentence, word_list) == sum(map(sentence.count, word_list))


@given(
    st.lists(
        st.sampled_from(["年年", "年", "将", "将要", "要", "加快", "快", "完成", "。", "今年", "去年"]), max_size=10
    ),
    st.lists(st.sampled_from(["年年", "年", "将", "将要", "要", "加快", "完成", "成"]), max_size=5),
    st.lists(st.sampled_from(["年年", "年", "今年", "去年", "将", "完成", "成"]), max_size=5),
)
def test_two_cue_lists_counted_in_one_scan_are_each_the_sum_of_their_counts(pieces, first, second):
    """The plan's and the review's cues counted together, a cue in both lists or inside a cue of the
    other list included, give each list's ``sum(sentence.count(cue))``."""
    from govreports import lexicon
    from govreports.parts import _counts

    sentence = "".join(pieces)
    for a, b in (
        (tuple(first), tuple(second)),
        (lexicon.PLAN_CUES_STRONG, lexicon.REVIEW_CUES_STRONG),
        (lexicon.PLAN_CUES_WEAK, lexicon.REVIEW_CUES_WEAK),
    ):
        assert _counts(sentence, a, b) == (sum(map(sentence.count, a)), sum(map(sentence.count, b)))


@given(
    st.lists(st.sampled_from(["今年", "增长5%", " ", "\u3000", "\r", "\n", "。", "；", "？", "!", "，"]), max_size=20),
    st.integers(0, 30),
    st.integers(-1, 30),
)
def test_sentences_found_by_one_search_are_the_nonblank_pieces_between_marks(pieces, start, end):
    """One search gives the pieces between sentence marks (each with its mark) that a strip leaves
    something of, as cutting at every mark and stripping each piece did, inside any start and end."""
    from govreports import lexicon

    text = "".join(pieces)
    end = len(text) if end < 0 else end
    cut, begin = [], start
    for i in range(start, max(start, min(end, len(text)))):
        if text[i] in lexicon.SENTENCE_DELIMITERS:
            if text[begin : i + 1].strip():
                cut.append((begin, i + 1))
            begin = i + 1
    if text[begin:end].strip():
        cut.append((begin, end))
    assert sentence_spans(text, start, end) == cut
    assert all(mark == "\n" or not mark.isspace() for mark in lexicon.SENTENCE_DELIMITERS)


@given(
    st.lists(
        st.sampled_from(
            ["2020", "２０２５", "1999", "20", "5", "年", " ", "到", "较", "比", "从", "自", "于", "至", "全市", "，"]
        ),
        max_size=12,
    )
)
def test_years_named_by_one_search_skip_horizons_and_baselines_as_the_filter_did(pieces):
    """The words before a horizon or a baseline looked behind in the pattern give the years a filter
    of every year found gave (full-width digits read as years too)."""
    import re

    from govreports.parts import years_named

    sentence = "".join(pieces)
    year = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2}|(?:１９|２０)[０-９]{2})\s*年")
    full_width = str.maketrans("０１２３４５６７８９", "0123456789")
    filtered = [
        int(m.group(1).translate(full_width))
        for m in year.finditer(sentence)
        if sentence[max(0, m.start() - 1) : m.start()] not in ("到", "至", "较", "比", "于", "自", "从")
    ]
    assert years_named(sentence) == filtered


@given(st.lists(st.integers(0, 40), max_size=12, unique=True), st.lists(st.integers(0, 40), max_size=8, unique=True))
def test_spans_without_removed_spans_are_the_runs_of_positions_left(cuts, removed_cuts):
    """Sentences with the removed passages cut out are the runs of their positions that no removed
    passage holds, sentences no passage touches kept whole."""
    from govreports.parts import without_spans

    cuts, removed_cuts = sorted(cuts), sorted(removed_cuts)
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))
    removed = list(zip(removed_cuts[::2], removed_cuts[1::2], strict=False))
    left = []
    for start, end in spans:
        kept = [i for i in range(start, end) if not any(a <= i < b for a, b in removed)]
        for i in kept:
            if left and left[-1][1] == i and left[-1][0] >= start:
                left[-1] = (left[-1][0], i + 1)
            else:
                left.append((i, i + 1))
    assert without_spans(spans, removed) == left


def _classify_plainly(text, spans, heading_cue, review_year, plan_year, default="plan", review_until=0):
    """``classify_sentences`` as it was written before sentences without 年 or 五 were let through
    with one search: every question asked of every sentence."""
    from govreports.parts import (
        _SINGLE_YEAR_CUE,
        SentencePart,
        _names_report_year,
        _period_named,
        decided_default,
        decisive_plan,
        scoped,
    )

    parts, running, paragraph_period, paragraph_settled = [], None, None, False
    for start, end in spans:
        sentence = text[start:end]
        cue = heading_cue(start)
        if start == 0 or text[start - 1] == "\n" or text[start] == "\n":
            paragraph_period, paragraph_settled = None, False
        if cue.part in ("review", "plan"):
            part, source = cue.part, cue.source
        elif start < review_until and not decisive_plan(sentence, plan_year):
            part, source = "review", "order"
        else:
            part, source = strong_part(sentence, plan_year)
            if part is None:
                part, source = (running, "carried") if running else (decided_default(cue.part, default), "default")
        running = part
        single_year = _SINGLE_YEAR_CUE.search(sentence)
        own_period = _period_named(sentence, plan_year) if plan_year is not None and not single_year else None
        if own_period is not None or single_year:
            paragraph_period, paragraph_settled = own_period, True
        period = paragraph_period
        if not paragraph_settled and not _names_report_year(sentence, plan_year):
            period = cue.period
        scope, year, year_start = scoped(part, period, review_year, plan_year)
        parts.append(SentencePart(start, end, part, source, year, scope, year_start))
    return parts


CUES = [
    SILENT,
    HeadingCue("plan", "heading"),
    HeadingCue("review", "order"),
    HeadingCue("conduct", "heading"),
    HeadingCue("plan", "heading", named_period("“十五五”时期主要目标任务", 2026, heading=True)),
    HeadingCue(None, "none", named_period("“十四五”时期工作回顾", 2026, heading=True)),
]


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "今年",
                "去年",
                "开好局",
                "全年",
                "2025年",
                "2026年",
                "2030年",
                "到",
                "较",
                "五年来",
                "今后五年",
                "十四五",
                "十五五",
                "“十四五”时期",
                "十四五以来",
                "时期",
                "以来",
                "力争",
                "新增学校5所",
                "完成投资",
                "。",
                "；",
                "\n",
                "，",
            ]
        ),
        max_size=30,
    ),
    st.lists(st.sampled_from(CUES), min_size=1),
    st.sampled_from([None, 2026]),
    st.integers(0, 40),
)
def test_sentences_without_a_year_or_five_are_classified_as_every_question_asked_of_them(
    pieces, cues, plan_year, review_until
):
    text = "".join(pieces)
    spans = sentence_spans(text)

    def heading_cue(pos):
        return cues[pos % len(cues)]

    assert classify_sentences(text, spans, heading_cue, 2025, plan_year, "review", review_until) == _classify_plainly(
        text, spans, heading_cue, 2025, plan_year, "review", review_until
    )


@given(
    st.lists(
        st.sampled_from(["年年", "年", "将", "将要", "要", "加快", "快", "完成", "。", "投资", "𠀀", "\n", " "]),
        max_size=16,
    ),
    st.lists(st.sampled_from(["将", "将要", "要", "加快", "完成", "成", "将要加快"]), min_size=1, max_size=5),
    st.lists(st.sampled_from(["年", "今年", "完成", "成", "投资", "快"]), min_size=1, max_size=4),
    st.lists(st.integers(0, 40), max_size=10),
)
def test_cues_counted_over_the_whole_text_at_once_are_each_spans_sum_of_counts(pieces, first, second, cuts):
    """The numpy count of every list over any spans in text order (sentences or not: a cue running
    past a span's end is not the span's) is ``sum(span.count(cue))`` for each list; lists holding
    a cue that overlaps itself (年年) are not counted so."""
    from govreports import lexicon
    from govreports.parts import _CUE_LISTS, _span_counts

    text = "".join(pieces)
    bounds = sorted({min(cut, len(text)) for cut in cuts})
    for spans in (list(zip(bounds[::2], bounds[1::2], strict=False)), sentence_spans(text)):
        for lists in ((tuple(first), tuple(second)), _CUE_LISTS, (lexicon.PLAN_CUES_WEAK,)):
            counts = _span_counts(text, spans, lists)
            assert [column.tolist() for column in counts] == [
                [sum(text[a:b].count(cue) for cue in cues) for a, b in spans] for cues in lists
            ]
    assert _span_counts(text, sentence_spans(text), (("年年", "将"),)) is None


@given(
    st.lists(
        st.sampled_from(
            [
                "今年",
                "去年",
                "力争",
                "完成了",
                "同比增长",
                "将",
                "要",
                "新增",
                "累计",
                "了",
                "2025年",
                "2026年",
                "２０２７年",
                "到2030年",
                "较2020年",
                "2025年末的",
                "投资",
                "。",
                "；",
                "\n",
                "，",
            ]
        ),
        max_size=30,
    ),
    st.sampled_from([None, 2026]),
)
def test_sentence_cues_read_at_once_are_each_sentences_strong_and_cue_part(pieces, plan_year):
    from govreports.parts import cue_part, sentence_cues

    text = "".join(pieces)
    spans = sentence_spans(text)
    strongs, parts = sentence_cues(text, spans, plan_year)
    assert strongs == [strong_part(text[a:b], plan_year) for a, b in spans]
    assert parts == [cue_part(text[a:b], plan_year)[0] for a, b in spans]


@given(
    st.lists(
        st.sampled_from(
            ["今年要确保增长5%", "去年完成投资42亿元", "过去一年", "推进改革", "。", "；", "\n", "，", " "]
        ),
        max_size=30,
    ),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_votes_of_a_span_that_is_one_sentence_are_that_sentences_vote(pieces, first, last):
    """A section whose first piece is a whole sentence (a heading) takes that sentence's vote as the
    text was split; spans from one sentence's start to another's end vote as their sentences do."""
    text = "".join(pieces)
    spans = sentence_spans(text)
    bounds = sorted({a for a, _ in spans} | {b for _, b in spans} | {0, len(text)})
    start, end = bounds[min(first, len(bounds) - 1)], bounds[min(last, len(bounds) - 1)]
    assert majority_parts(text, 2026)(start, end) == majority_part(text, start, end, 2026)
    for a, b in spans:
        assert majority_parts(text, 2026)(a, b) == majority_part(text, a, b, 2026)


@given(
    st.lists(
        st.sampled_from(["今年", "增长5%", " ", "\u3000", "\xa0", "\t", "\r", "\n", "。", "；", "？", "!", ";", "，"]),
        max_size=24,
    )
)
def test_the_sentences_of_a_whole_text_cut_at_its_marks_are_the_pieces_the_pattern_finds(pieces):
    from govreports.parts import _SENTENCE

    text = "".join(pieces)
    assert sentence_spans(text) == [match.span() for match in _SENTENCE.finditer(text, 0, len(text))]


@given(
    st.lists(
        st.sampled_from(
            ["2025", "１９９８", "20", "19", "1", "0", "０", "年", " ", "\n", "到", "较", "自", "全", "，"]
        ),
        max_size=16,
    )
)
def test_years_found_looking_behind_from_the_years_end_are_those_found_looking_before_it(pieces):
    import re

    from govreports.parts import _YEAR_ABOUT

    text = "".join(pieces)
    before = re.compile(r"(?<![0-9０-９到至较比于自从])((?:19|20)[0-9]{2}|(?:１９|２０)[０-９]{2})\s*年")
    assert _YEAR_ABOUT.findall(text) == before.findall(text)
