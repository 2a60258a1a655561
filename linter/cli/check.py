"""``copydesk check``: lint drafts and report (the default command)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
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
from linter.config.project import FAIL_ON
from linter.model.results import FileResult, Report
from linter.report import FORMATS, Part, counts, exit_code, part_renderer, render, render_parts
from linter.run import batch
from linter.run.changes import GitError, Repository, open_repository
from linter.run.pipeline import fixed_examples


def add_arguments(check: argparse.ArgumentParser) -> None:
    add_input_options(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="lowest level that makes the exit code 1 (default: error)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--fix", action="store_true", help="apply safe fixes first, then report")
    add_force_option(check)
    check.add_argument("--diff-base", metavar="REV",
                       help="report only findings on lines added or changed since git REV")
    check.add_argument("--repo", metavar="DIR", type=Path, default=None,
                       help="the git repository for --diff-base (default: the one holding the "
                            "current folder; a draft's own folder is never searched)")
    check.add_argument("--report-unused-disables", action="store_true",
                       help="report copydesk-disable comments that suppressed nothing")
    check.add_argument("--jobs", "-j", type=int, default=None,
                       help="processes for many files (default: the number of cores)")


def _keep(result: FileResult) -> FileResult:
    return result


def run(args: argparse.Namespace) -> int:
    session = session_for(args)
    changes: Repository | None = None
    if args.repo is not None and not args.diff_base:
        return fail("--repo is only used with --diff-base")
    if args.diff_base:
        try:
            changes = open_repository(args.diff_base, args.repo or Path.cwd())
        except GitError as exc:
            return fail(str(exc))
    options = run_options(args, session, report_unused=args.report_unused_disables, changes=changes,
                          fix=args.fix)
    coloured = colour(args.color, sys.stdout)
    renderer = part_renderer(args.format, coloured)
    finish: Callable[[FileResult], Any] = renderer if renderer is not None else _keep
    errors: list[tuple[str, str]] = []
    done: list[Any] = []
    changed = 0
    items = inputs(args, session, options.max_bytes)
    for outcome in batch.run(items, session, options, finish, args.jobs or batch.default_jobs()):
        say_fixed(outcome)
        changed += outcome.fixes > 0
        if outcome.result is not None:
            done.append(outcome.result)
        if outcome.error is not None:
            errors.append((outcome.path, outcome.error))
    if renderer is not None:
        parts: list[Part] = done
        print_lines(render_parts(args.format, parts, tuple(errors), coloured))
        found = counts([p.tally for p in parts])
    else:
        results: list[FileResult] = done
        fixed = {r.id: fixed_examples(r) for r in session.rules} if args.format == "sarif" else {}
        report = Report(tuple(results), tuple(errors), tuple(session.rules), fixed)
        print_lines(render(args.format, report, coloured))
        found = counts([r.tally() for r in results])
    code = exit_code(found, len(errors), args.fail_on or session.config.fail_on or "error")
    return max(code, Exit.FINDINGS) if changed and code != Exit.ERROR else code


COMMAND = Command("check", "lint drafts (the default command)", add_arguments, run)
