"""Stage 1: raw text -> cleaned text with an offset map back to the raw text.

Raw files are never edited. Cleaning only *drops* characters (stray ``**`` markers, the blank
lines of a page break that cut a paragraph), so every cleaned character keeps the raw index it came
from in ``offset_map``. Passages printed twice are detected here and later stages skip the second
copy. Every repair or finding is a :class:`QualityFlag`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy

from . import lexicon
from .records import QualityFlag

_MARKUP = re.compile(r"\*\*")
_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")
_PARAGRAPH_GAP = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+")
#: The space opens the pattern, its lookbehind after it: the engine runs from space to space instead
#: of trying a lookbehind at every character of the report.
_FOREIGN_WORD = re.compile(r" (?<=[\u4e00-\u9fff] )([a-z]{2,}) (?=[\u4e00-\u9fff])")
_CONTINUATION = re.compile(r"^[（(]\s*(?:紧接|上接|接|下转|转)第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[）)]$")
_FULL_STOP = re.compile(r"[。！？]")
_YEAR_IN_BRACKETS = re.compile(r"^[（(]\s*[0-9０-９]{4}\s*年")
_DIGIT = re.compile(r"[0-9０-９]")


@dataclass
class CleanText:
    raw: str
    text: str
    offset_map: array  # compact (4 bytes a character): a 50 MB report has millions of offsets
    flags: list[QualityFlag] = field(default_factory=list)
    duplicate_spans: list[tuple[int, int]] = field(default_factory=list)
    emphasis_spans: list[tuple[int, int]] = field(default_factory=list)
    marker_spans: list[tuple[int, int]] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the cleaned span [start, end)."""
        if end <= start:
            pos = self.offset_map[start] if start < len(self.offset_map) else len(self.raw)
            return pos, pos
        return self.offset_map[start], self.offset_map[end - 1] + 1

    def raw_quote(self, start: int, end: int) -> tuple[str, int, int]:
        """The raw text of the cleaned span [start, end) and its raw offsets (``raw_span`` in place:
        asked for every figure and name)."""
        offsets = self.offset_map
        if end <= start:
            raw_start = raw_end = offsets[start] if start < len(offsets) else len(self.raw)
            return "", raw_start, raw_end
        raw_start, raw_end = offsets[start], offsets[end - 1] + 1
        return self.raw[raw_start:raw_end], raw_start, raw_end

    def clean_index(self, raw_index: int) -> int:
        """First cleaned position whose raw index is >= raw_index."""
        return bisect.bisect_left(self.offset_map, raw_index)

    def in_marker(self, start: int, end: int | None = None) -> bool:
        """Inside page furniture or a continuation marker: nothing is taken from there."""
        return _overlaps(self.marker_spans, start, start + 1 if end is None else end)

    def in_duplicate(self, start: int, end: int | None = None) -> bool:
        return _overlaps(self.duplicate_spans, start, start + 1 if end is None else end)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (in text order, not overlapping each other)."""
    i = bisect.bisect_left(spans, (end, end)) - 1
    return i >= 0 and spans[i][1] > start


_MARK_INDEX: dict[str, tuple[str, list[int]]] = {}
_MARK_TABLES: dict[str, numpy.ndarray] = {}  # for each set of marks: is each code point one of them
_LAST_CODE_POINTS: list[tuple[str, numpy.ndarray]] = []  # one slot: the text last asked about


def code_points(text: str) -> numpy.ndarray:
    """The code point of each character of ``text``, for numpy to compare all at once; kept for the
    text last asked about (its mark positions and its flags read the same text)."""
    if not _LAST_CODE_POINTS or _LAST_CODE_POINTS[0][0] is not text:
        codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        _LAST_CODE_POINTS[:] = [(text, codes)]
    return _LAST_CODE_POINTS[0][1]


def mark_positions(text: str, marks: str) -> list[int]:
    """Where the characters of ``marks`` stand in ``text``, in order: found in one pass and kept for
    the text last asked about, so that "the last full stop before" a position is a bisection, not a
    read back (an rfind for a mark the text lacks reads it back to its start). A list, not an array:
    bisection compares list items as they are, an array's are made into ints at every step (twice
    as slow, asked for every figure)."""
    cached = _MARK_INDEX.get(marks)
    if cached is None or cached[0] is not text:
        # the code points looked up all at once by numpy in a table of the marks (a match object for
        # each mark took 4x as long, a comparison of the text for each mark 1.5x)
        table = _MARK_TABLES.get(marks)
        if table is None:
            table = _MARK_TABLES[marks] = numpy.zeros(max(map(ord, marks)) + 2, dtype=bool)
            table[[ord(mark) for mark in marks]] = True
        # every code point above the marks' is clipped to the table's last entry, which is False
        found = table.take(code_points(text), mode="clip").nonzero()[0].tolist()
        cached = _MARK_INDEX[marks] = (text, found)
    return cached[1]


def last_mark_before(text: str, pos: int, marks: str) -> int:
    """``max(text.rfind(m, 0, pos) for m in marks)``: -1 when none stands before ``pos``."""
    cached = _MARK_INDEX.get(marks)  # ``mark_positions``, its common case inline (asked for every figure)
    found = cached[1] if cached is not None and cached[0] is text else mark_positions(text, marks)
    i = bisect_left(found, pos)
    return found[i - 1] if i else -1


def first_mark_from(text: str, pos: int, marks: str) -> int:
    """The first position at or after ``pos`` holding one of ``marks``, else ``len(text)``."""
    cached = _MARK_INDEX.get(marks)
    found = cached[1] if cached is not None and cached[0] is text else mark_positions(text, marks)
    i = bisect_left(found, pos)
    return found[i] if i < len(found) else len(text)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _first_sentence_length(paragraph: str) -> int:
    match = _FULL_STOP.search(paragraph)
    return match.start() if match else len(paragraph)


def _is_body(paragraph: str) -> bool:
    """Running prose, as opposed to a title, byline, heading line or marker."""
    return "。" in paragraph or len(paragraph) >= lexicon.MIN_BODY_PARAGRAPH


def _starts_block(paragraph: str) -> bool:
    return (
        bool(lexicon.HEADING_START.match(paragraph))
        or paragraph[:1] in lexicon.BULLETS
        or bool(_YEAR_IN_BRACKETS.match(paragraph))
    )


def is_page_break_split(before: str, after: str) -> bool:
    """Whether a blank-line gap between two paragraphs cut one paragraph in two.

    A paragraph that stops without closing punctuation was cut by the page break, unless it is a
    title, byline or heading line. A heading line is joined only when what follows is a stub of a
    few characters closing a sentence ("担当" + "勤政。").
    """
    if not before or not after or before[-1] in lexicon.PARAGRAPH_END or _starts_block(after):
        return False
    if after.startswith(lexicon.PARAGRAPH_OPENERS):
        return False  # "…增长10.3%" + "一年来的主要工作…": a new paragraph, its full stop left off
    if before[:1] in lexicon.BULLETS or _CONTINUATION.match(before):
        return False
    if _is_body(before):
        return True
    return _first_sentence_length(after) <= lexicon.MAX_SPLIT_STUB and "。" in after[:8]


def is_page_furniture(line: str) -> bool:
    """A line of the web or newspaper page around the report (下载, 【字号：…】, 时间：2026-01-22)."""
    line = line.strip()
    return bool(line) and len(line) <= lexicon.MAX_FURNITURE_LINE and bool(lexicon.PAGE_FURNITURE_LINE.match(line))


def _blocks(spans: list[tuple[int, int]], raw: str) -> list[tuple[int, int, int]]:
    """Runs of furniture lines with only white space between them: (start, end, lines)."""
    blocks: list[tuple[int, int, int]] = []
    for start, end in spans:
        if blocks and not raw[blocks[-1][1] : start].strip():
            blocks[-1] = (blocks[-1][0], end, blocks[-1][2] + 1)
        else:
            blocks.append((start, end, 1))
    return blocks


def _paragraph_spans(raw: str) -> list[tuple[int, int, int]]:
    """(start, end, newlines in the gap before) for each non-empty paragraph: each line stripped,
    read from one split at the line ends (a paragraph is a line with something in it; the lines in
    between count in its gap)."""
    spans = []
    pos, gap_newlines = 0, 0
    for line in raw.split("\n"):
        kept = line.lstrip()
        if kept:
            start = pos + len(line) - len(kept)
            spans.append((start, start + len(kept.rstrip()), gap_newlines))
            gap_newlines = 0
        gap_newlines += 1
        pos += len(line) + 1
    return spans


def _without_markup(raw: str, start: int, end: int) -> str:
    return _MARKUP.sub("", raw[start:end])


def normalised(raw: str) -> str:
    """The raw text with the same length, as the rules read it: line ends as ``\n`` (the CR of a CRLF
    becomes a space, a lone CR a line end)."""
    return raw.replace("\r\n", " \n").replace("\r", "\n")


_INVISIBLE_TABLE: list[numpy.ndarray] = []  # made at the first use


def invisible_runs(raw: str) -> list[tuple[int, int]]:
    """The spans of ``lexicon.INVISIBLE`` in ``raw`` (runs of its characters), found by looking every
    code point up at once in a table of the Basic Multilingual Plane (the scan of the pattern took
    a third of the cleaning of a report with none); by the pattern itself in a text holding a
    character above that plane."""
    codes = numpy.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if not len(codes) or codes.max() > 0xFFFF:
        return [match.span() for match in lexicon.INVISIBLE.finditer(raw)]
    if not _INVISIBLE_TABLE:
        # the pattern's characters: those of its matches in a string of every character of the plane
        table = numpy.zeros(0x10000, dtype=bool)
        plane = "".join(map(chr, range(0x10000)))
        for start, end in (match.span() for match in lexicon.INVISIBLE.finditer(plane)):
            table[start:end] = True
        _INVISIBLE_TABLE.append(table)
    found = numpy.flatnonzero(_INVISIBLE_TABLE[0].take(codes))
    if not len(found):
        return []
    # a run ends where the next position found is not the next character
    breaks = numpy.flatnonzero(numpy.diff(found) != 1)
    starts = found[numpy.concatenate(([0], breaks + 1))].tolist()
    ends = (found[numpy.concatenate((breaks, [len(found) - 1]))] + 1).tolist()
    return list(zip(starts, ends, strict=True))


def clean_text(raw: str, doc_id: str) -> CleanText:
    """Cleaned text, offset map and quality flags for one raw report."""
    printed, raw = raw, normalised(raw)  # the rules read ``raw``; quotes and offsets are of ``printed``
    flags: list[QualityFlag] = []
    dropped: list[tuple[int, int]] = []  # raw spans left out, in any order (they may overlap)
    emphasis_raw: list[tuple[int, int]] = []
    for start, end in invisible_runs(raw):
        dropped.append((start, end))
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in raw[start:end]}))
        flags.append(
            QualityFlag(
                doc_id,
                "invisible_characters",
                start,
                end,
                f"{end - start} invisible or combining character(s) ({names})",
                "left out of the text the rules read; offsets and quotes keep them",
            )
        )
    if "\r" in printed:
        first = printed.index("\r")
        flags.append(
            QualityFlag(
                doc_id,
                "line_endings",
                first,
                first + 1,
                f"{printed.count(chr(13))} carriage return(s) (CRLF or CR line ends)",
                "read as line ends; quotes keep them",
            )
        )

    for match in _BOLD.finditer(raw):
        flags.append(
            QualityFlag(
                doc_id,
                "stray_markup",
                match.start(),
                match.end(),
                f"bold markers around “{match.group(1)}”",
                "removed the ** markers",
            )
        )
        emphasis_raw.append((match.start(1), match.end(1)))
    bold_covered = {i for m in _BOLD.finditer(raw) for i in (m.start(), m.start() + 1, m.end() - 2, m.end() - 1)}
    for match in _MARKUP.finditer(raw):
        dropped.append((match.start(), match.start() + 2))
        if match.start() not in bold_covered:
            flags.append(
                QualityFlag(doc_id, "stray_markup", match.start(), match.end(), "unpaired ** marker", "removed")
            )

    paragraphs = _paragraph_spans(raw)
    markers: list[tuple[int, int]] = []
    after = None  # the paragraph before without its markup, when the pair before made it
    for (a_start, a_end, _), (b_start, b_end, gap) in itertools.pairwise(paragraphs):
        if gap < 2:  # only a blank line can be a page break: no text made for the pair
            after = None
            continue
        before = _without_markup(raw, a_start, a_end) if after is None else after
        after = _without_markup(raw, b_start, b_end)
        if is_page_break_split(before, after):
            dropped.append((a_end, b_start))
            flags.append(
                QualityFlag(
                    doc_id,
                    "page_break_split",
                    a_end - 1,
                    b_start + 1,
                    f"paragraph cut by a page break: “…{before[-6:]}” + “{after[:6]}…”",
                    "joined the two parts; the blank lines are left out of the cleaned text",
                )
            )
    for start, end, _ in paragraphs:
        if raw[start] in "（(" and _CONTINUATION.match(raw[start:end]):  # the marker's opening bracket
            markers.append((start, end))
            flags.append(
                QualityFlag(
                    doc_id,
                    "truncated",
                    start,
                    end,
                    f"newspaper continuation marker {raw[start:end]}: the excerpt starts or stops mid-report",
                    "kept in the text; not part of any section or fact",
                )
            )
    # a paragraph is stripped already: one longer than a furniture line is none, and is not cut out
    furniture = [
        (start, end)
        for start, end, _ in paragraphs
        if end - start <= lexicon.MAX_FURNITURE_LINE and is_page_furniture(raw[start:end])
    ]
    for block_start, block_end, count in _blocks(furniture, raw):
        markers.append((block_start, block_end))
        flags.append(
            QualityFlag(
                doc_id,
                "page_furniture",
                block_start,
                block_end,
                f"{count} line(s) of the page around the report (buttons, source and time lines, captions)",
                "kept in the raw text; no headings, facts or names are taken from them",
            )
        )
    for match in _FOREIGN_WORD.finditer(raw):
        flags.append(
            QualityFlag(
                doc_id,
                "foreign_token",
                match.start(1),
                match.end(1),
                f"English word “{match.group(1)}” inside Chinese text",
                "kept as printed; no figure depends on it",
            )
        )

    kept = _kept_spans(len(raw), dropped)
    offset_map = array("i" if len(raw) < 2**31 else "q")
    if kept:  # the raw index of each kept character, made by numpy rather than one int at a time
        ranges = [numpy.arange(start, end, dtype=offset_map.typecode) for start, end in kept]
        offset_map.frombytes(numpy.concatenate(ranges).tobytes())
    text = "".join(raw[start:end] for start, end in kept)
    cleaned = CleanText(raw=printed, text=text, offset_map=offset_map, flags=flags)
    cleaned.emphasis_spans = [(cleaned.clean_index(a), cleaned.clean_index(b)) for a, b in emphasis_raw]
    cleaned.marker_spans = sorted((cleaned.clean_index(a), cleaned.clean_index(b)) for a, b in markers)
    for first, second, length in find_duplicate_passages(text):
        if length < lexicon.MIN_DUPLICATE_FORMULA and not _DIGIT.search(text, second, second + length):
            continue  # a formula repeated on purpose
        raw_start, raw_end = cleaned.raw_span(second, second + length)
        first_start, first_end = cleaned.raw_span(first, first + length)
        cleaned.duplicate_spans.append((second, second + length))
        flags.append(
            QualityFlag(
                doc_id,
                "duplicate_passage",
                raw_start,
                raw_end,
                f"{length} characters printed again; first copy at raw {first_start}-{first_end}",
                "second copy skipped: no facts or names are taken from it",
            )
        )
    flags.sort(key=lambda f: (f.char_start, f.kind))
    return cleaned


def _kept_spans(length: int, dropped: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The raw spans between the dropped ones: the cleaned text is their characters, in order."""
    kept, pos = [], 0
    for start, end in sorted(dropped):
        if start > pos:
            kept.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        kept.append((pos, length))
    return kept


def find_duplicate_passages(text: str, min_length: int = lexicon.MIN_DUPLICATE_PASSAGE) -> list[tuple[int, int, int]]:
    """(first copy start, second copy start, length) for each run printed twice.

    A run of ``min_length`` or more characters that appears again later is a duplicate, taken at
    its full (maximal) length: the characters a misprint repeats are exactly the shared run. The
    text is read from the start, a duplicate's second copy skipped; only the positions whose run
    may be printed elsewhere are visited (a run printed once is never the first copy of another).
    """
    first_seen: dict[str, int] = {}
    remember = first_seen.setdefault  # the first position of a run, unless one is known already
    found = []
    pos = 0  # where the reading stands: after the second copy of the last duplicate
    for i in _repeated_positions(text, min_length):
        if i < pos:
            continue
        gram = text[i : i + min_length]
        j = remember(gram, i)
        if j + min_length <= i and gram.strip():
            length = _common_length(text, j, i, min_length, min(len(text) - i, i - j))
            found.append((j, i, length))
            pos = i + length
    return found


def _repeated_positions(text: str, length: int) -> list[int]:
    """The positions whose run of ``length`` characters may be printed elsewhere too, in order: those
    whose rolling hash another position shares (a superset: equal hashes, not yet equal runs), found
    by numpy rather than by a dict entry for each position of the text."""
    count = len(text) - length + 1
    if count <= 0:
        return []
    hashes = _run_hashes(code_points(text).astype(numpy.uint64), length)
    # first the positions whose bucket (the hash's top bits, four to eight buckets a position, at most
    # 2**20; fewer left more positions to sort, more took longer to count) holds another: two equal
    # hashes share a bucket, and most hashes have one to themselves, so the sort and the bisection
    # below read a few positions, not the whole text
    bits = min(20, max(10, (4 * count).bit_length()))
    buckets = (hashes >> numpy.uint64(64 - bits)).astype(numpy.intp)
    candidates = numpy.flatnonzero(numpy.bincount(buckets, minlength=1 << bits)[buckets] > 1)
    hashes = hashes[candidates]
    ordered = numpy.sort(hashes)
    shared = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(shared):
        return []
    # each hash looked up among the shared ones by bisection (numpy.isin sorts the whole text again)
    where = numpy.searchsorted(shared, hashes)
    where[where == len(shared)] = 0
    return candidates[shared[where] == hashes].tolist()


def _run_hashes(codes: numpy.ndarray, length: int) -> numpy.ndarray:
    """The hash of the run of ``length`` code points at each position: sum of code * 1_000_003**k
    (k counted from the run's end), modulo 2**64. Built from the hashes of runs of 1, 2, 4, 8, …
    characters, the run at i of width a + b being (run at i of width a) * 1_000_003**b + (run at i + a
    of width b): a dozen passes over the text instead of ``length`` pairs."""
    result, width = None, 0  # hashes of the runs of ``width`` characters built so far
    block, block_width = codes, 1  # hashes of the runs of ``block_width`` characters
    remaining = length
    while True:
        power = numpy.uint64(pow(1_000_003, block_width, 2**64))
        if remaining & 1:
            if result is None:
                result, width = block, block_width
            else:
                count = len(codes) - (width + block_width) + 1
                result = result[:count] * power + block[width : width + count]
                width += block_width
        remaining >>= 1
        if not remaining:
            return result
        count = len(codes) - 2 * block_width + 1
        block = block[:count] * power + block[block_width : block_width + count]
        block_width *= 2


def _common_length(text: str, j: int, i: int, length: int, limit: int) -> int:
    """How far the runs at ``j`` and ``i``, equal for ``length`` characters, stay equal (at most
    ``limit``): compared in growing then halving blocks, not character by character."""
    step = 64
    while length < limit:
        n = min(step, limit - length)
        if text[i + length : i + length + n] == text[j + length : j + length + n]:
            length += n
            step *= 2
            continue
        lo, hi = 0, n  # the runs part within these n characters
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if text[i + length : i + length + mid] == text[j + length : j + length + mid]:
                lo = mid
            else:
                hi = mid
        return length + lo
    return length
