"""Measure the tagger: accuracy, probes, load time, speed, size, lemmas.

    python3 evaluate.py                 # everything
    python3 evaluate.py --quick         # accuracy and probes only

Reads UD English-EWT dev/test (``--ewt``), ``probes.tsv`` (held-out news sentences of our own,
``text<TAB>tags``) and, for the speed figure only, the BBC corpus at run time (``--corpus``); no
corpus text is written anywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from linter.analysis.tagging.lemmas import Lemmatizer
from linter.analysis.tagging.tagger import MODEL_PATH, Tagger
from linter.analysis.tagging.tokens import tokenize

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # train.py beside this script

from train import DEFAULT_EWT, read_conllu, read_tagged_tsv  # noqa: E402

DEFAULT_CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "bbc"
PROBES_PATH = HERE / "probes.tsv"
_ENDS = frozenset({".", "!", "?", "...", "\u2026", "?!", "!!"})
_CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "\u00bb"})


def ewt_accuracy(tagger: Tagger, path: Path, show: int = 0) -> float:
    sents = read_conllu(path)
    ok = total = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for sent in sents:
        words = [t[0] for t in sent]
        gold = [t[1] for t in sent]
        pred = tagger.tag(words)
        for g, p in zip(gold, pred, strict=True):
            total += 1
            if g == p:
                ok += 1
            else:
                confusions[(g, p)] += 1
    if show:
        print("    most frequent confusions (gold -> predicted):", confusions.most_common(show))
    return ok / total


def probe_report(tagger: Tagger, path: Path) -> tuple[int, int, int, int]:
    """Print each probe's errors; return (probes right, probes, tokens right, tokens)."""
    probes = read_tagged_tsv(path)
    right = tok_ok = tok_total = 0
    for text, words, gold in probes:
        pred = tagger.tag(words)
        errors = [(w, g, p) for w, g, p in zip(words, gold, pred, strict=True) if g != p]
        tok_total += len(words)
        tok_ok += len(words) - len(errors)
        if errors:
            print(f"    WRONG  {text}")
            for w, g, p in errors:
                print(f"             {w!r}: gold {g}, predicted {p}")
        else:
            right += 1
    return right, len(probes), tok_ok, tok_total


def load_times(runs: int = 5, bytecode_cache: bool = True) -> tuple[float, float]:
    """Median over fresh processes of (import + load + first tag) and of the whole process, in ms.

    With ``bytecode_cache`` the modules' .pyc files are kept in a temporary PYTHONPYCACHEPREFIX
    (warmed by one uncounted run), as for an installed package; without it every process compiles
    the sources again (what PYTHONDONTWRITEBYTECODE=1 does).
    """
    code = (
        "import time; t0 = time.perf_counter(); from linter.analysis import tagger; "
        "tagger.Tagger().tag(['x']); print((time.perf_counter() - t0) * 1000)"
    )
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        if bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        cmd = [sys.executable, "-c", code]
        if bytecode_cache:
            subprocess.run(cmd, cwd=HERE, env=env, check=True, capture_output=True)
        inner: list[float] = []
        outer: list[float] = []
        for _ in range(runs):
            t0 = time.perf_counter()
            out = subprocess.run(cmd, cwd=HERE, env=env, check=True, capture_output=True, text=True).stdout
            outer.append((time.perf_counter() - t0) * 1000)
            inner.append(float(out.strip()))
    return statistics.median(inner), statistics.median(outer)


def corpus_sentences(corpus: Path, max_tokens: int) -> tuple[list[list[str]], int, float]:
    """Sentences (as words) from the corpus files in sorted order, and the tokenizer's speed."""
    sents: list[list[str]] = []
    n_tok = 0
    n_chars = 0
    tok_time = 0.0
    for f in sorted(corpus.rglob("*.txt")):
        text = f.read_bytes().decode("utf-8", errors="replace")
        t0 = time.perf_counter()
        spans = tokenize(text)
        tok_time += time.perf_counter() - t0
        n_chars += len(text)
        cur: list[str] = []
        for k, (s, e) in enumerate(spans):
            w = text[s:e]
            cur.append(w)
            nxt = text[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else ""
            newline = k + 1 < len(spans) and "\n" in text[e : spans[k + 1][0]]
            end_mark = w in _ENDS and nxt not in _CLOSERS
            closed = w in _CLOSERS and len(cur) > 1 and cur[-2] in _ENDS
            if end_mark or closed or newline:
                sents.append(cur)
                cur = []
        if cur:
            sents.append(cur)
        n_tok = sum(len(s) for s in sents)
        if n_tok >= max_tokens:
            break
    return sents, n_tok, n_chars / tok_time if tok_time else 0.0


def lemma_accuracy(lemmatizer: Lemmatizer, tagger: Tagger | None, path: Path) -> float:
    ok = total = 0
    for sent in read_conllu(path):
        tags = tagger.tag([t[0] for t in sent]) if tagger is not None else [t[1] for t in sent]
        for (form, _gold_tag, lemma, _sp), tag in zip(sent, tags, strict=True):
            total += 1
            ok += lemmatizer.lemma(form, tag) == lemma
    return ok / total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ewt", type=Path, default=DEFAULT_EWT)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--probes", type=Path, default=PROBES_PATH)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--speed-tokens", type=int, default=50_000)
    ap.add_argument("--quick", action="store_true", help="accuracy and probes only")
    args = ap.parse_args(argv)

    tagger = Tagger(args.model)
    size = args.model.stat().st_size
    print(f"model: {args.model} ({size / 1e6:.2f} MB, {size} bytes)")
    test_acc = ewt_accuracy(tagger, args.ewt / "test.conllu", 12)
    print(f"XPOS accuracy, EWT test (gold tokens): {test_acc:.4f}")
    dev_acc = ewt_accuracy(tagger, args.ewt / "dev.conllu")
    print(f"XPOS accuracy, EWT dev  (gold tokens): {dev_acc:.4f}")
    print(f"probes ({args.probes.name}):")
    right, n, tok_ok, tok_n = probe_report(tagger, args.probes)
    print(
        f"  probes entirely right: {right}/{n}; probe tokens right: {tok_ok}/{tok_n} ({tok_ok / tok_n:.4f})"
    )
    if args.quick:
        return 0

    lem = Lemmatizer()
    test_path = args.ewt / "test.conllu"
    print(f"lemma accuracy, EWT test, gold tags:      {lemma_accuracy(lem, None, test_path):.4f}")
    print(f"lemma accuracy, EWT test, predicted tags: {lemma_accuracy(lem, tagger, test_path):.4f}")

    if args.model == MODEL_PATH:
        inner, outer = load_times(bytecode_cache=True)
        print(
            f"load (import + model + first tag), median of 5 fresh processes, .pyc cached: {inner:.1f} ms "
            f"(whole process incl. interpreter start: {outer:.0f} ms)"
        )
        inner, outer = load_times(bytecode_cache=False)
        print(f"  same without a bytecode cache (sources compiled in each process): {inner:.1f} ms")
        t0 = time.perf_counter()
        Lemmatizer().lemma("went", "VBD")
        lemma_ms = (time.perf_counter() - t0) * 1000
        print(f"  lemma table load (lazy, on the first lemma call): {lemma_ms:.1f} ms")

    if args.corpus.is_dir():
        sents, n_tok, chars_per_s = corpus_sentences(args.corpus, args.speed_tokens)
        print(f"tokenizer speed on the corpus files read: {chars_per_s / 1e6:.1f} M chars/s")
        fresh = Tagger(args.model)
        fresh.tag(["x"])
        for label in ("first pass (feature cache cold)", "second pass (feature cache warm)"):
            t0, c0 = time.perf_counter(), time.process_time()
            for s in sents:
                fresh.tag(s)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(
                f"tagging speed, one sentence at a time, {label}: {n_tok / wall:,.0f} tokens/s wall-clock, "
                f"{n_tok / cpu:,.0f} tokens/s of CPU time ({len(sents)} sentences, {n_tok} tokens)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
