"""Load the published tables with the types their Table Schemas declare.

    import govreports
    targets = govreports.load("targets")            # from data/ of this repository
    targets = govreports.load("targets", "out/")    # from any build's output folder
    package = govreports.load_package()             # the frictionless Package

Integers are pandas' nullable ``Int64``, numbers ``Float64``, booleans ``boolean``, dates
``datetime64`` (day precision), enums ``category`` with the schema's values as categories, and
other strings ``string``. The Parquet files are read, so values are exactly as written.
"""

from __future__ import annotations

from pathlib import Path

from .schema import TABLES, table_schema

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "data"


def pandas_dtype(field: dict):
    """The pandas dtype for a Table Schema field."""
    import pandas as pd

    kind = field["type"]
    enum = field.get("constraints", {}).get("enum")
    if enum is not None and kind == "string":
        return pd.CategoricalDtype(categories=enum)
    return {
        "integer": "Int64",
        "number": "Float64",
        "boolean": "boolean",
        "date": "datetime64[s]",
        "string": "string",
    }[kind]


def load(table: str, source: str | Path | None = None):
    """One table as a pandas DataFrame, typed by its schema. ``source`` is an output folder (with
    ``parquet/``), default this repository's ``data/``."""
    import pandas as pd

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    folder = Path(source) if source is not None else DEFAULT_SOURCE
    frame = pd.read_parquet(folder / "parquet" / f"{table}.parquet")
    for field in table_schema(table)["fields"]:
        name, dtype = field["name"], pandas_dtype(field)
        if field["type"] == "date":
            frame[name] = pd.to_datetime(frame[name]).astype(dtype)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def load_package(descriptor: str | Path | None = None):
    """The frictionless Package of a build (default: this repository's ``datapackage.json``)."""
    from frictionless import Package

    return Package(str(descriptor or ROOT / "datapackage.json"))
