"""The flags a newsroom engineer reaches for (issue 13), each through main([...])."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import CORE, core_project, run_cli

DRAFT = "The terrorists fled to Kiev.\n"  # Core.Labels (error) and Core.Places (warning)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return core_project(tmp_path, monkeypatch)


def _rules(out: str) -> list[str]:
    return [f["rule"] for f in json.loads(out)["files"][0]["findings"]]


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


# --- choosing rules -----------------------------------------------------------------------


def test_select_and_ignore_take_ids_styles_globs_commas_and_repeats(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    assert _rules(run_cli(capsys, "--format", "json", "d.txt")[1]) == ["Core.Labels", "Core.Places"]
    assert _rules(run_cli(capsys, "--select", "Core.Places", "--format", "json", "d.txt")[1]) == ["Core.Places"]
    assert _rules(run_cli(capsys, "--select", "Core.P*", "--format", "json", "d.txt")[1]) == ["Core.Places"]
    assert _rules(run_cli(capsys, "--ignore", "Core.Labels", "--format", "json", "d.txt")[1]) == ["Core.Places"]
    assert _rules(run_cli(capsys, "--select", "Core", "--ignore", "Core.Places,Core.Spelling",
                       "--format", "json", "d.txt")[1]) == ["Core.Labels"]
    assert _rules(run_cli(capsys, "--select", "Core.Labels", "--select", "Core.Places",
                       "--format", "json", "d.txt")[1]) == ["Core.Labels", "Core.Places"]


def test_select_turns_on_a_rule_the_config_turned_off_and_keeps_its_level(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(
        f"styles: [{CORE}]\nrules:\n  Core.Places: error\n  Core.Labels: off\n")
    (project / "d.txt").write_text(DRAFT)
    out = run_cli(capsys, "--select", "Core.Labels,Core.Places", "--format", "json", "d.txt")[1]
    found = json.loads(out)["files"][0]["findings"]
    assert [(f["rule"], f["level"]) for f in found] == [("Core.Labels", "error"), ("Core.Places", "error")]


def test_select_loads_a_bundled_style_the_config_leaves_out(project: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("A short line.\n")
    code, out, _ = run_cli(capsys, "--select", "Readability.Grade", "--show-config")
    assert code == 0 and "  Readability.Grade: suggestion" in out and "  Core.Labels: off" in out


def test_an_unknown_rule_on_the_command_line_suggests_the_nearest(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    code, out, err = run_cli(capsys, "--select", "Core.Lables", "d.txt")
    assert code == 2 and out == ""
    assert err == "copydesk: --select: no loaded rule matches 'Core.Lables' (did you mean 'Core.Labels'?)\n"
    code, _, err = run_cli(capsys, "--ignore", "core.places", "d.txt")
    assert code == 2 and "(did you mean 'Core.Places'?)" in err


def test_no_config_uses_the_defaults(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    assert "Core.Labels" in run_cli(capsys, "d.txt")[1]
    out = run_cli(capsys, "--no-config", "--format", "json", "d.txt")[1]
    assert "Names.Places" in _rules(out) and not [r for r in _rules(out) if r.startswith("Core.")]
    assert run_cli(capsys, "--no-config", "--config", ".copydesk.yml", "d.txt")[0] == 2


def test_show_config_names_the_file_and_every_setting(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nfail-on: warning\nquote-style: Curly\n"
                                           "rules: {Core.Spelling: off}\n")
    code, out, _ = run_cli(capsys, "check", "--show-config", "--ignore", "Core.Commas")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(f"from {project / '.copydesk.yml'}")
    assert f'config-file: "{project / ".copydesk.yml"}"' in lines
    assert {'fail-on: "warning"', 'quote-style: "curly"', 'styles: ["Core"]'} <= set(lines)
    assert {"  Core.Spelling: off", "  Core.Commas: off", "  Core.Labels: error"} <= set(lines)
    code, out, _ = run_cli(capsys, "check", "--show-config", "--no-config")
    assert "the built-in defaults (--no-config)" in out.splitlines()[0] and "config-file: null" in out


# --- where files come from, in what order ------------------------------------------------


def test_exclude_skips_paths_relative_to_the_current_folder(project: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("drafts/a.txt", "drafts/wire/b.txt", "drafts/wire/c.md"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(DRAFT)

    def paths(*extra: str) -> list[str]:
        out = run_cli(capsys, "--format", "json", *extra, "drafts")[1]
        return [f["path"] for f in json.loads(out)["files"]]

    assert paths() == ["drafts/a.txt", "drafts/wire/b.txt", "drafts/wire/c.md"]
    assert paths("--exclude", "drafts/wire") == ["drafts/a.txt"]
    assert paths("--exclude", "*.md,drafts/a.txt") == ["drafts/wire/b.txt"]
    assert paths("--exclude", "**/b.txt", "--exclude", "*.md") == ["drafts/a.txt"]


def test_output_is_sorted_by_path_whatever_the_order_of_the_arguments(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", "a-b.txt"):
        (project / name).parent.mkdir(exist_ok=True)
        (project / name).write_text(DRAFT)
    out = run_cli(capsys, "sub", "b.txt", "a.txt", "a-b.txt", "b.txt")[1]
    firsts = [line.split(":")[0] for line in out.splitlines() if ": error" in line]
    assert firsts == ["a-b.txt", "a.txt", "b.txt", "sub/c.txt"]  # each once


# --- what is shown ---------------------------------------------------------------------------


def test_summary_says_what_exit_code_1_means(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    code, out, _ = run_cli(capsys, "d.txt")
    assert code == 1
    assert out.splitlines()[-1] == ("2 findings (1 error, 1 warning, 0 suggestions) in 1 file; "
                                    "exit code 1: findings at or above --fail-on error")
    code, out, _ = run_cli(capsys, "--fail-on", "never", "d.txt")
    assert code == 0 and out.splitlines()[-1] == "2 findings (1 error, 1 warning, 0 suggestions) in 1 file"


def test_quiet_prints_the_findings_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    code, out, err = run_cli(capsys, "--quiet", "d.txt")
    assert code == 1 and err == ""
    assert out.splitlines()[0].startswith("d.txt:1:5: error Core.Labels") and "findings" not in out
    code, out, _ = run_cli(capsys, "-q", "--format", "github", "d.txt")
    assert code == 1 and out.count("\n") == 2 and out.startswith("::error file=d.txt")


def test_min_level_hides_findings_but_not_from_the_exit_code(project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    code, out, _ = run_cli(capsys, "--min-level", "error", "--fail-on", "warning", "d.txt")
    assert code == 1
    assert "Core.Places" not in out and "Core.Labels" in out
    assert out.splitlines()[-1] == ("1 finding (1 error, 0 warnings, 0 suggestions) in 1 file; 1 below "
                                    "--min-level error not shown; exit code 1: findings at or above "
                                    "--fail-on warning")
    (project / "w.txt").write_text("Talks in Kiev.\n")
    code, out, _ = run_cli(capsys, "--min-level", "error", "--format", "json", "--fail-on", "warning", "w.txt")
    assert code == 1 and json.loads(out)["files"][0]["findings"] == []


def test_statistics_count_each_rule_most_first(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT + "Kiev again, and Kiev.\n")
    code, out, _ = run_cli(capsys, "--statistics", "d.txt")
    assert code == 1
    assert out.splitlines() == [
        "3  Core.Places  warning",
        "1  Core.Labels  error",
        "4 findings (1 error, 3 warnings, 0 suggestions) in 1 file; exit code 1: findings at or above "
        "--fail-on error",
    ]
    out = run_cli(capsys, "--statistics", "--format", "json", "d.txt")[1]
    assert json.loads(out) == {"statistics": [{"rule": "Core.Places", "level": "warning", "count": 3},
                                              {"rule": "Core.Labels", "level": "error", "count": 1}]}
    code, _, err = run_cli(capsys, "--statistics", "--format", "sarif", "d.txt")
    assert code == 2 and err == "copydesk: --statistics works with --format text or json\n"


def test_output_file_takes_the_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    code, out, _ = run_cli(capsys, "--format", "sarif", "--output-file", "report.sarif", "d.txt")
    assert code == 1 and out == ""
    assert json.loads((project / "report.sarif").read_text())["runs"][0]["results"]
    code, out, _ = run_cli(capsys, "-o", "report.txt", "--color", "always", "d.txt")
    assert out == "" and "\033[" not in (project / "report.txt").read_text()
    code, out, err = run_cli(capsys, "-o", "missing/report.txt", "d.txt")
    assert code == 2 and err.startswith("copydesk: cannot write missing/report.txt: ")
    assert err.count("\n") == 1


def test_verbose_says_what_it_used_on_stderr(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(DRAFT)
    code, out, err = run_cli(capsys, "-v", "d.txt")
    assert code == 1 and "Core.Labels" in out
    lines = err.splitlines()
    assert lines[0] == f"copydesk: config: {project / '.copydesk.yml'}"
    assert lines[1] == "copydesk: 5 rules from Core"
    assert lines[2].startswith("copydesk: linting 1 file with up to ")
    assert lines[3].startswith("copydesk: done in ") and lines[3].endswith(" s, exit code 1")
    assert run_cli(capsys, "d.txt")[2] == ""


@pytest.mark.parametrize(("environment", "coloured"), [
    ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True), ({"TERM": "dumb"}, False), ({}, True)])
def test_colour_follows_no_color_and_term(project: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, environment: dict[str, str],
                                          coloured: bool) -> None:
    (project / "d.txt").write_text(DRAFT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert ("\033[" in run_cli(capsys, "d.txt")[1]) is coloured


# --- stdin ---------------------------------------------------------------------------------


def test_stdin_filename_sets_the_format_and_per_file_settings(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nper-file:\n  'opinion/**': {{Core.Places: off}}\n")
    text = "Talks in Kiev.\n\n`Kiev` in code.\n"
    _stdin(monkeypatch, text)
    out = run_cli(capsys, "--format", "json", "--stdin-filename", "news/a.md", "-")[1]
    [file] = json.loads(out)["files"]
    assert file["path"] == "news/a.md" and [f["line"] for f in file["findings"]] == [1]  # not the code span
    _stdin(monkeypatch, text)
    out = run_cli(capsys, "--format", "json", "--stdin-filename", "news/a.txt", "-")[1]
    assert [f["line"] for f in json.loads(out)["files"][0]["findings"]] == [1, 3]
    _stdin(monkeypatch, text)
    out = run_cli(capsys, "--format", "json", "--stdin-filename", "news/a.md", "--stdin-format", "text", "-")[1]
    assert len(json.loads(out)["files"][0]["findings"]) == 2
    _stdin(monkeypatch, text)
    out = run_cli(capsys, "--format", "json", "--stdin-filename", "opinion/a.md", "-")[1]
    assert json.loads(out)["files"][0]["findings"] == []


def test_stdin_filename_that_is_ignored_is_not_linted_and_fix_passes_it_through(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nignore: ['archive/**']\n")
    _stdin(monkeypatch, DRAFT)
    code, out, _ = run_cli(capsys, "--stdin-filename", "archive/old.txt", "-")
    assert code == 0 and out.splitlines()[-1].startswith("0 findings") and out.endswith("in 0 files\n")
    _stdin(monkeypatch, DRAFT)
    assert run_cli(capsys, "fix", "--stdin-filename", "archive/old.txt", "-")[:2] == (0, DRAFT)
    _stdin(monkeypatch, DRAFT)
    assert run_cli(capsys, "fix", "--exclude", "*.txt", "--stdin-filename", "new.txt", "-")[:2] == (0, DRAFT)


def test_fix_of_stdin_prints_the_text_even_when_nothing_changes(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("On disk.\n")
    _stdin(monkeypatch, "Nothing to fix here.\n")
    assert run_cli(capsys, "fix", "--stdin-filename", "d.txt", "-")[:2] == (0, "Nothing to fix here.\n")
    _stdin(monkeypatch, "Talks in Kiev.\n")
    assert run_cli(capsys, "fix", "--stdin-filename", "d.txt", "-")[:2] == (1, "Talks in Kyiv.\n")
    assert (project / "d.txt").read_text() == "On disk.\n"


# --- check --fix -------------------------------------------------------------------------


def test_check_fix_exit_code_follows_what_is_left(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Talks in Kiev.\n")
    code, out, err = run_cli(capsys, "check", "--fix", "--fail-on", "warning", "d.txt")
    assert (project / "d.txt").read_text() == "Talks in Kyiv.\n"
    assert code == 0 and out == "0 findings (0 errors, 0 warnings, 0 suggestions) in 1 file\n"
    assert err == "d.txt: applied 1 fix\n"
    (project / "d.txt").write_text(DRAFT)
    code, out, _ = run_cli(capsys, "check", "--fix", "d.txt")
    assert code == 1 and "Core.Labels" in out and "Core.Places" not in out


def test_check_fix_of_stdin_keeps_the_text_and_the_report_apart(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, DRAFT)
    code, out, err = run_cli(capsys, "check", "--fix", "-")
    assert code == 1
    assert out == "The terrorists fled to Kyiv.\n"
    assert err.startswith("-:1:5: error Core.Labels") and "1 finding (1 error" in err
