"""The prefilter changes speed, never findings."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from expectations import parse

from linter.config.loader import bundled_dir, bundled_styles, load_styles
from linter.engine.lint import lint_document
from linter.engine.prefilter import Prefilter
from linter.kinds import KINDS
from linter.lib.literals import required
from linter.markup import format_for, make_document

RULES = load_styles([(s, bundled_dir() / s) for s in bundled_styles() if s != "Proselint"]
                    + [("Core", FIXTURES / "styles" / "Core")]).rules
PREFILTER = Prefilter(RULES)


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        (r"\b(?:terrorists?|freedom\s+fighters?)\b", {"terrorist", "freedom"}),
        (r"\b(?:Kiev|Alma-Ata)\b", {"kiev", "alma-ata"}),
        (r"[\"“]terrorists?[\"”]", {"terrorist"}),
        (r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)", None),
        (r"ab|cde", None),
        (r"\bSTRASSE\b", {"strasse"}),
        # a word in almost every story selects nothing: the rarer words are the anchors
        (r"\d+ soldiers and \d+ civilians (?:were )?(?:killed|died)", {" civilians "}),
        (r"(?:were|are) among the (?:dead|injured)", {"dead", "injured"}),
    ],
)
def test_required_literals(pattern: str, anchors: set[str] | None) -> None:
    assert required(pattern) == (frozenset(anchors) if anchors is not None else None)


def test_a_claims_rule_runs_only_on_a_story_holding_one_of_its_words() -> None:
    figures = next(r for r in RULES if r.id == "Sourcing.Figures")
    anchors = KINDS[figures.kind].anchors
    assert anchors is not None
    found = anchors(figures.options)
    assert found is not None and {"killed", "dead", "injured", "bodies"} <= found
    assert not found & {"were", "the", "and", "their"}
    quotes = next(r for r in RULES if r.id == "Sourcing.UnattributedQuotes")
    assert anchors(quotes.options) is None  # no triggers: always runs


def _texts() -> list[tuple[str, str]]:
    texts = [(e, "text") for r in RULES for e in (*r.examples.fail, *r.examples.pass_)]
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and format_for(path.name):
            texts.append((parse(path.read_text(encoding="utf-8-sig")).source, format_for(path.name) or "text"))
    return texts


def test_same_findings_with_and_without_prefilter() -> None:
    for text, fmt in _texts():
        doc = make_document("x", text, fmt)
        every = lint_document(doc, RULES)
        candidates, starts = PREFILTER.scan(doc)
        filtered = lint_document(make_document("x", text, fmt), candidates, starts=starts)
        assert filtered == every, text[:80]


def test_shared_pass_gives_each_scanner_what_plain_regexes_find(monkeypatch: pytest.MonkeyPatch) -> None:
    # The prefilter's one pass leaves every prefix scanner its start offsets; the findings
    # must be those of the plain regular expressions, with no scanner at all.
    from linter.lib.scan import Scanner

    extra = [("Tabs\tand\u00a0spaces: Kiev,\r\nexperts  say it is\nbelieved", "text"),
             ("STRASSE and Straße: terrorists in Kiev; experts say so", "text")]
    texts = [*_texts(), *extra]
    shared = []
    served = 0
    for text, fmt in texts:
        doc = make_document("x", text, fmt)
        candidates, starts = PREFILTER.scan(doc)
        shared.append(lint_document(doc, candidates, starts=starts))
        served += any(starts.values())
    assert served > len(texts) // 2
    monkeypatch.setattr(Scanner, "finditer", lambda self, text, folded: self.pattern.finditer(text))
    plain = [lint_document(make_document("x", text, fmt), RULES) for text, fmt in texts]
    assert shared == plain


def test_prefilter_skips_rules_without_their_words() -> None:
    doc = make_document("x", "The weather was mild and the match ended level.", "text")
    skipped = {r.id for r in RULES} - {r.id for r in PREFILTER.scan(doc)[0]}
    assert {"Core.Labels", "Core.Places", "Names.Places"} <= skipped


def test_a_long_text_is_scanned_in_windows_with_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """The automaton copies what it scans at 4 bytes a character, so a long text goes
    through in windows. With windows of a few characters, every text gives the rules and
    the start offsets of one pass, in the same order."""
    from linter.engine import prefilter

    texts = _texts()
    whole = [PREFILTER.scan(make_document("x", text, fmt)) for text, fmt in texts]
    for window in (1, 3, 7, 64):
        monkeypatch.setattr(prefilter, "_WINDOW", window)
        for (text, fmt), (rules, starts) in zip(texts, whole, strict=True):
            got_rules, got_starts = PREFILTER.scan(make_document("x", text, fmt))
            assert got_rules == rules, (window, text[:80])
            assert {k: list(v) for k, v in got_starts.items()} == {k: list(v) for k, v in starts.items()}


def test_the_prefilter_keeps_no_folded_copy_of_the_text() -> None:
    """The pass reads a folded copy of the text and lets it go: the term rules read the
    start offsets it found. When folding changes the length, the document knows its
    folded view is None without folding again."""
    doc = make_document("x", "Police in Kiev said experts say so.", "text")
    _, starts = PREFILTER.scan(doc)
    assert starts and "folded" not in doc.__dict__ and "casefolded" not in doc.__dict__
    longer = make_document("x", "STRASSE and Straße: terrorists in Kiev.", "text")
    _, starts = PREFILTER.scan(longer)
    assert not starts and longer.__dict__.get("folded", "unknown") is None
    assert "casefolded" not in longer.__dict__


def test_a_long_text_whose_folding_changes_length_is_found_out_in_a_later_window(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.engine import prefilter

    text = "Police in Kiev said experts say so. " * 4 + "Die Straße: terrorists in Kiev."
    whole = PREFILTER.scan(make_document("x", text, "text"))
    monkeypatch.setattr(prefilter, "_WINDOW", 16)
    doc = make_document("x", text, "text")
    assert PREFILTER.scan(doc) == whole and not whole[1] and doc.__dict__["folded"] is None


def test_the_reporting_cues_read_from_the_pass_are_those_a_scan_finds() -> None:
    # A claims rule has the engine's pass find where a reporting cue can start, and the
    # claims read each sentence's cues from those offsets alone.
    from linter.analysis import Analysis
    from linter.analysis.attribution import Attribution
    from linter.analysis.cues import reporting_cues, reporting_scanner

    scanner = reporting_scanner()
    assert scanner is not None
    texts = [*_texts(), ("Police SAID; the state said; according to a statement, she told\nreporters, "
                         "an addition. Officials announced: \"No.\" He added\u00a0that, as reported", "text")]
    served = 0
    for text, fmt in texts:
        doc = make_document("x", text, fmt)
        starts = PREFILTER.scan(doc)[1].get(scanner)
        served += bool(starts)
        an = Analysis(doc, {scanner: starts} if starts is not None else None)
        plain = Attribution(doc.text, an.sentences)
        for s in an.sentences.sentences:
            assert an.attribution.cue_spans(s.start, s.end) == plain.cue_spans(s.start, s.end)
        assert [*reporting_cues(doc.text)] == [
            c for s in an.sentences.sentences for c in an.attribution.cue_spans(s.start, s.end, sources=False)
        ] or fmt != "text"
    assert served > len(texts) // 2


def test_a_scanner_starting_at_every_article_finds_its_own_starts() -> None:
    """Bias.Labels's "an act of terror" starts at "the", "a", "an": the pass would record
    every article of every story for a rule that runs on few. Its scanner is left out of
    the pass and finds its starts itself where the rule runs: the same findings."""
    [labels] = [r for r in RULES if r.id == "Bias.Labels"]
    act = next(s for s in KINDS[labels.kind].scanners(labels.options) if s is not None and "the " in s.prefixes)
    text = "Gunmen fled. The minister called the raid an act of terror, and the worst act of terrorism."
    doc = make_document("x", text, "text")
    candidates, starts = PREFILTER.scan(doc)
    assert act not in starts and labels in candidates
    found = [f.match for f in lint_document(doc, candidates, starts=starts) if f.rule_id == "Bias.Labels"]
    assert found == [f.match for f in lint_document(make_document("x", text, "text"), RULES)
                     if f.rule_id == "Bias.Labels"]
    assert "an act of terror" in found
