"""Command line: ``copydesk check``, ``fix``, ``rules``, ``explain``, ``docs``, ``serve``,
``audit``.

``main(argv) -> int`` never raises for bad input: it prints a one-line
error and returns 2. Exit codes: 0 clean, 1 findings at or above
``--fail-on`` (or, for ``fix``, a file changed), 2 usage, config, rule or
file errors.

Each subcommand is a module of this package exposing ``COMMAND`` (a
:class:`~linter.cli.base.Command`: its name, help, options and ``run``), listed
once in :data:`COMMANDS`. A new command is a module and its line there.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from linter.cli import audit, check, docs, explain, fix, rules, serve
from linter.cli.base import Command, Exit, fail, report_load_errors
from linter.config.loader import LoadErrors
from linter.model.rule import RuleError
from linter.model.version import __version__

# The subcommands, in the order ``copydesk --help`` lists them. The first is the default.
COMMANDS: dict[str, Command] = {c.name: c for c in (
    check.COMMAND,
    fix.COMMAND,
    rules.COMMAND,
    explain.COMMAND,
    docs.COMMAND,
    serve.COMMAND,
    audit.COMMAND,
)}
DEFAULT_COMMAND = "check"

__all__ = ["COMMANDS", "Exit", "main"]


EPILOG = """`copydesk PATH...` is `copydesk check PATH...`; `copydesk COMMAND --help` gives each
command's options. Exit codes: 0 no finding at or above --fail-on (default: error);
1 at least one (for fix: a file was changed); 2 a usage, config, rule or file error;
130 interrupted."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk", description="Editorial style and bias linter for news copy.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for command in COMMANDS.values():
        command.add_arguments(sub.add_parser(command.name, help=command.help,
                                             description=command.description or command.help,
                                             formatter_class=argparse.RawDescriptionHelpFormatter))
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``copydesk PATH...`` (or options of ``check``) means ``copydesk check ...``."""
    first = next((a for a in argv if a not in ("-h", "--help", "--version")), None)
    version = bool(argv) and len(argv[0]) > 2 and "--version".startswith(argv[0])  # --vers
    if argv and first is not None and first not in COMMANDS and not version:
        return [DEFAULT_COMMAND, *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; Ctrl-C ends it quietly with exit code 130."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        print("copydesk: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    argv = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return Exit.OK if exc.code == 0 else Exit.ERROR
    if args.command is None:
        parser.print_help()
        return Exit.ERROR
    try:
        return COMMANDS[args.command].run(args)
    except LoadErrors as exc:
        return report_load_errors(exc)
    except RuleError as exc:
        return fail(str(exc))
