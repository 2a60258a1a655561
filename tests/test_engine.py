"""Engine details: message placeholders, limits, actions, sorting."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from conftest import FIXTURES
from expectations import parse

from linter.analysis import Analysis
from linter.config.loader import bundled_dir, bundled_styles, load_styles
from linter.config.project import enabled_rules, parse_config, style_sources
from linter.engine.lint import format_message, lint_document
from linter.markup import format_for, make_document


def test_format_message_fills_in_order() -> None:
    assert format_message("Use '%s' not '%s' (100%%)", ["a", "b"]) == "Use 'a' not 'b' (100%)"
    assert format_message("Only %s and %s", ["one"]) == "Only one and"
    assert format_message("Grade %.2f here", ["9.50"]) == "Grade 9.50 here"


def _rules(tmp_path: Path, text: str) -> list:  # type: ignore[type-arg]
    style = tmp_path / "House"
    style.mkdir(exist_ok=True)
    (style / "R.yml").write_text(text)
    return list(load_styles([("House", style)]).rules)


def test_limit_and_action(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "extends: existence\nmessage: '%s'\ntokens: [very]\nlimit: 2\n"
                             "quotes: include\naction: {name: remove}\n")
    doc = make_document("x", "very very very very", "text")
    found = lint_document(doc, rules)
    assert len(found) == 2
    assert found[0].suggestions == ("",)
    assert [f.column for f in found] == [1, 6]


def test_tagged_reports_a_word_only_with_a_matching_tag(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "extends: existence\nmessage: '%s'\ntokens: [claims?]\ntagged: VB.?\n")
    text = "Voss claims the harbour was safe. The mayor denied claims the ferry sank. Critics claim it is late."
    found = lint_document(make_document("x", text, "text"), rules)
    assert [(f.column, f.match) for f in found] == [(6, "claims"), (83, "claim")]
    # the same rule without the key reports every use, the noun too
    untagged = _rules(tmp_path, "extends: existence\nmessage: '%s'\ntokens: [claims?]\n")
    assert len(lint_document(make_document("x", text, "text"), untagged)) == 3


def test_tagged_by_words_asks_a_tag_only_of_the_hits_it_names(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "extends: existence\nmessage: '%s'\ntokens: [claims?, denied]\n"
                             "tagged: {claims?: VB.?}\n")
    text = "Voss claims the harbour was safe. The mayor denied claims the ferry sank."
    found = lint_document(make_document("x", text, "text"), rules)
    assert [f.match for f in found] == ["claims", "denied"]  # "denied": no tag asked of it


def test_raw_scope_sees_markup(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "extends: existence\nmessage: '%s'\nnonword: true\n"
                             "tokens: ['\\*\\*']\nscope: raw\n")
    doc = make_document("x.md", "Some **bold** text", "markdown")
    found = lint_document(doc, rules)
    assert [(f.column, f.match) for f in found] == [(6, "**"), (12, "**")]


def test_findings_sorted_by_position(tmp_path: Path) -> None:
    config = parse_config(None, tmp_path / ".copydesk.yml")
    assert config.styles == ()
    rules = enabled_rules(config, load_styles(style_sources(config)))
    doc = make_document("x", "Plain words only.", "text")
    found = lint_document(doc, rules)
    assert found == sorted(found, key=lambda f: f.sort_key)


def test_defers_drops_a_finding_another_rule_makes_on_the_same_span(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Main.yml").write_text("extends: existence\nmessage: main\ntokens: [Kiev]\n")
    (style / "Echo.yml").write_text("extends: existence\nmessage: echo\ntokens: [Kiev, Odessa]\n"
                                    "defers: [House.Main]\n")
    rules = list(load_styles([("House", style)]).rules)
    found = lint_document(make_document("x", "Kiev and Odessa", "text"), rules)
    assert [(f.rule_id, f.match) for f in found] == [("House.Main", "Kiev"), ("House.Echo", "Odessa")]


def test_defers_drops_a_finding_inside_a_longer_span_of_the_other_rule(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Count.yml").write_text("extends: existence\nmessage: count\nnonword: true\n"
                                     "tokens: ['\\d+ people were killed']\n")
    (style / "Act.yml").write_text("extends: existence\nmessage: act\ntokens: [killed, looted]\n"
                                   "defers: [House.Count]\n")
    rules = list(load_styles([("House", style)]).rules)
    text = "9 people were killed; shops were looted; he killed time; 12 people were killed."
    found = lint_document(make_document("x", text, "text"), rules)
    assert [(f.rule_id, f.match) for f in found] == [
        ("House.Count", "9 people were killed"), ("House.Act", "looted"), ("House.Act", "killed"),
        ("House.Count", "12 people were killed")]



def test_defers_finds_the_longer_span_behind_a_later_shorter_one() -> None:
    """A long span of the other rule can hold a finding that a later, shorter span of it
    does not (the spans are searched by where they start and how far they reach, not
    compared pair by pair: thousands of findings made that quadratic)."""
    from types import SimpleNamespace

    from linter.engine.lint import _without_deferred
    from linter.model.findings import Finding, Severity

    def at(rule: str, start: int, end: int) -> Finding:
        return Finding("x", rule, Severity.WARNING, "m", 1, start + 1, 1, end + 1, start, end - start,
                       "x" * (end - start), (), None, None)

    # House.Long spans 0-100 and 10-20 (a kind may report overlapping spans)
    found = [at("House.Long", 0, 100), at("House.Long", 10, 20), at("House.Word", 50, 60),
             at("House.Word", 15, 18), at("House.Word", 95, 105)]
    rules = [SimpleNamespace(id="House.Long", defers=()), SimpleNamespace(id="House.Word", defers=("House.Long",))]
    kept = _without_deferred(found, rules)  # type: ignore[arg-type]
    assert [(f.rule_id, f.offset) for f in kept] == [("House.Long", 0), ("House.Long", 10), ("House.Word", 95)]


def test_a_storys_analysis_is_freed_as_soon_as_it_is_dropped() -> None:
    # Nothing the rules keep in a story's analysis may refer back to it: such a loop is
    # freed only by the garbage collector, and every token, quotation and frame of the
    # story with it (a run over the 2,225 BBC stories spent 0.19 s collecting them).
    rules = load_styles([(s, bundled_dir() / s) for s in bundled_styles()]).rules
    paths = [p for p in sorted(FIXTURES.rglob("*")) if p.is_file() and format_for(p.name)]
    assert len(paths) > 20
    enabled = gc.isenabled()
    gc.disable()
    try:
        for path in paths:
            source = parse(path.read_text(encoding="utf-8-sig")).source
            doc = make_document(str(path), source, format_for(path.name) or "text")
            an = Analysis(doc)
            lint_document(doc, rules, an=an)
            held = weakref.ref(an)
            del an
            assert held() is None, path.name
    finally:
        if enabled:
            gc.enable()
