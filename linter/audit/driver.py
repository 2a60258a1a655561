"""An audit from start to end: plan the partitions, skip those a previous run of the same
audit finished, run the rest on an engine, then write the outputs whole.

The work in progress lives in ``OUT/.copydesk-audit/``: ``manifest.json`` (what the run
audits: the partitions, the rules' fingerprint, the fields) and, per finished partition,
``NNNNNNN.parquet`` (its findings) then ``NNNNNNN.json`` (its counts, words and errors),
each written under a temporary name and renamed, the JSON last: a partition is finished
exactly when its JSON exists. A run with another manifest starts again. When every
partition is finished, ``findings.parquet``, ``summary.parquet`` and ``report.html`` are
written beside it (each under a temporary name, then renamed) and the work folder is
removed; until then ``OUT`` holds nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from linter.audit import tables
from linter.audit.engines import Engine
from linter.audit.sources import Partition, plan
from linter.audit.stories import Fields
from linter.audit.task import PartitionResult, Rules
from linter.model.audit import AuditSummary
from linter.report.audit_html import render_report

WORK = ".copydesk-audit"
OUTPUTS = ("findings.parquet", "summary.parquet", "report.html")


@dataclass(frozen=True)
class Plan:
    """What to audit and how: the archives, the field names, stories per partition."""

    archives: tuple[str, ...]
    out: Path
    fields: Fields = field(default_factory=Fields)
    partition_size: int = 2000


@dataclass
class Outcome:
    """What a run did: the summary (None when nothing could be audited), the one-line
    errors in archive order, and how many partitions an earlier run had finished."""

    summary: AuditSummary | None
    errors: list[str] = field(default_factory=list)
    partitions: int = 0
    resumed: int = 0


# (stories done, stories in all) as partitions finish
Progress = Callable[[int, int], None]


def _manifest(parts: Sequence[Partition], rules: Rules, plan_: Plan) -> dict[str, Any]:
    files = sorted({p.path for p in parts if p.kind != "drafts"})
    stamps = {f: [os.stat(f).st_size, os.stat(f).st_mtime_ns] for f in files}
    listing = json.dumps([asdict(p) for p in parts], sort_keys=True)
    return {"rules": rules.fingerprint, "fields": list(plan_.fields.names), "files": stamps,
            "partition_size": plan_.partition_size,
            "partitions": hashlib.sha256(listing.encode()).hexdigest(), "count": len(parts)}


class WorkFolder:
    """``OUT/.copydesk-audit``: the finished partitions of this audit."""

    def __init__(self, out: Path) -> None:
        self.path = out / WORK

    def open(self, manifest: dict[str, Any]) -> bool:
        """Keep the finished partitions of the same audit (True), or start afresh."""
        file = self.path / "manifest.json"
        manifest = json.loads(json.dumps(manifest, sort_keys=True))  # as it reads back
        try:
            same = bool(json.loads(file.read_text(encoding="utf-8")) == manifest)
        except (OSError, ValueError):
            same = False
        if not same:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path.mkdir(parents=True)
            _write_text(file, json.dumps(manifest, sort_keys=True))
        return same

    def _name(self, index: int, suffix: str) -> Path:
        return self.path / f"{index:07d}{suffix}"

    def finished(self, index: int) -> bool:
        return self._name(index, ".json").exists()

    def save(self, result: PartitionResult) -> None:
        tables.write_table(result.findings, self._name(result.index, ".parquet"))
        data = {"stories": result.stories, "words": result.words, "errors": result.errors,
                "counts": [[*k, n] for k, n in sorted(result.counts.items())],
                "cells": [[*k, n] for k, n in sorted(result.cells.items())]}
        _write_text(self._name(result.index, ".json"), json.dumps(data))

    def load(self, index: int) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self._name(index, ".json").read_text(encoding="utf-8"))
        return data

    def findings(self, count: int) -> list[Path]:
        return [self._name(i, ".parquet") for i in range(count)]

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _write_text(path: Path, text: str) -> None:
    with tables.written_whole(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def run_audit(plan_: Plan, rules: Rules, engine: Engine, progress: Progress | None = None) -> Outcome:
    """Audit the archives of ``plan_`` on ``engine``; write the outputs in ``plan_.out``."""
    parts, errors = plan(list(plan_.archives), plan_.fields, plan_.partition_size, plan_.out)
    outcome = Outcome(None, errors, len(parts))
    if not parts:
        return outcome
    plan_.out.mkdir(parents=True, exist_ok=True)
    work = WorkFolder(plan_.out)
    kept = work.open(_manifest(parts, rules, plan_))
    todo = [p for p in parts if not (kept and work.finished(p.index))]
    outcome.resumed = len(parts) - len(todo)
    total = sum(p.count for p in parts)
    done = total - sum(p.count for p in todo)
    counts = {p.index: p.count for p in parts}
    if progress is not None:
        progress(done, total)
    for result in engine.run(todo, rules, plan_.fields):
        work.save(result)
        done += counts[result.index]
        if progress is not None:
            progress(done, total)
    outcome.summary = _finish(plan_, work, len(parts), errors)
    outcome.errors = list(outcome.summary.errors)
    return outcome


def _finish(plan_: Plan, work: WorkFolder, count: int, errors: list[str]) -> AuditSummary:
    """Merge the partitions into the three outputs, each written whole."""
    counts: Counter[tuple[str, ...]] = Counter()
    cells: Counter[tuple[str, str, str]] = Counter()
    stories = words = 0
    all_errors = list(errors)
    for index in range(count):
        data = work.load(index)
        stories += data["stories"]
        words += data["words"]
        all_errors += data["errors"]
        counts.update({tuple(row[:-1]): row[-1] for row in data["counts"]})
        cells.update({(row[0], row[1], row[2]): row[3] for row in data["cells"]})
    out = plan_.out
    findings = tables.concatenate(work.findings(count), out / f".{OUTPUTS[0]}.part")
    rows = tables.summary_rows(counts, cells)
    tables.write_table(tables.summary_table(rows), out / f".{OUTPUTS[1]}.part")
    summary = AuditSummary(tuple(rows), stories, words, findings, tuple(all_errors), plan_.archives)
    _write_text(out / f".{OUTPUTS[2]}.part", render_report(summary))
    for name in OUTPUTS:
        os.replace(out / f".{name}.part", out / name)
    work.remove()
    return summary
