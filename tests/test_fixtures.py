"""Every fixture under fixtures/ is linted and compared, line by line, with its markers.

An unexpected finding fails as surely as a missing one. Each finding's span
must also be exactly its match in the source (the positions property).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURE_FILES, FIXTURES, assert_spans_exact, rules_for
from expectations import parse

from linter.engine.lint import lint_document
from linter.markup import format_for, make_document

FILES = FIXTURE_FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture(path: Path) -> None:
    raw = path.read_bytes().decode("utf-8")
    raw = raw[1:] if raw.startswith("\ufeff") else raw
    expected = parse(raw)
    fmt = format_for(path.name) or "text"
    doc = make_document(str(path), expected.source, fmt)
    findings = lint_document(doc, rules_for(expected.config, str(path.parent)))
    got = Counter((f.line, f.rule_id) for f in findings)
    missing = expected.rules - got
    unexpected = got - expected.rules
    detail = [f"{f.line}:{f.column} {f.rule_id} {f.match!r}" for f in findings
              if (f.line, f.rule_id) in unexpected]
    assert not missing and not unexpected, f"missing {dict(missing)}; unexpected {detail}"
    for line, rule, col in expected.columns:
        assert any(f.line == line and f.rule_id == rule and f.column == col for f in findings), (
            f"{rule} expected at {line}:{col}")
    got_levels = Counter((f.line, f.rule_id, f.severity.label) for f in findings)
    wrong = {k: n for k, n in expected.levels.items() if got_levels[k] < n}
    assert not wrong, f"level not as expected (line, rule, level): {wrong}"
    assert_spans_exact(expected.source, findings)
