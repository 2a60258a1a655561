"""Where a report goes and the lines around it: ``--output-file``, the per-file filter of
``--min-level``, ``--statistics``, and the words that say what the exit code means."""

import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from linter.model.findings import Severity
from linter.model.results import FileResult


@contextlib.contextmanager
def destination(path: Path | None, default: TextIO) -> Iterator[TextIO]:
    """``default`` (stdout, or stderr when stdout carries fixed text), or the
    ``--output-file`` (UTF-8, ``\\n`` line ends), opened when the report is ready to be
    written; raises OSError when it cannot be."""
    if path is None:
        yield default
        return
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream


def write_lines(stream: TextIO, lines: Iterable[str]) -> None:
    """Write a line at a time; a reader that went away (``| head``) ends the output quietly."""
    try:
        for line in lines:
            stream.write(line + "\n")
        stream.flush()
    except BrokenPipeError:
        if stream is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        else:
            raise


class Shown(NamedTuple):
    """One file's share of the report (a rendered part, or the filtered result itself), its
    tally of every finding (indexed by :class:`Severity`: the exit code counts them all) and
    how many ``--min-level`` left out."""

    share: Any
    tally: tuple[int, ...]
    hidden: int


class Finish:
    """What each worker does with a file's result: drop findings below ``min_level``, then
    render the file's part (``render``) or keep the result for a whole-report format."""

    __slots__ = ("min_level", "render")

    def __init__(self, render: Callable[[FileResult], Any] | None,
                 min_level: Severity = Severity.SUGGESTION) -> None:
        self.render, self.min_level = render, min_level

    def __call__(self, result: FileResult) -> Shown:
        kept = tuple(f for f in result.findings if f.severity >= self.min_level)
        shown = result if len(kept) == len(result.findings) else result._replace(findings=kept)
        share = self.render(shown) if self.render is not None else shown
        return Shown(share, result.tally(), len(result.findings) - len(kept))


def statistics(results: Sequence[FileResult], fmt: str) -> Iterator[str]:
    """``--statistics``: how many findings of each rule and level, most first."""
    counted = Counter((f.rule_id, f.severity.label) for r in results for f in r.findings)
    rows = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        yield json.dumps({"statistics": [{"rule": rule, "level": level, "count": n}
                                         for (rule, level), n in rows]}, ensure_ascii=False)
        return
    width = max((len(rule) for (rule, _), _ in rows), default=0)
    digits = len(str(rows[0][1])) if rows else 1
    for (rule, level), n in rows:
        yield f"{n:>{digits}}  {rule:<{width}}  {level}"


def summary_note(code: int, fail_on: str, hidden: int, min_level: Severity) -> str:
    """What follows the counts on the summary line: findings left out by ``--min-level``, and
    why the exit code is not 0 (a newcomer's first run exits 1 and should be told why)."""
    note = ""
    if hidden:
        note += f"; {hidden} below --min-level {min_level.label} not shown"
    if code == 1:
        note += f"; exit code 1: findings at or above --fail-on {fail_on}"
    elif code == 2:
        note += "; exit code 2: some files could not be linted"
    return note
