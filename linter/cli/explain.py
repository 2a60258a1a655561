"""``copydesk explain ID``: one rule's documentation, with its examples."""

from __future__ import annotations

import argparse

from linter.cli.base import Command, Exit, fail, print_lines
from linter.cli.options import add_config_options, known_rules, session_for
from linter.kinds import KINDS, describe
from linter.lib.shown import brief
from linter.lib.suggest import did_you_mean
from linter.run.pipeline import fixed_examples

DESCRIPTION = """Describe one rule: why it exists, its source, how it treats quotations and
attributed speech, whether fix applies it, its message, examples and options. Any bundled
rule, or a rule of the config's own styles, enabled or not; the id in any case. Given the
name of a rule kind (`copydesk explain sequence`), describe the kind and its keys."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", help="a rule id, such as Bias.Labels (any case), or a rule kind "
                        "(sequence)")
    add_config_options(parser)


def run(args: argparse.Namespace) -> int:
    session = session_for(args)
    rules, problems = known_rules(session)
    wanted = args.rule.casefold()
    rule = next((r for r in rules if r.id.casefold() == wanted), None)
    if rule is None and wanted in KINDS:
        print_lines([describe(wanted)])
        return Exit.OK
    if rule is None:
        broken = [p for p in problems if wanted.split(".")[0] in str(p).casefold()]
        if broken:  # its style could not be loaded here (a missing optional package)
            return fail(str(broken[0]))
        hint = did_you_mean(args.rule, [r.id for r in rules])
        return fail(f"no rule or rule kind {brief(args.rule)}{hint} (see `copydesk rules --all`)")
    from linter.report.docs import explain

    print_lines([explain(rule, fixed_examples(rule))])
    return Exit.OK


COMMAND = Command("explain", "describe one rule, with its examples", add_arguments, run, DESCRIPTION)
