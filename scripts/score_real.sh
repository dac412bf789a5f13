#!/usr/bin/env bash
# Score the extractor on the real reports in ../shared/real (nobody on the project wrote them).
# Builds them into a temporary folder, then runs their scorer twice: the provincial headline
# passages and the city/district/county excerpts. Skips cleanly when ../shared/real is absent.
# Usage: scripts/score_real.sh [--check] [-v]   (--check: fail below the issue's floors)
set -euo pipefail
cd "$(dirname "$0")/.."
real="../shared/real"
if [ ! -f "$real/score.py" ]; then
  echo "== real reports: ../shared/real not found, skipped"
  exit 0
fi
py=.venv/bin/python
check=0; verbose=()
for arg in "$@"; do
  case "$arg" in --check) check=1 ;; -v) verbose=(-v) ;; esac
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
$py build.py --raw "$real/raw" --out "$out/pkg" >"$out/log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "== real reports: the build exited $status"; tail -5 "$out/log"; exit 1
fi
provincial=() excerpts=()
for f in "$real"/raw/*.txt; do
  case "$(basename "$f")" in [a-z]*) excerpts+=("$f") ;; *) provincial+=("$f") ;; esac
done
floors() { [ "$check" = 1 ] && echo "--min-recall $1 --min-precision $1 --min-fields $1" || true; }
echo "== facts: real provincial reports, headline passages (../shared/real)"
# shellcheck disable=SC2046
$py "$real/score.py" --csv-dir "$out/pkg/csv" --gold "$real/gold.jsonl" --spans "$real/spans.jsonl" \
  --raw "${provincial[@]}" --label "provincial" $(floors 0.97) "${verbose[@]}"
echo "== facts: real excerpts of city, district and county reports (../shared/real)"
# shellcheck disable=SC2046
$py "$real/score.py" --csv-dir "$out/pkg/csv" --gold "$real/gold.jsonl" --spans "$real/spans.jsonl" \
  --raw "${excerpts[@]}" --label "excerpts" $(floors 0.95) "${verbose[@]}"
if [ -f "$real/entities.jsonl" ]; then
  for table in projects events; do
    echo "== $table: real provincial entity passages (../shared/real)"
    # shellcheck disable=SC2046
    $py "$real/score.py" --csv-dir "$out/pkg/csv" --gold "$real/entities.jsonl" --spans "$real/entity-spans.jsonl" \
      --raw "$real"/raw/*.txt --tables "$table" --entities --label "$table" $(floors 0.90) "${verbose[@]}"
  done
fi
