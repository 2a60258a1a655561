"""Command line: ``copydesk check``, ``fix``, ``rules``, ``explain``, ``docs``, ``serve``,
``audit``.

``main(argv) -> int`` never raises for bad input: it prints a one-line
error and returns 2. Exit codes: 0 clean, 1 findings at or above
``--fail-on`` (or, for ``fix``, a file changed), 2 usage, config, rule or
file errors.

Each subcommand is a module of this package exposing ``COMMAND`` (a
:class:`~linter.cli.base.Command`: its name, help, options and ``run``), listed
once in :data:`COMMANDS` with its help line. A new command is a module and its line
there. Only the module of the command being run is imported (``check`` never pays for
``serve`` or ``audit``), so the table names modules, not their objects.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import os
import sys
from collections.abc import Sequence

from linter.cli.base import Command, Exit, fail, report_load_errors, settling
from linter.config.loader import LoadErrors
from linter.model.rule import RuleError
from linter.model.version import __version__


def _module_command(name: str) -> Command:
    """The ``COMMAND`` of ``linter.cli.<name>``, imported now."""
    command: Command = importlib.import_module(f"linter.cli.{name}").COMMAND
    return command


def _lazy(name: str, help_line: str) -> Command:
    """A command whose module is imported when its options are added or it runs."""
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        command = _module_command(name)
        parser.description = command.description or command.help
        command.add_arguments(parser)

    def run(args: argparse.Namespace) -> int:
        return _module_command(name).run(args)

    return Command(name, help_line, add_arguments, run)


# The subcommands, in the order ``copydesk --help`` lists them, with their help lines (each
# module's COMMAND has the same; a test checks). The first is the default.
COMMANDS: dict[str, Command] = {c.name: c for c in (
    _lazy("check", "lint drafts (the default command)"),
    _lazy("fix", "apply safe fixes (exit 1 when a file changed)"),
    _lazy("rules", "list the rules, one line each"),
    _lazy("explain", "describe one rule, with its examples"),
    _lazy("docs", "write a Markdown page per bundled rule, and an index"),
    _lazy("serve", "serve LanguageTool's API, copydesk's JSON and a page for editors"),
    _lazy("audit", "audit an archive of stories into tables and a report"),
)}
DEFAULT_COMMAND = "check"

__all__ = ["COMMANDS", "Exit", "main"]


EPILOG = """`copydesk PATH...` is `copydesk check PATH...`; `copydesk COMMAND --help` gives each
command's options. Exit codes: 0 no finding at or above --fail-on (default: error);
1 at least one (for fix: a file was changed); 2 a usage, config, rule or file error;
130 interrupted."""


@functools.lru_cache(maxsize=1)
def _width() -> int:
    """The help's width, as argparse works it out: the terminal's columns less 2, by
    ``shutil.get_terminal_size``'s rules ($COLUMNS, else the terminal of stdout, else 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout is not None else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse makes a formatter for every option it adds, and each looked up the
    terminal's size through ``shutil`` (which imports bz2, lzma and zlib): here the width
    is looked up once a process."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_width())


def _parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: with a ``selected`` command, that command's alone, with
    its options; without, every command by name and help line (for ``copydesk --help``),
    and no command's module imported."""
    parser = argparse.ArgumentParser(
        prog="copydesk", description="Editorial style and bias linter for news copy.", epilog=EPILOG,
        formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for command in COMMANDS.values():
        if selected not in (None, command.name):
            continue  # parsing one command's arguments needs its parser alone
        child = sub.add_parser(command.name, help=command.help,
                               description=command.description or command.help, formatter_class=_Formatter)
        if command.name == selected:
            command.add_arguments(child)
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
    try:
        with settling():  # the parser imports the command's module
            parser = _parser(argv[0] if argv and argv[0] in COMMANDS else None)
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
