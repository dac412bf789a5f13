"""Benchmark the build on synthetic corpora of N full-length reports (a script, not a test).

    .venv/bin/python benchmarks/bench.py              # N = 10, 100, 1000 with --jobs 2
    .venv/bin/python benchmarks/bench.py 10 100 --jobs 1 --stages

Each report is about 20,000 characters made by recombining, with a fixed seed, the paragraphs of
texts the project wrote itself and of our two reports; so the corpus is the same on every run.
Prints per-stage times (with --stages, measured in one process), documents and characters per
second and the peak resident memory of the build and its workers.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
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


STAGES = {
    "read and clean": [(text, "clean_text")],
    "structure and parts": [(structure, "find_headings"), (structure, "build_sections"), (parts, "classify_sentences")],
    "quantities and facts": [(quantities, "candidates"), (facts, "build_facts")],
    "entities": [(entities, "extract_entities")],
    "to tables": [(tables, "extraction_tables")],
    "merge and derive": [(tables, "merge_tables")],
    "write": [(writer, "write_files"), (writer, "render_docs")],
    "validate": [(writer, "validate"), (columnar, "problems")],
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


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--stages", action="store_true", help="per-stage times (implies --jobs 1)")
    args = parser.parse_args()
    spent = instrument() if args.stages else None
    jobs = 1 if args.stages else args.jobs
    print(f"| reports | characters | jobs | wall s | reports/s | chars/s | peak MB |{' stages |' if spent else ''}")
    print(f"| ---: | ---: | ---: | ---: | ---: | ---: | ---: |{' --- |' if spent else ''}")
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            raw = work / "raw"
            raw.mkdir()
            chars = make_corpus(raw, n)
            if spent:
                spent.update(dict.fromkeys(spent, 0.0))
            start = time.perf_counter()
            code = build.main(["--raw", str(raw), "--out", str(work / "out"), "--jobs", str(jobs)])
            wall = time.perf_counter() - start
            assert code in (build.EXIT_OK, build.EXIT_SKIPPED), code
            stages = ""
            if spent:
                stages = " " + ", ".join(f"{k} {v:.1f}" for k, v in spent.items()) + " |"
            print(
                f"| {n} | {chars} | {jobs} | {wall:.1f} | {n / wall:.1f} | {chars / wall:,.0f} | "
                f"{peak_memory_mb():.0f} |{stages}",
                flush=True,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
