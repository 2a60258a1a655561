"""Changed-lines mode: which lines of a file were added or changed since a git revision."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from linter.findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    pass


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              check=False, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None


def changed_lines(path: str, base: str) -> frozenset[int] | None:
    """Lines (1-based) added or changed since ``base``; None when the whole file is new."""
    file = Path(path).resolve()
    folder = file.parent
    if _git(folder, "ls-files", "--error-unmatch", file.name).returncode != 0:
        return None  # untracked: every line is new
    result = _git(folder, "diff", "--no-color", "--no-ext-diff", "-U0", base, "--", file.name)
    if result.returncode != 0:
        raise GitError(result.stderr.strip().splitlines()[0] if result.stderr.strip()
                       else f"git diff {base} failed")
    lines: set[int] = set()
    for m in _HUNK.finditer(result.stdout):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return frozenset(lines)


def check_base(base: str, folder: Path) -> None:
    """Raise :class:`GitError` unless ``base`` names a commit in the repository at ``folder``."""
    result = _git(folder, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if result.returncode != 0:
        raise GitError(f"--diff-base: {base!r} is not a commit in a git repository here")


def touching(findings: Iterable[Finding], lines: frozenset[int] | None) -> list[Finding]:
    """Findings on a changed line, or whose related span (first use of a form) is on one."""
    if lines is None:
        return list(findings)
    return [f for f in findings
            if any(n in lines for n in range(f.line, f.end_line + 1))
            or (f.related is not None and f.related[0] in lines)]
