"""The Qt window: the only package that imports PySide6. Start-up is in ``app``.

PySide6 is pinned to 6.11.3: 6.12.0 drops a reference to ``None``/``True`` on every void call
and emit under CPython 3.11, which aborts the interpreter after some thousands of calls
(tests/ui/test_refcounts.py guards against a version with that bug coming back).
"""

__all__ = ["app"]
