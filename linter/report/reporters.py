"""Output formats. Reporters return text; only the CLI writes it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from linter.model.document import Document
from linter.model.findings import Finding, Severity
from linter.model.rule import Rule

JSON_SCHEMA_VERSION = 1
WINDOW = 80


@dataclass(frozen=True)
class FileResult:
    """One file's findings, with the source lines they sit on (for excerpts).

    A worker process may hand back a file already rendered for the run's
    output format (:meth:`rendered_as`): then ``rendered`` holds its part of the
    output, ``tally`` its number of findings per severity, and ``findings`` is
    empty. Rendering in the workers keeps that work parallel and spares sending
    every finding back to the main process.
    """

    path: str
    findings: tuple[Finding, ...]
    lines: Mapping[int, str] = field(default_factory=dict)
    rendered: str | None = None
    rendered_for: str = ""  # the format of ``rendered``
    tally: tuple[int, ...] = ()  # findings per severity, indexed by Severity, when rendered

    @classmethod
    def of(cls, doc: Document, findings: Sequence[Finding]) -> FileResult:
        wanted = {n for f in findings for n in (f.line, f.end_line)}  # SARIF converts both columns
        return cls(doc.path, tuple(findings), {n: doc.line_text(n) for n in sorted(wanted)})

    def rendered_as(self, fmt: str, colour: bool) -> FileResult:
        """This file rendered for ``fmt``, when that format renders file by file, else itself."""
        part = FILE_PARTS.get(fmt)
        if part is None:
            return self
        tally = [0] * len(Severity)
        for finding in self.findings:
            tally[finding.severity] += 1
        return FileResult(self.path, (), rendered="\n".join(part(self, colour)), rendered_for=fmt,
                          tally=tuple(tally))

    def parts(self, fmt: str, colour: bool) -> Iterator[str]:
        """This file's lines of ``fmt`` output: rendered before, or now."""
        if self.rendered is not None:
            if self.rendered_for != fmt:
                raise ValueError(f"{self.path} was rendered for {self.rendered_for}, not {fmt}")
            if self.rendered:
                yield self.rendered
        else:
            yield from FILE_PARTS[fmt](self, colour)


@dataclass(frozen=True)
class Report:
    """What one run found. ``rules`` are the enabled rules (SARIF and JUnit list them)."""

    files: tuple[FileResult, ...]
    errors: tuple[tuple[str, str], ...]
    rules: tuple[Rule, ...] = ()

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for result in self.files:
            for severity, n in zip(Severity, result.tally, strict=False):  # () unless rendered
                counts[severity] += n
            for finding in result.findings:
                counts[finding.severity] += 1
        return counts


_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
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
    yield "    " + " " * s + _paint("^" * max(1, e - s), "31;1", colour)


def _text_file(result: FileResult, colour: bool) -> Iterator[str]:
    for f in result.findings:
        level = _paint(f.severity.label, _COLOURS[f.severity], colour)
        yield f"{f.path}:{f.line}:{f.column}: {level} {f.rule_id} {f.message}"
        if f.line in result.lines:
            yield from _context(result.lines[f.line], f, colour)


def format_text(report: Report, colour: bool = False) -> Iterator[str]:
    for result in report.files:
        yield from result.parts("text", colour)
    for path, message in report.errors:
        yield _paint(f"{path}: error: {message}", "31", colour)
    yield summary(report)


def summary(report: Report) -> str:
    counts = report.counts()
    total = sum(counts.values())
    parts = ", ".join(f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
                      for s in sorted(Severity, reverse=True))
    files = len(report.files)
    problems = f"; {len(report.errors)} file error{'s' if len(report.errors) != 1 else ''}" \
        if report.errors else ""
    noun = "finding" if total == 1 else "findings"
    return f"{total} {noun} ({parts}) in {files} file{'s' if files != 1 else ''}{problems}"


def _json_file(result: FileResult, colour: bool = False) -> Iterator[str]:
    import json

    yield json.dumps({"path": result.path, "findings": [f.to_dict() for f in result.findings]},
                     ensure_ascii=False)


def format_json(report: Report, colour: bool = False) -> Iterator[str]:
    """One line (the C encoder is several times faster than indented output on large
    runs): exactly ``json.dumps`` of the whole report, put together from each file's
    part so that workers can encode their files."""
    import json

    counts = report.counts()
    files = ", ".join(part for r in report.files for part in r.parts("json", colour))
    errors = [{"path": p, "message": m} for p, m in report.errors]
    summary = {"files": len(report.files), **{s.label: counts[s] for s in sorted(Severity, reverse=True)}}
    yield (f'{{"schema": {JSON_SCHEMA_VERSION}, "files": [{files}], '
           f'"errors": {json.dumps(errors, ensure_ascii=False)}, "summary": {json.dumps(summary)}}}')


# GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands
_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def github_data(text: str) -> str:
    """Escape a workflow command's message (the text after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow command property value (``file=...``, ``title=...``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_file(result: FileResult, colour: bool = False) -> Iterator[str]:
    for f in result.findings:
        props = (f"file={github_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={github_property(f.rule_id)}")
        yield f"::{_GITHUB_COMMANDS[f.severity]} {props}::{github_data(f.message)}"


def format_github(report: Report, colour: bool = False) -> Iterator[str]:
    """One annotation per finding (columns in code points, as everywhere), then the summary."""
    for result in report.files:
        yield from result.parts("github", colour)
    for path, message in report.errors:
        yield f"::error file={github_property(path)}::{github_data(message)}"
    yield summary(report)


def _format_junit(report: Report, colour: bool = False) -> Iterator[str]:
    from linter.report.junit import format_junit

    return format_junit(report)


def _format_sarif(report: Report, colour: bool = False) -> Iterator[str]:
    import json

    from linter.report.sarif import sarif_log

    yield json.dumps(sarif_log(report), ensure_ascii=False, indent=2)


# Formats whose output is each file's part in turn, then a summary: workers render those parts.
FILE_PARTS: dict[str, Callable[[FileResult, bool], Iterator[str]]] = {
    "text": _text_file,
    "json": _json_file,
    "github": _github_file,
}

REPORTERS: dict[str, Callable[[Report, bool], Iterator[str]]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "junit": _format_junit,
    "sarif": _format_sarif,
}


def fail_level(name: str) -> Severity | None:
    return None if name == "never" else Severity.parse(name)


def exit_code(report: Report, fail_on: str) -> int:
    if report.errors:
        return 2
    threshold = fail_level(fail_on)
    if threshold is None:
        return 0
    return int(any(n for severity, n in report.counts().items() if severity >= threshold))
