"""Whether the article makes a person a man or a woman: so "he" never becomes a woman.

Only what the text states counts: an honorific written before a mention ("Ms. Warren",
"Mr. Peskov") or a gendered word in the role it gives ("spokeswoman Maria Zakharova",
"his wife Melania"). First names are not guessed from. A person given both is left unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop.analysis.entities import Entity

MALE, FEMALE = "m", "f"

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mme|Sir|Lady|Lord|Madam)\.?\s+$")
_HONORIFIC_GENDER = {"mr": MALE, "sir": MALE, "lord": MALE,
                     "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "mme": FEMALE,
                     "lady": FEMALE, "madam": FEMALE}
_ROLE_WORDS = {
    MALE: frozenset("""
        spokesman chairman congressman businessman councilman assemblyman alderman statesman
        anchorman husband father son brother king prince uncle nephew grandfather boyfriend
        """.split()),
    FEMALE: frozenset("""
        spokeswoman chairwoman congresswoman businesswoman councilwoman assemblywoman
        anchorwoman wife mother daughter sister queen princess aunt niece grandmother
        girlfriend actress lady
        """.split()),
}
#: The gender each personal pronoun refers to.
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}


def genders(text: str, people: Sequence[Entity], key: Callable[[str], str]) -> dict[str, str]:
    """Gender of each person (keyed by ``key(name)``) that the text makes clear."""
    seen: dict[str, set[str]] = {}
    for person in people:
        found = _stated(text, person)
        if found:
            seen.setdefault(key(person.name), set()).update(found)
    return {name: found.pop() for name, found in seen.items() if len(found) == 1}


def _stated(text: str, person: Entity) -> set[str]:
    found = set()
    words = person.text.split()
    honorific = _HONORIFIC.search(text[max(0, person.start - 8):person.start])
    if honorific is None and len(words) > 1:
        honorific = _HONORIFIC.search(words[0] + " ")  # the mention holds it: "Mr. Peskov"
    if honorific is not None:
        found.add(_HONORIFIC_GENDER[honorific.group(1).casefold()])
    for word in re.findall(r"[a-z]+", (person.role or "").casefold()):
        for gender, role_words in _ROLE_WORDS.items():
            if word in role_words:
                found.add(gender)
    return found
