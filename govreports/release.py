"""A citable release: ``dist/<name>-<version>.zip`` with the package, its schemas and docs, and a
``SHA256SUMS`` file inside (``sha256sum -c SHA256SUMS`` checks it). The version comes from
``govreports.__version__`` alone; CITATION.cff, pyproject.toml, datapackage.json and CHANGELOG.md
must agree with it (a test says so)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from .formats import ZIP_EPOCH

RELEASE_FILES = ("datapackage.json", "README.md", "CHANGELOG.md", "CITATION.cff", "LICENSE", "LICENSE-DATA.md")
RELEASE_FOLDERS = ("data", "schemas", "docs")


def release_members(root: Path) -> list[Path]:
    """Every file a release holds, relative to the repository root, in a fixed order."""
    members = [Path(name) for name in RELEASE_FILES if (root / name).is_file()]
    for folder in RELEASE_FOLDERS:
        members += sorted(p.relative_to(root) for p in (root / folder).rglob("*") if p.is_file())
    return members


def release_bytes(root: Path, prefix: str) -> bytes:
    """The release zip: every member under ``prefix/``, plus SHA256SUMS; fixed timestamps."""
    out = io.BytesIO()
    sums = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in release_members(root):
            data = (root / member).read_bytes()
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {member.as_posix()}")
            entry = zipfile.ZipInfo(f"{prefix}/{member.as_posix()}", ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
        entry = zipfile.ZipInfo(f"{prefix}/SHA256SUMS", ZIP_EPOCH)
        entry.external_attr = 0o644 << 16
        archive.writestr(entry, "\n".join(sums) + "\n")
    return out.getvalue()


def write_release(root: Path, dist: Path, name: str, version: str) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    path = dist / f"{name}-{version}.zip"
    path.write_bytes(release_bytes(root, f"{name}-{version}"))
    return path
