"""A guard against a reference-counting bug in PySide6 6.12 on CPython 3.11.

With this PySide6, every void Qt method called from Python (``painter.save()``,
``label.setText()``) gives back ``None`` without taking a reference, ``signal.emit()`` does
the same with ``True``, and a ``QVariant`` that converts to ``None`` (``index.data()``,
``combo.currentData()``) too. CPython 3.12+ makes these singletons immortal, so the bug is
harmless there; on 3.11 their counts run down until the interpreter aborts ("deallocating
None") after some thousands of calls — mid-scroll, or at exit.

``guard()`` probes for the bug and, only if it is there, makes ``None``, ``True`` and
``False`` effectively immortal the way 3.12 does: by adding 2**40 to their reference counts
(they are static objects that are never freed; only the count that triggers the abort moves).
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_guarded = False


def leaks() -> bool:
    """Whether a void Qt call from Python steals a reference to ``None`` here."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 5


def guard() -> bool:
    """Make the singletons immortal if this PySide6 leaks them; returns whether it did."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _guarded
    if not leaks():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    _guarded = True
    return True
