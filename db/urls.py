"""The key that spots the same page twice by its URL (stored in ``articles.url_key``)."""

from __future__ import annotations

import re


def normalise_url(url: str | None) -> str | None:
    """The form of a URL used to spot the same page twice (no fragment, no trailing slash)."""
    if not url:
        return None
    url = url.strip().split("#", 1)[0]
    url = re.sub(r"^http://", "https://", url, flags=re.I)
    return url.rstrip("/") or None
