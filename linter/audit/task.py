"""Auditing one partition: the function every engine runs, in a local process or on a Dask
worker, so that every engine gives the same rows.

The rules reach the worker as :class:`Rules`: the config and validated rules the command
loaded (plain data), with a fingerprint; the engine's transport carries them (Dask sends
them to each worker once). A worker builds its session from them on first use and keeps
it for the next partitions of the same run (one entry per fingerprint, never more than
two). No module of the package reads pickles itself. Stories are linted exactly as ``check``
lints a draft (:func:`linter.run.pipeline.lint_one`), then each finding gets the voice of
its span, a normalised term, and the story's counts beside it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from linter.analysis import Analysis
from linter.analysis.tagging.lemmas import Lemmatizer
from linter.audit.sources import Partition, stories
from linter.audit.stories import BadStory, Fields, Story
from linter.config.loader import RuleSet
from linter.config.project import Config
from linter.kinds import names
from linter.kinds.quote_layout import family_of, story_style
from linter.model.document import Document
from linter.model.findings import Finding
from linter.model.rule import Rule
from linter.model.version import __version__
from linter.run.pipeline import lint_analysed
from linter.run.session import Session

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
# Kinds whose matches are proper nouns (case kept) or marks (kept as they are).
_NAME_KINDS = frozenset({"names", "variants"})
_MARK_KINDS = frozenset({"quotes"})

# (measure, month, desk, rule, term, house, voice, level): what summary.parquet counts.
Key = tuple[str, str, str, str, str, str, str, str]


@dataclass(frozen=True)
class Rules:
    """The session as the workers get it: the config and rules, and a fingerprint of what
    they mean (the same on every run with the same config, rules and version). Equal and
    hashed by the fingerprint alone."""

    fingerprint: str
    config: Config = field(compare=False, repr=False)
    ruleset: RuleSet = field(compare=False, repr=False)
    rules: tuple[Rule, ...] = field(compare=False, repr=False)

    @classmethod
    def of(cls, session: Session) -> Rules:
        meaning = json.dumps([__version__, repr(session.config),
                              [(r.id, r.level.label, r.kind, r.raw) for r in session.ruleset.rules],
                              [r.id for r in session.rules]], sort_keys=True, default=_plain)
        return cls(hashlib.sha256(meaning.encode()).hexdigest()[:16], session.config, session.ruleset,
                   tuple(session.rules))


def _plain(value: object) -> object:
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    return repr(value)


# The sessions this process built, by fingerprint (the newest two).
_SESSIONS: dict[str, Session] = {}


def _session(rules: Rules) -> Session:
    session = _SESSIONS.get(rules.fingerprint)
    if session is None:
        session = Session(rules.config, rules.ruleset, list(rules.rules))
        session.prepare()
        while len(_SESSIONS) >= 2:
            del _SESSIONS[next(iter(_SESSIONS))]
        _SESSIONS[rules.fingerprint] = session
    return session


@functools.lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    return Lemmatizer()


@dataclass
class PartitionResult:
    """What one partition gave: its findings (a pyarrow table, :data:`FINDINGS_SCHEMA`),
    its counts for the summary, the words and stories of each (month, desk), and a
    one-line error for each story that could not be audited."""

    index: int
    findings: Any
    counts: Counter[Key] = field(default_factory=Counter)
    cells: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    stories: int = 0
    words: int = 0


def text_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The prose-text span of a source span (the inverse of ``Document.to_source``): the
    voice is an analysis of the prose text."""
    offsets = doc.offsets
    if not offsets.text_starts:
        return start, end

    def back(pos: int, is_end: bool) -> int:
        i = bisect_right(offsets.src_starts, pos) - 1
        if i < 0:
            return pos
        t, tl = offsets.text_starts[i], offsets.text_lens[i]
        s, sl = offsets.src_starts[i], offsets.src_lens[i]
        if pos >= s + sl:
            return t + tl + (pos - s - sl)
        return t + tl if is_end and pos > s else t

    return back(start, False), max(back(start, False), back(end, True))


def term(text: str, kind: str) -> str:
    """A finding's match as one term: white space collapsed and apostrophes straight; names
    keep their case (``KIEV`` is ``Kiev``), marks stay as they are, other words are lower
    case with a plural last noun made singular (``Terrorists`` is ``terrorist``)."""
    if kind in _MARK_KINDS:
        return text
    words = " ".join(text.split()).replace("’", "'")
    if kind in _NAME_KINDS:
        return words.title() if len(words) > 1 and words.isupper() else words
    low = words.casefold()
    head, _, last = low.rpartition(" ")
    if last.endswith("s"):
        lemma = _lemmatizer().lemma(last, "NNS")
        if lemma != last and _lemmatizer().known(lemma, "N"):
            last = lemma
    return f"{head} {last}" if head else last


def quote_style(an: Analysis) -> str:
    """The quotation style a story uses (``curly``, ``straight``, ``british``, ``german``,
    ``guillemets``), ``mixed`` when its quotations use more than one family of marks, or
    ``none`` without quotations."""
    q = an.quotations
    families = {family_of(x.open_mark) for x in q.quotations if not x.depth and not x.continued}
    if len(families) > 1:
        return "mixed"
    style = story_style(q.quotations, q.parents, q.marks)
    return style.name if style is not None else "none"


class _Columns:
    """The findings of a partition, column by column."""

    NAMES = ("id", "date", "desk", "byline", "rule", "level", "match", "term", "voice", "offset",
             "length", "line", "column", "suggestion", "where")

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {n: [] for n in self.NAMES}

    def add(self, story: Story, f: Finding, found_term: str, voice: str) -> None:
        values = (story.id, story.date, story.desk, story.byline, f.rule_id, f.severity.label, f.match,
                  found_term, voice, f.offset, f.length, f.line, f.column,
                  f.suggestions[0] if f.suggestions else None, story.where)
        for name, value in zip(self.NAMES, values, strict=True):
            self.columns[name].append(value)

    def extend(self, other: _Columns) -> None:
        for name, values in other.columns.items():
            self.columns[name].extend(values)


def _audit_story(story: Story, session: Session,
                 problems: list[str]) -> tuple[_Columns, Counter[Key], int]:
    """One story's finding rows, its counts for the summary, and its words. A user's rule
    stopped by its time limit is added to ``problems``; the other rules' findings count."""
    doc = story.document()
    engine = session.engine_for(doc.path)
    found, an = lint_analysed(doc, engine, session.rule_ids, problems=problems)
    month = story.date.strftime("%Y-%m")
    kinds = {r.id: r.kind for r in engine.rules}
    rows, counts = _Columns(), Counter[Key]()
    for f in found:
        kind = kinds.get(f.rule_id, "")
        voice = an.voice(*text_span(doc, f.offset, f.offset + f.length)).value
        found_term = term(f.match, kind)
        house = term(f.suggestions[0], kind) if kind in _NAME_KINDS and f.suggestions else ""
        rows.add(story, f, found_term, voice)
        counts["finding", month, story.desk, f.rule_id, found_term, house, voice, f.severity.label] += 1
    for rule in engine.rules:
        if rule.kind == "names":
            for _, _, form in names.house_uses(doc, an, rule):
                counts["house-form", month, story.desk, rule.id, form, form, "", ""] += 1
    counts["quote-style", month, story.desk, "", quote_style(an), "", "", ""] += 1
    return rows, counts, len(_WORD.findall(doc.text))


def audit_partition(rules: Rules, part: Partition, fields: Fields) -> PartitionResult:
    """Audit every story of ``part``: the function each engine runs for each partition."""
    from linter.audit.tables import findings_table

    session = _session(rules)
    result = PartitionResult(part.index, None)
    out = _Columns()
    for story in stories(part, fields):
        if isinstance(story, BadStory):
            result.errors.append(str(story))
            continue
        problems: list[str] = []
        try:
            rows, counts, words = _audit_story(story, session, problems)
        except (RecursionError, ValueError, KeyError, IndexError) as exc:  # one story, not the run
            result.errors.append(f"{story.where}: could not audit story {story.id!r}: "
                                 f"{type(exc).__name__}: {exc}")
            continue
        result.errors.extend(f"{story.where}: story {story.id!r}: {problem}"
                             for problem in dict.fromkeys(problems))
        out.extend(rows)
        result.counts.update(counts)
        month = story.date.strftime("%Y-%m")
        result.cells[month, story.desk, "stories"] += 1
        result.cells[month, story.desk, "words"] += words
        result.stories += 1
        result.words += words
    result.findings = findings_table(out.columns)
    return result
