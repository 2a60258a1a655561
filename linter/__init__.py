"""copydesk: an editorial style and bias linter for news copy.

Public API: :func:`lint_text`, :func:`lint_paths`, :class:`Finding`,
:class:`Severity`, ``__version__``. Both functions go through the same pipeline
as the command line (:mod:`linter.run.pipeline`).
"""

from __future__ import annotations

from linter.model.findings import Finding, Severity
from linter.model.version import __version__

__all__ = ["Finding", "Severity", "__version__", "lint_paths", "lint_text"]


def lint_text(text: str, fmt: str = "text", path: str = "-", config: str | None = None) -> list[Finding]:
    """Lint ``text`` (in format ``fmt``: text, markdown or html) with the configured (or
    default) rules; ``path`` names it (``per-file`` settings apply to it)."""
    from pathlib import Path

    from linter.markup import make_document
    from linter.run.pipeline import lint_one
    from linter.run.session import open_session

    session = open_session(Path(config) if config else None, Path.cwd())
    return lint_one(make_document(path, text, fmt), session.engine_for(path), session.rule_ids)


def lint_paths(paths: list[str], config: str | None = None) -> list[Finding]:
    """Lint files and folders; raises :class:`linter.lib.textfiles.FileError` on a bad file."""
    from pathlib import Path

    from linter.lib.textfiles import FileError
    from linter.run.files import expand, read_document
    from linter.run.pipeline import lint_one
    from linter.run.session import open_session

    session = open_session(Path(config) if config else None, Path.cwd())
    found: list[Finding] = []
    for path in expand(paths, session.config.root, session.config.ignore):
        if isinstance(path, FileError):
            raise path
        doc, _ = read_document(path)
        found += lint_one(doc, session.engine_for(doc.path), session.rule_ids)
    return found
