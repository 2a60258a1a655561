"""The ``copydesk`` command's entry point (and ``python -m linter``'s).

Garbage collection waits while the command-line package is imported: importing makes many
objects and almost no garbage, and each collection would walk them all (see
:func:`linter.cli.base.settling`, which in this process goes on to freeze them). Ctrl-C
while starting is as quiet as Ctrl-C later on.
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    try:
        from linter.cli import main as run
        from linter.cli.base import own_process
    except KeyboardInterrupt:
        return 130  # as linter.cli.base.Exit.INTERRUPTED, which is not imported yet
    finally:
        gc.enable()
    own_process()
    return run()
