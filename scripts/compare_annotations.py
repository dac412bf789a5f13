"""List where two independent gold annotations of one document disagree.

Usage: python scripts/compare_annotations.py A.csv B.csv
Disagreements are reconciled by the rules in docs/ANNOTATION.md and tests/gold/README.md, never by
looking at the extractor's output.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

COMPARED = (
    "number_text",
    "is_fact",
    "table",
    "year",
    "value",
    "value_max",
    "unit",
    "comparator",
    "kind",
    "approximate",
)


def load(path: Path) -> dict[int, dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["char_start"]): row for row in csv.DictReader(handle)}


def normalised(row: dict, column: str) -> str:
    value = (row.get(column) or "").strip()
    if row.get("is_fact") != "true" and column not in ("number_text", "is_fact"):
        return ""
    if column in ("value", "value_max") and value:
        return f"{float(value):g}"
    return value


def main(a_path: str, b_path: str) -> int:
    a, b = load(Path(a_path)), load(Path(b_path))
    raw_doc = next(iter(a.values()))["doc_id"]
    raw = Path("raw", f"{raw_doc}.txt")
    text = raw.read_text(encoding="utf-8") if raw.exists() else ""
    disagreements = 0
    for start in sorted(set(a) | set(b)):
        left, right = a.get(start), b.get(start)
        context = text[max(0, start - 12) : start + 12].replace("\n", "⏎")
        if left is None or right is None:
            only = "A" if right is None else "B"
            row = left or right
            reason = row.get("reason", "")
            print(f"{start:5d} only {only}: {row['number_text']} fact={row['is_fact']} {reason} | {context}")
            disagreements += 1
            continue
        diffs = [
            f"{c}: {normalised(left, c)!r} vs {normalised(right, c)!r}"
            for c in COMPARED
            if normalised(left, c) != normalised(right, c)
        ]
        if diffs:
            print(f"{start:5d} {left['number_text']}: " + "; ".join(diffs) + f" | {context}")
            disagreements += 1
    print(f"{disagreements} disagreements over {len(set(a) | set(b))} numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
