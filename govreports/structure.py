"""Stage 2: cleaned text -> sections (headings at every level, with the part each opens).

Levels follow the genre's label shapes: ``一、`` (1), ``（一）`` (2), ``10.`` (3), and a paragraph's
bold lead phrase (``主导产业加速集聚。``, or a sentence the source marked with ``**``) one level
below the labelled heading it sits in. The part (review / plan / conduct) comes from heading words
and the years a heading names; a section whose headings are silent gets its part from its sentences'
own cues (``part_source`` = ``content``), see :mod:`govreports.parts`.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon
from .records import Section, record
from .text import CleanText

_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})\s*年")
_FULL_STOP = re.compile(r"[。！？]")
_PHRASE_MARKS = re.compile(r"[，,、；：0-9０-９]")
_LINE_STOP = re.compile(r"[。！？，]")
_SENTENCE_MARKS = re.compile(r"[。，,；;！？!?：:]")
_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?%")


@dataclass(frozen=True)
class Heading:
    level: int
    label: str
    heading: str
    start: int  # clean offset where the heading (label) starts
    heading_end: int  # clean offset where the heading text ends
    lead_phrase: bool


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


def paragraphs(cleaned: CleanText) -> list[Paragraph]:
    return [Paragraph(start, end) for start, end in _paragraph_spans(cleaned.text)]


#: a line's text without the whitespace around it (``\s`` is what str.strip() strips); a blank line has none
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``paragraphs`` as (start, end) pairs: one search for them all, not a strip of every line;
    remembered for the text last asked about (the headings and then the sections read them)."""
    if _LAST_PARAGRAPHS and _LAST_PARAGRAPHS[0][0] is text:
        return _LAST_PARAGRAPHS[0][1]
    spans = [match.span() for match in _PARAGRAPH.finditer(text)]
    _LAST_PARAGRAPHS[:] = [(text, spans)]
    return spans


_LAST_PARAGRAPHS: list[tuple[str, list[tuple[int, int]]]] = []


def _heading_text(text: str, start: int, end: int) -> int:
    """End of a heading that starts at ``start``: its first sentence, or the whole line."""
    stop = _FULL_STOP.search(text, start, end)
    return stop.start() if stop else end


def _lead_phrase_end(text: str, start: int, end: int) -> int | None:
    # a full stop further on ends a phrase too long to be one: the search stops where it would
    stop = _FULL_STOP.search(text, start, min(end, start + lexicon.MAX_LEAD_PHRASE + 1))
    if not stop:
        return None
    phrase = text[start : stop.start()]
    if 0 < len(phrase) <= lexicon.MAX_LEAD_PHRASE and stop.end() < end and not _PHRASE_MARKS.search(phrase):
        return stop.start()
    return None


def _next_line(text: str, pos: int) -> str:
    """A label alone on its line ("（一）") takes the short line after it as its heading."""
    line = text[pos:].lstrip().split("\n", 1)[0]
    stop = _LINE_STOP.search(line)
    return (line[: stop.start()] if stop else line)[: lexicon.MAX_LEAD_PHRASE * 2].strip()


def find_headings(cleaned: CleanText) -> list[Heading]:
    text = cleaned.text
    headings: list[Heading] = []
    innermost_labelled = 0

    def lead_phrase_at(start: int, end: int) -> None:
        if innermost_labelled < 2:  # no lead phrase outside a labelled heading of level 2 or below
            return
        stop = _lead_phrase_end(text, start, end)
        if stop is not None:
            headings.append(Heading(innermost_labelled + 1, "", text[start:stop], start, stop, True))

    paragraph_spans = _paragraph_spans(text)
    # most reports print nothing twice and have no page furniture
    skipped = _starts_inside(paragraph_spans, cleaned) if cleaned.duplicate_spans or cleaned.marker_spans else ()
    for start, end in paragraph_spans:
        if start in skipped:
            continue
        body = text[start:end]
        if body.startswith(lexicon.ADDRESS_OPENERS):  # 各位代表！ is a vocative, never a heading
            continue
        if is_bare_part_heading(body):
            headings.append(Heading(1, "", body.strip(), start, end, False))
            innermost_labelled = 1
            continue
        for level, pattern in lexicon.HEADING_PATTERNS:
            match = pattern.match(body)
            if match:
                stop = _heading_text(text, start + match.end(), end)
                label = match.group("label").strip()
                heading = text[start + match.end() : stop].strip() or _next_line(text, end) or label
                headings.append(Heading(level, match.group("label").strip(), heading, start, stop, False))
                innermost_labelled = level
                break
        else:
            lead_phrase_at(start, end)
        for a, _ in cleaned.emphasis_spans:
            if start < a < end:
                lead_phrase_at(a, end)
    return sorted(headings, key=lambda h: h.start)


def _starts_inside(paragraph_spans: list[tuple[int, int]], cleaned: CleanText) -> set[int]:
    """The paragraph starts inside a passage printed twice or page furniture (``in_duplicate`` or
    ``in_marker``), found span by span, not asked of every paragraph. Those ask whether the last
    span (in sorted order) opening at or before a position ends after it: a span answers for the
    positions from its opening up to its end or the next span's opening, whichever comes first."""
    starts = [start for start, _ in paragraph_spans]
    inside: set[int] = set()
    for spans, holds in ((cleaned.duplicate_spans, cleaned.in_duplicate), (cleaned.marker_spans, cleaned.in_marker)):
        if any(spans[k] > spans[k + 1] for k in range(len(spans) - 1)):  # not in order: ask each start
            inside.update(filter(holds, starts))
            continue
        for k, (opening, end) in enumerate(spans):
            stop = min(end, spans[k + 1][0]) if k + 1 < len(spans) else end
            inside.update(starts[bisect.bisect_left(starts, opening) : bisect.bisect_left(starts, stop)])
    return inside


def is_bare_part_heading(line: str) -> bool:
    """A short line standing alone that names a part ("主要预期目标", "“十四五”时期工作回顾",
    "2026年重点工作"): a heading with no label, as digests and web pages print them."""
    line = line.strip()
    if not line or len(line) > lexicon.MAX_BARE_HEADING or _SENTENCE_MARKS.search(line):
        return False
    if line[:1] in lexicon.BULLETS or lexicon.HEADING_START.match(line) or _PERCENT.search(line):
        return False
    if lexicon.REPORT_TITLE_WORD in line:  # the title: it names the report, not a part of it
        return False
    words = [w for part in ("review", "plan", "conduct") for w in lexicon.PART_HEADING_WORDS[part]]
    return any(w in line for w in words if w not in ("今年", "明年")) or bool(_YEAR_WORK.search(line))


_YEAR_WORK = re.compile(r"(?:19|20)\d{2}\s*年[^年]{0,4}工作")


def part_from_heading(heading: str, delivery_year: int | None) -> tuple[str | None, int | None]:
    """The part a heading opens and the year it names. Conduct words first, then the year (a year
    before the delivery year is the review), then the part words."""
    years = [int(y) for y in _YEAR.findall(heading)] if "年" in heading else []
    year = years[0] if years else None
    if _PART_WORDS["conduct"].search(heading):
        return "conduct", year
    if year is not None and delivery_year is not None:
        return ("review" if max(years) < delivery_year else "plan"), year
    for part in ("review", "plan"):
        if _PART_WORDS[part].search(heading):
            return part, year
    return None, year


#: each part's heading words as one pattern: one search of a heading, not an ``in`` for every word
_PART_WORDS = {part: re.compile("|".join(map(re.escape, words))) for part, words in lexicon.PART_HEADING_WORDS.items()}


def build_sections(
    cleaned: CleanText,
    headings: list[Heading],
    doc_id: str,
    delivery_year: int | None,
    content_part: Callable[[int, int], str],
) -> list[Section]:
    """Sections with raw offsets. ``content_part(start, end)`` gives the part a span's sentences cue."""
    text = cleaned.text
    address_starts = [a for a, b in _paragraph_spans(text) if text.startswith(lexicon.ADDRESS_OPENERS, a, b)]
    sections: list[Section] = []
    stack: list[tuple[Heading, Section]] = []
    plan_seen = False  # the plan follows the review: after a plan heading, silent sections are plan too
    ends = []
    text_end = len(text.rstrip())
    closing = _next_at_or_above(headings)
    for h, j in zip(headings, closing, strict=True):
        end = headings[j].start if j is not None else text_end
        if h.level >= 3:
            k = bisect.bisect_right(address_starts, h.start)  # the first vocative after the heading
            end = min([end, *address_starts[k : k + 1]])
        ends.append(end)
    for h, end in zip(headings, ends, strict=False):
        raw_head = cleaned.raw_span(h.start, h.start + 1)[0]
        while stack and (stack[-1][0].level >= h.level or stack[-1][1].char_end <= raw_head):
            stack.pop()
        parent = stack[-1][1] if stack else None
        part, year = (None, None) if h.lead_phrase else part_from_heading(h.heading, delivery_year)
        source = "heading"
        if part is None and parent is not None and parent.part != "other":
            part, source = parent.part, "inherited"
            year = year or parent.year
        if part is None and plan_seen and parent is None:
            part, source = "plan", "order"
        if part is None:
            part, source = content_part(h.start, end), "content"
        plan_seen = plan_seen or (part == "plan" and source == "heading" and h.level == 1)
        raw_start, raw_end = cleaned.raw_span(h.start, end)
        # made without the frozen class's __init__ (eleven fields set one at a time): half the time
        section = record(
            Section,
            doc_id=doc_id,
            section_id=f"{doc_id}-S{raw_start:06d}",
            parent_id=parent.section_id if parent else None,
            level=h.level,
            label=h.label,
            heading=h.heading,
            part=part,
            part_source=source,
            year=year,
            char_start=raw_start,
            char_end=raw_end,
        )
        sections.append(section)
        stack.append((h, section))
    return sections


def _next_at_or_above(headings: list[Heading]) -> list[int | None]:
    """For each heading, the index of the first later heading of its level or above (which ends its
    section), or None: one sweep from the end with a stack of candidates, not a scan per heading."""
    found: list[int | None] = [None] * len(headings)
    stack: list[int] = []  # later headings, each of a lower level (greater number) than the one below it
    for i in range(len(headings) - 1, -1, -1):
        while stack and headings[stack[-1]].level > headings[i].level:
            stack.pop()
        found[i] = stack[-1] if stack else None
        stack.append(i)
    return found


def innermost_section(sections: list, raw_index: int):
    """The deepest section whose span holds ``raw_index`` (of equally deep ones, the last). ``sections``
    are in text order (as built); no section before a top-level one can hold an index at or after
    its start. The answer is the same between two consecutive section starts or ends, so it is found
    once for each such piece of the text and then looked up by bisection."""
    cached = _INNERMOST.get(id(sections))  # ``_innermost_table``'s common case inline (asked for every row)
    if cached is not None and cached[0] is sections and cached[1] == len(sections):
        bounds, answers = cached[2], cached[3]
    else:
        bounds, answers = _innermost_table(sections)
    i = bisect.bisect_right(bounds, raw_index) - 1
    return answers[i] if i >= 0 else None


_INNERMOST: dict[int, tuple[list, int, list[int], list]] = {}


def innermost_table(sections: list) -> tuple[list[int], list]:
    """The bounds of the pieces of the text and each piece's innermost section, for a caller asking
    about many indices: ``innermost_section(sections, i)`` is ``answers[bisect_right(bounds, i) - 1]``
    (None before the first bound)."""
    return _innermost_table(sections)


def _innermost_table(sections: list) -> tuple[list[int], list]:
    """For each piece of the text between consecutive section bounds, its innermost section: one sweep,
    the sections open there in a heap by depth, then by order (remembered for the list last asked)."""
    cached = _INNERMOST.get(id(sections))
    if cached is not None and cached[0] is sections and cached[1] == len(sections):
        return cached[2], cached[3]
    bounds = sorted({s.char_start for s in sections} | {s.char_end for s in sections})
    answers = []
    open_sections: list[tuple[int, int]] = []
    order = sorted(range(len(sections)), key=lambda i: sections[i].char_start)
    k = 0
    for bound in bounds:
        while k < len(order) and sections[order[k]].char_start <= bound:
            heapq.heappush(open_sections, (-sections[order[k]].level, -order[k]))
            k += 1
        while open_sections and sections[-open_sections[0][1]].char_end <= bound:
            heapq.heappop(open_sections)
        answers.append(sections[-open_sections[0][1]] if open_sections else None)
    _INNERMOST.clear()
    _INNERMOST[id(sections)] = (sections, len(sections), bounds, answers)
    return bounds, answers
