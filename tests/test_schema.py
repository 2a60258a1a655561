"""Rule validation: every problem names the file and the YAML line of the key."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from linter.config.loader import LoadErrors, load_styles
from linter.config.schema import parse_rule
from linter.lib.yamlsrc import load
from linter.model.rule import Rule, RuleError


def _parse(text: str) -> object:
    return parse_rule(load(text, "r.yml"), "r.yml", "S.R")


def _rule(text: str) -> Rule:
    """The rule ``text`` declares (a rule, not a reference to one)."""
    rule = _parse(text)
    assert isinstance(rule, Rule)
    return rule


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("extends: existence\nmessage: m\ntokens: [a]\ncolour: red\n", 4, "unknown key 'colour'"),
        ("extends: existence\nmessage: m\nlevel: fatal\ntokens: [a]\n", 3, "level: expected one of"),
        ("extends: existence\nmessage: m\ntokens: ['(unclosed']\n", 3, "bad regular expression"),
        ("extends: existence\nmessage: m\ntokens: [a]\ntagged: 'VB('\n", 4, "tagged: bad regular expression"),
        ("extends: existence\nmessage: m\ntokens: [a]\ntagged: {'a(': VB}\n", 4, "tagged: bad regular expression"),
        ("extends: existence\nmessage: m\ntokens: [a]\ntagged: {}\n", 4, "tagged: expected a tag pattern"),
        ("extends: existence\nmessage: m\ntokens: [a]\ntagged: [VB]\n", 4, "tagged: expected a mapping"),
        ("message: m\ntokens: [a]\n", 1, "missing required key 'extends'"),
        ("extends: existence\ntokens: [a]\n", 1, "missing required key 'message'"),
        ("extends: grammar\nmessage: m\n", 1, "unknown kind 'grammar'"),
        ("extends: existence\nmessage: m\ntokens: 3\n", 3, "tokens: expected a list of strings"),
        ("extends: substitution\nmessage: m\nswap: [a, b]\n", 3, "swap: expected a mapping"),
        ("extends: substitution\nmessage: m\n", 1, "needs 'swap'"),
        ("extends: existence\nmessage: m\ntokens: [a]\nscope: margin\n", 4, "unknown scope"),
        ("extends: existence\nmessage: m\ntokens: [a]\nlimit: many\n", 4, "limit: expected a whole number"),
        ("extends: occurrence\nmessage: m\ntoken: ','\n", 1, "max or min"),
        ("extends: existence\nmessage: m\ntokens: [a]\nexamples: [a]\n", 4, "examples"),
        ("extends: existence\nmessage: m\ntokens: [a]\naction: {name: explode}\n", 4, "unknown action"),
        ("extends: existence\nmessage: m\nmessage: n\ntokens: [a]\n", 3, "duplicate key"),
        ("- just\n- a list\n", 1, "must hold a YAML mapping"),
        ("extends: existence\nmessage: m\ndefine: [a]\ntokens: [a]\n", 3, "define: expected a mapping"),
        ("extends: existence\nmessage: m\ndefine: {Big: a}\ntokens: [a]\n", 3, "'Big' is not a name"),
        ("extends: existence\nmessage: m\ndefine: {a: 3}\ntokens: [a]\n", 3,
         "define: a: expected a string or a list of strings, got int"),
        ("extends: existence\nmessage: m\ndefine: {a: [b, 3]}\ntokens: [a]\n", 3, "got a list holding int"),
        ("extends: existence\nmessage: m\ndefine: {a: []}\ntokens: [a]\n", 3, "got an empty list"),
        ("extends: existence\nmessage: m\ndefine: {a: '{{b}}', b: x}\ntokens: [a]\n", 3,
         "define: a: {{b}} is not defined"),
        ("extends: existence\nmessage: m\ndefine: {a: x}\ntokens: ['{{a}}', '{{c}}']\n", 4,
         "tokens: {{c}} is not defined (defined above: a)"),
        ("extends: existence\nmessage: m\ndefine: {a: '(x'}\ntokens: ['{{a}}y']\n", 4, "bad regular expression"),
        ("extends: existence\nmessage: m\ntokens: [a]\nstory: [a]\n", 4, "story: expected a mapping"),
        ("extends: existence\nmessage: m\ntokens: [a]\nstory: {when: [a]}\n", 4, "story: expected a mapping"),
        ("extends: existence\nmessage: m\ntokens: [a]\nstory: {}\n", 4, "story: expected a mapping"),
        ("extends: existence\nmessage: m\ntokens: [a]\nstory:\n  unless: 3\n", 4,
         "story: unless: expected a list of strings"),
        ("extends: existence\nmessage: m\ntokens: [a]\nstory: {requires: ['(x']}\n", 4,
         "bad regular expression in story: requires"),
        ("extends: existence\nmessage: m\ndefine: {a: x}\ntokens: [a]\nstory: {unless: ['{{b}}']}\n", 5,
         "story: unless: {{b}} is not defined (defined above: a)"),
        ("extends: substitution\nmessage: m\ndefine: {a: x}\nswap:\n  '{{a}}': y\n  '{{b}}': z\n", 4,
         "swap: {{b}} is not defined (defined above: a)"),
        ("extends: substitution\nmessage: m\ndefine: {a: x}\nswap:\n  '{{a}}': y\n  x: z\n", 6,
         "swap: two keys are 'x' once their definitions are filled in"),
    ],
)
def test_rule_errors_name_line(text: str, line: int, fragment: str) -> None:
    from linter.lib.yamlsrc import YamlError

    with pytest.raises((RuleError, YamlError)) as info:
        _parse(text)
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"r.yml:{line}: ")


def test_definitions_are_written_once_and_used_by_name() -> None:
    text = ("extends: existence\nmessage: m\nignorecase: true\n"
            "define: {count: '(?:\\d+|two|three)', people: '(?:people|men)', some: '{{count}} {{people}}'}\n"
            "tokens: ['killed {{ count }} {{people}}', 'saw {{some}}']\n")
    rule = _rule(text)
    pattern = rule.options.pattern.pattern
    assert r"killed\s+(?:\d+|two|three)\s+(?:people|men)" in pattern
    assert r"saw\s+(?:\d+|two|three)\s+(?:people|men)" in pattern
    assert "{{" not in pattern
    assert rule.raw["define"]["count"] == r"(?:\d+|two|three)"  # shown as written by docs
    # without define, braces are text: a CMS artefact such as {{byline}} can be matched
    plain = _rule("extends: existence\nmessage: m\nnonword: true\ntokens: ['{{dateline}}']\n")
    assert plain.options.pattern.search("Filed from {{dateline}} at noon")
    # with define, an escaped pair of braces is text
    escaped = _rule("extends: existence\nmessage: m\nnonword: true\ndefine: {a: x}\n"
                    "tokens: ['\\{\\{byline\\}\\} {{a}}']\n")
    assert escaped.options.pattern.search("By {{byline}} x")


def test_definitions_reach_the_patterns_of_a_swap_not_its_replacements() -> None:
    # a look-ahead written once and used by two keys (Said.Endorsement's clause)
    text = ("extends: substitution\nmessage: m\nignorecase: true\n"
            "define: {clause: '(?= (?:that|the \\w+ (?:had|was))\\b)'}\n"
            "swap:\n  'noted{{clause}}': said\n  'notes{{clause}}': '{{says}}'\n")
    rule = _rule(text)
    assert set(rule.options.replacements) == {"said", "{{says}}"}  # a replacement is text, as written
    pattern = rule.options.pattern
    assert [m.group(0) for m in pattern.finditer("He noted that. She notes the ferry was late. It noted the date.")] == [
        "noted", "notes"]
    assert "{{" not in pattern.pattern


def test_a_listed_definition_is_any_one_of_its_items_and_its_words_a_trie() -> None:
    text = ("extends: existence\nmessage: m\nignorecase: true\nnonword: true\n"
            "define: {some: [seven, eleven, aid workers, '\\d+', men, women, persons, people, '(?-i:[A-Z]\\w+s)',"
            " seven, seventeen]}\n"
            "tokens: ['\\b{{some}}\\b', 'with {{some}} aboard']\n")
    rule = _rule(text)
    pattern = rule.options.pattern.pattern
    # the first run of words is a trie; the last run (a word after its own prefix) is not
    assert r"(?:(?:aid\s+workers|eleven|seven))|(?:\d+)|(?:(?:men|pe(?:ople|rsons)|women))" in pattern
    assert r"(?:(?-i:[A-Z]\w+s))|seven|seventeen)" in pattern
    assert rule.raw["define"]["some"][0] == "seven"  # shown as written by docs
    text = "Seven AID  workers, 12 men, Britons, persons, seven and seventeen; with Seventeen aboard"
    plain = re.compile(r"\b(?:seven|eleven|aid\s+workers|\d+|men|women|persons|people|(?-i:[A-Z]\w+s)|seven|"
                       r"seventeen)\b|with\s+(?:seven|eleven|aid\s+workers|\d+|men|women|persons|people|"
                       r"(?-i:[A-Z]\w+s)|seven|seventeen)\s+aboard", re.IGNORECASE)
    assert [m.span() for m in rule.options.pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len([*plain.finditer(text)]) == 9


@pytest.mark.parametrize("text", [
    # each definition doubles the one before: thirty steps would be a gigabyte
    "extends: existence\nmessage: m\ndefine: {a0: xy, "
    + ", ".join(f"a{i}: '{{{{a{i - 1}}}}}{{{{a{i - 1}}}}}'" for i in range(1, 31)) + "}\ntokens: ['{{a30}}']\n",
    # a long definition used in a long list
    "extends: existence\nmessage: m\ndefine: {a: " + "x" * 5000 + "}\ntokens: [" + ", ".join(["'{{a}}'"] * 300) + "]\n",
])
def test_definitions_cannot_blow_up_a_rule(text: str) -> None:
    started = time.monotonic()
    with pytest.raises(RuleError, match="expand past 1,000,000 characters") as caught:
        _parse(text)
    assert time.monotonic() - started < 2 and caught.value.line in (3, 4)


def test_python_tags_are_refused() -> None:
    from linter.lib.yamlsrc import YamlError

    with pytest.raises(YamlError, match="constructor"):
        _parse("extends: !!python/object/apply:os.system ['echo hi']\nmessage: m\n")


def test_keys_are_case_insensitive_like_vale() -> None:
    rule = _rule("extends: existence\nMessage: m\nIgnoreCase: true\ntokens: [a]\n")
    assert rule.message == "m"


def test_scope_parsing() -> None:
    rule = _rule("extends: existence\nmessage: m\ntokens: [a]\nscope: [heading, list]\n")
    assert rule.scope.kinds == frozenset({"heading", "list"})
    rule = _rule("extends: existence\nmessage: m\ntokens: [a]\nscope: ~heading\n")
    assert rule.scope.admits("paragraph") and not rule.scope.admits("heading")


def test_loader_reports_every_bad_file(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Good.yml").write_text("extends: existence\nmessage: m\ntokens: [a]\n")
    (style / "Bad.yml").write_text("extends: existence\nmessage: m\ntokens: ['(']\n")
    (style / "Worse.yml").write_text("extends: [\n")
    (style / "_notes.yml").write_text("not: a rule\n")
    with pytest.raises(LoadErrors) as info:
        load_styles([("House", style)])
    assert len(info.value.errors) == 2
    assert {Path(e.path).name for e in info.value.errors} == {"Bad.yml", "Worse.yml"}


def test_loader_ids_from_folders(tmp_path: Path) -> None:
    style = tmp_path / "House"
    (style / "dates").mkdir(parents=True)
    (style / "dates" / "Months.yml").write_text("extends: existence\nmessage: m\ntokens: [Sept]\n")
    ruleset = load_styles([("House", style)])
    assert [r.id for r in ruleset.rules] == ["House.dates.Months"]


def test_loader_refuses_symlink_outside_style(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("extends: existence\nmessage: m\ntokens: [a]\n")
    style = tmp_path / "House"
    style.mkdir()
    (style / "Link.yml").symlink_to(outside)
    with pytest.raises(LoadErrors, match="outside its style folder"):
        load_styles([("House", style)])


STORY_RULE = """extends: existence
message: "'%s'"
tokens: [killer]
story:
  requires: ['charged with']
  unless: [convicted, 'found guilty']
"""


@pytest.mark.parametrize(("text", "found"), [
    ("A man was charged with murder. The killer is 34.", ["killer"]),
    ("A man was charged\nwith murder. The killer is 34.", ["killer"]),  # a space is any white space
    ("Police hunt a man. The killer is 34.", []),  # nothing required is there
    ("A man was charged with murder. The killer is 34. He was convicted.", []),  # nor anything to spare
])
def test_a_story_condition_holds_for_the_whole_story(text: str, found: list[str]) -> None:
    from linter.engine.lint import lint_document
    from linter.markup import make_document

    rule = _rule(STORY_RULE)
    assert [f.match for f in lint_document(make_document("t.txt", text, "text"), [rule])] == found


def test_story_patterns_follow_the_rules_ignorecase() -> None:
    rule = _rule(STORY_RULE + "ignorecase: true\n")
    assert rule.story is not None and not rule.story.holds("He was CONVICTED in 2019; CHARGED WITH fraud")
    assert _rule(STORY_RULE).story is not None and _rule(STORY_RULE).story.holds("CONVICTED. charged with")


def test_story_patterns_use_the_rules_definitions() -> None:
    rule = _rule("extends: existence\nmessage: m\ndefine: {crime: '(?:murder|arson)'}\ntokens: [killer]\n"
                 "story:\n  requires: ['charged with {{crime}}']\n")
    assert rule.story is not None and rule.story.requires is not None
    assert rule.story.holds("He was charged with arson.") and not rule.story.holds("He was charged with theft.")


def _house(tmp_path: Path, shared: str, **rules: str) -> Path:
    style = tmp_path / "House"
    style.mkdir(exist_ok=True)
    (style / "_define.yml").write_text(shared)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text)
    return style


def _matches(rule: Rule, text: str) -> list[str]:
    from linter.engine.lint import lint_document
    from linter.markup import make_document

    return [f.match for f in lint_document(make_document("t.txt", text, "text"), [rule])]


def test_a_styles_shared_definitions_reach_every_rule(tmp_path: Path) -> None:
    shared = "define:\n  month: [January, February, March]\n  dated: 'in {{month}} \\d{4}'\n"
    style = _house(tmp_path, shared,
                   Dated="extends: existence\nmessage: m\ntokens: ['sold {{dated}}']\n",
                   Own="extends: existence\nmessage: m\ndefine: {verb: (?:sold|bought)}\n"
                       "tokens: ['{{verb}} in {{month}}']\n")
    rules = {r.id: r for r in load_styles([("House", style)]).rules}
    assert set(rules) == {"House.Dated", "House.Own"}  # the shared file is no rule
    assert _matches(rules["House.Dated"], "It sold in March 2004, not in May 2004.") == ["sold in March 2004"]
    assert _matches(rules["House.Own"], "She bought in February.") == ["bought in February"]
    # what the rule means (its documentation, an audit's fingerprint) holds the shared pieces it names
    assert set(rules["House.Dated"].raw["shared define"]) == {"dated"}
    assert set(rules["House.Own"].raw["shared define"]) == {"month"}


def test_a_rule_may_not_define_a_shared_name_again(tmp_path: Path) -> None:
    style = _house(tmp_path, "define:\n  month: [January]\n",
                   Clash="extends: existence\nmessage: m\ndefine: {month: May}\ntokens: ['{{month}}']\n")
    with pytest.raises(LoadErrors) as info:
        load_styles([("House", style)])
    error = info.value.errors[0]
    assert Path(error.path).name == "Clash.yml" and error.line == 3
    assert "month is already defined for the whole style, in its _define.yml" in error.message


@pytest.mark.parametrize(("shared", "problem"), [
    ("month: [January]\n", "must hold a mapping with one key, define"),
    ("define: {month: [January]}\nextends: existence\n", "must hold a mapping with one key, define"),
    ("define: {Month: January}\n", "is not a name"),
    ("define: [\n", ""),
])
def test_a_bad_shared_definitions_file_is_named_and_loads_no_rule(tmp_path: Path, shared: str,
                                                                   problem: str) -> None:
    style = _house(tmp_path, shared, Uses="extends: existence\nmessage: m\ntokens: [a]\n")
    with pytest.raises(LoadErrors) as info:
        load_styles([("House", style)])
    [error] = info.value.errors
    assert Path(error.path).name == "_define.yml" and error.line >= 1 and problem in error.message


def test_a_changed_shared_definition_is_not_read_from_the_cache(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    rule = "extends: existence\nmessage: m\ntokens: ['{{word}}']\n"
    style = _house(tmp_path, "define: {word: ferry}\n", Word=rule)
    [first] = load_styles([("House", style)]).rules
    _house(tmp_path, "define: {word: harbour}\n")
    [second] = load_styles([("House", style)]).rules
    assert _matches(first, "the ferry and the harbour") == ["ferry"]
    assert _matches(second, "the ferry and the harbour") == ["harbour"]


@pytest.mark.parametrize("kind", ["fifo", "folder", "outside"])
def test_a_shared_definitions_file_that_is_no_readable_file_is_an_error(tmp_path: Path, kind: str) -> None:
    import os

    style = tmp_path / "House"
    style.mkdir()
    (style / "Word.yml").write_text("extends: existence\nmessage: m\ntokens: ['{{word}}']\n")
    shared = style / "_define.yml"
    if kind == "fifo":
        os.mkfifo(shared)  # read as a file, it would hang the load
    elif kind == "folder":
        shared.mkdir()
    else:
        (tmp_path / "elsewhere.yml").write_text("define: {word: ferry}\n")
        shared.symlink_to(tmp_path / "elsewhere.yml")
    started = time.monotonic()
    with pytest.raises(LoadErrors) as info:
        load_styles([("House", style)])
    [error] = info.value.errors
    assert Path(error.path).name == "_define.yml" and "shared definitions file" in error.message
    assert time.monotonic() - started < 5
