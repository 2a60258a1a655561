"""Linting time grows in proportion to the draft, whatever its shape.

Each shape in tests/adversarial.py once made copydesk quadratic or worse (a hang, for
some). Here each is linted at two sizes and the larger must not cost much more than its
share; the reproducers of issue 10 are also linted at the size reported, under a generous
time limit (the time limit fails the test instead of letting it hang). The long checks
(the biggest reproducers; plain news copy at 1, 2, 4 and 8 MB) are marked slow.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator

import pytest
from adversarial import SHAPES, mixed_quotes, nested_divs, repeat
from conftest import findings_for
from test_fuzz import project

from linter.markup import make_document
from linter.run.pipeline import RunOptions


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, when the block takes longer than ``seconds``."""
    def expire(*_: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def lint_seconds(source: str, fmt: str, limit: float = 120) -> float:
    """Seconds to read ``source`` as a document and lint it with the default rules (the
    best of two runs for small drafts, where the machine's noise is largest)."""
    best = float("inf")
    for _ in range(2 if len(source) < 500_000 else 1):
        with time_limit(limit):
            started = time.process_time()
            findings_for(make_document("draft", source, fmt), project(), RunOptions())
            best = min(best, time.process_time() - started)
    return best


def assert_linear(name: str, sizes: tuple[int, ...], *, slack: float = 3.0) -> list[float]:
    """Time per character must not grow with the size (``slack`` allows for noise); a
    quadratic path costs 4x more per character at 4x the size."""
    fmt, make = SHAPES[name]
    limit = 30 * sizes[-1] / 40_000 + 30  # a hang fails the test
    lint_seconds(make(sizes[0]), fmt, limit)  # warm up: patterns compiled, modules imported
    times = [lint_seconds(make(size), fmt, limit) for size in sizes]
    per_char = [t / size for t, size in zip(times, sizes, strict=True)]
    floor = 0.05 / sizes[-1]  # below 50 ms in all, the timer says nothing
    assert max(per_char[-1], floor) <= slack * max(per_char[0], floor), (
        f"{name}: {', '.join(f'{s:,} chars {t:.3f} s' for s, t in zip(sizes, times, strict=True))}")
    return times


# Shapes with a finding every few characters are linted at smaller sizes: the findings,
# not the reading, are what they cost. Names are linted at larger ones: 10,000 characters
# of them take a few hundredths of a second, too close to the timer's noise.
SMALL = {"mixed quotes": 2_500, "nested quotations, then text": 5_000, "thousands of distinct long names": 20_000}


@pytest.mark.parametrize("name", list(SHAPES))
def test_time_grows_in_proportion_to_the_draft(name: str) -> None:
    small = SMALL.get(name, 10_000)
    assert_linear(name, (small, 4 * small))


# The reproducers of issue 10 at the size reported, with the time each took before.
REPRODUCERS = [
    pytest.param("- " * 40_000 + "Kiev\n", "markdown", 20, id="40,000 list markers (hung)"),
    pytest.param("." * 80_000 + "\n", "text", 20, id="80,000 dots (hung)"),
    pytest.param("…" * 80_000 + "\n", "text", 20, id="80,000 ellipses (hung)"),
    pytest.param(repeat("Experts say ", 20_000, "\n"), "text", 20, id="weasel words in one sentence (40 s for 10 KB)"),
    pytest.param(repeat("1,000", 80_000), "text", 20, id="a run of 1,000s (hung)"),
    pytest.param("\r\n" * 40 + "Text.\r\n", "markdown", 20, id="Markdown opening with 40 blank CRLF lines (2**40 tries)"),
    pytest.param(nested_divs(1_100_000), "html", 60, id="100,000 nested divs (60 s)", marks=pytest.mark.slow),
    pytest.param(mixed_quotes(200_000), "text", 120, id="200,000 quote marks (9 s)", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("source", "fmt", "limit"), REPRODUCERS)
def test_reproducers_finish_in_time(source: str, fmt: str, limit: float) -> None:
    lint_seconds(source, fmt, limit)


@pytest.mark.slow
def test_news_copy_costs_the_same_per_megabyte_at_every_size() -> None:
    """Plain news copy at 1, 2, 4 and 8 MB: the time per megabyte must not grow."""
    times = assert_linear("news copy", (1_000_000, 2_000_000, 4_000_000, 8_000_000), slack=1.6)
    print("\nnews copy, seconds for 1, 2, 4, 8 MB:", ", ".join(f"{t:.1f}" for t in times))


def test_news_copy_scales_in_the_default_run() -> None:
    # The default slack: at 4x the size a quadratic path costs 4x per character, and a
    # busy machine once made this pair cost 2.1x (a run of the tests on a clean clone).
    assert_linear("news copy", (100_000, 400_000))
