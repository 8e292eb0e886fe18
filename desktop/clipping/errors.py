"""Errors a clip can fail with; each carries the one line the reporter sees."""

from __future__ import annotations


class ClipError(Exception):
    """An input that cannot become an article. ``str(error)`` is the reason, one line."""
