"""Validate one rule's YAML mapping and build its :class:`Rule`.

Every problem is a :class:`RuleError` naming the file and the YAML line of
the offending key. Keys are Vale's where the concept is shared; copydesk's
own are documented in the README (``quotes``, ``attributed``, ...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from linter.kinds import KINDS, specs
from linter.kinds.base import OptionError, flexible_spaces, rule_regex
from linter.lib.shown import brief
from linter.lib.trie import alternation
from linter.lib.yamlsrc import YamlMap
from linter.model.findings import LEVEL_NAMES, Severity
from linter.model.rule import Examples, Rule, RuleError, Scope, Story

COMMON_KEYS: dict[str, specs.Spec] = {
    "extends": specs.string,
    "message": specs.string,
    "level": specs.one_of(*LEVEL_NAMES),
    "scope": specs.string_list,
    "link": specs.string,
    "limit": specs.integer,
    "description": specs.string,
    "source": specs.string,
    "examples": specs.any_value,
    "action": specs.any_value,
    "quotes": specs.one_of("skip", "include", "only"),
    "attributed": specs.one_of("report", "skip", *LEVEL_NAMES),
    "attributedmessage": specs.string,
    "fixable": specs.boolean,
    "defers": specs.string_list,
    "refers": specs.one_of("any", "specific", "judged"),
    "vague": specs.one_of("own", "attributed"),
    "heads": specs.string_list,
    "tagged": specs.tag_conditions,
    "define": specs.any_value,  # checked by _definitions
    "story": specs.any_value,  # checked by _story
}

# "{{number}}" in a kind key's strings stands for the rule's own ``define: {number: ...}``.
_REFERENCE = re.compile(r"\{\{([^{}]*)\}\}")
_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")
# The most characters a rule's definitions may add to its patterns, all uses together:
# definitions that use each other double at every step (thirty steps are a gigabyte), and
# a list of 10,000 uses of a long one is as large.
EXPANDED_MAX = 1_000_000
# The file of a style folder whose definitions every rule of the style may use.
SHARED_DEFINITIONS = "_define.yml"

_BLOCK_SCOPES = {"heading": "heading", "list": "list", "blockquote": "blockquote",
                 "table": "table", "paragraph": "paragraph"}
_UNIT_SCOPES = {"sentence": "sentence", "paragraph": "paragraph", "summary": "document"}


def parse_scope(names: tuple[str, ...]) -> Scope:
    """Vale-style scopes: text, heading, list, blockquote, table, sentence, paragraph, summary, raw, ~x."""
    kinds: set[str] = set()
    excluded: set[str] = set()
    unit, everything = "block", False
    for name in names:
        negated = name.startswith("~")
        base = name.lstrip("~").split(".")[0]
        if base == "raw" and not negated:
            return Scope(raw=True)
        if base in ("text", "summary", "sentence") or (base == "paragraph" and not negated):
            unit = _UNIT_SCOPES.get(base, unit)
            everything = True
        elif base in _BLOCK_SCOPES:
            (excluded if negated else kinds).add(_BLOCK_SCOPES[base])
        else:
            raise ValueError(f"unknown scope {brief(name)}")
    return Scope(None if everything or not kinds else frozenset(kinds), frozenset(excluded), unit)


def _examples(data: YamlMap, path: str) -> Examples:
    raw = data.get("examples")
    if raw is None:
        return Examples()
    line = data.key_line("examples")
    if not isinstance(raw, dict) or set(raw) - {"fail", "pass"}:
        raise RuleError(path, line, "examples: expected a mapping with fail and pass lists")
    try:
        return Examples(specs.string_list(raw.get("fail", [])), specs.string_list(raw.get("pass", [])))
    except ValueError as exc:
        raise RuleError(path, line, f"examples: {exc}") from None


def _story(data: YamlMap, path: str, defined: dict[str, str]) -> Story | None:
    """``story: {requires: [...], unless: [...]}``: patterns searched in the whole story
    (a space matches any run of white space, case follows the rule's ``ignorecase``, as
    in ``exceptions``, and ``{{name}}`` is the rule's definition, as in the kind's own
    keys: ``defined``, read once by :func:`_kind_options`); the rule reports only where
    some ``requires`` pattern matches and no ``unless`` pattern does."""
    raw = data.get("story")
    if raw is None:
        return None
    line = data.key_line("story")
    if not isinstance(raw, dict) or not raw or set(raw) - {"requires", "unless"}:
        raise RuleError(path, line, "story: expected a mapping with requires and/or unless lists")
    flags = re.MULTILINE | (re.IGNORECASE if data.get("ignorecase") is True else 0)
    budget = [EXPANDED_MAX - sum(map(len, defined.values()))]
    compiled: dict[str, re.Pattern[str] | None] = {}
    for key in ("requires", "unless"):
        try:
            patterns = specs.string_list(raw.get(key, []))
        except ValueError as exc:
            raise RuleError(path, line, f"story: {key}: {exc}") from None
        if defined:  # "{{name}}" as in the kind's own keys
            patterns = tuple(_expand(list(patterns), defined, path, line, f"story: {key}", budget))
        try:
            compiled[key] = rule_regex(f"story: {key}", "|".join(
                f"(?:{flexible_spaces(p)})" for p in patterns), flags) if patterns else None
        except OptionError as exc:
            raise RuleError(path, line, str(exc)) from None
    return Story(compiled["requires"], compiled["unless"])


def _action(data: YamlMap, path: str) -> tuple[str, tuple[str, ...]]:
    raw = data.get("action")
    if raw is None:
        return "", ()
    line = data.key_line("action")
    if not isinstance(raw, dict) or set(raw) - {"name", "params"} or "name" not in raw:
        raise RuleError(path, line, "action: expected a mapping with name and params")
    if raw["name"] not in ("replace", "remove", "suggest", "edit", "convert"):
        raise RuleError(path, line, f"action: unknown action {brief(raw['name'])}")
    try:
        return str(raw["name"]), specs.string_list(raw.get("params", []))
    except ValueError as exc:
        raise RuleError(path, line, f"action: {exc}") from None


def _definitions(data: YamlMap, path: str, shared: Mapping[str, str] | None = None) -> dict[str, str]:
    """``define``: named pieces of pattern that the rule's other keys use as ``{{name}}``
    (a count's alternation written once instead of in every trigger). A definition is a
    piece of pattern, or a list of them any one of which matches (the plain words of a
    list are matched as a trie where that finds the same: see
    :func:`linter.lib.trie.alternation`). A definition may use those above it, and those
    ``shared`` by the rule's style (its ``_define.yml``: :func:`shared_definitions`),
    which it may not define again. A rule with neither keeps any ``{{`` as it is (a CMS's
    ``{{byline}}`` is text to match); with them, ``\\{\\{`` is a literal brace pair."""
    defined: dict[str, str] = dict(shared or {})
    raw = data.get("define")
    if raw is None:
        return defined
    line = data.key_line("define")
    if not isinstance(raw, dict):
        raise RuleError(path, line, "define: expected a mapping of names to strings")
    budget = [EXPANDED_MAX]
    for name, value in raw.items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise RuleError(path, line, f"define: {brief(name)} is not a name (lower-case letters, "
                                        "digits, - and _, starting with a letter)")
        if shared and name in shared:
            raise RuleError(path, line, f"define: {name} is already defined for the whole style, in its "
                                        f"{SHARED_DEFINITIONS}; give this one another name")
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            items = _expand(value, defined, path, line, f"define: {name}", budget)
            defined[name] = alternation(items)
            continue
        if not isinstance(value, str):
            raise RuleError(path, line, f"define: {name}: expected a string or a list of strings, "
                                        f"got {_described(value)}")
        defined[name] = _expand(value, defined, path, line, f"define: {name}", budget)
    return defined


def _described(value: Any) -> str:
    if isinstance(value, list):
        return "an empty list" if not value else "a list holding " + type(
            next(v for v in value if not isinstance(v, str))).__name__
    return type(value).__name__


def _expand(value: Any, defined: dict[str, str], path: str, line: int, where: str,
            budget: list[int]) -> Any:
    """``value`` with each ``{{name}}`` in its strings (in lists too, and in a mapping's
    keys: ``swap``'s patterns, not their replacements) replaced by its definition;
    ``budget[0]``: the characters the rule's expansions may still add."""
    if isinstance(value, list):
        return [_expand(v, defined, path, line, where, budget) for v in value]
    if isinstance(value, dict):
        lines = value.lines if isinstance(value, YamlMap) else {}
        out: dict[str, Any] = {}
        for key, item in value.items():
            expanded = _expand(key, defined, path, line, where, budget)
            if expanded in out:
                raise RuleError(path, lines.get(key, line), f"{where}: two keys are {brief(expanded)} once "
                                                             "their definitions are filled in")
            out[expanded] = item
        return out
    if not isinstance(value, str) or "{{" not in value:
        return value

    def one(m: re.Match[str]) -> str:
        name = m.group(1).strip()
        if name not in defined:
            known = f" (defined above: {', '.join(defined)})" if defined else ""
            raise RuleError(path, line, f"{where}: {{{{{name}}}}} is not defined{known}")
        budget[0] -= len(defined[name])
        if budget[0] < 0:
            raise RuleError(path, line, f"{where}: the definitions expand past {EXPANDED_MAX:,} characters; "
                                        "write shorter patterns")
        return defined[name]
    return _REFERENCE.sub(one, value)


def _kind_options(data: YamlMap, path: str, kind_name: str,
                  shared: Mapping[str, str] | None) -> tuple[Any, dict[str, str]]:
    """The kind's built options, and the rule's definitions (``define``) they used."""
    kind = KINDS[kind_name]
    if "vocab" in data and not kind.terms:
        raise RuleError(path, data.key_line("vocab"), f"vocab: a {kind_name} rule never consults the "
                        "vocabulary (only rules that report words or phrases do: "
                        f"{', '.join(k for k in KINDS if KINDS[k].terms)})")
    unknown = [k for k in data if k not in COMMON_KEYS and k not in kind.keys and k != "vocab"]
    if unknown:
        key = unknown[0]
        raise RuleError(path, data.key_line(key), f"unknown key {brief(key)} for a {kind_name} rule")
    for key in kind.required:
        if key not in data:
            raise RuleError(path, data.line, f"a {kind_name} rule needs {brief(key)}")
    defined = _definitions(data, path, shared)
    budget = [EXPANDED_MAX - sum(map(len, defined.values()))]
    values = dict(kind.defaults or {})
    for k in data:
        if k in kind.keys:
            value = _expand(data[k], defined, path, data.key_line(k), k, budget) if defined else data[k]
            values[k] = _one_value(value, path, data.key_line(k), k, kind.keys[k])
    try:
        return kind.build(values), defined
    except OptionError as exc:
        raise RuleError(path, data.key_line(exc.key), str(exc)) from None


def _one(data: YamlMap, path: str, key: str, spec: specs.Spec) -> Any:
    return _one_value(data[key], path, data.key_line(key), key, spec)


def _one_value(value: Any, path: str, line: int, key: str, spec: specs.Spec) -> Any:
    try:
        return spec(value)
    except ValueError as exc:
        raise RuleError(path, line, f"{key}: {exc}") from None


def shared_definitions(data: Any, path: str) -> dict[str, str]:
    """The definitions a style's ``_define.yml`` (loaded from ``path``) shares with every
    rule of the style: a mapping with one key, ``define``, written as a rule's is."""
    if not isinstance(data, YamlMap) or set(data.lowered()) != {"define"}:
        raise RuleError(path, 1, f"{SHARED_DEFINITIONS} must hold a mapping with one key, define")
    return _definitions(data.lowered(), path)


def _shared_used(data: YamlMap, shared: Mapping[str, str] | None) -> dict[str, Any]:
    """The style's shared definitions that the rule's keys name, as ``shared define`` (for
    its documentation, and so that what the rule means changes when they do)."""
    if not shared:
        return {}
    named = set(_REFERENCE.findall(repr(dict(data))))
    used = {name: value for name, value in shared.items() if name in named}
    return {"shared define": used} if used else {}


def parse_rule(data: Any, path: str, rule_id: str, shared: Mapping[str, str] | None = None) -> Rule:
    """Validate ``data`` (loaded from ``path``) and build the rule ``rule_id``, with the
    definitions ``shared`` by its style."""
    if not isinstance(data, YamlMap):
        raise RuleError(path, 1, "a rule file must hold a YAML mapping")
    data = data.lowered()
    for key in ("extends", "message"):
        if key not in data:
            raise RuleError(path, data.line or 1, f"missing required key {brief(key)}")
    kind = _one(data, path, "extends", specs.string)
    if kind not in KINDS:
        raise RuleError(path, data.key_line("extends"),
                        f"extends: unknown kind {brief(kind)} (known: {', '.join(sorted(KINDS))})")
    common = {k: _one(data, path, k, COMMON_KEYS[k]) for k in data if k in COMMON_KEYS}
    options, defined = _kind_options(data, path, kind, shared)
    try:
        scope = parse_scope(common.get("scope", ("text",)))
    except ValueError as exc:
        raise RuleError(path, data.key_line("scope"), f"scope: {exc}") from None
    action_name, action_params = _action(data, path)
    return Rule(
        id=rule_id, kind=kind, path=path, message=common["message"],
        level=Severity.parse(common.get("level", "warning")), options=options, scope=scope,
        quotes=common.get("quotes", "skip"), attributed=common.get("attributed", "report"),
        attributed_message=common.get("attributedmessage", ""), link=common.get("link", ""),
        limit=common.get("limit", 0), description=common.get("description", ""),
        source=common.get("source", ""), examples=_examples(data, path),
        fixable=common.get("fixable", True), defers=common.get("defers", ()),
        story=_story(data, path, defined),
        vocab=_one(data, path, "vocab", specs.boolean) if "vocab" in data else True,
        refers=common.get("refers", "any"), vague=common.get("vague", "own"),
        heads=frozenset(h.lower() for h in common["heads"]) if "heads" in common else None,
        tagged=common.get("tagged", ()),
        action_name=action_name,
        action_params=action_params, raw=dict(data) | _shared_used(data, shared),
        kind_keys=tuple(k for k in data if k not in COMMON_KEYS),
        lines=dict(data.lines),
    )
