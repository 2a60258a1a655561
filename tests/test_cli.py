"""The command line, through main([...]) and once through the installed script."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORE, core_project, run_cli

from linter import __version__


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return core_project(tmp_path, monkeypatch)


def test_clean_file_exits_zero(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "clean.txt").write_text("Nothing to see here.\n")
    code, out, _ = run_cli(capsys, "check", "clean.txt")
    assert code == 0
    assert out.strip() == "0 findings (0 errors, 0 warnings, 0 suggestions) in 1 file"


def test_text_output_with_excerpt(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Intro line.\nThe terrorists fled to Kiev.\n")
    code, out, _ = run_cli(capsys, "check", "d.txt")
    assert code == 1  # an error-level finding
    lines = out.splitlines()
    assert lines[0] == "d.txt:2:5: error Core.Labels 'terrorists' is a label; describe what happened instead"
    assert lines[1] == "    The terrorists fled to Kiev."
    assert lines[2] == "        ^^^^^^^^^^"
    assert lines[3].startswith("d.txt:2:24: warning Core.Places")
    assert lines[-1] == ("2 findings (1 error, 1 warning, 0 suggestions) in 1 file; "
                         "exit code 1: findings at or above --fail-on error")


def test_check_is_the_default_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Kiev.\n")
    code, out, _ = run_cli(capsys, "d.txt")
    assert code == 0 and "Core.Places" in out


def test_fail_on(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Talks in Kiev.\n")
    assert run_cli(capsys, "check", "d.txt")[0] == 0
    assert run_cli(capsys, "check", "--fail-on", "warning", "d.txt")[0] == 1
    assert run_cli(capsys, "check", "--fail-on", "never", "d.txt")[0] == 0


def test_json_shape(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "d.txt").write_text("Line one.\nThe terrorists left.\n")
    code, out, _ = run_cli(capsys, "check", "--format", "json", "d.txt", "missing.txt")
    assert code == 2
    data = json.loads(out)
    assert data == {
        "schema": 1,
        "files": [{"path": "d.txt", "findings": [{
            "rule": "Core.Labels", "level": "error", "line": 2, "column": 5, "end_line": 2,
            "end_column": 15, "offset": 14, "length": 10, "match": "terrorists",
            "message": "'terrorists' is a label; describe what happened instead", "suggestions": [],
        }]}],
        "errors": [{"path": "missing.txt", "message": "no such file"}],
        "summary": {"files": 1, "error": 1, "warning": 0, "suggestion": 0},
    }


def test_bad_files_reported_and_others_linted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "latin1.txt").write_bytes(b"Price \xa3400 in Kiev\n")
    (project / "binary.txt").write_bytes(b"\x00\x01\x02")
    (project / "good.txt").write_text("Talks in Kiev.\n")
    code, out, _ = run_cli(capsys, "check", "latin1.txt", "binary.txt", "good.txt")
    assert code == 2
    assert "latin1.txt: error: not valid UTF-8: byte 0xA3 at offset 6 (line 1)" in out
    assert "binary.txt: error: binary file" in out
    assert "good.txt:1:10: warning Core.Places" in out


def test_directories_recurse_supported_types(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "drafts" / "sub").mkdir(parents=True)
    (project / "drafts" / "a.md").write_text("Kiev\n")
    (project / "drafts" / "sub" / "b.html").write_text("<p>Kiev</p>\n")
    (project / "drafts" / "notes.rst").write_text("Kiev\n")
    (project / "drafts" / ".hidden").mkdir()
    (project / "drafts" / ".hidden" / "c.txt").write_text("Kiev\n")
    _, out, _ = run_cli(capsys, "check", "--format", "json", "drafts")
    assert [f["path"] for f in json.loads(out)["files"]] == [
        str(Path("drafts/a.md")), str(Path("drafts/sub/b.html"))]


def test_ignore_globs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nignore: ['archive/**']\n")
    (project / "archive").mkdir()
    (project / "archive" / "old.txt").write_text("Kiev\n")
    (project / "new.txt").write_text("Kiev\n")
    _, out, _ = run_cli(capsys, "check", "--format", "json", ".")
    assert [f["path"] for f in json.loads(out)["files"]] == ["new.txt"]


def test_stdin(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Kiev\n\n`Kiev`\n")))
    _, out, _ = run_cli(capsys, "check", "--stdin-format", "markdown", "--format", "json", "-")
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(1, 3)]


def test_rule_error_exits_two_before_linting(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    style = project / "House"
    style.mkdir()
    (style / "Bad.yml").write_text("extends: existence\nmessage: m\ntokens: ['(']\n")
    (project / ".copydesk.yml").write_text("styles: [House]\n")
    (project / "d.txt").write_text("text\n")
    code, out, err = run_cli(capsys, "check", "d.txt")
    assert code == 2 and out == ""
    assert err.strip().startswith("copydesk: ") and "Bad.yml:3: bad regular expression" in err


def test_usage_error_exits_two(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "--format", "xml", "x.txt")[0] == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--version")
    assert code == 0 and out.strip() == f"copydesk {__version__}"


def test_rules_and_explain(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0 and "Core.Labels" in out and "existence" in out
    code, out, _ = run_cli(capsys, "explain", "Core.Places")
    assert code == 0
    assert "Core.Places (substitution, warning)" in out and "Talks in Kiev resumed." in out
    assert run_cli(capsys, "explain", "Core.Nope")[0] == 2


def test_colour_only_when_asked(project: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "d.txt").write_text("Kiev\n")
    _, out, _ = run_cli(capsys, "check", "d.txt")
    assert "\033[" not in out
    _, out, _ = run_cli(capsys, "check", "--color", "always", "d.txt")
    assert "\033[33mwarning\033[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _, out, _ = run_cli(capsys, "check", "d.txt")
    assert "\033[" not in out


def test_long_line_excerpt_is_windowed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = " ".join(f"w{i}" for i in range(6000))
    (project / "d.txt").write_text(words + " Kiev " + words + "\n")
    _, out, _ = run_cli(capsys, "check", "d.txt")
    excerpt, caret = out.splitlines()[1:3]
    assert len(excerpt) < 100
    assert excerpt[caret.index("^"):caret.index("^") + 4] == "Kiev"


def test_installed_console_script(tmp_path: Path) -> None:
    script = shutil.which("copydesk")
    assert script is not None, "copydesk is not installed on PATH"
    draft = tmp_path / "draft.txt"
    draft.write_text("Plain words only.\n")
    result = subprocess.run([script, "check", str(draft)], capture_output=True, text=True,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert "in 1 file" in result.stdout
    result = subprocess.run([sys.executable, "-m", "linter", "--version"], capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip() == f"copydesk {__version__}"


@pytest.mark.parametrize(("entry", "thread", "expected"), [
    (True, False, ("out, handler\n", "")),
    (True, True, ("out, thread, handler\n", "teardown")),
    (False, False, ("out, handler\n", "teardown")),
])
def test_the_entry_point_ends_after_exit_handlers_and_flushing(entry: bool, thread: bool,
                                                               expected: tuple[str, str]) -> None:
    """console._end skips the interpreter's teardown, not what a process owes on its way out:
    the exit handlers run, what they and the command printed is flushed, the code is kept.
    It does so only under copydesk's own entry script (which imports main and exits) with
    no other thread running; otherwise the code is returned, and the interpreter goes on
    as usual (joining the thread, freeing everything)."""
    code = ("import atexit, os, sys, threading, time\n"
            f"from linter.console import _end{', main' if entry else ''}\n"
            "class Teardown:\n    def __del__(self):\n        os.write(2, b'teardown')\n"
            "kept = Teardown()\n"
            "atexit.register(lambda: print('handler'))\n"
            "print('out', end=', ')\n"
            f"if {thread}: threading.Thread(target=lambda: (time.sleep(0.2), print('thread', end=', '))).start()\n"
            "sys.exit(_end(3))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (3, *expected)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_parallel_run_prints_what_a_serial_run_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    # Enough drafts for two worker processes, which render their files' output
    # themselves; --encoding takes the one-file-at-a-time path, which does not.
    from conftest import FIXTURE_FILES

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    texts = [p for p in FIXTURE_FILES if p.suffix in (".md", ".txt", ".html")]
    for n in range(40):
        source = texts[n % len(texts)]
        shutil.copy(source, drafts / f"{n:02d}-{source.name}")
    (drafts / "broken.txt").write_bytes(b"caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for extra in (["--jobs", "2"], ["--jobs", "1"], ["--encoding", "utf-8"]):
        code, out, err = run_cli(capsys, "check", "--format", fmt, *extra, "drafts")
        outputs.append((code, out, err))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][0] == 2 and "broken.txt" in outputs[0][1] + outputs[0][2]
    assert out.count("drafts/") > 40
    import gc

    assert gc.get_freeze_count() == 0  # frozen for the fork only: this process collects as before
