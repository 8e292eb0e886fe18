"""Name keys: when two written names are the same name.

Case, diacritics, punctuation and the usual Latin spellings of names from other scripts
differ from outlet to outlet ("Zelensky", "Zelenskyy", "Zelenskiy"; "Sergei", "Sergey";
"Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi"; "Muammar", "Moammar"; "Mohammed", "Muhammad";
"Bashar al-Assad", "Bashar Assad"). A key folds those differences — by general rules of
romanisation (doubled letters, a silent h after a consonant, q for k, o for u and e for a
after the first syllable, the Arabic article), never a list of names — and nothing more: a
surname alone is never taken for a full name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


#: The Arabic article written before a name ("al-Assad", "el-Sisi", "Bashar al Assad").
_ARTICLE = re.compile(r"^(?:al|el|ul)-(?=\w{2})")
_ARTICLE_WORDS = frozenset({"al", "el", "ul"})
_VOWELS = "aeiouy"


def _sound(word: str) -> str:
    """One spelling for the romanisations of one sound pattern ("gadhafi", "qaddafi" ->
    "kadafi"; "moammar", "muammar" -> "muamar"). Short words keep their vowels and first
    letter: "Hong" and "Hung", "Gerry" and "Kerry" stay apart."""
    long = len(word) >= 5
    word = re.sub(r"(?<=[bdgkpt])h", "", word)  # dh, kh, gh, th, ph: a silent h
    word = word.replace("q", "k").replace("ck", "k")
    if long:
        word = re.sub(r"(?<=[aeiou])h$", "", word)  # "Abdullah", "Abdulla"
    word = re.sub(r"([a-z])\1+", r"\1", word)  # doubled letters
    word = word.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    if long:
        word = re.sub(r"(?<=[aeiou])z(?=[aeiou])", "s", word)  # "Elizabeth", "Elisabeth"
    if len(word) >= 6 and word[0] in "gk":
        word = "k" + word[1:]
    if long:
        word = word.replace("o", "u")
        first_vowel = next((i for i, c in enumerate(word) if c in _VOWELS), len(word))
        after = first_vowel
        while after < len(word) and word[after] in _VOWELS:
            after += 1
        word = word[:after] + word[after:].replace("e", "a")
    return word


def _fold_piece(word: str) -> str:
    """One word's key. A word of two letters or more keeps two: folding the ending of
    "Zelenskyy" must not make the Chinese given name "Yi" of "Guan Yi" an initial "Y"."""
    folded = word
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    folded = _sound(folded)
    return folded if len(folded) >= 2 or len(word) < 2 else word


def _fold_word(word: str) -> str:
    return "-".join(_fold_piece(piece) for piece in word.split("-"))


def _key_words(folded: str) -> list[str]:
    """The words of a folded name: the Arabic article dropped ("al-assad" -> "assad"; not
    the first name "Al" of "Al Gore"), hyphens between given names as spaces
    ("Carl-Henric Svanberg" = "Carl Henric Svanberg"); a hyphen in the last word stays
    ("Ban Ki-moon", "Leung Kwok-hung")."""
    words = folded.split()
    out: list[str] = []
    for index, word in enumerate(words):
        if index and word in _ARTICLE_WORDS and index < len(words) - 1:
            continue
        word = _ARTICLE.sub("", word)
        if index < len(words) - 1 and len(words) > 1:
            out += [w for w in word.split("-") if w]
        else:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key under which spellings of one name meet ("Zelenskyy" -> "zelensky",
    "Moammar Gadhafi" = "Muammar Gaddafi")."""
    name = strip_possessive(name.strip())
    parts = name_parts(name) or name.split()
    return " ".join(_fold_word(w) for w in _key_words(fold(" ".join(parts))))


@lru_cache(maxsize=65536)
def surname_key(key: str) -> str | None:
    """Last word of a multi-word key (one letter initials do not count as words). Cached:
    linking asks it of the same few keys hundreds of thousands of times in an import."""
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


@lru_cache(maxsize=65536)
def first_name_key(key: str) -> str | None:
    parts = [p for p in key.split() if len(p) > 1]
    return parts[0] if len(parts) >= 2 else None


def is_full(key: str) -> bool:
    return surname_key(key) is not None


def place_key(name: str) -> str:
    """One key for a place and its older or other spellings ("Kiev", "Kyiv")."""
    folded = fold(strip_possessive(name))
    return fold(PLACE_VARIANTS.get(folded, folded))
