"""Command line: ``copydesk check``, ``fix``, ``rules``, ``explain``, ``docs``.

``main(argv) -> int`` never raises for bad input: it prints a one-line
error and returns 2. Exit codes: 0 clean, 1 findings at or above
``--fail-on`` (or, for ``fix``, a file changed), 2 usage, config, rule or
file errors.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any, TextIO

from linter.config.loader import LoadErrors
from linter.config.project import FAIL_ON
from linter.kinds import specs
from linter.lib.shown import brief, printable, quote_path
from linter.lib.textfiles import MAX_BYTES, FileError, text_encoding
from linter.markup import STRIPPERS
from linter.model.results import FileResult, Report
from linter.model.rule import RuleError
from linter.model.version import __version__
from linter.report import FORMATS, Part, counts, exit_code, part_renderer, render, render_parts
from linter.run import batch
from linter.run.batch import Input, Outcome
from linter.run.changes import GitError, Repository, open_repository
from linter.run.files import expand
from linter.run.pipeline import RunOptions, fixed_examples
from linter.run.session import Session, open_session

COMMANDS = ("check", "fix", "rules", "explain", "docs")


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk", description="Editorial style and bias linter for news copy.")
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="lint drafts (the default command)")
    _input_options(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="lowest level that makes the exit code 1 (default: error)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--fix", action="store_true", help="apply safe fixes first, then report")
    _force_option(check)
    check.add_argument("--diff-base", metavar="REV",
                       help="report only findings on lines added or changed since git REV")
    check.add_argument("--repo", metavar="DIR", type=Path, default=None,
                       help="the git repository for --diff-base (default: the one holding the "
                            "current folder; a draft's own folder is never searched)")
    check.add_argument("--report-unused-disables", action="store_true",
                       help="report copydesk-disable comments that suppressed nothing")
    check.add_argument("--jobs", "-j", type=int, default=None,
                       help="processes for many files (default: the number of cores)")
    fix = sub.add_parser("fix", help="apply safe fixes (exit 1 when a file changed)")
    _input_options(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff instead of writing")
    _force_option(fix)
    rules = sub.add_parser("rules", help="list the loaded rules")
    _config_option(rules)
    explain = sub.add_parser("explain", help="describe one rule, with its examples")
    explain.add_argument("rule")
    _config_option(explain)
    docs = sub.add_parser("docs", help="write a Markdown page per bundled rule, and an index")
    docs.add_argument("outdir", type=Path)
    return parser


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], help="files, folders, or - for stdin")
    parser.add_argument("--stdin-format", choices=sorted(STRIPPERS), default="text")
    parser.add_argument("--stdin-filename", default="-", help="path to show for stdin")
    parser.add_argument("--max-file-size", type=_size, default=None, metavar="SIZE",
                        help="refuse larger files before reading them (default: 20MB, or the "
                             "config's max-file-size)")
    parser.add_argument("--encoding", type=_encoding, default=None, metavar="NAME",
                        help="encoding of files that are not UTF-8 (e.g. cp1252, latin-1); "
                             "fixes are written back in it")
    _config_option(parser)


def _force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="fix read-only files too (they stay read-only)")


def _size(text: str) -> int:
    try:
        return specs.size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _encoding(name: str) -> str:
    try:
        return text_encoding(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {brief(name)}") from None


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None,
                        help="config file (default: the nearest .copydesk.yml)")


def _with_default_command(argv: list[str]) -> list[str]:
    first = next((a for a in argv if a not in ("-h", "--help", "--version")), None)
    if argv and first is not None and first not in COMMANDS and not argv[0].startswith("--v"):
        return ["check", *argv]
    return argv


def _colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ


def _inputs(args: argparse.Namespace, session: Session, limit: int) -> list[Input]:
    """The inputs in order; stdin (``-``) is read here, at most ``limit`` bytes and one more
    to tell that it is too long."""
    inputs = []
    for path in expand(args.paths, session.config.root, session.config.ignore):
        if isinstance(path, FileError):
            inputs.append(Input(path.path, error=path.message))
        elif path == "-":
            inputs.append(Input(args.stdin_filename, sys.stdin.buffer.read(limit + 1), args.stdin_format))
        else:
            inputs.append(Input(path))
    return inputs


def _print(lines: Iterator[str]) -> None:
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) went away; stay quiet as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _options(args: argparse.Namespace, session: Session, **extra: Any) -> RunOptions:
    limit = int(args.max_file_size or session.config.max_file_size or MAX_BYTES)
    return RunOptions(max_bytes=limit, encoding=args.encoding, force=args.force, **extra)


def _fixed(outcome: Outcome[Any]) -> None:
    """Say what fixing one input did: the fixed text of stdin, a diff, or a line on stderr."""
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
    elif outcome.diff:
        _print(iter([outcome.diff.rstrip("\n")]))
    elif outcome.written:
        print(f"{quote_path(outcome.path)}: applied {outcome.fixes} fix{'es' if outcome.fixes != 1 else ''}",
              file=sys.stderr)


def run_check(args: argparse.Namespace, session: Session) -> int:
    changes: Repository | None = None
    if args.repo is not None and not args.diff_base:
        print("copydesk: --repo is only used with --diff-base", file=sys.stderr)
        return Exit.ERROR
    if args.diff_base:
        try:
            changes = open_repository(args.diff_base, args.repo or Path.cwd())
        except GitError as exc:
            print(printable(f"copydesk: {exc}"), file=sys.stderr)
            return Exit.ERROR
    options = _options(args, session, report_unused=args.report_unused_disables, changes=changes,
                       fix=args.fix)
    colour = _colour(args.color, sys.stdout)
    renderer = part_renderer(args.format, colour)
    finish: Callable[[FileResult], Any] = renderer if renderer is not None else _keep
    inputs = _inputs(args, session, options.max_bytes)
    errors: list[tuple[str, str]] = []
    done: list[Any] = []
    changed = 0
    for outcome in batch.run(inputs, session, options, finish, args.jobs or batch.default_jobs()):
        _fixed(outcome)
        changed += outcome.fixes > 0
        if outcome.result is not None:
            done.append(outcome.result)
        if outcome.error is not None:
            errors.append((outcome.path, outcome.error))
    if renderer is not None:
        parts: list[Part] = done
        _print(render_parts(args.format, parts, tuple(errors), colour))
        found = counts([p.tally for p in parts])
    else:
        results: list[FileResult] = done
        fixed = {r.id: fixed_examples(r) for r in session.rules} if args.format == "sarif" else {}
        report = Report(tuple(results), tuple(errors), tuple(session.rules), fixed)
        _print(render(args.format, report, colour))
        found = counts([r.tally() for r in results])
    code = exit_code(found, len(errors), args.fail_on or session.config.fail_on or "error")
    return max(code, Exit.FINDINGS) if changed and code != Exit.ERROR else code


def _keep(result: FileResult) -> FileResult:
    return result


def run_fix(args: argparse.Namespace, session: Session) -> int:
    options = _options(args, session, fix=True, diff=args.diff, lint=False)
    errors: list[tuple[str, str]] = []
    changed = 0
    for outcome in batch.run(_inputs(args, session, options.max_bytes), session, options, _keep,
                             batch.default_jobs()):
        _fixed(outcome)
        changed += outcome.fixes > 0 and outcome.error is None
        if outcome.error is not None:
            errors.append((outcome.path, outcome.error))
    for path, message in errors:
        print(f"{quote_path(path)}: error: {printable(message)}", file=sys.stderr)
    if errors:
        return Exit.ERROR
    return Exit.FINDINGS if changed else Exit.OK


def run_rules(session: Session) -> int:
    for rule in session.rules:
        print(f"{rule.id:<32} {rule.kind:<14} {rule.level.label:<10} {rule.description.strip()}")
    return Exit.OK


def run_explain(rule_id: str, session: Session) -> int:
    rule = session.ruleset.get(rule_id)
    if rule is None:
        print(f"copydesk: no loaded rule {brief(rule_id)} (see `copydesk rules`)", file=sys.stderr)
        return Exit.ERROR
    from linter.report.docs import explain

    print(explain(rule, fixed_examples(rule)))
    return Exit.OK


def run_docs(outdir: Path) -> int:
    """Render every bundled style (opt-in ones too), whatever the project's config says."""
    from linter.config.loader import bundled_dir, bundled_styles, load_styles
    from linter.config.project import DEFAULT_STYLES
    from linter.report.docs import GENERATED, render_pages

    try:
        rules = load_styles([(s, bundled_dir() / s) for s in bundled_styles()]).rules
        pages = render_pages(rules, DEFAULT_STYLES, {r.id: fixed_examples(r) for r in rules})
        outdir.mkdir(parents=True, exist_ok=True)
        for old in outdir.glob("*.md"):  # pages of rules since removed; never hand-written files
            if old.name not in pages and old.read_text(encoding="utf-8").startswith(GENERATED):
                old.unlink()
        for name, text in pages.items():
            (outdir / name).write_text(text, encoding="utf-8", newline="\n")
    except LoadErrors as exc:
        return _report_load_errors(exc)
    except OSError as exc:
        print(printable(f"copydesk: cannot write docs to {outdir}: {exc.strerror or exc}"), file=sys.stderr)
        return Exit.ERROR
    print(f"wrote {len(pages)} pages to {outdir}")
    return Exit.OK


def _report_load_errors(exc: LoadErrors) -> int:
    """Every rule-file problem on a line of its own; exit code 2."""
    for error in exc.errors:
        print(printable(f"copydesk: {error}"), file=sys.stderr)
    return Exit.ERROR


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
    if args.command == "docs":
        return run_docs(args.outdir)
    try:
        session = open_session(args.config, Path.cwd())
    except LoadErrors as exc:
        return _report_load_errors(exc)
    except RuleError as exc:
        print(printable(f"copydesk: {exc}"), file=sys.stderr)
        return Exit.ERROR
    commands = {"rules": lambda: run_rules(session), "explain": lambda: run_explain(args.rule, session),
                "fix": lambda: run_fix(args, session), "check": lambda: run_check(args, session)}
    return commands[args.command]()
