"""Output formats: a run's results (plain data, :mod:`linter.model.results`) turned into text.

``text``, ``json`` and ``github`` output is each file's part in turn, then what
concerns the whole run: each file can be rendered on its own into a
:class:`Part` (in the worker process that linted it, through the callback the
run layer is given), and the parts put together here. ``sarif`` and ``junit``
need every file's findings at once. ``html`` is a page per file
(:func:`html_part`, rendered in the worker too), and an index of them
(:mod:`.html`).

Reporters return text; only the command line writes it. This package knows
results and rules, not how they were found: it must not import ``engine``,
``run``, ``config`` or ``cli``.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import NamedTuple

from linter.model.findings import Severity
from linter.model.results import FileResult, Report
from linter.model.rule import Rule
from linter.report.github import github_errors, github_file
from linter.report.jsonreport import json_document, json_file
from linter.report.text import summary, text_errors, text_file

FileFormat = Callable[[FileResult, bool], Iterator[str]]
_FILE_FORMATS: dict[str, FileFormat] = {"text": text_file, "json": json_file, "github": github_file}
FORMATS = ("github", "html", "json", "junit", "sarif", "text")


class Part(NamedTuple):
    """One file's share of a ``text``, ``json`` or ``github`` report, rendered on its own:
    its lines of output joined by new lines ("" when it has none), and how many findings of
    each severity it holds (indexed by :class:`Severity`)."""

    path: str
    text: str
    tally: tuple[int, ...]


def _part(file_format: FileFormat, colour: bool, result: FileResult) -> Part:
    return Part(result.path, "\n".join(file_format(result, colour)), result.tally())


def part_renderer(fmt: str, colour: bool) -> Callable[[FileResult], Part] | None:
    """A function that renders one file's part of ``fmt`` output, or None when ``fmt``
    is rendered as a whole."""
    file_format = _FILE_FORMATS.get(fmt)
    return None if file_format is None else partial(_part, file_format, colour)


def html_part(rules: Mapping[str, Rule], in_folder: bool, result: FileResult) -> Part:
    """One draft's ``html`` page (``result`` must carry its source); ``in_folder``: the page
    is one of a folder's, with a link to its index (:func:`linter.report.html.page_address`)."""
    from linter.report.html import html_page, index_address

    index = index_address(result.path) if in_folder else None
    return Part(result.path, html_page(result, rules, index), result.tally())


def counts(tallies: Sequence[tuple[int, ...]]) -> dict[Severity, int]:
    """Findings per severity over tallies indexed by :class:`Severity`."""
    total = dict.fromkeys(Severity, 0)
    for tally in tallies:
        for severity, n in zip(Severity, tally, strict=True):
            total[severity] += n
    return total


def render_parts(fmt: str, parts: Sequence[Part], errors: tuple[tuple[str, str], ...],
                 colour: bool = False, note: str = "", quiet: bool = False) -> Iterator[str]:
    """The whole ``text``, ``json`` or ``github`` output from each file's part; the summary
    line ends with ``note`` (what the exit code means), and ``quiet`` leaves it out."""
    found = counts([p.tally for p in parts])
    if fmt == "json":
        yield json_document([p.text for p in parts], errors, found)
        return
    yield from (p.text for p in parts if p.text)
    yield from (text_errors(errors, colour) if fmt == "text" else github_errors(errors))
    if not quiet:
        yield summary(found, len(parts), len(errors)) + note


def render(fmt: str, report: Report, colour: bool = False) -> Iterator[str]:
    """The output of ``report`` in ``fmt``, one piece after another."""
    renderer = part_renderer(fmt, colour)
    if renderer is not None:
        yield from render_parts(fmt, [renderer(r) for r in report.files], report.errors, colour)
    elif fmt == "sarif":
        import json

        from linter.report.sarif import sarif_log

        # One line, like --format json: indentation made a large log half white space.
        yield json.dumps(sarif_log(report), ensure_ascii=False, separators=(",", ":"))
    elif fmt == "junit":
        from linter.report.junit import format_junit

        yield from format_junit(report)
    elif fmt == "html" and len(report.files) == 1:
        yield html_part({r.id: r for r in report.rules}, False, report.files[0]).text.rstrip("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")


def fail_level(name: str) -> Severity | None:
    return None if name == "never" else Severity.parse(name)


def exit_code(found: dict[Severity, int], errors: int, fail_on: str) -> int:
    """0 clean, 1 a finding at or above ``fail_on``, 2 a file could not be linted."""
    if errors:
        return 2
    threshold = fail_level(fail_on)
    if threshold is None:
        return 0
    return int(any(n for severity, n in found.items() if severity >= threshold))
