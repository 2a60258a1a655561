"""Reading text files safely, for drafts and for rule and config files alike.

Only regular files are read (a FIFO would block, ``/dev/zero`` never ends), none
larger than a limit, and each is decoded strictly: by its byte-order mark, else
as UTF-8, else in a fallback encoding the user names. Every problem is a
:class:`FileError`, one line naming the file (and the byte and line where there
is one), so the other files are still read. What was read is stamped (size,
modification time, content hash) so that a writer can tell whether the file
changed since.
"""

import codecs
import os
import stat
from typing import NamedTuple

from linter.lib.digest import blake2b

BOM = "\ufeff"


# Byte-order marks, longest first (the UTF-32 LE mark starts like the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class FileError(Exception):
    """A file that could not be read or written: one line naming it. (Not a frozen
    dataclass: Python sets ``__traceback__`` on exceptions as they travel.)"""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Encoding(NamedTuple):
    """How a file's bytes became text, so that a fix writes it back the same way."""

    codec: str = "utf-8"
    bom: bool = False

    def encode(self, text: str) -> bytes:
        """The bytes of ``text``; ``UnicodeEncodeError`` if the codec cannot hold a character."""
        data = text.encode(self.codec)
        return (BOM.encode(self.codec) + data) if self.bom else data


UTF8 = Encoding()


# Files larger than this are refused before they are read (``--max-file-size``).
MAX_BYTES = 20 * 1024 * 1024


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class Stamp(NamedTuple):
    """What a file was when it was read: to tell, before writing it, whether it changed since."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> "Stamp":
        return cls(st.st_size, st.st_mtime_ns, blake2b(data, digest_size=16).hexdigest())


class Origin(NamedTuple):
    """Where a document's text came from: the encoding to write it back in, and the file's
    stamp when it was read (None for text that came from no file: stdin, the API)."""

    encoding: Encoding = UTF8
    stamp: Stamp | None = None


_NEWLINE = b"\n"


# Codecs of more than one byte per character: a bad byte has no line number.
_WIDE = {"utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}


def text_encoding(name: str) -> str:
    """The canonical name of a text codec (``latin-1`` -> ``iso8859-1``); ``LookupError`` if none."""
    "".encode(name)  # raises LookupError for unknown names and for bytes-only codecs (base64)
    return codecs.lookup(name).name


def decode(path: str, data: bytes, fallback: str | None = None) -> str:
    """The text of ``data`` (see :func:`decode_as`)."""
    return decode_as(path, data, fallback)[0]


def decode_as(path: str, data: bytes, fallback: str | None = None) -> tuple[str, Encoding]:
    """Decode a draft: by its byte-order mark (UTF-8, UTF-16, UTF-32), else as UTF-8, else as
    ``fallback`` when one is given. Refuses binary data (a NUL byte) and undecodable bytes."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            text = _strict(path, data[len(mark):], codec, len(mark))
            nul = text.find("\0")
            if nul >= 0:
                raise FileError(path, f"binary file (NUL character at offset {nul}), skipped")
            return text, Encoding(codec, bom=True)
    nul = data.find(b"\0")
    if nul >= 0:
        raise FileError(path, f"binary file (NUL byte at offset {nul}), skipped")
    if fallback is not None:
        try:
            return data.decode("utf-8"), UTF8
        except UnicodeDecodeError:
            return _strict(path, data, fallback, 0), Encoding(fallback)
    return _strict(path, data, "utf-8", 0), UTF8


def _strict(path: str, data: bytes, codec: str, skipped: int) -> str:
    """``data.decode(codec)``, or a :class:`FileError` naming the first bad byte and its line."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = "" if codec in _WIDE else f" (line {data.count(_NEWLINE, 0, exc.start) + 1})"
        bad = data[exc.start:exc.start + 1].hex().upper()
        name = _WIDE.get(codec, codec.upper())
        if skipped:
            hint = f"yet it starts with a {name} byte-order mark"
        elif codec == "utf-8":
            hint = "save the file as UTF-8, or name its encoding with --encoding"
        else:
            hint = f"is --encoding {codec} right?"
        raise FileError(path, f"not valid {name}: byte 0x{bad} at offset {skipped + exc.start}{line}; "
                              f"{hint}") from None


def _read_fd(fd: int, size: int, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of an open file, read in the chunks the system gives.

    The first read asks for the size the file has (plus one, to see that it grew):
    a buffered read of ``limit`` bytes would allocate, and give back, a buffer of the
    limit's size for every draft. A file that grew, or reports no size (``/proc``), is
    read on to the limit."""
    chunks = []
    wanted, got = size + 1, 0
    while got <= limit:
        chunk = os.read(fd, min(wanted, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        wanted = max(wanted - len(chunk), 1 << 16)
    return b"".join(chunks)


def read_bytes(path: str, limit: int = MAX_BYTES) -> tuple[bytes, Stamp]:
    """The bytes of a regular file no larger than ``limit``, and its stamp.

    Anything else (a folder, a FIFO, a device, a socket, a file over the limit) is a
    :class:`FileError` before a byte is read: a FIFO would block the run, a device such
    as ``/dev/zero`` never ends.
    """
    data, st = _read_regular(path, limit)
    return data, Stamp.of(st, data)


def read_regular(path: str, limit: int) -> bytes:
    """:func:`read_bytes` without the stamp (for a file that is never written back)."""
    return _read_regular(path, limit)[0]


def _read_regular(path: str, limit: int) -> tuple[bytes, os.stat_result]:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileError(path, "no such file") from None
    except OSError as exc:
        raise FileError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        for test, kind in _KINDS:
            if test(st.st_mode):
                raise FileError(path, f"is {kind}" if kind == "a directory"
                                else f"not a regular file ({kind}), skipped")
        if st.st_size > limit:
            raise FileError(path, f"too large ({st.st_size:,} bytes; the limit is {limit:,}: "
                                  "see --max-file-size), skipped")
        data = _read_fd(fd, st.st_size, limit)
    except OSError as exc:
        raise FileError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileError(path, f"too large (more than {limit:,} bytes: see --max-file-size), skipped")
    return data, st


def read_utf8(path: str, limit: int = MAX_BYTES) -> str:
    """A configuration or rule file's text (regular files only, UTF-8, a BOM allowed)."""
    return _strict(path, read_regular(path, limit).removeprefix(codecs.BOM_UTF8), "utf-8", 0)
