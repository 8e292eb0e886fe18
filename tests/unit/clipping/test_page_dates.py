"""The publication date a page declares, as its readers saw it."""

from __future__ import annotations

from desktop.clipping.page_dates import Declared, declared_publication, declared_publication_date


def test_local_offset_wins_over_utc_restatement():
    html = """<script type="application/ld+json">{"datePublished":"2023-11-09T02:11:03+00:00"}</script>
    <time datetime="2023-11-08T21:11:03-05:00" itemprop="datePublished">November 8, 2023</time>"""
    assert declared_publication_date(html) == "2023-11-08"


def test_the_declared_publication_date_wins_over_an_earlier_created_or_modified_one():
    """#16 item 14: taking an earlier dateCreated/dateModified made the date a day early."""
    html = """<meta property="article:published_time" content="2019-10-19T12:00:00+02:00">
    <script type="application/ld+json">{"datePublished": "2019-10-19T12:00:00+02:00",
    "dateCreated": "2019-10-18T09:00:00+02:00", "dateModified": "2019-10-17T14:59:45+02:00"}</script>"""
    assert declared_publication_date(html) == "2019-10-19"
    assert declared_publication(html) == Declared("2019-10-19", utc_only=False)


def test_a_date_given_only_in_utc_is_marked_ambiguous_by_a_day():
    html = '<meta property="article:published_time" content="2023-11-01T23:01:00Z">'
    assert declared_publication(html) == Declared("2023-11-01", utc_only=True)


def test_content_before_property_and_no_declaration():
    html = '<meta content="2021-03-04T10:00:00+01:00" property="article:published_time">'
    assert declared_publication_date(html) == "2021-03-04"
    assert declared_publication_date("<html><body><p>2021-03-04</p></body></html>") is None


def test_impossible_dates_are_ignored():
    assert declared_publication_date('{"datePublished": "2021-02-30T10:00:00Z"}') is None


def test_a_utc_only_declaration_gives_way_to_the_pages_other_date_one_day_on():
    """Published 23:01 UTC is the next day where the page was published; where htmldate's
    reading of the whole page (the metadata date) is one day off the UTC one, it is taken."""
    from desktop.clipping.article import Article
    from desktop.clipping.html import _set_published

    def published(html: str, metadata_date: str | None) -> str | None:
        article = Article(text="Talks resumed.", original=html, url="https://news.example/talks")
        _set_published(article, html, metadata_date)
        return article.published

    utc = '<meta property="article:published_time" content="2023-11-01T23:01:00Z">'
    assert published(utc, "2023-11-02") == "2023-11-02"
    assert published(utc, "2023-10-20") == "2023-11-01"  # not a day apart: the page's own
    local = '<meta property="article:published_time" content="2023-11-01T23:01:00+01:00">'
    assert published(local, "2023-11-02") == "2023-11-01"  # a local time is the reader's day
