"""Files geokg writes: checked before work starts, written atomically, one writer at a time.

Every file geokg writes (graphs, HTML views) goes through :func:`atomic_write`:
the bytes go to a temporary file in the same folder, which is flushed, synced
to disk and renamed over the target, so a reader sees the old file or the new
one, never a part. The temporary file exists only while the bytes are being
written (the content is prepared in memory first); if a process is killed in
that moment, the next write to the same file removes what it left.

:class:`OutputLock` keeps two processes from writing one output at once: the
second fails at once with "in use by process N" instead of silently replacing
the first one's work. The lock is a small file beside the output
(``.NAME.lock``, holding the writer's process id), removed when the writer
finishes; one left by a killed process is taken over and removed by the next
writer.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with OutputLock(folder / "graph.ttl"):
...     _ = atomic_write(folder / "graph.ttl", b"<a> <b> <c> .\\n")
>>> sorted(p.name for p in folder.iterdir())
['graph.ttl']
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from kg.errors import OutputError, OutputInUseError

__all__ = ["atomic_stream", "atomic_write", "check_writable", "OutputLock", "temporary_files"]

logger = logging.getLogger(__name__)

_TEMPORARY_SUFFIX = ".tmp"
_TEMPORARY_TAG = ".geokg-"


def _temporary_pattern(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(f".{path.name}{_TEMPORARY_TAG}") + r"(\d+)-[^/]*" + re.escape(_TEMPORARY_SUFFIX))


def temporary_files(path: str | Path) -> list[Path]:
    """The temporary files of writes to `path` that are in progress or were interrupted."""
    path = Path(path)
    pattern = _temporary_pattern(path)
    try:
        return sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _remove_leftovers(path: Path) -> None:
    """Remove temporary files of `path` whose writing process no longer runs."""
    pattern = _temporary_pattern(path)
    for leftover in temporary_files(path):
        match = pattern.fullmatch(leftover.name)
        pid = int(match.group(1)) if match else 0
        if pid != os.getpid() and not _alive(pid):
            try:
                leftover.unlink()
                logger.info("removed %s, left by interrupted process %d", leftover, pid)
            except OSError:
                pass


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def check_writable(path: str | Path) -> Path:
    """Check, without leaving anything behind, that a file can be written at `path`.

    The nearest existing folder on the way to `path` must be a folder in which
    this process can create files (tried for real, so permissions, access lists
    and read-only file systems all count); `path` itself must not be a folder.

    Raises
    ------
    OutputError
        Naming `path` and what to change.

    Examples
    --------
    >>> check_writable("/proc/graph.ttl")
    Traceback (most recent call last):
    ...
    kg.errors.OutputError: /proc/graph.ttl: cannot write in /proc (...); choose a folder you can write to
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of a file to write, e.g. {path / 'graph.ttl'}")
    folder = path.parent
    while not folder.exists():
        if folder == folder.parent:
            break
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: {folder} is a file, not a folder; choose another output location")
    try:
        descriptor, probe = tempfile.mkstemp(
            prefix=f".{path.name}{_TEMPORARY_TAG}{os.getpid()}-", suffix=_TEMPORARY_SUFFIX, dir=folder
        )
    except OSError as error:
        raise OutputError(
            f"{path}: cannot write in {folder} ({_reason(error)}); choose a folder you can write to"
        ) from None
    os.close(descriptor)
    os.unlink(probe)
    return path


def atomic_write(path: str | Path, content: bytes | str | Iterable[bytes], *, mode: int | None = None) -> Path:
    """Replace the file at `path` with `content`, whole or not at all.

    Parameters
    ----------
    path
        The file to write; missing folders are created.
    content
        The complete content (text is written as UTF-8), or an iterable of byte
        chunks. Preparing the content before the call keeps the moment in which a
        temporary file exists as short as possible.
    mode
        Permission bits of the new file; by default those of the file it replaces,
        else ``0o666`` less the umask.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    OutputError
        When the folder or file cannot be written (the old file is then unchanged).
    """
    chunks = (
        [content.encode("utf-8")]
        if isinstance(content, str)
        else ([content] if isinstance(content, (bytes, bytearray, memoryview)) else content)
    )
    with atomic_stream(path, mode=mode) as stream:
        for chunk in chunks:
            stream.write(chunk)
    return Path(path)


@contextlib.contextmanager
def atomic_stream(path: str | Path, *, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace the file at `path` when the block ends without an error.

    For content too large to prepare in memory (a store's export): the
    temporary file exists while the block runs. An exception in the block
    leaves the old file and removes the temporary one.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> with atomic_stream(target) as stream:
    ...     _ = stream.write(b"<a> <b> <c> .\\n")
    >>> target.read_bytes()
    b'<a> <b> <c> .\\n'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"{path}: cannot create the folder {path.parent} ({_reason(error)}); choose a folder you can write to"
        ) from None
    _remove_leftovers(path)
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}{_TEMPORARY_TAG}{os.getpid()}-", suffix=_TEMPORARY_SUFFIX, dir=path.parent
        )
    except OSError as error:
        raise OutputError(
            f"{path}: cannot write in {path.parent} ({_reason(error)}); choose a folder you can write to"
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(
                f"{path}: cannot write the file ({_reason(error)}); "
                "the previous file is unchanged; free space or choose another location"
            ) from None
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class OutputLock:
    """Hold an output file for this process until the block ends.

    Parameters
    ----------
    path
        The output file (which need not exist yet).

    Raises
    ------
    OutputInUseError
        On entry, at once, when another process holds the same output.
    OutputError
        When the lock file cannot be created beside the output.
    """

    _held: set[Path] = set()

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(f".{self.path.name}.lock")
        self._descriptor: int | None = None

    def _in_use(self, pid: int | None) -> OutputInUseError:
        who = f"process {pid}" if pid else "another process"
        return OutputInUseError(
            f"{self.path}: in use by {who} (another geokg run is writing it); "
            "wait until it has finished, or write to another file",
            pid,
        )

    def acquire(self) -> OutputLock:
        key = self.path.resolve()
        if key in OutputLock._held:
            raise self._in_use(os.getpid())
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"{self.path}: cannot create the folder {self.path.parent} "
                f"({_reason(error)}); choose a folder you can write to"
            ) from None
        while True:
            try:
                descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise OutputError(
                    f"{self.path}: cannot create the lock file {self.lock_path} "
                    f"({_reason(error)}); choose a folder you can write to"
                ) from None
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                holder = _read_pid(descriptor)
                os.close(descriptor)
                if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise self._in_use(holder) from None
                raise OutputError(f"{self.path}: cannot lock {self.lock_path} ({_reason(error)})") from None
            # The previous holder removes the file before it lets go: if the name now
            # points elsewhere (or nowhere), this lock is on a dead file; try again.
            try:
                same = os.path.samestat(os.fstat(descriptor), os.stat(self.lock_path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(descriptor)
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode("ascii"))
        self._descriptor = descriptor
        OutputLock._held.add(key)
        return self

    def release(self) -> None:
        if self._descriptor is None:
            return
        try:
            self.lock_path.unlink(missing_ok=True)
        finally:
            os.close(self._descriptor)
            self._descriptor = None
            OutputLock._held.discard(self.path.resolve())

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.release()


def _read_pid(descriptor: int) -> int | None:
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
