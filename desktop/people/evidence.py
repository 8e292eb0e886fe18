"""Library-wide evidence about a name: is it a person at all, and where does its span end.

One article can be wrong about a name; the library rarely is. A name the library elsewhere
tags as a place or an organisation, or writes after "in" ("fighting in Misrata"), is not a
person; nor is a weekday or a month, nor a word the library writes in lower case ("Tanks",
"Despite") unless it is some person's name; nor God ("the Lord God", "Ezekiel God"): a
word for God in a span makes it no person's name. A span that glues a sentence-initial
common word, an outlet or a place to a known name ("Following Obama", "Reuters Gaddafi",
"Gadhafi Thursday", "Sydney Morning Herald Obama") is cut back to the name. Votes are
counted over all mentions, the way the document-level passes vote within one article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlite_utils import Database

from db import people as store
from desktop.analysis.entities.roles import is_title_word
from desktop.people.given_names import is_given_name
from desktop.people.name_keys import is_full as is_full_key
from desktop.people.name_keys import name_key

#: Days and months: never a person's whole name ("Tuesday", "June"). "May" is a surname too.
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun january february march april june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

#: Words for God, never part of a person's name in news ("the Lord God said"); a closed class
#: of words like the weekdays. "Lord" alone is a title ("Lord Browne"), so it is not here.
DEITY_WORDS = frozenset("god allah almighty yahweh jehovah".split())

#: Words before a place, not before a person ("in Misrata", "outside Brega").
_LOCATIVE = re.compile(
    r"\b(?:in|near|into|outside|across|around|inside|towards?)\s+(?:the\s+)?"
    r"(?:(?:town|city|port|village|region|province|district|oil town|capital) of\s+)?$"
)
_POSSESSIVE_NEXT = re.compile(r"^['’]s?\b")
#: Words before a plural noun, not before a name ("many Britons", "two Haitians").
_QUANTIFIER = re.compile(
    r"\b(?:the|many|some|most|all|few|several|other|fellow|\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens of|hundreds of|thousands of|millions of|million|billion|first|"
    r"more|fewer|those|these|ordinary)\s+$", re.IGNORECASE)
#: A name joined to another by "and"/"or" is of the same kind ("Tamiflu and Relenza",
#: "Moody's and Fitch").
_JOINED_BEFORE = re.compile(r"([A-Z][\w-]+)(?:['’]s)? (?:and|or|&) $")
_JOINED_AFTER = re.compile(r"^ (?:and|or|&) ([A-Z][\w-]+)")
#: Common nouns that say what kind of thing the name after them is: an organisation
#: ("investment bank Credit Suisse", "rating agency Fitch", "tour operators including
#: Thomas Cook", "charity Action Aid") or a place or craft ("the state of Nuevo Leon", "slums
#: such as Cite Soleil", "the research ship Thomas Jefferson"). Lower case only: "Secretary
#: of State Hillary Clinton" is a title; and no comma between: "a breeder in a Beijing
#: suburb, Li Wei" names a person.
_ORG_NOUNS = (
    "bank banks agency agencies firm firms company companies charity charities insurer "
    "insurers operator operators airline airlines lender lenders broker brokers brokerage "
    "retailer retailers broadcaster broadcasters newspaper newspapers organisation "
    "organisations organization organizations consultancy"
).split()
_PLACE_NOUNS = (
    "state states province provinces city cities town towns village villages slum slums "
    "suburb suburbs district districts region regions island islands county counties "
    "neighbourhood neighborhood municipality ship ships carrier vessel vessels warship"
).split()
_KIND_BEFORE = re.compile(
    r"(?<![\w-])(" + "|".join(_ORG_NOUNS + _PLACE_NOUNS) + r")\s+"
    r"(?:(?:of|such as|including|like)\s+)?(?:the\s+)?$"
)
#: A place named by where someone is from ("Barbara Jones from Milton Keynes") or what is
#: based there ("a Milton Keynes-based charity").
_FROM_AFTER_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][\w'’-]+,? from $")
_BASED_AFTER = re.compile(r"^-based\b")
#: First words of ships' names ("USS Carl Vinson", "HMS Ocean") and of place names
#: ("Ciudad Juarez", "San Luis Potosi", "Fort Lauderdale", "Mount Everest"): generic words
#: of a closed class, like the weekdays, never a person's given name in news.
SHIP_PREFIXES = frozenset("uss hms hmcs hmas rfa usns".split())
PLACE_FIRST_WORDS = frozenset(
    "ciudad puerto porto port fort mount mt lake cape san santa santo sao".split())
#: Words only a person is called by, before the name ("Mr Fitch", "Dr Chan").
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Prof)\.? $")
_NON_PERSON_LABELS = ("PLACE", "ORG", "NORP")
#: Common nouns of sites and what befalls them that a name can modify ("the Piper Alpha
#: platform disaster", "the Deepwater Horizon rig"): such a name is a site's, not a person's.
#: People's names modify other nouns ("the Obama administration"), not these.
_THING_AFTER = re.compile(
    r"^\s+(?:oil\s*)?(?:platform|platforms|rig|rigs|oilrig|oilrigs|disaster|explosion|blowout|"
    r"spill|refinery|pipeline|reactor|tanker|oilfield|airliner)\b")
#: What only a person is after the name ("X, who", "X said he", "X and his wife").
_PERSON_AFTER = re.compile(r"\b(?:who|he|she|his|her|him|himself|herself)\b", re.IGNORECASE)


#: What opens a sentence before a name (``starts_sentence``, ``Evidence._only_opening``).
_SENTENCE_ENDS = ("\n", ".", "!", "?", ":", "|", "-", "—")
_OPENING_PUNCTUATION = " \t\"“‘'("


def mention_context(before: str, after: str, role: str | None) -> str:
    """What the words around one person mention say of it, whatever name it has, as one
    code stored with the mention (so the library's vote on a name counts codes instead of
    reading every article that names it): the vote it casts ("called" by an honorific,
    "locative", "ORG", "PLACE", or "" for none), "1" if a pronoun or "who" follows, and,
    for a mention that casts none, "q" after a quantifier and the names joined to it by
    "and"/"or" (whose kind the library decides later); then "1" if a role is written beside
    it and "1" if it opens a sentence. Fields are joined by "|".
    """
    kind = _KIND_BEFORE.search(before)
    possessive = bool(_POSSESSIVE_NEXT.match(after))
    if _HONORIFIC_BEFORE.search(before):
        vote = "called"
    elif _LOCATIVE.search(before) and not possessive:
        vote = "locative"
    elif kind and not possessive:
        vote = "ORG" if kind.group(1) in _ORG_NOUNS else "PLACE"
    elif _FROM_AFTER_NAME.search(before) or _BASED_AFTER.match(after):
        vote = "locative"
    elif _THING_AFTER.match(after):  # "the Piper Alpha oilrig disaster"
        vote = "PLACE"
    else:
        vote = ""
    quantifier = joined_before = joined_after = ""
    if not vote:
        quantifier = "q" if _QUANTIFIER.search(before) else ""
        if match := _JOINED_BEFORE.search(before):
            joined_before = match.group(1)
        if match := _JOINED_AFTER.match(after):
            joined_after = match.group(1)
    opening = before[-4:].rstrip(_OPENING_PUNCTUATION)
    opens = not opening or opening.endswith(_SENTENCE_ENDS)
    return "|".join((vote, "1" if _PERSON_AFTER.search(after) else "", quantifier,
                     joined_before, joined_after, "1" if role is not None else "",
                     "1" if opens else ""))


def is_calendar_word(word: str) -> bool:
    return word.rstrip(".").casefold() in CALENDAR_WORDS


def is_deity_word(word: str) -> bool:
    return word.strip(".,'’").casefold() in DEITY_WORDS


def starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 4) : position].rstrip(_OPENING_PUNCTUATION)
    return not before or before.endswith(_SENTENCE_ENDS)


@dataclass
class Evidence:
    """Cached look-ups of the library while linking (one article or a whole rebuild)."""

    db: Database
    _votes: dict[str, Counter[str]] = field(default_factory=dict)
    _word_votes: dict[str, Counter[str]] = field(default_factory=dict)
    _lower: dict[str, int] = field(default_factory=dict)
    _given: set[str] = field(default_factory=set)
    _context: dict[str, Counter[str]] = field(default_factory=dict)
    _called: dict[str, bool] = field(default_factory=dict)
    _org_unopposed: dict[str, bool] = field(default_factory=dict)

    def contexts(self, key: str) -> Counter[str]:
        """How many person mentions of a name key stand in each context (``mention_context``),
        in the order of their first mention (the first kind met wins a tie in ``_context``)."""
        found: dict[str, list[int]] = {}
        stored_before_context = False
        for context, count, first in store.mention_contexts(self.db, key):
            if context is None:
                stored_before_context = True
            else:
                found[context] = [count, first]
        for mention_id, before, after, role in (
                store.mentions_without_context(self.db, key) if stored_before_context else ()):
            seen = found.setdefault(mention_context(before, after, role), [0, mention_id])
            seen[0] += 1
            seen[1] = min(seen[1], mention_id)
        return Counter({context: count for context, (count, _) in
                        sorted(found.items(), key=lambda item: item[1][1])})

    def votes(self, key: str) -> Counter[str]:
        """Labels of a name key across the library, "in X" contexts counted as places."""
        if key not in self._votes:
            votes = store.label_votes(self.db, key)
            locative = plural = 0
            joined: Counter[str] = Counter()
            called = person_after = role = False
            for context, count in self.contexts(key).items():
                vote, after_person, quantifier, before_name, after_name, with_role, _ = (
                    context.split("|"))
                person_after |= bool(after_person)
                role |= bool(with_role)
                if vote == "called":
                    called = True
                elif vote == "locative":
                    locative += count
                elif vote:
                    joined[vote] += count
                elif key.endswith("s") and " " not in key and quantifier:
                    plural += count
                elif " " not in key:  # "Bill and Hillary Clinton": a full name stands alone
                    label = self._kind_of_neighbour(before_name, after_name)
                    if label:
                        joined[label] += count
            context = Counter(joined)
            context["PLACE"] += locative
            context["NORP"] += plural
            self._context[key] = +context
            self._called[key] = called or role
            self._org_unopposed[key] = joined["ORG"] > 0 and not person_after
            for label, count in joined.items():
                votes["PERSON"] -= count
                votes[label] += count
            if locative:
                votes["PERSON"] -= locative
                votes["PLACE"] += locative
            if plural:  # "many Britons": a group
                votes["PERSON"] -= plural
                votes["NORP"] += plural
            self._votes[key] = votes
        return self._votes[key]

    def _kind_of_neighbour(self, before_name: str, after_name: str) -> str | None:
        """The label of a name joined to this one by "and"/"or" (the name before it, then
        the one after), when the library says that name is no person ("Tamiflu" in
        "Tamiflu and Relenza")."""
        for name in (before_name, after_name):
            if not name:
                continue
            votes = self.word_votes(name)
            others = {label: votes[label] for label in _NON_PERSON_LABELS}
            if sum(others.values()) >= 2 and sum(others.values()) > 2 * votes["PERSON"]:
                return max(others, key=lambda label: others[label])
        return None

    def word_votes(self, words: str) -> Counter[str]:
        """Labels of the mentions written ``words`` (by key), as the analysis gave them."""
        key = name_key(words)
        if key not in self._word_votes:
            self._word_votes[key] = store.label_votes(self.db, key) if key else Counter()
        return self._word_votes[key]

    def lower_case(self, word: str) -> int:
        if word not in self._lower:
            self._lower[word] = store.lower_case_uses(self.db, word)
        return self._lower[word]

    def forget(self, key: str) -> None:
        self._votes.pop(key, None)
        self._context.pop(key, None)
        self._called.pop(key, None)
        self._org_unopposed.pop(key, None)

    def not_a_person(self, name: str, key: str, *, surname_of_someone: bool) -> str | None:
        """The label a person mention takes instead, when the library says it is no person.

        ``surname_of_someone``: the word is a known person's surname or given name, so its
        lower-case uses ("price", "brown") say nothing."""
        words = name.split()
        if all(is_calendar_word(w) for w in words) or any(is_deity_word(w) for w in words):
            return "OTHER"
        if len(words) > 1 and words[0].rstrip(".").casefold() in SHIP_PREFIXES | PLACE_FIRST_WORDS:
            return "PLACE"
        if len(words) > 1 and (label := self._named_for_a_thing(words)):
            return label
        label = self._thing_by_votes(key, surname_of_someone=surname_of_someone)
        if label is not None:
            return label
        if len(words) == 1 and not surname_of_someone and words[0].isalpha():
            word = words[0]
            plural = word.endswith("s") and len(word) > 3
            if plural:  # "Britons" where the library has "Briton" as a group or place
                singular = self.word_votes(word[:-1])
                others = {label: singular[label] for label in _NON_PERSON_LABELS}
                if sum(others.values()) >= 2 and sum(others.values()) > singular["PERSON"]:
                    return max(others, key=lambda label: others[label])
            if self.lower_case(word) >= 2 or (plural and self.lower_case(word[:-1]) >= 2):
                return "OTHER"
        return None

    def _thing_by_votes(self, key: str, *, surname_of_someone: bool) -> str | None:
        """The library's vote on a name: the analysis's labels and the contexts it stands
        in ("in Misrata", "rating agency Fitch")."""
        votes = self.votes(key)
        others = {label: votes[label] for label in _NON_PERSON_LABELS if votes[label] > 0}
        person = max(votes["PERSON"], 0)
        if others and sum(others.values()) >= 2 and sum(others.values()) >= person:
            return max(others, key=lambda label: (others[label], label == "PLACE"))
        context = self._context[key]
        enough = min(2, sum(votes.values()))  # a name written once: its one context decides
        if context and sum(context.values()) >= enough and not surname_of_someone and (
                not self._called[key]):
            # "rating agency Fitch", "agencies Moody's and Fitch": the text says what it is,
            # and nothing calls it a person (no Mr, no role, no person's given name).
            return max(context, key=lambda label: (context[label], label == "PLACE"))
        if surname_of_someone or self._called[key]:
            return None
        if self._org_unopposed[key] and " " in key:
            # "tour operators including Thomas Cook", and no mention says he, she or who:
            # the company, whatever given name its name starts with.
            return "ORG"
        return None

    def _named_for_a_thing(self, words: list[str]) -> str | None:
        """"Fitch Ratings", "Fitch BP", "Deepwater Horizon": the first word alone is no
        person by the library's evidence, and the words after it are common words or names
        of things, none a person's name or written alone as a person ("Chelsea Clinton",
        "Chelsea Manning" stay people)."""
        first = name_key(words[0])
        if not first or " " in first or is_given_name(first) or self._given_name(words[0]):
            return None  # "Matthew Price": a given name, however "Matthew" was voted
        label = self._thing_by_votes(first, surname_of_someone=False)
        if label is None or not self._things_or_common_words(words):
            return None
        return label

    def _things_or_common_words(self, words: list[str]) -> bool:
        """The words after the first are names of things ("BP") or common words the library
        writes in lower case ("Ratings"), none some person's name or written alone as one."""
        whole = name_key(" ".join(words))
        for word in words[1:]:
            key = name_key(word)
            if not key or store.people_with_alias(self.db, key) or any(
                    alias != whole for _, alias in store.aliases_ending(self.db, key)):
                return False  # some person's name
            votes = self.word_votes(word)
            others = sum(votes[label] for label in _NON_PERSON_LABELS)
            thing = others >= 2 and others > votes["PERSON"]
            if not thing and (votes["PERSON"] or not word.isalpha()
                              or self.lower_case(word) < 2):
                return False  # a surname ("Manning" said) or nothing known
        return True

    def names_of_things_starting(self, key: str) -> list[tuple[str, str]]:
        """(key, label) of the people's names that start with this word, now that the word
        is no person, and go on with names of things or common words ("Fitch Ratings")."""
        out: list[tuple[str, str]] = []
        if is_given_name(key) or self.starts_a_name(key):
            return out  # "Matthew" voted a place still starts "Matthew Price"
        for _, alias_key, alias in store.aliases_starting(self.db, key):
            words = alias.split()
            if len(words) > 1 and self._things_or_common_words(words):
                label = self._thing_by_votes(key, surname_of_someone=False)
                if label is not None:
                    out.append((alias_key, label))
        return out

    def _known_person(self, key: str) -> bool:
        votes = self.votes(key)
        return votes["PERSON"] > 0 or bool(store.people_with_alias(self.db, key))

    def _only_opening(self, key: str) -> bool:
        """Every mention of this name opens a sentence ("Following Obama"): the first word
        is the sentence's, not the person's ("Bill Clinton" also stands mid-sentence)."""
        return all(context.rsplit("|", 1)[1] == "1" for context in self.contexts(key))

    def _not_given_names(self, words: list[str]) -> bool:
        """Words before a known name that are no given names but the name of an outlet, a
        programme or a body ("Sydney Morning Herald", "Daily Telegraph", "Wall Street
        Journal"): one of them is a common word the library writes in lower case
        ("morning", "journal") and none starts any person's name in the library."""
        if not all(w[:1].isupper() and w.isalpha() for w in words):
            return False
        if not any(self.lower_case(w) >= 2 for w in words):
            return False
        return not any(self._given_name(w) for w in words)

    def _given_name(self, word: str) -> bool:
        """The word starts some person's name in the library ("Bill" of "Bill Clinton")."""
        key = name_key(word)
        return bool(key) and self.starts_a_name(key)

    def starts_a_name(self, key: str) -> bool:
        """Some person's name starts with this word and goes on as a person's name ("Bill
        Clinton"), not with common words or names of things ("Fitch Ratings", "Fitch BP")."""
        if key not in self._given and any(
                len(alias.split()) > 1 and not self._things_or_common_words(alias.split())
                for _, _, alias in store.aliases_starting(self.db, key)):
            self._given.add(key)  # only "yes" is kept: a rebuild meets new names as it goes
        return key in self._given

    def _glued_after(self, words: list[str]) -> bool:
        """The last word belongs to what follows the name: a place or organisation by the
        library's votes, or a word it writes in lower case, after a known full name."""
        rest_key = name_key(" ".join(words[:-1]))
        if not is_full_key(rest_key) or not self._known_person(rest_key):
            return False
        last = words[-1]
        votes = self.word_votes(last)
        others = sum(votes[label] for label in _NON_PERSON_LABELS)
        if others >= 2 and others > votes["PERSON"]:
            return True
        return last.isalpha() and self.lower_case(last) >= 2 and not (
            store.people_with_alias(self.db, name_key(" ".join(words))))

    def cut(self, name: str, text: str, start: int) -> str:
        """The name without glued days, outlets, places or sentence-initial common words."""
        words = name.split()
        if "s" in words[1:]:  # "Obama s Order": a possessive the text lost its apostrophe
            words = words[: words.index("s", 1)]
        while len(words) > 1 and is_calendar_word(words[-1]):
            words.pop()
        while len(words) > 2 and self._glued_after(words):
            words.pop()  # "Ken Salazar Lawmakers", "Bobby Jindal Louisiana"
        while len(words) > 1 and is_calendar_word(words[0]):
            words.pop(0)
        while len(words) > 1 and (is_title_word(words[0]) or (
                words[0].endswith("s") and is_title_word(words[0][:-1]))):
            words.pop(0)  # "Presidents Obama", "Chairman Svanberg"
        for cut in range(len(words) - 1, 0, -1):  # "Sydney Morning Herald Obama"
            rest = " ".join(words[cut:])
            rest_key = name_key(rest)
            if not rest_key or not self._known_person(rest_key):
                continue
            votes = self.word_votes(" ".join(words[:cut]))
            others = sum(votes[label] for label in _NON_PERSON_LABELS)
            enough = 1 if cut >= 2 else 2  # a longer name is rarely a person's by chance
            if others >= enough and others > votes["PERSON"]:
                return rest
            if cut >= 2 and self._not_given_names(words[:cut]):
                return rest
        if len(words) >= 2:
            first, rest = words[0], " ".join(words[1:])
            rest_key = name_key(rest)
            if rest_key and self._known_person(rest_key):
                if (first.isupper() and len(first) <= 4) or (
                    starts_sentence(text, start) and first.isalpha()
                    and self.lower_case(first) >= 1 and self._only_opening(name_key(name))
                ):
                    return rest
        return " ".join(words)
