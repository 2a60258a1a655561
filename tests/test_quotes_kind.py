"""The ``quotes`` kind and the bundled Quotes style."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_spans_exact, lint, rules_for

from linter.kinds import quotes
from linter.kinds.base import OptionError
from linter.model.findings import Finding
from linter.model.rule import RuleError

QUOTES = "{styles: [Quotes]}"  # no house style: each story is held to its own majority


def _config(style: str) -> str:
    return f"{{styles: [Quotes], quote-style: {style}}}"


CURLY = _config("curly")


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
    assert _found(text) == []  # no house style named: straight marks are no problem
    assert _found(text, CURLY) == [("Quotes.HouseMarks", '"', ("“",)), ("Quotes.HouseMarks", '"', ("”",))]
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


@pytest.mark.parametrize(("text", "mixed"), [
    # a paragraph that goes on with a quotation left open, in another family's marks
    ('“We will not give up,” said Roke.\n\nVoss replied: “The vote stands.\n\n"It was fair," he said.', '"'),
    ("Voss replied: «The vote stands.\n\n“It was fair,” he said.", "“"),
    ("Voss replied: “The vote stands.\n\n“It was fair,” he said.", None),  # the same marks go on
])
def test_a_quotation_going_on_in_other_marks_is_mixed(text: str, mixed: str | None) -> None:
    found = [f.match for f in lint(text, config=QUOTES) if f.rule_id == "Quotes.Mixed"]
    assert found == ([mixed] if mixed else [])


def test_mismatched_close_suggests_the_matching_mark() -> None:
    alone = "{styles: [Quotes], quote-style: curly, rules: {Quotes.HouseMarks: off}}"
    found = _found("The envoy called the talks “constructive» on Friday.", alone)
    assert ("Quotes.Mismatched", "»", ("”",)) in found
    found = _found("The envoy called the talks «constructive” on Friday.", alone)
    assert ("Quotes.Mismatched", "«", ("“",)) in found
    # With no house style, the story's own marks decide which end is wrong.
    assert _found("The envoy called the talks «constructive” on Friday.") == [
        ("Quotes.Mismatched", "”", ("»",))]


def test_mismatched_fix_leaves_a_matched_pair_whatever_the_storys_majority() -> None:
    """In a story mostly in straight marks, «...” was "fixed" to «...", and the next fix
    pass changed the « as well: text the report never named (found by the long fuzz run).
    Now the closer that goes with the opener is suggested, and not applied, since the
    story's own marks belong to neither end; the mix is Quotes.Mixed's to report."""
    text = ('"We are ready," the general said. "We will hold," he added. '
            "«We will fight,” a commander said.")
    [mismatched] = [f for f in lint(text, config=QUOTES) if f.rule_id == "Quotes.Mismatched"]
    assert (mismatched.match, mismatched.suggestions, mismatched.fix) == ("”", ("»",), None)
    # where the story's marks suit one end, that end is fixed as before
    assert _found("The envoy called the talks «constructive” on Friday.") == [
        ("Quotes.Mismatched", "”", ("»",))]


def test_house_marks_never_fix_one_end_of_a_pair_into_a_mismatch() -> None:
    """In a story mostly in German marks, “...” had its opener "fixed" to „ and the next
    pass changed the closer ” (left alone as another family) to “: text the first report
    never named (found by the long fuzz run). Now both ends are reported and fixed at once."""
    text = ("„Wir sind bereit“, sagte der General. „Wir halten“, sagte er.\n"
            "“The rebels will not win,” the minister said.")
    found = [(f.match, f.fix.replacement if f.fix else None)
             for f in lint(text, config=QUOTES) if f.rule_id == "Quotes.HouseMarks"]
    assert found == [("“", "„"), ("”", "“")]


def test_mismatched_defers_to_house_marks_on_the_same_mark() -> None:
    assert _found("The envoy called the talks “constructive» on Friday.", CURLY) == [
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
    found = _found(text, CURLY)
    assert [s for _, _, s in found] == [("“",), ("‘",), ("’",), ("”",)]
    assert {r for r, _, _ in found} == {"Quotes.Nesting"}
    assert _found(text, _config("british")) == []
    assert _found(text) == []  # no house style: the story's own nest is the norm


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


# ---------------------------------------------------------------------------
# No house style until a newsroom names one (issue 13)


def test_without_a_house_style_a_story_in_one_style_is_clean() -> None:
    for text in ('The minister said "we will rebuild" and \'soon\' on Monday.',
                 "Le ministre a dit «nous reconstruirons» lundi.",
                 "‘We will rebuild,’ the minister said. ‘Soon,’ she added."):
        assert _found(text) == [], text


def test_without_a_house_style_problems_are_judged_against_the_storys_majority() -> None:
    text = ('"We are ready," the general said. "We will hold," he added. '
            "Officials called the plan “reckless”.")
    [mixed] = [f for f in lint(text, config=QUOTES)]
    assert mixed.rule_id == "Quotes.Mixed" and mixed.match == "“"
    assert "straight quotes twice and curly quotes once" in mixed.message
    assert "house style: none set; this story mostly uses straight" in mixed.message
    # An opening form used to close is wrong in any style: reported, and fixed.
    assert _found("The minister said “we will rebuild“ on Monday.") == [("Quotes.HouseMarks", "“", ("”",))]
    assert _found('"We will rebuild, the mayor said.') == [("Quotes.Unbalanced", '"', ())]


def test_mixed_never_points_at_the_house_marks() -> None:
    text = ('"We are ready," the general said. "We will hold," he added. '
            "Officials called the plan “reckless”.")
    mixed = [f for f in lint(text, config=CURLY) if f.rule_id == "Quotes.Mixed"]
    assert [f.match for f in mixed] == ['"']  # the straight marks are the odd ones out
    assert "curly quotes once and straight quotes twice" in mixed[0].message
    assert mixed[0].message.endswith("(compare line 1, column 87)")  # the curly quotation


def test_guillemets_house_takes_a_standalone_curly_quotation_as_a_mix() -> None:
    text = "Il a dit «non» hier. Elle a dit “oui” ce matin."
    found = _found(text, _config("guillemets"))
    assert ("Quotes.HouseMarks", "“", ("«",)) in found and ("Quotes.HouseMarks", "”", ("»",)) in found
    # Inside a guillemets quotation the curly marks are the house's inner ones.
    assert _found("Il a dit «elle a dit “oui” hier».", _config("guillemets")) == []


def _fix_and_recheck(text: str, config: str) -> tuple[str, list[Finding]]:
    from conftest import rules_for

    from linter.engine.lint import Engine
    from linter.markup import make_document
    from linter.run.pipeline import fix_one, lint_one

    rules = rules_for(config)
    engine, ids = Engine(rules), [r.id for r in rules]
    fixed, _ = fix_one(make_document("t.txt", text, "text"), engine, ids)
    return fixed, lint_one(make_document("t.txt", fixed, "text"), engine, ids)


PAIRS = ('"%s"', "'%s'", "“%s”", "‘%s’", "«%s»", "„%s“", "‹%s›")
WORDS = ("word", "it's done", "the '90s", "rock 'n' roll", "two words here")


@pytest.mark.parametrize("style", [None, *sorted(NESTS)])
def test_fix_leaves_nothing_that_a_recheck_would_fix_or_call_mixed(style: str | None) -> None:
    import random

    config = QUOTES if style is None else _config(style)
    rng = random.Random(13)
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 4)):
            inner = rng.choice(WORDS)
            if rng.random() < 0.3:
                inner = f"say {rng.choice(PAIRS) % 'x'} now"
            parts.append(f"He said {rng.choice(PAIRS) % inner} today.")
        text = rng.choice([" ", "\n\n"]).join(parts) + "\n"
        fixed, after = _fix_and_recheck(text, config)
        # With no house style, fix never picks a set of marks for the story: a mix stays.
        mixed = style is not None and any(f.rule_id == "Quotes.Mixed" for f in after)
        assert not mixed and not [f for f in after if f.fix is not None], (text, fixed)


def test_a_story_whose_marks_would_read_differently_is_not_half_converted() -> None:
    # The last closing mark has a space before it: as a curly mark it would close nothing,
    # so no mark of the story is changed (fixing the first paragraph alone would mix styles).
    text = ('"We will rebuild," the mayor said.\n\n'
            '"We will reopen the school by the autumn. " A spokesman declined to comment.\n')
    fixed, after = _fix_and_recheck(text, CURLY)
    assert fixed == text
    assert {f.rule_id for f in after} == {"Quotes.HouseMarks"}
    assert all(f.suggestions == () for f in after)


def test_quotes_written_as_entities_are_fixed_as_entities(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.cli import main

    draft = tmp_path / "d.html"
    draft.write_text("<p>The envoy said &laquo;we will talk&raquo; and &#171;we will see&#187;.</p>\n")
    (tmp_path / ".copydesk.yml").write_text("quote-style: curly\n")
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "d.html"]) == 1
    assert draft.read_text() == (
        "<p>The envoy said &ldquo;we will talk&rdquo; and &#8220;we will see&#8221;.</p>\n")
    assert main(["check", "d.html"]) == 0


def test_a_term_in_single_marks_standing_alone_is_not_said_to_be_inside_a_quotation() -> None:
    text = "The crowd chanted 'Out, out!' as he left. He said: \"It is 'over' now.\""
    found = [f for f in lint(text, config=CURLY) if f.rule_id == "Quotes.HouseMarks"]
    inside = {f.column: "inside a quotation" in f.message for f in found if f.match == "'"}
    # the chant stands alone (columns 19 and 29); 'over' is inside the quotation
    assert inside == {19: False, 29: False, 59: True, 64: True}


SPOKEN = {  # style: a sentence quoted on its own in the inner marks, and the outer opening mark
    "straight": ("\"It is a shambles,\" he said. 'We cannot go on like this.'", '"'),
    "curly": ("“It is a shambles,” he said. ‘We cannot go on like this.’", "“"),
    "british": ("‘It is a shambles,’ he said. “We cannot go on like this.”", "‘"),
}


@pytest.mark.parametrize("style", sorted(SPOKEN))
def test_a_sentence_quoted_on_its_own_takes_the_outer_marks(style: str) -> None:
    text, opening = SPOKEN[style]
    found = [f for f in lint(text, config=_config(style)) if f.rule_id == "Quotes.HouseMarks"]
    assert [f.column for f in found] == [30, 57] and found[0].suggestions == (opening,)
    assert all("of words quoted on their own" in f.message for f in found)
    assert_spans_exact(text, found)
    fixed, again = _fix_and_recheck(text, _config(style))
    assert fixed[29] == opening and [f for f in again if f.rule_id.startswith("Quotes.")] == []


@pytest.mark.parametrize(("style", "text", "wanted"), [
    # british marks every quotation of its own in single marks, a term too
    ("british", "The mayor called the strike “irresponsible” on Monday.", ("‘", "’")),
    ("british", "The mayor called the strike \"irresponsible\" on Monday.", ("‘", "’")),
    ("british", "The mayor called the strike ‘irresponsible’ on Monday.", ()),
    # where the single marks are the inner ones, a term may keep them
    ("curly", "The mayor called the strike ‘irresponsible’ on Monday.", ()),
    ("straight", "The mayor called the strike 'irresponsible' on Monday.", ()),
])
def test_a_term_standing_alone_takes_single_marks_where_they_are_a_level(
        style: str, text: str, wanted: tuple[str, ...]) -> None:
    found = [f for f in lint(text, config=_config(style)) if f.rule_id == "Quotes.HouseMarks"]
    assert tuple(s for f in found for s in f.suggestions) == wanted
    fixed, again = _fix_and_recheck(text, _config(style))
    assert "‘irresponsible’" in fixed if wanted else fixed == text
    assert [f for f in again if f.rule_id.startswith("Quotes.")] == []


@pytest.mark.parametrize("text", [
    # the comma outside the marks, as French and Russian wire copy puts it
    "‘It is a shambles,’ he said. «We are ready to talk», the port authority said.",
    "‘It is a shambles,’ he said. \"We are ready to talk\", the port authority said.",
])
def test_speech_with_its_comma_after_the_marks_takes_the_outer_marks(text: str) -> None:
    found = [f for f in lint(text, config=_config("british")) if f.rule_id == "Quotes.HouseMarks"]
    assert [f.suggestions for f in found] == [("‘",), ("’",)]
    fixed, again = _fix_and_recheck(text, _config("british"))
    assert "‘We are ready to talk’, the port" in fixed
    assert [f for f in again if f.rule_id.startswith("Quotes.")] == []


@pytest.mark.parametrize(("text", "column", "wanted"), [
    # most speech in double curly marks: the one sentence in single marks is the slip
    ("“The men fled at dawn,” Roke said. ‘They came back at noon,’ she added. "
     "“We saw them leave the port,” Tamm said. A ‘gift’ to the port.", 36, "“"),
    # most speech in single curly marks (british), with no nest to tell: the double is
    ("‘The men fled at dawn,’ Roke said. “They came back at noon,” she added. "
     "‘We saw them leave the port,’ Tamm said.", 36, "‘"),
    ("\"The men fled at dawn,\" Roke said. 'They came back at noon,' she added. "
     "\"We saw them leave the port,\" Tamm said.", 36, '"'),
])
def test_with_no_house_style_speech_takes_the_marks_most_of_the_storys_speech_uses(
        text: str, column: int, wanted: str) -> None:
    found = [f for f in lint(text, config=QUOTES) if f.rule_id.startswith("Quotes.")]
    assert [(f.rule_id, f.column) for f in found][:1] == [("Quotes.HouseMarks", column)]
    assert len(found) == 2 and f"Prefer '{wanted}'" in found[0].message  # both ends of the one quotation
    assert_spans_exact(text, found)
    # Reported, never fixed: a fix would change the counts that made the story's norm (the
    # fuzz test found a first fix of a nest turning the norm over for a second pass).
    assert all(f.suggestions == () and f.fix is None for f in found)
    fixed, again = _fix_and_recheck(text, QUOTES)
    assert fixed == text and [f.column for f in again if f.rule_id == "Quotes.HouseMarks"] == [f.column for f in found]


def test_with_no_house_style_speech_split_evenly_sets_no_norm() -> None:
    text = "“The men fled at dawn,” Roke said. ‘They came back at noon,’ she added."
    assert [f for f in lint(text, config=QUOTES) if f.rule_id.startswith("Quotes.")] == []


@pytest.mark.parametrize("text", [
    "Critics called the scheme a 'gift' to developers.",  # a term
    "It stands on the 'coast of broken shells' as the northern shore is known.",  # a phrase
    "She skipped rehearsal to film 'A Night at the Harbour.' on Monday.",  # a title
    "'It is over,' she said.",  # fewer than four words
    "He said 'we cannot go on like this' and left.",  # part of a sentence
])
def test_terms_titles_and_short_quotations_keep_single_marks(text: str) -> None:
    assert [f for f in lint(text, config=_config("straight")) if f.rule_id.startswith("Quotes.")] == []


def test_a_sentence_in_single_marks_is_left_alone_in_a_headline_and_with_no_house_style() -> None:
    headline = "Minister: 'We cannot go on like this'\n\nThe minister resigned on Monday.\n"
    assert [f for f in lint(headline, config=_config("straight")) if f.rule_id.startswith("Quotes.")] == []
    text, _ = SPOKEN["straight"]
    assert [f for f in lint(text, config=QUOTES) if f.rule_id.startswith("Quotes.")] == []
