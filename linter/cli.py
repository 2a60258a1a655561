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
from collections.abc import Iterator, Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import TextIO

from linter import __version__
from linter.config.loader import LoadErrors
from linter.config.project import FAIL_ON, Project, load_project
from linter.engine.fixes import unified_diff
from linter.kinds import specs
from linter.markup import STRIPPERS, make_document
from linter.model.document import Document
from linter.model.rule import RuleError
from linter.report.reporters import REPORTERS, FileResult, Report, exit_code
from linter.run.changes import GitError, Repository, open_repository
from linter.run.files import MAX_BYTES, FileError, Origin, decode_as, expand, read_document, text_encoding
from linter.run.pipeline import RunOptions, findings_for, fixed_text
from linter.run.writeback import write_back

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
    check.add_argument("--format", choices=sorted(REPORTERS), default="text")
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


def _max_bytes(args: argparse.Namespace, project: Project) -> int:
    return int(args.max_file_size or project.config.max_file_size or MAX_BYTES)


def _encoding(name: str) -> str:
    try:
        return text_encoding(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {name!r}") from None


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


def _documents(args: argparse.Namespace, project: Project,
               errors: list[tuple[str, str]]) -> Iterator[tuple[Document, Origin]]:
    """Each readable input as a document, with its origin; errors are collected. Text from
    stdin has no file behind it, whatever ``--stdin-filename`` says: it is never written."""
    limit = _max_bytes(args, project)
    for path in expand(args.paths, project.config.root, project.config.ignore):
        try:
            if path == "-":
                data = sys.stdin.buffer.read(limit + 1)
                if len(data) > limit:
                    raise FileError(args.stdin_filename, f"too large (more than {limit:,} bytes: "
                                                         "see --max-file-size), skipped")
                text, encoding = decode_as(args.stdin_filename, data, args.encoding)
                yield make_document(args.stdin_filename, text, args.stdin_format), Origin(encoding)
            else:
                yield read_document(path, args.encoding, limit)
        except FileError as exc:
            errors.append((exc.path, exc.message))


def _print(lines: Iterator[str]) -> None:
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) went away; stay quiet as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _fix_one(doc: Document, origin: Origin, project: Project, args: argparse.Namespace,
             show_diff: bool) -> tuple[Document, int]:
    """Fix one document (write it back, print its diff, or print the text when it came from
    stdin); return the fixed document and the fix count.

    A file that cannot be written is a :class:`FileError`, and is left as it was.
    """
    new, count = fixed_text(doc, project, project.vocab)
    if count and new != doc.source:
        if show_diff:
            _print(iter([unified_diff(doc.path, doc.source, new).rstrip("\n")]))
        elif origin.stamp is not None:
            write_back(doc.path, new, origin, force=args.force)
            print(f"{doc.path}: applied {count} fix{'es' if count != 1 else ''}", file=sys.stderr)
        else:
            sys.stdout.write(new)
        return make_document(doc.path, new, doc.fmt), count
    return doc, 0


def _lint_serial(args: argparse.Namespace, project: Project, options: RunOptions,
                 errors: list[tuple[str, str]]) -> tuple[list[FileResult], int]:
    """Lint one file after another (stdin, --fix); return results and how many files changed."""
    results: list[FileResult] = []
    changed = 0
    vocab = project.vocab
    for doc, origin in _documents(args, project, errors):
        try:
            if args.fix:
                doc, count = _fix_one(doc, origin, project, args, show_diff=False)
                changed += bool(count)
            results.append(FileResult.of(doc, findings_for(doc, project, options, vocab)))
        except FileError as exc:
            errors.append((exc.path, exc.message))
        except GitError as exc:
            errors.append((doc.path, str(exc)))
    return results, changed


def _lint_parallel(args: argparse.Namespace, project: Project, options: RunOptions,
                   errors: list[tuple[str, str]]) -> list[FileResult]:
    from linter.run.parallel import default_jobs, lint_paths

    paths = list(expand(args.paths, project.config.root, project.config.ignore))
    results = []
    for outcome in lint_paths(paths, project, options, args.jobs or default_jobs()):
        if outcome.result is not None:
            results.append(outcome.result)
        if outcome.error is not None:
            errors.append(outcome.error)
    return results


def run_check(args: argparse.Namespace, project: Project) -> int:
    changes: Repository | None = None
    if args.repo is not None and not args.diff_base:
        print("copydesk: --repo is only used with --diff-base", file=sys.stderr)
        return Exit.ERROR
    if args.diff_base:
        try:
            changes = open_repository(args.diff_base, args.repo or Path.cwd())
        except GitError as exc:
            print(f"copydesk: {exc}", file=sys.stderr)
            return Exit.ERROR
    options = RunOptions(args.report_unused_disables, changes, max_bytes=_max_bytes(args, project))
    errors: list[tuple[str, str]] = []
    changed = 0
    colour = _colour(args.color, sys.stdout)
    if args.fix or "-" in args.paths or args.diff_base or args.encoding:
        results, changed = _lint_serial(args, project, options, errors)
    else:
        results = _lint_parallel(args, project, replace(options, render=(args.format, colour)), errors)
    report = Report(tuple(results), tuple(errors), tuple(project.rules))
    _print(REPORTERS[args.format](report, colour))
    code = exit_code(report, args.fail_on or project.config.fail_on or "error")
    return max(code, Exit.FINDINGS) if changed and code != Exit.ERROR else code


def run_fix(args: argparse.Namespace, project: Project) -> int:
    errors: list[tuple[str, str]] = []
    changed = 0
    for doc, origin in _documents(args, project, errors):
        try:
            changed += bool(_fix_one(doc, origin, project, args, args.diff)[1])
        except FileError as exc:
            errors.append((exc.path, exc.message))
    for path, message in errors:
        print(f"{path}: error: {message}", file=sys.stderr)
    if errors:
        return Exit.ERROR
    return Exit.FINDINGS if changed else Exit.OK


def run_rules(project: Project) -> int:
    for rule in project.rules:
        print(f"{rule.id:<32} {rule.kind:<14} {rule.level.label:<10} {rule.description.strip()}")
    return Exit.OK


def run_explain(rule_id: str, project: Project) -> int:
    rule = project.ruleset.get(rule_id)
    if rule is None:
        print(f"copydesk: no loaded rule {rule_id!r} (see `copydesk rules`)", file=sys.stderr)
        return Exit.ERROR
    from linter.report.docs import explain

    print(explain(rule))
    return Exit.OK


def run_docs(outdir: Path) -> int:
    """Render every bundled style (opt-in ones too), whatever the project's config says."""
    from linter.config.loader import bundled_dir, bundled_styles, load_styles
    from linter.config.project import DEFAULT_STYLES
    from linter.report.docs import GENERATED, render_pages

    try:
        rules = load_styles([(s, bundled_dir() / s) for s in bundled_styles()]).rules
        pages = render_pages(rules, DEFAULT_STYLES)
        outdir.mkdir(parents=True, exist_ok=True)
        for old in outdir.glob("*.md"):  # pages of rules since removed; never hand-written files
            if old.name not in pages and old.read_text(encoding="utf-8").startswith(GENERATED):
                old.unlink()
        for name, text in pages.items():
            (outdir / name).write_text(text, encoding="utf-8", newline="\n")
    except LoadErrors as exc:
        return _report_load_errors(exc)
    except OSError as exc:
        print(f"copydesk: cannot write docs to {outdir}: {exc.strerror or exc}", file=sys.stderr)
        return Exit.ERROR
    print(f"wrote {len(pages)} pages to {outdir}")
    return Exit.OK


def _report_load_errors(exc: LoadErrors) -> int:
    """Every rule-file problem on a line of its own; exit code 2."""
    for error in exc.errors:
        print(f"copydesk: {error}", file=sys.stderr)
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
        project = load_project(args.config, Path.cwd())
    except LoadErrors as exc:
        return _report_load_errors(exc)
    except RuleError as exc:
        print(f"copydesk: {exc}", file=sys.stderr)
        return Exit.ERROR
    commands = {"rules": lambda: run_rules(project), "explain": lambda: run_explain(args.rule, project),
                "fix": lambda: run_fix(args, project), "check": lambda: run_check(args, project)}
    return commands[args.command]()
