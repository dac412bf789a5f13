"""The Table Schemas in ``schemas/``: the single source of truth for tables, column order, types,
constraints and keys, read by the extractor's tables, the checks, the writer, the descriptor and the
tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

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
