"""``copydesk audit``: the rules of ``check`` over an archive, into tables and a report.

Imports nothing of the audit's optional packages until they are known to be installed:
without ``copydesk[audit]`` the command is a one-line error naming the extra.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from linter.cli.base import Command, Exit, fail
from linter.cli.options import add_config_options, add_selection_options, session_for

DESCRIPTION = """Audit an archive: every story through the rules of `check`, with the same config,
into OUT/findings.parquet (one row per finding), OUT/summary.parquet (counts and rates per
1,000 words by rule, term, desk and month) and OUT/report.html (charts and tables, one
self-contained page). ARCHIVE is a folder of drafts, a JSON Lines file (one story a line:
id, date, body, and optionally desk, byline, headline, format) or a Parquet file or folder
with those columns. An interrupted audit run again with the same --out goes on where it
stopped. Runs on all local cores, or on Dask: --workers N starts a local cluster,
--scheduler tcp://HOST:PORT uses a running one. Exit codes: 0 audited; 2 a usage, config,
rule, archive or story error (the other stories are still audited)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archives", nargs="+", metavar="ARCHIVE",
                        help="a folder of drafts, a .jsonl file, or a .parquet file or folder")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="the folder for findings.parquet, summary.parquet and report.html "
                             "(and, while the audit runs, its finished partitions)")
    parser.add_argument("--field", action="append", default=[], metavar="FIELD=NAME",
                        help="the archive's name for a field (id, date, body, desk, byline, headline, "
                             "format), e.g. --field body=text; repeat for several")
    parser.add_argument("--partition-size", type=_positive, default=2000, metavar="N",
                        help="stories per partition, the unit of work and of resuming (default 2000)")
    engine = parser.add_mutually_exclusive_group()
    engine.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                        help="local processes (default: the number of cores)")
    engine.add_argument("--workers", type=_positive, default=None, metavar="N",
                        help="start a local Dask cluster of N worker processes for the run")
    engine.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="run on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT); "
                             "its workers must read the archive at the same path")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar and no closing line (the bar shows only on a terminal)")
    add_selection_options(parser)
    add_config_options(parser)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ProgressBar:
    """``audit [####......] 12,000/100,000 stories  850 stories/s  1:43 left`` on one line of
    a terminal, redrawn at most five times a second."""

    WIDTH = 24

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.first: int | None = None
        self.drawn = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if self.first is None:
            self.first, self.started = done, now
        if now - self.drawn < 0.2 and done < total:
            return
        self.drawn = now
        filled = self.WIDTH * done // total if total else self.WIDTH
        rate = (done - self.first) / (now - self.started) if now > self.started else 0.0
        left = f"{_duration((total - done) / rate)} left" if rate > 0 and done < total else ""
        line = (f"audit [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:,}/{total:,} stories  "
                f"{rate:,.0f} stories/s  {left}")
        self.stream.write(f"\r{line:<90}")
        self.stream.flush()

    def close(self) -> None:
        if self.first is not None:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from linter.audit import missing

    absent = missing()
    if absent:
        return fail(f"audit needs the optional packages of copydesk[audit] ({', '.join(absent)} "
                    "missing): pip install 'copydesk[audit]'")
    from linter.audit.driver import Plan, run_audit
    from linter.audit.engines import Engine, EngineError
    from linter.audit.stories import Fields
    from linter.audit.task import Rules
    from linter.run.batch import default_jobs

    try:
        fields = Fields.parse(tuple(args.field))
    except ValueError as exc:
        return fail(str(exc))
    if args.out.exists() and not args.out.is_dir():
        return fail(f"--out {args.out}: not a folder")
    session = session_for(args)
    engine = Engine(args.jobs or default_jobs(), args.workers, args.scheduler)
    bar = ProgressBar(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    plan = Plan(tuple(args.archives), args.out, fields, args.partition_size)
    try:
        outcome = run_audit(plan, Rules.of(session), engine, bar)
    except EngineError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{exc.filename or args.out}: {exc.strerror or exc}")
    finally:
        if bar is not None:
            bar.close()
    for error in outcome.errors:
        print(f"copydesk: {error}", file=sys.stderr)
    summary = outcome.summary
    if summary is not None and not args.quiet:
        resumed = f"; {outcome.resumed} of {outcome.partitions} partitions from the interrupted run" \
            if outcome.resumed else ""
        print(f"audited {summary.stories:,} stories ({summary.words:,} words) on {engine.name}: "
              f"{summary.findings:,} findings in {args.out}{resumed}")
    return Exit.ERROR if outcome.errors or summary is None else Exit.OK


COMMAND = Command("audit", "audit an archive of stories into tables and a report", add_arguments, run,
                  DESCRIPTION)
