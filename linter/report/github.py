"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

https://docs.github.com/actions/reference/workflow-commands
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.lib.shown import printable, quote_path
from linter.model.findings import Severity
from linter.model.results import FileResult

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def github_data(text: str) -> str:
    """Escape a workflow command's message (the text after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow command property value (``file=...``, ``title=...``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_file(result: FileResult, colour: bool = False) -> Iterator[str]:
    """Columns are in code points, as everywhere in copydesk."""
    for f in result.findings:
        props = (f"file={github_property(quote_path(f.path))},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={github_property(f.rule_id)}")
        yield f"::{_COMMANDS[f.severity]} {props}::{github_data(f.message)}"


def github_errors(errors: tuple[tuple[str, str], ...]) -> Iterator[str]:
    for path, message in errors:
        yield f"::error file={github_property(quote_path(path))}::{github_data(printable(message))}"
