"""Stage 5b: named projects and events -> rows of ``projects`` and ``events``.

Rules on the genre's shapes, never on one report's names:
- lists closed by 等 and a category head ("A、B、C等重点项目", "A、B等主题活动"): each item is a row;
- quoted names before a count and a head ("“A”“B”3个特色风貌区"), and lists of places ("A新村、B大厦");
- numbered candidate lists ("(1)“…”…项目；(2)…") put to the vote;
- single names ending in a project or event suffix (工程, 基地, 公园, 峰会, 论坛, 节 …);
- outbreaks dated N·N, and companies listing on an exchange.
Generic mentions (重点项目, 主题活动) are not rows; each entity is a row at its first mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter

import cn2an

from . import lexicon
from .parts import SentencePart
from .quantities import clause_marks, clause_window
from .records import Entity, Section, record_from
from .spans import starts
from .structure import innermost_table
from .text import CleanText, last_mark_before, mark_positions

_CN_DIGITS = "一二三四五六七八九十"
_EDITION = re.compile(rf"第([0-9]+|[{_CN_DIGITS}]+)届")
_DOT_DATE = re.compile(r"([0-9]{1,2})[·•.]([0-9]{1,2})")
_MONTH_DAY = re.compile(r"([0-9]{1,2})月([0-9]{1,2})日")
_DAY_ONLY = re.compile(r"(?<![0-9月])([0-9]{1,2})日")
_DELIMS = "，。；：！？、\n"
#: What closes a list of names: 等, or a count right after the last item ("A、B、C4条高速"). A match
#: takes the character 等 or the count's first one (the engine runs fast to the next such character,
#: and each numeral of a count is tried); a count closes the list where it starts.
_LIST_CLOSERS = re.compile(
    r"[等0-9一二三四五六七八九十两](?:(?<=等)|(?<=[\u4e00-\u9fff].)(?=[0-9一二三四五六七八九十两]*[条个座处家所项]))"
)
_VERBS_LONGEST = tuple(sorted(lexicon.GOVERNING_VERBS, key=len, reverse=True))
_VERB_PATTERN = re.compile("|".join(re.escape(v) for v in _VERBS_LONGEST))
_PROJECT_SUFFIXES = tuple(sorted(lexicon.PROJECT_SUFFIXES, key=len, reverse=True))
_EVENT_SUFFIXES = tuple(sorted(lexicon.EVENT_SUFFIXES, key=len, reverse=True))


def _words_pattern(words) -> re.Pattern:
    """One alternation for a word list: ``pattern.search(s)`` is ``any(w in s for w in words)``."""
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


def _none_of(words, marks: str) -> str:
    """A character class of what none of ``words`` holds and is none of ``marks`` (a class's inside)."""
    return "[^{}{}]".format(re.escape("".join(sorted(set("".join(words))))), marks)


def _by_first_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their first character, each group in the order of ``words``: the words a
    string starts with are looked up, not tried one by one."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word)
    return {first: tuple(group) for first, group in groups.items()}


def _starts_pattern(words: tuple[str, ...], after: str = "") -> re.Pattern:
    """Every position where one of ``words`` starts, in one scan: group 1 is the first of ``words``
    there (then ``after``). A match takes only the word's first character, so the engine runs fast to
    the next such character and every position after it is still tried; the word is read by a
    lookahead from that character (inside a lookbehind over it). The words are grouped by first
    character, each group in the order given, so one test of that character leaves only its group.

    Most such characters start no word there (中 of 中心 in 中国): before the groups are tried one by
    one, a gate lets on only a character that is a word itself or is followed by a word's second
    character (a test every word found passes, so the matches are the same)."""
    firsts = re.escape("".join(sorted({w[:1] for w in words})))
    groups = "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in group) + ")"
        for first, group in _by_first_character(words).items()
    )
    singles = re.escape("".join(sorted({w for w in words if len(w) == 1})))
    seconds = re.escape("".join(sorted({w[1] for w in words if len(w) > 1})))
    gate = "|".join(([rf"(?<=[{singles}])"] if singles else []) + ([rf"(?=[{seconds}])"] if seconds else []))
    return re.compile(rf"[{firsts}](?:{gate})(?<=(?=((?:{groups}){after})).)")


#: Patterns and word sets of the name rules, built once (they run at every suffix of a report).
_VERBS_BY_FIRST = _by_first_character(_VERBS_LONGEST)
#: One character each: the words are tried in turn only when a name starts with one of them.
_NAME_START_SET = frozenset(lexicon.NAME_START_WORDS)
_GENERIC_OPENERS = lexicon.NON_SPECIFIC_PREFIXES + lexicon.CONTEXT_BEFORE
_CATEGORY_ITEMS = frozenset(lexicon.CATEGORY_ITEMS)
_PROJECT_SUFFIX_SET = frozenset(_PROJECT_SUFFIXES)
_EVENT_SUFFIX_SET = frozenset(_EVENT_SUFFIXES)
#: Descriptive words ("最大", "首个"), words of no entity's name ("代表大会") and 等: any of them makes a
#: name generic, so one search of all of them answers for the three.
_GENERIC_TEXT_WORD = _words_pattern([*lexicon.DESCRIPTIVE_WORDS, *lexicon.NOT_ENTITY_NAMES, "等"])
_GENERIC_WORDS_LONGEST = tuple(sorted(lexicon.GENERIC_WORDS, key=len, reverse=True))
#: At each position the longest generic word starting there; every other word starting there is one
#: of its prefixes, so ``_GENERIC_PREFIXES`` (the list positions of a word's prefixes that are words)
#: gives all the words held.
_GENERIC_WORD_AT = _starts_pattern(_GENERIC_WORDS_LONGEST)
_SHORTEST_GENERIC_WORD = min(map(len, _GENERIC_WORDS_LONGEST))
_GENERIC_PREFIXES = {
    word: tuple(i for i, other in enumerate(_GENERIC_WORDS_LONGEST) if word.startswith(other))
    for word in _GENERIC_WORDS_LONGEST
}
_COUNT_OF_A_KIND = re.compile(r"[近数超逾]?[0-9一二三四五六七八九十百千万两]+[余多]?[场个家所座条项批件次]")
#: What ``_COUNT_OF_A_KIND`` can start with: a name starting otherwise is no count, without a match.
_COUNT_OF_A_KIND_FIRSTS = frozenset("近数超逾0123456789一二三四五六七八九十百千万两")
#: The first numeral written out of the repeat, so that the engine runs fast to the next numeral.
_COUNT_INSIDE = re.compile(
    r"[0-9一二三四五六七八九十两数][0-9一二三四五六七八九十两数]*[余多]?(?:年内|个|家|所|座|条|项|批|件|县)"
)
#: The first characters of the generic openers: a name that starts with none opens with none.
_GENERIC_OPENER_FIRSTS = frozenset(opener[0] for opener in _GENERIC_OPENERS)
#: Quotes and brackets: a name without any needs no count of its opening and closing ones.
_PAIRED_MARK = re.compile(r"[“”（）()《》]")
_CORE_MARK_CLASS = r"“”《》、·\s0-9"
_CORE_MARKS = re.compile(f"[{_CORE_MARK_CLASS}]")
#: A character of a core that no generic word holds and that is no mark stays in it whatever is
#: removed; one that is also in no kind of project (``CATEGORY_ITEMS``, a suffix) keeps it from being
#: one. A core holding such a character and enough others that stay is no generic mention, without
#: removing its words: ``_SPECIFIC_CORE`` for a project suffix (two characters stay), ``_FOREIGN_CHARACTER``
#: otherwise (one stays).
_KEPT_CHARACTER = _none_of(_GENERIC_WORDS_LONGEST, _CORE_MARK_CLASS)
_FOREIGN_CHARACTER = re.compile(
    _none_of((*_GENERIC_WORDS_LONGEST, *lexicon.CATEGORY_ITEMS, *_PROJECT_SUFFIXES), _CORE_MARK_CLASS)
)
_SPECIFIC_CORE = re.compile(
    f"(?s:{_FOREIGN_CHARACTER.pattern}.*{_KEPT_CHARACTER}|{_KEPT_CHARACTER}.*{_FOREIGN_CHARACTER.pattern})"
)
_COUNTED_AFTER = re.compile(r"[0-9一二三四五六七八九十百千两.]+[万亿]?[个项座条家所套处批]")
#: What a project name's tail (``lexicon.PROJECT_NAME_TAIL``) can start with, besides a section whose
#: 段 stands within five characters: a suffix followed by neither has no tail, without a match.
_NAME_TAIL_FIRSTS = frozenset("0123456789一二三四五六七八九十扩电现改迁提主")
#: What a count after a name starts with: a name followed by anything else is not counted (most).
_COUNTED_AFTER_FIRSTS = frozenset("0123456789一二三四五六七八九十百千两.")
_JOINERS = re.compile(r"[和与及]")
_WHOLE_NAME_BEFORE = re.compile(
    rf"(?:{'|'.join(map(re.escape, _PROJECT_SUFFIXES))}){lexicon.PROJECT_NAME_TAIL.pattern}$"
)
_HEAD_AFTER = re.compile(r"[^，。；：！？\n]{0,18}")
_LIST_QUOTES = re.compile(r"“[^“”\n]{0,40}”")
_QUOTED = re.compile(r"“[^“”]*”")
_STATUS_WINDOW_SPLIT = re.compile(r"[，。；！？、]")
_CLAUSE_SPLIT = re.compile(r"[，。；]")
#: Two quoted names or more, the first written out so that the engine can run to the next “.
_QUOTED_LIST = re.compile(r"(“[^“”]{2,20}”(?:“[^“”]{2,20}”)+)([0-9一二三四五六七八九十两]+个)?([^，。；]{0,8})")
_QUOTED_ITEM = re.compile(r"“([^“”]{2,20})”")
_PLACE_SUFFIXES = "|".join(lexicon.PLACE_SUFFIXES)
_PLACE_LIST = re.compile(
    rf"((?:[\u4e00-\u9fff]{{2,8}}?(?:{_PLACE_SUFFIXES})、)+[\u4e00-\u9fff]{{2,8}}?(?:{_PLACE_SUFFIXES}))"
)
_PLACE_ANCHOR = _starts_pattern(lexicon.PLACE_SUFFIXES, "、")
_CANDIDATE_ITEM = re.compile(r"[（(]([0-9]{1,2})[)）]([^；;。\n（(]{2,40}?(?:项目|工程))(?=[；;。\n]|$)")
_VOTE_WORDS = re.compile(r"候选|票决|票选")
_OUTBREAK = re.compile(r"“?[0-9]{1,2}·[0-9]{1,2}”?(?:[\u4e00-\u9fff]{0,6})?疫情")
_ANNIVERSARY = re.compile(r"[^，。；、“”]{2,12}?[0-9一二三四五六七八九十]+周年(?:纪念)?活动")
_ANNIVERSARY_DIGITS = frozenset("0123456789一二三四五六七八九十")
_EXCHANGES = "|".join(lexicon.EXCHANGES)
_LISTING = re.compile(rf"([^，。；、]{{2,12}}?)在(?:{_EXCHANGES})[^，。；]{{0,6}}上市")
_LISTING_ANCHOR = re.compile(rf"在(?:{_EXCHANGES})")
_LISTINGS = re.compile(rf"((?:[^，。；、]{{2,12}}、)+[^，。；、]{{2,12}}?)先后于[^，。；]{{0,20}}(?:{_EXCHANGES})")
_QUOTED_NAME = re.compile(r"“([^“”\n]{2,24})”")
_QUOTED_EVENT_ENDS = _EVENT_SUFFIXES + lexicon.QUOTED_EVENT_SUFFIXES
_LINE_CODE_ANCHOR = re.compile(r"[A-Z](?=[0-9]{1,3}线)")
_EVENT_MARK = re.compile(r"(?:论坛|大会|博览会|节)·")
_OUTBREAK_KEY = re.compile(r"([0-9]{1,2}·[0-9]{1,2}).*疫情")
_KEY_MARKS = re.compile(r"[“”《》\s]")
_HONOUR = re.compile(r"(?:分别|先后|均)?(?:入选|被评为|被命名为|荣膺)")
_HONOUR_FIRSTS = frozenset("分先均入被荣")  # what the honour words start with
#: The characters the context words (依托, 围绕 …) start and end with, and those the words that show a
#: suffix is no name's end (城市, 金牌 …) start with: a name with none there needs no test of each word.
_CONTEXT_FIRSTS = frozenset(word[0] for word in lexicon.CONTEXT_BEFORE)
_CONTEXT_LASTS = frozenset(word[-1] for word in lexicon.CONTEXT_BEFORE)
_NOT_NAME_FOLLOWER_FIRSTS = frozenset(word[0] for word in lexicon.NOT_NAME_FOLLOWERS)
#: Lexicon words asked of every suffix found, read once here (not as module attributes each time).
_ONE_CHAR_SUFFIX_BLOCKERS = frozenset(lexicon.ONE_CHAR_SUFFIX_BLOCKERS)
_HONOUR_SUFFIXES = frozenset(lexicon.HONOUR_SUFFIXES)
_NAME_INTERNAL_VERBS = lexicon.NAME_INTERNAL_VERBS
_CONTEXT_BEFORE = lexicon.CONTEXT_BEFORE
_LINE = re.compile(r"[^\n]+")
_PAIR = re.compile(r"([^和与]{2,10})[和与]([^和与]{2,10})")
_REPEAT_TAILS = ("园区", "区块", "项目", "工程")  # two characters each
#: Whether any cut word, or any event suffix longer than a character, stands in a span at all: when
#: none does, the word-by-word search for the last one is skipped.
_CUT_WORD = _words_pattern(lexicon.NAME_CUT_WORDS)
_INNER_VERB = _words_pattern(lexicon.INNER_VERBS)
_LONG_EVENT_SUFFIX = _words_pattern([s for s in lexicon.EVENT_SUFFIXES if len(s) > 1])
#: Any word ``_hard_start`` cuts after (a cut word, a joiner, a long event suffix): most spans hold
#: none, and one search then answers for its three rules.
_HARD_START_WORD = _words_pattern(
    [*lexicon.NAME_CUT_WORDS, "和", "与", "及", *(s for s in lexicon.EVENT_SUFFIXES if len(s) > 1)]
)
_VERB_AT = _starts_pattern(_VERBS_LONGEST)
_LONGEST_VERB = max(map(len, _VERBS_LONGEST))
#: Any head that looks like a project list's but lists something else, in one search.
_NOT_ENTITY_HEAD = _words_pattern(lexicon.NOT_ENTITY_HEADS)
_HEAD_WORDS = {
    "events": _words_pattern(lexicon.EVENT_LIST_HEADS),
    "projects": _words_pattern(lexicon.PROJECT_LIST_HEADS),
}
_LINE_NUMBER_CHARACTERS = frozenset("0123456789、和号")
_COMPASS_POINTS = frozenset("东西南北")


def _categories_before(categories) -> tuple[list[re.Pattern], dict[str, int], tuple[str, ...]]:
    """For each category (and one past the last), one pattern for the words of all categories before
    it; each word's first category; the categories' names. A name's category is the first whose
    words it holds: any word found is of a category it holds, so only those before it are left."""
    first_of: dict[str, int] = {}
    for i, (_, words) in enumerate(categories):
        for word in words:
            first_of.setdefault(word, i)
    before = [_words_pattern([w for _, words in categories[:i] for w in words]) for i in range(len(categories) + 1)]
    return before, first_of, tuple(category for category, _ in categories)


_CATEGORIES_BEFORE = {
    "events": _categories_before(lexicon.EVENT_CATEGORIES),
    "projects": _categories_before(lexicon.PROJECT_CATEGORIES),
}
_ADVERBS_BY_FIRST = _by_first_character(lexicon.NAME_ADVERBS)
#: Each status with one pattern for its verbs (a status is asked of every name's clause).
_STATUS_VERBS = [(status, _words_pattern(verbs)) for status, verbs in lexicon.PROJECT_STATUS_VERBS]
#: Any status verb: words holding none (a third of those asked) need no search per status.
_ANY_STATUS_VERB = _words_pattern([verb for _, verbs in lexicon.PROJECT_STATUS_VERBS for verb in verbs])
#: What the lexicon's name openers (（一）, 1., 全市) and time prefixes (3月, 今年, 春节) can start with:
#: a name starting otherwise is matched against neither (most names).
_NAME_OPENER_FIRSTS = frozenset("（(0123456789全")
_TIME_PREFIX_FIRSTS = frozenset("0123456789七中国春元端五全今去明当年上下一过近")
#: The first two characters of each governing verb and opening adverb (a word of one character is
#: itself): a name opening with none of them opens with no verb, without trying the words of its
#: first character (two in three names starting with one of those characters open with no verb).
_OPENING_HEADS = frozenset(word[:2] for word in (*_VERBS_LONGEST, *lexicon.NAME_ADVERBS))
#: What a name ``_trim_name`` cuts anything off the front of (a 的 aside) starts with, besides the
#: heads of the governing verbs and adverbs (``_OPENING_HEADS``).
_TRIM_FIRSTS = _NAME_OPENER_FIRSTS | _TIME_PREFIX_FIRSTS | _NAME_START_SET
#: What a name has cut off its front whatever else it holds: a bullet, or the quote of a name
#: printed wholly in quotes.
_BULLET_OR_QUOTE = frozenset(lexicon.BULLETS) | {"“"}


def _anchored_matches(pattern: re.Pattern, text: str, windows) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern that can only match at a start inside one of
    ``windows`` ((first, last) start positions near a word every match holds, in text order): the
    pattern is tried there alone, not at every character of the report."""
    found: list[re.Match] = []
    pos = 0
    for start in sorted({s for first, last in windows for s in range(max(first, 0), last + 1)}):
        if start >= pos:
            match = pattern.match(text, start)
            if match:
                found.append(match)
                pos = match.end()
    return found


#: Not frozen: built for every name found of a report, and a frozen dataclass takes five times as long
#: to build; nothing changes one after it is made.
@dataclass(slots=True)
class Mention:
    """A named entity found in the cleaned text (clean offsets)."""

    table: str  # projects | events
    start: int
    end: int
    category: str | None = None
    status_hint: str | None = None


@cache
def _chinese_number(text: str) -> int | None:
    """An edition's number; remembered, as a report names the same few editions (cn2an parses slowly)."""
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError):
        return None


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut governing verbs, '…的' modifiers, time words and list openers off the front of a name.

    A name whose first characters open none of them and that holds no 的 (most) has nothing to cut."""
    name = text[start:end]
    first = name[:1]
    changed = first in _TRIM_FIRSTS or name[:2] in _OPENING_HEADS or first in _OPENING_HEADS or "的" in name
    if not changed and first and first not in _BULLET_OR_QUOTE and not _INNER_VERB.search(text, start, end):
        return start, end  # most names: no rule's word at the front, no bullet, no quote, no inner verb
    while changed and start < end:
        changed = False
        name = text[start:end]  # sliced again only where a rule moves ``start``
        opener = lexicon.NAME_OPENERS.match(name) if name[:1] in _NAME_OPENER_FIRSTS else None
        if opener and opener.end() and end - start - opener.end() >= 2:
            start, changed = start + opener.end(), True
            name = text[start:end]
        opens = name[:2] in _OPENING_HEADS or name[:1] in _OPENING_HEADS
        for verb in _opening_verbs(name) if opens else ():
            rest = name[len(verb) :]
            if name.startswith(verb) and len(rest) > 1 and not rest.startswith("性"):
                start, changed = start + len(verb), True
                name = rest
                break
        cut = text.rfind("的", start, end - 1) + 1 if "的" in name else 0
        if cut and end - cut >= 2:
            start, changed = cut, True
            name = text[start:end]
        time = lexicon.TIME_PREFIXES.match(name) if name[:1] in _TIME_PREFIX_FIRSTS else None
        if time and len(name) > time.end() + 1:
            start, changed = start + time.end(), True
        for word in lexicon.NAME_START_WORDS if start < end and text[start] in _NAME_START_SET else ():
            if text.startswith(word, start, end) and end - start > 3 and not text.startswith("在建", start):
                start, changed = start + 1, True
    for verb in lexicon.INNER_VERBS if _INNER_VERB.search(text, start, end) else ():
        # "民间资本参与交通": the name (if any) is what follows the verb
        pos = text.rfind(verb, start, end)
        if pos > start and end - (pos + len(verb)) >= 2:
            start = pos + len(verb)
    while start < end and text[start] in lexicon.BULLETS:
        start += 1
    if text[start] == "“" and text[end - 1] == "”" and text[start + 1 : end - 1].count("“") == 0:
        start, end = start + 1, end - 1  # a name printed wholly in quotes
    return start, end


def _opening_verbs(name: str) -> list[str]:
    """The governing verbs ``name`` starts with, longest first, each also after an adverb that opens
    the name ("持续开展"), those with the adverb first."""
    found = []
    for adverb in _ADVERBS_BY_FIRST.get(name[:1], ()):
        if name.startswith(adverb):  # the first adverb the name starts with
            rest = name[len(adverb) :]
            found = [adverb + verb for verb in _VERBS_BY_FIRST.get(rest[:1], ()) if rest.startswith(verb)]
            break
    for verb in _VERBS_BY_FIRST.get(name[:1], ()):
        if name.startswith(verb):
            found.append(verb)
    return found


def _is_generic(name: str, suffix: str) -> bool:
    return _is_generic_text(name) or _is_generic_core(name, suffix)


def _is_generic_text(name: str) -> bool:
    """What makes a name generic whatever its suffix: a caller asking again with the suffix found
    asks ``_is_generic_core`` alone."""
    if (name[:1] in _GENERIC_OPENER_FIRSTS and name.startswith(_GENERIC_OPENERS)) or name in _CATEGORY_ITEMS:
        return True
    if _GENERIC_TEXT_WORD.search(name):
        return True  # "最大", "代表大会", "等"
    if name[:1] in _COUNT_OF_A_KIND_FIRSTS and _COUNT_OF_A_KIND.match(name):
        return True  # "近百场大型演唱会": a count of a kind, not a name
    if len(name) <= 3 and name[0] in "一二三四五六七八九十两":
        return True  # "四线", "三馆": the parts of a numbered slogan
    if _COUNT_INSIDE.search(name):
        return True  # a count inside ("12件候选项目", "2年内立项项目") makes it a generic mention
    if _PAIRED_MARK.search(name) and (
        name.count("“") != name.count("”")
        or name.count("（") != name.count("）")
        or name.count("(") != name.count(")")
        or name.count("《") != name.count("》")
    ):
        return True
    # a threshold the lexicon's pattern finds holds 以 (以上, 以下) or its unit (元, 平方米, 亩)
    threshold_possible = "以" in name or "元" in name or "米" in name or "亩" in name
    return threshold_possible and bool(lexicon.THRESHOLD_IN_NAME.search(name))


def _is_generic_core(name: str, suffix: str) -> bool:
    """What makes a name generic once its suffix is known: the words before it."""
    if "以及" in name:
        return True
    core = name
    if suffix:
        before_suffix = name[: len(name) - len(suffix)]
        if len(before_suffix) >= 4 and before_suffix.endswith(("和", "与", "及")):
            return True  # "绿色矿山和园区": the suffix is shared by words, not a name
        if name.endswith(suffix):
            core = before_suffix
    if (_SPECIFIC_CORE if suffix and suffix not in _EVENT_SUFFIX_SET else _FOREIGN_CHARACTER).search(core):
        return False  # most names: a character no removal takes and no kind of project holds
    first = _GENERIC_WORD_AT.search(core)
    if first:  # most cores hold no generic word: nothing to remove
        core = _without_generic_words(core, first)
    if _CORE_MARKS.search(core):  # most cores hold no mark: nothing to rebuild
        core = _CORE_MARKS.sub("", core)
    if core in _CATEGORY_ITEMS or core in _PROJECT_SUFFIX_SET:
        return True  # "算力基础设施项目", "在建核电项目": a kind of project
    if suffix in _EVENT_SUFFIX_SET:
        return len(core) < 1  # 智博会, 西洽会: abbreviations keep one character
    return len(core) < 2 if suffix else len(core) < 1


def _without_generic_words(core: str, first: re.Match | None = None) -> str:
    """``core`` with each generic word removed in turn, longest first (a removal can join the
    pieces of another word). Only the words the current text holds are removed: a word it lacks
    would change nothing, so the next one held is found with one scan instead of a try per word.
    Most cores hold none: callers search for one first (``_GENERIC_WORD_AT.search``) and hand it
    over (``first``); after a removal most hold none, which one search (no list of all) tells."""
    done = -1
    if first is None:
        first = _GENERIC_WORD_AT.search(core)
    while first:  # the scan for every word held starts at the first one
        words = _GENERIC_WORD_AT.finditer(core, first.start())
        held = [i for m in words for i in _GENERIC_PREFIXES[m.group(1)] if i > done]
        if not held:
            return core
        done = min(held)
        core = core.replace(_GENERIC_WORDS_LONGEST[done], "")
        if len(core) < _SHORTEST_GENERIC_WORD:
            return core  # too short to hold another
        first = _GENERIC_WORD_AT.search(core)
    return core


def _suffix_of(name: str, ends: dict[str, tuple[str, ...]]) -> str | None:
    """The first suffix the name ends with (closing quotes aside), of a list grouped by
    ``_by_last_character``: only those ending in its last character are tried."""
    stripped = name.rstrip("”》")
    for suffix in ends.get(stripped[-1:], ()):
        if stripped.endswith(suffix):
            return suffix
    return None


def _by_last_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words (never empty) grouped by their last character, each group in the order of ``words``."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[-1:], []).append(word)
    return {last: tuple(group) for last, group in groups.items()}


#: The suffix lists ``_suffix_of`` is asked about, grouped once (not looked up by hashing the list's
#: words at every call).
_PROJECT_ENDS = _by_last_character(_PROJECT_SUFFIXES)
_EVENT_ENDS = _by_last_character(_EVENT_SUFFIXES)
_NAME_ENDS = _by_last_character(_PROJECT_SUFFIXES + _EVENT_SUFFIXES)
_PLACE_ENDS = _by_last_character(lexicon.PLACE_SUFFIXES)
_QUOTED_EVENT_ENDS_BY_LAST = _by_last_character(_QUOTED_EVENT_ENDS)


_ITEM_MARKS = re.compile("[、暨]")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of an enumeration span, split on 、 and 暨 (及 and 和 occur inside names:
    "阿克塞生态保护及城乡供水一体化", "中非创新合作与发展论坛")."""
    items, begin = [], start
    for mark in _ITEM_MARKS.finditer(text, start, end):  # the marks found by a search, not read one by one
        if begin < mark.start():
            items.append((begin, mark.start()))
        begin = mark.end()
    if begin < end:
        items.append((begin, end))
    return items


def _split_at_ji(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "比亚迪腾势汽车及摩根士丹利三期" is two items; "阿克塞生态保护及城乡供水一体化" and
    "香日德水库及配套灌溉工程" are one: what follows 及 there is the work that goes with it."""
    joined = text.find("及", start, end)
    if joined < start + 2 or joined > end - 3 or text.startswith(lexicon.ATTACHED_WORK_WORDS, joined + 1):
        return [(start, end)]
    shares_suffix = _suffix_of(text[joined + 1 : end], _PROJECT_ENDS) and not _suffix_of(
        text[start:joined], _PROJECT_ENDS
    )
    if shares_suffix:  # "新材料及电子化学品产业园": one park of both
        return [(start, end)]
    return [(start, joined), (joined + 1, end)]


def _split_pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two names joined by 和/与 ("京港澳和沪昆扩容", "雅下水电和川藏铁路") are two items when both
    halves are alike: both short, or both ending in a name suffix. "中非创新合作与发展论坛" is one."""
    match = _PAIR.fullmatch(text[start:end])
    if not match or any(w in text[start:end] for w in lexicon.WORDS_WITH_HE_YU):
        return [(start, end)]
    left, right = match.group(1), match.group(2)
    both_short = len(left) <= 6 and len(right) <= 6 and not _suffix_of(right, _NAME_ENDS)
    both_named = bool(_suffix_of(left, _NAME_ENDS)) and bool(_suffix_of(right, _NAME_ENDS))
    if not (both_short or both_named):
        return [(start, end)]
    return [(start + match.start(1), start + match.end(1)), (start + match.start(2), start + match.end(2))]


_LIST_START_MARKS = "，。；：！？\n"


def _list_start(text: str, pos: int) -> int:
    """Just after the clause mark or line end before ``pos``."""
    if pos <= 0:
        return pos
    return last_mark_before(text, pos, _LIST_START_MARKS) + 1


def find_lists(text: str) -> list[Mention]:
    """Items of "A、B、C等<head>" lists whose head is a project or event category."""
    mentions = []
    previous_head_end = 0  # a list starts after the head of the list before it ("…项目和黄百等4个…")
    quotes = [(m.start(), m.end()) for m in _LIST_QUOTES.finditer(text)]
    quote_starts = [a for a, _ in quotes]
    clause_marks = mark_positions(text, _LIST_START_MARKS)  # ``_list_start`` by bisection here
    for match in _LIST_CLOSERS.finditer(text):
        closer = match.start()
        by_etc = match.group() == "等"
        closer_end = match.end() if by_etc else closer
        i = bisect.bisect_left(clause_marks, closer)
        list_start = clause_marks[i - 1] + 1 if i else 0
        if not by_etc and text.rfind("、", list_start, closer) < 0:
            continue  # "供氧工程13个": a count of one kind, not the end of a list (most closers)
        q = bisect.bisect_left(quote_starts, closer) - 1
        if q >= 0 and quotes[q][0] < closer < quotes[q][1]:
            continue
        head_match = _HEAD_AFTER.match(text, closer_end)
        head = head_match.group() if head_match else ""
        table = None
        for name_table, heads in (("events", lexicon.EVENT_LIST_HEADS), ("projects", lexicon.PROJECT_LIST_HEADS)):
            if not _HEAD_WORDS[name_table].search(head):
                continue  # no head word of this table: nothing to look for one by one
            positions = [head.find(h) for h in heads if h in head]
            if positions:
                table, head = name_table, head[: min(positions) + max(len(h) for h in heads if h in head)]
                break
        if table is None or _NOT_ENTITY_HEAD.search(head):
            continue
        span_start = max(list_start, previous_head_end)
        previous_head_end = closer_end + len(head)
        items = _list_items(text, span_start, closer)
        if len(items) < 1:
            continue
        category = "performance" if "演艺" in head else None
        status = _verb_after(text, closer_end)
        heads = lexicon.EVENT_LIST_HEADS if table == "events" else lexicon.PROJECT_LIST_HEADS
        items = [piece for a, b in items for piece in _split_at_ji(text, a, b)]
        trimmed = []
        for a, b in items:
            item_start = a
            a, b = _trim_name(text, a, b)
            trimmed += [(item_start, x, y) for x, y in _split_pair(text, a, b)]
        for item_start, a, b in trimmed:
            if item_start < a:  # the verb opening this item (cut off by the trim) governs it
                status = _status_in(text[item_start:a]) or status
            name = text[a:b]
            if not by_etc and len(name) > 6:
                continue  # a list closed by a count names short things ("本桓宽、凌绥、台黑4条高速")
            if (
                b - a < 2
                or b - a > 30
                or _is_generic_text(name)
                or _is_generic_core(name, "")
                or (table == "events" and name.endswith(heads))
            ):
                continue
            suffix = _suffix_of(name, _EVENT_ENDS if table == "events" else _PROJECT_ENDS) or ""
            if suffix and _is_generic_core(name, suffix):  # _is_generic_text(name) was asked above
                continue
            mentions.append(Mention(table, a, b, category, status))
    return mentions


def _status_in(words: str) -> str | None:
    if "“" in words:
        words = _QUOTED.sub("", words)  # verbs inside a quoted award name do not count
    if not _ANY_STATUS_VERB.search(words):
        return None
    for status, verbs in _STATUS_VERBS:
        if verbs.search(words):
            return status
    return None


def _verb_after(text: str, pos: int) -> str | None:
    return _status_in(_STATUS_WINDOW_SPLIT.split(text[pos : pos + 30])[0])


def find_quoted_lists(text: str) -> list[Mention]:
    """“A”“B”“C”3个<head>: each quoted name is an entity."""
    mentions = []
    for match in _QUOTED_LIST.finditer(text):
        head = match.group(3)
        if not any(h in head for h in lexicon.PROJECT_LIST_HEADS):
            continue
        for quoted in _QUOTED_ITEM.finditer(match.group(1)):
            start = match.start(1) + quoted.start(1)
            mentions.append(Mention("projects", start, start + len(quoted.group(1)), "urban_renewal"))
    return mentions


def find_place_lists(text: str) -> list[Mention]:
    """Lists of named places without 等 ("突出浙工新村、东清大厦、树园小区典型引领")."""
    mentions = []
    # the first item is 2 to 8 characters and its place suffix, then 、
    windows = ((m.start() - 8, m.start() - 2) for m in _PLACE_ANCHOR.finditer(text))
    for match in _anchored_matches(_PLACE_LIST, text, windows):
        for a, b in _list_items(text, match.start(), match.end()):
            a, b = _trim_name(text, a, b)
            if not _is_generic(text[a:b], _suffix_of(text[a:b], _PLACE_ENDS) or ""):
                mentions.append(Mention("projects", a, b, "urban_renewal"))
    return mentions


def find_candidate_lists(text: str) -> list[Mention]:
    """Numbered lists of named programmes put to the vote: "(1)“…”…项目；(2)…"."""
    mentions = []
    for match in _CANDIDATE_ITEM.finditer(text):
        paragraph = text[text.rfind("\n", 0, match.start()) + 1 : text.find("\n", match.end()) % (len(text) + 1)]
        hint = "candidate" if _VOTE_WORDS.search(paragraph) else None
        mentions.append(Mention("projects", match.start(2), match.end(2), "livelihood_programme", hint))
    return mentions


def find_outbreaks_and_listings(text: str) -> list[Mention]:
    mentions = []
    # each pattern is tried only just before a word its matches hold (·, 周年, 在+exchange, 先后于)
    windows = ((m.start() - 3, m.start() - 1) for m in re.finditer("·", text))
    for match in _anchored_matches(_OUTBREAK, text, windows):
        name = match.group()
        if "”" not in name or name.startswith("“"):
            mentions.append(Mention("events", match.start(), match.end(), "outbreak"))
    for match in _anchored_matches(_ANNIVERSARY, text, _anniversary_windows(text)):
        start = _name_starts(text, match.start(), match.end() - 2)[0]
        mentions.append(Mention("events", start, match.end(), "anniversary"))
    for match in _anchored_matches(lexicon.METRO_LINE, text, _metro_windows(text)):
        mentions.append(Mention("projects", match.start(), match.end(), "transport"))
    windows = ((m.start() - 12, m.start() - 2) for m in _LISTING_ANCHOR.finditer(text))
    for match in _anchored_matches(_LISTING, text, windows):
        mentions.append(Mention("events", match.start(1), match.end(1), "listing"))
    windows = ((_clause_mark_before(text, m.start()) + 1, m.start()) for m in re.finditer("先后于", text))
    for match in _anchored_matches(_LISTINGS, text, windows):
        for a, b in _list_items(text, match.start(1), match.end(1)):
            mentions.append(Mention("events", a, b, "listing"))
    return mentions


def _anniversary_windows(text: str):
    """Where "name, numeral, 周年" can start: the name (2 to 12 characters, numerals allowed) ends
    inside the run of numerals before 周年, which keeps at least one."""
    for match in re.finditer("周年", text):
        numeral = match.start()
        while numeral > 0 and text[numeral - 1] in _ANNIVERSARY_DIGITS:
            numeral -= 1
        yield numeral - 12, match.start() - 3


def _metro_windows(text: str):
    """Where a metro line can start: before 线, by two characters (机场线), or by the line numbers
    before 号线 (3、4号线), each after at most 地铁 / 轨道交通 and a phase (二期). A line is 号线 or is
    extended (机场线北延伸): any other 线 (沿线, 一线, 线上, most of them) starts none."""
    for match in re.finditer("线", text):
        line = match.start()
        if text[line - 1 : line] != "号" and not (
            text[line + 1 : line + 2] in _COMPASS_POINTS and text.startswith("延伸", line + 2)
        ):
            continue
        numbers = match.start()
        while numbers > 0 and text[numbers - 1] in _LINE_NUMBER_CHARACTERS:
            numbers -= 1
        yield min(numbers, match.start() - 2) - 6, match.start() - 1


def _clause_mark_before(text: str, pos: int) -> int:
    return max(text.rfind(mark, 0, pos) for mark in "，。；")


def find_road_codes(text: str) -> list[Mention]:
    """Roads and lines by number: G318, G214加卡至邦达机场段, G695提质改造, 厦漳泉R1线先行段, M102线."""
    # a road code starts at its G or S: the pattern is tried there alone. The letters, and the 线 of
    # a line, are found among the report's code points (``mark_positions``): a pattern's scan for a
    # class of characters takes eight times as long
    windows = ((p, p) for p in mark_positions(text, "GS"))
    roads = _anchored_matches(lexicon.ROAD_CODE, text, windows)
    found = [Mention("projects", m.start(), m.end(), "transport") for m in roads]
    letters = {p for q in mark_positions(text, "线") for p in range(max(q - 4, 0), q - 1)}
    windows = ((p - 8, p) for p in letters if _LINE_CODE_ANCHOR.match(text, p))  # the code's letter
    for m in _anchored_matches(lexicon.LINE_CODE, text, windows):
        start = m.start() + len(m.group("prefix") or "") - len(_trimmed_prefix(m.group("prefix") or ""))
        found.append(Mention("projects", start, m.end(), "transport"))
    return found


def _trimmed_prefix(prefix: str) -> str:
    """The place part of a line's prefix ("加快建设厦漳泉" -> "厦漳泉"): what follows its last verb."""
    for verb in _VERBS_LONGEST:
        if verb in prefix:
            prefix = prefix.rsplit(verb, 1)[-1]
    return prefix


def find_quoted_events(text: str) -> list[Mention]:
    """A quoted name that is an event by its own words (“中小学生冰雪周”, “X论坛·Y2025”)."""
    found = []
    for m in _QUOTED_NAME.finditer(text):
        inner = m.group(1)
        if _suffix_of(inner, _QUOTED_EVENT_ENDS_BY_LAST) or _EVENT_MARK.search(inner):
            found.append(Mention("events", m.start(), m.end()))
    return found


# the list starts a clause, after at most a governing verb: its first item is a whole word; its first
# 、 comes within that verb and four characters, so that is looked for before the verbs are tried
_SHARED_SUFFIX_BODY = (
    rf"(?=[^、]{{0,{max(map(len, lexicon.NAME_ADVERBS)) + _LONGEST_VERB + 4}}}、)"
    rf"(?:(?:{'|'.join(lexicon.NAME_ADVERBS)})?(?:{_VERB_PATTERN.pattern}))?"
    rf"((?:[\u4e00-\u9fff]{{2,4}}、)+)[\u4e00-\u9fff]{{2,6}}?(?:{'|'.join(map(re.escape, _PROJECT_SUFFIXES))})"
)
_SHARED_SUFFIX_AT_START = re.compile(_SHARED_SUFFIX_BODY)
#: After a clause mark, which a match takes: the engine runs fast from mark to mark.
_SHARED_SUFFIX_LIST = re.compile(rf"[，。；：\n和及]{_SHARED_SUFFIX_BODY}")


def _shared_suffix_matches(text: str):
    """The lists at the start of the text or of a line or clause, in order. No project suffix ends in
    a clause mark, so a list never starts right after the one before without a mark of its own."""
    first = _SHARED_SUFFIX_AT_START.match(text)
    if first:
        yield first
    yield from _SHARED_SUFFIX_LIST.finditer(text, first.end() if first else 0)


def find_shared_suffix_lists(text: str) -> list[Mention]:
    """Short names sharing the suffix of the last item of their list: "延榆、康渝高铁" (延榆 is a
    高铁 too), "引黄济宁、引通济柴工程", "府谷、定边机场"."""
    mentions = []
    for match in _shared_suffix_matches(text):
        if _honour_only(text, match.end()):
            continue
        for a, b in _list_items(text, match.start(1), match.end(1) - 1):
            a, b = _trim_name(text, a, b)
            name = text[a:b]
            if 2 <= len(name) <= 4 and not _suffix_of(name, _PROJECT_ENDS) and not _is_generic(name, ""):
                mentions.append(Mention("projects", a, b))
    return mentions


@cache
def _suffix_pattern(suffixes: tuple[str, ...]) -> re.Pattern:
    """One pattern for all suffixes (longest first, a closing quote kept), matched at every position."""
    return _starts_pattern(suffixes, "”?")


def _suffix_matches(text: str, suffixes: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Suffix occurrences (start, end, the suffix with its closing quote), dropping one that a longer
    overlapping suffix extends ("高中|学校" not "高|中学").

    One scan of the text; an occurrence is only compared with the few that start inside it (the
    occurrences start at positions one after another, each with the suffix read from there)."""
    spans = [m.span(1) for m in _suffix_pattern(suffixes).finditer(text)]
    kept = []
    count = len(spans)
    for i, (start, end) in enumerate(spans):
        j = i + 1
        while j < count and spans[j][0] < end:
            if spans[j][1] > end:
                break  # extended by a longer suffix starting inside
            j += 1
        else:
            kept.append((start, end, text[start:end]))
    return kept


def _honour_only(text: str, end: int) -> bool:
    """A name whose clause only says it was selected for an honour ("杭州大厦分别入选首批…"): the
    honour words hold no clause mark, so they are matched in the text from ``end`` on."""
    return text[end : end + 1] in _HONOUR_FIRSTS and bool(_HONOUR.match(text, end))


def find_suffixed_names(text: str) -> list[Mention]:
    """Single names ending in a project or event suffix, cut at the verb or clause before them."""
    mentions = []
    delimiters = mark_positions(text, _DELIMS)  # the delimiter before a name, by bisection
    for table, suffixes in (("events", _EVENT_SUFFIXES), ("projects", _PROJECT_SUFFIXES)):
        projects = table == "projects"
        for suffix_start, end, found in _suffix_matches(text, suffixes):
            suffix = found.rstrip("”")
            following = text[end : end + 1]
            if len(suffix) == 1 and following in _ONE_CHAR_SUFFIX_BLOCKERS:
                continue  # 港口, 桥梁: the character starts a longer word
            if suffix == "节" and (
                (following and following in lexicon.NOT_FESTIVAL_AFTER_JIE)
                or text[end - 2 : end - 1] in lexicon.NOT_FESTIVAL_BEFORE_JIE
            ):
                continue  # 节约, 节能, 调节: part of a word
            if projects and (
                (following in _HONOUR_FIRSTS and _HONOUR.match(text, end))  # ``_honour_only``
                or (following in _NOT_NAME_FOLLOWER_FIRSTS and text.startswith(lexicon.NOT_NAME_FOLLOWERS, end))
            ):
                continue
            if following in _COUNTED_AFTER_FIRSTS and _COUNTED_AFTER.match(text, end, end + 8):
                continue  # "供氧工程13个": a kind of project counted, not a name
            if suffix in _HONOUR_SUFFIXES and lexicon.HONOUR_VERBS.search(text, _list_start(text, end), end):
                continue  # 创建共同富裕示范区: an honour sought, not a project
            start = suffix_start
            # 青海段, 三期, 扩能改造: the rest of the name; most suffixes have none after them
            if projects and (following in _NAME_TAIL_FIRSTS or text.find("段", end + 1, end + 5) > 0):
                end = lexicon.PROJECT_NAME_TAIL.match(text, end).end()
            if start > 0 and end - start < 30:  # back to the delimiter before, at most 30 characters
                i = bisect.bisect_left(delimiters, start)
                start = max(delimiters[i - 1] + 1 if i else 0, end - 30)
            previous = None
            for candidate in _name_starts(text, start, suffix_start):
                if previous is not None and not text.endswith(_NAME_INTERNAL_VERBS, 0, previous):
                    break  # running back past a predicate (完成, 实施) would swallow the sentence
                previous = candidate
                if (
                    text[candidate - 1 : candidate] in _CONTEXT_LASTS and text.endswith(_CONTEXT_BEFORE, 0, candidate)
                ) or (text[candidate] in _CONTEXT_FIRSTS and text.startswith(_CONTEXT_BEFORE, candidate, end)):
                    break
                a, b = _trim_name(text, candidate, end)
                name = text[a:b]
                if (
                    b - a > len(suffix)
                    and "、" not in name
                    and not _is_generic_text(name)
                    and not _is_generic_core(name, suffix)
                ):
                    mentions.append(Mention(table, a, b))
                    break
    return _without_nested(mentions)


_START = attrgetter("start")
_END = attrgetter("end")


def _without_nested(mentions: list[Mention]) -> list[Mention]:
    """ "香日德水库及配套灌溉工程" holds "香日德水库": the longer name is the row. One sweep in order of
    start (longest first at a start): a mention is held by an earlier one that ends at or after it."""
    held: set[int] = set()
    best_end, best_start = -1, -1
    # by start, longest first at a start: two stable sorts by C key functions, not a tuple made for each
    by_start = sorted(mentions, key=_END, reverse=True)
    by_start.sort(key=_START)
    for m in by_start:
        if best_end > m.end or (best_end == m.end and best_start < m.start):
            held.add(id(m))
        if m.end > best_end:
            best_end, best_start = m.end, m.start
    return [m for m in mentions if id(m) not in held]  # in the finders' order: events before projects


def _hard_start(text: str, start: int, suffix_start: int) -> int:
    """Where a name can start at the earliest: after cut words ("在", "向", "成为") and after an event
    name that ends before a project's suffix ("第三届进博会|阿斯利康项目")."""
    if not _HARD_START_WORD.search(text, start, suffix_start):
        return start  # the common case: nothing to cut after
    best = start
    window = text[start:suffix_start]  # a word it lacks has no last place to look for
    for word in lexicon.NAME_CUT_WORDS if _CUT_WORD.search(window) else ():
        if word not in window:
            continue
        pos = text.rfind(word, start, suffix_start)
        if word == "在" and text.startswith("在建", pos):
            continue  # 在建核电项目: "under construction", not "at"
        if pos >= 0 and pos + len(word) <= suffix_start:
            best = max(best, pos + len(word))
    base = best  # the joiners' offsets count from here, wherever a joiner moves ``best``
    for joiner in _JOINERS.finditer(text, base, suffix_start):
        before = text[best : joiner.start()]
        attached = text.startswith(lexicon.ATTACHED_WORK_WORDS, joiner.end())
        if not attached and _WHOLE_NAME_BEFORE.search(before):
            best = joiner.end()  # "宜常高铁及虞公港二期": a whole name before 及 is another row
    window = text[best:suffix_start]
    for suffix in lexicon.EVENT_SUFFIXES if _LONG_EVENT_SUFFIX.search(window) else ():
        if suffix not in window:
            continue
        pos = text.rfind(suffix, best, suffix_start)
        if len(suffix) > 1 and pos >= 0 and pos + len(suffix) < suffix_start - 1:
            best = max(best, pos + len(suffix))
    return best


def _name_starts(text: str, start: int, suffix_start: int) -> list[int]:
    """Possible starts of a name, latest first: after each governing verb, then the earliest start.

    A verb can also sit inside a name ("武林广场提升改造一期工程"), so the caller takes the latest start
    that still leaves a specific name.
    """
    earliest = _hard_start(text, start, suffix_start)
    # the verb at each position (the longest first), found in one scan; the scan reaches just far
    # enough for a verb starting before the suffix to be read whole
    first = _VERB_AT.search(text, earliest, suffix_start + _LONGEST_VERB)
    if first is None or first.start() >= suffix_start:
        return [earliest]  # most names: no verb before the suffix
    after_verbs = []
    for match in _VERB_AT.finditer(text, first.start(), suffix_start + _LONGEST_VERB):
        if match.start() >= suffix_start:
            break
        end = match.end(1)
        if end <= suffix_start - 1 and text[end] != "性":  # 保障性: an adjective
            after_verbs.append(end)
    if not after_verbs:
        return [earliest]
    if len(after_verbs) > 1:
        after_verbs = sorted(set(after_verbs), reverse=True)
    after_verbs.append(earliest)
    return after_verbs


def _project_status(part_name: str, text: str, m: Mention, sentence: SentencePart | None) -> str:
    """A project's status: from its hint, its part, or the verbs of its clause and then of its
    sentence (an event's is its part's alone). A name in the review has a sentence."""
    if m.status_hint == "candidate":
        return "candidate"
    if part_name != "review":
        return "planned"
    if m.status_hint:
        return m.status_hint
    sentence_start, sentence_end = sentence.start, sentence.end
    clause_start = max(text.rfind("，", sentence_start, m.start), text.rfind("；", sentence_start, m.start))
    clause_start = max(clause_start, text.rfind("。", sentence_start, m.start)) + 1
    before = text[max(sentence_start, clause_start) : m.start]
    clause_end = _CLAUSE_SPLIT.search(text, m.end, sentence_end)  # the sentence's rest is not split whole
    after = text[m.end : clause_end.start() if clause_end else sentence_end]
    for window in (before[-6:] + after[:12], text[sentence_start:sentence_end]):
        status = _status_in(window)
        if status:
            return status
    return "in_progress"


def _category(table: str, name: str, given: str | None) -> str | None:
    """The first category whose words the name holds: a word found narrows the search to the
    categories before its own (one search or two, not one for each category in turn)."""
    if given:
        return given
    before, first_of, categories = _CATEGORIES_BEFORE["events" if table == "events" else "projects"]
    found = before[-1].search(name)
    if found is None:
        return "other"
    while found:
        i = first_of[found.group()]
        found = before[i].search(name) if i else None
    return categories[i]


def _iso(year: int, month: int, day: int) -> str | None:
    """A calendar date, or None for one that is not (4·71, 2月30日): printed numbers, not dates."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _date(text: str, m: Mention, year: int | None) -> str | None:
    if year is None:
        return None
    name = text[m.start : m.end]
    dot = _DOT_DATE.search(name)
    if dot:
        return _iso(year, int(dot.group(1)), int(dot.group(2)))
    if m.category == "listing":
        tail = text[m.end : m.end + 40]
        dates = _MONTH_DAY.findall(tail)
        if dates:
            month = int(dates[0][0])
            days = [int(d) for _, d in dates] + [int(d) for d in _DAY_ONLY.findall(tail.split("日", 1)[-1])]
            siblings = _siblings_before(text, m)
            if siblings < len(days):
                return _iso(year, month, days[siblings])
    return None


def _siblings_before(text: str, m: Mention) -> int:
    start = _list_start(text, m.start)
    return text[start : m.start].count("、")


def _key(name: str) -> str:
    """What identifies an entity across mentions: the name without quotes, an outbreak by its date."""
    outbreak = _OUTBREAK_KEY.search(name) if "疫情" in name else None
    if outbreak:
        return outbreak.group(1) + "疫情"
    return _KEY_MARKS.sub("", name) if _KEY_MARKS.search(name) else name  # most names hold no mark


def _same_entity(name: str, earlier: str) -> bool:
    """A later mention repeats an earlier one when it is contained in it, or is it plus a category word."""
    if name in earlier:
        return True
    return name.startswith(earlier) and name[len(earlier) :] in _REPEAT_TAILS


class _SeenNames:
    """The names already given a row, asked whether a new name repeats one (``_same_entity``) without
    comparing it with every one: the names are kept in one string, each closed by a line end (a key
    holds no white space), so a name held in an earlier one is found by one substring search."""

    def __init__(self) -> None:
        self.lines = ""
        self.exact: set[str] = set()

    def repeats(self, name: str) -> bool:
        if not self.lines:
            return False
        if name in self.lines:
            return True
        return name[-2:] in _REPEAT_TAILS and name[:-2] in self.exact

    def add(self, name: str) -> None:
        self.lines += name + "\n"
        self.exact.add(name)


def extract_entities(
    cleaned: CleanText, doc_id: str, sentence_parts: list[SentencePart], sections: list[Section]
) -> list[Entity]:
    text = cleaned.text
    body_start = _body_start(text)
    found = (
        find_candidate_lists(text)
        + find_outbreaks_and_listings(text)
        + find_road_codes(text)
        + find_quoted_events(text)
        + find_lists(text)
        + find_shared_suffix_lists(text)
        + find_quoted_lists(text)
        + find_place_lists(text)
        + find_suffixed_names(text)
    )
    taken: list[Mention] = []
    taken_spans: list[tuple[int, int]] = []  # sorted, non-overlapping
    # most reports have no duplicated text or no page furniture: nothing to ask of each name then
    duplicates, markers = bool(cleaned.duplicate_spans), bool(cleaned.marker_spans)
    for m in found:  # earlier finders win where spans overlap
        if (
            m.start < body_start
            or (duplicates and cleaned.in_duplicate(m.start, m.end))
            or (markers and cleaned.in_marker(m.start, m.end))
        ):
            continue
        start, end = span = (m.start, m.end)
        i = bisect.bisect_left(taken_spans, span)
        if i and taken_spans[i - 1][0] < end and start < taken_spans[i - 1][1]:
            continue  # overlaps the neighbour before
        if i < len(taken_spans) and taken_spans[i][0] < end and start < taken_spans[i][1]:
            continue  # overlaps the neighbour after
        taken_spans.insert(i, span)
        taken.append(m)
    rows: list[Entity] = []
    seen: dict[tuple[str, str], _SeenNames] = {}
    # ``part_at`` and ``innermost_section`` by bisection in their lists, read once for all rows
    part_starts = starts(sentence_parts, "start")
    section_bounds, section_answers = innermost_table(sections)
    marks = clause_marks(text)  # each row's clause_start and clause_end, by bisection
    raw = cleaned.raw
    for m in sorted(taken, key=_START):
        start, end, table = m.start, m.end, m.table
        name_key = _key(text[start:end])
        i = bisect.bisect_right(part_starts, start) - 1
        part = sentence_parts[i] if i >= 0 and start < sentence_parts[i].end else None
        part_name = part.part if part else "plan"
        # a row at its first mention in each part: what the review says was done and what the plan
        # says will be done are both the record of a project a user follows
        earlier_names = seen.get((table, part_name))
        if earlier_names is None:
            earlier_names = seen[table, part_name] = _SeenNames()
        if earlier_names.repeats(name_key):
            continue
        earlier_names.add(name_key)
        year = part.year if part else None
        raw_start, raw_end = cleaned.raw_span(start, end)
        i = bisect.bisect_left(marks, start)
        clause_from = marks[i - 1] + 1 if i else 0
        i = bisect.bisect_left(marks, end, i)
        clause_to = marks[i] if i < len(marks) else len(text)
        quote, q_start, q_end = cleaned.raw_quote(*clause_window(text, start, end, clause_from, clause_to))
        i = bisect.bisect_right(section_bounds, raw_start) - 1
        section = section_answers[i] if i >= 0 else None
        name = raw[raw_start:raw_end]
        if table == "events":
            edition = _EDITION.search(name)
            edition_number = _chinese_number(edition.group(1)) if edition else None
            status = "held" if part_name == "review" else "planned"
            when = _date(text, m, year)
        else:
            edition_number = when = None
            status = _project_status(part_name, text, m, part)
        rows.append(
            record_from(
                Entity,
                {
                    "table": table,
                    "id": f"{doc_id}-{'P' if table == 'projects' else 'E'}{raw_start:06d}",
                    "doc_id": doc_id,
                    "section_id": section.section_id if section else None,
                    "year": year,
                    "name": name,
                    "name_start": raw_start,
                    "name_end": raw_end,
                    "category": _category(table, name, m.category),
                    "status": status,
                    "edition": edition_number if edition_number and edition_number >= 1 else None,  # 第0届: none
                    "date": when,
                    "quote": quote,
                    "char_start": q_start,
                    "char_end": q_end,
                },
            )
        )
    return rows


def _body_start(text: str) -> int:
    """Skip the title block (title, date line, byline): names there are not the report's content."""
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if line and ("。" in line or len(line) > 40) and not line.startswith(("(", "（")):
            return match.start()
    return 0
