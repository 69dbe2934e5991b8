"""Write output files all at once or not at all.

Every file lapekg writes goes through here: the data goes to a temporary
file next to the target (``.name.XXXXXXXX.tmp``, same folder so the rename
stays on one file system), is flushed and fsynced, and only then renamed
over the target with :func:`os.replace`, which is atomic. So a build that
fails, is interrupted, or is killed with SIGKILL leaves the previous output
byte for byte as it was; at worst a stray ``.tmp`` file remains, which later
writes ignore (each picks a fresh random name).

The new file keeps the permission bits of the file it replaces; a new
target gets ``0o644`` less the process umask, as ``open()`` would give it.
Ownership is not copied (only root could). When the target is a symbolic
link, the file it points to is replaced and the link kept.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from graph_builder.errors import OutputError

_NEW_FILE_MODE = 0o644
_ATTEMPTS = 100


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb", *,
                encoding: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file that replaces ``path`` when the block ends without error.

    ``mode`` is ``"wb"`` (bytes) or ``"w"`` (text, UTF-8 unless ``encoding``
    says otherwise, ``\\n`` written as is on every platform). If the block
    raises, the temporary file is removed, the target is untouched and the
    exception propagates. Failing to create, sync or rename the file raises
    :class:`OutputError`.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_open mode must be 'wb' or 'w', not {mode!r}")
    target = _target(Path(path))
    fd, temp = _create_temp(target)
    try:
        if mode == "wb":
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline="")
        with handle:
            yield handle
            _sync(handle, target)
        _replace(temp, target)
    except BaseException:
        _remove(temp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_open(path, "wb") as handle:
        _write(handle, data, path)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` encoded (UTF-8 by default), newlines as given."""
    atomic_write_bytes(path, text.encode(encoding))


def _target(path: Path) -> Path:
    """The file to replace: a symbolic link's destination rather than the link."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _create_temp(target: Path) -> tuple[int, Path]:
    """Create ``.name.XXXXXXXX.tmp`` beside ``target`` with the mode the result should have."""
    try:
        existing = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        existing = None
    except OSError as err:
        raise OutputError(target, err.strerror or str(err)) from None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            # The kernel applies the umask to a new file's mode, as for open().
            fd = os.open(temp, flags, _NEW_FILE_MODE)
        except FileExistsError:
            continue
        except OSError as err:
            raise OutputError(target, err.strerror or str(err)) from None
        if existing is not None:
            try:
                os.chmod(temp, existing)
            except OSError:
                pass  # a file system without permissions (FAT on a USB stick)
        return fd, temp
    raise OutputError(target, "cannot create a temporary file beside it")


def _write(handle: IO[bytes], data: bytes, path: str | os.PathLike[str]) -> None:
    try:
        handle.write(data)
    except OSError as err:
        raise OutputError(path, err.strerror or str(err)) from None


def _sync(handle: IO[Any], target: Path) -> None:
    try:
        handle.flush()
        os.fsync(handle.fileno())
    except OSError as err:
        raise OutputError(target, err.strerror or str(err)) from None


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except OSError as err:
        raise OutputError(target, err.strerror or str(err)) from None
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)
