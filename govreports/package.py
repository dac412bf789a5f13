"""The Data Package (v2) descriptor: package metadata, one resource per file, inline schemas."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .schema import table_schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
METADATA_FILE = Path(__file__).resolve().parent.parent / "package-metadata.json"
MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


@dataclass(frozen=True)
class ResourceFile:
    table: str
    format: str  # csv | parquet
    path: str  # relative to the descriptor
    bytes: int
    sha256: str


def resource(csv_file: ResourceFile, parquet_file: ResourceFile) -> dict:
    """A CSV table resource; its Parquet twin is described in the custom ``parquet`` property.

    The Parquet file is not a resource of its own: frictionless reads Parquet without byte counts
    and with nulls as NaN, so the validator would reject a correct file. The tests prove instead
    that both files hold the same rows.
    """
    schema = {k: v for k, v in table_schema(csv_file.table).items() if k != "$schema"}
    return {
        "name": csv_file.table,
        "type": "table",
        "path": csv_file.path,
        "format": "csv",
        "mediatype": MEDIATYPES["csv"],
        "encoding": "utf-8",
        "dialect": {"header": True, "delimiter": ",", "lineTerminator": "\n", "quoteChar": '"'},
        "bytes": csv_file.bytes,
        "hash": f"sha256:{csv_file.sha256}",
        "parquet": {
            "path": parquet_file.path,
            "mediatype": MEDIATYPES["parquet"],
            "bytes": parquet_file.bytes,
            "hash": f"sha256:{parquet_file.sha256}",
            "description": "The same rows and columns with real types (Apache Parquet, zstd).",
        },
        "schema": schema,
    }


def project_metadata() -> dict:
    """The release's metadata, kept as data in one file (name, title, keywords, licences, date)."""
    meta = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    return {**meta, "version": __version__}


def corpus_metadata(documents: list[dict]) -> dict:
    """Metadata describing a build of someone else's reports: its own regions and years."""
    built = [d for d in documents if d["status"] == "built"]
    regions = sorted({d["region"] for d in built if d.get("region")})
    years = sorted({d["plan_year"] for d in built if d.get("plan_year")})
    where = "、".join(regions[:8]) + ("…" if len(regions) > 8 else "") if regions else "unnamed regions"
    when = f"{years[0]}-{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "years unknown")
    base = project_metadata()
    return {
        **base,
        "name": "government-work-reports",
        "title": f"Government work reports of {where} ({when}) as tables",
        "description": (
            f"Targets, achievements, named projects and events extracted from {len(built)} government work "
            f"report(s) (政府工作报告) of {where}, {when}, with every row carrying the exact source quote and "
            "its character offsets into the raw text. Built with the govreports code; values are in the "
            "source's Chinese."
        ),
        "keywords": ["China", "local government", "government work report", "政府工作报告", *regions[:8]],
    }


def descriptor(files: list[ResourceFile], documents: list[dict], meta: dict, downloads: list[dict]) -> dict:
    """``files`` alternate CSV and Parquet of each table, in table order."""
    sources = [
        {
            "title": f"{d['title'] or 'report'} {d['doc_id']} ({d['delivered_on'] or 'date unknown'})",
            "path": d["source_file"],
        }
        for d in documents
    ]
    return {
        "$schema": PROFILE,
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "version": meta["version"],
        "created": f"{meta['released']}T00:00:00Z",
        "licenses": meta["licenses"],
        "sources": sources,
        "contributors": meta["contributors"],
        "keywords": meta["keywords"],
        "languages": ["zh", "en"],
        "resources": [resource(f, p) for f, p in zip(files[0::2], files[1::2], strict=False)],
        "downloads": downloads,
    }
