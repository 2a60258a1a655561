"""Changed-lines mode: which lines of a file were added or changed since a git revision.

git runs only against one repository, resolved once from the working folder
(or ``--repo``) and then named explicitly (``--git-dir``/``--work-tree``) on
every call: a draft's folder is never searched for a repository, so a
``.git``-shaped or bare-repository folder committed among the drafts cannot
bring its configuration (``core.fsmonitor``, ``core.worktree``, hooks) into
play. Every call also turns off what could run a program: fsmonitor, hooks,
external diff and textconv drivers, the system configuration, pagers,
prompts, and fetching missing objects.
"""

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from linter.lib.shown import brief
from linter.model.findings import Finding

if TYPE_CHECKING:
    import subprocess

_HUNK = r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@"  # compiled by re when --diff-base runs
# Settings given on the command line override every configuration file.
_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "safe.bareRepository=explicit",
         "-c", "core.pager=cat", "-c", "diff.external=", "-c", "protocol.allow=never",
         "--no-pager", "--literal-pathspecs")


class GitError(Exception):
    pass


def _environment() -> dict[str, str]:
    """The environment without git's own variables (``GIT_DIR``, ``GIT_CONFIG_*``, ...) and
    with the system configuration, prompts and lazy fetching turned off."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0", GIT_NO_LAZY_FETCH="1",
               GIT_OPTIONAL_LOCKS="0", GIT_ASKPASS="/bin/false", SSH_ASKPASS="/bin/false")
    return env


def _run(args: list[str], cwd: Path | None = None) -> "subprocess.CompletedProcess[str]":
    import subprocess  # only --diff-base runs git: a plain check does not pay for the import

    try:
        return subprocess.run(["git", *_SAFE, *args], capture_output=True, text=True, check=False,
                              encoding="utf-8", errors="replace", env=_environment(), cwd=cwd,
                              stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None


def _first_line(result: "subprocess.CompletedProcess[str]", fallback: str) -> str:
    lines = result.stderr.strip().splitlines()
    return lines[-1].removeprefix("fatal: ") if lines else fallback


class Repository(NamedTuple):
    """The one git repository that ``--diff-base`` compares against."""

    top: Path
    git_dir: Path
    base: str

    def git(self, *args: str) -> "subprocess.CompletedProcess[str]":
        return _run([f"--git-dir={self.git_dir}", f"--work-tree={self.top}", *args], cwd=self.top)

    def relative(self, path: str) -> str:
        """``path`` relative to the work tree, in git's spelling; :class:`GitError` outside it.
        The folder is resolved, not the file, so a symbolic link is the link git tracks."""
        given = Path(path)
        folder = given.parent.resolve()
        try:
            return (folder / given.name).relative_to(self.top).as_posix()
        except ValueError:
            raise GitError(f"--diff-base: not inside the repository at {self.top}") from None

    def changed_lines(self, path: str) -> frozenset[int] | None:
        """Lines (1-based) of ``path`` added or changed since the base; None when the whole
        file is new (untracked)."""
        name = self.relative(path)
        if self.git("ls-files", "--error-unmatch", "--", name).returncode != 0:
            return None  # untracked: every line is new
        result = self.git("diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", self.base,
                          "--", name)
        if result.returncode != 0:
            raise GitError(f"--diff-base: {_first_line(result, f'git diff {self.base} failed')}")
        lines: set[int] = set()
        for m in re.finditer(_HUNK, result.stdout, re.MULTILINE):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines.update(range(start, start + count))
        return frozenset(lines)


def open_repository(base: str, where: Path) -> Repository:
    """The repository containing ``where`` (the working folder or ``--repo``), checked to
    have ``base`` as a commit. Bare repositories are never discovered."""
    found = _run(["rev-parse", "--show-toplevel", "--absolute-git-dir"], cwd=where)
    if found.returncode != 0:
        raise GitError(f"--diff-base: {where} is not inside a git work tree "
                       f"({_first_line(found, 'git rev-parse failed')})")
    top, git_dir = found.stdout.splitlines()[:2]
    repo = Repository(Path(top).resolve(), Path(git_dir).resolve(), base)
    if base.startswith("-") or repo.git("rev-parse", "--verify", "--quiet", "--end-of-options",
                                        f"{base}^{{commit}}").returncode != 0:
        raise GitError(f"--diff-base: {brief(base)} is not a commit in the repository at {repo.top}")
    return repo


def touching(findings: Iterable[Finding], lines: frozenset[int] | None) -> list[Finding]:
    """Findings on a changed line, or whose related span (first use of a form) is on one."""
    if lines is None:
        return list(findings)
    return [f for f in findings
            if any(n in lines for n in range(f.line, f.end_line + 1))
            or (f.related is not None and f.related[0] in lines)]
