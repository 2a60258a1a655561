"""Rule documentation: ``copydesk explain``, ``copydesk docs``, and the committed docs/rules/."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rules_for

from linter.cli import main
from linter.config.loader import bundled_styles
from linter.model.rule import Rule
from linter.report.docs import GENERATED, explain, index_page, markdown_page, summary
from linter.run.pipeline import fixed_examples

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "rules"
CORE = ROOT / "fixtures" / "styles" / "Core"
STALE = ("docs/rules/ is out of date with the bundled rules: regenerate it with "
         "`python -m linter docs docs/rules` and commit the result")


def _core(rule_id: str) -> Rule:
    return next(r for r in rules_for(f"styles: [{CORE}]") if r.id == rule_id)


def _pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def test_committed_rule_docs_are_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", str(tmp_path)]) == 0, capsys.readouterr().err
    fresh, committed = _pages(tmp_path), _pages(COMMITTED)
    changed = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not changed, f"{STALE} (differing pages: {', '.join(changed)})"


def test_docs_render_every_bundled_style_whatever_the_config(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".copydesk.yml").write_text("styles: [NoSuchStyle]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["docs", "out"]) == 0
    assert capsys.readouterr().out.startswith("wrote ")
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    for style in bundled_styles():
        assert f"\n## {style} (" in index


def test_docs_remove_generated_pages_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "Gone.Rule.md").write_text(f"{GENERATED}\n\n# Gone.Rule\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Our notes\n", encoding="utf-8")
    assert main(["docs", str(tmp_path)]) == 0
    assert not (tmp_path / "Gone.Rule.md").exists()
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "# Our notes\n"


def _explain(rule: Rule) -> str:
    return explain(rule, fixed_examples(rule))


def _page(rule: Rule) -> str:
    return markdown_page(rule, fixed_examples(rule))


def test_explain_text() -> None:
    text = _explain(_core("Core.Places"))
    assert text.startswith("Core.Places (substitution, warning)\n\nTest rule for the substitution kind.\n")
    for line in ("Source: copydesk test suite",
                 "Direct quotations: not reported inside direct quotations",
                 "Attributed speech: reported as anywhere else",
                 "Automatic fix: yes: `copydesk fix` applies the suggestion where there is exactly one",
                 "Rule file: Core/Places.yml",
                 "Message: Use '%s' rather than '%s'",
                 "  - Talks in Kiev resumed.",
                 "    fixed: Talks in Kyiv resumed.",
                 "  - He ordered chicken Kiev.",
                 "Options:",
                 "  swap:",
                 "    Bombay: Mumbai|Bombay city",
                 "  exceptions: chicken Kiev"):
        assert f"\n{line}\n" in f"\n{text}\n", line


def test_explain_quotation_attribution_and_fix_settings() -> None:
    rule = _core("Core.Places")._replace(quotes="only", attributed="suggestion",
                   attributed_message="Quote the source directly.", fixable=False, link="https://example.org/x")
    text = explain(rule, fixed_examples(rule))
    assert "Direct quotations: reported only inside direct quotations" in text
    assert "Attributed speech: reported as a suggestion, with the message: Quote the source directly." in text
    assert "Automatic fix: no (the rule sets fixable: false)" in text
    assert "Link: https://example.org/x" in text
    assert "fixed:" not in text
    assert "Automatic fix: no\n" in _explain(_core("Core.Labels"))


def test_explain_through_the_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["explain", "Core.Labels"]) == 0
    assert capsys.readouterr().out == _explain(_core("Core.Labels")) + "\n"


def test_markdown_page() -> None:
    page = _page(_core("Core.Places")._replace(description="Prefer *Kyiv*; see [notes]."))
    assert page.startswith("# Core.Places\n\nPrefer \\*Kyiv\\*; see \\[notes\\].\n")
    assert "| Kind | `substitution` |\n| Level | warning |\n" in page
    assert "| Rule file | `Core/Places.yml` |" in page
    assert "- Talks in Kiev resumed.\n  - after `copydesk fix`: Talks in Kyiv resumed.\n" in page
    assert "- `swap`:\n  - `Kiev`: `Kyiv`\n" in page
    assert "`Bombay`: `Mumbai|Bombay city`" in page


def test_markdown_page_keeps_a_multi_line_example_as_written() -> None:
    page = _page(_core("Core.Headline"))
    assert ("- ```text\n  Talks Stall In Kyiv As Winter Nears\n\n  Body text follows here.\n  ```\n"
            "  - after `copydesk fix`:\n\n    ```text\n    Talks stall in Kyiv as winter nears\n") in page


def test_index_groups_by_style_and_marks_default_styles() -> None:
    rules = [_core("Core.Places"), _core("Core.Labels")._replace(id="House.Labels")]
    index = index_page(rules, ["House"])
    assert index.startswith(GENERATED)
    assert "## Core (opt-in)\n" in index and "## House (default)\n" in index
    assert "| [Core.Places](Core.Places.md) | warning | `substitution` | Test rule for the substitution kind. |" \
        in index


def test_summary_is_the_first_sentence() -> None:
    rule = _core("Core.Labels")
    assert summary(rule._replace(description="Avoid \"et. al\" here. Second sentence.")) == \
        "Avoid \"et. al\" here."
    assert summary(rule._replace(description="One line\n  wrapped. Two.")) == "One line wrapped."
