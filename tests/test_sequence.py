"""The ``sequence`` kind: Vale's token sequences, by word and part of speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main
from linter.config.loader import LoadErrors, load_styles
from linter.engine.lint import lint_document
from linter.markup import make_document
from linter.model.rule import Rule


def _rules(tmp_path: Path, body: str) -> tuple[Rule, ...]:
    style = tmp_path / "House"
    style.mkdir(exist_ok=True)
    (style / "Rule.yml").write_text(body, encoding="utf-8")
    return load_styles([("House", style)]).rules


def _found(rules: tuple[Rule, ...], text: str) -> list[tuple[str, str]]:
    doc = make_document("t.txt", text, "text")
    return [(f.match, f.message) for f in lint_document(doc, rules)]


COULD_OF = """extends: sequence
message: "'%[1]s %[2]s': write '%[1]s have'"
ignorecase: true
tokens:
  - tag: MD
  - pattern: of
  - tag: VBN|VB|VBD
"""


def test_words_and_tags_in_order(tmp_path: Path) -> None:
    rules = _rules(tmp_path, COULD_OF)
    assert _found(rules, "He could of known better.") == [("could of known", "'could of': write 'could have'")]
    assert _found(rules, "The capital of France.") == []  # "of" with no modal before it
    assert _found(rules, "Most of them would, of course, agree.") == []


def test_a_reporting_verb_after_a_plural_noun_is_told_from_the_noun(tmp_path: Path) -> None:
    rules = _rules(tmp_path, """extends: sequence
message: "'%[2]s' reports what %[1]s say"
tokens:
  - tag: NNS|NNP|NNPS
  - pattern: states?|stated
    tag: VB.*
""")
    text = "Officials state that the militants shelled state television."
    assert _found(rules, text) == [("Officials state", "'state' reports what Officials say")]


def test_negate_and_skip(tmp_path: Path) -> None:
    rules = _rules(tmp_path, """extends: sequence
message: "'%[2]s' without a number before it"
ignorecase: true
tokens:
  - tag: CD
    negate: true
  - pattern: casualties
""")
    assert _found(rules, "There were casualties on both sides.") == [("casualties", "'casualties' without a number before it")]
    assert _found(rules, "There were 12 casualties.") == []
    skipping = _rules(tmp_path, """extends: sequence
message: "%s ... %[2]s"
ignorecase: true
tokens:
  - pattern: said
  - pattern: that
    skip: 2
""")
    assert [m for m, _ in _found(skipping, "He said on Monday that it was over.")] == ["said on Monday that"]
    assert _found(skipping, "He said on the first Monday that it was over.") == []


def test_findings_carry_exact_positions_in_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _rules(tmp_path, COULD_OF)
    (tmp_path / ".copydesk.yml").write_text("styles: [House]\n")
    (tmp_path / "d.md").write_text("# Notes\n\nThey *should* of **seen** it.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "d.md"]) == 0
    import json

    [f] = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert (f["line"], f["column"], f["match"]) == (3, 7, "should* of **seen")


@pytest.mark.parametrize(("tokens", "reason"), [
    ("tokens: []", "a list of token mappings"),
    ("tokens: [{tag: MD}]", r"needs a pattern \(without negate\) to anchor"),
    ("tokens: [{pattern: of, colour: red}]", "must be a mapping of pattern, tag, negate, skip"),
    ("tokens: [{pattern: of, skip: -1}]", "skip a whole number"),
    ("tokens: [{pattern: '(of'}]", "bad regular expression"),
])
def test_bad_sequences_are_rule_errors(tmp_path: Path, tokens: str, reason: str) -> None:
    with pytest.raises(LoadErrors, match=reason):
        _rules(tmp_path, f"extends: sequence\nmessage: x\n{tokens}\n")
