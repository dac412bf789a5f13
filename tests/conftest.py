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


def build_in_process(raw: Path, out: Path, *extra: str):
    """``build.main`` in this process with what it prints captured: the same code as ``build.py``
    minus the interpreter's start-up (two seconds of imports a build), for the many small builds
    of the bad-input cases. An exception escapes into the test, so a traceback still fails it."""
    import contextlib
    import io
    import subprocess

    import build

    argv = ["--raw", str(raw), "--out", str(out), *extra]
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = build.main(argv)
    return subprocess.CompletedProcess(["build.py", *argv], code, stdout.getvalue(), stderr.getvalue())
