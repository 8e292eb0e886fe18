"""Counting a page's text before parsing it: scripts, styles, comments and tags are not text."""

from __future__ import annotations

from desktop.clipping.html_size import text_chars


def test_text_outside_markup_is_counted_without_whitespace():
    page = ("<html><head><style>p { color: red }</style><script>var s = '<p>not text</p>';</script>"
            "</head><body><!-- a <p>comment</p> --><p>Talks  resumed</p>\n<p>in&nbsp;Geneva&amp;</p>"
            "<SCRIPT type='x'>more()</SCRIPT ></body></html>")
    assert text_chars(page) == len("Talksresumed") + len("inGeneva")


def test_unclosed_scripts_and_comments_end_the_count():
    assert text_chars("<p>Seen</p><script>" + "x" * 1000) == 4
    assert text_chars("<p>Seen</p>" + "<!--" * 10_000 + "hidden") == 4
