"""``copydesk explain ID``: one rule's documentation, with its examples."""

from __future__ import annotations

import argparse

from linter.cli.base import Command, Exit, fail
from linter.cli.options import add_config_option, session_for
from linter.run.pipeline import fixed_examples


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule")
    add_config_option(parser)


def run(args: argparse.Namespace) -> int:
    session = session_for(args)
    rule = session.ruleset.get(args.rule)
    if rule is None:
        return fail(f"no loaded rule {args.rule!r} (see `copydesk rules`)")
    from linter.report.docs import explain

    print(explain(rule, fixed_examples(rule)))
    return Exit.OK


COMMAND = Command("explain", "describe one rule, with its examples", add_arguments, run)
