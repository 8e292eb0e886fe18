"""The sample article through the real analysis: its events, key events, brief and exports."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([str(a) for a in args])
    return status, out.getvalue()


@pytest.fixture(scope="session")
def sample_library(tmp_path_factory) -> Path:
    library = tmp_path_factory.mktemp("sample") / "library.db"
    status, _ = run("--library", library, "import", SAMPLE, "--published", "2025-05-30", "--quiet")
    assert status == 0
    return library


@pytest.fixture(scope="session")
def timeline(sample_library) -> list[dict]:
    status, out = run("--library", sample_library, "timeline", "--json")
    assert status == 0
    return json.loads(out)


def on(timeline: list[dict], date: str) -> list[dict]:
    return [e for e in timeline if e["date"] == date]


def test_the_sample_gives_the_events_a_reporter_expects(timeline):
    assert [e["date"] for e in timeline] == sorted((e["date"] for e in timeline), key=str)
    may16 = " ".join(e["text"] for e in on(timeline, "2025-05-16"))
    assert "direct talks in Istanbul" in may16 and "prisoner exchange" in may16
    assert any("Rubio testifies" in e["text"] for e in on(timeline, "2025-05-21"))
    may28 = " ".join(e["text"] for e in on(timeline, "2025-05-28"))
    assert (
        "Telegram" in may28 and "Lavrov confirmed that Moscow\u2019s memorandum is ready" in may28
    )
    telegram = next(e for e in on(timeline, "2025-05-28") if "Telegram" in e["text"])
    assert telegram["people"][0] == "Vladimir Medinsky"  # "he", named in the sentence before
    may29 = on(timeline, "2025-05-29")
    assert any("Zakharova said on Thursday" in e["text"] for e in may29)
    assert any("Peskov" in e["text"] and "Dmitry Peskov" in e["people"] for e in may29)
    (june2,) = on(timeline, "2025-06-02")
    assert june2["planned"] and "follow-up talks" in june2["text"]
    assert not any(e["planned"] for e in timeline if e["date"] < "2025-05-30")
    assert {e["date"] for e in timeline} <= {
        "2025-05-16",
        "2025-05-21",
        "2025-05-28",
        "2025-05-29",
        "2025-06-02",
    }
    for event in timeline:
        assert event["precision"] == "day" and not event["conflict"]
        assert [s["published"][:10] for s in event["sources"]] == ["2025-05-30"]


def test_key_events_rank_the_dated_happenings(sample_library):
    status, out = run(
        "--library", sample_library, "key-events", "--dates", "5", "--per-date", "1", "--json"
    )
    days = json.loads(out)
    assert status == 0
    assert [d["date"] for d in days] == [
        "2025-05-16",
        "2025-05-21",
        "2025-05-28",
        "2025-05-29",
        "2025-06-02",
    ]
    assert all(len(d["sentences"]) == 1 for d in days)
    assert "Istanbul" in days[0]["sentences"][0]


def test_the_brief_cites_the_article_for_every_event(sample_library, tmp_path):
    output = tmp_path / "brief.md"
    status, _ = run("--library", sample_library, "brief", "-o", output, "--title", "Ukraine talks")
    text = output.read_text(encoding="utf-8")
    assert status == 0 and text.startswith("# Ukraine talks")
    chronology = text.split("## Chronology", 1)[1].split("## People", 1)[0]
    for heading in (
        "Fri 16 May 2025",
        "Wed 21 May 2025",
        "Wed 28 May 2025",
        "Thu 29 May 2025",
    ):
        assert f"### {heading}" in chronology
    # Issue #13: the planned follow-up talks (after the article's day) are told under Ahead.
    ahead = text.split("## Ahead", 1)[1].split("## People", 1)[0]
    assert "- **Mon 2 June 2025** (planned): " in ahead and "follow-up talks" in ahead
    assert "2 June" not in chronology.split("## Background", 1)[0]
    items = [line for line in chronology.splitlines() if line.startswith("- ")]
    assert items and all("[^1]" in line for line in items)
    assert (
        "[^1]: \u201cRussia reveals team for next round of Ukraine peace talks\u201d, published Fri 30 May 2025"
        in text
    )
    assert "| Maria Zakharova | Foreign Ministry spokeswoman |" in text


def test_filters_and_corrections_from_the_command_line(sample_library, timeline):
    status, out = run("--library", sample_library, "timeline", "--json", "--person", "Peskov")
    assert [e["date"] for e in json.loads(out)] == ["2025-05-29"]
    rubio = next(e for e in timeline if "Rubio" in e["text"])
    assert run("--library", sample_library, "event-hide", rubio["id"])[0] == 0
    _, out = run(
        "--library",
        sample_library,
        "timeline",
        "--json",
        "--from",
        "2025-05-20",
        "--to",
        "2025-05-25",
    )
    assert json.loads(out) == []
    assert run("--library", sample_library, "event-hide", rubio["id"], "--undo")[0] == 0
    _, out = run(
        "--library",
        sample_library,
        "export",
        "--format",
        "timelinejs",
        "--from",
        "2025-05-20",
        "--to",
        "2025-05-25",
    )
    (item,) = json.loads(out)["events"]
    assert item["start_date"] == {"year": 2025, "month": 5, "day": 21}


def test_corrections_survive_the_reanalyse_command(tmp_path):
    library = tmp_path / "library.db"
    assert (
        run("--library", library, "import", SAMPLE, "--published", "2025-05-30", "--quiet")[0] == 0
    )
    events = json.loads(run("--library", library, "timeline", "--json")[1])
    rubio = next(e for e in events if "Rubio" in e["text"])
    peskov = next(e for e in events if "Peskov" in e["text"])
    assert run("--library", library, "event-hide", rubio["id"])[0] == 0
    assert (
        run(
            "--library",
            library,
            "event-edit",
            peskov["id"],
            "--date",
            "2025-05-28",
            "--text",
            "Peskov rejects demands.",
        )[0]
        == 0
    )
    assert run("--library", library, "event-pin", peskov["id"])[0] == 0
    assert (
        run(
            "--library",
            library,
            "event-add",
            "--date",
            "2025-06",
            "--text",
            "Memorandums to be exchanged.",
            "--planned",
        )[0]
        == 0
    )
    assert run("--library", library, "reanalyse")[0] == 0
    after = json.loads(run("--library", library, "timeline", "--json")[1])
    assert not any("Rubio" in e["text"] for e in after)
    fixed = next(e for e in after if e["text"] == "Peskov rejects demands.")
    assert fixed["date"] == "2025-05-28" and fixed["pinned"]
    added = next(e for e in after if e["manual"])
    assert added["date"] == "2025-06" and added["precision"] == "month" and added["planned"]
    brief = run("--library", library, "brief")[1]
    assert "- **Wed 28 May 2025** (pinned): Peskov rejects demands.[^1]" in brief
    # Issue #13: what is planned after the story's last report is told under Ahead.
    ahead = brief.split("## Ahead", 1)[1].split("## People", 1)[0]
    assert "- **June 2025** (planned): Memorandums to be exchanged." in ahead


def test_a_brief_for_a_date_range_keeps_events_reported_later(sample_library):
    status, text = run(
        "--library", sample_library, "brief", "--from", "2025-05-16", "--to", "2025-05-21"
    )
    assert status == 0
    keys = text.split("## Key events", 1)[1].split("## Chronology", 1)[0]
    assert "**Fri 16 May 2025**" in keys and "**Wed 21 May 2025**" in keys
    assert "2 June" not in text.split("## People", 1)[0]
    assert "dates: 2025-05-16 to 2025-05-21" in text


def test_html_preview_and_csv_export_files(sample_library, tmp_path):
    page, table = tmp_path / "brief.html", tmp_path / "events.csv"
    assert run("--library", sample_library, "brief", "--html", "-o", page)[0] == 0
    html = page.read_text(encoding="utf-8")
    assert "<h2>Chronology</h2>" in html and "<h3>Thu 29 May 2025</h3>" in html
    assert "<h2>Ahead</h2>" in html
    assert run("--library", sample_library, "export", "--format", "csv", "-o", table)[0] == 0
    rows = table.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("id,date,precision") and len(rows) > 5
