"""``copydesk rules``: the loaded rules, one line each."""

from __future__ import annotations

import argparse

from linter.cli.base import Command, Exit
from linter.cli.options import add_config_option, session_for


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)


def run(args: argparse.Namespace) -> int:
    session = session_for(args)
    for rule in session.rules:
        print(f"{rule.id:<32} {rule.kind:<14} {rule.level.label:<10} {rule.description.strip()}")
    return Exit.OK


COMMAND = Command("rules", "list the loaded rules", add_arguments, run)
