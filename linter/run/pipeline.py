"""One document through the whole pipeline: the one place a document is linted and fixed.

:func:`lint_one` runs the rules (through the engine's prefilter), then the
suppression comments, then changed-lines mode. :func:`fix_one` is the one fix
loop: safe fixes applied pass after pass, suppression honoured, until nothing
changes. The command line, the parallel workers, the public API and the rule
documentation all call these two.
"""

from collections.abc import Sequence
from typing import NamedTuple

from linter.analysis import Analysis
from linter.engine import suppress
from linter.engine.fixes import apply, choose, steady
from linter.engine.lint import Engine
from linter.lib.shown import quote_path
from linter.lib.textfiles import MAX_BYTES
from linter.markup import make_document
from linter.model.document import Document
from linter.model.findings import Finding
from linter.model.rule import Rule
from linter.run.changes import Repository, touching

MAX_FIX_PASSES = 8


class RunOptions(NamedTuple):
    """How each input is handled.

    ``fix``: apply the safe fixes before linting (``check --fix``, ``fix``); ``diff``: with
    ``fix``, make a unified diff instead of writing; ``force``: fix read-only files too;
    ``lint``: report findings (``fix`` alone does not); ``encoding``: the fallback codec of
    files that are not UTF-8; ``changes``: report only lines changed since a revision;
    ``whole``: keep each draft's whole source in its result (for ``--format html``).
    """

    report_unused: bool = False
    changes: Repository | None = None
    max_bytes: int = MAX_BYTES
    encoding: str | None = None
    fix: bool = False
    diff: bool = False
    force: bool = False
    lint: bool = True
    whole: bool = False


DEFAULTS = RunOptions()


def lint_one(doc: Document, engine: Engine, known_ids: Sequence[str],
             options: RunOptions = DEFAULTS, problems: list[str] | None = None) -> list[Finding]:
    """The findings of ``doc``: rules, then suppression comments (``known_ids`` are the
    loaded rule ids a comment may name), then changed-lines mode. ``problems`` collects
    rules stopped by their time limit (without it, the first is raised)."""
    return lint_analysed(doc, engine, known_ids, options, problems)[0]


def lint_analysed(doc: Document, engine: Engine, known_ids: Sequence[str],
                  options: RunOptions = DEFAULTS,
                  problems: list[str] | None = None) -> tuple[list[Finding], Analysis]:
    """:func:`lint_one`'s findings, and the analysis of ``doc`` they were judged by (the
    audit asks it the voice of each finding)."""
    found, an = engine.analyse(doc, problems)
    found = steady(doc, suppress.apply(doc, found, known_ids, options.report_unused))
    if options.changes is not None and doc.path != "-":
        found = touching(found, options.changes.changed_lines(doc.path))
    return found, an


def fix_one(doc: Document, engine: Engine, known_ids: Sequence[str],
            problems: list[str] | None = None) -> tuple[str, int]:
    """The source with every safe fix applied (pass after pass until nothing changes), and
    how many fixes were applied. Suppression comments are honoured; changed-lines mode does
    not limit fixes. ``problems``: as for :func:`lint_one`."""
    source, applied = doc.source, 0
    for _ in range(MAX_FIX_PASSES):
        fixes = choose(steady(doc, suppress.apply(doc, engine.lint(doc, problems), known_ids)))
        if not fixes:
            break
        source = apply(source, fixes)
        applied += len(fixes)
        doc = make_document(doc.path, source, doc.fmt)
    return source, applied


def fixed_examples(rule: Rule) -> tuple[str | None, ...]:
    """Each of ``rule``'s fail examples as ``copydesk fix`` rewrites it with that rule alone
    (None: nothing to fix), for the rule's documentation."""
    engine = Engine([rule])
    out: list[str | None] = []
    for example in rule.examples.fail:
        fixed, count = fix_one(make_document("example.txt", example, "text"), engine, [rule.id])
        out.append(fixed if count else None)
    return tuple(out)


def unified_diff(path: str, old: str, new: str) -> str:
    import difflib  # only --fix with a diff needs it

    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        quote_path(f"a/{path}"), quote_path(f"b/{path}")))
