"""A persistent cache of compiled regular expressions and pattern analyses.

Most of a cold run's start-up is Python's ``re`` parsing and compiling the
rules' large patterns. The compiled program (the list of opcodes ``re``
hands to ``_sre.compile``) is plain data, so it can be stored and handed to
``_sre.compile`` again next time, skipping the parse. Entries are keyed by
the pattern text and flags (so any change to a rule is a different key), and
the file by the Python version, ``_sre.MAGIC`` (so a different ``re``
never reads them) and a hash of the analysing modules (so changed code never
reads stale answers). Entries unused for ``KEEP_DAYS`` days are dropped.
Anything unexpected falls back to ``re.compile``.

What is computed while a rule file is parsed (inside :func:`scope`) is kept in a
file of its own, named by a hash of the rule file's text; an entry for a pattern of
``OWN_FILE`` characters or more in a file of its own; everything else (the package's
own patterns) in one common file. A run reads the files of the rules it
loads and no others, so its start-up does not grow with every rule set, edit and
test pattern this user ever ran (one file for all of them had grown to 19 MB on a
developer's machine and doubled the cold start of a one-draft run). A file not
used for ``KEEP_DAYS`` days is deleted, whatever version of copydesk wrote it.

The file lives in ``$COPYDESK_CACHE_DIR``, else ``$XDG_CACHE_HOME/copydesk``,
else ``~/.cache/copydesk``; ``COPYDESK_NO_CACHE=1`` turns it off. It is
written atomically at exit, only when new entries were added, and a cache
that cannot be read or written is ignored.

A cache folder may be restored from somewhere else (a CI cache built by a
fork) or shared, so reading it must never run code: the file is JSON of
plain data (:mod:`linter.lib.plaindata`), checked shape by shape, and anything
unexpected (a corrupt, truncated, oversized or foreign file, or an entry of
the wrong shape) is a miss. Compiled programs go through ``_sre.compile``,
which validates the opcodes it is given. Where the system has owners, a
folder or file that another user could write is not used at all.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import contextvars
import functools
import os
import re
import stat
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from linter.lib import plaindata
from linter.lib.digest import blake2b
from linter.lib.textfiles import FileError, read_regular

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_compile
    import sre_parse

T = TypeVar("T")
_FORMAT = 4
# A larger file is not read: the cache of every bundled rule is well under a megabyte.
MAX_BYTES = 64 << 20
# Entries not used for this many days are dropped when the file is next written.
KEEP_DAYS = 30


def _folder() -> Path | None:
    env = os.environ
    return _folder_for(env.get("COPYDESK_NO_CACHE"), env.get("COPYDESK_CACHE_DIR"), env.get("XDG_CACHE_HOME"),
                       env.get("HOME"))


@functools.lru_cache(maxsize=4)  # asked for every pattern compiled: the answer, by the variables it reads
def _folder_for(off: str | None, explicit: str | None, xdg: str | None, home: str | None) -> Path | None:
    if off:
        return None
    if explicit:
        return Path(explicit)
    base = xdg or os.path.join(home or os.path.expanduser("~"), ".cache")
    return Path(base) / "copydesk"


def _trusted(path: Path, *, folder: bool) -> bool:
    """True when ``path`` is a folder or regular file (as asked) that only its owner, this
    user, can write. Always true where the system has no owners (Windows)."""
    st = os.lstat(path)
    kind_ok = stat.S_ISDIR(st.st_mode) if folder else stat.S_ISREG(st.st_mode)
    if not hasattr(os, "getuid"):
        return kind_ok
    return kind_ok and st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path) -> dict[tuple[Any, ...], Any]:
    """The entries of a cache file, or none when it is missing, foreign or malformed."""
    try:
        if not (_trusted(path.parent, folder=True) and _trusted(path, folder=False)):
            return {}
        loaded = plaindata.loads(read_regular(str(path), MAX_BYTES))
        if not isinstance(loaded, list):
            return {}
        entries: dict[tuple[Any, ...], Any] = {}
        for kind, pattern, flags, day, value in loaded:
            if not (isinstance(kind, str) and isinstance(pattern, str) and type(flags) is int
                    and type(day) is int):
                return {}
            entries[(kind, pattern, flags)] = (value, day)
        return entries
    except (FileError, OSError, ValueError, TypeError):
        return {}


# The modules whose answers are memoised (every caller of memo), and the cache's own format.
_HASHED = ("cache.py", "plaindata.py", "literals.py", "regexes.py", "yamlsrc.py", "trie.py", "linear.py")


def _code_version() -> str:
    """A short hash of the modules whose results are cached: changing the analysis code
    starts a new cache file instead of reading stale answers."""
    here = Path(__file__).parent
    digest = blake2b(digest_size=16)
    for name in _HASHED:
        with contextlib.suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.hexdigest()[:12]


def _digest(text: str) -> str:
    """A file-name-sized hash of ``text`` (any code points, lone surrogates too)."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


_COMMON = "common"
_SCOPE = contextvars.ContextVar("cache scope", default=_COMMON)


@contextlib.contextmanager
def scope(text: str) -> Iterator[None]:
    """Keep what is memoised inside the block in a file named by a hash of ``text``
    (a rule file's content), read only by runs that load that same text."""
    token = _SCOPE.set(_digest(text))
    try:
        yield
    finally:
        _SCOPE.reset(token)


Entries = dict[tuple[Any, ...], Any]  # key -> (value, day last used)


class _Store:
    """The entries of each scope's file, read on first use and written at exit if changed."""

    def __init__(self) -> None:
        self.scopes: dict[str, Entries] = {}
        self.dirty: set[str] = set()
        self.today = int(time.time() // 86400)
        version = "-".join(map(str, sys.version_info[:3]))
        self.prefix = f"regex-{version}-{_sre.MAGIC}-{_FORMAT}-{_code_version()}"
        self.registered = False

    def name(self, scope: str) -> str:
        return f"{self.prefix}-{scope}.json"

    def load(self, scope: str) -> Entries:
        entries = self.scopes.get(scope)
        if entries is None:
            folder = _folder()
            entries = self.scopes[scope] = {} if folder is None else _read(folder / self.name(scope))
            if not self.registered:
                atexit.register(self.save)
                self.registered = True
        return entries

    def save(self) -> None:
        folder = _folder()
        if not self.dirty or folder is None:
            return
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _trusted(folder, folder=True):
                return
            for scope in sorted(self.dirty):
                self._write(folder, scope)
            self._prune(folder)
        self.dirty.clear()

    def _write(self, folder: Path, scope: str) -> None:
        kept = {k: v for k, v in self.scopes[scope].items() if v[1] >= self.today - KEEP_DAYS}
        stored = []
        for (kind, pattern, flags), (value, day) in kept.items():
            with contextlib.suppress(plaindata.Unencodable):  # kept for this run only
                stored.append(plaindata.dumps([kind, pattern, flags, day, value]))
        import tempfile  # here: a run that reads the cache and writes nothing never needs it

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("[" + ",".join(stored) + "]")
            os.replace(tmp, folder / self.name(scope))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _prune(self, folder: Path) -> None:
        """Delete cache files (of any version) that no run has used for ``KEEP_DAYS`` days:
        a used file is rewritten at least once a day, as its entries' days move on."""
        cutoff = time.time() - (KEEP_DAYS + 1) * 86400
        for path in folder.glob("regex-*"):
            with contextlib.suppress(OSError):
                if path.suffix in (".json", ".pickle") and os.lstat(path).st_mtime < cutoff:
                    path.unlink()


_STORE = _Store()


# An entry whose pattern is this long or longer (a big term list) gets a file of its own,
# whatever the scope: it is read only by a run that asks for that very pattern, and a rule
# the prefilter analyses outside its file's scope cannot grow the common file.
OWN_FILE = 4096


def _own_file(kind: str, pattern: str, flags: int) -> str:
    return "k" + _digest(f"{kind}\0{flags}\0{pattern}")


def _storable(pattern: str) -> bool:
    """False for a pattern holding a lone surrogate, which the UTF-8 cache file cannot hold
    (a pattern built in code: the YAML loader refuses one in a rule file)."""
    try:
        pattern.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def memo(kind: str, pattern: str, flags: int, compute: Callable[[], T]) -> T:
    """``compute()`` for (kind, pattern, flags), remembered across runs. A pattern the
    cache file cannot hold is computed every time: remembered, it would never be written,
    and its file would be rewritten on every run."""
    if not _storable(pattern):
        return compute()
    where = _SCOPE.get() if len(pattern) < OWN_FILE else _own_file(kind, pattern, flags)
    entries = _STORE.load(where)
    key = (kind, pattern, flags)
    found = entries.get(key)
    if found is None or found[1] != _STORE.today:
        entries[key] = (compute() if found is None else found[0], _STORE.today)
        _STORE.dirty.add(where)
    value: T = entries[key][0]
    return value


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re`` computes from a pattern before handing it to ``_sre.compile``."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Opcodes are named int constants in re's internals: store plain ints.
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this pattern was compiled before.

    Bad patterns raise ``re.error`` exactly as ``re.compile`` does.
    """
    if _folder() is None:
        return re.compile(pattern, flags)
    try:
        program = memo("program", pattern, flags, lambda: _program(pattern, flags))
        compiled: re.Pattern[str] = _sre.compile(pattern, *program)
        return compiled
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags)
