"""English short forms of given names: "Bob" is a Robert, "Bill" a William, "Tony" an Anthony.

News writes one person both ways ("BP managing director Bob Dudley", "managing director
Robert Dudley"), and no spelling rule relates the two. The standard diminutives are general
knowledge of English, like the weekdays, so they are a small table; whether a Bob and a
Robert of one surname are one person is still the library's evidence to decide (linking
asks for a shared role or shared company in the articles), since two people may well be
called Bob Smith and Robert Smith.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.people.name_keys import name_key

#: Full given name -> its usual short forms (prefix shortenings such as Ken/Kenneth or
#: Ed/Edward are found by rule and need not be here).
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "Abraham": ("Abe",),
    "Albert": ("Al", "Bert"),
    "Alexander": ("Alex", "Sandy"),
    "Alfred": ("Al", "Alf", "Fred"),
    "Andrew": ("Andy", "Drew"),
    "Anthony": ("Tony",),
    "Barbara": ("Barb",),
    "Benjamin": ("Ben",),
    "Bradley": ("Brad",),
    "Catherine": ("Cathy", "Kate", "Katie"),
    "Charles": ("Charlie", "Chuck", "Chas"),
    "Christopher": ("Chris", "Kit"),
    "Daniel": ("Dan", "Danny"),
    "David": ("Dave", "Davy"),
    "Deborah": ("Deb", "Debbie"),
    "Donald": ("Don", "Donny"),
    "Douglas": ("Doug",),
    "Edward": ("Ed", "Eddie", "Ted", "Teddy", "Ned"),
    "Elizabeth": ("Liz", "Beth", "Betty", "Lizzie", "Eliza"),
    "Eugene": ("Gene",),
    "Francis": ("Frank",),
    "Frederick": ("Fred", "Freddie"),
    "Gerald": ("Gerry", "Jerry"),
    "Gregory": ("Greg",),
    "Harold": ("Harry", "Hal"),
    "Henry": ("Harry", "Hank"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "Jeffrey": ("Jeff",),
    "Jennifer": ("Jen", "Jenny"),
    "John": ("Jack", "Johnny"),
    "Jonathan": ("Jon",),
    "Joseph": ("Joe", "Joey"),
    "Joshua": ("Josh",),
    "Katherine": ("Kathy", "Kate", "Katie"),
    "Kenneth": ("Ken", "Kenny"),
    "Lawrence": ("Larry",),
    "Leonard": ("Len", "Lenny"),
    "Margaret": ("Maggie", "Meg", "Peggy", "Marge"),
    "Matthew": ("Matt",),
    "Michael": ("Mike", "Mick", "Mickey"),
    "Nathaniel": ("Nate",),
    "Nicholas": ("Nick",),
    "Patricia": ("Pat", "Patty", "Trish"),
    "Patrick": ("Pat", "Paddy"),
    "Peter": ("Pete",),
    "Philip": ("Phil",),
    "Raymond": ("Ray",),
    "Rebecca": ("Becky",),
    "Richard": ("Dick", "Rick", "Rich", "Ricky", "Richie"),
    "Robert": ("Bob", "Bobby", "Rob", "Robbie", "Bert"),
    "Ronald": ("Ron", "Ronnie"),
    "Samuel": ("Sam",),
    "Stanley": ("Stan",),
    "Stephen": ("Steve",),
    "Steven": ("Steve",),
    "Susan": ("Sue", "Susie"),
    "Terence": ("Terry",),
    "Theodore": ("Ted", "Teddy", "Theo"),
    "Thomas": ("Tom", "Tommy"),
    "Timothy": ("Tim",),
    "Victoria": ("Vicky",),
    "Vincent": ("Vince",),
    "Walter": ("Walt",),
    "William": ("Bill", "Billy", "Will", "Willie", "Liam"),
}


@lru_cache(maxsize=1)
def _forms_by_key() -> dict[str, frozenset[str]]:
    """Each given name's key -> the keys of the full names it is (itself included)."""
    out: dict[str, set[str]] = {}
    for full, shorts in SHORT_FORMS.items():
        full_key = name_key(full)
        out.setdefault(full_key, set()).add(full_key)
        for short in shorts:
            out.setdefault(name_key(short), set()).add(full_key)
    return {k: frozenset(v) for k, v in out.items()}


def same_given_name(a: str, b: str) -> bool:
    """Two given-name keys that are one name in its full and short forms ("bob", "rubart"),
    or two short forms of one full name ("bob", "bobby"); different names are not."""
    if a == b:
        return True
    forms = _forms_by_key()
    return bool(forms.get(a, frozenset()) & forms.get(b, frozenset()))


def is_given_name(key: str) -> bool:
    """A common English given name or short form ("mataw" of "Matthew", "bob")."""
    return key in _forms_by_key()
