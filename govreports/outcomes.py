"""Stage 6b (across reports): each target set against its outcome, and the region × year × indicator
panel.

A target with an ``indicator_code`` and a year Y is linked to the achievement of the same region,
code and year from a later report (the next year's review). ``met`` honours the comparator and the
range: ``>= 5`` is met by 5.4, ``5-5.5`` by 5.2 (and by anything beyond it in the measure's good
direction), ``~5`` within a tolerance (0.5 percentage points for rates, 5% of the target for
amounts), ``= 5`` as a floor for a measure where more is better and as a ceiling where less is.
Pure functions over the rows of all documents.
"""

from __future__ import annotations

from . import lexicon
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


def _preference(row: dict) -> tuple:
    """Of several figures for one region, year and code: the headline one, then the first printed."""
    return (not row["headline"], row.get("time_scope") not in ("reviewed_year", "plan_year"), row["doc_id"], row["id"])


def _by_key(rows: list[dict], regions: dict[str, str]) -> dict[tuple, list[dict]]:
    """Rows by (region, year, code), each group in order of preference (one sort for all groups)."""
    grouped: dict[tuple, list[dict]] = {}
    for row in sorted(rows, key=_preference):
        if row.get("indicator_code") and row.get("year") is not None:
            grouped.setdefault((regions[row["doc_id"]], row["year"], row["indicator_code"]), []).append(row)
    return grouped


def derive(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """``target_outcomes`` and ``panel`` rows from the built tables of all documents."""
    documents = {d["doc_id"]: d for d in rows["documents"] if d["status"] == "built"}
    regions = {doc_id: region_key(document) for doc_id, document in documents.items()}
    plan_years = {doc_id: document.get("plan_year") or 0 for doc_id, document in documents.items()}
    targets = _by_key(rows["targets"], regions)
    outcomes = _by_key(rows["achievements"], regions)
    target_outcomes, panel = [], []
    for key in sorted(targets):
        later_outcomes = outcomes.get(key, ())
        for target in targets[key]:
            plan_year = plan_years[target["doc_id"]]
            outcome = next((o for o in later_outcomes if plan_years[o["doc_id"]] > plan_year), None)
            met, difference, rule = judge(target, outcome)
            target_outcomes.append(_link_row(target, outcome, documents, met, difference, rule))
    links = {row["target_id"]: row for row in target_outcomes}
    for key in sorted(set(targets) | set(outcomes)):
        target = targets.get(key, [None])[0]
        link = links.get(target["id"]) if target else None
        outcome = next((o for o in outcomes.get(key, []) if link and o["id"] == link["outcome_id"]), None)
        outcome = outcome or (outcomes.get(key, [None])[0])
        panel.append(_panel_row(key, target, outcome, link, documents))
    return {"target_outcomes": target_outcomes, "panel": panel}


def _link_row(target: dict, outcome: dict | None, documents: dict, met: str, difference, rule: str) -> dict:
    document = documents[target["doc_id"]]
    return {
        "target_id": target["id"],
        "target_doc_id": target["doc_id"],
        "outcome_id": outcome["id"] if outcome else None,
        "outcome_doc_id": outcome["doc_id"] if outcome else None,
        "region": document.get("region"),
        "region_code": document.get("region_code"),
        "indicator_code": target["indicator_code"],
        "year": target["year"],
        "target_value": signed_value(target),
        "target_value_max": target.get("value_max"),
        "target_unit": target.get("unit"),
        "target_comparator": target["comparator"],
        "outcome_value": signed_value(outcome) if outcome else None,
        "outcome_unit": outcome.get("unit") if outcome else None,
        "outcome_comparator": outcome["comparator"] if outcome else None,
        "difference": difference,
        "met": met,
        "met_rule": rule,
    }


def _panel_row(key: tuple, target: dict | None, outcome: dict | None, link: dict | None, documents: dict) -> dict:
    region, year, code = key
    document = documents[(target or outcome)["doc_id"]]
    indicator = by_code()[code]
    return {
        "region_key": region,
        "region": document.get("region"),
        "region_code": document.get("region_code"),
        "year": year,
        "indicator_code": code,
        "indicator_label": indicator.label_en,
        "indicator_label_zh": indicator.label_zh,
        "target_id": target["id"] if target else None,
        "target_value": signed_value(target) if target else None,
        "target_value_max": target.get("value_max") if target else None,
        "target_comparator": target["comparator"] if target else None,
        "target_unit": target.get("unit") if target else None,
        "outcome_id": outcome["id"] if outcome else None,
        "outcome_value": signed_value(outcome) if outcome else None,
        "outcome_unit": outcome.get("unit") if outcome else None,
        "met": link["met"] if link else None,
    }
