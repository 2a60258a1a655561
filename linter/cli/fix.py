"""``copydesk fix``: apply the safe fixes (exit 1 when a file changed, as a pre-commit fixer)."""

from __future__ import annotations

import argparse
import sys

from linter.cli.base import Command, Exit
from linter.cli.options import (
    add_force_option,
    add_input_options,
    inputs,
    run_options,
    say_fixed,
    session_for,
)
from linter.lib.shown import printable, quote_path
from linter.model.results import FileResult
from linter.run import batch

DESCRIPTION = """Apply every fix that has exactly one safe replacement, writing each file back
atomically. With - the text read from stdin is printed, fixed, and no file is written
(not even the one --stdin-filename names). Exit codes: 0 nothing to change; 1 a file (or
stdin's text) was changed; 2 a usage, config, rule or file error."""


def add_arguments(fix: argparse.ArgumentParser) -> None:
    add_input_options(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff instead of writing")
    add_force_option(fix)
    fix.add_argument("--quiet", "-q", action="store_true", help="no 'applied N fixes' lines")


def _keep(result: FileResult) -> FileResult:
    return result


def run(args: argparse.Namespace) -> int:
    session = session_for(args)
    options = run_options(args, session, fix=True, diff=args.diff, lint=False)
    found = inputs(args, session, options.max_bytes)
    if found.passthrough is not None:
        sys.stdout.buffer.write(found.passthrough)  # stdin excluded: its text, unchanged
        sys.stdout.flush()
    errors: list[tuple[str, str]] = []
    changed = 0
    for outcome in batch.run(found.items, session, options, _keep, batch.default_jobs()):
        say_fixed(outcome, args.quiet)
        changed += outcome.fixes > 0 and outcome.error is None
        if outcome.error is not None:
            errors.append((outcome.path, outcome.error))
    for path, message in errors:
        print(f"{quote_path(path)}: error: {printable(message)}", file=sys.stderr)
    if errors:
        return Exit.ERROR
    return Exit.FINDINGS if changed else Exit.OK


COMMAND = Command("fix", "apply safe fixes (exit 1 when a file changed)", add_arguments, run, DESCRIPTION)
