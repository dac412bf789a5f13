"""Every word list the extractor uses, as data, in one place.

These are properties of the genre (Chinese government work reports), never of one report: units,
multipliers, verbs, cue words and category keywords. Nothing here names a fact of a particular
document.
"""

from __future__ import annotations

import re

# --- Layout -----------------------------------------------------------------------------------

#: A paragraph ending in one of these was not cut by a page break.
PARAGRAPH_END = set("。！？；：…”’」』）)】》!?;:")
#: Characters that end a clause (used to trim duplicated passages and to cut quotes).
CLAUSE_DELIMITERS = set("。；！？，：;!?,")
#: Sentence ends (the unit a part is decided for).
SENTENCE_DELIMITERS = set("。；！？;!?\n")
#: A figure's quote is its clause; a clause longer than this is cut to a window around the figure.
MAX_QUOTE = 200
BULLETS = set("■●◆▲□○•·—-*")
#: Prose paragraphs are at least this long or contain a full stop; shorter lines are titles/headings.
MIN_BODY_PARAGRAPH = 25
#: Words that open a new paragraph: after a paragraph printed without its full stop, they mark a new
#: paragraph, not the second half of one cut by a page break.
PARAGRAPH_OPENERS = (
    "一年来",
    "过去一年",
    "过去五年",
    "五年来",
    "今年",
    "明年",
    "各位代表",
    "同时，",
    "此外，",
    "另外，",
)
#: A paragraph starting with a sentence this short closes a heading cut by a page break.
MAX_SPLIT_STUB = 4
#: Repeated runs at least this long are duplicated passages.
#: Repeated runs at least this long are duplicated passages when they hold a figure; without one
#: they must be MIN_DUPLICATE_FORMULA long: real reports repeat formulas of 30-60 characters on
#: purpose ("在推动…上勇于争先，奋力谱写中国式现代化…篇章"), and those are not misprints.
MIN_DUPLICATE_PASSAGE = 30
MIN_DUPLICATE_FORMULA = 80

# --- Characters -------------------------------------------------------------------------------

#: Characters that print as nothing (NUL, soft hyphen, zero-width, bidi marks, a BOM inside the
#: text) and combining marks: the rules read the text without them, and a flag says so.
#: Spaces other than the ASCII and ideographic ones (no-break, en, em, thin, narrow) are left out
#: too: in Chinese text they only ever stand where a page put them ("75\u00a0亿元").
INVISIBLE = re.compile(
    "[\x00\u00ad\u200b-\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u0300-\u036f\u20d0-\u20ff"
    "\u00a0\u2000-\u200a\u202f\u205f]+"
)
#: Minus signs printed before a number (-, full-width －, −) and 负: the value is negative.
MINUS_SIGNS = "-－−"
#: What may stand before 负 when it is a sign ("增长负2.1%", "为负1.2%").
NEGATIVE_INTRODUCERS = "长速幅为是至到：:，,（( \n"

#: Common characters that exist only in traditional script; above this share of a text's Chinese
#: characters, the text is flagged as traditional.
TRADITIONAL_MARKERS = "這個們來時會經濟發區縣實現進計億產業務與為對過還於場開關總權設質單"
TRADITIONAL_SHARE = 0.02

# --- Page furniture ---------------------------------------------------------------------------

#: Whole lines that belong to the web page or newspaper page around a report, not to the report:
#: site buttons, font-size widgets, source/time/editor lines, public-information index tables,
#: breadcrumbs, bare timestamps, photo captions, related-link headers, stray markup.
PAGE_FURNITURE_LINE = re.compile(
    r"^(?:"
    r"下载|打印|全屏|收藏|分享[:：]?|加大|还原|减小|】|【字号[:：]?.*|字体[:：]?.*|首页|>|›|»|"
    r"相关报道[:：]?|相关阅读|相关链接[:：]?|扫一扫.*|关闭窗口|返回顶部|【[^】]{0,6}】|"
    r"(?:来源|时间|发布时间|发布日期|作者|编辑|责任编辑|点击率|阅读次数|浏览次数|稿源)\s*[:：].*|"
    r"[（(](?:来源|稿源)[:：][^）)]*[）)]|"
    r".*(?:索引号|公开目录|公开责任部门|公开形式|成文日期|公开日期|有效性|文号).*\|.*|"
    r"[—-]?[0-9]{4}[—-]?|[0-9]{2}/[0-9]{2}|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|"
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?:\s*来源.*)?|"
    r"[□■]?\s*记者\s+\S{2,4}|.{0,40}(?:记者|摄影)\s*\S{2,4}\s+摄|"
    r".*(?:style=|<[a-z/]).*|bot"
    r")$"
)
#: A furniture line is at most this long.
MAX_FURNITURE_LINE = 80

# --- Comparable indicators (the vocabulary itself is data/indicators.csv) -----------------------

#: Unit bases each unit class of the vocabulary accepts.
INDICATOR_UNIT_CLASSES = {
    "percent": {"percent"},
    "money": {"CNY", "USD"},
    "person": {"person"},
    "mass": {"kg", "t"},
    "concentration": {"ug/m3"},
}
#: A growth code needs one of these between its variant and the figure (or in the variant: 经济增长).
GROWTH_CUE = re.compile(r"增长|增速|增幅|上涨|涨幅|提高|提升|回升|下降|降低|减少")
REDUCTION_CUE = re.compile(r"下降|降低|减少|降幅|压减")
#: Between a variant and the figure these make the figure another measure (a share of it, a gap).
#: A list separator there means the variant names an earlier item of the list.
INDICATOR_BLOCKERS = re.compile(r"占|比重|其中|高于|快于|低于|慢于|拉动|贡献|的[^增]|、")
#: A variant more than this many characters before its figure does not name it.
MAX_INDICATOR_GAP = 14
#: Short variants that also end the names of parts of a measure (县域经济增长, 民营企业进出口):
#: they name the headline measure only after one of LOOSE_VARIANT_OPENERS or at a clause start.
LOOSE_VARIANTS = {
    "经济增长",
    "经济增速",
    "经济总量",
    "生产总值",
    "地区生产总值",
    "GDP",
    "居民收入",
    "出口",
    "进出口",
    "进出口总额",
    "进出口总值",
    "出口总额",
    "出口额",
    "工业增加值",
}
LOOSE_VARIANT_OPENERS = (
    "年",
    "其中",
    "全省",
    "全市",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全旗",
    "全国",
    "我省",
    "我市",
    "我区",
    "我县",
    "地区",
    "实现",
    "完成",
    "全年",
    "今年",
    "去年",
    "预计",
    "力争",
    "确保",
    "争取",
    "是",
    "的",
    "外贸",
    "货物",
)
#: What is left off the indicator phrase: the years, places, commitments and verbs around the measured
#: noun phrase ("到2030年常住人口城镇化率达到" -> 常住人口城镇化率). 新增/新建 stay: they are the measure.
INDICATOR_CLEAN_LEADING = re.compile(
    r"^(?:到|至)?(?:19|20)[0-9]{2}\s*年(?:末|底)?|^(?:全省|全市|全区|全县|全州|全国|我省|我市|我区|我县)|"
    r"^(?:全年|今年|去年|年内)|^(?:力争|确保|争取|预计|努力|累计)|"
    r"^(?:完成|实施|建成|建设|新开工|开工|改造提升|培育|引进|发放|推动|推进|打造|创建|招引|开展|组织|实现)"
)
#: (the trailing words as a list too: a phrase that ends in none of them needs no regex)
INDICATOR_CLEAN_TRAILING_WORDS = (
    "同比增长",
    "年均增长",
    "增长",
    "增速",
    "增幅",
    "下降",
    "降低",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "提高",
    "提升",
    "缩小到",
    "缩小至",
    "降至",
    "降到",
    "达到",
    "达",
    "控制在",
    "保持在",
    "保持",
    "稳定在",
    "突破",
    "超过",
    "超",
    "为",
    "完成",
    "实现",
    "分别",
    "年均",
)
INDICATOR_CLEAN_TRAILING = re.compile(f"(?:{'|'.join(INDICATOR_CLEAN_TRAILING_WORDS)})$")
#: A figure for part of the year is not the year's headline measure.
PART_OF_YEAR = re.compile(
    r"上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|"
    r"[0-9一二三四五六七八九十]{1,2}\s*[-—–至]\s*[0-9一二三四五六七八九十]{1,2}\s*月|前[0-9一二三四五六七八九十]{1,2}个?月"
)
#: A figure on another basis than the headline measure's ("扣除房地产开发投资后", "同口径增长").
OTHER_BASIS = re.compile(r"扣除|剔除|不含|同口径|可比口径")
#: A growth figure printed after one of these is a decline: -3 for 下降3% when compared.
DECLINE_WORDS = re.compile(r"下降|回落|减少|降低|负增长")
#: A target "about" a value (左右, 约) is met within this many percentage points (rates) or this
#: share of the target (amounts), on the measure's good side.
APPROXIMATE_TOLERANCE_POINTS = 0.5
APPROXIMATE_TOLERANCE_SHARE = 0.05
#: The words that open a report's main expected targets.
HEADLINE_TARGETS_WORD = "主要预期目标"

# --- Metadata ---------------------------------------------------------------------------------

#: The words that name the genre in a title line ("2026年湖北省政府工作报告").
REPORT_TITLE_WORD = "政府工作报告"
#: Labels of a page's publication line ("时间：2026-02-05", "发布时间:2017-03-17").
PUBLICATION_LABELS = ("发布时间", "发布日期", "公开日期", "成文日期", "时间", "日期")
#: Encodings a Chinese report that is not UTF-8 comes in, most usual first: the one named when a
#: short file decodes in several (charset-normalizer alone calls "增长5%" in GBK UTF-16 or Korean).
CHINESE_ENCODINGS = ("gb18030", "big5")
#: Words that end a review heading ("一、2023年工作回顾"), in traditional characters too: 工作回顧
#: read as a plan heading ("2023年工作") would give the reviewed year as the plan year.
REVIEW_HEADING_WORDS = ("工作回顾", "工作总结", "工作回顧", "工作總結")

# --- Headings ---------------------------------------------------------------------------------

CN_DIGITS = "零〇一二三四五六七八九十百千万两"
HEADING_START = re.compile(
    rf"^(?:[{CN_DIGITS}]+、|[（(]\s*[{CN_DIGITS}]+\s*[）)]|[0-9０-９]{{1,2}}\s*[.．、](?![0-9０-９]))"
)
#: Heading levels by label shape: 一、 > （一） > 1.
HEADING_PATTERNS = [
    (1, re.compile(rf"^(?P<label>[{CN_DIGITS}]+、)\s*")),
    (2, re.compile(rf"^(?P<label>[（(]\s*[{CN_DIGITS}]+\s*[）)])\s*")),
    (3, re.compile(r"^(?P<label>[0-9０-９]{1,2}\s*[.．、])(?![0-9０-９])\s*")),
]
#: A bold lead phrase ("主导产业加速集聚。") is at most this many characters.
MAX_LEAD_PHRASE = 15
#: Paragraphs that open by addressing the audience close a numbered task or lead-phrase section.
ADDRESS_OPENERS = ("各位代表", "同志们", "各位委员")

# --- Parts of a report ------------------------------------------------------------------------

#: Heading words that say which part a heading opens. A year named in the heading decides first
#: ("三、2026年主要工作" is the plan of a report delivered in 2026).
PART_HEADING_WORDS = {
    "review": ("工作回顾", "回顾", "过去一年", "过去五年", "主要工作", "工作总结"),
    "plan": (
        "工作安排",
        "工作任务",
        "主要预期目标",
        "预期目标",
        "总体要求",
        "目标任务",
        "重点工作",
        "今年",
        "明年",
        "民生实事",
        "工作建议",
    ),
    "conduct": ("政府自身建设", "自身建设", "作风建设", "服务型政府", "法治政府", "廉洁政府", "政府治理", "政府效能"),
}
#: A line this short, standing alone, with a part word or a year's 工作, is a heading without a label.
MAX_BARE_HEADING = 24

# --- Time scopes ------------------------------------------------------------------------------

#: A five-year plan by its printed name: 十四五 is the 14th (2021-2025). From the 3rd plan on,
#: the n-th runs from FIVE_YEAR_PLAN_EPOCH + 5 * (n - 3).
FIVE_YEAR_PLAN = re.compile(r"(?P<n>十[一二三四五六七八九]|[一二三四五六七八九])五")
FIVE_YEAR_PLAN_EPOCH = 1966
#: In a sentence, a plan's name speaks of its period only when followed by one of these.
PERIOD_AFTER_PLAN_NAME = re.compile(r"[”\"」]?\s*(?:时期|期间|以来|规划期|这五年|五年)")
#: Cues that a sentence speaks of the five years just ended, or of the five years ahead.
PAST_PERIOD_CUES = ("五年来", "过去五年", "五年间", "这五年", "五年里")
NEW_PERIOD_CUES = ("未来五年", "今后五年")
#: Cues that a sentence speaks of one year, whatever period its heading names.
SINGLE_YEAR_CUES = (
    "今年",
    "明年",
    "去年",
    "过去一年",
    "一年来",
    "全年",
    "年内",
    "上年",
    "开局之年",
    "收官之年",
    "开好局",
)
#: Plan cues that hold even in text standing before the plan part.
PLAN_CUES_DECISIVE = ("今年", "明年", "新的一年", "主要预期目标", "预期目标")

#: Sentence cues for the part a sentence belongs to, when headings are silent. Strong cues decide
#: on their own; weak cues only break a tie with the running part.
PLAN_CUES_STRONG = (
    "今年",
    "明年",
    "新的一年",
    "力争",
    "争取",
    "确保",
    "预期目标",
    "主要预期目标",
    "计划",
    "下一步",
    "将继续",
    "我们将",
    "政府将",
    "将着力",
    "要着力",
    "拟",
    "目标是",
)
PLAN_CUES_WEAK = (
    "将",
    "要",
    "加快",
    "推进",
    "推动",
    "打造",
    "实施",
    "开展",
    "创建",
    "争创",
    "深化",
    "着力",
    "力促",
    "启动",
    "培育",
    "建设",
    "提升至",
    "增至",
    "降至",
    "控制在",
    "以上",
    "左右",
)
REVIEW_CUES_STRONG = (
    "过去一年",
    "一年来",
    "去年",
    "上一年",
    "全年完成",
    "过去五年",
    "五年来",
    "刚刚过去",
    "回顾",
    "已经",
    "取得了",
    "实现了",
    "完成了",
    "成功举办",
    "获评",
    "荣获",
    "获得",
    "入选",
    "蝉联",
    "位列",
    "比上年",
    "同比增长",
    "同比下降",
    "较上年",
)
REVIEW_CUES_WEAK = (
    "完成",
    "实现",
    "建成",
    "新增",
    "累计",
    "达到",
    "落地",
    "签约",
    "竣工",
    "投用",
    "开通",
    "举办",
    "获",
    "了",
)

# --- Numbers and units ------------------------------------------------------------------------

CN_NUMERAL_CHARS = "零〇一二三四五六七八九十百千两"
#: Multipliers that belong to the unit as printed ("734亿元": value 734, unit 亿元).
MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3}
#: Marks of a vague amount between the number and its unit ("2.3万余户", "30多个").
APPROXIMATE_INFIXES = ("余", "多")
APPROXIMATE_PREFIXES = ("近", "数")

#: Measure words and units as printed -> (unit_base, factor). Longest match wins.
UNITS: dict[str, tuple[str, float]] = {
    # money
    "元": ("CNY", 1),
    "美元": ("USD", 1),
    "欧元": ("EUR", 1),
    "港元": ("HKD", 1),
    # shares and rates
    "%": ("percent", 1),
    "％": ("percent", 1),
    "个百分点": ("percentage_point", 1),
    "百分点": ("percentage_point", 1),
    "‰": ("permille", 1),
    "倍": ("ratio", 1),
    "番": ("doubling", 1),
    "成": ("tenth", 1),
    # length, area, volume, mass, energy
    "公里/平方公里": ("km/km2", 1),
    "微克/立方米": ("ug/m3", 1),
    "毫克/立方米": ("mg/m3", 1),
    "公里": ("m", 1000),
    "千米": ("m", 1000),
    "米": ("m", 1),
    "延米": ("m", 1),
    "平方公里": ("m2", 1e6),
    "平方千米": ("m2", 1e6),
    "平方米": ("m2", 1),
    "亩": ("m2", 10000 / 15),
    "公顷": ("m2", 1e4),
    "立方米": ("m3", 1),
    "吨": ("t", 1),
    "斤": ("kg", 0.5),
    "公斤": ("kg", 1),
    "千克": ("kg", 1),
    "标箱": ("TEU", 1),
    "千瓦": ("kW", 1),
    "千瓦时": ("kWh", 1),
    "兆瓦": ("kW", 1000),
    "吨标准煤": ("tce", 1),
    # people
    "人": ("person", 1),
    "名": ("person", 1),
    "位": ("person", 1),
    "人次": ("person_time", 1),
    "户": ("household", 1),
    "剂次": ("dose", 1),
    "剂": ("dose", 1),
    "床": ("bed", 1),
    "张床位": ("bed", 1),
    # counted things
    "个": ("item", 1),
    "项": ("item", 1),
    "家": ("organisation", 1),
    "所": ("institution", 1),
    "座": ("item", 1),
    "条": ("item", 1),
    "件": ("item", 1),
    "套": ("dwelling", 1),
    "间": ("room", 1),
    "台": ("item", 1),
    "辆": ("vehicle", 1),
    "张": ("item", 1),
    "处": ("site", 1),
    "片": ("item", 1),
    "场次": ("event", 1),
    "场": ("event", 1),
    "次": ("time", 1),
    "轮": ("round", 1),
    "起": ("incident", 1),
    "宗": ("parcel", 1),
    "栋": ("building", 1),
    "幢": ("building", 1),
    "株": ("plant", 1),
    "棵": ("plant", 1),
    "类": ("category", 1),
    "大类": ("category", 1),
    "大": ("group", 1),
    "批": ("batch", 1),
    "批次": ("batch", 1),
    "列": ("train", 1),
    "例": ("case", 1),
    "架次": ("flight", 1),
    "部": ("item", 1),
    "支": ("item", 1),
    "只": ("item", 1),
    "块": ("item", 1),
    "段": ("item", 1),
    "册": ("item", 1),
    "篇": ("item", 1),
    "根": ("item", 1),
    "盏": ("item", 1),
    "艘": ("vessel", 1),
    "架": ("item", 1),
    # time
    "年": ("year", 1),
    "岁": ("year_of_age", 1),
    "周岁": ("year_of_age", 1),
    "天": ("day", 1),
    "小时": ("hour", 1),
    "分钟": ("minute", 1),
    "个工作日": ("day", 1),
    "工作日": ("day", 1),
    "个月": ("month", 1),
}
#: Units that only ever qualify a noun in this genre ("15分钟生活圈", "24小时值守", "35岁以下").
QUALIFIER_UNITS = (
    "星级",
    "级",
    "届",
    "周年",
    "号线",
    "号",
    "国道",
    "省道",
    "期",
    "代",
    "版",
    "次会议",
    "月",
    "日",
    "季度",
    "世纪",
    "强",
    "化",
    "方面",
)
#: Time units that qualify the noun after them ("24小时值守", "15分钟生活圈") but measure when they
#: close a clause ("服务10万小时").
ATTRIBUTIVE_TIME_UNITS = ("分钟", "小时", "岁", "周岁")
#: "N大X" counts the items of a preceding list ("三大巨头", "7大领域").
BIG_GROUP = "大"
#: Ordinal suffixes after 第N: an ordinal in a name, not a rank.
ORDINAL_SUFFIXES = set("届批次期轮号代季章条款部版集个年家")
#: Words before 第N that make it a rank ("居全市第8", "全省第一", "总数第二").
RANK_CUES = (
    "居",
    "位列",
    "位居",
    "排名",
    "排",
    "列",
    "名列",
    "保持",
    "总数",
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    "获",
    "并",
)
#: Words after 第N that make it a phrase, not a rank ("第一时间", "第一要务").
RANK_BLOCKERS = ("时间", "要务", "责任", "动力", "资源", "总部", "课堂", "现场", "书记", "梯队", "方阵", "阵地", "站")
#: Verbs that introduce a count written in Chinese numerals ("新建十所学校").
COUNT_VERBS = (
    "新建",
    "新增",
    "建成",
    "完成",
    "实施",
    "创建",
    "打造",
    "建设",
    "改造",
    "引进",
    "培育",
    "落地",
    "开工",
    "竣工",
    "举办",
    "开展",
    "提升",
    "实现",
    "形成",
    "设立",
    "成立",
    "新开",
    "开通",
    "认定",
    "获评",
)
#: Verbs of change that introduce a count in Chinese numerals ("减少两起").
CHANGE_VERBS = ("减少", "增加", "下降", "压减", "新开", "发生")
#: Classifiers that make a Chinese numeral a count on their own ("两所乡镇卫生院", "分三批", "两家企业").
#: 项, 件 and 大 are left out: "八项规定", "十件实事" and "十大文化标识" are names.
COUNTING_CLASSIFIERS = ("所", "家", "个", "座", "条", "批", "起", "支", "名", "位", "户", "处", "台", "套")
#: A number with no unit is a fact when its clause names a ratio or index and one of these words
#: introduces it ("收入比由2017年的2.11缩小到1.93", "基尼系数为0.32").
#: Single characters after a number that are never a measure word of their own.
NOT_MEASURE_WORDS = set("的和及与等或是了在为至到多余左右上下内外前后")
#: Words before a proportion printed as "a:b:c" (三次产业比重调整为1.3:23.2:75.5).
PROPORTION_WORDS = re.compile(r"比重|结构|比例|之比|配比")
UNITLESS_MEASURES = re.compile(r"比(?!重|例|上年|去年)|指数|系数|比值|比率")
UNITLESS_INTRODUCERS = (
    "的",
    "为",
    "到",
    "至",
    "达",
    "达到",
    "降至",
    "缩小到",
    "缩小至",
    "提高到",
    "下降到",
    "由",
    "从",
)
#: Cues of a duration that is a fact ("连续三年", "5天时间").
DURATION_CUES_BEFORE = ("连续", "用时", "仅用", "历时", "用了")
DURATION_CUES_AFTER = ("时间", "内实现", "之内")
#: Spans that put a figure in the past, as context ("在连续4年压减基础上"), and clause openers that do ("曾占").
#: Inside the span only a run of years is context; an amount ("在2025年82%的基础上") is a baseline fact.
PAST_CONTEXT_SPAN = re.compile(r"在[^，。；]{0,20}基础上")
PAST_CONTEXT_CLAUSE = re.compile(r"曾(?:占|经|是|为|达)")
#: A baseline a plan figure is measured from: "较2025年完成的5630亿元", "在去年1520亿元的基础上".
#: The year it names (or the year before the plan) is the figure's year: an achievement.
#: A change after the baseline ("比2020年增加7600家") is no baseline: the figure is the change.
BASELINE_YEAR = re.compile(r"(?:较|比|在)\s*((?:19|20)[0-9]{2})\s*年(?:末|底)?(?:完成|实现|达到)?的?\s*$")
BASELINE_LAST_YEAR = re.compile(r"(?:较|比|在)\s*(?:去年|上年|上一年)(?:末|底)?(?:完成|实现|达到)?的?\s*$")
#: The start of a "从X提高到Y" pair: the level before the change.
FROM_VALUE_BEFORE = re.compile(r"(?:从|由)[^，。；;,0-9]{0,4}$")
FROM_VALUE_AFTER = re.compile(
    r"^[^，。；;,0-9]{0,4}?(?:提高|增加|增长|提升|扩大|缩小|下降|降低|减少|上升|跃升)?(?:到|至)"
)
#: Comparators (ANNOTATION.md).
COMPARATOR_AFTER = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<=", "左右": "~", "上下": "~"}
COMPARATOR_BEFORE = {
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "超过": ">=",
    "突破": ">=",
    "首破": ">=",
    "超": ">=",
    "不超过": "<=",
    "不高于": "<=",
    "控制在": "<=",
    "低于": "<",
    "高于": ">",
    "约": "~",
    "大约": "~",
}
#: Words anywhere in the clause before the figure that make it an estimate.
#: Words that make every figure after them in the sentence (to its full stop) an estimate
#: (comparator ~). 预期 is one only as a verb: 主要预期目标 and 稳预期 are nouns.
ESTIMATE_WORDS = re.compile(r"预计|估计|预期(?=增长|实现|完成|达到|可|将|[0-9])")
#: Commitment words, nearest in the clause before the figure.
COMMITMENTS = ("确保", "力争", "争取", "预计", "预期", "努力", "计划")
PERIODS = {
    "年均": "average",
    "年平均": "average",
    "平均": "average",
    "累计": "cumulative",
    "全年": "annual",
    "每年": "annual",
}
BASELINES = ("同比", "比上年", "较上年", "比去年", "较去年", "环比", "比上年末", "较上年末", "比2", "较2")
#: Range joiners: "1-2个", "3至5家", "5%—5.5%".
#: 一 between two Arabic figures is a dash set in the wrong glyph (5%一5.5%): the next token must be Arabic.
RANGE_JOINERS = "-—–~～至到一"

# --- Kinds and categories ---------------------------------------------------------------------

#: Words just before a figure that say what kind of figure it is (checked in this order).
KIND_WORDS = (
    ("reduction", ("压减", "削减", "减少", "压降", "降低", "下降", "减排", "节约")),
    ("growth_rate", ("增长", "增速", "增幅", "提高", "提升", "回落", "上涨", "拓宽", "下降", "回升")),
    ("share", ("占比", "覆盖率", "比重", "率", "占", "比例")),
    ("increase", ("新增", "新建", "增加", "引进", "新开", "净增", "新培育", "新认定", "新获评", "新落地", "新改建")),
)
COUNT_UNIT_BASES = {
    "incident",
    "group",
    "item",
    "organisation",
    "institution",
    "dwelling",
    "room",
    "vehicle",
    "site",
    "event",
    "time",
    "round",
    "parcel",
    "building",
    "plant",
    "category",
    "batch",
    "vessel",
    "household",
    "person",
    "person_time",
    "dose",
    "bed",
}
DURATION_UNIT_BASES = {"year", "day", "month", "hour", "minute"}

#: Category vocabulary (documented in the schema): the first category with a keyword in the
#: indicator, else in the whole sentence, wins; "other" when none does.
CATEGORIES = (
    ("epidemic", ("疫情", "核酸", "疫苗", "发热门诊", "防疫", "新冠", "接种")),
    ("fiscal", ("预算收入", "财政", "税收", "公用经费", "支出", "债务", "留抵退税", "减负降本", "税")),
    ("investment", ("固定资产投资", "投资", "总投资")),
    ("trade", ("出口", "进口", "外资", "外贸", "进出口", "美元")),
    ("consumption", ("消费", "零售", "社零", "商圈", "夜间经济")),
    ("science_technology", ("高新技术", "科技", "研发", "专利", "知识产权", "院士", "创新", "数字经济")),
    ("employment", ("就业", "失业", "人才", "大学生", "劳动", "零工", "创业")),
    ("education", ("学校", "教育", "教师", "幼儿园", "中小学", "校园", "学堂", "学位")),
    ("health", ("医院", "卫生", "医疗", "健康", "中医", "疗护", "筛查")),
    (
        "social_welfare",
        (
            "养老",
            "托育",
            "托位",
            "救助",
            "助残",
            "老人",
            "儿童",
            "婴幼儿",
            "无障碍",
            "食堂",
            "助联体",
            "残疾",
            "驿站",
            "困难群众",
            "低保",
        ),
    ),
    ("housing", ("安置房", "保障性", "租赁住房", "回迁", "共有产权房", "住房", "电梯", "物业")),
    (
        "urban_renewal",
        ("旧改", "老旧小区", "城中村", "未来社区", "有机更新", "更新", "风貌", "改造提升", "美好家园", "拆改"),
    ),
    ("land", ("用地", "土地", "收储", "做地", "出让", "亩", "地下空间")),
    ("transport", ("道路", "地铁", "轨道", "停车", "泊位", "公交", "交通", "站点", "路网", "通勤")),
    ("utilities", ("供水", "电力", "燃气", "充电桩", "管网", "净水", "闸泵", "变电")),
    (
        "environment",
        (
            "绿地",
            "绿道",
            "水质",
            "PM2.5",
            "垃圾",
            "森林",
            "湿地",
            "河道",
            "生态",
            "污水",
            "无废",
            "清淤",
            "滨水",
            "扬尘",
            "空气",
        ),
    ),
    ("culture_tourism", ("文化", "旅游", "博物馆", "演出", "非遗", "文旅", "游客", "艺术", "美术馆")),
    ("sports", ("体育", "健身", "赛事", "场地", "运动", "金牌", "奖牌")),
    ("public_safety", ("消防", "安全生产", "应急", "安全", "事故", "燃气管网改造")),
    (
        "governance",
        (
            "行政",
            "信访",
            "调解",
            "政务",
            "应诉",
            "枢纽型社会组织",
            "社区服务综合体",
            "社区工作站",
            "治理",
            "民生实事",
            "候选项目",
            "票决",
            "项目方案",
        ),
    ),
    ("industry", ("产业", "工业", "制造", "企业", "项目", "增加值", "市场主体", "总部")),
    ("economy", ("生产总值", "GDP", "经济", "服务业", "金融", "贷款", "专项债", "政策资金", "信贷", "额度", "消费券")),
)

# --- Indicators -------------------------------------------------------------------------------

#: Cue words stripped from the front of an indicator phrase ("全年完成固定资产投资" -> "完成固定资产投资").
INDICATOR_LEADING_WORDS = (
    "全年",
    "预计",
    "预期",
    "同比",
    "比上年",
    "较上年",
    "累计",
    "确保",
    "力争",
    "争取",
    "其中",
    "分别",
    "共",
    "全区",
    "全市",
    "全县",
    "全省",
    "全州",
    "努力",
    "再",
    "继续",
    "今年",
    "去年",
    "当年",
    "我们",
    "特别是",
    "前三季度",
    "上半年",
    "下半年",
)
#: Words stripped from its end, longest first ("人均体育场地面积提升至" -> "人均体育场地面积").
INDICATOR_TRAILING_WORDS = tuple(
    sorted(
        (
            "继续",
            "均",
            "达到",
            "达",
            "为",
            "至",
            "超过",
            "超",
            "近",
            "约",
            "突破",
            "不低于",
            "不少于",
            "至少",
            "控制在",
            "保持在",
            "保持",
            "稳定在",
            "分别按照",
            "分别",
            "按照",
            "的",
            "提升至",
            "提高至",
            "降至",
            "降低至",
            "下降至",
            "增至",
            "增加至",
            "减至",
            "压减至",
            "达到了",
        ),
        key=len,
        reverse=True,
    )
)

# --- Projects and events ----------------------------------------------------------------------

#: Heads after 等 that make each listed item a project ("杭氧变、工业变等重点电力设施项目").
PROJECT_LIST_HEADS = (
    "高速公路",
    "公路",
    "高铁",
    "铁路",
    "机场",
    "平台",
    "国道",
    "港口",
    "水库",
    "灌区",
    "通道",
    "高速",
    "煤矿",
    "项目",
    "工程",
    "区块",
    "街区",
    "设施",
    "干道",
    "道路",
    "商务区",
    "园区",
    "基地",
    "风貌区",
    "改造",
    "场馆",
)
#: Heads after 等 that make each listed item an event ("大运河诗歌节、半山立夏节等主题活动").
EVENT_LIST_HEADS = ("活动", "赛事", "演艺IP", "展会", "节会", "会展")
#: Heads that look like project lists but list something else ("曲棍球、电竞等运动项目").
NOT_ENTITY_HEADS = (
    "基础设施建设",
    "新型基础设施",
    "数字基础设施",
    "低空基础设施",
    "运动项目",
    "体育项目",
    "比赛项目",
    "巨头",
    "企业",
    "地区",
    "领域",
    "院所校",
    "单位",
    "非遗项目",
    "非物质文化遗产项目",
)
#: Name endings of projects (longest first when matched).
PROJECT_SUFFIXES = (
    # transport, energy and water: the kinds of name provincial reports use
    "快速路",
    "一桥",
    "二桥",
    "三桥",
    "四桥",
    "五桥",
    "快线",
    "轻轨",
    "城际铁路",
    "高速铁路",
    "铁路",
    "高铁",
    "城际",
    "高速公路",
    "高速",
    "国际机场",
    "机场",
    "港区",
    "港",
    "隧道",
    "抽水蓄能电站",
    "电站",
    "核电",
    "水电",
    "水库",
    "灌区",
    "堤防",
    "直流",
    "班列",
    "外送通道",
    "新通道",
    "环线",
    "绕城",
    "东站",
    "西站",
    "南站",
    "北站",
    # platforms, funds, campuses, zones
    "会展中心",
    "奥体中心",
    "市民中心",
    "文化中心",
    "演艺中心",
    "保税区",
    "科学城",
    "博物院",
    "大剧院",
    "剧院",
    "福利院",
    "新馆",
    "投资基金",
    "产业基金",
    "创新中心",
    "研究中心",
    "运营中心",
    "数据中心",
    "智算中心",
    "算力中心",
    "校区",
    "示范区",
    "合作区",
    "开发区",
    "产业城",
    "项目",
    "工程",
    "基地",
    "服务中心",
    "保护中心",
    "体育中心",
    "产业园",
    "园区",
    "公园",
    "医院",
    "院区",
    "博物馆",
    "美术馆",
    "研究院",
    "总部",
    "区块",
    "美食街",
    "码头",
    "廊道",
    "旅游线",
    "文化园",
    "净水厂",
    "电厂",
    "号线",
    "大道",
    "实验室",
    "绿道",
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "展示馆",
    "图书馆",
    "文化馆",
    "体育馆",
    "科技馆",
    "纪念馆",
    "艺术馆",
    "少年宫",
    "农贸市场",
    "大厦",
    "水厂",
    "污水处理厂",
    "枢纽",
    "大桥",
    "综合楼",
    "大楼",
    "研发中心",
    "颐养中心",
    "文体中心",
    "健身中心",
    "养老中心",
)
#: Place endings that make an enumeration without 等 a list of projects ("浙工新村、东清大厦、树园小区").
PLACE_SUFFIXES = ("新村", "大厦", "小区", "街区", "老街", "直街", "园区", "区块", "广场")
#: Name endings of events.
EVENT_SUFFIXES = (
    "公开赛",
    "文旅季",
    "亚运会",
    "全运会",
    "亚冬会",
    "大冬会",
    "预选赛",
    "世界杯",
    "足协杯",
    "艺术季",
    "文化季",
    "大集",
    "洽会",
    "主场活动",
    "博览会",
    "交易会",
    "运动会",
    "大会",
    "峰会",
    "论坛",
    "博会",
    "运会",
    "庙会",
    "联赛",
    "总决赛",
    "锦标赛",
    "对抗赛",
    "大赛",
    "马拉松",
    "节",
    "消费季",
    "嘉年华",
    "市集",
    "巡游",
    "健步走",
    "展销会",
    "推介会",
    "洽谈会",
    "音乐会",
    "演唱会",
    "招商会",
    "交流会",
    "展览会",
    "订货会",
    "系列演出",
    "系列活动",
)
#: Words that are never a specific event or project on their own ("人民代表大会", "全会").
NOT_ENTITY_NAMES = (
    "提请大会",
    "提交大会",
    "向大会",
    "人民代表大会",
    "代表大会",
    "全会",
    "常委会",
    "二十大",
    "政协",
    "春节",
    "佳节",
    "中秋节",
    "国庆节",
    "端午节",
    "元宵节",
    "节日",
    "节假日",
    "七夕节",
    "重阳节",
    "清明节",
    "劳动节",
    "儿童节",
    "妇女节",
    "教师节",
)
#: Generic modifiers: a name made only of these and its suffix is a generic mention ("重点项目").
GENERIC_WORDS = (
    "音乐",
    "REITs",
    "高质量",
    "优质",
    "通航",
    "通用",
    "物流",
    "主要",
    "工程",
    "重点",
    "重大",
    "产业",
    "主题",
    "文旅",
    "民生",
    "实事",
    "提升",
    "基础设施",
    "大型",
    "跨省",
    "体育",
    "国内外",
    "顶级",
    "单项",
    "本土",
    "职业",
    "文艺",
    "省级",
    "市级",
    "区级",
    "国家级",
    "示范",
    "特色",
    "标志性",
    "一批",
    "若干",
    "各类",
    "相关",
    "更多",
    "这些",
    "上述",
    "其他",
    "新建",
    "改造",
    "建设",
    "三级",
    "两级",
    "规范化",
    "标准化",
    "全民健身",
    "各项",
    "一系列",
    "电力",
    "城市",
    "商业",
    "居住类",
    "产业类",
    "商业类",
    "更新",
    "新一轮",
    "低效",
    "全域",
    "全区",
    "全市",
    "全省",
    "注册",
    "立项",
    "候选",
    "签约",
    "群体",
    "竞技",
    "重量级",
    "国际",
    "国内",
    "我区",
    "我市",
    "我县",
    "本区",
    "本市",
    "其中",
    "全年",
    "安排",
    "新开工",
    "新入驻",
    "新引进",
    "现场",
    "外资",
    "内资",
    "省市",
    "工业",
    "总投资",
    "一期",
    "二期",
    "三期",
    "四期",
    "招商",
    "在建",
    "续建",
    "储备",
    "坚持",
    "道路",
    "口袋",
    "新增",
    "普惠性",
    "民办",
    "公办",
    "普惠",
    "高中",
    "初中",
    "中小学",
    "小学",
    "学校",
)
#: Openers that make a name generic or not the district's own undertaking.
#: A money or size threshold inside a name makes it a class of projects ("10亿元以上项目").
THRESHOLD_IN_NAME = re.compile(
    r"[0-9.]*[万亿千百]?(?:元|平方米|亩)(?:以上|以下)|以上|以下|[超逾][0-9.]+[万亿千百]?(?:元|平方米|亩)"
)
NON_SPECIFIC_PREFIXES = (
    "各地",
    "首个",
    "首座",
    "首家",
    "首条",
    "全省首个",
    "全省首座",
    "全省首家",
    "全市首个",
    "全市首家",
    "更多",
    "一批",
    "若干",
    "各类",
    "一系列",
)
#: One-character words cut off the front of a name of more than three characters ("在|城东新城",
#: "向|社会公布"); 在建 is never cut (it is part of the name's status).
NAME_START_WORDS = ("在", "继", "于", "及", "和", "对", "以", "把", "将", "为", "从", "到", "向")
#: Words just before a name that make it context, not a row ("依托…基地", "与…研究院签署").
CONTEXT_BEFORE = ("依托", "依靠", "借助", "对标", "与", "成立", "组建", "列入", "入选", "获评", "评为", "围绕")
#: Words a name is cut after: the name starts after the last of them ("在|第五届进博会", "向|大会").
NAME_CUT_WORDS = (
    "升级为",
    "跻身",
    "也是",
    "居",
    "从",
    "把",
    "在",
    "于",
    "继",
    "对",
    "与",
    "向",
    "成为",
    "代表",
    "通过",
    "接受",
    "根据",
    "按照",
    "围绕",
    "成功",
    "被评为",
    "评为",
)
#: Words right after a project suffix that show it was not the end of a name ("群体项目金牌", "项目绩效评价").
NOT_NAME_FOLLOWERS = (
    "首位",
    "最佳",
    "功能",
    "通、",
    "通项目",
    "城市",
    "金牌",
    "奖牌",
    "绩效",
    "评价",
    "名单",
    "称号",
    "资金",
    "经费",
    "支出",
    "方案",
    "管理",
    "库",
    "指南",
    "审批",
    "招引",
    "申报",
    "家长",
    "教师",
    "学生",
    "师生",
    "型",
)
#: Time words that open an item of a list ("七夕节武林衣秀", "11月第24届西博会"), the periods a
#: sentence opens with included ("全年建成…", "今年举办…"): no name starts with them.
TIME_PREFIXES = re.compile(
    r"^(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?|七夕节|中秋节?|国庆节?|春节|元旦|端午节?|元宵节?|五一"
    r"|全年|今年|去年|明年|当年|年内|上半年|下半年|一年来|过去一年|近年来)"
)
#: Governing verbs that open a project or event mention, longest first when matched.
GOVERNING_VERBS = (
    "全力筹备",
    "筹备",
    "建成通车",
    "建成投运",
    "建成投产",
    "开工建设",
    "全面投运",
    "投运",
    "投产",
    "通车",
    "完工",
    "因地制宜建设",
    "安全有序推进",
    "系统布局推进",
    "实打实提高",
    "全流程服务",
    "谋划实施",
    "铺排落实",
    "充分发挥",
    "有序推进",
    "试点建设",
    "紧抓",
    "强化",
    "优化",
    "健全",
    "发挥",
    "用好",
    "做实",
    "增强",
    "大抓",
    "落实",
    "提高",
    "推介",
    "丰富",
    "赋能",
    "竣工投用",
    "竣工亮相",
    "加快推进",
    "重点推进",
    "扎实推进",
    "深入推进",
    "全力推动",
    "积极推动",
    "全力保障",
    "精心打造",
    "积极谋划",
    "成功举办",
    "持续推动",
    "持续提升",
    "新设立",
    "新建投用",
    "推进",
    "推动",
    "实施",
    "打造",
    "建设",
    "开工",
    "竣工",
    "投用",
    "建成",
    "落地",
    "签约",
    "举办",
    "办好",
    "承办",
    "申办",
    "开放",
    "开通",
    "启动",
    "突出",
    "保障",
    "谋划",
    "做强",
    "推出",
    "蝶变",
    "设立",
    "开展",
    "提升",
    "加快",
    "深化",
    "续建",
    "开启",
    "招引",
    "新建",
    "争创",
    "创建",
    "完成",
    "改建",
    "扩建",
    "新改建",
    "听取",
    "组织",
    "支持",
    "鼓励",
    "引导",
)
#: Status of a project from the verb that governs it (review part); plan-part mentions are planned.
PROJECT_STATUS_VERBS = (
    ("signed", ("签约", "落地", "入驻", "落户")),
    ("started", ("开工", "全面启动", "启动建设", "开建")),
    ("completed", ("竣工", "建成", "完成", "贯通", "拆除", "结顶", "蝶变", "串珠成链")),
    ("opened", ("投用", "开放", "开通", "揭牌", "亮相", "开业", "运营")),
    ("in_progress", ("推进", "建设", "推动", "实施", "续建", "加快", "改造")),
    ("planned", ("谋划", "规划", "筹建")),
)
#: Stock exchanges, for listing events ("楚环科技在深交所主板上市").
EXCHANGES = ("深交所", "上交所", "北交所", "港交所", "纳斯达克", "纽交所", "新三板")

#: Categories of projects and events by name keywords (first match wins).
PROJECT_CATEGORIES = (
    ("livelihood_programme", ("“",)),
    ("energy", ("变", "电力", "电厂")),
    ("water", ("净水厂", "水厂", "供水")),
    ("transport", ("号线", "地铁", "路", "大道", "公交", "巴士", "干道", "交通")),
    ("health", ("医院", "院区", "卫生", "疾控", "医疗")),
    ("education", ("学校", "学堂", "科普", "教育", "名师")),
    ("sports", ("体育", "电竞中心", "运动")),
    ("park", ("公园", "绿道")),
    ("culture_tourism", ("博物馆", "美术馆", "文化", "旅游", "码头", "廊道", "文旅")),
    ("urban_renewal", ("区块", "街区", "老街", "直街", "街", "新村", "小区", "大厦", "园区", "广场", "旧改", "改造")),
    ("public_building", ("服务中心", "保护中心", "文化园", "中心")),
    ("industry", ("产业", "总部", "基地", "研究院", "科技", "项目")),
)
EVENT_CATEGORIES = (
    ("outbreak", ("疫情",)),
    ("listing", ("上市",)),
    ("anniversary", ("周年",)),
    ("expo", ("博会", "博览会", "展")),
    ("summit", ("峰会",)),
    ("forum", ("论坛",)),
    ("conference", ("大会",)),
    ("competition", ("赛", "运会", "联赛")),
    ("consumption_campaign", ("消费", "老字号", "嘉年华")),
    ("festival", ("节", "庙会")),
    ("performance", ("秀", "巡游", "演艺", "演出")),
)

#: An indicator that is only one of these words borrows the subject of an earlier clause
#: ("…投资保持稳定增长，全年完成734亿元，同比增长12%": 完成, 增长 -> 固定资产投资完成, 固定资产投资增长).
BARE_INDICATORS = ("完成", "增长", "同比增长", "增幅", "增速", "实现", "达到", "下降", "提高", "总量", "居", "拉动消费")
#: Time words opening a clause, dropped before its subject is read ("前三季度", "上半年", "1-8月").
SUBJECT_OPENERS = re.compile(r"^(?:上半年|下半年|前三季度|一季度|全年|当年|今年|去年|[0-9０-９\-—]+月|其中|特别是)+")
#: Where a clause's subject ends: the first verb or cue after it.
#: Clauses that note how a figure was computed, not what it measures.
METHOD_NOTES = re.compile(r"按.{0,6}计算|初步(?:统计|核算)|据.{0,8}(?:统计|测算)|扣除.{0,12}因素")
SUBJECT_STOPS = re.compile(
    r"保持|实现|完成|同比|比上年|较上年|增长|下降|达到|达|居|位列|均|提升|提高|稳定|继续|预计|经受|扣除|获|为|拉动"
)

#: Verbs that can sit inside a project's name ("武林广场提升改造一期工程"); a name may run back past
#: them, never past a predicate such as 完成 or 实施.
NAME_INTERNAL_VERBS = ("提升", "改造", "建设", "修缮", "整治", "改建", "扩建")
#: Characters after 节 that make it part of a word, not a festival ("节约", "节能", "节点").
NOT_FESTIVAL_AFTER_JIE = "约能水点奏目日假俭余省制拍政"
#: Characters before 节 that make it part of a word (调节, 环节, 细节, 关节, 章节, 情节), not a festival.
NOT_FESTIVAL_BEFORE_JIE = "调环细关章情礼季时脱"
#: What may follow a project's suffix and still belong to its name: a section (青海段, 中武段), a
#: phase (三期), a unit (6号机组), the work done to it (扩能改造, 改扩建, 迁建, 提质改造).
PROJECT_NAME_TAIL = re.compile(
    r"(?:[\u4e00-\u9fff]{1,4}段|[一二三四五六七八九十0-9]+期|[0-9]+号机组|二通道|先行段)?"
    r"(?:扩能改造|电气化改造|现代化改造|改扩建主体工程|改扩建|扩建|扩容|迁建|提质改造|主体工程)?"
)
#: Category words that stand in a list of kinds, not of named things ("交通、能源、水利等重大项目").
CATEGORY_ITEMS = (
    "交通",
    "能源",
    "水利",
    "农业",
    "农业农村",
    "算力",
    "数据",
    "网络",
    "区块链",
    "矿山",
    "环境",
    "城中村改造",
    "保障性住房",
    "城市更新",
    "老旧小区改造",
    "市政",
    "物流",
    "文旅",
    "教育",
    "医疗",
    "养老",
    "产业",
)
#: Suffixes of designations a place can be awarded ("创建国家全域旅游示范区"), and the verbs that
#: make them honours rather than projects.
HONOUR_SUFFIXES = ("示范区", "基地", "试点", "中心")
HONOUR_VERBS = re.compile(r"创建|争创|获评|授牌|入选|成为|获批|命名|通过|验收|评为|列入")
#: Adverbs that stand before a governing verb ("精心开展", "持续开展"): cut with the verb.
NAME_ADVERBS = (
    "精心",
    "持续",
    "全力",
    "积极",
    "大力",
    "深入",
    "扎实",
    "着力",
    "全面",
    "有序",
    "稳步",
    "高水平",
    "高质量",
    "成功",
    "加快",
    "继续",
    "协同",
    "统筹",
)
#: Road numbers (G318, S21) with what is done to them or the section meant.
ROAD_CODE = re.compile(
    r"(?<![A-Za-z0-9])[GS][0-9]{1,4}(?![0-9])(?:[\u4e00-\u9fff]{0,10}?(?:段|提质改造|改扩建|扩容改造|改造))?"
)
#: Metro lines and their extensions: 地铁3、4号线, 轨道交通2号线二期, 5号线东延伸, 机场线北延伸.
METRO_LINE = re.compile(
    r"(?:(?:地铁|轨道交通)(?:[一二三四五六七八九十]期)?)?"
    r"(?:[0-9]+(?:[、和][0-9]+)*号线(?:[东西南北]延伸(?:线|段)?|[一二三四]期)?|[\u4e00-\u9fff]{2}线[东西南北]延伸(?:线|段)?)"
)
#: Characters that continue a one-character suffix into a longer word (港口, 桥梁, 港湾).
ONE_CHAR_SUFFIX_BLOCKERS = set("口梁湾澳务头城区群墩")
#: Lines by code, with the place before them: 厦漳泉R1线先行段, 轨道交通M102线.
LINE_CODE = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{0,8}?)(?<![A-Za-z0-9])[A-Z][0-9]{1,3}线(?:先行段|[\u4e00-\u9fff]{1,4}段|[东西南北]延伸)?"
)
#: Words that end a quoted event name but are too common to end an unquoted one (“…冰雪周”).
QUOTED_EVENT_SUFFIXES = ("周", "季", "月", "行")
#: Words that open the second half of "A及B" when B is work attached to A, not another name.
ATTACHED_WORK_WORDS = ("城乡", "配套", "相关", "周边", "附属", "沿线", "生态", "综合", "其他", "周围")
#: Verbs that can stand inside a list item before the name it governs ("民间资本参与交通").
INNER_VERBS = ("参与", "引导", "鼓励", "支持", "围绕", "依托")
#: Words that hold 和 or 与 without joining two names (参与, 和谐).
WORDS_WITH_HE_YU = ("参与", "给与", "和谐", "和平", "和美", "共和", "平和", "温和", "总和", "缓和", "和睦")
#: Superlatives describe a thing; they do not name it ("省内单体最大火电基地").
DESCRIPTIVE_WORDS = ("最大", "最长", "最高", "单体", "首个", "第一")
#: List labels and scope words that open a name-like span but are not part of a name.
NAME_OPENERS = re.compile(
    r"^(?:[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、]|全县|全区|全市|全省|全镇)+(?:将|要)?"
)
