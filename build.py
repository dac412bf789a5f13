"""Build the dataset: raw reports -> validated CSV + Parquet tables and datapackage.json.

    python build.py                         # raw/ -> data/ and datapackage.json
    python build.py --raw DIR --out DIR     # any folder of reports -> DIR/{csv,parquet}, DIR/datapackage.json
    python build.py --check                 # fail if data/ and datapackage.json are not what a build writes

Exit code 0 on success; on bad input, one line naming the file and the problem, exit code 1, and the
previous outputs untouched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from govreports.metadata import InputError, read_sources  # noqa: E402
from govreports.pipeline import extract_document  # noqa: E402
from govreports.tables import rows_by_table  # noqa: E402
from govreports.writer import ValidationError, differences, write_package  # noqa: E402


def build_rows(raw_dir: Path) -> dict[str, list[dict]]:
    return rows_by_table([extract_document(source) for source in read_sources(raw_dir)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the government work report dataset.")
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="folder of raw .txt reports (default: raw/)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: data/)")
    parser.add_argument("--check", action="store_true", help="rebuild in a temporary folder and compare")
    args = parser.parse_args(argv)
    out_dir = (args.out or ROOT / "data").resolve()
    descriptor = ROOT / "datapackage.json" if args.out is None else out_dir / "datapackage.json"
    try:
        rows = build_rows(args.raw)
        if args.check:
            changed = differences(rows, out_dir, descriptor)
            if changed:
                print(
                    f"build.py --check: {len(changed)} file(s) differ from a fresh build: {', '.join(changed)}",
                    file=sys.stderr,
                )
                return 1
            print("build.py --check: outputs are current")
            return 0
        write_package(rows, out_dir, descriptor)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"error: the package did not validate, nothing was replaced: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{table} {len(table_rows)}" for table, table_rows in rows.items())
    print(f"wrote {out_dir} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
