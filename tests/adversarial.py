"""Drafts built to find slow paths: each is a shape that once made copydesk quadratic (or
worse), at any size. Shared by the time tests (tests/test_linear_time.py) and the fuzzer
(tests/test_fuzz.py).

``SHAPES`` maps a name to (format, make): ``make(n)`` gives a draft of about ``n``
characters. The first group are the reproducers of issue 10; the rest are more members of
the same classes, found by timing many such shapes at two sizes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›"]
NEWS = "The council met on Tuesday and agreed the budget for Kiev, officials said.\n\n"
TAIL = " Kiev terrorists said.\n"


def repeat(unit: str, n: int, tail: str = TAIL) -> str:
    return unit * max(1, n // len(unit)) + tail


def mixed_quotes(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(MARKS) for _ in range(n)) + "\n"


def many_names(n: int, seed: int = 1) -> str:
    """Distinct long capitalised words with one first letter: every pair a candidate for
    Names.Variants when pairs are compared by first letter and length."""
    rng = random.Random(seed)
    words = ["K" + "".join(rng.choice("aeioulnrst") for _ in range(rng.randint(7, 11)))
             for _ in range(max(1, n // 11))]
    return " ".join(words) + ".\n"


def one_consonant_key(n: int, seed: int = 1) -> str:
    """Distinct capitalised words with the same consonants and last letter, only their
    vowels differing: every pair a close spelling for Names.Variants."""
    rng = random.Random(seed)
    words = ["B" + "".join(rng.choice("aeiou") + c for c in "lnrst") + "n" for _ in range(max(1, n // 13))]
    return " ".join(words) + ".\n"


def nested_divs(n: int) -> str:
    depth = max(1, n // 11)
    return "<div>" * depth + "Kiev" + "</div>" * depth


Make = Callable[[int], str]

SHAPES: dict[str, tuple[str, Make]] = {
    # The reproducers in the issue.
    "nested divs": ("html", nested_divs),
    "list markers": ("markdown", lambda n: repeat("- ", n, "Kiev\n")),
    "dots": ("text", lambda n: repeat(".", n, "\n")),
    "ellipses": ("text", lambda n: repeat("…", n, "\n")),
    "mixed quotes": ("text", mixed_quotes),
    "news copy": ("text", lambda n: repeat(NEWS, n, "")),
    # More of the same classes.
    "divs and text": ("html", lambda n: repeat("<div>x", n)),
    "nested list items, then blank lines": ("markdown", lambda n: repeat("- ", n // 2, "x\n") + "\n" * (n // 2)),
    "quoted nested list, then quote lines": ("markdown", lambda n: "> " + repeat("- ", n // 2, "x\n") + ">\n" * (n // 4)),
    "one sentence of quotations": ("text", lambda n: "He said " + repeat("“a b c d.” ", n, "\n")),
    "one sentence of weasel words": ("text", lambda n: repeat("Experts say ", n, "\n")),
    "one sentence of casualty figures": ("text", lambda n: repeat("100 people were killed and ", n, "\n")),
    # every figure's window is the whole paragraph, full of frames that do not attribute it
    "one paragraph of figures and vague frames": ("text", lambda n: repeat(
        "Twelve people were killed. Critics fear that experts say it rained. ", n, "\n")),
    "a run of thousands separators": ("text", lambda n: repeat("1,000", n)),
    "a run of numbered dots": ("text", lambda n: repeat("1.", n)),
    "blank CRLF lines in Markdown": ("markdown", lambda n: repeat("\r\n", n)),
    "thousands of distinct long names": ("text", many_names),
    "thousands of names with one consonant key": ("text", one_consonant_key),
    # the gap between an accusation's actor and its verb, read once however long
    "an actor, then a run of spaces": ("text", lambda n: "Gunmen" + " " * n + "x.\n"),
    "an actor, then runs of spaces and line breaks": ("text", lambda n: "Gunmen" + repeat("  \n", n, "x.\n")),
    "one sentence of actors": ("text", lambda n: repeat("gunmen ", n, "stormed.\n")),
    "nested quotations, then text": ("text", lambda n: "“‘" * (n // 8) + "x" + "’”" * (n // 8)
                                     + repeat(" Mr Smith said Kiev terrorists.", n // 2)),
    # one clause of vague phrases joined by "and": each asked whether someone named comes
    # before its "and", which once read the clause from its start (430 s for 540 KB)
    "one clause of vague phrases joined by and": ("text", lambda n: repeat("critics say plans fail and ", n, "\n")),
    # shortcode-like brackets that never close: each search stops at the next "["
    "unclosed shortcodes": ("text", lambda n: repeat("[a b=[a b='[a ", n)),
}
