"""Finding the drafts to lint and reading them into documents.

Each problem becomes a :class:`~linter.lib.textfiles.FileError` (one line naming the
file) so the other files are still linted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from linter.lib.globs import matches_any, relative_posix
from linter.lib.textfiles import MAX_BYTES, FileError, Origin, decode_as, read_bytes
from linter.markup import FORMAT_BY_SUFFIX, format_for, make_document
from linter.model.document import Document


def read_text(path: str, fallback: str | None = None, limit: int = MAX_BYTES) -> tuple[str, Origin]:
    """The decoded text of a file, and how to write it back (see :func:`decode_as`)."""
    data, stamp = read_bytes(path, limit)
    text, encoding = decode_as(path, data, fallback)
    return text, Origin(encoding, stamp)


def read_document(path: str, fallback: str | None = None, limit: int = MAX_BYTES) -> tuple[Document, Origin]:
    """A file as a document (the format its name says, else plain text) and its origin:
    how every command reads a file."""
    text, origin = read_text(path, fallback, limit)
    return make_document(path, text, format_for(path) or "text"), origin


def _walk(folder: Path) -> Iterator[Path | FileError]:
    """The supported files under ``folder``, in order, and a :class:`FileError` for each
    folder that could not be listed (it is skipped, but never silently)."""
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unlisted.append, followlinks=False):
        yield from (_unlisted(error, dirpath) for error in unlisted)
        unlisted.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if os.path.splitext(name)[1].lower() in FORMAT_BY_SUFFIX:
                yield Path(dirpath, name)
    yield from (_unlisted(error, str(folder)) for error in unlisted)


def _unlisted(error: OSError, fallback: str) -> FileError:
    return FileError(str(error.filename or fallback), f"cannot read folder: {error.strerror or error}")


def expand(paths: list[str], root: Path, ignore: tuple[str, ...]) -> Iterator[str | FileError]:
    """Files to lint, in order: named files as given, folders recursed (supported types only);
    a folder that cannot be listed is a :class:`FileError` in its place."""
    def ignored(path: Path) -> bool:  # resolving a path costs system calls: only with globs
        return bool(ignore) and matches_any(relative_posix(path, root), ignore)

    for given in paths:
        p = Path(given)
        if given != "-" and p.is_dir():
            yield from (found if isinstance(found, FileError) else str(found)
                        for found in _walk(p) if isinstance(found, FileError) or not ignored(found))
        elif given == "-" or not ignored(p):
            yield given
