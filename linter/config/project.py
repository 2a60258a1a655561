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
Unknown keys and unknown rule names are errors naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter.config.loader import RuleSet, bundled_dir, bundled_styles, load_styles
from linter.kinds import KINDS, specs
from linter.kinds.base import OptionError
from linter.lib.shown import brief
from linter.lib.textfiles import FileError, read_utf8
from linter.lib.yamlsrc import YamlError, YamlMap, load
from linter.model.findings import LEVEL_NAMES, Severity
from linter.model.rule import Rule, RuleError

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


@dataclass(frozen=True)
class Config:
    """A validated configuration. ``path`` is None for the built-in defaults."""

    path: Path | None = None
    styles: tuple[str, ...] = ()
    rules: tuple[tuple[str, str, int], ...] = ()  # (pattern, setting, line)
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    settings: dict[str, Any] = field(default_factory=dict, compare=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    vocab: tuple[str, ...] = ()
    per_file: tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...] = ()
    max_file_size: int | None = None

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


def _rule_settings(data: YamlMap, shown: str, key: str = "rules") -> tuple[tuple[str, str, int], ...]:
    raw = data.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, YamlMap):
        raise RuleError(shown, data.key_line(key), f"{key}: expected a mapping of rule ids")
    settings = []
    for pattern, value in raw.items():
        setting = {True: "on", False: "off"}.get(value, value) if isinstance(value, bool) else value
        if setting not in (*LEVEL_NAMES, "on", "off"):
            raise RuleError(shown, raw.key_line(pattern),
                            f"{key}: {pattern}: expected off, on or a level, got {brief(value)}")
        settings.append((pattern, str(setting), raw.key_line(pattern)))
    return tuple(settings)


def read_config(path: Path) -> Config:
    shown = str(path)
    try:
        data: Any = load(read_utf8(shown), shown)
    except FileError as exc:
        raise RuleError(shown, 0, f"cannot read config: {exc.message}") from None
    except YamlError as exc:
        raise RuleError(exc.path, exc.line, exc.message) from None
    return parse_config(data, path)


def parse_config(data: Any, path: Path) -> Config:
    """Validate loaded YAML as a config; ``path`` names it in errors and anchors relative paths."""
    shown = str(path)
    if data is None:
        return Config(path)
    if not isinstance(data, YamlMap):
        raise RuleError(shown, 1, "the config must be a YAML mapping")
    values: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    for key, value in data.items():
        spec = _KEYS.get(key) or _setting(key)
        if spec is None:
            known = [*_KEYS, *(k for name in KINDS for k in KINDS[name].settings)]
            raise RuleError(shown, data.key_line(key),
                            f"unknown key {brief(key)} (known: {', '.join(known)})")
        try:
            (values if key in _KEYS else settings)[key] = spec(value)
        except ValueError as exc:
            raise RuleError(shown, data.key_line(key), f"{key}: {exc}") from None
    return Config(path, values.get("styles", ()), _rule_settings(data, shown),
                  values.get("ignore", ()), values.get("fail-on"), settings, dict(data.lines),
                  values.get("vocab", ()), _per_file(data, shown), values.get("max-file-size"))


def _setting(key: str) -> specs.Spec | None:
    """The type of a house setting some rule kind reads (``prefer``, ``quote-style``)."""
    return next((KINDS[name].settings[key] for name in KINDS if key in KINDS[name].settings), None)


def _per_file(data: YamlMap, shown: str) -> tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]:
    """``per-file: {"opinion/**": {Sourcing.*: off}}``: rule settings for matching paths."""
    raw = data.get("per-file")
    if raw is None:
        return ()
    if not isinstance(raw, YamlMap):
        raise RuleError(shown, data.key_line("per-file"), "per-file: expected a mapping of path globs")
    return tuple((glob, _rule_settings(raw, shown, glob)) for glob in raw)


def style_sources(config: Config) -> list[tuple[str, Path]]:
    """(style name, folder) for each configured style, bundled names first resolved."""
    bundled = set(bundled_styles())
    names = config.styles or tuple(s for s in DEFAULT_STYLES if s in bundled)
    sources: list[tuple[str, Path]] = []
    line = config.lines.get("styles", 0)
    for name in names:
        if name in bundled:
            folder = bundled_dir() / name
        else:
            folder = (config.root / name).resolve()
            if not folder.is_dir():
                raise RuleError(str(config.path), line, f"styles: {brief(name)} is neither a bundled style "
                                                        f"({', '.join(sorted(bundled))}) nor a folder")
            if not folder.name:
                raise RuleError(str(config.path), line, f"styles: {brief(name)} is the root of the file "
                                                        "system; a style is a folder named after the style")
        twin = next((f for n, f in sources if n == folder.name), None)
        if twin == folder:
            raise RuleError(str(config.path), line, f"styles: {brief(name)} is listed twice")
        if twin is not None:
            raise RuleError(str(config.path), line,
                            f"styles: two styles are named {folder.name} ({twin} and {folder}), so their "
                            "rules would have the same ids; rename one folder")
        sources.append((folder.name, folder))
    return sources


def enabled_rules(config: Config, ruleset: RuleSet,
                  overrides: tuple[str, tuple[tuple[str, str, int], ...]] | None = None) -> list[Rule]:
    """The rules to run, with levels changed and rules turned off as configured.

    ``overrides`` is a matching ``per-file`` entry (glob, settings), applied after ``rules``.
    """
    levels: dict[str, str] = {}
    sections = [("rules", config.rules), *([overrides] if overrides else [])]
    for section, settings in sections:
        for pattern, setting, line in settings:
            chosen = ruleset.select(pattern)
            if not chosen:
                raise RuleError(str(config.path), line,
                                f"{section}: no loaded rule matches {brief(pattern)}")
            for rule in chosen:
                levels[rule.id] = setting
    _check_prefer(config, ruleset)
    out = []
    for rule in ruleset.rules:
        setting = levels.get(rule.id, "on")
        if setting == "off":
            continue
        rule = _configured(config, rule)
        out.append(rule if setting == "on" else replace(rule, level=Severity.parse(setting)))
    return out


def _check_prefer(config: Config, ruleset: RuleSet) -> None:
    """Each ``prefer`` name must be a form some loaded rule knows (once, across all rules)."""
    known: set[str] = set()
    for rule in ruleset.rules:
        preferable = KINDS[rule.kind].preferable
        if preferable is not None:
            known |= preferable(rule.options)
    unknown = [name for name in config.settings.get("prefer", ()) if name not in known]
    if unknown:
        raise RuleError(str(config.path), config.lines.get("prefer", 0),
                        f"prefer: no loaded rule knows the name {brief(unknown[0])}")


def _configured(config: Config, rule: Rule) -> Rule:
    """Let the rule's kind adapt its options to house settings (``prefer``, ``quote-style``)."""

    configure = KINDS[rule.kind].configure
    if configure is None or not config.settings:
        return rule
    try:
        return replace(rule, options=configure(rule.options, config.settings))
    except OptionError as exc:
        raise RuleError(str(config.path), config.lines.get(exc.key, 0), f"{exc.key}: {exc}") from None


def load_config(explicit: Path | None, cwd: Path) -> tuple[Config, RuleSet]:
    """Read the config (explicit, found, or defaults) and load the rules of its styles.

    Every ``rules`` and ``per-file`` entry is validated here, before any file is linted.
    """
    path = explicit or find_config(cwd)
    config = read_config(path) if path else Config()
    origin = (str(config.path), config.lines.get("styles", 0)) if config.path else None
    ruleset = load_styles(style_sources(config), origin)
    enabled_rules(config, ruleset)
    for entry in config.per_file:
        enabled_rules(config, ruleset, entry)
    return config, ruleset
