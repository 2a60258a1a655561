"""Whether the source of an attribution frame is a person (``linter.kinds.claim_people``):
the test the next sentence's source must pass to tell a vague phrase that hides people."""

from __future__ import annotations

import pytest

from linter.analysis import Analysis
from linter.kinds.claim_people import a_person, one_of_them
from linter.markup import make_document


def _sources(text: str) -> dict[str, bool]:
    """Each frame's source in the text's last sentence, and whether it is a person."""
    doc = make_document("x.txt", text + "\n", "text")
    an = Analysis(doc)
    last = an.sentences.sentences[-1]
    return {text[f.source[0]:f.source[1]]: a_person(an, f)
            for f in an.frames_at(last.start) if f.source is not None}


@pytest.mark.parametrize(
    ("text", "source", "person"),
    [
        ("Ivo Brandt said the quay was unsafe.", "Ivo Brandt", True),  # a name of two words
        ("Frey Marine said bookings were up.", "Frey Marine", False),  # a body's last word
        ("The Harbour Institute said the quay was unsafe.", "The Harbour Institute", False),
        ("Dr Tamm said the quay was unsafe.", "Dr Tamm", True),  # a title
        ('"It is unsafe," said Piet Vann, chief economist at Orsk Bank.', "Piet Vann", True),
        ("Orsk Bank analyst Ida Kell said the quay was unsafe.", "Orsk Bank analyst Ida Kell", True),
        ("The chairman said the quay was unsafe.", "The chairman", True),  # a role
        ("The company said the quay was unsafe.", "The company", False),
        ("A spokesman for the port said the quay was unsafe.", "A spokesman", False),  # speaks for a body
        ('"It is unsafe," Ivo Brandt, founder of the dockers\' group the Harbour Trust said.',
         "the Harbour Trust", True),  # the founder, described before the body's name
        ("Anna Voss chairs the board. Voss said the quay was unsafe.", "Voss", True),  # given in full
        ("The board met. Voss said the quay was unsafe.", "Voss", False),  # never given in full
        ("The board met Voss. Voss said the quay was unsafe.", "Voss", False),  # a sentence ends before it
        ("ORSK said the quay was unsafe.", "ORSK", False),  # an acronym
    ],
)
def test_a_person(text: str, source: str, person: bool) -> None:
    assert _sources(text) == {source: person}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Critics say it will silt up. Ada Frey, a harbour pilot, is one of them.", True),
        ("Critics say it will silt up. Among them is Ida Kell.", True),
        ("Critics say it will silt up. Among them is Dr Tamm.", True),  # a title and a name
        ("Ada Frey is one of them.", True),  # a name at the very start of the text
        ("Critics say it will silt up. Among them is the Harbour Board.", False),  # a body
        ("Critics say it will silt up. The Harbour Trust is one of them.", False),
        ("Critics say it will silt up. Among them are the dockers.", False),  # no name
        ("Critics say it will silt up. Ada Frey agrees.", False),  # no "one of them"
    ],
)
def test_one_of_them(text: str, named: bool) -> None:
    """A sentence naming a person as one of a group a vague phrase hid."""
    assert one_of_them(text, 0, len(text)) is named

