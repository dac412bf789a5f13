"""Stage 7 (I/O edge): rows -> CSV + Parquet + datapackage.json, validated, then swapped in.

Everything is written into a temporary folder beside the output and validated with frictionless
(foreign keys included) before it replaces the previous output, so a failed build leaves the
previous data untouched. Output bytes depend only on the rows: sorted rows, fixed column order, no
timestamps, fixed Parquet settings, UTF-8 CSV without BOM and with ``\\n`` line ends.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import columnar, docs, formats
from .columnar import Tables
from .descriptor_check import GONE, DescriptorCheck
from .package import ResourceFile, descriptor
from .schema import TABLES, columns, table_schema

PARQUET_TYPES = {**columnar.MEMORY_TYPES, "date": pa.date32()}


class ValidationError(Exception):
    """The package written does not validate; the message lists the first errors."""


@dataclass(frozen=True)
class Written:
    """What the descriptor says of a file: its size and digest, taken as it was written."""

    bytes: int
    sha256: str


class _HashingFile:
    """A binary file that counts and hashes what is written, so nothing is read back."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = path.open("wb")
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data) -> int:
        self.handle.write(data)
        self.digest.update(data)
        self.size += len(data)
        return len(data)

    def close(self) -> Written:
        self.handle.close()
        return Written(self.size, self.digest.hexdigest())


def write_csv(table: str, data: pa.Table, out) -> None:
    """UTF-8 without BOM, ``\n`` line ends, Python's minimal quoting; written chunk by chunk."""
    out.write((",".join(columns(table)) + "\n").encode("utf-8"))
    for lines in columnar.csv_lines(table, data):
        out.write(columnar.string_array_bytes(lines))


def csv_bytes(table: str, data: pa.Table) -> bytes:
    buffer = io.BytesIO()
    write_csv(table, data, buffer)
    return buffer.getvalue()


def parquet_table(table: str, data: pa.Table) -> pa.Table:
    fields = table_schema(table)["fields"]
    schema = pa.schema(
        [
            pa.field(f["name"], PARQUET_TYPES[f["type"]], nullable=not f.get("constraints", {}).get("required", False))
            for f in fields
        ]
    )
    return pa.Table.from_arrays(
        [data[f["name"]].cast(PARQUET_TYPES[f["type"]]).combine_chunks() for f in fields], schema=schema
    )


def write_parquet(table: str, data: pa.Table, out) -> None:
    pq.write_table(
        parquet_table(table, data),
        out,
        compression="zstd",
        compression_level=3,
        use_dictionary=False,
        write_statistics=True,
        version="2.6",
        data_page_version="1.0",
    )


def parquet_bytes(table: str, data: pa.Table) -> bytes:
    buffer = io.BytesIO()
    write_parquet(table, data, buffer)
    return buffer.getvalue()


def total_rows(tables: Tables) -> int:
    return sum(data.num_rows for data in tables.values())


def write_files(
    tables: Tables, folder: Path, meta: dict, meanwhile=None, begun: _Background | None = None
) -> dict[str, Written]:
    """Write every data file of the package into ``folder``; their sizes and digests by relative path.
    ``begun``: the largest tables' database already being written (``Claim.begin_database``)."""
    written: dict[str, Written] = {}

    def put(relative: str, write) -> None:
        out = _HashingFile(folder / relative)
        try:
            write(out)
        finally:
            written[relative] = out.close()

    sqlite_name = f"{meta['name']}.sqlite"
    rest = tuple(t for t in TABLES if t not in formats.SQLITE_SPLIT)
    # Two processes share the inserts (binding a million rows holds the interpreter); the second,
    # its own tables in, waits for the first and copies its part in, SQLite to SQLite, while this
    # process writes the other files.
    if begun is None:
        part = folder / f".{sqlite_name}.part"
        largest = _Background(formats.write_sqlite, tables, part, None, formats.SQLITE_SPLIT)
    else:
        part, largest = begun.args[1], begun
    database = _Background(_write_and_merge, tables, folder / sqlite_name, rest, largest, part)
    try:
        for table in TABLES:
            put(f"csv/{table}.csv", lambda out, table=table: write_csv(table, tables[table], out))
            put(f"parquet/{table}.parquet", lambda out, table=table: out.write(parquet_bytes(table, tables[table])))
        if total_rows(tables) <= formats.XLSX_ROW_LIMIT:
            put(f"{meta['name']}.xlsx", lambda out: out.write(formats.xlsx_bytes(tables, meta)))
        put("datasette-metadata.json", lambda out: out.write(formats.datasette_metadata(meta, meta["name"])))
        if meanwhile is not None:  # work of the caller's done while the database is still written
            meanwhile()
        database.wait()
        largest.reap()
    except BaseException:
        database.stop()  # before the caller removes the folder it writes into
        largest.stop()
        raise
    written[sqlite_name] = file_digest(folder / sqlite_name)
    return written


def _write_and_merge(tables: Tables, path: Path, only: tuple[str, ...], largest: _Background, part: Path) -> None:
    """The tables ``only`` names into ``path``; then, once ``largest`` has written its part, that part
    copied in (run beside the build: the copy and the key check take about a second at 1,000 reports)."""
    formats.write_sqlite(tables, path, None, only)
    largest.wait()
    formats.merge_sqlite(path, part)


class WriterError(OSError):
    """A writer beside the build failed; ``problem`` says how."""

    def __init__(self, problem: str):
        super().__init__(f"could not write the database: {problem}")
        self.problem = problem


@contextlib.contextmanager
def _sigint_held():
    """Ctrl-C held back for a few statements that must not be cut in two, then acted on. Blocking
    the signal holds it in this thread only (another thread may take it, and Python then runs the
    handler here at once), so Python's handler is also replaced by one that notes it."""
    noted: list[int] = []
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, lambda number, frame: noted.append(number))
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
            if noted and callable(previous):
                previous(signal.SIGINT, None)
            elif noted and previous == signal.SIG_DFL:
                raise KeyboardInterrupt


#: Writers started by this process and not yet waited for or stopped: ``_Background.stop_all`` stops
#: them, also one whose starter was interrupted (Ctrl-C) before it could keep hold of it.
_LIVE_WRITERS: set = set()


class _Background:
    """One writer run beside the others: in a forked process where there is fork (the child shares
    the tables without copying them, and binding a million rows into SQLite holds the interpreter,
    so a thread would gain little), else in a thread. Another writer forked after it may ``wait``
    for it (the word comes through the pipe it inherits); its parent then only ``reap``s it."""

    def __init__(self, function, *args):
        self.problem = None
        self.args = args
        self.owner = os.getpid()
        if "fork" in multiprocessing.get_all_start_methods():
            self.receive, send = multiprocessing.Pipe(duplex=False)
            context = multiprocessing.get_context("fork")
            self.worker = context.Process(target=self._child, args=(send, function, *args), daemon=True)
            # A Ctrl-C during the fork would be swallowed by an at-fork handler: hold it until after
            # (the child keeps it held, and is stopped by the parent).
            with _sigint_held():
                self.worker.start()
                _LIVE_WRITERS.add(self)
        else:
            self.receive = None
            self.worker = threading.Thread(target=self._thread, args=(function, *args), daemon=True)
            self.worker.start()
            _LIVE_WRITERS.add(self)

    @classmethod
    def stop_all(cls) -> None:
        """Stop every writer this process started and still runs (before its folder is removed)."""
        for writer in [w for w in _LIVE_WRITERS if w.owner == os.getpid()]:
            writer.stop()

    @staticmethod
    def _child(send, function, *args) -> None:
        try:
            function(*args)
            send.send(None)
        except BaseException as exc:  # reported to the parent, which says it in one line
            send.send(_problem(exc))

    def _thread(self, function, *args) -> None:
        try:
            function(*args)
        except BaseException as exc:
            self.problem = _problem(exc)

    def wait(self) -> None:
        if self.receive is not None:
            try:
                problem = self.receive.recv()
            except EOFError:  # the child died without a word (killed, out of memory)
                problem = None if os.getpid() == self.owner else "the writer process ended without a word"
            if os.getpid() == self.owner:
                problem = problem or self._ended()
        else:
            self.worker.join()
            _LIVE_WRITERS.discard(self)
            problem = self.problem
        if problem:
            raise WriterError(problem)

    def reap(self) -> None:
        """The parent's end of a writer another writer has waited for: the process gone, its exit checked."""
        if self.receive is None:
            self.worker.join()
            _LIVE_WRITERS.discard(self)
        problem = self._ended() if self.receive is not None else self.problem
        if problem:
            raise WriterError(problem)

    def _ended(self) -> str | None:
        self.worker.join()
        _LIVE_WRITERS.discard(self)
        return f"the writer process ended with exit code {self.worker.exitcode}" if self.worker.exitcode else None

    def stop(self) -> None:
        if self.receive is not None:
            self.worker.terminate()
        self.worker.join()
        _LIVE_WRITERS.discard(self)


def _problem(exc: BaseException) -> str:
    return exc.problem if isinstance(exc, WriterError) else f"{type(exc).__name__}: {exc}"


def file_digest(path: Path) -> Written:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return Written(size, digest.hexdigest())


def render_docs(tables: Tables, meta: dict) -> dict[str, bytes]:
    """The generated documentation: data dictionary and report, by file name."""
    return {
        "data-dictionary.md": docs.data_dictionary(meta).encode("utf-8"),
        "report.html": docs.report_html(tables, meta, meta.get("measured_quality", [])).encode("utf-8"),
        "targets-by-category.svg": docs.category_chart(tables).encode("utf-8"),
    }


def descriptor_bytes(files: dict[str, Written], documents: list[dict], prefix: str, meta: dict) -> bytes:
    resources = []
    for table in TABLES:
        for fmt, ext in (("csv", "csv"), ("parquet", "parquet")):
            file = files[f"{ext}/{table}.{ext}"]
            resources.append(ResourceFile(table, fmt, f"{prefix}{ext}/{table}.{ext}", file.bytes, file.sha256))
    downloads = [
        {
            "path": f"{prefix}{name}",
            "format": name.rsplit(".", 1)[-1],
            "bytes": files[name].bytes,
            "hash": f"sha256:{files[name].sha256}",
        }
        for name in sorted(files)
        if "/" not in name
    ]
    text = json.dumps(descriptor(resources, documents, meta, downloads), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def relative_prefix(out_dir: Path, descriptor_path: Path) -> str:
    rel = os.path.relpath(out_dir.resolve(), descriptor_path.resolve().parent)
    return "" if rel == "." else rel.replace(os.sep, "/") + "/"


def validate(
    descriptor_path: Path, tables: Tables | None = None, checked: bool = False, check: DescriptorCheck | None = None
) -> None:
    """With ``tables`` (a build): every row by ``columnar.problems`` (unless ``checked``, when the
    caller has just run that check on these very tables), then frictionless reads and validates the
    descriptor (in ``check``'s process when there is one). Without (the tests): frictionless over
    every row of every file, foreign keys included."""
    if tables is not None and not checked:
        problems = columnar.problems(tables)
        if problems:
            more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ValidationError("; ".join(problems[:5]) + more)
    answer = check.answer(descriptor_path) if tables is not None and check is not None else GONE
    if answer is not GONE:
        if answer is not None:
            raise ValidationError(f"datapackage.json: {answer}")
        return
    from frictionless import FrictionlessException, Package, system

    with system.use_context(trusted=True):
        try:
            package = Package(str(descriptor_path))  # raises on a descriptor that is not valid
        except FrictionlessException as exc:
            raise ValidationError(f"datapackage.json: {exc}") from exc
        if tables is not None:
            return
        report = package.validate()
    if not report.valid:
        errors = [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors]
        errors += [f"package: {error.type}: {error.message}" for error in report.errors]
        raise ValidationError("; ".join(errors[:5]) + (f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""))


def stage(
    tables: Tables,
    parent: Path,
    meta: dict,
    label: str = "package",
    checked: bool = False,
    check: DescriptorCheck | None = None,
    begun: _Background | None = None,
) -> tuple[Path, dict[str, Written], dict[str, bytes]]:
    """Write the package into a new temporary folder under ``parent`` and validate it there; the
    generated docs are rendered while the database is written."""
    pages: dict[str, bytes] = {}
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".build-{label}-", dir=parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder is not
    try:
        files = write_files(tables, staging, meta, lambda: pages.update(render_docs(tables, meta)), begun)
        documents = tables["documents"].to_pylist()
        (staging / "datapackage.json").write_bytes(descriptor_bytes(files, documents, "", meta))
        validate(staging / "datapackage.json", tables, checked, check)
    except BaseException:
        _Background.stop_all()  # a writer a Ctrl-C left unheld would write on into the folder
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, files, pages


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


class Claim:
    """A build's hold on its output folder from before its reports are read until the package is in
    place: the lock (one build at a time), what a killed run left tidied up, and a private folder
    beside the output where the largest tables' database can be begun as soon as the reports' rows
    are combined. On two cores those inserts then overlap the derived tables and the check, which
    run on one. Leaving the claim stops that writer and removes the folder."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.database: _Background | None = None
        self._lock = build_lock(out_dir)
        self._folder: Path | None = None

    def __enter__(self) -> Claim:
        self._lock.__enter__()
        try:
            recover(self.out_dir)
            # a Ctrl-C between making the folder and keeping its name would leave it behind: held
            # until the name is kept, then raised here, where the folder is removed
            with _sigint_held():
                self._folder = Path(tempfile.mkdtemp(prefix=f".build-{self.out_dir.name}-", dir=self.out_dir.parent))
        except BaseException:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
            self._lock.__exit__(None, None, None)
            raise
        return self

    def begin_database(self, tables: Tables) -> None:
        """(Re)start writing ``formats.SQLITE_SPLIT`` of ``tables`` (rows combined, derived tables
        not yet added); called again when the rows change."""
        self.stop_database()
        part = self._folder / "largest.sqlite.part"
        self.database = _Background(formats.write_sqlite, tables, part, None, formats.SQLITE_SPLIT)

    def stop_database(self) -> None:
        if self.database is not None:
            self.database.stop()
            self.database = None

    def __exit__(self, *exc) -> None:
        try:
            self.stop_database()
            _Background.stop_all()  # also one a Ctrl-C interrupted before it was held
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
        finally:
            self._lock.__exit__(*exc)


def write_package(
    tables: Tables,
    out_dir: Path,
    descriptor_path: Path,
    docs_dir: Path,
    meta: dict,
    checked: bool = False,
    check: DescriptorCheck | None = None,
    claim: Claim | None = None,
) -> None:
    """Build, validate, then replace ``out_dir`` (with its descriptor and docs when they live in it)
    in one rename; the project's own build also replaces ``datapackage.json`` and the docs beside it.
    A kill at any instant leaves the old or the new package, and the next run tidies up. Under a
    ``claim`` of ``out_dir`` (held by the caller) its database, if begun, is finished and used."""
    with contextlib.nullcontext(claim) if claim is not None else Claim(out_dir) as claim:
        staging, files, pages = stage(tables, out_dir.parent, meta, out_dir.name, checked, check, claim.database)
        claim.database = None  # stage waited for it, or stopped it
        documents = tables["documents"].to_pylist()
        final_descriptor = descriptor_bytes(files, documents, relative_prefix(out_dir, descriptor_path), meta)
        inside = descriptor_path.parent.resolve() == out_dir.resolve()
        if inside:
            (staging / "datapackage.json").write_bytes(final_descriptor)
        else:
            (staging / "datapackage.json").unlink()
        if docs_dir.resolve().parent == out_dir.resolve():
            for name, data in pages.items():
                (staging / docs_dir.name).mkdir(exist_ok=True)
                (staging / docs_dir.name / name).write_bytes(data)
            pages = {}
        backup = out_dir.with_name(f".{out_dir.name}.previous")
        if out_dir.exists():
            for name in foreign_files(out_dir):  # --force: the user's own files stay with the package
                shutil.move(str(out_dir / name), str(staging / name))
            out_dir.rename(backup)
        staging.rename(out_dir)
        if not inside:
            _replace_file(descriptor_path, final_descriptor)
        for name, data in pages.items():
            _replace_file(docs_dir / name, data)
        shutil.rmtree(backup, ignore_errors=True)


def differences(
    tables: Tables,
    out_dir: Path,
    descriptor_path: Path,
    docs_dir: Path,
    meta: dict,
    checked: bool = False,
    check: DescriptorCheck | None = None,
) -> list[str]:
    """Rebuild (and validate) in a temporary folder; list the files that differ from those on disk."""
    staging, files, pages = stage(tables, Path(tempfile.gettempdir()), meta, checked=checked, check=check)
    shutil.rmtree(staging, ignore_errors=True)
    expected: dict[Path, Written] = {out_dir / relative: digest for relative, digest in files.items()}
    documents = tables["documents"].to_pylist()
    generated = {descriptor_path: descriptor_bytes(files, documents, relative_prefix(out_dir, descriptor_path), meta)}
    generated.update({docs_dir / name: data for name, data in pages.items()})
    expected.update({path: Written(len(data), hashlib.sha256(data).hexdigest()) for path, data in generated.items()})
    changed = [str(path) for path, digest in sorted(expected.items()) if _on_disk(path) != digest]
    on_disk = {p for p in out_dir.rglob("*") if p.is_file()} if out_dir.exists() else set()
    changed += [f"{path} (not written by the build)" for path in sorted(on_disk - set(expected))]
    return changed


def _on_disk(path: Path) -> Written | None:
    try:
        return file_digest(path)
    except OSError:  # missing or unreadable: it differs
        return None
