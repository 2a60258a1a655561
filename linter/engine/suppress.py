"""Inline suppression comments, in every format (HTML comments; in plain text too).

```
<!-- copydesk-disable Bias.Labels, Names.* -->   ... <!-- copydesk-enable -->
<!-- copydesk-disable-next-line Sourcing.Figures -->
<!-- copydesk-disable-line -->                   (on the line it silences)
<!-- copydesk-disable-file -->
```
Plain text also takes a line of its own that reads like a note to the desk, which an
editor can leave in a draft without HTML: ``copydesk: disable Bias.Labels``,
``copydesk: enable``, ``copydesk: disable-next-line Sourcing.Figures``,
``copydesk: disable-file`` (the same verbs and ids; ``disable-line`` cannot be a line
of its own). The plain-text stripper blanks those lines, so they are never linted.
With no rule ids a directive covers every rule. Ids may be a rule id, a style
name or a glob. A directive naming no loaded rule, or of an unknown form, is
itself a finding (``copydesk.directive``); with ``report_unused`` so is one
that suppressed nothing.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence

from linter.lib.cache import compile_pattern
from linter.lib.suggest import did_you_mean
from linter.model.document import Document
from linter.model.findings import Finding, Severity

DIRECTIVE_ID = "copydesk.directive"
DIRECTIVE = compile_pattern(r"<!--[ \t]*copydesk-(?P<verb>[a-z-]+)(?P<ids>[^>]*?)[ \t]*-->")
LINE_DIRECTIVE = compile_pattern(r"^[ \t]*copydesk:[ \t]*(?P<verb>[a-z-]+)(?P<ids>[^\r\n]*?)[ \t]*$",
                                 re.MULTILINE)
VERBS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
OPEN = 1 << 30  # the last line of a disable that no enable closes


class Directive:
    """One suppression comment: what it does to which rules (``patterns``), where it is,
    the lines it covers (``last_line`` inclusive; large for an unclosed disable), and
    whether a finding was silenced by it (``used``, for ``--report-unused-disables``)."""

    __slots__ = ("end", "first_line", "last_line", "patterns", "start", "used", "verb")

    def __init__(self, verb: str, patterns: tuple[str, ...], start: int, end: int, first_line: int,
                 last_line: int) -> None:
        self.verb, self.patterns, self.start, self.end = verb, patterns, start, end
        self.first_line, self.last_line = first_line, last_line
        self.used = False

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.patterns or any(_matches(p, finding.rule_id) for p in self.patterns)


def _matches(pattern: str, rule_id: str) -> bool:
    return rule_id == pattern or rule_id.startswith(pattern + ".") or fnmatch.fnmatchcase(rule_id, pattern)


def _ids(text: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s,]+", text.strip()) if p)


def _close(directives: list[Directive], patterns: tuple[str, ...], line: int) -> None:
    """An enable ends the open disables it names (all of them when it names none)."""
    for d in directives:
        if d.verb == "disable" and d.last_line == OPEN and (
                not patterns or not d.patterns or set(d.patterns) & set(patterns)):
            d.last_line = line


def parse(doc: Document) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """The directives of a document, and (start, end, problem) for malformed ones."""
    directives: list[Directive] = []
    problems: list[tuple[int, int, str]] = []
    found = list(DIRECTIVE.finditer(doc.source))
    if doc.fmt == "text" and "copydesk:" in doc.source:
        found = sorted([*found, *LINE_DIRECTIVE.finditer(doc.source)], key=lambda m: m.start())
    for m in found:
        verb, patterns = m.group("verb"), _ids(m.group("ids"))
        line = doc.position(m.start())[0]
        own_line = m.re is LINE_DIRECTIVE
        if verb not in VERBS or (own_line and verb == "disable-line"):
            known = [("copydesk: " if own_line else "copydesk-") + v for v in VERBS
                     if not own_line or v != "disable-line"]
            shown = f"copydesk: {verb}" if own_line else f"copydesk-{verb}"
            problems.append((m.start(), m.end(), f"unknown directive {shown!r} (known: {', '.join(known)})"))
        elif verb == "enable":
            _close(directives, patterns, line)
        else:
            first, last = {"disable": (line, OPEN), "disable-next-line": (line + 1, line + 1),
                           "disable-line": (line, line), "disable-file": (1, OPEN)}[verb]
            directives.append(Directive(verb, patterns, m.start(), m.end(), first, last))
    return directives, problems


def _directive_finding(doc: Document, start: int, end: int, message: str, level: Severity) -> Finding:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(doc.path, DIRECTIVE_ID, level, message, line, column, end_line, end_column,
                   start, end - start, doc.source[start:end])


def apply(doc: Document, findings: Iterable[Finding], known_ids: Sequence[str],
          report_unused: bool = False) -> list[Finding]:
    """Findings left after the document's directives, plus findings about the directives."""
    directives, problems = parse(doc)
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for d in covering:
            d.used = True
        if not covering:
            kept.append(finding)
    for start, end, problem in problems:
        kept.append(_directive_finding(doc, start, end, problem, Severity.ERROR))
    for d in directives:
        unknown = [p for p in d.patterns if not any(_matches(p, r) for r in known_ids)]
        if unknown:
            names = [*known_ids, *{r.split(".")[0] for r in known_ids}]
            hints = "".join(did_you_mean(p, names) for p in unknown)
            kept.append(_directive_finding(
                doc, d.start, d.end, f"'{', '.join(unknown)}' names no loaded rule{hints}", Severity.ERROR))
        elif report_unused and not d.used:
            kept.append(_directive_finding(
                doc, d.start, d.end, f"this copydesk-{d.verb} comment suppressed nothing", Severity.WARNING))
    return sorted(kept, key=lambda f: f.sort_key)
