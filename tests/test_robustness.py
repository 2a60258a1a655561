"""Bad input gets a clear one-line answer; nothing hangs, crashes or loses text.

Each case drives ``linter.cli.main([...])`` as a hook or CI job would; the
README section "Bad input" lists the same cases. Rule and config errors
(malformed YAML, duplicate keys, wrong types, unknown keys, bad regexes,
``!!python`` tags, symlinks out of a style) are covered in test_schema.py and
test_config.py; the ones here are those that need the whole command.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import (
    CORE,
    FIXTURE_FILES,
    FIXTURES,
    core_project,
    findings_for,
    fixed_text,
    fixture_project,
    refuse_listing,
    rules_for,
    run_cli,
)
from expectations import parse
from test_fuzz import changed_outside, union

from linter.cli import main
from linter.config.loader import LoadErrors, load_styles
from linter.config.project import parse_config
from linter.lib.textfiles import FileError
from linter.markup import format_for, make_document
from linter.run.files import read_text
from linter.run.pipeline import RunOptions
from linter.run.session import Session

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"
GOOD = b"Talks in Kiev.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    core_project(tmp_path, monkeypatch)
    (tmp_path / "good.txt").write_bytes(GOOD)
    return tmp_path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# name, bytes, exit code of `check bad good.txt`, a fragment of the output (finding or error line)
CASES = [
    ("empty.txt", b"", 0, "1 finding (0 errors, 1 warning, 0 suggestions) in 2 files"),
    ("blank.txt", b"  \n\t\r\n \n", 0, "in 2 files"),
    ("lone-cr.txt", b"Talks ended.\rThen Kiev.\r", 0, "lone-cr.txt:2:6: warning Core.Places"),
    ("mixed.txt", b"One.\r\nTwo.\nThree\rKiev.\r\n", 0, "mixed.txt:4:1: warning Core.Places"),
    ("quotes.txt", "He said \"Kiev. ' “ x « ‚y „ ‹\n\"\"\"'''\n".encode(), 0, "in 2 files"),
    ("nested.txt", ("“‘" * 5000 + "Kiev" + "’”" * 5000 + "\n").encode(), 0, "in 2 files"),
    ("broken.html", b'<p>Kiev <b <a href="x>Kiev</p><scr<ipt>x</ <!-- open\n<div', 0, "in 2 files"),
    ("fence.md", b"Kiev.\n\n```python\nKiev in code\n", 0, "fence.md:1:1: warning Core.Places"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", 2, "binary.txt: error: binary file (NUL byte at offset 8), skipped"),
    ("latin1.txt", b"Price \xa3400\nin Kiev\n", 2,
     "latin1.txt: error: not valid UTF-8: byte 0xA3 at offset 6 (line 1); save the file as UTF-8, "
     "or name its encoding with --encoding"),
    ("utf16.txt", "\ufeffTalks in Kiev.\r\n".encode("utf-16-le"), 0, "utf16.txt:1:10: warning Core.Places"),
    ("bad-utf16.txt", b"\xff\xfeK\x00\x00\xd8", 2,
     "bad-utf16.txt: error: not valid UTF-16: byte 0x00 at offset 4; yet it starts with a UTF-16 byte-order mark"),
    ("long-line.txt", b"Talks went on then. " * 50_000 + b"Kiev\n", 0, "long-line.txt:1:1000001: warning Core.Places"),
]


@pytest.mark.parametrize(("name", "data", "code", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_and_others_are_linted(project: Path, capsys: pytest.CaptureFixture[str],
                                                     name: str, data: bytes, code: int, fragment: str) -> None:
    (project / name).write_bytes(data)
    got, out, err = run_cli(capsys, "check", name, "good.txt")
    assert got == code, out + err
    assert fragment in out
    assert "good.txt:1:10: warning Core.Places" in out  # the other file is still linted
    assert "Traceback" not in out + err
    if code == 2:
        assert len([line for line in out.splitlines() if line.startswith(f"{name}: error:")]) == 1
        before = _files(project)
        assert run_cli(capsys, "fix", name)[0] == 2
        assert _files(project) == before  # nothing written


def test_missing_path(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "nowhere.txt", "good.txt")
    assert code == 2 and "nowhere.txt: error: no such file" in out and "good.txt:1:10" in out


def test_unreadable_file(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root (CI), so the refusal is simulated."""
    (project / "locked.txt").write_bytes(GOOD)
    real = os.open

    def refusing_open(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    code, out, _ = run_cli(capsys, "check", "locked.txt", "good.txt")
    assert code == 2 and "locked.txt: error: cannot read: Permission denied" in out and "good.txt:1:10" in out


def test_unreadable_folder_is_reported_and_the_rest_linted(project: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that cannot be listed was skipped silently, with exit code 0. chmod 000
    does not stop root (CI), so the refusal is simulated where the system would allow it."""
    drafts = project / "drafts"
    (drafts / "locked").mkdir(parents=True)
    for name in ("a.txt", "locked/b.txt", "z.txt"):
        (drafts / name).write_bytes(GOOD)
    locked = str(Path("drafts", "locked"))  # as the paths given name it
    refuse_listing(monkeypatch, "locked")
    (drafts / "locked").chmod(0)
    try:
        for argv in (["check", "drafts"], ["check", "--format", "json", "drafts"], ["fix", "drafts"]):
            code, out, err = run_cli(capsys, *argv)
            assert code == 2, argv
            assert f"{locked}: error: cannot read folder: Permission denied" in out + err \
                or '"message": "cannot read folder: Permission denied"' in out, argv
            if argv[0] == "check" and "json" not in argv:
                assert "drafts/a.txt:1:10: warning Core.Places" in out and "drafts/z.txt:1:10" in out
        code, out, _ = run_cli(capsys, "check", "drafts/locked")
        assert code == 2 and f"{locked}: error: cannot read folder: Permission denied" in out
    finally:
        (drafts / "locked").chmod(0o755)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_file_name_that_is_not_utf8_is_quoted_as_git_does(project: Path, capsys: pytest.CaptureFixture[str],
                                                          fmt: str) -> None:
    """SARIF crashed on it and JSON came out as invalid UTF-8; every format (and every
    error line) now shows the name as git does: quoted, odd bytes as octal escapes."""
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (project / name).write_bytes(GOOD)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    missing = os.fsdecode(b"gone\xff.txt")
    code, out, err = run_cli(capsys, "check", "--format", fmt, name, missing, "good.txt")
    assert code == 2, err
    out.encode("utf-8")  # no lone surrogates: valid UTF-8 can carry it
    err.encode("utf-8")
    if fmt == "sarif":
        log = json.loads(out)
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
        assert "caf%E9.txt" in uris  # the URI names the file's own bytes
        notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert notes[0]["message"]["text"] == '"gone\\377.txt": no such file'
    elif fmt == "json":
        data = json.loads(out)
        assert [f["path"] for f in data["files"]] == ['"caf\\351.txt"', "good.txt"]
        assert data["errors"] == [{"path": '"gone\\377.txt"', "message": "no such file"}]
    else:
        shown = {"text": '"caf\\351.txt":1:10: warning', "github": 'file="caf\\351.txt",line=1',
                 "junit": 'name="&quot;caf\\351.txt&quot;"'}[fmt]
        assert shown in out and "good.txt" in out
        assert ('"gone\\377.txt": error: no such file' in out) == (fmt == "text")


@pytest.mark.parametrize(("name", "shown"), [
    ("café.txt", "café.txt"),  # prints as it is
    (os.fsdecode(b"caf\xe9.txt"), '"caf\\351.txt"'),
    ("tab\there.md", '"tab\\there.md"'),
    ('say "hi"\n.txt', '"say \\"hi\\"\\n.txt"'),
    ("line\u2028sep.md", '"line\\342\\200\\250sep.md"'),
])
def test_quote_path_follows_git(name: str, shown: str) -> None:
    from linter.lib.shown import quote_path

    assert quote_path(name) == shown


def test_fix_names_a_file_that_is_not_utf8_as_git_does(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (project / name).write_bytes(GOOD)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    code, out, err = run_cli(capsys, "fix", "--diff", name)
    assert code == 1 and '--- "a/caf\\351.txt"' in out and '+++ "b/caf\\351.txt"' in out
    code, out, err = run_cli(capsys, "fix", name)
    assert code == 1 and err == '"caf\\351.txt": applied 1 fix\n'
    (out + err).encode("utf-8")


def test_file_deleted_while_linting(project: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is listed, then removed before it is read."""
    (project / "gone.txt").write_bytes(GOOD)
    import linter.cli.options

    listed = list(linter.cli.options.expand(["gone.txt", "good.txt"], project, ()))
    (project / "gone.txt").unlink()
    monkeypatch.setattr(linter.cli.options, "expand", lambda *args: iter(listed))
    for command in ("check", "fix"):
        code, out, err = run_cli(capsys, command, "gone.txt", "good.txt")
        assert code == 2 and "gone.txt: error: no such file" in out + err


def test_only_regular_files_are_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO would block the run and /dev/zero never ends: neither is read, in a folder or named."""
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_bytes(GOOD)
    os.mkfifo(drafts / "pipe.txt")
    (drafts / "zero.txt").symlink_to("/dev/zero")
    for argv in (["check", "drafts"], ["check", "--jobs", "2", "drafts"],
                 ["check", "drafts/pipe.txt", "drafts/zero.txt", "drafts/a.txt"], ["fix", "drafts"]):
        code, out, err = run_cli(capsys, *argv)
        assert code == 2, argv
        text = out + err
        assert "pipe.txt: error: not a regular file (a FIFO), skipped" in text
        assert "zero.txt: error: not a regular file (a character device), skipped" in text
        assert argv[0] == "fix" or "drafts/a.txt:1:10: warning Core.Places" in text


def test_files_over_the_size_limit_are_refused_before_reading(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "big.txt").write_bytes(GOOD * 100)
    code, out, _ = run_cli(capsys, "check", "--max-file-size", "1KB", "big.txt", "good.txt")
    assert code == 2 and "big.txt: error: too large (1,500 bytes; the limit is 1,024: see --max-file-size)" in out
    assert "good.txt:1:10: warning Core.Places" in out
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nmax-file-size: 1000\n")
    code, out, _ = run_cli(capsys, "check", "big.txt", "good.txt")
    assert code == 2 and "big.txt: error: too large (1,500 bytes; the limit is 1,000" in out
    assert run_cli(capsys, "check", "--max-file-size", "2k", "big.txt")[0] == 0  # the flag wins
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD * 100)))
    code, out, _ = run_cli(capsys, "check", "--stdin-filename", "s.txt", "-")
    assert code == 2 and "s.txt: error: too large (more than 1,000 bytes" in out
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nmax-file-size: lots\n")
    code, _, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and ".copydesk.yml:2: max-file-size: expected a size such as 20MB" in err


def test_a_fifo_among_rules_or_as_config_does_not_block(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(project / "pipe.yml")
    code, _, err = run_cli(capsys, "check", "--config", "pipe.yml", "good.txt")
    assert code == 2 and "pipe.yml: cannot read config: not a regular file (a FIFO)" in err
    style = project / "House"
    style.mkdir()
    os.mkfifo(style / "Pipe.yml")
    (project / ".copydesk.yml").write_text("styles: [House]\n")
    code, _, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and "Pipe.yml: cannot read rule file: not a regular file (a FIFO)" in err


def test_symlink_loop_terminates_and_lints_each_file_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drafts = project / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "a.txt").write_bytes(GOOD)
    (drafts / "sub" / "b.md").write_bytes(GOOD)
    (drafts / "sub" / "loop").symlink_to(drafts, target_is_directory=True)
    (drafts / "self").symlink_to(drafts / "self")  # a link to itself, not a supported file type
    code, out, _ = run_cli(capsys, "check", "--format", "json", "drafts")
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == [str(Path("drafts/a.txt")), str(Path("drafts/sub/b.md"))]


def test_encoding_option_decodes_and_fix_writes_back_the_same_encoding(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "cp.txt"
    draft.write_bytes("Price £400, “quoted” in Kiev.\r\n".encode("cp1252"))
    code, out, _ = run_cli(capsys, "check", "--encoding", "cp1252", "cp.txt", "good.txt")
    assert code == 0 and "cp.txt:1:25: warning Core.Places" in out
    assert run_cli(capsys, "fix", "--encoding", "cp1252", "cp.txt")[0] == 1
    assert draft.read_bytes() == "Price £400, “quoted” in Kyiv.\r\n".encode("cp1252")
    assert run_cli(capsys, "check", "--encoding", "latin-1", "cp.txt")[0] == 0
    code, _, err = run_cli(capsys, "check", "--encoding", "klingon", "cp.txt")
    assert code == 2 and "unknown text encoding 'klingon'" in err


def test_utf16_fix_writes_utf16_with_bom(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "u.txt"
    draft.write_bytes("Talks in Kiev.\r\n".encode("utf-16"))
    assert run_cli(capsys, "fix", "u.txt")[0] == 1
    data = draft.read_bytes()
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") and data.decode("utf-16") == "Talks in Kyiv.\r\n"


def test_fix_that_the_encoding_cannot_hold_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    style = project / "House"
    style.mkdir()
    (style / "City.yml").write_text("extends: substitution\nmessage: Prefer '%s' to '%s'.\nswap: {Kiev: Київ}\n")
    (project / ".copydesk.yml").write_text("styles: [House]\n")
    draft = project / "l1.txt"
    draft.write_bytes("Caf\xe9 in Kiev.\n".encode("latin-1"))
    for argv in (("fix", "--encoding", "latin-1", "l1.txt"), ("check", "--fix", "--encoding", "latin-1", "l1.txt")):
        code, out, err = run_cli(capsys, *argv)
        assert code == 2 and "l1.txt: error: not written: a fix brings 'К', which iso8859-1 cannot hold" in out + err
        assert draft.read_bytes() == "Caf\xe9 in Kiev.\n".encode("latin-1")


def test_real_cp1252_story_from_the_corpus(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = CORPUS / "sport" / "199.txt"
    if not story.is_file():
        pytest.skip("the shared corpus is not here")
    code, out, _ = run_cli(capsys, "check", str(story))
    assert code == 2 and f"{story}: error: not valid UTF-8: byte 0x" in out
    code, out, _ = run_cli(capsys, "check", "--encoding", "cp1252", "--fail-on", "never", str(story))
    assert code == 0 and "error:" not in out


PARA = "The council met on Tuesday and agreed the budget for Kiev, officials said.\n\n"


def _big(path: Path, size: int) -> None:
    path.write_text(PARA * (size // len(PARA)))


def test_five_megabyte_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _big(project / "big.txt", 5_000_000)
    code, out, _ = run_cli(capsys, "check", "--format", "json", "big.txt")
    assert code == 0 and json.loads(out)["summary"]["warning"] == 5_000_000 // len(PARA)


@pytest.mark.slow
def test_fifty_megabyte_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _big(project / "big.txt", 50_000_000)  # over the default limit of 20 MB: raised
    code, out, _ = run_cli(capsys, "check", "--format", "json", "--max-file-size", "60MB", "big.txt")
    assert code == 0 and json.loads(out)["summary"]["warning"] == 50_000_000 // len(PARA)


# Rules and config


def _style(project: Path, files: dict[str, str]) -> None:
    style = project / "House"
    style.mkdir(exist_ok=True)
    for name, text in files.items():
        (style / name).write_text(text)
    (project / ".copydesk.yml").write_text("styles: [House]\n")


@pytest.mark.parametrize(("rule", "line"), [
    ("extends: existence\nmessage: m\ntokens: ['(a+)+$']\n", 3),
    ("extends: existence\nmessage: m\nraw: ['(\\w+\\s?)*$']\n", 3),
    ("extends: occurrence\nmessage: m\nmax: 1\ntoken: '(a*)*'\n", 4),
    ("extends: conditional\nmessage: m\nfirst: '(a|a)*b'\nsecond: x\n", 3),
    ("extends: substitution\nmessage: m\nswap: {'(?:x+x+)+y': z}\n", 3),
])
def test_catastrophic_regex_is_refused_at_load(project: Path, capsys: pytest.CaptureFixture[str],
                                               rule: str, line: int) -> None:
    _style(project, {"Slow.yml": rule})
    (project / "a.txt").write_text("a" * 100_000 + "!\n")
    code, out, err = run_cli(capsys, "check", "a.txt")  # refused before any matching: no hang
    assert code == 2 and out == ""
    assert f"House{os.sep}Slow.yml:{line}: " in err and "can backtrack catastrophically" in err


def test_safe_repeats_are_accepted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _style(project, {"Ok.yml": "extends: existence\nmessage: m\nraw: ['(?:\\w+\\s)+done \\d{1,3}(?:,\\d{3})+']\n"})
    (project / "a.txt").write_text("a" * 2_000 + "!\nall done 1,000\n")
    code, out, _ = run_cli(capsys, "check", "--fail-on", "never", "a.txt")
    assert code == 0 and "a.txt:2:1:" in out


def test_three_thousand_rules_load(tmp_path: Path) -> None:
    style = tmp_path / "Many"
    style.mkdir()
    for i in range(3000):
        (style / f"R{i:04}.yml").write_text(
            f"extends: existence\nmessage: Avoid '%s'.\nignorecase: true\ntokens: [word{i}, term{i}s?]\n")
    ruleset = load_styles([("Many", style)])
    assert len(ruleset.rules) == 3000


@pytest.mark.parametrize("styles", [".", "..", "{root}"])
def test_styles_entry_naming_the_config_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch, styles: str) -> None:
    """Config has no include mechanism, so it cannot loop; a style folder holding it is fine."""
    root = tmp_path / "House"
    root.mkdir()
    (root / ".copydesk.yml").write_text(f"styles: ['{styles.format(root=root)}']\n")
    (root / "Kiev.yml").write_text("extends: existence\nmessage: Prefer Kyiv to '%s'.\ntokens: [Kiev]\n")
    (root / "d.txt").write_bytes(GOOD)
    monkeypatch.chdir(root)
    code, out, err = run_cli(capsys, "check", "--fail-on", "warning", "d.txt")
    assert code == 1, err
    assert "d.txt:1:10: warning" in out and ".Kiev " in out


def test_styles_entry_naming_the_root_folder_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It walked the whole file system and ended in a traceback (PermissionError in /proc)."""
    (project / ".copydesk.yml").write_text("fail-on: warning\nstyles: [/]\n")
    code, out, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and out == ""
    assert ".copydesk.yml:2: styles: '/' is the root of the file system" in err and "Traceback" not in err


def test_unreadable_folder_inside_a_style_is_an_error(project: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """It ended in a traceback. chmod 000 does not stop root (CI), so it is simulated too."""
    _style(project, {"Kiev.yml": "extends: existence\nmessage: m\ntokens: [Kiev]\n"})
    private = project / "House" / "private"
    private.mkdir()
    real = Path.iterdir

    def refusing_iterdir(self: Path) -> object:
        if self.name == "private":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refusing_iterdir)
    private.chmod(0)
    try:
        code, out, err = run_cli(capsys, "check", "good.txt")
    finally:
        private.chmod(0o755)
    assert code == 2 and out == "" and "Traceback" not in err
    assert f".copydesk.yml:1: styles: {private}: cannot read style folder: Permission denied" in err


def test_two_styles_with_one_name_are_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both loaded, and every rule id of the second repeated one of the first, silently."""
    for folder in ("a/House", "b/House"):
        (project / folder).mkdir(parents=True)
        (project / folder / "Kiev.yml").write_text("extends: existence\nmessage: m\ntokens: [Kiev]\n")
    (project / ".copydesk.yml").write_text("styles: [a/House, b/House]\n")
    code, out, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and out == ""
    assert ".copydesk.yml:1: styles: two styles are named House (" in err and "rename one folder" in err
    (project / ".copydesk.yml").write_text("styles: [a/House, ./a/House]\n")
    code, _, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and ".copydesk.yml:1: styles: './a/House' is listed twice" in err


def test_one_rule_id_from_two_files_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """House/Sub/Kiev.yml and a style folder named House.Sub holding Kiev.yml are both House.Sub.Kiev."""
    (project / "House" / "Sub").mkdir(parents=True)
    (project / "House.Sub").mkdir()
    for folder in ("House/Sub", "House.Sub"):
        (project / folder / "Kiev.yml").write_text("extends: existence\nmessage: m\ntokens: [Kiev]\n")
    with pytest.raises(LoadErrors) as info:
        load_styles([("House", project / "House"), ("House.Sub", project / "House.Sub")])
    assert [str(e) for e in info.value.errors] == [
        f"{project / 'House.Sub' / 'Kiev.yml'}: rule House.Sub.Kiev is defined twice: also by "
        f"{project / 'House' / 'Sub' / 'Kiev.yml'}; rename a style folder or a rule"]
    (project / ".copydesk.yml").write_text("fail-on: warning\nstyles: [House, House.Sub]\n")
    code, out, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and out == "" and ".copydesk.yml:2: styles: " in err and "is defined twice" in err


def test_config_never_runs_code(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "ran"
    for text in (f"styles: !!python/object/apply:os.system ['touch {marker}']\n",
                 "styles: !!python/name:os.system\n",
                 f"fail-on: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n"):
        (tmp_path / ".copydesk.yml").write_text(text)
        code, out, err = run_cli(capsys, "check", "x.txt")
        assert code == 2 and out == "" and "could not determine a constructor" in err
        assert str(tmp_path / ".copydesk.yml") + ":1:" in err
    assert not marker.exists()


def test_rules_never_run_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = project / "ran"
    _style(project, {"Evil.yml": f"extends: existence\nmessage: !!python/object/apply:os.system ['touch {marker}']\n"
                                 "tokens: [a]\n"})
    code, _, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and f"House{os.sep}Evil.yml:2: " in err and "constructor" in err
    assert not marker.exists()


# Fixes never lose text


def _never_loses_text(path: str, source: str, fmt: str, project: Session) -> None:
    """Fix changes only reported fix spans, leaves nothing fixable, and is idempotent."""
    doc = make_document(path, source, fmt)
    found = findings_for(doc, project, RunOptions())
    fixed, _ = fixed_text(doc, project)
    spans = union([(f.fix.start, f.fix.end) for f in found if f.fix is not None])
    assert changed_outside(source, fixed, spans) is None, path
    left = findings_for(make_document(path, fixed, fmt), project, RunOptions())
    assert not [f for f in left if f.fix is not None]
    assert fixed_text(make_document(path, fixed, fmt), project) == (fixed, 0)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fix_never_loses_text_in_fixtures(path: Path) -> None:
    expected = parse(path.read_text(encoding="utf-8-sig"))
    project = fixture_project(path, expected.config)
    _never_loses_text(str(path), expected.source, format_for(path.name) or "text", project)


@pytest.mark.slow
def test_fix_never_loses_text_in_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not here")
    copy = tmp_path / "bbc"
    # The shared corpus may be read-only, and copytree keeps modes: the copy is the user's
    # own writable folder of drafts (fix refuses a read-only draft without --force).
    shutil.copytree(CORPUS, copy, copy_function=shutil.copyfile)
    for folder in (copy, *(p for p in copy.rglob("*") if p.is_dir())):
        folder.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    project = Session(parse_config(None, tmp_path / ".copydesk.yml"), load_styles([]), list(rules_for(None)))
    before = {}
    for path in sorted(copy.rglob("*.txt")):
        try:
            before[path] = read_text(str(path), "cp1252")
        except FileError:
            continue
        _never_loses_text(str(path), before[path][0], "text", project)
    assert main(["fix", "--encoding", "cp1252", "bbc"]) in (0, 1)
    assert main(["fix", "--encoding", "cp1252", "bbc"]) == 0  # a second fix changes nothing
    capsys.readouterr()
    for path, (text, origin) in before.items():
        assert read_text(str(path), "cp1252")[1].encoding == origin.encoding
        expected, _ = fixed_text(make_document(str(path), text, "text"), project)
        assert path.read_bytes() == origin.encoding.encode(expected)


def test_killed_fix_leaves_each_file_wholly_old_or_new(tmp_path: Path) -> None:
    """SIGKILL at random moments while files are rewritten: each is the old text or the new."""
    old, new = "old text " * 20_000, "new text, longer " * 20_000
    files = [tmp_path / f"f{i}.txt" for i in range(20)]
    (tmp_path / "new").write_text(new)
    child = ("import sys\nfrom pathlib import Path\nfrom linter.lib.textfiles import Origin\n"
             "from linter.run.writeback import write_back\n"
             "new = Path(sys.argv[1]).read_text()\npaths = sys.argv[2:]\n"
             "print('ready', flush=True)\nwhile True:\n    for p in paths:\n        write_back(p, new, Origin())\n")
    rng = random.Random(6)
    for _ in range(8):
        for f in files:
            f.write_text(old)
        process = subprocess.Popen([sys.executable, "-c", child, str(tmp_path / "new"), *map(str, files)],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        for f in files:
            assert f.read_text() in (old, new)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".copydesk-tmp")]
        for name in leftovers:  # a killed process cannot remove its temporary file
            (tmp_path / name).unlink()


def _alias_bomb(levels: int) -> str:
    """A YAML list whose aliases stand for 9**levels strings, in a few hundred bytes."""
    lines = ["  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["config vocab", "rule examples"])
def test_yaml_alias_bomb_is_refused_quickly(project: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    """481 bytes of anchors took 58 s and 5.5 GB (the cache expanded them), then a
    MemoryError; each alias now counts against a budget while the file is read."""
    bomb = _alias_bomb(9)
    if where == "config vocab":
        (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nvocab:\n{bomb}")
        name, line = ".copydesk.yml", 11
    else:
        _style(project, {"Bomb.yml": f"extends: existence\nmessage: m\ntokens: [x]\nexamples:\n  fail:\n{bomb}"})
        name, line = "Bomb.yml", 14
    started = time.monotonic()
    code, out, err = run_cli(capsys, "check", "good.txt")
    assert time.monotonic() - started < 10
    assert code == 2 and out == ""
    assert f"{name}:{line}: aliases repeat this value into more than 10,000 values" in err
    assert len(err) < 500


def test_a_few_aliases_are_fine(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\nignore: &x [a/**, b/**]\nvocab: [&k Kiev Post, *k]\n")
    assert run_cli(capsys, "check", "good.txt")[0] == 0


@pytest.mark.parametrize(("name", "text", "line"), [
    (".copydesk.yml", "fail-on: {big}\n", 1),
    (".copydesk.yml", "vocab: [[{big}]]\n", 1),
    (".copydesk.yml", "rules: {{Core.Places: {big}}}\n", 1),
    ("House/Big.yml", "extends: existence\nmessage: m\ntokens: [x]\nscope: [{big}]\n", 4),
    ("House/Big.yml", "extends: existence\nmessage: m\ntokens: [[{big}]]\n", 3),
    ("House/Big.yml", "extends: {big}\nmessage: m\n", 1),
    ("House/Big.yml", "extends: existence\nmessage: m\ntokens: ['{big}(']\n", 3),
])
def test_errors_echo_values_briefly(project: Path, capsys: pytest.CaptureFixture[str],
                                    name: str, text: str, line: int) -> None:
    """A megabyte value in a config or rule file gives a short error line, not a megabyte one."""
    big = "x" * 1_000_000
    if name.startswith("House"):
        _style(project, {"Big.yml": text.format(big=big)})
    else:
        (project / name).write_text(f"styles: [{CORE}]\n" + text.format(big=big))
        line += 1
    code, _, err = run_cli(capsys, "check", "good.txt")
    assert code == 2 and f"{Path(name)}:{line}: " in err
    assert len(err) < 400, err[:200]


def test_load_errors_name_every_bad_rule_file(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "A.yml").write_text("extends: existence\nmessage: m\ntokens: ['(a+)+']\n")
    (style / "B.yml").write_text("extends: existence\nmessage: m\ntokens: [ok]\n")
    with pytest.raises(LoadErrors) as info:
        load_styles([("House", style)])
    assert [Path(e.path).name for e in info.value.errors] == ["A.yml"]


def test_reading_asks_for_the_size_the_file_has(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft is read in reads of its own size, never of the 20 MB limit; a file whose
    size says less than it holds (it grew, or it is a /proc file of size 0) is read on."""
    from linter.lib import textfiles

    asked: list[int] = []
    real_read = os.read

    def read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(textfiles.os, "read", read)
    draft = tmp_path / "d.txt"
    draft.write_bytes(GOOD * 3)
    assert textfiles.read_bytes(str(draft))[0] == GOOD * 3
    assert asked[0] == len(GOOD) * 3 + 1 and max(asked) < 1 << 17
    asked.clear()
    grown = GOOD * 5000  # 75,000 bytes, of which fstat saw 15
    monkeypatch.setattr(textfiles.os, "fstat", lambda fd, real=os.fstat: _smaller(real(fd), len(GOOD)))
    draft.write_bytes(grown)
    assert textfiles.read_bytes(str(draft))[0] == grown
    with pytest.raises(textfiles.FileError, match=r"too large \(more than 1,000 bytes"):
        textfiles.read_bytes(str(draft), 1000)


def _smaller(st: os.stat_result, size: int) -> os.stat_result:
    fields = list(st)
    fields[6] = size  # st_size
    return os.stat_result(fields)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_file_that_reports_no_size_is_read_whole() -> None:
    from linter.lib.textfiles import read_bytes

    data, _ = read_bytes("/proc/self/status")
    assert os.stat("/proc/self/status").st_size == 0 and b"Pid:" in data and data.endswith(b"\n")
