"""``sequence``: a run of tokens, by their words and their parts of speech (Vale semantics).

A newsroom's own grammar-aware rule, without code::

    extends: sequence
    message: "'%[2]s' after '%[1]s': prefer 'have'"
    tokens:
      - tag: MD                     # a modal verb
      - pattern: of                 # then the word "of"
      - tag: VBN|VB                 # then a verb
        skip: 1                     # ... with up to one token in between

Each token may give ``pattern`` (a regular expression the whole token must match),
``tag`` (one for its Penn Treebank tag: NN, NNS, NNP, VBD, VBZ, VBP, VBN, VBG, MD, JJ, ...),
``negate`` (the token must *not* match) and ``skip`` (up to that many other tokens may
come before it). The first token with a ``pattern`` and no ``negate`` is the anchor: the
text is searched for it, and only the sentences where it occurs are tagged. The hit runs
from the first to the last matched token; ``%[n]s`` in the message is the n-th token's
text (``%s`` the first's; a negated token's is empty). Sentences are the unit, as in Vale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.analysis.tagging import Token
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError, rule_regex
from linter.lib.literals import required
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_TOKEN_KEYS = frozenset({"pattern", "tag", "negate", "skip"})


@dataclass(frozen=True)
class Step:
    """One token of the sequence."""

    pattern: re.Pattern[str] | None
    tag: re.Pattern[str] | None
    negate: bool
    skip: int

    def matches(self, token: Token) -> bool:
        found = (self.pattern is None or self.pattern.fullmatch(token.text) is not None) and (
            self.tag is None or self.tag.fullmatch(token.tag) is not None)
        return found != self.negate


@dataclass(frozen=True)
class Options:
    steps: tuple[Step, ...]
    anchor: int
    search: re.Pattern[str]  # the anchor's pattern, to find the sentences worth tagging


def _step(item: Any, n: int, flags: int) -> Step:
    if not isinstance(item, Mapping) or not item or set(item) - _TOKEN_KEYS:
        raise OptionError("tokens", f"tokens: item {n} must be a mapping of pattern, tag, negate, skip")
    pattern = item.get("pattern")
    tag = item.get("tag")
    for key, value in (("pattern", pattern), ("tag", tag)):
        if value is not None and not isinstance(value, str):
            raise OptionError("tokens", f"tokens: item {n}: {key} must be a string")
    if pattern is None and tag is None:
        raise OptionError("tokens", f"tokens: item {n} needs a pattern or a tag")
    negate, skip = item.get("negate", False), item.get("skip", 0)
    if not isinstance(negate, bool) or isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise OptionError("tokens", f"tokens: item {n}: negate is true or false, skip a whole number >= 0")
    return Step(rule_regex("tokens", pattern, flags) if pattern else None,
                rule_regex("tokens", tag) if tag else None, negate, skip)


def build(keys: Mapping[str, Any]) -> Options:
    items = keys["tokens"]
    if not isinstance(items, list) or not items:
        raise OptionError("tokens", "tokens: a list of token mappings")
    flags = re.IGNORECASE if keys["ignorecase"] else 0
    steps = tuple(_step(item, n, flags) for n, item in enumerate(items, start=1))
    anchor = next((i for i, s in enumerate(steps) if s.pattern is not None and not s.negate), None)
    if anchor is None:
        raise OptionError("tokens", "tokens: one token needs a pattern (without negate) to anchor the search")
    anchor_pattern = steps[anchor].pattern
    assert anchor_pattern is not None
    bounded = rf"(?<![\w'’-])(?:{anchor_pattern.pattern})(?![\w'’-])"
    search = rule_regex("tokens", bounded, flags | re.MULTILINE)
    return Options(steps, anchor, search)


def anchors(opts: Options) -> frozenset[str] | None:
    return required(opts.search.pattern, opts.search.flags)


def _walk(tokens: Sequence[Token], start: int, steps: Sequence[Step], direction: int) -> list[int] | None:
    """Token indexes matching ``steps`` one after another from ``start`` in ``direction``
    (each step may skip up to ``skip`` tokens first), or None."""
    found: list[int] = []
    at = start
    for step in steps:
        hit = next((at + direction * k for k in range(step.skip + 1)
                    if 0 <= at + direction * k < len(tokens) and step.matches(tokens[at + direction * k])),
                   None)
        if hit is None:
            return None
        found.append(hit)
        at = hit + direction
    return found


def _matches(tokens: Sequence[Token], opts: Options) -> Iterator[list[int]]:
    before, after = opts.steps[:opts.anchor], opts.steps[opts.anchor + 1:]
    for i, token in enumerate(tokens):
        if not opts.steps[opts.anchor].matches(token):
            continue
        left = _walk(tokens, i - 1, list(reversed(before)), -1)
        right = _walk(tokens, i + 1, after, 1)
        if left is not None and right is not None:
            yield [*reversed(left), i, *right]


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    done: set[int] = set()
    for m in opts.search.finditer(doc.text):
        i = an.sentences.index_at(m.start())
        if i < 0 or i in done:
            continue
        done.add(i)
        parse = an.parse_at(m.start())
        if parse is None:
            continue
        tokens = parse.tokens
        for indexes in _matches(tokens, opts):
            shown = [k for k, step in zip(indexes, opts.steps, strict=True) if not step.negate]
            start, end = tokens[min(shown)].start, tokens[max(shown)].end
            words = tuple("" if step.negate else tokens[k].text for k, step in
                          zip(indexes, opts.steps, strict=True))
            yield Hit(start, end, words)


KIND = Kind(
    name="sequence",
    keys={"tokens": specs.any_value, "ignorecase": specs.boolean},
    defaults={"ignorecase": False},
    required=("tokens",),
    build=build,
    find=find,
    anchors=anchors,
)
