"""Document metadata: the registry in ``raw/`` where it has an entry, the text itself where not.

A report dropped into a folder with no registry must still build, so every field the registry
holds can also be read off the text: the title line, the "(2023年1月7日在…会议上)" line, the
"■ …区长 冯 晶" byline and the years of the review / plan headings.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .records import Document

REGISTRY_FILE = "registry.json"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "registry.schema.json"

_DELIVERY = re.compile(
    r"[（(]\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*在(?P<meeting>[^）)\n]+?)上\s*[）)]"
)
_BYLINE = re.compile(
    r"^[■●◆]?\s*(?P<org>\S*?(?:人民政府|政府))?\s*(?P<role>代?(?:区长|市长|县长|省长|州长|旗长|主席))"
    r"\s+(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff ]{0,6}[\u4e00-\u9fff])\s*$",
    re.M,
)
_REGION = re.compile(r"^(?P<region>[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|新区|区|县|市|州|旗|省))")
_REVIEW_HEADING = re.compile(r"(?P<y>\d{4})\s*年\s*(?:工作回顾|工作总结)")
_PLAN_HEADING = re.compile(r"(?P<y>\d{4})\s*年\s*(?:工作安排|工作任务|主要预期目标|总体要求)")
_TITLE_YEAR = re.compile(r"(?P<y>\d{4})\s*年")
_HORIZON = ("到", "至", "较", "比")  # "到2027年": a horizon, "较2020年": a baseline, not the report's year
_ANY_YEAR = re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d{2})\s*年")


class InputError(Exception):
    """Bad input: the message names the file and the problem in one line."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    doc_id: str
    raw: str
    sha256: str
    registry_entry: dict | None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_registry(raw_dir: Path) -> list[dict]:
    path = raw_dir / REGISTRY_FILE
    if not path.exists():
        return []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: registry is not valid UTF-8 JSON ({exc})") from exc
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    try:
        jsonschema.validate(entries, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise InputError(f"{path}: registry does not match {SCHEMA_FILE.name} at {where}: {exc.message}") from exc
    return entries


def read_sources(raw_dir: Path) -> list[SourceFile]:
    """Read and check every ``*.txt`` report in ``raw_dir`` against the registry."""
    if not raw_dir.is_dir():
        raise InputError(f"{raw_dir}: not a folder")
    registry = load_registry(raw_dir)
    by_file = {entry["file"]: entry for entry in registry}
    for name in by_file:
        if not (raw_dir / name).is_file():
            raise InputError(f"{raw_dir / REGISTRY_FILE}: registry names {name}, which is not in {raw_dir}")
    sources: list[SourceFile] = []
    seen: dict[str, Path] = {}
    for path in sorted(raw_dir.glob("*.txt")):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 (byte {exc.start})") from exc
        if raw.startswith("\ufeff"):
            raise InputError(f"{path}: starts with a byte-order mark; save it as UTF-8 without BOM")
        if not raw.strip():
            raise InputError(f"{path}: empty")
        entry = by_file.get(path.name)
        digest = sha256_of(data)
        if entry and entry.get("sha256") and entry["sha256"] != digest:
            raise InputError(f"{path}: sha256 {digest[:12]}… does not match the registry's {entry['sha256'][:12]}…")
        doc_id = (entry or {}).get("doc_id") or path.stem
        if doc_id in seen:
            raise InputError(f"{path}: duplicate doc_id {doc_id!r} (also {seen[doc_id].name})")
        seen[doc_id] = path
        sources.append(SourceFile(path, doc_id, raw, digest, entry))
    if not sources:
        raise InputError(f"{raw_dir}: no .txt reports")
    return sources


def infer_metadata(raw: str) -> dict:
    """Whatever the text itself says about its title, meeting, speaker and years."""
    found: dict = {}
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if lines and len(lines[0]) <= 40 and not re.search(r"[。，：:；]", lines[0]) and lines[0][:1] not in "(（":
        found["title"] = lines[0]
    delivery = _DELIVERY.search(raw)
    if delivery:
        found["delivered_on"] = f"{int(delivery['y']):04d}-{int(delivery['m']):02d}-{int(delivery['d']):02d}"
        found["meeting"] = delivery["meeting"].strip()
        region = _REGION.match(found["meeting"])
        if region:
            found["region"] = region["region"]
    byline = _BYLINE.search(raw)
    if byline:
        found["speaker"] = byline["name"].replace(" ", "")
        if "region" not in found and byline["org"]:
            region = _REGION.match(byline["org"])
            if region:
                found["region"] = region["region"]
    review = _REVIEW_HEADING.search(raw)
    plan = _PLAN_HEADING.search(raw)
    if "delivered_on" in found:
        year = int(found["delivered_on"][:4])
        found["plan_year"], found["review_year"] = year, year - 1
    elif review:
        found["review_year"] = int(review["y"])
        found["plan_year"] = found["review_year"] + 1
    elif plan:
        found["plan_year"] = int(plan["y"])
        found["review_year"] = found["plan_year"] - 1
    elif "title" in found and _TITLE_YEAR.search(found["title"]):
        found["plan_year"] = int(_TITLE_YEAR.search(found["title"])["y"])
        found["review_year"] = found["plan_year"] - 1
    else:
        years = [int(m["y"]) for m in _ANY_YEAR.finditer(raw) if raw[max(0, m.start() - 1) : m.start()] not in _HORIZON]
        if years:
            found["plan_year"] = max(years)
            found["review_year"] = found["plan_year"] - 1
    if review and "delivered_on" in found:
        found["review_year"] = int(review["y"])
    return found


def build_document(source: SourceFile) -> Document:
    entry = source.registry_entry or {}
    inferred = infer_metadata(source.raw)
    fields = ("title", "region", "region_code", "delivered_on", "meeting", "speaker", "review_year", "plan_year")
    values = {name: entry.get(name, inferred.get(name)) for name in fields}
    from_text = sorted(name for name in fields if name not in entry and inferred.get(name) is not None)
    if entry and from_text:
        origin = "registry; from text: " + ", ".join(from_text)
    elif entry:
        origin = "registry"
    else:
        origin = "from text: " + (", ".join(from_text) or "nothing")
    return Document(
        doc_id=source.doc_id,
        source_file=f"raw/{source.path.name}",
        source=entry.get("source"),
        sha256=source.sha256,
        n_chars=len(source.raw),
        metadata_source=origin,
        **values,
    )
