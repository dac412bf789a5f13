"""Build the dataset: raw reports -> validated CSV + Parquet tables and datapackage.json.

    python build.py                         # raw/ -> data/ and datapackage.json
    python build.py --raw DIR --out DIR     # any folder of reports -> DIR/{csv,parquet}, DIR/datapackage.json
    python build.py --check                 # fail if data/ and datapackage.json are not what a build writes

A report that cannot be read or processed is skipped: one line on stderr names the file and the
problem, the report is a ``documents`` row with status ``skipped``, and every other report is built
and published. ``--strict`` (used for the project's own raw/) stops at the first such problem.

Exit codes: 0 every report built; 3 the package was written but some reports were skipped;
1 nothing was written (a folder or registry that cannot be read, a problem under --strict, a
package that does not validate); 2 bad command-line arguments. On 1 the previous outputs are untouched.
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FAILED, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 3, 130

try:  # Ctrl-C while the libraries load: one line too, never a traceback
    import argparse
    import contextlib
    import json
    from dataclasses import replace
    from pathlib import Path

    ROOT = Path(__file__).resolve().parent
    sys.path.insert(0, str(ROOT))

    from govreports.descriptor_check import DescriptorCheck

    # Forked before the heavy imports: frictionless loads on the other core while this process
    # loads the rest and reads the reports (see govreports/descriptor_check.py).
    DESCRIPTOR_CHECK = DescriptorCheck() if __name__ == "__main__" else None

    from govreports import columnar, workers
    from govreports.columnar import Tables
    from govreports.metadata import InputError, SkippedSource, SourceFile, scan_sources, skipped_document
    from govreports.package import corpus_metadata, project_metadata
    from govreports.pipeline import document_tables
    from govreports.records import Extraction
    from govreports.release import write_release
    from govreports.tables import combine, extraction_tables, with_derived
    from govreports.writer import Claim, OutputError, ValidationError, check_output, differences, write_package
except KeyboardInterrupt:
    sys.stderr.write("interrupted: nothing was replaced\n")
    sys.exit(EXIT_INTERRUPTED)

IGNORED: list[str] = []  # files of the last scanned folder that are not reports


def _extracted(sources: list[SourceFile], jobs: int):
    """Each report's tables or problem, in order; with ``jobs`` > 1 in worker processes (the same
    result). Results are consumed as they come, so only columns, never row dicts, pile up."""
    if jobs <= 1 or len(sources) < 2:
        yield from map(document_tables, sources)
        return
    from concurrent.futures import ProcessPoolExecutor

    workers.prepare()
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=workers.start)
    try:
        # Small chunks: a worker left with a big last chunk while the other idles cost seconds.
        for packed, problem in executor.map(workers.report_ipc, sources, chunksize=2):
            yield (columnar.from_ipc(packed) if packed is not None else None), problem
    finally:
        executor.shutdown(cancel_futures=True)


def build_tables(
    raw_dir: Path, strict: bool = False, jobs: int = 1, claim: Claim | None = None
) -> tuple[Tables, list[SkippedSource]]:
    """Tables of every report that builds, plus the reports skipped (``strict``: raise on the first).

    Every row of the result has been checked against its schema in one vectorised pass: a report
    whose rows break one is skipped and the rest assembled again; a problem no report can be blamed
    for raises ``ValidationError``. With the ``claim`` of an output folder, its database is begun
    from each round's combined rows."""
    scan = scan_sources(raw_dir)
    IGNORED[:] = scan.ignored
    skipped = list(scan.skipped)
    if strict and skipped:
        raise InputError(skipped[0].message)
    built: dict[str, tuple[SourceFile, Tables]] = {}
    for source, (tables, problem) in zip(scan.sources, _extracted(scan.sources, jobs), strict=True):
        if problem is None and source.doc_id not in built:
            built[source.doc_id] = (source, tables)
            continue
        problem = problem or f"duplicate doc_id {source.doc_id!r}"
        failed = SkippedSource(source.path, source.doc_id, problem, source.sha256, len(source.raw))
        if strict:
            raise InputError(failed.message)
        skipped.append(failed)
    while True:  # ends: each round skips at least one report
        combined = _combined([tables for _, tables in built.values()], skipped)
        if claim is not None:
            claim.begin_database(combined)
        tables = with_derived(combined)
        violations = columnar.violations(tables)
        blamed = {doc_id: m for doc_id, m in columnar.blame(tables, violations).items() if doc_id in built}
        if not blamed:
            break
        for doc_id, problem in blamed.items():
            source, _ = built.pop(doc_id)
            problem = f"made rows that break the table schemas: {problem}"
            failed = SkippedSource(source.path, doc_id, problem, source.sha256, len(source.raw))
            if strict:
                raise InputError(failed.message)
            skipped.append(failed)
    if violations:
        raise ValidationError("; ".join(v.message for v in violations[:5]))
    return tables, skipped


def _combined(per_document: list[Tables], skipped: list[SkippedSource]) -> Tables:
    """The reports' tables and a ``documents`` row for each skipped one (no derived tables yet)."""
    used = {doc_id for tables in per_document for doc_id in tables["documents"]["doc_id"].to_pylist()}
    rows = list(per_document)
    for failed in skipped:
        document = skipped_document(failed)
        doc_id, n = document.doc_id, 1
        while doc_id in used:  # a duplicate doc_id is itself the problem; keep its row distinct
            n += 1
            doc_id = f"{document.doc_id}~{n}"
        used.add(doc_id)
        rows.append(extraction_tables(Extraction(replace(document, doc_id=doc_id), "")))
    return combine(rows)


def main(argv: list[str] | None = None, check: DescriptorCheck | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the government work report dataset.")
    parser.add_argument(
        "command",
        nargs="?",
        choices=["release"],
        help="release: check data/ is current, then write dist/<name>-<version>.zip",
    )
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="folder of raw .txt reports (default: raw/)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: data/)")
    parser.add_argument("--check", action="store_true", help="rebuild in a temporary folder and compare")
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first report that cannot be built (default for raw/)"
    )
    parser.add_argument(
        "--force", action="store_true", help="write into an output folder that holds other files (they are kept)"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="worker processes for the per-report stages (the output is the same)"
    )
    parser.add_argument(
        "--metadata",
        type=Path,
        default=None,
        help="JSON file of package metadata (name, title, description, keywords …) for a --raw build; "
        "by default such a build describes its own corpus",
    )
    args = parser.parse_args(argv)
    out_dir = (args.out or ROOT / "data").resolve()
    descriptor = ROOT / "datapackage.json" if args.out is None else out_dir / "datapackage.json"
    docs_dir = ROOT / "docs" if args.out is None else out_dir / "docs"
    strict = args.strict or args.out is None  # the project's own release: every report must build
    writes = not args.check and args.command is None
    try:
        if args.out is not None and writes:
            check_output(out_dir, args.raw, args.force)
        with Claim(out_dir) if writes else contextlib.nullcontext() as claim:
            tables, skipped = build_tables(args.raw, strict, args.jobs, claim)
            meta = (
                project_metadata()
                if args.out is None and args.metadata is None
                else corpus_metadata(tables["documents"].to_pylist())
            )
            if args.metadata is not None:
                meta = {**meta, **json.loads(args.metadata.read_text(encoding="utf-8"))}
            if writes:
                write_package(tables, out_dir, descriptor, docs_dir, meta, checked=True, check=check, claim=claim)
        if not writes:
            changed = differences(tables, out_dir, descriptor, docs_dir, meta, checked=True, check=check)
            if changed:
                what = "release: data/ is not current; run make data first" if args.command else "--check"
                print(f"build.py {what}: {len(changed)} file(s) differ: {', '.join(changed)}", file=sys.stderr)
                return EXIT_FAILED
            if args.command == "release":
                print(f"wrote {write_release(ROOT, ROOT / 'dist', meta['name'], meta['version'])}")
                return EXIT_OK
            print("build.py --check: outputs are current")
            return EXIT_OK
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ValidationError as exc:
        print(f"error: the package did not validate, nothing was replaced: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted: nothing was replaced", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = exc.filename or out_dir  # a full disk names no file: the folder being written
        print(f"error: {where}: {exc.strerror or exc}; nothing was replaced", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # never a traceback: one line, and the old outputs stay
        print(
            f"error: {out_dir}: the package could not be written ({type(exc).__name__}: {exc}); nothing was replaced",
            file=sys.stderr,
        )
        return EXIT_FAILED
    for failed in skipped:
        print(f"skipped {failed.message}", file=sys.stderr)
    for line in IGNORED:
        print(f"ignored {line.split(': ', 1)[0]}: {line.split(': ', 1)[1]}", file=sys.stderr)
    counts = ", ".join(f"{table} {data.num_rows}" for table, data in tables.items())
    print(f"wrote {out_dir} ({counts})")
    if skipped:
        print(f"{len(skipped)} report(s) skipped; see documents.status and documents.problem", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


if __name__ == "__main__":
    try:
        sys.exit(main(check=DESCRIPTOR_CHECK))
    except KeyboardInterrupt:  # before or after main's own handler
        sys.stderr.write("interrupted: nothing was replaced\n")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        DESCRIPTOR_CHECK.close()
