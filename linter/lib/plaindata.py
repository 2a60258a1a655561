"""Plain data to JSON and back, for files that other people may be able to write.

Only these types round-trip: ``None``, ``bool``, ``int``, ``float``, ``str``,
``list``, ``tuple``, ``dict``, ``set``, ``frozenset``, ``bytes``, dates and
times, and :class:`YamlMap` (a dict that knows the YAML line of each key). Anything
else is refused when writing (:class:`Unencodable`), and reading a document
that holds anything but those shapes raises :class:`ValueError`. Unlike
``pickle`` or ``marshal``, reading can build nothing but inert data, so a
tampered file can give wrong answers at worst, never run code.
"""

from __future__ import annotations

import array
import base64
import contextlib
import json
import sys
import zlib
from collections.abc import Callable
from typing import Any

_TAG = "$"
# Lists of this many ints or more (compiled regex programs, most of what a warm cache holds)
# are stored packed and compressed: about an eighth of the text base64 alone would make.
_PACK = 32
# What the packed ints of one document may inflate to, in all: as much as the largest file the
# cache reads, so that a small tampered file cannot ask for much more memory than a big one.
MAX_INFLATED = 64 << 20


class YamlMap(dict[str, Any]):
    """A mapping from YAML, with ``line`` (its own) and ``key_line(key)``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 0
        self.lines: dict[str, int] = {}

    def key_line(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def lowered(self) -> YamlMap:
        """The same mapping with lower-case keys (Vale matches keys case-insensitively)."""
        out = YamlMap({k.lower(): v for k, v in self.items()})
        out.line = self.line
        out.lines = {k.lower(): n for k, n in self.lines.items()}
        return out


class Unencodable(TypeError):
    """A value holds a type that this format does not carry."""


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        if len(value) >= _PACK and all(type(v) is int for v in value):
            with contextlib.suppress(OverflowError):  # an int outside 0..2**32-1: a plain list
                packed = array.array("I", value).tobytes()
                return {_TAG: "ints", "v": base64.b64encode(zlib.compress(packed)).decode("ascii")}
        return [_encode(v) for v in value]
    if isinstance(value, YamlMap):
        return {_TAG: "yamlmap", "k": [_encode(k) for k in value], "v": [_encode(v) for v in value.values()],
                "line": value.line, "lk": list(value.lines), "ln": list(value.lines.values())}
    if isinstance(value, dict) and type(value) is dict:
        return {_TAG: "dict", "k": [_encode(k) for k in value], "v": [_encode(v) for v in value.values()]}
    if isinstance(value, tuple) and type(value) is tuple:
        return {_TAG: "tuple", "v": [_encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {_TAG: "frozenset", "v": [_encode(v) for v in value]}
    if isinstance(value, set):
        return {_TAG: "set", "v": [_encode(v) for v in value]}
    if isinstance(value, bytes):
        return {_TAG: "bytes", "v": base64.b64encode(value).decode("ascii")}
    dt = sys.modules.get("datetime")  # a date exists only once its module is loaded: no import here
    if dt is not None and isinstance(value, dt.datetime):
        return {_TAG: "datetime", "v": value.isoformat()}
    if dt is not None and isinstance(value, dt.date):
        return {_TAG: "date", "v": value.isoformat()}
    raise Unencodable(f"cannot store a {type(value).__name__}")


def dumps(value: Any) -> str:
    """``value`` as JSON text; :class:`Unencodable` for a type outside the list above."""
    try:
        text = json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:  # NaN or infinity
        raise Unencodable("cannot store a float that is not finite") from None
    try:
        text.encode("utf-8")  # the file is UTF-8: a lone surrogate ("\\ud800" in a pattern) is not
    except UnicodeEncodeError:
        raise Unencodable("cannot store a lone surrogate") from None
    return text


def _items(obj: dict[str, Any]) -> list[Any]:
    items = obj["v"]
    if not isinstance(items, list):
        raise ValueError("malformed plain data")
    return items


def _mapping(obj: dict[str, Any], into: dict[Any, Any]) -> dict[Any, Any]:
    keys, values = obj["k"], _items(obj)
    if not isinstance(keys, list) or len(keys) != len(values):
        raise ValueError("malformed plain data")
    into.update(zip(keys, values, strict=False))
    return into


def _yamlmap(obj: dict[str, Any]) -> YamlMap:
    line, keys, numbers = obj["line"], obj["lk"], obj["ln"]
    if not (type(line) is int and isinstance(keys, list) and isinstance(numbers, list)
            and len(keys) == len(numbers) and all(isinstance(k, str) for k in (*keys, *obj["k"]))
            and all(type(n) is int for n in numbers)):
        raise ValueError("malformed plain data")
    result = YamlMap()
    _mapping(obj, result)
    result.line, result.lines = line, dict(zip(keys, numbers, strict=False))
    return result


def _string(obj: dict[str, Any]) -> str:
    text = obj["v"]
    if not isinstance(text, str):
        raise ValueError("malformed plain data")
    return text


def _inflate(data: bytes, limit: int) -> bytes:
    """``data`` decompressed, if it is one whole zlib stream of at most ``limit`` bytes."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit) if limit > 0 else b""
    except zlib.error:
        raise ValueError("malformed plain data: packed ints") from None
    if not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
        raise ValueError("malformed plain data: packed ints (truncated, or too large)")
    return out


def _ints(data: bytes) -> list[int]:
    if len(data) % 4:
        raise ValueError("malformed plain data: packed ints")
    packed = array.array("I")
    packed.frombytes(data)
    return packed.tolist()


def _datetime() -> Any:
    """The datetime module, imported only for a file that holds a date (a start reads none)."""
    import datetime

    return datetime


_DECODERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "yamlmap": _yamlmap,
    "dict": lambda obj: _mapping(obj, {}),
    "tuple": lambda obj: tuple(_items(obj)),
    "frozenset": lambda obj: frozenset(_items(obj)),
    "set": lambda obj: set(_items(obj)),
    "bytes": lambda obj: base64.b64decode(_string(obj), validate=True),
    "datetime": lambda obj: _datetime().datetime.fromisoformat(_string(obj)),
    "date": lambda obj: _datetime().date.fromisoformat(_string(obj)),
}


class _Decoder:
    """The objects of one document, which may inflate :data:`MAX_INFLATED` bytes in all."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = MAX_INFLATED

    def ints(self, obj: dict[str, Any]) -> list[int]:
        data = _inflate(base64.b64decode(_string(obj), validate=True), self.left)
        self.left -= len(data)
        return _ints(data)

    def __call__(self, obj: dict[str, Any]) -> Any:
        tag = obj.get(_TAG)
        decoder = self.ints if tag == "ints" else _DECODERS.get(tag) if isinstance(tag, str) else None
        if decoder is None:
            raise ValueError("malformed plain data: unknown object")
        try:
            return decoder(obj)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed plain data: {exc}") from None


def loads(text: str | bytes) -> Any:
    """The value :func:`dumps` wrote; :class:`ValueError` for anything else."""
    try:
        return json.loads(text, object_hook=_Decoder())
    except RecursionError:
        raise ValueError("malformed plain data: nested too deeply") from None
