"""Benchmark the build on synthetic corpora of N full-length reports (a script, not a test).

    .venv/bin/python benchmarks/bench.py              # N = 10, 100, 1000 with --jobs 2
    .venv/bin/python benchmarks/bench.py 10 100 --jobs 1 --stages
    .venv/bin/python benchmarks/bench.py --single 1 10 50     # one report of 1, 10 and 50 MB
    .venv/bin/python benchmarks/bench.py --own        # our two reports against the bare library import
    .venv/bin/python benchmarks/bench.py 1000 --from ../shared/real/raw --min-chars 10000
                                             # N reports cycling through the reports of a folder

Each report is about 20,000 characters made by recombining, with a fixed seed, the paragraphs of
texts the project wrote itself and of our two reports; so the corpus is the same on every run.
Each build runs as ``build.py`` in a process of its own, as a user runs it (library imports
included), and its peak resident memory is that process's or its largest worker's. Prints per-stage
times (with --stages, measured in one process instead), documents and characters per second.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build  # noqa: E402
from govreports import (  # noqa: E402
    columnar,
    entities,
    facts,
    parts,
    pipeline,
    quantities,
    structure,
    tables,
    text,
    writer,
)

SOURCES = [*sorted((ROOT / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "gold").glob("*/raw/*.txt"))]
HEADER = "{region}政府工作报告\n（{year}年1月{day}日在{region}第五届人民代表大会第{n}次会议上）\n\n"


def paragraphs() -> list[str]:
    found = []
    for path in SOURCES:
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 20]
    return found


def make_corpus(folder: Path, n: int, size: int = 20_000, seed: int = 2026) -> int:
    rng = random.Random(seed)
    pool = paragraphs()
    total = 0
    for i in range(n):
        year = 2015 + i % 12
        body = HEADER.format(region=f"样例{i:04d}区", year=year, day=1 + i % 28, n=1 + i % 5)
        chosen = rng.sample(pool, len(pool))
        for paragraph in chosen:
            if len(body) >= size:
                break
            body += paragraph + "\n\n"
        (folder / f"report-{i:04d}.txt").write_text(body, encoding="utf-8")
        total += len(body)
    return total


def make_copies(folder: Path, n: int, source: Path, min_chars: int = 0) -> int:
    """N reports cycling through the ``.txt`` reports of ``source`` that have at least ``min_chars``
    characters (a folder of real reports, read where it lies and copied only into the temporary
    corpus), each under a name of its own."""
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(source.glob("*.txt"))]
    texts = [(name, text) for name, text in texts if len(text) >= min_chars]
    if not texts:
        raise SystemExit(f"{source}: no .txt report of at least {min_chars} characters")
    total = 0
    for i in range(n):
        name, text = texts[i % len(texts)]
        (folder / f"copy-{i:04d}-{name}").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def figures_per_thousand(raw: Path, out: Path) -> float:
    """Rows of targets and achievements per 1,000 characters of the reports built."""
    import pyarrow.parquet as pq

    figures = sum(pq.read_metadata(out / "parquet" / f"{t}.parquet").num_rows for t in ("targets", "achievements"))
    characters = sum(len(path.read_text(encoding="utf-8")) for path in raw.iterdir())
    return 1000 * figures / characters


def make_single(folder: Path, megabytes: float, seed: int = 2026) -> int:
    """One report of about ``megabytes`` of UTF-8: paragraphs recombined, their digits redrawn so
    that copies differ the way the paragraphs of a real long report do."""
    rng = random.Random(seed)
    pool = paragraphs()
    parts = [HEADER.format(region="样例长篇区", year=2025, day=9, n=3)]
    size = len(parts[0].encode("utf-8"))
    while size < megabytes * 1_000_000:
        paragraph = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in rng.choice(pool)) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    text = "".join(parts)
    (folder / "long-report.txt").write_text(text, encoding="utf-8")
    return len(text)


def run_build(raw: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """build.py in a process of its own: wall seconds, peak resident megabytes, and CPU seconds of the
    build and every process it started (workers, writers, the descriptor check: all waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out), "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode in (build.EXIT_OK, build.EXIT_SKIPPED), process.returncode
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


#: What the build imports beyond the standard library (pyarrow brings pandas in on its first array).
LIBRARIES = "import pyarrow, pyarrow.parquet, pyarrow.compute, pandas, frictionless, cn2an, charset_normalizer, sqlite3"
#: The same without cn2an (a quarter of a second: it compiles its patterns as it is imported), which
#: the bare import left out until 2026-12-03; printed too, so that ratios stay comparable over time.
LIBRARIES_BEFORE = LIBRARIES.replace(" cn2an,", "")


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def own_ratio(repeats: int = 5) -> None:
    """Our two reports built (``build.py --out``, a process each time) against the bare import of
    the build's libraries, measured alternately in one run; medians."""
    imports, before, builds = [], [], []
    with tempfile.TemporaryDirectory() as work:
        for _ in range(repeats):
            imports.append(_seconds([sys.executable, "-c", LIBRARIES]))
            before.append(_seconds([sys.executable, "-c", LIBRARIES_BEFORE]))
            builds.append(run_build(ROOT / "raw", Path(work) / "out", 1)[0])
    bare, bare_before, built = statistics.median(imports), statistics.median(before), statistics.median(builds)
    print("| bare import s | build of our two reports s | ratio | bare import without cn2an s | ratio to it |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {bare:.2f} | {built:.2f} | {built / bare:.2f} | {bare_before:.2f} | {built / bare_before:.2f} |")


STAGES = {
    "read and clean": [(text, "clean_text")],
    "structure and parts": [(structure, "find_headings"), (structure, "build_sections"), (parts, "classify_sentences")],
    "quantities and facts": [(quantities, "candidates"), (facts, "build_facts")],
    "entities": [(entities, "extract_entities")],
    "to tables": [(tables, "extraction_tables")],
    "merge and derive": [(tables, "combine"), (tables, "with_derived")],
    "write": [(writer, "write_files"), (writer, "render_docs")],
    "validate": [(writer, "validate"), (columnar, "violations")],
}


def instrument() -> dict[str, float]:
    spent = dict.fromkeys(STAGES, 0.0)
    for stage, targets in STAGES.items():
        for module, name in targets:
            original = getattr(module, name)

            def timed(*args, _original=original, _stage=stage, **kwargs):
                start = time.perf_counter()
                try:
                    return _original(*args, **kwargs)
                finally:
                    spent[_stage] += time.perf_counter() - start

            setattr(module, name, timed)
            for other in (pipeline, build, writer, facts, entities, tables):  # names imported into other modules
                if getattr(other, name, None) is original:
                    setattr(other, name, timed)
    return spent


def reference_seconds() -> float:
    """A fixed pure-Python workload (10**7 additions in a loop), best of three: the same machine kind
    runs at different speeds from day to day, and this says how fast it ran when the table was made."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    model = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "unknown CPU")
    return f"machine: {model}, {os.cpu_count()} cores; reference loop {reference_seconds():.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--stages", action="store_true", help="per-stage times (implies --jobs 1)")
    parser.add_argument("--single", nargs="+", type=float, help="instead: one report of each of these sizes in MB")
    parser.add_argument("--own", action="store_true", help="instead: our two reports against the bare import")
    parser.add_argument("--from", dest="source", type=Path, help="instead: N reports cycling through this folder's")
    parser.add_argument("--min-chars", type=int, default=0, help="with --from: only reports at least this long")
    args = parser.parse_args()
    if args.own:
        print(machine(), flush=True)
        own_ratio()
        return
    spent = instrument() if args.stages else None
    jobs = 1 if args.stages else args.jobs
    print(machine(), flush=True)
    print(
        f"| reports | characters | jobs | wall s | CPU s | reports/s | chars/s | peak MB | figures per 1,000 chars |"
        f"{' stages |' if spent else ''}"
    )
    print(f"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |{' --- |' if spent else ''}")
    runs = [("1 of " + f"{mb:g} MB", mb) for mb in args.single] if args.single else [(str(n), n) for n in args.sizes]
    for label, size in runs:
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            raw = work / "raw"
            raw.mkdir()
            if args.single:
                chars = make_single(raw, size)
            elif args.source:
                chars = make_copies(raw, int(size), args.source, args.min_chars)
            else:
                chars = make_corpus(raw, int(size))
            n = 1 if args.single else int(size)
            stages = ""
            if spent:
                spent.update(dict.fromkeys(spent, 0.0))
                start, cpu = time.perf_counter(), time.process_time()
                code = build.main(["--raw", str(raw), "--out", str(work / "out"), "--jobs", "1"])
                wall, cpu = time.perf_counter() - start, time.process_time() - cpu
                assert code in (build.EXIT_OK, build.EXIT_SKIPPED), code
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                stages = " " + ", ".join(f"{k} {v:.1f}" for k, v in spent.items()) + " |"
            else:
                wall, peak, cpu = run_build(raw, work / "out", jobs)
            print(
                f"| {label} | {chars:,} | {jobs} | {wall:.1f} | {cpu:.1f} | {n / wall:.1f} | {chars / wall:,.0f} | "
                f"{peak:.0f} | {figures_per_thousand(raw, work / 'out'):.1f} |{stages}",
                flush=True,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
