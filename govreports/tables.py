"""Stage 6: records of all documents -> rows per table, in schema column order, sorted by key.

Column order, types and keys come from the Table Schemas in ``schemas/``, the single source of
truth that the writer, the descriptor and the tests all read.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from pathlib import Path

from .records import Extraction

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
TABLES = ("documents", "sections", "targets", "achievements", "projects", "events", "quality_flags")


@cache
def table_schema(table: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{table}.schema.json").read_text(encoding="utf-8"))


def columns(table: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"]]


def _project(record: dict, table: str) -> dict:
    return {name: record.get(name) for name in columns(table)}


def rows_by_table(extractions: list[Extraction]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    for extraction in extractions:
        rows["documents"].append(_project(asdict(extraction.document), "documents"))
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
    for table, table_rows in rows.items():
        key = table_schema(table)["primaryKey"]
        table_rows.sort(key=lambda row: tuple(row[k] for k in key))
        ids = [tuple(row[k] for k in key) for row in table_rows]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{table}: duplicate primary key")
    return rows
