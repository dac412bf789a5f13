import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes tens of seconds (deselect with -m 'not slow')")


def run_build(raw: Path, out: Path, *extra: str, **popen):
    """build.py in its own process, as a user runs it: the exit code and what it printed.

    ``popen`` goes to ``subprocess.run`` (a ``preexec_fn`` that sets a limit, an ``env``)."""
    import subprocess

    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
        **popen,
    )
