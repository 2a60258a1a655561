"""``proselint``: run selected proselint 0.16 checks over the prose text.

Key ``checks``: dotted check paths as proselint names them
(``cliches.misc``, ``typography.symbols.ellipsis``); a path selects every
check at or below it, as proselint's own config does. Each path is checked
against proselint's registry when the rule is loaded; an unknown one is an
error. (This module is named so that it does not shadow the ``proselint``
package; the kind is ``proselint``.)

proselint is imported when a proselint rule is built, never at copydesk's
import: ``proselint.checks`` with google-re2 costs about 20 ms of CPU.

The checks run over ``doc.text`` (markup blanked), padded with a line break
at each end as proselint's own ``LintFile`` does (several patterns need a
separator before the first word); spans are shifted back by one and trimmed
of the white space some patterns take in, so each hit is exactly the words
proselint objected to. The message argument is proselint's message; its
replacement becomes the suggestion (in the case of the matched words),
except where it is a pattern rather than text
(``typography.punctuation.spacing``). A result whose span lies within
another's is dropped, so words flagged by two selected checks (``1990's``
and its ``90's``) give one hit; of two equal spans, the check proselint
registers first wins. proselint's own quotation skipping is not used: the
rule's ``quotes`` key decides, as for every rule.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError, keep_case, require
from linter.lib.shown import brief
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_PAD = "\n"
_PATTERN_CHARS = frozenset("\\[](){}*+?|^$")


@dataclass(frozen=True)
class Options:
    checks: tuple[Any, ...]  # proselint.registry.checks.Check


def registered_checks() -> tuple[Any, ...]:
    """Every check proselint 0.16 registers, in its order."""
    from proselint.checks import __register__

    return tuple(__register__)


def _selected(path: str, check_path: str) -> bool:
    return check_path == path or check_path.startswith(f"{path}.")


def build(keys: Mapping[str, Any]) -> Options:
    require("proselint", "proselint")
    paths: tuple[str, ...] = keys["checks"]
    if not paths:
        raise OptionError("checks", "checks: give at least one proselint check path")
    known = registered_checks()
    names = sorted({c.path for c in known})
    for path in paths:
        if not any(_selected(path, name) for name in names):
            close = difflib.get_close_matches(path, names, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise OptionError("checks", f"checks: unknown proselint check {brief(path)}{hint}")
    return Options(tuple(c for c in known if any(_selected(p, c.path) for p in paths)))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _suggestions(found: str, replacement: str | None) -> tuple[str, ...]:
    if not replacement or _PATTERN_CHARS.intersection(replacement):
        return ()
    return (keep_case(found, replacement),)


def _results(text: str, checks: tuple[Any, ...]) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, message, replacement) in ``text`` offsets, trimmed, in check order."""
    padded = f"{_PAD}{text}{_PAD}"
    for check in checks:
        for result in check.check_with_flags(padded):
            start = max(result.span[0] - len(_PAD), 0)
            end = min(result.span[1] - len(_PAD), len(text))
            start, end = _trimmed(text, start, end)
            if start < end:
                yield start, end, str(result.message), result.replacements


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    found = sorted(_results(doc.text, opts.checks), key=lambda r: (r[0], -r[1]))
    kept_end = -1
    for start, end, message, replacement in found:
        if end <= kept_end:
            continue  # the same words, or part of them, already reported
        kept_end = end
        yield Hit(start, end, (message,), _suggestions(doc.text[start:end], replacement))


KIND = Kind(
    name="proselint",
    keys={"checks": specs.string_list},
    required=("checks",),
    build=build,
    find=find,
)
