"""Numbers: what is a fact and what is not, with the unit as printed."""

import bisect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreports.quantities import candidates, parse_number


def facts(text):
    return [(c.token.text, c.unit) for c in candidates(text) if c.is_fact]


def verdicts(text):
    return {c.token.text: (c.is_fact, c.reason) for c in candidates(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年完成734亿元，同比增长12%。", [("734", "亿元"), ("12", "%")]),
        ("引进35岁以下大学生3.4万名。", [("3.4", "万名")]),
        ("出让工业用地4宗148亩。", [("4", "宗"), ("148", "亩")]),
        ("分别按照5%和10%的幅度进行再压减。", [("5", "%"), ("10", "%")]),
        ("全年预计同比增长2.2%、1.6%。", [("2.2", "%"), ("1.6", "%")]),
        ("服务业增加值占比提高1.8个百分点。", [("1.8", "个百分点")]),
        ("数字经济核心产业营业收入是上年的1.6倍。", [("1.6", "倍")]),
        ("全市市场主体新增2.3万余户。", [("2.3", "万户")]),
        ("筹集保障性租赁住房5100套(间)。", [("5100", "套(间)")]),
        (
            "辖区轨道交通密度从2021年末的0.29公里/平方公里提升至0.7公里/平方公里。",
            [("0.29", "公里/平方公里"), ("0.7", "公里/平方公里")],
        ),
        ("新增地下空间 50 万平方米。", [("50", "万平方米")]),
        ("完成投资３．５亿元。", [("３．５", "亿元")]),
        ("为老人提供上门照护服务10万小时。", [("10", "万小时")]),
    ],
)
def test_figures_and_units_as_printed(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("凯催化于12月14日通过审议。", "12", "date"),
        ("福布斯中国项目在第五届进博会签约。", "五", "ordinal"),
        ("高标准制定“1+4”产业总体规划。", "1", "name"),
        ("落地“152”项目4个。", "152", "name"),
        ("上半年经受住4·19疫情影响。", "4", "name"),
        ("全力保障地铁四期15号线建设工程。", "15", "qualifier"),
        ("全力推动沿320国道合作示范区集聚成势。", "320", "qualifier"),
        ("PM2.5平均浓度30.8微克/立方米。", "2.5", "name"),
        ("落地中国联通5G基地。", "5", "name"),
        ("开展城市大脑2.0首批区县试点。", "2.0", "no_unit"),
        ("引进35岁以下大学生3.4万名。", "35", "qualifier"),
        ("开展运河申遗10周年活动。", "10", "anniversary"),
        ("强化24小时应急值守。", "24", "qualifier"),
        ("在连续4年压减基础上，再压减5%。", "4", "past_context"),
        ("招引10亿元以上产业项目8个。", "10", "qualifier"),
        ("2年内立项项目开工率95.3%。", "2", "qualifier"),
        ("我们主要做了5个方面工作。", "5", "structure"),
        ("承压最重的两项指标1-8月实现回正。", "1", "date"),
        ("第一时间出台纾困政策。", "一", "word"),
        ("持续深化改革，进一步提升效能。", "一", "word"),
        ("大运河文化入选省首批十大文化标识。", "十", "word"),
        ("落地三级林长体系。", "三", "qualifier"),
        ("申办国际三人篮球锦标赛。", "三", "word"),
    ],
)
def test_numbers_that_are_not_facts(text, number, reason):
    assert verdicts(text)[number] == (False, reason)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("增幅居全市第8。", "8", "rank"),
        ("社零总量继续保持全省第一。", "一", "rank"),
        ("获金牌和奖牌总数第二。", "二", "rank"),
        ("我区项目连续三年代表浙江省签约。", "三", "年"),
        ("腾讯、网易、完美世界等电竞产业三大巨头入驻。", "三", "大"),
        ("规上工业增加值、社会消费品零售总额两项指标实现回正。", "两", "项"),
        ("实现标准提级、评价激励两个“全覆盖”。", "两", "个"),
        ("数十个重大产业项目落地。", "十", "个"),
        ("覆盖近千家商户。", "千", "家"),
        ("地区生产总值突破千亿元大关。", "千", "亿元"),
        ("新建十所普惠性托育机构。", "十", "所"),
        ("新增国家3A级旅游景区两个。", "两", "个"),
        ("科技型中小企业数量实现翻一番。", "一", "番"),
        ("团队成员中青年人才超过六成。", "六", "成"),
    ],
)
def test_chinese_numerals_and_ranks_that_are_facts(text, number, unit):
    [match] = [c for c in candidates(text) if c.token.text == number]
    assert match.is_fact and match.unit == unit


def test_a_range_is_one_figure():
    [c] = [c for c in candidates("试点推进各类1-2个更新项目落地。") if c.is_fact]
    assert (c.token.value, c.value_max, c.unit) == (1, 2, "个")
    [c] = [c for c in candidates("招引3至5家龙头企业。") if c.is_fact]
    assert (c.token.value, c.value_max, c.unit) == (3, 5, "家")
    [c] = [c for c in candidates("地区生产总值增长5%—5.5%。") if c.is_fact]
    assert (c.token.value, c.value_max, c.unit) == (5, 5.5, "%")


def test_vague_amounts_are_flagged_approximate():
    approximate = {
        c.token.text: c.approximate for c in candidates("应对50余场疫情，覆盖面拓宽近12%，新增30多个。") if c.is_fact
    }
    assert approximate == {"50": True, "12": True, "30": True}


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_arabic_numbers_parse_to_their_value(number):
    assert parse_number(str(number)) == pytest.approx(float(number))


@given(st.integers(min_value=0, max_value=10**8))
def test_full_width_digits_parse_like_ascii(number):
    full = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_number(full) == number


@given(st.integers(min_value=1, max_value=10**12))
def test_chinese_numerals_parse_to_their_value(number):
    import cn2an

    assert parse_number(cn2an.an2cn(number)) == number


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("全县两所乡镇卫生院通过国家评审。", "两", "所"),
        ("分三批发放消费券1.5亿元。", "三", "批"),
        ("较大事故比上年减少两起。", "两", "起"),
    ],
)
def test_chinese_numeral_with_a_counting_classifier_is_a_count(text, number, unit):
    [match] = [c for c in candidates(text) if c.token.text == number]
    assert match.is_fact and match.unit == unit


def test_names_with_counting_words_stay_names():
    assert verdicts("严格执行中央八项规定。")["八"][0] is False
    assert verdicts("今年将继续办好十件民生实事。")["十"][0] is False


def test_unitless_ratio_or_index_is_a_fact():
    found = facts("城乡居民收入比由2017年的2.11缩小到1.93。")
    assert found == [("2.11", ""), ("1.93", "")]
    assert facts("开展城市大脑2.0试点。") == []


@given(st.text(alphabet="0123456789０１,.．元万亿%", max_size=30))
def test_the_number_pattern_finds_the_spans_of_its_plain_definition(text):
    import re

    from govreports.quantities import _ARABIC

    plain = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?")
    assert [m.span() for m in _ARABIC.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="增长5%，；：。！？;!?,\n 项目", max_size=30))
def test_clause_marks_bisected_give_the_clause_start_and_end(text):
    """build_facts finds a figure's clause by bisecting ``clause_marks``: the same start and end as
    ``clause_start`` and ``clause_end`` at every position of the text."""
    import bisect

    from govreports.quantities import clause_end, clause_marks, clause_start

    marks = clause_marks(text)
    for pos in range(len(text) + 1):
        i = bisect.bisect_left(marks, pos)
        assert (marks[i - 1] + 1 if i else 0) == clause_start(text, pos)
        assert (marks[i] if i < len(marks) else len(text)) == clause_end(text, pos)


@given(
    st.lists(
        st.sampled_from(["在", "连续", "4年", "基础上", "曾经", "曾占", "，", "。", "增长", "12个", "5%", "\n"]),
        max_size=12,
    )
)
def test_past_context_read_from_the_clause_marks_is_the_clause_search(pieces):
    """``_past_context`` finds the figure's clause by bisecting the clause marks: the same verdict as
    searching from ``clause_start`` to ``clause_end``."""
    from govreports import lexicon
    from govreports.quantities import _past_context, clause_end, clause_marks, clause_start, number_tokens

    text = "".join(pieces)
    for token in number_tokens(text):
        for measure in ("", "年", "个", "%"):
            start = clause_start(text, token.start)
            base = lexicon.UNITS.get(measure, (None,))[0]
            spans = lexicon.PAST_CONTEXT_SPAN.finditer(text, max(0, start - 25), clause_end(text, token.end))
            naive = bool(lexicon.PAST_CONTEXT_CLAUSE.search(text, start, token.start)) or (
                (base is None or base in lexicon.DURATION_UNIT_BASES)
                and any(m.start() <= token.start < m.end() for m in spans)
            )
            assert _past_context(text, token, measure, clause_marks(text)) == naive
            assert _past_context(text, token, measure) == naive


def _read_unit_step_by_step(text, pos):
    """``read_unit`` as it was written before its one pattern: a match call for each step."""
    from govreports import lexicon
    from govreports.quantities import (
        _ALTERNATIVE_UNIT,
        _MULTIPLIER_PATTERN,
        _UNIT_PATTERN,
        _UNIT_WITH_MULTIPLIER_PATTERN,
        UnitReading,
    )

    i = pos
    while i < len(text) and text[i] in " \u3000":
        i += 1
    start = i
    prefix, multiplier, approximate = "", 1.0, False
    multiplier_match = _MULTIPLIER_PATTERN.match(text, i)
    if multiplier_match and not _UNIT_WITH_MULTIPLIER_PATTERN.match(text, i):
        key = multiplier_match.group()
        prefix, multiplier, i = key, lexicon.MULTIPLIERS[key], i + len(key)
    if i < len(text) and text[i] in lexicon.APPROXIMATE_INFIXES:
        approximate, i = True, i + 1
    if text.startswith(lexicon.BIG_GROUP, i) and not prefix:
        measure = "大类" if text.startswith("大类", i) else lexicon.BIG_GROUP
        return UnitReading(measure, measure, start, i + len(measure), multiplier, approximate)
    unit_match = _UNIT_PATTERN.match(text, i)
    if unit_match:
        measure = unit_match.group()
        i += len(measure)
        alternative = _ALTERNATIVE_UNIT.match(text, i)
        if alternative and alternative.group(1) in lexicon.UNITS:
            measure += alternative.group()
            i += len(alternative.group())
        return UnitReading(prefix + measure, measure, start, i, multiplier, approximate)
    if prefix and multiplier >= 1e4:
        return UnitReading(prefix, "", start, i, multiplier, approximate)
    return UnitReading("", "", pos, pos, 1.0, approximate)


UNIT_PIECES = [" ", "\u3000", "余", "多", "大", "大类", "类", "万", "亿", "千", "万亿", "千万", "百", "十万", "米"]
UNIT_PIECES += [
    "克",
    "瓦时",
    "千米",
    "元",
    "亿元",
    "个",
    "项",
    "套",
    "间",
    "(",
    ")",
    "（",
    "）",
    "%",
    "年",
    "人次",
    "公里",
]


@given(
    st.lists(
        st.sampled_from(UNIT_PIECES),
        max_size=8,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_the_unit_read_in_one_match_is_the_unit_read_step_by_step(pieces, pos):
    """``read_unit`` reads spaces, multiplier, approximate infix, big group or unit and its bracketed
    alternative in one match: the same reading as a match call for each step, at every position."""
    from govreports.quantities import read_unit

    text = "".join(pieces)
    for at in range(pos, len(text) + 1):
        assert read_unit(text, at) == _read_unit_step_by_step(text, at)


@given(st.text(alphabet=" \u3000\t\n%％-—–~～至到一二5元年，", max_size=6))
def test_a_range_joint_opens_with_a_space_a_percent_sign_or_a_joiner(text):
    """``judge`` tries the range joint only after such a character: the pattern matches nothing else."""
    from govreports.quantities import _RANGE_JOINT, _RANGE_JOINT_OPENERS

    if _RANGE_JOINT.match(text):
        assert text[0] in _RANGE_JOINT_OPENERS or text[0].isspace()


def test_a_name_neighbour_is_a_latin_letter_or_a_joint():
    """``judge`` looks a number's neighbours up in one set: the characters that ``isascii() and
    isalpha()`` accept, and the joints, of all the Basic Multilingual Plane."""
    from govreports.quantities import _NAME_NEIGHBOURS

    for code in range(0x10000):
        char = chr(code)
        assert (char in _NAME_NEIGHBOURS) == ((char.isascii() and char.isalpha()) or char in "+＋·•")
    assert "" not in _NAME_NEIGHBOURS


@given(st.text(alphabet="及以上下内的元个", max_size=5))
def test_a_comparator_after_a_unit_opens_with_ji_or_yi(text):
    """``judge`` tries the comparator only where 及 or 以 follows the unit: nothing else opens it."""
    from govreports.quantities import _COMPARATOR_AFTER

    if _COMPARATOR_AFTER.match(text):
        assert text.startswith(("及", "以"))


def _inside_a_quote(spans, start, end):
    """The quote test as it was: bisect the (start, end) pairs."""
    i = bisect.bisect_left(spans, (start, end)) - 1
    return i >= 0 and spans[i][0] < start and end < spans[i][1]


@given(st.text(alphabet="“”《》12三年，增", max_size=14))
def test_a_span_in_a_quote_is_found_by_the_quote_starts(text):
    """``judge`` bisects the quotes' starts alone (they never overlap): the same spans lie inside a
    quote as by bisecting the (start, end) pairs, and a number inside one is a name."""
    from govreports.quantities import judge, number_tokens, quoted_spans

    quotes = quoted_spans(text)
    starts = [a for a, _ in quotes]
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            i = bisect.bisect_left(starts, start)
            assert (i > 0 and end < quotes[i - 1][1]) == _inside_a_quote(quotes, start, end)
    for token in number_tokens(text):
        if _inside_a_quote(quotes, token.start, token.end):
            assert judge(text, token, quotes).reason == "name"


def test_the_past_context_lookups_rest_on_the_shape_of_the_lexicon_patterns():
    """``_lookups`` finds the span ends by their tail and the openers by one scan: every span ends
    with the tail, and neither the tail nor an opener holds a clause mark or overlaps itself."""
    from govreports import lexicon
    from govreports.quantities import _CLAUSE_MARKS, _PAST_SPAN_TAIL

    assert lexicon.PAST_CONTEXT_SPAN.pattern.endswith(_PAST_SPAN_TAIL)
    assert not set(_PAST_SPAN_TAIL) & set(_CLAUSE_MARKS)
    assert lexicon.PAST_CONTEXT_CLAUSE.pattern == "曾(?:占|经|是|为|达)"


@given(
    st.lists(
        st.sampled_from([*UNIT_PIECES, "公里/平方公里", "千瓦时", "个百分点", "(间)", "（套）", "以上", "，"]),
        max_size=10,
    )
)
def test_a_unit_reading_is_fixed_by_the_characters_within_its_reach(pieces):
    """``judge`` remembers a unit reading by the ``_UNIT_REACH`` characters from its position: the
    reading of those characters alone is the reading in the whole text (spaces first aside, which
    are read afresh), and the remembered reading is ``_unit_at``'s."""
    from govreports.quantities import _UNIT_REACH, _unit_after, _unit_at

    text = "".join(pieces)
    for pos in range(len(text) + 1):
        unit, measure, start, end, multiplier, approximate = _unit_at(text, pos)
        assert _unit_after(text, pos)[:5] == (unit, measure, end - pos, multiplier, approximate)
        if text[pos : pos + 1] not in (" ", "\u3000"):
            alone = _unit_at(text[pos : pos + _UNIT_REACH], 0)
            assert alone == (unit, measure, start - pos, end - pos, multiplier, approximate)


@given(
    st.lists(st.sampled_from([*UNIT_PIECES, "月", "日", "周年", "届", "岁", "分钟", "以上", "方面", "，"]), max_size=6)
)
def test_a_plain_unit_passes_every_rule_of_a_measure(pieces):
    """``judge`` skips the rules of dates, durations, ordinals, qualifiers, bare and 个 units for a
    unit read as plain: plain exactly when the unit is neither empty nor 个 and its measure has none
    of those rules."""
    from govreports import lexicon
    from govreports.quantities import _unit_after

    text = "".join(pieces)
    ruled = {"年", "月", "日", "号", "季度", "周年", "届", "期", "代", "版", "次会议"}
    ruled |= set(lexicon.ATTRIBUTIVE_TIME_UNITS) | set(lexicon.QUALIFIER_UNITS)
    for pos in range(len(text) + 1):
        unit, measure, _, _, _, plain = _unit_after(text, pos)
        assert plain == (unit not in ("", "个") and measure not in ruled)


@given(st.text(alphabet="0123456789０１２３４５６７８９,.．零〇一二三四五六七八九十百千两万亿元年，a", max_size=24))
def test_one_scan_finds_the_numbers_of_a_scan_for_each_kind(text):
    """``number_tokens`` scans once for Arabic and Chinese numbers together: the same runs, in order,
    as a scan for each kind sorted by start."""
    from govreports.quantities import _ARABIC, _CHINESE, _NUMBER

    each = sorted([m.span() for m in _ARABIC.finditer(text)] + [m.span() for m in _CHINESE.finditer(text)])
    assert [m.span() for m in _NUMBER.finditer(text)] == each


@given(
    st.lists(st.sampled_from(["增长", "12%", "3.5亿元", "，", "一", "两项", "至", "15", "年"]), max_size=12),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=4),
)
def test_the_skip_spans_read_in_step_with_the_numbers_leave_out_what_bisection_does(pieces, spans):
    """``candidates`` reads the skip spans once, in step with the numbers: the numbers it judges are
    those the bisection of the spans' starts (with the furthest end so far) let through."""
    import itertools

    from govreports.quantities import candidates, judge, number_tokens, quoted_spans

    text = "".join(pieces)
    skip = sorted((a, a + n) for a, n in spans)
    starts = [a for a, _ in skip]
    reach = list(itertools.accumulate((b for _, b in skip), max))
    expected, covered_until = [], -1
    for token in number_tokens(text):
        i = bisect.bisect_right(starts, token.start) - 1
        if token.start < covered_until or (i >= 0 and token.start < reach[i]):
            continue
        expected.append(judge(text, token, quoted_spans(text)))
        covered_until = expected[-1].range_end
    assert candidates(text, skip) == expected


@given(st.text(alphabet=" \u3000\n，。ab中12", max_size=30))
def test_a_clause_window_strips_its_clause_as_strip_span_does(text):
    """``clause_window`` strips the white space at the ends of its clause in place: the window is the
    one cut from ``strip_span``'s clause."""
    from govreports import lexicon
    from govreports.quantities import clause_end, clause_start, clause_window
    from govreports.text import strip_span

    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 4) + 1):
            a, b = strip_span(text, clause_start(text, start), clause_end(text, end))
            if b - a > lexicon.MAX_QUOTE:
                a = max(a, min(start - lexicon.MAX_QUOTE // 2, b - lexicon.MAX_QUOTE))
                b = min(b, a + lexicon.MAX_QUOTE)
            assert clause_window(text, start, end) == (a, b)


def test_a_range_joint_opening_is_a_joint_opener_or_white_space():
    """``judge`` looks the character after a number up in one set: the joint openers and what
    ``isspace`` accepts, of every code point (none above U+3000 is white space)."""
    import sys

    from govreports.quantities import _RANGE_JOINT_OPENERS, _RANGE_JOINT_OPENING

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (char in _RANGE_JOINT_OPENING) == (char in _RANGE_JOINT_OPENERS or char.isspace())
    assert "" not in _RANGE_JOINT_OPENING


@given(st.text(alphabet="居位列全省市第一二总数排名前", max_size=12))
def test_a_rank_cue_is_found_by_one_search_exactly_when_one_is_in_the_text(text):
    """``_rank_verdict`` looks for the rank cues by one search of their alternation: a match exactly
    when one of the cues stands in the text."""
    from govreports import lexicon
    from govreports.quantities import _RANK_CUE

    assert bool(_RANK_CUE.search(text)) == any(cue in text for cue in lexicon.RANK_CUES)


@given(
    st.lists(
        st.sampled_from(
            [
                "在",
                "连续",
                "4年",
                "基础上",
                "曾经",
                "曾占",
                "，",
                "。",
                "增长",
                "12个",
                "5%",
                "3亿元",
                "两年",
                "第",
                "\n",
            ]
        ),
        max_size=14,
    )
)
def test_the_past_context_read_in_step_with_the_numbers_is_the_bisection_for_each(pieces):
    """``candidates`` reads the past-context openers and span tails in step with the numbers, not by
    a bisection for each: the verdicts of each number judged alone (from the first opener and tail),
    a past context exactly where ``_past_context`` finds one for the facts and the numbers it set
    aside."""
    from govreports.quantities import _past_context, candidates, judge, number_tokens, quoted_spans, read_unit

    text = "".join(pieces)
    quotes = quoted_spans(text)
    for candidate in candidates(text):
        assert judge(text, candidate.token, quotes) == candidate
        if candidate.reason == "past_context" or (candidate.is_fact and not candidate.rank):
            measure = read_unit(text, candidate.range_end).measure
            assert _past_context(text, candidate.token, measure) == (candidate.reason == "past_context")
    assert len(number_tokens(text)) >= len(candidates(text))


@given(
    st.text(alphabet="0123456789０,.．-－−负增长一二十百元%\n ", max_size=30)
    | st.just("9" * 400 + "元，增长-" + "8" * 400)
)
def test_the_remembered_arabic_values_are_those_parse_number_gives(text):
    """``number_tokens`` remembers the value of each Arabic number as printed: its tokens are those
    of reading each with ``parse_number`` (a value that is not finite, like a run of 400 digits, is
    no number), the sign applied, asked twice so that the second call reads the memo."""
    from govreports.quantities import number_tokens

    plain = [token[:4] for token in _tokens_by_match_objects(text) if not token[4]]
    for _ in range(2):
        found = [(t.text, t.start, t.end, repr(t.value)) for t in number_tokens(text) if not t.chinese]
        assert found == plain


def _tokens_by_match_objects(text):
    """``number_tokens`` as it read the scan, a match object for each run."""
    import math

    from govreports.quantities import _NUMBER, _NUMERAL_CHARS, _SIGNS, _negative, parse_number, read_unit

    tokens = []
    for match in _NUMBER.finditer(text):
        run, (start, end) = match.group(), match.span()
        if run[0] not in _NUMERAL_CHARS:
            value = parse_number(run)
            if value is not None and math.isfinite(value):
                sign = -1 if start and text[start - 1] in _SIGNS and _negative(text, start) else 1
                tokens.append((run, start, end, repr(sign * value), False))
            continue
        while (
            run
            and run[0] in "百千"
            and not (start > 0 and text[start - 1] in "数近上")
            and not (len(run) == 1 and read_unit(text, start + 1).multiplier > 1)
        ):
            run, start = run[1:], start + 1
        if not run or run in ("零", "〇"):
            continue
        value = parse_number(run)
        if value is not None:
            tokens.append((run, start, end, repr(value), True))
    return tokens


@given(st.text(alphabet="0123456789０１,.．-数近上百千一二两十零〇万亿元年，a ", max_size=30))
def test_the_runs_found_in_the_text_are_those_of_the_match_objects(text):
    """``number_tokens`` reads the scan's runs as strings and finds each from the end of the one
    before (where the scan resumes): the same runs, at the same places, as the match objects."""
    from govreports.quantities import number_tokens

    found = [(t.text, t.start, t.end, repr(t.value), t.chinese) for t in number_tokens(text)]
    assert found == _tokens_by_match_objects(text)


@given(
    st.lists(st.sampled_from(["“", "”", "《", "》", "12个", "5%", "3亿元", "两项", "，", "增长", "\n"]), max_size=16)
)
def test_the_quotes_read_in_step_with_the_numbers_hold_what_they_hold_for_each(pieces):
    """``candidates`` reads the quotes opening before each number in step with the numbers: the verdict
    on each is that of the number judged alone, and a number is a name exactly when a quote holds it."""
    from govreports.quantities import candidates, judge, quoted_spans

    text = "".join(pieces)
    quotes = quoted_spans(text)
    for candidate in candidates(text):
        assert judge(text, candidate.token, quotes) == candidate
        held = any(a < candidate.token.start and candidate.token.end < b for a, b in quotes)
        if held:
            assert candidate.reason == "name"
