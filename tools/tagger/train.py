"""Train the news XPOS tagger (CRFsuite) and build the lemma table.

Rebuilds ``en_news_xpos.crfsuite`` and ``en_lemmas.json`` byte-for-byte:

    python3 train.py                      # default: EWT train + news.tsv, fixed settings
    python3 train.py --model /tmp/m.crfsuite --lemmas /tmp/l.json   # write elsewhere

Inputs: UD English-EWT ``train.conllu`` (``--ewt DIR``; default ../shared/data/ud-english-ewt,
beside the repository)
and ``news.tsv`` (our own news-style sentences: ``text<TAB>tags``, one tag per token of
``tokens.tokenize(text)``). EWT dev and test are never read here.

Everything is deterministic: inputs are read in file order, augmentations are chosen by sentence
index, features come from ``tagger.sentence_features`` in a fixed order, and CRFsuite's L-BFGS
runs single-threaded with fixed c1/c2/iterations.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from linter.analysis.tagging.lemmas import LEMMA_PATH, coarse_tag, rule_lemma
from linter.analysis.tagging.tagger import MODEL_PATH, sentence_features
from linter.analysis.tagging.tokens import tokenize

HERE = Path(__file__).resolve().parent
# ../shared beside the repository, as the project's machines have it
DEFAULT_EWT = HERE.parent.parent.parent / "shared" / "data" / "ud-english-ewt"
NEWS_PATH = HERE / "news.tsv"

# Fixed training settings of the shipped model.
C1 = 0.3
C2 = 0.05
MAX_ITERATIONS = 150
NEWS_REPEAT = 3  # news.tsv sentences are appended this many times (CRFsuite has no weights)

# One token: form, XPOS, lemma, whether a space follows.
Token = tuple[str, str, str, bool]


def read_conllu(path: Path) -> list[list[Token]]:
    """Sentences of a CoNLL-U file (multi-word token and empty-node lines skipped)."""
    sents: list[list[Token]] = []
    cur: list[Token] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                continue
            cur.append((cols[1], cols[4], cols[2], "SpaceAfter=No" not in cols[9]))
    if cur:
        sents.append(cur)
    return sents


def read_tagged_tsv(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(text, words, tags) of a ``text<TAB>tags`` file; the text is tokenized by tokens.py."""
    out: list[tuple[str, list[str], list[str]]] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, _, tagstr = line.partition("\t")
            words = [text[s:e] for s, e in tokenize(text)]
            tags = tagstr.split()
            if len(words) != len(tags):
                raise ValueError(f"{path}:{lineno}: {len(words)} tokens {words} but {len(tags)} tags")
            out.append((text, words, tags))
    return out


# ---------------------------------------------------------------------------------------------
# Deterministic augmentations of EWT
# ---------------------------------------------------------------------------------------------

_HEADLINE_LOWER = frozenset(
    "a an the and but or nor of in on at to by as for with from via per vs than".split()
)


def merge_hyphens(sent: list[Token]) -> list[Token] | None:
    """EWT splits ``pro - government``; our tokenizer keeps it whole. Merged copy, or None."""
    out: list[Token] = []
    i = 0
    changed = False
    n = len(sent)
    while i < n:
        form, tag, lemma, space = sent[i]
        j = i
        parts = [form]
        last_tag, last_lemma = tag, lemma
        while (
            j + 2 < n
            and not sent[j][3]
            and sent[j + 1][1] == "HYPH"
            and sent[j + 1][0] == "-"
            and not sent[j + 1][3]
            and sent[j + 2][0][:1].isalnum()
            and sent[j][0][-1:].isalnum()
        ):
            parts.append("-")
            parts.append(sent[j + 2][0])
            last_tag, last_lemma = sent[j + 2][1], sent[j + 2][2]
            space = sent[j + 2][3]
            j += 2
        if j > i:
            changed = True
            merged_tag = "JJ" if last_tag in ("VBN", "VBG", "VBD") else last_tag
            merged_form = "".join(parts)
            merged_lemma = merged_form[: len(merged_form) - len(parts[-1])] + last_lemma
            out.append((merged_form, merged_tag, merged_lemma, space))
            i = j + 1
        else:
            out.append((form, tag, lemma, space))
            i += 1
    return out if changed else None


def curl_quotes(sent: list[Token]) -> list[Token]:
    """Typographic quotes and apostrophes in place of EWT's ASCII ones."""
    out: list[Token] = []
    for form, tag, lemma, space in sent:
        if form == '"':
            form = "\u201c" if tag == "``" else "\u201d"
        elif form == "'":
            form = "\u2018" if tag == "``" else "\u2019"
        elif "'" in form:
            form = form.replace("'", "\u2019")
        elif form == "--":
            form = "\u2014"
        elif form == "...":
            form = "\u2026"
        out.append((form, tag, lemma, space))
    return out


def title_case(sent: list[Token]) -> list[Token]:
    """Headline-style copy: content words capitalised."""
    out: list[Token] = []
    for k, (form, tag, lemma, space) in enumerate(sent):
        if form[:1].islower() and (k == 0 or form not in _HEADLINE_LOWER) and form[:1] != "'":
            form = form[:1].upper() + form[1:]
        out.append((form, tag, lemma, space))
    return out


def training_sentences(ewt_train: list[list[Token]]) -> Iterator[tuple[list[str], list[str]]]:
    """EWT train with deterministic augmentations, in a fixed order."""
    for idx, sent in enumerate(ewt_train):
        base = curl_quotes(sent) if idx % 3 == 1 else sent
        yield [t[0] for t in base], [t[1] for t in base]
        merged = merge_hyphens(sent)
        if merged is not None:
            yield [t[0] for t in merged], [t[1] for t in merged]
        if idx % 8 == 3 and 5 <= len(sent) <= 25:
            tc = title_case(merged or sent)
            yield [t[0] for t in tc], [t[1] for t in tc]


# ---------------------------------------------------------------------------------------------
# Lemma table
# ---------------------------------------------------------------------------------------------


# Irregular verbs ("base past [participle]"), written for this project; they fill gaps of
# the EWT-derived table only where EWT has no entry for the form. Forms that are also common base
# forms of other verbs (lay, ground, wound, found, saw, left...) are left out.
IRREGULAR_VERBS = """
arise arose arisen; awake awoke awoken; bear borne; beat beaten; bend bent; bind bound;
bite bit bitten; bleed bled; blow blew blown; breed bred; build built; burn burnt; buy bought;
catch caught; choose chose chosen; cling clung; creep crept; deal dealt; dig dug; draw drew drawn;
dream dreamt; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen; feed fed;
fight fought; flee fled; fling flung; fly flew flown; forbid forbade forbidden; foresee foresaw
foreseen; forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; grow grew grown;
hide hid hidden; kneel knelt; lean leant; leap leapt; learn learnt; lend lent; lie lain;
mislead misled; mistake mistook mistaken; overcome overcame; overrun overran; oversee oversaw
overseen; overtake overtook overtaken; overthrow overthrew overthrown; rebuild rebuilt; ride rode
ridden; ring rang rung; rise rose risen; seek sought; sew sewn; shake shook shaken; shed shed;
shine shone; shoot shot; shrink shrank shrunk; sing sang sung; sink sank sunk; slay slew slain;
slide slid; speed sped; spill spilt; spin spun; spit spat; spring sprang sprung; steal stole stolen;
sting stung; stink stank stunk; stride strode stridden; strike struck stricken; string strung;
strive strove striven; swear swore sworn; sweep swept; swell swollen; swim swam swum; tear tore
torn; tread trod trodden; undergo underwent undergone; undertake undertook undertaken; uphold
upheld; wake woke woken; weave wove woven; weep wept; withdraw withdrew withdrawn; withhold
withheld; withstand withstood; wring wrung; write wrote written
"""


def build_lemma_table(ewt_train: list[list[Token]]) -> dict[str, object]:
    """Known lemmas by class plus (form, class) -> lemma where the rules get EWT train wrong."""
    known: dict[str, set[str]] = {"N": set(), "V": set(), "J": set()}
    for sent in ewt_train:
        for _form, tag, lemma, _sp in sent:
            c = coarse_tag(tag)
            if c == "R":
                c = "J"
            if c in known and lemma.isalpha() and lemma.islower():
                known[c].add(lemma)
    frozen = {k: frozenset(v) for k, v in known.items()}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    tags_seen: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for sent in ewt_train:
        for form, tag, lemma, _sp in sent:
            c = coarse_tag(tag)
            key = (form if c == "P" else form.lower(), c)
            votes[key][lemma] += 1
            tags_seen[key][tag] += 1
    exceptions: dict[str, dict[str, str]] = defaultdict(dict)
    for key in sorted(votes):
        form_key, c = key
        best = sorted(votes[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        wrong = 0
        total = 0
        for tag, n in tags_seen[key].items():
            total += n
            if rule_lemma(form_key, tag, frozen) != best:
                wrong += n
        if wrong * 2 >= total:
            exceptions[c][form_key] = best
    for entry in IRREGULAR_VERBS.split(";"):
        base, *forms = entry.split()
        for form in forms:
            if form not in exceptions["V"] and rule_lemma(form, "VBD", frozen) != base:
                exceptions["V"][form] = base
    return {
        "licence": "CC BY-SA 4.0; adapted from UD English-EWT (see NOTICE)",
        "known": {k: sorted(v) for k, v in sorted(known.items())},
        "exceptions": {c: dict(sorted(t.items())) for c, t in sorted(exceptions.items())},
    }


# ---------------------------------------------------------------------------------------------


def train(
    model_path: Path,
    ewt_dir: Path,
    news_path: Path | None,
    c1: float,
    c2: float,
    max_iterations: int,
    news_repeat: int,
    verbose: bool,
) -> None:
    import pycrfsuite  # type: ignore[import-untyped]

    ewt_train = read_conllu(ewt_dir / "train.conllu")
    trainer = pycrfsuite.Trainer(verbose=verbose)
    n_sent = 0
    n_tok = 0
    for words, tags in training_sentences(ewt_train):
        trainer.append(sentence_features(words), tags)
        n_sent += 1
        n_tok += len(words)
    if news_path is not None:
        news = read_tagged_tsv(news_path)
        for _ in range(news_repeat):
            for _text, words, tags in news:
                trainer.append(sentence_features(words), tags)
                n_sent += 1
                n_tok += len(words)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.possible_states": False,
        }
    )
    tmp = model_path.with_name(model_path.name + f".tmp{os.getpid()}")
    t0 = time.perf_counter()
    print(f"training on {n_sent} sentences, {n_tok} tokens; c1={c1} c2={c2} it={max_iterations}", flush=True)
    trainer.train(str(tmp))
    os.replace(tmp, model_path)
    size = model_path.stat().st_size
    print(f"wrote {model_path} ({size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ewt", type=Path, default=DEFAULT_EWT, help="folder with UD English-EWT train.conllu")
    ap.add_argument("--news", type=Path, default=NEWS_PATH, help="news sentences (text<TAB>tags)")
    ap.add_argument("--no-news", action="store_true", help="train on EWT only (for comparison)")
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--lemmas", type=Path, default=LEMMA_PATH)
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=C2)
    ap.add_argument("--iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--news-repeat", type=int, default=NEWS_REPEAT)
    ap.add_argument("--skip-model", action="store_true", help="only rebuild the lemma table")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    ewt_train = read_conllu(args.ewt / "train.conllu")
    table = build_lemma_table(ewt_train)
    with open(args.lemmas, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(table, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
        fh.write("\n")
    exceptions = table["exceptions"]
    assert isinstance(exceptions, dict)
    n_exc = sum(len(t) for t in exceptions.values())
    print(f"wrote {args.lemmas} ({n_exc} exceptions)")
    if not args.skip_model:
        train(
            args.model,
            args.ewt,
            None if args.no_news else args.news,
            args.c1,
            args.c2,
            args.iterations,
            args.news_repeat,
            args.verbose,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
