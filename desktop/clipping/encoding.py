"""Bytes to text: detect the encoding before giving up, and refuse binary data."""

from __future__ import annotations

import charset_normalizer

from desktop.clipping.errors import ClipError


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, *, what: str = "file") -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), else the best detected encoding."""
    if looks_binary(data):
        raise ClipError(f"{what} is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ClipError(f"{what} is not readable text (no text encoding fits it)")
    return str(best)
