"""``copydesk rules``: the rules, one line each (or JSON), optionally filtered."""

from __future__ import annotations

import argparse
import fnmatch
import json
from collections.abc import Iterator, Sequence

from linter.cli.base import Command, Exit, fail, print_lines
from linter.cli.options import add_config_options, known_rules, session_for
from linter.model.rule import Rule

DESCRIPTION = """List the rules the config runs (with --all, every bundled rule too, 'off' where
it does not run): id, level, kind and the first sentence of its description, one line each,
cut to the terminal's width. FILTER keeps the rules whose id or style it names, matches as a
glob (Bias.*), or appears in (label), ignoring case."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("filters", nargs="*", metavar="FILTER",
                        help="rule ids, style names, globs (Bias.*) or parts of ids, in any case")
    parser.add_argument("--all", action="store_true",
                        help="every bundled rule and every rule of the config's styles, enabled or not")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one line per rule (default); json: every field of every rule")
    add_config_options(parser)


def _wanted(rule: Rule, filters: Sequence[str], styles: set[str]) -> bool:
    """A filter that names a style or an id picks just that; a glob matches ids; anything
    else is looked for inside ids."""
    if not filters:
        return True
    rule_id, style = rule.id.casefold(), rule.style.casefold()
    for f in (f.casefold() for f in filters):
        if f in (style, rule_id):
            return True
        if f not in styles and any(c in f for c in "*?[") and fnmatch.fnmatchcase(rule_id, f):
            return True
        if f not in styles and not any(c in f for c in "*?[") and f in rule_id:
            return True
    return False


def _lines(rules: Sequence[Rule], enabled: dict[str, Rule], width: int) -> Iterator[str]:
    id_width = max((len(r.id) for r in rules), default=0)
    kind_width = max((len(r.kind) for r in rules), default=0)
    from linter.report.docs import summary  # only for this command: check starts without it

    for rule in rules:
        level = enabled[rule.id].level.label if rule.id in enabled else "off"
        line = f"{rule.id:<{id_width}}  {level:<10}  {rule.kind:<{kind_width}}  {summary(rule)}".rstrip()
        yield line if len(line) <= width else line[:width - 1] + "…"


def _json(rules: Sequence[Rule], enabled: dict[str, Rule]) -> str:
    from linter.report.docs import rule_file

    return json.dumps([{
        "id": rule.id, "style": rule.style, "kind": rule.kind,
        "level": enabled[rule.id].level.label if rule.id in enabled else rule.level.label,
        "enabled": rule.id in enabled, "fixable": rule.fixable,
        "description": " ".join(rule.description.split()), "source": " ".join(rule.source.split()),
        "link": rule.link, "file": rule_file(rule),
    } for rule in rules], ensure_ascii=False)


def run(args: argparse.Namespace) -> int:
    session = session_for(args)
    enabled = {r.id: r for r in session.rules}
    every = known_rules(session)[0] if args.all else list(session.rules)
    styles = {r.style.casefold() for r in every}
    rules = [r for r in every if _wanted(r, args.filters, styles)]
    if not rules:
        return fail(f"no rule matches {' '.join(args.filters)!r} (see `copydesk rules --all`)")
    if args.format == "json":
        print_lines([_json(rules, enabled)])
    else:
        import shutil  # here: importing it costs every other command

        print_lines(_lines(rules, enabled, shutil.get_terminal_size((100, 24)).columns))
    return Exit.OK


COMMAND = Command("rules", "list the rules, one line each", add_arguments, run, DESCRIPTION)
