"""Rows as Arrow tables: one typed, columnar copy of every table from extraction to the files.

A corpus of a thousand reports is about a million rows. As Python dicts they take gigabytes and
every pass over them costs seconds; as columns typed from the Table Schemas they take a fraction of
the memory, cross from worker processes cheaply, and sort, check and write in vectorised passes.
Dates stay ISO strings in memory (as the CSV prints them) and become dates in Parquet.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .schema import TABLES, table_schema

Tables = dict[str, pa.Table]

MEMORY_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.string(),
}
#: The Python types a schema type accepts; bool is an int in Python but never a number here.
PYTHON_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "date": (str,)}
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class RowTypeError(ValueError):
    """A value whose Python type its column's schema type does not allow; the message names both."""


def fields(table: str) -> list[dict]:
    return table_schema(table)["fields"]


@cache
def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(f["name"], MEMORY_TYPES[f["type"]]) for f in fields(table)])


#: The types Arrow may infer for a column of each schema type (null: every value missing).
INFERRED = {
    "string": (pa.string(), pa.null()),
    "integer": (pa.int64(), pa.null()),
    "number": (pa.float64(), pa.int64(), pa.null()),
    "boolean": (pa.bool_(), pa.null()),
    "date": (pa.string(), pa.null()),
}


#: The exact Python types of a column that Arrow is told its type for: for these, inference would
#: find the schema's type (or null) and convert each value alike, but costs ~4 us more a call (a
#: report has several hundred columns). A column holding any other type (a subclass included) is
#: inferred and checked as below.
PLAIN_TYPES = {
    "string": frozenset((str, type(None))),
    "integer": frozenset((int, type(None))),
    "number": frozenset((int, float, type(None))),
    "boolean": frozenset((bool, type(None))),
    "date": frozenset((str, type(None))),
}
_NONE_ONLY = frozenset((type(None),))


def _array(table: str, field: dict, values: list) -> pa.Array:
    """A typed column; Arrow infers the values' type in one pass and a type the schema does not
    allow is refused (asked for int64 outright, Arrow would turn 3.5 into 3 and True into 1)."""
    kind = field["type"]
    types = set(map(type, values))
    if types <= _NONE_ONLY:  # most columns of a small report: no inference, no cast
        return pa.nulls(len(values), MEMORY_TYPES[kind])
    if types <= PLAIN_TYPES[kind]:
        try:
            return pa.array(values, type=MEMORY_TYPES[kind])
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
            pass  # (an integer beyond int64) inference below says what is wrong
    try:
        inferred = pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
        raise RowTypeError(f"{table}.{field['name']}: {exc}") from exc
    if inferred.type not in INFERRED[kind]:
        allowed, boolean = PYTHON_TYPES[kind], kind == "boolean"
        misfit = (v for v in values if v is not None and (not isinstance(v, allowed) or isinstance(v, bool) != boolean))
        wrong = next(misfit, values[0])
        raise RowTypeError(f"{table}.{field['name']} is {type(wrong).__name__} {wrong!r}, not {kind}")
    if inferred.type == MEMORY_TYPES[kind]:
        return inferred
    if inferred.type == pa.null():
        return pa.nulls(len(values), MEMORY_TYPES[kind])
    return pa.array(values, type=MEMORY_TYPES[kind])  # the integers of a number column, as floats


def from_columns(table: str, columns: dict[str, list]) -> pa.Table:
    """A table from one list per column (a column not given is all null)."""
    length = max((len(v) for v in columns.values()), default=0)
    if not length:
        return empty(table)
    arrays = [_array(table, f, columns.get(f["name"], [None] * length)) for f in fields(table)]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table))


def from_rows(table: str, rows: list[dict]) -> pa.Table:
    """A table from dicts; a key a row lacks is null."""
    names = [f["name"] for f in fields(table)]
    try:
        read = operator.itemgetter(*names, *names[:1])  # two names at least, so it always gives a tuple
        values = list(zip(*map(read, rows), strict=True)) if rows else []
    except KeyError:
        values = [[row.get(name) for row in rows] for name in names]
    return from_columns(table, {name: list(column) for name, column in zip(names, values, strict=False)})


def from_records(table: str, records: list, extra: dict[str, list] | None = None) -> pa.Table:
    """A table read straight from typed records' attributes (no dict per row); ``extra`` gives
    columns the records do not hold."""
    columns = dict(extra or {})
    if records:
        held = [f["name"] for f in fields(table) if f["name"] not in columns and hasattr(records[0], f["name"])]
        read = operator.attrgetter(*held, *held[:1])  # two names at least, so it always gives a tuple
        columns.update(zip(held, map(list, zip(*map(read, records), strict=True)), strict=False))
    return from_columns(table, columns)


@cache
def empty(table: str) -> pa.Table:
    return arrow_schema(table).empty_table()


def as_rows(tables: Tables) -> dict[str, list[dict]]:
    """Plain rows, for small corpora and tests."""
    return {table: tables[table].to_pylist() for table in tables}


#: A table of fewer rows is made one chunk once sorted: every check and writer pays per chunk, and
#: the documents table arrives as one chunk a report. A longer one keeps its reports' chunks (a copy
#: would cost memory; its chunks hold hundreds of rows each).
COMBINE_BELOW_ROWS = 100_000


def sort_by_key(table: str, data: pa.Table) -> pa.Table:
    """Rows in primary-key order (UTF-8 byte order is code point order, as Python sorts strings).
    Reports concatenated in order mostly are already; then nothing is moved."""
    key = table_schema(table)["primaryKey"]
    if data.num_rows < 2:
        return data.combine_chunks()
    if len(key) == 1:
        column = data[key[0]].combine_chunks()
        if pc.all(pc.less(column.slice(0, len(column) - 1), column.slice(1))).as_py():
            # no copy of a long table: the writers read it a slice at a time
            return data.combine_chunks() if data.num_rows < COMBINE_BELOW_ROWS else data
    return data.take(pc.sort_indices(data, sort_keys=[(k, "ascending") for k in key])).combine_chunks()


def to_ipc(tables: Tables) -> dict[str, bytes]:
    """Tables as Arrow IPC streams: what a worker process hands back. Pickling the tables costs
    about eight times as much, in the worker and again in the build."""
    packed = {}
    for name, data in tables.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, data.schema) as stream:
            stream.write_table(data)
        packed[name] = sink.getvalue().to_pybytes()
    return packed


def from_ipc(packed: dict[str, bytes]) -> Tables:
    return {name: pa.ipc.open_stream(data).read_all() for name, data in packed.items()}


def concat(parts: list[pa.Table], table: str) -> pa.Table:
    return pa.concat_tables([empty(table), *parts]) if parts else empty(table)


# -- the fast check: every constraint of the Table Schemas, vectorised -------------------------------


@dataclass(frozen=True)
class Violation:
    """A constraint some rows break: what, and which rows (a boolean mask over the table)."""

    table: str
    message: str
    rows: pa.ChunkedArray | pa.Array


def _field_violations(table: str, data: pa.Table, field: dict) -> list[Violation]:
    name, kind = field["name"], field["type"]
    constraints = field.get("constraints", {})
    column = data[name]
    key = table_schema(table)["primaryKey"][0]
    found = []

    def report(mask, what: str) -> None:
        mask = pc.fill_null(mask, False)
        if pc.any(mask).as_py():
            first = pc.filter(data[key], mask)[0].as_py()
            found.append(Violation(table, f"{table}.{name} {what} (row {first})", mask))

    present = pc.is_valid(column)
    if kind in ("string", "date"):
        present = pc.and_(present, pc.not_equal(pc.utf8_length(pc.fill_null(column, "")), 0))
    if constraints.get("required"):
        report(pc.invert(present), "is required")
    if kind == "number":
        report(pc.invert(pc.is_finite(column)), "is not a finite number")
    if kind == "date":
        bad = [v for v in pc.unique(column).to_pylist() if v and not _iso_date(v)]
        if bad:
            report(pc.is_in(column, value_set=pa.array(bad, pa.string())), f"{bad[0]!r} is not an ISO date")
    if "enum" in constraints:
        allowed = pa.array(constraints["enum"], MEMORY_TYPES[kind])
        report(pc.and_(present, pc.invert(pc.is_in(column, value_set=allowed))), f"is not one of {constraints['enum']}")
    if "pattern" in constraints:
        pattern = "^(?:" + constraints["pattern"].lstrip("^").rstrip("$") + ")$"
        report(pc.and_(present, pc.invert(pc.match_substring_regex(column, pattern))), f"does not match {pattern}")
    if "minimum" in constraints:
        report(pc.less(column, constraints["minimum"]), f"is below {constraints['minimum']}")
    if "maximum" in constraints:
        report(pc.greater(column, constraints["maximum"]), f"is above {constraints['maximum']}")
    if constraints.get("unique") and table_schema(table)["primaryKey"] != [name]:  # else the key check says it
        found += _repeats(table, data, [name], f"{table}.{name} is not unique")
    return found


def _iso_date(value: str) -> bool:
    if not ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _repeats(table: str, data: pa.Table, key: list[str], what: str) -> list[Violation]:
    """Rows whose key an earlier row already has (the first of each key is not blamed)."""
    if data.num_rows < 2:
        return []
    if len(key) == 1:
        if pc.count_distinct(data[key[0]], mode="all").as_py() == data.num_rows:
            return []
    elif data.select(key).group_by(key).aggregate([]).num_rows == data.num_rows:
        return []
    numbered = data.select(key).append_column("_row", pa.array(np.arange(data.num_rows, dtype=np.int64)))
    firsts = numbered.group_by(key).aggregate([("_row", "min")])
    repeated = pc.invert(pc.is_in(numbered["_row"], value_set=firsts["_row_min"]))
    first = pc.filter(data.select(key), repeated).slice(0, 1).to_pylist()[0]
    return [Violation(table, f"{what}: {tuple(first[k] for k in key)} repeats", repeated)]


def _foreign_key_violations(table: str, tables: Tables) -> list[Violation]:
    found = []
    for fk in table_schema(table).get("foreignKeys", []):
        name = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        target = fk["reference"].get("resource") or table
        target_field = fk["reference"]["fields"]
        target_field = target_field if isinstance(target_field, str) else target_field[0]
        if target not in tables:
            continue
        column = tables[table][name]
        dangling = pc.and_(pc.is_valid(column), pc.invert(pc.is_in(column, value_set=tables[target][target_field])))
        dangling = pc.fill_null(dangling, False)
        if pc.any(dangling).as_py():
            value = pc.filter(column, dangling)[0].as_py()
            found.append(Violation(table, f"{table}.{name} {value!r} has no row in {target}", dangling))
    return found


def violations(tables: Tables) -> list[Violation]:
    """Every constraint of the Table Schemas over every row, as frictionless checks them: required,
    type (finite numbers, ISO dates; the rest the typed columns ensure), enum, pattern, minimum,
    maximum, unique, primary key and foreign keys. Empty when all hold."""
    found: list[Violation] = []
    for table in TABLES:
        if table not in tables:
            continue
        data = tables[table]
        for field in fields(table):
            found += _field_violations(table, data, field)
        found += _repeats(table, data, table_schema(table)["primaryKey"], f"{table}: duplicate key")
        found += _foreign_key_violations(table, tables)
    return found


def problems(tables: Tables) -> list[str]:
    return [v.message for v in violations(tables)]


def blame(tables: Tables, found: list[Violation]) -> dict[str, str]:
    """For each report whose rows break a constraint, the first problem: so one odd report is
    skipped and the others are built."""
    blamed: dict[str, str] = {}
    for violation in found:
        data = tables[violation.table]
        if "doc_id" not in data.column_names:
            continue
        for doc_id in pc.unique(pc.filter(data["doc_id"], violation.rows)).to_pylist():
            blamed.setdefault(doc_id, violation.message)
    return blamed


def without_documents(tables: Tables, doc_ids: list[str]) -> Tables:
    drop = pa.array(doc_ids, pa.string())
    kept = {}
    for table, data in tables.items():
        has_doc = "doc_id" in data.column_names
        kept[table] = data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=drop))) if has_doc else data
    return kept


# -- CSV text, vectorised: the same bytes Python's csv module writes for the same rows ---------------

#: Floats Arrow prints exactly as Python's repr does (checked over a million random values); the
#: rest (huge, tiny, or integral beyond 2**53) are printed by Python.
_ARROW_FLOAT_RANGE = (1e-4, 1e9)
#: Rows printed at a time: the temporary columns of a slice stay a few megabytes.
CSV_SLICE_ROWS = 20_000


def format_cell(value) -> str:
    """How one value is printed in the CSV: empty for null, true/false, integral numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def number_text(column: pa.Array) -> pa.Array:
    integral = pc.and_(pc.equal(pc.floor(column), column), pc.less(pc.abs(column), 1e16))
    low, high = _ARROW_FLOAT_RANGE
    in_range = pc.and_(pc.greater_equal(pc.abs(column), low), pc.less(pc.abs(column), high))
    as_integer = pc.cast(pc.if_else(integral, column, 0.0), pa.int64())
    text = pc.if_else(integral, pc.cast(as_integer, pa.string()), pc.cast(column, pa.string()))
    by_python = pc.fill_null(pc.invert(pc.or_(integral, in_range)), False)
    if pc.any(by_python).as_py():
        values = column.to_pylist()
        wanted = by_python.to_pylist()
        text = pa.array([format_cell(v) if w else t for v, w, t in zip(values, wanted, text.to_pylist(), strict=True)])
    return text


def _cell_text(column: pa.Array, kind: str) -> pa.Array:
    if kind in ("string", "date"):
        text = column
    elif kind == "number":
        text = number_text(column)
    else:
        text = pc.cast(column, pa.string())
    return pc.fill_null(text, "")


def _quoted(text: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")


def _minimally_quoted(text: pa.Array, characters: bytes) -> pa.Array:
    """Quoted where a cell holds a quote, a comma or a line end; a column that never does (ids,
    codes, enums: most of them) is not copied. ``characters``: the column's, back to back, where
    one search each (memchr) says whether any cell needs looking at."""
    if b'"' not in characters and b"," not in characters and b"\n" not in characters:
        return text
    needs = pc.or_(pc.or_(pc.match_substring(text, '"'), pc.match_substring(text, ",")), pc.match_substring(text, "\n"))
    return pc.if_else(needs, _quoted(text), text)


def csv_lines(table: str, data: pa.Table) -> Iterator[pa.Array]:
    """The CSV body as string arrays of whole lines (each ending in a newline), a slice of rows at a time.

    Quoting is Python's QUOTE_MINIMAL with ``\\n`` line ends; a row holding a bare CR has every field
    quoted (Python leaves such a field bare, and readers would split the row there)."""
    kinds = {f["name"]: f["type"] for f in fields(table)}
    for start in range(0, data.num_rows, CSV_SLICE_ROWS):
        batch = data.slice(start, CSV_SLICE_ROWS).combine_chunks()
        names = batch.schema.names
        texts = [_cell_text(batch[name].combine_chunks(), kinds[name]) for name in names]
        characters = {
            name: string_array_bytes(t)
            for name, t in zip(names, texts, strict=True)
            if kinds[name] in ("string", "date")
        }
        cells = [
            _minimally_quoted(t, characters[name]) if name in characters else t
            for name, t in zip(names, texts, strict=True)
        ]
        # the line end joins the last cell only, not a second copy of every line
        line = pc.binary_join_element_wise(*cells[:-1], pc.binary_join_element_wise(cells[-1], "\n", ""), ",")
        carriage = [
            pc.match_substring(t, "\r")
            for name, t in zip(names, texts, strict=True)
            if kinds[name] == "string" and b"\r" in characters[name]
        ]
        if carriage:
            has_cr = carriage[0]
            for more in carriage[1:]:
                has_cr = pc.or_(has_cr, more)
            if pc.any(has_cr).as_py():
                quoted = [_quoted(t) for t in texts]
                every = pc.binary_join_element_wise(
                    *quoted[:-1], pc.binary_join_element_wise(quoted[-1], "\n", ""), ","
                )
                line = pc.if_else(has_cr, every, line)
        yield line


def string_array_bytes(array: pa.Array) -> bytes:
    """The characters of a null-free string array, back to back."""
    if len(array) == 0:
        return b""
    offsets = array.buffers()[1]
    data = array.buffers()[2]
    start = int.from_bytes(offsets[array.offset * 4 : array.offset * 4 + 4], "little", signed=True)
    end_at = (array.offset + len(array)) * 4
    end = int.from_bytes(offsets[end_at : end_at + 4], "little", signed=True)
    return data[start:end].to_pybytes()
