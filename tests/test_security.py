"""Nothing a draft's folder, a restored cache or a pull request holds can run code.

Each test here reproduces an attack that worked on an earlier version.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter import plaindata

# The pattern cache -----------------------------------------------------------------------

CODE = ("import re; from linter import recache; "
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
    from linter.recache import _program

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
