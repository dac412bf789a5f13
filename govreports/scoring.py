"""Score extracted facts against a hand-annotated gold set.

A row matches a gold fact when document, table and value agree and the row's quote holds the gold
number (its raw span lies inside the quote's span); each gold fact matches at most one row. Field
accuracy is the share of matched rows whose unit as printed, year and comparator all agree.

Run ``python -m govreports.scoring`` (our two reports) or
``python -m govreports.scoring --gold tests/gold/generalization/facts.csv --raw tests/gold/generalization/raw``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .metadata import read_sources
from .pipeline import extract_document
from .records import Fact

TABLES = ("targets", "achievements")


@dataclass(frozen=True)
class GoldFact:
    doc_id: str
    table: str
    start: int
    end: int
    number_text: str
    value: float
    unit: str
    year: int
    comparator: str


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields_ok: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)
    field_errors: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def field_accuracy(self) -> float:
        return self.fields_ok / self.matched if self.matched else 1.0

    def add(self, other: Score) -> None:
        for name in ("gold", "predicted", "matched", "fields_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.extras += other.extras
        self.field_errors += other.field_errors


def load_gold(path: Path) -> list[GoldFact]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            GoldFact(
                r["doc_id"],
                r["table"],
                int(r["char_start"]),
                int(r["char_end"]),
                r["number_text"],
                float(r["value"]),
                r["unit"],
                int(r["year"]),
                r["comparator"],
            )
            for r in csv.DictReader(handle)
            if r["is_fact"] == "true"
        ]


def score_document(gold: list[GoldFact], rows: list[Fact], table: str) -> Score:
    score = Score()
    wanted = [g for g in gold if g.table == table]
    predicted = [r for r in rows if r.table == table]
    score.gold, score.predicted = len(wanted), len(predicted)
    used: set[str] = set()
    for g in wanted:
        candidates = [
            r
            for r in predicted
            if r.id not in used and abs(r.value - g.value) < 1e-9 and r.char_start <= g.start and g.end <= r.char_end
        ]
        if not candidates:
            score.misses.append(g)
            continue
        best = min(candidates, key=lambda r: (abs(r.number_start - g.start), r.id))
        used.add(best.id)
        score.matched += 1
        if (best.unit or "", best.year, best.comparator) == (g.unit or "", g.year, g.comparator):
            score.fields_ok += 1
        else:
            score.field_errors.append((g, best))
    score.extras = [r for r in predicted if r.id not in used]
    return score


def score_folder(gold_path: Path, raw_dir: Path) -> dict[tuple[str, str], Score]:
    gold = load_gold(gold_path)
    results: dict[tuple[str, str], Score] = {}
    for source in read_sources(raw_dir):
        doc_gold = [g for g in gold if g.doc_id == source.doc_id]
        rows = extract_document(source).facts
        for table in TABLES:
            results[(source.doc_id, table)] = score_document(doc_gold, rows, table)
    return results


def totals(results: dict[tuple[str, str], Score]) -> dict[str, Score]:
    combined = {table: Score() for table in TABLES}
    for (_, table), score in results.items():
        combined[table].add(score)
    return combined


def score_line(label: str, table: str, s: Score) -> str:
    return (
        f"{label:28} {table:13} {s.gold:5d} {s.predicted:5d} {s.precision:6.3f} {s.recall:6.3f} {s.field_accuracy:6.3f}"
    )


def report(results: dict[tuple[str, str], Score], verbose: bool = False) -> str:
    lines = [f"{'document':28} {'table':13} {'gold':>5} {'rows':>5} {'P':>6} {'R':>6} {'fields':>6}"]
    for (doc_id, table), s in sorted(results.items()):
        if s.gold or s.predicted:
            lines.append(score_line(doc_id, table, s))
    for table, s in totals(results).items():
        lines.append(score_line("ALL", table, s))
    if verbose:
        for s in results.values():
            lines += [f"  miss  {g.doc_id} {g.table} {g.number_text}@{g.start} {g.unit} {g.year}" for g in s.misses]
            lines += [
                f"  extra {r.doc_id} {r.table} {r.number_text}@{r.number_start} {r.unit} {r.year} | {r.quote[:40]}"
                for r in s.extras
            ]
            lines += [
                f"  field {g.doc_id} {g.number_text}@{g.start} gold {g.unit}/{g.year}/{g.comparator} "
                f"row {r.unit}/{r.year}/{r.comparator}"
                for g, r in s.field_errors
            ]
    return "\n".join(lines)


@dataclass(frozen=True)
class GoldEntity:
    doc_id: str
    table: str
    name: str
    start: int
    end: int
    status: str


def load_gold_entities(path: Path) -> list[GoldEntity]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            GoldEntity(r["doc_id"], r["table"], r["name"], int(r["name_start"]), int(r["name_end"]), r["status"])
            for r in csv.DictReader(handle)
        ]


def score_entities(gold_path: Path, raw_dir: Path) -> dict[tuple[str, str], Score]:
    """Projects and events: a row matches a gold entity of the same document and table whose name
    span overlaps its own (one to one); ``fields_ok`` counts matched rows whose status agrees."""
    gold = load_gold_entities(gold_path)
    results: dict[tuple[str, str], Score] = {}
    for source in read_sources(raw_dir):
        rows = extract_document(source).entities
        for table in ("projects", "events"):
            wanted = [g for g in gold if g.doc_id == source.doc_id and g.table == table]
            predicted = [r for r in rows if r.table == table]
            score = Score(gold=len(wanted), predicted=len(predicted))
            used: set[str] = set()
            for g in wanted:
                overlapping = [
                    r for r in predicted if r.id not in used and r.name_start < g.end and g.start < r.name_end
                ]
                if not overlapping:
                    score.misses.append(g)
                    continue
                best = min(overlapping, key=lambda r: (abs(r.name_start - g.start) + abs(r.name_end - g.end), r.id))
                used.add(best.id)
                score.matched += 1
                if best.status == g.status:
                    score.fields_ok += 1
                else:
                    score.field_errors.append((g, best))
            score.extras = [r for r in predicted if r.id not in used]
            results[(source.doc_id, table)] = score
    return results


def entity_report(results: dict[tuple[str, str], Score], verbose: bool = False) -> str:
    lines = [f"{'document':28} {'table':13} {'gold':>5} {'rows':>5} {'P':>6} {'R':>6} {'status':>6}"]
    combined = {"projects": Score(), "events": Score()}
    for (doc_id, table), s in sorted(results.items()):
        combined[table].add(s)
        lines.append(score_line(doc_id, table, s))
    for table, s in combined.items():
        lines.append(score_line("ALL", table, s))
    if verbose:
        for s in results.values():
            lines += [f"  miss  {g.doc_id} {g.table} {g.name!r}@{g.start}" for g in s.misses]
            lines += [f"  extra {r.doc_id} {r.table} {r.name!r}@{r.name_start}" for r in s.extras]
            lines += [f"  status {g.name!r} gold {g.status} row {r.status} ({r.name!r})" for g, r in s.field_errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("tests/gold/facts.csv"))
    parser.add_argument("--raw", type=Path, default=Path("raw"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses, extra rows and field errors")
    parser.add_argument(
        "--entities", action="store_true", help="score projects and events (gold: tests/gold/entities.csv)"
    )
    args = parser.parse_args(argv)
    if args.entities:
        gold = args.gold if args.gold != Path("tests/gold/facts.csv") else Path("tests/gold/entities.csv")
        print(entity_report(score_entities(gold, args.raw), args.verbose))
    else:
        print(report(score_folder(args.gold, args.raw), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
