"""Quotations, sentences, paragraphs and attribution (linter/analysis/).

Every test string here was written for these tests.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from linter.analysis import Analysis, Voice
from linter.analysis.cues import reporting_cues, source_cues
from linter.analysis.quotations import MAX_DEPTH, Quotation, QuoteMark
from linter.analysis.sentences import Paragraph, Sentence
from linter.markup import make_document


def has_cue(text: str) -> bool:
    return next(reporting_cues(text), None) is not None


def has_source(text: str) -> bool:
    return next(source_cues(text), None) is not None


class Regions:
    """The three analyses of one text, read through one object as these tests do."""

    def __init__(self, an: Analysis) -> None:
        q, s, a = an.quotations, an.sentences, an.attribution
        self.quotations: tuple[Quotation, ...] = q.quotations
        self.marks: tuple[QuoteMark, ...] = q.marks
        self.unclosed: tuple[Quotation, ...] = q.unclosed
        self.sentences: tuple[Sentence, ...] = s.sentences
        self.paragraphs: tuple[Paragraph, ...] = s.paragraphs
        self.in_quotation = q.in_quotation
        self.sentence_at, self.paragraph_at = s.sentence_at, s.paragraph_at
        self.voice, self.cue_spans = an.voice, a.cue_spans


def regions(source: str) -> Regions:
    return Regions(Analysis(make_document("t.txt", source, "text")))


def quoted(source: str) -> list[str]:
    return [source[q.start : q.end] for q in regions(source).quotations]


def sentences(source: str) -> list[str]:
    return [source[s.start : s.end] for s in regions(source).sentences]


def voice(source: str, word: str) -> Voice:
    start = source.index(word)
    return regions(source).voice(start, start + len(word))


# ---------------------------------------------------------------------------
# Quotations: every mark


@pytest.mark.parametrize(
    ("source", "quote", "open_mark", "close_mark"),
    [
        ('The mayor said "not today" and left.', '"not today"', '"', '"'),
        ("The mayor said “not today” and left.", "“not today”", "“", "”"),
        ("The mayor said ‘not today’ and left.", "‘not today’", "‘", "’"),
        ("The mayor said 'not today' and left.", "'not today'", "'", "'"),
        ("Le maire a dit «pas aujourd'hui» puis est parti.", "«pas aujourd'hui»", "«", "»"),
        ("Der Bürgermeister sagte »nicht heute« und ging.", "»nicht heute«", "»", "«"),
        ("Der Bürgermeister sagte „nicht heute“ und ging.", "„nicht heute“", "„", "“"),
        ("Burmistrz powiedział „nie dzisiaj” i wyszedł.", "„nie dzisiaj”", "„", "”"),
        ("Le maire a dit ‹pas ici› puis est parti.", "‹pas ici›", "‹", "›"),
        ("Er sagte ‚nicht heute‘ und ging.", "‚nicht heute‘", "‚", "‘"),
    ],
)
def test_every_mark_pairs(source: str, quote: str, open_mark: str, close_mark: str) -> None:
    (q,) = regions(source).quotations
    assert source[q.start : q.end] == quote
    assert (q.open_mark, q.close_mark, q.closed, q.depth, q.continued) == (
        open_mark,
        close_mark,
        True,
        0,
        False,
    )
    assert source[q.content_start : q.content_end] == quote[1:-1]


def test_several_quotations_in_one_sentence() -> None:
    source = 'She called it "late", "costly" and "a mess".'
    assert quoted(source) == ['"late"', '"costly"', '"a mess"']


def test_quotation_at_paragraph_start_and_end() -> None:
    source = '"We are ready," the coach said. He added: "We will win."'
    assert quoted(source) == ['"We are ready,"', '"We will win."']


def test_curly_nested_in_curly() -> None:
    source = "“They told us ‘stay home’ and we did,” a resident said."
    r = regions(source)
    outer, inner = r.quotations
    assert (outer.depth, inner.depth) == (0, 1)
    assert source[inner.start : inner.end] == "‘stay home’"
    word = source.index("stay")
    assert r.in_quotation(word, word + 4) == inner
    did = source.index("did")
    assert r.in_quotation(did, did + 3) == outer


def test_straight_single_nested_in_straight_double() -> None:
    source = "\"The board called it 'a farce' on Friday,\" he said."
    assert quoted(source) == [
        "\"The board called it 'a farce' on Friday,\"",
        "'a farce'",
    ]
    assert [q.depth for q in regions(source).quotations] == [0, 1]


def test_british_nesting_double_inside_single() -> None:
    source = "‘He shouted “get out” at me,’ she said."
    assert [q.depth for q in regions(source).quotations] == [0, 1]


def test_german_nesting() -> None:
    source = "Sie sagte: „Er rief ‚raus‘ und ging.“"
    r = regions(source)
    assert [(q.open_mark, q.close_mark, q.depth) for q in r.quotations] == [
        ("„", "“", 0),
        ("‚", "‘", 1),
    ]


@pytest.mark.parametrize(
    ("source", "open_mark", "close_mark"),
    [
        ("The agency said «the talks failed” on Tuesday.", "«", "”"),
        ("The agency said “the talks failed» on Tuesday.", "“", "»"),
        ('The agency said "the talks failed” on Tuesday.', '"', "”"),
        ('The agency said “the talks failed" on Tuesday.', "“", '"'),
    ],
)
def test_mixed_styles_pair_anyway(source: str, open_mark: str, close_mark: str) -> None:
    r = regions(source)
    (q,) = r.quotations
    assert (q.open_mark, q.close_mark, q.closed) == (open_mark, close_mark, True)
    assert r.unclosed == ()


# ---------------------------------------------------------------------------
# Quotations across paragraphs


def test_multi_paragraph_quotation_continues() -> None:
    source = (
        "The coach spoke after the match.\n\n"
        "“We started badly and never recovered.\n\n"
        "“Next week will be different,” he said.\n"
    )
    r = regions(source)
    first, second = r.quotations
    assert (first.closed, first.continued) == (False, False)
    assert (second.closed, second.continued) == (True, True)
    assert r.unclosed == ()
    assert first.end <= source.index("\n\n“Next")


def test_multi_paragraph_quotation_one_paragraph_per_line() -> None:
    long = "We started badly and never recovered from the early goal, which came after four minutes"
    source = f'"{long}.\n"Next week will be different in every way that matters to us," he said.\n'
    r = regions(source)
    assert [q.continued for q in r.quotations] == [False, True]
    assert r.unclosed == ()


def test_three_paragraph_quotation() -> None:
    source = "“One.\n\n“Two.\n\n“Three,” she said.\n"
    r = regions(source)
    assert [(q.closed, q.continued) for q in r.quotations] == [
        (False, False),
        (False, True),
        (True, True),
    ]
    assert r.unclosed == ()


def test_unclosed_quotation_not_followed_by_an_opening_mark() -> None:
    source = "“We started badly.\n\nThe coach then left the room.\n"
    r = regions(source)
    (q,) = r.quotations
    assert r.unclosed == (q,)
    assert q.end == source.index("\n\n")
    assert q.close_mark == ""


def test_quotations_never_cross_paragraphs() -> None:
    source = 'She said "we are\n\nnot ready" today.\n'
    r = regions(source)
    for q in r.quotations:
        paragraph = r.paragraph_at(q.start)
        assert paragraph is not None and q.end <= paragraph.end


def test_run_together_paragraphs_continue_a_quotation() -> None:
    source = 'The minister said: "We doubled the grant last year. "We will double it again."'
    r = regions(source)
    assert [q.continued for q in r.quotations] == [False, True]
    assert r.unclosed == ()


def test_continuation_inherits_attribution() -> None:
    source = "The minister said: “We doubled the grant.\n\n“It was a triumph.”\n"
    r = regions(source)
    start = source.index("triumph")
    assert r.voice(start, start + 7) is Voice.QUOTED


# ---------------------------------------------------------------------------
# Apostrophes


@pytest.mark.parametrize(
    "source",
    [
        "They don't agree.",
        "Kazakhstan's capital moved.",
        "Music from the '90s returned.",
        "She loved rock 'n' roll all her life.",
        "He was runnin' late and goin' nowhere.",
        "The train left at six o'clock sharp.",
        "The ministers' meeting ended early.",
        "The players' union objected.",
        "It’s raining again.",
        "Fashion from the ’90s returned.",
        "She loved rock ’n’ roll all her life.",
        "They were ’avin’ none of it.",
        "Give ’em time, the ministers’ aides said.",
    ],
)
def test_apostrophes_are_not_quotations(source: str) -> None:
    r = regions(source)
    assert r.quotations == ()
    assert r.marks and {m.role for m in r.marks} == {"apostrophe"}


def test_apostrophes_inside_a_single_quotation() -> None:
    source = "'I missed the ministers' meeting, and it's my fault,' she said."
    assert quoted(source) == ["'I missed the ministers' meeting, and it's my fault,'"]


def test_dropped_g_inside_a_single_quotation() -> None:
    source = "‘We were runnin’ out of time,’ he said."
    assert quoted(source) == ["‘We were runnin’ out of time,’"]


def test_scare_quotes_in_single_marks() -> None:
    source = "The 'hawks' won the vote over the 'doves'."
    assert quoted(source) == ["'hawks'", "'doves'"]


def test_unpaired_straight_single_is_not_a_quotation() -> None:
    source = '"They gave \'em a hard time," she said.'
    r = regions(source)
    assert quoted(source) == ['"They gave \'em a hard time,"']
    assert [m.role for m in r.marks] == ["open", "ambiguous", "close"]


def test_marks_record_every_quote_character() -> None:
    source = "“It’s ‘fine’,” he said. Don't \"panic."
    r = regions(source)
    assert [m.char for m in r.marks] == ["“", "’", "‘", "’", "”", "'", '"']
    assert [m.role for m in r.marks] == [
        "open",
        "apostrophe",
        "open",
        "close",
        "close",
        "apostrophe",
        "open",
    ]
    assert [m.offset for m in r.marks] == [i for i, c in enumerate(source) if c in "“’‘”'\""]


# ---------------------------------------------------------------------------
# Unbalanced and adversarial input


def test_unclosed_opening_mark() -> None:
    source = "The chief said “we will be back and left."
    r = regions(source)
    (q,) = r.unclosed
    assert (q.closed, q.end) == (False, len(source))


def test_stray_closing_mark() -> None:
    source = "The chief left.” Then the doors closed."
    r = regions(source)
    assert r.quotations == ()
    assert [m.role for m in r.marks] == ["close"]


def test_lone_marks_do_not_raise() -> None:
    for source in ['"', "'", "“", "”", "« »", '" " "', "'''", '"""', "„", "‚"]:
        an = Analysis(make_document("t.txt", source, "text"))
        assert an.attribution is not None


@pytest.mark.parametrize("mark", ["“", "«", "„", "‘", '"', "'", "‹"])
def test_ten_thousand_nested_opening_marks(mark: str) -> None:
    r = regions((mark + "a ") * 10_000)
    assert len(r.quotations) <= MAX_DEPTH
    assert all(q.depth < MAX_DEPTH for q in r.quotations)
    assert len(r.marks) == 10_000


def test_ten_thousand_adjacent_opening_marks() -> None:
    r = regions("“" * 10_000 + "word" + "”" * 10_000)
    assert 0 < len(r.quotations) <= 10_000
    assert max(q.depth for q in r.quotations) < MAX_DEPTH


def test_million_character_line() -> None:
    sentence = 'Police said Mr. Lee left at 9 a.m. and called it "a farce, e.g. a sham." He left. '
    source = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    r = regions(source)
    count = source.count(sentence)
    assert len(r.paragraphs) == 1
    assert len(r.quotations) >= count
    assert len(r.sentences) >= 2 * count
    middle = source.index("sham", len(source) // 2)
    assert r.voice(middle, middle + 4) is Voice.QUOTED
    assert r.sentence_at(middle).start < middle < r.sentence_at(middle).end


# ---------------------------------------------------------------------------
# Sentences


@pytest.mark.parametrize(
    "source",
    [
        "Mr. Lee met Mrs. Park and Ms. Diaz. They talked.",
        "Dr. Amar and Prof. Ruiz agreed. They signed.",
        "Gen. Ortiz, Col. Baker, Lt. Shaw, Sgt. Kay and Capt. Moss came. They saluted.",
        "Gov. Reyes, Sen. Ito and Rep. Cole voted. They lost.",
        "She lives on St. Anne Street. It is quiet.",
        "It began on Jan. 4 and ended on Feb. 9. It resumed.",
        "It ran from Aug. 3 to Sept. 30 and from Oct. 1 to Nov. 5 and Dec. 2. It ended.",
        "He lives at No. 10 Downing Street. It is old.",
        "It was Smith vs. Jones in court. Jones won.",
        "Some firms, e.g. Acme Inc. Ltd. and Bolt Co. Corp. staff, cut jobs. Others hired.",
        "The U.S. and the U.K. met at the U.N. Headquarters. They agreed.",
        "The talks ran from 9 a.m. Tuesday to 5 p.m. Wednesday. They failed.",
        "Growth was 1.3 per cent and 2.75 per cent. Prices rose.",
        "George W. Bush met J.K. Rowling. They spoke.",
        "The car, i.e. The Beetle, sold well. It was cheap.",
    ],
)
def test_no_split_after_abbreviations_decimals_initials(source: str) -> None:
    assert len(sentences(source)) == 2


def test_no_split_after_etc() -> None:
    """By design "etc." never ends a sentence, even before a capital."""
    assert len(sentences("They sold pens, pads, etc. The shop closed.")) == 1
    assert len(sentences("They sold pens, pads, etc. to tourists. The shop closed.")) == 2


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("It rained. It poured! Did it stop? No… It went on.", 5),
        ('"Stop," she said. He stopped.', 2),
        ('"Stop!" she said. He stopped.', 2),
        ("“We will win.” he said. They lost.", 2),
        ("“We will win!” Smith said. They lost.", 2),
        ("“Why?” The Minister asked. Nobody answered.", 2),
        # a determiner before a noun that is also a reporting verb names no speaker
        ("“Why now?” That question was put to the mayor.", 2),
        ("“We lost.” That said, the club is safe.", 2),
        ('"We lost." She said the rest later.', 2),
        ('He said "Stop. Now" and left. Nobody moved.', 2),
        ("(It rained.) Then it stopped.", 2),
        ("It rained. 2025 was wet.", 2),
        ('It rained. "Too much," he said.', 2),
        ("no capital letter. follows here.", 1),
        ("The score was 3-1. Fans cheered.", 2),
        # a sign-off glued to the full stop is a sentence of its own; an abbreviation is not
        ("Nine were hurt.--Ida Kell.", 2),
        ("Nine were hurt.—Ida Kell.", 2),
        ("The U.S.—Orsk talks ended.", 1),
    ],
)
def test_sentence_boundaries(source: str, expected: int) -> None:
    assert len(sentences(source)) == expected


def test_sentences_are_trimmed_and_never_cross_paragraphs() -> None:
    source = "First one. Second one\n\nThird one. Fourth one.\n"
    assert sentences(source) == ["First one.", "Second one", "Third one.", "Fourth one."]


def test_multi_sentence_quotation_splits_inside() -> None:
    source = '"We tried. We failed. We will try again," the coach said.'
    assert sentences(source) == [
        '"We tried.',
        "We failed.",
        'We will try again," the coach said.',
    ]


def test_sentence_at_and_paragraph_at() -> None:
    source = "Headline here\n\nOne. Two.\n"
    r = regions(source)
    two = source.index("Two")
    assert source[r.sentence_at(two).start : r.sentence_at(two).end] == "Two."
    assert r.sentence_at(14) == Sentence(14, 14)
    paragraph = r.paragraph_at(two)
    assert paragraph is not None and paragraph.kind == "paragraph"
    heading = r.paragraph_at(0)
    assert heading is not None and heading.kind == "heading"
    assert r.paragraph_at(14) is None


# ---------------------------------------------------------------------------
# Attribution and voice


@pytest.mark.parametrize(
    ("expected", "source", "word"),
    [
        (Voice.OWN, "The terrorists attacked the town on Monday.", "terrorists"),
        (Voice.ATTRIBUTED, "The terrorists attacked the town, police said.", "terrorists"),
        (Voice.ATTRIBUTED, "Police said the terrorists attacked the town.", "terrorists"),
        (Voice.ATTRIBUTED, "Police said that the terrorists attacked the town.", "terrorists"),
        (Voice.ATTRIBUTED, "Police say the terrorists will attack again.", "terrorists"),
        (Voice.ATTRIBUTED, "Police were saying the terrorists had fled.", "terrorists"),
        (Voice.OWN, "The terrorists struck after the minister said he would resign.", "terrorists"),
        (Voice.OWN, "The terrorists struck, after the minister said he would resign.", "terrorists"),
        (Voice.ATTRIBUTED, "According to the army, the terrorists attacked at dawn.", "terrorists"),
        (Voice.ATTRIBUTED, "The terrorists attacked at dawn, according to the army.", "terrorists"),
        (Voice.ATTRIBUTED, "The mayor told reporters the terrorists had fled.", "terrorists"),
        (Voice.ATTRIBUTED, "The mayor told Reuters that the raid was a massacre.", "massacre"),
        (Voice.ATTRIBUTED, "Troops fired on what police called a terrorist cell.", "terrorist"),
        (Voice.ATTRIBUTED, "The minister described them as extremists.", "extremists"),
        (Voice.ATTRIBUTED, "The president called them thugs.", "thugs"),
        (Voice.ATTRIBUTED, "In a statement, the ministry condemned the extremists.", "extremists"),
        (Voice.ATTRIBUTED, "The opposition accused the government of a cover-up.", "cover-up"),
        (Voice.ATTRIBUTED, "The union, citing safety fears, said the plan was reckless.", "reckless"),
        (Voice.ATTRIBUTED, "The regulator warned that the scheme was a scam.", "scam"),
        (Voice.ATTRIBUTED, "The ministry's statement said the rebels were terrorists.", "terrorists"),
        (Voice.ATTRIBUTED, "The government branded the protesters traitors.", "traitors"),
        (Voice.ATTRIBUTED, "The group was labelled a terrorist group by the council.", "terrorist"),
        (Voice.ATTRIBUTED, "The militia was designated as a terrorist group by the state.", "terrorist"),
        (Voice.QUOTED, '"They are terrorists," the general said.', "terrorists"),
        (Voice.QUOTED, 'The general said: "They are terrorists."', "terrorists"),
        (Voice.QUOTED, "She called the vote a ‘sham’ and walked out.", "sham"),
        (Voice.QUOTED, "«C'est une farce», a déclaré le maire.", "farce"),
        (Voice.OWN, "Police said the men were armed; the terrorists escaped.", "terrorists"),
        (Voice.OWN, "Police said the men were armed, but the terrorists escaped.", "terrorists"),
        (Voice.OWN, "Police said the men were armed, while terrorists watched.", "terrorists"),
        (Voice.OWN, "The terrorists escaped. Police said the men were armed.", "terrorists"),
        (Voice.OWN, "Police said the men were armed. The terrorists escaped.", "terrorists"),
        (Voice.ATTRIBUTED, "The attack, police said, was the work of terrorists.", "terrorists"),
        (Voice.ATTRIBUTED, "The bombing was a massacre, said a police spokesman.", "massacre"),
        (Voice.ATTRIBUTED, "The bombing was a massacre, the minister said on Monday.", "massacre"),
        (Voice.OWN, "The state of the economy is a disaster.", "disaster"),
        (Voice.OWN, "The rebels called for calm after the massacre.", "massacre"),
        (Voice.OWN, "The film won best picture, along with writing partner Ann Lee.", "best"),
        (Voice.OWN, "The chaos grew after saying goodbye to the old system.", "chaos"),
        (Voice.ATTRIBUTED, "The plan is a disgrace, said Ms Lee, a rival MP.", "disgrace"),
        (Voice.OWN, '"We will see," said Ms Lee, the notorious rival MP.', "notorious"),
        (Voice.ATTRIBUTED, "The rebels had fled, a spokeswoman for the army told the BBC.", "rebels"),
        # "they" as a source: as vague as the last source of the sentence before, in its paragraph
        (Voice.VAGUE, "Analysts say the vote was rigged. The thugs fled north, they say.", "thugs"),
        (Voice.ATTRIBUTED, "The army says the vote was rigged. The thugs fled north, they say.", "thugs"),
        (Voice.ATTRIBUTED, "Analysts say the vote was rigged.\n\nThe thugs fled north, they say.", "thugs"),
        (Voice.ATTRIBUTED, "Officials insisted the deal was a triumph.", "triumph"),
        (Voice.ATTRIBUTED, "The deal was a triumph, officials insisted.", "triumph"),
        (Voice.ATTRIBUTED, "The deal was a triumph, the club's owner tweeted.", "triumph"),
        (Voice.OWN, "The bizarre decision, which shocked the town, was reversed.", "bizarre"),
        (Voice.ATTRIBUTED, "He was quoted as saying the plan was bizarre.", "bizarre"),
        (Voice.OWN, "The report was a whitewash.", "whitewash"),
        (Voice.ATTRIBUTED, "The inquiry concluded the report was a whitewash.", "whitewash"),
        (Voice.ATTRIBUTED, "Witnesses alleged the guards were brutal.", "brutal"),
        (Voice.ATTRIBUTED, "She denied the claims were a smear.", "smear"),
    ],
)
def test_voice(expected: Voice, source: str, word: str) -> None:
    assert voice(source, word) is expected


def test_a_quotation_is_quoted_whoever_speaks() -> None:
    source = '"We lost everything. It was a massacre," a witness said.'
    assert voice(source, "everything") is Voice.QUOTED


def test_cue_inside_a_quotation_attributes_nothing_outside() -> None:
    source = 'The film "Police Said No" is a disgrace.'
    assert voice(source, "disgrace") is Voice.OWN


def test_cue_in_the_previous_sentence_does_not_attribute() -> None:
    source = "The minister spoke on Monday. He said little. The plan is a disaster."
    assert voice(source, "disaster") is Voice.OWN


# ---------------------------------------------------------------------------
# Cues for other rules


def test_has_cue_and_has_source() -> None:
    assert has_cue("The figures, according to the bank, are wrong.")
    assert has_cue("A spokeswoman declined to comment.")
    assert has_cue("They acknowledged the error.")
    assert not has_cue("The state of the roads is poor.")
    assert not has_cue("The figures are wrong.")
    assert has_source("Police arrested two men.")
    assert has_source("The plan came from Maria Lopez last week.")
    assert has_source("Ms Okafor left early.")
    assert not has_source("The plan came late.")
    assert not has_source("Gunmen stormed the police station.")
    assert has_source("Gunmen stormed the station, police said.")


def test_cue_spans_kinds() -> None:
    source = "Police said, according to Ms Okafor, that a spokesman would call."
    r = regions(source)
    kinds = {(source[c.start : c.end], c.kind) for c in r.cue_spans(0, len(source))}
    assert kinds >= {
        ("Police", "source"),
        ("said", "verb"),
        ("according to", "phrase"),
        ("Ms Okafor", "name"),
        ("spokesman", "noun"),
        ("call", "verb"),
    }


def test_cue_spans_respects_bounds() -> None:
    source = "Police said so. The mayor agreed."
    r = regions(source)
    first = r.sentences[0]
    assert [source[c.start : c.end] for c in r.cue_spans(first.start, first.end)] == [
        "Police",
        "said",
    ]


def test_cues_stay_inside_their_paragraph() -> None:
    # A story's dateline or headline word followed by a capitalised paragraph opener
    # is not a person called "Reuters Revenues".
    source = "Figures came from Reuters\n\nRevenues rose, Anna Kowalski said.\n"
    r = regions(source)
    spans = [(source[c.start : c.end], c.kind) for c in r.cue_spans(0, len(source))]
    assert ("Anna Kowalski", "name") in spans
    assert not any("\n" in text for text, _ in spans)
    second = r.sentences[-1]
    assert r.cue_spans(second.start, second.end) == tuple(
        c for c in r.cue_spans(0, len(source)) if c.start >= second.start
    )


def test_cue_spans_of_each_sentence_quotations_included() -> None:
    source = 'The ministry confirmed it. The price rose. He read "they said no" aloud.'
    r = regions(source)
    found = [[source[c.start:c.end] for c in r.cue_spans(s.start, s.end, sources=False)] for s in r.sentences]
    assert found == [["confirmed"], [], ["said"]]  # the claims rules leave out the quoted one


@pytest.mark.parametrize(
    "form",
    [
        *("says", "told", "stressed", "noted", "adds", "warns", "announced", "claims", "stated"),
        *("declared", "explains", "insisted", "argues", "accused", "acknowledges", "admitted"),
        *("denies", "confirmed", "suggests", "described", "branded", "labelled", "designated"),
        *("alleges", "reported", "wrote", "tweeted", "posted", "cited"),
    ],
)
def test_reporting_verbs_in_any_tense(form: str) -> None:
    source = f"The officer {form} the figures were wrong."
    (cue,) = (c for c in reporting_cues(source) if c.kind == "verb")
    assert source[cue.start : cue.end] == form


def test_multi_word_reporting_verb() -> None:
    source = "The officer pointed\nout the figures were wrong."
    (cue,) = (c for c in reporting_cues(source) if c.kind == "verb")
    assert source[cue.start : cue.end] == "pointed\nout"


@pytest.mark.parametrize(
    "phrase",
    ["according to", "in a statement", "in an interview", "quoted as saying", "citing"],
)
def test_reporting_phrases(phrase: str) -> None:
    source = f"Prices will rise, {phrase} the bank."
    assert [source[c.start : c.end] for c in reporting_cues(source) if c.kind == "phrase"] == [phrase]


def test_cue_data_file() -> None:
    data = yaml.safe_load(files("linter.packs").joinpath("_data/cues.yml").read_text(encoding="utf-8"))
    lists = ("phrases", "nouns", "sources", "titles", "thoughts", "vague", "causes", "standing", "passive",
             "needthat", "clausal", "contentnouns", "positions", "undertakings", "acts", "seeing", "evidence",
             "showing", "exceptions", "labelling", "objects", "persons", "bodies")
    assert set(data) == {"verbs", "trailing", *lists}
    assert len(data["verbs"]) >= 60
    assert {"say", "tell", "warn", "brand", "label", "designate"} <= set(data["verbs"])
    for key in ("verbs", "trailing"):
        assert list(data[key]) == sorted(data[key])
        for lemma, forms in data[key].items():
            assert forms == sorted(set(forms)), lemma
    assert not set(data["trailing"]) & set(data["verbs"])  # a verb reports in one way
    for key in lists:
        assert data[key] == sorted(set(data[key])), key
    # a verb of thought is not also listed as a sign of a speaker
    assert not set(data["verbs"]) & set(data["thoughts"])


def test_weasel_standing_agrees_with_the_cue_data() -> None:
    """Sourcing.Weasel's words of standing ("Independent researchers say") are the cue
    data's, which the attribution frames read: a rule cannot read cue data, so the two
    lists are kept alike by hand and checked here."""
    packs = files("linter.packs")
    cues = yaml.safe_load(packs.joinpath("_data/cues.yml").read_text(encoding="utf-8"))
    weasel = yaml.safe_load(packs.joinpath("Sourcing/Weasel.yml").read_text(encoding="utf-8"))
    pattern = weasel["define"]["standing"]
    assert pattern.startswith("(?:") and pattern.endswith(")")
    assert pattern[3:-1].split("|") == cues["standing"]


def test_an_analysis_keeps_only_the_latest_parses() -> None:
    """A huge file's parses are not all kept: a sentence asked about again after many others
    is parsed again, the same."""
    from linter.analysis import PARSES_KEPT

    count = PARSES_KEPT + 5
    an = Analysis(make_document("t.txt", " ".join(f"Police said {n} men fled." for n in range(count)), "text"))
    starts = an.sentences.starts
    first = an.parse_at(starts[0])
    assert first is not None
    for start in starts[1:]:
        an.parse_at(start)
    assert len(an._parses) == PARSES_KEPT
    again = an.parse_at(starts[0])
    assert again is not None and again is not first and again.tokens == first.tokens


def test_sentences_are_kept_as_offsets_and_read_as_sentences() -> None:
    text = "Police said the men fled. The port is shut. Ships wait offshore."
    found = Analysis(make_document("t.txt", text, "text")).sentences
    expected = [Sentence(0, 25), Sentence(26, 43), Sentence(44, 64)]
    assert list(found.sentences) == expected and len(found.sentences) == 3
    assert found.sentences[1] == expected[1] and found.sentences[-1] == expected[-1]
    assert list(found.starts) == [0, 26, 44]
    assert found.index_at(25) == 0 and found.index_at(25 + 1) == 1 and found.sentence_at(100) == Sentence(100, 100)


def test_the_cue_indexes_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A huge file's cue indexes are not all kept; one read again is found again, the same."""
    from linter.analysis import attribution

    monkeypatch.setattr(attribution, "CUES_KEPT", 4)
    text = " ".join(f"The men fled, police said {n} times. Ships wait." for n in range(10))
    an = Analysis(make_document("t.txt", text, "text"))
    def cues() -> list[tuple[str, ...]]:
        return [tuple(text[c.start:c.end] for c in an.attribution.cue_spans(s.start, s.end, sources=False))
                for s in an.sentences.sentences]
    first = cues()
    assert first == [("said",), ()] * 10 and len(an.attribution._cues) == 4
    assert cues() == first


def test_marks_are_kept_compact_and_read_as_quote_marks() -> None:
    text = "He said \u201cwe won\u2019t\u201d and 'stop."
    marks = Analysis(make_document("t.txt", text, "text")).quotations.marks
    expected = [QuoteMark(8, "\u201c", "open"), QuoteMark(15, "\u2019", "apostrophe"),
                QuoteMark(17, "\u201d", "close"), QuoteMark(23, "'", "ambiguous")]
    assert list(marks) == expected and len(marks) == 4
    assert marks[2] == expected[2] and marks[-1] == expected[-1] and list(marks.offsets) == [8, 15, 17, 23]


_SECOND_READINGS = [
    "He said 'the '90s\n\nwere good' and left.\n\n\"Rock 'n' roll,\" she said.\n\nNo marks here.\n\n'Yes",
    "“One.\n\n“Two,” he said.\n\nPlain.\n\n'80s 'n' '\n\n\"Carried on\n\n\"and on.\"",
    "A \"b\" c.\n\nD.\n\nE 'f' g.\n\n\"H\n\nI\" j.\n\nK.\n\n“L” «m» „n“ ‚o‘ ‹p›.",
]


@pytest.mark.parametrize("source", _SECOND_READINGS + [
    Path(p).read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("fixtures/**/*.txt"))[:40]])
@pytest.mark.parametrize("run", [0, 1, 64, 1 << 16])
def test_the_second_reading_goes_a_run_of_blocks_at_a_time(monkeypatch: pytest.MonkeyPatch,
                                                             source: str, run: int) -> None:
    """Reading the text with marks changed a run of blocks at a time (between blocks with no
    mark) gives the quotations of the whole changed text read at once."""
    from linter.analysis import quotations

    monkeypatch.setattr(quotations, "_RUN", run)
    doc = make_document("t.txt", source, "text")
    offsets = list(Analysis(doc).quotations.marks.offsets)
    swaps = "\"'“”‘’«»"
    changes = [(o, swaps[(k + swaps.find(source[o]) + 1) % len(swaps)]) for k, o in enumerate(offsets) if k % 3]
    changed = list(doc.text)
    for offset, char in changes:
        changed[offset] = char
    whole, _, _ = quotations._pair("".join(changed), doc.blocks)
    assert quotations.quotation_spans(doc.text, doc.blocks, offsets, changes) == [
        (r.start, r.end, r.closed) for r in whole]
