"""Load on ``copydesk serve``: concurrent LanguageTool clients on loopback, against
``copydesk check`` run once per draft, in one invocation.

    python bench/serve.py [--corpus ../shared/corpus/bbc] [--clients 32] [--seconds 60]
                          [--words 800] [--workers N] [--cli-drafts 12] [--json]

Builds drafts of about ``--words`` words from the corpus (stories joined in order), starts
``copydesk serve`` on 127.0.0.1 and a free port (no config, no access log), warms it up,
then runs ``--clients`` threads for ``--seconds`` (bounded: no request starts after that),
each posting drafts to ``/v2/check`` over a kept-alive connection, as LanguageTool's
clients do. Prints requests/s, latency percentiles (p50, p95, p99, max), errors (any
answer but 200, or a failed connection), and the server's memory (its process and its
workers, resident set) after the warm-up and at the end. Then it runs ``copydesk check
--format json`` once per draft (a new process each time, what a per-draft hook or CI job
does) on ``--cli-drafts`` drafts, with a cache of its own filled first, and prints drafts/s
for comparison.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
_READY = re.compile(r"ready on (http://127\.0\.0\.1:(\d+)/)")


def drafts(corpus: Path, words: int, count: int) -> list[str]:
    """``count`` drafts of about ``words`` words: the corpus's paragraphs in order, a draft
    ending at the first paragraph that brings it to ``words``."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for path in sorted(corpus.rglob("*.txt")):
        if path.name.upper() == "README.TXT":
            continue
        for paragraph in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            if not paragraph.strip():
                continue
            current.append(paragraph.strip())
            size += len(paragraph.split())
            if size >= words:
                out.append("\n\n".join(current))
                current, size = [], 0
                if len(out) == count:
                    return out
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the workers), in MB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total / 1024


def start_server(workers: int | None, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    command = [sys.executable, "-m", "linter", "serve", "--no-config", "--no-access-log", "--port", "0"]
    if workers:
        command += ["--workers", str(workers)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=log.parent)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = _READY.search(log.read_text(errors="replace"))
        if found:
            return process, int(found.group(2))
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"copydesk serve did not start:\n{log.read_text(errors='replace')}")


class Client(threading.Thread):
    """One client: post drafts until ``stop``, over one kept-alive connection."""

    def __init__(self, port: int, bodies: list[bytes], offset: int, stop: float) -> None:
        super().__init__(daemon=True)
        self.port, self.bodies, self.offset, self.stop = port, bodies, offset, stop
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.finished = stop

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        n = self.offset
        while time.monotonic() < self.stop:
            body = self.bodies[n % len(self.bodies)]
            n += 1
            started = time.perf_counter()
            try:
                connection.request("POST", "/v2/check", body,
                                   {"Content-Type": "application/x-www-form-urlencoded"})
                response = connection.getresponse()
                payload = response.read()
                if response.status != 200 or b'"matches"' not in payload:
                    self.errors.append(f"HTTP {response.status}: {payload[:200]!r}")
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(f"{type(exc).__name__}: {exc}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                continue
            self.latencies.append(time.perf_counter() - started)
        self.finished = time.monotonic()
        connection.close()


def load(port: int, texts: list[str], clients: int, seconds: float, pid: int = 0) -> dict[str, object]:
    """Run the clients; with ``pid``, sample the server's memory every tenth of the run."""
    bodies = [urlencode({"text": t, "language": "en-GB"}).encode() for t in texts]
    started = time.monotonic()
    threads = [Client(port, bodies, i * 7, started + seconds) for i in range(clients)]
    for thread in threads:
        thread.start()
    memory = []
    while pid and any(t.is_alive() for t in threads):
        time.sleep(seconds / 10)
        memory.append(round(rss_mb(pid), 1))
    for thread in threads:
        thread.join()
    # until the last answer came (not until the memory sampler woke up)
    elapsed = max(t.finished for t in threads) - started
    latencies = sorted(x for t in threads for x in t.latencies)
    errors = [e for t in threads for e in t.errors]

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else 0.0

    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
            "requests_per_s": round(len(latencies) / elapsed, 1), "p50_ms": round(pct(50), 1),
            "p95_ms": round(pct(95), 1), "p99_ms": round(pct(99), 1),
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else 0.0,
            "errors": len(errors), "first_errors": errors[:3], "memory_samples_mb": memory}


def cli_per_draft(texts: list[str], folder: Path) -> dict[str, object]:
    """``copydesk check`` once per draft, a new process each time, with a cache of its own
    (filled by one untimed run first), as on an editor's machine or a CI runner that keeps it."""
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"draft-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    command = [sys.executable, "-m", "linter", "check", "--no-config", "--format", "json"]
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(folder / "cache")}
    env.pop("COPYDESK_NO_CACHE", None)
    subprocess.run([*command, str(paths[0])], capture_output=True, check=False, cwd=folder, env=env)
    started = time.monotonic()
    codes = [subprocess.run([*command, str(p)], capture_output=True, check=False, cwd=folder,
                            env=env).returncode for p in paths]
    elapsed = time.monotonic() - started
    return {"drafts": len(paths), "seconds": round(elapsed, 1),
            "drafts_per_s": round(len(paths) / elapsed, 2),
            "bad_exit_codes": sum(code not in (0, 1) for code in codes)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--workers", type=int, default=None, help="copydesk serve --workers (default: cores)")
    parser.add_argument("--cli-drafts", type=int, default=12)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    texts = drafts(args.corpus, args.words, 64)
    if not texts:
        raise SystemExit(f"no drafts found under {args.corpus}")
    words = statistics.mean(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as folder:
        process, port = start_server(args.workers, Path(folder) / "serve.log")
        try:
            load(port, texts, 4, 10.0)  # warm-up: every worker has checked every draft, caches are full
            memory_start = rss_mb(process.pid)
            figures = load(port, texts, args.clients, args.seconds, process.pid)
            memory_end = rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(30)
        cli = cli_per_draft(texts[:args.cli_drafts], Path(folder))
    result = {"drafts": len(texts), "mean_words": round(words), "cores": os.cpu_count(),
              "server": {**figures, "memory_start_mb": round(memory_start, 1),
                         "memory_end_mb": round(memory_end, 1)},
              "cli_per_draft": cli,
              "speedup": round(float(figures["requests_per_s"]) / float(cli["drafts_per_s"]), 1)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    s = result["server"]
    print(f"{len(texts)} drafts of {round(words)} words on average; {os.cpu_count()} cores")
    print(f"copydesk serve, {s['clients']} clients for {s['seconds']} s: {s['requests']} requests, "
          f"{s['requests_per_s']} requests/s; latency p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, "
          f"p99 {s['p99_ms']} ms, max {s['max_ms']} ms; errors {s['errors']}")
    print(f"server memory (process and workers): {s['memory_start_mb']} MB after warm-up, "
          f"{s['memory_end_mb']} MB at the end (every {args.seconds / 10:g} s: {s['memory_samples_mb']})")
    print(f"copydesk check once per draft: {cli['drafts']} drafts in {cli['seconds']} s, "
          f"{cli['drafts_per_s']} drafts/s; the server answers {result['speedup']}x as many")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
