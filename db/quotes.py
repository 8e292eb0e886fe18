"""Storage of who said what: each article's quotes (``quotes``) and the reporter's
corrections to them (``quote_corrections``).

Quotes are rewritten with the article's analysis, inside its transaction; corrections live
in their own table, keyed by article and the quoted words (ids change on re-analysis, the
words do not), and are applied again every time the quotes are written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from db.connection import insert_dicts

#: The library person a name refers to, or None: people linking lives above storage, so
#: the caller passes it in (``desktop.actions.quotes.person_finder``).
FindPerson = Callable[[str], int | None]


def _nobody(_name: str) -> int | None:
    return None

#: What a stored quote record gives (analysis hands these as plain dicts).
FIELDS = ("speaker_start", "speaker_end", "speaker", "cue_start", "cue_end", "cue", "content",
          "content_text", "direct", "person", "date", "date_from_text")

#: Columns a listing returns: the quote, its speaker's current name and its source.
LIST_COLUMNS = (
    "q.id, q.article_id, q.speaker, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end,"
    " q.content, q.content_text, q.direct, q.found_person, q.person_id, q.date,"
    " q.date_from_text, q.hidden, q.corrected,"
    " COALESCE(p.name, q.person) AS person,"
    " a.title AS title, a.url AS url, a.outlet AS outlet, a.published AS published"
)
_FROM = ("FROM quotes q JOIN articles a ON a.id = q.article_id"
         " LEFT JOIN people p ON p.id = q.person_id")


class QuoteError(ValueError):
    """A correction that cannot be made (no such quote, no such person)."""


def write_quotes(db: Database, article_id: int, quotes: Iterable[Mapping[str, Any]],
                 find: FindPerson = _nobody) -> None:
    """Replace an article's quotes and apply its corrections; runs inside the caller's
    transaction, after its mentions are written (speakers are linked to people through them,
    else through ``find`` by the resolved name)."""
    db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
    rows = []
    linked = _linked_mentions(db, article_id)
    for quote in quotes:
        row = {f: quote.get(f) for f in FIELDS}
        row["content"] = json.dumps([list(piece) for piece in quote["content"]])
        row["direct"] = int(bool(row["direct"]))
        row["date_from_text"] = int(bool(row["date_from_text"]))
        row["found_person"] = row["person"]
        row["person_id"] = _person_id(row, find, linked)
        rows.append({"article_id": article_id} | row)
    insert_dicts(db, "quotes", rows)
    apply_corrections(db, article_id, find)


def _linked_mentions(db: Database, article_id: int) -> list[tuple[int, int, int]]:
    """(start, end, person id) of an article's person mentions linked to a person, the last
    first: read once for all its quotes instead of one look-up per quote."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        'SELECT start, "end", person_id FROM mentions WHERE article_id = ? AND label = \'PERSON\''
        " AND person_id IS NOT NULL ORDER BY start DESC", [article_id])]


def _person_id(row: Mapping[str, Any], find: FindPerson, linked: list[tuple[int, int, int]]) -> int | None:
    """The library person the speaker is: the person mention at the speaker's words (the
    last one starting there; ``linked``: the article's, ``_linked_mentions``), else the one
    person the resolved name names (a pronoun or a description has no mention)."""
    if row.get("speaker_start") is not None and row.get("speaker_end") is not None:
        speaker_start, speaker_end = row["speaker_start"], row["speaker_end"]
        for start, end, person_id in linked:
            if start < speaker_end and end > speaker_start:
                return int(person_id)
    return find(row["person"]) if row.get("person") else None


def relink_quotes(db: Database, find: FindPerson = _nobody) -> None:
    """Every quote's person linked again after the people changed (merge, rename, split,
    not a person, undo): a merged-away person's quotes go to the one kept, a name marked not
    a person speaks for no one. Runs inside the caller's transaction."""
    db.execute("UPDATE quotes SET person = found_person WHERE corrected = 0")
    db.execute(
        "UPDATE quotes SET person_id = (SELECT m.person_id FROM mentions m"
        " WHERE m.article_id = quotes.article_id AND m.label = 'PERSON'"
        ' AND m.person_id IS NOT NULL AND m.start < quotes.speaker_end'
        ' AND m."end" > quotes.speaker_start ORDER BY m.start DESC LIMIT 1)'
        " WHERE corrected = 0"
    )
    db.execute(  # the speaker's words are a mention the reporter said is no person
        "UPDATE quotes SET person = NULL WHERE corrected = 0 AND person_id IS NULL"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = quotes.article_id"
        " AND m.model_label = 'PERSON' AND m.label != 'PERSON' AND m.start < quotes.speaker_end"
        ' AND m."end" > quotes.speaker_start)'
    )
    unlinked = db.execute("SELECT DISTINCT person FROM quotes WHERE corrected = 0"
                          " AND person_id IS NULL AND person IS NOT NULL").fetchall()
    for (name,) in unlinked:  # "he" and "the spokeswoman": linked by the name resolved
        person_id = find(name)
        if person_id is not None:
            db.execute("UPDATE quotes SET person_id = ? WHERE corrected = 0"
                       " AND person_id IS NULL AND person = ?", [person_id, name])
    for rule in db.query("SELECT * FROM quote_corrections WHERE kind = 'speaker'"):
        _apply(db, rule, find)


def apply_corrections(db: Database, article_id: int, find: FindPerson = _nobody) -> None:
    """The reporter's corrections of this article's quotes, applied to its current rows."""
    for rule in db.query("SELECT * FROM quote_corrections WHERE article_id = ?", [article_id]):
        _apply(db, rule, find)


def _apply(db: Database, rule: Mapping[str, Any], find: FindPerson) -> None:
    where = "article_id = ? AND content_text = ?"
    params = [rule["article_id"], rule["content_text"]]
    if rule["kind"] == "not_quote":
        db.execute(f"UPDATE quotes SET hidden = 1, corrected = 1 WHERE {where}", params)
    else:
        db.execute(f"UPDATE quotes SET person = ?, person_id = ?, hidden = 0, corrected = 1"
                   f" WHERE {where}", [rule["person"], find(rule["person"]), *params])


def get_quote(db: Database, quote_id: int) -> dict[str, Any] | None:
    """One quote with its source, hidden or not."""
    rows = list(db.query(f"SELECT {LIST_COLUMNS} {_FROM} WHERE q.id = ?", [quote_id]))
    return _decoded(rows[0]) if rows else None


def correct_quote(db: Database, quote_id: int, *, person: str | None = None,
                  not_quote: bool = False, find: FindPerson = _nobody) -> dict[str, Any] | None:
    """Store a correction of ``quote_id`` (its speaker is ``person``, or it is no quote) and
    apply it; returns the correction it replaced, if any (for undo). Raises QuoteError."""
    quote = db.execute("SELECT article_id, content_text FROM quotes WHERE id = ?",
                       [quote_id]).fetchone()
    if quote is None:
        raise QuoteError(f"no quote {quote_id}")
    if not not_quote:
        if not person or not person.strip():
            raise QuoteError("name the speaker")
        person = " ".join(person.split())
    before = _correction(db, quote[0], quote[1])
    db.execute("DELETE FROM quote_corrections WHERE article_id = ? AND content_text = ?", quote)
    rule = {"article_id": quote[0], "content_text": quote[1],
            "kind": "not_quote" if not_quote else "speaker",
            "person": None if not_quote else person,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds")}
    db["quote_corrections"].insert(rule)
    _apply(db, rule, find)
    return before


def uncorrect_quote(db: Database, quote_id: int, find: FindPerson = _nobody) -> dict[str, Any] | None:
    """Take back the correction of ``quote_id``: the quote as analysis found it. Returns the
    correction taken back (None if there was none). Raises QuoteError for no such quote."""
    quote = db.execute("SELECT article_id, content_text FROM quotes WHERE id = ?",
                       [quote_id]).fetchone()
    if quote is None:
        raise QuoteError(f"no quote {quote_id}")
    before = _correction(db, quote[0], quote[1])
    db.execute("DELETE FROM quote_corrections WHERE article_id = ? AND content_text = ?", quote)
    linked = _linked_mentions(db, quote[0])
    for row_id, found in db.execute(
            "SELECT id, found_person FROM quotes WHERE article_id = ? AND content_text = ?", quote
    ).fetchall():
        speaker = db.execute("SELECT speaker_start, speaker_end FROM quotes WHERE id = ?",
                             [row_id]).fetchone()
        person_id = _person_id({"speaker_start": speaker[0], "speaker_end": speaker[1], "person": found},
                               find, linked)
        db.execute("UPDATE quotes SET person = found_person, person_id = ?, hidden = 0,"
                   " corrected = 0 WHERE id = ?", [person_id, row_id])
    return before


def restore_correction(db: Database, rule: Mapping[str, Any], find: FindPerson = _nobody) -> None:
    """Put back a correction ``correct_quote`` or ``uncorrect_quote`` returned (undo)."""
    db.execute("DELETE FROM quote_corrections WHERE article_id = ? AND content_text = ?",
               [rule["article_id"], rule["content_text"]])
    db["quote_corrections"].insert({k: v for k, v in rule.items() if k != "id"})
    _apply(db, rule, find)


def _correction(db: Database, article_id: int, content_text: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM quote_corrections WHERE article_id = ? AND content_text = ?",
                         [article_id, content_text]))
    return rows[0] if rows else None


def list_quotes(db: Database, where: str = "1", params: Iterable[Any] = (), *,
                include_hidden: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes matching ``where`` (over ``quotes q`` and ``articles a``), by date then place."""
    clause = where if include_hidden else f"({where}) AND q.hidden = 0"
    sql = (f"SELECT {LIST_COLUMNS} {_FROM} WHERE {clause}"
           " ORDER BY q.date, q.article_id, q.cue_start")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_decoded(r) for r in db.query(sql, list(params))]


def quotes_in_article(db: Database, article_id: int) -> list[dict[str, Any]]:
    """An article's quotes in reading order (the reader marks them), hidden ones left out."""
    return list_quotes(db, "q.article_id = ?", [article_id])


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    row["content"] = [tuple(piece) for piece in json.loads(row["content"])]
    row["direct"] = bool(row["direct"])
    row["date_from_text"] = bool(row["date_from_text"])
    row["hidden"] = bool(row["hidden"])
    row["corrected"] = bool(row["corrected"])
    return row
