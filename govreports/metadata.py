"""Document metadata: the registry in ``raw/`` where it has an entry, the text itself where not.

A report dropped into a folder with no registry must still build, so every field the registry
holds can also be read off the text: the title line, the "(2023年1月7日在…会议上)" line, the
"■ …区长 冯 晶" byline and the years of the review / plan headings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import cn2an
import jsonschema

from . import lexicon
from .records import Document
from .regions import region_code

REGISTRY_FILE = "registry.json"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "registry.schema.json"

_CN_DIGIT = "〇零一二三四五六七八九十"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DATE = (
    rf"(?P<y>[0-9０-９]{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>[0-9０-９]{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"\s*(?P<d>[0-9０-９]{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日"
)
#: "（2023年1月7日在…会议上）", "——2026年1月27日在…会议上", wherever it stands, across line breaks.
_DELIVERY = re.compile(_DATE + r"\s*在\s*(?P<meeting>[^，。；）)]{4,60}?(?:会议|大会))\s*上")
_ROLES = "区长|市长|县长|省长|州长|旗长|主席"
_BYLINE = re.compile(
    r"^[■●◆]?\s*(?P<org>[\u4e00-\u9fff]*?(?:人民政府|政府))?\s*(?P<role>代?(?:" + _ROLES + "))"
    r"\s+(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff ]{0,6}[\u4e00-\u9fff])\s*$",
    re.M,
)
#: what every byline holds: a role and a space after it. A text without one (most of ours) is not searched
#: for a byline, which tries the pattern at every line start, a scan of the whole text.
_BYLINE_ROLE = re.compile(r"(?:" + _ROLES + r")\s")
#: 州 alone is no suffix: it ends too many names (杭州, 贵州); 自治州 is.
_REGION_UNIT = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|新区|省|市|区|县|旗|盟)")
#: A meeting named without a date ("重庆市第六届人民代表大会第三次会议开幕" in a news lead).
_MEETING = re.compile(
    r"(?P<meeting>[\u4e00-\u9fff]{2,20}?第?[一二三四五六七八九十]+届人民代表大会第?[一二三四五六七八九十]+次会议)"
)
_MEETING_ORDINAL = re.compile(r"第?[一二三四五六七八九十]+届|人民代表大会|人大")
#: A heading's year in Arabic or Chinese digits ("二〇二三年工作回顾").
_HEADING_YEAR = r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})"
_REVIEW_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、)?[^\n。，]{0,12}?" + _HEADING_YEAR + r"\s*年[^\n。，]{0,12}?"
    r"(?:" + "|".join(lexicon.REVIEW_HEADING_WORDS) + ")",
    re.M,
)
#: what every review heading holds, its end (年, then a review heading word within twelve
#: characters): a text without it (many of ours) is not searched line by line for the heading.
_REVIEW_HEADING_END = re.compile(r"年[^\n。，]{0,12}?(?:" + "|".join(lexicon.REVIEW_HEADING_WORDS) + ")")
_PLAN_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、)?\s*(?:关于)?" + _HEADING_YEAR + r"\s*年\s*(?:主要)?"
    r"(?:工作安排|工作任务|主要预期目标|总体要求|重点工作|政府工作|工作|目标任务)",
    re.M,
)
#: A review part opens "2022年，面对…"; a plan part "2025年是…之年" or "2025年…主要预期目标是".
_REVIEW_OPENER = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\s*[，,]", re.M)
_PLAN_OPENER = re.compile(r"^[^。\n]{0,20}?(?P<y>(?:19|20)\d{2})\s*年(?:是|[^。\n]{0,16}?主要预期目标)", re.M)
#: The report is delivered at the session's opening: "…会议2026年1月9日开幕".
_OPENING = re.compile(_DATE + r"\s*(?:上午|下午)?\s*(?:隆重)?开幕")
_NAMED_YEAR = re.compile(r"(?<![0-9到至较比自从])(?P<y>(?:19|20)\d{2})\s*年")
_TITLE_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年")
_PUBLISHED = re.compile(
    r"^\s*(?:[^\n]{0,40}?(?:" + "|".join(lexicon.PUBLICATION_LABELS) + r")\s*[：:]?\s*)?"
    r"(?P<y>(?:19|20)\d{2})\s*(?:-|年|/)\s*(?P<m>\d{1,2})\s*(?:-|月|/)\s*(?P<d>\d{1,2})",
    re.M,
)
_FILE_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])")
#: Metadata sits at the top of a page; a year further down is a year named in passing.
_HEAD_CHARS = 1500


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


@dataclass(frozen=True)
class SkippedSource:
    """A report that cannot be read or checked: it is recorded, and the other reports still build."""

    path: Path
    doc_id: str
    problem: str
    sha256: str | None = None
    n_chars: int | None = None

    @property
    def message(self) -> str:
        return f"{safe_id(str(self.path))}: {self.problem}"


@dataclass(frozen=True)
class SourceScan:
    sources: list[SourceFile]
    skipped: list[SkippedSource]
    ignored: list[str] = field(default_factory=list)


def _encoding_hint(data: bytes) -> str:
    """What a file that is not UTF-8 most likely is, and how to convert it (charset-normalizer's guess)."""
    from charset_normalizer import from_bytes

    sample = data[:200_000]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        guess = "UTF-16"
    else:
        # Without NUL bytes it is no UTF-16 (a report's digits and line ends would give some): ask first
        # among the Chinese encodings, and on a tie name the more usual one.
        chinese = [] if b"\x00" in sample else list(from_bytes(sample, cp_isolation=list(lexicon.CHINESE_ENCODINGS)))
        order = {name: i for i, name in enumerate(lexicon.CHINESE_ENCODINGS)}
        best = min(chinese, key=lambda m: (m.chaos, -m.coherence, order.get(m.encoding, 99)), default=None)
        best = best or from_bytes(sample).best()
        guess = best.encoding.upper().replace("_", "-") if best is not None else None
    if not guess or guess in ("UTF-8", "ASCII"):
        return "convert it to UTF-8 first"
    return f"it reads as {guess}: convert it first, e.g. iconv -f {guess} -t UTF-8"


def safe_id(name: str) -> str:
    """A doc_id that encodes as UTF-8 (a file name that is not UTF-8 keeps its bytes as escapes)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _read_one(path: Path, entry: dict | None, seen: dict[str, Path]) -> SourceFile | SkippedSource:
    doc_id = safe_id((entry or {}).get("doc_id") or path.stem)
    if path.exists() and not path.is_file():  # a pipe would keep the build waiting for ever
        return SkippedSource(path, doc_id, "not a regular file (a pipe, socket or device); not read")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SkippedSource(path, doc_id, f"cannot be read ({exc.strerror})")
    digest = sha256_of(data)

    def skipped(problem: str, n_chars: int | None = None) -> SkippedSource:
        return SkippedSource(path, doc_id, problem, digest, n_chars)

    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return skipped(f"not UTF-8 (byte {exc.start}); {_encoding_hint(data)}")
    if not raw.strip("\ufeff \t\r\n\u3000\x00"):
        return skipped("empty (nothing but white space)" if raw else "empty", len(raw))
    if entry and entry.get("sha256") and entry["sha256"] != digest:
        return skipped(f"sha256 {digest[:12]}… does not match the registry's {entry['sha256'][:12]}…", len(raw))
    if doc_id in seen:
        return skipped(f"duplicate doc_id {doc_id!r} (also {safe_id(seen[doc_id].name)})", len(raw))
    seen[doc_id] = path
    return SourceFile(path, doc_id, raw, digest, entry)


def scan_sources(raw_dir: Path) -> SourceScan:
    """Every ``.txt`` report in ``raw_dir`` (any case of the suffix), read and checked one by one.

    A problem with one report skips that report only; a folder that cannot be read or a registry
    that cannot be trusted stops everything (``InputError``). Other files and subfolders are listed
    in ``ignored``.
    """
    if not raw_dir.is_dir():
        raise InputError(f"{raw_dir}: not a folder")
    registry = load_registry(raw_dir)
    by_file: dict[str, dict] = {}
    for entry in registry:
        if entry["file"] in by_file:
            raise InputError(f"{raw_dir / REGISTRY_FILE}: lists {entry['file']} twice")
        by_file[entry["file"]] = entry
    sources: list[SourceFile] = []
    skipped: list[SkippedSource] = []
    for name, entry in sorted(by_file.items()):
        inside = "/" not in name and "\\" not in name and name not in (".", "..")
        if not inside:
            problem = f"named in {REGISTRY_FILE} with a path outside {raw_dir}; only file names are allowed"
            skipped.append(SkippedSource(raw_dir / Path(name).name, entry.get("doc_id") or Path(name).stem, problem))
        elif not (raw_dir / name).is_file():
            problem = f"named in {REGISTRY_FILE}, but there is no such file in {raw_dir}"
            skipped.append(SkippedSource(raw_dir / name, entry.get("doc_id") or Path(name).stem, problem))
    seen: dict[str, Path] = {}
    ignored: list[str] = []
    for path in sorted(raw_dir.iterdir()):
        if path.name == REGISTRY_FILE or path.name.startswith("."):
            continue
        if path.suffix.lower() != ".txt" or path.is_dir():
            ignored.append(f"{safe_id(str(path))}: not a .txt report; ignored")
            continue
        read = _read_one(path, by_file.get(path.name), seen)
        (sources if isinstance(read, SourceFile) else skipped).append(read)
    if not sources and not skipped:
        raise InputError(f"{raw_dir}: no .txt reports")
    return SourceScan(sources, skipped, ignored)


def read_sources(raw_dir: Path) -> list[SourceFile]:
    """Strict reading: the first problem with any report raises ``InputError``."""
    scan = scan_sources(raw_dir)
    if scan.skipped:
        raise InputError(scan.skipped[0].message)
    return scan.sources


def _numeral(text: str) -> int:
    """An Arabic or Chinese numeral of a date part: 2026, 二〇二六 (digit by digit), 二十七."""
    if text.isdigit():
        return int(text.translate(_FULL_WIDTH_DIGITS))
    if "十" not in text:
        return int("".join(str(max(_CN_DIGIT.index(c) - 1, 0)) for c in text))
    return int(cn2an.cn2an(text, "normal"))


def _iso_date(match: re.Match) -> str | None:
    try:
        return date(_numeral(match["y"]), _numeral(match["m"]), _numeral(match["d"])).isoformat()
    except (ValueError, KeyError):
        return None


def _region_of(phrase: str) -> tuple[str | None, str]:
    """The most specific administrative unit a phrase names ("杭州市上城区第一届…" -> 上城区), and the
    whole place prefix it sits in (杭州市上城区) to tell apart places of the same name."""
    place = _MEETING_ORDINAL.split(phrase, maxsplit=1)[0].strip().rsplit("在", 1)[-1]
    units = _REGION_UNIT.findall(place)
    return (units[-1] if units else None), place


def _title(lines: list[str]) -> str | None:
    """The line that names the report (政府工作报告) near the top, else a short first line."""
    for line in lines[:30]:
        if lexicon.REPORT_TITLE_WORD in line and len(line) <= 60 and not re.search(r"[。，,！!？?]", line):
            return line
    first = lines[0] if lines else ""
    if first and len(first) <= 40 and not re.search(r"[。，：:；]", first) and first[:1] not in "(（":
        return first
    return None


def _years(raw: str, file_name: str, found: dict, title: str | None, review: re.Match | None, first_line: str) -> dict:
    """Plan year, review year and the cue that gave them, strongest cue first. ``first_line`` is the
    first line that is not blank, stripped."""
    title_years = [int(y) for y in _TITLE_YEAR.findall(title or "")]
    headline_years = [int(y) for y in _TITLE_YEAR.findall(first_line)] if len(first_line) <= 60 else []
    candidates = [
        ("congress line", lambda: int(found["delivered_on"][:4]) if "delivered_on" in found else None),
        ("title", lambda: max(title_years) if title_years and lexicon.REPORT_TITLE_WORD in title else None),
        ("review heading", lambda: _numeral(review["y"]) + 1 if review else None),
        ("plan heading", lambda: _first_year(_PLAN_HEADING, raw)),
        ("review opener", lambda: (_first_year(_REVIEW_OPENER, raw) or -1) + 1 or None),
        ("plan opener", lambda: _first_year(_PLAN_OPENER, raw)),
        ("session opening", lambda: int(_iso_date(m)[:4]) if (m := _valid_date(_OPENING, raw)) else None),
        ("publication line", lambda: int(found["published_on"][:4]) if "published_on" in found else None),
        ("file name", lambda: int(m.group(1)) if (m := _FILE_YEAR.search(file_name)) else None),
        ("headline", lambda: max(headline_years) if headline_years else None),
    ]
    strongest = next(((source, year) for source, year_of in candidates if (year := year_of())), None)
    if strongest is None:
        named = Counter(int(m["y"]) for m in _NAMED_YEAR.finditer(raw))
        if not named:
            return {}
        strongest = "years the text names (a guess)", min(named, key=lambda y: (-named[y], y))
    source, plan_year = strongest
    years = {"plan_year": plan_year, "review_year": plan_year - 1, "year_source": source}
    if review and _numeral(review["y"]) < plan_year:
        years["review_year"] = _numeral(review["y"])
    return years


def _first_year(pattern: re.Pattern, raw: str) -> int | None:
    match = pattern.search(raw)
    return _numeral(match["y"]) if match else None


def _valid_date(pattern: re.Pattern, raw: str) -> re.Match | None:
    return next((m for m in pattern.finditer(raw[:_HEAD_CHARS]) if _iso_date(m)), None)


def infer_metadata(raw: str, file_name: str = "") -> dict:
    """Whatever the text itself says about its title, meeting, speaker and years.

    Years come from the delivery date (the congress line), else a title that names the report and
    a year, else a review or plan heading, else a publication line at the top of the page, else a
    year in the file name; never from a year named in passing. ``year_source`` says which.
    """
    found: dict = {}
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    title = _title(lines)
    if title:
        found["title"] = title
    delivery = next((m for m in _DELIVERY.finditer(raw) if _iso_date(m)), None)
    if delivery:
        found["delivered_on"] = _iso_date(delivery)
        found["meeting"] = re.sub(r"\s+", "", delivery["meeting"])
        region, place = _region_of(found["meeting"])
        if region:
            found["region"], found["place"] = region, place
    else:
        meeting = _MEETING.search(raw[:_HEAD_CHARS])
        if meeting:
            found["meeting"] = meeting["meeting"]
            region, place = _region_of(meeting["meeting"])
            if region:
                found["region"], found["place"] = region, place
    byline = _BYLINE.search(raw) if _BYLINE_ROLE.search(raw) else None
    if byline:
        found["speaker"] = byline["name"].replace(" ", "")
        if "region" not in found and byline["org"]:
            region, place = _region_of(byline["org"].removesuffix("人民政府").removesuffix("政府"))
            if region:
                found["region"], found["place"] = region, place
    if "region" not in found and title and lexicon.REPORT_TITLE_WORD in title:
        region, place = _region_of(_TITLE_YEAR.sub("", title.split(lexicon.REPORT_TITLE_WORD)[0]))
        if region:
            found["region"], found["place"] = region, place
    head = raw[:_HEAD_CHARS]
    published = next((m for m in _PUBLISHED.finditer(head) if _iso_date(m)), None)
    if published:
        found["published_on"] = _iso_date(published)
    review = _REVIEW_HEADING.search(raw) if _REVIEW_HEADING_END.search(raw) else None
    found.update(_years(raw, file_name, found, title, review, lines[0] if lines else ""))
    if found.get("region"):
        code = region_code(found["region"], found.get("place", ""))
        if code:
            found["region_code"] = code
    return found


def _inferred(source: SourceFile) -> dict:
    """``infer_metadata`` of a source, kept for the source last asked about: a report with a registry
    entry is read by ``build_document`` and again by ``registry_conflicts`` (callers only read it)."""
    raw, name = source.raw.lstrip("\ufeff"), source.path.name
    if _LAST_INFERRED and _LAST_INFERRED[0][0] == name and _LAST_INFERRED[0][1] == raw:
        return _LAST_INFERRED[0][2]
    inferred = infer_metadata(raw, name)
    _LAST_INFERRED[:] = [(name, raw, inferred)]
    return inferred


_LAST_INFERRED: list[tuple[str, str, dict]] = []


def build_document(source: SourceFile) -> Document:
    entry = source.registry_entry or {}
    inferred = _inferred(source)
    fields = (
        "title",
        "region",
        "region_code",
        "delivered_on",
        "published_on",
        "meeting",
        "speaker",
        "review_year",
        "plan_year",
    )
    values = {name: entry.get(name, inferred.get(name)) for name in fields}
    from_text = sorted(name for name in fields if name not in entry and inferred.get(name) is not None)
    if entry and from_text:
        origin = "registry; from text: " + ", ".join(from_text)
    elif entry:
        origin = "registry"
    else:
        origin = "from text: " + (", ".join(from_text) or "nothing")
    if "plan_year" in from_text:
        origin += f"; years from the {inferred['year_source']}"
    return Document(
        doc_id=source.doc_id,
        source_file=f"raw/{safe_id(source.path.name)}",
        source=entry.get("source"),
        sha256=source.sha256,
        n_chars=len(source.raw),
        metadata_source=origin,
        **values,
    )


def skipped_document(skipped: SkippedSource) -> Document:
    """The documents row of a report that was not built: what is known of the file, and why."""
    return Document(
        doc_id=skipped.doc_id,
        title=None,
        region=None,
        region_code=None,
        delivered_on=None,
        published_on=None,
        meeting=None,
        speaker=None,
        review_year=None,
        plan_year=None,
        source_file=f"raw/{safe_id(skipped.path.name)}",
        source=None,
        sha256=skipped.sha256,
        n_chars=skipped.n_chars,
        metadata_source="none: not built",
        status="skipped",
        problem=skipped.problem,
    )


def registry_conflicts(source: SourceFile) -> list[str]:
    """Registry fields the text contradicts (the registry wins, and a flag says so)."""
    entry = source.registry_entry or {}
    if not any(name in entry for name in ("delivered_on", "plan_year", "review_year")):
        return []  # nothing to contradict
    inferred = _inferred(source)
    return [
        f"{name}: registry {entry[name]!r}, text {inferred[name]!r}"
        for name in ("delivered_on", "plan_year", "review_year")
        if name in entry and inferred.get(name) is not None and entry[name] != inferred[name]
    ]
