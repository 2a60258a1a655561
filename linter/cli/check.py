"""``copydesk check``: lint drafts and report (the default command)."""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

from linter.cli.base import Command, Exit, fail, print_lines
from linter.cli.options import (
    add_force_option,
    add_input_options,
    colour,
    inputs,
    run_options,
    say_fixed,
    session_for,
)
from linter.cli.output import Finish, Shown, destination, statistics, summary_note, write_lines
from linter.config.project import FAIL_ON
from linter.model.findings import LEVEL_NAMES, Severity
from linter.model.results import FileResult, Report
from linter.report import FORMATS, Part, counts, exit_code, html_part, part_renderer, render, render_parts
from linter.report.text import text_errors
from linter.run import batch
from linter.run.changes import GitError, Repository, open_repository
from linter.run.pipeline import fixed_examples
from linter.run.session import Session

DESCRIPTION = """Lint drafts and report each finding with its line and column, sorted by path.
Exit codes: 0 no finding at or above --fail-on; 1 at least one (after --fix has applied
its fixes); 2 a usage, config, rule or file error."""


def add_arguments(check: argparse.ArgumentParser) -> None:
    add_input_options(check)
    report = check.add_argument_group("report")
    report.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), json, github (Actions annotations), sarif (code "
                             "scanning), junit (CI test reports), html (a page to open in a browser)")
    report.add_argument("--output-file", "-o", type=Path, default=None, metavar="PATH",
                        help="write the report to PATH instead of stdout")
    report.add_argument("--output-dir", type=Path, default=None, metavar="DIR",
                        help="with --format html: write index.html and a page per draft into DIR "
                             "(needed for more than one draft)")
    report.add_argument("--fail-on", choices=FAIL_ON, default=None,
                        help="lowest level that makes the exit code 1 (default: error, or the "
                             "config's fail-on); never: always 0")
    report.add_argument("--min-level", choices=LEVEL_NAMES, default=None,
                        help="show only findings at or above this level (the exit code still "
                             "follows --fail-on)")
    report.add_argument("--statistics", action="store_true",
                        help="instead of the findings, how many each rule found, most first "
                             "(text or json)")
    report.add_argument("--quiet", "-q", action="store_true",
                        help="the findings only: no summary line, no 'applied N fixes' lines")
    report.add_argument("--verbose", "-v", action="store_true",
                        help="say on stderr which config and rules are used, how many files are "
                             "linted, and how long it took")
    report.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text output (auto: on a terminal, unless NO_COLOR is set "
                             "and not empty, or TERM=dumb)")
    report.add_argument("--show-config", action="store_true",
                        help="print the configuration that would be used (and the file it came "
                             "from) and exit")
    report.add_argument("--report-unused-disables", action="store_true",
                        help="report copydesk-disable comments that suppressed nothing")
    run = check.add_argument_group("fixing and git")
    run.add_argument("--fix", action="store_true",
                     help="apply the safe fixes first, then report what is left")
    add_force_option(run)
    run.add_argument("--diff-base", metavar="REV",
                     help="report only findings on lines added or changed since git REV")
    run.add_argument("--repo", metavar="DIR", type=Path, default=None,
                     help="the git repository for --diff-base (default: the one holding the "
                          "current folder; a draft's own folder is never searched)")
    run.add_argument("--jobs", "-j", type=int, default=None,
                     help="processes for many files (default: the number of cores)")


def _verbose(args: argparse.Namespace, *lines: str) -> None:
    if args.verbose:
        for line in lines:
            print(f"copydesk: {line}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.statistics and args.format not in ("text", "json"):
        return fail("--statistics works with --format text or json")
    if args.repo is not None and not args.diff_base:
        return fail("--repo is only used with --diff-base")
    if args.output_dir is not None and (args.format != "html" or args.output_file is not None):
        return fail("--output-dir is for --format html, instead of --output-file")
    if args.format == "html" and args.statistics:
        return fail("--statistics works with --format text or json")
    started = time.monotonic()
    session = session_for(args)
    if args.show_config:
        from linter.cli.show import show_config

        print_lines(show_config(session, args))
        return Exit.OK
    _verbose(args, f"config: {session.config.path or 'none found, the built-in defaults'}",
             f"{len(session.rules)} rules from {', '.join(dict.fromkeys(r.style for r in session.rules))}")
    changes: Repository | None = None
    if args.diff_base:
        try:
            changes = open_repository(args.diff_base, args.repo or Path.cwd())
        except GitError as exc:
            return fail(str(exc))
    options = run_options(args, session, report_unused=args.report_unused_disables, changes=changes,
                          fix=args.fix, whole=args.format == "html")
    found = inputs(args, session, options.max_bytes)
    if args.format == "html" and args.output_dir is None and len(found.items) > 1:
        return fail(f"--format html writes a page per draft: give --output-dir DIR for "
                    f"{len(found.items)} drafts (an index page and their pages go there)")
    if found.passthrough is not None and args.fix:
        sys.stdout.buffer.write(found.passthrough)  # stdin excluded: its text, unchanged
    # The fixed text of stdin goes to stdout: the report goes to stderr then.
    stream = sys.stderr if args.fix and any(i.data is not None for i in found.items) else sys.stdout
    coloured = colour(args.color, stream) and args.output_file is None
    min_level = Severity.parse(args.min_level or "suggestion")
    renderer = None if args.statistics else part_renderer(args.format, coloured)
    if args.format == "html":
        renderer = partial(html_part, {r.id: r for r in session.ruleset.rules}, args.output_dir is not None)
    jobs = args.jobs or batch.default_jobs()
    _verbose(args, f"linting {len(found.items)} file{'s' if len(found.items) != 1 else ''} "
                   f"with up to {jobs} process{'es' if jobs != 1 else ''}")
    errors: list[tuple[str, str]] = []
    shown: list[Shown] = []
    for outcome in batch.run(found.items, session, options, Finish(renderer, min_level), jobs):
        say_fixed(outcome, args.quiet)
        if outcome.result is not None:
            shown.append(outcome.result)
        if outcome.error is not None:
            errors.append((outcome.path, outcome.error))
    fail_on = args.fail_on or session.config.fail_on or "error"
    code = exit_code(counts([s.tally for s in shown]), len(errors), fail_on)
    note = summary_note(code, fail_on, sum(s.hidden for s in shown), min_level)
    if args.format == "html":
        return _html(args, shown, errors, code)
    try:
        with destination(args.output_file, stream) as out:
            write_lines(out, _report(args, session, shown, errors, coloured, note))
    except OSError as exc:
        return fail(f"cannot write {args.output_file}: {exc.strerror or exc}")
    _verbose(args, f"done in {time.monotonic() - started:.2f} s, exit code {code}")
    return code


def _html(args: argparse.Namespace, shown: list[Shown], errors: list[tuple[str, str]], code: int) -> int:
    """The page of one draft (stdout or --output-file), or a folder of pages; files that
    could not be read are listed on stderr (and in the folder's index)."""
    from linter.cli.htmlout import write_folder

    if errors:
        write_lines(sys.stderr, text_errors(tuple(errors), colour=False))
    try:
        if args.output_dir is not None:
            index = write_folder(args.output_dir, [s.share for s in shown], errors)
            if not args.quiet:
                print(f"copydesk: wrote {len(shown)} page{'s' if len(shown) != 1 else ''} and {index}",
                      file=sys.stderr)
        elif shown:
            with destination(args.output_file, sys.stdout) as out:
                write_lines(out, [shown[0].share.text.rstrip("\n")])
    except OSError as exc:
        return fail(f"cannot write the report: {exc.strerror or exc} ({exc.filename or ''})")
    return code


def _report(args: argparse.Namespace, session: Session, shown: list[Shown],
            errors: list[tuple[str, str]], coloured: bool, note: str) -> Any:
    quiet = args.quiet
    if args.statistics:
        results: list[FileResult] = [s.share for s in shown]
        yield from statistics(results, args.format)
        if args.format == "text":  # then the file errors and the summary line, as usual
            yield from render_parts("text", [Part(r.path, "", r.tally()) for r in results], tuple(errors),
                                    coloured, note=note, quiet=quiet)
        return
    if part_renderer(args.format, coloured) is not None:
        parts: list[Part] = [s.share for s in shown]
        yield from render_parts(args.format, parts, tuple(errors), coloured, note=note, quiet=quiet)
        return
    results = [s.share for s in shown]
    fixed = {r.id: fixed_examples(r) for r in session.rules} if args.format == "sarif" else {}
    report = Report(tuple(results), tuple(errors), tuple(session.rules), fixed)
    yield from render(args.format, report, coloured)


COMMAND = Command("check", "lint drafts (the default command)", add_arguments, run, DESCRIPTION)
