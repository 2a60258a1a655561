"""Benchmark copydesk against proselint on a corpus folder, in one invocation.

    python bench/bench.py [--corpus ../shared/corpus/bbc] [--no-proselint]
                          [--no-cold] [--no-scaling] [--jobs N]

Prints, for each tool, whole-process wall time, CPU time, words/s, files/s
and peak RSS (copydesk's first run with an empty cache, then a run as every
later one is), then the ratio copydesk/proselint measured in this same run;
the cold start of one ~800-word draft (median of repeated runs, next to a
bare ``python -c pass``); and corpus time with generated term rules of
200, 1,000 and 10,000 terms (cost against the number of terms), first run and
cached.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    code: int


# Children run as an installed tool would: with byte-code caching on.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str], cwd: Path | None = None) -> Run:
    """Wall time, CPU time and peak RSS of one child process (its own rusage, via wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def corpus_stats(corpus: Path) -> tuple[int, int]:
    files = [p for p in corpus.rglob("*.txt")]
    words = sum(len(p.read_bytes().split()) for p in files)
    return len(files), words


def report(name: str, run: Run, files: int, words: int) -> None:
    print(f"{name:<28} {run.wall:7.2f} s wall {run.cpu:7.2f} s cpu "
          f"{words / run.wall:>10,.0f} words/s {files / run.wall:>7,.0f} files/s "
          f"{run.peak_mb:7.1f} MB peak (exit {run.code})")


def copydesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "linter", *args]


def whole_corpus(corpus: Path, jobs: int | None, with_proselint: bool) -> None:
    files, words = corpus_stats(corpus)
    print(f"corpus: {corpus} ({files:,} files, {words:,} words)")
    extra = ["--jobs", str(jobs)] if jobs else []
    argv = copydesk("check", "--format", "json", "--fail-on", "never", *extra, str(corpus))
    with tempfile.TemporaryDirectory() as tmp:
        # The first run after installing (or changing the rules) compiles every pattern and
        # parses every rule file; later runs read them from the cache.
        ENV["COPYDESK_CACHE_DIR"] = tmp
        report("copydesk, first run", measure(argv), files, words)
        ours = measure(argv)
        del ENV["COPYDESK_CACHE_DIR"]
    report("copydesk (default styles)", ours, files, words)
    if with_proselint and shutil.which("proselint"):
        theirs = measure(["proselint", "check", "--output-format", "json", str(corpus)])
        report("proselint 0.16", theirs, files, words)
        print(f"ratio: copydesk is {theirs.wall / ours.wall:.1f}x proselint's speed (wall)")


def draft_near(corpus: Path, words: int) -> Path:
    return min(corpus.rglob("*.txt"), key=lambda p: abs(len(p.read_bytes().split()) - words))


def cold_start(corpus: Path, repeats: int = 15) -> None:
    """A new process per run, as a pre-commit hook pays (after one warm-up run that
    writes byte code and the regex cache, as the first run after install does)."""
    draft = draft_near(corpus, 800)
    measure(copydesk("check", str(draft)))
    bare = statistics.median(measure([sys.executable, "-c", "pass"]).wall for _ in range(repeats))
    runs = [measure(copydesk("check", str(draft))) for _ in range(repeats)]
    print(f"cold start, one {len(draft.read_bytes().split())}-word draft ({draft.name}): "
          f"median {statistics.median(r.wall for r in runs) * 1000:.0f} ms "
          f"(min {min(r.wall for r in runs) * 1000:.0f} ms; bare python -c pass {bare * 1000:.0f} ms)")


def vocabulary(corpus: Path, skip: int, count: int) -> list[str]:
    counts = Counter(w.lower() for p in corpus.rglob("*.txt")
                     for w in re.findall(r"[A-Za-z]{4,}", p.read_text("utf-8", "replace")))
    ranked = [w for w, _ in counts.most_common()]
    real = ranked[skip:skip + count]
    synthetic = [f"zx{i:05d}q" for i in range(count - len(real))]
    return real + synthetic


def term_scaling(corpus: Path, sizes: tuple[int, ...] = (200, 1000, 10000)) -> None:
    files, words = corpus_stats(corpus)
    terms = vocabulary(corpus, 3000, max(sizes))
    with tempfile.TemporaryDirectory() as tmp:
        # The generated rules get a cache of their own, not the user's.
        ENV["COPYDESK_CACHE_DIR"] = str(Path(tmp) / "cache")
        for size in sizes:
            style = Path(tmp) / f"Gen{size}"
            style.mkdir()
            listed = "\n".join(f"  - {t}" for t in terms[:size])
            (style / "Terms.yml").write_text(
                "extends: existence\nmessage: \"'%s' is on the list\"\nlevel: warning\n"
                f"ignorecase: true\nquotes: include\ntokens:\n{listed}\n")
            (Path(tmp) / f"c{size}.yml").write_text(f"styles: [{style}]\n")
            argv = copydesk("check", "--config", str(Path(tmp) / f"c{size}.yml"),
                            "--format", "json", "--fail-on", "never", str(corpus))
            # First run: the rule's pattern is parsed, analysed and compiled; the second
            # reads it from the cache, as every later run does.
            report(f"{size:>6} generated terms, 1st", measure(argv), files, words)
            report(f"{size:>6} generated terms, 2nd", measure(argv), files, words)
        del ENV["COPYDESK_CACHE_DIR"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args()
    whole_corpus(args.corpus, args.jobs, not args.no_proselint)
    if not args.no_cold:
        cold_start(args.corpus)
    if not args.no_scaling:
        term_scaling(args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
