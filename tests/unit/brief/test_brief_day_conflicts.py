"""The brief's date conflicts after a change are checked again only near the changed rows'
dates (``stored_light._conflicts_again``), with word counts kept across checks: after any
run of changes the flags and the counts must be exactly what a check of every row finds,
including when a change moves a word across the rarity limit, and for rows whose date
does not start with its day."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from db import Library
from db import happening_briefs as stored
from db.event_words import FIELDS, REPORTS
from desktop.brief.light import light_timeline
from desktop.brief.markdown import brief_from_library
from desktop.brief.stored_light import SEP, _conflicts_again, _Day
from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.merge import RARE_TOKEN_LIMIT, flag_conflicting_dates
from desktop.timeline.precision import sort_key
from desktop.timeline.query import build_timeline
from tests.unit.brief.test_brief_light import story as story  # noqa: F401 (the fixture)
from tests.unit.brief.test_brief_light import told
from tests.unit.brief.test_brief_stored import from_scratch
from tests.unit.timeline.test_timeline_library import store

#: A few stories told alike on nearby days (their words are rare), and one word near the
#: rarity limit that changes keep moving across it.
STORIES = [f"s{n}a s{n}b s{n}c s{n}d".split() for n in range(12)]
COMMON = "storm"
ODD_DATES = ["2025-W20", " 2025-05-12", "XXXX-05-16", "2025-05"]
DATE_WORDS = ["on Tuesday", "on Wednesday", "2025-05-13", ""]


def _row(rng: random.Random, happening: int, order: int) -> tuple:
    day = date(2025, 5, 1) + timedelta(days=rng.randrange(45))
    when = rng.choice(ODD_DATES) if rng.random() < 0.05 else day.isoformat()
    words = set(rng.choice(STORIES))
    if rng.random() < 0.3:
        words.add(f"w{rng.randrange(200)}")
    if rng.random() < 0.36:  # about RARE_TOKEN_LIMIT of the rows
        words.add(COMMON)
    articles = sorted(rng.sample(range(1, 60), rng.choice((1, 1, 2))))
    people = rng.choice((None, "", "Ann", "Bob", f"Ann{SEP}Bob"))
    raw = REPORTS.join(FIELDS.join(["1", str(a), "Outlet", "2025-06-01", "0", rng.choice(DATE_WORDS)])
                       for a in articles)
    precision = "day" if rng.random() < 0.93 else "month"
    entry = None if rng.random() < 0.04 else f"e{happening}"
    return (happening, entry, when, precision, "text", people, 0, 0, 0, 0, 1.0, 5,
            " ".join(sorted(words)), sort_key(when), len(articles), " ".join(map(str, articles)), 1, raw,
            0, None, None, "2025-06-01", rng.choice((0, 0, 1)), sort_key(when), order, None, 0, None)


def _store(db, rows: list[tuple]) -> None:
    for row in rows:
        db.execute("INSERT OR IGNORE INTO happenings (id, date, precision, date_sort, event_id, text, reports,"
                   " articles) VALUES (?, ?, 'day', '', 1, '', 1, 1)", [row[0], row[2]])
    stored.write_rows(db, rows)


def _whole_check(db) -> tuple[dict[int, tuple[int, str | None]], Counter[str]]:
    rows = stored.compared_rows(db)
    days = [_Day(*row) for row in rows]
    days.sort(key=lambda e: e.order)
    words = [e.tokens.split() for e in days]
    flag_conflicting_dates(days, words.__getitem__, _Day.articles, lambda e: e.date_texts(db))
    flags = {e.happening: (int(e.conflict), SEP.join(e.conflicting_dates) if e.conflicting_dates else None)
             for e in days}
    return flags, Counter(w for ws in words for w in ws)


def _kept(db) -> tuple[dict[int, tuple[int, str | None]], Counter[str]]:
    flags = {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT happening_id, conflict, conflicting_dates FROM happening_briefs"
        " WHERE entry_id IS NOT NULL AND precision = 'day'")}
    return flags, Counter(dict(db.execute("SELECT word, rows FROM brief_day_words").fetchall()))


def test_checks_near_changes_find_what_the_whole_check_finds(tmp_path):
    crossed = 0
    for seed in range(6):
        crossed += _changes(tmp_path / f"lib{seed}.db", random.Random(seed))
    assert crossed  # the changes moved the common word across the rarity limit


def _changes(path, rng: random.Random) -> int:
    """Random runs of changes, each checked near the changes and compared with the whole
    check; returns how many moved the common word across the rarity limit."""
    with Library(path) as library:
        db = library.db
        with db.atomic():
            _store(db, [_row(rng, h, rng.randrange(10**6)) for h in range(1, 181)])
            _conflicts_again(db)  # every row new: the whole check, counts made
        assert _kept(db) == _whole_check(db)
        crossed = conflicts = 0
        for _round in range(40):
            before = db.execute("SELECT rows FROM brief_day_words WHERE word = ?", [COMMON]).fetchone()
            with db.atomic():
                ids = [r[0] for r in db.execute("SELECT happening_id FROM happening_briefs")]
                for _ in range(rng.randrange(1, 5)):
                    action = rng.random()
                    if action < 0.35:  # a new happening
                        new = max(ids) + 1
                        ids.append(new)
                        _store(db, [_row(rng, new, rng.randrange(10**6))])
                    elif action < 0.6:  # clustered away
                        db.execute("DELETE FROM happenings WHERE id = ?", [ids.pop(rng.randrange(len(ids)))])
                    else:  # stored again, told or dated otherwise
                        _store(db, [_row(rng, rng.choice(ids), rng.randrange(10**6))])
                assert stored.pending_days(db)
                assert 4 * len(stored.pending_days(db)) < stored.day_row_count(db)  # checked near changes
                _conflicts_again(db)
            assert not stored.pending_days(db)
            assert _kept(db) == _whole_check(db)
            after = db.execute("SELECT rows FROM brief_day_words WHERE word = ?", [COMMON]).fetchone()
            if before and after and (before[0] <= RARE_TOKEN_LIMIT) != (after[0] <= RARE_TOKEN_LIMIT):
                crossed += 1
            conflicts += sum(c for c, _d in _kept(db)[0].values())
        assert conflicts  # the changes did make and unmake conflicts
    return crossed


def test_a_happenings_conflicting_dates_follow_the_timeline():
    """Three reports of one happening on three nearby days: each names the others' dates in
    the timeline's order, whichever order the pairs were found in."""

    class Day:
        def __init__(self, when: str, article: int) -> None:
            self.date, self.people, self.article = when, [], article
            self.conflict, self.conflicting_dates = False, ()

    days = [Day("2025-05-10", 1), Day("2025-05-12", 2), Day("2025-05-11", 3), Day("2025-05-13", 4)]
    words = ["quake struck coastal town".split()] * 4
    flag_conflicting_dates(days, words.__getitem__, lambda e: {e.article}, lambda e: [e.date])
    assert [e.conflicting_dates for e in days] == [
        ["2025-05-12", "2025-05-11", "2025-05-13"],
        ["2025-05-10", "2025-05-11", "2025-05-13"],
        ["2025-05-10", "2025-05-12", "2025-05-13"],
        ["2025-05-10", "2025-05-12", "2025-05-11"],
    ]


def test_a_reporters_changes_keep_the_conflicts_and_counts_a_whole_check_finds(story):
    """An import, a re-dating hide and a deletion, each followed by the brief (which checks
    the conflicts near the change): the flags, the counts, the timeline's conflicts and the
    brief are those made with nothing kept."""
    brief_from_library(story)
    assert _kept(story.db) == _whole_check(story.db)
    assert any(c for c, _d in _kept(story.db)[0].values())  # "A day early" disagrees
    late = store(story, "A day late", "The UN Security Council imposed sanctions on Libya on Sunday "
                 "and referred Moammar Gadhafi to the International Criminal Court.", "2011-02-28",
                 {"Sunday": "2011-02-27"}, ["Moammar Gadhafi"], outlet="BBC")
    early = next(e for e in build_timeline(story) if e.date == "2011-02-25")
    for change in (lambda: None, lambda: corrections.hide(story, early.id),
                   lambda: story.delete_article(late)):
        change()
        brief = brief_from_library(story)
        assert _kept(story.db) == _whole_check(story.db)
        assert told(light_timeline(story.db, Filters()).events) == told(build_timeline(story))
        assert brief == from_scratch(story)
