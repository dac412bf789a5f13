"""Write notebooks/quickstart.ipynb (kept as code here so its cells are reviewed like code).

.venv/bin/python scripts/make_notebook.py
"""

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent

CELLS = [
    (
        "markdown",
        "# Quick start: government work reports as data\n\n"
        "Load the tables with their types, join targets to their sections and reports, filter and plot "
        "them, set targets against outcomes, and check one figure against its source sentence. Run it "
        "from the repository's `notebooks/` folder with the project's `.venv`.",
    ),
    (
        "code",
        "import sys\nfrom pathlib import Path\n\n"
        "ROOT = Path.cwd().parent if Path.cwd().name == 'notebooks' else Path.cwd()\n"
        "sys.path.insert(0, str(ROOT))\n"
        "import govreports  # noqa: E402\n\n"
        "tables = {name: govreports.load(name, ROOT / 'data') for name in ('documents', 'sections', 'targets',"
        " 'achievements', 'target_outcomes')}\n"
        "{name: len(frame) for name, frame in tables.items()}",
    ),
    ("markdown", "## Targets with their section and report"),
    (
        "code",
        "targets = tables['targets'].merge(\n"
        "    tables['sections'][['section_id', 'heading', 'part']], on='section_id', how='left'\n"
        ").merge(tables['documents'][['doc_id', 'region', 'delivered_on']], on='doc_id', how='left')\n"
        "targets[['region', 'year', 'heading', 'indicator', 'comparator', 'value', 'unit']].head()",
    ),
    ("markdown", "## Filter by category and plot"),
    (
        "code",
        "environment = targets[targets.category == 'environment']\n"
        "print(len(environment), 'environment targets')\n"
        "counts = targets.groupby('category', observed=True).size().sort_values()\n"
        "ax = counts.plot.barh(figsize=(6, 5), title='targets by category')\n"
        "ax.set_xlabel('targets');",
    ),
    ("markdown", "## Targets against outcomes\n\n`met` is unknown until a later report gives the outcome."),
    (
        "code",
        "tables['target_outcomes'][['region', 'year', 'indicator_code', 'target_comparator', 'target_value',"
        " 'outcome_value', 'met', 'met_rule']]",
    ),
    ("markdown", "## One figure, checked against its source sentence"),
    (
        "code",
        "row = tables['targets'].iloc[0]\n"
        "raw = (ROOT / 'raw' / f'{row.doc_id}.txt').read_text(encoding='utf-8')\n"
        "assert raw[row.char_start:row.char_end] == row.quote\n"
        "print(row.indicator, row.value, row.unit)\n"
        "print(raw[max(0, row.char_start - 40):row.char_end + 40])",
    ),
]


def main() -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source)
        for kind, source in CELLS
    ]
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i}"
    nbformat.write(notebook, ROOT / "notebooks" / "quickstart.ipynb")


if __name__ == "__main__":
    main()
