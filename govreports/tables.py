"""Stage 6: records of all documents -> rows per table, in schema column order, sorted by key.

Column order, types and keys come from the Table Schemas in ``schemas/``, the single source of
truth that the writer, the descriptor and the tests all read.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from pathlib import Path

from . import outcomes
from .records import Extraction

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
TABLES = (
    "documents",
    "sections",
    "targets",
    "achievements",
    "projects",
    "events",
    "quality_flags",
    "target_outcomes",
    "panel",
)
#: Tables derived across documents (``outcomes``), not extracted from one.
DERIVED_TABLES = ("target_outcomes", "panel")


@cache
def table_schema(table: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{table}.schema.json").read_text(encoding="utf-8"))


def columns(table: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"]]


def _project(record: dict, table: str) -> dict:
    return {name: record.get(name) for name in columns(table)}


def extraction_rows(extraction: Extraction) -> dict[str, list[dict]]:
    """The rows one document contributes to each table, in schema column order."""
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    rows["documents"].append(_project(asdict(extraction.document), "documents"))  # derived tables stay empty
    rows["sections"] += [_project(asdict(s), "sections") for s in extraction.sections]
    for fact in extraction.facts:
        rows[fact.table].append(_project(asdict(fact), fact.table))
    for entity in extraction.entities:
        rows[entity.table].append(_project(asdict(entity), entity.table))
    rows["quality_flags"] += [
        _project(
            {**asdict(f), "id": f.id, "quote": extraction.document_raw[f.char_start : f.char_end]}, "quality_flags"
        )
        for f in extraction.flags
    ]
    return rows


def merge_rows(per_document: list[dict[str, list[dict]]]) -> dict[str, list[dict]]:
    """All documents' rows per table, sorted by primary key."""
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    for document_rows in per_document:
        for table in TABLES:
            rows[table] += document_rows[table]
    rows.update({table: [_project(r, table) for r in derived] for table, derived in outcomes.derive(rows).items()})
    for table, table_rows in rows.items():
        key = table_schema(table)["primaryKey"]
        table_rows.sort(key=lambda row: tuple(row[k] for k in key))
    return rows
