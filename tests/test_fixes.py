"""`copydesk fix` and `check --fix`: safe, atomic, idempotent, encoding-preserving."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_FILES, FIXTURES, fixed_text, fixture_project
from expectations import parse

from linter.cli import main
from linter.markup import format_for, make_document

CORE = FIXTURES / "styles" / "Core"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fix_keeps_case_bom_crlf_and_mode(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "d.txt"
    draft.write_bytes(b"\xef\xbb\xbfTalks in KIEV.\r\nThen Kiev and kiev again.\r\n")
    draft.chmod(0o640)
    assert main(["fix", "d.txt"]) == 1
    assert draft.read_bytes() == b"\xef\xbb\xbfTalks in KYIV.\r\nThen Kyiv and Kyiv again.\r\n"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert "d.txt: applied 3 fixes" in capsys.readouterr().err
    assert main(["fix", "d.txt"]) == 0  # a second run changes nothing
    assert sorted(p.name for p in project.iterdir()) == [".copydesk.yml", "d.txt"]  # no temp files


def test_fix_never_applies_ambiguous_or_markup_spans(project: Path) -> None:
    draft = project / "d.md"
    source = "Flights to Bombay.\n\n`Kiev` in code, [Kiev](https://example.com/Kiev) link.\n"
    draft.write_text(source)
    assert main(["fix", "d.md"]) == 1
    assert draft.read_text() == "Flights to Bombay.\n\n`Kiev` in code, [Kyiv](https://example.com/Kiev) link.\n"


def test_fix_diff_does_not_write(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "d.txt"
    draft.write_text("Talks in Kiev.\n")
    assert main(["fix", "--diff", "d.txt"]) == 1
    out = capsys.readouterr().out
    assert "--- a/d.txt\n+++ b/d.txt\n" in out and "-Talks in Kiev.\n+Talks in Kyiv." in out
    assert draft.read_text() == "Talks in Kiev.\n"


def test_check_fix_reports_what_is_left(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Terrorists met in Kiev.\n")
    code = main(["check", "--fix", "d.txt"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Core.Labels" in out and "Core.Places" not in out
    assert (project / "d.txt").read_text() == "Terrorists met in Kyiv.\n"


def test_fix_error_on_bad_file_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "bad.txt").write_bytes(b"Kiev \xff\n")
    assert main(["fix", "bad.txt"]) == 2
    assert (project / "bad.txt").read_bytes() == b"Kiev \xff\n"
    assert "bad.txt: error: not valid UTF-8" in capsys.readouterr().err


def test_fix_leaves_file_whole_when_write_fails(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = project / "d.txt"
    draft.write_text("Talks in Kiev.\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert main(["fix", "d.txt"]) == 2
    assert draft.read_text() == "Talks in Kiev.\n"
    assert sorted(p.name for p in project.iterdir()) == [".copydesk.yml", "d.txt"]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fix_is_idempotent_on_every_fixture(path: Path) -> None:
    expected = parse(path.read_text(encoding="utf-8-sig"))
    project = fixture_project(path, expected.config)
    rules = project.rules
    doc = make_document(str(path), expected.source, format_for(path.name) or "text")
    once, _ = fixed_text(doc, project)
    twice, count = fixed_text(make_document(str(path), once, doc.fmt), project)
    assert count == 0 and twice == once
    from linter.engine.lint import lint_document

    left = lint_document(make_document(str(path), once, doc.fmt), rules)
    assert not [f for f in left if f.fix is not None]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def test_diff_base_reports_changed_lines_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _git(project, "init", "-q")
    draft = project / "d.txt"
    draft.write_text("Old line about Kiev.\nAnother old line.\n")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "base")
    draft.write_text("Old line about Kiev.\nAnother old line, now with Kiev.\nNew terrorists line.\n")
    (project / "new.txt").write_text("Untracked Kiev.\n")
    main(["check", "--format", "json", "--diff-base", "HEAD", "d.txt", "new.txt"])
    import json

    files = json.loads(capsys.readouterr().out)["files"]
    assert [(f["path"], [(x["line"], x["rule"]) for x in f["findings"]]) for f in files] == [
        ("d.txt", [(2, "Core.Places"), (3, "Core.Labels")]), ("new.txt", [(1, "Core.Places")])]


def test_diff_base_consistency_reported_when_first_use_changed(project: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    _git(project, "init", "-q")
    draft = project / "d.txt"
    draft.write_text("Intro.\nLater Lukashenka spoke.\n")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "base")
    draft.write_text("Lukashenko arrived.\nLater Lukashenka spoke.\n")
    main(["check", "--format", "json", "--diff-base", "HEAD", "d.txt"])
    import json

    [f] = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert (f["line"], f["rule"]) == (2, "Core.Spelling")


def test_diff_base_bad_revision(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("x\n")
    assert main(["check", "--diff-base", "HEAD", "d.txt"]) == 2
    assert f"--diff-base: {project} is not inside a git work tree" in capsys.readouterr().err
    _git(project, "init", "-q")
    assert main(["check", "--diff-base", "nope", "d.txt"]) == 2
    assert f"--diff-base: 'nope' is not a commit in the repository at {project.resolve()}" in \
        capsys.readouterr().err


def test_fix_rewrites_spans_with_entities_keeping_them_entities(project: Path) -> None:
    """The JSON offers a suggestion for a span written with entities; fix applies it rather
    than skipping it, and writes what is not plain ASCII as entities of the same kind."""
    draft = project / "d.html"
    draft.write_text("<p>Talks in Ki&#101;v and &#75;IEV, &amp; more.</p>\n")
    assert main(["fix", "d.html"]) == 1
    assert draft.read_text() == "<p>Talks in Kyiv and KYIV, &amp; more.</p>\n"
    assert main(["check", "--format", "json", "d.html"]) == 0


# A hard-wrapped paragraph whose first line is 90 characters, the wrap width of plain text:
# "Burma" -> "Myanmar" would take it to 92, and plain text would read each line as a
# paragraph of its own, so the unclosed quotation would no longer cover "Rangoon".
WRAPPED = ('In Burma the army said on Monday it "would not accept foreign relief teams, and aid waited\n'
           "as the storm reached Rangoon.\n")
UNQUOTED = WRAPPED.replace(' "would', " would").replace("waited\n", "waited.\n")
# A headline of 120 characters, the longest plain text reads as one: "Myanmar" would make it
# a paragraph.
HEADLINE = ("Burma storm: relief teams wait at the border as roads stay shut, bridges fall "
            "and the rains return to the delta town now")
MENTION = "\nAid agencies said the roads to the coast had been closed since the weekend in Yangon.\n"


@pytest.mark.parametrize(("draft", "fixed"), [
    (f"Storm aid row\n\n{WRAPPED}{MENTION}", None),
    (f"Storm aid row\n\n{WRAPPED.replace('foreign ', '')}{MENTION}",  # 82 characters: room to grow
     f"Storm aid row\n\n{WRAPPED.replace('foreign ', '').replace('Burma', 'Myanmar')}{MENTION}"),
    (f"{HEADLINE}\n\nRelief teams waited in Myanmar.\n", None),
    # the other fixes of the paragraph stand: its last line may grow or shrink
    (f"Storm aid row\n\n{UNQUOTED}{MENTION}", f"Storm aid row\n\n{UNQUOTED.replace('Rangoon', 'Yangon')}{MENTION}"),
])
def test_fix_that_would_change_the_paragraphs_is_left_to_the_writer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: str, fixed: str | None) -> None:
    assert (len(WRAPPED.split("\n")[0]), len(UNQUOTED.split("\n")[0]), len(HEADLINE)) == (90, 90, 120)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "d.txt"
    path.write_text(draft, encoding="utf-8")
    before = json.loads(_check_json(path))
    assert any(f["match"] == "Burma" for f in before)  # still reported, for the writer
    assert main(["fix", "--no-config", "d.txt"]) == (0 if fixed is None else 1)
    assert path.read_text(encoding="utf-8") == (fixed or draft)
    assert main(["fix", "--no-config", "d.txt"]) == 0


def _check_json(path: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "linter", "check", "--no-config", "--format", "json",
                             str(path)], capture_output=True, text=True, check=False)
    return json.dumps(json.loads(result.stdout)["files"][0]["findings"])
