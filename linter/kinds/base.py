"""What a rule kind is, and the term-matching pieces several kinds share."""

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds.specs import Spec
from linter.lib.cache import compile_pattern
from linter.lib.literals import prefixes, required
from linter.lib.regexes import compile_user
from linter.lib.scan import Scanner, scanner_for, within_blocks
from linter.lib.trie import ordered_trie
from linter.model.document import Document
from linter.model.rule import NOTHING, Hit, Rule


class OptionError(ValueError):
    """A kind-specific key whose value cannot be used; names the key."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(reason)
        self.key = key


def require(extra: str, *modules: str) -> None:
    """Refuse to build a rule whose kind needs packages copydesk installs only with an
    extra (``pip install 'copydesk[readability]'``), naming the extra, when they are
    missing: a one-line error at load instead of an ImportError while linting."""
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise OptionError("extends", f"this rule needs {' and '.join(missing)}, which copydesk installs "
                                     f"only with its {extra} extra: pip install 'copydesk[{extra}]'")


class Kind(NamedTuple):
    """A rule kind: its own YAML keys, how to build options, how to find hits.

    ``build`` gets the validated kind keys (defaults filled in) and returns
    the options object stored on the :class:`Rule`. ``find`` is pure.
    ``configure``, when a kind has one, returns options adapted to the
    project's house settings (config keys ``prefer``, ``quote-style``); it
    raises :class:`OptionError` naming the config key it cannot accept.
    ``preferable``, when a kind has one, returns the names a rule's options
    let ``prefer`` choose (the config checks each preferred name is known).
    ``settings`` are the project config keys ``configure`` reads, with their types.
    ``house``, when a kind has one, returns the spellings a rule's (configured)
    options hold right: the house form of each listed name. ``heed``, when a kind
    has one, returns options told the house spellings of the rules a rule
    ``defers`` to (Names.Variants then never asks a writer to leave a house form).
    ``terms``: the kind reports words or phrases, so an editorial ``[sic]`` after a
    hit and the project's accepted vocabulary silence it (a rule may opt out of the
    vocabulary with ``vocab: false``). ``scanners`` returns the prefix scanners a
    rule's options hold, for the prefilter to serve from its one pass.
    """

    name: str
    keys: Mapping[str, Spec]
    build: Callable[[Mapping[str, Any]], Any]
    find: Callable[[Document, Analysis, Rule], Iterator[Hit]]
    required: tuple[str, ...] = ()
    defaults: Mapping[str, Any] | None = None
    configure: Callable[[Any, Mapping[str, Any]], Any] | None = None
    # Literals one of which every hit contains (see linter.engine.prefilter), or None.
    anchors: Callable[[Any], frozenset[str] | None] | None = None
    preferable: Callable[[Any], frozenset[str]] | None = None
    house: Callable[[Any], frozenset[str]] | None = None
    heed: Callable[[Any, frozenset[str]], Any] | None = None
    settings: Mapping[str, Spec] = NOTHING
    terms: bool = False
    scanners: Callable[[Any], Iterable[Scanner | None]] | None = None


_SPACE_RUN = compile_pattern(r"(\\.)|(\[(?:\\.|[^\]\\])*\])|( +)")


def flexible_spaces(pattern: str) -> str:
    """Let a literal space in a token match any run of white space.

    Markup stripping and hard wrapping turn one space into several or into a
    line break; ``passed away`` must still match. Spaces inside character
    classes and escaped spaces are left alone.
    """

    def swap(m: re.Match[str]) -> str:
        return r"\s+" if m.group(3) else m.group(0)

    return _SPACE_RUN.sub(swap, pattern)


def compile_terms(
    key: str, tokens: Iterable[str], *, ignorecase: bool, nonword: bool, group: bool = False
) -> re.Pattern[str]:
    """Vale's templates: ``\\b(?:a|b)\\b``, or ``(?:a|b)`` with ``nonword``.

    With ``group`` each token gets its own capture group (substitution,
    consistency), so the caller can tell which token matched.
    """
    tokens = [t for t in tokens if t]
    parts = [flexible_spaces(t) for t in tokens]
    if group:
        body = "|".join(f"({p})" for p in parts)
    else:  # a trie when it matches what the alternation matches: one test per character
        body = ordered_trie(tokens, ignorecase=ignorecase, bounded=not nonword) or "|".join(parts)
    template = "(?:{})" if nonword else r"\b(?:{})\b"
    flags = re.MULTILINE | (re.IGNORECASE if ignorecase else 0)
    return rule_regex(key, template.format(body), flags)


def rule_regex(key: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A rule's regular expression from rule key ``key``, compiled by
    :func:`linter.lib.regexes.compile_user`; a bad pattern raises :class:`OptionError`
    naming ``key``."""
    try:
        return compile_user(pattern, flags)
    except (re.error, RecursionError, OverflowError) as exc:
        raise OptionError(key, f"bad regular expression in {key}: {exc}") from None


def ungroup(pattern: str) -> str:
    """Turn capture groups into non-capturing ones, so token groups stay countable."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


_AT_START = "\\A"


class Exceptions(NamedTuple):
    """Phrases that excuse a hit lying inside them (counter-terrorism, chicken Kiev).

    A phrase that opens with ``\\A`` (the lead convention of Sourcing.Weasel: the first
    paragraphs of a story) can match only where the text starts: it is kept in a
    pattern of its own, anchored there, and tried there once. In one alternation with
    the others it made ``re`` try the whole alternation at every position of the text."""

    pattern: re.Pattern[str] | None
    scanner: Scanner | None = None
    at_start: re.Pattern[str] | None = None

    @classmethod
    def build(cls, phrases: Iterable[str], *, ignorecase: bool) -> "Exceptions":
        phrases = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
        anywhere = [p for p in phrases if not p.startswith(_AT_START)]
        opening = [p[len(_AT_START):] for p in phrases if p.startswith(_AT_START)]
        at_start = None
        if opening:  # "\b\A" is "\A\b": the anchor first, where re sees it
            body = compile_terms("exceptions", opening, ignorecase=ignorecase, nonword=False)
            at_start = rule_regex("exceptions", _AT_START + body.pattern, body.flags)
        if not anywhere:
            return cls(None, None, at_start)
        pattern = compile_terms("exceptions", anywhere, ignorecase=ignorecase, nonword=False)
        return cls(pattern, term_scanner(pattern), at_start)

    def excuser(self, text: str, an: Analysis | None = None) -> Callable[[int, int], bool]:
        """A test ``excused(start, end)``; exception spans are found on first use, once.

        ``an`` is the analysis of the document whose text ``text`` is, for the prefix
        scanner (same spans, found faster)."""
        pattern, at_start = self.pattern, self.at_start
        if pattern is None and at_start is None:
            return _never
        spans: list[tuple[int, int]] = []
        starts: list[int] = []
        opening: list[int] = []  # where the phrase at the text's start ends (0: none)

        def excused(start: int, end: int) -> bool:
            if not opening:
                m = at_start.match(text) if at_start is not None else None
                opening.append(m.end() if m is not None else 0)
            if end <= opening[0]:
                return True
            if pattern is None:
                return False
            if not starts and not spans:
                # (an exception may reach across blocks: a lead's named report excuses the
                # "reportedly" that opens the next paragraph)
                spans.extend((s, e) for s, e, _ in matches(pattern, text, self.scanner, an, across=True))
                starts.extend(s for s, _ in spans)
                if not spans:
                    spans.append((-1, -1))
                    starts.append(-1)
            # Exception spans do not overlap, so only the last one starting
            # at or before the hit can contain it.
            i = bisect_right(starts, start) - 1
            return i >= 0 and end <= spans[i][1]

        return excused


def _never(start: int, end: int) -> bool:
    return False


def pattern_anchors(options: Any) -> frozenset[str] | None:
    """Anchors for a kind whose options keep their one regex in ``pattern``."""
    pattern: re.Pattern[str] = options.pattern
    return required(pattern.pattern, pattern.flags)


def term_and_exception_scanners(options: Any) -> tuple[Scanner | None, Scanner | None]:
    """``Kind.scanners`` for options holding a term ``scanner`` and ``exceptions``."""
    return options.scanner, options.exceptions.scanner


def exception_scanners(options: Any) -> tuple[Scanner | None]:
    """``Kind.scanners`` for options holding only ``exceptions``."""
    return (options.exceptions.scanner,)


def term_scanner(pattern: re.Pattern[str]) -> Scanner | None:
    """A prefix scanner for a large term alternation (see :mod:`linter.lib.scan`), if it has one."""
    return scanner_for(pattern, prefixes(pattern.pattern, pattern.flags))


def matches(pattern: re.Pattern[str], text: str, scanner: Scanner | None = None,
            an: Analysis | None = None, *, across: bool = False) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Non-empty matches, in order; through ``scanner`` (same matches) when there is one
    and ``an`` is the analysis of the document ``text`` belongs to, and then, unless
    ``across``, none across two of its blocks (:func:`linter.lib.scan.within_blocks`)."""
    found: Iterator[re.Match[str]]
    if scanner is None or an is None:
        found = pattern.finditer(text)
    elif (starts := an.sorted_starts(scanner)) is not None:  # found by the prefilter's pass
        found = scanner.finditer_within(text, starts, 0, len(text))
    else:
        found = scanner.finditer(text, an.doc.folded)
    if an is not None and not across:
        found = within_blocks(pattern, text, an.doc.block_starts, found)
    for m in found:
        if m.end() > m.start():
            yield m.start(), m.end(), m


def keep_case(found: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``found`` (KIEV -> KYIV, kiev -> kyiv)."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
