"""``substitution``: report a token that has a preferred form, and suggest it.

``swap`` maps a pattern to its replacement; ``a|b`` in a replacement means
several suggestions (and so no automatic fix). Message arguments are
(expected, observed), as in Vale.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import (
    Exceptions,
    Kind,
    OptionError,
    compile_terms,
    keep_case,
    matches,
    pattern_anchors,
    term_and_exception_scanners,
    term_scanner,
    ungroup,
)
from linter.lib.cache import compile_pattern
from linter.lib.scan import Scanner
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_GROUP_REF = compile_pattern(r"\$(\d)")
_UNESCAPED_BAR = compile_pattern(r"(?<!\\)\|")


class Options(NamedTuple):
    pattern: re.Pattern[str]
    keys: tuple[str, ...]
    replacements: tuple[str, ...]
    exceptions: Exceptions
    ignorecase: bool
    capitalize: bool
    matchcase: bool
    scanner: Scanner | None = None


def build(keys: Mapping[str, Any]) -> Options:
    swap: dict[str, str] = keys["swap"]
    if not swap:
        raise OptionError("swap", "substitution needs a non-empty swap mapping")
    ordered = sorted(swap, key=len, reverse=True)
    pattern = compile_terms(
        "swap", [ungroup(k) for k in ordered], ignorecase=keys["ignorecase"],
        nonword=keys["nonword"], group=True,
    )
    return Options(
        pattern, tuple(ordered), tuple(swap[k] for k in ordered),
        Exceptions.build(keys["exceptions"], ignorecase=keys["ignorecase"]),
        keys["ignorecase"], keys["capitalize"], keys["matchcase"], term_scanner(pattern),
    )


def sentence(options: tuple[str, ...]) -> str:
    """'a', 'a or b', 'a, b or c' (Vale's ToSentence)."""
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]


def _expand(opts: Options, index: int, observed: str) -> str:
    replacement = opts.replacements[index]
    if "$" not in replacement:
        return replacement
    flags = re.IGNORECASE if opts.ignorecase else 0
    m = re.fullmatch(opts.keys[index], observed, flags)
    if m is None:
        return replacement
    return _GROUP_REF.sub(lambda r: m.group(int(r.group(1))) or "", replacement)


def _options(opts: Options, index: int, observed: str) -> tuple[str, ...]:
    parts = _UNESCAPED_BAR.split(_expand(opts, index, observed))
    parts = [p.replace("\\|", "|") for p in parts]
    if opts.matchcase or opts.capitalize:
        parts = [keep_case(observed, p) for p in parts]
    return tuple(parts)


def _same(observed: str, option: str, ignorecase: bool) -> bool:
    return observed.casefold() == option.casefold() if ignorecase else observed == option


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    excused = opts.exceptions.excuser(doc.text, an)
    for start, end, m in matches(opts.pattern, doc.text, opts.scanner, an):
        if excused(start, end):
            continue
        observed = m.group()
        suggestions = _options(opts, (m.lastindex or 1) - 1, observed)
        if any(_same(observed, s, opts.ignorecase) for s in suggestions):
            continue
        yield Hit(start, end, (sentence(suggestions), observed), suggestions)


KIND = Kind(
    name="substitution",
    keys={
        "swap": specs.string_map,
        "ignorecase": specs.boolean,
        "nonword": specs.boolean,
        "exceptions": specs.string_list,
        "capitalize": specs.boolean,
        "matchcase": specs.boolean,
    },
    defaults={
        "ignorecase": False, "nonword": False, "exceptions": (),
        "capitalize": False, "matchcase": False,
    },
    required=("swap",),
    build=build,
    find=find,
    anchors=pattern_anchors,
    terms=True,
    scanners=term_and_exception_scanners,
)
