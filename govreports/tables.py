"""Stage 6: records of all documents -> one Arrow table per table, in schema column order, sorted by key.

Each document's records become typed columns in the process that extracted them (no dict per row);
the build concatenates them, derives the cross-report tables and sorts every table by its key.
"""

from __future__ import annotations

from . import columnar, outcomes
from .columnar import Tables
from .records import Extraction
from .schema import DERIVED_TABLES, TABLES, columns, table_schema

__all__ = ["DERIVED_TABLES", "TABLES", "columns", "extraction_tables", "merge_tables", "table_schema"]


def extraction_tables(extraction: Extraction) -> Tables:
    """The rows one document contributes to each table (derived tables stay empty)."""
    raw = extraction.document_raw
    by_table: dict[str, list] = {table: [] for table in TABLES}
    for record in [*extraction.facts, *extraction.entities]:
        by_table[record.table].append(record)
    tables = {
        "documents": columnar.from_records("documents", [extraction.document]),
        "sections": columnar.from_records("sections", extraction.sections),
        "quality_flags": columnar.from_records(
            "quality_flags", extraction.flags, {"quote": [raw[f.char_start : f.char_end] for f in extraction.flags]}
        ),
    }
    for table in ("targets", "achievements", "projects", "events"):
        tables[table] = columnar.from_records(table, by_table[table])
    for table in DERIVED_TABLES:
        tables[table] = columnar.empty(table)
    return {table: tables[table] for table in TABLES}


def combine(per_document: list[Tables]) -> Tables:
    """All documents' extracted tables concatenated, in document order (derived tables empty)."""
    return {
        table: columnar.concat([document[table] for document in per_document], table)
        if table not in DERIVED_TABLES
        else columnar.empty(table)
        for table in TABLES
    }


def with_derived(tables: Tables) -> Tables:
    """The derived tables added, every table sorted by its key."""
    derived = outcomes.derive(tables["documents"], tables["targets"], tables["achievements"])
    tables = {**tables, **derived}
    return {table: columnar.sort_by_key(table, tables[table]) for table in TABLES}


def merge_tables(per_document: list[Tables]) -> Tables:
    return with_derived(combine(per_document))
