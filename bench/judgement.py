"""How many lines of the judgement fixtures copydesk gets right, group by group.

    python bench/judgement.py [fixtures/judgement/labels-voice.txt ...]

The test suite (tests/test_fixtures.py) fails on any line that is wrong; this script
prints the share of lines right per file and every mismatch, for before/after figures
when the analysis or a rule changes (docs/judgement.md says what each file covers).

Markers follow tests/expectations.py, extended with an expected level per id:
``<!-- expect: Bias.Labels:error, Sourcing.Figures:warning@12 -->``. An id without a
level matches a finding of any level. ``@col`` pins the 1-based column.
A line with no marker expects no finding at all.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A throw-away regex cache, removed at exit (the folder object's finaliser).
_CACHE = tempfile.TemporaryDirectory(prefix="copydesk-cache-")
os.environ.setdefault("COPYDESK_CACHE_DIR", _CACHE.name)

from linter.config.loader import load_styles  # noqa: E402
from linter.config.project import enabled_rules, parse_config, style_sources  # noqa: E402
from linter.engine.lint import lint_document  # noqa: E402
from linter.lib.yamlsrc import load  # noqa: E402
from linter.markup import format_for, make_document  # noqa: E402

HERE = ROOT / "fixtures" / "judgement"
LEVELS = ("suggestion", "warning", "error")

# --- markers: tests/expectations.py, with ``:level`` -------------------------------------
_END = re.compile(r"[ \t]*<!--\s*expect:\s*(?P<ids>[^>]*?)\s*-->[ \t]*(?=\r?\n|\r|$)")
_NEXT = re.compile(r"^[ \t]*<!--\s*expect-next-line:\s*(?P<ids>[^>]*?)\s*-->[ \t]*(\r\n|\r|\n)?$")
_CONFIG = re.compile(r"^<!--\s*config:\s*(?P<yaml>.*?)\s*-->[ \t]*(\r\n|\r|\n)?$")
_ID = re.compile(r"^[A-Z][\w]*\.[A-Z][\w]*$")


@dataclass(frozen=True)
class Want:
    rule: str
    level: str | None
    column: int | None


@dataclass(frozen=True)
class Expected:
    source: str
    config: str | None
    wants: dict[int, list[Want]]
    lines: int  # lines of text that are not blank


def _ids(text: str, where: str) -> list[Want]:
    out = []
    for item in filter(None, (p.strip() for p in text.split(","))):
        head, _, col = item.partition("@")
        rule, _, level = head.partition(":")
        rule, level = rule.strip(), level.strip() or None
        if not _ID.match(rule):
            raise ValueError(f"{where}: bad rule id {rule!r}")
        if level is not None and level not in LEVELS:
            raise ValueError(f"{where}: bad level {level!r}")
        out.append(Want(rule, level, int(col) if col else None))
    return out


def parse(source: str, name: str = "") -> Expected:
    lines = source.splitlines(keepends=True)
    config = None
    if lines and (m := _CONFIG.match(lines[0])):
        config, lines = m.group("yaml"), lines[1:]
    kept: list[str] = []
    wants: dict[int, list[Want]] = {}
    pending: list[Want] = []
    for n, line in enumerate(lines, start=2 if config else 1):
        if "<!--" in line and not (_NEXT.match(line) or _END.search(line)):
            raise ValueError(f"{name}:{n}: a comment that is not a marker")
        if m := _NEXT.match(line):
            pending.extend(_ids(m.group("ids"), f"{name}:{n}"))
            continue
        found = pending + (_ids(m.group("ids"), f"{name}:{n}") if (m := _END.search(line)) else [])
        pending = []
        kept.append(_END.sub("", line))
        if found:
            wants[len(kept)] = found
    text_lines = sum(1 for k in kept if k.strip())
    return Expected("".join(kept), config, wants, text_lines)


# --- rules: tests/conftest.py's rules_for ------------------------------------------------
@lru_cache(maxsize=64)
def rules_for(config_yaml: str | None, base: str) -> tuple:
    data = load(config_yaml, "<inline config>") if config_yaml else None
    config = parse_config(data, Path(base) / ".copydesk.yml")
    return tuple(enabled_rules(config, load_styles(style_sources(config))))


def _line_matches(wants: list[Want], got: list[tuple[str, str, int]]) -> bool:
    """Exactly the expected findings: same multiset of ids, levels where given, columns where pinned."""
    left = list(got)
    # most specific expectations first
    for w in sorted(wants, key=lambda w: (w.column is None, w.level is None)):
        for i, (rule, level, col) in enumerate(left):
            same_level = w.level is None or w.level == level
            if rule == w.rule and same_level and (w.column is None or w.column == col):
                del left[i]
                break
        else:
            return False
    return not left


def _show_want(w: Want) -> str:
    return w.rule + (f":{w.level}" if w.level else "") + (f"@{w.column}" if w.column else "")


def check(path: Path) -> tuple[int, int, int, list[str], tuple[int, int, int, int]]:
    raw = path.read_bytes().decode("utf-8")
    raw = raw[1:] if raw.startswith("\ufeff") else raw
    exp = parse(raw, path.name)
    rules = rules_for(exp.config, str(path.parent))
    fmt = format_for(path.name) or "text"
    doc = make_document(str(path), exp.source, fmt)
    findings = lint_document(doc, rules)
    got: dict[int, list[tuple[str, str, int]]] = {}
    for f in findings:
        got.setdefault(f.line, []).append((f.rule_id, f.severity.label, f.column))
    enabled = {r.id for r in rules}
    unknown = sorted({w.rule for ws in exp.wants.values() for w in ws} - enabled)
    problems = [f"marker names a rule that is not enabled: {u}" for u in unknown]
    text_lines = [i for i, line in enumerate(exp.source.splitlines(), 1) if line.strip()]
    ok = marked = marked_ok = clean_ok = 0
    for n in text_lines:
        wants, have = exp.wants.get(n, []), got.get(n, [])
        marked += bool(wants)
        if _line_matches(wants, have):
            ok += 1
            marked_ok += bool(wants)
            clean_ok += not wants
        else:
            w = sorted(_show_want(x) for x in wants)
            g = sorted(f"{r}:{lv}@{c}" for r, lv, c in have)
            problems.append(f"{n}: expected {w} got {g}")
    stray = sorted(set(got) - set(text_lines))
    problems += [f"{n}: finding on a blank line {got[n]}" for n in stray]
    n_expect = sum(len(v) for v in exp.wants.values())
    return len(text_lines), n_expect, ok, problems, (marked_ok, marked, clean_ok, len(text_lines) - marked)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.txt"))
    total_lines = total_ok = 0
    for path in paths:
        lines, n_expect, ok, problems, (m_ok, m, c_ok, c) = check(path)
        total_lines += lines
        total_ok += ok
        pct = 100 * ok / lines if lines else 0
        print(f"== {path.name}: {lines} lines, {n_expect} expected findings, "
              f"{ok}/{lines} lines match exactly ({pct:.0f}%); "
              f"lines with findings expected {m_ok}/{m}, lines expected clean {c_ok}/{c}")
        for p in problems:
            print(f"   {p}")
    if len(paths) > 1:
        print(f"== total: {total_ok}/{total_lines} lines match ({100 * total_ok / max(total_lines, 1):.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
