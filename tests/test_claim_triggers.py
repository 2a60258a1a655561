"""A claims rule's triggers are tried only in paragraphs holding one of their words: the
matches are those of a plain scan of the whole text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from test_prefilter import PREFILTER, RULES, _texts

from linter.analysis import Analysis
from linter.kinds.claim_patterns import regex
from linter.kinds.claim_triggers import _reaches, trigger_matches
from linter.lib.scan import Scanner, within_blocks
from linter.markup import make_document
from linter.model.rule import Rule

CLAIMS = [r for r in RULES if r.kind == "claims" and r.options.triggers is not None]

# Numbers in every paragraph, the dead in a few; a headline's count running into the
# story; a word of the triggers split by a paragraph break; a text whose case folding
# changes its length (the scanners then read the text alone).
STORIES = [
    "Orsk ferry sinks, kills four\n\nFour crew died when the Orsk ferry sank, the coastguard said.\n\n"
    "The ferry, built in 1998, carried 240 cars and 1,100 passengers on 12 crossings a day.\n\n"
    "Shares in Frey Marine fell 4% to 310p, and 2,000 jobs are at risk.\n\n"
    "At least 14 of the dead were crew. Two more people are missing.",
    "The 2019 budget set aside 40 million euros.\n\nIt is understood that the port will close in 2027.\n\n"
    "Voss said 12 people were killed\n\nin the raid; officials said the death\n\ntoll rose to 30.",
    "Die Straße in Orsk: 14 people were killed. Die Straße war 2019 gesperrt, 300 Meter lang.",
    "In 1998 the side won 3-1.\n\nIt scored 14 points in 20 minutes and 2,000 fans sang.",
]


def _plain(pattern: re.Pattern[str], doc_text: str, blocks: tuple[int, ...]) -> list[tuple[int, int]]:
    found = (m for m in pattern.finditer(doc_text) if m.end() > m.start())
    return [m.span() for m in within_blocks(pattern, doc_text, blocks, found)]


@pytest.mark.parametrize("rule", CLAIMS, ids=lambda r: r.id)
def test_the_triggers_find_what_a_plain_scan_finds(rule: Rule) -> None:
    opts = rule.options
    assert opts.anchors is not None  # every bundled claims rule with triggers has words to look for
    tried = 0
    for text, fmt in [*_texts(), *((s, "text") for s in STORIES)]:
        doc = make_document("x", text, fmt)
        plain = _plain(opts.triggers, doc.text, doc.block_starts)
        _, starts = PREFILTER.scan(doc)
        served = trigger_matches(opts.triggers, opts.scanner, opts.anchors, doc, Analysis(doc, starts))
        alone = trigger_matches(opts.triggers, opts.scanner, opts.anchors, doc, Analysis(doc))
        assert [m.span() for m in served] == plain == [m.span() for m in alone], text[:80]
        tried += bool(plain)
    assert tried > 5


def _figures_tried(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[str, list[str], list[int]]:
    """The document's text, Sourcing.Figures' trigger matches in it, and every start tried."""
    figures = next(r for r in CLAIMS if r.id == "Sourcing.Figures").options
    doc = make_document("x", text, "text")
    _, starts = PREFILTER.scan(doc)
    tried: list[int] = []
    real = Scanner.finditer_within

    def counting(self: Scanner, text: str, offsets: list[int], start: int, end: int) -> Iterator[re.Match[str]]:
        tried.extend(offsets)
        return real(self, text, offsets, start, end)

    monkeypatch.setattr(Scanner, "finditer_within", counting)
    found = trigger_matches(figures.triggers, figures.scanner, figures.anchors, doc, Analysis(doc, starts))
    return doc.text, [m.group() for m in found], tried


def test_only_the_paragraphs_holding_a_word_are_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    text, found, tried = _figures_tried(monkeypatch, STORIES[0])
    assert found == ["Four crew died", "At least 14 of the dead were", "Two more people are missing"]
    ferry, last = text.index("The ferry"), text.index("At least")
    assert tried and not any(ferry <= t < last for t in tried)  # not the ferry's numbers, nor the shares'


def test_nothing_after_a_paragraphs_last_word_is_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    text, found, tried = _figures_tried(
        monkeypatch, "Nine dockers died at the quay, 40 metres from gate 12 of the 1998 terminal.")
    assert found == ["Nine dockers died"]
    assert 0 in tried and max(tried) < text.index("died")  # not the 40, the 12 or the 1998


@pytest.mark.parametrize(
    ("held", "blocks", "spans"),
    [
        ([], [0, 10, 20], []),
        ([3, 5], [0, 10, 20], [(0, 6)]),  # up to the last word held
        ([3, 12], [0, 10, 20], [(0, 4), (10, 13)]),
        ([3, 25], [0, 10, 20], [(0, 4), (20, 26)]),
        ([2], [5, 10], [(0, 3)]),  # before the first block
        ([10, 19], [0, 10, 20], [(10, 20)]),  # a word at a paragraph's first and last offsets
    ],
)
def test_reaches(held: list[int], blocks: list[int], spans: list[tuple[int, int]]) -> None:
    assert _reaches(held, blocks, 30) == spans


def test_each_trigger_is_tried_behind_a_test_of_its_first_letter() -> None:
    # re enters every alternative at every place it tries: a lookahead on the letters an
    # alternative can start with skips it in one step, with the same matches.
    triggers = (r"\bit is (?:said|thought)\b", r"\bpeople (?:say|fear)\b", r"\b(?:some|many) (?:experts|analysts)\b")
    pattern = regex("triggers", triggers, re.IGNORECASE)
    assert pattern is not None and pattern.pattern.count("(?=[") == 1 + len(triggers)
    plain = re.compile("|".join(f"(?:{t})" for t in triggers), re.IGNORECASE)
    text = "It is said that people fear it. Many experts say so; some analysts, it is thought, agree."
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(plain.findall(text)) == 5
