"""SARIF 2.1.0 output (``--format sarif``), as GitHub code scanning accepts it.

One run: ``tool.driver`` lists the enabled rules (help text rendered by
:mod:`linter.report.docs`, the same text ``copydesk explain`` prints), ``results``
one per finding, ``invocations[0]`` whether every file could be read, with a
notification per unreadable file.

Columns. copydesk counts columns in Unicode code points; SARIF's default
``columnKind`` is ``utf16CodeUnits``, and GitHub code scanning assumes UTF-16
whatever the log declares. The two differ only after a character outside the
Basic Multilingual Plane (an emoji, a rare CJK ideograph) on the same line.
Rather than declare ``unicodeCodePoints`` and be misplaced by consumers that
ignore the declaration, the log converts columns to UTF-16 code units and
says so explicitly: correct both for readers that honour ``columnKind`` and
for those that assume the default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from linter.lib.shown import printable, quote_path
from linter.model.findings import Finding, Severity
from linter.model.results import Report
from linter.model.rule import Rule
from linter.model.version import __version__
from linter.report.docs import Fixed, explain, markdown_page, summary

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {Severity.SUGGESTION: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (``/`` separators, percent-encoded): the
    bytes of the name, so that a name that is not UTF-8 still names its file."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(os.fsencode(pure.as_posix()), safe="/")


def utf16_column(lines: Mapping[int, str], line: int, column: int) -> int:
    """A code-point column turned into UTF-16 code units (1-based), given the line's text."""
    prefix = lines.get(line, "")[: column - 1]
    return column + len(prefix.encode("utf-16-le")) // 2 - len(prefix)


def _text(text: str) -> dict[str, str]:
    return {"text": text}


def rule_descriptor(rule: Rule, fixed: Fixed) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id.replace(".", ""),
        "shortDescription": _text(summary(rule) or rule.id),
        "fullDescription": _text(" ".join(rule.description.split()) or rule.id),
        "help": {"text": explain(rule, fixed), "markdown": markdown_page(rule, fixed)},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"tags": ["editorial", rule.style, rule.kind]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _region(lines: Mapping[int, str], f: Finding) -> dict[str, Any]:
    return {
        "startLine": f.line,
        "startColumn": utf16_column(lines, f.line, f.column),
        "endLine": f.end_line,
        "endColumn": utf16_column(lines, f.end_line, f.end_column),
        "snippet": _text(f.match),
    }


def _location(uri: str, region: dict[str, Any] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if region is not None:
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(lines: Mapping[int, str], f: Finding, index: int) -> dict[str, Any]:
    region = _region(lines, f)
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": _text(f.message),
        "locations": [_location(artifact_uri(f.path), region)],
    }
    if f.fix is not None:
        replacement = {"deletedRegion": {k: region[k] for k in region if k != "snippet"},
                       "insertedContent": _text(f.fix.replacement)}
        result["fixes"] = [{
            "description": _text(f"Replace '{f.match}' with '{f.fix.replacement}'"),
            "artifactChanges": [{"artifactLocation": {"uri": artifact_uri(f.path)},
                                 "replacements": [replacement]}],
        }]
    return result


def _notification(path: str, message: str) -> dict[str, Any]:
    return {"level": "error", "message": _text(f"{quote_path(path)}: {printable(message)}"),
            "locations": [_location(artifact_uri(path))]}


def sarif_log(report: Report) -> dict[str, Any]:
    """The whole log as JSON-ready data."""
    rules = list(report.rules)
    known = {r.id for r in rules}
    # A finding whose rule the report does not list still gets a (bare) descriptor,
    # so that every ruleIndex points somewhere.
    extra = sorted({f.rule_id for r in report.files for f in r.findings} - known)
    descriptors = [rule_descriptor(r, report.fixed_examples.get(r.id, ())) for r in rules]
    descriptors += [{"id": rule_id} for rule_id in extra]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [_result(r.lines, f, index[f.rule_id]) for r in report.files for f in r.findings]
    invocation = {
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": [_notification(p, m) for p, m in report.errors],
    }
    driver = {"name": "copydesk", "version": __version__, "semanticVersion": __version__,
              "rules": descriptors}
    run = {"tool": {"driver": driver}, "invocations": [invocation], "columnKind": "utf16CodeUnits",
           "results": results}
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}
