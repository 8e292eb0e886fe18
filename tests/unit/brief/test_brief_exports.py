"""CSV, JSON and TimelineJS exports a newsroom can publish without retyping."""

from __future__ import annotations

import csv
import io
import json

from desktop.brief.exports import export
from desktop.timeline.timeline_event import Source, TimelineEvent

EVENTS = [
    TimelineEvent(
        "e1",
        "2022",
        "year",
        "Russia launched its invasion.",
        [],
        False,
        [Source(2, "Background", "https://news.example/2", "2025-05-31", "Example")],
    ),
    TimelineEvent(
        "e5",
        "2025-05",
        "month",
        '=HYPERLINK("http://x") fighting grew <b>worse</b>.',
        [],
        False,
        [Source(3, "Front", None, "2025-06-01")],
    ),
    TimelineEvent(
        "e2",
        "2025-05-16",
        "day",
        "Delegations met in Istanbul.",
        ["Vladimir Medinsky", "Rustem Umerov"],
        False,
        [
            Source(1, "Talks resume", "https://news.example/1", "2025-05-30"),
            Source(2, "Background", "https://news.example/2", "2025-05-31"),
        ],
    ),
    TimelineEvent("m1", "2025-06-02", "day", "Next round due.", [], True, [], manual=True),
]


def test_csv_has_one_row_per_event_with_sources_and_no_formulas():
    rows = list(csv.DictReader(io.StringIO(export(EVENTS, "csv"))))
    assert [r["date"] for r in rows] == ["2022", "2025-05", "2025-05-16", "2025-06-02"]
    assert rows[2]["people"] == "Vladimir Medinsky; Rustem Umerov"
    assert rows[2]["source_urls"] == "https://news.example/1 | https://news.example/2"
    assert rows[2]["sources"] == "2" and rows[3]["planned"] == "1"
    assert rows[1]["text"].startswith("'=")


def test_json_export_matches_the_timeline_json():
    data = json.loads(export(EVENTS, "json"))
    assert data[2]["date"] == "2025-05-16" and data[2]["precision"] == "day"
    assert data[2]["sources"][1] == {
        "article_id": 2,
        "title": "Background",
        "url": "https://news.example/2",
        "published": "2025-05-31",
        "outlet": None,
        "sentence": "",
        "start": None,
        "end": None,
        "date_text": "",
    }
    assert data[3]["planned"] is True and data[0]["conflict"] is False


def test_timelinejs_leaves_out_what_the_precision_does_not_give():
    data = json.loads(export(EVENTS, "timelinejs", title="Ukraine talks"))
    starts = [e["start_date"] for e in data["events"]]
    assert starts == [
        {"year": 2022},
        {"year": 2025, "month": 5},
        {"year": 2025, "month": 5, "day": 16},
        {"year": 2025, "month": 6, "day": 2},
    ]
    assert data["title"]["text"]["headline"] == "Ukraine talks"
    first_day = data["events"][2]
    assert first_day["text"]["headline"] == "Delegations met in Istanbul."
    assert '<a href="https://news.example/1">Talks resume</a>' in first_day["text"]["text"]
    assert data["events"][3]["group"] == "Planned"
    assert "&lt;b&gt;worse&lt;/b&gt;" in data["events"][1]["text"]["text"]


def test_csv_neutralises_formulas_in_every_cell_from_article_data():
    """#16 item 12: people, source titles and URLs are article data too (= + - @ tab CR)."""
    hostile = ["=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
    events = [
        TimelineEvent(
            f"e{i}", "2025-05-16", "day", cell, [cell, "Rustem Umerov"], False,
            [Source(1, cell, cell, "2025-05-30", cell)],
            conflict=True, conflicting_dates=[cell],
        )
        for i, cell in enumerate(hostile)
    ]
    rows = list(csv.reader(io.StringIO(export(events, "csv"), newline="")))[1:]
    assert len(rows) == len(hostile)
    for row in rows:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), row
    assert rows[0][5] == "'=cmd|' /C calc'!A0; Rustem Umerov"
