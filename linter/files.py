"""Finding the files to lint and reading them into documents.

Each problem becomes a :class:`FileError` (one line naming the file) so the
other files are still linted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from linter.document import Document
from linter.globs import matches_any, relative_posix
from linter.markup import FORMAT_BY_SUFFIX, format_for, make_document

BOM = "\ufeff"


@dataclass(frozen=True)
class FileError(Exception):
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def decode(path: str, data: bytes) -> str:
    """UTF-8, with or without a BOM (which is dropped). Refuses binary data."""
    nul = data.find(b"\0")
    if nul >= 0:
        raise FileError(path, f"binary file (NUL byte at offset {nul}), skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1].hex().upper()
        raise FileError(path, f"not valid UTF-8: byte 0x{bad} at offset {exc.start} "
                              f"(line {line}); save the file as UTF-8") from None
    return text[1:] if text.startswith(BOM) else text


def read_text(path: str) -> tuple[str, bool]:
    """The decoded text of a file, and whether it started with a BOM."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileError(path, "no such file") from None
    except IsADirectoryError:
        raise FileError(path, "is a directory") from None
    except OSError as exc:
        raise FileError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode(path, data), data.startswith(BOM.encode("utf-8"))


def read_document(path: str, fmt: str | None = None) -> Document:
    return make_document(path, read_text(path)[0], fmt or format_for(path) or "text")


def _walk(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if Path(name).suffix.lower() in FORMAT_BY_SUFFIX:
                yield Path(dirpath) / name


def expand(paths: list[str], root: Path, ignore: tuple[str, ...]) -> Iterator[str]:
    """Files to lint, in order: named files as given, folders recursed (supported types only)."""
    for given in paths:
        p = Path(given)
        if given != "-" and p.is_dir():
            for found in _walk(p):
                if not matches_any(relative_posix(found, root), ignore):
                    yield str(found)
        elif given == "-" or not matches_any(relative_posix(p, root), ignore):
            yield given
