"""``existence``: report every match of any token (Vale semantics)."""

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
    matches,
    pattern_anchors,
    rule_regex,
    term_and_exception_scanners,
    term_scanner,
)
from linter.lib.scan import Scanner
from linter.model.document import Document
from linter.model.rule import Hit, Rule


class Options(NamedTuple):
    pattern: re.Pattern[str]
    exceptions: Exceptions
    scanner: Scanner | None = None


def build(keys: Mapping[str, Any]) -> Options:
    tokens, raw = keys["tokens"], keys["raw"]
    if not tokens and not raw:
        raise OptionError("tokens", "existence needs tokens or raw")
    if raw:
        joined = "".join(raw)
        body = "|".join(tokens)
        source = (body + joined if keys["append"] else joined + body) if body else joined
        flags = re.MULTILINE | (re.IGNORECASE if keys["ignorecase"] else 0)
        pattern = rule_regex("raw", source, flags)
    else:
        pattern = compile_terms(
            "tokens", tokens, ignorecase=keys["ignorecase"], nonword=keys["nonword"]
        )
    return Options(pattern, Exceptions.build(keys["exceptions"], ignorecase=keys["ignorecase"]),
                   term_scanner(pattern))


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    excused = opts.exceptions.excuser(doc.text, an)
    for start, end, m in matches(opts.pattern, doc.text, opts.scanner, an):
        if excused(start, end):
            continue
        yield Hit(start, end, (m.group(),))


KIND = Kind(
    name="existence",
    keys={
        "tokens": specs.string_list,
        "raw": specs.string_list,
        "append": specs.boolean,
        "ignorecase": specs.boolean,
        "nonword": specs.boolean,
        "exceptions": specs.string_list,
    },
    defaults={
        "tokens": (), "raw": (), "append": False, "ignorecase": False,
        "nonword": False, "exceptions": (),
    },
    build=build,
    find=find,
    anchors=pattern_anchors,
    terms=True,
    scanners=term_and_exception_scanners,
)
