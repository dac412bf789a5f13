"""The Data Package (v2) descriptor: package metadata, one resource per file, inline schemas."""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .tables import table_schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
NAME = "gongshu-government-work-reports"
TITLE = "Gongshu District (Hangzhou) government work reports as tables"
DESCRIPTION = (
    "Targets, achievements, named projects and events extracted from the government work reports "
    "(政府工作报告) of Gongshu District, Hangzhou, with every row carrying the exact source quote and "
    "its character offsets into the raw text. Also: the reports' sections and the defects found in "
    "the source transcriptions. CSV and Parquet hold the same rows. Values are in the source's Chinese."
)
LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International (the data tables)",
    },
    {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License (the code)"},
]
CONTRIBUTORS = [{"title": "Gongshu Work Reports open-data project", "roles": ["creator", "publisher"]}]
KEYWORDS = [
    "China",
    "local government",
    "government work report",
    "政府工作报告",
    "Hangzhou",
    "Gongshu",
    "拱墅区",
    "targets",
    "policy",
    "provenance",
]
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


def descriptor(files: list[ResourceFile], documents: list[dict]) -> dict:
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
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "licenses": LICENSES,
        "sources": sources,
        "contributors": CONTRIBUTORS,
        "keywords": KEYWORDS,
        "languages": ["zh", "en"],
        "resources": [resource(f, p) for f, p in zip(files[0::2], files[1::2], strict=False)],
    }
