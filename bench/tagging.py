"""How often the part-of-speech tagger runs on a corpus, and for which rules.

    python bench/tagging.py [--corpus ../shared/corpus/bbc] [--config PATH]

Lints every ``.txt`` file under the corpus with the config's rules (the default styles
without one), in one process, and counts the sentences the analysis splits and the
ones it tags and parses (``Analysis.parse_at``, which tags a sentence on first use), with
the rule kind whose question caused each tagging. Prints the counts, the tokens tagged
and the seconds spent. The tagging is lazy: only a sentence holding a candidate (a
label that may need "specific or generic?", a claim whose window holds a cue word, a
term whose voice decides its level) is ever tagged.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A throw-away regex cache, removed at exit (the folder object's finaliser).
_CACHE = tempfile.TemporaryDirectory(prefix="copydesk-cache-")
os.environ.setdefault("COPYDESK_CACHE_DIR", _CACHE.name)

import linter.analysis as analysis  # noqa: E402
from linter.markup import make_document  # noqa: E402
from linter.run.pipeline import lint_one  # noqa: E402
from linter.run.session import open_session  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--config", type=Path, default=None)
    args = parser.parse_args()

    made: list[analysis.Analysis] = []
    callers: Counter[str] = Counter()
    original_init, original_parse = analysis.Analysis.__init__, analysis.Analysis.parse_at

    def init(self: analysis.Analysis, *a: object, **k: object) -> None:
        original_init(self, *a, **k)  # type: ignore[arg-type]
        made.append(self)

    def parse_at(self: analysis.Analysis, offset: int) -> object:
        i = self.sentences.index_at(offset)
        if i >= 0 and i not in self._parses:
            frames = [f for f in traceback.extract_stack(limit=12)[:-1] if "/linter/kinds/" in f.filename
                      or "/linter/engine/" in f.filename]
            callers[Path(frames[-1].filename).stem if frames else "?"] += 1
        return original_parse(self, offset)

    analysis.Analysis.__init__ = init  # type: ignore[method-assign]
    analysis.Analysis.parse_at = parse_at  # type: ignore[method-assign,assignment]

    session = open_session(args.config, ROOT)
    engine = session.engine_for("draft.txt")
    files = sorted(p for p in args.corpus.rglob("*.txt") if p.name != "README.TXT")
    sentences = tagged = tokens = 0
    started = time.process_time()
    for path in files:
        doc = make_document(str(path), path.read_text(encoding="utf-8", errors="replace"), "text")
        made.clear()
        lint_one(doc, engine, session.rule_ids)
        for an in made:
            sentences += len(an.sentences.sentences)
            tagged += len(an._parses)
            tokens += sum(len(p.tokens) for p in an._parses.values())
    seconds = time.process_time() - started
    print(f"files {len(files)}, sentences {sentences:,}, tagged and parsed {tagged:,} "
          f"({tagged / max(sentences, 1):.1%}), tokens tagged {tokens:,}; {seconds:.1f} s CPU in all")
    print("tagged on behalf of (the module that asked first):",
          ", ".join(f"{name} {n}" for name, n in callers.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
