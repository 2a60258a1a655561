"""A time limit on a block of code: how a user's pattern that RE2 cannot run is bounded.

Python's ``re`` checks for signals while it matches, so a timer signal (``SIGALRM``)
stops even a pattern that would backtrack for ever, and the exception it raises comes out
of the match. :func:`time_limit` arms the timer for a block and disarms it after,
restoring any timer that was running around it (the remaining time of an outer limit is
kept). Signals reach only the main thread, so elsewhere (a thread of a program that calls
``lint_text``), or where there is no ``SIGALRM`` (Windows), the block runs without a limit
and :func:`time_limit` says so. copydesk's own command line and its worker processes lint
in their main thread.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator


class TimeLimitExceeded(Exception):
    """The block ran past its time limit."""


def _expire(signum: int, frame: object) -> None:
    raise TimeLimitExceeded


def available() -> bool:
    """Whether a limit can be enforced here: a timer signal, in the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


# How many handler_held blocks are open: while one is, the handler is already in place.
_held = 0


@contextlib.contextmanager
def handler_held() -> Iterator[None]:
    """Keep the alarm handler in place through a block that runs many limits (a batch of
    drafts), and put the previous one back after: each :func:`time_limit` inside then only
    arms and disarms the timer. Installing and restoring a handler costs about ten times
    as much as arming the timer, once per draft for a rule that is not bundled."""
    global _held
    if not available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[bool]:
    """Raise :class:`TimeLimitExceeded` in the block once ``seconds`` have passed; yields
    whether the limit is enforced (see :func:`available`)."""
    if not available():
        yield False
        return
    started = time.monotonic()
    previous = None if _held else signal.signal(signal.SIGALRM, _expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        try:  # the alarm can still interrupt this line; the handler is put back whatever happens
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            if previous is not None:
                signal.signal(signal.SIGALRM, previous)
            if outer > 0:  # an outer limit: what was left of it, or at once if it ran out meanwhile
                signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-6))
