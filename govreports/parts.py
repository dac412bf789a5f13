"""Stage 3: which part (review or plan) each sentence belongs to.

Headings decide where they exist. Where they are silent (excerpts that start mid-plan, press
digests, a review summary and the new year's goals in one passage), the sentence's own cues decide:
the year it names against the report's years, then strong cue words (今年/力争/确保 vs
过去一年/一年来/比上年), then weak ones; a sentence with no cue keeps the part of the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2}|(?:１９|２０)[０-９]{2})\s*年")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class SentencePart:
    start: int
    end: int
    part: str  # review | plan
    source: str  # heading | year | cue | carried | default
    year: int | None  # the year a review/plan sentence is about


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence parts between 。；！？ or line ends, in clean offsets."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for i in range(start, end):
        if text[i] in lexicon.SENTENCE_DELIMITERS:
            if text[begin : i + 1].strip():
                spans.append((begin, i + 1))
            begin = i + 1
    if text[begin:end].strip():
        spans.append((begin, end))
    return spans


def _count(sentence: str, cues: tuple[str, ...]) -> int:
    return sum(sentence.count(cue) for cue in cues)


def years_named(sentence: str) -> list[int]:
    """Years a sentence is about; a horizon ("到2027年") or a baseline ("较2020年") is not one."""
    return [
        int(m.group(1).translate(_FULL_WIDTH))
        for m in _YEAR.finditer(sentence)
        if sentence[max(0, m.start() - 1) : m.start()] not in ("到", "至", "较", "比", "于", "自", "从")
    ]


def strong_part(sentence: str, plan_year: int | None) -> tuple[str | None, str]:
    """The part a sentence's year or strong cue words point to, or None when they are silent."""
    years = years_named(sentence)
    if plan_year is not None and years:
        if all(y >= plan_year for y in years) and not re.search(r"(?:19|20)\d{2}\s*年(?:末|底)?(?:的|为)", sentence):
            return "plan", "year"
        if all(y < plan_year for y in years) and _count(sentence, lexicon.PLAN_CUES_STRONG) == 0:
            return "review", "year"
    plan, review = _count(sentence, lexicon.PLAN_CUES_STRONG), _count(sentence, lexicon.REVIEW_CUES_STRONG)
    if plan != review:
        return ("plan" if plan > review else "review"), "cue"
    return None, "none"


def cue_part(sentence: str, plan_year: int | None) -> tuple[str | None, str]:
    """Strong signals first, then the balance of weak cue words (for votes over whole sections)."""
    part, source = strong_part(sentence, plan_year)
    if part is not None:
        return part, source
    plan, review = _count(sentence, lexicon.PLAN_CUES_WEAK), _count(sentence, lexicon.REVIEW_CUES_WEAK)
    if plan >= review + 2:
        return "plan", "weak cue"
    if review >= plan + 2:
        return "review", "weak cue"
    return None, "none"


def classify_sentences(
    text: str,
    spans: list[tuple[int, int]],
    heading_part: callable,
    review_year: int | None,
    plan_year: int | None,
    default: str = "plan",
) -> list[SentencePart]:
    """Part and year for each sentence span. ``heading_part(pos)`` is the part headings give, or None.

    Only headings, years and strong cues switch the part. Weak cues (新增, 完成, 推进) occur on
    both sides, so a sentence with nothing stronger keeps the part of the sentence before it.
    """
    parts: list[SentencePart] = []
    running = None
    for start, end in spans:
        sentence = text[start:end]
        decided = heading_part(start)
        if decided in ("review", "plan"):
            part, source = decided, "heading"
        else:
            part, source = strong_part(sentence, plan_year)
            if part is None:
                part, source = (running, "carried") if running else (decided_default(decided, default), "default")
        running = part
        year = review_year if part == "review" else plan_year
        parts.append(SentencePart(start, end, part, source, year))
    return parts


def decided_default(heading_part: str | None, default: str) -> str:
    """Conduct sections (the government's own work) look forward, like the plan."""
    return "plan" if heading_part == "conduct" else default


def majority_part(text: str, start: int, end: int, plan_year: int | None) -> str:
    votes = {"review": 0, "plan": 0}
    for a, b in sentence_spans(text, start, end):
        part, _ = cue_part(text[a:b], plan_year)
        if part:
            votes[part] += 1
    if votes["review"] == votes["plan"]:
        return "other"
    return "review" if votes["review"] > votes["plan"] else "plan"


def without_spans(spans: list[tuple[int, int]], removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with the removed spans (a duplicated passage) cut out of them."""
    result = []
    for start, end in spans:
        pieces = [(start, end)]
        for a, b in removed:
            pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[0] < p[1]]
        result += pieces
    return result


def _last_cue(text: str, cues: tuple[str, ...]) -> int:
    return max((text.rfind(cue) + len(cue) for cue in cues if cue in text), default=-1)


def figure_part(
    before: str, sentence: SentencePart, explicit_year: int | None, review_year: int | None, plan_year: int | None
) -> tuple[str, int | None]:
    """Part and year of one figure: its sentence's, unless the figure itself says otherwise.

    Where headings are silent, a sentence can hold both parts ("去年完成投资42亿元，今年确保…"):
    the nearest strong cue before the figure decides. A figure tied to a year ("2020年末的63.4%")
    belongs to the review if that year is before the plan year.
    """
    part = sentence.part
    if sentence.source != "heading":
        if explicit_year is not None and plan_year is not None:
            part = "review" if explicit_year < plan_year else "plan"
        else:
            last_review = _last_cue(before, lexicon.REVIEW_CUES_STRONG)
            last_plan = _last_cue(before, lexicon.PLAN_CUES_STRONG)
            if last_review != last_plan:
                part = "review" if last_review > last_plan else "plan"
    year = explicit_year if explicit_year is not None else (review_year if part == "review" else plan_year)
    return part, year
