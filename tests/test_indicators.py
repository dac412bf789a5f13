"""indicator_code from the vocabulary, and headline figures: sentences of our own."""

import json
from pathlib import Path

import pytest

from govreports import lexicon
from govreports.indicators import by_code, vocabulary
from govreports.metadata import SourceFile
from govreports.pipeline import extract_document

ROOT = Path(__file__).resolve().parent.parent
HEADER = "某省政府工作报告\n\n（2026年1月20日在某省第十四届人民代表大会第四次会议上）\n\n"


def facts(body):
    return extract_document(SourceFile(Path("c.txt"), "c", HEADER + body, "0" * 64, None)).facts


def codes(body):
    return [(f.value, f.indicator_code) for f in facts(body)]


def test_the_vocabulary_is_complete_and_unambiguous():
    schema = json.loads((ROOT / "schemas" / "targets.schema.json").read_text(encoding="utf-8"))
    categories = next(f for f in schema["fields"] if f["name"] == "category")["constraints"]["enum"]
    assert len(vocabulary()) == len(by_code()) >= 30
    for indicator in vocabulary():
        assert indicator.label_en and indicator.label_zh and indicator.variants, indicator.code
        assert indicator.unit_class in lexicon.INDICATOR_UNIT_CLASSES
        assert indicator.kind in ("growth_rate", "level", "rate", "share", "count", "reduction")
        assert indicator.needs_cue in ("", "growth", "reduction") and indicator.direction in ("higher", "lower")
        assert indicator.category in categories
    seen = {}
    for indicator in vocabulary():  # one printed variant, one unit class: one code
        for variant in indicator.variants:
            key = (variant, indicator.unit_class, indicator.needs_cue)
            assert key not in seen, (variant, seen.get(key), indicator.code)
            seen[key] = indicator.code


def test_growth_and_level_of_one_measure_get_their_own_codes():
    body = "一、2025年工作回顾\n\n全省地区生产总值达到5.2万亿元、增长5.1%，一般公共预算收入3100亿元、增长2.4%。\n"
    assert codes(body) == [(5.2, "gdp"), (5.1, "gdp_growth"), (3100, "budget_revenue"), (2.4, "budget_revenue_growth")]


def test_printed_variants_share_a_code():
    body = (
        "二、2026年工作安排\n\n主要预期目标是：经济增长5%左右，规上工业增加值增长6%，"
        "规模工业增加值增长6%，居民消费价格涨幅2%左右。\n"
    )
    assert [c for _, c in codes(body)] == ["gdp_growth", "industrial_va_growth", "industrial_va_growth", "cpi"]


def test_a_part_of_the_measure_or_of_the_year_gets_no_code():
    body = (
        "一、2025年工作回顾\n\n县域经济增长5.5%，上半年地区生产总值增长4.8%，"
        "扣除房地产开发投资后，固定资产投资增长2.7%，民营企业进出口总额增长8%。\n"
    )
    assert [c for _, c in codes(body)] == [None, None, None, None]


def test_urban_and_rural_incomes_in_one_list_get_their_own_codes():
    body = (
        "一、2025年工作回顾\n\n城镇和农村居民人均可支配收入分别增长4.3%、5.9%，"
        "城乡居民人均可支配收入分别增长4.1%、6.2%。\n"
    )
    assert [c for _, c in codes(body)] == [
        "income_pc_urban_growth",
        "income_pc_rural_growth",
        "income_pc_urban_growth",
        "income_pc_rural_growth",
    ]


def test_a_share_or_a_gap_is_not_the_measure_itself():
    body = "一、2025年工作回顾\n\n民间投资占固定资产投资比重达到55%，地区生产总值增速高于全国0.3个百分点。\n"
    assert [c for _, c in codes(body)] == [None, None]


def test_category_follows_the_code():
    [fact] = facts("二、2026年工作安排\n\n城镇调查失业率控制在5.5%以内。\n")
    assert (fact.indicator_code, fact.category) == ("unemployment_surveyed", "employment")


def test_headline_marks_the_main_expected_targets_and_the_review_summary():
    body = (
        "一、2025年工作回顾\n\n2025年，全省地区生产总值增长5.1%，城镇新增就业52万人。\n"
        "科技创新取得新进展，新增高新技术企业800家。\n\n"
        "二、2026年工作安排\n\n今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。\n"
        "新建5G基站1万个。\n"
    )
    marked = {(f.table, f.value): f.headline for f in facts(body)}
    assert marked == {
        ("achievements", 5.1): True,
        ("achievements", 52): True,
        ("achievements", 800): False,
        ("targets", 5): True,
        ("targets", 50): True,
        ("targets", 1): False,
    }


@pytest.mark.parametrize("code", ["gdp", "gdp_growth", "cpi", "pm25", "new_urban_jobs"])
def test_each_code_has_an_english_and_a_chinese_label(code):
    assert by_code()[code].label_en and by_code()[code].label_zh


def test_an_excluding_word_in_the_previous_clause_is_found_only_where_the_sentence_holds_one():
    """code_for cuts the clause before the figure's out only when the sentence before holds 扣除, 剔除
    or 不含: whatever the clause, the excluding test is the same as cutting it out every time."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.indicators import _CLAUSE_MARK_CHARS, _EXCLUDING, _EXCLUDING_WORD

    pieces = st.sampled_from(["扣除", "剔除", "不含", "后", "，", "；", "：", ",", "投资", "增长", "房地产"])

    @given(st.lists(pieces, max_size=8).map("".join))
    def check(head):
        previous_clause = head[max(map(head.rfind, _CLAUSE_MARK_CHARS)) + 1 :]
        naive = bool(_EXCLUDING.search(previous_clause))
        assert naive == bool(_EXCLUDING_WORD.search(head) and _EXCLUDING.search(previous_clause))

    check()
    assert codes("扣除房地产开发投资后，固定资产投资增长5%。") == [(5.0, None)]


def test_the_excluding_word_is_looked_for_in_the_sentence_before_the_clause_without_cutting_it():
    """code_for searches the sentence up to the figure's clause in place: the same answer as cutting
    that head out and stripping the marks off its end, for any clause length (even one longer than
    the sentence, where the cut counts from the end)."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.indicators import _EXCLUDING_WORD

    pieces = st.sampled_from(["扣除", "剔除", "不含", "除", "不", "，", "；", "：", ",", ";", "投资", "增长"])

    @given(st.lists(pieces, max_size=8).map("".join), st.integers(0, 30))
    def check(sentence, clause_length):
        cut = len(sentence) - clause_length
        in_place = _EXCLUDING_WORD.search(sentence, 0, cut if cut >= 0 else max(0, len(sentence) + cut))
        assert bool(in_place) == bool(_EXCLUDING_WORD.search(sentence[:cut].rstrip("，,；：;")))

    check()


def test_a_figure_whose_unit_fits_no_code_gets_none_before_any_search():
    """code_for answers None at once for a unit no code's unit class holds (个, 家): every way it
    could give a code asks match_code, which finds no variant of that unit."""
    from govreports.indicators import _variants_for, code_for, match_code

    before, sentence = "城镇居民人均可支配收入和农村居民人均可支配收入分别增长", "全年地区生产总值增长"
    for unit_base in ("item", "organisation", None):
        assert not _variants_for(unit_base)[0]
        assert match_code(before, unit_base) is None
        assert code_for(before, unit_base, "城镇", ["城镇", "农村居民"], 0, sentence, "地区生产总值") is None
    assert code_for("地区生产总值增长", "percent", None, [], -1, sentence) == "gdp_growth"


def test_a_fact_marked_as_headline_is_the_fact_replace_makes():
    """mark_headlines copies a fact's fields with its new headline flag, not through the frozen
    class's ``__init__``: the same row, fields in the same order, still frozen."""
    import dataclasses

    from govreports.indicators import _with_headline
    from govreports.records import Fact

    fact = Fact(**{f.name: f"v{i}" for i, f in enumerate(dataclasses.fields(Fact))} | {"headline": False})
    for headline in (True, False):
        made = _with_headline(fact, headline)
        expected = dataclasses.replace(fact, headline=headline)
        assert made == expected and list(vars(made).items()) == list(vars(expected).items())
        assert fact.headline is False and type(made) is Fact
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.headline = not headline


def test_the_code_of_a_clause_is_the_nearest_then_longest_variant_weighed_as_before():
    """match_code weighs each variant printed in a clause once, nearest and longest first, for the
    codes it names in vocabulary order, with their cue tests read once (城乡 read just before a variant
    in place, not cut out): the code the plain weighing of each pair gives."""
    from hypothesis import given
    from hypothesis import strategies as st

    from govreports.indicators import _fits_cue, _stands_alone, _variants_for, match_code

    def plain(before, unit_base):
        best = None
        for indicator, variant in _variants_for(unit_base)[0]:
            pos = before.rfind(variant)
            if pos < 0 or not _fits_cue(indicator, variant, before[pos + len(variant) :]):
                continue
            if before[max(0, pos - 2) : pos] == "城乡":
                continue
            if variant in lexicon.LOOSE_VARIANTS and not _stands_alone(before[:pos]):
                continue
            key = (pos + len(variant), len(variant), indicator.code)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

    variants = sorted({v for i in vocabulary() for v in i.variants})
    words = ["城乡", "城", "乡", "居民", "增长", "下降", "压减", "提高", "占", "的", "比重", "、", "县域", "全市", "，"]
    pieces = st.sampled_from([*variants, *words, "一二三四五六七"])
    units = ["percent", "CNY", "USD", "person", "t", "kg", "ug/m3", "item", None]

    @given(st.lists(pieces, max_size=7).map("".join), st.sampled_from(units))
    def check(before, unit_base):
        assert match_code(before, unit_base) == plain(before, unit_base)

    check()
