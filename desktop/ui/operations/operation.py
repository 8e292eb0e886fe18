"""``Operation``: one thing the reporter does to the library, as the window's writer runs it.

Two plain functions of a writable ``Library`` (do, and undo when it can be taken back), what
the undo stack calls it, which views it changes and what the status bar says once it is made.
They run on the one writer thread with its own connection, each in one transaction; the window
itself only reads (Anki's ``CollectionOp`` with its ``OpChanges``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.library import Library
from desktop.ui.changes import Changed

Change = Callable[[Library], Any]


@dataclass(frozen=True)
class Operation:
    text: str  # on the undo stack, and in what a failure says ("Hide event failed: …")
    do: Change
    undo: Change | None  # None: nothing to take back (it is not put on the undo stack)
    changed: Changed
    done: str = ""  # said in the status bar once it is stored
