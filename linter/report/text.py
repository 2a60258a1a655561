"""The default output: one line per finding, the line it sits on with the span underlined,
and a summary line."""

from __future__ import annotations

from collections.abc import Iterator

from linter.lib.shown import printable, quote_path
from linter.model.findings import Finding, Severity
from linter.model.results import FileResult

WINDOW = 80
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


def paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of about 80 characters around ``line[start:end]``, with its new span."""
    line = line.replace("\t", " ")
    if len(line) <= WINDOW + 20:
        return line, start, end
    left = max(0, min(start - (WINDOW - min(end - start, WINDOW)) // 2, len(line) - WINDOW))
    right = min(len(line), max(left + WINDOW, min(end, left + 2 * WINDOW)))
    pre = "…" if left > 0 else ""
    post = "…" if right < len(line) else ""
    shown = pre + line[left:right] + post
    return shown, start - left + len(pre), min(end, right) - left + len(pre)


def _context(text: str, f: Finding, colour: bool) -> Iterator[str]:
    end = f.end_column - 1 if f.end_line == f.line else len(text)
    shown, s, e = excerpt(text, f.column - 1, max(end, f.column))
    yield "    " + shown
    yield "    " + " " * s + paint("^" * max(1, e - s), "31;1", colour)


def text_file(result: FileResult, colour: bool) -> Iterator[str]:
    for f in result.findings:
        level = paint(f.severity.label, _COLOURS[f.severity], colour)
        yield f"{quote_path(f.path)}:{f.line}:{f.column}: {level} {f.rule_id} {f.message}"
        if f.line in result.lines:
            yield from _context(result.lines[f.line], f, colour)


def text_errors(errors: tuple[tuple[str, str], ...], colour: bool) -> Iterator[str]:
    for path, message in errors:
        yield paint(f"{quote_path(path)}: error: {printable(message)}", "31", colour)


def summary(counts: dict[Severity, int], files: int, errors: int) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
                      for s in sorted(Severity, reverse=True))
    problems = f"; {errors} file error{'s' if errors != 1 else ''}" if errors else ""
    noun = "finding" if total == 1 else "findings"
    return f"{total} {noun} ({parts}) in {files} file{'s' if files != 1 else ''}{problems}"
