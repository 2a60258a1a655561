"""Sections of contributors: where a story told in the third person hands over to people
speaking for themselves (linter.analysis.contributors)."""

from __future__ import annotations

import pytest

from linter.analysis import Analysis, Voice
from linter.markup import make_document

_OPENING = (
    "Orsk ferry fares to double\n\n"
    "Fares on the Orsk ferry will double from March, Frey Marine said.\n\n"
    "The island's doctor may leave.\n\n"
)
_COMMENTS = (
    "I cross twice a week. The rise is absurd.\n\n"
    "The company always blames fuel.\n\n"
    "My son works on the mainland.\n\n"
    "I doubt the board has ever crossed in winter.\n"
)


def _analysis(text: str) -> Analysis:
    return Analysis(make_document("t.txt", text, "text"))


def _start(text: str) -> int | None:
    return _analysis(text)._contributors


def test_comments_after_a_third_person_opening_are_a_section() -> None:
    text = _OPENING + _COMMENTS
    assert _start(text) == text.index("I cross")


def test_words_in_the_section_are_the_contributors() -> None:
    text = _OPENING + _COMMENTS
    an = _analysis(text)
    absurd, doctor = text.index("absurd"), text.index("doctor")
    assert an.voice(absurd, absurd + len("absurd")) is Voice.ATTRIBUTED
    assert an.voice(doctor, doctor + len("doctor")) is Voice.OWN


def test_a_story_that_opens_in_the_first_person_is_the_writers() -> None:
    text = "Dispatch from Orsk\n\nI reached the quay on Monday.\n\n" + _COMMENTS
    assert _start(text) is None


@pytest.mark.parametrize("aside", [
    # two first-person paragraphs: asides, not a section
    "When I visited in May, the quay was quiet.\n\nThe guards left.\n\nAs I left, it rained.\n",
    # "I" in quotation marks is the speaker's
    '"I cross twice a week," she said.\n\n"My son works there," he said.\n\n"I doubt it," Voss said.\n',
    # titles, "War I" and "C.I.A."
    "The band played I Can't Go Home.\n\nMy Quay sold well.\n\nThe fort dates from World War I.\n\n"
    "Rebels backed by the C.I.A. held the port.\n",
    # a reporter at work: told, asked or shown something, or quoting someone at length
    "He told me the port was safe.\n\nVoss showed me the quay.\n\n"
    '"We will stay here until May," Voss said as I left.\n\nI asked him why. He shrugged.\n',
])
def test_asides_quotations_and_titles_are_not_a_section(aside: str) -> None:
    assert _start(_OPENING + aside) is None


def test_a_story_with_no_first_person_has_no_section() -> None:
    assert _start(_OPENING + "The guards left.\n") is None


@pytest.mark.parametrize("question", ["Q: Why now?", "Q. Why now?", "QWhy now?"])
def test_an_interviewers_question_in_the_section_is_the_writers(question: str) -> None:
    """A printed interview: the answers are the interviewee's, the questions the newsroom's
    (a "Q" the layout ran into the question's first word as well)."""
    text = (_OPENING + "A: I cross twice a week.\n\n" + f"{question} The rise is absurd?\n\n"
            + "A: My son works on the mainland.\n\nA: I doubt the board has ever crossed.\n")
    an = _analysis(text)
    assert an._contributors == text.index("A: I cross")
    absurd, son = text.index("absurd"), text.index("son")
    assert an.voice(absurd, absurd + len("absurd")) is Voice.OWN
    assert an.voice(son, son + len("son")) is Voice.ATTRIBUTED
