"""Clipline: clip news articles, see their people and dates, build a sourced timeline.

The package is a UI-free core (``clipping``, ``analysis``, ``timeline``, ``brief``) under a
thin Qt shell (``ui``); ``db`` (beside it) stores everything in plain SQLite.
"""

__version__ = "0.1.0"
