"""Stage 5a: quantity mentions that are facts -> rows of ``targets`` and ``achievements``.

The sentence's part (from :mod:`govreports.parts`) picks the table and the year; the clause around
the figure gives the comparator, commitment, period, baseline, kind and indicator.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from . import indicators, lexicon
from .parts import FigureTime, SentencePart, figure_part
from .quantities import Candidate, clause_end, clause_marks, clause_start, clause_window
from .records import Fact, Section, record_from
from .spans import starts
from .structure import innermost_table
from .text import CleanText, mark_positions
from .text import last_mark_before as _last_mark_before

_EXPLICIT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:末|底|初)?(?:的|为|达到?|是)?\s*$")
_HORIZON_YEAR = re.compile(r"到((?:19|20)\d{2})\s*年")
_LIST_VERBS = tuple(sorted(set(lexicon.COUNT_VERBS) | set(dict(lexicon.KIND_WORDS)["increase"]), key=len, reverse=True))
_LIST_SEPARATORS = re.compile(r"、|和|及|与")
_LIST_VERBS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _verb in _LIST_VERBS:
    _LIST_VERBS_BY_FIRST[_verb[:1]] = (*_LIST_VERBS_BY_FIRST.get(_verb[:1], ()), _verb)
#: Word lists and patterns of the rules below, ordered and compiled once (they run for every figure).
_COMPARATORS_AFTER = sorted(lexicon.COMPARATOR_AFTER.items(), key=lambda kv: -len(kv[0]))
_COMPARATOR_WORDS_AFTER = sorted(lexicon.COMPARATOR_AFTER, key=len, reverse=True)
_COMPARATORS_BEFORE = sorted(lexicon.COMPARATOR_BEFORE.items(), key=lambda kv: -len(kv[0]))
_COMPARATOR_AFTER_WORDS = tuple(lexicon.COMPARATOR_AFTER)
_PERIOD_WORDS = tuple(lexicon.PERIODS)
_COMPARATOR_BEFORE_WORDS = tuple(lexicon.COMPARATOR_BEFORE)
_COMMITMENT_WORDS = tuple(lexicon.COMMITMENTS)
#: The last characters of the comparator words before a figure, and what may stand between such a
#: word and the figure (a space, 近, 数): any other character just before a figure means none.
_BEFORE_COMPARATOR_ENDS = frozenset({w[-1] for w in lexicon.COMPARATOR_BEFORE} | set(" \u3000近数"))
#: The first characters of the comparator words after a figure.
_AFTER_COMPARATOR_OPENERS = frozenset(w[0] for w in lexicon.COMPARATOR_AFTER)
_CLEAN_TRAILING_ENDS = (*lexicon.INDICATOR_CLEAN_TRAILING_WORDS, "\n")
#: The trailing words (and the line end) by their last character.
_CLEAN_TRAILING_BY_LAST: dict[str, tuple[str, ...]] = {}
for _end in _CLEAN_TRAILING_ENDS:
    _CLEAN_TRAILING_BY_LAST[_end[-1]] = (*_CLEAN_TRAILING_BY_LAST.get(_end[-1], ()), _end)
_BASELINE_WORDS = tuple(lexicon.BASELINES)
_BARE_INDICATORS = frozenset(lexicon.BARE_INDICATORS)


@cache
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """``pattern.search(s)`` is ``any(w in s for w in words)``, one search instead of a loop."""
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


_REDUCTION_WORD = _words_pattern(dict(lexicon.KIND_WORDS)["reduction"])
_COMMITMENT_PATTERN = _words_pattern(_COMMITMENT_WORDS)
_PERIOD_PATTERN = _words_pattern(_PERIOD_WORDS)
_BASELINE_PATTERN = _words_pattern(_BASELINE_WORDS)
#: Any commitment, period or baseline word: most clauses have none, one search instead of three.
_NEAREST_WORDS = _words_pattern(_COMMITMENT_WORDS + _PERIOD_WORDS + _BASELINE_WORDS)
_KIND_PATTERNS = [(kind, _words_pattern(words)) for kind, words in lexicon.KIND_WORDS]
#: Any word of a kind (of a kind a figure not in percent can have): most clauses have none, one
#: search instead of one for each kind.
_ANY_KIND_WORD = _words_pattern(tuple(w for _, words in lexicon.KIND_WORDS for w in words))
_ANY_COUNT_KIND_WORD = _words_pattern(
    tuple(w for kind, words in lexicon.KIND_WORDS if kind not in ("growth_rate", "share") for w in words)
)
_COUNT_KIND_PATTERNS = [(kind, pattern) for kind, pattern in _KIND_PATTERNS if kind not in ("growth_rate", "share")]
#: One of the characters every alternative of ``lexicon.PART_OF_YEAR`` holds (``names_part_of_year``).
_PART_OF_YEAR_CHARACTERS = re.compile("[月季半]")
_OWN_VERB = re.compile(r"完成|实现|达到|达")
_YEAR_LEAD = re.compile(r"\s*(?:(?:19|20)[0-9]{2}年)?\s*")
_LIST_JOINT = re.compile(r"\s*[、和及与]\s*")
_LEVEL_VERB_END = re.compile(r"(?:达到?|为|至|保持)$")
_COUNT_VERB_END = re.compile(r"(?:达到?|为|至)$")
_RANK_END = re.compile(r"(?:居|位列|位居|排名|名列|列|保持|获)?(?:全国|全省|全市|全区|全县)?第$")
_NOUN_RUN = re.compile(r"[^，。；、：,;:!?0-9０-９（(\n]{1,16}")
_NOUN_STOPS = re.compile(
    r"(?:以上|以下|以内|左右|顺利|成功|全面|完成|实现|获评|入选|开展|落地|通过|正式|加快|建设|投用|"
    r"的幅度|，|开工|竣工|也将|将|也|要)"
)
_CLAUSE_MARKS = re.compile(r"[，；：,;]")
_DIGIT = re.compile(r"[0-9０-９]")
_LIST_MARK = re.compile(r"[、]")
_VALUES_ONLY = re.compile(r"[0-9０-９.．%％、和及与\s]+")
_PIECE_MARKS = re.compile(r"[，；：]")
_PIECE_OPENERS = re.compile(r"分别|全年|预计|同比")
_ITEM_HEAD = re.compile(r"的|对|将|把")
_ITEM_TAIL = re.compile(r"[0-9０-９]|[一二两三四五六七八九十]+[项个大类]|实现|等|分别")
_ALTERNATIVE = re.compile(r"[（(]")


def _by_first(words: tuple[str, ...], last: bool = False) -> dict[str, list[tuple[int, str]]]:
    """(order, word) by first (or last) character, in list order."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for i, word in enumerate(words):
        groups.setdefault(word[-1:] if last else word[:1], []).append((i, word))
    return groups


_LEADING_BY_FIRST = _by_first(lexicon.INDICATOR_LEADING_WORDS)
_TRAILING_BY_LAST = _by_first(lexicon.INDICATOR_TRAILING_WORDS, last=True)


def estimated(text: str, segment_start: int, pos: int, opener: bool | None = None) -> bool:
    """Whether an estimate word governs the figure at ``pos``: one earlier in its own segment, or one
    opening an earlier segment of the sentence ("预计实现A 1200亿元；B 138.7亿元") when the figure's
    segment has no verb of its own. ``opener`` is ``estimate_opener(text, segment_start)``, when the
    caller has it already (it is the same for every figure of the segment)."""
    if lexicon.ESTIMATE_WORDS.search(text, segment_start, pos):
        return True
    if opener is None:
        opener = estimate_opener(text, segment_start)
    return opener and not _OWN_VERB.search(text, segment_start, pos)


def estimate_opener(text: str, segment_start: int) -> bool:
    """Whether the last estimate word before a segment, in its full sentence, opens its clause (after
    a year at most)."""
    full = full_stop_before(text, segment_start)
    opener = lexicon.ESTIMATE_WORDS.search(text, full, segment_start)
    if opener is None:
        return False  # most sentences have none: one search, not a finditer
    for match in lexicon.ESTIMATE_WORDS.finditer(text, opener.end(), segment_start):
        opener = match  # the last of them
    lead = text[clause_start(text, opener.start()) : opener.start()]
    return bool(_YEAR_LEAD.fullmatch(lead))


def names_part_of_year(text: str, start: int, end: int) -> bool:
    """``lexicon.PART_OF_YEAR.search(text, start, end) is not None``, with no search of a sentence
    lacking 月, 季 and 半, one of which each of its alternatives holds (上半年, 季度, 1-8月, 前5个月):
    the pattern begins with no literal to look for, so a search tries it at every position."""
    if not _PART_OF_YEAR_CHARACTERS.search(text, start, end):  # one scan for any of them, not a find of each
        return False
    return lexicon.PART_OF_YEAR.search(text, start, end) is not None


def printed_comparator(text: str, c: Candidate, shared: str | None) -> str | None:
    """The comparator a word printed at the figure gives it, if any: a word after it (以上, 左右), a word
    just before it (突破, 控制在), or a trailing word shared by a list of values ("5%、6.5%左右"). Without
    one, the caller asks whether an estimate word earlier in the sentence makes it ~ (预计实现…，增长8%)
    or it is =; that test is made only for the figures that need it."""
    end = c.unit_end
    # a word within the 3 characters after (asked only when the next character opens one: one
    # character looked up, not a startswith of each word)
    if (
        end < len(text)
        and text[end] in _AFTER_COMPARATOR_OPENERS
        and text.startswith(_COMPARATOR_AFTER_WORDS, end, end + 3)
    ):
        after = text[end : end + 3]
        for word, comparator in _COMPARATORS_AFTER:
            if after.startswith(word):
                return comparator
    if shared:
        return shared
    start = c.token.start
    if not start or text[start - 1] not in _BEFORE_COMPARATOR_ENDS:
        return None  # the figure follows a character no word before it ends with (nor a space, 近, 数)
    near = text[max(0, start - 5) : start].rstrip(" \u3000").rstrip("近数")
    for word, comparator in _COMPARATORS_BEFORE if near.endswith(_COMPARATOR_BEFORE_WORDS) else ():
        if near.endswith(word):
            return comparator
    return None


#: What ends a full sentence.
_FULL_STOPS = "。！？!?\n"


def full_stop_before(text: str, pos: int) -> int:
    """Start of the full sentence (after 。！？ or a line end) that holds ``pos``."""
    return _last_mark_before(text, pos, _FULL_STOPS) + 1


def _after_word(text: str, c: Candidate) -> str | None:
    """The comparator word printed within the 3 characters after a figure, the longest first (one
    test for any of them first: most figures have none)."""
    end = c.unit_end
    if end >= len(text) or text[end] not in _AFTER_COMPARATOR_OPENERS:
        return None  # the character after it opens none of them: one lookup, not a test of each
    if not text.startswith(_COMPARATOR_AFTER_WORDS, end, end + 3):
        return None
    after = text[end : end + 3]
    return next((w for w in _COMPARATOR_WORDS_AFTER if after.startswith(w)), None)


def shared_comparator(text: str, members: list[Candidate]) -> dict[int, str]:
    """A comparator printed once after a list of values ("分别增长5%、6.5%左右", "8.5%和9%左右")
    applies to every value of the list."""
    shared: dict[int, str] = {}
    if len(members) < 2:
        return shared  # no list: most clauses hold one figure
    trailing: str | None = None
    for earlier, later in reversed(list(itertools.pairwise(members))):
        word = _after_word(text, later)
        trailing = lexicon.COMPARATOR_AFTER[word] if word else trailing
        # the values joined by 、和及与 asked only while a comparator trails (most lists have none)
        if (
            trailing
            and _LIST_JOINT.fullmatch(text[earlier.unit_end : later.token.start])
            and not _after_word(text, earlier)
        ):
            shared[earlier.token.start] = trailing
        else:
            trailing = None
    return shared


def nearest_word(clause_before: str, words: tuple[str, ...], pattern: re.Pattern | None = None) -> str | None:
    """The word of ``words`` printed last in ``clause_before`` (``pattern``: ``_words_pattern(words)``,
    looked up once by the caller rather than by hashing the list for every figure)."""
    if not (pattern or _words_pattern(words)).search(clause_before):
        return None  # none of them there: no need to look for the last of each
    best, where = None, -1
    for word in words:
        pos = clause_before.rfind(word)
        if pos > where:
            best, where = word, pos
    return best


def kind_for(text: str, c: Candidate, clause_before: str, unit_base: str | None, clause_to: int | None = None) -> str:
    """The kind of a figure (``clause_to``: ``clause_end(text, c.unit_end)``, when the caller has it).
    A rate is read from the 8 characters before it, any other figure from its clause before it (and
    never as a growth rate or a share)."""
    if c.rank:
        return "rank"
    if unit_base in ("ratio", "doubling"):
        return "ratio"
    if unit_base in lexicon.DURATION_UNIT_BASES:
        return "duration"
    if unit_base in ("percent", "percentage_point", "permille"):
        if _REDUCTION_WORD.search(text, c.unit_end, clause_end(text, c.unit_end) if clause_to is None else clause_to):
            return "reduction"  # "按照5%的幅度进行再压减": the verb follows the rate
        near = clause_before[-8:]
        if _ANY_KIND_WORD.search(near):
            for kind, words in _KIND_PATTERNS:
                if words.search(near):
                    return kind
        return "level" if _LEVEL_VERB_END.search(clause_before) else "share"
    if _ANY_COUNT_KIND_WORD.search(clause_before):
        for kind, words in _COUNT_KIND_PATTERNS:
            if words.search(clause_before):
                return kind
    if unit_base in lexicon.COUNT_UNIT_BASES and not _COUNT_VERB_END.search(clause_before):
        return "count"
    return "level"


def _strip_words(phrase: str) -> str:
    """Leading, then trailing cue words off, each list tried in its order, until none is left. A pass
    tries only the words that share the phrase's current first (last) character."""
    # most phrases neither start nor end with a cue word's character: no pass to make
    changed = phrase[:1] in _LEADING_BY_FIRST or phrase[-1:] in _TRAILING_BY_LAST
    while changed and phrase:
        changed = False
        done = -1  # in list order: after a word comes off, only the words after it are tried
        while phrase:
            for i, word in _LEADING_BY_FIRST.get(phrase[0], ()):
                if i > done and phrase.startswith(word) and len(phrase) > len(word):
                    phrase, done, changed = phrase[len(word) :], i, True
                    break
            else:
                break
        done = -1
        while phrase:
            for i, word in _TRAILING_BY_LAST.get(phrase[-1], ()):
                if i > done and phrase.endswith(word) and len(phrase) > len(word):
                    phrase, done, changed = phrase[: -len(word)], i, True
                    break
            else:
                break
    phrase = phrase.strip(" ，、：；")
    if "第" in phrase:  # the rank words end in 第: no need to try the pattern at every position
        phrase = _RANK_END.sub("", phrase) or phrase
    if ("“" in phrase or "”" in phrase) and phrase.count("“") != phrase.count("”"):  # most hold neither
        phrase = phrase.strip("“”")
    return phrase


def _noun_after(text: str, c: Candidate) -> str:
    """The noun a count measures when it stands before it ("实施48个旧改工程")."""
    match = _NOUN_RUN.match(text, c.unit_end)
    if not match:
        return ""
    run = match.group()
    stop = _NOUN_STOPS.search(run)
    noun = run[: stop.start()] if stop else run  # ``_NOUN_STOPS.split(run)[0]``, without the other pieces
    return noun if c.unit_end < len(text) and noun and not noun.startswith(("的", "和", "及")) else ""


@lru_cache(maxsize=4096)
def clean_indicator(phrase: str) -> str:
    """The measured noun phrase: years, places, commitments and verbs around it left off."""
    changed = True
    while changed:
        changed = False
        # every leading alternative opens with ^: the one match is at the start, no search needed
        lead = lexicon.INDICATOR_CLEAN_LEADING.match(phrase)
        if lead and 0 < lead.end() <= len(phrase) - 2:  # a shorter phrase left, of 2 characters at least
            phrase, changed = phrase[lead.end() :], True
        # the trailing pattern is a word before $ (which also stands before a final line end); most
        # phrases end in a character none of its words ends with
        ends = _CLEAN_TRAILING_BY_LAST.get(phrase[-1:])
        if ends and phrase.endswith(ends):
            shorter = lexicon.INDICATOR_CLEAN_TRAILING.sub("", phrase, count=1)
            if shorter != phrase and len(shorter) >= 2:
                phrase, changed = shorter, True
    return phrase


def _without_figures(text: str, start: int, c: Candidate, members: list[Candidate]) -> str:
    """The clause before a figure with the other figures (and their units) left out: the pieces
    between the figures' spans, not a test of every character against every figure."""
    if len(members) == 1 and members[0] is c:
        return text[start : c.token.start]  # the figure alone in its clause (most are)
    end, pos, pieces = c.token.start, start, []
    for a, b in sorted((n.token.start, n.unit_end) for n in members):
        if a >= end:
            break
        if a > pos:
            pieces.append(text[pos:a])
        pos = max(pos, b)
    if pos < end:
        pieces.append(text[pos:end])
    return "".join(pieces)


def _clause_without_figures(text: str, start: int, members: list[Candidate]) -> dict[int, str]:
    """``_without_figures(text, start, c, members)`` of every figure ``c`` of a clause, by its start:
    one pass over the figures' spans in order (each figure's is the pieces before the one before it
    and the piece since), not a sort and a walk of them for each figure."""
    found: dict[int, str] = {}
    done, pos = "", start
    for a, b in sorted((n.token.start, n.unit_end) for n in members):
        if a not in found:  # the spans before it start before it
            found[a] = done + text[pos:a] if pos < a else done
        if a > pos:
            done += text[pos:a]
        pos = max(pos, b)
    return found


def indicator_for(
    text: str,
    c: Candidate,
    start: int,
    neighbours: list[Candidate],
    paired_item: str | None,
    before: str | None = None,
) -> str:
    """The phrase naming what a figure measures: its clause before it, less cue words and other figures
    (``before``, when the caller has it already)."""
    if before is None:
        before = _without_figures(text, start, c, neighbours)
    if paired_item:
        return paired_item
    lead = _strip_words(before)
    segment = lead
    if "、" in before:  # the verb of the list's first item is looked for only in a list
        verbs = _LIST_VERBS_BY_FIRST.get(lead[:1])
        verb = next((v for v in verbs if lead.startswith(v)), None) if verbs else None
        segment = _strip_words(before.rsplit("、", 1)[-1])
        if verb and not segment.startswith(verb):
            segment = verb + segment  # "新增A161家、B460家": B is 新增 too
    noun = _noun_after(text, c)
    if noun and noun not in segment:
        segment += noun
    return segment or text[start : c.token.start].strip() or "（未注明）"


def subject_before(text: str, clause_start_pos: int) -> str:
    """The subject of the nearest earlier clause of the same sentence that has one
    ("固定资产投资保持稳定增长，全年完成734亿元" -> 固定资产投资; "全年实现地区生产总值391.4亿元，
    增长7.6%" -> 地区生产总值). Notes on method (按可比价计算, 初步核算) are no subjects."""
    sentence_start = _last_mark_before(text, clause_start_pos, "。！？\n") + 1
    clauses = _CLAUSE_MARKS.split(text[sentence_start:clause_start_pos])
    for clause in reversed(clauses):
        clause = lexicon.SUBJECT_OPENERS.sub("", clause.strip())
        if lexicon.METHOD_NOTES.match(clause):
            continue
        clause = _DIGIT.split(clause, maxsplit=1)[0]  # the subject stands before its figure
        for piece in lexicon.SUBJECT_STOPS.split(clause):
            if len(piece) < 3:
                continue  # stripping only takes characters off: no subject in it
            subject = _strip_words(piece)
            if len(subject) >= 3 and not _LIST_MARK.search(subject):
                return subject
    return ""


def paired_items(text: str, clause_facts: list[Candidate], sentence_start: int) -> dict[int, str]:
    """Pair a list of values ("分别增长2.2%、1.6%", "5%和10%") with the list of things they measure."""
    if len(clause_facts) < 2:
        return {}
    first, last = clause_facts[0], clause_facts[-1]
    between = text[first.token.start : last.range_end]
    if not _VALUES_ONLY.fullmatch(between):
        return {}
    k = len(clause_facts)
    before = text[sentence_start : first.token.start]
    for piece in reversed(_PIECE_MARKS.split(before)):
        piece = _PIECE_OPENERS.split(piece)[0]
        items = [p for p in _LIST_SEPARATORS.split(piece) if p]
        if len(items) >= k:
            items = items[-k:]
            items[0] = _ITEM_HEAD.split(items[0])[-1]
            items[-1] = _ITEM_TAIL.split(items[-1])[0]
            if all(1 < len(i) <= 16 for i in items):
                return {c.token.start: item for c, item in zip(clause_facts, items, strict=False)}
    return {}


@cache
def _category_words() -> tuple[re.Pattern, dict[str, int]]:
    """One pattern finding, at a position, the longest category keyword starting there (the keywords
    are tried longest first), and for each keyword the first category (in list order) of it or of a
    keyword it starts with: every keyword printed at a position is a prefix of the longest one
    printed there."""
    first: dict[str, int] = {}
    for k, (_, words) in enumerate(lexicon.CATEGORIES):
        for word in words:
            first.setdefault(word, k)
    longest = sorted(first, key=len, reverse=True)
    best = {w: min(k for u, k in first.items() if w.startswith(u)) for w in first}
    return re.compile("|".join(re.escape(w) for w in longest) or "(?!)"), best


def forget_report() -> None:
    """Empty what is remembered of a report's text (called before each report: across reports the
    cache would pay only on texts that share clauses, as the benchmark's recombined paragraphs do)."""
    _first_category.cache_clear()
    clean_indicator.cache_clear()  # a report prints a quarter of its indicators again


@lru_cache(maxsize=8192)
def _first_category(haystack: str) -> int | None:
    """The first category (list position) whose keywords ``haystack`` holds (an indicator's:
    remembered, since a report prints the same indicator many times)."""
    return _first_category_in(haystack, 0, len(haystack))


def _first_category_in(text: str, start: int, end: int) -> int | None:
    """``_first_category(text[start:end])``, searched in place (the keywords are plain words: no
    anchor or lookaround sees past the bounds)."""
    any_word, best = _category_words()
    found = None
    match = any_word.search(text, start, end)
    while match:  # each position holding a keyword, from the first: a search, not a lookahead at each character
        k = best[match.group()]
        found = k if found is None or k < found else found
        match = any_word.search(text, match.start() + 1, end)
    return found


#: The categories' names, by list position.
_CATEGORY_NAMES = tuple(name for name, _ in lexicon.CATEGORIES)
#: A clause whose category has not been looked for yet.
_UNREAD = object()


def _sentence_clauses(text: str, sentence_start: int, sentence_end: int) -> tuple[list[int], list[int], list]:
    """The starts and ends of the clauses of a sentence (cut at ，；：, the empty ones left out), in
    order, and a slot for each clause's first category, read (in place, by ``_category_near``) only
    when a figure of the sentence needs it: most need their own clause's only. The bounds come from
    bisecting the report's marks, not from a search of the sentence."""
    marks = mark_positions(text, "，；：")
    i, j = bisect_left(marks, sentence_start), bisect_left(marks, sentence_end)
    # a clause ends after each mark: only the last one can be empty (a mark ends the sentence)
    ends = [m + 1 for m in marks[i:j]]
    starts = [sentence_start, *ends]
    ends.append(sentence_end)
    if starts[-1] >= sentence_end:
        del starts[-1], ends[-1]
    return starts, ends, [_UNREAD] * len(starts)


def _category_near(
    indicator: str, text: str, pos: int, sentence: tuple[int, int], clauses: dict[tuple[int, int], tuple]
) -> str:
    """The first category keyword in the indicator, else in the clauses of its sentence nearest the
    figure at ``pos`` (its own, those before it, those after it; read only as far as needed, each
    once for all the figures of the sentence): of the categories whose keywords a text holds, the
    first in list order. ``clauses``: the ``_sentence_clauses`` of the report's sentences (by their
    bounds) made so far; a sentence's are made only when an indicator names no category (most do)."""
    found = _first_category(indicator)
    if found is None:
        known = clauses.get(sentence)
        if known is None:
            known = clauses[sentence] = _sentence_clauses(text, *sentence)
        starts, ends, read = known
        own = bisect_right(starts, pos) - 1
        if own < 0 or pos >= ends[own]:
            own = 0  # in no clause: from the first on
        # own, own - 1, …, 0, then own + 1, … (a walk, not a tuple of the order made for each figure)
        i, step, n = own, -1, len(starts)
        while i < n:
            found = read[i]
            if found is _UNREAD:
                found = read[i] = _first_category_in(text, starts[i], ends[i])
            if found is not None:
                break
            i += step
            if i < 0:
                i, step = own + 1, 1
    return _CATEGORY_NAMES[found] if found is not None else "other"


def build_facts(
    cleaned: CleanText,
    doc_id: str,
    facts: list[Candidate],
    parts: list[SentencePart],
    sections: list[Section],
    review_year: int | None,
    plan_year: int | None,
) -> list[Fact]:
    text = cleaned.text
    rows: list[Fact] = []
    # the positions looked up for every figure (its clause, sentence and section), each by one
    # bisection of a list got once, not by two calls for each
    marks = clause_marks(text)
    part_starts = starts(parts, "start")
    section_bounds, section_answers = innermost_table(sections)
    # the figures by their clause, kept as the index of the first mark at or after its start (the
    # clause starts after the mark before it: clause_start(text, c.token.start))
    by_clause: dict[int, list[Candidate]] = {}
    for c in facts:
        by_clause.setdefault(bisect_left(marks, c.token.start), []).append(c)
    # what is the same for every figure of a sentence or with the same measure, worked out once
    units: dict[str, tuple] = {}
    sentence_says: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
    sentence_clauses: dict[tuple[int, int], tuple[list[int], list[int], list]] = {}
    by_code = indicators.by_code()
    for i_mark, members in by_clause.items():
        start = marks[i_mark - 1] + 1 if i_mark else 0
        mark = marks[i_mark] if i_mark < len(marks) else len(text)  # clause_end(text, start)
        first = members[0].token.start
        i = bisect_right(part_starts, first) - 1  # part_at(parts, first)
        part = parts[i] if i >= 0 and parts[i].start <= first < parts[i].end else None
        sentence_start = part.start if part else start
        sentence_end = part.end if part else mark
        several = len(members) > 1
        # a list of values to pair or to share a comparator needs two figures: most clauses hold one
        pairs = paired_items(text, members, sentence_start) if several else {}
        items = list(pairs.values()) if pairs else []
        shared = shared_comparator(text, members) if several else {}
        # each figure's clause without the other figures, in one pass over the clause
        without = _clause_without_figures(text, start, members) if several else None
        sentence = (sentence_start, sentence_end)
        said = sentence_says.get(sentence)
        if said is None:
            # one search from the full sentence's start to the sentence's end: most hold no estimate
            # word, and then there is neither one opening the sentence nor one before any of its figures
            # (the full sentence starts at the sentence when a full stop or a line end stands just before it)
            full = (
                sentence_start
                if not sentence_start or text[sentence_start - 1] in _FULL_STOPS
                else full_stop_before(text, sentence_start)
            )
            estimate = lexicon.ESTIMATE_WORDS.search(text, full, sentence_end)
            said = sentence_says[sentence] = (
                estimate is not None and estimate_opener(text, sentence_start),
                estimate is not None,
                # PART_OF_YEAR has no anchors: a piece of the sentence names part of the year only if it does
                names_part_of_year(text, sentence_start, sentence_end),
            )
        opener, estimate_in, part_of_year = said
        for index, c in enumerate(members):
            pos, unit_end = c.token.start, c.unit_end
            clause_before = text[start:pos]
            sentence_before = text[sentence_start:pos]
            unit = units.get(c.measure)
            if unit is None:
                unit = units[c.measure] = lexicon.UNITS.get(_ALTERNATIVE.split(c.measure)[0], (None, None))
            base, factor = unit
            if c.rank:
                base, factor = "rank", 1.0
            value_base = None
            if factor is not None:
                # round() to 6 places goes through a decimal string (slow); a whole number is its own rounding
                value_base = c.token.value * c.multiplier * factor
                if not value_base.is_integer():
                    value_base = round(value_base, 6)
            explicit_year = None
            # each of the four year patterns holds 年: three of four figures have none before them
            if "年" in sentence_before or "年" in clause_before:
                explicit = (
                    lexicon.BASELINE_YEAR.search(clause_before)
                    or _EXPLICIT_YEAR.search(clause_before[-10:])
                    or _HORIZON_YEAR.search(text, sentence_start, pos)
                )
                explicit_year = int(explicit.group(1)) if explicit else None
                if explicit_year is None and lexicon.BASELINE_LAST_YEAR.search(clause_before) and plan_year:
                    explicit_year = plan_year - 1
            # the pattern opens with 从 or 由, which most clauses lack: two membership tests, not a search
            start_value = bool(
                ("从" in clause_before or "由" in clause_before)
                and lexicon.FROM_VALUE_BEFORE.search(clause_before)
                and lexicon.FROM_VALUE_AFTER.search(text[unit_end : unit_end + 8])
            )
            when = (
                figure_part(sentence_before, part, explicit_year, review_year, plan_year, start_value)
                if part
                else FigureTime("plan", explicit_year or plan_year, "plan_year", None)
            )
            table = "achievements" if when.part == "review" else "targets"
            without_figures = without[pos] if several else clause_before
            item = pairs.get(pos) if pairs else None
            indicator = indicator_for(text, c, start, members, item, without_figures)
            borrowed = ""
            cleaned_indicator = clean_indicator(indicator)
            if cleaned_indicator in _BARE_INDICATORS:
                indicator = cleaned_indicator
                # "全体居民人均可支配收入达39545元、增长5%": the subject of the clause's first item,
                # else of an earlier clause of the sentence
                first_item = clean_indicator(_strip_words(without_figures.split("、")[0]))
                subject = first_item if "、" in clause_before and len(first_item) >= 3 else ""
                subject = subject or subject_before(text, start)
                # several values after a borrowed subject ("…收入分别达到6.1万元、3.3万元，增长8.5%和9%") share it
                borrowed = subject + ("分别" if len(members) > 1 else "") + indicator
                indicator = clean_indicator(subject + indicator)
            else:
                indicator = cleaned_indicator
            code = indicators.code_for(
                without_figures,
                base,
                item,
                items,
                index if several else -1,
                sentence_before,
                borrowed,
                part_of_year or pos > sentence_end,
            )
            if (
                code
                and when.scope in ("past_period", "new_period")
                and by_code[code].kind
                in (
                    "growth_rate",
                    "reduction",
                )
            ):
                code = None  # growth over five years (年均, 累计) is not the year's measure
            # clause_end(text, unit_end): the quote's end, and where a reduction verb may follow (the
            # clause's end unless a mark stands inside the figure)
            if unit_end <= mark:
                clause_to = mark
            else:
                i = bisect_left(marks, unit_end)
                clause_to = marks[i] if i < len(marks) else len(text)
            quote, q_start, q_end = cleaned.raw_quote(*clause_window(text, pos, unit_end, start, clause_to))
            n_start, n_end = cleaned.raw_span(pos, c.range_end)
            i = bisect_right(section_bounds, n_start) - 1  # innermost_section(sections, n_start)
            section = section_answers[i] if i >= 0 else None
            commitment = period = baseline = None
            if _NEAREST_WORDS.search(clause_before):
                commitment = nearest_word(clause_before, _COMMITMENT_WORDS, _COMMITMENT_PATTERN)
                period = nearest_word(clause_before, _PERIOD_WORDS, _PERIOD_PATTERN)
                baseline = nearest_word(clause_before, _BASELINE_WORDS, _BASELINE_PATTERN)
            if code:
                category = by_code[code].category
            else:  # the indicator's own category (most name one) without the call to look further
                found = _first_category(indicator)
                category = (
                    _CATEGORY_NAMES[found]
                    if found is not None
                    else _category_near(indicator, text, pos, sentence, sentence_clauses)
                )
            rows.append(
                record_from(
                    Fact,
                    {
                        "table": table,
                        "id": f"{doc_id}-F{str(n_start).zfill(6)}",  # a format spec takes twice as long
                        "doc_id": doc_id,
                        "section_id": section.section_id if section else None,
                        "year": when.year,
                        "year_start": when.year_start,
                        "time_scope": when.scope,
                        "indicator": indicator,
                        "indicator_code": code,
                        "headline": False,
                        "category": category,
                        "kind": kind_for(text, c, clause_before, base, clause_to),
                        "comparator": printed_comparator(text, c, shared.get(pos) if shared else None)
                        or (
                            "~"
                            if (estimate_in or pos > sentence_end) and estimated(text, sentence_start, pos, opener)
                            else "="
                        ),
                        "value": c.token.value,
                        "value_max": c.value_max,
                        "unit": c.unit or None,
                        "value_base": value_base,
                        "unit_base": base,
                        "commitment": commitment,
                        "approximate": c.approximate,
                        "period": lexicon.PERIODS.get(period or ""),
                        "baseline": baseline,
                        "number_text": c.token.text if c.value_max is None else text[pos : c.range_end],
                        "number_start": n_start,
                        "number_end": n_end,
                        "part_source": part.source if part else "default",
                        "quote": quote,
                        "char_start": q_start,
                        "char_end": q_end,
                    },
                )
            )
    return rows
