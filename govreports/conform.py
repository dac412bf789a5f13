"""Rows checked against their Table Schemas before anything is written.

The extractor is meant to make valid rows by construction; this is the net under it. A document
whose rows break a schema is skipped with the first problem named, so one odd report never stops
the others. The checks read the same ``schemas/`` the descriptor is made from: required, type,
enum, pattern, minimum, unique and the foreign keys to ``documents`` and ``sections``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from .tables import TABLES, table_schema

_PYTHON_TYPES = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "date": (str,),
}


@cache
def _patterns(table: str) -> dict[str, re.Pattern]:
    return {
        f["name"]: re.compile(f["constraints"]["pattern"])
        for f in table_schema(table)["fields"]
        if "pattern" in f.get("constraints", {})
    }


def _cell_problem(field: dict, value, pattern: re.Pattern | None) -> str | None:
    constraints = field.get("constraints", {})
    if value is None or value == "":
        return "is required" if constraints.get("required") else None
    kind = field["type"]
    if not isinstance(value, _PYTHON_TYPES[kind]) or (kind in ("integer", "number") and isinstance(value, bool)):
        return f"is {type(value).__name__}, not {kind}"
    if (kind == "number" and value != value) or (kind == "number" and abs(value) == float("inf")):
        return "is not a finite number"
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not an ISO date"
    if "enum" in constraints and value not in constraints["enum"]:
        return f"{value!r} is not one of {constraints['enum']}"
    if pattern is not None and not pattern.fullmatch(str(value)):
        return f"{value!r} does not match {pattern.pattern}"
    if "minimum" in constraints and value < constraints["minimum"]:
        return f"{value} is below {constraints['minimum']}"
    return None


def row_problems(table: str, row: dict) -> list[str]:
    """What is wrong with one row, field by field (empty when the row is valid)."""
    patterns = _patterns(table)
    problems = []
    for field in table_schema(table)["fields"]:
        problem = _cell_problem(field, row.get(field["name"]), patterns.get(field["name"]))
        if problem:
            problems.append(f"{table}.{field['name']} {problem}")
    return problems


def rows_problems(rows: dict[str, list[dict]]) -> list[str]:
    """Row problems, duplicate keys and dangling foreign keys across a set of tables."""
    problems: list[str] = []
    keys: dict[str, set] = {}
    for table in TABLES:
        schema = table_schema(table)
        key_fields = schema["primaryKey"]
        seen: set = set()
        for row in rows.get(table, []):
            problems += [f"{p} (row {row.get(key_fields[0])})" for p in row_problems(table, row)]
            key = tuple(row.get(k) for k in key_fields)
            if key in seen:
                problems.append(f"{table}: duplicate key {key}")
            seen.add(key)
        keys[table] = {k[0] for k in seen} if len(key_fields) == 1 else seen
    for table in TABLES:
        for fk in table_schema(table).get("foreignKeys", []):
            field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
            target = fk["reference"].get("resource") or table
            for row in rows.get(table, []):
                value = row.get(field)
                if value is not None and value not in keys.get(target, set()):
                    problems.append(f"{table}.{field} {value!r} has no row in {target}")
    return problems
