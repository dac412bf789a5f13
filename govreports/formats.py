"""The same rows in the formats users open them with: a spreadsheet (Excel, WPS), an SQLite database
with its keys (Datasette, any SQL client), and the Datasette metadata that describes it.

Pure functions from rows to bytes; the writer puts them on disk. Bytes depend only on the rows:
fixed timestamps inside the XLSX zip, rows inserted in key order in SQLite.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from .tables import TABLES, table_schema

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _normalised_zip(data: bytes, released: str) -> bytes:
    """The same zip with every entry's timestamp fixed (and the workbook's "modified" property, which
    openpyxl sets at save time), so rebuilding gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + f"{released}T00:00:00Z".encode() + rb"\g<2>",
                    content,
                )
            target.writestr(entry, content)
    return out.getvalue()


EXCEL_MAX_ROWS = 1_048_576


def xlsx_bytes(rows: dict[str, list[dict]], meta: dict) -> bytes:
    """One sheet per table plus a README sheet (title, version, licence, source, columns). Written in
    openpyxl's streaming mode; a table longer than a sheet holds is cut there, and README says so."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.created = book.properties.modified = datetime.fromisoformat(meta["released"])
    book.properties.title = meta["title"]
    readme = book.create_sheet("README")
    for line in (
        (meta["title"],),
        ("version", meta["version"]),
        ("released", meta["released"]),
        ("licence", meta["licenses"][0]["name"], meta["licenses"][0]["path"]),
        ("source", meta["description"]),
        ("provenance", "quote == raw[char_start:char_end] for every row of targets, achievements, projects, events"),
        (),
        ("table", "column", "type", "description"),
    ):
        readme.append(list(line))
    for table in TABLES:
        for field in table_schema(table)["fields"]:
            readme.append([table, field["name"], field["type"], field.get("description", "")])
    for table in TABLES:
        if len(rows[table]) >= EXCEL_MAX_ROWS:
            readme.append([table, f"cut at {EXCEL_MAX_ROWS - 1} rows (a sheet's limit); the CSV holds all"])
    for table in TABLES:
        sheet = book.create_sheet(table)
        names = [f["name"] for f in table_schema(table)["fields"]]
        sheet.append(names)
        for row in rows[table][: EXCEL_MAX_ROWS - 1]:
            sheet.append([row[name] for name in names])
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalised_zip(buffer.getvalue(), meta["released"])


def _create_statement(table: str) -> str:
    schema = table_schema(table)
    lines = []
    for field in schema["fields"]:
        constraints = field.get("constraints", {})
        line = f'"{field["name"]}" {SQL_TYPES[field["type"]]}'
        if constraints.get("required"):
            line += " NOT NULL"
        if "enum" in constraints:
            values = ", ".join("'" + str(v).replace("'", "''") + "'" for v in constraints["enum"])
            line += f' CHECK ("{field["name"]}" IN ({values}))'
        lines.append(line)
    key = ", ".join(f'"{k}"' for k in schema["primaryKey"])
    lines.append(f"PRIMARY KEY ({key})")
    for fk in schema.get("foreignKeys", []):
        field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        target = fk["reference"]["resource"]
        target_field = fk["reference"]["fields"]
        target_field = target_field if isinstance(target_field, str) else target_field[0]
        lines.append(f'FOREIGN KEY ("{field}") REFERENCES "{target}" ("{target_field}")')
    return f'CREATE TABLE "{table}" (\n  ' + ",\n  ".join(lines) + "\n)"


def _sql_value(value, kind: str):
    if value is None:
        return None
    if kind == "boolean":
        return int(bool(value))
    return value


def sqlite_bytes(rows: dict[str, list[dict]]) -> bytes:
    """Every table with its types, primary key and foreign keys declared."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "package.sqlite"
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            for table in TABLES:
                connection.execute(_create_statement(table))
            for table in TABLES:
                fields = table_schema(table)["fields"]
                names = ", ".join(f'"{f["name"]}"' for f in fields)
                marks = ", ".join("?" for _ in fields)
                connection.executemany(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                    [[_sql_value(row[f["name"]], f["type"]) for f in fields] for row in rows[table]],
                )
            connection.commit()
            problems = connection.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"sqlite: foreign keys do not hold: {problems[:3]}")
            connection.execute("VACUUM")
        finally:
            connection.close()
        return path.read_bytes()


def datasette_metadata(meta: dict, database: str) -> bytes:
    """Titles, descriptions, licence, source and a few canned queries for Datasette."""
    tables = {}
    for table in TABLES:
        schema = table_schema(table)
        tables[table] = {
            "description": schema.get("description", ""),
            "columns": {f["name"]: f.get("description", "") for f in schema["fields"]},
        }
    queries = {
        "headline_targets": {
            "title": "Headline targets of a year",
            "sql": (
                "select d.region, t.year, t.indicator_code, t.indicator, t.comparator, t.value, t.value_max, t.unit, "
                "t.quote from targets t join documents d on d.doc_id = t.doc_id "
                "where t.headline = 1 and t.year = :year order by d.region, t.indicator_code"
            ),
        },
        "target_vs_outcome": {
            "title": "Targets set against their outcomes",
            "sql": (
                "select region, year, indicator_code, target_comparator, target_value, target_value_max, target_unit, "
                "outcome_value, outcome_unit, met, met_rule from target_outcomes order by region, year, indicator_code"
            ),
        },
        "projects_by_status": {
            "title": "Projects by status",
            "sql": "select status, count(*) as projects from projects group by status order by projects desc",
        },
    }
    document = {
        "title": meta["title"],
        "description": meta["description"],
        "license": meta["licenses"][0]["name"],
        "license_url": meta["licenses"][0]["path"],
        "source": meta.get("source_title", "Government work reports (政府工作报告), as published"),
        "databases": {database: {"tables": tables, "queries": queries}},
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
