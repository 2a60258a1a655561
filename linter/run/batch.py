"""Many inputs through the pipeline, in this process or across processes, in input order.

Every input (a file, or text from stdin) goes through :func:`process`: read,
fix (written back, or shown as a diff), lint, and hand the file's result to
``finish``, a callback the caller chooses (a reporter renders the file's part of
the output there, so that rendering happens in the worker too). Workers are
forked after the rules are loaded, so each inherits the compiled session instead
of loading it again.
"""

import gc
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from linter.lib.textfiles import FileError, Origin, decode_as
from linter.lib.timelimit import handler_held
from linter.markup import make_document
from linter.model.document import Document
from linter.model.results import FileResult
from linter.run.changes import GitError
from linter.run.files import read_document
from linter.run.pipeline import RunOptions, fix_one, lint_one, unified_diff
from linter.run.session import Session

T = TypeVar("T")
# Below this many files per process, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 16


class Input(NamedTuple):
    """A file to read (``data`` None), or text already read from stdin (its bytes, with
    ``path`` the name to show and ``fmt`` its format), or a path found unreadable (``error``)."""

    path: str
    data: bytes | None = None
    fmt: str = "text"
    error: str | None = None  # why it cannot be read at all (a folder that cannot be listed)


class Outcome(Generic[T]):
    """What became of one input: ``result`` is ``finish`` of its findings (when linted),
    ``error`` why it could not be read, fixed or linted; ``fixes`` how many fixes were
    applied, ``written`` whether they went back to the file, ``diff`` the unified diff
    (``RunOptions.diff``), ``text`` the fixed text of stdin."""

    __slots__ = ("diff", "error", "fixes", "path", "result", "text", "written")

    def __init__(self, path: str, result: T | None = None, error: str | None = None, fixes: int = 0,
                 written: bool = False, diff: str = "", text: str | None = None) -> None:
        self.path, self.result, self.error, self.fixes = path, result, error, fixes
        self.written, self.diff, self.text = written, diff, text


def _read(item: Input, options: RunOptions) -> tuple[Document, Origin]:
    if item.data is None:
        return read_document(item.path, options.encoding, options.max_bytes)
    if len(item.data) > options.max_bytes:
        raise FileError(item.path, f"too large (more than {options.max_bytes:,} bytes: "
                                   "see --max-file-size), skipped")
    text, encoding = decode_as(item.path, item.data, options.encoding)
    return make_document(item.path, text, item.fmt), Origin(encoding)  # no file: never written


def process(item: Input, session: Session, options: RunOptions,
            finish: Callable[[FileResult], T]) -> Outcome[T]:
    """One input through the pipeline (see the module docstring)."""
    fixes, written, diff, text = 0, False, "", None
    if item.error is not None:
        return Outcome(item.path, error=item.error)
    problems: list[str] = []  # rules stopped by their time limit: reported, the rest goes on
    try:
        doc, origin = _read(item, options)
        engine, ids = session.engine_for(doc.path), session.rule_ids
        if options.fix:
            new, count = fix_one(doc, engine, ids, problems)
            if origin.stamp is None and not options.diff:
                text = new  # stdin: its text goes back out, fixed or not, never to a file
            if count and new != doc.source:
                if options.diff:
                    diff = unified_diff(doc.path, doc.source, new)
                elif origin.stamp is not None:
                    from linter.run.writeback import write_back  # only --fix writes a file

                    write_back(doc.path, new, origin, force=options.force)
                    written = True
                fixes = count
                doc = make_document(doc.path, new, doc.fmt)
        found = lint_one(doc, engine, ids, options, problems) if options.lint else None
        result = None if found is None else finish(FileResult.of(doc, found, whole=options.whole))
    except FileError as exc:
        return Outcome(exc.path, error=exc.message, fixes=fixes, written=written, diff=diff, text=text)
    except GitError as exc:
        return Outcome(item.path, error=str(exc), fixes=fixes, written=written, diff=diff, text=text)
    error = "; ".join(dict.fromkeys(problems)) or None
    return Outcome(item.path, result, error, fixes, written, diff, text)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(inputs: Sequence[Input], session: Session, options: RunOptions,
        finish: Callable[[FileResult], T], jobs: int) -> Iterator[Outcome[T]]:
    """Outcomes for ``inputs`` in order, using up to ``jobs`` processes."""
    jobs = max(1, min(jobs, len(inputs) // MIN_FILES_PER_JOB))
    # The time limit's handler stays in place for the run (forked workers inherit it).
    with handler_held():
        if jobs > 1 and all(item.data is None for item in inputs):
            import multiprocessing  # only here: a one-draft run should not pay for it

            if "fork" in multiprocessing.get_all_start_methods():
                yield from _in_processes(inputs, (session, options, finish),
                                         multiprocessing.get_context("fork"), jobs)
                return
        yield from (process(item, session, options, finish) for item in inputs)


_WORKER: dict[str, tuple[Session, RunOptions, Callable[[FileResult], Any]]] = {}


def _init(state: tuple[Session, RunOptions, Callable[[FileResult], Any]]) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone acts on it
    # (it stops the pool), so workers do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["state"] = state


def _work(item: Input) -> Outcome[Any]:
    return process(item, *_WORKER["state"])


def _in_processes(inputs: Sequence[Input], state: tuple[Session, RunOptions, Callable[[FileResult], T]],
                  context: Any, jobs: int) -> Iterator[Outcome[T]]:
    chunk = max(1, len(inputs) // (jobs * 8))
    state[0].prepare()
    # What the workers inherit is never freed there: keeping it out of their collections
    # spares each the work, and the copies of pages that the collector's writes would cause.
    # The parent (a program calling lint_paths, say) collects as before once they are forked.
    gc.freeze()
    try:
        pool = context.Pool(jobs, initializer=_init, initargs=(state,))
    finally:
        gc.unfreeze()
    with pool:
        yield from pool.imap(_work, inputs, chunksize=chunk)
