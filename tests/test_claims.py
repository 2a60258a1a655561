"""The ``claims`` kind and the Sourcing rules: what needs a source, and what supplies one."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact, lint, rules_for

from linter.analysis import Analysis
from linter.engine.lint import Engine
from linter.kinds.base import OptionError
from linter.kinds.claims import KIND
from linter.markup import make_document
from linter.model.findings import Severity
from linter.model.rule import Rule

CONFIG = "styles: [Sourcing]"


def found(source: str, rule: str) -> list[str]:
    findings = lint(source, config=CONFIG)
    assert_spans_exact(source, findings)
    return [f.match for f in findings if f.rule_id == f"Sourcing.{rule}"]


# -- Weasel -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "phrase"),
    [
        ("Experts say the dam will not survive another flood season.", "Experts say"),
        ("It is widely thought that the governor will stand down.", "It is widely thought"),
        ("The bank reportedly lost two of its biggest clients.", "reportedly"),
        ("Many observers believe the ceasefire will hold.", "Many observers believe"),
        ("Sources said the board met twice over the weekend.", "Sources said"),
        ("Research shows that shorter shifts cut accidents.", "Research shows"),
        ("The singer has been described as the voice of a generation.", "has been described as"),
    ],
)
def test_weasel_phrases_are_reported(source: str, phrase: str) -> None:
    assert found(source, "Weasel") == [phrase]


@pytest.mark.parametrize(
    "source",
    [
        # a named source in the same sentence
        "Experts at Leeds University, led by Prof Amara Diallo, said the dam would not survive.",
        # a described anonymous source
        "A senior official at the finance ministry, who was not authorised to speak, said the board met.",
        "Sources close to the club said the manager had resigned.",
        # a company name that ends in Research names the source
        "A survey by Harbour Research shows that shorter shifts cut accidents.",
        # inside a quotation the words are the speaker's
        '"Experts say we have a decade at most," the mayor said.',
        # in a clause attributed to someone else
        "The minister said that experts say the dam is safe.",
    ],
)
def test_weasel_phrases_with_a_source_are_not_reported(source: str) -> None:
    assert found(source, "Weasel") == []


def test_a_source_named_in_the_next_sentence_clears_a_weasel_phrase() -> None:
    lead = "It is believed the talks will resume in March."
    named = " The mediator, Jonas Berg, told reporters both sides had agreed to a date."
    assert found(lead, "Weasel") == ["It is believed"]
    assert found(lead + named, "Weasel") == []


@pytest.mark.parametrize(("after", "cleared"), [
    (" They also said the currency would weaken.", False),  # the same vague analysts
    (" Officials insist the rate will hold.", False),  # the other side answering
    (" Mara Olin, chief economist at Brisk Capital, said a cut was likely.", True),
    (" The bank's chief economist said a cut was likely.", True),  # one the story has named
])
def test_the_next_sentence_clears_a_weasel_only_with_a_named_source(after: str, cleared: bool) -> None:
    text = "Analysts say the central bank will cut rates in May." + after
    assert found(text, "Weasel") == ([] if cleared else ["Analysts say"])


def test_a_source_two_sentences_later_does_not_clear_a_weasel_phrase() -> None:
    text = (
        "It is believed the talks will resume in March. Both delegations left the city."
        " The mediator, Jonas Berg, told reporters both sides had agreed to a date."
    )
    assert found(text, "Weasel") == ["It is believed"]


HEADLINE = "Bike sales boom\n\n"
LEAD = "Sales of electric bikes will double this year, research suggests.\n\n"


def test_a_lead_is_cleared_by_a_named_source_opening_the_next_paragraph() -> None:
    named = "A survey of 2,000 shops by Harbour Analytics found that demand outstripped supply.\n"
    assert found(HEADLINE + LEAD + named, "Weasel") == []
    assert found(LEAD + named, "Weasel") == []


@pytest.mark.parametrize("after", [
    "With the Tarn reader topping wish lists, there may not be enough to go round, predicts Ida Kell, editor of"
    " Orsk Gadget Weekly.\n",
    "Demand will outstrip supply by December, Ida Kell of Orsk Gadget Weekly warned.\n",
    "The Orsk Courier and the Tarn Herald say demand will outstrip supply by December.\n",
])
def test_a_lead_is_cleared_by_a_named_source_that_predicts_warns_or_says(after: str) -> None:
    lead = "Shoppers may want to buy early as experts predict a shortage of e-readers this Christmas.\n\n"
    assert found("Gadget shortage feared\n\n" + lead + after, "Weasel") == []
    assert found("Gadget shortage feared\n\n" + lead + "Demand will outstrip supply by December.\n",
                 "Weasel") == ["experts predict"]


@pytest.mark.parametrize(
    "after",
    [
        # no name with the cue
        "Demand outstripped supply in most shops, the survey found.\n",
        # the name is inside the quotation, not the speaker
        '"Harbour Analytics counted every sale," he said.\n',
    ],
)
def test_a_lead_is_not_cleared_without_a_named_source(after: str) -> None:
    assert found(HEADLINE + LEAD + after, "Weasel") == ["research suggests"]


@pytest.mark.parametrize(("after", "expected"), [
    ("Mira Voss claimed in the Orsk Courier that guards had beaten her.\n", []),
    ("Her family say she was beaten in the camp.\n", ["it is reported"]),
])
def test_a_lead_ending_it_is_reported_looks_to_the_next_paragraph(after: str, expected: list[str]) -> None:
    lead = "A jailed blogger plans to sue the state for her treatment in custody, it is reported.\n\n"
    assert found("Blogger to sue\n\n" + lead + after, "Weasel") == expected


def test_only_the_lead_looks_across_a_paragraph_break() -> None:
    body = "Experts believe prices will fall.\n\nThe mayor, Ann Lee, said she would buy one.\n"
    assert found(HEADLINE + LEAD + "Shops are busy.\n\n" + body, "Weasel") == [
        "research suggests", "Experts believe"]


def test_a_describer_named_after_the_description_clears_it() -> None:
    assert found("The offer has been described as an insult by the Nurses' Union.", "Weasel") == []


def test_reportedly_after_a_sentence_that_names_the_report_is_cleared() -> None:
    named = "The merger was revealed in a report in the Harbour Gazette. The banks reportedly met in March."
    bare = "The merger was a surprise. The banks reportedly met in March."
    assert found(named, "Weasel") == []
    assert found(bare, "Weasel") == ["reportedly"]


# -- Figures ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "figure"),
    [
        ("At least 40 people were killed when the roof fell in.", "At least 40 people were killed"),
        ("The floods left hundreds injured in the valley.", "hundreds injured"),
        ("More than 2,000 displaced families reached the camp.", "More than 2,000 displaced"),
        ("The blast tore through the market, killing 12 people.", "killing 12 people"),
        ("By Friday the death toll had risen to 85.", "death toll had risen to 85"),
        ("The death toll from Sunday's earthquake in the mountain province of Kell has risen to 212.",
         "death toll from Sunday's earthquake in the mountain province of Kell has risen to 212"),
        ("Fighters massacred 40 villagers in the valley.", "massacred 40 villagers"),
        ("Twelve prisoners were executed at dawn.", "Twelve prisoners were executed"),
        # a source in a relative clause speaks of the noun it describes, not of the toll
        ("Six people died in the fire, which police said was started deliberately.", "Six people died"),
        ("Hundreds of people have been detained since the vote, which the opposition says was rigged.",
         "Hundreds of people have been detained"),
    ],
)
def test_casualty_figures_without_a_source_are_reported(source: str, figure: str) -> None:
    assert found(source, "Figures") == [figure]


@pytest.mark.parametrize(
    "source",
    [
        "At least 40 people were killed when the roof fell in, the fire service said.",
        "At least 40 people were killed, according to hospital figures.",
        "The ministry, which said 40 people were hurt, closed the road.",  # the relative's words hold it
        'A nurse said: "I counted 40 people dead in the corridor."',
        "The 35-year-old was aged 35 when the club signed him in 2004.",
        "Rovers won 3-1 and climbed to fifth place on 12 March.",
        "The company said profits rose 12% to $4.2bn.",
    ],
)
def test_sourced_or_harmless_numbers_are_not_reported(source: str) -> None:
    assert found(source, "Figures") == []


def test_a_cue_anywhere_in_the_paragraph_clears_a_figure() -> None:
    bare = "At least 40 people were killed. Rescuers worked through the night."
    sourced = bare + " The toll was confirmed by the regional health ministry."
    assert found(bare, "Figures") == ["At least 40 people were killed"]
    assert found(sourced, "Figures") == []


def test_a_story_run_into_one_line_is_no_paragraph() -> None:
    """Two sentences either side of the figure's are its paragraph, at most: wire copy
    on one line would otherwise let any cue in the story clear every figure in it."""
    said = "The regional health ministry said schools would shut. "
    filler = "The road north was closed. Rain fell all day. Shops stayed shut. "
    figure = "At least 40 people were killed."
    assert found(said + filler + figure, "Figures") == ["At least 40 people were killed"]
    assert found(said + "Rain fell all day. " + figure, "Figures") == []  # two sentences back
    gunmen = "Gunmen stormed the depot."
    assert found(said + filler + gunmen, "Accusations") == ["stormed"]
    assert found(gunmen + " " + filler + said, "Accusations") == ["stormed"]


def test_a_cue_in_another_paragraph_does_not_clear_a_figure() -> None:
    text = "At least 40 people were killed.\n\nThe regional health ministry said schools would shut."
    assert found(text, "Figures") == ["At least 40 people were killed"]


@pytest.mark.parametrize(("headline", "lede", "figure"), [
    # a count ends the headline, and the story opens with one
    ("Blast at chemical plant kills four", "Four workers died in a blast on Thursday.", "Four workers died"),
    ("Bus plunges into river, killing 12", "Twelve passengers died when a bus left the road.",
     "Twelve passengers died"),
    # a blank line of spaces, and a paragraph wrapped across lines
    ("Blast kills four\n ", "Four workers\ndied on Thursday.", "Four workers\ndied"),
])
def test_a_headline_count_does_not_hide_the_first_paragraph_figure(headline: str, lede: str, figure: str) -> None:
    assert found(f"{headline}\n\n{lede}\n", "Figures") == [figure]
    # in HTML, where the headline and the paragraph are elements, not lines
    html = f"<h1>{headline}</h1><p>{lede}</p>"
    assert [f.match for f in lint(html, "html", CONFIG, "t.html") if f.rule_id == "Sourcing.Figures"] == [figure]


# -- Accusations --------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "verb"),
    [
        ("Gunmen stormed a checkpoint outside the town on Sunday.", "stormed"),
        ("Troops later torched several houses near the border.", "torched"),
        ("Dozens of shops were looted overnight.", "looted"),
        ("An aid worker was kidnapped on the road to the airport.", "kidnapped"),
        ("Gunmen linked to the group killed a farmer near the dam.", "killed"),  # four words between
        ("A trader was killed in a bomb blast at the market.", "killed"),  # a bomb's blast
        ("Gunmen in Orsk on Tuesday stormed the depot.", "stormed"),  # a place and a day between
    ],
)
def test_accusations_without_a_source_are_reported(source: str, verb: str) -> None:
    assert found(source, "Accusations") == [verb]


def test_a_killing_told_with_its_count_is_reported_once_by_figures() -> None:
    text = "Three people were killed in a bomb blast at the market."
    assert found(text, "Figures") == ["Three people were killed"]
    assert found(text, "Accusations") == []  # deferred: one source answers both


@pytest.mark.parametrize("source", [
    "Two soldiers were killed in a crash on the coast road.",  # victims, not doers, before the verb
    "Two workers were killed in an explosion at a fireworks factory.",
])
def test_actors_as_victims_of_a_harmless_cause_are_no_accusation(source: str) -> None:
    assert found(source, "Accusations") == []


@pytest.mark.parametrize("source", [
    # a headline's actor and the next paragraph's verb are no accusation
    "Gunmen attack Orsk depot\n\nGunmen attacked the depot on Tuesday, police said.\n",
    "Fighters of the Orvel Front killed two men.",  # a capitalised name names the doer
])
def test_an_actor_reaches_its_verb_within_the_paragraph_and_before_a_name(source: str) -> None:
    assert found(source, "Accusations") == []


def test_a_legal_process_clears_an_accusation() -> None:
    source = "Four protesters who stormed the council chamber have been charged with disorderly conduct."
    assert found(source, "Accusations") == []


@pytest.mark.parametrize(
    "source",
    [
        "Gunmen stormed a checkpoint outside the town on Sunday, police said.",
        "Dozens of shops were looted overnight, according to residents.",
        "Four walkers were killed in an avalanche on the northern ridge.",
        "Two drivers were killed when their lorries collided in fog.",
        "The convoy was ambushed by a rival militia near the river.",
        "Aid workers fear they could be kidnapped on the airport road.",
    ],
)
def test_attributed_and_accidental_deaths_are_not_reported(source: str) -> None:
    assert found(source, "Accusations") == []


# -- UnattributedQuotes -------------------------------------------------------


def test_a_quotation_with_no_speaker_nearby_is_reported() -> None:
    text = "The hall was silent before the vote.\n\n\"We have waited eleven years for this day.\""
    assert found(text, "UnattributedQuotes") == ['"We have waited']


@pytest.mark.parametrize(
    "text",
    [
        '"We have waited eleven years for this day," said Ana Ruiz.',
        "Ms Ruiz spoke after the vote.\n\n\"We have waited eleven years for this day.\"",
        "The hall was silent.\n\n\"We have waited eleven years for this day.\" The words were Ana Ruiz's, who said the fight was over.",
        'Ms Ruiz: "We have waited eleven years for this day."',
        'The union called the offer "an insult to every nurse in the country" on Monday.',
        'Her single "Nobody Told Me About The Rain" went straight to number one.',
        'It was, she said, "fine".',
        '"We lost everything. It was a massacre," a witness said.',  # the speaker after its last sentence
        'The witness said: "We ran. They burned everything."',
        "The minister said: “We doubled the grant.\n\n“It was a triumph.”\n",  # a quotation continued
    ],
)
def test_attributed_partial_and_titled_quotations_are_not_reported(text: str) -> None:
    assert found(text, "UnattributedQuotes") == []


def test_only_the_first_quotation_of_an_unattributed_run_is_reported() -> None:
    text = (
        "The hall was silent before the vote.\n\n"
        "\"We have waited eleven years for this day.\" \"Nobody will take it from us now.\""
    )
    assert found(text, "UnattributedQuotes") == ['"We have waited']


# -- Options ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "rule"), [
    # a weasel phrase inside a quotation, which the rule does not read: nothing to source
    ('The mayor said: "Some believe the bridge will fall, and they may be right."', "Sourcing.Weasel"),
    # a figure whose paragraph names a data source: the frames are not needed
    ("The census counted 40 people made homeless by the flood. Police said the river rose.",
     "Sourcing.Figures"),
])
def test_a_claim_the_rule_cannot_report_tags_no_sentence(text: str, rule: str) -> None:
    """Tagging is the dearest step: a candidate the rule would drop anyway (quoted, or
    cleared by one of the rule's own cues) is settled before any sentence is tagged."""
    [chosen] = [r for r in rules_for(CONFIG) if r.id == rule]
    findings, an = Engine([chosen]).analyse(make_document("t.txt", text, "text"))
    assert findings == []
    assert not an._parses


def _build(**keys: object) -> object:
    values = {**(KIND.defaults or {}), **keys}
    return KIND.build(values)


def test_a_weasel_rule_needs_triggers() -> None:
    with pytest.raises(OptionError) as err:
        _build(claim="weasel")
    assert err.value.key == "triggers"


def test_an_accusation_rule_needs_verbs() -> None:
    with pytest.raises(OptionError) as err:
        _build(claim="accusation", actors=("gunmen",))
    assert err.value.key == "verbs"


def test_a_bad_trigger_names_its_key() -> None:
    with pytest.raises(OptionError) as err:
        _build(claim="figure", triggers=("(unclosed",))
    assert err.value.key == "triggers"


def test_a_claim_group_narrows_the_span() -> None:
    opts = _build(claim="weasel", triggers=(r"many (?P<claim>pundits) agree",), ignorecase=True)
    rule = Rule(id="T.T", kind="claims", path="t", message="%s", level=Severity.WARNING, options=opts)
    doc = make_document("t.txt", "Many pundits agree the plan is dead.", "text")
    assert [(h.start, h.end, h.args) for h in KIND.find(doc, Analysis(doc), rule)] == [(5, 12, ("pundits",))]


def _figures(text: str, **keys: object) -> list[str]:
    opts = _build(claim="figure", triggers=(r"killed \d+ people",), ignorecase=True, **keys)
    rule = Rule(id="T.T", kind="claims", path="t", message="%s", level=Severity.WARNING, options=opts)
    doc = make_document("t.txt", text, "text")
    return [text[h.start:h.end] for h in KIND.find(doc, Analysis(doc), rule)]


@pytest.mark.parametrize(("text", "background"), [
    ("A storm killed 300 people in 1998.", True),
    ("A storm killed 300 people on Monday, the worst since 1998.", False),
    ("A storm killed 300 people on Monday in 1998.", False),  # a recent day makes it news
    ("A storm has killed 300 people since it struck in 1998.", False),  # told as still true
    ("A storm killed 300 people off the coast.", False),
])
def test_a_history_pattern_makes_a_dated_claim_background(text: str, background: bool) -> None:
    assert _figures(text) == ["killed 300 people"]  # no history key: always a claim
    assert _figures(text, history=(r"\bin (?:19|20)\d\d\b",)) == ([] if background else ["killed 300 people"])


def test_a_bad_history_pattern_names_its_key() -> None:
    with pytest.raises(OptionError) as err:
        _build(claim="figure", triggers=("killed",), history=("(unclosed",))
    assert err.value.key == "history"


def _accusations(text: str, **keys: object) -> list[str]:
    opts = _build(claim="accusation", passives=("killed", "stabbed"), benign=("crash",), ignorecase=True, **keys)
    rule = Rule(id="T.T", kind="claims", path="t", message="%s", level=Severity.WARNING, options=opts)
    doc = make_document("t.txt", text, "text")
    return [text[h.start:h.end] for h in KIND.find(doc, Analysis(doc), rule)]


@pytest.mark.parametrize(("text", "with_accidental"), [
    ("A man was killed in a crash on the bypass.", []),
    ("A man was stabbed after a crash on the bypass.", ["stabbed"]),  # no crash stabs
    ("A man was stabbed on the bypass.", ["stabbed"]),
])
def test_a_benign_cause_excuses_only_the_accidental_passives(text: str, with_accidental: list[str]) -> None:
    # without the key, a benign cause in the sentence excuses every passive in it
    assert _accusations(text) == ([] if "crash" in text else ["stabbed"])
    assert _accusations(text, accidental=("killed",)) == with_accidental
