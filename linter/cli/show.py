"""``check --show-config``: the configuration a run would use, as YAML, and where it came from."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator

from linter.cli.options import listed
from linter.lib.textfiles import MAX_BYTES
from linter.model.version import __version__
from linter.run.session import Session


def _flow(value: object) -> str:
    """A value in YAML flow style (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def show_config(session: Session, args: argparse.Namespace) -> Iterator[str]:
    """The resolved configuration: every setting with its value (defaults included), the
    command line's additions, and each enabled rule with its level."""
    config = session.config
    if config.path is not None:
        origin = f"from {config.path}"
    elif args.no_config:
        origin = "the built-in defaults (--no-config)"
    else:
        origin = "the built-in defaults (no .copydesk.yml here or in a parent folder)"
    yield f"# copydesk {__version__}: the configuration `copydesk check` uses here, {origin}"
    yield f"config-file: {_flow(str(config.path) if config.path else None)}"
    yield f"styles: {_flow(list(dict.fromkeys(r.style for r in session.ruleset.rules)))}"
    yield f"fail-on: {_flow(args.fail_on or config.fail_on or 'error')}"
    quote_style = config.settings.get("quote-style")
    comment = "" if quote_style else "   # none: each story is held to the marks it mostly uses"
    yield f"quote-style: {_flow(quote_style)}{comment}"
    yield f"prefer: {_flow(list(config.settings.get('prefer', ())))}"
    yield f"vocab: {_flow(list(config.vocab))}"
    yield f"ignore: {_flow(list(config.ignore))}   # paths, relative to {config.root}"
    yield f"exclude: {_flow(list(listed(args.exclude)))}   # --exclude, relative to the current folder"
    yield f"max-file-size: {_flow(args.max_file_size or config.max_file_size or MAX_BYTES)}   # bytes"
    yield f"select: {_flow(list(config.select))}   # --select"
    yield f"ignore-rules: {_flow(list(config.deselect))}   # --ignore"
    yield "per-file:" + (" {}" if not config.per_file else "")
    for glob, settings in config.per_file:
        yield f"  {_flow(glob)}: {{{', '.join(f'{p}: {s}' for p, s, _ in settings)}}}"
    enabled = {r.id: r for r in session.rules}
    yield f"rules:   # {len(enabled)} of the {len(session.ruleset.rules)} loaded rules run"
    for rule in session.ruleset.rules:
        level = enabled[rule.id].level.label if rule.id in enabled else "off"
        yield f"  {rule.id}: {level}"
