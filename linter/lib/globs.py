"""Path globs for ``ignore``: ``*`` stays within a folder, ``**`` crosses folders."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


def relative_posix(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, or as given when outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=256)
def compile_glob(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?")


def matches_any(path: str, globs: tuple[str, ...]) -> bool:
    """True when ``path`` (posix, relative) or any of its trailing parts matches a glob."""
    parts = path.split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    return any(compile_glob(g).fullmatch(t) for g in globs for t in tails)
