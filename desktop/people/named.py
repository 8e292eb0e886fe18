"""Places, organisations and groups across the library, spellings of one name together."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlite_utils import Database

from db import people as store
from desktop.people.name_keys import PLACE_VARIANTS, fold, place_key


def list_named(db: Database, label: str) -> list[dict[str, Any]]:
    """Places ("PLACE"), organisations ("ORG") or groups ("NORP") across the library, with
    spellings of one name together ("Kiev" and "Kyiv"); most mentioned first."""
    groups: dict[str, dict[str, Any]] = {}
    for name, article_id in store.named_mentions(db, label):
        key = place_key(name) if label == "PLACE" else fold(name)
        group = groups.setdefault(key, {"names": Counter(), "articles": set()})
        group["names"][name] += 1
        group["articles"].add(article_id)
    out = []
    for key, group in groups.items():
        names: Counter[str] = group["names"]
        preferred = PLACE_VARIANTS.get(key) if label == "PLACE" else None
        name = preferred if preferred in names else names.most_common(1)[0][0]
        out.append({
            "name": name,
            "aliases": [n for n, _ in names.most_common() if n != name],
            "mentions": sum(names.values()),
            "articles": len(group["articles"]),
        })
    out.sort(key=lambda g: (-g["mentions"], g["name"]))
    return out
