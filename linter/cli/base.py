"""What every command shares: exit codes, the :class:`Command` record, printing."""

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
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


@contextlib.contextmanager
def settling(*, freeze: bool = False) -> Iterator[None]:
    """No garbage collection while modules load and the rule set is built: they make many
    objects and almost no garbage, and each collection would walk them all. With
    ``freeze``, in copydesk's own process (:func:`own_process`), what the process holds
    then is frozen, once, so that later collections (and forked workers, page by page)
    leave it alone: about 7% of the instructions of a one-draft check. Young objects are
    then collected every :data:`YOUNG` allocations rather than every 700: a draft's
    analysis makes tens of thousands of objects, nearly all of them acyclic, and each
    early collection walked the survivors again (about 1% of a one-draft check). A
    program that calls :func:`linter.cli.main` itself keeps its collector as it was."""
    global _frozen
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze and _own and not _frozen:
            gc.freeze()
            gc.set_threshold(YOUNG, *gc.get_threshold()[1:])
            _frozen = True
        if enabled:
            gc.enable()


def own_process() -> None:
    """Say that this process is copydesk's own (the console entry point calls this)."""
    global _own
    _own = True


# Allocations between collections of the youngest generation, in copydesk's own process.
YOUNG = 20_000
_frozen = False
_own = False
