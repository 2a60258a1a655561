"""Options several commands share (inputs, config, rule selection, encoding, size limit),
and what they turn into: the session, the sorted list of inputs, the run options."""

import argparse
import os
import sys
from pathlib import Path, PurePath
from typing import Any, NamedTuple, TextIO

from linter.cli.base import print_lines, settling
from linter.kinds import specs
from linter.lib.globs import matches_any, relative_posix
from linter.lib.shown import brief, quote_path
from linter.lib.textfiles import MAX_BYTES, FileError, text_encoding
from linter.markup import STRIPPERS, format_for
from linter.model.rule import Rule, RuleError
from linter.run.batch import Input, Outcome
from linter.run.files import expand
from linter.run.pipeline import RunOptions
from linter.run.session import Session, open_session


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."],
                        help="files and folders (searched for .md, .markdown, .txt, .text, .html, "
                             ".htm), or - for stdin (default: .)")
    parser.add_argument("--stdin-filename", default="-", metavar="NAME",
                        help="the name of the text read from stdin: shown in the report, its "
                             "extension sets the format, and ignore, --exclude and per-file apply "
                             "to it; fix never writes to it")
    parser.add_argument("--stdin-format", choices=sorted(STRIPPERS), default=None,
                        help="the format of stdin (default: from --stdin-filename's extension, "
                             "else text)")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip paths matching GLOB, relative to the current folder (* within "
                             "a folder, ** across folders); repeat it or separate globs with commas")
    parser.add_argument("--max-file-size", type=byte_size, default=None, metavar="SIZE",
                        help="refuse larger files before reading them (default: 20MB, or the "
                             "config's max-file-size)")
    parser.add_argument("--encoding", type=_encoding, default=None, metavar="NAME",
                        help="encoding of files that are not UTF-8 (e.g. cp1252, latin-1); "
                             "fixes are written back in it")
    add_selection_options(parser)
    add_config_options(parser)


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", action="append", default=[], metavar="RULES",
                        help="run only these rules: ids, style names or globs (Bias.*), separated "
                             "by commas or repeated; a bundled style named here runs even when "
                             "the config's styles leave it out")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="turn these rules off: ids, style names or globs, separated by commas "
                             "or repeated (not paths: see --exclude)")


def add_force_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument("--force", action="store_true",
                        help="fix read-only files too (they stay read-only)")


def add_config_options(parser: argparse.ArgumentParser) -> None:
    given = parser.add_mutually_exclusive_group()
    given.add_argument("--config", type=Path, default=None, metavar="PATH",
                       help="config file (default: the nearest .copydesk.yml or .copydesk.yaml in "
                            "the current folder or a parent)")
    given.add_argument("--no-config", action="store_true",
                       help="use the built-in defaults, whatever config file is found")


def byte_size(text: str) -> int:
    """An argparse type: a size such as 20MB, 1MB or 500kB, in bytes."""
    try:
        return specs.size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _encoding(name: str) -> str:
    try:
        return text_encoding(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {brief(name)}") from None


def listed(values: list[str]) -> tuple[str, ...]:
    """Values of a repeatable, comma-separated option (``--select Bias,Names --select X``)."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def session_for(args: argparse.Namespace) -> Session:
    """The session of ``--config`` (or the nearest config unless ``--no-config``, or the
    defaults), with ``--select`` and ``--ignore``; raises
    :class:`~linter.config.loader.LoadErrors` or :class:`~linter.model.rule.RuleError`."""
    with settling(freeze=True):
        return open_session(args.config, Path.cwd(), use_config=not getattr(args, "no_config", False),
                            select=listed(getattr(args, "select", [])),
                            deselect=listed(getattr(args, "ignore", [])))


def colour(choice: str, stream: TextIO) -> bool:
    """``--color``: auto means a terminal, unless ``NO_COLOR`` is set to anything but the
    empty string (no-color.org) or ``TERM`` is ``dumb``."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


class Inputs(NamedTuple):
    """What to lint, sorted by path; ``passthrough`` is text read from stdin whose
    ``--stdin-filename`` is excluded (``fix`` prints it unchanged, ``check`` skips it)."""

    items: list[Input]
    passthrough: bytes | None = None


def _sort_key(path: str) -> tuple[str, ...]:
    return PurePath(path).parts


def inputs(args: argparse.Namespace, session: Session, limit: int) -> Inputs:
    """The inputs, sorted by path (each once) whatever order they were given in; stdin
    (``-``) is read here, at most ``limit`` bytes and one more to tell that it is too long."""
    config = session.config
    excluded = listed(args.exclude)
    cwd = Path.cwd()

    def skipped(path: str, named_stdin: bool = False) -> bool:
        ignored = config.ignore and matches_any(relative_posix(Path(path), config.root), config.ignore)
        if named_stdin and ignored:
            return True
        return bool(excluded) and matches_any(relative_posix(Path(path), cwd), excluded)

    found: dict[str, Input] = {}
    passthrough = None
    for path in expand(args.paths, config.root, config.ignore):
        if isinstance(path, FileError):
            found.setdefault(path.path, Input(path.path, error=path.message))
            continue
        if path != "-":
            if path not in found and not skipped(path):
                found[path] = Input(path)
            continue
        name = args.stdin_filename
        data = sys.stdin.buffer.read(limit + 1)
        if name != "-" and skipped(name, named_stdin=True):
            passthrough = data
        else:
            found[name] = Input(name, data, args.stdin_format or format_for(name) or "text")
    return Inputs(sorted(found.values(), key=lambda item: _sort_key(item.path)), passthrough)


def run_options(args: argparse.Namespace, session: Session, **extra: Any) -> RunOptions:
    limit = int(args.max_file_size or session.config.max_file_size or MAX_BYTES)
    return RunOptions(max_bytes=limit, encoding=args.encoding, force=args.force, **extra)


def say_fixed(outcome: Outcome[Any], quiet: bool = False) -> None:
    """Say what fixing one input did: the fixed text of stdin, a diff, or a line on stderr."""
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
        sys.stdout.flush()
    elif outcome.diff:
        print_lines([outcome.diff.rstrip("\n")])
    elif outcome.written and not quiet:
        print(f"{quote_path(outcome.path)}: applied {outcome.fixes} fix{'es' if outcome.fixes != 1 else ''}",
              file=sys.stderr)


def known_rules(session: Session) -> tuple[list[Rule], list[RuleError]]:
    """Every rule of the session's styles, enabled or not, then those of the other bundled
    styles; and the problems of any bundled style that cannot be loaded here (a Proselint
    rule without the proselint package)."""
    from linter.config.loader import LoadErrors, bundled_dir, bundled_styles, load_styles

    rules = list(session.ruleset.rules)
    loaded = {r.style for r in rules}
    problems: list[RuleError] = []
    for style in bundled_styles():
        if style not in loaded:
            try:
                rules += load_styles([(style, bundled_dir() / style)]).rules
            except LoadErrors as exc:
                problems += exc.errors
    return rules, problems
