"""Precision of copydesk's findings on a news corpus, read by eye from random samples.

    python bench/precision.py show  [--findings JSON] [--group labels|claims] [--unjudged]
    python bench/precision.py score [--findings JSON] [--by-rule]

Two groups are sampled: **labels**, every finding of the Bias pack (a loaded term in the
writer's voice), and **claims**, every finding of the Sourcing pack (a weasel phrase, a
figure, an accusation or a quotation with no source). From each group ``--n`` findings
(100) are drawn at random with ``--seed``: each finding's lot is a hash of its position
and the seed, so the same finding is drawn in every version that reports it.

``show`` prints each sampled finding in its sentence, the match between ``[[`` and ``]]``,
with the verdict already recorded for it, for a reader to judge. ``score`` reads the
verdicts and prints each group's precision (the share judged right) with a 95% Wilson
interval, then the same over the newsroom's own copy alone; it fails if a sampled finding
has no verdict.

The verdicts live in ``bench/precision-verdicts.tsv`` (for the PolNeAR training split, a
second newsroom's copy read with ``--corpus ../shared/data/polnear-train/text``, in
``bench/precision-verdicts-polnear.tsv``, passed with ``--verdicts``; its file names are
headlines, so that file names each story by a hash of its path, which ``show
--hash-paths`` prints), one finding to a line: the file
(relative to the corpus's parent directory), line, column and end column, rule, ``right``,
``wrong`` or ``notcopy``, and the reader's reason in a few words. A finding is *right*
when a standards editor would want to look at it: the word is loaded and in the writer's
own voice, or the claim has no source the reader can weigh. *notcopy* is a wrong one in
text that is not the newsroom's copy at all, though the corpus holds it as a story
(readers' comments, a guest's column, an interview transcript): it counts as wrong in
the first figure and is left out of the second. The file holds no corpus text, only positions,
so verdicts carry over between versions of copydesk that report the same finding: to
compare a version before a change, record its findings from the corpus's parent
directory and pass them with ``--findings``::

    cd ../shared/corpus && copydesk check --fail-on never --format json bbc > /tmp/before.json

Without ``--findings`` the script runs this checkout's copydesk the same way, with the
default configuration.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
DEFAULT_VERDICTS = ROOT / "bench" / "precision-verdicts.tsv"
GROUPS = {"labels": "Bias.", "claims": "Sourcing."}
VERDICTS = ("right", "wrong", "notcopy")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?=\s)|\n")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_column: int
    rule: str
    offset: int
    length: int
    level: str

    @property
    def key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.line, self.column, self.end_column, self.rule)

    @property
    def hashed_key(self) -> tuple[str, int, int, int, str]:
        """The key with the path hashed (:func:`hashed`), as a verdicts file may keep it."""
        return (hashed(self.path), *self.key[1:])


def load_findings(findings: Path | None, corpus: Path) -> list[Finding]:
    if findings is None:
        argv = [sys.executable, "-m", "linter", "check", "--fail-on", "never", "--format", "json",
                corpus.name]
        result = subprocess.run(argv, cwd=corpus.parent, capture_output=True, check=False, text=True)
        if result.returncode not in (0, 2):
            raise SystemExit(f"copydesk failed: {result.stderr.strip()}")
        report = json.loads(result.stdout)
    else:
        report = json.loads(findings.read_text(encoding="utf-8"))
    return [Finding(f["path"], item["line"], item["column"], item["end_column"], item["rule"],
                    item["offset"], item["length"], item["level"])
            for f in report["files"] for item in f["findings"]]


def sample(findings: list[Finding], group: str, n: int, seed: int) -> list[Finding]:
    """The ``n`` findings of ``group`` whose keys hash lowest with ``seed``: each finding
    draws its own lot, so a version that adds or drops a few findings keeps the rest of
    the sample (and their verdicts)."""
    pool = [f for f in findings if f.rule.startswith(GROUPS[group])]
    drawn = sorted(pool, key=lambda f: hashlib.sha256(f"{seed}/{f.key}".encode()).hexdigest())[:n]
    return sorted(drawn, key=lambda f: f.key)


def hashed(path: str) -> str:
    """How a verdicts file names a story whose file name is its headline (PolNeAR's are):
    by a hash of the path, so no words of the corpus go into the file."""
    return "sha256:" + hashlib.sha256(path.encode()).hexdigest()[:16]


def verdict_of(verdicts: dict[tuple[str, int, int, int, str], tuple[str, str]],
               f: Finding) -> tuple[str, str] | None:
    """The verdict on ``f``, recorded under its path or under the path's hash."""
    return verdicts.get(f.key) or verdicts.get(f.hashed_key)


def load_verdicts(path: Path) -> dict[tuple[str, int, int, int, str], tuple[str, str]]:
    verdicts: dict[tuple[str, int, int, int, str], tuple[str, str]] = {}
    if not path.exists():
        return verdicts
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != 7 or cells[5] not in VERDICTS:
            raise SystemExit(f"{path}:{number}: expected 7 tab-separated cells, right, wrong or notcopy"
                             " in the sixth")
        key = (cells[0], int(cells[1]), int(cells[2]), int(cells[3]), cells[4])
        verdicts[key] = (cells[5], cells[6])
    return verdicts


def context(finding: Finding, root: Path, width: int = 260) -> str:
    with open(root / finding.path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    start, end = finding.offset, finding.offset + finding.length
    left = max(0, start - width)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    left = ends[-2] if len(ends) >= 2 else left
    after = _SENTENCE_END.search(text, end)
    right = min(len(text), after.end() if after else len(text), end + width)
    return " ".join(f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}".split())


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def show(findings: list[Finding], args: argparse.Namespace) -> int:
    verdicts = load_verdicts(args.verdicts)
    for group in [args.group] if args.group else list(GROUPS):
        for f in sample(findings, group, args.n, args.seed):
            verdict = verdict_of(verdicts, f)
            if args.unjudged and verdict:
                continue
            cells = "\t".join(map(str, f.hashed_key if args.hash_paths else f.key))
            print(f"{cells}\t{verdict[0] + ' ' + verdict[1] if verdict else '?'}\t{f.level}")
            print(f"    {context(f, args.corpus.parent)}")
    return 0


def score(findings: list[Finding], args: argparse.Namespace) -> int:
    verdicts = load_verdicts(args.verdicts)
    missing = 0
    for group in GROUPS:
        drawn = sample(findings, group, args.n, args.seed)
        judged = [(f, v) for f in drawn if (v := verdict_of(verdicts, f)) is not None]
        missing += len(drawn) - len(judged)
        right = sum(v[0] == "right" for _, v in judged)
        low, high = wilson(right, len(judged))
        total = sum(f.rule.startswith(GROUPS[group]) for f in findings)
        share = right / max(1, len(judged))
        print(f"{group}: {right} of {len(judged)} right ({share:.2f}, 95% {low:.2f}-{high:.2f}),"
              f" drawn from {total} findings; {len(drawn) - len(judged)} without a verdict")
        copy = [v for _, v in judged if v[0] != "notcopy"]
        low, high = wilson(right, len(copy))
        print(f"    on the newsroom's own copy: {right} of {len(copy)} ({right / max(1, len(copy)):.2f},"
              f" 95% {low:.2f}-{high:.2f})")
        if args.by_rule:
            rules = Counter(f.rule for f, _ in judged)
            for rule, count in rules.most_common():
                good = sum(v[0] == "right" for f, v in judged if f.rule == rule)
                print(f"    {rule:28} {good:>3} of {count:>3}")
        wrong = Counter((v[0], v[1]) for _, v in judged if v[0] != "right")
        for (verdict, reason), count in wrong.most_common():
            print(f"    {verdict:7} {count:>2}  {reason}")
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("show", "score"))
    parser.add_argument("--findings", type=Path, help="copydesk's JSON report, run from the corpus's parent")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verdicts", type=Path, default=DEFAULT_VERDICTS)
    parser.add_argument("--hash-paths", action="store_true",
                        help="show: print each file's path as its hash, the form a verdicts file keeps"
                             " for a corpus whose file names are headlines")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--group", choices=tuple(GROUPS), help="show: only this group")
    parser.add_argument("--unjudged", action="store_true", help="show: only findings with no verdict yet")
    parser.add_argument("--by-rule", action="store_true", help="score: precision of each rule in the sample")
    args = parser.parse_args()
    findings = load_findings(args.findings, args.corpus)
    return show(findings, args) if args.command == "show" else score(findings, args)


if __name__ == "__main__":
    sys.exit(main())
