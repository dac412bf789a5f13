"""One document through every stage: raw text -> Extraction -> its rows of every table. Pure, no I/O."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache, partial

import numpy

from . import facts as facts_stage
from . import lexicon
from . import parts as parts_stage
from .columnar import RowTypeError, Tables, to_ipc
from .entities import extract_entities
from .facts import build_facts
from .indicators import mark_headlines
from .metadata import SourceFile, build_document, registry_conflicts
from .quantities import candidates
from .records import Document, Extraction, Fact, QualityFlag, Section
from .structure import build_sections, find_headings, innermost_table
from .tables import extraction_tables
from .text import clean_text, code_points

#: for every code point, how many times the traditional markers list it (most: 0), for numpy to add
#: up over a text's code points in one pass
_TRADITIONAL_COUNT = numpy.zeros(0x110000, dtype=numpy.uint8)
numpy.add.at(_TRADITIONAL_COUNT, [ord(c) for c in lexicon.TRADITIONAL_MARKERS], 1)
_LONG_NUMBER = re.compile(r"[0-9][0-9]{15,}")  # [0-9]{16,}, opening with one digit: the engine skips to it
_LONG_DIGIT_RUN = b"\x01" * 16  # sixteen digits in a row, in a text's digit mask as bytes
_FIRST_LINE = re.compile(r"\S[^\n]*")


def _heading_cues(
    sections: list[Section], by_id: dict[str, Section], cleaned, starts: list[int], plan_year
) -> list[parts_stage.HeadingCue]:
    """What the headings say at each of ``starts`` (cleaned positions below the text's length, in text
    order): the part (conduct follows its enclosing part) and the period the nearest heading that
    names one speaks of. It depends on the innermost section alone, which is the same from one
    section bound to the next, so the positions are handed out piece by piece, not looked up one by
    one: a raw bound is at or before a position exactly when its cleaned index (the first position
    at or after it) is."""
    bounds, answers = innermost_table(sections)
    clean_bounds = [cleaned.clean_index(bound) for bound in bounds] + [len(cleaned.offset_map) + 1]
    cues = [_section_cue(None, by_id, plan_year)] * bisect_left(starts, clean_bounds[0])
    known: dict[int, parts_stage.HeadingCue] = {}
    for section, bound in zip(answers, clean_bounds[1:], strict=True):
        end = bisect_left(starts, bound)  # the positions before the next bound
        if end > len(cues):
            cues += [_section_cue(section, by_id, plan_year, known)] * (end - len(cues))
    return cues


def _section_cue(
    section: Section | None, by_id: dict[str, Section], plan_year, known: dict | None = None
) -> parts_stage.HeadingCue:
    """What the headings say in a section: its own heading's part and period where it names them,
    else what its parent's say (kept in ``known`` for each section, so that a heading is read once,
    not once for every section below it)."""
    if section is None:
        return _SILENT
    if known is not None and id(section) in known:
        return known[id(section)]
    above = _section_cue(by_id.get(section.parent_id), by_id, plan_year, known)
    period = parts_stage.named_period(section.heading, plan_year, heading=True)
    if period is None and not parts_stage.years_named(section.heading):
        period = above.period  # the heading names no time: the period of the headings above
    part, source = above.part, above.source
    if section.part_source in ("heading", "inherited", "order"):
        if section.part in ("review", "plan"):
            part, source = section.part, "order" if section.part_source == "order" else "heading"
        elif section.part == "conduct":
            part, source = "conduct", "heading"
    cue = parts_stage.HeadingCue(part, source, period)
    if known is not None:
        known[id(section)] = cue
    return cue


_SILENT = parts_stage.HeadingCue(None, "none", None)


def document_tables(source: SourceFile) -> tuple[Tables | None, str | None]:
    """One report's rows, or why it cannot be built. Any failure stays inside its own report.

    The function worker processes run: it lives in a module, not in ``build.py``, so that it pickles
    by the same name however the build was started (``python -m cProfile build.py`` included)."""
    try:
        tables = extraction_tables(extract_document(source))
    except RowTypeError as exc:
        return None, f"made rows that break the table schemas: {exc}"
    except Exception as exc:
        return None, f"could not be processed ({type(exc).__name__}: {exc})"
    return tables, None


def document_ipc(source: SourceFile) -> tuple[dict[str, bytes] | None, str | None]:
    """``document_tables`` as a worker process hands it back (``columnar.from_ipc`` reads it)."""
    tables, problem = document_tables(source)
    return (to_ipc(tables) if tables is not None else None), problem


def extract_document(source: SourceFile) -> Extraction:
    # what the stages remember of a report's clauses and sentences pays within that report only
    facts_stage.forget_report()
    parts_stage.forget_report()
    document = build_document(source)
    cleaned = clean_text(source.raw, document.doc_id)
    text = cleaned.text
    review_year, plan_year = document.review_year, document.plan_year
    delivery_year = int(document.delivered_on[:4]) if document.delivered_on else plan_year

    # every sentence's cues read at once; strong_part remembered for the pieces of sentences read on
    # their own (the cut ends of a section voting, a sentence cut by a passage printed twice)
    strong = lru_cache(maxsize=4096)(partial(parts_stage.strong_part, plan_year=plan_year))
    all_spans = parts_stage.sentence_spans(text)
    cues = parts_stage.sentence_cues(text, all_spans, plan_year)
    content_part = parts_stage.majority_parts(text, plan_year, all_spans, strong, cues)
    headings = find_headings(cleaned)
    sections = build_sections(cleaned, headings, document.doc_id, delivery_year, content_part)
    skip = list(cleaned.duplicate_spans) + list(cleaned.marker_spans)
    skip += [(h.start, h.start + len(h.label)) for h in headings if h.label]
    spans = parts_stage.without_spans(all_spans, cleaned.duplicate_spans)
    strongs = cues[0]
    if spans != all_spans:  # a passage printed twice is cut out: the pieces left of a sentence are read anew
        known = dict(zip(all_spans, strongs, strict=True))
        strongs = [known[span] if span in known else strong(text[span[0] : span[1]]) for span in spans]
    by_id = {s.section_id: s for s in sections}
    default = content_part(0, len(text))
    first_plan = next((s for s in sections if s.part == "plan" and s.part_source == "heading" and s.level == 1), None)
    sentence_parts = parts_stage.classify_sentences(
        text,
        spans,
        _heading_cues(sections, by_id, cleaned, [start for start, _ in spans], plan_year),
        review_year,
        plan_year,
        default="review" if default == "review" else "plan",
        review_until=cleaned.clean_index(first_plan.char_start) if first_plan else 0,
        strong=strongs,
    )
    found = [c for c in candidates(text, skip) if c.is_fact]
    facts = build_facts(cleaned, document.doc_id, found, sentence_parts, sections, review_year, plan_year)
    facts = mark_headlines(source.raw, facts, sections)
    entities = extract_entities(cleaned, document.doc_id, sentence_parts, sections)
    flags = (
        cleaned.flags
        + metadata_flags(document, source)
        + unknown_unit_flags(facts)
        + text_flags(cleaned, document.doc_id)
    )
    return Extraction(
        document=document,
        document_raw=source.raw,
        sections=sections,
        facts=facts,
        entities=entities,
        flags=sorted(flags, key=lambda f: (f.char_start, f.kind)),
    )


def unknown_unit_flags(facts: list[Fact]) -> list[QualityFlag]:
    """A figure whose measure word the unit lexicon does not know: kept as printed, and said so."""
    return [
        QualityFlag(
            fact.doc_id,
            "unknown_unit",
            fact.number_start,
            fact.number_end + len(fact.unit),
            f"measure word “{fact.unit}” is not in the unit lexicon"
            if fact.unit not in lexicon.MULTIPLIERS
            else f"“{fact.unit}” is a multiplier printed with no measure word: what is counted is not said",
            "kept as printed in unit; value_base and unit_base left empty",
        )
        for fact in facts
        if fact.unit and fact.unit_base is None
    ]


def text_flags(cleaned, doc_id: str) -> list[QualityFlag]:
    """Numbers too long to be figures, and a text in traditional characters."""
    flags = []
    # the characters compared by numpy: deleting the others by a regex took 5 ms a report
    codes = code_points(cleaned.text)
    # the regex only for a text with sixteen digits in a row somewhere (the digit mask read as bytes):
    # it stops at every digit, and most texts have none that long
    long_numbers = _LONG_DIGIT_RUN in ((codes - 0x30) < 10).tobytes()  # 0-9 (a code below 0 wraps round)
    for match in _LONG_NUMBER.finditer(cleaned.text) if long_numbers else ():
        start, end = cleaned.raw_span(match.start(), match.end())
        flags.append(
            QualityFlag(
                doc_id or "",
                "absurd_number",
                start,
                end,
                f"a number of {match.end() - match.start()} digits",
                "no figure taken from it",
            )
        )
    cjk = int(numpy.count_nonzero(codes - 0x4E00 < 0x5200))  # U+4E00-U+9FFF (a code below wraps round)
    # each character counted as often as the markers list it, read off a table in one pass (numpy.isin
    # sorted the text's code points)
    traditional = int(_TRADITIONAL_COUNT.take(codes).sum())
    if cjk and traditional / cjk > lexicon.TRADITIONAL_SHARE:
        flags.append(
            QualityFlag(
                doc_id,
                "traditional_characters",
                0,
                1,
                f"{traditional} of {cjk} characters are traditional forms",
                "read as printed; the rules are written for simplified characters, so expect misses",
            )
        )
    return flags


def metadata_flags(document: Document, source) -> list[QualityFlag]:
    """A report whose years are unknown or guessed says so, on its first line; so does a registry entry
    the text contradicts."""
    raw = source.raw
    first = _FIRST_LINE.search(raw)
    start, end = (first.start(), first.end()) if first else (0, len(raw))
    conflicts = [
        QualityFlag(document.doc_id, "registry_conflict", start, end, conflict, "the registry's value is used")
        for conflict in registry_conflicts(source)
    ]
    if document.plan_year is None:
        detail = "no congress line, title, heading, publication line or file name gives the report's year"
        return [
            *conflicts,
            QualityFlag(document.doc_id, "no_year", start, end, detail, "rows built with an empty year"),
        ]
    if "a guess" in document.metadata_source:
        detail = f"the report's year is a guess from the years the text names: plan year {document.plan_year}"
        return [
            *conflicts,
            QualityFlag(document.doc_id, "year_guessed", start, end, detail, "rows built with the guessed years"),
        ]
    return conflicts
