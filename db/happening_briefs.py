"""Storage of the brief's light happenings (``happening_briefs``) and of their stale marks.

One row per stored happening: what the unfiltered brief reads of it (``desktop.brief.light``
builds the row and reads it back), written when the happening is stored or something it
shows changes (``brief_stale``, by article, marked by triggers), so the brief of a large
library reads one row per happening instead of aggregating every report. The date conflict
check's own storage is here too: each word's count over the rows dated to a day as of the
last check (``brief_day_words``) and the rows changed since, as that check saw them
(``brief_day_pending``, written by triggers on every write of a row). Plain rows in, plain
rows out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from db import per_happening

#: The stored columns after ``happening_id``, in order.
COLUMNS = (
    "entry_id", "date", "precision", "text", "people", "planned", "pinned", "corrected", "hidden",
    "clean", "words", "tokens", "sort_key", "reports", "article_ids", "outlets_count", "raw",
    "multi", "told_article", "told_start", "first_published", "order_hidden", "order_date_sort",
    "order_id", "members", "conflict", "conflicting_dates",
)


def has_briefs_table(db: Database) -> bool:
    return per_happening.has_table(db, "happening_briefs")


def happenings_to_store(db: Database) -> list[int]:
    return per_happening.happenings_to_refresh(db, "happening_briefs", "brief_stale")


def all_stored(db: Database) -> bool:
    return per_happening.all_fresh(db, "happening_briefs", "brief_stale")


def write_rows(db: Database, rows: Iterable[Sequence[Any]]) -> None:
    """Store (happening id, ``COLUMNS``...) rows; in the caller's transaction. A row stored
    before is deleted first, not replaced: a replaced row fires no delete trigger, and the
    date conflict check's triggers (``brief_day_pending``) must see the row it had."""
    rows = [tuple(r) for r in rows]
    db.execute("DELETE FROM happening_briefs WHERE happening_id IN (SELECT value FROM json_each(?))",
               [json.dumps([r[0] for r in rows])])
    db.conn.executemany(
        f"INSERT INTO happening_briefs (happening_id, {', '.join(COLUMNS)})"
        f" VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
        rows,
    )


def forget_stale(db: Database) -> None:
    """Rows of happenings no longer stored, and the stale marks (all stored again). Every
    happening has its row now, so there are rows of others only when there are more rows
    than happenings (a trigger deletes a happening's row with it: two counts, not a scan)."""
    if db.execute("SELECT count(*) FROM happening_briefs").fetchone()[0] > stored_happenings(db):
        db.execute("DELETE FROM happening_briefs WHERE happening_id NOT IN (SELECT id FROM happenings)")
    db.execute("DELETE FROM brief_stale")


def stored_happenings(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM happenings").fetchone()[0])


def read_rows(db: Database, *, tokens: bool = False) -> Iterable[tuple[Any, ...]]:
    """Every row telling a happening (happening id, ``COLUMNS``...; ``tokens`` NULL unless
    asked for: only the date conflicts read them), one at a time."""
    columns = [c if c != "tokens" or tokens else "NULL" for c in COLUMNS]
    return iter(db.execute(
        f"SELECT happening_id, {', '.join(columns)} FROM happening_briefs WHERE entry_id IS NOT NULL"
    ))


def write_conflicts(db: Database, conflicts: Iterable[tuple[int, int, str | None]]) -> None:
    """(happening id, conflict, its conflicting dates joined) of the rows whose flags changed."""
    db.conn.executemany(
        "UPDATE happening_briefs SET conflict = ?, conflicting_dates = ? WHERE happening_id = ?",
        [(c, dates, h) for h, c, dates in conflicts],
    )


def cached(db: Database, name: str) -> str | None:
    """A story-wide read of the unfiltered brief, as stored since nothing it reads changed
    (triggers empty ``brief_cache`` on any change); None when not stored."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'brief_cache'").fetchone():
        return None
    row = db.execute("SELECT value FROM brief_cache WHERE name = ?", [name]).fetchone()
    return None if row is None else str(row[0])


def keep_cached(db: Database, name: str, value: str) -> None:
    """Store a story-wide read (its own transaction)."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO brief_cache (name, value) VALUES (?, ?)", [name, value])


def rows_of(db: Database, happening_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The rows (as ``read_rows``) of these happenings."""
    return db.execute(
        f"SELECT happening_id, {', '.join(c if c != 'tokens' else 'NULL' for c in COLUMNS)}"
        " FROM happening_briefs WHERE entry_id IS NOT NULL AND happening_id IN"
        " (SELECT value FROM json_each(?))", [json.dumps(list(happening_ids))],
    ).fetchall()


def compared_rows(db: Database) -> list[tuple[Any, ...]]:
    """What the date conflict check reads of every row dated to a day: (happening id, date,
    people, tokens, article ids, the three order columns, conflict, conflicting dates)."""
    return db.execute(f"SELECT {COMPARED} FROM happening_briefs WHERE {DAY_ROW}").fetchall()


#: What the date conflict check reads of a row (``compared_rows``).
COMPARED = ("happening_id, date, people, tokens, article_ids, order_hidden, order_date_sort, order_id,"
            " conflict, conflicting_dates")
#: The rows dated to a day (as the partial index ``idx_happening_briefs_days`` says it).
DAY_ROW = "entry_id IS NOT NULL AND precision = 'day'"
#: ... whose date does not start with the day itself (``idx_happening_briefs_odd_days``).
ODD_DAY = f"{DAY_ROW} AND NOT (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')"


def day_row_count(db: Database) -> int:
    return int(db.execute(f"SELECT count(*) FROM happening_briefs WHERE {DAY_ROW}").fetchone()[0])


def pending_days(db: Database) -> list[tuple[int, int, str | None, str | None]]:
    """The rows changed since the last date conflict check, as it saw them: (happening id,
    whether it was a row dated to a day, its date, its words)."""
    return db.execute("SELECT happening_id, counted, date, tokens FROM brief_day_pending").fetchall()


def forget_pending(db: Database) -> None:
    db.execute("DELETE FROM brief_day_pending")


def compared_rows_of(db: Database, happening_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """``compared_rows`` of these happenings (those dated to a day)."""
    return db.execute(
        f"SELECT {COMPARED} FROM happening_briefs WHERE {DAY_ROW} AND happening_id IN"
        " (SELECT value FROM json_each(?))", [json.dumps(list(happening_ids))],
    ).fetchall()


def compared_rows_between(db: Database, spans: Sequence[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """``compared_rows`` of the rows dated from ``first`` up to (not including) ``after``
    for each (first, after), and of every row whose date does not start with its day."""
    rows = {}
    for first, after in spans:
        for row in db.execute(f"SELECT {COMPARED} FROM happening_briefs WHERE {DAY_ROW}"
                              " AND date >= ? AND date < ?", [first, after]):
            rows[row[0]] = row
    for row in db.execute(f"SELECT {COMPARED} FROM happening_briefs WHERE {ODD_DAY}"):
        rows[row[0]] = row
    return list(rows.values())


def dates_using(db: Database, words: Sequence[str]) -> set[str | None]:
    """The dates of the rows dated to a day whose words include any of ``words``."""
    wanted = set(words)
    found: set[str | None] = set()
    for offset in range(0, len(words), 100):
        chunk = list(words[offset:offset + 100])
        for date, tokens in db.execute(
            f"SELECT date, tokens FROM happening_briefs WHERE {DAY_ROW} AND ("
            + " OR ".join("instr(tokens, ?) > 0" for _ in chunk) + ")", chunk,
        ):
            if wanted.intersection((tokens or "").split()):
                found.add(date)
    return found


def word_counts(db: Database, words: Iterable[str]) -> dict[str, int]:
    """How many rows dated to a day used each of these words at the last check."""
    return dict(db.execute(
        "SELECT word, rows FROM brief_day_words WHERE word IN (SELECT value FROM json_each(?))",
        [json.dumps(list(words))],
    ).fetchall())


def write_word_counts(db: Database, counts: dict[str, int], *, whole: bool = False) -> None:
    """Store these words' counts (``whole``: all of them, the others dropped)."""
    if whole:
        db.execute("DELETE FROM brief_day_words")
    db.conn.executemany("INSERT OR REPLACE INTO brief_day_words (word, rows) VALUES (?, ?)",
                        [(w, n) for w, n in counts.items() if n > 0])
    gone = [w for w, n in counts.items() if n <= 0]
    if gone and not whole:
        db.execute("DELETE FROM brief_day_words WHERE word IN (SELECT value FROM json_each(?))",
                   [json.dumps(gone)])


def reports_of(db: Database, happening_id: int) -> tuple[str, str | None]:
    """A row's reports as the check reads their dating words: (raw, members)."""
    raw, members = db.execute(
        "SELECT raw, members FROM happening_briefs WHERE happening_id = ?", [happening_id]).fetchone()
    return raw, members


def people_role_counts(db: Database) -> tuple[list[tuple[int, str]], list[tuple[int, str | None, int, int]]]:
    """What ``people.list_people`` counts, in two reads instead of one per person: the people
    with a mention as a person (id, name; by name, as it lists them), and (person id, role,
    mentions, first mention's rowid) for each of their roles (None: mentions without one)."""
    people = db.execute(
        "SELECT people.id, people.name FROM people WHERE EXISTS (SELECT 1 FROM mentions"
        " WHERE person_id = people.id AND label = 'PERSON') ORDER BY people.name"
    ).fetchall()
    roles = db.execute(
        "SELECT person_id, role, count(*), min(rowid) FROM mentions WHERE label = 'PERSON'"
        " AND person_id IS NOT NULL GROUP BY person_id, label, role"  # (the label is one: as the index orders them)
    ).fetchall()
    return people, roles


# -- the whole library's brief planned from the rows: aggregates, and only the rows it needs ----


def rows_where(db: Database, clause: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """The rows (as ``read_rows``) matching ``clause`` (over ``happening_briefs``)."""
    return db.execute(
        f"SELECT happening_id, {', '.join(c if c != 'tokens' else 'NULL' for c in COLUMNS)}"
        f" FROM happening_briefs WHERE entry_id IS NOT NULL AND ({clause})", list(params),
    ).fetchall()


def row_dates(db: Database) -> list[tuple[str, int, int, int]]:
    """Each date the rows carry: (date, rows, planned rows, rows on it that could be a key
    event: day precision, not planned)."""
    return db.execute(
        "SELECT date, count(*), sum(planned = 1), sum(precision = 'day' AND planned = 0)"
        " FROM happening_briefs WHERE entry_id IS NOT NULL GROUP BY date"
    ).fetchall()


def row_totals(db: Database) -> tuple[int, int, int, int]:
    """(rows, planned, with a date conflict, shown) over every row telling a happening."""
    rows, planned, conflicts, shown = db.execute(
        "SELECT count(*), sum(planned = 1), sum(conflict = 1), sum(hidden = 0) FROM happening_briefs"
        " WHERE entry_id IS NOT NULL"
    ).fetchone()
    return rows, planned or 0, conflicts or 0, shown or 0


def people_rows(db: Database) -> Iterable[tuple[str, str]]:
    """(people, article ids) of the rows naming someone, one at a time."""
    return iter(db.execute(
        "SELECT people, article_ids FROM happening_briefs WHERE entry_id IS NOT NULL"
        " AND people IS NOT NULL AND people != ''"
    ))


def told_at(db: Database, article_ids: Sequence[int]) -> list[tuple[int, int, int, int]]:
    """(happening id, told article, told start, the text's length in bytes: never fewer than
    its characters) of the rows not corrected told by a sentence of these articles."""
    return db.execute(
        "SELECT happening_id, told_article, told_start, length(CAST(text AS BLOB)) FROM happening_briefs"
        " WHERE entry_id IS NOT NULL AND corrected = 0 AND told_start IS NOT NULL"
        " AND told_article IN (SELECT value FROM json_each(?))", [json.dumps(sorted(article_ids))],
    ).fetchall()


def first_of_dates(db: Database, dates: Sequence[str]) -> list[tuple[str, str, str | None, str]]:
    """(date, sort key, first published, entry id) of the rows on these dates."""
    return db.execute(
        "SELECT date, sort_key, first_published, entry_id FROM happening_briefs WHERE entry_id IS NOT NULL"
        " AND date IN (SELECT value FROM json_each(?))", [json.dumps(list(dates))],
    ).fetchall()


def rows_by_bound(db: Database, bound: str, at_least: float, most_cost: int,
                  also: str = "1") -> list[tuple[float, int, str, int]]:
    """(``bound``, happening id, date, bullet cost) of the shown rows matching ``also`` whose
    ``bound`` (both SQL over the row) is at least ``at_least`` and whose bullet costs at most
    ``most_cost`` words (``light.event_cost``), highest bound first."""
    return db.execute(
        f"SELECT {bound} AS most, happening_id, date, words + 3 + 3 * (outlets_count > 1) AS cost"
        " FROM happening_briefs WHERE entry_id IS NOT NULL AND hidden = 0 AND most >= ? AND cost <= ?"
        f" AND ({also}) ORDER BY most DESC", [at_least, most_cost],
    ).fetchall()
