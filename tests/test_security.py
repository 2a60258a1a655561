"""Nothing a draft's folder, a restored cache or a pull request holds can run code.

Each test here reproduces an attack that worked on an earlier version.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

from linter.cli import main
from linter.lib import plaindata

CORE = FIXTURES / "styles" / "Core"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


def _findings(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, str]]:
    files = json.loads(capsys.readouterr().out)["files"]
    return [(f["path"], x["line"], x["rule"]) for f in files for x in f["findings"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repository with one committed draft in stories/, then edited."""
    project = tmp_path / "newsroom"
    (project / "stories").mkdir(parents=True)
    (project / ".copydesk.yml").write_text(f"styles: [{CORE}]\n")
    (project / "stories" / "d.txt").write_text("Talks in Kiev.\n")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "base")
    (project / "stories" / "d.txt").write_text("Talks in Kiev.\nMore talks in Kiev.\n")
    monkeypatch.chdir(project)
    return project


def _plant_bare_repository(folder: Path, marker: Path) -> None:
    """What a pull request can commit: a folder laid out as a bare repository whose
    configuration runs a command whenever git works in it (fsmonitor, hooks)."""
    subprocess.run(["git", "init", "-q", "--bare", str(folder / "x")], check=True, capture_output=True)
    for item in (folder / "x").iterdir():
        item.rename(folder / item.name)
    (folder / "x").rmdir()
    command = f"touch {marker}; false"
    (folder / "config").write_text(
        "[core]\n\tbare = false\n\trepositoryformatversion = 0\n"
        f"\tworktree = {folder}\n\tfsmonitor = {command}\n\thooksPath = {folder}/hooks\n")
    hook = folder / "hooks" / "post-index-change"
    hook.write_text(f"#!/bin/sh\n{command}\n")
    hook.chmod(0o755)


def test_diff_base_never_uses_a_repository_found_among_the_drafts(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "PWNED"
    _plant_bare_repository(repo / "stories", marker)
    assert main(["check", "--format", "json", "--diff-base", "HEAD", "stories"]) == 0
    assert not marker.exists()
    # The diff is against the newsroom's repository: only the added line is reported.
    assert _findings(capsys) == [("stories/d.txt", 2, "Core.Places")]


def test_diff_base_ignores_git_variables_in_the_environment(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "PWNED"
    evil = tmp_path / "evil"
    evil.mkdir()
    _plant_bare_repository(evil, marker)
    monkeypatch.setenv("GIT_DIR", str(evil))
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.fsmonitor")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", f"touch {marker}; false")
    assert main(["check", "--format", "json", "--diff-base", "HEAD", "stories/d.txt"]) == 0
    assert not marker.exists()
    assert _findings(capsys) == [("stories/d.txt", 2, "Core.Places")]


def test_diff_base_refuses_a_bare_repository_as_the_working_folder(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "PWNED"
    _plant_bare_repository(repo / "stories", marker)
    monkeypatch.chdir(repo / "stories")
    assert main(["check", "--diff-base", "HEAD", "d.txt"]) == 2
    assert "is not inside a git work tree" in capsys.readouterr().err
    assert not marker.exists()
    # Naming the repository explicitly works from anywhere.
    assert main(["check", "--format", "json", "--diff-base", "HEAD", "--repo", str(repo), "d.txt"]) == 0
    assert _findings(capsys) == [("d.txt", 2, "Core.Places")]
    assert not marker.exists()


def test_diff_base_options_cannot_be_smuggled_in_the_revision(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "written"
    assert main(["check", f"--diff-base=--output={out}", "stories"]) == 2
    assert "is not a commit" in capsys.readouterr().err
    assert not out.exists()


def test_diff_base_draft_outside_the_repository_is_an_error(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Talks in Kiev.\n")
    assert main(["check", "--diff-base", "HEAD", str(outside), "stories/d.txt"]) == 2
    captured = capsys.readouterr()
    assert f"{outside}: error: --diff-base: not inside the repository at {repo.resolve()}" in captured.out
    assert "stories/d.txt:2:" in captured.out  # the other draft is still linted


def test_repo_needs_diff_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--repo", str(repo), "stories"]) == 2
    assert "--repo is only used with --diff-base" in capsys.readouterr().err


# The pattern cache -----------------------------------------------------------------------

CODE = ("import re; from linter.lib import cache as recache; "
        "p = recache.compile_pattern(r'\\bKiev\\b', re.I); print(p.findall('kiev Kiev x'))")


def _run(cache: Path) -> str:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True,
                            env={"PATH": os.environ.get("PATH", ""), "COPYDESK_CACHE_DIR": str(cache)})
    return result.stdout.strip()


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_in_the_cache_folder_never_runs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _run(cache) == "['kiev', 'Kiev']"
    [stored] = cache.glob("regex-*")
    marker = tmp_path / "PWNED"
    payload = pickle.dumps({("program", r"\bKiev\b", re.I): (_Payload(marker), 0)})
    for name in (stored.name, stored.name.replace(".json", ".pickle")):
        (cache / name).write_bytes(payload)
        (cache / name).chmod(0o600)
        assert _run(cache) == "['kiev', 'Kiev']"
    assert not marker.exists()


def _poison(stored: Path) -> None:
    """Swap the cached program of \\bKiev\\b for the (valid) program of another pattern."""
    entries = plaindata.loads(stored.read_bytes())
    from linter.lib.cache import _program

    for entry in entries:
        if entry[0] == "program":
            entry[4] = _program("x", re.I)
    stored.write_text(plaindata.dumps(entries), encoding="utf-8")


def test_a_cache_file_others_can_write_is_not_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(cache)
    [stored] = cache.glob("regex-*.json")
    _poison(stored)
    stored.chmod(0o666)
    assert _run(cache) == "['kiev', 'Kiev']"  # and the untrusted file is replaced
    _poison(stored)
    cache.chmod(0o777)
    stored.chmod(0o600)
    assert _run(cache) == "['kiev', 'Kiev']"
    # The same file in a folder only this user can write is trusted, as ~/.cache always
    # is: that is what the two checks above kept out.
    cache.chmod(0o700)
    assert _run(cache) == "['x']"


def test_invalid_compiled_programs_fall_back_to_compiling(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(cache)
    [stored] = cache.glob("regex-*.json")
    entries = plaindata.loads(stored.read_bytes())
    for entry in entries:
        if entry[0] == "program":
            flags, code, groups, index, names = entry[4]
            entry[4] = (flags, [99999, *code[3:], 7, 7, 7], groups, index, names)
    stored.write_text(plaindata.dumps(entries), encoding="utf-8")
    assert _run(cache) == "['kiev', 'Kiev']"


def test_no_module_reads_pickle_or_marshal() -> None:
    package = Path(__file__).parent.parent / "linter"
    for module in package.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:import|from)\s+(?:pickle|marshal|shelve|dill)\b", text, re.M), module


# plain data ------------------------------------------------------------------------------

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) \
    | st.text() | st.binary() | st.dates()
_keys = st.none() | st.booleans() | st.integers() | st.text()
_values = st.recursive(_scalars, lambda inner: st.lists(inner) | st.tuples(inner, inner)
                       | st.dictionaries(_keys, inner) | st.frozensets(_keys) | st.sets(_keys), max_leaves=30)


@given(_values)
def test_plain_data_round_trips(value: object) -> None:
    assert plaindata.loads(plaindata.dumps(value)) == value


def test_plain_data_keeps_types_and_key_lines() -> None:
    mapping = plaindata.YamlMap({"tokens": [1, 2], "level": "error"})
    mapping.line, mapping.lines = 3, {"tokens": 4, "level": 9}
    value = (mapping, frozenset({"a"}), {1: (2, 3)}, list(range(100)), dt.datetime(2026, 12, 1, 10, 30))
    back = plaindata.loads(plaindata.dumps(value))
    assert back == value and type(back) is tuple and type(back[0]) is plaindata.YamlMap
    assert (back[0].line, back[0].lines, back[0].key_line("level")) == (3, mapping.lines, 9)
    assert type(back[1]) is frozenset and type(back[2][1]) is tuple


@pytest.mark.parametrize("value", [object(), float("nan"), re.compile("x"), Path("x"), range(3)])
def test_plain_data_refuses_other_types(value: object) -> None:
    with pytest.raises(plaindata.Unencodable):
        plaindata.dumps(value)


@pytest.mark.parametrize("text", [
    '{"a": 1}', '{"$": "os.system", "v": "id"}', '{"$": "tuple"}', '{"$": "dict", "k": [1], "v": []}',
    '{"$": "frozenset", "v": [[1]]}', '{"$": "ints", "v": "AAA="}', '{"$": "bytes", "v": "!!"}',
    '{"$": "yamlmap", "k": ["a"], "v": [1], "line": "1", "lk": [], "ln": []}', "[" * 100000,
])
def test_plain_data_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError):
        plaindata.loads(text)


def test_packed_ints_inflate_within_a_budget_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compressed ints cannot make a small file ask for much memory: one document's lists
    inflate to MAX_INFLATED bytes in all (4 bytes an int), else it is malformed."""
    monkeypatch.setattr(plaindata, "MAX_INFLATED", 4000)
    assert plaindata.loads(plaindata.dumps([0] * 1000)) == [0] * 1000
    for value in ([0] * 1001, [[0] * 600, [0] * 600]):
        with pytest.raises(ValueError):
            plaindata.loads(plaindata.dumps(value))


# A user's regular expression cannot hang the run. These patterns were accepted (the
# static check in linter/lib/regexes.py cannot see them) and hung on one short line.
HANGING = {
    "Alternatives": r"(a|aa)+$",  # on re: stopped by the time limit
    "Counts": r"(?:a{1,20}){1,20}$",  # on re: stopped by the time limit
    "Conditional": r"(a)?(?(1)(?:a|aa)+|b)$",  # on re: stopped by the time limit
    "Backreference": r"(.)" + r"\1?" * 28 + "$",  # on re: stopped by the time limit
    "Overlap": r"(?:a|b|ab)*c",  # on RE2: linear
    "Words": r"\w*\w*\w*\w*\w*!",  # on RE2: linear
    "Nested": r"(?:x+x+)+y",  # on RE2: linear (refused at load before)
}


@pytest.fixture
def slow_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import linter.engine.lint

    monkeypatch.setattr(linter.engine.lint, "PATTERN_SECONDS", 0.5)
    style = tmp_path / "House"
    style.mkdir()
    for name, pattern in HANGING.items():
        (style / f"{name}.yml").write_text(f"extends: existence\nmessage: m\nlevel: error\nraw: ['{pattern}']\n")
    (style / "Kiev.yml").write_text("extends: existence\nmessage: m\ntokens: [Kiev]\n")
    (tmp_path / ".copydesk.yml").write_text("styles: [House]\n")
    (tmp_path / "a.txt").write_text("a" * 60 + "!\n" + "ab" * 30 + "!\n" + "x" * 60 + "!\nTalks in Kiev.\n")
    (tmp_path / "good.txt").write_text("Talks in Kiev.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("argv", [["check"], ["check", "--format", "json"], ["check", "--fix"]])
def test_user_patterns_cannot_hang_the_run(slow_rules: Path, capsys: pytest.CaptureFixture[str],
                                           argv: list[str]) -> None:
    started = dt.datetime.now()
    code = main([*argv, "a.txt", "good.txt"])
    out, _ = capsys.readouterr()
    assert (dt.datetime.now() - started).total_seconds() < 30
    assert code == 2
    shown = json.loads(out)["errors"][0]["message"] if "json" in argv else out
    for name in ("Alternatives", "Counts", "Conditional", "Backreference"):  # each stopped, with file and line
        assert f"{slow_rules / 'House' / name}.yml:4: rule House.{name}: its patterns took longer than 0.5 s" in shown
    for name in ("Overlap", "Words", "Nested"):
        assert f"House.{name}:" not in shown
    if "json" not in argv:
        assert out.count("a.txt: error: ") == 1  # one line for the draft
        assert "good.txt:1:10: warning House.Kiev" in out  # the other draft, and the other rules
        assert "a.txt:4:10: warning House.Kiev" in out


def test_a_story_condition_cannot_hang_the_run(slow_rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rule's ``story`` patterns are searched inside its time limit too."""
    for name in HANGING:
        (slow_rules / "House" / f"{name}.yml").unlink()
    backreference = HANGING["Backreference"]
    (slow_rules / "House" / "Story.yml").write_text(
        f"extends: existence\nmessage: m\ntokens: [Kiev]\nstory:\n  requires: ['{backreference}']\n")
    started = dt.datetime.now()
    code = main(["check", "a.txt", "good.txt"])
    out, _ = capsys.readouterr()
    assert (dt.datetime.now() - started).total_seconds() < 30
    assert code == 2
    assert f"{slow_rules / 'House' / 'Story'}.yml:3: rule House.Story: its patterns took longer than 0.5 s" in out
    assert "good.txt:1:10: warning House.Kiev" in out  # the other draft and the other rules go on


def test_user_patterns_cannot_hang_parallel_workers(slow_rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(40):
        (slow_rules / f"good{i:02}.txt").write_text("Talks in Kiev.\n")
    code = main(["check", "--jobs", "2", "."])
    out, _ = capsys.readouterr()
    assert code == 2 and out.count(": error: ") == 1 and out.count("warning House.Kiev") == 42


def test_bundled_rules_run_without_a_time_limit_and_users_with_one() -> None:
    from linter.config.loader import bundled_dir, bundled_styles, load_styles

    assert all(r.trusted for r in load_styles([(s, bundled_dir() / s) for s in bundled_styles()]).rules)
    assert not any(r.trusted for r in load_styles([("Core", CORE)]).rules)


def test_time_limit_keeps_an_outer_limit_and_stays_off_outside_the_main_thread() -> None:
    import signal
    import threading
    import time

    from linter.lib.timelimit import TimeLimitExceeded, time_limit

    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        re.match(r"(a|aa)+$", "a" * 60 + "!")  # re itself is interrupted
    signal.setitimer(signal.ITIMER_REAL, 5)
    try:
        with time_limit(0.05):
            pass
        assert 4 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5  # the outer timer runs on
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seen: list[bool] = []

    def other() -> None:
        with time_limit(0.01) as enforced:
            time.sleep(0.05)
            seen.append(enforced)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert seen == [False]


def test_a_held_handler_serves_every_limit_and_is_put_back_after() -> None:
    """A batch keeps the alarm handler in place (handler_held): limits inside it only arm
    the timer, still stop a runaway pattern, and the handler from before comes back."""
    import signal

    from linter.lib import timelimit

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("the batch's limits must not reach the caller's handler")

    previous = signal.signal(signal.SIGALRM, mine)
    installs: list[object] = []
    try:
        with timelimit.handler_held():
            assert signal.getsignal(signal.SIGALRM) is timelimit._expire
            real = signal.signal

            def counted(*args: Any) -> Any:
                installs.append(args)
                return real(*args)

            signal.signal = counted  # type: ignore[assignment]
            try:
                for _ in range(3):
                    with pytest.raises(timelimit.TimeLimitExceeded), timelimit.time_limit(0.1):
                        re.match(r"(a|aa)+$", "a" * 60 + "!")
                    with timelimit.time_limit(5):
                        pass
            finally:
                signal.signal = real  # type: ignore[assignment]
            assert installs == [] and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, previous)
