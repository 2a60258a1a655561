"""Lint many files across processes, keeping the output order deterministic.

Workers are forked after the rules are loaded, so each inherits the compiled
project instead of loading it again; results come back in input order.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.config.project import Project
from linter.report.reporters import FileResult
from linter.run.files import FileError, read_document
from linter.run.pipeline import RunOptions, findings_for

# Below this many files, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 16


@dataclass(frozen=True)
class Outcome:
    result: FileResult | None = None
    error: tuple[str, str] | None = None


_WORKER: dict[str, tuple[Project, RunOptions]] = {}


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def lint_path(path: str, project: Project, options: RunOptions) -> Outcome:
    try:
        doc, _ = read_document(path, limit=options.max_bytes)
        result = FileResult.of(doc, findings_for(doc, project, options, project.vocab))
        return Outcome(result.rendered_as(*options.render) if options.render else result)
    except FileError as exc:
        return Outcome(error=(exc.path, exc.message))


def _init(project: Project, options: RunOptions) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone acts on it
    # (it stops the pool), so workers do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["state"] = (project, options)


def _work(path: str) -> Outcome:
    return lint_path(path, *_WORKER["state"])


def lint_paths(paths: list[str], project: Project, options: RunOptions, jobs: int) -> Iterator[Outcome]:
    """Outcomes for ``paths`` in order, using up to ``jobs`` processes."""
    jobs = max(1, min(jobs, len(paths) // MIN_FILES_PER_JOB))
    if jobs > 1:
        import multiprocessing  # only here: a one-draft run should not pay for it

        if "fork" in multiprocessing.get_all_start_methods():
            yield from _in_processes(paths, project, options, multiprocessing.get_context("fork"), jobs)
            return
    yield from (lint_path(p, project, options) for p in paths)


def _in_processes(paths: list[str], project: Project, options: RunOptions, context: Any,
                  jobs: int) -> Iterator[Outcome]:
    chunk = max(1, len(paths) // (jobs * 8))
    project.prepare()
    with context.Pool(jobs, initializer=_init, initargs=(project, options)) as pool:
        yield from pool.imap(_work, paths, chunksize=chunk)
