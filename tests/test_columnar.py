"""The vectorised check (``columnar.problems``) rejects every constraint violation frictionless
rejects, one broken row per constraint kind; and typed columns refuse values of the wrong type."""

import csv
import hashlib
import io
import json
import os
import signal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import build
from govreports import columnar, writer
from govreports.descriptor_check import GONE, DescriptorCheck
from govreports.package import project_metadata
from govreports.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tables():
    built, skipped = build.build_tables(ROOT / "raw", strict=True)
    assert not skipped
    return built


def _with(tables, table: str, change) -> columnar.Tables:
    rows = tables[table].to_pylist()
    change(rows)
    return {**tables, table: columnar.from_rows(table, rows)}


def _set(field: str, value, row: int = 0):
    def change(rows):
        rows[row][field] = value

    return change


def _duplicate_first(rows):
    rows.append(dict(rows[0]))


BROKEN = {
    "required": ("targets", _set("quote", None), "targets.quote is required"),
    "required (empty string)": ("projects", _set("name", ""), "projects.name is required"),
    "type (date)": ("documents", _set("delivered_on", "2023-02-30"), "documents.delivered_on"),
    "enum": ("targets", _set("time_scope", "someday"), "targets.time_scope is not one of"),
    "pattern": ("documents", _set("region_code", "33010X"), "documents.region_code does not match"),
    "minimum": ("sections", _set("level", 0), "sections.level is below 1"),
    "unique and primary key": ("achievements", _duplicate_first, "achievements"),
    "compound primary key": ("panel", _duplicate_first, "panel: duplicate key"),
    "foreign key": ("targets", _set("section_id", "nowhere-S000001"), "has no row in sections"),
}


def test_the_build_of_our_reports_breaks_no_constraint(tables):
    assert columnar.problems(tables) == []


def _csv_package(tables, folder: Path) -> Path:
    """Only the CSVs and the descriptor: SQLite and Parquet would refuse some broken rows themselves."""
    meta = project_metadata()
    files = {}
    (folder / "csv").mkdir()
    for name in TABLES:
        data = writer.csv_bytes(name, tables[name])
        (folder / "csv" / f"{name}.csv").write_bytes(data)
        files[f"csv/{name}.csv"] = writer.Written(len(data), hashlib.sha256(data).hexdigest())
        files[f"parquet/{name}.parquet"] = writer.Written(0, hashlib.sha256(b"").hexdigest())
    descriptor = folder / "datapackage.json"
    descriptor.write_bytes(writer.descriptor_bytes(files, tables["documents"].to_pylist(), "", meta))
    return descriptor


def test_the_unbroken_package_validates_with_frictionless(tables, tmp_path):
    writer.validate(_csv_package(tables, tmp_path))


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_the_fast_check_rejects_what_frictionless_rejects(tables, tmp_path, kind):
    table, change, expected = BROKEN[kind]
    broken = _with(tables, table, change)
    with pytest.raises(writer.ValidationError):
        writer.validate(_csv_package(broken, tmp_path))  # frictionless, every row, foreign keys included
    problems = columnar.problems(broken)
    assert problems, kind
    assert any(expected in problem for problem in problems), problems


def test_a_number_that_is_not_finite_is_rejected(tables):
    broken = _with(tables, "targets", _set("value", float("inf")))
    assert any("targets.value is not a finite number" in p for p in columnar.problems(broken))


@pytest.mark.parametrize(
    "field, value",
    [("char_start", "12"), ("char_start", 3.5), ("char_start", True), ("value", True), ("quote", 7), ("headline", 1)],
)
def test_typed_columns_refuse_a_value_of_the_wrong_type(tables, field, value):
    with pytest.raises(columnar.RowTypeError, match=f"targets.{field}"):
        _with(tables, "targets", _set(field, value))


@pytest.mark.parametrize(
    "value, printed",
    [(1.2, "1.2"), (116.0, "116"), (-0.0, "0"), (1e20, "1e+20"), (123456789012.5, "123456789012.5"), (7e-07, "7e-07")],
)
def test_numbers_are_printed_in_the_csv_as_python_prints_them(tables, value, printed):
    broken = _with(tables, "targets", _set("value", value))
    row = writer.csv_bytes("targets", broken["targets"].slice(0, 1)).decode("utf-8").splitlines()[1]
    assert row.split(",")[12] == printed == columnar.format_cell(value)


def test_a_field_with_a_carriage_return_quotes_its_whole_row(tables):
    broken = _with(tables, "quality_flags", _set("detail", "甲\r乙"))
    row = writer.csv_bytes("quality_flags", broken["quality_flags"].slice(0, 1)).decode("utf-8").split("\n", 1)[1]
    first = broken["quality_flags"].slice(0, 1).to_pylist()[0]
    assert row.startswith(f'"{first["id"]}",') and ',"甲\r乙",' in row
    assert row.endswith(f',"{first["char_start"]}","{first["char_end"]}"\n')


def test_a_build_refuses_a_descriptor_frictionless_finds_invalid(tables, tmp_path):
    descriptor = _csv_package(tables, tmp_path)
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][2]["schema"]["primaryKey"] = ["no_such_column"]
    descriptor.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(writer.ValidationError, match=r"datapackage\.json: .*primary key"):
        writer.validate(descriptor, tables, checked=True)


def test_the_descriptor_check_process_gives_the_verdict_of_the_in_process_check(tables, tmp_path):
    descriptor = _csv_package(tables, tmp_path)
    broken = tmp_path / "broken.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][2]["schema"]["primaryKey"] = ["no_such_column"]
    broken.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    check = DescriptorCheck()
    try:
        assert check.answer(descriptor) is None
        writer.validate(descriptor, tables, checked=True, check=check)
        with pytest.raises(writer.ValidationError) as in_process:
            writer.validate(broken, tables, checked=True)
        with pytest.raises(writer.ValidationError) as in_child:
            writer.validate(broken, tables, checked=True, check=check)
        assert str(in_child.value) == str(in_process.value)
        assert check.answer(descriptor) is None  # one process answers every question of a build
    finally:
        check.close()


def test_the_check_process_warms_up_on_a_descriptor_frictionless_accepts():
    from frictionless import Package, system

    from govreports.descriptor_check import WARM_UP

    with system.use_context(trusted=True):
        package = Package(WARM_UP)  # a warm-up that raised would warm nothing, silently
    schema = package.resources[0].schema
    assert schema.primary_key and schema.foreign_keys and schema.fields[1].constraints["enum"]


def test_a_descriptor_check_process_that_is_gone_leaves_the_check_to_the_build(tables, tmp_path):
    descriptor = _csv_package(tables, tmp_path)
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][2]["schema"]["primaryKey"] = ["no_such_column"]
    descriptor.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    check = DescriptorCheck()
    os.kill(check.pid, signal.SIGKILL)
    assert check.answer(descriptor) is GONE
    with pytest.raises(writer.ValidationError, match=r"datapackage\.json: .*primary key"):
        writer.validate(descriptor, tables, checked=True, check=check)


def test_tables_handed_back_by_a_worker_are_the_tables_it_built(tables):
    empty = {table: columnar.empty(table) for table in TABLES}
    for original in (tables, empty):
        back = columnar.from_ipc(columnar.to_ipc(original))
        assert list(back) == list(original)
        for table in original:
            assert back[table].schema == original[table].schema
            assert back[table].equals(original[table])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet='甲乙,"\n\r a1', max_size=6) | st.none(), min_size=4, max_size=4),
        min_size=1,
        max_size=8,
    )
)
def test_csv_text_is_what_pythons_csv_module_writes(cells):
    """Quotes, commas and line ends quoted as QUOTE_MINIMAL does; a row with a bare CR quoted whole."""
    names = ["id", "doc_id", "kind", "detail", "action", "quote", "char_start", "char_end"]
    rows = [dict(zip(names, [f"q{i}", *values, "原文", i, i + 1], strict=True)) for i, values in enumerate(cells)]
    printed = writer.csv_bytes("quality_flags", columnar.from_rows("quality_flags", rows)).decode("utf-8")
    expected = io.StringIO()
    python = csv.writer(expected, lineterminator="\n")
    python.writerow(names)
    for row in rows:
        values = ["" if v is None else str(v) for v in row.values()]
        if any("\r" in v for v in values):
            expected.write(",".join('"' + v.replace('"', '""') + '"' for v in values) + "\n")
        else:
            python.writerow(values)
    assert printed == expected.getvalue()


def _inferred_array(table: str, field: dict, values: list):
    """``columnar._array`` as it was, inferring every column: what the plain columns must still give."""
    kind = field["type"]
    if values.count(None) == len(values):
        return columnar.pa.nulls(len(values), columnar.MEMORY_TYPES[kind])
    try:
        inferred = columnar.pa.array(values)
    except (columnar.pa.ArrowInvalid, columnar.pa.ArrowTypeError, OverflowError) as exc:
        raise columnar.RowTypeError(f"{table}.{field['name']}: {exc}") from exc
    if inferred.type not in columnar.INFERRED[kind]:
        raise columnar.RowTypeError(f"{table}.{field['name']} is not {kind}")
    if inferred.type == columnar.MEMORY_TYPES[kind]:
        return inferred
    return columnar.pa.array(values, type=columnar.MEMORY_TYPES[kind])


class _Text(str):
    pass


_CELLS = (
    st.none()
    | st.text(alphabet="甲乙a1 ", max_size=4)
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.floats()
    | st.booleans()
    | st.binary(max_size=2)
    | st.builds(_Text, st.text(alphabet="丙b", max_size=2))
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["string", "integer", "number", "boolean", "date"]),
    st.lists(_CELLS, max_size=6)
    | st.lists(st.none() | st.text(alphabet="甲乙a1 ", max_size=4), max_size=6)
    | st.lists(st.none() | st.integers(min_value=-(2**64), max_value=2**64) | st.floats(), max_size=6)
    | st.lists(st.none() | st.booleans(), max_size=6),
)
def test_a_column_told_its_type_is_the_column_arrow_infers(kind, values):
    """Columns of plain Python types are converted to their schema type without inference: the same
    buffers as inferring, and the same refusal of what inference refuses."""
    field = {"name": "x", "type": kind}
    try:
        expected = _inferred_array("t", field, values)
    except columnar.RowTypeError:
        with pytest.raises(columnar.RowTypeError):
            columnar._array("t", field, values)
        return
    made = columnar._array("t", field, values)
    assert made.type == expected.type and made.null_count == expected.null_count
    assert [b and b.to_pybytes() for b in made.buffers()] == [b and b.to_pybytes() for b in expected.buffers()]
