"""How fast each candidate engine finds a term list's matches in a corpus (one process).

    python bench/libraries.py [--corpus ../shared/corpus/bbc] [--slow]

The measurement behind copydesk's choices (README, "Speed"): the terms are
the generated lists of ``bench/bench.py`` (real corpus words of rank 3,000
and below, then synthetic ones), matched case-insensitively between word
boundaries, ``\\b(?:t1|t2|...)\\b``, over every article. Engines:

- Python's ``re`` with the plain alternation, and with the same terms as a
  trie-shaped pattern (``linter.lib.trie``, what copydesk compiles term lists to);
- the ``regex`` package and ``google-re2`` with the plain alternation, when
  installed (``pip install regex google-re2``; neither is a dependency);
- a ``pyahocorasick`` automaton over the lower-cased text with a word-boundary
  check in Python (the same hits here; not the same semantics for every term
  list, which is why copydesk uses it to choose where to try the regex).

Plain alternations of 10,000 terms take minutes with ``re`` and ``regex``;
they run only with ``--slow``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ahocorasick

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # linter, also when it is not installed

from bench import DEFAULT_CORPUS, vocabulary  # noqa: E402  (bench/bench.py, next to this file)
from linter.lib.trie import trie_pattern  # noqa: E402


def _optional(name: str) -> Any:
    try:
        return __import__(name)
    except ImportError:
        return None


def _texts(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.rglob("*.txt")):
        try:
            texts.append(path.read_text("utf-8"))
        except UnicodeDecodeError:
            continue
    return texts


def _time_regex(size: int, name: str, compile_: Callable[[str], Any], pattern: str,
                texts: list[str]) -> None:
    start = time.perf_counter()
    compiled = compile_(pattern)
    built = time.perf_counter() - start
    start = time.perf_counter()
    hits = sum(len(compiled.findall(text)) for text in texts)
    print(f"{size:>6} {name:<20} compile {built:6.2f} s  match {time.perf_counter() - start:7.2f} s"
          f"  hits {hits:,}")


def _time_automaton(size: int, terms: list[str], texts: list[str]) -> None:
    start = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for term in terms:
        automaton.add_word(term.lower(), len(term))
    automaton.make_automaton()
    built = time.perf_counter() - start
    start = time.perf_counter()
    hits = 0
    for text in texts:
        low = text.lower()
        for end, length in automaton.iter(low):
            first = end - length + 1
            before = first == 0 or not low[first - 1].isalnum()
            if before and (end + 1 == len(low) or not low[end + 1].isalnum()):
                hits += 1
    took = time.perf_counter() - start
    print(f"{size:>6} {'pyahocorasick':<20} compile {built:6.2f} s  match {took:7.2f} s  hits {hits:,}")


def _re2_compiler(re2: Any) -> Callable[[str], Any]:
    options = re2.Options()
    options.case_sensitive = False
    options.max_mem = 1 << 30
    return lambda pattern: re2.compile(pattern, options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--slow", action="store_true", help="also time 10,000-term plain alternations")
    args = parser.parse_args()
    texts = _texts(args.corpus)
    regex, re2 = _optional("regex"), _optional("re2")
    print(f"{len(texts):,} texts; regex {'installed' if regex else 'not installed'}, "
          f"google-re2 {'installed' if re2 else 'not installed'}")
    for size in (200, 1000, 10000):
        terms = vocabulary(args.corpus, 3000, size)
        alternation = r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b"
        trie = r"\b(?:" + trie_pattern(terms) + r")\b"
        plain = size < 10000 or args.slow
        if plain:
            _time_regex(size, "re alternation", lambda p: re.compile(p, re.IGNORECASE), alternation, texts)
        _time_regex(size, "re trie", lambda p: re.compile(p, re.IGNORECASE), trie, texts)
        if regex is not None and plain:
            _time_regex(size, "regex alternation", lambda p: regex.compile(p, regex.IGNORECASE | regex.V0),
                        alternation, texts)
        if re2 is not None:
            _time_regex(size, "re2 alternation", _re2_compiler(re2), alternation, texts)
        _time_automaton(size, terms, texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
