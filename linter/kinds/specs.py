"""Types of rule and config keys: each spec checks a YAML value and returns it typed.

A spec raises :class:`ValueError` with a short reason; the caller adds the
file, line and key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from linter.lib.cache import compile_pattern
from linter.lib.regexes import compile_user
from linter.lib.shown import brief

Spec = Callable[[Any], Any]


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {_type_name(value)}")
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_type_name(value)}")
    return value


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {_type_name(value)}")
    return value


_SIZE = compile_pattern(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def size(value: Any) -> int:
    """A number of bytes: ``20000000``, ``20MB``, ``500 KiB``, ``1.5G`` (units of 1,024)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    m = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if m is None or float(m.group(1)) <= 0:
        raise ValueError(f"expected a size such as 20MB or 500KB, got {brief(value)}")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {_type_name(value)}")
    return float(value)


def string_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise ValueError(f"expected a list of strings, got {_type_name(value)}")
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"expected a list of strings, found {_type_name(item)} {brief(item)}")
    return tuple(value)


def string_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of strings, got {_type_name(value)}")
    for key, item in value.items():
        if not isinstance(item, str):
            raise ValueError(f"value of {brief(key)} must be a string, got {_type_name(item)}")
    return dict(value)


def one_of(*choices: str) -> Spec:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {brief(value)}")
        return str(value)

    return check


def regex(value: Any) -> str:
    """A pattern that compiles with Python's ``re`` and cannot backtrack catastrophically."""
    text = string(value)
    try:
        compile_user(text)
    except (re.error, RecursionError) as exc:
        raise ValueError(f"bad regular expression {brief(text)}: {exc}") from None
    return text


def tag_conditions(value: Any) -> tuple[tuple[str, str], ...]:
    """``tagged``: a Penn tag pattern for every hit, or a mapping of the words a hit may be
    (a pattern matched against its whole text, in any case) to the tag pattern one of its
    words must carry; each a pattern that compiles."""
    pairs = [("", value)] if isinstance(value, str) else list(string_map(value).items())
    if not pairs:
        raise ValueError("expected a tag pattern or a non-empty mapping of words to tag patterns")
    for words, tags in pairs:
        for text in (words, tags) if words else (tags,):
            regex(text)
    return tuple(pairs)


def any_value(value: Any) -> Any:
    return value
