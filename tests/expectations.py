"""Inline expectation markers for fixtures (the yamllint / sqlfluff approach).

A line ending in ``<!-- expect: Style.Rule, Other.Rule@12 -->`` expects
exactly those findings on that line (``@col`` pins the 1-based column; an id
listed twice expects two findings). ``Style.Rule:suggestion`` also pins the
finding's level (before any ``@col``: ``Bias.Labels:error@5``). ``<!-- expect-next-line: ... -->`` alone
on a line covers the line after it. An optional first line
``<!-- config: {YAML flow mapping} -->`` holds config for the fixture. The
markers are removed before linting; line numbers refer to the cleaned text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_END = re.compile(r"[ \t]*<!--\s*expect:\s*(?P<ids>[^>]*?)\s*-->[ \t]*(?=\r?\n|\r|$)")
_NEXT = re.compile(r"^[ \t]*<!--\s*expect-next-line:\s*(?P<ids>[^>]*?)\s*-->[ \t]*(\r\n|\r|\n)?$")
_CONFIG = re.compile(r"^<!--\s*config:\s*(?P<yaml>.*?)\s*-->[ \t]*(\r\n|\r|\n)?$")


@dataclass(frozen=True)
class Expected:
    source: str
    config: str | None
    rules: Counter[tuple[int, str]]
    columns: frozenset[tuple[int, str, int]]
    levels: Counter[tuple[int, str, str]]  # (line, rule, level) for ids that pin a level


def _ids(text: str) -> list[tuple[str, int | None, str | None]]:
    out: list[tuple[str, int | None, str | None]] = []
    for item in filter(None, (p.strip() for p in text.split(","))):
        head, _, col = item.partition("@")
        rule, _, level = head.partition(":")
        if level and level not in ("suggestion", "warning", "error"):
            raise ValueError(f"bad level in marker: {item!r}")
        out.append((rule, int(col) if col else None, level or None))
    return out


def parse(source: str) -> Expected:
    lines = source.splitlines(keepends=True)
    config = None
    if lines and (m := _CONFIG.match(lines[0])):
        config, lines = m.group("yaml"), lines[1:]
    kept: list[str] = []
    rules: Counter[tuple[int, str]] = Counter()
    columns: set[tuple[int, str, int]] = set()
    levels: Counter[tuple[int, str, str]] = Counter()
    pending: list[tuple[str, int | None, str | None]] = []
    for line in lines:
        if m := _NEXT.match(line):
            pending.extend(_ids(m.group("ids")))
            continue
        found = pending + (_ids(m.group("ids")) if (m := _END.search(line)) else [])
        pending = []
        kept.append(_END.sub("", line))
        for rule, col, level in found:
            rules[(len(kept), rule)] += 1
            if col is not None:
                columns.add((len(kept), rule, col))
            if level is not None:
                levels[(len(kept), rule, level)] += 1
    return Expected("".join(kept), config, rules, frozenset(columns), levels)
