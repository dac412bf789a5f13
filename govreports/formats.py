"""The same rows in the formats users open them with: a spreadsheet (Excel, WPS), an SQLite database
with its keys (Datasette, any SQL client), and the Datasette metadata that describes it.

Functions from rows to bytes, and from tables to an SQLite file. Bytes depend only on the rows:
fixed timestamps inside the XLSX zip, rows inserted in key order in SQLite.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pyarrow as pa
import pyarrow.compute as pc

from . import columnar
from .schema import TABLES, table_schema

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
EXCEL_MAX_ROWS = 1_048_576
#: A spreadsheet is for reading a package in Excel or WPS; above this many rows in all tables the
#: build does not write one (SQLite and Parquet serve large corpora), and the descriptor lists none.
XLSX_ROW_LIMIT = 200_000


_XML_INVALID = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _cell(value) -> str:
    if value is None:
        return "<c/>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f"<c><v>{value!r}</v></c>"
    text = escape(_XML_INVALID.sub("", str(value)))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _row(values) -> str:
    return "<row>" + "".join(_cell(v) for v in values) + "</row>"


_PRESERVE = ' xml:space="preserve"'
_XML_INVALID_ARROW = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x{fffe}\\x{ffff}]"


def _arrow_cells(column: pa.Array, kind: str) -> pa.Array:
    """The ``_cell`` of every value of a column at once (the same XML, by Arrow's kernels)."""
    if kind == "boolean":
        cells = pc.if_else(column, '<c t="b"><v>1</v></c>', '<c t="b"><v>0</v></c>')
    elif kind in ("integer", "number"):
        text = pc.cast(column, pa.string()) if kind == "integer" else columnar.number_text(column)
        if kind == "number":  # repr prints an integral float with ".0", as _cell does
            integral = pc.and_(pc.equal(pc.floor(column), column), pc.less(pc.abs(column), 1e16))
            text = pc.if_else(integral, pc.binary_join_element_wise(text, ".0", ""), text)
        cells = pc.binary_join_element_wise("<c><v>", text, "</v></c>", "")
    else:
        text = pc.replace_substring_regex(column, _XML_INVALID_ARROW, "")
        for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
            text = pc.replace_substring(text, character, entity)
        padded = pc.invert(pc.equal(pc.utf8_trim_whitespace(text), text))
        space = pc.if_else(padded, _PRESERVE, "")
        cells = pc.binary_join_element_wise('<c t="inlineStr"><is><t', space, ">", text, "</t></is></c>", "")
    return pc.fill_null(cells, "<c/>")


def _sheet(lines, data=None, limit: int = 0, kinds: list[str] = ()) -> Iterator[bytes]:
    """A worksheet's XML: ``lines`` as they are, then the first ``limit`` rows of the Arrow table
    ``data``, 20,000 at a time, built column by column, so a large sheet is never one string."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}"><sheetData>'
    yield (head + "".join(_row(line) for line in lines)).encode()
    for start in range(0, min(limit, data.num_rows) if data is not None else 0, 20_000):
        batch = data.slice(start, min(20_000, limit - start)).combine_chunks()
        cells = [_arrow_cells(batch.column(i).combine_chunks(), kind) for i, kind in enumerate(kinds)]
        rows = pc.binary_join_element_wise("<row>", *cells, "</row>", "")
        yield columnar.string_array_bytes(rows.combine_chunks() if hasattr(rows, "combine_chunks") else rows)
    yield b"</sheetData></worksheet>"


def xlsx_bytes(tables, meta: dict) -> bytes:
    """One sheet per table plus a README sheet (title, version, licence, source, columns).

    Written as SpreadsheetML directly (inline strings, fixed timestamps): openpyxl, the usual writer,
    takes about 20 microseconds a cell, a minute for a corpus of a few hundred reports; the tests
    read the file back with openpyxl. A table longer than a sheet holds is cut there, and README
    says so."""
    readme = [
        (meta["title"],),
        ("version", meta["version"]),
        ("released", meta["released"]),
        ("licence", meta["licenses"][0]["name"], meta["licenses"][0]["path"]),
        ("source", meta["description"]),
        ("provenance", "quote == raw[char_start:char_end] for every row of targets, achievements, projects, events"),
        (),
        ("table", "column", "type", "description"),
    ]
    for table in TABLES:
        readme += [(table, f["name"], f["type"], f.get("description", "")) for f in table_schema(table)["fields"]]
        if tables[table].num_rows >= EXCEL_MAX_ROWS:
            readme.append((table, f"cut at {EXCEL_MAX_ROWS - 1} rows (a sheet's limit); the CSV holds all"))
    sheets = {"README": _sheet(readme)}
    for table in TABLES:
        names = [f["name"] for f in table_schema(table)["fields"]]
        kinds = [f["type"] for f in table_schema(table)["fields"]]
        sheets[table] = _sheet([names], tables[table].select(names), EXCEL_MAX_ROWS - 1, kinds)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    stamp = f"{meta['released']}T00:00:00Z"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}"
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_RELS}/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(meta['title'])}</dc:title>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" '
            f'xmlns:r="{_DOC_RELS}"><sheets>'
            + "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(sheets, 1))
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_RELS}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + "</Relationships>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        members = [(name, [text.encode("utf-8")]) for name, text in parts.items()]
        members += [(f"xl/worksheets/sheet{i}.xml", chunks) for i, chunks in enumerate(sheets.values(), 1)]
        for name, chunks in members:
            entry = zipfile.ZipInfo(name, ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            with archive.open(entry, "w") as member:
                for chunk in chunks:
                    member.write(chunk)
    return out.getvalue()


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


def _sql_column(column, kind: str) -> list:
    if kind == "boolean":
        return [None if v is None else int(v) for v in column.to_pylist()]
    return column.to_pylist()


class Stopped(Exception):
    """The build stopped while the database was being written."""


#: The largest tables, written into a second database file by a process of their own and copied in.
SQLITE_SPLIT = ("targets", "achievements")


#: Rows bound by one INSERT statement (fewer where SQLite allows fewer variables): one statement
#: per row spent about a sixth of the time stepping the statement again for each row.
ROWS_PER_INSERT = 64


#: The adapter of None: gives None back, so it binds as NULL. An empty dict's ``get`` is a function
#: in C, a fifth faster per value than a ``def``.
_NULL = {}.get


def write_sqlite(tables, path: Path, stop=None, only=TABLES, batch_rows: int = 50_000) -> None:
    """Every table with its types, primary key and foreign keys declared; the rows of the tables
    ``only`` names inserted in key order a batch at a time (so memory stays flat)."""
    # None has no fast path in the sqlite3 module: each one looks for an adapter through attribute
    # look-ups (about 1 µs, a third of the inserts' time). With one registered it is a dict hit.
    sqlite3.register_adapter(type(None), _NULL)
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        # The CHECKs stay declared; the rows were checked against the same enums (columnar.problems),
        # and SQLite evaluating every IN list again for every row tripled the time of the inserts.
        connection.execute("PRAGMA ignore_check_constraints = ON")
        for table in TABLES:  # keys are checked once all rows are in (a child may sort before its parent)
            connection.execute(_create_statement(table))
        variables = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        for table in only:
            fields = table_schema(table)["fields"]
            width = len(fields)
            names = ", ".join(f'"{f["name"]}"' for f in fields)
            row = "(" + ", ".join("?" for _ in fields) + ")"
            per = max(1, min(ROWS_PER_INSERT, variables // width))
            several = f'INSERT INTO "{table}" ({names}) VALUES ' + ", ".join([row] * per)
            one = f'INSERT INTO "{table}" ({names}) VALUES {row}'
            for batch in tables[table].to_batches(max_chunksize=batch_rows):
                if stop is not None and stop.is_set():
                    raise Stopped(str(path))
                # the rows' values in one flat list, row after row, each column put in by one slice
                flat = [None] * (batch.num_rows * width)
                for i, f in enumerate(fields):
                    flat[i::width] = _sql_column(batch[f["name"]], f["type"])
                whole = batch.num_rows // per * per * width
                step = per * width
                connection.executemany(several, (flat[s : s + step] for s in range(0, whole, step)))
                connection.executemany(one, (flat[s : s + width] for s in range(whole, len(flat), width)))
        connection.commit()
    finally:
        connection.close()


def merge_sqlite(path: Path, part: Path, tables=SQLITE_SPLIT) -> None:
    """Copy ``tables`` from the database ``part`` (same schema) into ``path``, SQLite to SQLite with
    no Python per row, then check the foreign keys of the whole; ``part`` is removed."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("ATTACH DATABASE ? AS part", (str(part),))
        for table in tables:
            connection.execute(f'INSERT INTO main."{table}" SELECT * FROM part."{table}"')
        connection.commit()
        connection.execute("DETACH DATABASE part")
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"sqlite: foreign keys do not hold: {problems[:3]}")
    finally:
        connection.close()
    part.unlink()


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
