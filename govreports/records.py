"""Typed records passed between stages. Offsets are raw-text offsets unless a name says otherwise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

_Record = TypeVar("_Record")


@dataclass(frozen=True)
class QualityFlag:
    doc_id: str
    kind: str
    char_start: int
    char_end: int
    detail: str
    action: str

    @property
    def id(self) -> str:
        return f"{self.doc_id}-Q{self.char_start:06d}-{self.kind}"


@dataclass(frozen=True)
class Section:
    doc_id: str
    section_id: str
    parent_id: str | None
    level: int
    label: str
    heading: str
    part: str
    part_source: str
    year: int | None
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str | None
    region: str | None
    region_code: str | None
    delivered_on: str | None
    published_on: str | None
    meeting: str | None
    speaker: str | None
    review_year: int | None
    plan_year: int | None
    source_file: str
    source: str | None
    sha256: str | None
    n_chars: int | None
    metadata_source: str
    status: str = "built"  # built | skipped
    problem: str | None = None


@dataclass(frozen=True)
class QuantityMention:
    """One number as printed, with what the clause around it says about it (clean-text offsets)."""

    number_text: str
    value: float
    value_max: float | None
    unit: str
    unit_base: str | None
    factor: float | None
    start: int
    end: int
    unit_end: int
    comparator: str
    approximate: bool
    is_rank: bool = False


@dataclass(frozen=True)
class Fact:
    table: str
    id: str
    doc_id: str
    section_id: str | None
    year: int | None
    year_start: int | None
    time_scope: str
    indicator: str
    indicator_code: str | None
    headline: bool
    category: str
    kind: str
    comparator: str
    value: float
    value_max: float | None
    unit: str
    value_base: float | None
    unit_base: str | None
    commitment: str | None
    approximate: bool
    period: str | None
    baseline: str | None
    number_text: str
    number_start: int
    number_end: int
    part_source: str
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Entity:
    table: str
    id: str
    doc_id: str
    section_id: str | None
    year: int | None
    name: str
    name_start: int
    name_end: int
    category: str | None
    status: str | None
    edition: int | None
    date: str | None
    quote: str
    char_start: int
    char_end: int


@dataclass
class Extraction:
    """Everything the pipeline derives from one document."""

    document: Document
    document_raw: str
    sections: list[Section] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    flags: list[QualityFlag] = field(default_factory=list)


def record(cls: type[_Record], **values) -> _Record:
    """``cls(**values)`` for a frozen record, without its generated ``__init__``: that sets each field
    through ``object.__setattr__`` and takes three times as long for a row of many fields, built for
    every fact and name of a report. ``values`` name every field, in the order of the fields."""
    made = object.__new__(cls)
    made.__dict__.update(values)
    return made


def record_from(cls: type[_Record], values: dict) -> _Record:
    """``record(cls, **values)`` for a dict made once: the dict itself becomes the record's, not a
    second dict gathered from keywords (a tenth of the time of a row of many fields). ``values``
    name every field, in their order, and the caller keeps no hold of the dict."""
    made = object.__new__(cls)
    object.__setattr__(made, "__dict__", values)  # a frozen class: past its own __setattr__
    return made
