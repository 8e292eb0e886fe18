"""The Qt window: the only package that imports PySide6. Start-up is in ``app``.

Importing the package first guards against PySide6 6.12's reference-count bug on CPython
3.11 (see ``refcounts``), before any widget code runs.
"""

from desktop.ui.refcounts import guard as _guard

_guard()
