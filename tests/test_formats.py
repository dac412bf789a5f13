"""The published files in every format users open: typed loading, spreadsheet, SQLite + Datasette,
data dictionary and report."""

import asyncio
import csv
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import govreports
from govreports.package import project_metadata
from govreports.tables import TABLES, table_schema

# Reads the committed data/, which a README snippet rebuilds: one worker runs all such tests in turn.
pytestmark = pytest.mark.xdist_group("repository-data")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NAME = project_metadata()["name"]
POLARS = {"string": "String", "integer": "Int64", "number": "Float64", "boolean": "Boolean", "date": "Date"}
DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


def csv_count(table):
    with (DATA / "csv" / f"{table}.csv").open(encoding="utf-8") as handle:
        return sum(1 for _ in csv.DictReader(handle))


@pytest.mark.parametrize("table", TABLES)
def test_the_loader_gives_each_column_the_schemas_type(table):
    frame = govreports.load(table)
    for field in table_schema(table)["fields"]:
        dtype = str(frame[field["name"]].dtype)
        if "enum" in field.get("constraints", {}):
            assert dtype == "category"
            assert list(frame[field["name"]].cat.categories) == field["constraints"]["enum"]
        else:
            expected = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
            assert dtype == expected.get(field["type"], "datetime64[s]"), (field["name"], dtype)


@pytest.mark.parametrize("table", TABLES)
def test_polars_and_duckdb_read_the_schemas_types(table):
    import duckdb
    import polars as pl

    path = DATA / "parquet" / f"{table}.parquet"
    frame = pl.read_parquet(path)
    described = dict(
        duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()
        and [(row[0], row[1]) for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]
    )
    for field in table_schema(table)["fields"]:
        assert str(frame.schema[field["name"]]) == POLARS[field["type"]], field["name"]
        assert described[field["name"]] == DUCKDB[field["type"]], field["name"]


def test_csv_read_through_the_descriptor_gives_the_same_types():
    package = govreports.load_package()
    for table in ("documents", "targets", "target_outcomes"):
        rows = package.get_resource(table).read_rows()
        python = {"string": str, "integer": int, "number": (int, float, Decimal), "boolean": bool}
        for row in rows[:20]:
            for field in table_schema(table)["fields"]:
                value = row[field["name"]]
                if value is not None and field["type"] in python:
                    assert isinstance(value, python[field["type"]]), (table, field["name"], value)


def test_the_spreadsheet_holds_every_table_with_the_csv_row_counts():
    from openpyxl import load_workbook

    book = load_workbook(DATA / f"{NAME}.xlsx", read_only=True)
    assert book.sheetnames == ["README", *TABLES]
    for table in TABLES:
        assert sum(1 for _ in book[table].iter_rows()) - 1 == csv_count(table), table
    readme = [row[0] for row in book["README"].iter_rows(max_row=3, values_only=True)]
    assert readme[0] == project_metadata()["title"] and readme[1] == "version"


def test_sqlite_declares_keys_and_datasette_serves_a_query():
    from datasette.app import Datasette

    path = DATA / f"{NAME}.sqlite"
    connection = sqlite3.connect(path)
    keys = connection.execute("PRAGMA foreign_key_list(targets)").fetchall()
    assert {(k[2], k[3]) for k in keys} == {("documents", "doc_id"), ("sections", "section_id")}
    assert connection.execute("select count(*) from targets").fetchone()[0] == csv_count("targets")
    connection.close()

    async def query():
        datasette = Datasette(
            [str(path)], metadata=__import__("json").loads((DATA / "datasette-metadata.json").read_text())
        )
        response = await datasette.client.get(f"/{NAME}/achievements.json?_shape=array&headline=1")
        return response.status_code, response.json()

    status, rows = asyncio.run(query())
    assert status == 200 and rows and all(row["headline"] == 1 for row in rows)


def test_sqlite_holds_every_value_of_every_row_however_many_rows_one_insert_binds(tmp_path, monkeypatch):
    """Rows go in several to a statement; batches and statements that end mid-way lose nothing."""
    import pyarrow.parquet as pq

    from govreports import columnar, formats

    def rows(table):  # dates are ISO strings in memory, as in the CSV and in SQLite
        read = pq.read_table(DATA / "parquet" / f"{table}.parquet").to_pylist()
        return [{k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()} for row in read]

    tables = {table: columnar.from_rows(table, rows(table)) for table in TABLES}
    monkeypatch.setattr(formats, "ROWS_PER_INSERT", 3)
    formats.write_sqlite(tables, tmp_path / "all.sqlite", batch_rows=7)
    connection = sqlite3.connect(tmp_path / "all.sqlite")
    for table in TABLES:
        kinds = {f["name"]: f["type"] for f in table_schema(table)["fields"]}
        expected = [
            tuple(int(v) if kinds[k] == "boolean" and v is not None else v for k, v in row.items())
            for row in tables[table].to_pylist()
        ]
        assert connection.execute(f'select * from "{table}" order by rowid').fetchall() == expected, table
    connection.close()


def test_the_data_dictionary_names_every_column_and_code():
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"## `{table}`" in text
        for field in table_schema(table)["fields"]:
            assert f"| `{field['name']}`" in text
    assert "`gdp_growth`" in text and "| 亿斤 |" not in text.split("## Units")[0]


def test_the_report_renders_its_charts_and_each_tables_row_count():
    text = (ROOT / "docs" / "report.html").read_text(encoding="utf-8")
    assert text.count("<svg") >= 4
    for table in TABLES:
        assert f"<td>{table}</td><td>{csv_count(table)}</td>" in text
