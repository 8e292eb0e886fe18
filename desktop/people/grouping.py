"""Grouping one article's person mentions: which names in it are the same person.

News introduces a person by full name and then uses the surname ("Vladimir Medinsky" ...
"Medinsky"). Within one article a surname (or, failing that, a first name) joins the one
full name it belongs to. When the surname is shared — by two people in the article ("Bill
Clinton", "Hillary Clinton") or by a better-known namesake elsewhere in the library (a
father and his sons) — it joins the one its paragraph names (the latest before it), and
stays alone when the paragraph names none of them: never silently the wrong person. Names
the reader split apart (a correction) are never joined again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from desktop.people.name_keys import (
    family_name_keys,
    first_name_key,
    is_full,
    middles_agree,
    name_key,
    surname_key,
)

_PARTICLES = frozenset("von van der den de da di del della du le la al el bin ibn abu ben".split())


@dataclass
class Cluster:
    """Mentions of one person in one article."""

    key: str  # the full-name key if there is one, else the single name's key
    mentions: list[int] = field(default_factory=list)  # indexes into the article's names
    names: Counter[str] = field(default_factory=Counter)  # surface names as written
    keys: set[str] = field(default_factory=set)

    @property
    def full(self) -> bool:
        return is_full(self.key)

    @property
    def display(self) -> str:
        """The name to show: the commonest full form as written (longest on a tie)."""
        full = [(n, c) for n, c in self.names.items() if is_full(name_key(n))] or list(
            self.names.items()
        )
        return max(full, key=lambda item: (item[1], len(item[0])))[0]

    def add(self, index: int, name: str, key: str) -> None:
        self.mentions.append(index)
        self.names[name] += 1
        self.keys.add(key)


def _is_particle_surname(key: str) -> bool:
    return key.split()[0] in _PARTICLES


def group_mentions(
    names: list[str],
    *,
    separated: frozenset[frozenset[str]] | set[frozenset[str]] = frozenset(),
    paragraphs: list[int] | None = None,
    namesakes: frozenset[str] | set[str] = frozenset(),
) -> list[Cluster]:
    """Clusters of the given person names (in text order), one per person.

    ``paragraphs`` gives each name's paragraph number; ``namesakes`` are surname keys the
    library gives to a better-known person than this article's (they need the paragraph)."""
    keys = [name_key(n) for n in names]
    clusters: dict[str, Cluster] = {}
    order: list[int] = []  # cluster of each full mention, for "most recent" look-ups
    full_keys = sorted({k for k in keys if is_full(k) and not _is_particle_surname(k)})

    # Full names: one cluster per key; "Donald Trump" joins "Donald J. Trump" when unique.
    canonical: dict[str, str] = {}
    for key in sorted(full_keys, key=lambda k: -len(k.split())):
        first, last = first_name_key(key), surname_key(key)
        longer = [
            c for c in canonical.values()
            if first_name_key(c) == first and surname_key(c) == last and c != key
            and middles_agree(key.split()[1:-1], c.split()[1:-1])
        ]
        canonical[key] = longer[0] if len(set(longer)) == 1 else key

    full_index: set[int] = set()
    pending: list[int] = []
    for index, (name, key) in enumerate(zip(names, keys, strict=True)):
        if key in canonical:
            target = canonical[key]
            clusters.setdefault(target, Cluster(target)).add(index, name, key)
            full_index.add(index)
        else:
            pending.append(index)
        order.append(index)

    for index in pending:
        name, key = names[index], keys[index]
        target = _attach(key, index, list(clusters.values()), separated,
                         paragraphs, key in namesakes, full_index)
        if target is None:
            clusters.setdefault(key, Cluster(key)).add(index, name, key)
        else:
            target.add(index, name, key)
    return sorted(clusters.values(), key=lambda c: min(c.mentions))


def _attach(
    key: str,
    index: int,
    clusters: list[Cluster],
    separated: frozenset[frozenset[str]] | set[frozenset[str]],
    paragraphs: list[int] | None,
    namesake: bool,
    full_index: set[int],
) -> Cluster | None:
    def allowed(cluster: Cluster) -> bool:
        return all(frozenset({k, key}) not in separated for k in cluster.keys)

    full = [c for c in clusters if c.full and allowed(c)]
    by_surname = [
        c for c in full
        if key in family_name_keys(c.key) or (" " in key and c.key.endswith(" " + key))
    ]
    if not by_surname:
        by_surname = [c for c in full if first_name_key(c.key) == key]
    if len(by_surname) == 1 and not namesake:
        return by_surname[0]
    if not by_surname:
        return None
    if paragraphs is None:
        if namesake:
            return None
        # Shared surname, no paragraphs known: the person named most recently before.
        before = [c for c in by_surname if min(c.mentions) < index]
        if before:
            return max(before, key=lambda c: max((m for m in c.mentions if m < index), default=-1))
        return None
    # Shared surname: the one this paragraph names (the latest before this mention first).
    here = paragraphs[index]
    named = [c for c in by_surname
             if any(paragraphs[m] == here for m in c.mentions if m in full_index)]
    if len(named) == 1:
        return named[0]
    before = [c for c in named
              if any(m < index and paragraphs[m] == here for m in c.mentions if m in full_index)]
    if before:
        return max(before, key=lambda c: max(m for m in c.mentions if m < index and m in full_index))
    return None
