"""Stamps are the page's own timing: update stamps and reader-comment headers anchor what
follows them, and a clock time's weekday takes the date written after it."""

from __future__ import annotations

from desktop.analysis.dates import tag_dates


def values(text: str, dct: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_dates(text, dct)}


def test_a_comment_header_anchors_the_comment():
    # The article is of Tue 1 June 2010; the comment was written on Sat 12 June.
    text = "At 6:50 pm on 12 Jun 2010, gulfwatcher wrote: We drove down to the coast on Friday."
    v = values(text, "2010-06-01")
    assert v["12 Jun 2010"] == "2010-06-12"
    assert v["Friday"] == "2010-06-11"


def test_a_comment_header_anchors_a_bare_month_day():
    text = "At 5:04 pm on 04 Dec 2009, M2 wrote: my son had the jab 23 November."
    assert values(text, "2009-05-21")["23 November"] == "2009-11-23"


def test_an_update_stamp_weekday_is_on_or_after_publication():
    # Published Sunday 20 February: the update came on Monday 21, and "early Monday" in the
    # report below it is that Monday, not the one a week before.
    text = ("(Updated: 1:09 a.m. Monday, Cairo; 6:09 p.m. Sunday ET) Witnesses said shooting "
            "began early Monday.")
    v = values(text, "2011-02-20")
    assert v["1:09 a.m. Monday"] == "2011-02-21T01:09"
    assert v["early Monday"] == "2011-02-21"


def test_a_clock_weekday_takes_the_date_written_after_it():
    text = "Video taken at 12:23 a.m. EDT, Saturday Sept. 4, 2010 shows the valve rising."
    (found,) = tag_dates(text, "2010-09-03")
    assert found.text == "12:23 a.m. EDT, Saturday Sept. 4, 2010"
    assert found.value == "2010-09-04T00:23"
