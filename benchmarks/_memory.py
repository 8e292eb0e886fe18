"""Peak resident memory of this process and all its children (the analysis workers too).

Linux only (reads /proc); elsewhere the peak is reported as 0. Sampled by a thread every
50 ms, so a spike shorter than that can be missed: the figure is a floor, not a ceiling.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children() -> dict[int, list[int]]:
    """Every process's children, from a scan of all of /proc (where ``_own_children`` can't
    read a process's children directly)."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _own_children(pid: int) -> list[int] | None:
    """``pid``'s children from /proc/PID/task/*/children (Linux 3.5+): a few small reads
    instead of a scan of every process on the machine, which a sampler doing it 20 times a
    second paid for in CPU (counted in the import it measures, not in bare spaCy). None
    where the kernel does not offer the file."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    children: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as file:
                children += [int(child) for child in file.read().split()]
        except FileNotFoundError:
            if not os.path.exists(f"/proc/{pid}/task/{task}"):
                continue  # the thread ended meanwhile
            return None
        except OSError:
            continue
    return children


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(root: int | None = None) -> int:
    """Resident bytes of ``root`` (default: this process) and its descendants."""
    root = root or os.getpid()
    tree: dict[int, list[int]] | None = None
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        children = _own_children(pid) if tree is None else None
        if children is None:
            tree = tree if tree is not None else _children()
            children = tree.get(pid, [])
        todo += children
        total += _rss(pid)
    return total


class PeakMemory:
    """``with PeakMemory() as peak: ...`` then ``peak.mb``: the largest tree RSS seen."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            if Path("/proc/self/status").exists():
                self.peak = max(self.peak, tree_rss())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if Path("/proc/self/status").exists():
            self.peak = max(self.peak, tree_rss())

    @property
    def mb(self) -> float:
        return self.peak / 1e6
