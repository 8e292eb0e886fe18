"""The briefing note: sections, citations with publication dates, escaping, HTML preview."""

from __future__ import annotations

import datetime as dt
import re

from desktop.brief.markdown import render_brief
from desktop.brief.preview import brief_html
from desktop.timeline.filters import Filters
from desktop.timeline.keyevents import KeyDate
from desktop.timeline.timeline_event import Source, TimelineEvent


def src(article: int, title: str, published: str = "2025-05-30", url: str | None = None) -> Source:
    return Source(
        article, title, url or f"https://news.example/{article}", published, "Example News"
    )


EVENTS = [
    TimelineEvent(
        "e1",
        "2022",
        "year",
        "Russia launched its invasion.",
        [],
        False,
        [src(2, "Background", "2025-05-31")],
    ),
    TimelineEvent(
        "e2",
        "2025-05-16",
        "day",
        "Delegations met in Istanbul for direct talks.",
        ["Vladimir Medinsky"],
        False,
        [src(1, "Talks resume"), src(2, "Background", "2025-05-31")],
    ),
    TimelineEvent(
        "e3",
        "2025-06-02",
        "day",
        "Follow-up talks were proposed in Istanbul.",
        ["Sergey Lavrov"],
        True,
        [src(1, "Talks resume")],
        conflict=True,
        conflicting_dates=["2025-06-03"],
    ),
]


def brief(**kwargs) -> str:
    keys = [
        KeyDate(
            "2025-05-16",
            3.0,
            ["Delegations met in Istanbul for direct talks."],
            [{"article_id": 1}],
        )
    ]
    options = {
        "title": "Ukraine talks",
        "key_dates": keys,
        "generated": dt.date(2025, 6, 1),
    } | kwargs
    return render_brief(EVENTS, **options)


def section(text: str, name: str) -> str:
    return text.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]


def test_the_brief_has_every_section_in_order():
    text = brief(filters=Filters.from_strings(person="Lavrov", date_from="2025-05"))
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert text.startswith("# Ukraine talks\n")
    assert headings == ["Scope", "Key events", "Chronology", "People", "Sources"]
    assert "person: Lavrov" in section(text, "Scope")
    assert "2025-05-01 to" in section(text, "Scope")


def test_chronology_groups_by_event_date_and_cites_each_source_with_its_publication_date():
    text = brief()
    chronology = section(text, "Chronology")
    assert re.findall(r"^### (.+)$", chronology, re.M) == [
        "2022",
        "Fri 16 May 2025",
        "Mon 2 June 2025",
    ]
    assert "Delegations met in Istanbul for direct talks.[^1][^2]" in chronology
    assert "*planned*" in chronology and "other sources give Tue 3 June 2025" in chronology
    # Sources are numbered in the order the chronology first cites them.
    assert (
        "[^1]: Example News, [Background](https://news.example/2), published Sat 31 May 2025"
        in text
    )
    assert (
        "[^2]: Example News, [Talks resume](https://news.example/1), published Fri 30 May 2025"
        in text
    )
    # The report date never appears as an event heading.
    assert "### Fri 30 May 2025" not in text


def test_key_events_lead_with_cited_sentences_and_pinned_events():
    EVENTS[2].pinned = True
    try:
        keys = section(brief(), "Key events")
    finally:
        EVENTS[2].pinned = False
    lines = [line for line in keys.splitlines() if line.startswith("- ")]
    assert lines[0].startswith("- **Mon 2 June 2025** (pinned, planned): Follow-up talks")
    assert lines[1] == "- **Fri 16 May 2025**: Delegations met in Istanbul for direct talks.[^2]"


def test_people_table_says_who_appears_how_often_and_where():
    people = [{"name": "Sergey Lavrov", "roles": ["Russian Foreign Minister"], "mentions": 4}]
    table = section(brief(people=people), "People")
    assert "| Sergey Lavrov | Russian Foreign Minister | 1 | 4 | Mon 2 June 2025 | [^2] |" in table
    assert "| Vladimir Medinsky |" in table


def test_article_text_cannot_inject_markdown_or_html():
    evil = TimelineEvent(
        "e9",
        "2025-05-20",
        "day",
        "<script>alert(1)</script> **bold** [link](javascript:x) | cell",
        [],
        False,
        [Source(9, "<img src=x onerror=alert(1)>", "javascript:alert(1)", "2025-05-20")],
    )
    text = render_brief([evil], title="<b>T</b>")
    page = brief_html(text)
    assert "<script>" not in page and "<img" not in page and "<b>T</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>bold</strong>" not in page and 'href="javascript' not in page


def test_html_preview_renders_tables_and_footnotes():
    page = brief_html(brief(people=[]))
    assert page.startswith("<!DOCTYPE html>")
    assert "<table>" in page and "<th>Name</th>" in page
    assert 'class="footnote"' in page and 'href="https://news.example/1"' in page
    assert '<sup id="fnref:1">' in page
    assert "<h3>Fri 16 May 2025</h3>" in page
