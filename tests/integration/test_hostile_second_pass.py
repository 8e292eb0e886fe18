"""Second hostile pass (issue #16): each test names the numbered defect it holds fixed.

Every test here failed on the code before the fix; the faults are made by the test itself
(files, locks, a local server on 127.0.0.1), never by the network or the machine's state.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import Library
from tests.conftest import article_record as record


def library_with(path: Path, count: int) -> Path:
    with Library(path) as library:
        for i in range(count):
            library.add_article(record(f"Story {i}\nTalks resumed in Istanbul, round {i}."))
    return path


def count_in(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


# -- 3. brief -o / export -o never overwrite the library ------------------------------------


@pytest.mark.parametrize("command", [["brief"], ["export", "--format", "csv"]])
@pytest.mark.parametrize("target", ["library", "wal", "backup"])
def test_output_may_not_be_the_library_its_log_or_a_backup(cli, tmp_path, command, target):
    from db.backup import make_backup

    path = library_with(tmp_path / "story.db", 3)
    with Library(path) as library:
        backup = make_backup(library, path)
    output = {"library": path, "wal": Path(f"{path}-wal"), "backup": backup}[target]
    before = output.read_bytes() if output.exists() else None
    status, out, err = cli("--library", path, *command, "-o", output)
    assert status == 2
    assert err.startswith("error: ") and "library" in err and err.count("\n") == 1
    assert (output.read_bytes() if output.exists() else None) == before
    assert count_in(path) == 3 and count_in(backup) == 3


# -- 9. extreme dates never crash the commands that read the whole library -----------------


def test_articles_and_events_at_the_ends_of_the_calendar_do_not_crash_later_commands(cli, tmp_path):
    lines = tmp_path / "extreme.jsonl"
    lines.write_text(
        '{"text": "Ancient talks\\nThe delegation met in Istanbul on Friday, officials said.",'
        ' "published": "0001-01-01"}\n'
        '{"text": "Future talks\\nThe delegation met in Ankara on Monday, officials said.",'
        ' "published": "9999-12-31"}\n', encoding="utf-8")
    path = tmp_path / "library.db"
    assert cli("--library", path, "import", "--no-analysis", "--jsonl", lines)[0] == 0
    for day in ("0001-01-01", "9999-12-31", "9999-W52", "0001"):
        status, out, err = cli("--library", path, "event-add", "--date", day, "--text", f"Edge {day}")
        assert status == 0, err
    for command in (["brief"], ["key-events"], ["timeline", "--to", "9999"],
                    ["timeline", "--from", "0001", "--to", "9999-12-31"], ["timeline", "--to", "0001-01-01"],
                    ["export", "--format", "csv"], ["export", "--format", "timelinejs"],
                    ["key-events", "--from", "9999-12-31"]):
        status, out, err = cli("--library", path, *command)
        assert status == 0, (command, err)
        assert "Traceback" not in err
    status, out, err = cli("--library", path, "timeline", "--to", "9999")
    assert "Edge 9999-12-31" in out and "Edge 0001-01-01" in out
