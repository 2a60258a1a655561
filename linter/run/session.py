"""A run's session: the configuration and its rules, ready to lint any path.

Built once per run from the plain data the config layer returns; holds what
linting needs and builds on first use: the rules of each path (``per-file``
settings), one :class:`~linter.engine.lint.Engine` (with its prefilter) per
distinct rule list, and the accepted vocabulary.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from linter.analysis import prepare as prepare_analysis
from linter.config.loader import RuleSet
from linter.config.project import Config, enabled_rules, load_config
from linter.engine.lint import Engine
from linter.kinds.base import Exceptions
from linter.lib.globs import matches_any, relative_posix
from linter.model.rule import Rule


class Session:
    """A config with its loaded rules; gives the rules and the engine for each path."""

    def __init__(self, config: Config, ruleset: RuleSet, rules: list[Rule]) -> None:
        self.config, self.ruleset, self.rules = config, ruleset, rules
        self._by_globs: dict[tuple[str, ...], list[Rule]] = {}
        self._engines: dict[tuple[str, ...], Engine] = {}

    @cached_property
    def vocab(self) -> Exceptions | None:
        """Accepted terms (case-sensitive, as in Vale) that term rules never report."""
        return Exceptions.build(self.config.vocab, ignorecase=False) if self.config.vocab else None

    @property
    def rule_ids(self) -> list[str]:
        return [r.id for r in self.ruleset.rules]

    def _globs(self, path: str) -> tuple[str, ...]:
        if not self.config.per_file or path == "-":
            return ()
        relative = relative_posix(Path(path), self.config.root)
        return tuple(g for g, _ in self.config.per_file if matches_any(relative, (g,)))

    def rules_for(self, path: str) -> list[Rule]:
        globs = self._globs(path)
        if not globs:
            return self.rules
        if globs not in self._by_globs:
            overrides = tuple(s for g, settings in self.config.per_file if g in globs for s in settings)
            self._by_globs[globs] = enabled_rules(self.config, self.ruleset, (" ".join(globs), overrides))
        return self._by_globs[globs]

    def engine_for(self, path: str) -> Engine:
        """The engine for ``path``'s rules (one per distinct ``per-file`` combination)."""
        globs = self._globs(path)
        if globs not in self._engines:
            self._engines[globs] = Engine(self.rules_for(path), self.vocab)
        return self._engines[globs]

    def prepare(self) -> None:
        """Build now what linting builds on first use (the prefilter's automaton, the cue
        patterns): worker processes forked afterwards share it, and the parent's cache
        keeps it for the next run, instead of each worker building its own every run."""
        _ = self.engine_for("-").prefilter
        prepare_analysis()


def open_session(explicit: Path | None, cwd: Path, *, use_config: bool = True,
                 select: tuple[str, ...] = (), deselect: tuple[str, ...] = ()) -> Session:
    """The session for the config at ``explicit``, or found from ``cwd`` (unless
    ``use_config`` is False), or the defaults; ``select``/``deselect`` are the command line's
    ``--select`` and ``--ignore``."""
    config, ruleset = load_config(explicit, cwd, use_config=use_config, select=select, deselect=deselect)
    return Session(config, ruleset, enabled_rules(config, ruleset))
