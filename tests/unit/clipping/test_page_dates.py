"""The publication date a page declares, as its readers saw it."""

from __future__ import annotations

from desktop.clipping.page_dates import declared_publication_date


def test_local_offset_wins_over_utc_restatement():
    html = """<script type="application/ld+json">{"datePublished":"2023-11-09T02:11:03+00:00"}</script>
    <time datetime="2023-11-08T21:11:03-05:00" itemprop="datePublished">November 8, 2023</time>"""
    assert declared_publication_date(html) == "2023-11-08"


def test_modified_before_published_means_first_published_earlier():
    html = """<meta property="article:published_time" content="2022-01-28T08:20:11+00:00">
    <meta property="article:modified_time" content="2022-01-27T16:58:24+00:00">"""
    assert declared_publication_date(html) == "2022-01-27"


def test_content_before_property_and_no_declaration():
    html = '<meta content="2021-03-04T10:00:00+01:00" property="article:published_time">'
    assert declared_publication_date(html) == "2021-03-04"
    assert declared_publication_date("<html><body><p>2021-03-04</p></body></html>") is None


def test_impossible_dates_are_ignored():
    assert declared_publication_date('{"datePublished": "2021-02-30T10:00:00Z"}') is None
