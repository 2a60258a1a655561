"""Measure how copydesk tells attributed content from the writer's own voice, against PolNeAR.

    python bench/voice.py [--data ../shared/data/polnear-train] [--seed 1] [--limit N]
                          [--json out.json] [--show N]

PolNeAR (brat standoff: ``text/*.txt`` and ``attributions/*.ann``) links a Source, a Cue and a
Content span for each attribution. Three figures are computed:

1. Attributed content read as the writer's voice. For every annotated Content span a label
   word (``LABEL``) is inserted at a word boundary inside the span (chosen at random with a
   fixed seed; never the span's first or last position) and copydesk is asked whose voice the
   inserted word is in. The share answered "own" is reported overall, by whether the content
   lies inside double quotation marks (this script's own quote detector, independent of
   copydesk) and by the kind of cue (speech or thought / internal state, see THOUGHT_*),
   and again by a finer class of the cue: a verb of saying in the narrow sense
   (SAYING_VERBS, "according to", a colon: how news copy reports what someone said), a cue
   of evidence (a poll showed, a study found: EVIDENTIAL_VERBS), thought, or any other
   speech act told as an event ("praised X for", "urged", "declined to say").
2. Unattributed sentences read as attributed. Sentences (this script's own splitter) that
   overlap no annotated span at all get the same insertion; the share answered anything but
   "own" is reported, overall and apart for the answers of question-and-answer interviews
   (paragraphs after the first "Q:" that are no question), the interviewee's words, which
   PolNeAR does not annotate as attributed.
3. Reporting-cue recall and precision against the annotated Cue spans (overlap matching).

Articles annotated by several annotators (several ``<article>_<annotator>.ann`` files) are
measured once, with the file of the annotator whose id sorts first. A discontinuous span
(``start end;start end``) is a list of fragments: a word boundary may be chosen inside any
fragment, and a span overlaps something when any fragment does. Each annotation's text is
checked against the article text at its offsets (fragments joined by a space, as brat writes
them); contents whose text does not match are left out of measurement 1 and counted.

No text from the corpus is written to the JSON output; ``--show`` prints misjudged examples
to the terminal only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# ---------------------------------------------------------------------------
# Adapter: the only code that touches copydesk (with the imports just below). Re-point
# these two functions and CUE_KINDS_COUNTED when the package changes.
from linter.analysis import Analysis
from linter.markup import make_document
from linter.model.document import Document

CUE_KINDS_COUNTED = "copydesk attribution frames: verb, passive, according to, colon, noun"


def _copydesk_document(text: str) -> Document:
    """The article as a plain-text draft. copydesk leaves soft hyphens and zero-width
    characters out of the prose it reads (``doc.text``); offsets are mapped both ways."""
    return make_document("x.txt", text, "text")


def copydesk_voice(text: str, start: int, end: int) -> str:
    """Whose words ``text[start:end]`` are: "quoted", "attributed", "vague" (attributed to a
    source that names no one) or "own"."""
    doc = _copydesk_document(text)
    start, end = doc.offsets.to_text(start), doc.offsets.to_text(end)
    return str(Analysis(doc).voice(start, end).value)


def copydesk_cues(text: str) -> list[tuple[int, int]]:
    """Spans (in ``text``) of the cues of the attribution frames copydesk finds in it."""
    doc = _copydesk_document(text)
    an = Analysis(doc)
    return sorted({doc.to_source(*f.cue) for s in an.sentences.sentences for f in an.frames_at(s.start)})


# ---------------------------------------------------------------------------
# Settings

LABEL = "terrorists"
DATA_REL = Path("..") / "shared" / "data" / "polnear-train"

# Cue classification. A cue is "thought" (a reported internal state) when any of its words
# is a form of one of these verbs, or one of these adjectives or nouns; otherwise it is
# "speech" (which also takes in evidential cues such as show, find, report, and stance
# cues such as support, oppose, agree, criticise). Cues without letters (":") are speech.
THOUGHT_VERBS = (
    "believe", "think", "want", "hope", "fear", "feel", "know", "expect", "worry", "like", "love",
    "hate", "doubt", "suspect", "assume", "wish", "plan", "intend", "decide", "see", "consider",
    "understand", "realize", "realise", "remember", "forget", "prefer", "seem", "appear",
    "imagine", "trust", "regret", "desire", "dislike", "enjoy", "envision", "anticipate", "guess",
    "figure", "suppose", "reckon", "learn", "notice", "sense", "perceive", "view", "regard",
    "mean", "aim", "care", "dread",
)
# Past tenses and participles that the regular rules below do not make.
IRREGULAR_FORMS = {
    "think": ("thought",),
    "feel": ("felt",),
    "know": ("knew", "known"),
    "see": ("saw", "seen"),
    "understand": ("understood",),
    "forget": ("forgot", "forgotten"),
    "mean": ("meant",),
    "learn": ("learnt",),
    "plan": ("planned", "planning"),
    "prefer": ("preferred", "preferring"),
    "regret": ("regretted", "regretting"),
}
THOUGHT_ADJECTIVES = (
    "afraid", "aware", "unaware", "certain", "uncertain", "confident", "convinced", "sure",
    "unsure", "concerned", "worried", "hopeful", "optimistic", "pessimistic", "skeptical",
    "sceptical", "happy", "unhappy", "glad", "eager", "determined", "angry", "upset", "frustrated",
    "disappointed", "keen", "anxious", "fearful", "excited", "proud", "pleased", "satisfied",
    "comfortable", "uncomfortable", "interested", "puzzled", "surprised", "shocked",
)
THOUGHT_NOUNS = (
    "belief", "beliefs", "thought", "thoughts", "view", "views", "opinion", "opinions", "feeling",
    "feelings", "hopes", "fears", "concern", "concerns", "worries", "desire", "wishes",
    "intention", "intentions", "expectation", "expectations", "doubts", "knowledge", "impression",
    "perception", "preference", "plans", "mind",
)


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma, *IRREGULAR_FORMS.get(lemma, ())}
    if lemma.endswith("ee"):  # see: saw and seen come from IRREGULAR_FORMS
        forms |= {lemma + "s", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


THOUGHT_WORDS = frozenset(
    {f for lemma in THOUGHT_VERBS for f in _verb_forms(lemma)} | set(THOUGHT_ADJECTIVES) | set(THOUGHT_NOUNS)
)
_LETTERS = re.compile(r"[a-z]+")


# Verbs of saying in the narrow sense: the cues by which news copy reports what someone said
# or wrote. Other speech cues in PolNeAR are speech acts told as events ("praised X for",
# "encouraged Americans to", "slams Kasich for", "raised questions about"), whose content is
# mostly the writer's wording.
SAYING_VERBS = (
    "say", "tell", "add", "state", "write", "claim", "report", "announce", "argue", "insist",
    "note", "explain", "warn", "declare", "assert", "allege", "admit", "acknowledge", "deny",
    "suggest", "contend", "maintain", "reply", "respond", "answer", "ask", "confirm", "predict",
    "promise", "vow", "pledge", "tweet", "post", "recall", "testify", "conclude", "concede",
    "complain", "charge", "accuse", "boast", "joke", "quip", "muse", "remark", "continue",
    "repeat", "reiterate", "emphasize", "emphasise", "stress", "point", "signal", "describe", "call",
)
# Evidence rather than speech: "a poll showed", "the study found", "records reveal".
EVIDENTIAL_VERBS = ("show", "find", "reveal", "indicate", "disclose", "estimate", "suggest", "confirm")
# A cue that says someone did not speak: "declined to say whether", "refused to comment on".
_SILENCE = frozenset({"declined", "declines", "decline", "refused", "refuses", "refuse", "not", "never", "t"})
SAYING_WORDS = frozenset({f for lemma in SAYING_VERBS for f in _verb_forms(lemma)} | {
    "said", "told", "wrote", "written", "according", "statement", "spokesman", "spokeswoman",
    "tweeted", "testified", "stressed"})
EVIDENTIAL_WORDS = frozenset({f for lemma in EVIDENTIAL_VERBS for f in _verb_forms(lemma)} | {"found"})


def cue_verb_class(cue_text: str) -> str:
    """"saying" when the annotated cue holds a verb of saying in the narrow sense (or
    "according to", a statement, a colon), "evidential" for a poll showing or a study
    finding, "thought" for a cue of thought, "other" for any other speech act and for a cue
    that says someone did not speak ("declined to say")."""
    words = _LETTERS.findall(cue_text.lower().replace("’", "'"))
    if any(w in _SILENCE for w in words):
        return "other"
    if not words or any(w in SAYING_WORDS for w in words):
        return "saying"
    if any(w in EVIDENTIAL_WORDS for w in words):
        return "evidential"
    return "thought" if any(w in THOUGHT_WORDS for w in words) else "other"


def cue_class(cue_text: str) -> str:
    """"thought" or "speech" for an annotated cue's text (see THOUGHT_VERBS)."""
    words = _LETTERS.findall(cue_text.lower().replace("’", "'"))
    return "thought" if any(w in THOUGHT_WORDS for w in words) else "speech"


# ---------------------------------------------------------------------------
# brat standoff

Span = tuple[tuple[int, int], ...]  # fragments (start, end), in file order

_ENTRY = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)\t")
_FRAGMENT = re.compile(r"(\d+) (\d+)")
ATTRIBUTION_TYPES = frozenset({"Attribution", "Attribution-no-source"})
CONTENT_ROLES = re.compile(r"Content\d*")


@dataclass(frozen=True, slots=True)
class TextBound:
    tid: str
    kind: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    eid: str
    kind: str
    roles: tuple[tuple[str, str], ...]  # (role, T id)


@dataclass(slots=True)
class Annotation:
    path: Path
    bounds: dict[str, TextBound] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    bad_lines: int = 0


def parse_ann(path: Path) -> Annotation:
    """Read a brat .ann file. A line that starts no entry continues the previous entry's
    text (brat writes a span's line breaks into its text field)."""
    entries: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if _ENTRY.match(line) or not entries:
            entries.append(line)
        else:
            entries[-1] += "\n" + line
    ann = Annotation(path)
    for entry in entries:
        if not entry.strip():
            continue
        ident, _, rest = entry.partition("\t")
        if ident.startswith("T"):
            head, _, text = rest.partition("\t")
            kind, _, offsets = head.partition(" ")
            span = tuple((int(a), int(b)) for a, b in _FRAGMENT.findall(offsets))
            if not span:
                ann.bad_lines += 1
                continue
            ann.bounds[ident] = TextBound(ident, kind, span, text.rstrip("\n"))
        elif ident.startswith("E"):
            parts = rest.split()
            if not parts:
                ann.bad_lines += 1
                continue
            kind = parts[0].split(":")[0]
            roles = tuple(
                (role, tid) for role, _, tid in (p.partition(":") for p in parts[1:]) if tid
            )
            ann.attributions.append(Attribution(ident, kind, roles))
        elif not ident.startswith(("#", "A", "R", "M", "N", "*")):
            ann.bad_lines += 1
    return ann


def span_text(text: str, span: Span) -> str:
    return " ".join(text[s:e] for s, e in span)


def overlaps(a: Span, b: Span) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


# ---------------------------------------------------------------------------
# Text helpers of this script (independent of copydesk)

_DQ_OPEN = "“«„"
_DQ_CLOSE = "”»"
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"\w+")


def inside_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside double quotation marks within its paragraph (the last
    double mark before it opens; straight marks by parity)."""
    para = text.rfind("\n", 0, pos) + 1
    last = max(text.rfind(c, para, pos) for c in _DQ_OPEN + _DQ_CLOSE + '"')
    if last < 0:
        return False
    mark = text[last]
    if mark in _DQ_OPEN:
        return True
    if mark in _DQ_CLOSE:
        return False
    return text.count('"', para, pos) % 2 == 1


# A paragraph that opens with an interviewer's "Q:" (or "Q." or a "Q" run into the question)
_QUESTION = re.compile(r"Q(?:\s*[:.]\s|[A-Z][a-z])")


def in_answer(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a question-and-answer interview, after its first question,
    in a paragraph that is no question: the interviewee's words, which PolNeAR leaves
    unannotated (an article with at least three paragraphs that open with "Q")."""
    questions = _questions(text)
    if len(questions) < 3 or pos < questions[0]:
        return False
    para = text.rfind("\n", 0, pos) + 1
    return not _QUESTION.match(text, para)


@lru_cache(maxsize=4)
def _questions(text: str) -> list[int]:
    """Where the paragraphs that open with an interviewer's question start."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return [a for a in starts if _QUESTION.match(text, a)]


def quote_class(text: str, span: Span) -> str:
    """"direct" when every word of the span is inside quotation marks, "indirect" when
    none is, else "mixed"."""
    inside = [inside_quotes(text, m.start()) for s, e in span for m in _WORD.finditer(text, s, e)]
    if inside and all(inside):
        return "direct"
    return "mixed" if any(inside) else "indirect"


def _merges_sentences(text: str, pos: int) -> bool:
    """True when a lower-case word inserted at ``pos`` would join two sentences: ``pos``
    starts an upper-case word or a number right after sentence-final punctuation."""
    if not (text[pos].isupper() or text[pos].isdigit()):
        return False
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    while i > 0 and text[i - 1] in _CLOSERS:
        i -= 1
    return i > 0 and text[i - 1] in _TERMINAL


def boundaries(text: str, span: Span) -> tuple[list[int], bool]:
    """Word starts strictly inside the fragments of ``span`` (after white space, before a
    letter or digit), leaving out those that would join two sentences unless no other is
    left; and whether that fallback was needed."""
    found = [
        p
        for s, e in span
        for p in range(s + 1, e)
        if text[p - 1].isspace() and text[p].isalnum()
    ]
    kept = [p for p in found if not _merges_sentences(text, p)]
    return (kept, False) if kept or not found else (found, True)


_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "maj",
    "adm", "jr", "sr", "st", "mt", "ft", "prof", "rev", "hon", "inc", "ltd", "co", "corp", "bros",
    "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "pres", "sens", "reps", "dept", "univ",
))
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"([\w.]+)\Z")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_LINE = re.compile(r"[^\n]+")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """A simple splitter: a line is a paragraph; split after . ! ? (and closing marks)
    before white space and a capital, digit or opening mark, except after an abbreviation
    or an initial."""
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _SENTENCE_END.finditer(text, line.start(), line.end()):
            if m.group()[0] == ".":
                token = _TOKEN_BEFORE.search(text, max(line.start(), m.start() - 24), m.start())
                word = token.group(1) if token else ""
                if word.lower() in _ABBREVIATIONS or _INITIALS.fullmatch(word):
                    continue
            yield from _trimmed(text, start, m.end())
            start = m.end()
        yield from _trimmed(text, start, line.end())


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


# ---------------------------------------------------------------------------
# Loading


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    annotator: str
    annotators: tuple[str, ...]
    text: str
    ann: Annotation
    newline: str  # how the text was read: "raw" or "universal"


_ANN_NAME = re.compile(r"(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann")


def _match_rate(text: str, ann: Annotation) -> float:
    bounds = list(ann.bounds.values())
    if not bounds:
        return 1.0
    return sum(span_text(text, b.span) == b.text for b in bounds) / len(bounds)


def load(data: Path, limit: int | None, problems: Counter[str]) -> list[Article]:
    by_article: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted((data / "attributions").glob("*.ann")):
        m = _ANN_NAME.fullmatch(path.name)
        if m is None:
            problems["ann file with an unexpected name"] += 1
            continue
        by_article.setdefault(m["article"], []).append((m["annotator"], path))
    articles: list[Article] = []
    for name in sorted(by_article):
        if limit is not None and len(articles) >= limit:
            break
        files = sorted(by_article[name])
        annotator, path = files[0]
        text_path = data / "text" / f"{name}.txt"
        if not text_path.exists():
            problems["ann file without a text"] += 1
            continue
        raw = text_path.read_bytes().decode("utf-8")
        ann = parse_ann(path)
        text, newline = raw, "raw"
        if "\r" in raw:  # offsets may count a CRLF as one character or two
            universal = raw.replace("\r\n", "\n").replace("\r", "\n")
            if _match_rate(universal, ann) > _match_rate(raw, ann):
                text, newline = universal, "universal"
        articles.append(Article(name, annotator, tuple(a for a, _ in files), text, ann, newline))
    return articles


# ---------------------------------------------------------------------------
# Measurement


@dataclass(frozen=True, slots=True)
class Probe:
    """One insertion: where, and what copydesk answered."""

    article: str
    key: str
    pos: int
    answer: str
    groups: tuple[str, ...]
    cue: str = ""  # the annotated cue's words, lower case


@dataclass(slots=True)
class Results:
    probes: list[Probe] = field(default_factory=list)
    sentence_probes: list[Probe] = field(default_factory=list)
    checks: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    annotated_cues: list[tuple[str, Span, str]] = field(default_factory=list)  # article, span, class
    cue_hits: list[bool] = field(default_factory=list)
    predicted_hits: Counter[str] = field(default_factory=Counter)
    cue_texts: dict[str, Counter[str]] = field(
        default_factory=lambda: {"speech": Counter(), "thought": Counter()}
    )
    mismatches: list[dict[str, object]] = field(default_factory=list)


def probe(text: str, pos: int) -> str:
    modified = text[:pos] + LABEL + " " + text[pos:]
    return copydesk_voice(modified, pos, pos + len(LABEL))


def _choose(seed: int, article: str, key: str, candidates: Sequence[int]) -> int:
    return random.Random(f"{seed}/{article}/{key}").choice(candidates)


def check_text(article: Article, results: Results) -> set[str]:
    """Compare every span's annotated text with the article text; the ids that do not match."""
    bad: set[str] = set()
    n = len(article.text)
    for b in article.ann.bounds.values():
        if any(not 0 <= s <= e <= n for s, e in b.span):
            results.checks["offsets outside the text"] += 1
            bad.add(b.tid)
            results.mismatches.append({"article": article.name, "id": b.tid, "span": b.span, "why": "range"})
            continue
        found = span_text(article.text, b.span)
        if found == b.text:
            results.checks["exact"] += 1
        elif found.split() == b.text.split():
            results.checks["white space differs"] += 1
        else:
            results.checks["text differs"] += 1
            bad.add(b.tid)
            results.mismatches.append({"article": article.name, "id": b.tid, "span": b.span, "why": "text"})
    return bad


def measure_article(article: Article, seed: int, results: Results) -> None:
    text, ann = article.text, article.ann
    bad = check_text(article, results)
    results.counts["attributions"] += len(ann.attributions)
    results.counts["ann lines not understood"] += ann.bad_lines

    # 1. attributed content
    split = list(sentences(text))
    split_starts = [start for start, _ in split]
    seen_contents: set[Span] = set()
    for attribution in ann.attributions:
        if attribution.kind not in ATTRIBUTION_TYPES:
            results.counts["events of another type"] += 1
            continue
        roles = dict(attribution.roles)
        missing = [tid for _, tid in attribution.roles if tid not in ann.bounds]
        if missing:
            results.counts["attributions naming an unknown span"] += 1
        cue = ann.bounds.get(roles.get("Cue", ""))
        cls = cue_class(cue.text) if cue is not None else "no cue"
        contents = [
            ann.bounds[t] for r, t in attribution.roles if CONTENT_ROLES.fullmatch(r) and t in ann.bounds
        ]
        if not contents:
            results.counts["attributions without content"] += 1
        for content in contents:
            results.counts["content spans"] += 1
            if len(content.span) > 1:
                results.counts["discontinuous content spans"] += 1
            if content.span in seen_contents:
                results.counts["content spans repeated (measured once)"] += 1
                continue
            seen_contents.add(content.span)
            if content.tid in bad:
                results.counts["content spans skipped: text mismatch"] += 1
                continue
            candidates, fallback = boundaries(text, content.span)
            if not candidates:
                results.counts["content spans skipped: no inner word boundary"] += 1
                continue
            results.counts["content insertions at a sentence start (no other boundary)"] += fallback
            pos = _choose(seed, article.name, content.tid, candidates)
            where = "inside" if inside_quotes(text, pos) else "outside"
            qclass = quote_class(text, content.span)
            groups = [f"quotes:{qclass}", f"insert:{where}", f"cue:{cls}", f"quotes:{qclass}+cue:{cls}"]
            if cue is not None:
                i = bisect_right(split_starts, pos) - 1
                same = i >= 0 and overlaps(cue.span, (split[i],))
                groups.append("reach:same" if same else "reach:other")
            if cue is not None:
                groups.append(f"verb:{cue_verb_class(cue.text)}")
            cue_words = " ".join(_LETTERS.findall(cue.text.lower())) if cue is not None else ""
            results.probes.append(Probe(article.name, content.tid, pos, probe(text, pos), tuple(groups),
                                        cue_words or ":"))

    # 2. unattributed sentences
    spans = [b.span for b in ann.bounds.values()]
    for start, end in split:
        sentence: Span = ((start, end),)
        results.counts["sentences"] += 1
        if any(overlaps(sentence, s) for s in spans):
            continue
        results.counts["sentences with no annotation"] += 1
        candidates, _ = boundaries(text, sentence)
        if not candidates:
            results.counts["sentences skipped: no inner word boundary"] += 1
            continue
        pos = _choose(seed, article.name, f"s{start}", candidates)
        where = "inside" if inside_quotes(text, pos) else "outside"
        answer = probe(text, pos)
        turn = "turn:answer" if in_answer(text, pos) else "turn:other"
        tags = (f"insert:{where}", turn)
        results.sentence_probes.append(Probe(article.name, f"s{start}", pos, answer, tags))

    # 3. cues
    predicted = copydesk_cues(text)
    cues: dict[Span, str] = {}
    for b in ann.bounds.values():
        if b.kind == "Cue" and b.tid not in bad:
            cues.setdefault(b.span, cue_class(b.text))
            results.cue_texts[cue_class(b.text)][b.text.lower()] += 1
    for span, cls in sorted(cues.items()):
        punct = "punct" if not any(c.isalpha() for c in span_text(text, span)) else "words"
        results.annotated_cues.append((article.name, span, f"{cls}/{punct}"))
        results.cue_hits.append(any(overlaps(span, ((s, e),)) for s, e in predicted))
    results.counts["predicted cues"] += len(predicted)
    for s, e in predicted:
        hit = any(overlaps(((s, e),), span) for span in cues)
        results.predicted_hits[f"{'inside' if inside_quotes(text, s) else 'outside'}/{hit}"] += 1


# ---------------------------------------------------------------------------
# Reporting


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def tally(probes: Iterable[Probe]) -> dict[str, object]:
    answers = Counter(p.answer for p in probes)
    n = sum(answers.values())
    return {
        "n": n,
        "own": share(answers["own"], n),
        "quoted": share(answers["quoted"], n),
        "attributed": share(answers["attributed"], n),
        "vague": share(answers["vague"], n),
    }


def summarise(
    results: Results, articles: Sequence[Article], elapsed: float, args: argparse.Namespace
) -> dict[str, object]:
    probes = results.probes
    groups = sorted({g for p in probes for g in p.groups}, key=lambda g: (g.count("+"), g.split(":")[0], g))
    content = {"all": tally(probes)} | {g: tally(p for p in probes if g in p.groups) for g in groups}
    sentence = {"all": tally(results.sentence_probes)} | {
        g: tally(p for p in results.sentence_probes if g in p.groups)
        for g in sorted({g for p in results.sentence_probes for g in p.groups})
    }

    def recall(select: str | None) -> dict[str, object]:
        hits = [h for (_, _, cls), h in zip(results.annotated_cues, results.cue_hits, strict=True)
                if select is None or select in cls.split("/")]
        return {"n": len(hits), "recall": share(sum(hits), len(hits))}

    predicted = results.counts["predicted cues"]
    hits = results.predicted_hits
    outside = hits["outside/True"] + hits["outside/False"]
    several = [a for a in articles if len(a.annotators) > 1]
    return {
        "data": str(args.data),
        "seed": args.seed,
        "label": LABEL,
        "articles": len(articles),
        "articles_with_several_annotations": len(several),
        "annotation_choice": "the file of the annotator whose id sorts first",
        "annotators_used": dict(Counter(a.annotator for a in articles)),
        "newline_reading": dict(Counter(a.newline for a in articles)),
        "counts": dict(results.counts),
        "text_check": dict(results.checks),
        "text_mismatches": results.mismatches,
        "content_voice": content,
        "unattributed_sentences": sentence,
        "cues": {
            "counted_kinds": CUE_KINDS_COUNTED,
            "annotated": len(results.cue_hits),
            "predicted": predicted,
            "recall_all": recall(None),
            "recall_speech": recall("speech"),
            "recall_thought": recall("thought"),
            "recall_word_cues": recall("words"),
            "recall_punctuation_cues": recall("punct"),
            "precision": {
                "n": predicted,
                "precision": share(hits["outside/True"] + hits["inside/True"], predicted),
            },
            "precision_outside_quotes": {"n": outside, "precision": share(hits["outside/True"], outside)},
        },
        "thought_words": sorted(THOUGHT_WORDS),
        "seconds": round(elapsed, 1),
    }


_GROUP_NAMES = {
    "quotes:direct": "content wholly in quote marks",
    "quotes:mixed": "content partly in quote marks",
    "quotes:indirect": "content with no quote marks",
    "insert:inside": "inserted word inside quote marks",
    "insert:outside": "inserted word outside quote marks",
    "turn:answer": "in a Q-and-A interview's answers",
    "turn:other": "not in a Q-and-A interview's answers",
    "cue:speech": "speech cue",
    "cue:thought": "thought cue",
    "cue:no cue": "no cue annotated",
    "reach:same": "cue in the inserted word's sentence",
    "reach:other": "cue in another sentence",
    "verb:saying": "cue a verb of saying (SAYING_VERBS), according to, ':'",
    "verb:thought": "cue of thought",
    "verb:evidential": "cue of evidence (show, find, reveal ...)",
    "verb:other": "cue another speech act (praise, urge, declined to say ...)",
}


def _group_name(key: str) -> str:
    return ", ".join(_GROUP_NAMES.get(part, part) for part in key.split("+"))


def print_report(summary: dict[str, object], results: Results) -> None:
    counts = results.counts
    print(f"copydesk voice benchmark on PolNeAR: {summary['data']} (seed {summary['seed']}, label {LABEL!r})")
    print(
        f"articles {summary['articles']} ({summary['articles_with_several_annotations']} annotated several "
        f"times: used {summary['annotation_choice']}), attributions {counts['attributions']}, "
        f"content spans {counts['content spans']} ({counts['discontinuous content spans']} discontinuous)"
    )
    print(f"annotation text check (all spans): {dict(results.checks)}")
    other = {k: v for k, v in counts.items() if k not in {"attributions", "content spans", "predicted cues"}}
    print(f"counts: {other}")
    print()
    print("1. Attributed content: where copydesk places a word inserted inside annotated Content")
    print(f"   {'group':58} {'n':>6} {'own':>7} {'quoted':>7} {'attrib':>7} {'vague':>7}")
    content = summary["content_voice"]
    assert isinstance(content, dict)
    for key, row in content.items():
        name = "all content spans" if key == "all" else _group_name(key)
        print(f"   {name:58} {row['n']:6} {pct(row['own'])} {pct(row['quoted'])} {pct(row['attributed'])} "
              f"{pct(row['vague'])}")
    missed = Counter(p.cue for p in results.probes if p.answer == "own" and "insert:outside" in p.groups)
    print("   cues of content read as own (inserted outside quote marks), most frequent:",
          ", ".join(f"{c!r} {n}" for c, n in missed.most_common(25)))
    print()
    print("2. Unattributed sentences (no annotated span of any type): share read as not own")
    sentence = summary["unattributed_sentences"]
    assert isinstance(sentence, dict)
    for key, row in sentence.items():
        name = "all sentences used" if key == "all" else _group_name(key)
        own = row["own"]
        not_own = None if own is None else 1 - own
        print(f"   {name:40} n {row['n']:6}  not own {pct(not_own)}  (quoted {pct(row['quoted'])}, "
              f"attributed {pct(row['attributed'])}, vague {pct(row['vague'])})")
    print()
    cues = summary["cues"]
    assert isinstance(cues, dict)
    print(f"3. Reporting cues ({cues['counted_kinds']}); a match is any overlap")
    for key, label in (
        ("recall_all", "recall, all annotated cues"),
        ("recall_speech", "recall, speech cues"),
        ("recall_thought", "recall, thought cues"),
        ("recall_word_cues", "recall, cues with letters"),
        ("recall_punctuation_cues", "recall, punctuation-only cues (':')"),
    ):
        row = cues[key]
        print(f"   {label:40} n {row['n']:6}  {pct(row['recall'])}")
    row = cues["precision"]
    print(f"   {'precision, all predicted cues':40} n {row['n']:6}  {pct(row['precision'])}")
    row = cues["precision_outside_quotes"]
    print(f"   {'precision, predicted cues outside quotes':40} n {row['n']:6}  {pct(row['precision'])}")
    for cls in ("speech", "thought"):
        top = ", ".join(f"{t!r} {n}" for t, n in results.cue_texts[cls].most_common(12))
        print(f"   most frequent {cls} cues: {top}")
    print()
    print(f"time {summary['seconds']} s")


def show_examples(articles: Sequence[Article], results: Results, n: int, seed: int, group: str = "") -> None:
    """Print misjudged examples (terminal only: corpus text is never written to a file);
    with ``group``, only content probes of that group (``verb:saying``)."""
    texts = {a.name: a.text for a in articles}
    rng = random.Random(seed)
    wrong = [p for p in results.probes if p.answer == "own" and (not group or group in p.groups)]
    wrong_sentences = [p for p in results.sentence_probes if p.answer != "own"]
    for title, pool in (("content read as own", wrong), ("unattributed read as not own", wrong_sentences)):
        print(f"\n--- {title}: {min(n, len(pool))} of {len(pool)}")
        for p in rng.sample(pool, min(n, len(pool))):
            text = texts[p.article]
            lo, hi = max(0, p.pos - 220), min(len(text), p.pos + 160)
            context = (text[lo:p.pos] + f"[[{LABEL}]] " + text[p.pos:hi]).replace("\n", " | ")
            print(f"* {p.article} {p.key} {p.answer} {','.join(p.groups[:3])} cue {p.cue!r}\n  {context}")
    pairs = zip(results.annotated_cues, results.cue_hits, strict=True)
    missed = [cue for cue, hit in pairs if not hit]
    print(f"\n--- missed cues: {min(n, len(missed))} of {len(missed)}")
    for article, span, cls in rng.sample(missed, min(n, len(missed))):
        text = texts[article]
        s, e = span[0][0], span[-1][1]
        print(f"* {article} {cls}: {text[max(0, s - 80):s]}[[{span_text(text, span)}]]{text[e:e + 60]}"
              .replace("\n", " | "))


def default_data() -> Path:
    here = Path.cwd() / DATA_REL
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / DATA_REL


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--data", type=Path, default=None, help=f"PolNeAR split (default {DATA_REL}, from the repo root)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="measure the first N articles only")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument("--show", type=int, default=0, help="print N misjudged examples of each kind")
    parser.add_argument("--show-group", default="", help="with --show, only content probes of this group "
                        "(verb:saying, quotes:indirect, ...)")
    args = parser.parse_args(argv)
    if args.data is None:
        args.data = default_data()
    if not (args.data / "attributions").is_dir() or not (args.data / "text").is_dir():
        print(f"no PolNeAR split at {args.data} (want text/ and attributions/)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    problems: Counter[str] = Counter()
    articles = load(args.data, args.limit, problems)
    results = Results()
    results.counts.update(problems)
    for article in articles:
        measure_article(article, args.seed, results)
    summary = summarise(results, articles, time.perf_counter() - started, args)
    print_report(summary, results)
    if args.show:
        show_examples(articles, results, args.show, args.seed, args.show_group)
    if args.json is not None:
        args.json.write_text(json.dumps(summary, indent=2, default=list) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
