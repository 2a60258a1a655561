"""Suppression comments, [sic], accepted vocabulary and per-file settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import findings_for, lint

from linter.cli import main
from linter.markup import make_document
from linter.run.pipeline import RunOptions
from linter.run.session import open_session

CORE = Path(__file__).resolve().parent.parent / "fixtures" / "styles" / "Core"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".copydesk.yml").write_text(
        f"styles: [{CORE}]\nrules: {{Core.Headline: off, Core.Acronyms: off}}\n"
        "vocab: [Kiev Post]\nper-file:\n  'opinion/**': {Core.Labels: off, Core.Places: suggestion}\n")
    return tmp_path


def _found(project: Path, source: str, fmt: str = "text", path: str = "d.txt",
           unused: bool = False) -> list[tuple[int, str, str]]:
    proj = open_session(project / ".copydesk.yml", project)
    doc = make_document(str(project / path), source, fmt)
    return [(f.line, f.rule_id, f.severity.label)
            for f in findings_for(doc, proj, RunOptions(report_unused=unused))]


def test_disable_enable_range(project: Path) -> None:
    source = ("Kiev one.\n<!-- copydesk-disable Core.Places -->\nKiev two, terrorists.\n"
              "<!-- copydesk-enable -->\nKiev three.\n")
    assert _found(project, source) == [
        (1, "Core.Places", "warning"), (3, "Core.Labels", "error"), (5, "Core.Places", "warning")]


def test_disable_next_line_and_line_and_all_rules(project: Path) -> None:
    source = ("<!-- copydesk-disable-next-line -->\nKiev terrorists.\n"
              "Kiev again. <!-- copydesk-disable-line Core.Places -->\nKiev last.\n")
    assert _found(project, source) == [(4, "Core.Places", "warning")]


def test_disable_file_in_markdown_and_html(project: Path) -> None:
    assert _found(project, "<!-- copydesk-disable-file -->\n\nKiev.\n", "markdown", "d.md") == []
    assert _found(project, "<p>Kiev</p><!-- copydesk-disable-file Core -->", "html", "d.html") == []


def test_style_and_glob_ids(project: Path) -> None:
    assert _found(project, "<!-- copydesk-disable-next-line Core.P* -->\nKiev.\n") == []


def test_unknown_rule_and_unknown_directive_are_findings(project: Path) -> None:
    found = _found(project, "<!-- copydesk-disable Core.Nope -->\n<!-- copydesk-silence -->\n")
    assert found == [(1, "copydesk.directive", "error"), (2, "copydesk.directive", "error")]


def test_unused_directives_only_when_asked(project: Path) -> None:
    source = "<!-- copydesk-disable-next-line Core.Labels -->\nNothing here.\n"
    assert _found(project, source) == []
    assert _found(project, source, unused=True) == [(1, "copydesk.directive", "warning")]


def test_sic_silences_term_rules_for_that_word(project: Path) -> None:
    assert _found(project, "The sign read Kiev [sic] and terrorists [SIC].\nKiev again.\n") == [
        (2, "Core.Places", "warning")]


def test_vocab_terms_are_accepted(project: Path) -> None:
    assert _found(project, "He wrote for the Kiev Post in Kiev.\n") == [(1, "Core.Places", "warning")]


def test_per_file_overrides(project: Path) -> None:
    assert _found(project, "Terrorists in Kiev.\n", path="opinion/col.txt") == [
        (1, "Core.Places", "suggestion")]
    assert _found(project, "Terrorists in Kiev.\n", path="news/a.txt") == [
        (1, "Core.Labels", "error"), (1, "Core.Places", "warning")]


def test_per_file_unknown_rule_is_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\nper-file:\n  'x/**': {{Core.Nope: off}}\n")
    assert main(["check", "--config", str(tmp_path / ".copydesk.yml"), str(tmp_path)]) == 2
    assert ".copydesk.yml:3: x/**: no loaded rule matches 'Core.Nope'" in capsys.readouterr().err


def test_directive_text_is_not_prose_in_plain_text() -> None:
    config = "{styles: [styles/Core]}"
    assert lint("<!-- copydesk-disable-next-line Core.Nope -->\nfine\n", config=config) == []


def test_a_rule_with_vocab_false_is_not_silenced_by_the_vocabulary(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    style = tmp_path / "House"
    style.mkdir()
    rule = "extends: existence\nmessage: \"'%s'\"\ntokens: [Kiev]\n"
    (style / "Strict.yml").write_text(rule + "vocab: false\n")
    (style / "Lenient.yml").write_text(rule)
    (tmp_path / ".copydesk.yml").write_text("styles: [House]\nvocab: [Kiev Post]\n")
    (tmp_path / "d.txt").write_text("He wrote for the Kiev Post.\n")
    main(["check", "--format", "json", "--config", str(tmp_path / ".copydesk.yml"), str(tmp_path / "d.txt")])
    import json

    [result] = json.loads(capsys.readouterr().out)["files"]
    assert [f["rule"] for f in result["findings"]] == ["House.Strict"]


@pytest.mark.parametrize("kind", ["repetition", "capitalization", "conditional"])
def test_vocab_key_on_a_kind_that_never_reads_it_is_an_error(tmp_path: Path, kind: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    style = tmp_path / "House"
    style.mkdir()
    keys = {"repetition": "tokens: ['\\w+']", "capitalization": "match: $title",
            "conditional": "first: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'"}[kind]
    (style / "Rule.yml").write_text(f"extends: {kind}\nmessage: x\n{keys}\nvocab: false\n")
    (tmp_path / ".copydesk.yml").write_text("styles: [House]\n")
    assert main(["check", "--config", str(tmp_path / ".copydesk.yml"), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"Rule.yml:{4 if kind != 'conditional' else 5}: vocab: a {kind} rule never consults the vocabulary" in err
