"""`fix` never loses anyone's text: concurrent edits, stdin, read-only files, links, owners,
extended attributes, Ctrl-C and SIGKILL. Each case failed on an earlier version."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, default_sigint

import linter.lib.textfiles
import linter.run.writeback
from linter.cli import main
from linter.lib.textfiles import Origin
from linter.run.files import read_text
from linter.run.writeback import TEMP_SUFFIX, write_back

CORE = FIXTURES / "styles" / "Core"
OLD, NEW = "Talks in Kiev.\n", "Talks in Kyiv.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_draft_changed_after_it_was_read_is_not_overwritten(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    theirs = "Talks in Kiev, with a reporter's late change.\n"
    real = linter.run.writeback._replace

    def another_writer_first(*args: object) -> None:
        draft.write_text(theirs)  # an editor saves while copydesk is fixing
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(linter.run.writeback, "_replace", another_writer_first)
    assert main(["fix", "d.txt"]) == 2
    assert draft.read_text() == theirs
    assert "d.txt: error: not written: the file changed after copydesk read it" in capsys.readouterr().err
    assert _names(project) == [".copydesk.yml", "d.txt"]


@pytest.mark.parametrize("change", ["same size", "content only"])
def test_the_stamp_sees_changes_of_the_same_size_and_time(tmp_path: Path, change: str) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(OLD)
    _, origin = read_text(str(draft))
    st = draft.stat()
    draft.write_text(OLD.replace("Kiev", "Kyev") if change == "same size" else OLD.upper())
    os.utime(draft, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same time
    with pytest.raises(linter.lib.textfiles.FileError, match="changed after copydesk read it"):
        write_back(str(draft), NEW, origin)
    assert draft.read_text() != NEW


def test_fix_of_stdin_never_writes_the_named_file(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import io

    draft = project / "d.txt"
    draft.write_text("The file on disk stays as it is.\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OLD.encode())))
    assert main(["fix", "--stdin-filename", "d.txt", "-"]) == 1
    assert capsys.readouterr().out == NEW
    assert draft.read_text() == "The file on disk stays as it is.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OLD.encode())))
    main(["check", "--fix", "--stdin-filename", "d.txt", "-"])
    assert draft.read_text() == "The file on disk stays as it is.\n"


def test_a_read_only_draft_is_refused_unless_forced(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    draft.chmod(0o444)
    assert main(["fix", "d.txt"]) == 2
    assert draft.read_text() == OLD
    assert "d.txt: error: not written: the file is read-only (mode 0444); use --force" in capsys.readouterr().err
    assert main(["fix", "--force", "d.txt"]) == 1
    assert draft.read_text() == NEW
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444
    assert _names(project) == [".copydesk.yml", "d.txt"]


def test_hard_links_keep_sharing_the_fixed_text(project: Path) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    other = project / "published.txt"
    os.link(draft, other)
    assert main(["fix", "d.txt"]) == 1
    assert draft.read_text() == other.read_text() == NEW
    assert draft.stat().st_ino == other.stat().st_ino and draft.stat().st_nlink == 2
    assert _names(project) == [".copydesk.yml", "d.txt", "published.txt"]


def test_a_symlink_stays_a_link_and_its_target_is_fixed(project: Path) -> None:
    (project / "real").mkdir()
    target = project / "real" / "story.txt"
    target.write_text(OLD)
    link = project / "d.txt"
    link.symlink_to(Path("real") / "story.txt")
    assert main(["fix", "d.txt"]) == 1
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "story.txt")
    assert target.read_text() == NEW
    assert _names(project / "real") == ["story.txt"]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give files away")
def test_owner_and_group_are_kept(project: Path) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    os.chown(draft, 4321, 8765)
    assert main(["fix", "d.txt"]) == 1
    assert draft.read_text() == NEW
    assert (draft.stat().st_uid, draft.stat().st_gid) == (4321, 8765)


def test_when_the_owner_cannot_be_kept_the_draft_is_rewritten_in_place(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    inode = draft.stat().st_ino
    monkeypatch.setattr(linter.run.writeback, "_carry_over", lambda *args: False)
    assert main(["fix", "d.txt"]) == 1
    assert draft.read_text() == NEW and draft.stat().st_ino == inode
    assert _names(project) == [".copydesk.yml", "d.txt"]


def test_extended_attributes_are_kept(project: Path) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    try:
        os.setxattr(draft, "user.copydesk.desk", b"foreign")
    except (OSError, AttributeError):
        pytest.skip("this file system has no user extended attributes")
    assert main(["fix", "d.txt"]) == 1
    assert draft.read_text() == NEW
    assert os.getxattr(draft, "user.copydesk.desk") == b"foreign"


def test_a_failed_in_place_rewrite_says_where_the_fixed_text_is(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "d.txt"
    draft.write_text(OLD)
    os.link(draft, project / "other.txt")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(linter.run.writeback, "_rewrite", full_disk)
    assert main(["fix", "d.txt"]) == 2
    err = capsys.readouterr().err
    [kept] = [p for p in project.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert f"cannot write: No space left on device; the fixed text is kept in {kept}" in err
    assert kept.read_text() == NEW


def test_temporary_files_are_never_linted_as_drafts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a killed fix leaves behind is not picked up by the next run."""
    (project / "d.txt").write_text(NEW)
    (project / f".d.txt.abc123{TEMP_SUFFIX}").write_text(OLD)
    assert main(["check", "--format", "json", "."]) == 0
    import json

    assert [f["path"] for f in json.loads(capsys.readouterr().out)["files"]] == ["d.txt"]


def test_ctrl_c_during_fix_ends_quietly_with_130_and_no_stray_files(tmp_path: Path) -> None:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\n")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    text = "Talks in Kiev. " * 20_000 + "\n"
    paths = [drafts / f"{n:02d}.txt" for n in range(60)]
    for delay in (0.6, 1.2):
        for path in paths:
            path.write_text(text)
        process = subprocess.Popen([sys.executable, "-m", "linter", "fix", "drafts"], cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=default_sigint)
        deadline = time.monotonic() + 60
        while not any("Kyiv" in p.read_text() for p in paths) and time.monotonic() < deadline:
            time.sleep(0.05)  # wait until it is writing files
        time.sleep(delay / 10)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert "Traceback" not in err and err.strip().splitlines()[-1] == "copydesk: interrupted"
        assert sorted(drafts.iterdir()) == paths  # no temporary file left
        for path in paths:
            assert path.read_text() in (text, text.replace("Kiev", "Kyiv"))


def test_ctrl_c_during_a_parallel_check_ends_quietly(tmp_path: Path) -> None:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\n")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in range(2000):
        (drafts / f"{n:04d}.txt").write_text("Talks in Kiev. " * 2_000 + "\n")
    process = subprocess.Popen([sys.executable, "-m", "linter", "check", "--jobs", "2", "drafts"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=default_sigint)
    time.sleep(2.0)  # well into the run, which takes several times as long
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err


def test_write_back_keeps_encoding_and_refuses_what_it_cannot_hold(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes("Caf\xe9 in Kiev.\n".encode("cp1252"))
    text, origin = read_text(str(draft), "cp1252")
    write_back(str(draft), text.replace("Kiev", "Kyiv"), origin)
    assert draft.read_bytes() == "Caf\xe9 in Kyiv.\n".encode("cp1252")
    _, origin = read_text(str(draft), "cp1252")
    with pytest.raises(linter.lib.textfiles.FileError, match="cannot hold"):
        write_back(str(draft), "Kyiv \u2192 Lviv\n", origin)
    assert draft.read_bytes() == "Caf\xe9 in Kyiv.\n".encode("cp1252")
    assert _names(tmp_path) == ["d.txt"]


def test_write_back_of_text_from_no_file(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(OLD)
    write_back(str(draft), NEW, Origin())  # the API: no stamp to compare, still atomic
    assert draft.read_text() == NEW
