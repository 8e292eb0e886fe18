"""Grouping one article's person mentions: which names in it are the same person.

News introduces a person by full name and then uses the surname ("Vladimir Medinsky" ...
"Medinsky"). Within one article a surname (or, failing that, a first name) joins the one
full name it belongs to; if two people in the article share it ("Bill Clinton", "Hillary
Clinton"), it joins the one named most recently before it. Names the reader split apart
(a correction) are never joined again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from desktop.analysis.people.names import (
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
    names: list[str], *, separated: frozenset[frozenset[str]] | set[frozenset[str]] = frozenset()
) -> list[Cluster]:
    """Clusters of the given person names (in text order), one per person."""
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

    last_seen: dict[str, int] = {}
    pending: list[int] = []
    for index, (name, key) in enumerate(zip(names, keys, strict=True)):
        if key in canonical:
            target = canonical[key]
            clusters.setdefault(target, Cluster(target)).add(index, name, key)
            last_seen[target] = index
        else:
            pending.append(index)
        order.append(index)

    for index in pending:
        name, key = names[index], keys[index]
        target = _attach(key, index, list(clusters.values()), last_seen, separated)
        if target is None:
            clusters.setdefault(key, Cluster(key)).add(index, name, key)
        else:
            target.add(index, name, key)
    return sorted(clusters.values(), key=lambda c: min(c.mentions))


def _attach(
    key: str,
    index: int,
    clusters: list[Cluster],
    last_seen: dict[str, int],
    separated: frozenset[frozenset[str]] | set[frozenset[str]],
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
    if len(by_surname) == 1:
        return by_surname[0]
    if len(by_surname) > 1:
        # Shared surname: the person named most recently before this mention.
        before = [c for c in by_surname if min(c.mentions) < index]
        if before:
            return max(
                before,
                key=lambda c: max((m for m in c.mentions if m < index), default=-1),
            )
        return None
    return None
