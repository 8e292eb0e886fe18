"""Bytes to text: detect the encoding before giving up, and refuse binary data."""

from __future__ import annotations

import codecs

import charset_normalizer

from desktop.clipping.errors import ClipError

#: Byte-order marks of the UTF-16/32 text Windows tools save ("Unicode" in Notepad): such
#: files are full of NUL bytes, yet text. UTF-32 first (its LE mark begins with UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _wide_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not text."""
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            data = data[:8192].decode(wide, errors="ignore").encode("utf-8")
        except UnicodeError:
            return True
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, *, what: str = "file") -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), else the best detected encoding."""
    if looks_binary(data):
        raise ClipError(f"{what} is binary, not text")
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as error:
            raise ClipError(f"{what} is not readable text (broken {wide.upper()})") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ClipError(f"{what} is not readable text (no text encoding fits it)")
    # Short Western European text fits several code pages equally well (French came out as
    # cp1250: "à Genève" -> "ŕ Genčve"); among equals, Windows-1252 is by far the commonest.
    for match in matches:
        if (match.chaos, match.coherence) == (best.chaos, best.coherence) and match.encoding == "cp1252":
            return str(match)
    return str(best)
