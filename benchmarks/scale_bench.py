"""Timeline and brief as the library grows: 2,000 and 20,000 real-shaped articles.

    .venv/bin/python benchmarks/scale_bench.py [--seed-articles 300] [--sizes 2000,20000]
                                               [--keep DIR]

Real shape without running spaCy 20,000 times: a few hundred Timeline17 development articles
(every topic, so dates pile up on a few days as news coverage does) are imported once with
full analysis; their stored rows (articles, events, event people, mentions, timexes, quotes,
furniture; the people are shared) are then copied into bigger libraries, each copy with new
ids and its dates moved a whole number of leap cycles later, so every copy keeps the seed's
events per date and no copy's events fall on another's dates. The happenings are then
computed once (timed: what the first timeline after a big import pays), and measured:

- ``timeline --json`` (a ``python -m desktop`` process) against a bare ``python3`` +
  ``sqlite3`` process reading the same event rows joined to their articles and writing them
  as JSON: aim <= 3x;
- ``brief`` of the whole library: CPU seconds and peak memory of its process: aim < 3 s CPU
  and < 300 MB at 20,000 articles; once as the first brief after the library changed (every
  story-wide read and plan it keeps emptied, through Clipline's own connection: it makes
  them all again), then twice again with nothing changed; then after a reporter's change
  made with Clipline's own commands: hiding an event, and importing one article (each undone
  after);
- CPU per event of ``timeline --json`` and ``brief`` at each size: aim flat (+-20%).

``--keep DIR`` keeps the seed library and the grown ones in DIR (a kept seed is reused);
``--reuse`` measures kept grown libraries again (their happenings are then already stored).
Per-event CPU is also given less the start-up (``timeline --json`` of an empty library).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _common import CORPORA, REPO

from db import Library

T17 = CORPORA / "timeline17-dev"
#: Columns moved with each copy's dates (their values start with a four-digit year).
DATE_COLUMNS = {
    "articles": ("published",),
    "events": ("date", "date_first", "date_last", "date_sort"),
    "timexes": ("value",),
    "quotes": ("date",),
}
#: Per-article tables copied with each article: (table, its own integer id column or None).
ARTICLE_TABLES = (("events", "id"), ("event_people", None), ("mentions", "id"),
                  ("timexes", "id"), ("quotes", "id"), ("furniture", None))
RAW_READ = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT e.id, e.article_id, e.key, e.text, e.date, e.precision, e.date_sort, e.planned,"
    " e.pinned, e.corrected, e.start, e.\\"end\\", a.title, a.url, a.published, a.outlet,"
    " e.date_text, e.hidden FROM events e JOIN articles a ON a.id = e.article_id"
    " WHERE e.hidden = 0 ORDER BY e.date_sort, e.hidden, e.id").fetchall()
sys.stdout.write(json.dumps(rows))  # json.dumps: the C encoder (json.dump is pure Python)
"""


def seed_files(count: int) -> list[Path]:
    """``count`` articles spread evenly over the whole development set (every topic)."""
    files = sorted(T17.glob("*/InputDocs/*/*.txt"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def build_seed(path: Path, count: int) -> None:
    from desktop.actions.analysing import Analyser  # lazy: loads spaCy
    from desktop.actions.importing import clips_from_jsonl, store_clips

    jsonl = path.with_suffix(".jsonl")
    with jsonl.open("w", encoding="utf-8") as out:
        for file in seed_files(count):
            text = file.read_text(encoding="utf-8", errors="replace").strip()
            if text:
                out.write(json.dumps({"text": text, "published": file.parent.name,
                                      "title": text.splitlines()[0],
                                      "source": file.parts[-4].split("_", 1)[1]}) + "\n")
    started = time.perf_counter()
    with Library(path) as library:
        outcomes = list(store_clips(library, clips_from_jsonl(jsonl), analyser=Analyser()))
    stored = sum(o.status == "stored" for o in outcomes)
    print(f"seed: {stored} Timeline17 articles analysed in {time.perf_counter() - started:.0f} s")


def _shift(value: Any, years: int) -> Any:
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit() and not value[4:5].isdigit():
        return f"{int(value[:4]) + years:04d}{value[4:]}"
    return value


def _rows(conn: Any, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    cursor = conn.execute(f"SELECT * FROM [{table}]")
    return [d[0] for d in cursor.description], cursor.fetchall()


def grow(seed: Path, path: Path, size: int) -> dict[str, int]:
    """A library of ``size`` articles made of shifted copies of the seed's stored rows."""
    Library(path).close()  # the schema, triggers and FTS of today's Clipline
    with Library(seed) as source:
        tables = {t: _rows(source.db.conn, t) for t in
                  ("articles", "people", "person_aliases", *(t for t, _ in ARTICLE_TABLES))}
    articles = tables["articles"][1]
    years = [int(r[tables["articles"][0].index("published")][:4]) for r in articles]
    cycle = (max(years) - min(years) + 4) // 4 * 4 + 4  # leap cycles: Feb 29 stays a day
    strides = {t: max((r[0] for r in tables[t][1]), default=0) for t in ("articles", "events",
                                                                       "mentions", "timexes", "quotes")}
    with Library(path) as library:
        conn = library.db.conn
        with library.db.atomic():
            for table in ("people", "person_aliases"):
                columns, rows = tables[table]
                conn.executemany(f"INSERT INTO [{table}] ({', '.join(columns)}) VALUES "
                                 f"({', '.join('?' * len(columns))})", rows)
            made = 0
            for copy in range((size + len(articles) - 1) // len(articles)):
                take = min(len(articles), size - made)
                wanted = {r[0] for r in articles[:take]}
                shift = copy * cycle
                for table, own_id in (("articles", "id"), *ARTICLE_TABLES):
                    columns, rows = tables[table]
                    conn.executemany(
                        f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES "
                        f"({', '.join('?' * len(columns))})",
                        _copied(table, columns, rows, own_id, wanted, copy, shift, strides))
                made += take
            # every date of the grown library is clustered again, as after a big import
            conn.execute("DELETE FROM happening_dirty")
            conn.execute("INSERT INTO happening_dirty (date) SELECT DISTINCT date FROM events")
        counts = {t: library.db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
                  for t in ("articles", "events", "mentions", "people")}
    return counts


def _copied(table: str, columns: list[str], rows: list[tuple[Any, ...]], own_id: str | None,
            wanted: set[int], copy: int, shift: int, strides: dict[str, int]) -> Iterator[list[Any]]:
    index = {c: i for i, c in enumerate(columns)}
    article_col = index["id"] if table == "articles" else index["article_id"]
    for row in rows:
        if row[article_col] not in wanted:
            continue
        new = list(row)
        new[article_col] += copy * strides["articles"]
        if own_id is not None and table != "articles":
            new[index[own_id]] += copy * strides[table]
        if table == "event_people":
            new[index["event_id"]] += copy * strides["events"]
        if table == "articles":
            new[index["sha256"]] = f"{row[index['sha256']]}-{copy}"
            for col in ("url", "url_key"):
                if col in index and row[index[col]]:
                    new[index[col]] = f"{row[index[col]]}#copy{copy}"
        for col in DATE_COLUMNS.get(table, ()):
            new[index[col]] = _shift(row[index[col]], shift)
        yield new


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_THREAD if hasattr(resource, "RUSAGE_THREAD")
                               else resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


#: Runs a command and writes its (status, CPU s, peak KB) to stderr's last line. A process
#: forked from this benchmark would report this benchmark's own peak memory as its own (Linux
#: carries the parent's high-water mark across fork and exec), so a small launcher forks it.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\n{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}\\n")
"""


def run(args: list[str], output: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of one process writing to ``output``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        process = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *args], stdout=out,
                                 stderr=subprocess.PIPE, cwd=REPO, env=env, check=False)
    wall = time.perf_counter() - started
    error = process.stderr.decode(errors="replace")
    status, cpu, peak_kb = error.rstrip().rsplit("\n", 1)[-1].split()
    if int(status) != 0:
        raise SystemExit(f"{args[2:]} failed ({status}):\n{error[-2000:]}")
    return wall, float(cpu), float(peak_kb) / 1024


def measure(path: Path, size: int, tmp: Path, start_cpu: float) -> dict[str, float]:
    # lazy: after the grow
    from desktop.brief.stored_light import refresh_stored
    from desktop.timeline.entries import refresh_entries
    from desktop.timeline.happening_store import refresh_happenings

    with Library(path) as library:
        cpu, started = _cpu(), time.perf_counter()
        refresh_happenings(library.db)
        refresh_entries(library.db)  # the whole timeline's entries, rendered once
        refresh_stored(library.db)  # and the brief's light happenings, stored once
        refresh_cpu, refresh_wall = _cpu() - cpu, time.perf_counter() - started
        events = library.db.execute("SELECT count(*) FROM events WHERE hidden = 0").fetchone()[0]
        happenings = library.db.execute("SELECT count(*) FROM happenings").fetchone()[0]
        # What the last brief kept goes, as any change to the library empties it: a reused
        # library's first brief is again the first brief after a change.
        with library.db.atomic():
            library.db.execute("DELETE FROM brief_cache")
    clipline = [sys.executable, "-m", "desktop", "--library", str(path)]
    timeline = run([*clipline, "timeline", "--json"], tmp / "timeline.json")
    entries = json.loads((tmp / "timeline.json").read_text(encoding="utf-8"))
    shown = len(entries)
    raw = run([sys.executable, "-c", RAW_READ, str(path)], tmp / "raw.json")
    brief = run([*clipline, "brief"], tmp / "brief.md")
    # The first brief after a change makes what it keeps (the story-wide reads and its plan);
    # the next open of the file it wrote checks the file (``db.checked``); the third reads
    # what was kept, nothing written since.
    second = run([*clipline, "brief"], tmp / "brief-second.md")
    again = run([*clipline, "brief"], tmp / "brief-again.md")
    hide, imported = changed_briefs(path, tmp, clipline, entries)
    if refresh_cpu < 0.05:
        print("  (happenings already stored: the grown library was reused)")
    print(f"{size} articles: {events} events shown on {happenings} happenings stored, "
          f"{shown} timeline entries")
    print(f"  happenings (and timeline entries, brief rows) computed from scratch: {refresh_cpu:.1f} CPU-s ({refresh_wall:.1f} s), "
          f"{refresh_cpu / events * 1000:.3f} ms per event")
    print(f"  timeline --json: {timeline[0]:.2f} s, {timeline[1]:.2f} CPU-s, {timeline[2]:.0f} MB; "
          f"raw sqlite3 read: {raw[0]:.2f} s, {raw[1]:.2f} CPU-s; ratio {timeline[1] / raw[1]:.1f}x CPU, "
          f"{timeline[0] / raw[0]:.1f}x wall (aim <= 3x)")
    print(f"  brief of the whole library: {brief[0]:.2f} s, {brief[1]:.2f} CPU-s, peak {brief[2]:.0f} MB "
          f"(aim < 3 CPU-s and < 300 MB at 20,000)")
    print(f"  brief again (the file the first wrote, closed cleanly by Clipline: not checked on open): "
          f"{second[0]:.2f} s, {second[1]:.2f} CPU-s, peak {second[2]:.0f} MB")
    print(f"  brief a third time, nothing written since: {again[0]:.2f} s, {again[1]:.2f} CPU-s, "
          f"peak {again[2]:.0f} MB")
    print(f"  brief after hiding one event (clipline event-hide): {hide[0]:.2f} s, {hide[1]:.2f} CPU-s, "
          f"peak {hide[2]:.0f} MB")
    print(f"  brief after importing one article (clipline import, analysed): {imported[0]:.2f} s, "
          f"{imported[1]:.2f} CPU-s, peak {imported[2]:.0f} MB")
    return {"events": events, "timeline_cpu": timeline[1], "raw_cpu": raw[1],
            "brief_cpu": brief[1], "brief_mb": brief[2], "refresh_cpu": refresh_cpu,
            "brief_again_cpu": again[1], "brief_again_mb": again[2],
            "brief_hide_cpu": hide[1], "brief_hide_mb": hide[2],
            "brief_import_cpu": imported[1], "brief_import_mb": imported[2],
            "timeline_work_cpu": timeline[1] - start_cpu}


def changed_briefs(path: Path, tmp: Path, clipline: list[str],
                   timeline: list[dict[str, Any]]) -> tuple[tuple[float, float, float], ...]:
    """The first brief after a reporter's change made through Clipline's own commands (so
    each closes the file cleanly, as the window does): hiding the most reported happening's
    event, then importing one article (analysed, in its own process). Each change is undone
    after, the same way (event-hide --undo, delete), so a kept library stays as grown."""
    shown = max((e for e in timeline if e["precision"] == "day"), key=lambda e: (e["reports"], e["id"]))
    run([*clipline, "event-hide", shown["id"]], tmp / "hide.txt")
    hide = run([*clipline, "brief"], tmp / "brief-hide.md")
    run([*clipline, "event-hide", "--undo", shown["id"]], tmp / "show.txt")
    clip = tmp / "one.jsonl"
    text = next(t for f in sorted(T17.glob("*/InputDocs/*/*.txt"))
                if (t := f.read_text(encoding="utf-8", errors="replace").strip()))
    clip.write_text(json.dumps({"text": "Late edition. " + text, "published": "2011-03-01",
                                "title": "Late edition", "source": "bench"}) + "\n", encoding="utf-8")
    run([*clipline, "import", "--quiet", "--jsonl", str(clip)], tmp / "import.txt")
    imported = run([*clipline, "brief"], tmp / "brief-import.md")
    with Library(path) as library:
        newest = library.db.execute("SELECT max(id) FROM articles").fetchone()[0]
    run([*clipline, "delete", str(newest)], tmp / "delete.txt")
    return hide, imported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-articles", type=int, default=300)
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--keep", type=Path, default=None, help="keep the libraries here (a kept seed is reused)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: measure the kept grown libraries again instead of growing them")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        where = args.keep or Path(scratch)
        where.mkdir(parents=True, exist_ok=True)
        seed = where / f"seed-{args.seed_articles}.db"
        if not seed.exists():
            build_seed(seed, args.seed_articles)
        empty = Path(scratch) / "empty.db"
        Library(empty).close()
        start_cpu = min(run([sys.executable, "-m", "desktop", "--library", str(empty), "timeline",
                             "--json"], Path(scratch) / "empty.json")[1] for _ in range(3))
        print(f"timeline --json of an empty library (start-up): {start_cpu:.2f} CPU-s")
        figures = {}
        for size in sizes:
            path = where / f"grown-{size}.db"
            if not (args.reuse and path.exists()):
                for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    old.unlink(missing_ok=True)
                started = time.perf_counter()
                counts = grow(seed, path, size)
                print(f"grown {path.name}: {counts} in {time.perf_counter() - started:.1f} s")
            figures[size] = measure(path, size, Path(scratch), start_cpu)
        if len(sizes) >= 2:
            small, big = figures[sizes[0]], figures[sizes[-1]]
            for name in ("timeline_cpu", "timeline_work_cpu", "brief_cpu", "brief_again_cpu", "refresh_cpu"):
                if min(small[name], big[name]) < 0.05:
                    continue  # happenings reused: nothing computed
                per_small = small[name] / small["events"]
                per_big = big[name] / big["events"]
                print(f"{name.replace('_cpu', '').replace('_work', ' less start-up')} CPU per event: {per_small * 1000:.3f} ms at {sizes[0]}, "
                      f"{per_big * 1000:.3f} ms at {sizes[-1]}: {per_big / per_small:.2f}x (aim 0.8-1.2x)")
            print(f"timeline_ratio={big['timeline_cpu'] / big['raw_cpu']:.1f} brief_cpu={big['brief_cpu']:.2f} "
                  f"brief_mb={big['brief_mb']:.0f} brief_hide_cpu={big['brief_hide_cpu']:.2f} "
                  f"brief_import_cpu={big['brief_import_cpu']:.2f} brief_import_mb={big['brief_import_mb']:.0f} "
                  f"brief_again_cpu={big['brief_again_cpu']:.2f} "
                  f"brief_again_mb={big['brief_again_mb']:.0f} per_event_growth="
                  f"{(big['timeline_cpu'] / big['events']) / (small['timeline_cpu'] / small['events']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
