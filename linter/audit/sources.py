"""Archives: what ARCHIVE names (a folder of drafts, a JSON Lines file, a Parquet file or a
folder of them), cut into partitions, and the stories of one partition.

Planning (:func:`plan`) runs where the command runs: it reads no story, only line breaks
(JSON Lines) and metadata (Parquet), so that partitions are the same on every run and a
resumed audit skips exactly the ones it finished. Reading (:func:`stories`) runs where the
partition is audited, a worker process or a Dask worker: it needs the archive at the same
path there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from linter.audit.stories import REQUIRED, BadStory, Fields, Story, story_of
from linter.lib.textfiles import MAX_BYTES, FileError, decode, read_bytes
from linter.markup import FORMAT_BY_SUFFIX, format_for
from linter.run.files import expand

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".parq")
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_LINE = re.compile(r"^(date|desk|byline)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of one archive, audited as one task.

    ``jsonl``: bytes ``[start, stop)`` whose first line is line ``first``; ``parquet``:
    rows ``[start, stop)``; ``drafts``: the ``files`` under the folder ``path``. ``count``
    is the number of lines, rows or files (what the progress bar counts)."""

    index: int
    kind: str
    path: str
    start: int
    stop: int
    first: int
    count: int
    files: tuple[str, ...] = ()


def _jsonl(path: str, size: int) -> Iterator[tuple[int, int, int, int]]:
    """(start byte, stop byte, first line, lines) of each run of ``size`` lines."""
    with open(path, "rb") as handle:
        start, first, line, offset = 0, 1, 0, 0
        for raw in handle:
            offset += len(raw)
            line += 1
            if line - first + 1 == size:
                yield start, offset, first, size
                start, first = offset, line + 1
        if line >= first:
            yield start, offset, first, line - first + 1


def _parquet_rows(path: str, fields: Fields) -> int:
    from linter.audit.tables import parquet_info

    try:
        names, rows = parquet_info(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise FileError(path, f"not a readable Parquet file: {exc}") from None
    for f in REQUIRED:
        if fields.name(f) not in names:
            raise FileError(path, f"no column {fields.name(f)!r} (name the archive's column for "
                                  f"{f} with --field {f}=NAME)")
    return rows


def _archive_files(archive: str, skip: Path | None) -> tuple[list[str], list[str], list[str]]:
    """The JSON Lines files, Parquet files and drafts an ARCHIVE names (in a folder: not in
    hidden folders, nor in ``skip``, the audit's own output folder)."""
    path = Path(archive)
    if path.is_dir():
        def kept(found: Path) -> bool:
            if any(part.startswith(".") for part in found.relative_to(path).parts):
                return False
            return skip is None or not found.resolve().is_relative_to(skip)

        tables = (*PARQUET_SUFFIXES, ".jsonl", ".ndjson")
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in tables)
        parquet = [str(p) for p in files if p.suffix.lower() in PARQUET_SUFFIXES and kept(p)]
        jsonl = [str(p) for p in files if p.suffix.lower() not in PARQUET_SUFFIXES and kept(p)]
        drafts = []
        for found in expand([archive], path, ()):
            if isinstance(found, FileError):  # a folder that cannot be listed: the audit
                raise found                  # would be silently incomplete
            if kept(Path(found)):
                drafts.append(found)
        return jsonl, parquet, drafts
    if not path.exists():
        raise FileError(archive, "no such file or folder")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return [archive], [], []
    if suffix in PARQUET_SUFFIXES:
        return [], [archive], []
    if suffix in FORMAT_BY_SUFFIX:
        return [], [], [archive]
    raise FileError(archive, "not an archive: expected a folder of drafts, a .jsonl file or a .parquet "
                             "file or folder")


def plan(archives: list[str], fields: Fields, size: int,
         skip: Path | None = None) -> tuple[list[Partition], list[str]]:
    """The partitions of every archive (each at most ``size`` stories), in a fixed order, and
    a one-line error for each archive or file that cannot be audited. Files under ``skip``
    (the output folder, when it is inside an archive folder) are left out."""
    parts: list[Partition] = []
    errors: list[str] = []

    def add(kind: str, path: str, start: int, stop: int, first: int, count: int,
            files: tuple[str, ...] = ()) -> None:
        parts.append(Partition(len(parts), kind, path, start, stop, first, count, files))

    for archive in archives:
        try:
            jsonl, parquet, drafts = _archive_files(archive, skip.resolve() if skip else None)
        except FileError as exc:
            errors.append(str(exc))
            continue
        for path in jsonl:
            try:
                for start, stop, first, count in _jsonl(path, size):
                    add("jsonl", path, start, stop, first, count)
            except OSError as exc:
                errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        for path in parquet:
            try:
                rows = _parquet_rows(path, fields)
            except FileError as exc:
                errors.append(str(exc))
                continue
            for start in range(0, rows, size):
                add("parquet", path, start, min(rows, start + size), start + 1, min(size, rows - start))
        root = archive if Path(archive).is_dir() else str(Path(archive).parent)
        relative = [os.path.relpath(d, root) for d in drafts]
        for i in range(0, len(relative), size):
            chunk = tuple(relative[i:i + size])
            add("drafts", root, 0, 0, 0, len(chunk), chunk)
    if not parts and not errors:
        errors.append(f"{', '.join(archives)}: no stories found")
    return parts, errors


def stories(part: Partition, fields: Fields) -> Iterator[Story | BadStory]:
    """The stories of one partition, in archive order."""
    if part.kind == "jsonl":
        yield from _jsonl_stories(part, fields)
    elif part.kind == "parquet":
        yield from _parquet_stories(part, fields)
    else:
        yield from (_draft(part.path, name) for name in part.files)


def _jsonl_stories(part: Partition, fields: Fields) -> Iterator[Story | BadStory]:
    try:
        with open(part.path, "rb") as handle:
            handle.seek(part.start)
            data = handle.read(part.stop - part.start)
    except OSError as exc:
        yield BadStory(part.path, f"cannot read: {exc.strerror or exc}")
        return
    for n, raw in enumerate(data.splitlines(), start=part.first):
        where = f"{part.path}:{n}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield BadStory(where, f"not valid UTF-8: byte 0x{raw[exc.start]:02X} at column {exc.start + 1}")
            continue
        except json.JSONDecodeError as exc:
            yield BadStory(where, f"not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield BadStory(where, f"expected a JSON object, not {type(record).__name__}")
            continue
        yield story_of(record, fields, where)


def _parquet_stories(part: Partition, fields: Fields) -> Iterator[Story | BadStory]:
    from linter.audit.tables import parquet_records

    try:
        for row, record in parquet_records(part.path, part.start, part.stop, fields.columns()):
            yield story_of(record, fields, f"{part.path}: row {row + 1}")
    except (OSError, ValueError) as exc:
        yield BadStory(part.path, f"cannot read rows {part.start + 1}-{part.stop}: {exc}")


def _front_matter(source: str) -> dict[str, str]:
    found = _FRONT.match(source)
    if found is None:
        return {}
    return {k: v.strip("\"'") for k, v in _FRONT_LINE.findall(found.group(1))}


def _draft(root: str, name: str) -> Story | BadStory:
    """A draft file as a story: its path (under the archive folder) is its id; its date and
    desk come from its front matter (``date:``, ``desk:``, ``byline:``) when it has them,
    else its modification date and its first folder under the archive."""
    path = os.path.join(root, name)
    try:
        data, stamp = read_bytes(path, MAX_BYTES)
        source = decode(path, data)
    except FileError as exc:
        return BadStory(path, exc.message)
    front = _front_matter(source)
    parts = Path(name).parts
    record: Mapping[str, object] = {
        "id": Path(name).as_posix(), "body": source,
        "date": front.get("date") or dt.datetime.fromtimestamp(stamp.mtime_ns / 1e9, dt.timezone.utc).date(),
        "desk": front.get("desk") or (parts[0] if len(parts) > 1 else ""),
        "byline": front.get("byline", ""),
    }
    return story_of(record, Fields(), path, format_for(path) or "text")
