"""What messages show of the user's data: values cut short.

A rule or config file can hold a huge value (a megabyte string, a list that aliases
expand), and an error message that echoed it whole would be that big. :func:`brief`
gives a ``repr`` of at most about 80 characters however large or deep the value is.
"""

from __future__ import annotations

import reprlib
from typing import Any


class _Brief(reprlib.Repr):
    """``reprlib`` with mappings of any dict type (a ``YamlMap``) shown as dicts, not by
    their full ``repr``."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = 60
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 4
        self.maxlevel = 2

    def repr1(self, x: Any, level: int) -> str:
        if isinstance(x, dict) and type(x) is not dict:
            return self.repr_dict(x, level)
        return super().repr1(x, level)


_BRIEF = _Brief()
LIMIT = 80


def brief(value: Any) -> str:
    """``repr(value)``, cut to about 80 characters (``'abc...xyz'``, ``[1, 2, ...]``)."""
    shown = _BRIEF.repr(value)
    return shown if len(shown) <= LIMIT else shown[:LIMIT - 3] + "..."
