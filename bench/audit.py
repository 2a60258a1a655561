"""Benchmark ``copydesk audit``: synthetic archives built from a corpus at bench time, audited
on one process, all local cores and a 2-worker Dask LocalCluster.

    python bench/audit.py [--corpus ../shared/corpus/bbc] [--work /tmp/copydesk-audit-bench]
                          [--run SIZE:FORMAT:ENGINE ...] [--partition-size 2000]

ENGINE is ``one`` (one process), ``local`` (all local cores) or ``cluster`` (a LocalCluster
of 2 workers); FORMAT ``jsonl`` or ``parquet``. The default runs are 100k stories on every
engine (JSON Lines), 100k as Parquet on all cores, and 1M on all cores. Archives are
built once per size and format in ``--work`` (never in the repository): each story is
sentences drawn at random from the whole corpus (so the text varies), as many as a
random article of the corpus has, under a random article's title; dates spread over five
years; eight desks.

Each run is a child process: wall time, stories/s, words/s, and the peak resident memory
of every process it started (sampled every 0.2 s; the largest is the busiest worker's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
DESKS = ("world", "politics", "business", "sport", "tech", "culture", "science", "opinion")
DEFAULT_RUNS = ("100000:jsonl:one", "100000:jsonl:local", "100000:jsonl:cluster", "100000:parquet:local",
                "1000000:jsonl:local")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘])")
BATCH = 10_000


def corpus(folder: Path) -> tuple[list[str], list[str], list[int]]:
    """Titles, sentences and each article's number of sentences."""
    titles, sentences, lengths = [], [], []
    for path in sorted(folder.rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = text.strip().partition("\n")
        found = [s.strip() for p in body.split("\n") for s in _SENTENCE.split(p) if s.strip()]
        titles.append(title.strip())
        sentences += found
        lengths.append(max(1, len(found)))
    return titles, sentences, lengths


def records(size: int, folder: Path, seed: int = 2024) -> Any:
    titles, sentences, lengths = corpus(folder)
    rng = random.Random(seed)
    start, days = dt.date(2019, 1, 1), (dt.date(2024, 1, 1) - dt.date(2019, 1, 1)).days
    for i in range(size):
        picked = rng.choices(sentences, k=rng.choice(lengths))
        paragraphs = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        yield {"id": f"s{i:08d}", "date": (start + dt.timedelta(days=rng.randrange(days))).isoformat(),
               "desk": DESKS[rng.randrange(len(DESKS))], "byline": f"Reporter {rng.randrange(300)}",
               "headline": rng.choice(titles), "body": "\n\n".join(paragraphs)}


def build(size: int, fmt: str, work: Path, folder: Path) -> Path:
    path = work / f"archive-{size}.{fmt}"
    if path.exists():
        return path
    work.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    started = time.monotonic()
    if fmt == "jsonl":
        with temporary.open("w", encoding="utf-8") as handle:
            for record in records(size, folder):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        batch: list[dict[str, Any]] = []
        for record in records(size, folder):
            batch.append(record)
            if len(batch) == BATCH:
                table = pa.Table.from_pylist(batch)
                writer = writer or pq.ParquetWriter(temporary, table.schema, compression="zstd")
                writer.write_table(table)
                batch = []
        if batch:
            table = pa.Table.from_pylist(batch)
            writer = writer or pq.ParquetWriter(temporary, table.schema, compression="zstd")
            writer.write_table(table)
        assert writer is not None
        writer.close()
    temporary.rename(path)
    print(f"built {path} ({path.stat().st_size / 1e6:,.0f} MB) in {time.monotonic() - started:.0f} s",
          flush=True)
    return path


class Peaks:
    """The peak resident memory of this process and of every process it starts, and the CPU
    time they used (user and system, as last sampled: Dask's workers are grandchildren,
    which ``RUSAGE_CHILDREN`` counts only once they are reaped)."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while not self.done.wait(0.2):
            for proc in [self.me, *self.me.children(recursive=True)]:
                try:
                    rss = proc.memory_info().rss / 1e6
                    times = proc.cpu_times()
                except psutil.Error:
                    continue
                self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0.0), rss)
                self.cpu[proc.pid] = times.user + times.system

    def stop(self) -> tuple[float, float]:
        self.done.set()
        self.thread.join()
        main = self.peaks.pop(self.me.pid, 0.0)
        return main, max(self.peaks.values(), default=main)

    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


class Deadline(Exception):
    pass


def one_run(spec: str, work: Path, partition_size: int, seconds: float | None = None) -> dict[str, Any]:
    """Audit one archive in this process (the child's side); with ``seconds``, stop after
    that long (the audit resumes where it stopped on the next run of the same spec)."""
    from linter.audit.driver import Plan, run_audit
    from linter.audit.engines import Engine
    from linter.audit.task import Rules
    from linter.run.batch import default_jobs
    from linter.run.session import open_session

    size, fmt, name = spec.split(":")
    archive = work / f"archive-{size}.{fmt}"
    engine = {"one": Engine(1), "local": Engine(default_jobs()), "cluster": Engine(workers=2)}[name]
    out = work / f"out-{size}-{fmt}-{name}"
    peaks = Peaks()
    load = os.getloadavg()[0]
    started = time.monotonic()
    rules = Rules.of(open_session(None, work, use_config=False))
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if seconds is not None and time.monotonic() - started > seconds and done < total:
            raise Deadline

    try:
        plan = Plan((str(archive),), out, partition_size=partition_size)
        outcome = run_audit(plan, rules, engine, progress)
    except Deadline:
        wall = time.monotonic() - started
        main, worker = peaks.stop()
        cpu = peaks.cpu_seconds()
        return {"run": spec, "engine": engine.name, "finished": False, "wall_s": round(wall, 1),
                "stories_done": seen[-1], "stories_this_run": seen[-1] - seen[0],
                "stories_per_s": round((seen[-1] - seen[0]) / wall, 1),
                "cpu_s": round(cpu, 1), "stories_per_cpu_s": round((seen[-1] - seen[0]) / cpu, 1),
                "peak_main_mb": round(main), "peak_worker_mb": round(worker),
                "load_before": round(load, 1), "load_after": round(os.getloadavg()[0], 1)}
    wall = time.monotonic() - started
    main, worker = peaks.stop()
    summary = outcome.summary
    assert summary is not None
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = max(sum(u.ru_utime + u.ru_stime for u in usage), peaks.cpu_seconds())
    return {"run": spec, "engine": engine.name, "wall_s": round(wall, 1), "stories": summary.stories,
            "words": summary.words, "findings": summary.findings,
            "stories_per_s": round(summary.stories / wall), "words_per_s": round(summary.words / wall),
            "cpu_s": round(cpu, 1), "stories_per_cpu_s": round(summary.stories / cpu),
            "words_per_cpu_s": round(summary.words / cpu),
            "peak_main_mb": round(main), "peak_worker_mb": round(worker), "errors": len(outcome.errors),
            "load_before": round(load, 1), "load_after": round(os.getloadavg()[0], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--work", type=Path, default=Path("/tmp/copydesk-audit-bench"))
    parser.add_argument("--run", action="append", default=[], metavar="SIZE:FORMAT:ENGINE")
    parser.add_argument("--partition-size", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=None,
                        help="stop each run after this long (it resumes on the next run of the same spec)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(args.child, args.work, args.partition_size, args.seconds)), flush=True)
        return 0
    for spec in args.run or DEFAULT_RUNS:
        size, fmt, _ = spec.split(":")
        build(int(size), fmt, args.work, args.corpus)
        seconds = ["--seconds", str(args.seconds)] if args.seconds else []
        result = subprocess.run([sys.executable, __file__, "--work", str(args.work), "--child", spec,
                                 "--partition-size", str(args.partition_size), *seconds],
                                capture_output=True, text=True, check=False, env={**os.environ})
        if result.returncode:
            print(f"{spec}: failed\n{result.stderr[-3000:]}", flush=True)
            continue
        report = json.loads(result.stdout.strip().splitlines()[-1])
        print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
