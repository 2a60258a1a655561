"""The persistent regex cache gives the same patterns as re.compile, and never gets in the way."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from linter.lib import cache as recache

PATTERNS = [
    (r"\b(?:(?P<a>terror)ists?|freedom\s+fighters?)\b", re.IGNORECASE),
    (r"(?<!who\s)(?:was|were)\s+(?P<passive>killed|looted)\b", re.MULTILINE),
    (r"(?=[Kk])(?:\bKiev|KIEV)\b", 0),
    (r"[«“\"]([^»”\"]{1,40})[»”\"]", 0),
]
TEXT = "Terrorists and freedom fighters; shops were looted. KIEV «quoted» “curly” \"straight\""


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_as_re_compile(pattern: str, flags: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    ours, theirs = recache.compile_pattern(pattern, flags), re.compile(pattern, flags)
    assert [m.span() for m in ours.finditer(TEXT)] == [m.span() for m in theirs.finditer(TEXT)]
    assert [m.groupdict() for m in ours.finditer(TEXT)] == [m.groupdict() for m in theirs.finditer(TEXT)]
    assert (ours.groups, ours.groupindex, ours.flags) == (theirs.groups, dict(theirs.groupindex), theirs.flags)


def test_bad_pattern_raises_like_re() -> None:
    with pytest.raises(re.error):
        recache.compile_pattern("(unclosed")


def _run(code: str, cache: Path, **env: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PATH": "", "COPYDESK_CACHE_DIR": str(cache), **env})
    return result.stdout.strip()


CODE = ("import re; from linter.lib import cache as recache; "
        "p = recache.compile_pattern(r'\\bKiev\\b', re.I); print(p.findall('kiev Kiev'))")


def test_written_once_read_next_time_and_corruption_ignored(tmp_path: Path) -> None:
    assert _run(CODE, tmp_path) == "['kiev', 'Kiev']"
    [cache] = tmp_path.glob("regex-*.json")
    first = cache.stat().st_mtime_ns
    assert _run(CODE, tmp_path) == "['kiev', 'Kiev']"
    assert cache.stat().st_mtime_ns == first  # nothing new: not rewritten
    for junk in (b"not json", cache.read_bytes()[:-20], b"[[1,2,3]]", b'{"$": "nope"}', b"[" * 100000):
        cache.write_bytes(junk)
        assert _run(CODE, tmp_path) == "['kiev', 'Kiev']"


def test_can_be_turned_off(tmp_path: Path) -> None:
    assert _run(CODE, tmp_path, COPYDESK_NO_CACHE="1") == "['kiev', 'Kiev']"
    assert not list(tmp_path.iterdir())


def test_unwritable_cache_folder_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert _run(CODE, blocker / "sub") == "['kiev', 'Kiev']"


LOAD = ("import sys; from pathlib import Path; from linter.run.session import open_session; "
        "p = open_session(None, Path('.')); print(len(p.rules), 'yaml' in sys.modules)")


def test_parsed_rule_files_come_from_the_cache(tmp_path: Path) -> None:
    # The first run parses the bundled rule files with PyYAML; the next one reads
    # the parsed data from the cache and never imports PyYAML (a cold start's cost).
    count, imported = _run(LOAD, tmp_path).split()
    assert int(count) > 20 and imported == "True"
    assert _run(LOAD, tmp_path).split() == [count, "False"]


def test_yaml_errors_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.lib.yamlsrc import YamlError, load

    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    for _ in range(2):
        with pytest.raises(YamlError, match=r"a\.yml:2: .*duplicate key 'k'"):
            load("k: 1\nk: 2\n", "a.yml")
    assert load("k: 1\n", "b.yml") == {"k": 1}


def test_a_parallel_run_builds_shared_patterns_before_forking(tmp_path: Path) -> None:
    # Worker processes exit without writing the cache, so what they build for themselves
    # is built again on every run; the cue patterns are compiled in the parent instead.
    from conftest import FIXTURE_FILES

    from linter.lib import plaindata

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    source = next(p for p in FIXTURE_FILES if p.suffix == ".txt")
    for n in range(40):
        (drafts / f"{n:02d}.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "cache"
    subprocess.run([sys.executable, "-m", "linter", "check", "--jobs", "2", "--fail-on", "never", str(drafts)],
                   capture_output=True, check=True, env={"PATH": "", "COPYDESK_CACHE_DIR": str(cache)})
    [stored] = cache.glob("regex-*.json")
    patterns = [entry[1] for entry in plaindata.loads(stored.read_bytes()) if entry[0] == "program"]
    assert any("(?P<phrase>" in pattern for pattern in patterns)  # the reporting cues
