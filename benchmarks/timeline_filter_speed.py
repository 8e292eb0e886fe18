"""How fast the window can filter a large timeline: 200,000 events, filters in SQL.

    .venv/bin/python benchmarks/timeline_filter_speed.py [--events 200000]

Builds a throw-away library of synthetic articles and events, then times ``count_events``
plus the first page of ``event_rows`` (what a lazily fetching model asks for) and a full
``build_timeline`` for a narrow filter. Target: under 200 ms per filter change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import Library  # noqa: E402
from desktop.timeline.filters import Filters  # noqa: E402
from desktop.timeline.precision import place  # noqa: E402
from desktop.timeline.query import (  # noqa: E402
    build_timeline,
    count_events,
    event_keys,
    event_rows,
)

WORDS = "talks ceasefire memorandum delegation istanbul prisoner exchange sanctions oil spill well storm vote".split()
NAMES = [f"Person {i}" for i in range(500)]


def fill(library: Library, n_events: int) -> None:
    rng = random.Random(5)
    db = library.db
    n_articles = max(1, n_events // 20)
    start = dt.date(2020, 1, 1)
    with library.transaction():
        db.execute("INSERT INTO tags (id, name) VALUES (1, 'story')")
        for a in range(1, n_articles + 1):
            published = (start + dt.timedelta(days=rng.randrange(2000))).isoformat()
            db.execute(
                "INSERT INTO articles (id, title, text, original, sha256, clipped_at, published)"
                " VALUES (?, ?, '', '', ?, '2025-01-01', ?)",
                [a, f"Article {a}", f"sha{a}", published],
            )
            if a % 10 == 0:
                db.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (?, 1)", [a])
        events, people = [], []
        for i in range(1, n_events + 1):
            day = start + dt.timedelta(days=rng.randrange(2000))
            value = day.isoformat() if rng.random() < 0.8 else day.isoformat()[:7]
            p = place(value)
            assert p is not None
            text = " ".join(rng.choice(WORDS) for _ in range(12)) + f" number {i}."
            events.append(
                (
                    i,
                    rng.randrange(1, n_articles + 1),
                    f"k{i}",
                    0,
                    10,
                    text,
                    p.value,
                    p.precision,
                    p.first.isoformat(),
                    p.last.isoformat(),
                    p.sort_key,
                )
            )
            people.append((i, events[-1][1], rng.choice(NAMES)))
        db.conn.executemany(
            'INSERT INTO events (id, article_id, key, start, "end", text, date, precision, date_first,'
            " date_last, date_sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
        db.conn.executemany(
            "INSERT INTO event_people (event_id, article_id, name) VALUES (?, ?, ?)", people
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "big.db")
        t = time.perf_counter()
        fill(library, args.events)
        library.db.execute("ANALYZE")
        print(f"built {args.events} events in {time.perf_counter() - t:.1f} s")
        cases = {
            "no filter": Filters(),
            "person": Filters.from_strings(person="Person 42"),
            "date range (a month)": Filters.from_strings(date_from="2022-03", date_to="2022-03"),
            "text query": Filters.from_strings(query="memorandum istanbul"),
            "tag": Filters.from_strings(tag="story"),
            "person + year": Filters.from_strings(
                person="Person 7", date_from="2021", date_to="2021"
            ),
        }
        worst = 0.0
        for name, filters in cases.items():
            t = time.perf_counter()
            total = count_events(library, filters)
            page = event_rows(library, filters, limit=200)
            elapsed = (time.perf_counter() - t) * 1000
            worst = max(worst, elapsed)
            print(f"{name:22s} {total:7d} events, count + first page in {elapsed:6.1f} ms")
        for name, filters in cases.items():
            t = time.perf_counter()
            keys = event_keys(library, filters)
            elapsed = (time.perf_counter() - t) * 1000
            worst = max(worst, elapsed)
            print(f"{name:22s} {len(keys):7d} event keys in date order in {elapsed:6.1f} ms")
        t = time.perf_counter()
        events = build_timeline(library, Filters.from_strings(person="Person 42"))
        print(
            f"build_timeline (merged) for one person: {len(events)} events in {(time.perf_counter() - t) * 1000:.0f} ms"
        )
        print(f"worst filter: {worst:.0f} ms (target < 200 ms)")
        library.close()
        _ = page
    return 0


if __name__ == "__main__":
    sys.exit(main())
