"""The window's writer groups happenings a few dates at a time, so a window closed meanwhile
waits for one step, and the next session goes on where it stopped."""

from __future__ import annotations

from db.happenings import dirty_dates
from desktop.timeline.happening_store import refresh_happenings
from tests.ui.conftest import build_small_library


def test_grouping_in_steps_ends_where_grouping_at_once_ends(tmp_path):
    with build_small_library(tmp_path / "steps.db") as stepped, build_small_library(tmp_path / "once.db") as once:
        dates = dirty_dates(stepped.db)
        assert len(dates) > 2
        assert refresh_happenings(stepped, most=2) == 2
        assert dirty_dates(stepped.db) == dates[2:]  # the rest wait for the next step
        while refresh_happenings(stepped, most=2):
            pass
        assert refresh_happenings(once) == len(dates)
        rows = "SELECT date, text, reports FROM happenings ORDER BY date, text"
        assert stepped.db.execute(rows).fetchall() == once.db.execute(rows).fetchall()
        assert dirty_dates(stepped.db) == dirty_dates(once.db) == []
