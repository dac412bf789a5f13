"""Stage 6b (across reports): each target set against its outcome, and the region × year × indicator
panel.

A target with an ``indicator_code`` and a year Y is linked to the achievement of the same region,
code and year from a later report (the next year's review). ``met`` honours the comparator and the
range: ``>= 5`` is met by 5.4, ``5-5.5`` by 5.2 (and by anything beyond it in the measure's good
direction), ``~5`` within a tolerance (0.5 percentage points for rates, 5% of the target for
amounts), ``= 5`` as a floor for a measure where more is better and as a ceiling where less is.
Pure functions over the Arrow tables of all documents; a pair of rows is judged as two dicts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from . import lexicon
from .columnar import arrow_schema
from .indicators import by_code

MET_VALUES = ("true", "false", "unknown")


def region_key(document: dict) -> str:
    """What identifies a region across reports: its GB/T 2260 code, else its name, else the report."""
    return document.get("region_code") or document.get("region") or f"doc:{document['doc_id']}"


def signed_value(row: dict, field: str = "value") -> float | None:
    """A growth figure printed as a decline (下降3%) is -3 when targets and outcomes are compared."""
    value = row.get(field)
    if value is None:
        return None
    code = by_code().get(row.get("indicator_code") or "")
    if code is not None and code.kind == "growth_rate":
        offset = row["number_start"] - row["char_start"]
        if lexicon.DECLINE_WORDS.search(row["quote"][:offset][-6:]):
            return -value
    return value


def _unit(row: dict) -> str:
    return (row.get("unit") or "").replace("％", "%")


def _comparable(target: dict, outcome: dict) -> tuple[float, float] | None:
    """Target and outcome values in the target's unit, or None when the units cannot be compared."""
    t_value, o_value = signed_value(target), signed_value(outcome)
    if t_value is None or o_value is None:
        return None
    if _unit(target) == _unit(outcome):
        return t_value, o_value
    same_base = target.get("unit_base") and target.get("unit_base") == outcome.get("unit_base")
    if same_base and target.get("value_base") and outcome.get("value_base") is not None and target["value"]:
        factor = target["value_base"] / target["value"]
        return t_value, outcome["value_base"] / factor * (1 if o_value >= 0 else -1)
    return None


def tolerance(target: dict) -> float:
    if _unit(target) in ("%", "个百分点"):
        return lexicon.APPROXIMATE_TOLERANCE_POINTS
    return abs(target["value"]) * lexicon.APPROXIMATE_TOLERANCE_SHARE


def judge(target: dict, outcome: dict | None) -> tuple[str, float | None, str]:
    """met (true/false/unknown), the difference in the target's unit, and the rule applied."""
    if outcome is None:
        return "unknown", None, "no outcome reported yet"
    values = _comparable(target, outcome)
    if values is None:
        return "unknown", None, f"units differ ({_unit(target)} vs {_unit(outcome)})"
    t_value, o_value = values
    difference = round(o_value - t_value, 6)
    higher = by_code()[target["indicator_code"]].direction == "higher"
    comparator = target["comparator"]
    if target.get("value_max") is not None:
        low, high = t_value, target["value_max"]
        met = (o_value >= low) if higher else (o_value <= high)
        rule = f"range {low:g}-{high:g}, {'at least the lower' if higher else 'at most the upper'} end"
    elif comparator in (">=", ">"):
        met, rule = (o_value >= t_value if comparator == ">=" else o_value > t_value), f"{comparator} {t_value:g}"
    elif comparator in ("<=", "<"):
        met, rule = (o_value <= t_value if comparator == "<=" else o_value < t_value), f"{comparator} {t_value:g}"
    elif comparator == "~":
        allowed = tolerance(target)
        met = o_value >= t_value - allowed if higher else o_value <= t_value + allowed
        rule = f"about {t_value:g}, within {allowed:g}"
    else:
        met = o_value >= t_value if higher else o_value <= t_value
        rule = f"{t_value:g} as a {'floor' if higher else 'ceiling'}"
    return ("true" if met else "false"), difference, rule


#: What linking a target to its outcome reads of a figure; the other columns never leave Arrow.
LINK_COLUMNS = (
    "id",
    "doc_id",
    "year",
    "time_scope",
    "indicator_code",
    "headline",
    "comparator",
    "value",
    "value_max",
    "unit",
    "value_base",
    "unit_base",
    "number_start",
    "char_start",
    "quote",
)

#: The time scopes a figure of its own report's year has; others (a five-year span, a later year)
#: are preferred less when several figures give one region, year and code.
OWN_YEAR_SCOPES = ("reviewed_year", "plan_year")


@dataclass(frozen=True)
class _Figures:
    """The coded figures of one table (only rows with a code and a year can be linked across
    reports), with what linking asks of each row, by its position in ``rows``."""

    rows: pa.Table  # the LINK_COLUMNS of the coded rows
    signed: pa.Array  # ``value`` with a printed decline of a growth rate negative (signed_value)
    document: list[int]  # the position of each row's report among the built documents
    groups: dict[tuple, list[int]]  # (region, year, code) -> rows, the preferred one first


def _figures(data: pa.Table, doc_ids: pa.Array, regions: pa.Array) -> _Figures:
    data = data.select(list(LINK_COLUMNS))  # before the filter, which copies every column it keeps
    code = data["indicator_code"]
    coded = pc.and_(pc.and_(pc.is_valid(code), pc.not_equal(code, "")), pc.is_valid(data["year"]))
    rows = data.filter(coded).combine_chunks()
    document = pc.index_in(rows["doc_id"], value_set=doc_ids)
    region = regions.take(document)
    # Of several figures for one region, year and code: the headline one, then one of the report's
    # own year, then the first printed (the order of the old per-row sort key, kept by one sort).
    order = pc.sort_indices(
        pa.table(
            {
                "region": region,
                "year": rows["year"],
                "code": rows["indicator_code"],
                "not_headline": pc.invert(pc.fill_null(rows["headline"], False)),
                "other_scope": pc.invert(pc.fill_null(pc.is_in(rows["time_scope"], pa.array(OWN_YEAR_SCOPES)), False)),
                "doc_id": rows["doc_id"],
                "id": rows["id"],
            }
        ),
        sort_keys=[
            (name, "ascending") for name in ("region", "year", "code", "not_headline", "other_scope", "doc_id", "id")
        ],
    )
    groups: dict[tuple, list[int]] = {}
    keys = zip(
        *(column.take(order).to_pylist() for column in (region, rows["year"], rows["indicator_code"])), strict=True
    )
    for position, key in zip(order.to_pylist(), keys, strict=True):
        groups.setdefault(key, []).append(position)
    return _Figures(rows, _signed(rows), document.to_pylist(), groups)


def _signed(rows: pa.Table) -> pa.Array:
    """signed_value of every row: only growth rates are read in Python, and only their quotes."""
    growth = pa.array([code for code, indicator in by_code().items() if indicator.kind == "growth_rate"], pa.string())
    candidates = pc.indices_nonzero(pc.and_(pc.is_in(rows["indicator_code"], growth), pc.is_valid(rows["value"])))
    declines = [False] * rows.num_rows
    read = rows.select(["quote", "number_start", "char_start"]).take(candidates).to_pydict()
    for position, quote, number_start, char_start in zip(
        candidates.to_pylist(), read["quote"], read["number_start"], read["char_start"], strict=True
    ):
        declines[position] = bool(lexicon.DECLINE_WORDS.search(quote[: number_start - char_start][-6:]))
    value = rows["value"]
    return pc.if_else(pa.array(declines, pa.bool_()), pc.negate(value), value)


def derive(documents: pa.Table, targets: pa.Table, achievements: pa.Table) -> dict[str, pa.Table]:
    """The ``target_outcomes`` and ``panel`` tables (in no particular order) from the built tables of
    all documents. Columns are gathered with Arrow; Python reads only the keys, and the values of
    the pairs it judges."""
    built = [document for document in documents.to_pylist() if document["status"] == "built"]
    doc_ids = pa.array([document["doc_id"] for document in built], pa.string())
    plan_years = [document.get("plan_year") or 0 for document in built]
    names = pa.array([document.get("region") for document in built], pa.string())
    codes = pa.array([document.get("region_code") for document in built], pa.string())
    keys = pa.array([region_key(document) for document in built], pa.string())
    t = _figures(targets, doc_ids, keys)
    a = _figures(achievements, doc_ids, keys)

    outcome: list[int | None] = [None] * t.rows.num_rows  # each target's outcome: a row of ``a``
    for key, rows in t.groups.items():
        later_outcomes = a.groups.get(key, ())
        for row in rows:
            plan_year = plan_years[t.document[row]]
            outcome[row] = next((o for o in later_outcomes if plan_years[a.document[o]] > plan_year), None)
    verdicts = [judge({}, None)] * t.rows.num_rows
    pairs = [(row, o) for row, o in enumerate(outcome) if o is not None]
    if pairs:
        judged_targets = t.rows.take(pa.array([row for row, _ in pairs], pa.int64())).to_pylist()
        judged_outcomes = a.rows.take(pa.array([o for _, o in pairs], pa.int64())).to_pylist()
        for (row, _), target, result in zip(pairs, judged_targets, judged_outcomes, strict=True):
            verdicts[row] = judge(target, result)
    met, difference, rule = (list(column) for column in zip(*verdicts, strict=True)) if verdicts else ([], [], [])
    to_outcome = pa.array(outcome, pa.int64())
    to_document = pa.array(t.document, pa.int64())
    target_outcomes = {
        "target_id": t.rows["id"],
        "target_doc_id": t.rows["doc_id"],
        "outcome_id": a.rows["id"].take(to_outcome),
        "outcome_doc_id": a.rows["doc_id"].take(to_outcome),
        "region": names.take(to_document),
        "region_code": codes.take(to_document),
        "indicator_code": t.rows["indicator_code"],
        "year": t.rows["year"],
        "target_value": t.signed,
        "target_value_max": t.rows["value_max"],
        "target_unit": t.rows["unit"],
        "target_comparator": t.rows["comparator"],
        "outcome_value": a.signed.take(to_outcome),
        "outcome_unit": a.rows["unit"].take(to_outcome),
        "outcome_comparator": a.rows["comparator"].take(to_outcome),
        "difference": pa.array(difference, pa.float64()),
        "met": pa.array(met, pa.string()),
        "met_rule": pa.array(rule, pa.string()),
    }

    # The panel: a row per region, year and code; its target the preferred one, its outcome that
    # target's outcome, or else the preferred outcome.
    panel_keys = [*t.groups, *(key for key in a.groups if key not in t.groups)]
    first_target = [t.groups[key][0] if key in t.groups else None for key in panel_keys]
    panel_outcome = [
        outcome[row] if row is not None and outcome[row] is not None else a.groups.get(key, [None])[0]
        for key, row in zip(panel_keys, first_target, strict=True)
    ]
    panel_document = [
        t.document[row] if row is not None else a.document[o]
        for row, o in zip(first_target, panel_outcome, strict=True)
    ]
    to_target, to_outcome = pa.array(first_target, pa.int64()), pa.array(panel_outcome, pa.int64())
    to_document = pa.array(panel_document, pa.int64())
    indicators = [by_code()[code] for _, _, code in panel_keys]
    panel = {
        "region_key": pa.array([region for region, _, _ in panel_keys], pa.string()),
        "region": names.take(to_document),
        "region_code": codes.take(to_document),
        "year": pa.array([year for _, year, _ in panel_keys], pa.int64()),
        "indicator_code": pa.array([code for _, _, code in panel_keys], pa.string()),
        "indicator_label": pa.array([indicator.label_en for indicator in indicators], pa.string()),
        "indicator_label_zh": pa.array([indicator.label_zh for indicator in indicators], pa.string()),
        "target_id": t.rows["id"].take(to_target),
        "target_value": t.signed.take(to_target),
        "target_value_max": t.rows["value_max"].take(to_target),
        "target_comparator": t.rows["comparator"].take(to_target),
        "target_unit": t.rows["unit"].take(to_target),
        "outcome_id": a.rows["id"].take(to_outcome),
        "outcome_value": a.signed.take(to_outcome),
        "outcome_unit": a.rows["unit"].take(to_outcome),
        "met": pa.array([met[row] if row is not None else None for row in first_target], pa.string()),
    }
    return {"target_outcomes": _table("target_outcomes", target_outcomes), "panel": _table("panel", panel)}


def _table(table: str, columns: dict[str, pa.Array]) -> pa.Table:
    """Columns in schema order and types (a type that differs is an error, not a cast)."""
    schema = arrow_schema(table)
    return pa.Table.from_arrays([columns[name] for name in schema.names], schema=schema).combine_chunks()
