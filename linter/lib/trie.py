"""Word lists as trie-shaped regular expressions.

Python's ``re`` tries the alternatives of ``a|b|c...`` one after another at
each position it tries, so a list of 10,000 terms costs 10,000 tests per
position. Factored as a trie (``ab(?:c|d(?:e)?)``) a match costs one test
per character, whatever the size of the list.

A trie is the alternation of its words in its own order: at each node the
branches in character order, and a longer word before a word that ends at
that node (a greedy optional group). :func:`ordered_trie` uses it only
where that order cannot change a match: see its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeAlias

from linter.lib.cache import compile_pattern, memo

_Trie: TypeAlias = "dict[str, _Trie]"
# Characters that mean more than themselves in a pattern outside a character class.
_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_SPACES = compile_pattern(" +")
_WHITE = r"\s+"  # what a trie's space matches (re.escape never writes it)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie (a space matches any white space).
    Remembered across runs (:mod:`linter.lib.cache`): the cached compiled pattern is found by
    this text, so a start would otherwise build every trie again to look it up."""
    listed = list(words)
    return memo("trie", repr(listed), 0, lambda: _trie(listed))


def _trie(words: list[str]) -> str:
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: _Trie) -> str:
    alternatives = [
        (_WHITE if char == " " else re.escape(char)) + _emit(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not alternatives:
        return ""
    if len(alternatives) == 1 and "" not in node:
        return alternatives[0]
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if "" in node else group


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \b counts as a word character


def ordered_trie(tokens: Sequence[str], *, ignorecase: bool, bounded: bool) -> str | None:
    """A trie matching what the ordered alternation ``t1|t2|...`` of ``tokens`` matches
    (a run of spaces in a token matching any white space), or None when that cannot be
    promised.

    Two tokens can match at one place only when one is a prefix of the other:
    the characters of a trie's branches never match the same text (exact
    characters, or lower-case ASCII under ``ignorecase``; white space is its
    own branch). The trie tries the longer first, the alternation the one
    listed first; so the trie is used when every token is plain text (no
    pattern syntax, ASCII under ``ignorecase``, no space at either end) and
    no token is listed after a token that is its own prefix and can match
    where it does. With ``bounded`` (the alternation sits between ``\\b`` and
    ``\\b``) a prefix ending inside a word of the longer token cannot:
    ``play`` listed before ``player`` is fine, ``New York`` before
    ``New York City`` is not.
    """
    listed = list(tokens)
    flags = int(ignorecase) | int(bounded) << 1
    found: str | None = memo("ordered trie", repr(listed), flags,
                             lambda: _ordered(listed, ignorecase, bounded))
    return found


def _plain(token: str, ignorecase: bool) -> bool:
    """Text with no pattern syntax, no white space but single inner spaces, and (with
    ``ignorecase``) ASCII only."""
    return not (not token or token != token.strip(" ") or any(c in _SPECIAL for c in token)
                or any(c.isspace() and c != " " for c in token) or (ignorecase and not token.isascii()))


def _ordered(tokens: list[str], ignorecase: bool, bounded: bool) -> str | None:
    words: list[str] = []
    for token in tokens:
        if not _plain(token, ignorecase):
            return None
        words.append(_SPACES.sub(" ", token.lower() if ignorecase else token))
    first: dict[str, int] = {}
    for index, word in enumerate(words):
        first.setdefault(word, index)
    for index, word in enumerate(words):
        for k in range(1, len(word)):
            if first.get(word[:k], index) < index and not (bounded and _word(word[k - 1]) == _word(word[k])):
                return None  # a shorter token listed first would win where both match
    return _trie(list(first))  # remembered as this ordered trie: not stored twice


def alternation(items: Sequence[str]) -> str:
    """``(?:a|b|...)``: any one of ``items``, pieces of pattern tried in order, each run of
    two or more plain lower-case words among them (``people``, ``aid workers``) as an
    ordered trie where that matches what the run matches (:func:`ordered_trie`, which
    leaves a run alone when a word is listed after its own prefix: ``seven`` before
    ``seventeen``). A run's matches do not depend on the pattern's case flag: its words
    have no upper case to fold."""
    parts: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        trie = ordered_trie(run, ignorecase=True, bounded=False) if len(run) > 1 else None
        # A space stays a space (the trie's white space is one): the rule's kind decides,
        # as for any space in its patterns, what it matches.
        parts.extend([f"(?:{trie.replace(_WHITE, ' ')})"] if trie is not None else run)
        run.clear()

    for item in items:
        if item == item.lower() and _plain(item, ignorecase=True):
            run.append(item)
            continue
        close_run()
        parts.append(f"(?:{item})")
    close_run()
    return "(?:" + "|".join(parts) + ")"
