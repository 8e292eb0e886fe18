"""The session lock: every process with the library open holds it, so restore knows.

``restore`` once swapped the file between two transactions of a running import, which went
on writing into the file moved aside and reported "stored". Now every ``Library`` on a file
holds a shared ``fcntl`` lock on ``<library>.lock`` beside it for as long as it is open (the
window's for its whole session); ``restore`` takes the lock exclusively, and when it can't,
names the holders: each writes its pid and command line into the lock file.

Without ``fcntl`` (Windows) the lock is not taken; restore then relies on SQLite's own check.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from db.errors import LibraryError

#: How long opening waits for a restore to finish before saying so.
OPEN_WAIT_SECONDS = 10.0
_POLL = 0.05


def lock_path(library_path: Path) -> Path:
    return Path(str(library_path) + ".lock")


def this_command() -> str:
    """This process as a reporter would recognise it, printable, on one line."""
    argv = list(sys.argv) or ["python"]
    if argv[0].endswith(("__main__.py", "clipline", "Clipline")):
        argv[0] = "clipline"  # `python -m desktop ...` or the packaged app
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", "?", " ".join(argv))[:200]


def open_session(library_path: Path) -> SessionLock:
    """The shared lock a ``Library`` holds while open (its folder is made first, if need be)."""
    library_path = Path(library_path)
    if library_path.is_dir():
        raise LibraryError(f"{library_path} is a folder, not a library file")
    if library_path.exists() and not library_path.is_file():
        raise LibraryError(f"{library_path} is not a library file (a device or a pipe, not a file)")
    try:
        library_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"cannot open {library_path}: {error.strerror or error}") from error
    return SessionLock(library_path)


class SessionLock:
    """A shared (or, for restore, exclusive) lock on ``<library>.lock``; a context manager."""

    def __init__(self, library_path: Path, *, exclusive: bool = False) -> None:
        self.path = lock_path(Path(library_path))
        self.exclusive = exclusive
        self.fd: int | None = None
        self.acquire()

    def acquire(self) -> None:
        if fcntl is None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return  # a read-only folder: nothing can write the library there anyway
        try:
            if self.exclusive:
                if not _try(fd, fcntl.LOCK_EX):
                    raise InUseError(self.path, holders(self.path))
                os.ftruncate(fd, 0)
                os.write(fd, _line())
            else:
                self._share(fd)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def _share(self, fd: int) -> None:
        assert fcntl is not None
        # Alone: clear what dead holders left, then share. Not alone: join the others.
        if _try(fd, fcntl.LOCK_EX):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, _line())
            fcntl.flock(fd, fcntl.LOCK_SH)
            return
        deadline = time.monotonic() + OPEN_WAIT_SECONDS
        while not _try(fd, fcntl.LOCK_SH):
            if time.monotonic() > deadline:
                raise LibraryError(
                    f"{self.path.with_suffix('')} is being restored by another program; "
                    "try again when it has finished"
                )
            time.sleep(_POLL)
        with open(self.path, "ab") as handle:
            handle.write(_line())

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = None

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class InUseError(LibraryError):
    """Restore could not take the lock: ``holders`` are the (pid, command) that hold it."""

    def __init__(self, path: Path, holders: list[tuple[int, str]]) -> None:
        library = path.with_suffix("") if path.suffix == ".lock" else path
        if holders:
            who = "; ".join(f"pid {pid}: {command}" for pid, command in holders[:5])
        else:
            who = "another program"
        super().__init__(f"{library} is in use by {who}; close it and try again")
        self.holders = holders


def holders(path: Path) -> list[tuple[int, str]]:
    """Processes named in the lock file that are still running (dead ones left lines behind)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found: list[tuple[int, str]] = []
    for line in text.splitlines():
        pid_text, _, command = line.partition(" ")
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        if _alive(int(pid_text)) and (int(pid_text), command) not in found:
            found.append((int(pid_text), command))
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _line() -> bytes:
    return f"{os.getpid()} {this_command()}\n".encode()


def _try(fd: int, kind: int) -> bool:
    assert fcntl is not None
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
