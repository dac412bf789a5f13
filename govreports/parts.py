"""Stage 3: the part (review or plan) and the time scope of every sentence. The one owner.

Part: headings decide where they exist. Where they are silent (excerpts that start mid-plan, press
digests, a review summary and the new year's goals in one passage), the sentence's own cues decide:
the year it names against the report's years, then strong cue words (今年/力争/确保 vs
过去一年/一年来/比上年); a sentence with no cue keeps the part of the one before. Text before the
report's first plan heading is the review (the plan follows the review) unless it says otherwise.

Time scope: a full report speaks of the reviewed year, the five years just ended (十四五, 五年来),
the plan year and the five years ahead (十五五, 到2030年). A sentence's own cues decide, then its
paragraph's, then its headings'; the part gives the default. Facts and entities only read this.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain, repeat
from operator import eq
from typing import Literal

import cn2an
import numpy

from . import lexicon
from .spans import starts
from .text import code_points, first_mark_from, last_mark_before, mark_positions

TimeScope = Literal["reviewed_year", "past_period", "plan_year", "new_period", "other_year"]

#: a year a sentence is about: not the end of a longer number, nor a horizon or a baseline (到2027年,
#: 较2020年: the character before the year is looked at behind it, from the year's end, so that the
#: pattern opens with the year's digits and the engine skips to a 1 or a 2, not tries every position)
_YEAR_ABOUT = re.compile(r"((?:19|20)[0-9]{2}|(?:１９|２０)[０-９]{2})(?<![0-9０-９到至较比于自从].{4})\s*年")
_SENTENCE_MARKS = "".join(sorted(lexicon.SENTENCE_DELIMITERS))
#: the text up to a sentence mark and the mark, or up to the end; not one that is blank up to a line end
#: or the end (the other marks are printed, so a piece ending in one is not blank; ``\s`` is what
#: str.strip() strips)
_SENTENCE = re.compile(r"(?![^\S\n]*(?:\n|\Z))[^{0}]*(?:[{0}]|\Z)".format(re.escape(_SENTENCE_MARKS)))
_HORIZON = re.compile(r"到((?:19|20)\d{2})\s*年")
_YEAR_AS_BASELINE = re.compile(r"(?:19|20)\d{2}\s*年(?:末|底)?(?:的|为)")


@dataclass(frozen=True)
class Period:
    """A run of years a text speaks of: 十四五 (2021-2025), 五年来, 到2030年."""

    scope: TimeScope  # past_period | new_period
    first_year: int
    last_year: int


@dataclass(frozen=True)
class HeadingCue:
    """What the headings above a position say: the part, how it was decided, any period."""

    part: str | None
    source: str  # heading | order | none
    period: Period | None = None


#: Not frozen: built for every sentence of a report, and a frozen dataclass takes five times as long
#: to build; nothing changes one after it is made.
@dataclass(slots=True)
class SentencePart:
    start: int
    end: int
    part: str  # review | plan
    source: str  # heading | order | year | cue | carried | default
    year: int | None  # the year a review/plan sentence is about (a period's last year)
    scope: TimeScope = "plan_year"
    year_start: int | None = None  # a period's first year


def five_year_plan(numeral: str) -> tuple[int, int]:
    """First and last year of the n-th five-year plan by its printed name (十四五 -> 2021, 2025)."""
    n = int(cn2an.cn2an(numeral, "normal"))
    first = lexicon.FIVE_YEAR_PLAN_EPOCH + 5 * (n - 3)
    return first, first + 4


def named_period(text: str, plan_year: int | None, heading: bool = False) -> Period | None:
    """The period a text names by cue, or None when it names none or also names a single year.

    A heading names its period by the plan's name alone ("“十五五”主要目标任务"); a sentence must
    speak of the period itself ("十四五时期", "十四五以来"), since "完成“十四五”任务" is context."""
    if plan_year is None or _SINGLE_YEAR_CUE.search(text):
        return None
    return _period_named(text, plan_year, heading)


def _period_named(text: str, plan_year: int, heading: bool = False) -> Period | None:
    """``named_period`` of a text that holds no single-year cue (the sentence parts have looked)."""
    years = _years_named(text)
    if plan_year in years or plan_year - 1 in years:
        return None
    # a plan's name ends in 五 (十四五) and every period cue holds it (五年来, 今后五年): a text
    # without one is searched for a horizon alone
    five = "五" in text
    match = lexicon.FIVE_YEAR_PLAN.search(text) if five else None
    if match and not heading and not lexicon.PERIOD_AFTER_PLAN_NAME.match(text, match.end()):
        match = None
    if match:
        first, last = five_year_plan(match["n"])
        return Period("past_period" if last < plan_year else "new_period", first, last)
    if five and _PAST_PERIOD_CUE.search(text):
        return Period("past_period", plan_year - 5, plan_year - 1)
    horizon = _HORIZON.search(text)
    if (five and _NEW_PERIOD_CUE.search(text)) or (horizon and int(horizon.group(1)) >= plan_year + 4):
        return Period("new_period", plan_year, int(horizon.group(1)) if horizon else plan_year + 4)
    return None


def scoped(part: str, period: Period | None, review_year: int | None, plan_year: int | None):
    """Scope, year and first year of a sentence of ``part`` under ``period``."""
    if part == "review":
        if period is not None and period.scope == "past_period":
            return "past_period", period.last_year, period.first_year
        return "reviewed_year", review_year, None
    if period is not None and period.scope == "new_period":
        return "new_period", period.last_year, period.first_year
    return "plan_year", plan_year, None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence parts between 。；！？ or line ends, in clean offsets."""
    if start == 0 and end is None:
        return _all_sentence_spans(text)
    end = len(text) if end is None else end
    spans = [match.span() for match in _SENTENCE.finditer(text, start, max(start, end))]
    if end > len(text) and spans and spans[-1][1] == len(text) and text[-1] not in _SENTENCE_MARKS:
        spans[-1] = (spans[-1][0], end)  # an end past the text: the last piece runs to it, as asked
    return spans


def _all_sentence_spans(text: str) -> list[tuple[int, int]]:
    """``sentence_spans`` of a whole text from where its marks stand (found by numpy and kept for the
    content votes' bisections), not a match object for each sentence: the pieces up to and with
    each mark and the piece after the last, but a blank one (white space up to a line end or the
    end, which the pattern passes over)."""
    if not text:
        return []
    ends = [mark + 1 for mark in mark_positions(text, _SENTENCE_MARKS)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    spans = []
    start = 0
    for end in ends:
        if not text[start].isspace() or not text[start:end].isspace():
            spans.append((start, end))
        start = end
    return spans


@cache
def _any_cue(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(cue) for cue in cues) or "(?!)")


_SINGLE_YEAR_CUE = _any_cue(lexicon.SINGLE_YEAR_CUES)
_PAST_PERIOD_CUE = _any_cue(lexicon.PAST_PERIOD_CUES)
_NEW_PERIOD_CUE = _any_cue(lexicon.NEW_PERIOD_CUES)
_DECISIVE_PLAN_CUE = _any_cue(lexicon.PLAN_CUES_DECISIVE)
_SINGLE_YEAR_CUE_WITHOUT_YEAR = _any_cue(tuple(cue for cue in lexicon.SINGLE_YEAR_CUES if "年" not in cue))


def _count(sentence: str, cues: tuple[str, ...]) -> int:
    """How many cue words a sentence holds (a cue inside a longer one counts too): the sum of
    ``sentence.count(cue)`` over the cues, from the positions where cues start, not a count of each."""
    return _counts(sentence, cues, ())[0]


def _counts(sentence: str, first: tuple[str, ...], second: tuple[str, ...]) -> tuple[int, int]:
    """``_count`` of two cue lists (the plan's and the review's) from one scan of the sentence."""
    return _pair_counter(first, second)(sentence)


@cache
def _pair_counter(first: tuple[str, ...], second: tuple[str, ...]) -> Callable[[str], tuple[int, int]]:
    """``_counts`` for two fixed cue lists: the callers ask for the lexicon's lists by name, so they
    keep the counter and do not hash both lists for every sentence."""
    cues = first + second
    longest_first, held_by = _cue_starts(cues)
    search, n_first = longest_first.search, len(first)
    if not any(cue[k:] == cue[: len(cue) - k] for cue in cues for k in range(1, len(cue))):
        # no cue can overlap itself (as 年年 does in 年年年), so count() counts every position it
        # is printed at: each longest cue adds what the cues it starts with weigh in either list
        weights = {w: (sum(i < n_first for i in held), sum(i >= n_first for i in held)) for w, held in held_by.items()}

        def counts_at_every_position(sentence: str) -> tuple[int, int]:
            in_first = in_second = 0
            match = search(sentence)
            while match:  # each position holding a cue, from the first
                add_first, add_second = weights[match.group()]
                in_first += add_first
                in_second += add_second
                match = search(sentence, match.start() + 1)
            return in_first, in_second

        return counts_at_every_position

    def counts(sentence: str) -> tuple[int, int]:
        match = search(sentence)
        if match is None:
            return 0, 0  # most sentences hold none
        in_first = in_second = 0
        free: dict[int, int] = {}  # for each cue, where its last occurrence counted ends (count() skips overlaps)
        while match:  # each position holding a cue, from the first
            at = match.start()
            for i in held_by[match.group()]:
                if at >= free.get(i, 0):
                    if i < n_first:
                        in_first += 1
                    else:
                        in_second += 1
                    free[i] = at + len(cues[i])
            match = search(sentence, at + 1)
        return in_first, in_second

    return counts


@cache
def _cue_starts(cues: tuple[str, ...]) -> tuple[re.Pattern, dict[str, tuple[int, ...]]]:
    """A pattern finding at a position the longest cue printed there (the cues tried longest first),
    and for each cue the cues (by position in ``cues``, repeats kept) it starts with: every cue
    printed at a position is a prefix of the longest one printed there."""
    if not all(cues):
        raise ValueError("an empty cue")  # count("") is not a count of words
    longest = sorted(set(cues), key=len, reverse=True)
    held_by = {w: tuple(i for i, cue in enumerate(cues) if w.startswith(cue)) for w in longest}
    return re.compile("|".join(re.escape(w) for w in longest) or "(?!)"), held_by


_strong_counts = _pair_counter(lexicon.PLAN_CUES_STRONG, lexicon.REVIEW_CUES_STRONG)
_weak_counts = _pair_counter(lexicon.PLAN_CUES_WEAK, lexicon.REVIEW_CUES_WEAK)
#: the strong and the weak cue lists of either part, and 年 (a sentence without it names no year)
_CUE_LISTS = (
    lexicon.PLAN_CUES_STRONG,
    lexicon.REVIEW_CUES_STRONG,
    lexicon.PLAN_CUES_WEAK,
    lexicon.REVIEW_CUES_WEAK,
    ("年",),
)


@dataclass(frozen=True)
class _CueTable:
    """Cue lists as tables numpy reads a whole text with: each character of the cues has a number
    (1-255), a word is the number its characters' numbers make in base 256, and each word that
    begins a cue has a row (those of one length together, shorter first)."""

    numbers: numpy.ndarray  # for every code point, its number (0: in no cue)
    #: for each length from 1: the words of that length that begin a cue (sorted), whether each
    #: begins a longer cue, and the row of the first
    levels: tuple[tuple[numpy.ndarray, numpy.ndarray, int], ...]
    first_rows: numpy.ndarray  # by number: its row, -1 when no cue begins with it
    pair_rows: numpy.ndarray  # by two-character word: its row, -1 when no cue begins with it
    weights: numpy.ndarray  # by row, for each list: how many of its cues the word is (float, for bincount)


@cache
def _cue_table(lists: tuple[tuple[str, ...], ...]) -> _CueTable | None:
    """None where the lists cannot be counted so: a cue that overlaps itself (count() skips
    overlaps, the tables count every position), more than 255 characters among the cues, or a cue
    longer than 8 (its number would not fit in 64 bits)."""
    cues = [cue for cue_list in lists for cue in cue_list]
    if not all(cues):
        raise ValueError("an empty cue")  # count("") is not a count of words
    alphabet = sorted({ch for cue in cues for ch in cue})
    longest = max(map(len, cues), default=0)
    overlapping = any(cue[k:] == cue[: len(cue) - k] for cue in cues for k in range(1, len(cue)))
    if overlapping or len(alphabet) > 255 or longest > 8:
        return None
    number = {ch: n for n, ch in enumerate(alphabet, 1)}
    numbers = numpy.zeros(0x110000, dtype=numpy.uint8)
    numbers[[ord(ch) for ch in alphabet]] = numpy.arange(1, len(alphabet) + 1)

    def key(word: str) -> int:
        value = 0
        for ch in word:
            value = value * 256 + number[ch]
        return value

    levels, rows = [], {}
    for length in range(1, longest + 1):
        words = sorted({key(cue[:length]) for cue in cues if len(cue) >= length})
        longer = {key(cue[:length]) for cue in cues if len(cue) > length}
        levels.append((numpy.array(words, dtype=numpy.uint64), numpy.array([w in longer for w in words]), len(rows)))
        rows.update({(length, word): len(rows) + i for i, word in enumerate(words)})
    weights = numpy.zeros((len(rows), len(lists)))
    for n, cue_list in enumerate(lists):
        for cue in cue_list:
            weights[rows[len(cue), key(cue)], n] += 1
    first_rows = numpy.full(256, -1, dtype=numpy.int64)
    pair_rows = numpy.full(65536, -1, dtype=numpy.int64)
    for (length, word), row in rows.items():
        if length <= 2:
            (first_rows if length == 1 else pair_rows)[word] = row
    return _CueTable(numbers, tuple(levels), first_rows, pair_rows, weights)


def _span_counts(
    text: str, spans: list[tuple[int, int]], lists: tuple[tuple[str, ...], ...]
) -> list[numpy.ndarray] | None:
    """For each list, ``_count`` of each span's text (spans in text order, not overlapping; counts
    as floats): every cue printed anywhere in the text found at once by numpy, a character more at
    each step from the positions still reading a cue's beginning, then added up by the span it
    stands inside, not a regex scan of every sentence for every list. None where the lists cannot
    be counted so."""
    table = _cue_table(lists)
    if table is None:
        return None
    codes = code_points(text)
    numbers = numpy.zeros(len(codes) + len(table.levels), dtype=numpy.uint8)  # 0s past the end
    numpy.take(table.numbers, codes, out=numbers[: len(codes)])
    at = numpy.flatnonzero(numbers)
    row = table.first_rows[numbers[at]]
    at, row = at[row >= 0], row[row >= 0]
    found_at, found_end, found_rows = [], [], []
    word = numbers[at].astype(numpy.uint64)
    for length, (words, longer, first_row) in enumerate(table.levels, 1):
        if length == 2:
            word = word * 256 + numbers[at + 1]
            row = table.pair_rows[word]
            hit = row >= 0
            at, word, row = at[hit], word[hit], row[hit]
        elif length > 2:
            word = word * 256 + numbers[at + (length - 1)]
            i = numpy.minimum(numpy.searchsorted(words, word), len(words) - 1)
            hit = words[i] == word
            at, word, row = at[hit], word[hit], i[hit] + first_row
        found_at.append(at)
        found_end.append(at + length)
        found_rows.append(row)
        reads_on = longer[row - first_row]
        at, word = at[reads_on], word[reads_on]
        if not len(at):
            break
    if not spans:
        return [numpy.zeros(0) for _ in lists]
    at, end, row = numpy.concatenate(found_at), numpy.concatenate(found_end), numpy.concatenate(found_rows)
    bounds = numpy.fromiter(chain.from_iterable(spans), dtype=numpy.int64, count=2 * len(spans))
    span = numpy.searchsorted(bounds[0::2], at, "right") - 1  # the last span starting at or before
    inside = (span >= 0) & (end <= bounds[1::2][span])
    span, weights = span[inside], table.weights[row[inside]]
    return [numpy.bincount(span, weights=weights[:, n], minlength=len(spans)) for n in range(len(lists))]


_STRONG_VERDICTS = ((None, "none"), ("plan", "cue"), ("review", "cue"))
_WEAK_VERDICTS = (None, "plan", "review")


def sentence_cues(
    text: str, spans: list[tuple[int, int]], plan_year: int | None
) -> tuple[list[tuple[str | None, str]], list[str | None]]:
    """``strong_part`` and the part of ``cue_part`` of each span (in text order, not overlapping):
    the cue words of all of them counted at once (``_span_counts``) and the verdicts on the counts
    made for all at once; only a sentence holding 年 is read on its own for the years it names."""
    counts = _span_counts(text, spans, _CUE_LISTS)
    if counts is None:  # cue lists the tables cannot count: a scan of each sentence
        each = [(*_strong_counts(text[a:b]), *_weak_counts(text[a:b]), int("年" in text[a:b])) for a, b in spans]
        counts = [numpy.array(column, dtype=numpy.float64) for column in zip(*each, strict=True)] if each else []
        if not counts:
            return [], []
    plan, review, plan_weak, review_weak, year_marks = counts
    strong = numpy.where(plan > review, 1, numpy.where(review > plan, 2, 0))
    weak = numpy.where(plan_weak >= review_weak + 2, 1, numpy.where(review_weak >= plan_weak + 2, 2, 0))
    strongs = [_STRONG_VERDICTS[code] for code in strong.tolist()]
    parts = [_WEAK_VERDICTS[code] for code in numpy.where(strong > 0, strong, weak).tolist()]
    if plan_year is not None:
        for i in numpy.flatnonzero(year_marks).tolist():  # the years named decide first
            sentence = text[spans[i][0] : spans[i][1]]
            years = _years_named(sentence)
            if years:  # 今年, 五年来: a sentence naming no year keeps the verdict on its counts
                found = _strong_verdict(sentence, years, plan_year, int(plan[i]), int(review[i]))
                strongs[i] = found
                parts[i] = found[0] if found[0] is not None else _WEAK_VERDICTS[int(weak[i])]
    return strongs, parts


def years_named(sentence: str) -> list[int]:
    """Years a sentence is about; a horizon ("到2027年") or a baseline ("较2020年") is not one."""
    return list(_years_named(sentence))


def forget_report() -> None:
    """Empty what is remembered of a report's sentences (called before each report)."""
    _years_named.cache_clear()


@lru_cache(maxsize=4096)
def _years_named(sentence: str) -> tuple[int, ...]:
    """``years_named``, remembered: a sentence is asked about by several rules in turn, first by the
    section votes over the whole report, then again by the sentence parts (a report has a few
    hundred sentences, so they must all fit)."""
    if "年" not in sentence:  # four sentences of five: no year, and the pattern cannot skip ahead to 年
        return ()
    return tuple(map(int, _YEAR_ABOUT.findall(sentence)))  # int() reads full-width digits too


#: ``strong_part`` of a sentence for the report's plan year, remembered for the sentences of one
#: report: the section votes and then the sentence parts ask about the same sentences.
StrongPart = Callable[[str], tuple[str | None, str]]


def strong_part(sentence: str, plan_year: int | None) -> tuple[str | None, str]:
    """The part a sentence's year or strong cue words point to, or None when they are silent."""
    years = _years_named(sentence) if plan_year is not None else ()
    return _strong_verdict(sentence, years, plan_year, *_strong_counts(sentence))


def _strong_verdict(
    sentence: str, years: tuple[int, ...], plan_year: int | None, plan: int, review: int
) -> tuple[str | None, str]:
    """``strong_part`` of a sentence naming ``years`` and holding ``plan`` and ``review`` strong cues."""
    if years and all(y >= plan_year for y in years) and not _YEAR_AS_BASELINE.search(sentence):
        return "plan", "year"
    if years and plan == 0 and all(y < plan_year for y in years):
        return "review", "year"
    if plan != review:
        return ("plan" if plan > review else "review"), "cue"
    return None, "none"


def cue_part(sentence: str, plan_year: int | None, strong: StrongPart | None = None) -> tuple[str | None, str]:
    """Strong signals first, then the balance of weak cue words (for votes over whole sections)."""
    part, source = strong(sentence) if strong else strong_part(sentence, plan_year)
    if part is not None:
        return part, source
    return _weak_verdict(*_weak_counts(sentence))


def _weak_verdict(plan: int, review: int) -> tuple[str | None, str]:
    if plan >= review + 2:
        return "plan", "weak cue"
    if review >= plan + 2:
        return "review", "weak cue"
    return None, "none"


def classify_sentences(
    text: str,
    spans: list[tuple[int, int]],
    heading_cue: Callable[[int], HeadingCue] | list[HeadingCue],
    review_year: int | None,
    plan_year: int | None,
    default: str = "plan",
    review_until: int = 0,
    strong: StrongPart | list[tuple[str | None, str]] | None = None,
) -> list[SentencePart]:
    """Part, scope and year for each sentence span. ``heading_cue(pos)`` is what headings say there
    (or a list of what they say at each span's start, as ``heading_cue`` would in turn); ``strong``
    is ``strong_part`` of a sentence remembered, or a list of it for each span.

    Only headings, years and strong cues switch the part. Weak cues (新增, 完成, 推进) occur on
    both sides, so a sentence with nothing stronger keeps the part of the sentence before it.
    Before ``review_until`` (the first plan heading) a silent sentence is review.
    """
    parts: list[SentencePart] = []
    running = None
    paragraph_period: Period | None = None
    paragraph_settled = False  # the paragraph has said which time it speaks of
    cues = heading_cue if isinstance(heading_cue, list) else map(heading_cue, [start for start, _ in spans])
    strongs = strong if isinstance(strong, list) else None
    scoped_part, scoped_period = None, None  # the part and period the scope last worked out is of
    scope, year, year_start = "plan_year", None, None
    for i, ((start, end), cue) in enumerate(zip(spans, cues, strict=True)):
        sentence = text[start:end]
        if start == 0 or text[start - 1] == "\n" or text[start] == "\n":
            paragraph_period, paragraph_settled = None, False
        if cue.part in ("review", "plan"):
            part, source = cue.part, cue.source
        elif start < review_until and not decisive_plan(sentence, plan_year):
            part, source = "review", "order"
        else:
            if strongs is not None:
                part, source = strongs[i]
            else:
                part, source = strong(sentence) if strong else strong_part(sentence, plan_year)
            if part is None:
                part, source = (running, "carried") if running else (decided_default(cue.part, default), "default")
        running = part
        if "年" in sentence or "五" in sentence:
            single_year = _SINGLE_YEAR_CUE.search(sentence)  # named_period's first question, asked once
            own_period = _period_named(sentence, plan_year) if plan_year is not None and not single_year else None
            if own_period is not None or single_year:
                paragraph_period, paragraph_settled = own_period, True
            names_report_year = _names_report_year(sentence, plan_year)
        else:
            # most sentences hold neither: they name no year, no period (a plan's name and every
            # period cue hold 五, a horizon 年) and no single-year cue but one without 年 (开好局)
            if _SINGLE_YEAR_CUE_WITHOUT_YEAR.search(sentence):
                paragraph_period, paragraph_settled = None, True
            names_report_year = False
        period = paragraph_period
        if not paragraph_settled and not names_report_year:
            period = cue.period
        if part != scoped_part or period is not scoped_period:  # most sentences: as the one before
            scoped_part, scoped_period = part, period
            scope, year, year_start = scoped(part, period, review_year, plan_year)
        parts.append(SentencePart(start, end, part, source, year, scope, year_start))
    return parts


def _names_report_year(sentence: str, plan_year: int | None) -> bool:
    if plan_year is None:
        return False
    years = _years_named(sentence)
    return plan_year in years or plan_year - 1 in years


def decisive_plan(sentence: str, plan_year: int | None) -> bool:
    """A sentence that names the plan year or says 今年/明年 speaks of the plan wherever it stands."""
    years = _years_named(sentence)
    return bool(_DECISIVE_PLAN_CUE.search(sentence)) or (
        plan_year is not None and bool(years) and all(y >= plan_year for y in years)
    )


def decided_default(heading_part: str | None, default: str) -> str:
    """Conduct sections (the government's own work) look forward, like the plan."""
    return "plan" if heading_part == "conduct" else default


def majority_part(text: str, start: int, end: int, plan_year: int | None) -> str:
    votes = {"review": 0, "plan": 0}
    for a, b in sentence_spans(text, start, end):
        part, _ = cue_part(text[a:b], plan_year)
        if part:
            votes[part] += 1
    return _verdict(votes["review"], votes["plan"])


def _verdict(review: int, plan: int) -> str:
    if review == plan:
        return "other"
    return "review" if review > plan else "plan"


def majority_parts(
    text: str,
    plan_year: int | None,
    spans: list[tuple[int, int]] | None = None,
    strong: StrongPart | None = None,
    cues: tuple[list[tuple[str | None, str]], list[str | None]] | None = None,
) -> Callable[[int, int], str]:
    """``majority_part(text, start, end, plan_year)`` for many spans of one text: every sentence of the
    text votes once, and a span adds up the votes of the sentences inside it (a running total), its
    two end pieces read on their own when they cut a sentence. Nested sections no longer re-read
    the text they share. ``cues`` is ``sentence_cues`` of the spans where the caller has it."""
    spans = sentence_spans(text) if spans is None else spans
    span_starts = [a for a, _ in spans]
    parts = (sentence_cues(text, spans, plan_year) if cues is None else cues)[1]
    review = list(accumulate(map(eq, parts, repeat("review")), initial=0))
    plan = list(accumulate(map(eq, parts, repeat("plan")), initial=0))
    delimiters = _SENTENCE_MARKS

    def vote(start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(span_starts, start)
        if i < len(spans) and spans[i] == (start, end):  # one sentence as the text was split (a heading's)
            return int(parts[i] == "review"), int(parts[i] == "plan")
        votes = {"review": 0, "plan": 0}
        for a, b in sentence_spans(text, start, end):
            part, _ = cue_part(text[a:b], plan_year, strong)
            if part:
                votes[part] += 1
        return votes["review"], votes["plan"]

    def part(start: int, end: int) -> str:
        if end <= start:
            return "other"
        first = first_mark_from(text, start, delimiters)
        last = last_mark_before(text, end, delimiters)
        if first >= end or last < start:  # no sentence end inside: one piece
            return _verdict(*vote(start, end))
        r1, p1 = vote(start, first + 1)
        r2, p2 = vote(last + 1, end)
        # the whole sentences between the first and the last delimiter, as the text was split
        i = bisect.bisect_left(span_starts, first + 1)
        j = bisect.bisect_left(span_starts, last + 1)
        return _verdict(r1 + r2 + review[j] - review[i], p1 + p2 + plan[j] - plan[i])

    return part


def without_spans(spans: list[tuple[int, int]], removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with the removed spans (a duplicated passage) cut out of them. Only the removed
    spans that can overlap a sentence are looked at (they are sorted and do not overlap)."""
    if not removed:  # most reports print nothing twice
        return list(spans)
    removed = sorted(removed)
    removed_ends = [b for _, b in removed]
    result = []
    for start, end in spans:
        first = bisect.bisect_right(removed_ends, start)
        if first == len(removed) or removed[first][0] >= end:  # most sentences: nothing removed inside
            result.append((start, end))
            continue
        pieces = [(start, end)]
        for k in range(first, len(removed)):  # no copy of the rest
            a, b = removed[k]
            if a >= end:
                break
            pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[0] < p[1]]
        result += pieces
    return result


def part_at(parts: list[SentencePart], pos: int) -> SentencePart | None:
    """The sentence part holding ``pos`` (parts are in text order and do not overlap)."""
    i = bisect.bisect_right(starts(parts, "start"), pos) - 1
    return parts[i] if i >= 0 and parts[i].start <= pos < parts[i].end else None


def _last_cue(text: str, cues: tuple[str, ...]) -> int:
    """Where the cue printed last in ``text`` ends (of two ending there, either), -1 when none."""
    return _last_cue_backwards(text[::-1], _backwards_cues(cues))


@cache
def _backwards_cues(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(cue[::-1]) for cue in cues) or "(?!)")


def _last_cue_backwards(backwards: str, cues_backwards: re.Pattern) -> int:
    """``_last_cue`` of the text ``backwards`` spells: the cue ending last in the text starts first in
    it read backwards, so one search (of the cues spelt backwards) finds it, not an rfind for each cue."""
    match = cues_backwards.search(backwards)
    return len(backwards) - match.start() if match else -1


_STRONG_CUE = _any_cue(lexicon.PLAN_CUES_STRONG + lexicon.REVIEW_CUES_STRONG)
_REVIEW_CUES_BACKWARDS = _backwards_cues(lexicon.REVIEW_CUES_STRONG)
_PLAN_CUES_BACKWARDS = _backwards_cues(lexicon.PLAN_CUES_STRONG)


@dataclass(slots=True)
class FigureTime:
    part: str
    year: int | None
    scope: TimeScope
    year_start: int | None


def figure_part(
    before: str,
    sentence: SentencePart,
    explicit_year: int | None,
    review_year: int | None,
    plan_year: int | None,
    start_value: bool = False,
) -> FigureTime:
    """Part, year and scope of one figure: its sentence's, unless the figure itself says otherwise.

    Where headings are silent, a sentence can hold both parts ("去年完成投资42亿元，今年确保…"):
    the nearest strong cue before the figure decides. A figure tied to an earlier year ("2020年末的
    63.4%", a baseline in a plan sentence) is an achievement of that year, under headings too. The
    start of a "从X提高到Y" pair that names no year is the level before the period (or year) began.
    """
    if start_value and explicit_year is None and sentence.year is not None:
        if sentence.year_start is not None:
            explicit_year = sentence.year_start - 1
        elif sentence.part == "review":
            explicit_year = sentence.year - 1
        elif review_year is not None:
            explicit_year = review_year
    part = sentence.part
    if explicit_year is not None and plan_year is not None and explicit_year < plan_year:
        part = "review"
    elif sentence.source not in ("heading", "order"):
        if explicit_year is not None and plan_year is not None:
            part = "plan"
        elif _STRONG_CUE.search(before):  # most figures have none before them
            backwards = before[::-1]  # read once for both lists
            last_review = _last_cue_backwards(backwards, _REVIEW_CUES_BACKWARDS)
            last_plan = _last_cue_backwards(backwards, _PLAN_CUES_BACKWARDS)
            if last_review != last_plan:
                part = "review" if last_review > last_plan else "plan"
    if explicit_year is not None:
        return FigureTime(part, explicit_year, _single_year_scope(explicit_year, review_year, plan_year), None)
    if part == sentence.part:
        return FigureTime(part, sentence.year, sentence.scope, sentence.year_start)
    return FigureTime(part, review_year if part == "review" else plan_year, _default_scope(part), None)


def _single_year_scope(year: int, review_year: int | None, plan_year: int | None) -> TimeScope:
    return "reviewed_year" if year == review_year else "plan_year" if year == plan_year else "other_year"


def _default_scope(part: str) -> TimeScope:
    return "reviewed_year" if part == "review" else "plan_year"
