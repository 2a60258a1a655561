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


# Every answer the cache keeps about such a pattern (its compiled form, its prefixes ...).
SURROGATE = ("import re; from linter.lib import cache as recache; from linter.lib.literals import prefixes; "
             "lone = recache.compile_pattern('[\\ud800-\\udfff]'); "
             "assert prefixes('(?:ab\\ud800cd|terror)ists') == {'ab\\ud800cdists', 'terrorists'}; "
             "p = recache.compile_pattern(r'\\bKiev\\b', re.I); "
             "print(len(lone.findall('a\\ud800b')), p.findall('kiev Kiev'))")


def test_a_pattern_that_utf8_cannot_write_is_kept_for_the_run_only(tmp_path: Path) -> None:
    # A lone surrogate cannot go into the UTF-8 cache file: the run still works, ends without an
    # error at exit, and the other patterns are written and read back.
    result = subprocess.run([sys.executable, "-c", SURROGATE], capture_output=True, text=True, check=True,
                            env={"PATH": "", "COPYDESK_CACHE_DIR": str(tmp_path)})
    assert (result.stdout.strip(), result.stderr) == ("1 ['kiev', 'Kiev']", "")
    [cache] = tmp_path.glob("regex-*.json")
    stored = cache.read_text(encoding="utf-8")
    assert "Kiev" in stored and "udfff" not in stored
    first = cache.stat().st_mtime_ns
    assert _run(SURROGATE, tmp_path) == "1 ['kiev', 'Kiev']"
    assert cache.stat().st_mtime_ns == first  # not rewritten for the pattern it cannot keep


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
    [stored] = cache.glob("regex-*-common.json")  # the package's own patterns
    patterns = [entry[1] for entry in plaindata.loads(stored.read_bytes()) if entry[0] == "program"]
    assert any("(?P<phrase>" in pattern for pattern in patterns)  # the reporting cues


def _style(folder: Path, word: str) -> Path:
    style = folder / "House"
    style.mkdir(parents=True, exist_ok=True)
    (style / "Word.yml").write_text(f"extends: existence\nmessage: '%s'\ntokens: [{word}]\n")
    config = folder / "config.yml"
    config.write_text(f"styles: [{style}]\n")
    return config


def _cached_words(cache: Path) -> dict[str, set[str]]:
    """For each cache file but the common one, the YAML rule texts it holds."""
    from linter.lib import plaindata

    return {path.name.rsplit("-", 1)[1]: {entry[1] for entry in plaindata.loads(path.read_bytes())
                                           if entry[0] == "yaml"}
            for path in cache.glob("regex-*.json") if not path.name.endswith("-common.json")
            and not _own_file(path)}


def _own_file(path: Path) -> bool:
    """A file of one long pattern (the tokenizer's, say), named by the pattern's digest."""
    return path.name.rsplit("-", 1)[1].startswith("k")


def test_each_rule_file_is_cached_apart_so_a_run_reads_only_its_own(tmp_path: Path) -> None:
    cache, draft = tmp_path / "cache", tmp_path / "d.txt"
    draft.write_text("A plain sentence.\n")
    env = {"PATH": "", "COPYDESK_CACHE_DIR": str(cache)}

    def check(config: Path) -> None:
        subprocess.run([sys.executable, "-m", "linter", "check", "--config", str(config), str(draft)],
                       capture_output=True, check=True, env=env)

    first = _style(tmp_path / "a", "alpha")
    check(first)
    check(_style(tmp_path / "b", "beta"))
    files = _cached_words(cache)
    assert len(files) == 2 and sorted("beta" in next(iter(t)) for t in files.values()) == [False, True]
    # The first rule set's run opens its own file and the common one, not the other rule's.
    code = ("import builtins, os, runpy, sys; opened = []; real, real_os = builtins.open, os.open\n"
            "def spy(f, *a, **k):\n    opened.append(str(f)); return real(f, *a, **k)\n"
            "def spy_os(f, *a, **k):\n    opened.append(str(f)); return real_os(f, *a, **k)\n"
            "builtins.open, os.open = spy, spy_os; sys.argv = ['copydesk', 'check', '--config', sys.argv[1], sys.argv[2]]\n"
            "try:\n    runpy.run_module('linter', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(*('OPENED ' + f for f in opened if 'regex-' in f), sep='\\n')")
    result = subprocess.run([sys.executable, "-c", code, str(first), str(draft)], capture_output=True,
                            text=True, check=True, env=env)
    read = {Path(line[7:]).name.rsplit("-", 1)[1] for line in result.stdout.splitlines()
            if line.startswith("OPENED ") and not _own_file(Path(line[7:]))}
    beta = next(name for name, texts in files.items() if "beta" in next(iter(texts)))
    assert beta not in read and "common.json" in read and len(read) == 2


def test_cache_files_unused_for_a_month_are_deleted(tmp_path: Path) -> None:
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    stale, recent, other = cache / "regex-3-9-0-1-2-abc-old.json", cache / "regex-x-recent.json", cache / "notes.txt"
    for path in (stale, recent, other):
        path.write_text("[]")
    month_ago = time.time() - 40 * 86400
    for path in (stale, other):
        os.utime(path, (month_ago, month_ago))
    assert _run(CODE, cache) == "['kiev', 'Kiev']"
    assert not stale.exists() and recent.exists() and other.exists()


def test_every_module_that_memoises_is_in_the_cache_files_name() -> None:
    """A change to code whose answers are cached must start a new cache file, so every
    module that calls memo() is hashed into the name."""
    import linter

    root = Path(linter.__file__).parent
    callers = {path.name for path in root.rglob("*.py")
               if re.search(r"(?<!def )\bmemo\(", path.read_text(encoding="utf-8"))}
    assert callers <= set(recache._HASHED) and all(path.parent.name == "lib" for path in root.rglob("*.py")
                                                    if path.name in callers)


def test_a_long_pattern_gets_a_file_of_its_own(tmp_path: Path) -> None:
    """A big term list analysed outside a rule file's scope (the prefilter's anchors) must
    not grow the common file that every run reads."""
    from linter.lib import plaindata

    code = ("import re; from linter.lib import cache as recache; "
            "words = '|'.join(f'term{n:05d}' for n in range(1000)); "
            "recache.compile_pattern(r'\\bKiev\\b'); recache.compile_pattern(rf'\\b(?:{words})\\b'); print('ok')")
    assert _run(code, tmp_path) == "ok"
    files = {path.name.rsplit("-", 1)[1]: plaindata.loads(path.read_bytes()) for path in tmp_path.glob("regex-*.json")}
    assert len(files) == 2
    assert [entry[1] for entry in files.pop("common.json")] == [r"\bKiev\b"]
    [[kind, pattern, *_]] = next(iter(files.values()))
    assert kind == "program" and len(pattern) >= recache.OWN_FILE
