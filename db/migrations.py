"""The library's schema, as named migration steps applied in order at open.

Each step is a function of the database; sqlite-utils ``Migrations`` records which ran in
``_sqlite_migrations``. Later parts of Clipline add their own steps at the end of this file
(never edit an applied one): the order here is the order on every user's disk.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.urls import normalise_url

MIGRATION_SET = "clipline"
migrations = Migrations(MIGRATION_SET)


def known_names() -> set[str]:
    """Names of every step this version of Clipline knows (a library with others is newer)."""
    return {m.name for m in migrations._migrations}


@migrations(name="0001_articles")
def articles(db: Database) -> None:
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "url": str,
            "outlet": str,
            "author": str,
            "language": str,
            "published": str,  # ISO date or datetime
            "published_precision": str,  # minute | day | month | year | none
            "published_source": str,  # user | metadata | dateline | url | file | jsonl | none
            "clipped_at": str,  # ISO datetime, UTC
            "text": str,  # cleaned text: what analysis, search and the reader use
            "original": str,  # the input as received (decoded), never altered
            "original_type": str,  # text | html | pdf | jsonl
            "sha256": str,  # of the original
            "source_path": str,
            "notes": str,
        },
        pk="id",
        not_null={"text", "original", "sha256", "clipped_at"},
        defaults={"notes": "", "published_precision": "none", "published_source": "none"},
    )
    db["articles"].create_index(["sha256"], unique=True)
    db["articles"].create_index(["url"])
    db["articles"].create_index(["published"])


@migrations(name="0002_tags")
def tags(db: Database) -> None:
    db["tags"].create({"id": int, "name": str}, pk="id", not_null={"name"})
    db["tags"].create_index(["name"], unique=True)
    # Plain SQL where sqlite-utils has no words for it: ON DELETE CASCADE, so deleting an
    # article takes its rows in child tables with it. Later child tables do the same.
    db.execute(
        """
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        )
        """
    )
    db["article_tags"].create_index(["tag_id"])


@migrations(name="0003_articles_fts")
def articles_fts(db: Database) -> None:
    db["articles"].enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )


@migrations(name="0005_timexes")
def timexes(db: Database) -> None:
    # Every date expression found in an article, resolved (see desktop/analysis/dates).
    db.execute(
        """
        CREATE TABLE timexes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            anchor TEXT,
            anchor_kind TEXT,
            confidence REAL,
            explanation TEXT
        )
        """
    )
    db["timexes"].create_index(["article_id", "start"])
    db["timexes"].create_index(["value"])


@migrations(name="0004_people")
def people(db: Database) -> None:
    # People across the library, the names they go by, and every entity mention in articles
    # (people, organisations, places); see db/people.py. Corrections are stored as rules so
    # they apply again to later imports and on reanalyse.
    db.execute(
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL
        )
        """
    )
    db["people"].create_index(["key"])
    db.execute(
        """
        CREATE TABLE person_aliases (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            alias TEXT NOT NULL,
            PRIMARY KEY (person_id, key)
        )
        """
    )
    db["person_aliases"].create_index(["key"])
    # person_id has no foreign key on purpose: people are rebuilt from mentions on relink
    # (keeping their ids by name key), and an article restored after a deletion must go
    # back even if its people were rebuilt meanwhile.
    db.execute(
        """
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            person_id INTEGER,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            model_label TEXT NOT NULL,
            role TEXT
        )
        """
    )
    db["mentions"].create_index(["article_id", "start"])
    db["mentions"].create_index(["person_id"])
    db["mentions"].create_index(["key"])
    db.execute(
        """
        CREATE TABLE people_corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'split', 'not_person')),
            data TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )


@migrations(name="0006_events")
def events(db: Database) -> None:
    # The timeline's dated sentences (desktop/timeline), derived from each article's analysis
    # and rewritten with it; ``key`` is stable across re-analysis so corrections re-attach.
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            date TEXT NOT NULL,
            precision TEXT NOT NULL,
            date_first TEXT NOT NULL,
            date_last TEXT NOT NULL,
            date_sort TEXT NOT NULL,
            planned INTEGER NOT NULL DEFAULT 0,
            date_text TEXT,
            anchor TEXT,
            confidence REAL,
            -- the reporter's corrections (event_corrections) applied, so filters need no join
            hidden INTEGER NOT NULL DEFAULT 0,
            pinned INTEGER NOT NULL DEFAULT 0,
            corrected INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    # (date_sort, hidden) covers the window's "every visible event in date order" scan.
    db["events"].create_index(["date_sort", "hidden"])
    db["events"].create_index(["article_id", "key"])
    db["events"].create_index(["date_first"])
    db["events"].enable_fts(["text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61")
    db.execute(
        """
        CREATE TABLE event_people (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL
        )
        """
    )
    db["event_people"].create_index(["name", "event_id"])
    db["event_people"].create_index(["event_id"])
    # The reporter's corrections: never cleared by re-analysis; found again by (article, key).
    db.execute(
        """
        CREATE TABLE event_corrections (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_key TEXT NOT NULL,
            hidden INTEGER NOT NULL DEFAULT 0,
            pinned INTEGER NOT NULL DEFAULT 0,
            date TEXT,
            precision TEXT,
            date_first TEXT,
            date_last TEXT,
            date_sort TEXT,
            text TEXT,
            updated_at TEXT,
            UNIQUE (article_id, event_key)
        )
        """
    )
    # Events the reporter adds by hand (a source article is optional).
    db.execute(
        """
        CREATE TABLE manual_events (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            precision TEXT NOT NULL,
            date_first TEXT NOT NULL,
            date_last TEXT NOT NULL,
            date_sort TEXT NOT NULL,
            text TEXT NOT NULL,
            people TEXT NOT NULL DEFAULT '[]',
            source_article_id INTEGER,
            source_title TEXT,
            url TEXT,
            planned INTEGER NOT NULL DEFAULT 0,
            hidden INTEGER NOT NULL DEFAULT 0,
            pinned INTEGER NOT NULL DEFAULT 0,
            created_at TEXT
        )
        """
    )
    db["manual_events"].create_index(["date_sort"])


@migrations(name="0007_url_key")
def url_key(db: Database) -> None:
    # The normalised URL (db/urls.py), indexed, so spotting a page already clipped is one
    # index lookup instead of a LIKE scan over every URL. Filled here for existing articles;
    # Library.add_article and update_article keep it.
    db.execute("ALTER TABLE articles ADD COLUMN url_key TEXT")
    rows = db.execute("SELECT id, url FROM articles WHERE url IS NOT NULL AND url != ''").fetchall()
    db.conn.executemany(
        "UPDATE articles SET url_key = ? WHERE id = ?",
        [(normalise_url(url), article_id) for article_id, url in rows],
    )
    db.execute("CREATE INDEX idx_articles_url_key ON articles (url_key)")


@migrations(name="0008_happenings")
def happenings(db: Database) -> None:
    # Happenings (desktop/timeline/happenings.py): the dated sentences of all clips that report
    # the same thing on the same date, stored so the timeline and the brief read them instead
    # of merging on every call. Derived, rebuilt per date: a trigger on ``events`` marks the
    # dates whose sentences came, went, moved or were reworded (``happening_dirty``), and the
    # next reader recomputes those dates. Page furniture (``furniture``) is recorded per
    # article as character spans of its text: the text keeps it, analysis ignores it.
    db.execute(
        """
        CREATE TABLE happenings (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            precision TEXT NOT NULL,
            date_sort TEXT NOT NULL,
            event_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            reports INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            outlets TEXT NOT NULL DEFAULT '[]',
            first_published TEXT,
            people TEXT NOT NULL DEFAULT '[]',
            places TEXT NOT NULL DEFAULT '[]',
            planned INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db["happenings"].create_index(["date"])
    db["happenings"].create_index(["date_sort"])
    db.execute(
        """
        CREATE TABLE happening_events (
            event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            happening_id INTEGER NOT NULL REFERENCES happenings(id) ON DELETE CASCADE
        )
        """
    )
    db["happening_events"].create_index(["happening_id"])
    db.execute("CREATE TABLE happening_dirty (date TEXT PRIMARY KEY)")
    db.execute("INSERT OR IGNORE INTO happening_dirty (date) SELECT DISTINCT date FROM events")
    for name, action, rows in (
        ("insert", "INSERT", ["NEW.date"]),
        ("delete", "DELETE", ["OLD.date"]),
        ("update", "UPDATE OF date, text", ["OLD.date", "NEW.date"]),
    ):
        inserts = " ".join(
            f"INSERT OR IGNORE INTO happening_dirty (date) VALUES ({r});" for r in rows
        )
        db.execute(
            f"CREATE TRIGGER events_happening_{name} AFTER {action} ON events BEGIN {inserts} END"
        )
    db.execute(
        """
        CREATE TABLE furniture (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (article_id, start)
        )
        """
    )
    # Outlets whose clips came or went: their furniture-by-repetition is found again.
    db.execute("CREATE TABLE furniture_dirty (outlet TEXT PRIMARY KEY)")
    db.execute(
        "INSERT OR IGNORE INTO furniture_dirty (outlet) SELECT DISTINCT outlet FROM articles"
        " WHERE outlet IS NOT NULL"
    )
    for name, action, rows in (
        ("insert", "INSERT", ["NEW.outlet"]),
        ("delete", "DELETE", ["OLD.outlet"]),
        ("update", "UPDATE OF text, outlet", ["OLD.outlet", "NEW.outlet"]),
    ):
        inserts = " ".join(
            f"INSERT OR IGNORE INTO furniture_dirty (outlet) SELECT {r} WHERE {r} IS NOT NULL;"
            for r in rows
        )
        db.execute(
            f"CREATE TRIGGER articles_furniture_{name} AFTER {action} ON articles"
            f" BEGIN {inserts} END"
        )
    # Articles or whole outlets the reporter marked "not this story": kept, but out of the
    # timeline and the brief until unmarked.
    db.execute(
        """
        CREATE TABLE off_story (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            outlet TEXT,
            created_at TEXT,
            CHECK ((article_id IS NULL) != (outlet IS NULL))
        )
        """
    )


@migrations(name="0009_quotes")
def quotes(db: Database) -> None:
    # Who said what (desktop/analysis/quotes), rewritten with each article's analysis.
    # ``found_person`` is what analysis said; ``person``/``person_id`` hold the reporter's
    # correction when there is one (quote_corrections, found again by article + content).
    db.execute(
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker TEXT,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            cue TEXT NOT NULL,
            content TEXT NOT NULL,
            content_text TEXT NOT NULL,
            direct INTEGER NOT NULL,
            found_person TEXT,
            person TEXT,
            person_id INTEGER,
            date TEXT,
            date_from_text INTEGER NOT NULL DEFAULT 0,
            hidden INTEGER NOT NULL DEFAULT 0,
            corrected INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db["quotes"].create_index(["article_id", "cue_start"])
    db["quotes"].create_index(["person_id"])
    db["quotes"].create_index(["date"])
    db.execute(
        """
        CREATE TABLE quote_corrections (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            content_text TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('speaker', 'not_quote')),
            person TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (article_id, content_text)
        )
        """
    )


@migrations(name="0010_event_words")
def event_words(db: Database) -> None:
    # What the brief reads of every event, computed once when the event is stored or changed
    # (desktop/timeline/event_words.py) instead of on every brief of a large library: its
    # content words (space-separated), how well it stands alone as a bullet, and its people
    # (person ids in text order, the "he"/"she" antecedent's id, names stored with the event;
    # "" for none) and the words of its sentence as a bullet.
    # A row goes when its event or its article's person mentions change; the next reader
    # computes the missing rows again.
    db.execute(
        """
        CREATE TABLE event_words (
            event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            tokens TEXT NOT NULL,
            clean REAL NOT NULL,
            words INTEGER NOT NULL,
            people TEXT NOT NULL
        )
        """
    )
    db.execute(
        "CREATE TRIGGER events_words_delete AFTER DELETE ON events BEGIN"
        " DELETE FROM event_words WHERE event_id = OLD.id; END"
    )
    db.execute(
        "CREATE TRIGGER events_words_update AFTER UPDATE OF text, date, start, \"end\", article_id"
        " ON events"
        " BEGIN DELETE FROM event_words WHERE event_id = OLD.id; END"
    )
    forget = ("DELETE FROM event_words WHERE event_id IN"
              " (SELECT id FROM events WHERE article_id = {row}.article_id);")
    for name, action, when, row in (
        ("insert", "INSERT", "NEW.label = 'PERSON'", "NEW"),
        ("delete", "DELETE", "OLD.label = 'PERSON'", "OLD"),
        ("update", 'UPDATE OF person_id, start, "end", label',
         "NEW.label = 'PERSON' OR OLD.label = 'PERSON'", "NEW"),
    ):
        db.execute(
            f"CREATE TRIGGER mentions_words_{name} AFTER {action} ON mentions"
            f" WHEN {when} BEGIN {forget.format(row=row)} END"
        )
    for name, action, row in (("insert", "INSERT", "NEW"), ("delete", "DELETE", "OLD")):
        db.execute(
            f"CREATE TRIGGER event_people_words_{name} AFTER {action} ON event_people"
            f" BEGIN DELETE FROM event_words WHERE event_id = {row}.event_id; END"
        )


def _mark_stale_articles(db: Database, stale: str) -> None:
    """Triggers that put an article in the table *stale* when anything a stored timeline
    entry or brief row shows of it changes: its events, title, date or outlet, its person
    mentions, the people named, its events' people, and "not this story" marks. The
    timeline entries (0011) and the brief rows (0012) are refreshed by different readers,
    so each keeps its own marks, set by these same triggers."""
    mark = f"INSERT OR IGNORE INTO {stale} (article_id) "
    for name, table, when, body, *condition in (
        ("events_update", "events", "AFTER UPDATE", f"{mark} VALUES (NEW.article_id);"),
        ("articles_update", "articles", "AFTER UPDATE OF title, url, published, outlet",
         f"{mark} VALUES (NEW.id);"),
        # only a person's mention names anyone in an entry
        ("mentions_insert", "mentions", "AFTER INSERT", f"{mark} VALUES (NEW.article_id);",
         "NEW.label = 'PERSON'"),
        ("mentions_delete", "mentions", "AFTER DELETE", f"{mark} VALUES (OLD.article_id);",
         "OLD.label = 'PERSON'"),
        ("mentions_update", "mentions", "AFTER UPDATE OF person_id, label, start, \"end\"",
         f"{mark} VALUES (OLD.article_id); {mark} VALUES (NEW.article_id);",
         "OLD.label = 'PERSON' OR NEW.label = 'PERSON'"),
        ("people_update", "people", "AFTER UPDATE OF name",
         f"{mark} SELECT DISTINCT article_id FROM mentions WHERE person_id = NEW.id;"),
        ("people_delete", "people", "AFTER DELETE",
         f"{mark} SELECT DISTINCT article_id FROM mentions WHERE person_id = OLD.id;"),
        ("event_people_insert", "event_people", "AFTER INSERT", f"{mark} VALUES (NEW.article_id);"),
        ("event_people_delete", "event_people", "AFTER DELETE", f"{mark} VALUES (OLD.article_id);"),
        ("event_people_update", "event_people", "AFTER UPDATE",
         f"{mark} VALUES (OLD.article_id); {mark} VALUES (NEW.article_id);"),
        ("off_story_insert", "off_story", "AFTER INSERT",
         f"{mark} SELECT NEW.article_id WHERE NEW.article_id IS NOT NULL;"
         f" {mark} SELECT id FROM articles WHERE outlet = NEW.outlet;"),
        ("off_story_delete", "off_story", "AFTER DELETE",
         f"{mark} SELECT OLD.article_id WHERE OLD.article_id IS NOT NULL;"
         f" {mark} SELECT id FROM articles WHERE outlet = OLD.outlet;"),
    ):
        only = f" WHEN {condition[0]}" if condition else ""
        db.execute(f"CREATE TRIGGER {stale}_{name} {when} ON {table}{only} BEGIN {body} END")


@migrations(name="0011_timeline_entries")
def timeline_entries(db: Database) -> None:
    # The unfiltered timeline, ready to show (db/timeline_entries.py): one row per stored
    # happening, its ``timeline --json`` entry rendered when the happening was stored, so
    # reading the whole timeline is one indexed scan. ``timeline_stale`` records the
    # articles whose entries show something that changed without re-clustering (a hidden,
    # pinned or edited report, a renamed or merged person, a retitled article, a "not this
    # story" mark); the next refresh renders their happenings again.
    db.execute(
        """
        CREATE TABLE timeline_entries (
            happening_id INTEGER PRIMARY KEY REFERENCES happenings(id) ON DELETE CASCADE,
            sort_key TEXT NOT NULL,
            published TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            hidden INTEGER NOT NULL,
            date_sort TEXT NOT NULL,
            first_event INTEGER NOT NULL,
            shown TEXT,
            every TEXT,
            compare_shown TEXT,
            compare_every TEXT,
            conflicts_shown TEXT,
            conflicts_every TEXT
        )
        """
    )
    db.execute("CREATE INDEX idx_timeline_entries_order ON timeline_entries (sort_key, published, entry_id)")
    # A happening's entry goes with it (also on a connection not enforcing foreign keys).
    db.execute("CREATE TRIGGER timeline_entries_gone AFTER DELETE ON happenings"
               " BEGIN DELETE FROM timeline_entries WHERE happening_id = OLD.id; END")
    db.execute("CREATE TABLE timeline_stale (article_id INTEGER PRIMARY KEY)")
    _mark_stale_articles(db, "timeline_stale")


@migrations(name="0012_happening_briefs")
def happening_briefs(db: Database) -> None:
    # What the brief of the whole library reads of each happening (db/happening_briefs.py),
    # computed when the happening is stored or something it shows changes, instead of
    # aggregating every report of a large library on every brief: one row per happening,
    # its light form (``desktop.brief.light.LightEvent``'s fields) as the unfiltered brief
    # builds it, date conflicts included (a row with no ``entry_id``: every report of the
    # happening hidden or set aside). ``brief_stale`` records the articles whose rows are out of date,
    # marked by the same changes that make a timeline entry stale (the two are refreshed
    # by different readers, so each keeps its own marks).
    db.execute(
        """
        CREATE TABLE happening_briefs (
            happening_id INTEGER PRIMARY KEY REFERENCES happenings(id) ON DELETE CASCADE,
            entry_id TEXT, date TEXT, precision TEXT, text TEXT, people TEXT,
            planned INTEGER, pinned INTEGER, corrected INTEGER, hidden INTEGER,
            clean REAL, words INTEGER, tokens TEXT, sort_key TEXT, reports INTEGER,
            article_ids TEXT, outlets_count INTEGER, raw TEXT, multi INTEGER,
            told_article INTEGER, told_start INTEGER, first_published TEXT,
            order_hidden INTEGER, order_date_sort TEXT, order_id INTEGER, members TEXT,
            conflict INTEGER NOT NULL DEFAULT 0, conflicting_dates TEXT
        )
        """
    )
    db.execute("CREATE TRIGGER happening_briefs_gone AFTER DELETE ON happenings"
               " BEGIN DELETE FROM happening_briefs WHERE happening_id = OLD.id; END")
    db.execute("CREATE TABLE brief_stale (article_id INTEGER PRIMARY KEY)")
    _mark_stale_articles(db, "brief_stale")
    # Story-wide reads of the unfiltered brief (article weights, day scores, the people's
    # mentions, the quotes it tells, its publication days), kept until anything they read
    # changes: every such change empties it.
    db.execute("CREATE TABLE brief_cache (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for table, actions in (
        ("events", ("INSERT", "UPDATE", "DELETE")),
        ("event_words", ("INSERT", "UPDATE", "DELETE")),
        ("articles", ("INSERT", "UPDATE", "DELETE")),
        ("off_story", ("INSERT", "UPDATE", "DELETE")),
        ("manual_events", ("INSERT", "UPDATE", "DELETE")),
        ("mentions", ("INSERT", "UPDATE", "DELETE")),
        ("people", ("INSERT", "UPDATE", "DELETE")),
        ("quotes", ("INSERT", "UPDATE", "DELETE")),
        ("quote_corrections", ("INSERT", "UPDATE", "DELETE")),
        ("happenings", ("INSERT", "DELETE")),  # clustered again: a kept plan names happenings
    ):
        for action in actions:
            db.execute(f"CREATE TRIGGER brief_cache_{table}_{action.lower()} AFTER {action} ON {table}"
                       " BEGIN DELETE FROM brief_cache; END")


@migrations(name="0013_linking_look_ups")
def linking_look_ups(db: Database) -> None:
    # What linking an article's people looks up for each of its names, indexed, so storing
    # an article costs the same in a library of 200 articles as of 20,000 (db/people.py):
    # - the last word of each name's key ("obama" of "barack hussein obama"): a surname alone
    #   looked up the names ending in it with ``LIKE '% obama'``, reading every name each time;
    # - the 24 characters before and after each person mention, and what they say of it
    #   (``context``, written by desktop/people/linking.py; NULL in a library from before,
    #   where it is worked out from the two texts): the library's vote on a name read every
    #   article naming it to cut them out of its text, and ran its patterns over each;
    # - mentions by key and labels: "is this name a person anywhere" read every mention of a
    #   name ("us", "china") the article calls a place.
    db.execute("ALTER TABLE person_aliases ADD COLUMN last_word TEXT NOT NULL DEFAULT ''")
    db.conn.executemany(
        "UPDATE person_aliases SET last_word = ? WHERE rowid = ?",
        [(str(key).rsplit(" ", 1)[-1], rowid)
         for rowid, key in db.execute("SELECT rowid, key FROM person_aliases").fetchall()],
    )
    db.execute("CREATE INDEX idx_person_aliases_last_word ON person_aliases (last_word)")
    db.execute("ALTER TABLE mentions ADD COLUMN text_before TEXT")
    db.execute("ALTER TABLE mentions ADD COLUMN text_after TEXT")
    db.execute("ALTER TABLE mentions ADD COLUMN context TEXT")
    db.execute(
        "UPDATE mentions SET text_before = (SELECT substr(a.text, max(1, mentions.start + 1 - 24),"
        " min(24, mentions.start)) FROM articles a WHERE a.id = mentions.article_id),"
        " text_after = (SELECT substr(a.text, mentions.\"end\" + 1, 24) FROM articles a"
        " WHERE a.id = mentions.article_id) WHERE model_label = 'PERSON'"
    )
    db.execute("DROP INDEX IF EXISTS idx_mentions_key")
    db.execute("CREATE INDEX idx_mentions_key_labels ON mentions (key, model_label, label, context)")


@migrations(name="0014_brief_cache_finer")
def brief_cache_finer(db: Database) -> None:
    # The brief's story-wide reads (``brief_cache``) emptied only by what each reads, so the
    # first brief after a pin or a hide does not make them all again at 20,000 articles:
    # - "people" (names, roles, mentions) reads only people and mentions;
    # - a pin changes the plan and the day scores (pinned days lead), nothing else kept;
    # - clustering again (happenings written) changes only the plan, which names happenings;
    # - an event's update empties the rest only when a value other than ``pinned`` changed
    #   (corrections are applied by one UPDATE setting every corrected column);
    # - "quotes" reads the quotes of the timeline's articles: kept with the articles it was
    #   made for (the brief compares), an event's change does not empty it.
    # An event's stored words are dropped only when what they are made of changed (the same
    # UPDATE named text and date even for a pin). A later step adding an events column that
    # the brief reads adds it to these triggers.
    db.execute("DROP TRIGGER IF EXISTS events_words_update")
    made_of = ("text", "date", "start", "end", "article_id")
    db.execute(
        "CREATE TRIGGER events_words_update AFTER UPDATE OF text, date, start, \"end\", article_id"
        " ON events WHEN " + " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in made_of)
        + " BEGIN DELETE FROM event_words WHERE event_id = OLD.id; END"
    )
    not_people = "DELETE FROM brief_cache WHERE name <> 'people';"
    events_only = "DELETE FROM brief_cache WHERE name NOT IN ('people', 'quotes');"
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'brief_cache_%'"
    ).fetchall():
        db.execute(f"DROP TRIGGER {name}")
    columns = [r[1] for r in db.execute("PRAGMA table_info(events)").fetchall() if r[1] != "pinned"]
    db.execute(
        "CREATE TRIGGER brief_cache_events_update AFTER UPDATE ON events WHEN "
        + " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns) + f" BEGIN {events_only} END"
    )
    db.execute(
        "CREATE TRIGGER brief_cache_events_pin AFTER UPDATE OF pinned ON events"
        " WHEN OLD.pinned IS NOT NEW.pinned"
        " BEGIN DELETE FROM brief_cache WHERE name IN ('plan', 'day_scores'); END"
    )
    for table, actions, body in (
        ("events", ("INSERT", "DELETE"), events_only),
        ("event_words", ("INSERT", "UPDATE", "DELETE"), events_only),
        ("articles", ("INSERT", "UPDATE", "DELETE"), not_people),
        ("off_story", ("INSERT", "UPDATE", "DELETE"), events_only),
        ("manual_events", ("INSERT", "UPDATE", "DELETE"), events_only),
        ("quotes", ("INSERT", "UPDATE", "DELETE"), not_people),
        ("quote_corrections", ("INSERT", "UPDATE", "DELETE"), not_people),
        ("mentions", ("INSERT", "UPDATE", "DELETE"), "DELETE FROM brief_cache;"),
        ("people", ("INSERT", "UPDATE", "DELETE"), "DELETE FROM brief_cache;"),
        ("happenings", ("INSERT", "DELETE"), "DELETE FROM brief_cache WHERE name = 'plan';"),
    ):
        for action in actions:
            db.execute(f"CREATE TRIGGER brief_cache_{table}_{action.lower()} AFTER {action} ON {table}"
                       f" BEGIN {body} END")


@migrations(name="0015_derived_rules")
def derived_rules(db: Database) -> None:
    # Which rules made the derived rows (happenings, their timeline entries and brief rows,
    # events' words, the brief's kept reads): one row, written by ``db.derived_rules``. A
    # Clipline whose grouping or brief rules differ rebuilds them on its first refresh, so
    # an update does not go on showing what the older rules made. No row yet: unknown rules.
    db.execute("CREATE TABLE derived_rules (id INTEGER PRIMARY KEY CHECK (id = 1), rules TEXT NOT NULL)")


@migrations(name="0016_article_words")
def article_words(db: Database) -> None:
    # Each article's content words as the brief's story weights read them (db/article_words.py),
    # computed on first need, as word ids (``story_vocabulary``; int32 little-endian blobs):
    # the distinct words of its shown events and of those dated to a day, each day-dated
    # sentence's words with its date, how many shown events it has and how many of those have
    # no stored words or an empty sentence; and each of those sentences' event id (int64) and
    # whether it is pinned (a byte each), which the day ranking reads. A row goes when
    # anything it is made of changes.
    db.execute("CREATE TABLE story_vocabulary (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)")
    db.execute(
        """
        CREATE TABLE article_words (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            events INTEGER NOT NULL,
            bad INTEGER NOT NULL,
            words BLOB NOT NULL,
            day_words BLOB NOT NULL,
            sentences BLOB NOT NULL,
            lengths BLOB NOT NULL,
            dates TEXT NOT NULL,
            event_ids BLOB NOT NULL,
            pins BLOB NOT NULL
        )
        """
    )
    forget = "DELETE FROM article_words WHERE article_id = {};"
    made_of = ("hidden", "precision", "date", "text", "article_id", "pinned")
    db.execute("CREATE TRIGGER article_words_events_insert AFTER INSERT ON events BEGIN "
               + forget.format("NEW.article_id") + " END")
    db.execute("CREATE TRIGGER article_words_events_delete AFTER DELETE ON events BEGIN "
               + forget.format("OLD.article_id") + " END")
    db.execute(
        f"CREATE TRIGGER article_words_events_update AFTER UPDATE OF {', '.join(made_of)} ON events"
        " WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in made_of) + " BEGIN "
        + forget.format("OLD.article_id") + " " + forget.format("NEW.article_id") + " END"
    )
    of_event = "(SELECT article_id FROM events WHERE id = {}.event_id)"
    for action, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        db.execute(
            f"CREATE TRIGGER article_words_event_words_{action.lower()} AFTER {action} ON event_words"
            " BEGIN " + " ".join(forget.format(of_event.format(row)) for row in rows) + " END"
        )
    # The brief names the speaker of a bare "he"/"she" (``event_words.pronoun_quotes``): the
    # quotes so spoken, indexed alone (a tenth of all quotes), in the order the article index
    # gives them, so the brief reads them without reading every quote of 20,000 articles.
    db.execute(
        "CREATE INDEX idx_quotes_pronoun ON quotes (article_id, cue_start) WHERE hidden = 0"
        " AND speaker_start IS NOT NULL AND lower(speaker) IN ('he', 'she')"
    )


@migrations(name="0017_brief_day_words")
def brief_day_words(db: Database) -> None:
    # The date conflict check over the brief's rows dated to a day (db/happening_briefs.py)
    # weighs each word by how many such rows use it across the whole timeline, and a pair of
    # rows can conflict only within a few days of each other: so after a change it checks
    # again only the rows near the dates of the rows that changed, with the word counts kept
    # here (``brief_day_words``: as of the last check). ``brief_day_pending`` holds, for each
    # row changed since that check, the row as the check saw it (``counted``: it was a row
    # dated to a day; its date and words), written by triggers on every write of a row. Every
    # row stored now is pending and none counted, so the next check is one of the whole.
    db.execute("CREATE TABLE brief_day_words (word TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID")
    db.execute(
        "CREATE TABLE brief_day_pending (happening_id INTEGER PRIMARY KEY, counted INTEGER NOT NULL,"
        " date TEXT, tokens TEXT)"
    )
    as_seen = ("INSERT OR IGNORE INTO brief_day_pending (happening_id, counted, date, tokens) VALUES"
               " (OLD.happening_id, OLD.entry_id IS NOT NULL AND OLD.precision = 'day', OLD.date, OLD.tokens);")
    checked = ("entry_id", "date", "precision", "tokens", "people", "article_ids", "raw", "members",
               "order_hidden", "order_date_sort", "order_id")
    db.execute("CREATE TRIGGER brief_day_insert AFTER INSERT ON happening_briefs BEGIN"
               " INSERT OR IGNORE INTO brief_day_pending (happening_id, counted) VALUES (NEW.happening_id, 0); END")
    db.execute(f"CREATE TRIGGER brief_day_delete AFTER DELETE ON happening_briefs BEGIN {as_seen} END")
    db.execute(f"CREATE TRIGGER brief_day_update AFTER UPDATE OF {', '.join(checked)} ON happening_briefs"
               f" BEGIN {as_seen} END")
    # The rows near a date, and (rarely) the rows using a word: read from this index alone.
    db.execute("CREATE INDEX idx_happening_briefs_days ON happening_briefs (date, tokens)"
               " WHERE entry_id IS NOT NULL AND precision = 'day'")
    # Rows dated to a day whose date does not start with the day itself ("2025-05-29"):
    # the check reads them with the rows near any date.
    db.execute("CREATE INDEX idx_happening_briefs_odd_days ON happening_briefs (happening_id)"
               " WHERE entry_id IS NOT NULL AND precision = 'day'"
               " AND NOT (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')")
    db.execute("INSERT INTO brief_day_pending (happening_id, counted) SELECT happening_id, 0 FROM happening_briefs")



@migrations(name="0018_mention_roles")
def mention_roles(db: Database) -> None:
    # The brief counts each person's mentions and roles (``happening_briefs.people_role_counts``)
    # over every person mention: by the person index that was, each mention's row was read for
    # its label and role (0.17 CPU-s at a million mentions). The index takes them along
    # (person first, as before: every look-up by person reads it as it read the old one).
    db.execute("CREATE INDEX idx_mentions_person_roles ON mentions (person_id, label, role)")
    db.execute("DROP INDEX IF EXISTS idx_mentions_person_id")


@migrations(name="0019_brief_rows_by_date")
def brief_rows_by_date(db: Database) -> None:
    # The whole library's brief reads the brief rows of a few dates at a time, and counts
    # them by date and in all (db/happening_briefs.py): each read was a scan of every row
    # with its reports. This index finds a date's rows and holds what the counts read.
    db.execute("CREATE INDEX idx_happening_briefs_date ON happening_briefs"
               " (date, precision, planned, entry_id, hidden, conflict)")
