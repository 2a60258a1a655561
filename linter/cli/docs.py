"""``copydesk docs OUTDIR``: a Markdown page per bundled rule, and an index."""

from __future__ import annotations

import argparse
from pathlib import Path

from linter.cli.base import Command, Exit, fail
from linter.config.loader import bundled_dir, bundled_styles, load_styles
from linter.config.project import DEFAULT_STYLES
from linter.run.pipeline import fixed_examples


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", type=Path)


def run(args: argparse.Namespace) -> int:
    """Render every bundled style (opt-in ones too), whatever the project's config says."""
    from linter.report.docs import GENERATED, render_pages

    outdir: Path = args.outdir
    rules = load_styles([(s, bundled_dir() / s) for s in bundled_styles()]).rules
    pages = render_pages(rules, DEFAULT_STYLES, {r.id: fixed_examples(r) for r in rules})
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        for old in outdir.glob("*.md"):  # pages of rules since removed; never hand-written files
            if old.name not in pages and old.read_text(encoding="utf-8").startswith(GENERATED):
                old.unlink()
        for name, text in pages.items():
            (outdir / name).write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        return fail(f"cannot write docs to {outdir}: {exc.strerror or exc}")
    print(f"wrote {len(pages)} pages to {outdir}")
    return Exit.OK


COMMAND = Command("docs", "write a Markdown page per bundled rule, and an index", add_arguments, run)
