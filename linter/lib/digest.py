"""BLAKE2b without OpenSSL: ``hashlib`` loads the OpenSSL library on import, about 6 ms of
a draft's cold start. CPython's own BLAKE2 module is always built, and BLAKE2b hashes the
long patterns whose digests name cache files about three times as fast as SHA-256."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hashlib import blake2b
else:
    try:
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b

__all__ = ["blake2b"]
