"""Trie-shaped term patterns match exactly what the ordered alternation of the terms matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.kinds.base import compile_terms, flexible_spaces
from linter.lib.trie import alternation, ordered_trie

PIECES = ["play", "player", "plays", "New", "new", "York", "york", " ", "  ", "City", "-", "war", "anti",
          "é", "Kiev", "KIEV", "s", "x_y", "9"]


def _alternation(tokens: list[str], ignorecase: bool, nonword: bool) -> re.Pattern[str]:
    body = "|".join(flexible_spaces(t) for t in tokens)
    template = "(?:{})" if nonword else r"\b(?:{})\b"
    return re.compile(template.format(body), re.MULTILINE | (re.IGNORECASE if ignorecase else 0))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


tokens_strategy = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join),
                           min_size=1, max_size=8)
text_strategy = st.lists(st.sampled_from([*PIECES, "\n", "\t", ".", "players", "PLAY"]), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(tokens_strategy, text_strategy, st.booleans(), st.booleans())
def test_same_matches_as_the_alternation(tokens: list[str], text: str, ignorecase: bool, nonword: bool) -> None:
    ours = compile_terms("tokens", tokens, ignorecase=ignorecase, nonword=nonword)
    assert _spans(ours, text) == _spans(_alternation(tokens, ignorecase, nonword), text)


def test_trie_only_where_order_cannot_matter() -> None:
    assert ordered_trie(["play", "player"], ignorecase=True, bounded=True) == "play(?:er)?"
    assert ordered_trie(["play", "player"], ignorecase=True, bounded=False) is None
    assert ordered_trie(["New York", "New York City"], ignorecase=False, bounded=True) is None
    assert ordered_trie(["New York City", "New York"], ignorecase=False, bounded=True) is not None
    assert ordered_trie([r"terrorists?"], ignorecase=True, bounded=True) is None  # pattern syntax
    assert ordered_trie(["Kyiv", "Київ"], ignorecase=True, bounded=True) is None  # non-ASCII, any case
    assert ordered_trie(["Kyiv", "Київ"], ignorecase=False, bounded=True) is not None
    assert ordered_trie([" padded"], ignorecase=False, bounded=True) is None


def test_a_long_list_becomes_a_trie() -> None:
    words = [f"term{i}" for i in range(2000)]
    pattern = compile_terms("tokens", words, ignorecase=True, nonword=False)
    assert "|" not in pattern.pattern.split("term", 1)[0] and len(pattern.pattern) < len("|".join(words))
    text = "a term1999 and term20 but not term20000x"
    assert _spans(pattern, text) == _spans(_alternation(words, True, False), text)


ITEMS = ["play", "player", "plays", "new york", "new", "york city", "war", "anti-war", "9", r"\d+", "[A-Z]\\w+",
         "Kiev", "é", "s", "x y"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ITEMS), min_size=1, max_size=9), text_strategy, st.booleans(),
       st.sampled_from(["{}", r"\b{}\b", "{} (?:war|york)", "(?:the )?{}s?"]))
def test_a_listed_definition_matches_what_its_alternation_matches(items: list[str], text: str, ignorecase: bool,
                                                                  context: str) -> None:
    """``define`` lists (Sourcing.Figures's people and counts): runs of words as tries, in
    any context a rule puts them, spaces flexible as the rule kinds make them."""
    flags = re.IGNORECASE if ignorecase else 0
    ours = re.compile(flexible_spaces(context.format(alternation(items))), flags)
    plain = re.compile(flexible_spaces(context.format("(?:" + "|".join(f"(?:{i})" for i in items) + ")")), flags)
    assert _spans(ours, text) == _spans(plain, text)
