"""The prefix scanner finds exactly the matches finditer finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.kinds.base import compile_terms, term_scanner
from linter.lib.literals import prefixes
from linter.markup import make_document
from linter.model.document import Document

WORDS = [f"term{i:03d}" for i in range(40)] + ["Kiev", "Alma-Ata", "passed away", "so-called", "terrorists?",
                                               "a source", "it is believed"]
PATTERN = compile_terms("tokens", WORDS, ignorecase=True, nonword=False)
SCANNER = term_scanner(PATTERN)


def _both(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    assert SCANNER is not None
    doc: Document = make_document("x", text, "text")
    return ([m.span() for m in PATTERN.finditer(text)],
            [m.span() for m in SCANNER.finditer(text, doc.folded)])


def test_prefixes_of_a_term_list() -> None:
    assert prefixes(r"\b(?:terrorists?|freedom\s+fighters?)\b") == frozenset({"terrorist", "freedom "})
    # After a short word, across white space: one space and the next word, or a longer run.
    assert prefixes(r"(?:a|the)\s+(?:bigot|racist)") == frozenset({"a bigot", "a racist", "a  ", "the bigot",
                                                                   "the racist", "the  "})
    # When that would make too many prefixes, they stop at the first space.
    many = "|".join(f"w{i:03d}" for i in range(300))
    assert prefixes(rf"(?:{many})\s+(?:{many})") == frozenset(f"w{i:03d} " for i in range(300))
    # Alternatives that each stay within the limit only add up: two products of 40,000
    # keep their two-word prefixes, and one for a longer run of spaces after each first
    # word (a pattern's first item is no product).
    first = "|".join(f"w{i:03d}" for i in range(200))
    second = "|".join(f"v{i:03d}" for i in range(200))
    both = prefixes(rf"(?:(?:{first})\s+(?:{first})|(?:{second})\s+(?:{second}))")
    assert both is not None and len(both) == 80_400 and {"w001 w199", "v199 v000"} <= both
    assert prefixes(r"(?:so-called|alleged) terrorists") == frozenset({"so-called terrorists",
                                                                       "alleged terrorists"})
    assert prefixes(r"[\"“]terrorists?") == frozenset({'"terrorist', "“terrorist"})
    assert prefixes(r"\b(?:ab|cdef)\b") is None  # too short to be worth scanning for


def test_same_matches_on_edge_cases() -> None:
    for text in ["TERM001 term001x xterm001 term001-term002", "KIEV, Kiev’s kiev", "Straße TERM003 ß term004",
                 "passed\n away; passed  away", "the so-called term005", "İstanbul term006 term006term006",
                 "a\tsource, A  source, a\u00a0source, it\nis\r\nbelieved; ita source"]:
        ours, theirs = _both(text)
        assert ours == theirs, text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS[:6], "Kiev", "kiev's", "passed away", "x", " ", "-", "\n", "ß", "İ",
                                 "term", "000", "Alma-Ata", "a", "source", "it", "is", "believed", "\t",
                                 "\u00a0", "\r\n"]), max_size=30))
def test_same_matches_on_random_text(parts: list[str]) -> None:
    text = " ".join(parts) if parts and parts[0] != "-" else "".join(parts)
    ours, theirs = _both(re.sub(r"\?", "", text))
    assert ours == theirs


def test_exceptions_excuse_the_same_spans_with_and_without_the_scanner() -> None:
    from linter.kinds.base import Exceptions

    scanning = Exceptions.build(["counter-terrorism", "war on terror", "Chicken Kiev", "term00", "a source"],
                                ignorecase=True)
    assert scanning.scanner is not None
    plain = scanning._replace(scanner=None)
    text = "The war on terror, chicken kiev and COUNTER-TERRORISM; a  source said term001 term00."
    doc = make_document("x", text, "text")
    spans = [(s, e) for s in range(len(text)) for e in range(s + 1, min(len(text), s + 20) + 1)]
    from linter.analysis import Analysis

    fast, slow = scanning.excuser(text, Analysis(doc)), plain.excuser(text)
    assert [fast(s, e) for s, e in spans] == [slow(s, e) for s, e in spans]
    kiev = text.index("kiev")
    assert fast(kiev, kiev + 4) and not fast(text.index("term001"), text.index("term001") + 7)


def test_an_exception_at_the_start_of_the_text_is_tried_there_alone() -> None:
    """An exception that opens with \\A (the lead convention) stays out of the others'
    alternation, which then keeps its prefix scanner; it excuses what it spans at the
    start of the text, and the others excuse what they span anywhere, as before."""
    from linter.analysis import Analysis
    from linter.kinds.base import Exceptions

    both = Exceptions.build([r"\A[^\n]+\n\nThe harbour master said", "war on terror", "Chicken Kiev",
                             "counter-terrorism", "a source"], ignorecase=True)
    assert both.scanner is not None and both.at_start is not None
    assert both.at_start.pattern.startswith(r"\A")
    text = "Critics say the war on terror failed.\n\nThe harbour master said so. Critics say more."
    excused = both.excuser(text, Analysis(make_document("x", text, "text")))
    critics = [m.start() for m in re.finditer("Critics say", text)]
    assert excused(critics[0], critics[0] + 11)  # inside the opening phrase
    assert not excused(critics[1], critics[1] + 11)  # after it
    war = text.index("war on terror")
    assert excused(war, war + 13)
    alone = Exceptions.build([r"\Aonly at the start"], ignorecase=True)
    assert alone.pattern is None and alone.excuser("only at the start")(0, 4)
    assert not alone.excuser("not only at the start")(4, 8)


def test_a_short_word_does_not_stand_alone_as_a_prefix() -> None:
    """Sourcing.Figures's triggers run away when every prefix goes on past every space (a
    number word, then "more", "of" and a noun, each optional): its prefixes then go on past
    one space, so that the scanner tries the pattern at "a dozen" and "at least", not at
    every "a" and "at" of the text (131,347 tries over the BBC corpus before, 58,222 after)."""
    from conftest import rules_for

    from linter.kinds import KINDS

    [rule] = [r for r in rules_for(None) if r.id == "Sourcing.Figures"]
    scanner = rule.options.scanner  # the triggers' (the kind's scanners hold the cues' too)
    assert scanner in KINDS[rule.kind].scanners(rule.options)
    assert {"a dozen ", "a further ", "at least ", "an estimated "} <= scanner.prefixes
    assert not {"a ", "an ", "as ", "at "} & scanner.prefixes


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS[:6], "Kiev", "passed away", "x", " ", "-", "\n", "a", "source", "it",
                                 "is", "believed", "term"]), max_size=30),
       st.integers(0, 200), st.integers(0, 200))
def test_a_range_of_the_text_gives_what_finditer_gives_in_it(parts: list[str], lo: int, hi: int) -> None:
    """A sentence at a time (the reporting cues): the document's starts, one range of it."""
    assert SCANNER is not None
    text = " ".join(parts)
    doc: Document = make_document("x", text, "text")
    assert doc.folded is not None
    starts = sorted(set(SCANNER.starts(doc.folded)))
    assert ([m.span() for m in SCANNER.finditer_within(text, starts, lo, hi)]
            == [m.span() for m in PATTERN.finditer(text, lo, hi)])


def test_bundled_rules_keep_their_prefix_scanners() -> None:
    """A swap key or trigger with no literal beginning (``[a-z]+s claim that``) leaves its
    whole rule without a prefix scanner, and the rule then runs its pattern at every
    position of every story: Bias.ReportingVerbs went from 22 ms to 265 ms over the BBC
    corpus. Start such a match at a word and look behind for the rest."""
    from conftest import rules_for

    scanned = {"Bias.Character", "Bias.Condemnation", "Bias.Dehumanising", "Bias.Editorializing",
               "Bias.Euphemisms", "Bias.Ideology", "Bias.Intensifiers", "Bias.Labels", "Bias.LegalFindings",
               "Bias.Military",
               "Bias.Puffery", "Bias.Religion",
               "Bias.ReportingVerbs", "Bias.ScareQuotes", "Sourcing.Accusations", "Sourcing.Figures",
               "Sourcing.Weasel", "Names.People", "Names.Places"}
    rules = {r.id: r for r in rules_for(None)}
    assert scanned <= rules.keys()
    assert [i for i in sorted(scanned) if rules[i].options.scanner is None] == []
    # ... and the same for exceptions: one exception with no literal beginning
    # ("(?-i:[A-Z])\w* supporters") cost Sourcing.Weasel half again its time.
    excused = {"Bias.Abortion", "Bias.Character", "Bias.Condemnation", "Bias.Dehumanising", "Bias.Doubt",
               "Bias.Editorializing", "Bias.Ideology", "Bias.Labels", "Bias.LegalFindings", "Bias.Military",
               "Bias.Religion",
               "Bias.ReportingVerbs", "Bias.TerrorModifier", "Sourcing.Accusations", "Sourcing.Presumption",
               "Sourcing.Weasel", "Names.Places"}
    assert excused <= rules.keys()
    assert [i for i in sorted(excused) if rules[i].options.exceptions.scanner is None] == []
