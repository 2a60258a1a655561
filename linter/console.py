"""The ``copydesk`` command's entry point (and ``python -m linter``'s).

Garbage collection waits while the command-line package is imported: importing makes many
objects and almost no garbage, and each collection would walk them all (see
:func:`linter.cli.base.settling`, which in this process goes on to freeze them). Ctrl-C
while starting is as quiet as Ctrl-C later on.

When the command is done and only exiting would follow, the process ends without tearing
the interpreter down (:func:`_end`): freeing every module and object one by one, and
collecting them a last time, is about 3% of a one-draft check and of no use to a process
that is ending.
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
    return _end(run())


def _end(code: int) -> int:
    """Exit with ``code`` now, once the exit handlers have run (the cache is written by one)
    and stdout and stderr are flushed, when nothing but exiting would follow
    (:func:`_only_exit_follows`); else, or when flushing fails, return ``code``, for the
    caller to go on or the interpreter to report the error on its way out, as usual."""
    import atexit
    import os

    if not (_only_exit_follows() and _flushed()):
        return code
    atexit._run_exitfuncs()
    _flushed()  # what an exit handler printed
    os._exit(code)


def _only_exit_follows() -> bool:
    """True when :func:`main` was called by copydesk's own entry script (the console script,
    or ``python -m linter``), which imports it as ``main`` and exits with what it returns,
    and no other thread runs (the interpreter would wait for it). A program that runs the
    entry point in its own process (runpy, a test runner) goes on as before."""
    import sys

    script = sys.modules.get("__main__")
    threading = sys.modules.get("threading")
    return getattr(script, "main", None) is main and (threading is None or threading.active_count() == 1)


def _flushed() -> bool:
    import sys

    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True
