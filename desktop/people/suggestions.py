"""Suggested merges: people who are probably one person, with the evidence for it.

Linking joins names only when it is sure. What it leaves apart but a reader would likely
join is offered here, never applied on its own: a surname alone and the one full name with
that surname ("Hayward" and "Tony Hayward"), a short and a long given name ("Ed Markey",
"Edward J. Markey"; "Bob Dudley", "Robert Dudley"), a name inside a longer one ("Hussein Obama", "Barack Hussein Obama"),
and near spellings ("Andy Gallacher", "Andy Gallagher"). Evidence that counts for a pair:
the same roles, people mentioned with both, and never being named as two people in one
article; a pair the reader split apart is never suggested again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

from sqlite_utils import Database

from db import people as store
from desktop.people.given_names import same_given_name
from desktop.people.name_keys import first_name_key, is_full, surname_key
from desktop.people.rules import load_rules


@dataclass
class _Person:
    id: int
    name: str
    key: str
    keys: set[str]
    mentions: int
    articles: set[int]
    roles: Counter[str]

    @property
    def surname(self) -> str:
        return surname_key(self.key) or self.key

    @property
    def full(self) -> bool:
        return is_full(self.key)


def _people(db: Database) -> list[_Person]:
    articles = store.person_articles(db)
    roles = store.person_roles(db)
    out = []
    for person_id, name, key in store.live_people(db):
        out.append(_Person(person_id, name, key, store.person_keys(db, person_id),
                           store.mention_count(db, person_id), articles.get(person_id, set()),
                           roles.get(person_id, Counter())))
    return out


def _why_names(a: _Person, b: _Person) -> str | None:
    """How the two names may be one person's, or None."""
    if not b.full and a.full and b.key == a.surname:
        return f"“{b.name}” is the surname of “{a.name}”"
    if not b.full and a.full and len(a.key.split()) == 2 and b.key == a.key.split()[0]:
        return (f"“{b.name}” is the first word of “{a.name}” (a given name, or a family name"
                " written first)")
    if not a.full or not b.full:
        return None
    a_words, b_words = a.key.split(), b.key.split()
    if a.surname == b.surname:
        fa, fb = first_name_key(a.key) or "", first_name_key(b.key) or ""
        if fa != fb and min(len(fa), len(fb)) >= 2 and (fa.startswith(fb) or fb.startswith(fa)):
            return f"“{fb}” and “{fa}” may be one given name"
        if fa != fb and same_given_name(fa, fb):
            return f"“{b.name.split()[0]}” is a short form of “{a.name.split()[0]}”" if len(
                fb) < len(fa) else f"“{a.name.split()[0]}” is a short form of “{b.name.split()[0]}”"
        for long, short in ((a_words, b_words), (b_words, a_words)):
            if len(long) > len(short) and long[-len(short):] == short:
                return "one name is the end of the other"
        return None
    if first_name_key(a.key) == first_name_key(b.key) and len(a_words) == len(b_words):
        ratio = SequenceMatcher(None, a.surname, b.surname).ratio()
        if ratio >= 0.8 and min(len(a.surname), len(b.surname)) >= 5:
            return f"near spellings of the surname ({ratio:.0%} alike)"
    return None


def suggest_merges(db: Database, limit: int = 50) -> list[dict[str, Any]]:
    """Likely variants of one person, best first: {person, name, other, other_name,
    reason, evidence, score}; ``person`` is the better known (it would keep its name)."""
    people = _people(db)
    separated = load_rules(db).separated
    by_surname: dict[str, list[_Person]] = {}
    for p in people:
        by_surname.setdefault(p.surname[:3], []).append(p)
        if p.full and len(p.key.split()) == 2 and p.key[:3] != p.surname[:3]:
            by_surname.setdefault(p.key[:3], []).append(p)  # "Guan Yi", family name first
    suggestions = []
    seen: set[frozenset[int]] = set()
    for group in by_surname.values():
        for a, b in combinations(group, 2):
            if frozenset({a.id, b.id}) in seen:
                continue
            seen.add(frozenset({a.id, b.id}))
            if (b.mentions, b.full) > (a.mentions, a.full):
                a, b = b, a
            if not a.full and b.full:
                a, b = b, a
            if any(frozenset({x, y}) in separated for x in a.keys for y in b.keys):
                continue
            reason = _why_names(a, b)
            if reason is None:
                continue
            if not b.full:
                namesakes = [p for p in people if p.full and p is not a and (
                    p.surname == b.key or p.key.split()[0] == b.key)]
                if namesakes:
                    continue  # a bare name two people share stays apart
            shared = a.articles & b.articles
            evidence = [reason]
            score = 1.0
            if a.full and b.full and shared:
                evidence.append(f"named as two people in {len(shared)} article(s)")
                score -= 0.6
            elif not shared:
                evidence.append("never named together in one article")
                score += 0.2
            roles = {r.casefold() for r in a.roles} & {r.casefold() for r in b.roles}
            if roles:
                evidence.append("same role: " + sorted(roles)[0])
                score += 0.5
            if score <= 0.5:
                continue
            suggestions.append({
                "person": a.id, "name": a.name, "other": b.id, "other_name": b.name,
                "reason": reason, "evidence": evidence, "score": round(score, 2),
                "mentions": a.mentions, "other_mentions": b.mentions,
            })
    suggestions.sort(key=lambda s: (-s["score"], -s["other_mentions"], s["name"]))
    return suggestions[:limit]
