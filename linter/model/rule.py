"""The typed, validated form of a rule, and what matchers return."""

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from linter.model.findings import Severity

# An error line longer than this is cut: values are echoed briefly where messages are made
# (linter.lib.shown.brief), and this is the backstop for any that is not.
MAX_MESSAGE = 1_000


class RuleError(Exception):
    """A rule or config problem: ``path:line: message``, reported before linting."""

    def __init__(self, path: str, line: int, message: str) -> None:
        if len(message) > MAX_MESSAGE:
            message = f"{message[:MAX_MESSAGE]}... ({len(message):,} characters in all)"
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.line = line
        self.message = message


class Scope(NamedTuple):
    """Where a rule looks.

    ``kinds``: block kinds the hit must lie in (None means all prose);
    ``excluded``: block kinds it must not lie in; ``unit``: what counts as
    one block for counting kinds (``block``, ``sentence``, ``paragraph`` or
    ``document``); ``raw``: match the source itself, markup included.
    """

    kinds: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    unit: str = "block"
    raw: bool = False

    def admits(self, kind: str) -> bool:
        return (self.kinds is None or kind in self.kinds) and kind not in self.excluded


class Story(NamedTuple):
    """A condition on the whole story (the rule file's ``story`` key): the rule reports
    nothing in a story where no ``requires`` pattern matches (when there are any) or an
    ``unless`` pattern matches (``Sourcing.Presumption``: nothing once the story reports a
    conviction)."""

    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None

    def holds(self, text: str) -> bool:
        if self.requires is not None and self.requires.search(text) is None:
            return False
        return self.unless is None or self.unless.search(text) is None


class Examples(NamedTuple):
    fail: tuple[str, ...] = ()
    pass_: tuple[str, ...] = ()


class _Nothing(Mapping[Any, Any]):
    """The empty mapping that mapping fields default to: read-only, so one can serve every
    record, and it pickles for worker processes (a ``MappingProxyType`` does not)."""

    __slots__ = ()

    def __getitem__(self, key: object) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "{}"


NOTHING: Mapping[Any, Any] = _Nothing()
EVERYWHERE = Scope()  # all prose, block by block
NO_EXAMPLES = Examples()


class Hit(NamedTuple):
    """A match in ``doc.text`` coordinates, before the engine places it.

    ``args`` fill the message's ``%s`` in order; ``level`` lets a kind that
    judges context itself (attribution, quote style) set the severity;
    ``related`` is another span the message refers to (the engine adds its
    line and column to the message); ``fixable`` False keeps a single suggestion
    from being applied by ``fix`` (where the kind judges that context makes it unsafe).
    """

    start: int
    end: int
    args: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    level: Severity | None = None
    message: str | None = None
    related: tuple[int, int] | None = None
    fixable: bool = True


class Rule(NamedTuple):
    """One rule from one YAML file, addressed as ``Style.Rule``."""

    id: str
    kind: str
    path: str
    message: str
    level: Severity
    options: Any
    scope: Scope = EVERYWHERE
    quotes: str = "skip"
    attributed: str = "report"
    attributed_message: str = ""
    link: str = ""
    limit: int = 0
    description: str = ""
    source: str = ""
    examples: Examples = NO_EXAMPLES
    fixable: bool = True
    # False: the project's accepted vocabulary does not silence this (term) rule.
    vocab: bool = True
    # "specific": report a hit only where it refers to specific people, groups or events
    # (by syntax); a word modifying another noun counts only before one of ``heads``.
    # "judged": the same, and a label denied of them counts too ("was not genocide").
    refers: str = "any"
    # Content attributed to a source that names no one ("critics say ..."): the writer's
    # own words ("own", the default) or attributed like any other ("attributed").
    vague: str = "own"
    heads: frozenset[str] | None = None
    # Penn Treebank tag patterns: a hit whose text the first of a pair matches in full ("" for
    # any hit) is reported only where one of its words carries a tag the second matches in
    # full (("claims?", "VB.?"): "claims" as a verb, not the noun). Empty: any hit.
    tagged: tuple[tuple[str, str], ...] = ()
    # Rule ids whose finding on the very same span makes this rule's redundant.
    defers: tuple[str, ...] = ()
    # A condition on the whole story, or None (every story).
    story: Story | None = None
    action_name: str = ""
    action_params: tuple[str, ...] = ()
    # The rule file as read (keys lower-cased), and the names of the kind's own keys in it.
    raw: Mapping[str, Any] = NOTHING
    kind_keys: tuple[str, ...] = ()
    # The line of each key in the rule file, for errors found while linting.
    lines: Mapping[str, int] = NOTHING
    # A bundled rule: its patterns run on Python's re with no time limit (each is tested to
    # run in linear time); anyone else's are bounded (linter.engine.lint).
    trusted: bool = False

    @property
    def pattern_line(self) -> int:
        """The line of the first of the keys that hold its patterns (the kind's own keys and
        ``story``), or 0."""
        return min((self.lines[k] for k in (*self.kind_keys, "story") if k in self.lines), default=0)

    @property
    def style(self) -> str:
        return self.id.split(".", 1)[0]
