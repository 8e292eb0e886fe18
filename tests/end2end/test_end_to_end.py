"""End to end: the real app as a subprocess on a temporary data folder.

``CLIPLINE_SELFTEST`` makes the started window import the sample through its import worker
(with the real analysis), read the events its timeline view shows, export the brief through
its export worker, write what it saw to a JSON report and quit. What this checks: start-up
from the command line (flags, data folder, log, settings), the import/analysis/timeline/brief
path through the window's own code. What it does not: clicks — the pane tests do those.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLE


def test_app_imports_the_sample_shows_its_events_and_exports_a_brief(tmp_path):
    data = tmp_path / "data"
    home = tmp_path / "home"
    home.mkdir()
    report = tmp_path / "report.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "share"),
               XDG_CONFIG_HOME=str(home / "config"), CLIPLINE_SELFTEST=str(report),
               CLIPLINE_SELFTEST_IMPORT=str(SAMPLE), CLIPLINE_TIMING="1")
    env.pop("CLIPLINE_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "--quit-after", "240000"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "clipline-timing window-shown" in done.stdout
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["steps"] == ["import", "timeline", "export"]
    assert seen["window_icon"]  # the title bar and task bar show Clipline's icon
    assert seen["import"]["summary"] == "1 stored, 0 already in the library, 0 failed"
    events = seen["events"]
    by_date = {e["date"]: e for e in events}
    assert any("Zakharova" in e["text"] for e in events if e["date"] == "2025-05-29")
    assert by_date["2025-06-02"]["planned"]
    assert all(e["sources"][0]["title"].startswith("Russia reveals team") for e in events)
    assert "Thu 29 May 2025" in seen["timeline_headers"]
    assert [r["kind"] for r in seen["timeline_rows"]].count("event") == len(events)
    brief = Path(seen["brief_path"]).read_text(encoding="utf-8")
    assert brief.startswith("# Brief")
    assert "Mon 2 June 2025" in brief and "Russia reveals team" in brief
    # Everything went to the data folder given; nothing to the home folder.
    assert (data / "library.db").is_file()
    assert (data / "clipline.ini").is_file()
    assert "Clipline quit (status 0)" in (data / "clipline.log").read_text(encoding="utf-8")
    assert not list(home.rglob("*"))


def test_a_library_from_a_newer_clipline_is_refused_with_a_message(tmp_path):
    import sqlite3

    from db.library import Library

    path = tmp_path / "newer.db"
    Library(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('clipline', '9999_from_the_future', '2030-01-01')")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLIPLINE_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "desktop", "--library", str(path), "--quit-after", "5000"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "newer version of Clipline" in done.stderr
    assert "newer version of Clipline" in (tmp_path / "data" / "clipline.log").read_text(encoding="utf-8")
