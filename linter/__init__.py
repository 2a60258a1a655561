"""copydesk: an editorial style and bias linter for news copy.

Public API: :func:`lint_text`, :func:`lint_paths`, :class:`Finding`,
:class:`Severity`, ``__version__``.
"""

from __future__ import annotations

from linter.model.findings import Finding, Severity

__version__ = "0.1.0"
__all__ = ["Finding", "Severity", "__version__", "lint_paths", "lint_text"]


def lint_text(text: str, fmt: str = "text", path: str = "-", config: str | None = None) -> list[Finding]:
    """Lint ``text`` with the configured (or default) rules."""
    from pathlib import Path

    from linter.config.project import load_project
    from linter.markup import make_document
    from linter.run.pipeline import RunOptions, findings_for

    project = load_project(Path(config) if config else None, Path.cwd())
    return findings_for(make_document(path, text, fmt), project, RunOptions(), project.vocab)


def lint_paths(paths: list[str], config: str | None = None) -> list[Finding]:
    """Lint files and folders; raises :class:`linter.run.files.FileError` on a bad file."""
    from pathlib import Path

    from linter.config.project import load_project
    from linter.run.files import expand, read_document
    from linter.run.pipeline import RunOptions, findings_for

    project = load_project(Path(config) if config else None, Path.cwd())
    files = expand(paths, project.config.root, project.config.ignore)
    return [f for p in files for f in findings_for(read_document(p)[0], project, RunOptions(), project.vocab)]
