"""What every command shares: exit codes, the :class:`Command` record, printing."""

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import NamedTuple

from linter.config.loader import LoadErrors
from linter.lib.shown import printable


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class Command(NamedTuple):
    """One subcommand: its name, its line in ``copydesk --help``, the options it takes, and
    what it does with the parsed arguments (an exit code)."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str = ""


def fail(message: str) -> int:
    """A one-line error on stderr; exit code 2."""
    print(printable(f"copydesk: {message}"), file=sys.stderr)
    return Exit.ERROR


def report_load_errors(exc: LoadErrors) -> int:
    """Every rule-file or config problem on a line of its own; exit code 2."""
    for error in exc.errors:
        print(printable(f"copydesk: {error}"), file=sys.stderr)
    return Exit.ERROR


def print_lines(lines: Iterable[str]) -> None:
    """Print to stdout; a reader that went away (``| head``) ends the output quietly."""
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away; stay quiet as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
