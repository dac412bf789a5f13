"""What a worker process of ``build.py --jobs N`` runs: set-up once, then one report per call.

Extraction makes no reference cycles (a test checks it on our reports), so the cyclic garbage
collector's passes over each report's many short-lived objects find nothing; in a worker they cost
about 4% of its time, most of it walking the 70,000 objects inherited from the build. A worker
hides those (``gc.freeze``), turns automatic collection off, and collects once after each report,
which keeps its memory bounded should a cycle ever appear (about half a millisecond)."""

from __future__ import annotations

import gc

import pyarrow as pa

from .metadata import SourceFile
from .pipeline import document_ipc


def prepare() -> None:
    """In the build, before the workers are forked: pyarrow imports pandas the first time it makes
    an array of Python values (a third of a second of CPU), so done once here, every worker shares
    it instead of each importing it for its first report."""
    pa.array([0])


def start() -> None:
    gc.freeze()
    gc.disable()


def report_ipc(source: SourceFile) -> tuple[dict[str, bytes] | None, str | None]:
    try:
        return document_ipc(source)
    finally:
        gc.collect()
