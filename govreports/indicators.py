"""Stage 5c: comparable indicators. A fact's ``indicator_code`` from a documented vocabulary, and
which facts are the report's headline figures.

The vocabulary (``data/indicators.csv``, one row per code with its English and Chinese label, the
printed variants it covers, the kind of figure and the unit it expects) names the headline measures
that reports print many ways (地区生产总值 / 生产总值 / 全省生产总值 / 经济增长 / GDP). A code is
given only when a variant stands in the figure's own clause, the unit fits the measure, and a growth
code has its growth word: a wrong code is worse than none.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import lexicon
from .records import Fact, Section

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "indicators.csv"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WHOLE_YEAR = re.compile(r"全年|年度")
_CLAUSE_MARK_CHARS = "，；：,"
_EXCLUDING_WORD = re.compile(r"扣除|剔除|不含")
_EXCLUDING = re.compile(rf"^(?:{_EXCLUDING_WORD.pattern})|(?:{_EXCLUDING_WORD.pattern}).*后$")
_SUBJECT_MARKS = re.compile(r"[，；：]")
_LIST_JOINERS = re.compile(r"[、和与及]")
_LIST_WORDS = re.compile(r"[、和及与]|左右|以上")


@dataclass(frozen=True)
class Indicator:
    code: str
    label_en: str
    label_zh: str
    kind: str  # growth_rate | level | rate | share | count | reduction
    unit_class: str  # percent | money | person | mass | concentration
    needs_cue: str  # growth | reduction | "" (none)
    direction: str  # higher | lower: which way is better, for judging a target met
    category: str
    variants: tuple[str, ...]


@cache
def vocabulary() -> tuple[Indicator, ...]:
    with VOCABULARY_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Indicator(**{**row, "variants": tuple(v for v in row["variants"].split(";") if v)})
            for row in csv.DictReader(handle)
        )


@cache
def by_code() -> dict[str, Indicator]:
    return {indicator.code: indicator for indicator in vocabulary()}


def _fits_cue(indicator: Indicator, variant: str, between: str) -> bool:
    if lexicon.INDICATOR_BLOCKERS.search(between) or len(between) > lexicon.MAX_INDICATOR_GAP:
        return False
    if indicator.needs_cue == "growth":
        return bool(lexicon.GROWTH_CUE.search(between) or lexicon.GROWTH_CUE.search(variant))
    if indicator.needs_cue == "reduction":
        return bool(lexicon.REDUCTION_CUE.search(between))
    return not (indicator.kind in ("level", "count") and lexicon.GROWTH_CUE.search(between))


def _stands_alone(before: str) -> bool:
    """Whether a loose variant (经济增长, 进出口) starts its noun phrase: nothing before it in the
    clause but a verb, a time word or the region's own name."""
    return not before or not _CJK.match(before[-1]) or before.endswith(lexicon.LOOSE_VARIANT_OPENERS)


def match_code(before: str, unit_base: str | None) -> str | None:
    """The code whose variant names the figure at the end of ``before`` (its clause up to the number).

    The variant nearest the number wins, then the longest (人均地区生产总值 over 地区生产总值); of
    the codes it names, the first in vocabulary order whose cue fits.
    """
    return _match(before, _variants_for(unit_base))


def _match(before: str, found: tuple) -> str | None:
    """``match_code`` with the unit's variants got (code_for has them already)."""
    pairs, longest_first, held_by, codes_of = found
    match = longest_first.search(before) if pairs else None
    if match is None:
        return None  # no variant printed: nothing to weigh
    # each printed variant's last position (its rfind): every variant starting at a position is a
    # prefix of the longest one there, which the searches find at each position in turn
    last: dict[str, int] = {}
    while match:
        start = match.start()
        for variant in held_by[match.group()]:
            last[variant] = start
        match = longest_first.search(before, start + 1)
    # each printed variant weighed once, nearest and longest first, for the codes it names: the first
    # that fits is the one the weighing of every pair would keep (two variants never share both the
    # end and the length)
    if len(last) == 1:  # most clauses: no order to find
        ((variant, start),) = last.items()
        weighed = [(start + len(variant), len(variant), variant)]
    else:
        weighed = sorted([(p + len(v), len(v), v) for v, p in last.items()], reverse=True)
    for end, length, variant in weighed:
        between = before[end:]
        if len(between) > lexicon.MAX_INDICATOR_GAP or lexicon.INDICATOR_BLOCKERS.search(between):
            continue
        pos = end - length
        if pos >= 2 and before.startswith("城乡", pos - 2):
            continue  # 城乡居民…: urban and rural at once, never "all residents"
        if variant in lexicon.LOOSE_VARIANTS and not _stands_alone(before[:pos]):
            continue  # 县域经济增长, 民营经济增长: a part of the economy, not its whole
        growth = None  # a growth word between: looked for once, for the first code that asks
        for code, cue in codes_of[variant]:
            if cue == _ANY_CUE:
                return code
            if cue == _REDUCTION:
                if lexicon.REDUCTION_CUE.search(between):
                    return code
                continue
            if growth is None:
                growth = lexicon.GROWTH_CUE.search(between) is not None
            if growth == (cue == _GROWTH):
                return code
    return None


# what a code asks of the words between its variant and the figure (_fits_cue's cases)
_ANY_CUE, _GROWTH, _REDUCTION, _NO_GROWTH = range(4)


def _cue_of(indicator: Indicator, variant: str) -> int:
    """_fits_cue's test for the words between, read once: a growth code whose variant is itself a growth
    word (经济增长) asks nothing, nor does a rate or share."""
    if indicator.needs_cue == "growth":
        return _ANY_CUE if lexicon.GROWTH_CUE.search(variant) else _GROWTH
    if indicator.needs_cue == "reduction":
        return _REDUCTION
    return _NO_GROWTH if indicator.kind in ("level", "count") else _ANY_CUE


@cache
def _variants_for(
    unit_base: str | None,
) -> tuple[
    tuple[tuple[Indicator, str], ...],
    re.Pattern,
    dict[str, tuple[str, ...]],
    dict[str, tuple[tuple[str, int], ...]],
]:
    """The (indicator, variant) pairs whose unit fits ``unit_base``, in vocabulary order; one pattern
    that finds at a position the longest variant printed there (the variants tried longest first);
    for each variant the variants that start it; and for each variant the codes it names, in
    vocabulary order, with their cue tests. Every variant printed at a position is a prefix of the
    longest one there, so a few searches of a clause give the variants worth weighing, not a look
    for each variant of the vocabulary."""
    pairs = tuple(
        (indicator, variant)
        for indicator in vocabulary()
        if unit_base in lexicon.INDICATOR_UNIT_CLASSES[indicator.unit_class]
        for variant in indicator.variants
    )
    longest = sorted({v for _, v in pairs}, key=len, reverse=True)
    held_by = {w: tuple(v for v in longest if w.startswith(v)) for w in longest}
    codes_of: dict[str, list[tuple[str, int]]] = {}
    for indicator, variant in pairs:
        codes_of.setdefault(variant, []).append((indicator.code, _cue_of(indicator, variant)))
    return (
        pairs,
        re.compile("|".join(re.escape(v) for v in longest) or "(?!)"),
        held_by,
        {v: tuple(c) for v, c in codes_of.items()},
    )


def code_for(
    before: str,
    unit_base: str | None,
    item: str | None,
    items: list[str],
    index: int,
    sentence: str = "",
    borrowed: str = "",
    part_of_year: bool = True,
) -> str | None:
    """The code of a figure. In a list of values each value has its own item: "城镇和农村居民人均可支配
    收入分别增长4.3%、5.3%" gives 城镇居民人均可支配收入 to the first (a short item borrows the tail
    of the last one) and 农村居民人均可支配收入 to the second. A figure on another basis (扣除房地产
    开发投资后, 同口径) or for part of the year (上半年, 前三季度, 1-8月) is no headline measure:
    ``sentence`` is its sentence up to the figure. ``borrowed`` is the subject an earlier clause
    gave a bare figure ("地区生产总值…，全年预计同比增长1.5%"). ``part_of_year`` False says the
    whole sentence names no part of the year (looked for once for all its figures)."""
    found = _variants_for(unit_base)
    if not found[0]:
        return None  # no code's unit fits (a count of items, of firms …; half the figures): no test can give one
    if part_of_year and lexicon.PART_OF_YEAR.search(_WHOLE_YEAR.split(sentence)[-1]):
        return None
    if lexicon.OTHER_BASIS.search(before):
        return None
    # the clause before is cut out only when the sentence before holds an excluding word (few do;
    # the marks stripped off its end hold none)
    cut = len(sentence) - len(before)
    if _EXCLUDING_WORD.search(sentence, 0, cut if cut >= 0 else max(0, len(sentence) + cut)):  # sentence[:cut]
        head = sentence[:cut].rstrip("，,；：;")
        previous_clause = head[max(map(head.rfind, _CLAUSE_MARK_CHARS)) + 1 :]  # after its last mark
        if _EXCLUDING.search(previous_clause):
            return None
    for source in (before, borrowed) if index >= 0 else ():  # a value alone has no 分别 list
        respectively = source.rfind("分别")
        if respectively <= 0:
            continue
        subject = _SUBJECT_MARKS.split(source[:respectively])[-1]
        parts = [p for p in _LIST_JOINERS.split(subject) if p]
        if index < len(parts) >= 2:
            own = parts[index]
            completed = own + parts[-1][len(own) :] if index < len(parts) - 1 else own
            return _match(completed + _list_tail(source[respectively:]), found)
        if "城乡居民" in subject and index in (0, 1):  # 城乡居民…分别: urban, then rural
            own = subject.replace("城乡居民", ("城镇居民", "农村居民")[index])
            return _match(own + _list_tail(source[respectively:]), found)
    if item:  # a list of values paired with a list of things: 城镇 borrows 农村居民人均可支配收入's tail
        own = item + items[-1][len(item) :] if items and len(item) <= 4 and items[-1] != item else item
        code = _match(own + _list_tail(before), found) or _match(own, found)
        if code is not None:
            return code
    return _match(before, found) or (_match(borrowed, found) if borrowed else None)


def _list_tail(words: str) -> str:
    """ "分别增长、" before the second value: the verb the values share, without the list's joints."""
    return _LIST_WORDS.sub("", words)


def headline_spans(raw: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Raw spans of the main expected targets: from 主要预期目标 to the end of its paragraph, or the
    whole section under a heading that names them."""
    spans = []
    section_at: dict[int, Section] = {}  # the first section starting at each offset
    for section in sections:
        section_at.setdefault(section.char_start, section)
    for match in re.finditer(lexicon.HEADLINE_TARGETS_WORD, raw):
        line_start = raw.rfind("\n", 0, match.start()) + 1
        line_end = raw.find("\n", match.end())
        line_end = len(raw) if line_end < 0 else line_end
        section = section_at.get(line_start)
        if section is not None and len(raw[line_start:line_end].strip()) <= lexicon.MAX_BARE_HEADING:
            spans.append((section.char_start, section.char_end))
        else:
            spans.append((match.start(), line_end))
    return spans


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The offsets some span [a, b) holds, as sorted spans that neither overlap nor touch: a figure is
    in one of the spans when it is in one of these, found by bisection."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def mark_headlines(raw: str, facts: list[Fact], sections: list[Section]) -> list[Fact]:
    """Headline targets sit in a 主要预期目标 passage; headline achievements in the review's summary
    paragraph, the one that first gives the reviewed year's GDP growth (else its GDP)."""
    target_spans = _union(headline_spans(raw, sections))
    target_starts = [a for a, _ in target_spans]
    reviewed = [f for f in facts if f.table == "achievements" and f.time_scope == "reviewed_year"]
    growth = [f for f in reviewed if f.indicator_code == "gdp_growth"] or [
        f for f in reviewed if f.indicator_code == "gdp"
    ]
    summary = min(growth, key=lambda f: f.number_start, default=None)
    summary_span = None
    if summary is not None:
        start = raw.rfind("\n", 0, summary.number_start) + 1
        end = raw.find("\n", summary.number_start)
        summary_span = (start, len(raw) if end < 0 else end)
    marked = []
    for fact in facts:
        if fact.table == "targets":
            i = bisect.bisect_right(target_starts, fact.number_start) - 1
            headline = i >= 0 and fact.number_start < target_spans[i][1]
        else:
            headline = summary_span is not None and summary_span[0] <= fact.number_start < summary_span[1]
        marked.append(fact if fact.headline == headline else _with_headline(fact, headline))
    return marked


def _with_headline(fact: Fact, headline: bool) -> Fact:
    """``dataclasses.replace(fact, headline=headline)`` without its call of ``__init__`` (29 fields,
    each set through ``object.__setattr__`` as the class is frozen: most of ``mark_headlines``)."""
    made = object.__new__(Fact)
    made.__dict__.update(fact.__dict__)
    made.__dict__["headline"] = headline
    return made
