"""Stage 4: cleaned text -> quantity mentions, each judged fact or not-a-fact by its context.

A number is a candidate when it is a run of Arabic (or full-width) digits, or a Chinese numeral.
Its unit is read to the right (multiplier + measure word, as printed); its context decides whether
it is a fact: dates, ordinals, names (quoted, joined by ``+``/``·``, next to Latin letters),
qualifiers (``35岁以下``, ``15分钟``, ``10亿元以上项目``), anniversaries and past context are not.
Rules are about the shape of the text, never about the strings of one report.
"""

from __future__ import annotations

import bisect
import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from . import lexicon
from .text import first_mark_from, last_mark_before, mark_positions

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
#: "1,234.5" (ASCII digits only) or a run of digits with a decimal part: ``[0-9]{1,3}(?:,[0-9]{3})+
#: (?:\.[0-9]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?`` written to open with its first digit, so that the
#: engine runs from digit to digit instead of trying both alternatives at every character (the
#: lookbehind keeps the thousands form to an ASCII first digit).
_ARABIC = re.compile(r"[0-9０-９](?:(?<=[0-9])[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9０-９]*(?:[.．][0-9０-９]+)?)")
_CHINESE = re.compile(rf"[{lexicon.CN_NUMERAL_CHARS}]+")
#: Either kind of number, opening with the character of either (so that the engine runs from one to
#: the next, as for each alone): the rest of ``_ARABIC`` after a digit, of ``_CHINESE`` after a
#: numeral. Their characters never meet, so one scan finds what a scan for each would, in order.
_NUMBER = re.compile(
    rf"[0-9０-９{lexicon.CN_NUMERAL_CHARS}]"
    rf"(?:(?<=[0-9０-９]){_ARABIC.pattern.removeprefix('[0-9０-９]')}|[{lexicon.CN_NUMERAL_CHARS}]*)"
)
_NUMERAL_CHARS = frozenset(lexicon.CN_NUMERAL_CHARS)
_UNIT_KEYS = sorted(set(lexicon.UNITS) | set(lexicon.QUALIFIER_UNITS), key=len, reverse=True)
_MULTIPLIER_KEYS = sorted(lexicon.MULTIPLIERS, key=len, reverse=True)
_QUOTES = re.compile(r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|《[^《》\n]{0,40}》|「[^「」\n]{0,40}」|‘[^‘’\n]{0,40}’")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_UNITS_STARTING_WITH_MULTIPLIER = tuple(u for u in lexicon.UNITS if u[:1] in "万亿千")
#: The unit, multiplier and multiplied-unit keys as single patterns, longest first (one match call
#: at a position instead of a loop over every key).
_UNIT_PATTERN = re.compile("|".join(re.escape(k) for k in _UNIT_KEYS))
_MULTIPLIER_PATTERN = re.compile("|".join(re.escape(k) for k in _MULTIPLIER_KEYS))
_UNIT_WITH_MULTIPLIER_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(_UNITS_STARTING_WITH_MULTIPLIER, key=len, reverse=True)) or "(?!)"
)
_ALTERNATIVE_UNIT = re.compile(r"[（(]([\u4e00-\u9fff])[)）]")
#: A unit reading in one match (``read_unit``'s steps, one match call instead of four): spaces, a
#: multiplier unless a unit starts there (千米), an approximate infix, then the big group (大类, 大)
#: when no multiplier came before it (the conditional fails the branch after one) or a unit with
#: its alternative in brackets. Every part is optional and greedy, so the engine never backtracks
#: into an earlier part: each is taken exactly when ``read_unit``'s step would take it.
_UNIT_READING = re.compile(
    r"(?P<spaces>[ \u3000]*)"
    rf"(?:(?!{_UNIT_WITH_MULTIPLIER_PATTERN.pattern})(?P<prefix>{_MULTIPLIER_PATTERN.pattern}))?"
    rf"(?P<approximate>{'|'.join(map(re.escape, lexicon.APPROXIMATE_INFIXES))})?"
    rf"(?:(?(prefix)(?!)|(?={re.escape(lexicon.BIG_GROUP)})(?P<big>大类|{re.escape(lexicon.BIG_GROUP)}))"
    rf"|(?P<measure>{_UNIT_PATTERN.pattern})(?P<alternative>{_ALTERNATIVE_UNIT.pattern})?)?"
)
#: Patterns of the verdicts, compiled once (they run for every number of a report).
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_LIST_WORD = re.compile(r"[和及与等]")
_CLOSING_CHARACTER = re.compile(r"([\u4e00-\u9fff])(?=[，。；、,;）)\n]|$)")
_RATIO_AFTER = re.compile(r"[:：][0-9]")
_RATIO_BEFORE = re.compile(r"[0-9][:：]")
_RANGE_JOINT = re.compile(rf"\s*(%|％)?\s*[{lexicon.RANGE_JOINERS}]\s*")
#: The characters a range joint can open with besides a space (most numbers are followed by none).
_RANGE_JOINT_OPENERS = f"%％{lexicon.RANGE_JOINERS}"
#: Those characters and the white space ``\s`` matches, as one set (no white space stands above
#: U+3000: a test reads every code point).
_RANGE_JOINT_OPENING = frozenset(_RANGE_JOINT_OPENERS) | {c for c in map(chr, range(0x3001)) if c.isspace()}
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
_MONTH_RANGE = re.compile(r"\s*[-—至]\s*[0-9]+\s*月")
_COMPARATOR_AFTER = re.compile(r"(?:及)?(?:以上|以下|以内)")
_SIGNS = frozenset(lexicon.MINUS_SIGNS) | {"负"}
_APPROXIMATE_PREFIXES = frozenset(lexicon.APPROXIMATE_PREFIXES)
_BARE_MAGNITUDES = {"十": 10.0, "百": 100.0, "千": 1000.0}
_COUNTING_VERBS = tuple(lexicon.COUNT_VERBS) + tuple(lexicon.CHANGE_VERBS)
_COUNTING_VERB = re.compile("|".join(re.escape(v) for v in _COUNTING_VERBS))
_CLAUSE_MARKS = "".join(sorted(set(lexicon.CLAUSE_DELIMITERS) | {"\n"}))
#: Looked up for most numbers: sets, not the lexicon's tuples read item by item.
_QUALIFIER_UNITS = frozenset(lexicon.QUALIFIER_UNITS)
_ATTRIBUTIVE_TIME_UNITS = frozenset(lexicon.ATTRIBUTIVE_TIME_UNITS)
#: A character that makes the number next to it part of a name: a Latin letter (A-Z, a-z: what
#: ``isascii() and isalpha()`` accept) or a joint (1+4, 4·19).
_NAME_NEIGHBOURS = frozenset(string.ascii_letters + "+＋·•")
#: The units of an amount, not of a time span: a figure in one is a baseline fact even inside
#: "在…基础上" (``_past_context``), one set lookup instead of the unit's base and a second set.
_AMOUNT_UNITS = frozenset(
    u for u, (base, _) in lexicon.UNITS.items() if base is not None and base not in lexicon.DURATION_UNIT_BASES
)
#: How every match of ``lexicon.PAST_CONTEXT_SPAN`` ends (a test pins it to the pattern).
_PAST_SPAN_TAIL = "基础上"
_COUNT_BASES_AND_ITEM = frozenset(lexicon.COUNT_UNIT_BASES) | {"item"}
#: Any of the rank cues, in one search (a cue is in a text exactly when the alternation matches).
_RANK_CUE = re.compile("|".join(map(re.escape, lexicon.RANK_CUES)))
_ENUMERATION_UNITS = ("项", "个", "大", "大类", "家", "类", "件", "批", "条", "所", "座", "支")


#: Not frozen: built for every number of a report, and a frozen dataclass takes five times as long
#: to build; nothing changes one after it is made.
@dataclass(slots=True)
class NumberToken:
    """A number as printed and where it stands in the cleaned text."""

    text: str
    start: int
    end: int
    value: float
    chinese: bool


@dataclass(slots=True)
class Candidate:
    """A number with its unit and the verdict on whether it is a fact."""

    token: NumberToken
    value_max: float | None
    range_end: int
    unit: str
    measure: str
    unit_end: int
    multiplier: float
    approximate: bool
    is_fact: bool
    reason: str
    rank: bool = False


@lru_cache(maxsize=8192)
def parse_number(text: str) -> float | None:
    """The value of a number as printed: Arabic, full-width or Chinese (via cn2an, slow: the same
    few numerals, 两 or 十, come back all through a report, so values are remembered; room for the
    1,360 distinct numbers of the 95 captured inputs several times over, where 1,024 let the Arabic
    ones push out the Chinese ones a worker's next report asks cn2an for again)."""
    plain = text.translate(_FULL_WIDTH).replace(",", "")
    if _PLAIN_NUMBER.fullmatch(plain):
        return float(plain)
    if plain in _BARE_MAGNITUDES:  # "近千亩", "数百家": cn2an wants a digit before 千/百
        return _BARE_MAGNITUDES[plain]
    try:
        return float(cn2an.cn2an(plain, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


#: The finite value of each Arabic number as printed (None: none), remembered across reports: the
#: same few hundred come back all through a report (one lookup, not ``parse_number`` and a test).
_ARABIC_VALUES: dict[str, float | None] = {}
_UNREAD = object()


def _arabic_value(run: str) -> float | None:
    value = parse_number(run)
    if value is None or not math.isfinite(value):
        value = None
    if len(_ARABIC_VALUES) >= 1 << 15:
        _ARABIC_VALUES.clear()
    _ARABIC_VALUES[run] = value
    return value


def number_tokens(text: str) -> list[NumberToken]:
    """The numbers of ``text`` in order, found by one scan for either kind (their characters never
    meet, so the scan finds what a scan for each would, already in order)."""
    tokens = []
    append = tokens.append
    find, end = text.find, 0
    # the runs as strings, no match object each: a run starts at the first character either kind
    # opens with at or after the end of the run before, the first place it is printed from there
    for run in _NUMBER.findall(text):
        start = find(run, end)
        end = start + len(run)
        if run[0] not in _NUMERAL_CHARS:  # Arabic or full-width digits
            value = _ARABIC_VALUES.get(run, _UNREAD)
            if value is _UNREAD:
                value = _arabic_value(run)
            if value is not None:
                # a sign is read only where one stands before the number (most have none)
                if start and text[start - 1] in _SIGNS and _negative(text, start):
                    value = -value
                append(NumberToken(run, start, end, value, False))
            continue
        # 百/千 open a numeral only after 数/近 (数百, 近千) or before a multiplier or unit (千亿元);
        # elsewhere they are words (百姓, 千年).
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
            append(NumberToken(run, start, end, value, True))
    return tokens


def _negative(text: str, start: int) -> bool:
    """A minus sign printed right before a number ("增长-2.1%", "－5.6%", "负2.1%"), not the dash of a
    range or of a date ("4.5-5%", "2023-02-08")."""
    before = text[start - 1] if start else ""
    if before == "负":  # 负2.1% after a growth word or a stop, not the 负 of 减负 or 负债
        return start >= 2 and text[start - 2] in lexicon.NEGATIVE_INTRODUCERS
    if before not in lexicon.MINUS_SIGNS:
        return False
    earlier = text[start - 2] if start >= 2 else "\n"
    if earlier in "\n \u3000" or earlier in lexicon.BULLETS:
        return False  # "-5个项目" at a line start is a bullet
    return not (earlier.isdigit() or earlier in "%％" or (earlier.isascii() and earlier.isalpha()))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def clause_start(text: str, pos: int) -> int:
    """Just after the clause delimiter or line end before ``pos`` (0 at the start of the text)."""
    if pos <= 0:
        return pos
    return last_mark_before(text, pos, _CLAUSE_MARKS) + 1


def clause_marks(text: str) -> list[int]:
    """Where the clause delimiters and line ends of ``text`` stand, in order: for a caller asking for
    the clause of many positions (``clause_start`` is one after the last before a position,
    ``clause_end`` the first at or after it), by bisection without two calls for each."""
    return mark_positions(text, _CLAUSE_MARKS)


def clause_end(text: str, pos: int) -> int:
    """The clause delimiter or line end at or after ``pos`` (the end of the text when none)."""
    if pos < 0 or pos >= len(text):
        return max(pos, len(text)) if pos >= 0 else _clause_end_walk(text, pos)
    return first_mark_from(text, pos, _CLAUSE_MARKS)


def _clause_end_walk(text: str, pos: int) -> int:
    i = pos
    while i < len(text) and text[i] not in lexicon.CLAUSE_DELIMITERS and text[i] != "\n":
        i += 1
    return i


def clause_window(
    text: str, start: int, end: int, clause_from: int | None = None, clause_to: int | None = None
) -> tuple[int, int]:
    """The clause that holds text[start:end] (a figure, a name): the quote of its row, at most
    ``MAX_QUOTE`` characters, cut to a window around the span when the clause is longer.
    ``clause_from`` is ``clause_start(text, start)`` and ``clause_to`` is ``clause_end(text, end)``,
    when the caller has them already."""
    a = clause_start(text, start) if clause_from is None else clause_from
    b = clause_end(text, end) if clause_to is None else clause_to
    # ``strip_span(text, a, b)`` in place (asked for every figure and name; most clauses have no
    # white space at either end)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b - a > lexicon.MAX_QUOTE:
        a = max(a, min(start - lexicon.MAX_QUOTE // 2, b - lexicon.MAX_QUOTE))
        b = min(b, a + lexicon.MAX_QUOTE)
    return a, b


@dataclass(slots=True)
class UnitReading:
    printed: str  # as printed, multiplier included: 亿元, 万名, 套(间)
    measure: str  # the measure word alone: 元, 名, 套
    start: int
    end: int
    multiplier: float
    approximate: bool


def read_unit(text: str, pos: int) -> UnitReading:
    """The unit that starts at ``pos`` (spaces allowed before it), or an empty reading."""
    return UnitReading(*_unit_at(text, pos))


def _unit_at(text: str, pos: int) -> tuple[str, str, int, int, float, bool]:
    """``read_unit``'s fields as a tuple (``judge`` reads them for every number: no object built)."""
    match = _UNIT_READING.match(text, pos)
    end = match.end()
    if end == pos:
        return "", "", pos, pos, 1.0, False
    spaces, prefix, infix, big, measure, alternative, alternative_unit = match.groups()
    start, approximate = pos + len(spaces), infix is not None
    multiplier = lexicon.MULTIPLIERS[prefix] if prefix else 1.0
    if big:
        return big, big, start, end, multiplier, approximate
    if measure:
        if alternative and alternative_unit in lexicon.UNITS:
            measure += alternative
        elif alternative:
            end -= len(alternative)
        return (prefix or "") + measure, measure, start, end, multiplier, approximate
    if prefix and multiplier >= 1e4:  # "3万" alone: a count in ten-thousands
        return prefix, "", start, end, multiplier, approximate
    return "", "", pos, pos, 1.0, approximate


#: How far past its position a unit reading reads at most, spaces aside: a multiplier (and the units
#: its lookahead tries), an approximate infix, then the big group or a unit and its bracketed
#: alternative (``（间）``). The reading at a position is fixed by that many characters.
_UNIT_REACH = max(
    max(map(len, _UNITS_STARTING_WITH_MULTIPLIER), default=0),
    max(map(len, _MULTIPLIER_KEYS))
    + max(map(len, lexicon.APPROXIMATE_INFIXES))
    + max(len("大类"), len(lexicon.BIG_GROUP), max(map(len, _UNIT_KEYS)) + len("（间）")),
)
_UNIT_READINGS: dict[str, tuple[str, str, int, float, bool, bool]] = {}
#: The measures ``judge`` has a rule for (dates, durations, ordinals, qualifiers); a unit with none
#: of them, not 个 and not empty, is plain: those rules are not read for it.
_MEASURES_WITH_RULES = (
    frozenset(("年", "月", "日", "号", "季度", "周年", "届", "期", "代", "版", "次会议"))
    | _ATTRIBUTIVE_TIME_UNITS
    | _QUALIFIER_UNITS
)


def _unit_after(text: str, pos: int) -> tuple[str, str, int, float, bool, bool]:
    """``_unit_at``'s printed unit, measure, length (from ``pos`` to the unit's end), multiplier and
    approximate flag, and whether the unit is plain, remembered by the characters that fix them: the
    same few units follow most numbers (亿元，同比, %，比上年), three readings in four are found
    without a match."""
    key = text[pos : pos + _UNIT_REACH]
    reading = _UNIT_READINGS.get(key)
    if reading is None:
        unit, measure, _, end, multiplier, approximate = _unit_at(text, pos)
        plain = unit not in ("", "个") and measure not in _MEASURES_WITH_RULES
        reading = (unit, measure, end - pos, multiplier, approximate, plain)
        if key[:1] not in " \u3000":  # spaces before a unit may run past the reach
            if len(_UNIT_READINGS) >= 1 << 15:
                _UNIT_READINGS.clear()
            _UNIT_READINGS[key] = reading
    return reading


def _rank_verdict(text: str, token: NumberToken) -> tuple[bool, str]:
    if text.startswith(lexicon.RANK_BLOCKERS, token.end):
        return False, "word"
    if text[token.end : token.end + 1] in lexicon.ORDINAL_SUFFIXES:
        return False, "ordinal"
    before = text[max(clause_start(text, token.start), token.start - 9) : token.start - 1]
    if _RANK_CUE.search(before):
        return True, ""
    return False, "ordinal"


def _enumeration_before(text: str, token: NumberToken) -> bool:
    """Whether a Chinese-numeral count sums up a list just before it ("A、B两项", "A、B和C三大")."""
    before = text[clause_start(text, token.start) : token.start]
    return "、" in before or bool(_LIST_WORD.search(before[-12:]))


def _unitless_ratio(text: str, token: NumberToken) -> bool:
    """A ratio or index printed without a unit ("收入比由2017年的2.11缩小到1.93")."""
    before = text[clause_start(text, token.start) : token.start]
    return bool(lexicon.UNITLESS_MEASURES.search(before)) and before.endswith(lexicon.UNITLESS_INTRODUCERS)


def _unknown_measure(text: str, token: NumberToken, end: int) -> str:
    """A measure word the lexicon does not know, after a counted figure ("新增泊位300泊。"): one CJK
    character closing the clause, with a counting verb earlier in it."""
    match = _CLOSING_CHARACTER.match(text[end : end + 2])
    if token.chinese or not match or match.group(1) in lexicon.NOT_MEASURE_WORDS:
        return ""
    before = text[clause_start(text, token.start) : token.start]
    return match.group(1) if _COUNTING_VERB.search(before) else ""


def _counted_after_verb(text: str, token: NumberToken, measure: str) -> bool:
    """ "引进100名以上省外校长": a count with its floor, the verb right before it, is a figure, unlike a
    size that qualifies a noun ("10亿元以上项目")."""
    return measure in lexicon.COUNTING_CLASSIFIERS and text.endswith(_COUNTING_VERBS, 0, token.start)


def _proportion(text: str, token: NumberToken) -> bool:
    """A member of a proportion "1.3:23.2:75.5" after a word for shares (三次产业比重调整为…)."""
    joined_after = _RATIO_AFTER.match(text[token.end : token.end + 2])
    joined_before = token.start >= 2 and _RATIO_BEFORE.fullmatch(text[token.start - 2 : token.start])
    if not (joined_after or joined_before):
        return False
    run_start = token.start
    while run_start > 0 and (text[run_start - 1].isdigit() or text[run_start - 1] in ".:："):
        run_start -= 1
    return bool(lexicon.PROPORTION_WORDS.search(text[clause_start(text, run_start) : run_start]))


def _past_context(text: str, token: NumberToken, measure: str, marks: list[int] | None = None) -> bool:
    """A figure the clause puts in the past as context: after 曾占/曾是, or a run of years inside
    "在…基础上" (在连续4年压减基础上). An amount there is a baseline fact, not context. ``marks`` is
    ``clause_marks(text)``, when the caller has it."""
    return _past_in(text, token, measure, _lookups(text, quoted_spans(text), marks))


def _past_in(text: str, token: NumberToken, measure: str, found: _Lookups) -> bool:
    """``_past_context`` with the text's lookups: most numbers have no opener or span end near them,
    and are answered by a bisection or two, without a search of their clause."""
    start = token.start
    ends = found.past_ends
    if ends:
        # the opener ending last at or before the number, in its clause when no mark stands between
        j = bisect.bisect_right(ends, start)
        if j and found.past_reach[j - 1] >= start:
            return True
    if measure in _AMOUNT_UNITS:
        return False
    tails = found.tail_starts
    if not tails:
        return False
    # a span holding the number ends with the first tail at or after start - 2 (a tail cannot
    # overlap a number), and that tail must end inside the number's clause
    k = bisect.bisect_left(tails, start - 2)
    if k == len(tails) or found.tail_backs[k] >= token.end:
        return False
    marks = found.marks
    i = bisect.bisect_left(marks, start)
    clause_from = marks[i - 1] + 1 if i else 0  # clause_start(text, token.start)
    i = bisect.bisect_left(marks, token.end, i)
    end = marks[i] if i < len(marks) else len(text)  # clause_end(text, token.end)
    for match in lexicon.PAST_CONTEXT_SPAN.finditer(text, max(0, clause_from - 25), end):
        if match.start() <= start < match.end():
            return True
    return False


@dataclass(slots=True)
class _Lookups:
    """What ``judge`` asks of the whole text for every number, found once for the text: its clause
    marks, its quotes, the past-context openers (曾占) and the ends of the past-context spans
    (…基础上), each a sorted list for bisection."""

    marks: list[int]
    quote_starts: list[int]
    quote_ends: list[int]
    past_ends: list[int]  # where each opener ends
    past_reach: list[int]  # the first clause mark at or after each opener (len(text) if none)
    tail_starts: list[int]  # where each span tail (基础上) starts
    tail_backs: list[int]  # the last clause mark before each tail's end (-1 if none)


def _lookups(text: str, quotes: list[tuple[int, int]], marks: list[int] | None = None) -> _Lookups:
    """The text's lookups. An opener is a fixed word holding no clause mark, so the search of a
    clause finds one exactly when the last opener ending before the number has no mark between it and
    the number; a span ends with its tail, a word holding no mark."""
    if marks is None:
        marks = clause_marks(text)
    size = len(marks)
    past_ends, past_reach = [], []
    for match in lexicon.PAST_CONTEXT_CLAUSE.finditer(text):
        i = bisect.bisect_left(marks, match.start())
        past_ends.append(match.end())
        past_reach.append(marks[i] if i < size else len(text))
    tail_starts, tail_backs = [], []
    at = text.find(_PAST_SPAN_TAIL)
    while at >= 0:
        i = bisect.bisect_left(marks, at + len(_PAST_SPAN_TAIL))
        tail_starts.append(at)
        tail_backs.append(marks[i - 1] if i else -1)
        at = text.find(_PAST_SPAN_TAIL, at + 1)
    return _Lookups(
        marks, [a for a, _ in quotes], [b for _, b in quotes], past_ends, past_reach, tail_starts, tail_backs
    )


def judge(
    text: str,
    token: NumberToken,
    quotes: list[tuple[int, int]],
    marks: list[int] | None = None,
    found: _Lookups | None = None,
) -> Candidate:
    """Unit and verdict (fact or why not) for one number token (``marks``: ``clause_marks(text)``;
    ``found``: ``_lookups(text, quotes, marks)``, got once by the caller for all the tokens of the
    text)."""
    if found is None:
        found = _lookups(text, quotes, marks)
    return _judged(text, [token], found, [])[0]


def _judged(text: str, tokens: list[NumberToken], found: _Lookups, skip: list[tuple[int, int]]) -> list[Candidate]:
    """``judge`` for each of ``tokens`` (in order) but those inside ``skip`` spans (sorted) or the
    range of the number before: one loop for the text, not a call for each number."""
    judged: list[Candidate] = []
    covered_until = -1
    size, quote_starts, quote_ends = len(text), found.quote_starts, found.quote_ends
    past_ends, tail_starts = found.past_ends, found.tail_starts
    past_reach, tail_backs = found.past_reach, found.tail_backs
    # _past_in's bisections, read in step with the numbers (they come in order): the openers ending at
    # or before the number, the span tails starting before start - 2
    n_ends, n_tails, past_j, tail_k = len(past_ends), len(tail_starts), 0, 0
    n_quotes, quote_i = len(quote_starts), 0
    # the furthest end of the skip spans opening at or before the number: the numbers come in order,
    # so the spans are read once, in step with them
    skip_reach, j, spans = -1, 0, len(skip)
    for token in tokens:
        start = token.start
        while j < spans and skip[j][0] <= start:
            skip_reach = max(skip_reach, skip[j][1])
            j += 1
        if start < covered_until or start < skip_reach:
            continue
        end = token.end
        value_max, range_end = None, end
        after1 = text[end] if end < size else ""
        if after1 in _RANGE_JOINT_OPENING:
            joined = _RANGE_JOINT.match(text[end : end + 4])
            if joined:
                nxt = _ARABIC.match(text, end + joined.end()) or _CHINESE.match(text, end + joined.end())
                if nxt and (token.chinese == bool(_CHINESE.fullmatch(nxt.group()))):
                    upper = parse_number(nxt.group())
                    if upper is not None and upper > token.value:
                        value_max, range_end = upper, nxt.end()
        # ``_unit_after``'s remembered reading read here (three numbers in four have one): no call
        reading = _UNIT_READINGS.get(text[range_end : range_end + _UNIT_REACH]) or _unit_after(text, range_end)
        unit, measure, unit_length, multiplier, approximate, plain = reading
        unit_end = range_end + unit_length
        before1 = text[start - 1] if start else ""
        approximate = approximate or before1 in _APPROXIMATE_PREFIXES
        rank = False
        # the rules in turn: the first to give a verdict breaks out with it (whether the number is a
        # fact, and why not); the candidate is built once, after
        while True:
            if (
                before1 in _NAME_NEIGHBOURS
                or after1 in _NAME_NEIGHBOURS
                or (before1 == "." and start > 1 and text[start - 2].isdigit())
            ):
                is_fact, reason = False, "name"
                break
            # in a quote when the last quote opening before the number holds it (quotes never overlap),
            # the quotes opening before it read in step with the numbers (a bisection's count)
            if quote_starts:
                while quote_i < n_quotes and quote_starts[quote_i] < start:
                    quote_i += 1
                if quote_i and end < quote_ends[quote_i - 1]:
                    is_fact, reason = False, "name"
                    break
            # most texts have no opener, and an amount needs none of the span ends: no look for those;
            # the few numbers a span tail could reach ask _past_in for the search of their clause
            if past_ends:
                while past_j < n_ends and past_ends[past_j] <= start:
                    past_j += 1
                if past_j and past_reach[past_j - 1] >= start:
                    is_fact, reason = False, "past_context"
                    break
            if tail_starts and measure not in _AMOUNT_UNITS:
                while tail_k < n_tails and tail_starts[tail_k] < start - 2:
                    tail_k += 1
                if tail_k < n_tails and tail_backs[tail_k] < end and _past_in(text, token, measure, found):
                    is_fact, reason = False, "past_context"
                    break
            if before1 == "第":
                rank, reason = _rank_verdict(text, token)
                if rank:  # a rank stands alone: no range, no unit
                    value_max, range_end, unit, measure, unit_end = None, end, "rank", "rank", end
                    multiplier, approximate = 1.0, False
                is_fact = rank
                break
            if not plain:  # a unit with a rule of its own, or none (a plain unit passes every test here)
                if measure == "年":
                    if _YEAR_NUMBER.fullmatch(token.text.translate(_FULL_WIDTH)):
                        is_fact, reason = False, "date"
                        break
                    before2 = text[max(0, start - 2) : start]
                    duration = before2.endswith(lexicon.DURATION_CUES_BEFORE) or text.startswith(
                        lexicon.DURATION_CUES_AFTER, unit_end
                    )
                    if not duration or text.startswith("内", unit_end):
                        is_fact, reason = False, "qualifier"
                        break
                    is_fact, reason = True, ""
                    break
                if measure in ("月", "日", "号", "季度") or (unit == "" and _MONTH_RANGE.match(text, end)):
                    is_fact, reason = False, "date"
                    break
                if measure == "周年":
                    is_fact, reason = False, "anniversary"
                    break
                if measure in ("届", "期", "代", "版", "次会议"):
                    is_fact, reason = False, "ordinal"
                    break
                if (
                    measure in _ATTRIBUTIVE_TIME_UNITS
                    and unit_end < size
                    and _CJK.match(text[unit_end])
                    and not (text.startswith(("以上", "以内", "左右"), unit_end))
                ):
                    is_fact, reason = False, "qualifier"
                    break
                if measure in _QUALIFIER_UNITS:
                    is_fact, reason = False, "qualifier"
                    break
                if not unit:
                    if not token.chinese and (_unitless_ratio(text, token) or _proportion(text, token)):
                        is_fact, reason = True, ""
                        break
                    word = _unknown_measure(text, token, range_end)
                    if word:  # kept as printed; the pipeline flags a unit the lexicon does not know
                        unit = measure = word
                        unit_end = range_end + len(word)
                        is_fact, reason = True, ""
                        break
                    is_fact, reason = False, "word" if token.chinese else "no_unit"
                    break
                if unit == "个" and text.startswith("方面", unit_end):
                    is_fact, reason = False, "structure"
                    break
            # only 及 or 以 can open the comparator: most units are followed by neither (no match call)
            comparator_after = text.startswith(("及", "以"), unit_end) and _COMPARATOR_AFTER.match(
                text, unit_end, unit_end + 3
            )
            if comparator_after:
                follower = text[comparator_after.end() : comparator_after.end() + 1]
                if (
                    follower
                    and _CJK.match(follower)
                    and follower != "的"
                    and not _counted_after_verb(text, token, measure)
                ):
                    is_fact, reason = False, "qualifier"
                    break
            if token.chinese and not _chinese_numeral_counts(text, token, unit, measure, unit_end, multiplier):
                is_fact, reason = False, "word"
                break
            is_fact, reason = True, ""
            break
        candidate = Candidate(
            token, value_max, range_end, unit, measure, unit_end, multiplier, approximate, is_fact, reason, rank
        )
        judged.append(candidate)
        covered_until = range_end
    return judged


def _chinese_numeral_counts(
    text: str, token: NumberToken, unit: str, measure: str, end: int, multiplier: float
) -> bool:
    """Whether a Chinese numeral with a unit is a figure rather than part of a word.

    It is when vague (数十, 近千), a doubling (翻一番), a count summing up a list (A、B两项), a count
    after a verb (新建十所) or with a counting classifier (两所), a count closing its clause
    (景区两个，), or a physical measure (千亿元). A bare 一 is almost always an article (一座, 一批).
    """
    before1 = text[token.start - 1] if token.start else ""
    if before1 in ("数", "近") or (before1 == "翻" and unit == "番"):
        return True
    if token.text == "一":
        return False
    # any one of these is enough: the cheap ones first, the search of the clause for a list last
    if multiplier > 1 or lexicon.UNITS.get(measure, ("item",))[0] not in _COUNT_BASES_AND_ITEM:
        return True  # a physical measure
    if measure in lexicon.COUNTING_CLASSIFIERS:
        return True
    if unit in _ENUMERATION_UNITS and (end >= len(text) or text[end] in "，。；、"):
        return True  # closes its clause
    if text.endswith(_COUNTING_VERBS, 0, token.start):
        return True
    return unit in _ENUMERATION_UNITS and _enumeration_before(text, token)


def candidates(text: str, skip: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Every number token in ``text`` with its verdict; tokens inside ``skip`` spans are left out."""
    quotes = quoted_spans(text)
    return _judged(text, number_tokens(text), _lookups(text, quotes), sorted(skip or []))
