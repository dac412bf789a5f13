"""The README's snippets run as written, from the repository root, with the project's Python.

Every ```python and ```sh block is run; the one line that is not is `make test` itself (this test
runs inside it)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# One snippet rebuilds the committed data/ (make data): one worker runs every test that reads it, in turn.
pytestmark = pytest.mark.xdist_group("repository-data")

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [
    (lang, "\n".join(line[len(indent) :] for line in body.split("\n")))
    for indent, lang, body in re.findall(r"^( *)```(python|sh)\n(.*?)\n\1```", README, flags=re.M | re.S)
]


def test_the_readme_has_snippets_of_both_kinds():
    assert {lang for lang, _ in BLOCKS} == {"python", "sh"}


@pytest.mark.parametrize(("lang", "code"), BLOCKS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(BLOCKS)])
def test_a_readme_snippet_runs_as_written(lang, code):
    env = {**os.environ, "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}"}
    if lang == "python":
        command = [sys.executable, "-c", code]
    else:
        lines = [line for line in code.split("\n") if not re.match(r"\s*make test\b", line)]
        command = ["bash", "-euo", "pipefail", "-c", "\n".join(lines)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=240)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
