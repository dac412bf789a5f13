import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_build(raw: Path, out: Path, *extra: str):
    """build.py in its own process, as a user runs it: the exit code and what it printed."""
    import subprocess

    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
