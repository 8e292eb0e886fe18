"""A happening's sentence as a bullet that stands alone: ``desktop.timeline.bullets`` (the
timeline layer stores each sentence's bullet length for the brief, so the rules live there)."""

from __future__ import annotations

from desktop.timeline.bullets import bullet_length, clean_bullet

__all__ = ["bullet_length", "clean_bullet"]
