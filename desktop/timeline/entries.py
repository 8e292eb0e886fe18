"""The whole timeline, ready to show: each stored happening's ``timeline --json`` entry,
rendered once the happening is stored (or something it shows changes) instead of on every read.

Reading a big library's timeline by building an object per report, naming its people,
choosing its wording and comparing it with its neighbours cost ten times reading its rows.
Here that work is done once per happening, by the very code that builds the timeline
(``query.grouped``, ``TimelineEvent.as_dict``), so an entry is the same entry, and the read is
one indexed scan. Date conflicts compare happenings across dates (a word's rarity counts over
the whole timeline), so they are found again over the stored entries' few compared fields
whenever any entry changed. ``stored_timeline`` reads them.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from db import timeline as store
from db import timeline_entries as stored
from db.happenings import happening_of
from desktop.timeline.merge import content_tokens
from desktop.timeline.query import _events_from_rows, grouped
from desktop.timeline.stored_timeline import conflicts_changed
from desktop.timeline.timeline_event import TimelineEvent

#: Happenings rendered per step (their reports and people read in one go).
BATCH = 4000


def refresh_entries(db: Database) -> int:
    """Render the entries of happenings stored or changed since the last call, then find the
    date conflicts again if any entry changed (one transaction); returns how many were
    rendered. Call after the happenings themselves are current (``refresh_happenings``)."""
    if not stored.has_entries_table(db) or stored.all_rendered(db):
        return 0
    todo = stored.happenings_to_render(db)
    with db.atomic():
        for offset in range(0, len(todo), BATCH):
            stored.write_entries(db, render(db, todo[offset : offset + BATCH]))
        stored.forget_stale(db)
        find_conflicts(db, every=False)
        if stored.hides_any(db):
            find_conflicts(db, every=True)
    return len(todo)


def render(db: Database, happening_ids: list[int]) -> list[stored.Entry]:
    """The entries of these stored happenings, as the unfiltered timeline shows them."""
    rows: list[dict[str, Any]] = []
    for offset in range(0, len(happening_ids), stored.CHUNK):
        chunk = happening_ids[offset : offset + stored.CHUNK]
        where = stored.member_rows_sql(f"happening_id IN ({','.join('?' * len(chunk))})")
        rows += store.event_rows(db, (where, chunk))
    rows.sort(key=lambda r: (r["date_sort"], r["hidden"], r["id"]))  # as the timeline reads them
    events = _events_from_rows(db, rows)
    happening = happening_of(db, [r["id"] for r in rows])
    every = {e.happening: e for e in grouped(events, happening)}
    shown = {e.happening: e for e in grouped([e for e in events if not e.hidden], happening)}
    date_sorts = {r["id"]: r["date_sort"] for r in rows}
    entries = []
    for happening_id in happening_ids:
        whole = every.get(happening_id)
        if whole is None:  # every report set aside: nothing to show
            entries.append(stored.Entry(happening_id, "", "", "", True, "", 0, None, None, None, None))
            continue
        seen = shown.get(happening_id)
        shown_json = _json(seen) if seen is not None else None
        every_json = _json(whole) if len(whole.sources) != len(seen.sources if seen else ()) else None
        shown_compare = _compared(seen) if seen is not None else None
        every_compare = _compared(whole) if every_json is not None else None
        entries.append(stored.Entry(
            happening_id, whole.sort_key, whole.sources[0].published or "", whole.id, whole.hidden,
            date_sorts[whole.sources[0].event_id], int(whole.id[1:]), shown_json, every_json,
            shown_compare, every_compare if every_compare != shown_compare or seen is None else None,
        ))
    return entries


def _json(event: TimelineEvent) -> str:
    return json.dumps(event.as_dict(), ensure_ascii=False)  # as ``print_json`` writes an item


def _compared(event: TimelineEvent) -> str | None:
    """What the conflict check reads of an entry (``merge._flag_conflicts``): only an entry
    dated to a day is compared."""
    if event.precision != "day":
        return None
    return json.dumps([event.date, sorted(content_tokens(event.text)), event.people,
                       [s.article_id for s in event.sources], [s.date_text for s in event.sources]],
                      ensure_ascii=False)


def find_conflicts(db: Database, every: bool) -> None:
    """Flag the entries that look alike but carry different nearby days, over the whole
    timeline (``every``: with the hidden happenings), as ``build_timeline`` flags them."""
    stored.write_conflicts(db, every, conflicts_changed(stored.compared(db, every)))
