"""Pasted text: title, dateline in any language, furniture out, original kept."""

from __future__ import annotations

import pytest

from desktop.clipping.dateline import parse_dateline
from desktop.clipping.errors import ClipError
from desktop.clipping.text import clip_text


def test_sample_article_title_and_turkish_dateline(sample_text):
    article = clip_text(sample_text)
    assert article.title == "Russia reveals team for next round of Ukraine peace talks"
    assert article.published == "2025-05-30T12:58"
    assert (article.published_precision, article.published_source) == ("minute", "dateline")


def test_sample_article_furniture_removed_but_prose_and_caption_kept(sample_text):
    article = clip_text(sample_text)
    lines = [line.strip() for line in article.text.split("\n")]
    assert "0  0" not in article.text and "Read more" not in lines
    assert "Lavrov briefs Rubio on Ukraine negotiations" not in lines  # teaser headline
    assert "Mayıs 30, 2025" not in article.text  # the dateline is metadata, not prose
    assert not article.text.startswith("Russia reveals team")  # the repeated headline
    assert "testifies before the House Committee on Appropriations on May 21, 2025" in article.text
    assert "Kremlin spokesman Dmitry Peskov on Thursday dismissed" in article.text
    assert article.original == sample_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mayıs 30, 2025 - 12:58", ("2025-05-30T12:58", "minute")),
        ("30 mai 2025", ("2025-05-30", "day")),
        ("Published: 30.05.2025", ("2025-05-30", "day")),
        ("Veröffentlicht am 3. Juni 2024, 08:15 Uhr", ("2024-06-03T08:15", "minute")),
        ("Thursday, 29 May 2025 | World", ("2025-05-29", "day")),
        ("Russia reveals team for next round", None),
        ("The talks began in 2022 and continued for a long while after that.", None),
    ],
)
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


def test_user_date_and_title_win_over_what_was_detected(sample_text):
    article = clip_text(sample_text, title="My title", published="2025-06-01")
    assert (article.title, article.published, article.published_source) == ("My title", "2025-06-01", "user")


def test_text_without_dateline_has_no_date():
    article = clip_text("Headline\n\nSome prose about a meeting that happened.")
    assert article.published is None and article.published_source == "none"
    assert article.text == "Some prose about a meeting that happened."


@pytest.mark.parametrize("raw", ["", "   \n\t \n", "\x00\x01"])
def test_empty_text_is_refused(raw):
    with pytest.raises(ClipError, match="empty"):
        clip_text(raw)


def test_control_characters_are_removed_and_newlines_unified():
    article = clip_text("Title\r\n\r\nLine one\x07 and\x1b more.\rLine two.")
    assert article.text == "Line one and more.\nLine two."


def test_invisible_direction_overrides_are_removed_from_title_and_text():
    # U+202E would make "txt.exe" display as "exe.txt"; an attacker's trick, never prose.
    article = clip_text("Report \u202etxt.exe\u202c\n\nThe \u2066minister\u2069 resigned on Friday.")
    assert article.title == "Report txt.exe"
    assert article.text == "The minister resigned on Friday."
