"""Project configuration: ``.copydesk.yml``, found by walking up from the current folder.

```yaml
styles: [Bias, Sourcing, Names, Quotes, ./house-rules]   # bundled names or folders
rules:
  Bias.Labels: warning        # change a level
  Quotes.*: off               # turn rules off (id, style name or glob)
ignore: ["archive/**"]        # path globs, relative to the config file
fail-on: warning              # default for --fail-on
prefer: [Burma, Kiev]         # house choice where houses differ (Names rules)
quote-style: curly            # house quotation marks (Quotes rules)
vocab: [Kiev Post]            # accepted terms: never reported by term rules
max-file-size: 20MB           # larger drafts are refused before they are read
per-file:                     # rule settings for some paths
  "opinion/**": {Bias.*: off}
```
Unknown keys, unknown rule names and bad values are errors naming the file and line;
every one in the file is reported, not only the first (:class:`LoadErrors`). The command
line's ``--select`` and ``--ignore`` (rule ids, styles, globs) apply after ``rules`` and
before ``per-file``; a bundled style named by ``--select`` is loaded even when ``styles``
leaves it out.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from linter.config.loader import LoadErrors, RuleSet, bundled_dir, bundled_styles, load_styles
from linter.kinds import KINDS, SETTINGS, specs
from linter.kinds.base import OptionError
from linter.lib.shown import brief
from linter.lib.suggest import did_you_mean
from linter.lib.textfiles import FileError, read_utf8
from linter.lib.yamlsrc import YamlError, YamlMap, load
from linter.model.findings import LEVEL_NAMES, Severity
from linter.model.rule import NOTHING, Rule, RuleError

CONFIG_NAMES = (".copydesk.yml", ".copydesk.yaml")
DEFAULT_STYLES = ("Bias", "Sourcing", "Names", "Quotes")
FAIL_ON = (*LEVEL_NAMES, "never")

_KEYS: dict[str, specs.Spec] = {
    "styles": specs.string_list,
    "rules": specs.any_value,
    "ignore": specs.string_list,
    "fail-on": specs.one_of(*FAIL_ON),
    "vocab": specs.string_list,
    "per-file": specs.any_value,
    "max-file-size": specs.size,
}


class Config(NamedTuple):
    """A validated configuration. ``path`` is None for the built-in defaults."""

    path: Path | None = None
    styles: tuple[str, ...] = ()
    rules: tuple[tuple[str, str, int], ...] = ()  # (pattern, setting, line)
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    settings: Mapping[str, Any] = NOTHING
    lines: Mapping[str, int] = NOTHING
    vocab: tuple[str, ...] = ()
    per_file: tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...] = ()
    max_file_size: int | None = None
    select: tuple[str, ...] = ()  # --select: only these rules (ids, style names, globs)
    deselect: tuple[str, ...] = ()  # --ignore: not these rules

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path) -> Path | None:
    """The nearest ``.copydesk.yml`` in ``start`` or a parent folder."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def _rule_settings(data: YamlMap, shown: str, errors: list[RuleError],
                   key: str = "rules") -> tuple[tuple[str, str, int], ...]:
    raw = data.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, YamlMap):
        errors.append(RuleError(shown, data.key_line(key), f"{key}: expected a mapping of rule ids"))
        return ()
    settings = []
    for pattern, value in raw.items():
        setting = {True: "on", False: "off"}.get(value, value) if isinstance(value, bool) else value
        if isinstance(setting, str) and setting.lower() in (*LEVEL_NAMES, "on", "off"):
            settings.append((pattern, setting.lower(), raw.key_line(pattern)))
        else:
            errors.append(RuleError(shown, raw.key_line(pattern),
                                    f"{key}: {pattern}: expected off, on or a level, got {brief(value)}"))
    return tuple(settings)


def read_config(path: Path) -> Config:
    return parse_config(_read_yaml(path), path)


def _read_yaml(path: Path) -> Any:
    shown = str(path)
    try:
        return load(read_utf8(shown), shown)
    except FileError as exc:
        raise RuleError(shown, 0, f"cannot read config: {exc.message}") from None
    except YamlError as exc:
        raise RuleError(exc.path, exc.line, exc.message) from None


def parse_config(data: Any, path: Path) -> Config:
    """Validate loaded YAML as a config; ``path`` names it in errors and anchors relative
    paths. Raises :class:`LoadErrors` naming every bad line."""
    config, errors = _parse(data, path)
    if errors:
        raise LoadErrors(errors)
    return config


def _parse(data: Any, path: Path) -> tuple[Config, list[RuleError]]:
    """The config with its valid entries, and a problem for each bad one."""
    shown = str(path)
    if data is None:
        return Config(path), []
    if not isinstance(data, YamlMap):
        return Config(path), [RuleError(shown, 1, "the config must be a YAML mapping")]
    values: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    errors: list[RuleError] = []
    known = [*_KEYS, *SETTINGS]
    for key, value in data.items():
        spec = _KEYS.get(key) or _setting(key)
        if spec is None:
            errors.append(RuleError(shown, data.key_line(key), f"unknown key {brief(key)}"
                                    f"{did_you_mean(key, known)} (known: {', '.join(known)})"))
            continue
        try:
            (values if key in _KEYS else settings)[key] = spec(value)
        except ValueError as exc:
            errors.append(RuleError(shown, data.key_line(key), f"{key}: {exc}"))
    config = Config(path, values.get("styles", ()), _rule_settings(data, shown, errors),
                    values.get("ignore", ()), values.get("fail-on"), settings, dict(data.lines),
                    values.get("vocab", ()), _per_file(data, shown, errors), values.get("max-file-size"))
    return config, errors


def _setting(key: str) -> specs.Spec | None:
    """The type of a house setting some rule kind reads (``prefer``, ``quote-style``)."""
    kind = SETTINGS.get(key)
    return None if kind is None else KINDS[kind].settings[key]


def _per_file(data: YamlMap, shown: str,
              errors: list[RuleError]) -> tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]:
    """``per-file: {"opinion/**": {Sourcing.*: off}}``: rule settings for matching paths."""
    raw = data.get("per-file")
    if raw is None:
        return ()
    if not isinstance(raw, YamlMap):
        errors.append(RuleError(shown, data.key_line("per-file"),
                                "per-file: expected a mapping of path globs"))
        return ()
    return tuple((glob, _rule_settings(raw, shown, errors, glob)) for glob in raw)


def style_sources(config: Config) -> list[tuple[str, Path]]:
    """(style name, folder) for each configured style, bundled names first resolved, then
    any other bundled style a ``--select`` pattern names (``--select Readability``)."""
    bundled = set(bundled_styles())
    names = list(config.styles or tuple(s for s in DEFAULT_STYLES if s in bundled))
    named = dict.fromkeys(pattern.split(".")[0] for pattern in config.select)
    names += [s for s in named if s in bundled and s not in names]
    sources: list[tuple[str, Path]] = []
    errors = []
    line = config.lines.get("styles", 0)
    for name in names:
        if name in bundled:
            folder = bundled_dir() / name
        else:
            folder = (config.root / name).resolve()
            if not folder.is_dir():
                errors.append(RuleError(str(config.path), line,
                                        f"styles: {brief(name)} is neither a bundled style"
                                        f"{did_you_mean(name, bundled)} ({', '.join(sorted(bundled))}) "
                                        "nor a folder"))
                continue
            if not folder.name:
                errors.append(RuleError(str(config.path), line,
                                        f"styles: {brief(name)} is the root of the file system; a style "
                                        "is a folder named after the style"))
                continue
        twin = next((f for n, f in sources if n == folder.name), None)
        if twin == folder:
            errors.append(RuleError(str(config.path), line, f"styles: {brief(name)} is listed twice"))
        elif twin is not None:
            errors.append(RuleError(str(config.path), line,
                                    f"styles: two styles are named {folder.name} ({twin} and {folder}), so "
                                    "their rules would have the same ids; rename one folder"))
        else:
            sources.append((folder.name, folder))
    if errors:
        raise LoadErrors(errors)
    return sources


def enabled_rules(config: Config, ruleset: RuleSet,
                  overrides: tuple[str, tuple[tuple[str, str, int], ...]] | None = None) -> list[Rule]:
    """The rules to run, with levels changed and rules turned off as configured.

    ``overrides`` is a matching ``per-file`` entry (glob, settings), applied after ``rules``.
    """
    levels: dict[str, str] = {}
    errors: list[RuleError] = []

    def chosen(pattern: str, path: str, line: int, section: str) -> list[Rule]:
        found = ruleset.select(pattern)
        if not found:
            names = [*(r.id for r in ruleset.rules), *(r.style for r in ruleset.rules)]
            where = "" if section == path else f"{section}: "  # --select: says it already
            errors.append(RuleError(path, line, f"{where}no loaded rule matches {brief(pattern)}"
                                                f"{did_you_mean(pattern, names)}"))
        return found

    for pattern, setting, line in config.rules:
        for rule in chosen(pattern, str(config.path), line, "rules"):
            levels[rule.id] = setting
    if config.select:
        picked = {r.id for p in config.select for r in chosen(p, "--select", 0, "--select")}
        for rule in ruleset.rules:
            if rule.id not in picked:
                levels[rule.id] = "off"
            elif levels.get(rule.id) == "off":
                levels[rule.id] = "on"
    for pattern in config.deselect:
        for rule in chosen(pattern, "--ignore", 0, "--ignore"):
            levels[rule.id] = "off"
    if overrides:
        section, settings = overrides
        for pattern, setting, line in settings:
            for rule in chosen(pattern, str(config.path), line, section):
                levels[rule.id] = setting
    if errors:
        raise LoadErrors(errors)
    _check_prefer(config, ruleset)
    configured = {rule.id: _configured(config, rule) for rule in ruleset.rules}
    out = []
    for rule in configured.values():
        setting = levels.get(rule.id, "on")
        if setting == "off":
            continue
        rule = _heeding(rule, configured)
        out.append(rule if setting == "on" else rule._replace(level=Severity.parse(setting)))
    return out


def _heeding(rule: Rule, configured: Mapping[str, Rule]) -> Rule:
    """Tell a rule the house spellings of the rules it ``defers`` to (turned off or not:
    a house list turned off is still the house's spelling)."""
    heed = KINDS[rule.kind].heed
    if heed is None:
        return rule
    spellings: set[str] = set()
    for other in (configured[name] for name in rule.defers if name in configured):
        house = KINDS[other.kind].house
        if house is not None:
            spellings |= house(other.options)
    return rule._replace(options=heed(rule.options, frozenset(spellings)))


def _check_prefer(config: Config, ruleset: RuleSet) -> None:
    """Each ``prefer`` name must be a form some loaded rule knows (once, across all rules)."""
    known: set[str] = set()
    for rule in ruleset.rules:
        preferable = KINDS[rule.kind].preferable
        if preferable is not None:
            known |= preferable(rule.options)
    unknown = [name for name in config.settings.get("prefer", ()) if name not in known]
    if unknown:
        line = config.lines.get("prefer", 0)
        raise LoadErrors([RuleError(str(config.path), line, f"prefer: no loaded rule knows the name "
                                                            f"{brief(name)}{did_you_mean(name, known)}")
                          for name in unknown])


def _configured(config: Config, rule: Rule) -> Rule:
    """Let the rule's kind adapt its options to house settings (``prefer``, ``quote-style``)."""

    configure = KINDS[rule.kind].configure
    if configure is None or not config.settings:
        return rule
    try:
        return rule._replace(options=configure(rule.options, config.settings))
    except OptionError as exc:
        message = str(exc) if str(exc).startswith(f"{exc.key}:") else f"{exc.key}: {exc}"
        raise RuleError(str(config.path), config.lines.get(exc.key, 0), message) from None


def load_config(explicit: Path | None, cwd: Path, *, use_config: bool = True,
                select: tuple[str, ...] = (), deselect: tuple[str, ...] = ()) -> tuple[Config, RuleSet]:
    """Read the config (``explicit``, else the nearest one unless ``use_config`` is False,
    else the defaults), add the command line's ``--select``/``--ignore``, and load the rules
    of its styles.

    Every key, ``rules`` and ``per-file`` entry is validated here, before any file is
    linted, and every problem is reported at once (:class:`LoadErrors`).
    """
    path = explicit or (find_config(cwd) if use_config else None)
    config, errors = _parse(_read_yaml(path), path) if path else (Config(), [])
    config = config._replace(select=select, deselect=deselect)
    ruleset = RuleSet(())
    origin = (str(config.path), config.lines.get("styles", 0)) if config.path else None
    try:
        ruleset = load_styles(style_sources(config), origin)
    except RuleError as exc:
        errors.append(exc)
    for entry in (None, *config.per_file) if ruleset.rules else ():
        try:
            enabled_rules(config, ruleset, entry)
        except RuleError as exc:
            errors.append(exc)
    if errors:
        raise LoadErrors(errors)
    return config, ruleset
