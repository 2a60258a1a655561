"""SHA-256 without OpenSSL: ``hashlib`` loads the OpenSSL library on import, about 6 ms of
a draft's cold start; CPython's own SHA-256 module gives the same digests."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha256 import sha256  # CPython 3.10 and 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256

__all__ = ["sha256"]
