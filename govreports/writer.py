"""Stage 7 (I/O edge): rows -> CSV + Parquet + datapackage.json, validated, then swapped in.

Everything is written into a temporary folder beside the output and validated with frictionless
(foreign keys included) before it replaces the previous output, so a failed build leaves the
previous data untouched. Output bytes depend only on the rows: sorted rows, fixed column order, no
timestamps, fixed Parquet settings, UTF-8 CSV without BOM and with ``\\n`` line ends.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import json
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import docs, formats
from .conform import rows_problems
from .package import ResourceFile, descriptor
from .tables import TABLES, columns, table_schema

ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


class ValidationError(Exception):
    """The package written does not validate; the message lists the first errors."""


def format_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def csv_bytes(table: str, rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    # Python's csv leaves a field holding a bare CR unquoted, and readers split the row there: such a
    # row is written with every field quoted (an empty quoted field still reads as null).
    quoting_all = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    names = columns(table)
    writer.writerow(names)
    for row in rows:
        cells = [format_cell(row[name]) for name in names]
        (quoting_all if any("\r" in cell for cell in cells) else writer).writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _arrow_value(value, type_name: str):
    if value is None:
        return None
    if type_name == "date":
        return date.fromisoformat(value)
    if type_name == "number":
        return float(value)
    return value


def parquet_bytes(table: str, rows: list[dict]) -> bytes:
    fields = table_schema(table)["fields"]
    schema = pa.schema(
        [
            pa.field(f["name"], ARROW_TYPES[f["type"]], nullable=not f.get("constraints", {}).get("required", False))
            for f in fields
        ]
    )
    arrays = [
        pa.array([_arrow_value(row[f["name"]], f["type"]) for row in rows], type=ARROW_TYPES[f["type"]]) for f in fields
    ]
    buffer = io.BytesIO()
    pq.write_table(
        pa.Table.from_arrays(arrays, schema=schema),
        buffer,
        compression="zstd",
        compression_level=9,
        use_dictionary=False,
        write_statistics=True,
        version="2.6",
        data_page_version="1.0",
    )
    return buffer.getvalue()


def render_files(rows: dict[str, list[dict]], meta: dict) -> dict[str, bytes]:
    """Every data file of the package, by path relative to the output folder."""
    files: dict[str, bytes] = {}
    for table in TABLES:
        files[f"csv/{table}.csv"] = csv_bytes(table, rows[table])
        files[f"parquet/{table}.parquet"] = parquet_bytes(table, rows[table])
    if sum(len(table_rows) for table_rows in rows.values()) <= formats.XLSX_ROW_LIMIT:
        files[f"{meta['name']}.xlsx"] = formats.xlsx_bytes(rows, meta)
    files[f"{meta['name']}.sqlite"] = formats.sqlite_bytes(rows)
    files["datasette-metadata.json"] = formats.datasette_metadata(meta, meta["name"])
    return files


def render_docs(rows: dict[str, list[dict]], meta: dict) -> dict[str, bytes]:
    """The generated documentation: data dictionary and report, by file name."""
    return {
        "data-dictionary.md": docs.data_dictionary(meta).encode("utf-8"),
        "report.html": docs.report_html(rows, meta, meta.get("measured_quality", [])).encode("utf-8"),
        "targets-by-category.svg": docs.category_chart(rows).encode("utf-8"),
    }


def descriptor_bytes(files: dict[str, bytes], documents: list[dict], prefix: str, meta: dict) -> bytes:
    resources = []
    for table in TABLES:
        for fmt, ext in (("csv", "csv"), ("parquet", "parquet")):
            data = files[f"{ext}/{table}.{ext}"]
            resources.append(
                ResourceFile(table, fmt, f"{prefix}{ext}/{table}.{ext}", len(data), hashlib.sha256(data).hexdigest())
            )
    downloads = [
        {
            "path": f"{prefix}{name}",
            "format": name.rsplit(".", 1)[-1],
            "bytes": len(files[name]),
            "hash": f"sha256:{hashlib.sha256(files[name]).hexdigest()}",
        }
        for name in sorted(files)
        if "/" not in name
    ]
    text = json.dumps(descriptor(resources, documents, meta, downloads), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def relative_prefix(out_dir: Path, descriptor_path: Path) -> str:
    rel = os.path.relpath(out_dir.resolve(), descriptor_path.resolve().parent)
    return "" if rel == "." else rel.replace(os.sep, "/") + "/"


#: Up to this many rows frictionless checks every row; above it, it checks the descriptor and the
#: first rows of each table, and ``conform`` (the same constraints, checked in plain Python) every row.
FRICTIONLESS_ROW_LIMIT = 100_000


def validate(descriptor_path: Path, rows: dict[str, list[dict]] | None = None) -> None:
    from frictionless import Package, system

    total = sum(len(table_rows) for table_rows in rows.values()) if rows else 0
    if rows is not None:
        problems = rows_problems(rows)
        if problems:
            more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ValidationError("; ".join(problems[:5]) + more)
    with system.use_context(trusted=True):
        limit = {} if total <= FRICTIONLESS_ROW_LIMIT else {"limit_rows": 1000}
        report = Package(str(descriptor_path)).validate(**limit)
    if not report.valid:
        errors = [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors]
        errors += [f"package: {error.type}: {error.message}" for error in report.errors]
        raise ValidationError("; ".join(errors[:5]) + (f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""))


def stage(
    rows: dict[str, list[dict]], parent: Path, meta: dict, label: str = "package"
) -> tuple[Path, dict[str, bytes]]:
    """Write the package into a new temporary folder under ``parent`` and validate it there."""
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".build-{label}-", dir=parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder is not
    try:
        files = render_files(rows, meta)
        for relative, data in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (staging / "datapackage.json").write_bytes(descriptor_bytes(files, rows["documents"], "", meta))
        validate(staging / "datapackage.json", rows)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, files


def _replace_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


#: What a build writes into its output folder; anything else there is a user's and is never touched.
OWNED = ("csv", "parquet", "docs", "datapackage.json", "datasette-metadata.json")
OWNED_SUFFIXES = (".xlsx", ".sqlite")


class OutputError(Exception):
    """An output folder the build must not write into; the message says why in one line."""


def foreign_files(out_dir: Path) -> list[str]:
    """Entries of an existing output folder that a build did not write."""
    if not out_dir.is_dir():
        return []
    return sorted(p.name for p in out_dir.iterdir() if p.name not in OWNED and not p.name.endswith(OWNED_SUFFIXES))


def check_output(out_dir: Path, raw_dir: Path, force: bool) -> None:
    """Refuse an output folder that is the raw folder or holds it, that is a file, or that holds files
    the build did not write (unless ``force``): a build replaces its folder whole."""
    out, raw = out_dir.resolve(), raw_dir.resolve()
    if out == raw or raw.is_relative_to(out):
        raise OutputError(f"{out_dir}: is or holds the raw folder {raw_dir}; choose another output folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file, not a folder")
    foreign = foreign_files(out_dir)
    if foreign and not force:
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise OutputError(f"{out_dir}: holds files the build did not write ({shown}); use an empty folder or --force")


@contextlib.contextmanager
def build_lock(out_dir: Path):
    """One build at a time into one output folder; a second one stops in one line."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    path = out_dir.parent / f".{out_dir.name}.lock"
    handle = path.open("a")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise OutputError(f"{out_dir}: another build is writing it; try again when it is done") from exc
        yield
    finally:
        handle.close()


def recover(out_dir: Path) -> None:
    """Finish or undo what a killed build left: a previous package put aside and never replaced is
    restored; one that was replaced is removed; half-written staging folders are removed."""
    backup = out_dir.with_name(f".{out_dir.name}.previous")
    if backup.exists():
        if out_dir.exists():
            shutil.rmtree(backup, ignore_errors=True)
        else:
            backup.rename(out_dir)
    for stale in out_dir.parent.glob(f".build-{out_dir.name}-*"):
        shutil.rmtree(stale, ignore_errors=True)


def write_package(
    rows: dict[str, list[dict]], out_dir: Path, descriptor_path: Path, docs_dir: Path, meta: dict
) -> None:
    """Build, validate, then replace ``out_dir`` (with its descriptor and docs when they live in it)
    in one rename; the project's own build also replaces ``datapackage.json`` and the docs beside it.
    A kill at any instant leaves the old or the new package, and the next run tidies up."""
    with build_lock(out_dir):
        recover(out_dir)
        staging, files = stage(rows, out_dir.parent, meta, out_dir.name)
        final_descriptor = descriptor_bytes(files, rows["documents"], relative_prefix(out_dir, descriptor_path), meta)
        inside = descriptor_path.parent.resolve() == out_dir.resolve()
        if inside:
            (staging / "datapackage.json").write_bytes(final_descriptor)
        else:
            (staging / "datapackage.json").unlink()
        docs = render_docs(rows, meta)
        if docs_dir.resolve().parent == out_dir.resolve():
            for name, data in docs.items():
                (staging / docs_dir.name).mkdir(exist_ok=True)
                (staging / docs_dir.name / name).write_bytes(data)
            docs = {}
        backup = out_dir.with_name(f".{out_dir.name}.previous")
        if out_dir.exists():
            for name in foreign_files(out_dir):  # --force: the user's own files stay with the package
                shutil.move(str(out_dir / name), str(staging / name))
            out_dir.rename(backup)
        staging.rename(out_dir)
        if not inside:
            _replace_file(descriptor_path, final_descriptor)
        for name, data in docs.items():
            _replace_file(docs_dir / name, data)
        shutil.rmtree(backup, ignore_errors=True)


def differences(
    rows: dict[str, list[dict]], out_dir: Path, descriptor_path: Path, docs_dir: Path, meta: dict
) -> list[str]:
    """Rebuild (and validate) in a temporary folder; list the files that differ from those on disk."""
    staging, files = stage(rows, Path(tempfile.gettempdir()), meta)
    shutil.rmtree(staging, ignore_errors=True)
    expected = {out_dir / relative: data for relative, data in files.items()}
    expected[descriptor_path] = descriptor_bytes(
        files, rows["documents"], relative_prefix(out_dir, descriptor_path), meta
    )
    expected.update({docs_dir / name: data for name, data in render_docs(rows, meta).items()})
    changed = [str(path) for path, data in sorted(expected.items()) if not path.exists() or path.read_bytes() != data]
    on_disk = {p for p in out_dir.rglob("*") if p.is_file()} if out_dir.exists() else set()
    changed += [f"{path} (not written by the build)" for path in sorted(on_disk - set(expected))]
    return changed
