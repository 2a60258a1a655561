"""Fuzzing the whole pipeline with the default rules: random drafts never break copydesk.

For every generated draft: no exception; each finding's span is exactly its
match, with consistent line and column; findings are sorted and the same on a
second run; fixing leaves nothing fixable, a second fix changes nothing, and
the only characters that differ from the draft lie inside reported fix spans.

The generators mix in markup between and inside words, characters nobody sees (soft
hyphens, zero-width characters) and the runs that once made copydesk quadratic
(tests/adversarial.py). The default run is short (hypothesis, ~240 examples). The long
run mutates the fixtures and the adversarial shapes for many thousands of cases:

    python -m pytest -m slow tests/test_fuzz.py

(``COPYDESK_FUZZ_SECONDS``, default 420, bounds it; it prints how many cases ran.)
"""

from __future__ import annotations

import os
import random
import time
from functools import lru_cache
from pathlib import Path

import pytest
from adversarial import SHAPES
from conftest import FIXTURES, findings_for, fixed_text, rules_for
from expectations import parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.config.loader import load_styles
from linter.config.project import parse_config
from linter.engine.fixes import apply, choose
from linter.markup import format_for, make_document
from linter.model.findings import Finding
from linter.run.pipeline import RunOptions
from linter.run.session import Session

QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "``", "''"]
ENTITIES = ["&amp;", "&quot;", "&#8220;", "&#x201D;", "&ldquo;", "&rsquo;", "&nbsp;", "&bogus;", "&#0;",
            "&#xFFFFFF;", "&", "&#"]
TAGS = ["<p>", "</p>", "<b>", "</b>", '<a href="Kiev">', "</a>", "<script>", "</script>", "<br/>",
        "<!--", "-->", "<", ">", "</", "<div class='x", "<pre>", "</pre>", "<code>", "</code>"]
MARKDOWN = ["```", "~~~", "`", "    ", "# ", "## ", "- ", "* ", "> ", "1. ", "[", "]", "(", ")",
            "[Kiev](https://example.com/Kiev)", "---\n", "|", "_", "**", "\\"]
DIRECTIVES = ["<!-- copydesk-disable -->", "<!-- copydesk-enable -->", "<!-- copydesk-disable-next-line -->",
              "<!-- copydesk-disable-line Names.Places -->", "<!-- copydesk-disable Quotes.* -->",
              "<!-- copydesk-disable-file -->", "<!-- copydesk-bogus -->", "[sic]", " [sic]"]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\t", " ", "  ", "\u00a0", "\u2028"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "—", "–", "-", "…", "(", ")", "'s", "’s"]
# Characters nobody sees, and markup between or inside words: the prose text leaves them
# out (linter.markup.view) and every span must still be exact.
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "&shy;", "<b>", "</b>", "**", "<br>",
             "`", "<i>", "</i>"]
# Runs that once made copydesk quadratic or hang (tests/adversarial.py has them at size).
RUNS = ["." * 40, "…" * 40, "- " * 30, "<div>" * 30, "</div>" * 30, "1,000" * 20, "1." * 30, "“‘" * 20,
        "\r\n" * 20, "Experts say " * 10, "> " * 10]


@lru_cache(maxsize=1)
def project() -> Session:
    """The default styles, as a project without a config file."""
    return Session(parse_config(None, FIXTURES / ".copydesk.yml"), load_styles([]), list(rules_for(None)))


@lru_cache(maxsize=1)
def rule_words() -> tuple[str, ...]:
    """Words from the default rules' examples, so generated drafts trip real rules."""
    words = {w for rule in rules_for(None) for example in (*rule.examples.fail, *rule.examples.pass_)
             for w in example.split()}
    return tuple(sorted(words | {"Kiev", "KIEV", "Bombay", "terrorists", "claimed", "said", "Kyiv"}))


def _lint(source: str, fmt: str) -> list[Finding]:
    return findings_for(make_document("draft", source, fmt), project(), RunOptions())


def changed_outside(old: str, new: str, spans: list[tuple[int, int]]) -> str | None:
    """None if ``new`` is ``old`` with only ``spans`` (merged, sorted) replaced by some text;
    else the first stretch of ``old`` outside the spans that ``new`` does not keep.

    Gaps between spans are placed as early as possible in ``new`` (optimal for this
    question); the first must start it and the last must end it.
    """
    edges = [0, *(x for span in spans for x in span), len(old)]
    gaps = [old[edges[i]:edges[i + 1]] for i in range(0, len(edges), 2)]
    if len(gaps) == 1:
        return None if old == new else old
    if not new.startswith(gaps[0]):
        return gaps[0]
    if not new.endswith(gaps[-1]):
        return gaps[-1]
    at, limit = len(gaps[0]), len(new) - len(gaps[-1])
    for gap in gaps[1:-1]:
        found = new.find(gap, at, limit)
        if found < 0:
            return gap
        at = found + len(gap)
    return None if at <= limit else gaps[-1]


def union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans merged where they touch or overlap (two fixes side by side change one run)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def check_pipeline(source: str, fmt: str) -> str | None:
    """Every property this module promises, for one draft. Returns the text (if any) that
    a later fix pass changed outside the fix spans first reported."""
    found = _lint(source, fmt)
    assert found == _lint(source, fmt), "findings differ between two runs"
    assert found == sorted(found, key=lambda f: f.sort_key), "findings are not sorted"
    doc = make_document("draft", source, fmt)
    for f in found:
        assert source[f.offset:f.offset + f.length] == f.match, f
        assert doc.position(f.offset) == (f.line, f.column), f
        assert doc.position(f.offset + f.length) == (f.end_line, f.end_column), f
    spans = union([(f.fix.start, f.fix.end) for f in found if f.fix is not None])
    # One pass applies exactly the reported fixes: nothing else changes.
    lost = changed_outside(source, apply(source, choose(found)), spans)
    assert lost is None, f"text changed outside every fix span: {lost!r}"
    fixed, _ = fixed_text(doc, project())
    left = _lint(fixed, fmt)
    assert not [f for f in left if f.fix is not None], "fixable findings remain after fix"
    again, count = fixed_text(make_document("draft", fixed, fmt), project())
    assert count == 0 and again == fixed, "a second fix changed the text"
    return changed_outside(source, fixed, spans)


def _fragments() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(rule_words()), st.sampled_from(QUOTES), st.sampled_from(BREAKS),
        st.sampled_from(PUNCTUATION), st.sampled_from(DIRECTIVES), st.text(max_size=4),
        st.sampled_from(INVISIBLE), st.sampled_from(RUNS),
    )


@st.composite
def drafts(draw: st.DrawFn, extra: list[str]) -> str:
    parts = draw(st.lists(st.one_of(_fragments(), st.sampled_from(extra)), max_size=60))
    separators = draw(st.lists(st.sampled_from(["", " ", " ", "\n"]), min_size=len(parts),
                               max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, separators, strict=True))


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(max_size=300))
def test_random_unicode_text(source: str) -> None:
    check_pipeline(source, "text")


@FUZZ
@given(drafts(MARKDOWN + DIRECTIVES))
def test_random_markdown(source: str) -> None:
    check_pipeline(source, "markdown")


@FUZZ
@given(drafts(TAGS + ENTITIES))
def test_random_html(source: str) -> None:
    check_pipeline(source, "html")


@FUZZ
@given(st.sampled_from(sorted(SHAPES)), st.integers(1, 1_500), st.lists(
    st.tuples(st.integers(0, 2_000), st.sampled_from([*INVISIBLE, *RUNS, *rule_words()])), max_size=6))
def test_adversarial_shapes(name: str, size: int, inserts: list[tuple[int, str]]) -> None:
    """The shapes that were quadratic, small and with words, markup and invisible
    characters put in: every property holds, and they stay quick."""
    fmt, make = SHAPES[name]
    source = make(size)
    for at, piece in inserts:
        at = min(at, len(source))
        source = source[:at] + piece + source[at:]
    started = time.monotonic()
    check_pipeline(source, fmt)
    assert time.monotonic() - started < 30


MUTATIONS = [*QUOTES, *ENTITIES, *TAGS, *MARKDOWN, *BREAKS, *DIRECTIVES, *PUNCTUATION, *INVISIBLE, *RUNS]


def mutate(source: str, rng: random.Random) -> str:
    """A few random insertions and deletions of quote marks, markup, line breaks and entities."""
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(source))
        if rng.random() < 0.3 and source:
            source = source[:at] + source[at + rng.randint(1, 6):]
        else:
            source = source[:at] + rng.choice(MUTATIONS) + source[at:]
    return source


def fixture_sources() -> list[tuple[str, str]]:
    """The fixtures, and the adversarial shapes at a small size, to mutate."""
    paths = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and format_for(p.name)
                   and "golden" not in p.parts and "styles" not in p.parts)
    found = [(parse(p.read_text(encoding="utf-8-sig")).source, format_for(p.name) or "text") for p in paths]
    return found + [(make(400), fmt) for fmt, make in SHAPES.values()]


@pytest.mark.slow
def test_mutated_fixtures() -> None:
    budget = float(os.environ.get("COPYDESK_FUZZ_SECONDS", "420"))
    rng = random.Random(int(os.environ.get("COPYDESK_FUZZ_SEED", "6")))
    sources = fixture_sources()
    started, cases, drifted = time.monotonic(), 0, []
    while time.monotonic() - started < budget:
        source, fmt = rng.choice(sources)
        mutated = mutate(source, rng)
        try:
            outside = check_pipeline(mutated, fmt)
        except Exception:
            Path(os.environ.get("COPYDESK_FUZZ_FAILURE", "fuzz-failure.txt")).write_text(
                f"{fmt}\n{mutated}", encoding="utf-8")
            raise
        cases += 1
        if outside is not None:
            drifted.append(outside)
    print(f"\nfuzz: {cases} mutated fixtures in {time.monotonic() - started:.0f} s, no failure; "
          f"{len(drifted)} where a later fix pass changed text outside the first report, e.g. {drifted[:3]}")
    assert cases > 0
    assert not drifted, f"a later fix pass changed text outside the first report: {drifted[:3]}"


def test_a_fix_never_turns_a_storys_own_speech_over() -> None:
    """Found by test_mutated_fixtures (a mutated fixture): fixing a nest's outer marks
    gave single marks the majority of the story's speech, and a second fix pass then
    converted speech the first report had not named. With no house style, speech in the
    minority's marks is reported and never fixed."""
    source = ("# Council 'to review' bus lane plan\n"
              '\n'
              'The council said it would "look again" at the bus lane scheme after traders complained about lost trade.\n'
              '\n'
              '"We don\'t want to lose customers, and we can\'t wait until the \'90s-style parking rules change," one shopkeeper said.\n'
              '\n'
              'A second trader said the plan was "a disastfor the high street”, and the council should drop it.\n'
              '\n'
              'Councillors were told the scheme had been “widely welcomed” by cyclists and bus passengers.\n'
              '\n'
              '"He told me\n' + '\n' * 19 +
              ' \'give it six months\' and then walked off," the trader said of the council\'s transport chief.\n'
              '\n'
              '"He told me "give it six months" and then walked off," another trader said.\n'
              '\n'
              '\'He told me "give it six months" and walked off,\' a third trader said.\n'
              '\n'
              '"The scheme will be reviewed in the spring.\n'
              '\n'
              '"Any changes will be put to a public consultation first," a council spokeswoman said.\n'
              '\n'
              'The suspect is described as 5\' 10" tall and was last seen near the bus station.\n'
              '\n'
              'The spokeswoman added that the consultation "would open in April.\n')
    assert check_pipeline(source, "markdown") is None
