"""The quick-start notebook runs top to bottom on a fresh kernel."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

# Reads the committed data/, which a README snippet rebuilds: one worker runs all such tests in turn.
pytestmark = pytest.mark.xdist_group("repository-data")

ROOT = Path(__file__).resolve().parent.parent


def test_the_quickstart_notebook_runs_top_to_bottom():
    notebook = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": ROOT / "notebooks"}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart was drawn
