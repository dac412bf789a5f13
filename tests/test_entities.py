"""Projects and events: list structure, suffixes, verbs; generic mentions are not rows."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreports import lexicon
from govreports.entities import _without_generic_words
from govreports.metadata import SourceFile
from govreports.pipeline import extract_document
from govreports.scoring import score_entities

ROOT = Path(__file__).resolve().parent.parent


def entities(text, name="sample"):
    source = SourceFile(Path(f"{name}.txt"), name, text, "0" * 64, None)
    return {(e.table, e.name): e for e in extract_document(source).entities}


REVIEW = "一、2022年工作回顾\n\n(一)着力稳增长。\n\n项目建设提速。{}\n"
PLAN = "二、2024年工作安排\n\n(一)加快建设。\n\n1. 完善城市功能。{}\n"


def test_each_item_of_a_list_closed_by_a_category_head_is_a_row():
    found = entities(PLAN.format("加快推进杭氧变、工业变、北站变、横塘变等重点电力设施项目，保障城北净水厂投用。"))
    names = [n for t, n in found if t == "projects"]
    assert names == ["杭氧变", "工业变", "北站变", "横塘变", "城北净水厂"]
    assert {e.status for e in found.values()} == {"planned"}


@pytest.mark.parametrize("opening", ["全年", "今年", "上半年", "一年来"])
def test_a_period_opening_the_sentence_is_not_part_of_the_first_name_of_a_list(opening):
    found = entities(REVIEW.format(f"{opening}建成东湖大桥、西山隧道、南岭公路等重点项目，{opening}各项目进展顺利。"))
    assert [n for t, n in found if t == "projects"] == ["东湖大桥", "西山隧道", "南岭公路"]


@pytest.mark.parametrize("first, second", [("和", "及"), ("及", "和")])
def test_three_whole_names_joined_by_two_conjunctions_are_three_rows(first, second):
    found = entities(REVIEW.format(f"全年建成东湖大桥{first}西山水库{second}南岭电站，建设北湖大桥及配套道路工程。"))
    names = [n for t, n in found if t == "projects"]
    assert names == ["东湖大桥", "西山水库", "南岭电站", "北湖大桥及配套道路工程"]


def test_generic_mentions_are_not_rows():
    found = entities(REVIEW.format("开工重点项目67个，成功举办多场主题活动，实施产业、民生、基础设施提升项目116个。"))
    assert found == {}


def test_status_comes_from_the_verb_that_governs_each_item():
    found = entities(
        REVIEW.format(
            "落地康桥数字基地等“152”项目4个、开工云商总部基地等重点项目67个，竣工投用城东电竞中心等重点项目64个。"
        )
    )
    status = {n: e.status for (_, n), e in found.items()}
    assert status == {"康桥数字基地": "signed", "云商总部基地": "started", "城东电竞中心": "completed"}


def test_events_keep_edition_and_date():
    found = entities(
        REVIEW.format("上半年经受住4·19疫情影响。成功举办“5·20”商圈消费季、11月第24届西博会暨第十届ADM展等主题活动。")
    )
    assert found[("events", "4·19疫情")].date == "2022-04-19"
    assert found[("events", "“5·20”商圈消费季")].date == "2022-05-20"
    assert found[("events", "第24届西博会")].edition == 24
    assert found[("events", "第十届ADM展")].edition == 10
    assert {e.status for e in found.values()} == {"held"}


def test_a_zeroth_edition_is_no_edition():
    found = entities(REVIEW.format("成功举办第0届西博会、第零届茶博会等主题活动。"))
    assert {e.edition for e in found.values()} == {None}


def test_a_date_that_is_not_in_the_calendar_is_no_date():
    found = entities(REVIEW.format("经受住4·71疫情影响。甲科技于2月30日在深交所主板上市。"))
    assert {e.date for e in found.values()} == {None}


def test_listings_on_an_exchange_with_their_dates():
    found = entities(REVIEW.format("甲科技在深交所主板上市，乙催化、丙电子先后于12月14日、23日通过北交所上市委审议。"))
    assert found[("events", "甲科技")].category == "listing"
    assert found[("events", "乙催化")].date == "2022-12-14"
    assert found[("events", "丙电子")].date == "2022-12-23"


def test_numbered_candidate_list_is_put_to_the_vote():
    text = PLAN.format(
        "正式形成3件候选项目方案：(1)“阳光”老幼服务项目；(2)“幸福”营造提升项目；(3)“美丽河道”治理项目。将进行票决。"
    )
    found = entities(text)
    assert [n for t, n in found if t == "projects"] == [
        "“阳光”老幼服务项目",
        "“幸福”营造提升项目",
        "“美丽河道”治理项目",
    ]
    assert {e.status for e in found.values()} == {"candidate"}


def test_an_entity_is_a_row_at_its_first_mention_only():
    found = entities(REVIEW.format("竣工投用中国城东电竞中心等重点项目64个。城东电竞中心获金奖。"))
    assert list(found) == [("projects", "中国城东电竞中心")]


def test_context_mentions_are_not_rows():
    found = entities(PLAN.format("依托国家级空间科学应用科普基地，办好校园科技节。"))
    assert list(found) == [("events", "校园科技节")]


ENTITY_SETS = {
    "reports": (ROOT / "tests" / "gold" / "entities.csv", ROOT / "raw"),
    "holdout": (
        ROOT / "tests" / "gold" / "holdout-entities" / "entities.csv",
        ROOT / "tests" / "gold" / "holdout-entities" / "raw",
    ),
}


@pytest.fixture(scope="module", params=list(ENTITY_SETS))
def entity_scores(request):
    return request.param, score_entities(*ENTITY_SETS[request.param])


@pytest.mark.parametrize("table", ["projects", "events"])
def test_precision_and_recall_on_the_gold_sets(entity_scores, table):
    name, scores = entity_scores
    gold = sum(s.gold for (_, t), s in scores.items() if t == table)
    predicted = sum(s.predicted for (_, t), s in scores.items() if t == table)
    matched = sum(s.matched for (_, t), s in scores.items() if t == table)
    assert matched / predicted >= 0.9, (name, table, matched, predicted)
    assert matched / gold >= 0.9, (name, table, matched, gold)


def names_of(text, table="projects"):
    return [n for t, n in entities(text) if t == table]


def test_railways_expressways_and_airports_are_names_without_their_verb():
    text = PLAN.format("加快建设岚泊城际铁路、鹤云高铁，开工建设棠溪机场迁建工程，建成翎湖水库。")
    assert names_of(text) == ["岚泊城际铁路", "鹤云高铁", "棠溪机场迁建工程", "翎湖水库"]


def test_a_section_phase_or_work_after_the_suffix_belongs_to_the_name():
    text = REVIEW.format("泊川至云渡铁路鹤浦段、岚阳机场三期扩建建成投运，鹤云高铁扩能改造开工。")
    assert names_of(text) == ["泊川至云渡铁路鹤浦段", "岚阳机场三期扩建", "鹤云高铁扩能改造"]


def test_short_names_in_a_list_closed_by_a_count_are_rows():
    text = REVIEW.format("岚泊、鹤云、棠临3条高速公路建成通车。")
    assert names_of(text) == ["岚泊", "鹤云", "棠临"]


def test_short_names_share_the_suffix_of_the_last_item():
    text = PLAN.format("加快岚泊、鹤云高铁建设。")
    assert names_of(text) == ["岚泊", "鹤云高铁"]


def test_road_numbers_and_coded_lines_are_names():
    text = PLAN.format("有序实施G318、G219提质改造，开工建设岚阳R2线先行段和轨道交通5号线东延伸。")
    assert names_of(text) == ["G318", "G219提质改造", "岚阳R2线先行段", "轨道交通5号线东延伸"]


def test_kinds_of_project_are_not_names():
    text = PLAN.format(
        "强化项目储备，用好重大项目，支持民间资本参与交通、能源、水利等重大项目，实施清洁供暖工程22个，"
        "推进在建核电项目建设，创建全域旅游示范区。"
    )
    assert names_of(text) == []


def test_two_names_joined_by_and_are_two_rows_but_a_long_name_keeps_its_and():
    text = REVIEW.format("鹤云高铁和岚泊城际铁路开工建设，翎湖论坛、中非创新合作与发展论坛等活动影响扩大。")
    assert names_of(text) == ["鹤云高铁", "岚泊城际铁路"]
    assert names_of(text, "events") == ["翎湖论坛", "中非创新合作与发展论坛"]


def test_events_keep_their_edition_and_abbreviations_are_names():
    found = entities(PLAN.format("办好第十届岚江省运动会、翎湖智博会和“岚江青少年冰雪周”。"))
    games = found[("events", "第十届岚江省运动会")]
    assert games.edition == 10 and games.status == "planned"
    assert ("events", "翎湖智博会") in found and ("events", "“岚江青少年冰雪周”") in found


def test_a_name_is_a_row_once_in_the_review_and_once_in_the_plan():
    text = "一、2025年工作回顾\n\n鹤云高铁开工建设。鹤云高铁进展顺利。\n\n二、2026年工作安排\n\n加快鹤云高铁建设。\n"
    rows = [e for e in extract_document(SourceFile(Path("r.txt"), "r", text, "0" * 64, None)).entities]
    assert [(e.name, e.status) for e in rows] == [("鹤云高铁", "started"), ("鹤云高铁", "planned")]


def _generic_words_removed_one_by_one(core: str) -> str:
    for word in sorted(lexicon.GENERIC_WORDS, key=len, reverse=True):
        core = core.replace(word, "")
    return core


@given(st.lists(st.sampled_from([*lexicon.GENERIC_WORDS, *"建设重点项目工程区园中心基地"]), max_size=12))
def test_generic_words_are_removed_as_one_by_one_in_list_order(pieces):
    core = "".join(pieces)
    assert _without_generic_words(core) == _generic_words_removed_one_by_one(core)


ANCHORED_PIECES = [
    "“7·12”疫情",
    "3·15",
    "建党100周年纪念活动",
    "成立七十周年活动",
    "某某科技在深交所创业板上市",
    "甲公司、乙公司先后于3月在上交所",
    "地铁3、4号线",
    "轨道交通二期2号线东延伸段",
    "机场线北延伸",
    "厦漳泉R1线先行段",
    "G318",
    "S12",
    "G214加卡至邦达机场段",
    "M102线",
    "R",
    "S",
    "浙工新村、东清大厦、树园小区",
    "建设",
    "，",
    "。",
    "、",
    "和",
    "12",
    "线",
    "周年",
    "号",
    "北",
    "延伸",
    "东延伸段",
]


@given(st.lists(st.sampled_from(ANCHORED_PIECES), max_size=14))
def test_patterns_tried_near_their_anchor_find_what_a_full_scan_finds(pieces):
    from govreports import entities

    text = "".join(pieces)
    finders = (entities.find_outbreaks_and_listings, entities.find_road_codes, entities.find_place_lists)
    near = [finder(text) for finder in finders]
    original = entities._anchored_matches
    entities._anchored_matches = lambda pattern, text, _windows: list(pattern.finditer(text))
    try:
        everywhere = [finder(text) for finder in finders]
    finally:
        entities._anchored_matches = original
    assert near == everywhere


def _hard_start_without_shortcut(text, start, suffix_start):
    """``_hard_start`` as it read before its one-search shortcut: every rule tried in turn."""
    from govreports import entities

    best = start
    for word in lexicon.NAME_CUT_WORDS:
        pos = text.rfind(word, start, suffix_start)
        if word == "在" and text.startswith("在建", pos):
            continue
        if pos >= 0 and pos + len(word) <= suffix_start:
            best = max(best, pos + len(word))
    base = best
    for joiner in entities._JOINERS.finditer(text[base:suffix_start]):
        before = text[best : base + joiner.start()]
        attached = text.startswith(lexicon.ATTACHED_WORK_WORDS, base + joiner.end())
        if not attached and entities._WHOLE_NAME_BEFORE.search(before):
            best = base + joiner.end()
    for suffix in lexicon.EVENT_SUFFIXES:
        pos = text.rfind(suffix, best, suffix_start)
        if len(suffix) > 1 and pos >= 0 and pos + len(suffix) < suffix_start - 1:
            best = max(best, pos + len(suffix))
    return best


HARD_START_PIECES = ["东湖", "大桥", "及", "和", "与", "在", "在建", "向", "成为", "博览会", "二期", "水库", "配套"]


@given(st.lists(st.sampled_from(HARD_START_PIECES), min_size=1, max_size=10), st.data())
def test_hard_start_shortcut_finds_what_every_rule_finds(pieces, data):
    from govreports.entities import _hard_start

    text = "".join(pieces) + "项目"
    start = data.draw(st.integers(0, len(text) - 2))
    assert _hard_start(text, start, len(text) - 2) == _hard_start_without_shortcut(text, start, len(text) - 2)


def _words_at_each_position(words, text, quote):
    """Each position where one of ``words`` starts, with the first of them there (in list order)
    and a closing quote after it when ``quote``: the plain reading of ``_starts_pattern``."""
    found = []
    for pos in range(len(text)):
        word = next((w for w in words if text.startswith(w, pos)), None)
        if word:
            if quote and text.startswith("”", pos + len(word)):
                word += "”"
            found.append((pos, word))
    return found


STARTS_WORD_LISTS = [
    ("_PROJECT_SUFFIXES", True),
    ("_EVENT_SUFFIXES", True),
    ("_VERBS_LONGEST", False),
    ("_GENERIC_WORDS_LONGEST", False),
]


@given(st.sampled_from(STARTS_WORD_LISTS), st.data())
def test_word_starts_found_in_one_scan_are_those_found_position_by_position(word_list, data):
    from govreports import entities

    name, quote = word_list
    words = getattr(entities, name)
    pieces = st.one_of(st.sampled_from(words), st.sampled_from(["中", "国", "建", "设", "产", "业", "”", "，", "一"]))
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    pattern = entities._starts_pattern(words, "”?" if quote else "")
    assert [(m.start(), m.group(1)) for m in pattern.finditer(text)] == _words_at_each_position(words, text, quote)


def _is_generic_text_plainly(name):
    """``_is_generic_text`` as it read before its first-character and character tests: every
    pattern searched in turn."""
    import re

    from govreports import entities

    return bool(
        name.startswith(entities._GENERIC_OPENERS)
        or name in entities._CATEGORY_ITEMS
        or any(word in name for word in lexicon.DESCRIPTIVE_WORDS)
        or re.match(r"[近数超逾]?[0-9一二三四五六七八九十百千万两]+[余多]?[场个家所座条项批件次]", name)
        or (len(name) <= 3 and name[0] in "一二三四五六七八九十两")
        or re.search(r"[0-9一二三四五六七八九十两数]+[余多]?(?:年内|个|家|所|座|条|项|批|件|县)", name)
        or "等" in name
        or (
            re.search(r"[“”（）()《》]", name)
            and any(name.count(a) != name.count(b) for a, b in ("“”", "（）", "()", "《》"))
        )
        or any(word in name for word in lexicon.NOT_ENTITY_NAMES)
        or lexicon.THRESHOLD_IN_NAME.search(name)
    )


GENERIC_TEXT_WORDS = [
    *lexicon.NON_SPECIFIC_PREFIXES,
    *lexicon.CONTEXT_BEFORE,
    *lexicon.CATEGORY_ITEMS[:4],
    *lexicon.DESCRIPTIVE_WORDS[:2],
    *lexicon.NOT_ENTITY_NAMES[:3],
    "建设",
    "示范区",
    "工程",
    "产业园",
]
#: Counts, units and marks: the tests that read them need a few in a row.
GENERIC_TEXT_CHARACTERS = [*"近数超逾12.一三十百千万亿两余多个场项座县年内以上下元米亩等“”（）《》", "平方米"]


GENERIC_TEXT_PIECES = st.one_of(
    st.sampled_from(GENERIC_TEXT_WORDS),
    st.sampled_from(GENERIC_TEXT_CHARACTERS),
    st.from_regex(lexicon.THRESHOLD_IN_NAME, fullmatch=True),  # a threshold as the lexicon writes one
)


@given(st.lists(GENERIC_TEXT_PIECES, min_size=1, max_size=8))
def test_a_name_is_generic_whatever_its_suffix_as_by_every_pattern_in_turn(pieces):
    from govreports.entities import _is_generic_text

    name = "".join(pieces)
    assert _is_generic_text(name) == _is_generic_text_plainly(name)


FIRST_CHARACTER_GATES = [
    ("_HONOUR", "_HONOUR_FIRSTS"),
    ("_COUNTED_AFTER", "_COUNTED_AFTER_FIRSTS"),
    ("_COUNT_OF_A_KIND", "_COUNT_OF_A_KIND_FIRSTS"),
    ("lexicon.NAME_OPENERS", "_NAME_OPENER_FIRSTS"),
    ("lexicon.TIME_PREFIXES", "_TIME_PREFIX_FIRSTS"),
]


@pytest.mark.parametrize(("pattern_name", "firsts_name"), FIRST_CHARACTER_GATES)
@given(data=st.data())
def test_a_pattern_tried_only_after_its_first_characters_can_start_with_no_other(pattern_name, firsts_name, data):
    from govreports import entities

    module = lexicon if pattern_name.startswith("lexicon.") else entities
    pattern = getattr(module, pattern_name.removeprefix("lexicon."))
    match = data.draw(st.from_regex(pattern, fullmatch=True))
    assert match[:1] in getattr(entities, firsts_name)


def _suffix_matches_pairwise(text, suffixes):
    """``_suffix_matches`` as it read with every occurrence compared with each one after it."""
    from govreports.entities import _suffix_pattern

    found = [(m.start(), m.end(1), m.group(1)) for m in _suffix_pattern(suffixes).finditer(text)]
    return [
        (start, end, suffix)
        for i, (start, end, suffix) in enumerate(found)
        if not any(start < other_start < end < other_end for other_start, other_end, _ in found[i + 1 :])
    ]


def _overlapping_suffixes(suffixes):
    """Two suffixes written over each other ("园区" and "区块": "园区块"), the case the rule is for."""
    return [a + b[k:] for a in suffixes for b in suffixes for k in range(1, min(len(a), len(b))) if a[-k:] == b[:k]]


@given(st.sampled_from(["_PROJECT_SUFFIXES", "_EVENT_SUFFIXES"]), st.data())
def test_a_suffix_a_longer_one_extends_is_dropped_as_by_comparing_every_pair(suffix_list, data):
    from govreports import entities

    suffixes = getattr(entities, suffix_list)
    others = ["高", "中", "学", "校", "”", "，", "区", *_overlapping_suffixes(suffixes)]
    pieces = st.one_of(st.sampled_from(suffixes), st.sampled_from(others))
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    assert entities._suffix_matches(text, suffixes) == _suffix_matches_pairwise(text, suffixes)


def test_an_item_with_nothing_cut_before_it_has_no_status_of_its_own():
    from govreports.entities import _status_in

    assert _status_in("") is None  # find_lists asks only of an item whose trim cut words off


def _without_nested_by_tuple_order(mentions):
    """``_without_nested`` as it read with the names ordered by a (start, -end) key."""
    held, best_end, best_start = set(), -1, -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if best_end > m.end or (best_end == m.end and best_start < m.start):
            held.add(id(m))
        if m.end > best_end:
            best_end, best_start = m.end, m.start
    return [m for m in mentions if id(m) not in held]


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 6)), max_size=12))
def test_a_name_held_in_a_longer_one_is_dropped_as_in_start_then_length_order(spans):
    from govreports.entities import Mention, _without_nested

    mentions = [Mention("projects", start, start + length) for start, length in spans]
    assert [id(m) for m in _without_nested(mentions)] == [id(m) for m in _without_nested_by_tuple_order(mentions)]


def _list_items_character_by_character(text, start, end):
    """``_list_items`` as it read, each character of the span compared with 、 and 暨."""
    items, begin = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in "、暨":
            if begin < i:
                items.append((begin, i))
            begin = i + 1
    return items


@given(st.lists(st.sampled_from(["、", "暨", "东湖", "大桥", "，", "及"]), max_size=10), st.data())
def test_the_items_of_a_list_are_its_pieces_between_marks_as_read_character_by_character(pieces, data):
    from govreports.entities import _list_items

    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    assert _list_items(text, start, end) == _list_items_character_by_character(text, start, end)


class _EveryCharacter:
    def __contains__(self, character):
        return True


TRIM_PIECES = [
    *lexicon.GOVERNING_VERBS[:12],
    *lexicon.NAME_ADVERBS[:4],
    *(word[0] for word in (*lexicon.GOVERNING_VERBS, *lexicon.NAME_ADVERBS)),  # mostly no verb's head
    *lexicon.NAME_START_WORDS,
    *lexicon.INNER_VERBS[:2],
    "（一）",
    "1.",
    "全市",
    "今年",
    "3月",
    "春节",
    "性",
    "在建",
    "■",
    "“",
    "”",
]
#: Plain words and 的, drawn as often as all the rest: a name opening with none of the rules' words.
PLAIN_PIECES = ["东湖", "大桥", "工程", "的"]


@given(st.lists(st.one_of(st.sampled_from(PLAIN_PIECES), st.sampled_from(TRIM_PIECES)), min_size=1, max_size=8))
def test_a_name_whose_first_character_opens_nothing_is_trimmed_as_by_trying_every_rule(pieces):
    from govreports import entities

    text = "".join(pieces) + "。"  # a name of bullets alone is read past its end (the full stop)
    gated = entities._trim_name(text, 0, len(text) - 1)
    original, entities._TRIM_FIRSTS = entities._TRIM_FIRSTS, _EveryCharacter()
    try:
        assert gated == entities._trim_name(text, 0, len(text) - 1)
    finally:
        entities._TRIM_FIRSTS = original


#: What a project name's tail is made of, with plain words and marks between.
NAME_TAIL_PIECES = [*"段期号机组二通道先行三十7扩能改造电气现代化提质主体工程迁建容东湖，", "改扩建", "先行段"]


@given(st.lists(st.sampled_from(NAME_TAIL_PIECES), max_size=12))
def test_a_suffix_followed_by_no_tail_first_and_no_section_has_no_tail(pieces):
    from govreports import entities

    text = "".join(pieces)
    for end in range(len(text) + 1):
        gate = text[end : end + 1] in entities._NAME_TAIL_FIRSTS or text.find("段", end + 1, end + 5) > 0
        if not gate:
            assert lexicon.PROJECT_NAME_TAIL.match(text, end).end() == end


@given(st.data())
def test_a_name_opening_with_no_verb_or_adverb_head_opens_with_no_verb(data):
    from govreports import entities

    words = [*entities._VERBS_LONGEST, *lexicon.NAME_ADVERBS]
    firsts = [word[0] for word in words]  # a verb's first character, mostly followed by no verb's second
    pieces = st.one_of(st.sampled_from(words), st.sampled_from(firsts), st.sampled_from([*"东湖大桥工程"]))
    name = "".join(data.draw(st.lists(pieces, min_size=1, max_size=5)))
    if not (name[:2] in entities._OPENING_HEADS or name[:1] in entities._OPENING_HEADS):
        assert entities._opening_verbs(name) == []


#: Every category word of both tables, pieces of them (文化 of 文化园) and plain words between.
CATEGORY_PIECES = [
    *(word for _, words in (*lexicon.PROJECT_CATEGORIES, *lexicon.EVENT_CATEGORIES) for word in words),
    *"文化园服务中心东湖",
]


@given(st.sampled_from(["projects", "events"]), st.lists(st.sampled_from(CATEGORY_PIECES), max_size=6))
def test_a_name_is_of_the_first_category_whose_words_it_holds_as_by_asking_each_in_turn(table, pieces):
    from govreports import entities

    name = "".join(pieces)
    categories = lexicon.EVENT_CATEGORIES if table == "events" else lexicon.PROJECT_CATEGORIES
    expected = next((category for category, words in categories if any(w in name for w in words)), "other")
    assert entities._category(table, name, None) == expected


def _is_generic_core_plainly(name, suffix):
    """``_is_generic_core`` with every generic word removed in turn, then every mark, before asking."""
    if "以及" in name:
        return True
    core = name
    if suffix:
        before_suffix = name[: len(name) - len(suffix)]
        if len(before_suffix) >= 4 and before_suffix.endswith(("和", "与", "及")):
            return True
        if name.endswith(suffix):
            core = before_suffix
    core = _generic_words_removed_one_by_one(core)
    core = "".join(c for c in core if not (c in "“”《》、·0123456789" or c.isspace()))
    if core in lexicon.CATEGORY_ITEMS or core in lexicon.PROJECT_SUFFIXES:
        return True
    if suffix in lexicon.EVENT_SUFFIXES:
        return len(core) < 1
    return len(core) < 2 if suffix else len(core) < 1


#: Words a core's removals and questions are about, their characters (so that pieces of them join),
#: marks and plain characters that no removal takes.
GENERIC_CORE_WORDS = [*lexicon.GENERIC_WORDS, *lexicon.CATEGORY_ITEMS, *lexicon.PROJECT_SUFFIXES]
GENERIC_CORE_PIECES = st.one_of(
    st.sampled_from(GENERIC_CORE_WORDS),
    st.sampled_from(sorted(set("".join(GENERIC_CORE_WORDS)))),
    st.sampled_from([*"“”《》、·7 \u3000东湖和及", "以及"]),
)
SUFFIXES = st.sampled_from(["", *lexicon.PROJECT_SUFFIXES, *lexicon.EVENT_SUFFIXES])


@given(st.lists(GENERIC_CORE_PIECES, max_size=6), SUFFIXES)
def test_a_core_with_a_character_nothing_removes_is_generic_as_after_every_removal(pieces, suffix):
    from govreports.entities import _is_generic_core

    name = "".join(pieces) + suffix
    assert _is_generic_core(name, suffix) == _is_generic_core_plainly(name, suffix)
