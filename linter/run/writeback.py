"""Writing a fixed draft back to its file without losing anyone's text.

What an editor can count on (each proven in ``tests/test_writeback.py``):

- The new text goes to a temporary file in the same folder (flushed to disk),
  which then replaces the draft in one rename: a reader, or a crash at any
  moment, sees the whole old draft or the whole new one.
- A draft that changed after copydesk read it (size, modification time or
  content) is not written: another program's edit is never overwritten.
- A symbolic link stays a link: its target is fixed.
- A file with several hard links is rewritten in place, so every name keeps
  showing the same (fixed) text; so is a file whose owner or extended
  attributes the rename could not carry over. The new text is in the
  temporary file, safely on disk, before the draft is touched, and that file
  is kept should the process die during the rewrite.
- Mode, owner and extended attributes are kept; a read-only draft is refused
  unless ``force`` is given (and then stays read-only).
- Temporary files are named ``.<draft>.<random>.copydesk-tmp``: never a
  draft's extension, so a later run does not lint one a killed process left.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from linter.lib.textfiles import FileError, Origin, Stamp

TEMP_SUFFIX = ".copydesk-tmp"


def _changed(path: Path, stamp: Stamp) -> bool:
    try:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) != (stamp.size, stamp.mtime_ns):
            return True
        return Stamp.of(st, path.read_bytes()).digest != stamp.digest
    except OSError:
        return True


def _refuse_if_changed(path: str, target: Path, stamp: Stamp) -> None:
    if _changed(target, stamp):
        raise FileError(path, "not written: the file changed after copydesk read it "
                              "(another program wrote to it); run copydesk again")


def _carry_over(tmp: str, st: os.stat_result, target: Path) -> bool:
    """Give ``tmp`` the draft's mode, owner and extended attributes; False where that
    cannot be done (the draft is then rewritten in place instead)."""
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    if hasattr(os, "chown"):
        tmp_st = os.stat(tmp)
        if (tmp_st.st_uid, tmp_st.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                return False
    if hasattr(os, "listxattr"):
        try:
            for name in os.listxattr(target):
                os.setxattr(tmp, name, os.getxattr(target, name))
        except OSError:
            return False
    return True


def write_back(path: str, text: str, origin: Origin, *, force: bool = False) -> None:
    """Replace the draft at ``path`` (read with ``origin``) with ``text``.

    Raises :class:`FileError` (one line, nothing written) when the text cannot be encoded,
    the draft is read-only and ``force`` is not given, the draft changed since it was read,
    or writing fails.
    """
    try:
        data = origin.encoding.encode(text)
    except UnicodeEncodeError as exc:
        raise FileError(path, f"not written: a fix brings {exc.object[exc.start]!r}, "
                              f"which {origin.encoding.codec} cannot hold") from None
    target = Path(os.path.realpath(path))  # a symbolic link stays one: its target is fixed
    try:
        st = os.stat(target)
    except OSError as exc:
        raise FileError(path, f"cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise FileError(path, "not written: not a regular file")
    if not st.st_mode & stat.S_IWUSR and not force:
        raise FileError(path, f"not written: the file is read-only (mode {stat.S_IMODE(st.st_mode):04o}); "
                              "use --force to fix it anyway")
    if origin.stamp is not None:
        _refuse_if_changed(path, target, origin.stamp)
    with _interrupts_held():
        _replace(path, target, data, st, origin.stamp)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C (and SIGTERM) wait until the draft is written: it is then acted on, with
    the draft whole and no temporary file left."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _replace(path: str, target: Path, data: bytes, st: os.stat_result, stamp: Stamp | None) -> None:
    import tempfile  # here: only a fix that writes needs it

    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise FileError(path, f"cannot write: {exc.strerror or exc}") from None
    keep_tmp = False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        in_place = st.st_nlink > 1 or not _carry_over(tmp, st, target)
        if stamp is not None:  # once more, as close to the write as can be
            _refuse_if_changed(path, target, stamp)
        if in_place:
            keep_tmp = True  # until the draft holds the whole new text
            try:
                _rewrite(target, data, st)
            except OSError as exc:
                raise FileError(path, f"cannot write: {exc.strerror or exc}; the fixed text is "
                                      f"kept in {tmp}") from None
            keep_tmp = False
        else:
            os.replace(tmp, target)
    except OSError as exc:
        raise FileError(path, f"cannot write: {exc.strerror or exc}") from None
    finally:
        if not keep_tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _rewrite(target: Path, data: bytes, st: os.stat_result) -> None:
    """Overwrite the draft's own bytes (links, owner and attributes stay as they are).
    A read-only draft (``force``) gets write permission only for the moment it takes."""
    mode = stat.S_IMODE(st.st_mode)
    if not mode & stat.S_IWUSR:
        os.chmod(target, mode | stat.S_IWUSR)
    try:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        if not mode & stat.S_IWUSR:
            os.chmod(target, mode)
