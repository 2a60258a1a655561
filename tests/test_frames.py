"""Attribution frames one by one: their kind, source and content (the judgement fixtures
test the findings the rules build on them)."""

from __future__ import annotations

import pytest

from linter.analysis import Analysis, Voice
from linter.analysis.frames import Frame
from linter.analysis.tagging import _tagger, tag_span
from linter.analysis.tagging.repairs import repair
from linter.markup import make_document


def frames_of(text: str) -> list[tuple[Frame, str, str | None, str]]:
    """Each frame of the one-sentence ``text`` with its cue, source and content as text."""
    an = Analysis(make_document("t.txt", text, "text"))
    return [(f, text[slice(*f.cue)], text[slice(*f.source)] if f.source else None, text[slice(*f.content)])
            for f in an.frames_at(0)]


def voice(text: str, word: str, nth: int = 0) -> Voice:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Analysis(make_document("t.txt", text, "text")).voice(start, start + len(word))


def specific(text: str, word: str, heads: frozenset[str] | None) -> bool:
    """Whether the first ``word`` in ``text`` (in any case) refers to someone in particular."""
    start = text.lower().index(word)
    return Analysis(make_document("t.txt", text, "text")).specific(start, start + len(word), heads)


def chunk_words(text: str) -> list[str]:
    """The noun phrases of the one-sentence ``text``, each as its words."""
    parse = Analysis(make_document("t.txt", text, "text")).parse_at(0)
    assert parse is not None
    return [" ".join(t.text for t in parse.tokens[c.first:c.last + 1]) for c in parse.chunks]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The mayor called for the men to be tried in Corvel.", "called for", "the men to be tried in Corvel."),
    ("The union demanded that the owners reopen the mill.", "demanded", "that the owners reopen the mill."),
    # a demand ends where a clause of time or cause begins: the deaths are the writer's report
    ("Stallholders want the market rebuilt after 40 people died.", "want", "the market rebuilt "),
])
def test_a_demand_is_an_act_that_sources_only_its_content(text: str, cue: str, content: str) -> None:
    [(frame, found_cue, source, found)] = frames_of(text)
    assert (frame.kind, found_cue, found) == ("act", cue, content)
    assert source is not None and not frame.vague
    assert not frame.speech  # no source for a figure elsewhere in the sentence


@pytest.mark.parametrize(("text", "cue", "source", "content"), [
    ("The ministry's statement was blunt: the men are guilty.", "statement", "The ministry's", "the men are guilty."),
    ("Ivo Brandt had a message for the strikers: go home.", "message", "Ivo Brandt", "go home."),
    ("The reply from the port was a curt one: no comment.", "reply", "the port", "no comment."),
    # at the start of a sentence, a thing said needs no owner: the story has just named it
    ("The statement was brief: the men had fled.", "statement", "The statement", "the men had fled."),
])
def test_a_reporting_noun_attributes_the_words_after_its_colon(text: str, cue: str, source: str,
                                                               content: str) -> None:
    [(frame, found_cue, found_source, found)] = [f for f in frames_of(text) if f[0].kind == "noun"]
    assert (found_cue, found_source, found) == (cue, source, content)
    assert not frame.vague


@pytest.mark.parametrize("text", [
    "The weather was clear: the men landed at dawn.",
    "The conclusion was obvious: the men had planned it.",  # may be the writer's own
    "A statement was due at noon, and then: nothing.",
])
def test_no_noun_frame_without_a_thing_said_before_the_colon(text: str) -> None:
    assert [f for f in frames_of(text) if f[0].kind == "noun"] == []


@pytest.mark.parametrize(("text", "cue", "source", "content", "vague"), [
    ("Voss's description of the men as terrorists angered the union.", "description", "Voss", "terrorists",
     False),
    ("Her portrayal of the strikers as thugs drew protests.", "portrayal", "Her", "thugs", False),
    ("The listing of the Front as a terrorist group by the US was lifted.", "listing", "the US",
     "a terrorist group", False),
    ("The branding of the men as terrorists by critics was unfair.", "branding", "critics", "terrorists", True),
])
def test_a_noun_of_naming_gives_its_owner_the_words_after_as(text: str, cue: str, source: str, content: str,
                                                             vague: bool) -> None:
    [(frame, found_cue, found_source, found)] = [f for f in frames_of(text) if f[1] == cue]
    assert (found_cue, found_source, found, frame.vague) == (cue, source, content, vague)


@pytest.mark.parametrize("text", [
    "The description of the dockers as terrorists is wrong.",  # no owner: no one's words
    "Voss's description of the port was vivid.",  # no "as": no label given
])
def test_no_naming_frame_without_an_owner_and_as(text: str) -> None:
    assert not [f for f in frames_of(text) if text[slice(*f.cue)] in ("description",)]


def test_evidence_without_that_sources_only_its_content() -> None:
    [(frame, cue, source, content)] = frames_of("Figures showed exports had grown by 4% last year.")
    assert (frame.kind, cue, source, content) == ("evidence", "showed", "Figures",
                                                  "exports had grown by 4% last year.")
    assert not frame.speech
    [(frame, *_)] = frames_of("The inquiry found that the guard had been bribed.")
    assert frame.kind == "verb" and frame.speech


@pytest.mark.parametrize(("text", "expected"), [
    ("The raid on the depot shows the men are growing bolder.", Voice.OWN),  # an event: inference
    ("It shows that the men planned the raid for months.", Voice.OWN),
    ("The Orsk raid indicates that the men had help.", Voice.OWN),  # a name that heads nothing
    ("Police records show the men were moved to Orsk.", Voice.ATTRIBUTED),
    ("A poll of voters in the port showed that the men were trusted.", Voice.ATTRIBUTED),
    ("Her aides indicated that the men had left.", Voice.ATTRIBUTED),
    ("Audit files from Kell Data show that the men searched the records.", Voice.ATTRIBUTED),
    ("The army issued a report which shows that the men are growing bolder.", Voice.ATTRIBUTED),
])
def test_show_and_indicate_attribute_only_for_a_source_or_evidence(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize("text", [
    "Divers found the boat wedged under the pier.",  # a participle, not a clause
    "Residents saw the men drive off towards the coast.",  # seeing without "as"
    "Voters stayed away, casting few ballots in the north.",  # a participle without "as"
    "Residents fled, seeing the smoke rise over the hills.",
    "The Front hailed the verdict.",  # praise without "as"
    "Residents saw the gunmen as they fled.",  # "as" opening a clause of time: no view
    "Crowds hailed the fighters as the convoy passed.",
    "Voss sees the gunmen as if they were soldiers.",
    "The town is widely seen as a haven for smugglers.",  # the weasel's own phrase
    "The problem: the men fled north.",  # a colon after words that name no speaker
    "Kell's new harbour: open for trade",
])
def test_no_frame(text: str) -> None:
    assert frames_of(text) == []


def test_a_view_needs_as_and_ends_before_another_source() -> None:
    [(view, cue, source, content), (claim, *_)] = frames_of(
        "The mayor sees housing as her first task but critics claim she has built nothing.")
    assert (cue, source, content) == ("sees", "The mayor", "housing as her first task ")
    assert view.thought and claim.vague


@pytest.mark.parametrize(("text", "source"), [
    ("The port authority and its director, Anna Roke, confirmed that the men had left.", "Anna Roke"),
    ("Mayor Lund and Chief Orsk both stressed that the men had left.", "Mayor Lund and Chief Orsk"),
    ("Senator Ilsa Maren (D-Kell.) said the men had left.", "Senator Ilsa Maren"),
    ("Ivo Brandt - the club's coach - said the men had left.", "Ivo Brandt"),  # a spaced hyphen is a dash
    ("Ivo Brandt, a coach based in Orsk, said the men had left.", "Ivo Brandt"),
])
def test_subjects_across_appositives_brackets_and_floating_words(text: str, source: str) -> None:
    [(_, _, found, content)] = frames_of(text)
    assert found == source and content.endswith("the men had left.")


def test_a_source_is_the_writers_words() -> None:
    text = "The attack, according to a spokesman for the army, was planned for weeks."
    assert voice(text, "planned") is Voice.ATTRIBUTED
    assert voice(text, "spokesman") is Voice.OWN


def test_a_speaker_label_runs_to_the_end_of_its_paragraph() -> None:
    text = "Mr Tarrant: We heard the engines first. Then the men came down the hill.\n\nThe men were caught."
    assert voice(text, "engines") is Voice.ATTRIBUTED
    assert voice(text, "hill") is Voice.ATTRIBUTED
    assert voice(text, "caught") is Voice.OWN
    assert voice("Update: The ferry has sailed. The men were caught.", "caught") is Voice.OWN


def test_one_subject_two_verbs_is_one_clause_for_a_trailing_cue() -> None:
    text = "The men have been held since May, and should be tried soon, the ministry says."
    assert voice(text, "held") is Voice.ATTRIBUTED
    assert voice("The men fled, and police said roads were shut.", "fled") is Voice.OWN


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("The feud, Ivo Brandt writes, started in May.", "writes", "VBZ"),
    ("Councillors Ana Reis and Tom Vell say the road is shut.", "say", "VBP"),
    ("The men the US regards as terrorists fled north.", "regards", "VBZ"),  # seeing before "as"
    ("The port, which Tamm views as a prize, is shut.", "views", "VBZ"),
    ("His views as a minister were plain.", "views", "NNS"),  # after a possessive: a noun
])
def test_reporting_verb_forms_the_tagger_reads_as_nouns(text: str, word: str, tag: str) -> None:
    tokens = tag_span(text, 0, len(text))
    assert next(t.tag for t in tokens if t.text == word) == tag


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The men crossed the river at night, prison records show.", "show", "The men crossed the river at night"),
    ("Surveys show the mayor narrowly trailing her rival.", "show",
     "the mayor narrowly trailing her rival."),
    ("The men moved their camp in May, a new survey indicates.", "indicates", "The men moved their camp in May"),
    # (a noun the model read as an adverb after its article: "A tally/RB by ...")
    ("A tally by the Orsk Courier shows 40 people were killed.", "shows", "40 people were killed."),
])
def test_evidence_trailing_or_with_a_participle(text: str, cue: str, content: str) -> None:
    [(frame, found_cue, _, found)] = frames_of(text)
    assert (frame.kind, found_cue, found) == ("evidence", cue, content)


def test_a_reflexive_object_is_no_clause() -> None:
    assert frames_of("The ferry found itself stuck in the ice for a week.") == []


@pytest.mark.parametrize("text", [
    "The men will be tried in Corvel, Phil Ostra told reporters earlier this week.",
    "The men will be tried in Corvel, the prosecutor told her.",
    "The men will be tried in Corvel, the state agency quoted Voss as saying.",
    "The men will be tried in Corvel, the agency quoted him as saying on Monday.",
])
def test_a_trailing_tell_or_quote_skips_the_person(text: str) -> None:
    assert voice(text, "tried") is Voice.ATTRIBUTED


def test_called_on_is_a_demand_past_whom_it_addresses() -> None:
    """The army is the writer's name for whom the mayor called on; the demand is the mayor's."""
    [(frame, cue, _, content)] = frames_of("The mayor called on the army to find the men.")
    assert (frame.kind, cue, content) == ("act", "called on", "to find the men.")


def test_a_plural_read_as_a_verb_before_said() -> None:
    """The model's slip in "Amsel aides/VBZ said/VBN the talks ...", repaired."""
    words = ["Amsel", "aides", "said", "the", "talks", "had", "stalled", "."]
    tags = repair(words, ["NNP", "VBZ", "VBN", "DT", "NNS", "VBD", "VBN", "."], _tagger())
    assert tags[1:3] == ["NNS", "VBD"]
    words = ["She", "has", "said", "it", "."]
    assert repair(words, ["PRP", "VBZ", "VBN", "PRP", "."], _tagger())[1:3] == ["VBZ", "VBN"]


@pytest.mark.parametrize(("text", "source", "content"), [
    # a time or a place between the verb and its clause, no "that"
    ("Police said on Friday the men had fled.", "Police", "the men had fled."),
    ("The ministry said in a statement it had closed the depot.", "The ministry", "it had closed the depot."),
    ("Oskar Lind said on Friday he had met the men.", "Oskar Lind", "he had met the men."),
    # dashes typed as hyphens around a relative clause; an abbreviation between commas
    ("The mayor - who was elected in May - said the men had left.", "The mayor", "the men had left."),
    ("The mayor -- who was elected in May -- said the men had left.", "The mayor", "the men had left."),
    ("Senator Ada Voss, D-Kell., said the men had left.", "Senator Ada Voss", "the men had left."),
    # a subject whose phrase ends in another noun
    ("The men left the port, people close to the mayor say.", "people", "The men left the port"),
    # ... or in a participle's agent: the statement speaks, not the board that issued it
    ("The men left the port, the statement issued by the board said.", "the statement", "The men left the port"),
    # a plain present tense the model read as an infinitive
    ("Farmers, like their neighbours, say the men took the grain.", "Farmers", "the men took the grain."),
    ("The workers returned last week and say the men had looted the sheds.", "The workers",
     "the men had looted the sheds."),
    ("Forty-two percent of those surveyed in Kell say the men should leave.", "Forty-two percent",
     "the men should leave."),
])
def test_wire_copy_shapes_of_a_reporting_verb(text: str, source: str, content: str) -> None:
    [(frame, _, found_source, found)] = frames_of(text)
    assert (frame.kind, found_source, found) == ("verb", source, content)


@pytest.mark.parametrize("text", [
    "Can he maintain the men are gone?",  # a question's infinitive
    "Does the mayor grow weary and say the wrong thing at rallies?",  # coordinated with an infinitive
    "Under the old rules, said the men had left.",  # no inverted subject before a verb of its own
])
def test_no_frame_for_an_infinitive_or_a_subject_with_its_own_verb(text: str) -> None:
    assert frames_of(text) == []


def test_a_passive_takes_its_subject_only_before_an_infinitive_and_with_an_agent() -> None:
    assert voice("The men are said by police to have fled.", "men") is Voice.ATTRIBUTED
    assert voice("The story of the men - who held the port - was told in a film.", "men") is Voice.OWN
    # with no one saying it, the subject is the writer's description: what is thought starts at "to"
    assert voice("The men are thought to have fled.", "men") is Voice.OWN
    assert voice("The men are thought to have fled.", "fled") is Voice.VAGUE


def test_noun_phrases_split_where_a_clause_begins() -> None:
    """A determiner or a pronoun after a noun starts a new noun phrase: "on Friday | the men"."""
    assert chunk_words("Police said on Friday the men had fled.") == ["Police", "Friday", "the men"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The port will reopen, the mayor said, although the men still hold the road.", Voice.ATTRIBUTED),
    ("The port will reopen, the mayor said, and the men have left.", Voice.ATTRIBUTED),
    ("The port will reopen, the mayor said; the men have left.", Voice.OWN),
    ("The mayor said the port would reopen, and the men left hours later.", Voice.OWN),
])
def test_a_cue_inside_the_sentence_gives_the_speaker_the_sentence(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor said the port had closed, and the men would be paid off.", Voice.ATTRIBUTED),
    ("The mayor said the port had closed, and the men had been paid off.", Voice.ATTRIBUTED),
    ("The mayor said the port had closed, and the men were paid off on Monday.", Voice.OWN),
    ("The mayor said the port had closed, and the men had a week's pay.", Voice.OWN),  # "had" no auxiliary
])
def test_reported_words_go_on_in_a_clause_shifted_back(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize(("text", "source"), [
    # the noun phrase before the asides is an object: the subject follows the verb
    ("The mayor lacks support from farmers, whom the men robbed, said Nell Ambo, a trader.", "Nell Ambo"),
    # a bracket, then a comma; two appositives after an abbreviation
    ("Senator Ada Voss (D-Kell.), said after a lunch that the men had left.", "Senator Ada Voss"),
    ("Ada Voss, D-Kell., a long-shot candidate, said the men had left.", "a long-shot candidate"),
    # relative clauses and parentheses in a row, dashes inside a parenthesis, a quotation
    # closing a parenthesis
    ("Ada Voss, who chairs the farm committee, which oversees the port, said the men had left.",
     "Ada Voss"),
    ("Ada Voss, meanwhile, who sits on the port board, said the men had left.", "Ada Voss"),
    ("Ada Voss, later alleging - again falsely - that the mayor had lied, said the men had left.",
     "Ada Voss"),
    ("Ada Voss, citing 'the port's long history,' said the men had left.", "Ada Voss"),
    # a participle after the noun: who was asked, not a second verb
    ("Some 56 percent of the residents polled said the men had left.", "the residents"),
    # a determiner and an adjective before a reporting verb: the tagger's adjective is the speaker
    ("The men had left by noon, the admiral said.", "the admiral"),
    ("Ada Voss, who chairs the farm committee that runs the port, which oversees the fleet, "
     "said the men had left.", "Ada Voss"),
])
def test_the_source_across_asides(text: str, source: str) -> None:
    # (a participle set off after the subject is the subject's too: "Ada Voss, citing ...,")
    found = [(frame.kind, src) for frame, _, src, _ in frames_of(text)]
    assert found and all(pair == ("verb", source) for pair in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("The port lost half its trade, and the men cut the road, said Nell Ambo, a trader.", Voice.ATTRIBUTED),
    ("Any fair reading of the demands the men made, said Nell Ambo, an expert, would find them modest.",
     Voice.ATTRIBUTED),
    ("Many farmers did not trust the men, Nell Ambo said in putting the question to the mayor.",
     Voice.ATTRIBUTED),
    ("Tamm is calm again, they say, although the men still hold the road.", Voice.ATTRIBUTED),
    ("Since May, the town has responded by arresting the men.", Voice.OWN),  # an act, not words
])
def test_trailing_and_inverted_cues(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The men cut the road, and the port lost half its trade, Ms Ambo said.", Voice.ATTRIBUTED),
    ("The men cut the road, and the port lost half its trade, said Nell Ambo, a trader.", Voice.ATTRIBUTED),
    ("The men hold the north, while the army holds the coast, according to the Tamm Institute.",
     Voice.ATTRIBUTED),
    ("The men hold the north; the army holds the coast, according to the Tamm Institute.", Voice.OWN),
    ("The men hold the north; the army holds the coast, Ms Ambo said.", Voice.OWN),
    ("Portraits of the men hung from every post, and according to the organisers 500 people joined the march.",
     Voice.OWN),
])
def test_a_trailing_cue_reports_every_clause_back_to_a_semicolon(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


def test_an_answer_is_the_interviewee_s_only_in_a_document_that_asks() -> None:
    interview = "Q: Where were you that night?\n\nA: We hid from the men in a barn. Then the men left."
    assert voice(interview, "men") is Voice.ATTRIBUTED
    assert voice(interview, "men", 1) is Voice.ATTRIBUTED  # the answer's later sentence
    assert voice("Q: Why did the men come back?\n\nA: We do not know.", "men") is Voice.OWN
    assert voice("A: We hid from the men in a barn.", "men") is Voice.OWN  # no question: no interview


_TRANSCRIPT = ("COURIER: Who came?\n\nTAMM: The men came at night. Then the men left.\n\n"
               "COURIER: And then?\n\nJON KELL: The men cut the wires.\n\nThe men fled.")


@pytest.mark.parametrize(("text", "nth", "expected"), [
    (_TRANSCRIPT, 0, Voice.ATTRIBUTED),  # a label in capitals in a transcript: a speaker
    (_TRANSCRIPT, 1, Voice.ATTRIBUTED),  # the answer's later sentence
    (_TRANSCRIPT, 2, Voice.ATTRIBUTED),  # a label of two words, once, inside the transcript
    (_TRANSCRIPT, 3, Voice.OWN),  # the paragraph after the transcript
    ("ISLAMABAD: The men came at night.", 0, Voice.OWN),  # a dateline
    ("NEW YORK: The men came at night.", 0, Voice.OWN),
    ("LONDON: The men came.\n\nPARIS: Police fled.\n\nROME: Nobody came.", 0, Voice.OWN),  # briefs
    ("TAMM: The men came.\n\nCOURIER: Why?\n\nThe men fled.\n\nTAMM: No.", 0, Voice.OWN),  # no run of 3
])
def test_a_label_in_capitals_is_a_speaker_only_in_a_transcript(text: str, nth: int, expected: Voice) -> None:
    assert voice(text, "men", nth) is expected


def test_transcript_labels_come_from_a_run_of_labelled_paragraphs_with_a_label_come_back() -> None:
    from linter.analysis.sentences import transcript_labels

    an = Analysis(make_document("t.txt", _TRANSCRIPT, "text"))
    assert transcript_labels(_TRANSCRIPT, an.sentences.paragraphs) == {"COURIER", "TAMM", "JON KELL"}
    # a speaker comes back by surname, past a stage direction
    text = "ADA VOSS: Hello.\n\n(BEGIN VIDEO CLIP)\n\nJON KELL: Hi.\n\n...\n\nVOSS: Why?\n\nShe left."
    an = Analysis(make_document("t.txt", text, "text"))
    assert transcript_labels(text, an.sentences.paragraphs) == {"ADA VOSS", "JON KELL", "VOSS"}
    text = "ADA VOSS: Hello.\n\nJON KELL: Hi.\n\nIVO BRANDT: Why?"  # no one comes back
    an = Analysis(make_document("t.txt", text, "text"))
    assert transcript_labels(text, an.sentences.paragraphs) == frozenset()


@pytest.mark.parametrize(("text", "expected"), [
    ("Here is what each needs.\n\nVoss: Beat the men at the polls.\n\nShe leads.", Voice.OWN),  # a subheading
    ("Mr Tarrant: The men came at night.", Voice.ATTRIBUTED),  # a title: a speaker
    ("Here is the latest.\n\nPolice: The men fled north.\n\nShe leads.", Voice.ATTRIBUTED),  # a source noun
    ("Voss: We kept the men out of Tamm for a whole year, and we will again.", Voice.ATTRIBUTED),  # a speech
    ("Voss: Beat the men.\nThen we ran home to the farm.", Voice.ATTRIBUTED),  # the paragraph goes on
    ("Tamm: The men must go\n\nThe mayor spoke on Tuesday.", Voice.ATTRIBUTED),  # the story's headline
    ("Profile: The men of the port\n\nThey came in 1990.", Voice.OWN),  # a section label
    # a subheading on the line right above a paragraph written on one long line
    ("Here is the latest.\n\nVoss: Hold on\nIf Voss wins the vote, as she did in 2019, the men on the "
     "ferries will keep their jobs for a second winter and the port will stay open.", Voice.OWN),
])
def test_a_subheading_is_no_speaker_label(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The port is shut, and according to the organisers 500 men marched.", Voice.ATTRIBUTED),
    ("According to police the men fled across the border.", Voice.ATTRIBUTED),
    ("Portraits of the men hung from every post, and according to the organisers 500 people marched.",
     Voice.OWN),
])
def test_according_to_with_no_comma_after_its_source(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


def test_a_lone_past_tense_at_the_end_of_its_clause_is_finite() -> None:
    """"... 500 people marched." is a clause of its own; "found the men injured." is not."""
    an = Analysis(make_document("t.txt", "The port is shut, and 500 people marched.", "text"))
    parse = an.parse_at(0)
    assert parse is not None and [g.finite for g in parse.groups] == [True, True]
    from linter.analysis.tagging import Token
    from linter.analysis.verb_groups import groups

    def tagged(pairs: str) -> list[Token]:
        return [Token(0, 0, word, tag, word.lower()) for word, tag in (p.split("/") for p in pairs.split())]

    ran = groups(tagged("The/DT port/NN is/VBZ shut/JJ ,/, and/CC 500/CD people/NNS marched/VBN ./."))
    assert [g.finite for g in ran] == [True, True]
    found = groups(tagged("The/DT patrol/NN found/VBD the/DT men/NNS wounded/VBN ./."))
    assert [g.finite for g in found] == [True, False]  # a finite verb before it in its clause


@pytest.mark.parametrize("text", [
    "The council maintained its ban on the flag.",  # an object alone after a verb of saying
    "Ada Voss wrote the foreword to the new history.",
    "Tom Kell tweeted a photo of the crossing.",
    "The mayor responded to the attack by closing the road.",
    "Ada Voss took the town, claiming the old fort for the army.",
    "The ministry did not respond to questions about the raid.",  # negated
    "Police never said who had crossed the river.",
    "The council called a meeting after the raid.",  # call with no name
    "She sang in a band called the Larks.",
    "The Courier reported on the harbour accounts.",  # a topic, not words
    "Nobody said where the ferry went.",
    "No official said where the ferry went.",  # a subject that names no one
    "None of the ministers said why the ferry was late.",
    "Neither side said how the men crossed the river.",
    "I hope the valley is quiet by winter.",  # the writer
    "It is fair to say that the valley is quiet.",
    "Considering the weather, the vote was calm.",
    "Only time will tell whether the port reopens.",
    "The vote promised to be close for Ada Voss.",
    "The talks changed her thinking on the port.",
    "She knew the men had crossed the river.",  # the writer asserts what someone knows
])
def test_verbs_that_report_no_words_here(text: str) -> None:
    assert frames_of(text) == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The army added that the men had crossed the river.", "added", "that the men had crossed the river."),
    ("Ms Voss wrote in a column that the men had won.", "wrote", "that the men had won."),
    ("The feud, Ivo Brandt wrote, began when the men reached the coast.", "wrote",
     "The feud, Ivo Brandt wrote, began when the men reached the coast."),
    ("The governor called the men cowards.", "called", "the men cowards."),
    ("The governor called Ada Voss, the rebel leader, a coward.", "called", "Ada Voss, the rebel leader, a coward."),
    ("Ms Voss called the plan for the port reckless.", "called", "the plan for the port reckless."),
    ("Two councillors claim to oppose the levy.", "claim", "to oppose the levy."),
    ("Voss quarrels with Kell, who she claims has been rude.", "claims", "has been rude."),
    ("The minister reported from Tamm that the men had fled.", "reported", "that the men had fled."),
    ("The port office said about half of the cargo came by rail.", "said",
     "about half of the cargo came by rail."),
    ("Police said about 20 people were hurt.", "said", "about 20 people were hurt."),
])
def test_verbs_of_saying_that_report_words(text: str, cue: str, content: str) -> None:
    found = [(c, body) for _, c, _, body in frames_of(text)]
    assert (cue, content) in found


@pytest.mark.parametrize(("text", "cue", "source", "content"), [
    ("As reported by the Courier, the men crossed the river.", "As reported", "the Courier",
     "the men crossed the river."),
    ("(According to the harbour police, the men left by boat.)", "According to", "the harbour police",
     "the men left by boat.)"),
    ("The council paid for a trip that inspectors concluded was paid by a mining firm.", "concluded",
     "inspectors", "was paid by a mining firm."),
])
def test_more_shapes_of_a_report(text: str, cue: str, source: str, content: str) -> None:
    assert [(c, s, body) for _, c, s, body in frames_of(text)] == [(cue, source, content)]


@pytest.mark.parametrize(("text", "reported"), [
    ("Ada Voss is continuing to insist the port will reopen.", True),
    ("The mayor went on to say the port would reopen.", True),
    ("Councillors were more likely to say the port would reopen.", True),
    ("The mayor declined to say the port would reopen.", False),
    ("Voss went to see Kell speak last week.", False),
])
def test_an_infinitive_of_saying_after_a_verb_that_goes_on(text: str, reported: bool) -> None:
    assert any(c.startswith("to ") for _, c, _, _ in frames_of(text)) == reported


def test_an_approximate_number_is_an_object_not_an_adverbial() -> None:
    # "found over 200 letters" does not trail the clause before it
    assert frames_of("The port was shut, and investigators found over 200 letters in the office.") == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    # a relative clause's verb reports up to the comma before the sentence's own verb
    ("Ada Voss, who said the vote was rigged, met the men in Tamm.", "said", "the vote was rigged"),
    # not to a comma inside what it reports
    ("Ada Voss, who suggested that Mr. Kell, for all his faults, would resign, left.", "suggested",
     "that Mr. Kell, for all his faults, would resign"),
    # a verb in brackets reports up to the closing bracket
    ("The history (Tom Kell joined them, declaring their cause just) matters.", "declaring",
     "their cause just"),
])
def test_content_ends_with_its_relative_clause_or_brackets(text: str, cue: str, content: str) -> None:
    found = [(c, body) for _, c, _, body in frames_of(text)]
    assert (cue, content) in found


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # the garden path: the opening noun phrase's verb, and the participle after its object
    ("The army blamed terrorists linked to the Front .".split(),
     ["DT", "NN", "VBN", "NNS", "VBD", "TO", "DT", "NNP", "."], ["VBD", "VBN"]),
    # the same after an aside, in a sentence with no finite verb
    ("The ministry , in a statement , blamed terrorists for the blast .".split(),
     ["DT", "NN", ",", "IN", "DT", "NN", ",", "VBN", "NNS", "IN", "DT", "NN", "."], ["VBD", "NNS"]),
    # a participle with no object after it opens a reduced relative: left alone
    ("The men arrested on Monday walked to the court .".split(),
     ["DT", "NNS", "VBN", "IN", "NNP", "VBD", "TO", "DT", "NN", "."], ["VBN", "NNP"]),
    # a finite verb after the second one: the first was the participle after all
    ("The crews trained teams based in Tamm say they are ready .".split(),
     ["DT", "NNS", "VBN", "NNS", "VBD", "IN", "NNP", "VBP", "PRP", "VBP", "JJ", "."], ["VBN", "VBD"]),
])
def test_a_past_with_an_object_after_the_opening_noun_phrase_is_the_verb(
        words: list[str], tags: list[str], expected: list[str]) -> None:
    out = repair(words, tags, _tagger())
    verb = tags.index("VBN")
    assert [out[verb], out[verb + 2 if verb == 2 else verb + 1]] == expected


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # a name the model read as a common noun, and a clause that ends at "that"
    ("Voss confirmed on Friday that the men had fled .".split(),
     ["NN", "VBN", "IN", "NNP", "IN", "DT", "NNS", "VBD", "VBN", "."], "VBD"),
    # a word the lemma lists know as a noun is no name: its participle is left alone
    ("Water damaged in the flood was pumped out .".split(),
     ["NN", "VBN", "IN", "DT", "NN", "VBD", "VBN", "RP", "."], "VBN"),
])
def test_a_past_after_a_name_read_as_a_noun(words: list[str], tags: list[str], expected: str) -> None:
    assert repair(words, tags, _tagger())[1] == expected


@pytest.mark.parametrize(("text", "verb", "finite"), [
    # a verb with no passive is no reduced relative, whatever phrase follows it
    ("The board claimed the men fled before the police arrived.", "fled", True),
    ("The men arrested on Monday walked to the court.", "arrested", False),
])
def test_a_verb_with_no_passive_is_finite_after_a_noun(text: str, verb: str, finite: bool) -> None:
    parse = Analysis(make_document("t.txt", text, "text")).parse_at(0)
    assert parse is not None
    assert [g.finite for g in parse.groups if parse.tokens[g.first].text == verb] == [finite]


@pytest.mark.parametrize(("words", "position", "tag"), [
    (["She", "called", "the", "plan", "reckless", "."], 4, "JJ"),
    (["Nothing", "is", "said", "unless", "asked", "."], 3, "IN"),
])
def test_words_in_less_are_adjectives(words: list[str], position: int, tag: str) -> None:
    tagger = _tagger()
    assert repair(words, tagger.tag(words), tagger)[position] == tag


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("Night patrols had helped prevent thefts and deter poachers.", "prevent", "VB"),
    ("Night patrols had helped prevent thefts and deter poachers.", "deter", "VB"),
    ("Night patrols helped prevent thefts and deter poachers.", "prevent", "VB"),  # read as JJ
    ("Night patrols helped prevent thefts and deter poachers.", "deter", "VB"),
    ("The curfew is meant to deter looters.", "deter", "VB"),
    ("Voss won the tackle and the ink.", "tackle", "NN"),  # after an article: a noun
    # an adjective that its article opens and a relative pronoun, a mark or a preposition ends
    ("Voss, a radical who led the protests, spoke.", "radical", "NN"),
    ("Voss was a radical in his youth.", "radical", "NN"),
    ("It was a radical, costly plan.", "radical", "JJ"),
    ("It was a radical plan.", "radical", "JJ"),
    ("The men came by sea, Ada Voss claims.", "claims", "VBZ"),  # a name's trailing verb
    ("The men came by sea, a new report claims.", "claims", "VBZ"),
    ("Voss settled the Orsk claims.", "claims", "NNS"),
    # a word known only as a verb is no preposition, whatever the model said
    ("The men belong to the Front.", "belong", "VBP"),
    ("They will belong to the union.", "belong", "VB"),
    ("The ferry sailed like a dream.", "like", "IN"),  # a preposition that is a verb too
    # a past opening an aside with its doer, after the sentence's own verb, is a participle
    ("The gunmen belong to the Front, considered a terrorist group by Orsk.", "considered", "VBN"),
    ("The men left the port, followed by the police.", "followed", "VBN"),
    ("The men left the port, followed the coast and landed at dawn.", "followed", "VBD"),
    ("Voss, 54, said the men had left.", "said", "VBD"),
    # a present read as a plural noun after an opening noun phrase and its aside
    ("The Front, branded terrorists by Orsk, denies targeting civilians.", "denies", "VBZ"),
    ("The Front, branded terrorists by Orsk, rejects the charge.", "rejects", "VBZ"),
    ("The Front, branded terrorists by Orsk, demands talks.", "demands", "VBZ"),
    # "amounts to" and "belongs to" after a singular noun, before any finite verb
    ("The army's campaign in the north amounts to genocide.", "amounts", "VBZ"),
    ("The army's campaign amounts to genocide, the inquiry found.", "amounts", "VBZ"),
    ("The gunman belongs to a cell in Tarn.", "belongs", "VBZ"),
    ("The aid was paid in amounts to suit each village.", "amounts", "NNS"),
    # a name's past after an age or a noun phrase set off by commas, with no finite verb after
    ("Brandt, 78, retired in 2009.", "retired", "VBD"),
    ("Brandt, now 78, retired in 2009.", "retired", "VBD"),
    ("Brandt, a docker, injured in the blast, was flown to Kell.", "injured", "VBN"),
    # a known noun in -ly that ends an article's phrase past its adjectives
    ("Deniers in the regional assembly have tried to block the law.", "assembly", "NN"),
    ("The councillors want to do things a little differently.", "differently", "RB"),
    # a reporting noun before a clause without "that", where no finite verb can stand
    ("The port closed amid reports the ferry had sunk.", "reports", "NNS"),
    ("The mayor backed the plan amid opposition claims he had rushed it.", "claims", "NNS"),
    ("The board rejected union claims the cranes are unsafe.", "claims", "NNS"),
    ("The ferry firm has played down claims that the route will close.", "claims", "NNS"),
    ("Claims the ferry had sunk were false.", "Claims", "NNS"),
    ("The union's claim the cranes are unsafe was rejected.", "claim", "NN"),
    ("Voss claim dismissed by Orsk court", "claim", "NN"),
    ("The harbour master added that claims the ferry sank were untrue.", "claims", "NNS"),
    ("The harbour master added that claims the ferry sank were untrue.", "that", "IN"),
    ("Voss stakes early Rovers claim", "claim", "NN"),
    ("Harbour rejects Orsk's claim", "claim", "NN"),
    # "that" before a plural noun opens a clause: it determines no plural
    ("Namely, that terrorists would have fled by boat.", "that", "IN"),
    ("Namely, that gunman fled by boat.", "that", "DT"),
    ("His questions repeated the debunked claim that Voss had opposed the plan.", "claim", "NN"),
    ("The move recalled the campaign's earlier claim that Tamm wanted to close the port.", "claim", "NN"),
    # ... and where one can: the verb stays a verb, and "claims" before "to have" is one
    ("Voss said Orsk claims the title.", "claims", "VBZ"),
    ("Residents in Tarn claim the water is unsafe.", "claim", "VBP"),
    ("Many claim the vote was rigged.", "claim", "VBP"),
    ("The company claims to have cut its losses.", "claims", "VBZ"),
    ("The port runs a website that claims to track every ferry.", "claims", "VBZ"),
    ("The ferry was never at risk, the harbour master claims.", "claims", "VBZ"),
    # the second noun of a compound after a plural modifier, and the verb after it
    ("Terrorists outside the customs post", "post", "NN"),
    ("Troops found the weapons cache near the village.", "cache", "NN"),
    ("Terrorists at the customs post fired on a convoy.", "fired", "VBD"),
    ("The drugs work well.", "work", "VBP"),
    # a participle that is its verb's base form, with no "have" or "be" before it
    ("How do young men become terrorists?", "become", "VB"),
    ("Young men often become terrorists in prison.", "become", "VBP"),
    ("It has become clear the men fled.", "become", "VBN"),
    ("The ferry, run by Frey Marine, was late.", "run", "VBN"),
    # "states" where only a plural noun can stand, and the verb where a document states
    ("In Orsk and Tarn, the two border states with the longest coastline, voted no.", "states", "NNS"),
    ("Voss visited border states after the vote.", "states", "NNS"),
    ("The charge sheet states the men fled by boat.", "states", "VBZ"),
    ("The indictment states in its third paragraph that the men fled.", "states", "VBZ"),
    # a noun of evidence read as an adverb after an article and the nouns that modify it
    ("Nine people drowned, a coastguard tally shows.", "tally", "NN"),
    ("Nine people drowned, the ferry operator quickly said.", "quickly", "RB"),
    # "once" with no clause after it up to the comma: an adverb
    ("Piet Vann, once a docker, now runs a bakery.", "once", "RB"),
    ("Once a docker, Piet Vann now runs a bakery.", "Once", "RB"),
    ("Once the port reopened, the ferries sailed.", "Once", "IN"),
])
def test_a_word_repaired_by_its_slot(text: str, word: str, tag: str) -> None:
    [token] = [t for t in tag_span(text, 0, len(text)) if t.text == word]
    assert token.tag == tag


@pytest.mark.parametrize(("text", "source", "content"), [
    # a subordinate clause or a conjunction before a parenthetical "according to": the whole
    ("While most ferries left on time, according to the harbour office, two were held.", "the harbour office",
     "While most ferries left on time, according to the harbour office, two were held."),
    ("The port laid off staff and, according to its owners, hired guards.", "its owners",
     "The port laid off staff and, according to its owners, hired guards."),
    # a share of a poll speaks for those asked
    ("Nearly half said the mayor had won.", "half", "the mayor had won."),
    ("About a third say the fares will rise.", "a third", "the fares will rise."),
    # a headline's speaker and the people addressed
    ("Voss to ferry crews: the crossings will go on.", "Voss", "the crossings will go on."),
    # an inverted cue whose source has a relative clause: the subject before it is open
    ("And the line, said Kell, who ran it, never paid a penny.", "Kell",
     "And the line, said Kell, who ran it, never paid a penny."),
    # a cue set inside the sentence reaches past "and", to a semicolon
    ("After all, she argued, the port paid its fees, and the guards still left; the rest stayed.", "she",
     "After all, she argued, the port paid its fees, and the guards still left"),
    # a participle of saying the tagger read as a noun
    ("Orsk kept to the plan, noting that the guards had left.", "Orsk", "that the guards had left."),
    # a bare clause whose verb cannot be a participle, after an approximate number
    ("Organisers claimed nearly 400 members took part.", "Organisers", "nearly 400 members took part."),
    # a one-word past form with an object after it is a clause's verb, not a participle
    ("The crews found the guards moved the cargo at night.", "The crews", "the guards moved the cargo at night."),
    ("The jury heard the man stabbed her 14 times.", "The jury", "the man stabbed her 14 times."),
    # a relative clause whose subject holds an aside of its own, before the speaker's verb
    ("Ada Frey, whose firm, Frey Marine, runs the ferries, said the men had fled.", "Ada Frey",
     "the men had fled."),
])
def test_shares_headlines_asides_and_participles_report(text: str, source: str, content: str) -> None:
    found = [(s, body) for _, _, s, body in frames_of(text)]
    assert (source, content) in found


@pytest.mark.parametrize("text", [
    "Letter to the editor: the crossings must go on.",
    "Road To Recovery: the depot reopens on Monday.",
    "The crews found the guards moved to a new post.",  # "moved" may be a participle
])
def test_no_speaker_and_no_clause(text: str) -> None:
    assert frames_of(text) == []


def test_people_close_to_a_name_say_at_the_end() -> None:
    text = "The question is whether the mayor can win, people close to Voss say."
    [(_, cue, source, content)] = frames_of(text)
    assert (cue, source, content) == ("say", "people", "The question is whether the mayor can win")


@pytest.mark.parametrize(("text", "source", "vague"), [
    ("Rebels shelled the port overnight -harbour police", "harbour police", False),
    ("Rebels shelled the port overnight - interior ministry", "interior ministry", False),
    ("Rebels shelled the port overnight - security sources", "security sources", True),
])
def test_a_headlines_source_after_a_dash(text: str, source: str, vague: bool) -> None:
    [(frame, cue, found, content)] = frames_of(text)
    assert (frame.kind, cue, found, frame.vague) == ("dash", "-", source, vague)
    assert content == "Rebels shelled the port overnight"


@pytest.mark.parametrize("text", [
    "Rebels held the port for hours - then let it go",
    "Rebels held the port for hours - Tamm",
])
def test_no_source_after_a_dash(text: str) -> None:
    assert frames_of(text) == []


@pytest.mark.parametrize(("text", "particular", "expected"), [
    # a headline's quoted claim: the subject before the quotation mark is the writer's
    ("Terrorists 'fled by boat'\n\nThe vote is on Monday.", True, Voice.OWN),
    ("Terrorists 'seized port'\n\nThe vote is on Monday.", True, Voice.OWN),
    ("Terrorists 'seized port', says Voss\n\nThe vote is on Monday.", True, Voice.ATTRIBUTED),
])
def test_a_headlines_subject_before_a_quoted_claim(text: str, particular: bool, expected: Voice) -> None:
    assert (specific(text, "terrorists", None), voice(text, "Terrorists")) == (particular, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Lords wrong on the ferry men - Tamm\n\nThe vote is on Monday.", Voice.ATTRIBUTED),  # a headline
    ("The men held the port - Ida Kell\n\nThe vote is on Monday.", Voice.ATTRIBUTED),
    ("The men held the port - then let it go\n\nThe vote is on Monday.", Voice.OWN),
    ("The vote is on Monday.\n\nThe men held the port - Tamm.", Voice.OWN),  # not in the story's body
])
def test_a_headlines_speaker_by_name_after_a_dash(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


def test_official_before_says_is_a_person() -> None:
    [(_, cue, source, content)] = frames_of("Rebels shelled the port overnight, official says.")
    assert (cue, source, content) == ("says", "official", "Rebels shelled the port overnight")


@pytest.mark.parametrize(("text", "source"), [
    ("A harbour official, who asked not to be named, said the men had fled.", "A harbour official"),
    ("The Vatican says the men had fled.", "The Vatican"),
    ("The Russian added that the men had fled.", "The Russian"),
])
def test_a_speaker_the_tagger_read_as_an_adjective(text: str, source: str) -> None:
    [(frame, _, found, content)] = [f for f in frames_of(text) if f[1] in ("said", "says", "added")]
    assert (frame.kind, found) == ("verb", source)
    assert content in ("the men had fled.", "that the men had fled.")


def test_an_adjective_before_a_verb_that_reports_nothing_stays_one() -> None:
    tokens = tag_span(text := "The official figures, out on Monday, show growth.", 0, len(text))
    assert [t.tag for t in tokens[:3]] == ["DT", "JJ", "NNS"]


@pytest.mark.parametrize(("text", "content"), [
    ("Voss told the men to leave.", "to leave."),
    ("Voss warned the crew on Monday that the men had left.", "that the men had left."),
    ("Voss told the Courier the men had left.", "the men had left."),
    ("Voss accused the owners of paying the men.", "of paying the men."),
    ("Voss accused the council, which fell in May, of paying the men.", "of paying the men."),
    ("Voss warned the men would return.", "the men would return."),  # no one addressed
    ("Voss told the story of the men.", "the story of the men."),  # no words reported after it
])
def test_the_person_addressed_or_accused_is_not_the_content(text: str, content: str) -> None:
    [(frame, _, source, found)] = frames_of(text)
    assert (frame.kind, source, found) == ("verb", "Voss", content)


@pytest.mark.parametrize(("text", "vague"), [
    ("The men fled, according to a police report.", False),
    ("The men fled, according to a report by the Halvern Institute.", False),
    ("The men fled, according to a report.", True),
    ("The men fled, according to an official report.", False),
])
def test_a_report_with_a_source_before_it_names_one(text: str, vague: bool) -> None:
    [(frame, _, _, content)] = frames_of(text)
    assert (frame.kind, frame.vague, content) == ("according", vague, "The men fled")


@pytest.mark.parametrize(("text", "source"), [
    ("The mayor put it this way: the men fled.", "The mayor"),
    ("Ada Voss put it bluntly: the men fled.", "Ada Voss"),
    # a dash that opens no aside introduces the words as a colon does
    ("Ada Voss put it bluntly - the men fled.", "Ada Voss"),
])
def test_put_it_before_a_colon_reports_what_follows(text: str, source: str) -> None:
    [(frame, _, found, content)] = frames_of(text)
    assert (frame.kind, found, content) == ("verb", source, "the men fled.")


@pytest.mark.parametrize("text", [
    "The men fled, Voss was quoted as saying.",
    "The men fled, Voss was quoted as saying by the Courier.",
    "The men fled, Voss was quoted as saying in the Courier on Monday.",
])
def test_was_quoted_as_saying_trails_what_the_one_quoted_said(text: str) -> None:
    found = [(frame.kind, source, content) for frame, _, source, content in frames_of(text)]
    assert ("verb", "Voss", "The men fled") in found


@pytest.mark.parametrize(("text", "source"), [
    ("Police are confident the men will be caught.", "Police"),
    ("The army is convinced that the men are still in the town.", "The army"),
    ("Officials are now worried the men will return.", "Officials"),
])
def test_a_stance_gives_its_clause_to_the_subject(text: str, source: str) -> None:
    [(frame, _, found, content)] = frames_of(text)
    assert (frame.kind, frame.thought, found) == ("verb", True, source)
    assert content.startswith("the men")


def test_a_stance_of_it_is_the_writers() -> None:
    assert frames_of("It is certain the men came by sea.") == []


def test_an_article_after_an_adjective_opens_its_own_noun_phrase() -> None:
    assert chunk_words("Police are confident the men will be caught.") == ["Police", "the men"]


def test_put_it_somewhere_reports_nothing() -> None:
    assert frames_of("The crew put it on the quay: the men fled.") == []


@pytest.mark.parametrize(("text", "noun", "owner"), [
    ("Brandt's view is that the men fled.", "view", "Brandt's"),
    ("The ministry's claim was that the men fled.", "claim", "The ministry's"),
])
def test_a_reporting_noun_and_a_copula_before_that(text: str, noun: str, owner: str) -> None:
    [(frame, cue, source, content)] = frames_of(text)
    assert (frame.kind, cue, source, content) == ("noun", noun, owner, "the men fled.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Voss's account of how the men fled was disputed.", [("account", "Voss's", "the men fled")]),
    ("In Voss's telling, the men fled at dawn.", [("In Voss's telling", "Voss", "the men fled at dawn.")]),
    ("In his account, the men fled.", [("In his account", "his", "the men fled.")]),
    ("Voss's account of the day was disputed.", []),
    ("The money in Voss's account, the bank said, was frozen.", [("said", "the bank", "The money in Voss's account, the bank said, was frozen.")]),
    ("In the ministry's version of events, the men fled.",
     [("In the ministry's version", "the ministry", "the men fled.")]),
    ("The men fled, in Voss's telling.", [("in Voss's telling", "Voss", "The men fled")]),
    # a reckoning after "by" or "on" is its owner's
    ("By the army's own count, 12 men were killed.", [("By the army's own count", "the army", "12 men were killed.")]),
    ("On its figures, 12 men were killed.", [("On its figures", "its", "12 men were killed.")]),
    ("Twelve men were killed, by the army's account.", [("by the army's account", "the army", "Twelve men were killed")]),
    ("By his own admission, the men fled.", [("By his own admission", "his", "the men fled.")]),
    ("By the end of the day, the men had fled.", []),
    ("On his account, the men were freed.", []),
    # a conviction is the court's label
    ("Voss, a convicted terrorist, was freed.", [("convicted", "convicted", "terrorist")]),
    ("Voss, a terrorist convicted in 2015, was freed.", [("convicted", "convicted", "a terrorist")]),
])
def test_a_telling_frames_only_what_it_tells(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(cue, source, content) for _, cue, source, content in frames_of(text)] == expected


@pytest.mark.parametrize(("text", "content"), [
    # a trailing cue before a dash: what follows the dash is the writer's aside
    ("The port is safe, the mayor says - and she should know.", "The port is safe"),
    # a dash and a linking word open a new clause, unless a second dash closes an aside
    ("The mayor says the port is safe - but the men are still in the hills.", "the port is safe"),
    ("Voss says the deal never existed and columns - and even a film - have been devoted to it.",
     "the deal never existed and columns - and even a film - have been devoted to it."),
])
def test_a_cues_content_and_dashes(text: str, content: str) -> None:
    assert [c.rstrip() for _, _, _, c in frames_of(text)] == [content]


@pytest.mark.parametrize(("text", "source"), [
    ('Divers found "no trace of them," aside from a boat left at the quay, said the harbour master.',
     "the harbour master"),
    ("The Front, a militia based in Sarn, said the port was shut.", "The Front"),  # a clause after it
    ("The union, which runs the port, said on Tuesday.", "The union"),  # a time is no source
])
def test_an_inverted_said_after_an_aside(text: str, source: str) -> None:
    assert [s for _, _, s, _ in frames_of(text)] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("No 10 said the ferry was late.", "No 10"),  # Downing Street, not no one
    ("No. 10 told reporters the ferry was late.", "No. 10"),
])
def test_no_before_a_number_names_someone(text: str, source: str) -> None:
    assert [s for _, _, s, _ in frames_of(text)] == [source]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("The men fled north, or so the police say.", "the police", "The men fled north"),
    ("Or so the mayor claims.", "the mayor", ""),
    ("So says the mayor.", "the mayor", ""),
])
def test_or_so_gives_the_words_before_it(text: str, source: str, content: str) -> None:
    assert [(s, c) for _, _, s, c in frames_of(text)] == [(source, content)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The men fled. That, at least, is what the police say.", Voice.ATTRIBUTED),
    ("The men fled. At least, that is what the police believe.", Voice.ATTRIBUTED),
    ("The men fled. So says the mayor.", Voice.ATTRIBUTED),
    ("The men fled. This is according to the harbour police.", Voice.ATTRIBUTED),
    ("The men fled. That is what Voss told TV3.", Voice.ATTRIBUTED),
    ("The men fled. That is what the police say they found.", Voice.OWN),  # words of its own
    ("The men fled. So did the dockers, Voss said.", Voice.OWN),
    ("The men fled.\n\nThat is what the police say.", Voice.OWN),  # another paragraph
])
def test_a_sentence_that_points_back(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize(("text", "vague"), [
    ("Observers in Orsk say the men fled.", True),  # a place names no one
    ("Critics of Voss say the men fled.", True),  # nor does a topic
    ("Experts at the Harbour Institute say the men fled.", False),
    ("Many in Orsk believe the men fled.", True),  # a share of a whole
    ("Some of the dockers say the men fled.", True),
    ("Officials in Orsk say the men fled.", False),
    ("Rights groups say the men fled.", True),  # nor does a cause
    ("Human rights groups say the men fled.", True),
    ("The men fled, according to aid organisations.", True),
    ("Environmental campaigners say the men fled.", True),
    ("Rights groups including the Orsk Legal Centre say the men fled.", False),
    ("The rights groups that wrote to Voss say the men fled.", False),  # those the story met
    ("Orsk rights groups say the men fled.", False),  # whose they are
    ("Voss's campaign groups say the men fled.", False),
])
def test_a_vague_head_with_a_place_a_share_or_a_cause(text: str, vague: bool) -> None:
    [(frame, _, _, _)] = frames_of(text)
    assert frame.vague is vague


@pytest.mark.parametrize(("text", "vague"), [
    ("The men fled, reports said.", True),  # reports no one owns, as "according to reports"
    ("The men fled, local reports said.", True),
    ("Reports say the men fled.", True),
    ("The men fled, police reports said.", False),
    ("The men fled, an official report said.", False),
    ("The men fled, the reports said.", False),  # reports the story has told of
    ("A report by the Halvern Institute says the men fled.", False),
    # outlets no one names, and those a story's country or a name makes plain
    ("The men fled, local media reported.", True),
    ("The men fled, local newspapers said.", True),
    ("The men fled, state media reported.", False),
    ("The men fled, local media in Orsk reported.", True),  # a place names no outlet
])
def test_reports_as_the_subject_of_a_verb_of_saying(text: str, vague: bool) -> None:
    [(frame, _, _, content)] = frames_of(text)
    assert (frame.kind, frame.vague, content.rstrip(".")) == ("verb", vague, "the men fled"
                                                              if text[0] in "RA" else "The men fled")


@pytest.mark.parametrize("text", [
    "Police said at least 12 men were held.",
    "Police said up to 40 men were held.",
])
def test_a_bound_number_after_the_verb_is_the_clause_s_subject(text: str) -> None:
    # not a reduced relative ("Police [said at least ...] were held")
    [(frame, cue, source, content)] = frames_of(text)
    assert (frame.kind, cue, source) == ("verb", "said", "Police")
    assert content.endswith("men were held.")


@pytest.mark.parametrize(("text", "source", "vague"), [
    ("Voss has been branded a terrorist by the government.", "the government", False),
    ("Voss has been called a terrorist by state media.", "state media", False),
    ("Voss was described as a terrorist by critics.", "critics", True),
])
def test_a_labelling_passive_gives_the_label_to_its_agent(text: str, source: str, vague: bool) -> None:
    [(frame, _, found, content)] = frames_of(text)
    assert (frame.kind, found, frame.vague) == ("passive", source, vague)
    assert content in ("a terrorist", "as a terrorist")


@pytest.mark.parametrize(("text", "expected"), [
    ("The government branded Voss a terrorist.", True),  # what the object is called
    ("The group is designated a terrorist organisation by the US.", True),
    ("Voss was jailed as a terrorist.", True),
    ("The series portrays a family as a terrorist cell.", False),  # no one in particular
    ("Anyone who funds the group will be treated as a terrorist.", False),
    ("Ministers will decide whether to list the Front as a terrorist organisation.", False),
    ("The government has never negotiated with terrorists.", False),  # a perfect of experience
    ("Terrorists are believed to be holding 12 people.", True),  # a raised subject's event
    ("The attack was carried out by terrorists.", True),  # past the particle
    ("Every terrorist is someone's son.", False),  # all of a kind
    ("Some terrorists are driven by revenge.", False),  # a share of a kind, in the present
    ("Some terrorists fled into the hills.", True),
    ("Several terrorists still hold the port.", True),
])
def test_a_label_about_someone_in_particular(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", frozenset({"cell", "organisation"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Terrorists due in court over port raid\n\nFour men were remanded.", True),  # a headline's subject
    ("Terrorists behind port blast, says minister\n\nFour men were held.", True),
    ("Terrorists due to face trial\n\nFour men were remanded.", True),
    # ... past a kicker and its colon
    ("Orsk blast: terrorists behind attack, says minister\n\nFour men were held.", True),
    ("Orsk: terrorists due in court\n\nFour men were remanded.", True),
])
def test_a_headline_subject_with_no_verb(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", None) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Terrorist attacks have fallen since 2015.", False),  # a trend, not particular attacks
    ("Terrorist attacks in the north rose sharply.", False),
    ("Terrorist attacks killed 40 people last year.", True),
    ("The terrorist attacks in March have doubled.", True),  # the definite: particular ones
])
def test_a_count_going_up_or_down_is_a_trend(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", frozenset({"attack"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The dockers were not only smugglers but terrorists.", True),  # the predicate of "were"
    ("Border guards arrested three smugglers, two thieves and a terrorist.", True),  # a list's object
    ("The dockers were not smugglers or terrorists.", False),  # denied with the first
    ("New laws against smugglers and terrorists were passed.", False),  # the verb is the laws'
    ("The old port has become a haven for smugglers and terrorists.", False),  # a kind
    ("Troops shelled the harbour and terrorists fled.", True),  # a clause of its own
])
def test_a_label_joined_to_another_noun_stands_where_the_first_does(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", None) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Governments often label their opponents terrorists.", False),  # a kind's own
    ("Some regimes brand their critics terrorists.", False),
    ("The government labelled its opponents terrorists.", True),
    ("Voss and Tamm call their rivals terrorists.", True),
    ("How do young men become terrorists?", False),  # "become" the base form, not a past
    ("The two brothers became terrorists in prison.", True),
])
def test_a_label_given_to_a_kind_s_own_people_is_a_kind(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", None) is expected


def test_said_nothing_reports_nothing() -> None:
    assert frames_of("The army said nothing about the men.") == []
    assert voice("The army, which closed the road, said nothing about the men.", "men") is Voice.OWN


def test_a_verb_of_saying_that_ends_the_text() -> None:
    # no full stop after "added": nothing after the verb to look at, and no error for it
    [(_, cue, source, content)] = frames_of("The port is shut, the mayor added")
    assert (cue, source, content) == ("added", "the mayor", "The port is shut")


@pytest.mark.parametrize(("text", "vague"), [
    ("Around one quarter said the plan was sound.", False),
    ("Some 40 percent said the plan was sound.", False),
    ("Some residents said the plan was sound.", True),
])
def test_a_share_of_those_asked_is_no_vague_source(text: str, vague: bool) -> None:
    [(frame, _, _, _)] = frames_of(text)
    assert frame.vague == vague


@pytest.mark.parametrize(("text", "vague"), [
    ("Local people said the depot had burned.", False),  # residents, as villagers are
    ("People said the depot had burned.", True),
    ("Some local people said the depot had burned.", True),  # as vague as "some residents"
])
def test_local_people_are_residents(text: str, vague: bool) -> None:
    [(frame, _, _, _)] = frames_of(text)
    assert frame.vague == vague


@pytest.mark.parametrize(("text", "words"), [
    ("On Tuesday gunmen stormed the depot.", ["Tuesday", "gunmen", "the depot"]),
    ("Last week police said the men had fled.", ["Last week", "police", "the men"]),
    ("On Tuesday night gunmen stormed the depot.", ["Tuesday night", "gunmen", "the depot"]),
    ("The Sunday papers said the men had fled.", ["The Sunday papers", "the men"]),
    ("Tuesday's raid closed the depot.", ["Tuesday 's raid", "the depot"]),
])
def test_a_time_adverbial_ends_its_noun_phrase(text: str, words: list[str]) -> None:
    assert chunk_words(text) == words


@pytest.mark.parametrize(("text", "content"), [
    ("After police said the men had fled north, the gunmen were caught.", "the men had fled north"),
    ("Although Voss said the men had fled, police found them.", "the men had fled"),
    # no verb of the cue's own before the comma: the phrase may report either clause
    ("While the ferries left, according to the port, the men held two.",
     "While the ferries left, according to the port, the men held two."),
    # "as" attributes the main clause
    ("As police said, the men fled north.", "the men fled north."),
])
def test_an_opening_adverbial_clause_ends_at_its_comma(text: str, content: str) -> None:
    [(_, _, _, found)] = frames_of(text)
    assert found == content


@pytest.mark.parametrize(("text", "content"), [
    ("The minister vowed on Tuesday to find the men.", "to find the men."),
    ("The minister vowed last week to find the men.", "to find the men."),
    ("Voss has boasted of his readiness to spend the money.", "of his readiness to spend the money."),
])
def test_an_infinitive_after_the_verb_s_time_adverbial(text: str, content: str) -> None:
    [(frame, _, _, found)] = frames_of(text)
    assert (frame.kind, found) == ("verb", content)


@pytest.mark.parametrize(("headline", "expected"), [
    ("Gunmen jailed over port blast", True),  # a bare participle: "were jailed"
    ("Gunmen to face trial in Orsk", True),  # an infinitive: a plan for them
    ("Gunmen behind port blast, says minister", True),  # no verb: "are behind"
    ("Ministers to ban gunmen from flights", False),  # the object of a plan
    ("Call to ban gunmen from flights", False),
])
def test_a_headline_s_grammar(headline: str, expected: bool) -> None:
    assert specific(f"{headline}\n\nThe story goes on.\n", "gunmen", None) is expected


@pytest.mark.parametrize(("text", "cue"), [
    ("The port is shut, the mayor continued.", "continued"),
    ("The port, she went on, is shut.", "went on"),
    ("The port is shut, the statement read.", "read"),
    ("The sign read: the port is shut.", "read"),
    ("The film portrays the port as shut.", "portrays"),
])
def test_verbs_that_report_only_around_their_words(text: str, cue: str) -> None:
    [(_, found, _, _)] = frames_of(text)
    assert found == cue
    assert voice(text, "port", nth=text.count("port") - 1) is Voice.ATTRIBUTED


@pytest.mark.parametrize("text", [
    "Fighting continued after the men fled.",
    "He went on to win the title.",
    "Voss read the report on Tuesday.",
    'A man in a shirt that read "Go home" left.',
])
def test_no_frame_for_those_verbs_anywhere_else(text: str) -> None:
    assert frames_of(text) == []


@pytest.mark.parametrize(("text", "source"), [
    ("The Front, which the US designates a terrorist group, denied it.", "the US"),
    ("The Front, which the US lists as a terrorist group, denied it.", "the US"),
    ("The Front, which the US calls a terrorist group, denied it.", "the US"),
    ("The Front, designated a terrorist group by the US, denied it.", "the US"),
    ("The Front, considered a terrorist group by the US, denied it.", "the US"),
    ("The Front, which Orsk and the US list as a terrorist group, denied it.", "Orsk and the US"),
    ("The Front, branded a terrorist group by the US, denied any part in it.", "the US"),
])
def test_a_label_the_source_gives_in_a_clause_set_off_by_commas(text: str, source: str) -> None:
    _assert_label_given_by(text, source)
    assert voice(text, "denied") is Voice.OWN  # the clause ends at its comma


def _assert_label_given_by(text: str, source: str) -> None:
    """"terrorist" in ``text`` is specific, attributed, and given by ``source`` alone."""
    an = Analysis(make_document("t.txt", text, "text"))
    start = text.index("terrorist")
    assert an.voice(start, start + len("terrorist")) is Voice.ATTRIBUTED
    assert an.specific(start, start + len("terrorist"), frozenset({"group"}))
    assert [text[slice(*f.source)] for f in an.frames_at(start) if f.source and f.covers(start, start + 9)] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("The gunmen belong to the Front, considered a terrorist group by the US.", "the US"),
    ("The gunmen belonged to the Front, branded a terrorist group by Orsk in 2019.", "Orsk"),
    # (and where the sentence's own verb was read as a plural noun: "denies/NNS")
    ("The Front, branded terrorists by the US, denies any part in it.", "the US"),
])
def test_a_label_the_source_gives_in_an_aside_the_tagger_misread(text: str, source: str) -> None:
    _assert_label_given_by(text, source)


def test_a_participle_set_off_without_its_agent_is_the_writer_s() -> None:
    text = "The Front, designated a terrorist group in 2001, denied it."
    assert voice(text, "terrorist") is Voice.OWN
    assert specific(text, "terrorist", frozenset({"group"}))


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("Branded terrorists by the Kell government, the rebels fought on.", "the Kell government", True),
    ("Designated a terrorist group by Orsk in 2019, the Front denies it.", "Orsk", True),  # (read VBD)
    ("Branded terrorists by the Kell government, such groups rarely win help.", "the Kell government", False),
])
def test_a_participle_opening_the_sentence_gives_the_label_to_its_agent(
        text: str, source: str, expected: bool) -> None:
    an = Analysis(make_document("t.txt", text, "text"))
    start = text.index("terrorist")
    assert an.voice(start, start + len("terrorist")) is Voice.ATTRIBUTED
    assert [text[slice(*f.source)] for f in an.frames_at(start) if f.source and f.covers(start, start + 9)] == [source]
    # the label is about the subject of the clause after the comma
    assert an.specific(start, start + len("terrorist"), frozenset({"group"})) is expected


@pytest.mark.parametrize(("text", "passive"), [
    ("Attacked by gunmen near the border, the convoy turned back.", True),
    ("Born in Orsk, Ivo Brandt joined the navy.", False),  # no agent
    ("Spurred by winning the cup, the club signed two players.", False),  # a means, not an agent
    ("Asked by reporters whether the men had fled, Ada Voss said no.", True),
])
def test_a_participle_opening_the_sentence_is_a_passive_with_its_agent(text: str, passive: bool) -> None:
    parse = Analysis(make_document("t.txt", text, "text")).parse_at(0)
    assert parse is not None
    assert (parse.groups[0].first, parse.groups[0].finite, parse.groups[0].passive) == (0, False, passive)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Front - a terrorist group - bombed the depot.", True),  # a spaced hyphen is a dash
    ("The Front, a terrorist group based in Orsk, bombed the depot.", True),
    ("The Front - a terrorist group, according to the US - bombed the depot.", True),
    ("Laws against terrorist groups, passed in 2001, were repealed.", False),
])
def test_an_appositive_before_a_verb_is_its_subject(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", frozenset({"group"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Police questioned Ivo Brandt, a former terrorist, and released him.", True),
    ("The raid was carried out by the Front, a terrorist group based in Orsk.", True),
    ("Police questioned a man, a former terrorist, and released him.", False),  # names no one
])
def test_an_appositive_is_about_the_one_it_stands_beside(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", frozenset({"group"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The attack on the depot was terrorism.", True),
    ("Monday's bombing was terrorism.", True),
    ("The greatest threat to the port is terrorism.", False),  # no act
    ("By then it was terrorism as well.", False),
    ("Such attacks are terrorism.", False),  # a kind of act
    ("The attack on the depot was not terrorism.", False),
])
def test_a_bare_abstract_label_is_specific_only_when_said_of_a_particular_act(text: str, expected: bool) -> None:
    assert specific(text, "terrorism", frozenset({"attack", "bombing"})) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Police are investigating whether the attack was terrorism.", "terrorism", False),
    ("It is not known if the men were terrorists.", "terrorist", False),
    ("The attack may have been terrorism.", "terrorism", True),  # the writer's hedge
    ("Asked whether the men were terrorists, Voss said yes.", "terrorist", True),  # a question put to Voss
])
def test_a_predicate_in_a_clause_that_asks_is_no_label(text: str, word: str, expected: bool) -> None:
    assert specific(text, word, frozenset({"attack"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Terrorist Ivo Brandt was arrested on Monday.", True),  # a false title opening the sentence
    ("Terrorist Prevention Unit officers searched a flat.", False),  # a name's own word
    ("Police arrested terrorist Ivo Brandt on Monday.", True),
    ("Officers of the Terrorist Prevention Unit searched a flat.", False),
])
def test_a_capitalised_label_counts_before_a_person_s_name_only_where_capitals_tell_nothing(
        text: str, expected: bool) -> None:
    assert specific(text, "terrorist", frozenset({"group"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The dockers were terrorists.", True),
    ("The dockers were not terrorists.", False),
    ("The dockers were never terrorists.", False),
    ("Ivo Brandt is no terrorist.", False),
    ("The dockers were not terrorists but smugglers.", False),
])
def test_a_denied_predicate_is_no_label(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", None) is expected


@pytest.mark.parametrize(("text", "word"), [
    ("The dockers were not terrorists.", "terrorists"),
    ("The killings did not amount to genocide.", "genocide"),
    ("The shelling of the market was not a war crime.", "war crime"),
])
def test_a_denied_predicate_counts_where_denials_do(text: str, word: str) -> None:
    """``refers: judged`` (Bias.LegalFindings): an acquittal in the writer's voice is a finding too."""
    start = text.index(word)
    an = Analysis(make_document("t.txt", text, "text"))
    heads = frozenset({"killing", "shelling"})
    assert not an.specific(start, start + len(word), heads)
    assert an.specific(start, start + len(word), heads, denials=True)


def test_a_main_verb_read_as_a_participle_after_a_set_off_one_is_the_past() -> None:
    text = "The minister, accused of bribery by Ivo Brandt, resigned on Tuesday."
    parse = Analysis(make_document("t.txt", text, "text")).parse_at(0)
    assert parse is not None
    assert [(g.lemma, g.finite) for g in parse.groups] == [("accuse", False), ("resign", True)]


def test_a_spaced_hyphen_is_tagged_as_a_dash() -> None:
    from linter.analysis.tagging import tag_span

    text = "The Sarn Valley Front - a terrorist group - bombed a depot."
    assert [t.tag for t in tag_span(text, 0, len(text)) if t.text in ("-", "bombed")] == [",", ",", "VBD"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The men, who are terrorists, were freed.", True),
    ("The Front, which the US says is a terrorist group, denied it.", True),
    ("Anyone who is a terrorist will be caught.", False),
])
def test_a_relative_pronoun_stands_for_its_noun_phrase(text: str, expected: bool) -> None:
    assert specific(text, "terrorist", frozenset({"group"})) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The men the government calls terrorists were freed.", Voice.ATTRIBUTED),  # no pronoun
    ("On Tuesday the mayor called the terrorists' leader to a meeting.", Voice.OWN),  # a time, no name
])
def test_a_relative_clause_without_its_pronoun(text: str, expected: Voice) -> None:
    assert voice(text, "terrorists") is expected


@pytest.mark.parametrize(("text", "source", "vague"), [
    ("Police chief: The men fled north.", "Police chief", False),  # no capitals, but a source's noun
    ("Health minister: The men will be tried.", "Health minister", False),
    ("Experts: The men will strike again.", "Experts", True),  # a source that names no one
])
def test_a_speaker_label_may_be_a_source_noun_in_lower_case(text: str, source: str, vague: bool) -> None:
    [(frame, cue, found, _)] = frames_of(text)
    assert (cue, found, frame.vague) == (":", source, vague)


@pytest.mark.parametrize(("text", "word"), [
    ("The men the US regards as terrorists fled north.", "terrorists"),
    ("The port, which Tamm views as a prize, is shut.", "prize"),
    ("The Front hailed the bombers as martyrs.", "martyrs"),  # praise and blame before "as"
    ("The group celebrated the attackers as martyrs.", "martyrs"),
    ("Voss denounced the protesters as terrorists.", "terrorists"),
    ("State media glorified the bombers as martyrs.", "martyrs"),
    ("The bombers were hailed as martyrs by the Front.", "martyrs"),  # a passive with its agent
])
def test_a_verb_of_seeing_before_as_attributes_the_view(text: str, word: str) -> None:
    assert voice(text, word) is Voice.ATTRIBUTED


def test_a_relative_with_no_pronoun_after_a_preposition_before_as() -> None:
    text = "Police raided a house used by the men the US regards as terrorists."
    assert voice(text, "terrorists") is Voice.ATTRIBUTED
    assert specific(text, "terrorists", None)
    # an indefinite antecedent names no one in particular, as with "that"
    assert not specific("Police raided a house used by a group the US lists as a terrorist group.",
                        "terrorist", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("The men bombed the depot, a claim Western governments deny.", Voice.OWN),
    ("The men bombed the depot, an allegation local officials reject.", Voice.OWN),
    ("The men bombed the depot, a charge he denies.", Voice.OWN),
    ("The men bombed the depot, Western governments say.", Voice.ATTRIBUTED),
])
def test_a_claim_with_a_relative_clause_does_not_report_the_sentence(text: str, expected: Voice) -> None:
    """"..., a claim Western governments deny": who denies the claim did not say it, and the
    noun phrase after "claim" is the relative clause's subject, not part of the claim."""
    assert voice(text, "men") is expected


def test_the_subject_of_a_relative_clause_after_a_claim_is_a_chunk_of_its_own() -> None:
    from linter.analysis.chunks import chunks
    from linter.analysis.tagging import Token

    words = "a/DT claim/NN Western/JJ governments/NNS deny/VBP and/CC the/DT attorney/NN general/JJ said/VBD"
    tokens = [Token(0, 0, w, t, w.lower()) for w, t in (p.split("/") for p in words.split())]
    found = [(c.first, c.last) for c in chunks(tokens, [-1] * 4 + [0, -1, -1, -1, -1, 1])]
    assert found == [(0, 1), (2, 3), (6, 7)]  # "the attorney general" stays one phrase (head: attorney)


@pytest.mark.parametrize(("text", "expected"), [
    # "official" after a determiner and before a comma is a person, not an adjective
    ("The official, who spoke on condition of anonymity because the inquiry is not finished, said "
     "that detectives are checking whether the men had help.", Voice.ATTRIBUTED),
    ("A senior official, who asked not to be named, said the men had help.", Voice.ATTRIBUTED),
    ("The result was official, and the men had lost.", Voice.OWN),
    # a noun after "before" with a comma after it is no subject across the aside
    ("That would let the men regroup before the winter, forcing the army to fight on two fronts, "
     "said Ada Frey, a former defence minister.", Voice.ATTRIBUTED),
    # a past tense the tagger read as a participle, joined by "and" to the verb of saying
    ("The court overruled and said the men could be held.", Voice.ATTRIBUTED),
    ("The houses shelled and burned by the men were empty.", Voice.OWN),
    # a phrase in quote marks inside the content does not hide the trailing speaker
    ('That would create a "winter of pain" for Voss before the vote, forcing him to fight the men, '
     "said Ivo Brandt, a party strategist.", Voice.ATTRIBUTED),
    ("That would create a “winter of pain” for Voss before the vote, forcing him to fight the men, "
     "said Ivo Brandt.", Voice.ATTRIBUTED),
    # "by" before a gerund is a means, not the agent of a reduced passive
    ("Ada Frey, the chairwoman of the county party, said Voss hurt his cause by attacking the men "
     "in the port, who are engaged in a tough fight.", Voice.ATTRIBUTED),
    ("The Front, designated a terror group by the US, said the men were innocent.", Voice.ATTRIBUTED),
    # after "with", the gerund's speaker is the noun phrase right before it
    ("Prices rose, with analysts saying the men had sold early.", Voice.VAGUE),
    ("Prices rose, with Ada Frey saying the men had sold early.", Voice.ATTRIBUTED),
    # an aside opened by "and" and a preposition, before the content's own verb
    ("Voss said ending the talks before the winter, and without knowing who might win the ballot, "
     "could hand the men a victory.", Voice.ATTRIBUTED),
    ("Voss said the talks had failed, and in the morning, police caught the men.", Voice.OWN),
    # "As X put it," is "As X said,"; set after the subject, it reports the whole clause
    ("As Voss put it, the men had nothing left to lose.", Voice.ATTRIBUTED),
    ("The men, as Voss put it, had nothing left to lose.", Voice.ATTRIBUTED),
    ("The men, as Voss said, had nothing left to lose.", Voice.ATTRIBUTED),
    ("Voss put it on the table, and the men left.", Voice.OWN),
    # a past the tagger read as a participle after what a thought verb reports
    ("Police suspect the men fled by boat.", Voice.ATTRIBUTED),
])
def test_speakers_the_parse_used_to_miss(text: str, expected: Voice) -> None:
    assert voice(text, "men") is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Terrorists set fire to a fuel depot outside Orsk on Monday, killing four guards.", True),
    ("Terrorists hit the depot overnight.", True),
    ("Terrorists cut the power lines to the port last week.", True),
    ("Terrorists set fires to spread fear.", False),  # no time: a generic present
])
def test_a_past_tense_spelt_like_its_present_is_past_with_a_past_time(text: str, expected: bool) -> None:
    """"set", "hit", "cut" after a plural read as a present tell of no event; a time in the
    past in the sentence makes them past, and the label names the men who did it."""
    assert specific(text, "terrorists", None) is expected


@pytest.mark.parametrize(("text", "word"), [
    ("The bombers, described by police as terrorists, were caught.", "terrorists"),
    ("The Front, listed by the US as a terrorist group, denied the attack.", "terrorist"),
    ("The men were branded by the government as terrorists.", "terrorists"),
])
def test_a_labelling_passive_with_its_agent_before_as_reports_the_label(text: str, word: str) -> None:
    """"described by police as terrorists": the label is the agent's, as in "described as
    terrorists by police", and it is about the men the participle follows."""
    assert voice(text, word) is Voice.ATTRIBUTED
    assert specific(text, word, frozenset({"group"}))


def test_a_short_lemma_enters_the_frame_gate_as_whole_words() -> None:
    from linter.analysis.cues import _regular_forms, frame_gate

    assert _regular_forms("ban") == ("ban", "bans", "banning", "banned")
    gate = frame_gate()
    assert gate.search("The government banned the Front as a group.") is not None
    assert gate.search("The bank opened a branch near the bandstand.") is None


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("The government banned the Front as a terrorist organisation in 2019.", "banned", "The government"),
    ("The Front, which the Kell government has listed as a terrorist group, denied it.", "has listed",
     "the Kell government"),
    ("Britain proscribed the Front as a terrorist group in 2001.", "proscribed", "Britain"),
])
def test_a_ban_or_a_listing_that_says_what_it_bans_is_a_frame(text: str, cue: str, source: str) -> None:
    assert [(c, s) for _, c, s, _ in frames_of(text) if c == cue] == [(cue, source)]


def test_a_ban_that_says_nothing_of_what_it_bans_is_no_frame() -> None:
    assert [c for _, c, _, _ in frames_of("The government banned the march on Tuesday.")] == []


def test_a_time_adverbial_after_a_noun_is_a_chunk_of_its_own() -> None:
    assert chunk_words("The mayor described the Front as a violent group last year.")[-2:] == [
        "a violent group", "last year"]
    assert chunk_words("Police closed the port late last week.")[-2:] == ["the port", "last week"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen, whom the government calls terrorists, seized the quay.", True),
    ("The gunmen, whom the government calls terrorists, seized the quay.", True),
    ("Militants, whom the government calls terrorists, often attack convoys.", False),
])
def test_a_bare_phrase_a_label_is_given_to_is_particular_people_when_its_verb_tells_an_event(
        text: str, expected: bool) -> None:
    assert specific(text, "terrorists", None) is expected


@pytest.mark.parametrize(("text", "phrases"), [
    # a naming verb's object and the name it gives: two phrases, after a plural ...
    ("Ada Frey called the men terrorists.", ["Ada Frey", "the men", "terrorists"]),
    ("Voss called the police officers heroes.", ["Voss", "the police officers", "heroes"]),
    # ... and after a singular noun right after its article, when the plural ends the phrase
    ("Ada Frey has called the group terrorists.", ["Ada Frey", "the group", "terrorists"]),
    # (not a compound with more after it, nor after any other verb)
    ("Ada Frey called the group terrorist leaders.", ["Ada Frey", "the group terrorist leaders"]),
    ("Ada Frey met the group leaders.", ["Ada Frey", "the group leaders"]),
])
def test_a_naming_verb_s_object_and_the_name_it_gives_are_two_phrases(text: str, phrases: list[str]) -> None:
    assert chunk_words(text) == phrases


def test_a_superlative_adverb_stays_inside_its_phrase() -> None:
    assert chunk_words("It was the most heinous crime the island has seen.")[1] == "the most heinous crime"


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("The minister called the shooting an act of terror.", "shooting", "NN"),
    ("Police are investigating the killing.", "killing", "NN"),
    ("The ruling party lost the remaining seats.", "remaining", "VBG"),
    ("The ferry sailed on the following day.", "following", "VBG"),
])
def test_an_ing_form_that_ends_its_article_s_phrase_is_a_noun(text: str, word: str, tag: str) -> None:
    assert [t.tag for t in tag_span(text, 0, len(text)) if t.text == word] == [tag]


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("The Front hailed the dead as martyrs.", "dead", "NNS"),
    ("Two of the men were among the injured.", "injured", "NNS"),
    ("The dead men were buried on Friday.", "dead", "JJ"),
    ("The missing link was found.", "missing", "JJ"),
])
def test_the_dead_and_the_injured_are_people(text: str, word: str, tag: str) -> None:
    assert [t.tag for t in tag_span(text, 0, len(text)) if t.text == word] == [tag]


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence with no finite verb, opened by a plural noun phrase: its participle is the past
    ("Far-right extremists marched through Orsk on Saturday.", ["JJ", "NNS", "VBD"]),
    # a plural read as a present before a past, that no verb knows: a noun
    ("Hardline extremists rallied outside the Tarn courthouse on Friday night.", ["NNP", "NNS", "VBD"]),
    ("Voss looks worried about the vote.", ["NNP", "VBZ", "JJ"]),
])
def test_the_verb_of_a_sentence_opened_by_a_plural(text: str, expected: list[str]) -> None:
    assert [t.tag for t in tag_span(text, 0, len(text))][:3] == expected


def test_a_verbs_bare_form_after_an_article_is_a_noun() -> None:
    text = "A raid by insurgents on the Tarn depot was repelled overnight."
    assert [t.tag for t in tag_span(text, 0, len(text))][:2] == ["DT", "NN"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The terrorists, as the government calls them, have held the valley since May.",
     ("calls", "the government", "The terrorists")),
    ("The deal with Ada, as friends call her, has soured.", ("call", "friends", "Ada")),
])
def test_as_x_calls_them_attributes_the_name_alone(text: str, expected: tuple[str, str, str]) -> None:
    assert [(c, s, content) for _, c, s, content in frames_of(text)] == [expected]


@pytest.mark.parametrize(("text", "word", "full", "named_only", "tagged"), [
    # only the span's own cue: not tagged (and a cue is no content of its own frame)
    ("The gunmen are thought to be hiding in the hills.", "are thought to be", Voice.OWN, Voice.OWN, False),
    # a cue outside the span: the frames are read as usual
    ("Police said the gunmen are thought to be hiding.", "are thought to be", Voice.ATTRIBUTED,
     Voice.ATTRIBUTED, True),
])
def test_a_voice_asked_only_for_named_sources_reads_no_frame_of_the_span_s_own_cues(
        text: str, word: str, full: Voice, named_only: Voice, tagged: bool) -> None:
    start = text.index(word)
    assert Analysis(make_document("t.txt", text, "text")).voice(start, start + len(word)) is full
    an = Analysis(make_document("t.txt", text, "text"))
    assert an.voice(start, start + len(word), named_only=True) is named_only
    assert bool(an._parses) is tagged


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The attack was the work of terrorists.", "terrorists", True),
    ("The blast bore the hallmarks of terrorists.", "terrorists", True),
    ("Terrorism is the work of cowards and terrorists.", "terrorists", False),
    ("Ada Voss did not say the attack was the work of terrorists.", "terrorists", False),
])
def test_the_doer_after_the_work_of_is_specific(text: str, word: str, expected: bool) -> None:
    assert specific(text, word, None) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Ada Voss, who wrote a book about terrorists, spoke in Tarn.", "terrorists", False),
    ("TV3 showed a documentary on militants.", "militants", False),
    ("Troops fired on militants near Tarn.", "militants", True),
    ("The book about the terrorists who bombed the depot sold well.", "terrorists", True),
])
def test_what_a_work_is_about_is_a_kind(text: str, word: str, expected: bool) -> None:
    assert specific(text, word, None) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A band of terrorists seized the ferry.", True),
    ("Troops ambushed a column of terrorists on the coast road.", True),
    ("The ferry carried a boatload of terrorists to Orsk.", True),
    ("Gunboats sank a dinghy carrying terrorists.", True),
    ("New rules target bands of terrorists.", False),
    ("Ports fear a boatload of terrorists.", False),
    ("The law bans charities funding terrorists.", False),
    ("Ada Voss did not say whether a band of terrorists seized the ferry.", False),
])
def test_a_label_shares_the_reference_of_the_body_or_the_load_it_is(text: str, expected: bool) -> None:
    assert specific(text, "terrorists", None) is expected


def test_a_label_after_went_on_to_is_about_the_subject_of_went() -> None:
    assert specific("The men went on to fight as terrorists in the hills.", "terrorists", None)
    assert not specific("Young men who go on to fight as terrorists are rarely caught.", "terrorists", None)


@pytest.mark.parametrize(("text", "expected"), [
    # a naming participle names whom its object names
    ("Brandt's campaign put out an advert calling the dockers terrorists.", Voice.ATTRIBUTED),
    ("Brandt posted a video on Sunday, calling the strikers terrorists.", Voice.ATTRIBUTED),
    # ... and what carries the words speaks for itself
    ("A leaflet branding the dockers terrorists was found on the quay.", Voice.ATTRIBUTED),
    # "referred to ... as" names, as "described ... as" does
    ("Brandt has repeatedly referred to the dockers as terrorists.", Voice.ATTRIBUTED),
])
def test_labels_given_by_a_participle_or_by_referring_to_someone_as(text: str, expected: Voice) -> None:
    assert specific(text, "terrorists", None)
    assert voice(text, "terrorists") is expected


@pytest.mark.parametrize("text", [
    "Brandt has avoided calling the dockers terrorists.",
    "Laws calling such groups terrorists are common.",
])
def test_a_participle_that_names_no_one_or_was_not_done_is_no_label(text: str) -> None:
    assert not specific(text, "terrorists", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ada Voss was blunt - the men fled.", "the men fled."),
    ("The spokeswoman was adamant - the men fled.", "the men fled."),
])
def test_a_forthright_speaker_before_a_dash(text: str, expected: str) -> None:
    [(frame, _, _, content)] = frames_of(text)
    assert (frame.kind, content) == ("verb", expected)


def test_a_political_wing_opening_a_sentence_is_an_adjective() -> None:
    text = "Left-wing radicals occupied the square."
    assert tag_span(text, 0, len(text))[0].tag == "JJ"
    assert specific(text, "radicals", None)


@pytest.mark.parametrize(("text", "expected"), [
    # a kicker that names an event speaks no words, however the model tagged its capitals
    ("Tarn ferry raid: terrorists due in court\n\nFour men were remanded.", Voice.OWN),
    ("Ada Frey: terrorists behind the raid\n\nFour men were held.", Voice.ATTRIBUTED),
])
def test_a_headline_kicker_is_no_speaker(text: str, expected: Voice) -> None:
    assert voice(text, "terrorists") is expected


@pytest.mark.parametrize(("text", "content"), [
    # a free relative gives its subject only the name after the verb
    ("The board, in what Voss called an act of terror, shut the port.", "an act of terror"),
    ("What the mayor called a riot ended when the men fled.", "a riot"),
])
def test_what_someone_called_something_is_theirs_and_no_more(text: str, content: str) -> None:
    [(frame, _, _, found)] = frames_of(text)
    assert (frame.kind, found) == ("verb", content)


@pytest.mark.parametrize("text", [
    "As the Orsk Courier recently noted, the men are still in the hills.",
    "The men, as the minister rightly noted, are still in the hills.",
])
def test_a_reporting_past_after_a_subject_and_an_adverb(text: str) -> None:
    [(frame, cue, _, _)] = frames_of(text)
    assert (frame.kind, cue) == ("verb", "noted")


def test_a_content_clause_goes_on_past_a_dash_and_that() -> None:
    [(_, _, _, content)] = frames_of("Voss said the port was safe -- and that the men had fled.")
    assert content == "the port was safe -- and that the men had fled."


@pytest.mark.parametrize("text", [
    "Voss is said to have told friends the men had fled.",
    "Voss is said to have told friends that the men had fled.",
])
def test_an_infinitive_after_a_raised_passive_reports_past_whom_it_tells(text: str) -> None:
    found = [(f.kind, cue, content) for f, cue, _, content in frames_of(text)]
    assert ("verb", "to have told", "the men had fled.") in found or (
        "verb", "to have told", "that the men had fled.") in found


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # a base form read as a past: a noun where a noun phrase goes on to no object
    ("Voss wrote on her Twitter feed that she had left .".split(),
     ["NNP", "VBD", "IN", "PRP$", "NNP", "VBD", "IN", "PRP", "VBD", "VBN", "."], "NN"),
    ("The win cut the Orsk lead to four points .".split(),
     ["DT", "NN", "VBD", "DT", "NNP", "VBD", "IN", "CD", "NNS", "."], "NN"),
    # ... a present where an object follows, or after a plural
    ("Tarn Rovers lead the league by four points .".split(),
     ["NNP", "NNPS", "VBD", "DT", "NN", "IN", "CD", "NNS", "."], "VBP"),
    ("Users build lists of their favourite songs .".split(),
     ["NNS", "VBD", "NNS", "IN", "PRP$", "JJ", "NNS", "."], "VBP"),
])
def test_a_base_form_read_as_a_past_is_none(words: list[str], tags: list[str], expected: str) -> None:
    position = next(i for i, t in enumerate(tags) if t == "VBD" and words[i].lower() in ("feed", "lead", "build"))
    assert repair(words, tags, _tagger())[position] == expected


@pytest.mark.parametrize(("words", "tags"), [
    # pasts that are a base form too are left alone
    ("The men lay in wait for the convoy .".split(), ["DT", "NNS", "VBD", "IN", "NN", "IN", "DT", "NN", "."]),
    ("The army cut the road on Monday .".split(), ["DT", "NN", "VBD", "DT", "NN", "IN", "NNP", "."]),
    ("The firm bid for the contract .".split(), ["DT", "NN", "VBD", "IN", "DT", "NN", "."]),
])
def test_a_past_that_is_a_base_form_too_stays_a_past(words: list[str], tags: list[str]) -> None:
    assert repair(words, tags, _tagger())[2] == "VBD"


@pytest.mark.parametrize(("text", "source"), [
    ("The Front, a designated terrorist organisation in the EU, claimed it.", "the EU"),
    ("The Front is a proscribed terrorist group under Orsk law.", "Orsk law"),
    ("The Front, a listed terrorist group by the US, claimed it.", "the US"),
    ("The Front is a proscribed terrorist group.", None),  # no authority: the writer's
    ("The Front, a designated terrorist group in 2019, claimed it.", None),  # a year is none
])
def test_a_designation_is_its_authority_s(text: str, source: str | None) -> None:
    an = Analysis(make_document("t.txt", text, "text"))
    start = text.index("terrorist")
    found = [text[slice(*f.source)] for f in an.frames_at(start)
             if f.source and f.kind == "noun" and f.covers(start, start + 9)]
    assert found == ([source] if source else [])
    assert an.voice(start, start + 9) is (Voice.ATTRIBUTED if source else Voice.OWN)


@pytest.mark.parametrize(("text", "cues"), [
    # a particle that makes another verb leaves no reporting verb
    ("Police called off the search for the men.", []),
    ("The coastguard called up reservists to hunt the men.", []),
    ("The mayor played down the threat.", []),
    # ... one that makes a reporting verb, or after which the verb still reports, does not
    ("The mayor called for calm.", ["called for"]),
    ("Voss wrote back that the men had fled.", ["wrote"]),
])
def test_a_particle_may_make_another_verb(text: str, cues: list[str]) -> None:
    assert [cue for _, cue, _, _ in frames_of(text)] == cues


@pytest.mark.parametrize(("text", "source"), [
    # a passive's agent past the verb's phrase of "on", "for" or "of"
    ("The attack has been blamed on the men by police.", "police"),
    ("The board was criticised for the delay by the union.", "the union"),
    ("The attack was blamed on the men by the time the inquiry opened.", None),
])
def test_a_passive_agent_past_the_verbs_phrase(text: str, source: str | None) -> None:
    [(frame, _, found, content)] = frames_of(text)
    assert (frame.kind, found) == ("passive", source)
    assert content.startswith(("on the men", "for the delay"))


@pytest.mark.parametrize(("text", "expected"), [
    # a bare plural that denied evidence would show, or a denied verb of saying reports
    ("There is no evidence that terrorists were involved.", False),
    ("Police found no sign terrorists had boarded the ferry.", False),
    ("Nothing suggests terrorists set the fire.", False),
    ("Voss did not say terrorists were behind the blast.", False),
    ("There is no evidence that Sarn terrorists were involved.", False),
    # ... or one in a question or a supposition
    ("It is not known if terrorists were on board.", False),
    ("If terrorists were behind the blast, the ministry will respond.", False),
    # ... but not the ones the writer takes to exist, nor evidence that is there
    ("There is no evidence that the terrorists crossed the border.", True),
    ("There is evidence that terrorists were involved.", True),
    ("Police are investigating whether the terrorists fled by boat.", True),
    # ... nor a label in an aside the writer puts inside the clause
    ("It is unclear whether the plan - drawn up after Sarn terrorists bombed the depot - will work.", True),
])
def test_a_bare_plural_in_a_clause_no_one_asserts_is_no_one(text: str, expected: bool) -> None:
    assert specific(text, "terrorists", None) is expected


@pytest.mark.parametrize(("text", "source", "content"), [
    ("The men fled - or so the police say.", "the police", "The men fled"),
    ("The men fled, was how the mayor put it.", "the mayor", "The men fled"),
    ("The men fled - that was how the mayor put it in her memoir.", "the mayor", "The men fled"),
    ("That's how the mayor put it.", "the mayor", ""),
])
def test_a_trailing_idiom_gives_the_words_before_it(text: str, source: str, content: str) -> None:
    [(_, _, found, words)] = frames_of(text)
    assert (found, words.rstrip()) == (source, content)


@pytest.mark.parametrize(("text", "content"), [
    # a participle's person addressed or accused is the writer's naming, as after a finite verb
    ("Voss spoke on Monday, accusing the men of lying.", "of lying."),
    ("Voss spoke on Monday, urging the men to leave.", "to leave."),
])
def test_a_participle_skips_its_person(text: str, content: str) -> None:
    assert [c for _, cue, _, c in frames_of(text) if cue != "spoke"] == [content]


@pytest.mark.parametrize(("text", "content"), [
    # a free relative of a labelling verb and "as": the name is the subject's
    ("What the army described as a cell turned out to be a family.", "a cell"),
    ("In what the army described as an attack, two guards died.", "an attack"),
])
def test_what_the_army_described_as(text: str, content: str) -> None:
    assert [(cue, c) for _, cue, _, c in frames_of(text)] == [("described", content)]


@pytest.mark.parametrize(("text", "expected"), [
    # a naming participle after an opening preposition names the subject after the comma
    ("Despite being called terrorists by Orsk, the rebels were invited.", True),
    ("Despite being called terrorists, the rebels were invited.", True),
    ("Despite being called terrorists, rebels are often invited.", False),
])
def test_a_naming_participle_after_a_preposition(text: str, expected: bool) -> None:
    assert specific(text, "terrorists", None) is expected
