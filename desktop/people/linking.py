"""Linking person mentions to library-wide people.

``write_mentions`` stores an article's entity mentions (inside the article's transaction)
and links its person mentions: a full name meets the person with the same name key (case,
diacritics and transliteration folded), or the one person whose longer name it is part of
("Hussein Obama" of "Barack Hussein Obama", "Ed Markey" of "Edward J. Markey"), or the one
person of that surname whose given name is its short or full form ("Bob Dudley", "Robert
Dudley") when the library agrees (a role in common, or other people named beside both); a
surname alone meets the one person it can belong to, and stays unlinked when two people
share it.
Names the library shows not to be people (``evidence``) are relabelled, here and in every
article that had them. ``relink_all`` rebuilds every person from the stored mentions and the
reader's corrections (after ``reanalyse``, or an undo).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlite_utils import Database

from db import people as store
from desktop.analysis.entities.names import strip_possessive
from desktop.analysis.entities.roles import is_title_word
from desktop.people.evidence import Evidence, mention_context
from desktop.people.given_names import same_given_name
from desktop.people.grouping import Cluster, group_mentions
from desktop.people.name_keys import (
    family_name_keys,
    first_name_key,
    is_full,
    middles_agree,
    name_key,
    surname_key,
)
from desktop.people.rules import APPLY, Rules, add_alias, create_person, load_rules


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    label: str
    role: str | None
    name: str


class PeopleError(ValueError):
    """A correction names a person or name the library does not have."""


def write_mentions(db: Database, article_id: int, entities: Iterable[MentionLike]) -> None:
    """Store an article's mentions and link its people (inside the caller's transaction).

    Mentions the article already had are replaced, so analysing again never doubles them."""
    rows = []
    text = store.article_text(db, article_id)
    for entity in entities:
        name = getattr(entity, "name", "") or entity.text
        rows.append({
            "article_id": article_id, "start": entity.start, "end": entity.end,
            "text": entity.text, "name": name, "key": name_key(name), "label": entity.label,
            "model_label": entity.label, "role": entity.role,
        } | _around(text, entity))
    store.replace_mentions(db, article_id, rows)
    link_article(db, article_id, load_rules(db))


def _around(text: str, mention: MentionLike) -> dict[str, str | None]:
    """A person mention's neighbouring text and what it says of the mention, stored with it
    so the library's vote on a name reads its mentions alone, never their articles."""
    if mention.label != "PERSON":
        return {"text_before": None, "text_after": None, "context": None}
    before = text[max(0, mention.start - store.CONTEXT_WIDTH):mention.start]
    after = text[mention.end:mention.end + store.CONTEXT_WIDTH]
    return {"text_before": before, "text_after": after,
            "context": mention_context(before, after, mention.role)}


_LINE_BREAK = re.compile("\n")


def _paragraph_numbers(text: str, starts: list[int]) -> list[int]:
    """For each start, how many line breaks come before it."""
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    return [bisect_left(breaks, start) for start in starts]


def link_article(db: Database, article_id: int, rules: Rules,
                 evidence: Evidence | None = None) -> None:
    """Link one article's person mentions (its stored mentions) to library people."""
    evidence = evidence or Evidence(db)
    text = store.article_text(db, article_id)
    linked: list[tuple[int, str, int]] = []  # (mention id, name, start)
    renamed: list[tuple[int, str, str]] = []
    for mention_id, name, key, start in store.person_mentions(db, article_id):
        if not key:
            continue  # nothing of a name left to link by
        label = rules.not_person.get(key)
        if label is not None:
            store.set_mention_labels(db, [mention_id], label)
            continue
        cut = evidence.cut(name, text, start) if text else name
        if cut == name and text:
            cut = _with_given_name_before(db, name, text, start)
        if cut != name:
            name = cut
            renamed.append((mention_id, name, name_key(name)))
            label = rules.not_person.get(name_key(name))
            if label is not None:
                store.set_mention_labels(db, [mention_id], label)
                continue
        linked.append((mention_id, name, start))
    if renamed:
        store.rename_mentions(db, renamed)
        for _, _, key in renamed:
            evidence.forget(key)

    # Names the library shows are no people: relabelled here and wherever they stand. Full
    # names first: one that is no person ("Fitch Ratings") makes none of its words a name.
    kept: list[tuple[int, str, int]] = []
    full_words: set[str] = set()
    for full_names in (True, False):
        if not full_names:
            full_words = {w for _, n, _ in kept for w in name_key(n).split()}
        for mention_id, name, start in linked:
            key = name_key(name)
            if is_full(key) != full_names:
                continue
            someone = key in full_words or bool(_full_people_with_surname(db, key)) or (
                evidence.starts_a_name(key))
            label = evidence.not_a_person(name, key, surname_of_someone=someone)
            if label is None:
                kept.append((mention_id, name, start))
                continue
            store.set_mention_labels(db, [mention_id], label)
            dropped = bool(store.relabel_key(db, key, label))
            if not full_names:  # "Fitch" is no person: nor "Fitch Ratings" where it stands
                for other_key, other_label in evidence.names_of_things_starting(key):
                    dropped |= bool(store.relabel_key(db, other_key, other_label))
            if dropped:
                store.drop_orphans(db)
    linked = sorted(kept, key=lambda mention: mention[2])

    # A name this article calls a place or organisation: vote again where it was a person.
    for key in store.non_person_keys(db, article_id) - set(rules.not_person):
        evidence.forget(key)
        label = evidence.not_a_person(key, key, surname_of_someone=True)
        if label is not None and store.relabel_key(db, key, label):
            store.drop_orphans(db)
    # ... and the names it starts that go on with common words or names of things, taken
    # for people before the library knew ("Deepwater Horizon" once "Deepwater" is a thing).
    dropped = False
    for key in store.non_person_words_starting_names(db, article_id):
        evidence.forget(key)
        for other_key, label in evidence.names_of_things_starting(key):
            if other_key not in rules.not_person:
                dropped |= bool(store.relabel_key(db, other_key, label))
    if dropped:
        store.drop_orphans(db)

    names = [n for _, n, _ in linked]
    paragraphs = _paragraph_numbers(text, [s for _, _, s in linked]) if text else None
    clusters = group_mentions(names, separated=rules.separated, paragraphs=paragraphs,
                              namesakes=_namesakes(db, names))
    for cluster in clusters:
        def beside(cluster: Cluster = cluster) -> Beside:
            return Beside(
                people={p for other in clusters if other is not cluster
                        for k in other.keys if is_full(k) for p in _people_with_alias(db, k)},
                roles=store.mention_roles(db, [linked[i][0] for i in cluster.mentions]),
            )
        person_id = _person_for(db, cluster, rules, beside)
        store.link_mentions(db, [linked[i][0] for i in cluster.mentions], person_id)
        if person_id is not None:
            for name in cluster.names:
                add_alias(db, person_id, name)


_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+) $")


def _with_given_name_before(db: Database, name: str, text: str, start: int) -> str:
    """"Hussein Obama" of "Barack Hussein Obama" when the model left out the first given
    name and the whole name is a known person's ("Barack Obama")."""
    match = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    key = name_key(name)
    if not match or not is_full(key):
        return name
    longer = f"{match.group(1)} {name}"
    longer_key = name_key(longer)
    if longer_key == key:
        return name  # a title ("Dr", "Mr") adds nothing to the name
    if store.people_with_alias(db, longer_key) or len(_same_name_with_middle(db, longer_key)) == 1:
        return longer
    return name


def _namesakes(db: Database, names: list[str]) -> set[str]:
    """Surnames of this article that the library gives to a person far better known than
    the article's own people of that surname (a father, when the article names a son)."""
    keys = [name_key(n) for n in names]
    full = [k for k in keys if is_full(k)]
    out: set[str] = set()
    for key in {k for k in keys if not is_full(k)}:
        library = _full_people_with_surname(db, key)
        if not library:
            continue
        own: set[int] = set()
        for full_key in full:
            if key in family_name_keys(full_key):
                own |= store.people_with_alias(db, full_key)
        best_own = max((store.mention_count(db, p) for p in own), default=0)
        # Better known: the story's figure (named in several articles, far more often),
        # not a passing namesake in one other article.
        if any(store.mention_count(db, p) > 2 * best_own and store.article_count(db, p) >= 3
               for p in library - own):
            out.add(key)
    return out


def _people_with_alias(db: Database, key: str) -> set[int]:
    return store.people_with_alias(db, key)


def _allowed(db: Database, person_id: int, key: str, rules: Rules) -> bool:
    if not rules.separated:
        return True
    return all(frozenset({k, key}) not in rules.separated
               for k in store.person_keys(db, person_id))


def _full_people_with_surname(db: Database, key: str) -> set[int]:
    return {person_id for person_id, alias_key in store.aliases_ending(db, key)
            if key in family_name_keys(alias_key)}


@dataclass
class Beside:
    """What one article says around a person's mentions: the other people it names (their
    library ids) and the roles it writes next to the person."""

    people: set[int]
    roles: list[str]


def _nobody_beside() -> Beside:
    return Beside(set(), [])


def _person_for(db: Database, cluster: Cluster, rules: Rules,
                beside: Callable[[], Beside] = _nobody_beside) -> int | None:
    """The library person a cluster of one article's mentions belongs to (created if new)."""
    if cluster.full:
        candidates: set[int] = set()
        for key in sorted(k for k in cluster.keys if is_full(k)):
            candidates |= _people_with_alias(db, key)
        candidates = {p for p in candidates if _allowed(db, p, cluster.key, rules)}
        for find in (_same_name_with_middle, _hyphen_variant, _part_of_longer_name,
                     _short_given_name):
            if candidates:
                break
            candidates = {p for p in find(db, cluster.key) if _allowed(db, p, cluster.key, rules)}
            if len(candidates) > 1:
                candidates = set()
        if not candidates:
            candidates = {p for p in _short_form_of_given_name(db, cluster.key, beside)
                          if _allowed(db, p, cluster.key, rules)}
            if len(candidates) > 1:
                candidates = set()
        if candidates:
            return min(candidates)
        person_id = create_person(db, cluster.display, cluster.key, rules)
        _absorb_surname_only(db, person_id, cluster.key, rules)
        return person_id
    key = cluster.key
    if key in rules.split_names:
        # A name the reader split off is its own person wherever it stands alone.
        own = store.people_with_key(db, key)
        return min(own) if own else create_person(db, cluster.display, key, rules)
    candidates = _people_with_alias(db, key) | _full_people_with_surname(db, key)
    candidates = {p for p in candidates if _allowed(db, p, key, rules)}
    if len(candidates) > 1:  # people left without mentions (deleted articles) do not count
        live = {p for p in candidates if store.has_mentions(db, p)}
        candidates = live or candidates
    if len(candidates) == 1:
        return candidates.pop()
    if candidates:
        return None  # two people go by this name: never guess
    return create_person(db, cluster.display, key, rules)


def _same_name_with_middle(db: Database, key: str) -> set[int]:
    """People whose full name is this one with or without middle names or initials
    ("Donald J. Trump" and "Donald Trump"), when first and last names agree."""
    parts = key.split()
    first, last = parts[0], parts[-1]
    found: set[int] = set()
    for person_id, other in (store.aliases_like(db, f"{first} % {last}")
                             + store.aliases_like(db, f"{first} {last}")):
        theirs = other.split()
        if theirs[0] != first or theirs[-1] != last:
            continue
        if middles_agree(parts[1:-1], theirs[1:-1]):
            found.add(person_id)
    return found


def _hyphen_variant(db: Database, key: str) -> set[int]:
    """"Ban Ki Moon" and "Ban Ki-moon": the last two words written with a hyphen."""
    words = key.split()
    if len(words) < 3:
        return set()
    return store.people_with_alias(db, " ".join(words[:-2] + [f"{words[-2]}-{words[-1]}"]))


def _part_of_longer_name(db: Database, key: str) -> set[int]:
    """People whose longer full name holds this one as its end or its start ("Hussein
    Obama" in "Barack Hussein Obama", "Saif Islam" in "Saif Islam Kadafy"), or who go by
    it with a hyphenated end the model cut ("Ban Ki" of "Ban Ki-moon")."""
    found = {p for p, k in store.aliases_like(db, f"% {key}") if len(k.split()) >= 3}
    found |= {p for p, k in store.aliases_like(db, f"{key} %") if len(k.split()) >= 3}
    found |= {p for p, _ in store.aliases_like(db, f"{key}-%")}
    return found


def _short_given_name(db: Database, key: str) -> set[int]:
    """People with the same surname whose given name this one shortens ("Ed Markey",
    "Edward Markey"; "Ken", "Kenneth")."""
    first, last = first_name_key(key), surname_key(key)
    if not first or not last or len(first) < 2:
        return set()
    found: set[int] = set()
    for person_id, other in store.aliases_ending(db, last):
        other_first = first_name_key(other)
        if other_first and other_first != first and surname_key(other) == last and (
            other_first.startswith(first) or first.startswith(other_first)
        ) and min(len(first), len(other_first)) >= 2:
            found.add(person_id)
    return found


def _title_words(roles: Iterable[str]) -> set[str]:
    return {w.casefold().rstrip(".") for role in roles for w in role.split() if is_title_word(w)}


def _short_form_of_given_name(db: Database, key: str,
                              beside: Callable[[], Beside]) -> set[int]:
    """The person of the same surname whose given name is this one's short or full form
    ("Bob Dudley", "Robert Dudley"), when the library says they are one: a role in common
    ("managing director") or two other people named beside both. Without that evidence a
    Bob and a Robert of one surname stay two people."""
    first, last = first_name_key(key), surname_key(key)
    if not first or not last:
        return set()
    found = {person_id for person_id, other in store.aliases_ending(db, last)
             if surname_key(other) == last and (other_first := first_name_key(other))
             and other_first != first and same_given_name(first, other_first)}
    if not found:
        return set()
    here = beside()
    titles = _title_words(here.roles)
    return {p for p in found
            if titles & _title_words(store.roles_of_person(db, p))
            or len(store.people_beside(db, p) & here.people) >= 2}


def _absorb_surname_only(db: Database, person_id: int, key: str, rules: Rules) -> None:
    """A new full name takes over a surname-only person it alone can be ("Medinsky")."""
    last = surname_key(key)
    if last is None:
        return
    if _full_people_with_surname(db, last) - {person_id}:
        return
    for other in _people_with_alias(db, last) - {person_id}:
        if any(is_full(k) for k in store.person_keys(db, other)):
            continue
        if not _allowed(db, person_id, last, rules):
            continue
        store.move_person(db, other, person_id)


def relink_all(db: Database) -> None:
    """Rebuild every person from the stored mentions and the corrections (after reanalyse).

    People keep their ids where their name key is unchanged, so links held elsewhere stay.
    Names and keys are computed again from the mentions as written, so a better name key
    reaches old libraries too."""
    with db.atomic():
        names = []
        for mention_id, text, name in store.mention_texts(db):
            written = " ".join(strip_possessive(text).split())
            if written != name and name in written:
                name = written  # a span cut back while linking: cut again with new evidence
            names.append((mention_id, name, name_key(name)))
        store.rename_mentions(db, names)
        old_ids = store.reset_links(db)
        rules = load_rules(db)
        rules.reuse_ids = old_ids
        rules.next_id = max(old_ids.values(), default=0) + 1
        evidence = Evidence(db)
        for article_id in store.articles_with_mentions(db):
            link_article(db, article_id, rules, evidence)
        for row in rules.rows:
            APPLY[row["kind"]](db, row["data"])
        store.drop_orphans(db)


def find_person(db: Database, name_or_id: str | int) -> int:
    """A person's id from its id, its name or one of its names; raises PeopleError."""
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        if store.person_exists(db, int(name_or_id)):
            return int(name_or_id)
    key = name_key(str(name_or_id))
    found = store.people_named(db, key)
    by_name = [p for p in found if store.primary_key(db, p) == key]
    if len(by_name) == 1:
        return int(by_name[0])
    if len(found) == 1:
        return int(found[0])
    if not found:
        # A surname alone names the one person it can be ("Rubio").
        by_surname = [p for p in _full_people_with_surname(db, key) if store.has_mentions(db, p)]
        if len(by_surname) == 1:
            return by_surname[0]
        if by_surname:
            raise PeopleError(
                f"{name_or_id!r} could be {len(by_surname)} people; use the full name or id"
            )
        raise PeopleError(f"no person called {name_or_id!r} in the library")
    raise PeopleError(f"{name_or_id!r} could be {len(found)} people; use the person's id")
