"""Rows of targets and achievements: table, year, comparator, commitment and the rest."""

import dataclasses
import itertools
from pathlib import Path

import pytest

from govreports import lexicon
from govreports.metadata import SourceFile
from govreports.pipeline import extract_document
from govreports.records import Entity, Fact, record


def rows(text, name="sample"):
    source = SourceFile(Path(f"{name}.txt"), name, text, "0" * 64, None)
    return extract_document(source).facts


REPORT = (
    "某区政府工作报告\n\n(2024年1月10日在某区第一届人民代表大会第三次会议上)\n\n"
    "一、2023年工作回顾\n\n"
    "全年完成固定资产投资734亿元，同比增长12%，全年预计地区生产总值增长1.5%。"
    "辖区轨道交通密度从2021年末的0.29公里/平方公里提升至0.7公里/平方公里。\n\n"
    "二、2024年工作安排\n\n"
    "确保出让经营性用地22宗626亩，力争再出让5宗122亩。新增停车位5000个以上，PM2.5平均浓度降至31微克/立方米以下。"
    "对公用经费和非重点项目支出分别按照5%和10%的幅度进行再压减。年均增长8%左右，累计改造老旧小区100个。\n"
)


@pytest.fixture(scope="module")
def by_number():
    return {(r.number_text, r.number_start): r for r in rows(REPORT)}


def find(by_number, number, nth=0):
    return sorted((r for (n, _), r in by_number.items() if n == number), key=lambda r: r.number_start)[nth]


def test_review_figures_are_achievements_of_the_reviewed_year(by_number):
    row = find(by_number, "734")
    assert (row.table, row.year, row.unit, row.value_base, row.unit_base) == (
        "achievements",
        2023,
        "亿元",
        7.34e10,
        "CNY",
    )
    assert row.quote.startswith("全年完成固定资产投资734亿元")
    assert (row.period, row.baseline, row.kind) == ("annual", "同比", "growth_rate") or row.kind == "level"


def test_an_estimate_is_comparator_tilde(by_number):
    assert find(by_number, "1.5").comparator == "~"


def test_a_figure_about_another_year_takes_that_year(by_number):
    assert find(by_number, "0.29").year == 2021
    assert find(by_number, "0.7").year == 2023


def test_plan_figures_are_targets_with_their_commitment(by_number):
    assert (find(by_number, "22").table, find(by_number, "22").commitment) == ("targets", "确保")
    assert find(by_number, "5").commitment == "力争"
    assert find(by_number, "626").value_base == pytest.approx(626 * 10000 / 15)


def test_comparators_from_the_words_around_the_figure(by_number):
    assert find(by_number, "5000").comparator == ">="
    assert find(by_number, "31").comparator == "<="
    assert find(by_number, "8").comparator == "~"


def test_value_lists_are_paired_with_the_things_they_measure(by_number):
    assert find(by_number, "5", 1).indicator.startswith("公用经费")
    assert find(by_number, "10").indicator.startswith("非重点项目支出")
    assert find(by_number, "10").kind == "reduction"


def test_period_words(by_number):
    assert find(by_number, "8").period == "average"
    assert find(by_number, "100").period == "cumulative"


def test_a_decline_keeps_the_printed_number():
    [row] = rows("今年，单位地区生产总值能耗下降3%。")
    assert (row.value, row.unit, row.table) == (3, "%", "targets")


def test_every_row_quotes_its_raw_text():
    text = "过去一年，中长期贷款额度10.43亿\n\n元，新增企业3家。"
    for row in rows(text):
        assert row.quote == text[row.char_start : row.char_end]
        assert text[row.number_start : row.number_end] == row.number_text


def test_a_sentence_mixing_last_year_and_this_year_splits_by_figure():
    text = (
        "某区政府工作报告\n\n(2027年1月8日在某区人民代表大会上)\n\n地铁去年完成投资42亿元，今年确保5座车站主体完工；"
        "城镇化率由2020年末的63.4%提高到去年的68.9%，今年力争达70%。"
    )
    found = {r.number_text: (r.table, r.year) for r in rows(text, "mixed")}
    assert found == {
        "42": ("achievements", 2026),
        "5": ("targets", 2027),
        "63.4": ("achievements", 2020),
        "68.9": ("achievements", 2026),
        "70": ("targets", 2027),
    }


def test_headings_decide_over_sentence_cues():
    text = "一、2022年工作回顾\n\n(一)着力稳增长。\n\n瓶颈有效破解。用地有序推进，未来将腾挪超600亩工业用地空间。"
    [row] = rows(text, "review")
    assert (row.table, row.comparator) == ("achievements", ">=")


def one(text, number, name="t"):
    return next(r for r in rows(text, name) if r.number_text == number)


HEADER = "某市政府工作报告\n\n（2026年1月20日在某市第十届人民代表大会第四次会议上）\n\n"


def test_a_comparator_printed_after_a_list_of_values_applies_to_each():
    text = HEADER + "二、2026年工作安排\n\n城乡居民人均可支配收入分别增长5%、6.5%左右。"
    assert (one(text, "5").comparator, one(text, "6.5").comparator) == ("~", "~")


def test_an_estimate_word_opening_a_sentence_reaches_its_later_segments_without_a_verb():
    text = HEADER + "一、2025年工作回顾\n\n预计实现生产总值800亿元，增长6%；财政收入90亿元，增长3%；完成投资200亿元。"
    assert [one(text, n).comparator for n in ("800", "6", "90", "3", "200")] == ["~", "~", "~", "~", "="]


def test_the_noun_of_main_expected_targets_is_no_estimate():
    text = HEADER + "二、2026年工作安排\n\n主要预期目标是：生产总值增长5%，城镇新增就业8万人。"
    assert (one(text, "5").comparator, one(text, "8").comparator) == ("=", "=")


def test_a_baseline_amount_in_a_plan_sentence_is_an_achievement_of_its_year():
    text = HEADER + "二、2026年工作安排\n\n社会消费品零售总额在2025年900亿元的基础上增长5%。"
    assert (one(text, "900").table, one(text, "900").year) == ("achievements", 2025)
    assert (one(text, "5").table, one(text, "5").year) == ("targets", 2026)


def test_a_change_since_a_named_year_is_no_baseline():
    text = HEADER + "一、“十四五”时期工作回顾\n\n五年来，高新技术企业比2020年增加3000家。"
    row = one(text, "3000")
    assert (row.table, row.year, row.time_scope, row.year_start) == ("achievements", 2025, "past_period", 2021)


def test_the_start_of_a_from_to_pair_is_the_level_before_the_period():
    text = HEADER + "一、“十四五”时期工作回顾\n\n五年来，城镇化率从58%提高到64%。"
    assert (one(text, "58").year, one(text, "64").year) == (2020, 2025)


def test_goals_of_the_new_five_year_period_are_targets_of_its_last_year():
    text = HEADER + "二、“十五五”时期的主要目标\n\n人均地区生产总值达到12万元，研发投入强度达到3%。"
    row = one(text, "12")
    assert (row.table, row.year, row.year_start, row.time_scope) == ("targets", 2030, 2026, "new_period")


def test_a_proportion_gives_one_row_per_member():
    text = HEADER + "一、2025年工作回顾\n\n三次产业结构调整为2.1:30.4:67.5。"
    assert [one(text, n).unit for n in ("2.1", "30.4", "67.5")] == [None, None, None]


def test_a_count_with_its_floor_after_a_verb_is_a_figure_but_a_size_floor_qualifies():
    text = HEADER + "二、2026年工作安排\n\n引进80名以上青年教师，招引10亿元以上项目6个。"
    numbers = {r.number_text for r in rows(text)}
    assert {"80", "6"} <= numbers and "10" not in numbers


def test_the_quote_is_the_figures_own_clause():
    text = (
        HEADER
        + "二、2026年工作安排\n\n主要预期目标是：生产总值增长5%左右，粮食产量稳定在300亿斤以上，居民收入同步增长。"
    )
    row = one(text, "300")
    assert row.quote == "粮食产量稳定在300亿斤以上"
    assert (row.unit, row.comparator, row.unit_base) == ("亿斤", ">=", "kg")


def test_a_measure_word_the_lexicon_does_not_know_is_kept_and_flagged():
    text = HEADER + "二、2026年工作安排\n\n新增充电泊位300泊。"
    extraction = extract_document(SourceFile(Path("u.txt"), "u", text, "0" * 64, None))
    [row] = [r for r in extraction.facts if r.number_text == "300"]
    assert (row.unit, row.unit_base, row.value_base) == ("泊", None, None)
    assert [f.kind for f in extraction.flags if f.char_start == row.number_start] == ["unknown_unit"]


@pytest.mark.parametrize("printed", ["4.5-5%", "4.5%—5%", "4.5%一5%", "4.5%～5%"])
def test_a_range_is_one_row_with_its_upper_end(printed):
    text = HEADER + f"二、2026年工作安排\n\n地区生产总值增长{printed}。"
    [row] = [r for r in rows(text) if r.value == 4.5]
    assert (row.value_max, row.unit, row.comparator) == (5, "%", "=")
    assert len([r for r in rows(text) if r.value == 5]) == 0


def test_record_builds_the_same_frozen_row_as_the_class():
    for cls in (Fact, Entity):
        values = {f.name: i for i, f in enumerate(dataclasses.fields(cls))}
        made = record(cls, **values)
        assert made == cls(**values) and vars(made) == vars(cls(**values))
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.id = "changed"


def test_the_noun_a_count_measures_stops_at_the_first_stop_word():
    """The noun after a count is its run up to the first stop word (not a split of the whole run)."""
    from govreports.facts import _NOUN_STOPS, _noun_after
    from govreports.quantities import candidates

    for text in ("实施48个旧改工程顺利完成。", "新建12所学校，", "完成3项改革任务", "建成5个的", "新增9家和"):
        c = candidates(text)[0]
        run = text[c.unit_end :].split("，")[0].split("。")[0]
        expected = _NOUN_STOPS.split(run)[0] if run else ""
        expected = "" if expected.startswith(("的", "和", "及")) else expected
        assert _noun_after(text, c) == expected
    assert (
        _noun_after("实施48个旧改工程顺利完成。", next(c for c in candidates("实施48个旧改工程顺利完成。")))
        == "旧改工程"
    )


def test_a_figure_with_no_year_word_before_it_skips_the_year_patterns():
    """build_facts tries the baseline and horizon year patterns only when 年 stands before the figure:
    each of them holds 年, and a year named before the figure still decides its year."""
    from govreports import facts, lexicon

    for pattern in (lexicon.BASELINE_YEAR, facts._EXPLICIT_YEAR, facts._HORIZON_YEAR, lexicon.BASELINE_LAST_YEAR):
        assert "年" in pattern.pattern and not pattern.search("较去上末底的为达到完成实现2020 19 20")
    text = (
        "某区政府工作报告\n\n(2024年1月10日在某区第一届人民代表大会第三次会议上)\n\n二、2024年工作安排\n\n"
        "确保绿地面积较2022年末的120公顷增加，到2030年达到150公顷。停车位增加300个，比上年的5000个有所增加。\n"
    )
    years = {r.number_text: r.year for r in rows(text)}
    assert years["120"] == 2022 and years["150"] == 2030 and years["300"] == 2024 and years["5000"] == 2023


def test_nothing_remembered_of_one_report_is_used_for_the_next(monkeypatch):
    from govreports import facts, parts

    text = "2024年政府工作报告\n\n一、2023年工作回顾\n\n全年新增城镇就业1.2万人，粮食产量增长3%。\n"
    extract_document(SourceFile(Path("r.txt"), "r", text, "0" * 64, None))
    assert facts._first_category.cache_info().currsize and parts._years_named.cache_info().currsize
    assert facts.clean_indicator.cache_info().currsize
    facts.forget_report()
    parts.forget_report()
    assert facts._first_category.cache_info().currsize == parts._years_named.cache_info().currsize == 0
    assert facts.clean_indicator.cache_info().currsize == 0
    forgotten = []
    monkeypatch.setattr(facts, "forget_report", lambda: forgotten.append("facts"))
    monkeypatch.setattr(parts, "forget_report", lambda: forgotten.append("parts"))
    extract_document(SourceFile(Path("r.txt"), "r", text, "0" * 64, None))
    assert sorted(forgotten) == ["facts", "parts"]  # before each report


def _searched_clauses(text, start, end):
    """The plain form of a sentence's clauses: a search of the sentence for ，；：."""
    import re

    found = re.compile("[，；：]").finditer(text, start, max(start, end))
    bounds = [start, *[m.end() for m in found], end]
    return [(a, b) for a, b in itertools.pairwise(bounds) if a < b]


def test_a_sentences_clauses_from_the_reports_clause_marks_are_those_a_search_finds():
    """build_facts cuts a sentence into clauses at ，；： found by bisecting the report's marks: the
    same clauses as searching the sentence, each with a slot for its category not read yet."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _UNREAD, _sentence_clauses

    pieces = st.sampled_from(["，", "；", "：", "。", ",", ";", "\n", "！", "增长", "投资", "5%", "全年"])

    @given(st.lists(pieces, max_size=12).map("".join), st.integers(-2, 30), st.integers(-2, 30))
    def check(text, start, end):
        start = min(max(start, 0), len(text))
        end = min(max(end, 0), len(text))
        starts, ends, read = _sentence_clauses(text, start, end)
        assert list(zip(starts, ends, strict=True)) == _searched_clauses(text, start, end)
        assert read == [_UNREAD] * len(starts)

    check()


def test_the_category_near_a_figure_is_the_first_found_in_its_clauses_nearest_first():
    """build_facts reads the category of a figure from its indicator, then from the clauses of its
    sentence, its own first, then those before it (nearest first), then those after, each searched in
    place once for all the figures of the sentence: what the plain form, a chain of the indicator and
    the clauses cut out in that order, gives."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _category_near, _first_category, _first_category_in

    def category_for(indicator, clauses_nearest_first):
        for haystack in itertools.chain((indicator,), clauses_nearest_first):
            found = _first_category(haystack)
            if found is not None:
                return lexicon.CATEGORIES[found][0]
        return "other"

    words = st.sampled_from(["财政", "投资", "出口", "消费", "科技", "疫苗", "全年", "增长", "，", "；", "预算收入"])
    texts = st.lists(words, max_size=12).map("".join)

    @given(st.lists(words, max_size=2).map("".join), texts, st.integers(0, 40), st.lists(st.integers(-1, 40)))
    def check(indicator, text, start, positions):
        start = min(start, len(text))
        sentence, known = (start, len(text)), {}
        for pos in positions:
            clauses = [text[a:b] for a, b in _searched_clauses(text, *sentence)]
            bounds = _searched_clauses(text, *sentence)
            own = next((i for i, (a, b) in enumerate(bounds) if a <= pos < b), 0)
            order = [own, *range(own - 1, -1, -1), *range(own + 1, len(clauses))]
            nearest_first = (clauses[i] for i in order if i < len(clauses))
            expected = category_for(indicator, nearest_first)
            assert _category_near(indicator, text, pos, sentence, known) == expected  # known: the earlier ones'
            assert _category_near(indicator, text, pos, sentence, {}) == expected
        for a, b in itertools.combinations(range(len(text) + 1), 2):
            assert _first_category_in(text, a, b) == _first_category(text[a:b])

    check()


def test_the_last_estimate_word_is_found_from_the_first_one():
    """estimate_opener searches once for an estimate word and reads on from the first found: the last
    match is the one a finditer over the whole span gives."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports import lexicon

    words = st.sampled_from(["预计", "估计", "预期", "增长", "实现", "预", "计", "5", "，", "将"])

    @given(st.lists(words, max_size=10).map("".join), st.integers(0, 5), st.integers(0, 40))
    def check(text, start, end):
        whole = None
        for match in lexicon.ESTIMATE_WORDS.finditer(text, start, end):
            whole = match
        last = lexicon.ESTIMATE_WORDS.search(text, start, end)
        if last is not None:
            for match in lexicon.ESTIMATE_WORDS.finditer(text, last.end(), end):
                last = match
        assert (whole and whole.span()) == (last and last.span())

    check()


def test_a_sentence_names_part_of_the_year_as_the_pattern_says_without_searching_most():
    """names_part_of_year searches only a span holding 月, 季 or 半: every match of the lexicon's
    PART_OF_YEAR holds one of them, so the answer is the plain search's."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import names_part_of_year

    pieces = st.sampled_from(
        ["上半年", "下半年", "前三季度", "一季度", "第四季度", "1-8月", "1 至 3 月", "前5个月", "前十月", "季度", "月",
         "半年", "前", "三", "5", "-", "至", "个", " ", "全年", "增长", "，"]
    )  # fmt: skip

    @given(st.lists(pieces, max_size=8).map("".join), st.integers(0, 30), st.integers(0, 40))
    def check(text, start, end):
        assert names_part_of_year(text, start, end) == (lexicon.PART_OF_YEAR.search(text, start, end) is not None)
        bare = text.replace("月", "").replace("季", "").replace("半", "")
        assert lexicon.PART_OF_YEAR.search(bare) is None

    check()


def test_a_comparator_word_before_a_figure_is_found_as_by_reading_the_five_characters_before_it():
    """printed_comparator reads the characters before a figure only when the one just before it can
    end a comparator word (or is a space, 近 or 数, which the words may stand before), and those after
    it only when the one just after it opens one: the same comparator as reading them for every
    figure."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _COMPARATORS_AFTER, _COMPARATORS_BEFORE, printed_comparator
    from govreports.quantities import candidates

    def plain(text, c):
        after = text[c.unit_end : c.unit_end + 3]
        for word, comparator in _COMPARATORS_AFTER:
            if after.startswith(word):
                return comparator
        near = text[max(0, c.token.start - 5) : c.token.start].rstrip(" \u3000").rstrip("近数")
        return next((comparator for word, comparator in _COMPARATORS_BEFORE if near.endswith(word)), None)

    pieces = st.sampled_from(
        [*lexicon.COMPARATOR_BEFORE, *lexicon.COMPARATOR_AFTER, " ", "\u3000", "近", "数", "增长", "达到",
         "5%", "12亿元", "30个", "，", "。", "全年"]
    )  # fmt: skip

    @given(st.lists(pieces, max_size=10).map("".join))
    def check(text):
        for c in candidates(text):
            assert printed_comparator(text, c, None) == plain(text, c)

    check()


@pytest.mark.parametrize("cls", [Fact, Entity])
def test_a_row_made_from_its_dict_is_the_frozen_row_the_class_makes(cls):
    """build_facts and extract_entities make each row by handing its dict of values to a new record
    as its __dict__ (records.record_from): the row the class makes, fields in their order, frozen."""
    from govreports.records import record_from

    values = {f.name: i for i, f in enumerate(dataclasses.fields(cls))}
    made = record_from(cls, dict(values))
    assert made == cls(**values) and list(vars(made).items()) == list(vars(cls(**values)).items())
    assert type(made) is cls and dataclasses.replace(made, id="other").id == "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.id = "changed"


def test_the_kind_of_a_figure_is_that_of_the_one_loop_over_every_kind():
    """kind_for tries the kinds a rate can have on the characters before a rate, and the others on the
    clause before any other figure, in two branches: the kind one loop over every kind (skipping the
    rate-only kinds for a count) gives."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import (
        _ANY_COUNT_KIND_WORD,
        _ANY_KIND_WORD,
        _COUNT_VERB_END,
        _KIND_PATTERNS,
        _LEVEL_VERB_END,
        _REDUCTION_WORD,
        kind_for,
    )
    from govreports.quantities import candidates, clause_end, clause_start

    def plain(text, c, clause_before, unit_base):
        if c.rank:
            return "rank"
        if unit_base in ("ratio", "doubling"):
            return "ratio"
        if unit_base in lexicon.DURATION_UNIT_BASES:
            return "duration"
        near = clause_before[-8:]
        percent = unit_base in ("percent", "percentage_point", "permille")
        if percent and _REDUCTION_WORD.search(text, c.unit_end, clause_end(text, c.unit_end)):
            return "reduction"
        hay = near if percent else clause_before
        for kind, words in _KIND_PATTERNS if (_ANY_KIND_WORD if percent else _ANY_COUNT_KIND_WORD).search(hay) else ():
            if kind in ("growth_rate", "share") and not percent:
                continue
            if words.search(hay):
                return kind
        if percent:
            return "level" if _LEVEL_VERB_END.search(clause_before) else "share"
        if unit_base in lexicon.COUNT_UNIT_BASES and not _COUNT_VERB_END.search(clause_before):
            return "count"
        return "level"

    words = [w for _, kind_words in lexicon.KIND_WORDS for w in kind_words]
    pieces = st.sampled_from(
        [*words, "达到", "为", "至", "5%", "3个百分点", "12亿元", "30个", "8倍", "3年", "第", "，"]
    )
    bases = st.sampled_from(["percent", "percentage_point", "item", "CNY", "ratio", "year", None, "person"])

    @given(st.lists(pieces, max_size=10).map("".join), bases)
    def check(text, unit_base):
        for c in candidates(text):
            before = text[clause_start(text, c.token.start) : c.token.start]
            assert kind_for(text, c, before, unit_base) == plain(text, c, before, unit_base)

    check()


def test_the_comparator_word_after_a_figure_is_the_one_the_three_characters_after_it_start_with():
    """_after_word tests the 3 characters after a figure for any comparator word at once before
    looking for which (longest first): the word reading them for every figure gives."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _COMPARATOR_WORDS_AFTER, _after_word
    from govreports.quantities import candidates

    pieces = st.sampled_from([*lexicon.COMPARATOR_AFTER, "以", "及", "上", "5%", "12亿元", "、", "和", "增长"])

    @given(st.lists(pieces, max_size=8).map("".join))
    def check(text):
        for c in candidates(text):
            after = text[c.unit_end : c.unit_end + 3]
            assert _after_word(text, c) == next((w for w in _COMPARATOR_WORDS_AFTER if after.startswith(w)), None)

    check()


def test_stripping_cue_words_only_takes_characters_off_the_ends():
    """subject_before skips a piece shorter than a subject before stripping it: stripping leaves a
    piece of the phrase (never a longer one), whatever the phrase."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _strip_words

    words = [*lexicon.INDICATOR_LEADING_WORDS, *lexicon.INDICATOR_TRAILING_WORDS]
    pieces = st.sampled_from([*words, "第", "全国第", "“", "”", " ", "，", "、", "投资", "收入", "居"])

    @given(st.lists(pieces, max_size=8).map("".join))
    def check(phrase):
        assert _strip_words(phrase) in phrase

    check()


def test_cleaning_an_indicator_tries_the_trailing_pattern_only_where_one_of_its_words_ends_it():
    """clean_indicator asks the trailing pattern only of a phrase ending in one of its words' last
    characters, and keeps what the leading pattern leaves when 2 characters or more are left: the
    phrase the plain loop (both patterns on every phrase) leaves."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import clean_indicator

    def plain(phrase):
        changed = True
        while changed:
            changed = False
            lead = lexicon.INDICATOR_CLEAN_LEADING.search(phrase)
            shorter = phrase[lead.end() :] if lead else phrase
            if shorter != phrase and len(shorter) >= 2:
                phrase, changed = shorter, True
            shorter = lexicon.INDICATOR_CLEAN_TRAILING.sub("", phrase, count=1)
            if shorter != phrase and len(shorter) >= 2:
                phrase, changed = shorter, True
        return phrase

    words = [*lexicon.INDICATOR_CLEAN_TRAILING_WORDS, "全市", "确保", "2025年", "到2024年末", "开工", "实施"]
    pieces = st.sampled_from([*words, "投资", "收入", "长", "达", "\n", "年", "", "产"])

    @given(st.lists(pieces, max_size=8).map("".join))
    def check(phrase):
        assert clean_indicator.__wrapped__(phrase) == plain(phrase)

    check()


def test_a_sentence_without_an_estimate_word_up_to_its_end_has_no_estimated_figure():
    """build_facts makes the estimate test of a figure only when one search from its full sentence's
    start to the sentence's end finds an estimate word (or the figure lies past that end): where it
    finds none, neither an opener before the sentence nor a word before the figure is there."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import estimate_opener, estimated, full_stop_before

    words = ["预计", "估计", "预期", "预期增长", "预期实现", "增长", "实现", "完成", "2024年", "8%", "收入", "预", "期"]
    pieces = st.sampled_from([*words, "，", "。", "\n"])

    @given(st.lists(pieces, max_size=10).map("".join), st.data())
    def check(text, data):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        pos = data.draw(st.integers(start, end))
        if lexicon.ESTIMATE_WORDS.search(text, full_stop_before(text, start), end) is None:
            opener = estimate_opener(text, start)
            assert not opener and not estimated(text, start, pos, opener)

    check()


def test_a_rows_quote_and_offsets_are_its_clause_windows_and_its_numbers_in_the_raw_text():
    """A row's quote is its figure's clause (clause_window, found from the whole text) in the raw
    text, and its number's offsets are raw ones, for clauses with white space at their ends, longer
    than a quote, and raw text the cleaning drops characters of."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from govreports.facts import build_facts
    from govreports.quantities import candidates, clause_window
    from govreports.text import clean_text

    long = "推进城乡融合发展" * 30  # a clause longer than a quote (200 characters)
    pieces = st.sampled_from(
        ["完成投资12亿元", "增长8%", "新增30个", "，", "。", "；", " ", "\u3000", "\n", "**", long, "达到5.5万人"]
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def check(raw):
        cleaned = clean_text(raw, "d")
        text = cleaned.text
        found = [c for c in candidates(text) if c.is_fact]
        made = build_facts(cleaned, "d", found, [], [], 2023, 2024)
        assert len(made) == len(found)
        for row, c in zip(made, found, strict=True):
            assert (row.quote, row.char_start, row.char_end) == cleaned.raw_quote(
                *clause_window(text, c.token.start, c.unit_end)
            )
            assert (row.number_start, row.number_end) == cleaned.raw_span(c.token.start, c.range_end)

    check()


def test_a_clause_without_its_figures_in_one_pass_is_each_figures_own():
    """build_facts cuts the other figures out of a clause for all its figures in one pass over their
    spans (_clause_without_figures): what _without_figures gives each figure alone, with spans that
    touch, overlap (a range) or share a start."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _clause_without_figures, _without_figures
    from govreports.quantities import candidates

    pieces = st.sampled_from(["增长", "5%", "6.5%", "、", "和", "12亿元", "3-5个", "至", "8倍", "收入", "分别"])

    @given(st.lists(pieces, max_size=10).map("".join), st.data())
    def check(text, data):
        members = candidates(text)
        if members:
            start = data.draw(st.integers(0, members[0].token.start))
            found = _clause_without_figures(text, start, members)
            for c in members:
                assert found[c.token.start] == _without_figures(text, start, c, members)

    check()


def test_a_clause_without_from_or_by_holds_no_start_value_opener():
    """build_facts searches a clause for the opener of a "从X提高到Y" pair only when 从 or 由 stands in
    it: a clause holding neither holds no match of the pattern, whatever else it holds."""
    from hypothesis import given
    from hypothesis import strategies as st

    pieces = st.sampled_from(["从", "由", "提高", "到", "2020年", "的", "，", "5%", "收入", "水平", "。", " "])

    @given(st.lists(pieces, max_size=8).map("".join))
    def check(clause):
        if lexicon.FROM_VALUE_BEFORE.search(clause):
            assert "从" in clause or "由" in clause

    check()
    assert lexicon.FROM_VALUE_BEFORE.pattern.startswith("(?:从|由)")


def test_a_comparator_after_a_list_of_values_is_shared_as_by_reading_every_pair():
    """shared_comparator asks whether two values are joined (、和及与) only while a comparator word
    trails the list: what reading every pair of values gives."""
    import itertools

    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.facts import _COMPARATOR_WORDS_AFTER, _LIST_JOINT, shared_comparator
    from govreports.quantities import candidates

    def after_word(text, c):
        after = text[c.unit_end : c.unit_end + 3]
        return next((w for w in _COMPARATOR_WORDS_AFTER if after.startswith(w)), None)

    def plain(text, members):
        shared, trailing = {}, None
        for earlier, later in reversed(list(itertools.pairwise(members))):
            word = after_word(text, later)
            trailing = lexicon.COMPARATOR_AFTER[word] if word else trailing
            joined = _LIST_JOINT.fullmatch(text[earlier.unit_end : later.token.start])
            if joined and trailing and not after_word(text, earlier):
                shared[earlier.token.start] = trailing
            else:
                trailing = None
        return shared

    pieces = st.sampled_from([*lexicon.COMPARATOR_AFTER, "5%", "6.5%", "、", "和", " ", "与", "增长", "，", "左"])

    @given(st.lists(pieces, max_size=10).map("".join))
    def check(text):
        members = candidates(text)
        assert shared_comparator(text, members) == plain(text, members)

    check()
