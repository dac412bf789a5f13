"""Review or plan, sentence by sentence, where headings are silent."""

from govreports.parts import classify_sentences, sentence_spans, strong_part


def parts_of(text, review_year=2022, plan_year=2023):
    spans = sentence_spans(text)
    return [p.part for p in classify_sentences(text, spans, lambda _pos: None, review_year, plan_year)]


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
