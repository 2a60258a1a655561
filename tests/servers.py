"""``copydesk serve`` in a subprocess on 127.0.0.1 and a free port, for the serve tests."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_READY = re.compile(r"ready on (http://127\.0\.0\.1:\d+/)")


@dataclass(frozen=True)
class Running:
    url: str  # http://127.0.0.1:PORT/
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def running_server(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
                   startup: float = 90.0) -> Iterator[Running]:
    """Start ``copydesk serve --port 0 ARGS`` and yield it once its workers are ready; stop
    it (SIGTERM, as a service manager does) afterwards."""
    with tempfile.TemporaryDirectory(prefix="copydesk-serve-") as folder:
        log = Path(folder) / "serve.log"
        command = [sys.executable, "-m", "linter", "serve", "--host", "127.0.0.1", "--port", "0", *args]
        with log.open("wb") as out:
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=cwd or folder,
                                       env={**os.environ, **(env or {})})
        try:
            yield Running(_wait_ready(process, log, startup), process, log)
        finally:
            _stop(process)


def _wait_ready(process: subprocess.Popen[bytes], log: Path, limit: float) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = _READY.search(log.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found.group(1)
        if process.poll() is not None:
            raise AssertionError(f"copydesk serve exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.1)
    raise AssertionError(f"copydesk serve was not ready within {limit:g} s:\n{log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
