"""What messages and reports show of the user's data: values cut short, file names quoted.

A rule or config file can hold a huge value (a megabyte string, a list that aliases
expand), and an error message that echoed it whole would be that big. :func:`brief`
gives a ``repr`` of at most about 80 characters however large or deep the value is.

A file name is bytes; one that is not valid UTF-8 reaches Python with its odd bytes as
lone surrogates, which no UTF-8 output can carry (SARIF failed, JSON came out as invalid
UTF-8). :func:`quote_path` shows such a name as git does with ``core.quotePath``: in
double quotes, each byte outside printable ASCII as a three-digit octal escape
(``"caf\\351.txt"``); a name that prints as it is stays as it is. :func:`printable` does
the same for the odd bytes of a name inside a message.
"""

from __future__ import annotations

import os
import re
import reprlib
from typing import Any

_C_ESCAPES = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r",
              34: '\\"', 92: "\\\\"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _bytes(name: str) -> bytes:
    """A name's bytes (its odd bytes came back as surrogates), whatever the platform."""
    try:
        return os.fsencode(name)
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass")


def quote_path(path: str) -> str:
    """``path`` as it is when every character of it prints, else quoted as git quotes it."""
    if path.isprintable():
        return path
    out = []
    for byte in _bytes(path):
        if byte in _C_ESCAPES:
            out.append(_C_ESCAPES[byte])
        elif 0x20 <= byte < 0x7F:
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def printable(text: str) -> str:
    """``text`` with each odd byte of a file name in it as an octal escape (``\\351``)."""
    return _SURROGATE.sub(lambda m: "".join(f"\\{b:03o}" for b in _bytes(m.group())), text)


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
