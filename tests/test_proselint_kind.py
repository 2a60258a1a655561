"""The ``proselint`` kind: check selection, exact spans, messages and suggestions."""

from __future__ import annotations

import textwrap

import pytest
from conftest import assert_spans_exact

from linter.config.schema import parse_rule
from linter.engine.lint import lint_document
from linter.kinds.prose_lint import registered_checks
from linter.lib.yamlsrc import load
from linter.markup import make_document
from linter.model.findings import Finding
from linter.model.rule import Rule, RuleError


def _rule(checks: str, quotes: str = "skip") -> Rule:
    text = textwrap.dedent(f"""\
        extends: proselint
        message: "%s"
        checks: {checks}
        quotes: {quotes}
        """)
    return parse_rule(load(text, "t.yml"), "t.yml", "Test.Proselint")


def _lint(rule: Rule, source: str, fmt: str = "text") -> list[Finding]:
    return lint_document(make_document("t", source, fmt), [rule])


def _matches(rule: Rule, source: str, fmt: str = "text") -> list[str]:
    findings = _lint(rule, source, fmt)
    for f in findings:
        assert source[f.offset:f.offset + f.length] == f.match
    if fmt == "text":
        assert_spans_exact(source, findings)
    return [f.match for f in findings]


SELECTION = "[cliches, uncomparables, redundancy, typography.symbols.copyright]"


def test_spans_are_the_flagged_words_at_the_edges_of_the_text() -> None:
    source = "Very unique designs won, at the end of the day, over the (c) mark of a free gift"
    assert _matches(_rule(SELECTION), source) == [
        "Very unique", "at the end of the day", "(c)", "free gift"]


def test_spans_in_markdown_skip_the_markup() -> None:
    source = textwrap.dedent("""\
        # A very unique plan

        The *very unique* plan was, **at the end of the day**, a [free gift](http://x.test/a).

        - The true facts came out.
        """)
    assert _matches(_rule(SELECTION), source, "markdown") == [
        "very unique", "very unique", "at the end of the day", "free gift", "true facts"]


def test_message_is_proselints_and_replacement_keeps_case() -> None:
    [finding] = _lint(_rule("[redundancy]"), "True facts emerged.")
    assert finding.message == "Redundancy. Use 'facts' instead of 'True facts'."
    assert finding.suggestions == ("Facts",)
    assert finding.fix is not None and finding.fix.replacement == "Facts"


def test_a_pattern_replacement_is_no_suggestion() -> None:
    [finding] = _lint(_rule("[typography.punctuation.spacing]"),
                      "One space. Here too.  Two there. Then one.")
    assert finding.match == ".  T"
    assert finding.suggestions == ()


def test_overlapping_checks_report_the_words_once() -> None:
    assert _matches(_rule("[dates_times.dates.decade_apostrophes]"),
                    "Prices rose in the 1990's.") == ["1990's"]
    assert _matches(_rule("[cliches, industrial_language.corporate_speak]"),
                    "At the end of the day, it held.") == ["At the end of the day"]


def test_quotes_key_decides_about_quoted_words() -> None:
    source = 'She called it "a very unique chance" on Monday.'
    assert _matches(_rule("[uncomparables]"), source) == []
    assert _matches(_rule("[uncomparables]", quotes="include"), source) == ["very unique"]


def test_a_path_selects_every_check_below_it() -> None:
    rule = _rule("[typography.symbols]")
    paths = {c.path for c in rule.options.checks}
    assert paths == {c.path for c in registered_checks() if c.path.startswith("typography.symbols.")}
    assert "typography.symbols.ellipsis" in paths


def test_unknown_check_path_is_a_load_error_with_a_hint() -> None:
    with pytest.raises(RuleError, match=r"checks: unknown proselint check 'cliches\.mics'") as info:
        _rule("[cliches.mics]")
    assert "cliches.misc" in info.value.message
    assert info.value.line == 3


def test_partial_segment_is_not_a_prefix() -> None:
    with pytest.raises(RuleError, match="unknown proselint check 'typo'"):
        _rule("[typo]")
