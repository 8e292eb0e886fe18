"""Name keys: when two written names are the same name.

Case, diacritics, punctuation and the usual Latin spellings of Cyrillic names differ from
outlet to outlet ("Zelensky", "Zelenskyy", "Zelenskiy"; "Sergei", "Sergey"; "Alexei",
"Aleksey"). A key folds those differences and nothing more: it never joins two different
surnames, and a surname alone is never taken for a full name.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.analysis.entities.names import name_parts, strip_possessive

_NON_WORD = re.compile(r"[^\w\s-]|_", re.UNICODE)
_FOLDS = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?:yy|iy|ij|yi|ii)$"), "y"),
    (re.compile(r"(?<=[bcdfghklmnprstvz])i$"), "y"),
    (re.compile(r"e[ij]$"), "ey"),
    (re.compile(r"(?<=[aeiou])j(?=[aeiou])"), "y"),
)

#: Current English names of places also written in an older or other form ("Kiev").
PLACE_VARIANTS = {
    "kiev": "Kyiv",
    "kyiv": "Kyiv",
    "kharkov": "Kharkiv",
    "kharkiv": "Kharkiv",
    "odessa": "Odesa",
    "odesa": "Odesa",
    "lvov": "Lviv",
    "lviv": "Lviv",
    "nikolaev": "Mykolaiv",
    "mykolaiv": "Mykolaiv",
    "zaporozhye": "Zaporizhzhia",
    "zaporizhzhia": "Zaporizhzhia",
    "bombay": "Mumbai",
    "calcutta": "Kolkata",
    "madras": "Chennai",
    "peking": "Beijing",
    "burma": "Myanmar",
    "ceylon": "Sri Lanka",
    "swaziland": "Eswatini",
}


def fold(text: str) -> str:
    """Lower case, no diacritics, no punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("’", "'").replace("'", "")
    bare = _NON_WORD.sub(" ", bare.replace("‐", "-").replace("–", "-"))
    bare = re.sub(r"(?<!\w)-|-(?!\w)", " ", bare)
    return " ".join(bare.casefold().split())


def _fold_word(word: str) -> str:
    for pattern, replacement in _FOLDS:
        word = pattern.sub(replacement, word)
    return word


def name_key(name: str) -> str:
    """The key under which spellings of one name meet ("Zelenskyy" -> "zelensky")."""
    name = strip_possessive(name.strip())
    parts = name_parts(name) or name.split()
    return " ".join(_fold_word(w) for w in fold(" ".join(parts)).split())


def surname_key(key: str) -> str | None:
    """Last word of a multi-word key (one letter initials do not count as words)."""
    parts = [p for p in key.split() if len(p) > 1]
    return parts[-1] if len(parts) >= 2 else None


def family_name_keys(key: str) -> set[str]:
    """Keys a surname alone may take for this full name: its last word, and its first word
    when the name is written family name first ("Leung Kwok-hung": a hyphenated given name
    last)."""
    last = surname_key(key)
    if last is None:
        return set()
    keys = {last}
    parts = key.split()
    if "-" in parts[-1] and len(parts) == 2:
        keys.add(parts[0])
    return keys


def middles_agree(mine: list[str], theirs: list[str]) -> bool:
    """No middle name on one side, or the same ones (an initial agrees with its name):
    "George W. Bush" and "George H. W. Bush" do not agree."""
    if not mine or not theirs:
        return True
    if len(mine) != len(theirs):
        return False
    return all(a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
               for a, b in zip(mine, theirs, strict=True))


def first_name_key(key: str) -> str | None:
    parts = [p for p in key.split() if len(p) > 1]
    return parts[0] if len(parts) >= 2 else None


def is_full(key: str) -> bool:
    return surname_key(key) is not None


def place_key(name: str) -> str:
    """One key for a place and its older or other spellings ("Kiev", "Kyiv")."""
    folded = fold(strip_possessive(name))
    return fold(PLACE_VARIANTS.get(folded, folded))
