"""Size caps on what Clipline accepts: beyond these an input is refused with a clear message,
so a huge or hostile file can't freeze the app or fill the disk."""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024  # any single file
MAX_HTML_BYTES = 20 * 1024 * 1024  # a saved page or a fetched URL
MAX_TEXT_CHARS = 2_000_000  # cleaned article text (≈ 300,000 words, far beyond any article)
MAX_LINE_CHARS = 200_000  # one line of text; longer ones are refused as not article text
URL_TIMEOUT_SECONDS = 15.0
MAX_JSONL_LINE_BYTES = 16 * 1024 * 1024  # one JSON Lines record (one article and its fields)


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"
