"""``--format json``: one JSON document (its schema is in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from linter.lib.shown import printable, quote_path
from linter.model.findings import Severity
from linter.model.results import FileResult

JSON_SCHEMA_VERSION = 1


def json_file(result: FileResult, colour: bool = False) -> Iterator[str]:
    yield json.dumps({"path": quote_path(result.path), "findings": [f.to_dict() for f in result.findings]},
                     ensure_ascii=False)


def json_document(files: Sequence[str], errors: tuple[tuple[str, str], ...],
                  counts: dict[Severity, int]) -> str:
    """One line (the C encoder is several times faster than indented output on large runs):
    exactly ``json.dumps`` of the whole report, put together from each file's encoded part
    so that workers can encode their own files."""
    listed = [{"path": quote_path(p), "message": printable(m)} for p, m in errors]
    summary = {"files": len(files), **{s.label: counts[s] for s in sorted(Severity, reverse=True)}}
    return (f'{{"schema": {JSON_SCHEMA_VERSION}, "files": [{", ".join(files)}], '
            f'"errors": {json.dumps(listed, ensure_ascii=False)}, "summary": {json.dumps(summary)}}}')
