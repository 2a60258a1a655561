"""Run rules over a document and turn their hits into placed findings.

This is the only place that decides a finding's rule id, severity, message
and position. Matchers return hits in prose-text offsets; here they are
filtered by scope, quotation and attribution, then mapped to the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property, lru_cache
from itertools import accumulate

from linter.analysis import Analysis
from linter.engine.prefilter import Prefilter
from linter.kinds import KINDS
from linter.kinds.base import Exceptions, keep_case
from linter.kinds.visibility import attributed, refers, tagged, visible
from linter.lib.cache import compile_pattern
from linter.lib.timelimit import TimeLimitExceeded, time_limit
from linter.model.document import Document
from linter.model.findings import Finding, Fix, Severity
from linter.model.rule import Hit, Rule, RuleError

_PLACEHOLDER = compile_pattern(r"%%|%(?:\[(\d+)\])?[sdv]|%\.\d+f")
_SIC = compile_pattern(r"[ \t]*\[sic\]", re.IGNORECASE)
# A word named as a word, not used of anyone: "does not use the word terrorist", "who
# coined the term genocide", "words such as thugs" (the text just before a term hit).
_NOUNS = r"(?:words?|terms?|labels?|epithets?|phrases?|expressions?)"
_MENTION = compile_pattern(rf"(?:\bthe\s+(?:[\w-]+\s+)?{_NOUNS}|\b{_NOUNS}\s+(?:like|such\s+as))\s+\Z",
                           re.IGNORECASE)


def format_message(template: str, args: Sequence[str]) -> str:
    """Fill ``%s`` placeholders in order, or ``%[n]s`` with the n-th argument (Vale's
    Go-style messages); ``%%`` is a percent sign."""
    remaining = iter(args)
    parts = []
    for piece in _pieces(template):
        if isinstance(piece, int):
            parts.append(args[piece - 1] if 0 < piece <= len(args) else "")
        else:
            parts.append(next(remaining, "") if piece is None else piece)
    return " ".join("".join(parts).split())


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[str | int | None, ...]:
    """A message template cut into its literal text, (None) its argument slots in order and
    (n) its slots for the n-th argument."""
    pieces: list[str | int | None] = []
    done = 0
    for m in _PLACEHOLDER.finditer(template):
        slot: str | int | None = "%" if m.group() == "%%" else int(m.group(1)) if m.group(1) else None
        pieces += (template[done:m.start()], slot)
        done = m.end()
    pieces.append(template[done:])
    return tuple(pieces)


def _judge(doc: Document, an: Analysis, rule: Rule, hit: Hit) -> tuple[Severity, str] | None:
    """Severity and message for a hit, or None when attribution excuses it."""
    level = hit.level if hit.level is not None else rule.level
    template = hit.message or rule.message
    if rule.attributed != "report" and not rule.scope.raw and attributed(an, rule, hit.start, hit.end):
        if rule.attributed == "skip":
            return None
        level = Severity.parse(rule.attributed)
        template = rule.attributed_message or template
    message = format_message(template, hit.args)
    if hit.related is not None:
        line, column = _related(doc, hit)
        message += f" (compare line {line}, column {column})"
    return level, message


def _related(doc: Document, hit: Hit) -> tuple[int, int]:
    assert hit.related is not None
    return doc.position(doc.to_source(*hit.related)[0])


def _suggestions(rule: Rule, hit: Hit) -> tuple[str, ...]:
    if hit.suggestions:
        return hit.suggestions
    if rule.action_name == "replace":
        return rule.action_params
    if rule.action_name == "remove":
        return ("",)
    return ()


def place(doc: Document, rule: Rule, hit: Hit, level: Severity, message: str) -> Finding:
    """Map a hit to the source and build its finding."""
    start, end = (hit.start, hit.end) if rule.scope.raw else doc.to_source(hit.start, hit.end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    suggestions = _suggestions(rule, hit)
    fix = None
    if len(suggestions) == 1 and rule.fixable and hit.fixable:
        fix = _fix(doc, hit, start, end, suggestions[0])
    related = _related(doc, hit) if hit.related is not None else None
    return Finding(doc.path, rule.id, level, message, line, column, end_line, end_column,
                   start, end - start, doc.source[start:end], suggestions, fix, related)


_ENTITY = compile_pattern(r"&(?:(?P<name>[A-Za-z][A-Za-z0-9]*)|#(?P<hex>[xX])?[0-9A-Fa-f]+);")


def _fix(doc: Document, hit: Hit, start: int, end: int, suggestion: str) -> Fix | None:
    """The fix for a hit, in the case of the text it replaces: the suggestion as it is where
    the source span is plain prose; where the span is prose with HTML entities in it
    (``&laquo;``, ``caf&eacute;``), the suggestion with every character that is not plain
    ASCII written as an entity of the same kind (``&ldquo;``, ``&#8220;``). Any other
    markup is never edited: no fix."""
    found, text = doc.source[start:end], doc.text[hit.start:hit.end]
    replacement = keep_case(text, suggestion)
    if text == found:
        return Fix(start, end, replacement)
    entity = _ENTITY.search(found)
    if entity is None:
        return None
    from html import unescape  # only for a span with entities: most runs never load the table

    if unescape(found) != text:
        return None
    return Fix(start, end, "".join(c if c.isascii() and c not in "&<>" else _as_entity(c, entity)
                                   for c in replacement))


def _as_entity(char: str, like: re.Match[str]) -> str:
    """``char`` written as the entity ``like`` is: by name if it has one, else by number."""
    from html.entities import codepoint2name

    if like.group("name") and ord(char) in codepoint2name:
        return f"&{codepoint2name[ord(char)]};"
    return f"&#x{ord(char):X};" if like.group("hex") or like.group("name") else f"&#{ord(char)};"


def _raw_view(doc: Document) -> Document:
    from linter.model.document import Block

    return Document(doc.path, doc.source, doc.source, doc.fmt, (Block("raw", 0, len(doc.source)),))


def _accepted(doc: Document, rule: Rule, hit: Hit, vocab: Callable[[int, int], bool]) -> bool:
    """A term hit followed by [sic], named as a word, or inside an accepted vocabulary term."""
    if not KINDS[rule.kind].terms or rule.scope.raw:
        return False
    mentioned = _MENTION.search(doc.text, max(0, hit.start - 40), hit.start) is not None
    return bool(_SIC.match(doc.text, hit.end)) or mentioned or (rule.vocab and vocab(hit.start, hit.end))


def _findings(doc: Document, an: Analysis, rule: Rule,
              vocab: Callable[[int, int], bool] | None) -> Iterator[Finding]:
    view, view_an = (doc, an) if not rule.scope.raw else (raw := _raw_view(doc), Analysis(raw))
    count = 0
    accepted = vocab or _nothing
    story = rule.story  # a condition on the whole story: tested at the first hit, once
    for hit in KINDS[rule.kind].find(view, view_an, rule):
        if story is not None:
            if not story.holds(doc.text):
                return
            story = None
        if not visible(doc, an, rule, hit.start, hit.end) or _accepted(doc, rule, hit, accepted):
            continue
        if not refers(an, rule, hit.start, hit.end) or not tagged(an, rule, hit.start, hit.end):
            continue
        judged = _judge(doc, an, rule, hit)
        if judged is None:
            continue
        yield place(doc, rule, hit, *judged)
        count += 1
        if rule.limit and count >= rule.limit:
            return


# The time a rule that is not bundled may take on one draft: RE2 runs what it can of its
# patterns in linear time; the rest run on re, which could backtrack for ever.
PATTERN_SECONDS = 5.0
PATTERN_SECONDS_PER_MB = 5.0


def time_allowed(doc: Document) -> float:
    return PATTERN_SECONDS + PATTERN_SECONDS_PER_MB * len(doc.text) / 1_000_000


def run_rule(doc: Document, an: Analysis, rule: Rule, vocab: Callable[[int, int], bool] | None = None,
             problems: list[str] | None = None) -> list[Finding]:
    """The findings of one rule. A rule that is not bundled runs under a time limit: past
    it, the rule is stopped and the problem is added to ``problems`` (or raised as a
    :class:`RuleError` when there is no list), naming the rule file and line; the other
    rules and drafts are linted as usual."""
    if rule.trusted:
        return list(_findings(doc, an, rule, vocab))
    seconds = time_allowed(doc)
    try:
        with time_limit(seconds):
            return list(_findings(doc, an, rule, vocab))
    except TimeLimitExceeded:
        error = RuleError(rule.path, rule.pattern_line,
                          f"rule {rule.id}: its patterns took longer than {seconds:.1f} s on this draft "
                          "and were stopped, so its findings here are missing; make them match less "
                          "(see README: Writing rules)")
        if problems is None:
            raise error from None
        problems.append(str(error))
        return []


def _nothing(start: int, end: int) -> bool:
    return False


def lint_document(doc: Document, rules: Iterable[Rule], vocab: Exceptions | None = None,
                  starts: Mapping[object, Sequence[int]] | None = None,
                  problems: list[str] | None = None, an: Analysis | None = None) -> list[Finding]:
    """All findings of ``rules`` in ``doc``, sorted by position.

    ``vocab`` holds the project's accepted terms: term rules never report inside them.
    ``starts`` are the prefix scanners' start offsets found by a :class:`Prefilter` pass.
    ``problems`` collects rules stopped by their time limit (see :func:`run_rule`).
    ``an`` is the document's analysis when the caller wants to read it afterwards.
    """
    an = an if an is not None else Analysis(doc, starts)
    accepted = vocab.excuser(doc.text, an) if vocab is not None else None
    rules = list(rules)
    findings = [f for rule in rules for f in run_rule(doc, an, rule, accepted, problems)]
    return sorted(set(_without_deferred(findings, rules)), key=lambda f: f.sort_key)


class Engine:
    """Rules and the accepted vocabulary, ready to lint one document after another: the
    prefilter (one pass per document that rules out rules and finds where term matches can
    start) is built once, on first use."""

    def __init__(self, rules: Sequence[Rule], vocab: Exceptions | None = None) -> None:
        self.rules = tuple(rules)
        self.vocab = vocab

    @cached_property
    def prefilter(self) -> Prefilter:
        vocab = self.vocab.scanner if self.vocab is not None else None
        return Prefilter(self.rules, [vocab] if vocab is not None else [])

    def lint(self, doc: Document, problems: list[str] | None = None) -> list[Finding]:
        """What :func:`lint_document` finds, through the prefilter (the same findings)."""
        return self.analyse(doc, problems)[0]

    def analyse(self, doc: Document, problems: list[str] | None = None) -> tuple[list[Finding], Analysis]:
        """:meth:`lint`'s findings and the analysis of ``doc`` they were judged by (for a
        caller that asks it more, such as the voice of each finding, without analysing the
        document again)."""
        candidates, starts = self.prefilter.scan(doc)
        an = Analysis(doc, starts)
        return lint_document(doc, candidates, self.vocab, starts, problems, an), an


def _without_deferred(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """Drop a finding when a rule it ``defers`` to reports a span that holds it (the very
    same span, or a longer one: "killed" in "four guards were killed", which
    Sourcing.Figures already asks a source for), or the span the finding compares itself
    with (``Lukashenko`` against ``Lukashenka``, which the house list already reports)."""
    defers = {r.id: r.defers for r in rules if r.defers}
    if not defers:
        return findings
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        spans.setdefault(f.rule_id, []).append((f.offset, f.offset + f.length))
    starts = {(f.rule_id, f.line, f.column) for f in findings}
    # Per rule, its spans' starts in order and the furthest end reached by any span that
    # starts there or before: a span holds [start, end) when that reach is at least end.
    # (A story of thousands of findings would cost their product to compare pair by pair.)
    reach: dict[str, tuple[list[int], list[int]]] = {}
    for rule_id, found in spans.items():
        found.sort()
        reach[rule_id] = [lo for lo, _ in found], list(accumulate((hi for _, hi in found), max))

    def deferred(f: Finding, other: str) -> bool:
        los, his = reach.get(other, ([], []))
        k = bisect_right(los, f.offset) - 1
        return (k >= 0 and his[k] >= f.offset + f.length) or (
            f.related is not None and (other, *f.related) in starts)
    return [f for f in findings if not any(deferred(f, other) for other in defers.get(f.rule_id, ()))]
