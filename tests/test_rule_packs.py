"""Every bundled rule documents itself and its examples behave as documented.

Each ``fail`` example must be flagged by its rule and each ``pass`` example
must not be, linted alone (proselint's meta-test). Hygiene: descriptions,
sources and examples are present; suggestions are not flagged by their own
rule (codespell's loop test).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from linter.config.loader import bundled_dir, bundled_styles, load_styles
from linter.engine.lint import lint_document
from linter.markup import make_document
from linter.model.rule import Rule

CORE = Path(__file__).resolve().parent.parent / "fixtures" / "styles" / "Core"
BUNDLED = load_styles([(s, bundled_dir() / s) for s in bundled_styles()]).rules
CORE_RULES = load_styles([("Core", CORE)]).rules
ALL = BUNDLED + CORE_RULES


def _flagged(rule: Rule, text: str) -> list[str]:
    doc = make_document("example.txt", text, "text")
    return [f.match for f in lint_document(doc, [rule]) if f.rule_id == rule.id]


EXAMPLES = [(r, "fail", e) for r in ALL for e in r.examples.fail] + [
    (r, "pass", e) for r in ALL for e in r.examples.pass_]


@pytest.mark.parametrize(("rule", "verdict", "example"), EXAMPLES,
                         ids=[f"{r.id}-{v}-{i}" for i, (r, v, _) in enumerate(EXAMPLES)])
def test_example(rule: Rule, verdict: str, example: str) -> None:
    flagged = _flagged(rule, example)
    if verdict == "fail":
        assert flagged, f"{rule.id} should flag: {example!r}"
    else:
        assert not flagged, f"{rule.id} should not flag {flagged} in: {example!r}"


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.description.strip(), "description is required"
    assert rule.source.strip(), "source is required"
    assert rule.examples.fail and rule.examples.pass_, "at least one fail and one pass example"


@pytest.mark.parametrize("rule", [r for r in BUNDLED if r.kind == "substitution"], ids=lambda r: r.id)
def test_suggestions_are_not_flagged_by_their_rule(rule: Rule) -> None:
    for replacement in rule.raw["swap"].values():
        for option in replacement.split("|"):
            if "$" not in option and option:
                assert not _flagged(rule, f"They said {option} today."), option


def test_ids_are_unique() -> None:
    ids = [r.id for r in ALL]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", sorted(bundled_dir().rglob("*.yml")), ids=lambda p: p.name)
def test_bundled_yaml_reads_the_same_without_libyaml(path: Path) -> None:
    """PyYAML without its C library reads some plain scalars differently, or not at all
    (``gangs?,`` and ``(?-i:UN)`` inside a flow sequence); every bundled file must mean the
    same under the pure-Python loader, which is all some installs have."""
    text = path.read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    fast = getattr(yaml, "CSafeLoader", None)
    assert fast is None or yaml.load(text, Loader=fast) == pure


def test_the_claims_rules_date_the_past_alike() -> None:
    """Figures and Accusations keep their own ``history`` (a newsroom may date one kind
    of claim differently), but the bundled lists are one: a pattern mended in one and
    not the other made a count and an accusation in the same dated sentence disagree."""
    lists = [yaml.safe_load((bundled_dir() / "Sourcing" / f"{name}.yml").read_text(encoding="utf-8"))["history"]
             for name in ("Figures", "Accusations")]
    assert lists[0] == lists[1]
