"""The highlighted view of one draft, as plain data for the page's script.

The editors' page (``copydesk serve``) and ``--format html`` show a draft the same way:
its text with each finding's span highlighted, the findings grouped by style, each
rule's explanation, and the safe fixes to apply with one click. Both hand the browser
this model: offsets are in UTF-16 code units (what JavaScript strings count), the one
conversion made at this edge; everything else is a finding's own data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linter.lib.utf16 import Utf16
from linter.model.findings import Finding, Severity
from linter.model.results import FileResult
from linter.model.rule import Rule


def _finding(f: Finding, utf16: Utf16) -> dict[str, Any]:
    start, length = utf16.span(f.offset, f.length)
    fix = None
    if f.fix is not None:
        fix = {"start": utf16.offset(f.fix.start), "end": utf16.offset(f.fix.end),
               "replacement": f.fix.replacement}
    return {"rule": f.rule_id, "style": f.rule_id.split(".", 1)[0], "level": f.severity.label,
            "start": start, "end": start + length, "line": f.line, "column": f.column,
            "match": f.match, "message": f.message, "suggestions": list(f.suggestions), "fix": fix}


def rule_info(rule: Rule) -> dict[str, str]:
    """What the page says about a rule: why it exists, its source and link."""
    return {"description": rule.description, "source": rule.source, "link": rule.link,
            "kind": rule.kind, "level": rule.level.label}


def view_model(result: FileResult, source: str, rules: Mapping[str, Rule]) -> dict[str, Any]:
    """The view of ``result`` (the findings of ``source``), with the rules it names."""
    utf16 = Utf16(source)
    used = dict.fromkeys(f.rule_id for f in result.findings)
    counts = dict(zip((s.label for s in Severity), result.tally(), strict=True))
    return {"path": result.path, "source": source,
            "findings": [_finding(f, utf16) for f in result.findings],
            "rules": {rule_id: rule_info(rules[rule_id]) for rule_id in used if rule_id in rules},
            "counts": counts}
