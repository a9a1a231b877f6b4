"""Who may open a store: one writer, or any number of readers.

An Oxigraph database on disk may be written by one process at a time, and a
read-only open while another process writes is undefined. :class:`StoreLock`
takes an advisory lock on a file in the store's directory before the database
is opened: exclusive for a writer, shared for readers, never waiting. When the
lock is held by another process the error names that process, so the user
knows what to wait for.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sys
from pathlib import Path

from kg.errors import StoreInUseError

__all__ = ["LOCK_FILE", "StoreInUseError", "StoreLock"]

logger = logging.getLogger(__name__)

#: Name of the lock file inside a store's directory.
LOCK_FILE = "geokg.lock"


class StoreLock:
    """An advisory lock on a store directory, released by :meth:`release` or at exit.

    Parameters
    ----------
    directory
        The store's directory (it must exist).
    exclusive
        True for a writer; False for a reader, which shares the lock with other readers.
    wait
        Block until the lock is free instead of failing at once.

    Raises
    ------
    StoreInUseError
        When another process holds the lock and ``wait`` is False.
    """

    def __init__(self, directory: str | Path, *, exclusive: bool, wait: bool = False):
        self.path = Path(directory) / LOCK_FILE
        self.exclusive = exclusive
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(self._fd, mode if wait else mode | fcntl.LOCK_NB)
        except BlockingIOError:
            holders = _holders(self._fd) or self._recorded_holder()
            os.close(self._fd)
            self._fd = None
            who = " and ".join(f"process {pid} ({_command(pid)})" for pid in holders) or "another process"
            purpose = "write to" if exclusive else "read"
            raise StoreInUseError(
                f"{directory}: the store is in use by {who}; wait for it to finish before you "
                f"{purpose} the store, or give another --store"
            ) from None
        if exclusive:
            os.ftruncate(self._fd, 0)
            os.write(self._fd, f"{os.getpid()}\n".encode())

    def _recorded_holder(self) -> list[int]:
        """The writer's pid as it wrote it into the lock file (when /proc/locks cannot say)."""
        try:
            text = self.path.read_text().strip()
        except OSError:
            return []
        return [int(text)] if text.isdigit() else []

    def release(self) -> None:
        """Give the lock up; the store must be closed first."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:
        self.release()


def _holders(fd: int) -> list[int]:
    """Pids of the other processes that hold a lock on the file of ``fd`` (Linux)."""
    if not sys.platform.startswith("linux"):
        return []
    status = os.fstat(fd)
    device = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    pids: list[int] = []
    try:
        with open("/proc/locks", encoding="ascii") as locks:
            for line in locks:
                fields = line.split()
                # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
                if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == device:
                    pid = int(fields[4])
                    if pid != os.getpid() and pid not in pids:
                        pids.append(pid)
    except (OSError, ValueError):
        return []
    return pids


def _command(pid: int) -> str:
    """The command line of a process, shortened, or ``"unknown"``."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "unknown"
    words = [Path(w).name if i == 0 else w for i, w in enumerate(raw.decode("utf-8", "replace").split("\0")) if w]
    if len(words) > 1 and words[0].startswith("python"):
        words = words[1:]
        words[0] = Path(words[0]).name
    text = " ".join(" ".join(words).split())
    return text if len(text) <= 60 else text[:57] + "..."
