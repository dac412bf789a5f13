"""frictionless's check of a written descriptor, in a process started when ``build.py`` starts.

Importing frictionless takes about half a second, as long as extracting two reports: started at
launch, before the build imports anything heavy, the import runs on the second core while the
reports are read, and the build only waits for the check itself. Standard library only, so that
starting it costs a fork. Where there is no fork, or the process is gone, the caller checks in its
own process (the same check; ``answer`` returns ``GONE``).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal

GONE = object()  # the process did not answer: check in the caller's process instead

#: Read once while the build is still extracting: frictionless's first descriptor loads and compiles
#: its profiles (0.2 s, twice a later check's time), so the build's own check then waits less. A
#: table with a key, an enum and a foreign key, so that each of those parts of the profile is loaded.
WARM_UP = {
    "name": "warm-up",
    "resources": [
        {
            "name": "rows",
            "path": "rows.csv",
            "format": "csv",
            "schema": {
                "fields": [
                    {"name": "id", "type": "integer"},
                    {"name": "kind", "type": "string", "constraints": {"enum": ["a"]}},
                ],
                "primaryKey": ["id"],
                "foreignKeys": [{"fields": ["id"], "reference": {"resource": "rows", "fields": ["id"]}}],
            },
        }
    ],
}


def _serve(requests: int, answers: int, parent: int) -> None:
    """Import frictionless, then answer one line per descriptor path: ``null`` or the problem."""
    from frictionless import FrictionlessException, Package, system

    with contextlib.suppress(Exception), system.use_context(trusted=True):  # nothing depends on it
        Package(WARM_UP)
    pending = b""
    with os.fdopen(requests, "rb", buffering=0) as inbox, os.fdopen(answers, "wb", buffering=0) as outbox:
        while True:
            ready, _, _ = select.select([inbox], [], [], 1.0)
            if not ready:
                if os.getppid() != parent:  # the build was killed: nobody will ask
                    return
                continue
            chunk = inbox.read(65536)
            if not chunk:  # the build is done with us
                return
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                path = json.loads(line)
                try:
                    with system.use_context(trusted=True):
                        Package(path)  # raises on a descriptor that is not valid
                    problem = None
                except FrictionlessException as exc:
                    problem = str(exc)
                outbox.write((json.dumps(problem, ensure_ascii=False) + "\n").encode("utf-8"))


class DescriptorCheck:
    """The process and the two pipes to it; ``answer`` asks it to check one descriptor."""

    def __init__(self) -> None:
        self.pid = None
        if not hasattr(os, "fork"):
            return
        requests_read, self._requests = os.pipe()
        self._answers, answers_write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the build's code
            code = 0
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is the build's to report
                null = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(null, fd)
                os.close(self._requests)
                os.close(self._answers)
                _serve(requests_read, answers_write, parent)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(requests_read)
        os.close(answers_write)
        self.pid = pid
        self._pending = b""

    def answer(self, descriptor_path) -> str | object | None:
        """``None`` if frictionless reads the descriptor, else its message; ``GONE`` if no answer came."""
        if self.pid is None:
            return GONE
        try:
            os.write(self._requests, (json.dumps(str(descriptor_path)) + "\n").encode("utf-8"))
            while b"\n" not in self._pending:
                chunk = os.read(self._answers, 65536)
                if not chunk:
                    raise EOFError
                self._pending += chunk
        except (OSError, EOFError):
            self.close()
            return GONE
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def close(self) -> None:
        """End the process. (Left running, it ends by itself once the build is gone.)"""
        if self.pid is None:
            return
        for fd in (self._requests, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):  # a worker forked by the build may hold the pipe open
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        self.pid = None
