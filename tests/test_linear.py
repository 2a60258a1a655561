"""A user's pattern on RE2 means what it means on Python's re, or it stays on re.

linter.lib.linear takes a pattern to RE2 only where the two engines agree by
construction; here random patterns and texts (letters whose case folding differs
between engines: K and the Kelvin sign, i and dotless ı, s and long ſ; digits and
superscripts; accents; spaces) are matched by both, and every match, group, position
and window must be the same.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.lib.linear import Re2Pattern, linear, translate
from linter.lib.regexes import BacktrackingError, compile_user, trusted_patterns

ALPHABET = "aAbBkKıİiIsSſ é²3 _-.\n\u212a\u00df"
ATOMS = ["a", "b", "k", "K", "i", "s", "é", " ", r"\w", r"\W", r"\d", r"\s", r"\S", ".", "[a-k]",
         "[^a ]", r"[\w-]", r"[\d\s]", "[İı]", "\u212a", "ß", r"\.", "_"]


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["atom", "atom", "seq", "alt", "group", "named", "repeat"]
                                if depth < 3 else ["atom"]))
    if kind == "atom":
        return draw(st.sampled_from(ATOMS))
    if kind == "seq":
        return "".join(draw(st.lists(patterns(depth + 1), min_size=2, max_size=3)))
    if kind == "alt":
        return "(?:" + "|".join(draw(st.lists(patterns(depth + 1), min_size=2, max_size=3))) + ")"
    if kind in ("group", "named"):
        name = f"?P<g{draw(st.integers(0, 999))}>" if kind == "named" else ""
        return f"({name}{draw(patterns(depth + 1))})"
    body = draw(patterns(depth + 1))
    count = draw(st.sampled_from(["*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}"]))
    lazy = draw(st.sampled_from(["", "", "?"]))
    return f"(?:{body}){count}{lazy}"


def _same(got: object, want: re.Match[str] | None) -> None:
    if want is None:
        assert got is None
        return
    assert got is not None
    assert [got.span(i) for i in range(want.re.groups + 1)] == [want.span(i) for i in range(want.re.groups + 1)]
    assert got.groups() == want.groups() and got.group() == want.group()
    assert got.groupdict() == want.groupdict()
    assert (got.lastindex, got.lastgroup) == (want.lastindex, want.lastgroup)


FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.filter_too_much])


@FAST
@given(patterns(), st.text(ALPHABET, max_size=40), st.sampled_from([0, re.IGNORECASE, re.DOTALL]),
       st.integers(0, 40), st.integers(0, 45))
def test_re2_matches_what_re_matches(pattern: str, text: str, flags: int, pos: int, endpos: int) -> None:
    try:
        python = re.compile(pattern, flags)
    except re.error:
        return
    fast = linear(python, pattern, flags)
    if fast is None:
        return
    assert [[m.span(i) for i in range(python.groups + 1)] for m in fast.finditer(text)] == \
        [[m.span(i) for i in range(python.groups + 1)] for m in python.finditer(text)]
    _same(fast.search(text, pos, endpos), python.search(text, pos, endpos))
    _same(fast.match(text, pos, endpos), python.match(text, pos, endpos))
    _same(fast.fullmatch(text, pos, endpos), python.fullmatch(text, pos, endpos))
    assert fast.findall(text, pos, endpos) == python.findall(text, pos, endpos)


@pytest.mark.parametrize("pattern", [r"(?:a|b|ab)*c", r"\w*\w*\w*\w*\w*!", r"(?:x+x+)+y", r"(?:a{1,20}){1,20}",
                                     r"(?i:kiev)", r"[a-z]+ly", r"(\w+)@(\w+)", r"(?P<n>x)|y"])
def test_these_run_on_re2(pattern: str) -> None:
    assert translate(pattern) is not None
    with trusted_patterns(False):
        assert isinstance(compile_user(pattern), Re2Pattern)


@pytest.mark.parametrize("pattern", [r"\bterror\b", r"a$", r"^a", r"(?<=a)b", r"(?!a)b", r"(a)\1", r"a*", r"(a)+b",
                                     r"(?>a+)b", r"a++b", r"(?:a?)+b", r"a{1001}", r"(?(1)a|b)"])
def test_these_stay_on_re(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error:
        pytest.skip("not a pattern on this Python")
    assert translate(pattern) is None


def test_bundled_patterns_stay_on_re() -> None:
    """A bundled rule's patterns run on re (tested linear), so a risky one is refused."""
    with trusted_patterns(), pytest.raises(BacktrackingError):
        compile_user(r"(?:x+x+)+z")
    with trusted_patterns():
        assert isinstance(compile_user(r"[a-z]+ly"), re.Pattern)
    with trusted_patterns(False):
        assert isinstance(compile_user(r"(?:x+x+)+z"), Re2Pattern)  # a user's never backtracks


def test_offsets_in_text_beyond_ascii() -> None:
    """Offsets are code points, however many bytes UTF-8 takes (the text is encoded once)."""
    fast = linear(re.compile(r"(?i)kiev"), r"(?i)kiev")
    assert fast is not None
    text = "“Quotes” — é 中文 😀 " * 300 + "KIEV and \u212aiev"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(r"(?i)kiev", text)]
    assert fast.search(text, 100, 5000) is None
