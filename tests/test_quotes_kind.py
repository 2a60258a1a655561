"""The ``quotes`` kind and the bundled Quotes style."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact, lint, rules_for

from linter.kinds import quotes
from linter.kinds.base import OptionError
from linter.model.findings import Finding
from linter.model.rule import RuleError

QUOTES = "{styles: [Quotes]}"


def _config(style: str) -> str:
    return f"{{styles: [Quotes], quote-style: {style}}}"


def _found(source: str, config: str = QUOTES) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule_id, f.match, f.suggestions) for f in lint(source, config=config)]


NESTS = {
    "curly": "“He told me ‘never’ again,” she said.",
    "straight": "\"He told me 'never' again,\" she said.",
    "british": "‘He told me “never” again,’ she said.",
    "german": "„Er sagte ‚nie‘ wieder“, sagte sie.",
    "guillemets": "«Il m’a dit “jamais” encore», dit-elle.",
}


@pytest.mark.parametrize("style", sorted(NESTS))
def test_each_style_accepts_its_own_marks(style: str) -> None:
    assert _found(NESTS[style], _config(style)) == []


@pytest.mark.parametrize("style", sorted(NESTS))
def test_each_style_converts_every_other_style(style: str) -> None:
    wanted = quotes.STYLES[style].levels
    for other, text in NESTS.items():
        if other == style:
            continue
        fixes = [f.suggestions for f in lint(text, config=_config(style))]
        assert fixes, (style, other)  # curly and british differ in levels only: Nesting
        assert all(s[0] in wanted[0] + wanted[1] for s in fixes), (style, other)


def test_config_flips_the_house_style_with_one_line() -> None:
    text = 'The minister said "we will rebuild" on Monday.'
    assert _found(text, _config("straight")) == []
    assert _found(text) == [("Quotes.HouseMarks", '"', ("“",)), ("Quotes.HouseMarks", '"', ("”",))]
    assert [f.suggestions for f in lint(text, config=_config("guillemets"))] == [("«",), ("»",)]
    assert all(r.options.style.name == "straight" for r in rules_for(_config("straight")))


def test_unknown_style_is_an_error_naming_the_key() -> None:
    with pytest.raises(RuleError, match="quote-style: unknown quote style 'fancy'"):
        rules_for(_config("fancy"))
    with pytest.raises(OptionError) as caught:
        quotes.build({"check": "marks", "style": "fancy"})
    assert caught.value.key == "style"


@pytest.mark.parametrize("style", sorted(NESTS))
def test_apostrophes_are_never_quotation_marks(style: str) -> None:
    text = ("Residents don't expect Kazakhstan’s rock ’n’ roll revival of the ’90s, "
            "or rock 'n' roll from the '80s, to last till spring, the mayor’s office said.")
    assert _found(text, _config(style)) == []


def test_running_quotation_over_paragraphs_is_not_unclosed() -> None:
    text = ("“We will rebuild the bridge by spring.\n\n"
            "“We will reopen the school by the autumn,” the mayor said.")
    assert _found(text) == []
    unclosed = "“We will rebuild the bridge by spring.\n\nThe mayor left."
    assert _found(unclosed) == [("Quotes.Unbalanced", "“", ())]


def test_closing_mark_without_an_opening_one() -> None:
    [finding] = lint("The coach said the result was fair.” He left.", config=QUOTES)
    assert finding.rule_id == "Quotes.Unbalanced"
    assert "never opened" in finding.message and "'“'" in finding.message


def test_feet_and_inches_are_not_quotation_marks() -> None:
    assert _found("The suspect is 5' 10\" tall, police said.", _config("straight")) == []


def test_mixed_styles_name_majority_and_minority_counts() -> None:
    text = ("“We are ready,” the general said. “We will hold,” he added. "
            "Officials called the plan «reckless». A spokesman said “no”.")
    [mixed] = [f for f in lint(text, config=QUOTES) if f.rule_id == "Quotes.Mixed"]
    assert "curly quotes 3 times and guillemets once" in mixed.message
    assert mixed.match == "«" and mixed.suggestions == ()
    assert "(compare line 1, column 1)" in mixed.message


def test_mismatched_close_suggests_the_matching_mark() -> None:
    alone = "{styles: [Quotes], rules: {Quotes.HouseMarks: off}}"
    found = _found("The envoy called the talks “constructive» on Friday.", alone)
    assert ("Quotes.Mismatched", "»", ("”",)) in found
    found = _found("The envoy called the talks «constructive” on Friday.", alone)
    assert ("Quotes.Mismatched", "«", ("“",)) in found


def test_mismatched_defers_to_house_marks_on_the_same_mark() -> None:
    assert _found("The envoy called the talks “constructive» on Friday.") == [
        ("Quotes.HouseMarks", "»", ("”",))]


def test_german_inner_quotation_closing_before_the_outer_one() -> None:
    assert _found("„Er sagte ‚nein‘“, sagte sie.", _config("german")) == []
    assert _found("„Er sagte nein”, sagte sie.", _config("german")) == [
        ("Quotes.HouseMarks", "”", ("“",))]


def test_nesting_same_marks_inside() -> None:
    found = lint("“He told me “never again” and left,” the witness said.", config=QUOTES)
    assert [(f.rule_id, f.match, f.suggestions) for f in found] == [
        ("Quotes.Nesting", "“", ("‘",)), ("Quotes.Nesting", "”", ("’",))]
    assert "same marks" in found[0].message


def test_nesting_swapped_levels_depend_on_the_house() -> None:
    text = "‘He told me “never again” and left,’ the witness said."
    found = _found(text)
    assert [s for _, _, s in found] == [("“",), ("‘",), ("’",), ("”",)]
    assert {r for r, _, _ in found} == {"Quotes.Nesting"}
    assert _found(text, _config("british")) == []


def test_a_quotation_standing_alone_may_use_single_marks() -> None:
    assert _found("Critics called the scheme a ‘gift’ to developers.") == []


def test_doubled_single_marks_standing_for_a_double_one() -> None:
    found = lint("''We will win,'' the coach said.", config=_config("straight"))
    assert [(f.match, f.suggestions) for f in found] == [("'", ()), ("'", ())]
    assert "Two single marks" in found[0].message


MESSY = """‘He said “yes” and «no»,’ she said. “Open and never closed.

Mixed «up” here and "there" too, and ”backwards” as well.” Then 'single' and „low“ marks.
"""


@pytest.mark.parametrize("style", sorted(NESTS))
def test_suggestions_are_single_marks_and_spans_one_mark(style: str) -> None:
    found: list[Finding] = lint(MESSY, config=_config(style))
    assert found
    assert_spans_exact(MESSY, found)
    for f in found:
        assert f.length == 1 and len(f.match) == 1, f
        assert len(f.suggestions) <= 1 and all(len(s) == 1 for s in f.suggestions), f
