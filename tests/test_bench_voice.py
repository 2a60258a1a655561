"""bench/voice.py: the script's own text helpers, which must not depend on copydesk's."""

from __future__ import annotations

from bench_scripts import load

voice = load("voice")

INTERVIEW = (
    "Ada Frey on the port strike.\n"
    "The harbour master spoke to us on Monday.\n"
    "Q: Will the port open?\n"
    "A: Not this week.\n"
    "We have no crews.\n"
    "Q. And the ferries?\n"
    "A. They sail from Tarn.\n"
    "QWhat about the dockers?\n"
    "A: They will be paid.\n"
)


def test_an_answer_is_a_paragraph_after_the_first_question_that_is_no_question() -> None:
    def at(words: str) -> bool:
        return bool(voice.in_answer(INTERVIEW, INTERVIEW.index(words)))

    assert at("Not this week") and at("We have no crews") and at("They sail") and at("They will be paid")
    assert not at("Will the port open") and not at("And the ferries") and not at("What about")
    assert not at("spoke to us")  # before the first question


def test_fewer_than_three_questions_make_no_interview() -> None:
    text = "Q: Why?\nA: Because.\nQuebec voted on Monday.\nQUOTA rules apply.\n"
    assert not voice.in_answer(text, text.index("Because"))
