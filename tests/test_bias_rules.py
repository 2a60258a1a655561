"""Focused behaviour of the Bias pack: voice, quotations, exceptions, consistency."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact, lint, rules_for

from linter.model.findings import Finding, Severity

BIAS = "styles: [Bias]"


def found(text: str, rule_id: str) -> list[Finding]:
    return [f for f in lint(text, config=BIAS) if f.rule_id == rule_id]


def test_writers_voice_label_is_an_error() -> None:
    (f,) = found("Terrorists stormed the ministry at dawn.", "Bias.Labels")
    assert (f.severity, f.match, f.column) == (Severity.ERROR, "Terrorists", 1)
    assert "describe what they did" in f.message


def test_attributed_label_is_a_suggestion_with_the_attributed_message() -> None:
    (f,) = found("Police said the man was a terrorist.", "Bias.Labels")
    assert f.severity is Severity.SUGGESTION
    assert f.message.startswith("'terrorist' is attributed here")
    assert "quote the source directly" in f.message


@pytest.mark.parametrize("text", [
    "“These terrorists will face justice,” the minister said.",
    "«Our martyrs will not be forgotten», the commander said.",
    "“Terror suspects were held overnight,” the officer said.",
])
def test_direct_quotations_are_not_reported(text: str) -> None:
    assert lint(text, config=BIAS) == []


@pytest.mark.parametrize(("text", "rule_id"), [
    ("Parliament passed new counter-terrorism laws.", "Bias.Labels"),
    ("The bill gives anti-terrorist police new powers.", "Bias.Labels"),
    ("Officials voiced fears of terrorist attacks.", "Bias.Labels"),
    ("Laws to deter terrorists were passed in 2001.", "Bias.Labels"),
    ("He wrote a history of the war on terror.", "Bias.TerrorModifier"),
    ("The anti-terror laws were renewed.", "Bias.TerrorModifier"),
    ("Rebels claimed responsibility for the blast.", "Bias.ReportingVerbs"),
    ("The floods claimed 12 lives.", "Bias.ReportingVerbs"),
    ("She claimed the title in straight sets.", "Bias.ReportingVerbs"),
    ("The show has a cult following in Japan.", "Bias.Religion"),
    ("The firm passed on the higher costs.", "Bias.Euphemisms"),
    ("The company executed the plan.", "Bias.Military"),
    ("The People's Liberation Army held drills.", "Bias.Military"),
    ("The minister promised radical reform.", "Bias.Ideology"),
    ("So-called grid computing spreads the load.", "Bias.Doubt"),
    ("The exits are clearly marked.", "Bias.Editorializing"),
    # False-positive classes from the audit on the BBC corpus (2004-05 news).
    ("The model assumes each side has clearly-defined goals.", "Bias.Editorializing"),
    ("The coach acclaimed his players for their patience.", "Bias.Puffery"),
    ("The singer was sued in 2003 by a former manager who claimed she was owed fees.",
     "Bias.ReportingVerbs"),
    ("The firm wants damages of $2.5m, claiming the sale was rigged.", "Bias.ReportingVerbs"),
    ("The firm has taken legal action against two banks. It claims they hid the losses.",
     "Bias.ReportingVerbs"),
    ("The fraud was concealed from investors, it was claimed in court.", "Bias.ReportingVerbs"),
    ("The hosts claimed only their third win of the season over the champions.", "Bias.ReportingVerbs"),
    ("The winger slammed well over the bar from six yards.", "Bias.ReportingVerbs"),
    ("Suspects who confessed early were given shorter sentences.", "Bias.ReportingVerbs"),
    ("The alleged loss of the permits is being investigated by customs officers.", "Bias.Doubt"),
    # the verb, whose subject is the accuser
    ("The harbour was mined, the navy alleged.", "Bias.Doubt"),
    ("The ministry alleged on Monday that the port was shut.", "Bias.Doubt"),
])
def test_generic_and_technical_uses_are_excepted(text: str, rule_id: str) -> None:
    assert found(text, rule_id) == []


def test_scare_quotes_are_reported_even_when_attributed() -> None:
    (f,) = found("A spokesman described the attackers as “terrorists”, officials said.",
                 "Bias.ScareQuotes")
    assert (f.severity, f.match) == (Severity.ERROR, "“terrorists”")
    assert found("A spokesman described the attackers as “terrorists”.", "Bias.Labels") == []


def test_so_called_label_is_one_finding_not_two() -> None:
    findings = lint("The so-called freedom fighters fled.", config=BIAS)
    assert [(f.rule_id, f.match) for f in findings] == [
        ("Bias.ScareQuotes", "so-called freedom fighters")]


def test_so_called_inside_a_speakers_quotation_is_the_speakers() -> None:
    assert lint("“We will not deal with so-called martyrs,” the minister said.", config=BIAS) == []


def test_consistency_reports_the_later_label_and_names_the_first() -> None:
    text = "Gunmen attacked a bus on Monday.\nTerrorists attacked a market on Tuesday.\n"
    (f,) = found(text, "Bias.LabelConsistency")
    assert (f.line, f.column, f.match) == (2, 1, "Terrorists")
    assert "'Terrorists' here but 'Gunmen' earlier" in f.message
    assert f.message.endswith("(compare line 1, column 1)")
    assert f.fix is None


def test_consistency_ignores_labels_inside_quotations() -> None:
    text = "“Terrorists did this,” the mayor said. Gunmen opened fire again on Sunday."
    assert found(text, "Bias.LabelConsistency") == []


def test_consistency_ignores_labels_a_named_source_used() -> None:
    text = "The mayor called the men terrorists. Gunmen opened fire again on Sunday."
    assert found(text, "Bias.LabelConsistency") == []


def test_consistency_counts_a_vague_sources_label_and_skips_only_the_attributed_use() -> None:
    text = ("Police said the terrorists fled north. Gunmen fired on a ferry on Sunday. "
            "Some residents called the gunmen terrorists. The terrorists left at dawn.")
    got = [(f.match, f.column) for f in found(text, "Bias.LabelConsistency")]
    assert got == [("terrorists", 108), ("terrorists", 124)]
    assert [text[c - 1:c - 1 + len(m)] for m, c in got] == ["terrorists", "terrorists"]


def test_consistency_counts_only_labels_for_specific_people() -> None:
    """A generic use ("a US list of terrorists", "laws against militants") labels no one in
    the story: it is neither reported nor the first use others are compared with."""
    text = ("Its leader is on a US list of terrorists. Gunmen opened fire on Sunday. "
            "New laws against militants passed in May. The terrorists fled north.")
    (f,) = found(text, "Bias.LabelConsistency")
    assert (f.match, f.column) == ("terrorists", 119) and text[118:128] == "terrorists"
    assert "'terrorists' here but 'Gunmen' earlier" in f.message
    assert found("A suicide bomber killed nine people. Its leader is on a US list of terrorists.",
                 "Bias.LabelConsistency") == []


def test_substitutions_offer_neutral_words_without_a_forced_fix() -> None:
    (verb,) = found("The senator slammed the plan.", "Bias.ReportingVerbs")
    assert verb.suggestions == ("criticised",)
    (terror,) = found("Police held two terror suspects.", "Bias.TerrorModifier")
    assert terror.suggestions == ("suspects", "terrorism suspects")
    assert terror.fix is None


def test_terror_modifier_suggestions_keep_the_plural_once() -> None:
    (f,) = found("The airline warned of new terror threats.", "Bias.TerrorModifier")
    assert f.suggestions == ("threats", "terrorism threats")


def test_a_claim_outside_a_lawsuit_is_still_reported() -> None:
    (f,) = found("The company claimed that sales had doubled.", "Bias.ReportingVerbs")
    assert f.match == "claimed"


def test_euphemism_swap_is_fixable() -> None:
    (f,) = found("The singer passed away on Monday.", "Bias.Euphemisms")
    assert f.fix is not None and f.fix.replacement == "died"


def test_bias_rules_name_a_source_and_have_examples() -> None:
    rules = [r for r in rules_for(BIAS) if r.style == "Bias"]
    assert len(rules) >= 15
    for rule in rules:
        assert rule.source and rule.description, rule.id
        assert rule.examples.fail and rule.examples.pass_, rule.id


def test_labels_and_terror_modifier_agree_about_terrorist_suspects() -> None:
    """A suspect is not yet a terrorist in anyone's voice: neither rule reports "terrorist
    suspects", while "terror suspects" is the modifier rule's business alone."""
    assert [f for f in lint("Police questioned two terrorist suspects overnight.", config=BIAS)
            if f.rule_id in ("Bias.Labels", "Bias.TerrorModifier")] == []
    (f,) = [f for f in lint("Police questioned two terror suspects overnight.", config=BIAS)
            if f.rule_id in ("Bias.Labels", "Bias.TerrorModifier")]
    assert f.rule_id == "Bias.TerrorModifier"


@pytest.mark.parametrize(("text", "suggestions"), [
    ("Police raided a terror cell in Dunmere.", ("cell", "militant cell")),
    ("Police raided two terror cells in Dunmere.", ("cells", "militant cells")),
])
def test_terror_modifier_suggestions_agree_in_number(text: str, suggestions: tuple[str, ...]) -> None:
    (f,) = found(text, "Bias.TerrorModifier")
    assert tuple(f.suggestions) == suggestions


@pytest.mark.parametrize(("source", "fmt", "path"), [
    ("<p>Police said the men fled.</p>\n<blockquote><p>The terrorists came over the fence at 3am, "
     "and experts say they had help.</p></blockquote>\n<p>The terrorists fled north.</p>\n", "html", "t.html"),
    ("Police said the men fled.\n\n> The terrorists came over the fence at 3am, and experts say they "
     "had help.\n\nThe terrorists fled north.\n", "markdown", "t.md"),
])
def test_a_block_quotation_is_the_speakers_words(source: str, fmt: str, path: str) -> None:
    """A block quotation is set off by layout as a quotation is by marks: its label and its
    weasel phrase are the quoted speaker's; the writer's own label after it is reported."""
    found = lint(source, fmt=fmt, path=path)
    line = 5 if fmt == "markdown" else 3
    assert [(f.rule_id, f.match, f.line) for f in found] == [("Bias.Labels", "terrorists", line)]
    assert_spans_exact(source, found)


@pytest.mark.parametrize(("fmt", "path", "para"), [("html", "t.html", "<p>{}</p>"), ("markdown", "t.md", "{}\n")])
def test_an_inline_html_quotation_is_the_speakers_words_but_a_lone_word_in_one_is_not(
        fmt: str, path: str, para: str) -> None:
    lines = ["The mayor said <q>the terrorists will be caught, and experts say they had help</q>.",
             "Troops killed six <q>terrorists</q> near the border.",
             "Police said the men were caught. The terrorists fled north."]
    source = "\n".join(para.format(line) for line in lines) + "\n"
    found = [f for f in lint(source, fmt=fmt, path=path) if f.rule_id.startswith(("Bias.", "Sourcing.W"))]
    offset = 3 if fmt == "html" else 0
    line = (lambda n: n) if fmt == "html" else (lambda n: 2 * n - 1)
    assert [(f.rule_id, f.match, f.line, f.column) for f in found] == [
        ("Bias.Labels", "terrorists", line(2), 22 + offset), ("Bias.Labels", "terrorists", line(3), 38 + offset)]
    assert_spans_exact(source, found)


def test_a_scare_quoted_label_a_named_source_used_is_still_reported_without_asking_for_the_source() -> None:
    text = 'The rebels, who the army called "terrorists", attacked the convoy.'
    (f,) = found(text, "Bias.ScareQuotes")
    assert (f.severity.label, f.match) == ("error", '"terrorists"')
    assert "even when the source is named" in f.message and "name who said it" not in f.message
    (own,) = found('Troops killed six "terrorists" near the border.', "Bias.ScareQuotes")
    assert own.severity.label == "error" and "name who said it" in own.message


@pytest.mark.parametrize("text", [
    "The word “terrorist” appears 12 times in the report.",
    "The army used the label 'terrorist' for every protester, Voss said.",
    'Editors argued over the term "militants" for a week.',
])
def test_a_label_talked_about_as_a_word_is_no_scare_quote(text: str) -> None:
    assert found(text, "Bias.ScareQuotes") == []


@pytest.mark.parametrize(("source", "fmt", "path", "line"), [
    ('<p>Gunmen held the hotel for six hours.</p>\n<img src="a.jpg" alt="Terrorists outside the hotel">\n',
     "html", "t.html", 2),
    ("<p>Gunmen held the hotel for six hours.</p>\n<figure><figcaption>Terrorists outside the hotel on Tuesday"
     "</figcaption></figure>\n", "html", "t.html", 2),
    ("Gunmen held the hotel for six hours.\n\n- Terrorists outside the hotel\n", "markdown", "t.md", 3),
])
def test_a_caption_with_no_verb_is_read_as_a_headline(source: str, fmt: str, path: str, line: int) -> None:
    """A caption, an image's alt text or a list item that is one sentence with no verb
    names the people in it as a headline does ("are outside the hotel")."""
    found = [f for f in lint(source, fmt=fmt, path=path) if f.rule_id == "Bias.Labels"]
    assert [(f.match, f.line, f.severity) for f in found] == [("Terrorists", line, Severity.ERROR)]
    assert_spans_exact(source, found)


def test_a_verbless_sentence_in_a_longer_paragraph_is_not_a_caption() -> None:
    assert found("Gunmen held the hotel for six hours. Terrorists in the lobby, troops on the roof.",
                 "Bias.Labels") == []


@pytest.mark.parametrize("text", [
    "The regime has shut down mobile internet in the capital.",
    "Regime forces shelled the town overnight.",
    "The regime's crackdown drew condemnation from its neighbours.",
    "The regime in the capital has not commented on the raids.",
])
def test_regime_marks_the_word_not_the_words_that_tell_its_sense(text: str) -> None:
    (f,) = found(text, "Bias.Regime")
    assert f.match.lower() == "regime"
    assert f.message.startswith(f"'{f.match}' casts a government")
    assert_spans_exact(text, [f])


def test_regime_after_a_determiner_is_no_coachs_reign_when_a_squad_is_near() -> None:
    """The sporting exception ("the Voss regime", a manager's reign) needs a name before
    "regime": "The regime" opening a sentence is no name, whatever follows."""
    text = "The regime has jailed the captain of the national squad."
    (f,) = found(text, "Bias.Regime")
    assert f.column == 5
