"""The worker processes of ``build.py --jobs N``."""

import gc
from pathlib import Path

from govreports import pipeline
from govreports.metadata import scan_sources

ROOT = Path(__file__).resolve().parent.parent


def test_extraction_makes_no_reference_cycles_so_workers_may_collect_once_a_report():
    sources = [
        s
        for folder in (ROOT / "raw", *sorted((ROOT / "tests" / "gold").glob("*/raw")))
        for s in scan_sources(folder).sources
    ]
    assert len(sources) > 5
    # The first report loads what is loaded once (pyarrow's lazy imports, compiled patterns), which
    # may hold cycles: a worker's collect after its first report takes them.
    pipeline.document_ipc(sources[0])
    gc.collect()
    gc.disable()
    try:
        for source in sources:
            packed, problem = pipeline.document_ipc(source)
            assert problem is None and packed
            assert gc.collect() == 0, f"{source.path.name} left reference cycles"
    finally:
        gc.enable()
