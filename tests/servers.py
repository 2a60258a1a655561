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


@contextlib.contextmanager
def path_proxy(upstream: str, prefix: str) -> Iterator[str]:
    """A reverse proxy on 127.0.0.1 that serves ``upstream`` under ``prefix`` (``/copydesk/``),
    stripping it as nginx's ``location /copydesk/ { proxy_pass http://.../; }`` does, and
    passing ``Authorization`` on. Yields the proxied address (``http://127.0.0.1:PORT/copydesk/``)."""
    import http.client
    import http.server
    import threading
    import urllib.parse

    target = urllib.parse.urlsplit(upstream)

    class Handler(http.server.BaseHTTPRequestHandler):
        def _forward(self) -> None:
            if not self.path.startswith(prefix):
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() in ("authorization", "content-type", "accept")}
            connection = http.client.HTTPConnection(target.hostname or "127.0.0.1", target.port, timeout=30)
            try:
                connection.request(self.command, "/" + self.path[len(prefix):], body=body, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
            finally:
                connection.close()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in ("content-length", "connection", "transfer-encoding", "date", "server"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _forward

        def log_message(self, format: str, *args: object) -> None:
            pass

    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}{prefix}"
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join()
