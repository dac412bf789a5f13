"""Targets set against their outcomes, on report pairs of our own: a 2025 plan and the 2026 report
that reviews 2025, for a county, a city and a province."""

from pathlib import Path

import pytest

import build
from govreports import columnar, outcomes

COUNTY_2025 = (
    "岚溪县政府工作报告\n（2025年1月15日在岚溪县第十八届人民代表大会第四次会议上）\n"
    "二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%以上，一般公共预算收入增长5%左右，"
    "城镇调查失业率控制在5.5%以内，粮食产量稳定在30万吨以上。\n"
)
COUNTY_2026 = (
    "岚溪县政府工作报告\n（2026年1月14日在岚溪县第十八届人民代表大会第五次会议上）\n"
    "一、2025年工作回顾\n2025年，全县地区生产总值增长6.4%，一般公共预算收入增长4.6%，城镇调查失业率5.2%。\n"
)
CITY_2025 = (
    "鹤浦市政府工作报告\n（2025年2月10日在鹤浦市第十七届人民代表大会第五次会议上）\n"
    "二、2025年工作安排\n主要预期目标是：地区生产总值增长5%—5.5%，社会消费品零售总额增长7%，居民消费价格涨幅3%左右。\n"
)
CITY_2026 = (
    "鹤浦市政府工作报告\n（2026年2月3日在鹤浦市第十七届人民代表大会第六次会议上）\n"
    "一、2025年工作回顾\n过去一年，全市地区生产总值增长5.2%，社会消费品零售总额增长6.1%，居民消费价格上涨0.8%。\n"
)
PROVINCE_2025 = (
    "2025年岚江省政府工作报告\n——2025年1月20日在岚江省第十四届人民代表大会第三次会议上\n"
    "三、2025年重点工作\n今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上，进出口总额增长3%。\n"
)
PROVINCE_2026 = (
    "2026年岚江省政府工作报告\n——2026年1月21日在岚江省第十四届人民代表大会第四次会议上\n"
    "一、2025年工作回顾\n2025年，全省地区生产总值增长4.2%，城镇新增就业48万人，进出口总额下降2.1%。\n"
)
PAIRS = {
    "county-2025": COUNTY_2025,
    "county-2026": COUNTY_2026,
    "city-2025": CITY_2025,
    "city-2026": CITY_2026,
    "province-2025": PROVINCE_2025,
    "province-2026": PROVINCE_2026,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("pairs")
    for name, text in PAIRS.items():
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    tables, skipped = build.build_tables(raw, strict=True)
    rows = columnar.as_rows(tables)
    assert not skipped
    return rows


def links(rows, region):
    return {
        r["indicator_code"]: (r["target_value"], r["outcome_value"], r["met"])
        for r in rows["target_outcomes"]
        if r["region"] == region
    }


def test_a_county_target_met_one_within_tolerance_and_one_not_reported_yet(built):
    assert links(built, "岚溪县") == {
        "gdp_growth": (6, 6.4, "true"),
        "budget_revenue_growth": (5, 4.6, "true"),
        "unemployment_surveyed": (5.5, 5.2, "true"),
        "grain_output": (30, None, "unknown"),
    }


def test_a_city_range_met_a_floor_missed_and_a_ceiling_kept(built):
    assert links(built, "鹤浦市") == {
        "gdp_growth": (5, 5.2, "true"),
        "retail_sales_growth": (7, 6.1, "false"),
        "cpi": (3, 0.8, "true"),
    }


def test_a_province_missing_an_approximate_target_and_a_decline_compared_as_negative(built):
    assert links(built, "岚江省") == {
        "gdp_growth": (5, 4.2, "false"),
        "new_urban_jobs": (50, 48, "false"),
        "trade_growth": (3, -2.1, "false"),
    }


def test_the_difference_is_in_the_targets_unit_and_the_rule_is_said(built):
    [row] = [r for r in built["target_outcomes"] if r["region"] == "岚江省" and r["indicator_code"] == "trade_growth"]
    assert row["difference"] == pytest.approx(-5.1)
    assert row["met_rule"] == "3 as a floor"


def test_the_panel_has_one_row_per_region_year_and_indicator(built):
    keys = [(r["region_key"], r["year"], r["indicator_code"]) for r in built["panel"]]
    assert len(keys) == len(set(keys))
    row = next(r for r in built["panel"] if r["region_key"] == "鹤浦市" and r["indicator_code"] == "gdp_growth")
    assert (row["year"], row["target_value"], row["target_value_max"], row["outcome_value"], row["met"]) == (
        2025,
        5,
        5.5,
        5.2,
        "true",
    )


@pytest.mark.xdist_group("repository-data")  # reads the committed data/
def test_our_two_reports_share_no_year_so_no_target_has_an_outcome():
    import csv

    root = Path(__file__).resolve().parent.parent
    with (root / "data" / "csv" / "target_outcomes.csv").open(encoding="utf-8") as handle:
        assert {row["met"] for row in csv.DictReader(handle)} <= {"unknown"}


@pytest.mark.parametrize(
    ("comparator", "value_max", "outcome", "met"),
    [(">=", None, 5.4, "true"), ("=", 5.5, 5.2, "true"), ("~", None, 4.6, "true"), ("~", None, 4.4, "false")],
)
def test_met_honours_comparator_range_and_tolerance(comparator, value_max, outcome, met):
    target = {"value": 5, "value_max": value_max, "comparator": comparator, "unit": "%", "indicator_code": "gdp_growth"}
    target |= {"quote": "增长5%", "number_start": 2, "char_start": 0}
    result = {"value": outcome, "unit": "%", "indicator_code": "gdp_growth", "quote": "增长", "number_start": 2}
    result |= {"char_start": 0}
    assert outcomes.judge(target, result)[0] == met


def _derived(documents, targets, achievements):
    """``outcomes.derive`` over tables made from a few hand-written rows, as plain rows by key."""
    made = outcomes.derive(
        columnar.from_rows("documents", documents),
        columnar.from_rows("targets", targets),
        columnar.from_rows("achievements", achievements),
    )
    return {
        "target_outcomes": {row["target_id"]: row for row in made["target_outcomes"].to_pylist()},
        "panel": {(row["region_key"], row["year"], row["indicator_code"]): row for row in made["panel"].to_pylist()},
    }


def _document(doc_id, plan_year, region="岚溪县"):
    return {"doc_id": doc_id, "region": region, "plan_year": plan_year, "status": "built"}


def _figure(id, doc_id, value, headline=False, time_scope="plan_year", year=2025, code="gdp_growth"):
    quote = f"增长{value}%"
    return {"id": id, "doc_id": doc_id, "year": year, "indicator_code": code, "headline": headline}  | {
        "time_scope": time_scope, "comparator": ">=", "value": value, "unit": "%", "quote": quote,
        "number_start": 2, "char_start": 0,
    }  # fmt: skip


def test_of_several_figures_the_headline_then_the_reports_own_year_is_the_one_linked():
    documents = [_document("p-2025", 2025), _document("r-2026", 2026)]
    targets = [_figure("t1", "p-2025", 6.0, time_scope="period"), _figure("t2", "p-2025", 5.0, headline=True)]
    achievements = [
        _figure("a1", "r-2026", 4.0, time_scope="period"),
        _figure("a2", "r-2026", 5.5, time_scope="reviewed_year"),
    ]
    derived = _derived(documents, targets, achievements)
    assert derived["target_outcomes"]["t1"]["outcome_id"] == "a2"  # own year before a span
    assert derived["target_outcomes"]["t2"]["met"] == "true"
    [row] = derived["panel"].values()
    assert (row["target_id"], row["outcome_id"], row["met"]) == ("t2", "a2", "true")  # the headline target


def test_an_outcome_counts_only_from_a_report_of_a_later_plan_year():
    documents = [_document("p-2025", 2025), _document("also-2025", 2025), _document("r-2026", 2026)]
    targets = [_figure("t1", "p-2025", 5.0)]
    achievements = [_figure("a1", "also-2025", 9.0, headline=True), _figure("a2", "r-2026", 4.0)]
    derived = _derived(documents, targets, achievements)
    link = derived["target_outcomes"]["t1"]
    assert (link["outcome_id"], link["outcome_value"], link["met"], link["difference"]) == ("a2", 4.0, "false", -1.0)


def test_a_panel_row_without_a_target_takes_the_preferred_outcome_and_no_verdict():
    documents = [_document("r-2026", 2026, region="鹤浦市")]
    achievements = [_figure("a1", "r-2026", 3.0), _figure("a2", "r-2026", 3.5, headline=True)]
    derived = _derived(documents, [], achievements)
    assert derived["target_outcomes"] == {}
    row = derived["panel"][("鹤浦市", 2025, "gdp_growth")]
    assert (row["target_id"], row["outcome_id"], row["outcome_value"], row["met"]) == (None, "a2", 3.5, None)


def test_a_target_with_no_later_report_is_unknown_and_a_printed_decline_is_negative():
    documents = [_document("p-2025", 2025)]
    target = _figure("t1", "p-2025", 2.0) | {"quote": "下降2%"}
    derived = _derived(documents, [target], [])
    link = derived["target_outcomes"]["t1"]
    assert (link["target_value"], link["outcome_id"], link["met"], link["met_rule"]) == (
        -2.0,
        None,
        "unknown",
        "no outcome reported yet",
    )
