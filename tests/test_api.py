"""The public API: lint_text and lint_paths, as a newsroom script would call them."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import Finding, Severity, __version__, lint_paths, lint_text

CORE = Path(__file__).resolve().parent.parent / "fixtures" / "styles" / "Core"


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / ".copydesk.yml"
    path.write_text(f"styles: [{CORE}]\nrules: {{Core.Headline: off, Core.Acronyms: off}}\n")
    return str(path)


def test_lint_text(config: str) -> None:
    [finding] = lint_text("The terrorists left.", config=config)
    assert isinstance(finding, Finding)
    assert (finding.rule_id, finding.severity, finding.line, finding.column) == (
        "Core.Labels", Severity.ERROR, 1, 5)


def test_lint_text_markdown_and_suppression(config: str) -> None:
    assert lint_text("`Kiev` <!-- copydesk-disable-line -->\n\nKiev\n", fmt="markdown", config=config)[0].line == 3


def test_lint_paths(tmp_path: Path, config: str) -> None:
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n")
    (tmp_path / "b.md").write_text("# Kiev\n")
    found = lint_paths([str(tmp_path)], config=config)
    assert [(Path(f.path).name, f.rule_id) for f in found] == [("a.txt", "Core.Places"), ("b.md", "Core.Places")]


def test_version_is_a_string() -> None:
    assert __version__.count(".") == 2
