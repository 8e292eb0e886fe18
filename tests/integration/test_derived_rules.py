"""A newer Clipline rebuilds what a library keeps of its timeline by its own rules.

Stored happenings, timeline entries and brief rows are kept until something they read
changes; without a stamp of the rules that made them, a library opened by an updated Clipline
would go on showing what the older rules made. Here an "older Clipline" is a library whose
stored rows lack one happening (as if its rules had dropped that date) under another stamp.
"""

from __future__ import annotations

import json

from db import Library
from desktop.timeline.happening_store import refresh_happenings
from desktop.timeline.rules import DERIVED_RULES
from tests.ui.conftest import build_small_library

OLD_MEMO = "The memorandum was first drafted in 2024"


def _as_if_older_rules_made_it(path, rules: str) -> None:
    """Rows as an older Clipline left them: the 2024 happening never made, stamped ``rules``."""
    with Library(path) as library:
        db = library.db
        with db.atomic():
            db.execute("DELETE FROM happening_events WHERE happening_id IN"
                       " (SELECT id FROM happenings WHERE date = '2024')")
            db.execute("DELETE FROM happenings WHERE date = '2024'")
            db.execute("UPDATE derived_rules SET rules = ?", [rules])


def _timeline_texts(cli, path) -> list[str]:
    status, out, err = cli("--library", path, "timeline", "--json")
    assert status == 0, err
    return [event["text"] for event in json.loads(out)]


def _build(path) -> None:
    with build_small_library(path) as library:
        refresh_happenings(library)
        library.db.execute("UPDATE events SET hidden = 1 WHERE text LIKE 'Sergey Lavrov met%'")


def test_rows_made_by_other_rules_are_made_again_with_the_reporters_hides_kept(tmp_path, cli):
    path = tmp_path / "library.db"
    _build(path)
    before = _timeline_texts(cli, path)
    assert any(t.startswith(OLD_MEMO) for t in before)
    assert not any(t.startswith("Sergey Lavrov met") for t in before)  # hidden by the reporter

    _as_if_older_rules_made_it(path, "0.0.1+1")
    after = _timeline_texts(cli, path)
    assert after == before  # the 2024 happening is back; the hidden report is still hidden
    status, brief, _ = cli("--library", path, "brief")
    assert status == 0 and OLD_MEMO in brief
    with Library(path) as library:
        assert library.db.execute("SELECT rules FROM derived_rules").fetchone()[0] == DERIVED_RULES


def test_rows_made_by_these_rules_are_read_as_kept(tmp_path, cli):
    path = tmp_path / "library.db"
    _build(path)
    _as_if_older_rules_made_it(path, DERIVED_RULES)  # same stamp: the kept rows are trusted
    assert not any(t.startswith(OLD_MEMO) for t in _timeline_texts(cli, path))
    with Library(path) as library:
        assert refresh_happenings(library) == 0
