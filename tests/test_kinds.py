"""The seven Vale-compatible kinds, through the real engine, with the Core test style."""

from __future__ import annotations

from conftest import lint

from linter.model.findings import Severity

CORE = "{styles: [styles/Core], rules: {Core.Headline: off}}"


def _ids(source: str, config: str = CORE) -> list[tuple[str, str]]:
    return [(f.rule_id, f.match) for f in lint(source, config=config)]


def test_existence_exceptions_and_case() -> None:
    assert _ids("TERRORISTS struck. The counter-terrorism unit held terrorism charges.") == [
        ("Core.Labels", "TERRORISTS")]


def test_existence_token_spaces_match_line_breaks() -> None:
    found = lint("His uncle passed\naway last year.", config=CORE)
    assert [(f.match, f.line, f.end_line) for f in found] == [("passed\naway", 1, 2)]


def test_existence_token_spaces_never_cross_a_paragraph() -> None:
    # a term told across a blank line is no term, and the match the next paragraph opens
    # with is found from its start ("uncle passed | Away" does not hide "passed away")
    found = lint("My uncle passed\n\naway. He passed away last year.\n", config=CORE)
    assert [(f.match, f.line) for f in found] == [("passed away", 3)]


def test_substitution_message_suggestions_and_fix() -> None:
    [finding] = lint("Talks in Kiev resumed.", config=CORE)
    assert finding.message == "Use 'Kyiv' rather than 'Kiev'"
    assert finding.suggestions == ("Kyiv",)
    assert finding.fix is not None and finding.fix.replacement == "Kyiv"


def test_substitution_several_suggestions_means_no_fix() -> None:
    [finding] = lint("Flights to Bombay resumed.", config=CORE)
    assert finding.suggestions == ("Mumbai", "Bombay city")
    assert finding.message == "Use 'Mumbai or Bombay city' rather than 'Bombay'"
    assert finding.fix is None


def test_substitution_exception_phrase() -> None:
    assert _ids("He ate chicken Kiev.") == []


def test_consistency_reports_later_form_with_first_position() -> None:
    [finding] = lint("Lukashenka spoke.\n\nLater Lukashenko left.", config=CORE)
    assert finding.match == "Lukashenko"
    assert finding.line == 3
    assert "compare line 1, column 1" in finding.message
    assert finding.suggestions == ("Lukashenka",)


def test_consistency_single_form_is_fine() -> None:
    assert _ids("Lukashenko spoke. Lukashenko left.") == []


def test_repetition() -> None:
    assert _ids("The the talks. Talks talks. Ended. Ended.") == [
        ("Core.Repeated", "the"), ("Core.Repeated", "talks")]


def test_conditional_acronym_defined_anywhere() -> None:
    assert _ids("The IAEA met. Later the International Atomic Energy Agency (IAEA) left.") == []
    assert _ids("The IAEA met with NATO.") == [("Core.Acronyms", "IAEA")]


def test_capitalization_sentence_case_headline() -> None:
    config = "{styles: [styles/Core]}"
    found = lint("Talks Stall In Kyiv As Winter Nears\n\nBody text.", config=config)
    assert [(f.rule_id, f.suggestions) for f in found] == [
        ("Core.Headline", ("Talks stall in Kyiv as winter nears",))]


def test_occurrence_counts_per_sentence() -> None:
    found = lint("One, two, three, four, five. Six, seven.", config=CORE)
    assert [(f.rule_id, f.column, f.message) for f in found] == [
        ("Core.Commas", 22, "This sentence has 4 commas; consider splitting it")]


def test_levels_come_from_rules_and_config() -> None:
    [finding] = lint("Terrorists struck.", config=CORE)
    assert finding.severity is Severity.ERROR
    config = "{styles: [styles/Core], rules: {Core.Labels: suggestion}}"
    [finding] = lint("Terrorists struck.", config=config)
    assert finding.severity is Severity.SUGGESTION


def test_rules_turned_off_by_glob() -> None:
    assert _ids("Terrorists in Kiev.", "{styles: [styles/Core], rules: {Core.*: off}}") == []


def test_quotations_are_skipped_by_default() -> None:
    assert _ids("“The terrorists will not win,” the minister said.") == []
