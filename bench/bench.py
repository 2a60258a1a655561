"""Benchmark copydesk against proselint and Vale on a corpus folder, in one invocation.

    python bench/bench.py [--corpus ../shared/corpus/bbc] [--vale ../shared/peers/vale]
                          [--runs 3] [--jobs N] [--no-proselint] [--no-vale] [--no-cold]
                          [--no-one-file] [--no-huge] [--no-scaling]

Every figure is a whole child process (its own rusage, via wait4): wall time, CPU time
(user + system, over every process it started), words/s and peak RSS, each given as the
range over ``--runs`` runs. Rows:

- the whole corpus (copydesk's first run with an empty cache, then later runs), proselint
  0.16 on it, and the ratios copydesk/peer in CPU and in wall time with how many processes
  each used; copydesk's exit code 2 (a file it cannot decode) is printed with the error;
- Vale 3.7.1 and copydesk on one identical ``existence`` rule of 200 and 1,000 terms
  (``--vale-terms``; ``--vale``: the binary and rule sets of ``../shared/peers/vale``), on the
  corpus, and the 200-term rule on one draft in a cold process;
- the cold start of one ~800-word draft (a new process each run, cache warmed), next to a
  bare ``python -c pass``, and a ``-X importtime`` summary of that start;
- the corpus as one ~5 MB file against the same words as files (CPU ratio), and one ~50 MB
  file (ten copies), against the 5 MB file and its size (files built at bench time in a
  temporary folder, never committed);
- generated term rules of 200, 1,000 and 10,000 terms (cost against the number of terms).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
DEFAULT_VALE = ROOT.parent / "shared" / "peers" / "vale"


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    code: int


# Children run as an installed tool would: with byte-code caching on.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str], cwd: Path | None = None) -> Run:
    """Wall time, CPU time and peak RSS of one child process (its own rusage, via wait4,
    which counts the workers it started and reaped)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               os.waitstatus_to_exitcode(status))


def unreadable(corpus: Path) -> None:
    """The files copydesk refuses in ``corpus`` (its exit code 2), from its JSON report."""
    result = subprocess.run(copydesk("check", "--format", "json", "--fail-on", "never", str(corpus)),
                            capture_output=True, text=True, check=False, env=ENV)
    for error in json.loads(result.stdout).get("errors", []):
        print(f"{'':<34} {error['path']}: {error['message']}")


def series(argv: list[str], runs: int, cwd: Path | None = None) -> list[Run]:
    return [measure(argv, cwd) for _ in range(runs)]


def span(values: list[float], fmt: str = "{:.2f}") -> str:
    low, high = min(values), max(values)
    return fmt.format(low) if fmt.format(low) == fmt.format(high) else f"{fmt.format(low)}-{fmt.format(high)}"


def corpus_stats(corpus: Path) -> tuple[int, int]:
    files = [p for p in corpus.rglob("*.txt")]
    words = sum(len(p.read_bytes().split()) for p in files)
    return len(files), words


def report(name: str, runs: list[Run], words: int, processes: str = "") -> None:
    codes = sorted({r.code for r in runs})
    print(f"{name:<34} {span([r.wall for r in runs])} s wall  {span([r.cpu for r in runs])} s cpu  "
          f"{span([words / r.wall for r in runs], '{:,.0f}')} words/s  "
          f"{span([r.peak_mb for r in runs], '{:.0f}')} MB peak  exit {'/'.join(map(str, codes))}"
          f"{'  ' + processes if processes else ''}")
    if 2 in codes:
        print(f"{'':<34} exit 2: a file copydesk cannot read (named below), and the rest was linted")


def ratios(name: str, ours: list[Run], theirs: list[Run]) -> None:
    """Peer/copydesk, run by run (the runs alternate, so drift on the machine cancels)."""
    cpu = [t.cpu / o.cpu for o, t in zip(ours, theirs, strict=True)]
    wall = [t.wall / o.wall for o, t in zip(ours, theirs, strict=True)]
    print(f"{'':<34} copydesk is {span(cpu, '{:.1f}')}x {name}'s speed in CPU time, "
          f"{span(wall, '{:.1f}')}x in wall time")


def copydesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "linter", *args]


@lru_cache(maxsize=1)
def default_jobs() -> int:
    code = "from linter.run.batch import default_jobs; print(default_jobs())"
    out = subprocess.run([sys.executable, "-c", code],
                         capture_output=True, text=True, check=True, env=ENV)
    return int(out.stdout)


def alternate(first: list[str], second: list[str], runs: int, cwd: Path | None = None,
              ) -> tuple[list[Run], list[Run]]:
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(measure(first, cwd))
        theirs.append(measure(second, cwd))
    return ours, theirs


def whole_corpus(corpus: Path, jobs: int | None, runs: int, with_proselint: bool) -> list[Run]:
    files, words = corpus_stats(corpus)
    print(f"corpus: {corpus} ({files:,} files, {words:,} words)")
    extra = ["--jobs", str(jobs)] if jobs else []
    argv = copydesk("check", "--format", "json", "--fail-on", "never", *extra, str(corpus))
    processes = f"up to {jobs or default_jobs()} processes"
    with tempfile.TemporaryDirectory() as tmp:
        # The first run after installing (or changing the rules) compiles every pattern and
        # parses every rule file; later runs read them from the cache.
        ENV["COPYDESK_CACHE_DIR"] = tmp
        report("copydesk, first run", [measure(argv)], words, processes)
        proselint = ["proselint", "check", "--output-format", "json", str(corpus)]
        if with_proselint and shutil.which("proselint"):
            ours, theirs = alternate(argv, proselint, runs)
            report("copydesk (default styles)", ours, words, processes)
            report("proselint 0.16", theirs, words, "1 process")
            ratios("proselint", ours, theirs)
        else:
            ours = series(argv, runs)
            report("copydesk (default styles)", ours, words, processes)
        if any(r.code == 2 for r in ours):
            unreadable(corpus)
        del ENV["COPYDESK_CACHE_DIR"]
    return ours


def draft_near(corpus: Path, words: int) -> Path:
    return min(corpus.rglob("*.txt"), key=lambda p: abs(len(p.read_bytes().split()) - words))


def median_ms(runs: list[Run]) -> str:
    return (f"median {statistics.median(r.wall for r in runs) * 1000:.0f} ms wall, "
            f"{statistics.median(r.cpu for r in runs) * 1000:.0f} ms cpu "
            f"(min {min(r.wall for r in runs) * 1000:.0f} ms)")


def cold_start(corpus: Path, runs: int, repeats: int = 15) -> None:
    """A new process per run, as a pre-commit hook pays (after one warm-up run that
    writes byte code and the regex cache, as the first run after install does), with a
    cache of its own: a cache shared with other rule sets is not read (see lib/cache.py)."""
    draft = draft_near(corpus, 800)
    argv = copydesk("check", "--no-config", str(draft))
    with tempfile.TemporaryDirectory() as tmp:
        ENV["COPYDESK_CACHE_DIR"] = tmp
        measure(argv)
        bare = [measure([sys.executable, "-c", "pass"]) for _ in range(repeats)]
        for n in range(runs):
            print(f"cold start {n + 1}, one {len(draft.read_bytes().split())}-word draft ({draft.name}): "
                  f"{median_ms(series(argv, repeats))}; bare python -c pass {median_ms(bare)}")
        importtime(argv)
        # As in a newsroom's repository: the nearest .copydesk.yml is read, which names a
        # house setting (the default styles otherwise).
        project = Path(tmp) / "project"
        project.mkdir()
        (project / ".copydesk.yml").write_text("quote-style: curly\nfail-on: error\n", encoding="utf-8")
        in_project = copydesk("check", "--fail-on", "never", str(draft))
        measure(in_project, project)
        print(f"cold start in a project with a config (quote-style, fail-on): "
              f"{median_ms(series(in_project, repeats, project))}")
        del ENV["COPYDESK_CACHE_DIR"]


def importtime(argv: list[str]) -> None:
    """What importing costs in that start: modules, the total, and the costliest."""
    result = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], capture_output=True, text=True,
                            check=False, env=ENV)
    rows = [line.split("|") for line in result.stderr.splitlines() if line.startswith("import time:")]
    parsed = [(int(r[0].split(":")[1]), int(r[1]), r[2].rstrip()) for r in rows[1:] if len(r) == 3]
    top_level = sum(cum for _, cum, name in parsed if not name.startswith("  "))
    ours = [p for p in parsed if p[2].strip().startswith("linter")]
    print(f"imports (-X importtime, one run): {len(parsed)} modules, {top_level / 1000:.0f} ms in all; "
          f"{len(ours)} of copydesk's own, {sum(s for s, _, _ in ours) / 1000:.0f} ms of their own time; "
          "costliest by own time: "
          + ", ".join(f"{name.strip()} {own / 1000:.1f}"
                      for own, _, name in sorted(parsed, reverse=True)[:6]))


def vale(corpus: Path, peers: Path, runs: int, sizes: tuple[int, ...], jobs: int | None) -> None:
    """The identical ``existence`` rule in Vale and copydesk (``quotes: include``, as Vale
    reports inside quotations): the corpus, and one draft in a cold process."""
    binary = peers / "vale-3.7.1"
    if not binary.exists():
        print(f"vale: {binary} not found, skipped")
        return
    _, words = corpus_stats(corpus)
    draft = draft_near(corpus, 800)
    with tempfile.TemporaryDirectory() as tmp:
        ENV["COPYDESK_CACHE_DIR"] = tmp
        for size in sizes:
            folder = peers / "anchor" / f"t{size}"
            extra = ["--jobs", str(jobs)] if jobs else []
            ours = copydesk("check", "--config", ".copydesk-quotes.yml", "--format", "json", "--fail-on",
                            "never", *extra, str(corpus))
            theirs = [str(binary), "--config", ".vale.ini", "--output=JSON", str(corpus)]
            measure(ours, folder)
            mine, peer = alternate(ours, theirs, runs, folder)
            report(f"copydesk, {size}-term rule", mine, words, f"up to {jobs or default_jobs()} processes")
            report(f"Vale 3.7.1, {size}-term rule", peer, words, "its own threads")
            ratios("Vale", mine, peer)
            if size == sizes[0]:
                one_ours = copydesk("check", "--config", ".copydesk-quotes.yml", "--fail-on", "never",
                                    str(draft))
                one_theirs = [str(binary), "--config", ".vale.ini", "--output=JSON", str(draft)]
                mine, peer = alternate(one_ours, one_theirs, 15, folder)
                print(f"one draft, cold, {size}-term rule: copydesk {median_ms(mine)}; "
                      f"Vale {median_ms(peer)}")
        del ENV["COPYDESK_CACHE_DIR"]


def joined_corpus(corpus: Path, folder: Path, copies: int) -> Path:
    """The corpus's UTF-8 articles as one file (``copies`` times over), stories apart by a
    blank line; written a story at a time, so this process stays small (a child's peak
    memory, as the kernel reports it, starts from its parent's size at fork)."""
    stories = []
    for path in sorted(corpus.rglob("*.txt")):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        stories.append(path)
    target = folder / f"corpus-x{copies}.txt"
    with target.open("wb") as out:
        for copy in range(copies):
            for n, path in enumerate(stories):
                out.write((b"\n\n" if copy or n else b"") + path.read_bytes())
    return target


def one_file(corpus: Path, runs: int, files_runs: list[Run], huge: bool) -> None:
    """The corpus as one file against the same words as files (CPU: one file is one process);
    ten copies (~50 MB) against the one copy: time and peak memory should grow in proportion."""
    with tempfile.TemporaryDirectory() as tmp:
        ENV["COPYDESK_CACHE_DIR"] = str(Path(tmp) / "cache")
        single = joined_corpus(corpus, Path(tmp), 1)
        mb = single.stat().st_size / 1e6
        words = len(single.read_bytes().split())
        argv = copydesk("check", "--format", "json", "--fail-on", "never", str(single))
        measure(argv)
        five = series(argv, runs)
        report(f"corpus as one {mb:.1f} MB file", five, words, "1 process")
        cpu = [r.cpu / f.cpu for r, f in zip(five, files_runs, strict=False)]
        print(f"{'':<34} {span(cpu)}x the CPU of the same words as files; peak memory "
              f"{span([r.peak_mb / mb for r in five], '{:.0f}')}x the file's size")
        if huge:
            big = joined_corpus(corpus, Path(tmp), 10)
            big_mb = big.stat().st_size / 1e6
            argv = copydesk("check", "--format", "json", "--fail-on", "never", "--max-file-size", "60MB",
                            str(big))
            fifty = series(argv, 1)
            report(f"one {big_mb:.0f} MB file (ten copies)", fifty, words * 10, "1 process")
            grown = fifty[0].cpu / statistics.median(r.cpu for r in five)
            print(f"{'':<34} {grown:.1f}x the CPU of the {mb:.1f} MB file (linear: 10x); "
                  f"peak memory {fifty[0].peak_mb / big_mb:.0f}x the file's size")
        del ENV["COPYDESK_CACHE_DIR"]


def vocabulary(corpus: Path, skip: int, count: int) -> list[str]:
    counts = Counter(w.lower() for p in corpus.rglob("*.txt")
                     for w in re.findall(r"[A-Za-z]{4,}", p.read_text("utf-8", "replace")))
    ranked = [w for w, _ in counts.most_common()]
    real = ranked[skip:skip + count]
    synthetic = [f"zx{i:05d}q" for i in range(count - len(real))]
    return real + synthetic


def term_scaling(corpus: Path, sizes: tuple[int, ...] = (200, 1000, 10000)) -> None:
    _, words = corpus_stats(corpus)
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
            report(f"{size:>6} generated terms, 1st", [measure(argv)], words)
            report(f"{size:>6} generated terms, 2nd", [measure(argv)], words)
        del ENV["COPYDESK_CACHE_DIR"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--vale", type=Path, default=DEFAULT_VALE,
                        help="the folder of the Vale binary and rule sets")
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure (the range is printed)")
    parser.add_argument("--vale-terms", type=lambda v: tuple(int(n) for n in v.split(",")),
                        default=(200, 1000),
                        help="rule sets to run in Vale: 200,1000,10000 (Vale takes minutes a run at 10,000)")
    parser.add_argument("--jobs", type=int, default=None)
    for name in ("proselint", "vale", "cold", "one-file", "huge", "scaling"):
        parser.add_argument(f"--no-{name}", action="store_true")
    args = parser.parse_args()
    args.corpus, args.vale = args.corpus.resolve(), args.vale.resolve()  # the Vale runs change folder
    files_runs = whole_corpus(args.corpus, args.jobs, args.runs, not args.no_proselint)
    steps: list[tuple[bool, Callable[[], None]]] = [
        (args.no_vale, lambda: vale(args.corpus, args.vale, args.runs, args.vale_terms, args.jobs)),
        (args.no_cold, lambda: cold_start(args.corpus, args.runs)),
        (args.no_scaling, lambda: term_scaling(args.corpus)),
        (args.no_one_file, lambda: one_file(args.corpus, args.runs, files_runs, not args.no_huge)),
    ]
    for skipped, step in steps:
        if not skipped:
            step()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
