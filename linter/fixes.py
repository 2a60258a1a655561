"""Apply fixes to a source text, and write files without ever losing text.

A fix exists only where a finding has exactly one suggestion and its span is
plain prose (the engine decides). Overlapping fixes: the first wins, the
others wait for the next pass. Writing is atomic (temporary file in the same
folder, then rename) and keeps the encoding, BOM, line endings and mode.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from linter.files import UTF8, Encoding
from linter.findings import Finding, Fix


def choose(findings: Iterable[Finding]) -> list[Fix]:
    """Non-overlapping fixes, in source order."""
    chosen: list[Fix] = []
    for fix in sorted((f.fix for f in findings if f.fix is not None), key=lambda x: (x.start, x.end)):
        if not chosen or fix.start >= chosen[-1].end:
            chosen.append(fix)
    return chosen


def apply(source: str, fixes: list[Fix]) -> str:
    parts, pos = [], 0
    for fix in fixes:
        parts += [source[pos:fix.start], fix.replacement]
        pos = fix.end
    parts.append(source[pos:])
    return "".join(parts)


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{path}", f"b/{path}"))


def write_atomic(path: Path, text: str, encoding: Encoding = UTF8) -> None:
    """Replace ``path`` with ``text`` in one rename, in ``encoding`` (BOM kept); keep its mode.

    A reader, or a crash at any moment, sees the whole old file or the whole new
    one. ``UnicodeEncodeError`` (a character the encoding cannot hold) is raised
    before anything is written.
    """
    data = encoding.encode(text)
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".copydesk")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
