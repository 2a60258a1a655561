"""Record copydesk's findings over a corpus and the fixtures, to prove a change alters none.

    python bench/identity.py record OUT_DIR [--corpus ../shared/corpus/bbc]
    python bench/identity.py compare OLD_DIR NEW_DIR

``record`` runs the installed code through its command line, ``--format json``,
in two configurations: the default styles, and every bundled style with
``quote-style: straight``; over the corpus and over every fixture. It writes one
JSON file per (configuration, input) and prints each one's finding count and
SHA-256. ``compare`` says whether two recordings are identical byte for byte,
and where they first differ when they are not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
CONFIGS = {
    "default": "",
    "all-straight": "styles: [Bias, Sourcing, Names, Quotes, Readability, Proselint, Said]\n"
                    "quote-style: straight\n",
}


def _record_one(config_text: str, target: Path, cwd: Path, out: Path) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / ".copydesk.yml"
        config.write_text(config_text, encoding="utf-8")
        # --fail-on never: the exit code says only whether copydesk ran (2: an unreadable file).
        argv = [sys.executable, "-m", "linter", "check", "--format", "json", "--fail-on", "never",
                "--config", str(config), str(target)]
        result = subprocess.run(argv, cwd=cwd, capture_output=True, check=False)
    if result.returncode not in (0, 2):
        raise SystemExit(f"copydesk failed on {target}: {result.stderr.decode(errors='replace')}")
    out.write_bytes(result.stdout)
    count = sum(len(f["findings"]) for f in json.loads(result.stdout)["files"])
    return count, hashlib.sha256(result.stdout).hexdigest()


def record(out_dir: Path, corpus: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = {"fixtures": (ROOT / "fixtures", ROOT)}
    if corpus.is_dir():
        inputs["corpus"] = (corpus, corpus.parent)
    else:
        print(f"no corpus at {corpus}: fixtures only", file=sys.stderr)
    for name, config_text in CONFIGS.items():
        for label, (target, cwd) in inputs.items():
            out = out_dir / f"{name}-{label}.json"
            count, digest = _record_one(config_text, target.relative_to(cwd), cwd, out)
            print(f"{out.name:<28} {count:>7} findings  sha256 {digest[:16]}")


def compare(old: Path, new: Path) -> int:
    names = sorted({p.name for p in old.glob("*.json")} | {p.name for p in new.glob("*.json")})
    differ = 0
    for name in names:
        a, b = old / name, new / name
        if not (a.exists() and b.exists()):
            print(f"{name}: only in {'old' if a.exists() else 'new'}")
            differ += 1
            continue
        x, y = a.read_bytes(), b.read_bytes()
        if x == y:
            print(f"{name}: identical ({len(x):,} bytes)")
            continue
        differ += 1
        at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
        print(f"{name}: DIFFERENT from byte {at:,}:\n  old {x[max(0, at - 80):at + 80]!r}\n"
              f"  new {y[max(0, at - 80):at + 80]!r}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("old", type=Path)
    cmp_.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.corpus)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    raise SystemExit(main())
