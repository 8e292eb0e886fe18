"""Article text never becomes markup: the brief's HTML preview shows scripts, tracking pixels
and javascript: links as inert text, and nothing in it can make a request.

Core-level only (no Qt here): the preview HTML is parsed and must hold no live <script>,
<img>, <iframe>, event handler or non-web link; a local HTTP server on 127.0.0.1, named by
the hostile article, must see no request through import, analysis and the brief. The
window's ``SafeTextBrowser`` gets its own test in tests/ui.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.brief.markdown import render_brief
from desktop.brief.preview import brief_html
from desktop.timeline.timeline_event import Source, TimelineEvent

#: Tags a brief may contain: text structure only (the page's own <style> and charset <meta>).
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p",
                "ul", "ol", "li", "strong", "em", "a", "table", "thead", "tbody", "tr", "th", "td",
                "div", "sup", "hr", "code", "br"}


class Recorder:
    """A local HTTP server that records every request made to it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                recorder.requests.append(self.path)
                self.send_response(204)
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def hostile_bits(base: str) -> list[str]:
    return [
        "<script>fetch('" + base + "/script')</script>",
        f'<img src="{base}/pixel.gif" width="1" height="1" onerror="alert(1)">',
        '<a href="javascript:alert(document.cookie)">click me</a>',
        "[markdown link](javascript:alert(2))",
        f"![markdown image]({base}/md-pixel.png)",
        f"<{base}/autolink>",
        f'<iframe src="{base}/frame"></iframe>',
        "<style>@import url('" + base + "/style.css');</style>",
        "&lt;script&gt;alert(3)&lt;/script&gt; and &#106;avascript:alert(4)",
        "| a | table | break |",
        "# not a heading",
        "1. not a list",
        "<!-- a comment --> <svg onload=alert(5)>",
    ]


class Tags(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(page: str, base: str) -> Tags:
    parsed = Tags()
    parsed.feed(page)
    parsed.close()
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, f"live <{tag}> in the preview"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            assert name not in ("src", "srcset", "style", "background", "poster", "data")
            if name == "href":
                assert value and (value.startswith(("http://", "https://", "#"))), value
                assert not value.startswith(base + "/") or tag == "a", value
    assert sum(1 for tag, _ in parsed.tags if tag == "style") == 1  # the page's own
    assert [a for t, a in parsed.tags if t == "meta"] == [{"charset": "utf-8"}]
    return parsed


def hostile_events(base: str) -> list[TimelineEvent]:
    bits = hostile_bits(base)
    events = []
    for i, bit in enumerate(bits):
        source = Source(
            article_id=i + 1, title=f"Title {bit}", url=[f"javascript:alert({i})", None,
                                                         f'{base}/x"onmouseover="alert(1)',
                                                         "http://example.org/ok"][i % 4],
            published="2025-05-30", outlet=f"Outlet {bit}", sentence=f"Sentence {bit}",
        )
        events.append(TimelineEvent(id=f"e{i}", date=f"2025-05-{i + 1:02d}", precision="day",
                                    text=f"On this day {bit}", people=[f"Person {bit}"],
                                    sources=[source]))
    return events


def test_the_brief_preview_shows_hostile_article_text_as_text(recorder):
    events = hostile_events(recorder.base)
    markdown_text = render_brief(events, title="Brief <script>alert(0)</script>",
                                 generated=dt.date(2025, 6, 1))
    page = brief_html(markdown_text, title="Brief <script>alert(0)</script>")
    parsed = assert_inert(page, recorder.base)
    shown = "".join(parsed.text)
    # What the article said is there, as words a reader sees.
    assert "<script>fetch(" in shown
    assert "javascript:alert(document.cookie)" in shown
    assert "[markdown link](javascript:alert(2))" in shown
    links = [a["href"] for t, a in parsed.tags if t == "a"]
    assert "http://example.org/ok" in links
    assert not any("javascript" in (h or "").lower() or "onmouseover" in (h or "") and '"' in (h or "")
                   for h in links)
    time.sleep(0.1)
    assert recorder.requests == []


def test_a_source_url_with_quotes_cannot_break_out_of_its_link():
    events = hostile_events("http://127.0.0.1:9")
    page = brief_html(render_brief(events, generated=dt.date(2025, 6, 1)))
    parsed = Tags()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_stored_article_text_is_plain_text(cli, tmp_path):
    # Markup typed or pasted into an article is kept as the words it is, never as HTML.
    pasted = tmp_path / "pasted.txt"
    pasted.write_text("Talks <b>resume</b>\n\n<script>alert(1)</script> Delegations met on Friday.\n")
    library = tmp_path / "library.db"
    status, _, _ = cli("--library", library, "import", "--no-analysis", pasted)
    assert status == 0
    status, out, _ = cli("--library", library, "show", "1")
    assert "<script>alert(1)</script> Delegations met on Friday." in out


@pytest.mark.slow
def test_import_analysis_and_brief_of_a_hostile_page_request_nothing(cli, recorder, tmp_path):
    base = recorder.base
    body = "".join(f"<p>On 12 May 2025, Foreign Minister Hakan Fidan met delegates in Istanbul. {bit}</p>"
                   for bit in hostile_bits(base))
    page = tmp_path / "hostile.html"
    page.write_text(
        f'<html><head><title>Talks &lt;script&gt;</title><link rel="stylesheet" href="{base}/s.css">'
        f'<script src="{base}/head.js"></script></head><body><article><h1>Talks resume</h1>'
        f'<img src="{base}/pixel.gif" width="1" height="1">{body}'
        "<p>Officials said on 14 May 2025 that the talks would continue in Geneva.</p>"
        "</article></body></html>"
    )
    library = tmp_path / "library.db"
    status, out, _ = cli("--library", library, "import", page)
    assert status == 0, out
    status, preview, _ = cli("--library", library, "brief", "--html")
    assert status == 0
    parsed = assert_inert(preview, base)
    assert "Hakan Fidan" in "".join(parsed.text)
    time.sleep(0.1)
    assert recorder.requests == []
