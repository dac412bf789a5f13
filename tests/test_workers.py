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


def test_after_prepare_a_workers_first_report_imports_nothing_more():
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\n"
        "from govreports import workers\n"
        "from govreports.metadata import scan_sources\n"
        "source = scan_sources(Path(sys.argv[1]) / 'raw').sources[0]\n"
        "workers.prepare()\n"
        "before = set(sys.modules)\n"
        "workers.report_ipc(source)\n"
        "print(sorted(m.split('.')[0] for m in set(sys.modules) - before))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, check=True)
    assert "pandas" not in done.stdout, done.stdout
