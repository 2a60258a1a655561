"""Options several commands share (inputs, config, encoding, size limit), and what they
turn into: the session, the list of inputs, the run options."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from linter.cli.base import print_lines
from linter.kinds import specs
from linter.lib.textfiles import MAX_BYTES, text_encoding
from linter.markup import STRIPPERS
from linter.run.batch import Input, Outcome
from linter.run.files import expand
from linter.run.pipeline import RunOptions
from linter.run.session import Session, open_session


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], help="files, folders, or - for stdin")
    parser.add_argument("--stdin-format", choices=sorted(STRIPPERS), default="text")
    parser.add_argument("--stdin-filename", default="-", help="path to show for stdin")
    parser.add_argument("--max-file-size", type=_size, default=None, metavar="SIZE",
                        help="refuse larger files before reading them (default: 20MB, or the "
                             "config's max-file-size)")
    parser.add_argument("--encoding", type=_encoding, default=None, metavar="NAME",
                        help="encoding of files that are not UTF-8 (e.g. cp1252, latin-1); "
                             "fixes are written back in it")
    add_config_option(parser)


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="fix read-only files too (they stay read-only)")


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None,
                        help="config file (default: the nearest .copydesk.yml)")


def _size(text: str) -> int:
    try:
        return specs.size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _encoding(name: str) -> str:
    try:
        return text_encoding(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {name!r}") from None


def session_for(args: argparse.Namespace) -> Session:
    """The session of ``--config`` (or the nearest config, or the defaults); raises
    :class:`~linter.config.loader.LoadErrors` or :class:`~linter.model.rule.RuleError`."""
    return open_session(args.config, Path.cwd())


def colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ


def inputs(args: argparse.Namespace, session: Session, limit: int) -> list[Input]:
    """The inputs in order; stdin (``-``) is read here, at most ``limit`` bytes and one more
    to tell that it is too long."""
    found = []
    for path in expand(args.paths, session.config.root, session.config.ignore):
        if path == "-":
            found.append(Input(args.stdin_filename, sys.stdin.buffer.read(limit + 1), args.stdin_format))
        else:
            found.append(Input(path))
    return found


def run_options(args: argparse.Namespace, session: Session, **extra: Any) -> RunOptions:
    limit = int(args.max_file_size or session.config.max_file_size or MAX_BYTES)
    return RunOptions(max_bytes=limit, encoding=args.encoding, force=args.force, **extra)


def say_fixed(outcome: Outcome[Any]) -> None:
    """Say what fixing one input did: the fixed text of stdin, a diff, or a line on stderr."""
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
    elif outcome.diff:
        print_lines([outcome.diff.rstrip("\n")])
    elif outcome.written:
        print(f"{outcome.path}: applied {outcome.fixes} fix{'es' if outcome.fixes != 1 else ''}",
              file=sys.stderr)
