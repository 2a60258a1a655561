"""Find rule files, load them safely, and build a :class:`RuleSet`.

A style is a folder of YAML rule files; ``Style/Rule.yml`` is the rule
``Style.Rule`` (a sub-folder adds to the name: ``Style/sub/Rule.yml`` is
``Style.sub.Rule``). Folders and files starting with ``_`` or ``.`` are not
rules (``rules/_data`` holds shared word lists), but a style's ``_define.yml`` holds
definitions of pattern pieces that every rule of the style may use. Every file is validated
before any document is linted; all problems are reported, not just the first.
"""

import fnmatch
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from linter.config.schema import SHARED_DEFINITIONS, parse_rule, shared_definitions
from linter.lib.cache import scope
from linter.lib.packs import packs_dir
from linter.lib.regexes import trusted_patterns
from linter.lib.textfiles import FileError, read_utf8
from linter.lib.yamlsrc import YamlError, load
from linter.model.rule import Rule, RuleError

RULE_SUFFIXES = (".yml", ".yaml")


class LoadErrors(RuleError):
    """Every rule or config problem found while loading (its own ``path``, ``line`` and
    ``message`` are the first one's; ``str`` gives them all, a line each)."""

    def __init__(self, errors: list[RuleError]) -> None:
        unique = _unique(errors)
        first = unique[0]
        super().__init__(first.path, first.line, first.message)
        self.args = ("\n".join(str(e) for e in unique),)
        self.errors = unique


def _unique(errors: list[RuleError]) -> list[RuleError]:
    """Each problem once (a config's settings are checked once per ``per-file`` entry too)."""
    seen: set[str] = set()
    out = []
    for error in errors:
        for one in error.errors if isinstance(error, LoadErrors) else [error]:
            if str(one) not in seen:
                seen.add(str(one))
                out.append(one)
    return out


def bundled_dir() -> Path:
    """The folder of bundled styles: ``rules/`` in a checkout, ``linter/packs`` when installed."""
    folder = packs_dir()
    if folder is None:
        raise RuleError("linter.packs", 0, "the bundled rule packs are missing from this install")
    return folder


def bundled_styles() -> list[str]:
    return sorted(p.name for p in bundled_dir().iterdir() if p.is_dir() and p.name[0] not in "._")


def _rule_files(folder: Path, prefix: str) -> Iterator[tuple[str, Path] | OSError]:
    """(rule id, file) for each rule file under ``folder``; an ``OSError`` in the place of a
    folder that cannot be listed."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        yield exc
        return
    for entry in entries:
        if entry.name[0] in "._":
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _rule_files(entry, f"{prefix}.{entry.name}")
        elif entry.suffix in RULE_SUFFIXES:
            yield f"{prefix}.{entry.stem}", entry


class _Shared(NamedTuple):
    """A style's shared definitions (its ``_define.yml``), and the file's text."""

    defined: dict[str, str]
    text: str


def _read(path: Path, root: Path, what: str = "rule file") -> tuple[str, str]:
    """The path as shown and the text of a file of the style folder ``root`` (``what`` it
    is, for errors)."""
    shown = str(path)
    if not path.resolve().is_relative_to(root):
        raise RuleError(shown, 0, f"{what} points outside its style folder {root}")
    try:
        return shown, read_utf8(shown)
    except FileError as exc:
        raise RuleError(shown, 0, f"cannot read {what}: {exc.message}") from None


def _parsed(shown: str, text: str) -> object:
    try:
        return load(text, shown)
    except YamlError as exc:
        raise RuleError(exc.path, exc.line, exc.message) from None


def _shared(folder: Path, root: Path) -> _Shared:
    """The definitions the style folder's ``_define.yml`` shares with its rules (none
    when it has none; one that cannot be read as a file is an error, never skipped, as the
    rules that use it would mean something else without it)."""
    path = folder / SHARED_DEFINITIONS
    if not path.exists() and not path.is_symlink():
        return _Shared({}, "")
    shown, text = _read(path, root, "shared definitions file")  # (not a FIFO, nor a folder)
    with scope(text):
        return _Shared(shared_definitions(_parsed(shown, text), shown), text)


def _load_file(rule_id: str, path: Path, root: Path, shared: _Shared) -> Rule:
    shown, text = _read(path, root)
    # What parsing this file computes (its YAML, its compiled patterns) is cached with it,
    # and with the style's shared definitions, which its patterns may use.
    with scope(shared.text + "\0" + text if shared.text else text):
        return parse_rule(_parsed(shown, text), shown, rule_id, shared.defined)


Origin = tuple[str, int]  # the config file and line that named the styles, for errors


def _style_error(origin: Origin | None, folder: str, problem: str) -> RuleError:
    """A problem with a style folder: at the config line that named it, when there is one."""
    if origin is None:
        return RuleError(folder, 0, problem)
    return RuleError(origin[0], origin[1], f"styles: {folder}: {problem}")


def load_style(folder: Path, name: str | None = None,
               origin: Origin | None = None) -> tuple[list[Rule], list[RuleError]]:
    """All rules in one style folder, and the problems found."""
    style = name or folder.name
    rules, errors = [], []
    root = folder.resolve()
    bundled = root.is_relative_to(bundled_dir().resolve())
    try:
        with trusted_patterns(bundled):
            shared = _shared(folder, root)
    except RuleError as exc:
        return [], [exc]
    for found in _rule_files(folder, style):
        if isinstance(found, OSError):
            where = str(found.filename or folder)
            errors.append(_style_error(origin, where, f"cannot read style folder: {found.strerror or found}"))
            continue
        rule_id, path = found
        try:
            with trusted_patterns(bundled):
                rule = _load_file(rule_id, path, root, shared)
            rules.append(rule._replace(trusted=True) if bundled else rule)
        except RuleError as exc:
            errors.append(exc)
    return rules, errors


class RuleSet(NamedTuple):
    """The loaded rules, by id, in a stable order."""

    rules: tuple[Rule, ...]

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def select(self, pattern: str) -> list[Rule]:
        """Rules named by an id, a style name, or a glob such as ``Bias.*``."""
        return [r for r in self.rules
                if r.id == pattern or r.style == pattern or fnmatch.fnmatchcase(r.id, pattern)]


def load_styles(sources: Iterable[tuple[str, Path]], origin: Origin | None = None) -> RuleSet:
    """Load (name, folder) pairs; raise :class:`LoadErrors` if any rule is bad, a folder
    cannot be read, or two rule files would have one id. ``origin`` (config file, line)
    is where the styles were named, for problems that are no rule file's."""
    rules: list[Rule] = []
    errors: list[RuleError] = []
    for name, folder in sources:
        found, problems = load_style(folder, name, origin)
        rules.extend(found)
        errors.extend(problems)
    first: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in first:
            errors.append(_style_error(origin, rule.path, f"rule {rule.id} is defined twice: also by "
                                       f"{first[rule.id].path}; rename a style folder or a rule"))
        first.setdefault(rule.id, rule)
    if errors:
        raise LoadErrors(errors)
    return RuleSet(tuple(rules))
