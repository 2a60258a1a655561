"""The audit's tables: the columns of ``findings.parquet`` and ``summary.parquet``, reading
Parquet archives, and writing files whole. The one module that imports pyarrow.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from linter.model.audit import SummaryRow

FINDINGS_SCHEMA = pa.schema([
    ("id", pa.string()), ("date", pa.date32()), ("desk", pa.string()), ("byline", pa.string()),
    ("rule", pa.string()), ("level", pa.string()), ("match", pa.string()), ("term", pa.string()),
    ("voice", pa.string()), ("offset", pa.int64()), ("length", pa.int64()), ("line", pa.int64()),
    ("column", pa.int64()), ("suggestion", pa.string()), ("where", pa.string()),
])
KEY_COLUMNS = ("measure", "month", "desk", "rule", "term", "house", "voice", "level")
SUMMARY_SCHEMA = pa.schema([
    *((name, pa.string()) for name in KEY_COLUMNS),
    ("count", pa.int64()), ("stories", pa.int64()), ("words", pa.int64()), ("per_1000_words", pa.float64()),
])


def findings_table(columns: Mapping[str, Sequence[Any]]) -> Any:
    return pa.table(dict(columns), schema=FINDINGS_SCHEMA)


# -- reading Parquet archives --------------------------------------------------------------

def parquet_info(path: str) -> tuple[list[str], int]:
    """The column names and row count of a Parquet file; raises ValueError (not Parquet) or
    OSError (unreadable)."""
    handle = pq.ParquetFile(path)
    return list(handle.schema_arrow.names), int(handle.metadata.num_rows)


def parquet_records(path: str, start: int, stop: int,
                    columns: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows ``[start, stop)`` of a Parquet file (only ``columns`` that exist), numbered from
    0, reading only the row groups that hold them."""
    handle = pq.ParquetFile(path)
    wanted = [c for c in columns if c in handle.schema_arrow.names]
    meta = handle.metadata
    first, cursor, groups = 0, 0, list[int]()
    for g in range(meta.num_row_groups):
        rows = meta.row_group(g).num_rows
        if cursor + rows > start and cursor < stop:
            first = cursor if not groups else first
            groups.append(g)
        cursor += rows
    if not groups:
        return
    position = first
    for batch in handle.iter_batches(batch_size=1024, row_groups=groups, columns=wanted):
        for record in batch.to_pylist():
            if start <= position < stop:
                yield position, record
            position += 1
        if position >= stop:
            return


# -- writing -----------------------------------------------------------------------------

@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """A temporary name beside ``path`` to write to, renamed to ``path`` when the block
    ends; removed when it does not end well (an error, Ctrl-C), so no half-written file
    stays behind for a later run to find."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_table(table: Any, path: Path) -> None:
    """Write a Parquet file whole (:func:`written_whole`)."""
    with written_whole(path) as temporary:
        pq.write_table(table, temporary, compression="zstd")


def concatenate(parts: Iterable[Path], path: Path) -> int:
    """Concatenate Parquet files (of :data:`FINDINGS_SCHEMA`) into ``path``, one at a time,
    written whole; the number of rows."""
    rows = 0
    with written_whole(path) as temporary, pq.ParquetWriter(temporary, FINDINGS_SCHEMA,
                                                            compression="zstd") as writer:
        for part in parts:
            table = pq.read_table(part, schema=FINDINGS_SCHEMA)
            if table.num_rows:
                writer.write_table(table, row_group_size=100_000)
                rows += table.num_rows
    return rows


# -- the summary ------------------------------------------------------------------------

def summary_rows(counts: Counter[tuple[str, ...]], cells: Counter[tuple[str, str, str]]) -> list[SummaryRow]:
    """Every counted cell with the words and stories of its month and desk, sorted; plus a
    ``stories`` row for each month and desk (so that rates can be added up)."""
    totals = {(m, d) for m, d, _ in cells}
    keyed = dict(counts)
    for month, desk in totals:
        keyed["stories", month, desk, "", "", "", "", ""] = cells[month, desk, "stories"]
    return [SummaryRow(*key, count, cells[key[1], key[2], "stories"],  # type: ignore[arg-type, call-arg]
                       cells[key[1], key[2], "words"]) for key, count in sorted(keyed.items())]


def summary_table(rows: Sequence[SummaryRow]) -> Any:
    columns: dict[str, list[Any]] = {name: [getattr(r, name) for r in rows] for name in KEY_COLUMNS}
    columns["count"] = [r.count for r in rows]
    columns["stories"] = [r.stories for r in rows]
    columns["words"] = [r.words for r in rows]
    columns["per_1000_words"] = [round(r.per_1000_words, 6) for r in rows]
    return pa.table(columns, schema=SUMMARY_SCHEMA)
